"""Documents: a reviewed extraction stored as a draft, its visibility, confirmation, and its indicators."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from dondoc.errors import InputError, NotFoundError
from dondoc.store.mapping import observation_from_json, parse_date, task_fields_from_json
from dondoc.store.models import OWNER_ROLES, Document, Indicator, Task, TaskOwner, User, utcnow
from dondoc.store.repo._access import audit, require_role
from dondoc.store.repo._units import find_or_create_unit, unit_index

__all__ = [
    "add_tasks",
    "confirm_document",
    "create_document",
    "get_document",
    "get_indicator",
    "group_indicators",
    "list_documents",
    "list_indicators",
]


def group_indicators(items: Sequence[dict[str, Any]]) -> list[Indicator]:
    """Indicators of an extraction, one per (name, unit), each reported figure an observation."""
    grouped: dict[tuple[str, str | None], Indicator] = {}
    for item in items:
        name = str(item.get("name") or "").strip()
        if not name:
            continue
        key = (name, item.get("unit"))
        ind = grouped.get(key)
        if ind is None:
            ind = grouped[key] = Indicator(name=name[:500], unit=item.get("unit"))
        ind.observations.append(observation_from_json(item))
    return list(grouped.values())


def add_tasks(s: Session, doc: Document, items: list[dict[str, Any]]) -> None:
    """Append one open task per extraction task item to ``doc``, owners matched to units by name."""
    index = unit_index(s)
    for item in items:
        try:
            task = Task(**task_fields_from_json(item), status="open", progress=0)
        except (ValueError, TypeError) as exc:
            raise InputError(f"nhiệm vụ {item.get('id')!r} có dữ liệu không hợp lệ: {exc}") from exc
        seen: set[int] = set()
        for owner in item.get("owners") or []:
            name = str(owner.get("name") or "").strip()
            if not name:
                continue
            unit = find_or_create_unit(s, name, _index=index)
            if unit.id in seen:
                continue
            seen.add(unit.id)
            role = owner.get("role") if owner.get("role") in OWNER_ROLES else "lead"
            task.owners.append(TaskOwner(unit=unit, role=role, name=name[:300]))
        doc.tasks.append(task)


def create_document(
    s: Session,
    extraction: dict[str, Any],
    *,
    filename: str,
    data: bytes,
    user: User | None,
    content_type: str | None = None,
) -> Document:
    """Store a draft: the original file, the extraction JSON, its tasks (owners matched to units
    by name) and indicators. Nothing is tracked until ``confirm_document``."""
    require_role(user, ("admin", "office"), "tải văn bản lên")
    if not isinstance(extraction, dict) or not isinstance(extraction.get("tasks", []), list):
        raise InputError("kết quả trích xuất không đúng định dạng (thiếu danh sách tasks)")
    meta = extraction.get("document") or {}
    source = extraction.get("source") or {}
    try:
        issued = parse_date(meta.get("issued_date"))
    except ValueError:
        issued = None
    doc = Document(
        filename=filename[:500],
        sha256=source.get("sha256") or hashlib.sha256(data).hexdigest(),
        content_type=content_type,
        size=len(data),
        data=data,
        format=source.get("format"),
        extraction=extraction,
        status="draft",
        kind=meta.get("kind"),
        number=meta.get("number"),
        issuer=meta.get("issuer"),
        issued_date=issued,
        title=meta.get("title"),
        uploaded_by=user.id if user else None,
    )
    add_tasks(s, doc, extraction.get("tasks", []))
    doc.indicators.extend(group_indicators(extraction.get("indicators") or []))
    s.add(doc)
    s.flush()
    audit(
        s,
        user,
        "document",
        doc.id,
        "create",
        None,
        {"filename": doc.filename, "sha256": doc.sha256, "tasks": len(doc.tasks)},
    )
    return doc


def _document_visible(s: Session, doc: Document, user: User | None) -> bool:
    if user is None or user.role != "unit":
        return True
    if doc.status != "confirmed" or user.unit_id is None:
        return False
    return bool(
        s.scalar(
            select(
                exists().where(
                    TaskOwner.task_id == Task.id,
                    Task.document_id == doc.id,
                    TaskOwner.unit_id == user.unit_id,
                )
            )
        )
    )


def get_document(s: Session, doc_id: int, *, user: User | None) -> Document:
    doc = s.get(Document, doc_id)
    if doc is None or not _document_visible(s, doc, user):
        raise NotFoundError(f"không có văn bản số {doc_id}")
    return doc


def list_documents(
    s: Session, *, user: User | None, status: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Document], int]:
    conds: list[ColumnElement[bool]] = []
    if status:
        conds.append(Document.status == status)
    if user is not None and user.role == "unit":
        conds.append(Document.status == "confirmed")
        conds.append(
            exists().where(
                TaskOwner.task_id == Task.id,
                Task.document_id == Document.id,
                TaskOwner.unit_id == user.unit_id,
            )
        )
    total = s.scalar(select(func.count(Document.id)).where(*conds)) or 0
    rows = s.scalars(select(Document).where(*conds).order_by(Document.id.desc()).limit(limit).offset(offset))
    return list(rows), total


def confirm_document(s: Session, doc_id: int, *, user: User | None) -> Document:
    """A person has reviewed the draft: its tasks become tracked. Confirming twice changes nothing."""
    require_role(user, ("admin", "office"), "xác nhận văn bản")
    doc = get_document(s, doc_id, user=user)
    if doc.status == "confirmed":
        return doc
    doc.status = "confirmed"
    doc.confirmed_at = utcnow()
    doc.confirmed_by = user.id if user else None
    s.flush()
    audit(s, user, "document", doc.id, "confirm", {"status": "draft"}, {"status": "confirmed"})
    return doc


def list_indicators(s: Session, *, document_id: int | None = None) -> list[Indicator]:
    stmt = select(Indicator).order_by(Indicator.id)
    if document_id is not None:
        stmt = stmt.where(Indicator.document_id == document_id)
    return list(s.scalars(stmt))


def get_indicator(s: Session, indicator_id: int) -> Indicator:
    ind = s.get(Indicator, indicator_id)
    if ind is None:
        raise NotFoundError(f"không có chỉ tiêu số {indicator_id}")
    return ind
