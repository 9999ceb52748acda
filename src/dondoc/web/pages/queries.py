"""Reads and writes the pages need that ``dondoc.store.repo`` does not offer.

The review screen edits the draft's extraction JSON (see ``draft.py``). ``repo.create_document``
made task rows from the JSON as it was uploaded; ``confirm_draft`` rebuilds them (and the
indicators) from the reviewed JSON before the document is confirmed, so what the reviewer saw is
exactly what gets tracked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dondoc.errors import ConflictError, InputError, NotFoundError
from dondoc.store import repo
from dondoc.store.models import (
    AuditLog,
    Document,
    Extension,
    ProgressReport,
    Task,
    Unit,
    User,
)

__all__ = [
    "Option",
    "confirm_draft",
    "document_options",
    "get_draft",
    "save_draft",
    "task_history",
    "unit_options",
]

OWNER_ROLES = ("lead", "support", "monitor")


class Option(dict[str, Any]):
    """One choice of a picker (a unit, a document): a dict whose keys also read as attributes.
    Templates loop over every unit for every <select> (1,000 units, several selects a page), and
    Jinja tries an attribute before a key: with the dict as the instance's ``__dict__`` that first
    lookup succeeds at C speed instead of failing (or calling ``__getattr__``) for every field."""

    def __init__(self, **fields: Any) -> None:
        super().__init__(**fields)
        self.__dict__ = self


def unit_options(s: Session) -> list[Option]:
    """Units in tree order, each ``{"id", "name", "label", "depth"}`` (label indented for a <select>,
    already HTML-escaped). Shared between requests until the next write: read-only."""
    return repo.cached_read(s, ("unit_options",), lambda: _unit_options(s))


def _unit_options(s: Session) -> list[Option]:
    out: list[Option] = []

    def walk(nodes: list[dict[str, Any]], depth: int) -> None:
        for n in sorted(nodes, key=lambda n: n["name"]):
            label = Markup(escape("\u00a0\u00a0\u00a0" * depth + n["name"]))
            out.append(Option(id=n["id"], name=n["name"], depth=depth, label=label))
            walk(n["children"], depth + 1)

    walk(repo.unit_tree(s), 0)
    return out


def document_options(s: Session, user: User) -> list[Option]:
    """The confirmed documents ``user`` may see, newest first (at most 200), as ``{"id", "number",
    "filename"}`` for the document pickers. Shared between requests until the next write: read-only."""
    scope = user.unit_id if user.role == "unit" else None

    def compute() -> list[Option]:
        docs, _ = repo.list_documents(s, user=user, status="confirmed", limit=200)
        return [Option(id=d.id, number=d.number, filename=d.filename) for d in docs]

    return repo.cached_read(s, ("document_options", user.role == "unit", scope), compute)


def get_draft(s: Session, doc_id: int, *, user: User) -> Document:
    """The document to review (any status; only drafts can be changed)."""
    if user.role not in ("admin", "office"):
        raise NotFoundError(f"không có văn bản số {doc_id}")
    return repo.get_document(s, doc_id, user=user)


def save_draft(s: Session, doc: Document, draft: dict[str, Any], *, user: User, action: str) -> None:
    """Store the edited extraction JSON of a draft (and an audit entry of what was done)."""
    if doc.status != "draft":
        raise ConflictError("Văn bản này đã được xác nhận; không sửa bản nháp được nữa.")
    doc.extraction = draft  # reassigned, so SQLAlchemy sees the change of the JSON column
    meta = draft.get("document") or {}
    doc.number, doc.issuer, doc.title = meta.get("number"), meta.get("issuer"), meta.get("title")
    try:
        doc.issued_date = dt.date.fromisoformat(meta["issued_date"]) if meta.get("issued_date") else None
    except ValueError as exc:
        raise InputError("Ngày ban hành phải có dạng ngày/tháng/năm hợp lệ.") from exc
    s.flush()
    repo.audit(s, user, "document", doc.id, f"review:{action}", None, {"tasks": len(draft.get("tasks") or [])})


def confirm_draft(s: Session, doc: Document, *, user: User) -> Document:
    """Rebuild tasks and indicators from the reviewed JSON, then confirm (tasks become tracked)."""
    if doc.status != "draft":
        return doc
    draft = doc.extraction or {}
    tasks = draft.get("tasks") or []
    if not tasks:
        raise InputError("Bản nháp chưa có nhiệm vụ nào. Hãy thêm ít nhất một nhiệm vụ trước khi xác nhận.")
    for t in list(doc.tasks):
        s.delete(t)
    for ind in list(doc.indicators):
        s.delete(ind)
    s.flush()
    doc.tasks.clear()
    doc.indicators.clear()
    repo.add_tasks(s, doc, tasks)
    doc.indicators.extend(repo.group_indicators(draft.get("indicators") or []))
    s.flush()
    return repo.confirm_document(s, doc.id, user=user)


def task_history(s: Session, task: Task) -> dict[str, Any]:
    """Everything the task page shows under the task: reports, extensions, audit timeline."""
    reports = list(
        s.scalars(select(ProgressReport).where(ProgressReport.task_id == task.id).order_by(ProgressReport.id.desc()))
    )
    extensions = list(s.scalars(select(Extension).where(Extension.task_id == task.id).order_by(Extension.id)))
    audit = list(
        s.scalars(
            select(AuditLog)
            .where(AuditLog.entity == "task", AuditLog.entity_id == task.id)
            .order_by(AuditLog.id.desc())
            .limit(100)
        )
    )
    user_ids = {r.user_id for r in reports} | {a.user_id for a in audit} | {
        e.requested_by for e in extensions
    } | {e.decided_by for e in extensions}
    users = {u.id: u for u in s.scalars(select(User).where(User.id.in_([i for i in user_ids if i])))}
    return {"reports": reports, "extensions": extensions, "audit": audit, "users": users}


def unit_names(s: Session) -> dict[int, str]:
    return {uid: (short or name) for uid, name, short in s.execute(select(Unit.id, Unit.name, Unit.short_name))}


def count_drafts(s: Session) -> int:
    return s.scalar(select(func.count(Document.id)).where(Document.status == "draft")) or 0
