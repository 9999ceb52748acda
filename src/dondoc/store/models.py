"""ORM models of the tracking service (SQLAlchemy 2, ``Mapped[]``).

Terms:
- *Unit* (đơn vị): a body that owns tasks — a department (Sở), a district (quận/huyện), the city
  itself. Units form a tree through ``parent_id``.
- *Document*: one uploaded directive with its extraction JSON. It is a ``draft`` until a person
  confirms it; only tasks of ``confirmed`` documents are tracked.
- *Task*: the editable copy of an extracted task. ``version`` is the optimistic-concurrency
  counter: every UPDATE carries ``WHERE version = :old`` (SQLAlchemy's ``version_id_col``).
  ``due_date`` is the current deadline; ``original_due_date`` the extracted one (extensions move
  the first and keep the second). ``done_at`` is the day the task was completed.
- *Extension* (gia hạn), *ProgressReport* (báo cáo tiến độ), *ExplanationRequest* (giải trình),
  *Notification* (one reminder digest per unit, day and channel), *AuditLog* (every write).

File contents (original documents, attachments) are stored in the database itself, so that a
backup of the database is a backup of everything. They are deferred columns: listing documents
never loads them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship

__all__ = [
    "Attachment",
    "AuditLog",
    "Base",
    "DataVersion",
    "Document",
    "ExplanationRequest",
    "Extension",
    "Indicator",
    "Notification",
    "Observation",
    "ProgressReport",
    "Task",
    "TaskOwner",
    "Unit",
    "User",
    "utcnow",
]

ROLES = ("admin", "office", "unit", "leader")
OWNER_ROLES = ("lead", "support", "monitor")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps stored as naive UTC (SQLite has no time zones) and read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Unit(Base):
    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str | None] = mapped_column(String(40))  # city | department | district | party | other
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"), index=True)
    email: Mapped[str | None] = mapped_column(String(300))  # the unit's mailbox for reminder digests

    parent: Mapped[Unit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Unit]] = relationship(back_populates="parent")


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"), index=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    email: Mapped[str | None] = mapped_column(String(300))

    unit: Mapped[Unit | None] = relationship(lazy="joined")


class Document(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    format: Mapped[str | None] = mapped_column(String(20))
    extraction: Mapped[dict[str, Any]] = deferred(mapped_column(JSON))
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    kind: Mapped[str | None] = mapped_column(String(40))
    number: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(String(300))
    issued_date: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[dt.datetime | None]
    confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    tasks: Mapped[list[Task]] = relationship(back_populates="document", cascade="all, delete-orphan", order_by="Task.id")
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Indicator.id"
    )


class Task(Base):
    __tablename__ = "task"
    __table_args__ = (
        # Covers the statistics (bucket = f(due_date, done_at)) of confirmed documents' tasks.
        Index("ix_task_document_due_done", "document_id", "due_date", "done_at"),
        Index("ix_task_due_done", "due_date", "done_at"),
        # The task list's default order (undated last); see migration 0004.
        Index("ix_task_due_order", text("(due_date IS NULL)"), "due_date", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    ext_id: Mapped[str | None] = mapped_column(String(50))  # the task id in the extraction JSON
    section: Mapped[str | None] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    action: Mapped[str | None] = mapped_column(String(200))
    target_quantity: Mapped[float | None] = mapped_column(Float)
    target_unit: Mapped[str | None] = mapped_column(String(100))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    due_earliest: Mapped[dt.date | None] = mapped_column(Date)
    due_expression: Mapped[str | None] = mapped_column(String(300))
    due_explicit: Mapped[bool] = mapped_column(Boolean, default=False)
    original_due_date: Mapped[dt.date | None] = mapped_column(Date)
    items: Mapped[list[Any]] = mapped_column(JSON, default=list)
    references: Mapped[list[Any]] = mapped_column(JSON, default=list)
    start: Mapped[int | None] = mapped_column(Integer)  # evidence span in the extraction's text
    end: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="open")
    done_at: Mapped[dt.date | None] = mapped_column(Date)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime | None]

    document: Mapped[Document] = relationship(back_populates="tasks")
    owners: Mapped[list[TaskOwner]] = relationship(
        back_populates="task", cascade="all, delete-orphan", lazy="selectin", order_by="TaskOwner.unit_id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class TaskOwner(Base):
    __tablename__ = "task_owner"
    __table_args__ = (
        Index("ix_task_owner_unit_task", "unit_id", "task_id"),
        Index("ix_task_owner_task_unit_role", "task_id", "unit_id", "role"),  # covers stats by unit
    )

    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(10), default="lead")
    name: Mapped[str | None] = mapped_column(String(300))  # the owner as the document names it

    task: Mapped[Task] = relationship(back_populates="owners")
    unit: Mapped[Unit] = relationship(lazy="joined")


class ProgressReport(Base):
    __tablename__ = "progress_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    progress: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    attachments: Mapped[list[Attachment]] = relationship(back_populates="report", cascade="all, delete-orphan", lazy="selectin")


class Attachment(Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("progress_report.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(500))
    content_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))

    report: Mapped[ProgressReport] = relationship(back_populates="attachments")


class Extension(Base):
    __tablename__ = "extension"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    requested_due: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="requested", index=True)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None]
    old_due_date: Mapped[dt.date | None] = mapped_column(Date)


class Indicator(Base):
    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    unit: Mapped[str | None] = mapped_column(String(100))
    target_value: Mapped[float | None] = mapped_column(Float)

    document: Mapped[Document | None] = relationship(back_populates="indicators")
    observations: Mapped[list[Observation]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", lazy="selectin", order_by="Observation.id"
    )


class Observation(Base):
    __tablename__ = "observation"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    value: Mapped[float | None] = mapped_column(Float)
    change_pct: Mapped[float | None] = mapped_column(Float)
    ratio: Mapped[float | None] = mapped_column(Float)
    ratio_base: Mapped[str | None] = mapped_column(String(100))
    base_value: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str | None] = mapped_column(String(20))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)

    indicator: Mapped[Indicator] = relationship(back_populates="observations")


class ExplanationRequest(Base):
    __tablename__ = "explanation_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    answered_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | answered | closed


class Notification(Base):
    __tablename__ = "notification"
    __table_args__ = (UniqueConstraint("unit_id", "day", "channel", name="uq_notification_unit_day_channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20), default="digest")
    day: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))  # email | webhook
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sent_at: Mapped[dt.datetime | None]


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class DataVersion(Base):
    """One row (``id = 1``): a counter that database triggers move on every write to any other
    table (``dondoc.store.versioning``; migration 0005). Read-only answers are cached per value."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
