"""data version counter, moved by triggers on every table

Caches of read-only answers are keyed on ``data_version.version``; triggers move it on every
write to any table, from any process (see ``dondoc.store.versioning``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dondoc.store import versioning

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Every table of revisions 0001-0004 (a later table installs its own triggers).
TABLES = (
    "unit",
    "user_account",
    "document",
    "task",
    "task_owner",
    "progress_report",
    "attachment",
    "extension",
    "indicator",
    "observation",
    "explanation_request",
    "notification",
    "audit_log",
)


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute(sa.text("INSERT INTO data_version (id, version) VALUES (1, 0)"))
    versioning.install_triggers(op.get_bind(), TABLES)


def downgrade() -> None:
    bind = op.get_bind()
    versioning.drop_triggers(bind, TABLES)
    if bind.dialect.name == "postgresql":
        op.execute(sa.text(f"DROP FUNCTION IF EXISTS {versioning.FUNCTION}()"))
    op.drop_table("data_version")
