"""CSRF protection for the server-rendered pages.

The pages authenticate with a session cookie, which a browser also sends on requests that
another site triggers. Every state-changing page request therefore carries a *CSRF token*: a
random value kept in the (signed) session and echoed back by the page, either as the hidden form
field ``csrf_token`` or, for HTMX requests, as the ``X-CSRF-Token`` header that ``base.html`` sets
through ``hx-headers``. A request whose token is missing or different is refused with 403.

The JSON API does not need this: it takes a bearer token, which browsers never attach on their own.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

__all__ = ["CSRF_FIELD", "CSRF_HEADER", "csrf_token", "rotate_csrf_token", "verify_csrf"]

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
_SESSION_KEY = "csrf"


def csrf_token(request: Request) -> str:
    """The session's token, created on first use."""
    token = request.session.get(_SESSION_KEY)
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        request.session[_SESSION_KEY] = token
    return token


def rotate_csrf_token(request: Request) -> str:
    """A fresh token (after login, so a token planted before login is useless)."""
    request.session.pop(_SESSION_KEY, None)
    return csrf_token(request)


async def verify_csrf(request: Request) -> None:
    """Dependency for unsafe methods: the header or form token must match the session's."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    expected = request.session.get(_SESSION_KEY)
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), sent):
        raise HTTPException(
            status_code=403,
            detail="Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Hãy tải lại trang và thử lại.",
        )
