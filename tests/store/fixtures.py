"""Database fixtures shared by the store, API and CLI tests (import them into a test module).

``db_url`` is parametrised over a fresh SQLite file and PostgreSQL. Each PostgreSQL test gets its
own schema (``search_path`` pinned through the URL), dropped afterwards, so parallel runs and
other engineers' tests never see each other's rows. When PostgreSQL does not answer, its cases
are skipped — unless ``DONDOC_REQUIRE_PG=1`` (set by ``.ci/run``), where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from dondoc.store.db import init_db, make_engine
from dondoc.web import security

__all__ = ["DB_KINDS", "PG_URL", "cheap_argon2", "db_url", "engine", "pg_available", "temp_database"]

PG_URL = os.environ.get("DONDOC_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

_pg_state: dict[str, str | None] = {}


def pg_available() -> str | None:
    """``None`` when PostgreSQL answers, else the reason it does not (checked once per run)."""
    if "reason" not in _pg_state:
        try:
            eng = create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with eng.connect() as conn:
                conn.execute(text("SELECT 1"))
            eng.dispose()
            _pg_state["reason"] = None
        except Exception as exc:
            _pg_state["reason"] = f"PostgreSQL at {PG_URL} does not answer: {type(exc).__name__}"
    return _pg_state["reason"]


@contextmanager
def temp_database(kind: str, directory: Path) -> Iterator[str]:
    """The URL of an empty database of ``kind`` ("sqlite" or "postgres"), removed afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{directory / 'dondoc.sqlite3'}"
        return
    reason = pg_available()
    if reason is not None:
        if os.environ.get("DONDOC_REQUIRE_PG") == "1":
            pytest.fail(f"{reason} (DONDOC_REQUIRE_PG=1)")
        pytest.skip(reason)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        sep = "&" if "?" in PG_URL else "?"
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


DB_KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=DB_KINDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database (no schema yet)."""
    with temp_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated database."""
    eng = make_engine(db_url)
    init_db(eng)
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture(autouse=True)
def cheap_argon2() -> Iterator[None]:
    """Argon2 at its real cost takes seconds on a loaded CI machine; the tests need correctness."""
    security.configure_hasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    security.configure_hasher()
