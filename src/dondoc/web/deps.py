"""FastAPI dependencies of the JSON API: the unit of work, the current user and role checks.

*Unit of work*: one ``Session`` per request, committed when the path operation returns (before the
response is sent, so a failed commit is an error response, never a lost write) and rolled back if
it raises. The API's routes are ``UnitOfWorkRoute``: a plain ``def`` handler commits (or rolls
back) and closes its session itself, in the same worker-thread call as its queries, so a request
holds a database connection only while its handler runs, never while it waits for a thread, and
costs two thread hops (the user, the handler) instead of five.
*Database threads*: the handlers and the user look-up run in worker threads of their own, at most
``db_threads()`` at once (2 on SQLite, 8 on a server database), not in the 40 threads of the
default pool. SQLite's work is CPU in this very process, so more threads only take turns at the
GIL — at 50 concurrent clients, 40 threads spent 2.5 times the CPU per request that 2 did (see
``bench/api.py``) — while a server database leaves its threads waiting on the network. Handlers
marked ``runs_long`` (the upload pipeline: OCR, PDF parsing) keep the default pool, so that a long
upload never holds up the short requests.
*Current user*: from ``Authorization: Bearer <token>`` (scripts, the API) or from the session
cookie's ``user_id`` (the web pages): the token's signature and age are checked, then the user is
read from the database on every request (a deactivated user is refused at once). Unknown,
expired or deactivated: 401.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any

import anyio
from fastapi import Depends, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session

from dondoc.config import Settings
from dondoc.store.models import User
from dondoc.web.security import read_token

__all__ = [
    "CurrentUser",
    "SessionDep",
    "UnitOfWorkRoute",
    "current_user",
    "db_threads",
    "get_session",
    "get_settings_dep",
    "optional_user",
    "require_role",
    "runs_long",
]


def db_threads(dialect: str) -> int:
    """How many API handlers may work on the database at once (module docstring)."""
    return 2 if dialect == "sqlite" else 8


_LIMITERS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, anyio.CapacityLimiter]] = (
    weakref.WeakKeyDictionary()
)


def _db_limiter(dialect: str) -> anyio.CapacityLimiter:
    """The database threads' limiter of the running event loop (a limiter belongs to one loop)."""
    per_loop = _LIMITERS.setdefault(asyncio.get_running_loop(), {})
    limiter = per_loop.get(dialect)
    if limiter is None:
        limiter = per_loop[dialect] = anyio.CapacityLimiter(db_threads(dialect))
    return limiter


async def in_db_thread(dialect: str, func: Callable[..., Any], *args: Any) -> Any:
    """``func(*args)`` in a database worker thread (at most ``db_threads(dialect)`` at once)."""
    return await anyio.to_thread.run_sync(func, *args, limiter=_db_limiter(dialect))


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's session. Made in the event loop (no I/O: it connects on first use); the
    handler ends it (``UnitOfWorkRoute``). Whatever is still open afterwards — an ``async``
    handler's work — is committed (rolled back on error) and closed here, in a worker thread."""
    s: Session = request.app.state.sessionmaker()
    try:
        yield s
    except BaseException:
        if s.in_transaction():
            await run_in_threadpool(_end, s, False)
        s.close()
        raise
    if s.in_transaction():
        await run_in_threadpool(_end, s, True)
    s.close()


def _end(s: Session, commit: bool) -> None:
    """Commit (when ``commit``; a failed commit is rolled back and raised) or roll back; close."""
    try:
        if commit:
            s.commit()
        else:
            s.rollback()
    except BaseException:
        s.rollback()
        raise
    finally:
        s.close()


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def runs_long(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a handler that may take seconds (OCR, PDF parsing): it runs in the default thread
    pool, not in the few database threads."""
    endpoint.runs_long = True  # type: ignore[attr-defined]
    return endpoint


def _run_unit_of_work(endpoint: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    """``endpoint(**kwargs)``, then the end of the unit of work of its ``Session`` arguments:
    commit when it returns, roll back when it raises; close."""
    sessions = [v for v in kwargs.values() if isinstance(v, Session)]
    try:
        result = endpoint(**kwargs)
    except BaseException:
        for s in sessions:
            _end(s, False)
        raise
    for s in sessions:
        _end(s, True)
    return result


def in_unit_of_work(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """``endpoint`` (a plain ``def``) run in a worker thread — a database thread unless it
    ``runs_long`` — and ending its unit of work there (``_run_unit_of_work``)."""
    if inspect.iscoroutinefunction(endpoint):
        return endpoint
    if getattr(endpoint, "runs_long", False):

        @functools.wraps(endpoint)
        def run_long(**kwargs: Any) -> Any:
            return _run_unit_of_work(endpoint, kwargs)

        return run_long

    @functools.wraps(endpoint)
    async def run(**kwargs: Any) -> Any:
        dialect = next((v.get_bind().dialect.name for v in kwargs.values() if isinstance(v, Session)), "")
        return await in_db_thread(dialect, _run_unit_of_work, endpoint, kwargs)

    return run


class UnitOfWorkRoute(APIRoute):
    """An API route whose handler ends its unit of work itself (``in_unit_of_work``)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, in_unit_of_work(endpoint), **kwargs)


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def optional_user(request: Request) -> User | None:
    """The signed-in user, or ``None``. The token is checked in the event loop (a signature:
    no I/O); the user is read in a database thread, in a session of its own closed at once:
    the user (with its unit) stays readable, and no connection is held while the request waits
    for its handler's thread."""
    settings: Settings = request.app.state.settings
    token = _bearer(request)
    if token is not None:
        uid = read_token(request.app.state.secret_key, token, max_age_s=settings.token_max_age_s)
    else:
        raw = request.session.get("user_id") if "session" in request.scope else None
        uid = raw if isinstance(raw, int) else None
    if uid is None:
        return None
    user: User | None = await in_db_thread(request.app.state.engine.dialect.name, _load_user, request, uid)
    return user


def _load_user(request: Request, uid: int) -> User | None:
    with request.app.state.sessionmaker() as s:
        user = s.get(User, uid)
    return user if user is not None and user.is_active else None


async def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    """The signed-in user; 401 when there is none (``async``: no I/O, so no thread-pool hop)."""
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="chưa đăng nhập hoặc phiên đã hết hạn; lấy token tại /api/auth/token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def require_role(*roles: str) -> Callable[[User], Coroutine[Any, Any, User]]:
    """A dependency that lets only ``roles`` through (403 for the others)."""

    async def check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, detail="vai trò của bạn không được phép làm việc này"
            )
        return user

    return check
