"""Requests about tasks and indicators: deadline extensions (asked by a unit, decided by a leader) and explanation requests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dondoc.errors import ConflictError, InputError, NotFoundError
from dondoc.store.mapping import iso, task_snapshot
from dondoc.store.models import ExplanationRequest, Extension, Task, Unit, User, utcnow
from dondoc.store.repo._access import audit, require_role
from dondoc.store.repo._documents import get_indicator
from dondoc.store.repo._queries import owned_by
from dondoc.store.repo._tasks import get_task, may_write_task

__all__ = [
    "answer_explanation",
    "create_explanation",
    "decide_extension",
    "list_explanations",
    "list_extensions",
    "request_extension",
]


def request_extension(s: Session, task_id: int, *, user: User | None, new_due: dt.date, reason: str = "") -> Extension:
    task = get_task(s, task_id, user=user)
    may_write_task(user, "xin gia hạn")
    if task.status == "done":
        raise ConflictError("nhiệm vụ đã hoàn thành; không cần gia hạn")
    if task.due_date is not None and new_due <= task.due_date:
        raise InputError(f"hạn mới phải sau hạn hiện tại ({task.due_date.isoformat()})")
    ext = Extension(
        task_id=task.id,
        requested_by=user.id if user else None,
        requested_due=new_due,
        reason=reason or "",
        status="requested",
        old_due_date=task.due_date,
    )
    s.add(ext)
    s.flush()
    audit(
        s,
        user,
        "extension",
        ext.id,
        "request",
        None,
        {"task_id": task.id, "requested_due": new_due.isoformat(), "reason": reason},
    )
    return ext


def decide_extension(s: Session, ext_id: int, *, user: User | None, grant: bool) -> Extension:
    """Grant (the task's due date moves, the old one is kept on the extension) or refuse."""
    require_role(user, ("admin", "leader"), "quyết định gia hạn")
    ext = s.get(Extension, ext_id)
    if ext is None:
        raise NotFoundError(f"không có đề nghị gia hạn số {ext_id}")
    if ext.status != "requested":
        raise ConflictError(f"đề nghị gia hạn số {ext_id} đã được quyết định ({ext.status})")
    task = get_task(s, ext.task_id, user=user)
    ext.status = "granted" if grant else "refused"
    ext.decided_by = user.id if user else None
    ext.decided_at = utcnow()
    if grant:
        before = task_snapshot(task)
        ext.old_due_date = task.due_date
        s.execute(
            update(Task)
            .where(Task.id == task.id)
            .values(due_date=ext.requested_due, version=Task.version + 1, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        s.flush()
        s.refresh(task)
        audit(s, user, "task", task.id, "extend", before, task_snapshot(task))
    s.flush()
    audit(
        s,
        user,
        "extension",
        ext.id,
        ext.status,
        {"status": "requested"},
        {"status": ext.status, "old_due_date": iso(ext.old_due_date)},
    )
    return ext


def list_extensions(s: Session, *, user: User | None, status: str | None = None, task_id: int | None = None) -> list[Extension]:
    stmt = select(Extension).join(Task, Task.id == Extension.task_id).order_by(Extension.id.desc())
    if status:
        stmt = stmt.where(Extension.status == status)
    if task_id is not None:
        get_task(s, task_id, user=user)
        stmt = stmt.where(Extension.task_id == task_id)
    if user is not None and user.role == "unit":
        stmt = stmt.where(owned_by(user.unit_id))
    return list(s.scalars(stmt))


def create_explanation(
    s: Session,
    *,
    user: User | None,
    unit_id: int,
    question: str,
    indicator_id: int | None = None,
    task_id: int | None = None,
) -> ExplanationRequest:
    """Ask a unit to explain (giải trình) a lagging indicator or task."""
    require_role(user, ("admin", "office", "leader"), "yêu cầu giải trình")
    if (indicator_id is None) == (task_id is None):
        raise InputError("yêu cầu giải trình cần đúng một trong indicator_id hoặc task_id")
    if not question.strip():
        raise InputError("nội dung yêu cầu giải trình trống")
    if s.get(Unit, unit_id) is None:
        raise NotFoundError(f"không có đơn vị số {unit_id}")
    if indicator_id is not None:
        get_indicator(s, indicator_id)
    if task_id is not None:
        get_task(s, task_id, user=user)
    req = ExplanationRequest(
        indicator_id=indicator_id,
        task_id=task_id,
        unit_id=unit_id,
        requested_by=user.id if user else None,
        question=question,
        status="open",
    )
    s.add(req)
    s.flush()
    audit(s, user, "explanation", req.id, "create", None, {"unit_id": unit_id, "question": question})
    return req


def _explanation_for(s: Session, req_id: int, user: User | None) -> ExplanationRequest:
    req = s.get(ExplanationRequest, req_id)
    if req is None or (user is not None and user.role == "unit" and req.unit_id != user.unit_id):
        raise NotFoundError(f"không có yêu cầu giải trình số {req_id}")
    return req


def answer_explanation(s: Session, req_id: int, *, user: User | None, answer: str) -> ExplanationRequest:
    req = _explanation_for(s, req_id, user)
    require_role(user, ("admin", "unit"), "trả lời giải trình")
    if not answer.strip():
        raise InputError("nội dung giải trình trống")
    before = {"status": req.status, "answer": req.answer}
    req.answer = answer
    req.answered_by = user.id if user else None
    req.answered_at = utcnow()
    req.status = "answered"
    s.flush()
    audit(s, user, "explanation", req.id, "answer", before, {"status": req.status, "answer": answer})
    return req


def list_explanations(s: Session, *, user: User | None, status: str | None = None) -> list[ExplanationRequest]:
    stmt = select(ExplanationRequest).order_by(ExplanationRequest.id.desc())
    if status:
        stmt = stmt.where(ExplanationRequest.status == status)
    if user is not None and user.role == "unit":
        stmt = stmt.where(ExplanationRequest.unit_id == user.unit_id)
    return list(s.scalars(stmt))
