"""FastAPI dependencies: the unit of work, the current user and role checks.

*Unit of work*: one ``Session`` per request, committed when the path operation returns (before the
response is sent, so a failed commit is an error response, never a lost write) and rolled back if
it raises. *Current user*: from ``Authorization: Bearer <token>`` (scripts, the API) or from the
session cookie's ``user_id`` (the web pages). Unknown, expired or deactivated: 401.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy.orm import Session

from dondoc.config import Settings
from dondoc.store.db import session_scope
from dondoc.store.models import User
from dondoc.web.security import read_token

__all__ = [
    "CurrentUser",
    "SessionDep",
    "current_user",
    "get_session",
    "get_settings_dep",
    "optional_user",
    "require_role",
]


def get_session(request: Request) -> Iterator[Session]:
    """One unit of work per request: commit at the end, roll back on error."""
    with session_scope(request.app.state.sessionmaker) as s:
        yield s


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def optional_user(request: Request, s: SessionDep) -> User | None:
    """The signed-in user, or ``None`` (pages decide themselves what to do then)."""
    settings: Settings = request.app.state.settings
    token = _bearer(request)
    if token is not None:
        uid = read_token(request.app.state.secret_key, token, max_age_s=settings.token_max_age_s)
    else:
        raw = request.session.get("user_id") if "session" in request.scope else None
        uid = raw if isinstance(raw, int) else None
    if uid is None:
        return None
    user = s.get(User, uid)
    return user if user is not None and user.is_active else None


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    """The signed-in user; 401 when there is none."""
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="chưa đăng nhập hoặc phiên đã hết hạn; lấy token tại /api/auth/token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def require_role(*roles: str) -> Callable[[User], User]:
    """A dependency that lets only ``roles`` through (403 for the others)."""

    def check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, detail="vai trò của bạn không được phép làm việc này"
            )
        return user

    return check
