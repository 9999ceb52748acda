"""The web application: HTTP API (``/api``), web pages, static files.

Errors are mapped to HTTP statuses here and only here: ``NotFoundError`` 404, ``ConflictError``
409, ``PermissionDeniedError`` 403, ``InputTooLargeError`` 413, ``UnsupportedFormatError`` 415,
any other ``InputError`` or ``StoreError`` 400 — always ``{"detail": message}``.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from dondoc.config import Settings, get_settings
from dondoc.errors import (
    ConflictError,
    DependencyError,
    DondocError,
    InputError,
    InputTooLargeError,
    NotFoundError,
    StoreError,
    UnsupportedFormatError,
)
from dondoc.store.db import init_db, make_engine, make_sessionmaker, session_scope
from dondoc.store.repo import PermissionDeniedError, ensure_seeded

__all__ = ["create_app", "status_of"]

STATIC_DIR = Path(__file__).with_name("static")


def status_of(exc: DondocError) -> int:
    """The HTTP status of a dondoc error."""
    for cls, code in (
        (NotFoundError, 404),
        (ConflictError, 409),
        (PermissionDeniedError, 403),
        (InputTooLargeError, 413),
        (UnsupportedFormatError, 415),
        (InputError, 400),
        (DependencyError, 503),
        (StoreError, 400),
    ):
        if isinstance(exc, cls):
            return code
    return 500


async def _dondoc_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DondocError)
    return JSONResponse({"detail": str(exc)}, status_code=status_of(exc))


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """After start-up, freeze what the process has loaded so far (modules, ORM mappers, routes,
    templates, the OCR-repair model: some 130,000 objects that live as long as the process) out of
    the garbage collector's reach. Every full collection used to rescan them — about 80 ms with the
    whole server stalled, about once a second under load — although none can ever be freed."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()  # an app that stops (tests make many) leaves nothing uncollectable behind



def create_app(settings: Settings | None = None, *, migrate: bool = True) -> FastAPI:
    """Build the app for ``settings`` (default: from the environment); migrates the database and
    seeds the units of a new one."""
    from dondoc.web import api
    from dondoc.web.pages import router as pages_router

    settings = settings or get_settings()
    engine = make_engine(settings.resolved_database_url())
    if migrate:
        init_db(engine)
        with session_scope(engine) as s:
            ensure_seeded(s)
    app = FastAPI(
        lifespan=_lifespan,
        title="dondoc",
        description="Theo dõi, đôn đốc nhiệm vụ từ văn bản chỉ đạo",
        version="1",
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.secret_key = settings.resolved_secret_key()
    app.add_middleware(
        SessionMiddleware,
        secret_key=app.state.secret_key,
        session_cookie="dondoc_session",
        same_site="lax",
        https_only=settings.base_url.startswith("https://"),
        max_age=settings.token_max_age_s,
    )
    app.add_exception_handler(DondocError, _dondoc_error)
    app.include_router(api.router)
    app.include_router(pages_router)
    STATIC_DIR.mkdir(exist_ok=True)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
