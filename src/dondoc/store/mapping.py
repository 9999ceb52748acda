"""Conversions between ORM rows, the extraction JSON and the API JSON.

*Snapshot*: the plain-JSON state of a row that the audit log stores as ``before``/``after``.
All conversions are explicit functions here so that ORM objects never leak into ``core`` and
the JSON shapes of CONTRACTS.md are written down once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from dondoc.store.models import (
    Attachment,
    Document,
    ExplanationRequest,
    Extension,
    Indicator,
    Observation,
    ProgressReport,
    Task,
    Unit,
    User,
)
from dondoc.track import bucket_of, is_due_soon

__all__ = [
    "TASK_JSON_COLUMNS",
    "attachment_to_json",
    "document_to_json",
    "explanation_to_json",
    "extension_to_json",
    "indicator_to_json",
    "iso",
    "observation_from_json",
    "parse_date",
    "report_to_json",
    "task_fields_from_json",
    "task_snapshot",
    "task_to_json",
    "task_values_to_json",
    "unit_to_json",
    "user_to_json",
]


def iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def parse_date(value: Any) -> dt.date | None:
    """An ISO date (or ``None``); raises ``ValueError`` for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def task_fields_from_json(item: dict[str, Any]) -> dict[str, Any]:
    """Column values of a ``Task`` from one ``tasks[]`` entry of the extraction JSON."""
    due = item.get("due") or {}
    target = item.get("target") or {}
    due_date = parse_date(due.get("date"))
    return {
        "ext_id": None if item.get("id") is None else str(item["id"])[:50],
        "section": None if item.get("section") is None else str(item["section"])[:50],
        "text": str(item.get("text") or ""),
        "action": item.get("action"),
        "target_quantity": _num(target.get("quantity")),
        "target_unit": target.get("unit"),
        "due_date": due_date,
        "original_due_date": due_date,
        "due_earliest": parse_date(due.get("earliest")),
        "due_expression": due.get("expression"),
        "due_explicit": bool(due.get("explicit", False)),
        "items": [str(x) for x in item.get("items") or []],
        "references": [str(x) for x in item.get("references") or []],
        "start": item.get("start"),
        "end": item.get("end"),
    }


def observation_from_json(item: dict[str, Any]) -> Observation:
    period = item.get("period") or {}
    return Observation(
        period_start=parse_date(period.get("start")),
        period_end=parse_date(period.get("end")),
        value=_num(item.get("value")),
        change_pct=_num(item.get("change_pct")),
        ratio=_num(item.get("ratio")),
        ratio_base=item.get("ratio_base"),
        base_value=_num(item.get("base_value")),
        qualifier=item.get("qualifier"),
        start=item.get("start"),
        end=item.get("end"),
    )


def unit_to_json(unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind,
        "parent_id": unit.parent_id,
    }


def user_to_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "username": user.username,
        "full_name": user.full_name,
        "role": user.role,
        "unit_id": user.unit_id,
        "unit": user.unit.name if user.unit else None,
        "is_active": user.is_active,
    }


# The task columns that the task JSON shows, in the order ``task_values_to_json`` takes them.
TASK_JSON_COLUMNS: tuple[str, ...] = (
    "id",
    "document_id",
    "ext_id",
    "section",
    "text",
    "action",
    "target_quantity",
    "target_unit",
    "due_date",
    "due_earliest",
    "due_expression",
    "due_explicit",
    "original_due_date",
    "items",
    "references",
    "start",
    "end",
    "status",
    "done_at",
    "progress",
    "version",
)


def task_to_json(task: Task, *, as_of: dt.date | None = None, due_soon_days: int = 7) -> dict[str, Any]:
    """The task JSON of CONTRACTS.md (``bucket`` computed as of ``as_of``, default today)."""
    owners = [{"unit_id": o.unit_id, "name": o.unit.name if o.unit else o.name, "role": o.role} for o in task.owners]
    values = [getattr(task, k) for k in TASK_JSON_COLUMNS]
    return task_values_to_json(values, owners, as_of=as_of or dt.date.today(), due_soon_days=due_soon_days)


