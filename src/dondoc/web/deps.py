"""FastAPI dependencies of the JSON API: the unit of work, the current user and role checks.

*Unit of work*: one ``Session`` per request, committed when the path operation returns (before the
response is sent, so a failed commit is an error response, never a lost write) and rolled back if
it raises. The API's routes are ``UnitOfWorkRoute``: a plain ``def`` handler commits (or rolls
back) and closes its session itself, in the same worker-thread call as its queries, so a request
holds a database connection only while its handler runs, never while it waits for a thread, and
costs one thread hop instead of five.
*Database threads*: the handlers run in worker threads of their own, at most
``db_threads()`` at once (1 on SQLite, 8 on a server database), not in the 40 threads of the
default pool. SQLite's work is CPU in this very process and its driver lets go of the GIL at
every row, so a second thread only makes the two hand the GIL back and forth: at 50 concurrent
clients of the task list, 40 threads spent 2.5 times the CPU per request of 1, and 2 threads
1.4 times (``bench/api.py``), while a server database leaves its threads waiting on the network.
Handlers marked ``runs_long`` (the upload pipeline: OCR, PDF parsing) keep the default pool, so
that a long upload never holds up the short requests; a slow read (a full statistics after a
write, a text search) does hold up the others on SQLite for its duration.
*Current user*: from ``Authorization: Bearer <token>`` (scripts, the API) or from the session
cookie's ``user_id`` (the web pages). The dependency checks the token's signature and age in the
event loop (``signed_in``); the route then reads the user in the handler's thread and session,
on every request, so a deactivated user is refused at once. Unknown, expired or deactivated: 401;
a role the route does not let through: 403.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
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
    "SignedIn",
    "UnitOfWorkRoute",
    "db_threads",
    "get_session",
    "get_settings_dep",
    "require_role",
    "runs_long",
    "signed_in",
]


def db_threads(dialect: str) -> int:
    """How many API handlers may work on the database at once (module docstring)."""
    return 1 if dialect == "sqlite" else 8


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
    """``endpoint(**kwargs)`` — its ``SignedIn`` argument made the ``User`` first, in its
    session — then the end of the unit of work of its ``Session`` arguments: commit when it
    returns, roll back when it raises; close."""
    sessions = [v for v in kwargs.values() if isinstance(v, Session)]
    try:
        for name, value in kwargs.items():
            if isinstance(value, SignedIn):
                if not sessions:
                    raise RuntimeError(f"{endpoint.__name__}: a route with a signed-in user needs a SessionDep")
                kwargs[name] = _sign_in(sessions[0], value)
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
    ``runs_long`` — signing in its user and ending its unit of work there (``_run_unit_of_work``)."""
    if inspect.iscoroutinefunction(endpoint):
        raise TypeError(f"{endpoint.__name__}: API handlers are plain def (they run in a database thread)")
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


@dataclass(frozen=True)
class SignedIn:
    """Who signed the request (a valid token or session cookie) and which roles the route lets
    through (``None``: any). A ``UnitOfWorkRoute`` turns it into the ``User`` (``_sign_in``)."""

    uid: int
    roles: tuple[str, ...] | None = None


def _unauthorized() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        detail="chưa đăng nhập hoặc phiên đã hết hạn; lấy token tại /api/auth/token",
        headers={"WWW-Authenticate": "Bearer"},
    )


async def signed_in(request: Request) -> SignedIn:
    """The user id of a valid token (or session cookie); 401 without one. A signature check in
    the event loop, no I/O: the user is read by the route, in the handler's own session."""
    settings: Settings = request.app.state.settings
    token = _bearer(request)
    if token is not None:
        uid = read_token(request.app.state.secret_key, token, max_age_s=settings.token_max_age_s)
    else:
        raw = request.session.get("user_id") if "session" in request.scope else None
        uid = raw if isinstance(raw, int) else None
    if uid is None:
        raise _unauthorized()
    return SignedIn(uid)


def _sign_in(s: Session, who: SignedIn) -> User:
    """The active user ``who`` names, read in the request's session; 401 if unknown or
    deactivated (checked on every request), 403 if the route does not let its role through."""
    user = s.get(User, who.uid)
    if user is None or not user.is_active:
        raise _unauthorized()
    if who.roles is not None and user.role not in who.roles:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="vai trò của bạn không được phép làm việc này")
    return user


# The signed-in user of an API route (which must also take a ``SessionDep``): the dependency gives
# a ``SignedIn`` and the route puts the ``User`` in its place (``UnitOfWorkRoute``).
CurrentUser = Annotated[User, Depends(signed_in)]


def require_role(*roles: str) -> Callable[[SignedIn], Coroutine[Any, Any, SignedIn]]:
    """A dependency that lets only ``roles`` through (403 for the others)."""

    async def check(who: Annotated[SignedIn, Depends(signed_in)]) -> SignedIn:
        return SignedIn(who.uid, roles)

    return check
