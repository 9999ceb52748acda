"""index in the order of the task list (due date, undated last, then id)

The task list opens sorted by ``due_date IS NULL, due_date, id`` (undated tasks last). With an
index in exactly that order the first page, or page 50, reads a few index entries instead of
sorting every tracked task; an overdue filter (``due_date < as_of``) is a range of it too.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_task_due_order", "task", [sa.text("(due_date IS NULL)"), "due_date", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_task_due_order", table_name="task")