def task_values_to_json(
    values: Sequence[Any], owners: list[dict[str, Any]], *, as_of: dt.date, due_soon_days: int
) -> dict[str, Any]:
    """The task JSON from the values of ``TASK_JSON_COLUMNS`` (an ORM ``Task``'s or a plain SQL
    row's: the API's task list reads rows, as loading ORM objects costs more than its query).
    ``owners`` are the ``{"unit_id", "name", "role"}`` dicts, in unit-id order."""
    (tid, document_id, ext_id, section, text, action, quantity, target_unit, due, earliest, expression, explicit,
     original, items, references, start, end, status, done, progress, version) = values  # fmt: skip
    return {
        "id": tid,
        "document_id": document_id,
        "ext_id": ext_id,
        "section": section,
        "text": text,
        "action": action,
        "target": {"quantity": quantity, "unit": target_unit} if quantity is not None else None,
        "due_date": None if due is None else due.isoformat(),
        "due": {
            "date": None if due is None else due.isoformat(),
            "earliest": None if earliest is None else earliest.isoformat(),
            "expression": expression,
            "explicit": explicit,
        },
        "original_due_date": None if original is None else original.isoformat(),
        "owners": owners,
        "items": list(items or []),
        "references": list(references or []),
        "start": start,
        "end": end,
        "status": status,
        "done_at": None if done is None else done.isoformat(),
        "bucket": bucket_of(due, done, as_of).value,
        "due_soon": is_due_soon(due, done, as_of, due_soon_days),
        "progress": progress,
        "version": version,
    }


def task_snapshot(task: Task) -> dict[str, Any]:
    """The editable state of a task, for the audit log."""
    return {
        "text": task.text,
        "action": task.action,
        "section": task.section,
        "due_date": iso(task.due_date),
        "status": task.status,
        "done_at": iso(task.done_at),
        "progress": task.progress,
        "version": task.version,
        "owners": [{"unit_id": o.unit_id, "role": o.role} for o in task.owners],
    }


def document_to_json(doc: Document, *, with_extraction: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.id,
        "filename": doc.filename,
        "sha256": doc.sha256,
        "format": doc.format,
        "size": doc.size,
        "status": doc.status,
        "kind": doc.kind,
        "number": doc.number,
        "issuer": doc.issuer,
        "issued_date": iso(doc.issued_date),
        "title": doc.title,
        "uploaded_by": doc.uploaded_by,
        "created_at": iso(doc.created_at),
        "confirmed_at": iso(doc.confirmed_at),
        "confirmed_by": doc.confirmed_by,
    }
    if with_extraction:
        out["extraction"] = doc.extraction
        # Tracking ids: which stored row each extracted task / indicator became.
        out["task_ids"] = {t.ext_id: t.id for t in doc.tasks if t.ext_id is not None}
        out["tasks"] = [t.id for t in doc.tasks]
        out["indicator_ids"] = [i.id for i in doc.indicators]
    return out


def attachment_to_json(att: Attachment) -> dict[str, Any]:
    return {"id": att.id, "filename": att.filename, "content_type": att.content_type, "size": att.size}


def report_to_json(rep: ProgressReport) -> dict[str, Any]:
    return {
        "id": rep.id,
        "task_id": rep.task_id,
        "user_id": rep.user_id,
        "progress": rep.progress,
        "note": rep.note,
        "done": rep.done,
        "created_at": iso(rep.created_at),
        "attachments": [attachment_to_json(a) for a in rep.attachments],
    }


def extension_to_json(ext: Extension) -> dict[str, Any]:
    return {
        "id": ext.id,
        "task_id": ext.task_id,
        "requested_by": ext.requested_by,
        "requested_at": iso(ext.requested_at),
        "requested_due": iso(ext.requested_due),
        "reason": ext.reason,
        "status": ext.status,
        "decided_by": ext.decided_by,
        "decided_at": iso(ext.decided_at),
        "old_due_date": iso(ext.old_due_date),
    }


def _observation_to_json(o: Observation) -> dict[str, Any]:
    return {
        "id": o.id,
        "period": ({"start": iso(o.period_start), "end": iso(o.period_end)} if o.period_start or o.period_end else None),
        "value": o.value,
        "change_pct": o.change_pct,
        "ratio": o.ratio,
        "ratio_base": o.ratio_base,
        "base_value": o.base_value,
        "qualifier": o.qualifier,
        "start": o.start,
        "end": o.end,
    }


def indicator_to_json(ind: Indicator) -> dict[str, Any]:
    return {
        "id": ind.id,
        "document_id": ind.document_id,
        "name": ind.name,
        "unit": ind.unit,
        "target_value": ind.target_value,
        "observations": [_observation_to_json(o) for o in ind.observations],
    }


def explanation_to_json(req: ExplanationRequest) -> dict[str, Any]:
    return {
        "id": req.id,
        "indicator_id": req.indicator_id,
        "task_id": req.task_id,
        "unit_id": req.unit_id,
        "requested_by": req.requested_by,
        "requested_at": iso(req.requested_at),
        "question": req.question,
        "answer": req.answer,
        "answered_by": req.answered_by,
        "answered_at": iso(req.answered_at),
        "status": req.status,
    }
