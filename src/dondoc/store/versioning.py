"""The data version: one counter that every committed write to the database moves.

Caches of read-only answers (statistics, list totals, unit pickers; see ``repo.cached_read``)
are keyed on it, so they can never serve an answer from before a write — whichever process made
the write (another server worker, the command line, a script with plain SQL): the counter is
moved by database triggers, not by the application.

- ``data_version`` has one row (``id = 1``). Triggers on every other table add 1 to it.
- *SQLite*: one ``AFTER INSERT/UPDATE/DELETE ... FOR EACH ROW`` trigger per table and operation.
  SQLite has a single writer, so the counter row is never contended.
- *PostgreSQL*: a ``DEFERRABLE INITIALLY DEFERRED`` constraint trigger per table, so the counter
  row is locked only at commit, after every other lock the transaction takes (an immediate
  trigger would hold it from the first write and let two writers deadlock on it), and at most
  once per transaction (a transaction-local setting remembers that it was moved). The update
  commits with the data, and a concurrent writer's update waits and then adds to the new value,
  so equal versions mean equal data.

A reader takes the version *before* it reads the data, so an answer cached under version ``v``
is never older than ``v``. SQLite's batch migrations copy a table anew and lose its triggers:
a migration that does so must call ``install_triggers`` for that table again (a test checks that
every table has them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

__all__ = ["FUNCTION", "TABLE", "advance_past", "drop_triggers", "install_triggers", "read_version", "trigger_names"]

TABLE = "data_version"
FUNCTION = "dondoc_bump_data_version"
_OPS = ("insert", "update", "delete")

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('dondoc.data_version_moved', true) IS DISTINCT FROM 'yes' THEN
        UPDATE {TABLE} SET version = version + 1 WHERE id = 1;
        PERFORM set_config('dondoc.data_version_moved', 'yes', true);
    END IF;
    RETURN NULL;
END
$$
"""


def trigger_names(table: str, dialect: str) -> list[str]:
    """The names of the triggers that ``install_triggers`` puts on ``table``."""
    if dialect == "postgresql":
        return [f"dv_{table}"]
    return [f"dv_{table}_{op}" for op in _OPS]


def install_triggers(conn: Any, tables: Iterable[str]) -> None:
    """Make every write to ``tables`` move the data version (idempotent). ``conn``: a SQLAlchemy
    connection (an Alembic migration passes ``op.get_bind()``)."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        conn.execute(text(_PG_FUNCTION))
    for table in tables:
        drop_triggers(conn, [table])
        if dialect == "postgresql":
            conn.execute(
                text(
                    f'CREATE CONSTRAINT TRIGGER dv_{table} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                    f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
                )
            )
            continue
        for op in _OPS:
            conn.execute(
                text(
                    f'CREATE TRIGGER dv_{table}_{op} AFTER {op.upper()} ON "{table}" FOR EACH ROW '
                    f"BEGIN UPDATE {TABLE} SET version = version + 1 WHERE id = 1; END"
                )
            )


def drop_triggers(conn: Any, tables: Iterable[str]) -> None:
    dialect = conn.dialect.name
    for table in tables:
        for name in trigger_names(table, dialect):
            on = f' ON "{table}"' if dialect == "postgresql" else ""
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}{on}"))


def read_version(s: Session) -> int | None:
    """The current data version (``None`` when the row is missing: then nothing may be cached)."""
    value = s.execute(text(f"SELECT version FROM {TABLE} WHERE id = 1")).scalar()
    return None if value is None else int(value)


def advance_past(s: Session, floor: int | None) -> None:
    """Move the version past ``floor`` (the version before a restore replaced the data).

    A restored database carries the version of its backup, which a running server may already
    have cached answers for (with different data); moving past every version seen before the
    restore keeps "equal versions mean equal data" true.
    """
    current = read_version(s)
    if current is None:
        return
    s.execute(text(f"UPDATE {TABLE} SET version = :v WHERE id = 1"), {"v": max(current, floor or 0) + 1})
