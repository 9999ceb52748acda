"""The data version (migration 0005, ``dondoc.store.versioning``) and the caches keyed on it.

Every committed write to any table, from any connection (another process, plain SQL), moves the
version, so a cached statistic or list total is answered anew; a rolled-back write does not. Also:
the ORM models and the migrations describe the same schema. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import warnings

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, select, text, update

from dondoc.store import repo, versioning
from dondoc.store.db import make_engine, session_scope
from dondoc.store.models import Base, Task, Unit
from tests.store.helpers import make_users, sample_extraction

AS_OF = dt.date(2021, 7, 1)


def _version(engine: Engine) -> int:
    with session_scope(engine) as s:
        v = repo.data_version(s)
    assert v is not None
    return v


def _confirmed_world(engine: Engine) -> int:
    with session_scope(engine) as s:
        office = make_users(s)["office"]
        doc = repo.create_document(s, sample_extraction(), filename="kl.txt", data=b"x", user=office)
        repo.confirm_document(s, doc.id, user=office)
        return office.id


def test_every_table_has_the_version_triggers(engine: Engine) -> None:
    dialect = engine.dialect.name
    with engine.connect() as conn:
        if dialect == "postgresql":
            found = set(conn.scalars(text("SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                          "WHERE c.relnamespace = current_schema()::regnamespace")))
        else:
            found = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    tables = [t for t in Base.metadata.tables if t != versioning.TABLE]
    assert len(tables) >= 13
    for table in tables:
        assert set(versioning.trigger_names(table, dialect)) <= found, table


def test_writes_move_the_version_and_rollbacks_do_not(engine: Engine) -> None:
    _confirmed_world(engine)
    v0 = _version(engine)
    with session_scope(engine) as s:
        s.execute(update(Unit).where(Unit.name == "Sở Xây dựng").values(short_name="SXD"))
    v1 = _version(engine)
    assert v1 > v0
    with engine.connect() as conn:
        conn.execute(text("UPDATE task SET progress = 5"))
        conn.rollback()
    assert _version(engine) == v1
    with engine.begin() as conn:  # many rows, one transaction
        conn.execute(text("UPDATE task SET progress = 5"))
    assert _version(engine) > v1
    if engine.dialect.name == "postgresql":  # a deferred trigger moves it once per transaction
        v2 = _version(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE task SET progress = 6"))
            conn.execute(text("UPDATE unit SET short_name = 'x'"))
        assert _version(engine) == v2 + 1


def test_a_write_from_another_process_refreshes_the_caches(engine: Engine) -> None:
    """Another engine on the same database (as another server process or a script with plain
    SQL, which writes no audit row) marks a task done: cached stats and totals follow at once."""
    office_id = _confirmed_world(engine)

    def read() -> tuple[int, int, bytes]:
        with session_scope(engine) as s:
            office = repo.get_user(s, office_id)
            st = repo.stats(s, user=office, as_of=AS_OF, cache=True)
            _, total = repo.list_tasks(s, user=office, as_of=AS_OF, bucket="done_on_time", cache=True)
            body = repo.cached_read(s, ("test-body",), lambda: repr(repo.stats(s, user=office, as_of=AS_OF)).encode())
            return st["done_on_time"], total, body

    before = read()
    assert before[:2] == (0, 0) and read() == before
    other = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with other.begin() as conn:
            first = conn.scalar(select(Task.id).order_by(Task.id).limit(1))
            conn.execute(update(Task).where(Task.id == first).values(status="done", done_at=dt.date(2021, 3, 1)))
    finally:
        other.dispose()
    after = read()
    assert after[:2] == (1, 1) and after[2] != before[2]


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as conn, warnings.catch_warnings():
        # An expression index (ix_task_due_order) cannot be reflected; it is compared by name below.
        warnings.simplefilter("ignore")
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("task")}
    assert diff == []
    if engine.dialect.name == "postgresql":
        assert "ix_task_due_order" in indexes


def test_concurrent_readers_of_a_new_question_compute_it_once(engine: Engine) -> None:
    """After a write, callers asking the same question wait for one computation."""
    _confirmed_world(engine)
    calls: list[int] = []
    release = threading.Event()

    def compute() -> int:
        calls.append(1)
        release.wait(5)
        return 42

    def read(out: list[int]) -> None:
        with session_scope(engine) as s:
            out.append(repo.cached_read(s, ("test-single-flight",), compute))

    results: list[int] = []
    threads = [threading.Thread(target=read, args=(results,)) for _ in range(3)]
    for t in threads:
        t.start()
    time.sleep(0.2)  # the later readers are waiting for the first one's computation
    release.set()
    for t in threads:
        t.join(10)
    assert results == [42, 42, 42] and len(calls) == 1
