"""What every page module shares: templates, the signed-in user, role checks, friendly errors.

*Pages* are the server-rendered HTML of the web app (the JSON API lives elsewhere). A page route
is declared on a router made by ``page_router()``, whose route class turns every error into a
Vietnamese error page with the right 4xx status (or, for HTMX requests, a small ``_error.html``
fragment) instead of a JSON body or a traceback. A request without a signed-in user is sent to
``/login``.

Roles: ``admin`` and ``office`` (the office that tracks implementation) upload, review and
confirm documents and manage all tasks; ``leader`` sees everything and decides extensions;
``unit`` sees and reports on the tasks its unit owns, and nothing else (anything else is 404).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from dondoc.errors import ConflictError, InputError, NotFoundError
from dondoc.labels import BUCKET_NAMES, KIND_NAMES, OWNER_ROLE_NAMES
from dondoc.store.models import User
from dondoc.store.repo import PermissionDeniedError
from dondoc.web.csrf import csrf_token, verify_csrf

__all__ = [
    "BUCKET_NAMES",
    "ROLE_NAMES",
    "PageRoute",
    "flash",
    "get_db",
    "is_htmx",
    "page_router",
    "page_user",
    "render",
    "require",
    "templates",
    "today",
]

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

ROLE_NAMES = {
    "admin": "Quản trị",
    "office": "Văn phòng (theo dõi)",
    "unit": "Đơn vị thực hiện",
    "leader": "Lãnh đạo",
}
def vn_date(value: Any) -> str:
    """``2021-06-30`` -> ``30/06/2021``; datetimes also show the time; empty for ``None``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def vn_number(value: Any, digits: int = 2) -> str:
    """``5.72`` -> ``5,72``; ``22900.0`` -> ``22.900`` (Vietnamese separators)."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        s = f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    else:
        s = f"{int(value):,}"
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


templates.env.filters["vn_date"] = vn_date
templates.env.filters["vn_number"] = vn_number
templates.env.globals.update(
    role_names=ROLE_NAMES, bucket_names=BUCKET_NAMES, owner_role_names=OWNER_ROLE_NAMES, kind_names=KIND_NAMES
)


def today() -> dt.date:
    return dt.date.today()


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def get_db(request: Request) -> Iterator[Session]:
    """One database session per request; the route commits what it changes."""
    maker = request.app.state.sessionmaker
    with maker() as s:
        yield s


def flash(request: Request, text: str, kind: str = "ok") -> None:
    """A message shown once on the next page rendered for this session."""
    request.session.setdefault("flashes", []).append({"text": text, "kind": kind})


def _login_redirect(request: Request) -> HTTPException:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = f"/login?next={quote(target)}"
    # A 303 with Location works for browsers; HX-Redirect makes HTMX leave the page too.
    return HTTPException(status_code=303, headers={"Location": location, "HX-Redirect": location})


def page_user(request: Request, db: Session = Depends(get_db)) -> User:
    """The signed-in, active user (or a redirect to the login page)."""
    uid = request.session.get("user_id")
    user = db.get(User, uid) if isinstance(uid, int) else None
    if user is None or not user.is_active:
        request.session.pop("user_id", None)
        raise _login_redirect(request)
    request.state.user = user
    return user


def require(*roles: str) -> Callable[..., User]:
    """Dependency: the signed-in user, who must have one of ``roles`` (else 403)."""

    def dep(user: User = Depends(page_user)) -> User:
        if user.role not in roles:
            raise HTTPException(status_code=403, detail="Tài khoản của bạn không có quyền mở trang này.")
        return user

    return dep


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> HTMLResponse:
    """Render a template with the common context: ``user``, ``csrf`` and pending ``flashes``."""
    ctx: dict[str, Any] = {"user": getattr(request.state, "user", None), "csrf": csrf_token(request)}
    if not name.startswith("_"):
        ctx["flashes"] = request.session.pop("flashes", [])
    ctx.update(context or {})
    return templates.TemplateResponse(request, name, ctx, status_code=status_code)


_HEADINGS = {
    400: "Yêu cầu không hợp lệ",
    403: "Không có quyền truy cập",
    404: "Không tìm thấy",
    405: "Thao tác không được hỗ trợ",
    409: "Dữ liệu đã thay đổi",
    413: "Tệp quá lớn",
    415: "Loại tệp không được hỗ trợ",
    422: "Dữ liệu chưa hợp lệ",
}


def error_page(request: Request, status: int, message: str) -> Response:
    """The friendly error page (full page, or a fragment for HTMX requests)."""
    heading = _HEADINGS.get(status, "Có lỗi xảy ra")
    name = "_error.html" if is_htmx(request) else "error.html"
    ctx = {"heading": heading, "message": message, "back_url": request.headers.get("referer") or "/"}
    resp = render(request, name, ctx, status_code=status)
    if is_htmx(request):
        # Let HTMX swap the message in although the status is an error.
        resp.headers["HX-Reswap"] = "innerHTML"
        resp.headers["HX-Retarget"] = "#messages"
    return resp


class PageRoute(APIRoute):
    """A route whose errors become friendly pages, never JSON or a 500 with a traceback."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except HTTPException as exc:
                if exc.status_code in (301, 302, 303, 307):
                    return Response(status_code=exc.status_code, headers=exc.headers)
                return error_page(request, exc.status_code, str(exc.detail))
            except PermissionDeniedError as exc:
                return error_page(request, 403, f"Không thực hiện được: {exc.message}.")
            except NotFoundError:
                return error_page(request, 404, "Không có mục này, hoặc bạn không được giao theo dõi nó.")
            except ConflictError:
                return error_page(
                    request, 409, "Người khác vừa sửa mục này. Hãy tải lại trang để thấy bản mới nhất rồi sửa lại."
                )
            except InputError as exc:
                return error_page(request, 400, str(exc.message))
            except RequestValidationError as exc:
                fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
                return error_page(request, 400, f"Thông tin nhập chưa đúng ({fields}). Hãy kiểm tra và thử lại.")
            except Exception:
                log.exception("page error on %s", request.url.path)
                return error_page(request, 500, "Có lỗi ngoài ý muốn. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên.")

        return guarded


def page_router() -> APIRouter:
    """A router for pages: friendly errors and a CSRF check on every unsafe request."""
    return APIRouter(route_class=PageRoute, dependencies=[Depends(verify_csrf)], include_in_schema=False)
