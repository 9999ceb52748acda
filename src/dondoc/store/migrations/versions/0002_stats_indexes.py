"""covering indexes for statistics

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index("ix_task_document_due")
        batch_op.create_index("ix_task_document_due_done", ["document_id", "due_date", "done_at"], unique=False)
    with op.batch_alter_table("task_owner", schema=None) as batch_op:
        batch_op.create_index("ix_task_owner_task_unit_role", ["task_id", "unit_id", "role"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("task_owner", schema=None) as batch_op:
        batch_op.drop_index("ix_task_owner_task_unit_role")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index("ix_task_document_due_done")
        batch_op.create_index("ix_task_document_due", ["document_id", "due_date"], unique=False)
