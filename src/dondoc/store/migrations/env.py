"""Alembic environment: runs on the connection that ``dondoc.store.db.init_db`` passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from dondoc.store.models import Base

target_metadata = Base.metadata
config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # plain `alembic` command line: -x url=...
        url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
        if not url:
            raise SystemExit("give the database: alembic -x url=sqlite:///path/dondoc.sqlite3 upgrade head")
        with create_engine(url).begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
