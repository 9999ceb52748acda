"""Database engines, sessions and migrations.

The database is SQLite (WAL mode, one file under ``DONDOC_HOME``) unless ``DONDOC_DATABASE_URL``
names another one (PostgreSQL via ``postgresql+psycopg://``). The schema is owned by Alembic: the
migration scripts ship inside the package (``store/migrations``) so that ``init_db`` works from an
installed wheel, not only from a checkout.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["MIGRATIONS_DIR", "init_db", "json_loads", "make_engine", "make_sessionmaker", "session_scope"]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    # Reads of a large database (statistics over 100k tasks) come from memory: the file is mapped
    # (shared by every connection through the OS page cache) and each connection keeps up to
    # 32 MiB of pages instead of SQLite's default 2 MiB.
    cur.execute("PRAGMA mmap_size=268435456")
    cur.execute("PRAGMA cache_size=-32768")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def json_loads(text: str | bytes) -> Any:
    """JSON columns are read with orjson (several times faster than ``json.loads``); what orjson
    refuses but ``json.loads`` reads (NaN, integers beyond 64 bits) falls back to ``json.loads``,
    so every stored value reads back as before."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine for ``url`` (default: the settings' database). SQLite gets WAL and foreign keys."""
    if url is None:
        from dondoc.config import get_settings

        url = get_settings().resolved_database_url()
    kwargs.setdefault("json_deserializer", json_loads)
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 30, "check_same_thread": False})
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    return create_engine(url, **kwargs)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: objects stay readable after the unit of work commits (API responses).
    return sessionmaker(bind=engine, expire_on_commit=False)


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def init_db(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


@contextmanager
def session_scope(engine_or_maker: Engine | sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block ends, roll back if it raises."""
    maker = make_sessionmaker(engine_or_maker) if isinstance(engine_or_maker, Engine) else engine_or_maker
    with maker() as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
