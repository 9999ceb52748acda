"""Signing in and out of the web pages, and the home page that sends each role to its start page.

The session cookie (Starlette's signed ``SessionMiddleware`` cookie: HttpOnly, SameSite=Lax) holds
only ``user_id`` and the CSRF token. Signing in clears the session first, so nothing from before
the login (a planted token, say) survives it.
"""

from __future__ import annotations

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from dondoc.store import repo
from dondoc.store.models import User
from dondoc.web.csrf import rotate_csrf_token
from dondoc.web.pages.common import get_db, page_router, page_user, render

router = page_router()

START_PAGE = {"leader": "/dashboard", "office": "/documents", "admin": "/documents", "unit": "/tasks"}


def _safe_next(target: str | None) -> str | None:
    """Only local paths: never let ``next`` send a user to another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": _safe_next(next) or "", "error": None, "username": ""})


@router.post("/login")
def login(
    request: Request,
    username: str = Form(""),
    password: str = Form(""),
    next: str = Form(""),
    db: Session = Depends(get_db),
) -> Response:
    user = repo.authenticate(db, username.strip(), password) if username and password else None
    if user is None:
        ctx = {"next": _safe_next(next) or "", "username": username,
               "error": "Sai tên đăng nhập hoặc mật khẩu. Hãy kiểm tra lại (chữ hoa, chữ thường)."}
        return render(request, "login.html", ctx, status_code=400)
    db.commit()  # authenticate may upgrade an old password hash
    request.session.clear()
    request.session["user_id"] = user.id
    rotate_csrf_token(request)
    return RedirectResponse(_safe_next(next) or START_PAGE.get(user.role, "/tasks"), status_code=303)


@router.post("/logout")
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/")
def home(user: User = Depends(page_user)) -> Response:
    return RedirectResponse(START_PAGE.get(user.role, "/tasks"), status_code=303)
