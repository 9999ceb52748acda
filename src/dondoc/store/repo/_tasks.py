"""One tracked task: reading it (if visible), editing it (by role), progress reports and their attachments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from dondoc.errors import ConflictError, InputError, NotFoundError
from dondoc.store.mapping import parse_date, task_snapshot
from dondoc.store.models import OWNER_ROLES, Attachment, Document, ProgressReport, Task, TaskOwner, Unit, User, utcnow
from dondoc.store.repo._access import audit, deny, require_role
from dondoc.store.repo._units import find_or_create_unit

__all__ = [
    "OFFICE_EDITABLE",
    "UNIT_EDITABLE",
    "add_report",
    "get_attachment",
    "get_task",
    "list_reports",
    "may_write_task",
    "update_task",
]


UNIT_EDITABLE = frozenset({"progress", "status"})
OFFICE_EDITABLE = frozenset(
    {
        "text",
        "action",
        "section",
        "due_date",
        "due_expression",
        "status",
        "progress",
        "done_at",
        "owners",
        "target_quantity",
        "target_unit",
    }
)


def _task_visible(s: Session, task: Task, user: User | None) -> bool:
    if user is None or user.role != "unit":
        return True
    if user.unit_id is None or all(o.unit_id != user.unit_id for o in task.owners):
        return False
    return s.scalar(select(Document.status).where(Document.id == task.document_id)) == "confirmed"


def get_task(s: Session, task_id: int, *, user: User | None) -> Task:
    """The task, if it exists and ``user`` may see it; ``NotFoundError`` otherwise (the same error)."""
    task = s.get(Task, task_id)
    if task is None or not _task_visible(s, task, user):
        raise NotFoundError(f"không có nhiệm vụ số {task_id}")
    return task


def _set_owners(s: Session, task: Task, owners: Any) -> None:
    if not isinstance(owners, list):
        raise InputError("owners phải là một danh sách {unit_id|name, role}")
    new: list[TaskOwner] = []
    seen: set[int] = set()
    for o in owners:
        if not isinstance(o, dict):
            raise InputError("owners phải là một danh sách {unit_id|name, role}")
        role = o.get("role", "lead")
        if role not in OWNER_ROLES:
            raise InputError(f"vai trò {role!r} không hợp lệ; chọn lead, support hoặc monitor")
        if o.get("unit_id") is not None:
            unit = s.get(Unit, o["unit_id"])
            if unit is None:
                raise NotFoundError(f"không có đơn vị số {o['unit_id']}")
        elif o.get("name"):
            unit = find_or_create_unit(s, str(o["name"]))
        else:
            raise InputError("mỗi đơn vị chủ trì/phối hợp cần unit_id hoặc name")
        if unit.id in seen:
            continue
        seen.add(unit.id)
        new.append(TaskOwner(unit=unit, role=role, name=unit.name))
    task.owners = new


def _validate_progress(progress: Any) -> int:
    if isinstance(progress, bool) or not isinstance(progress, int) or not 0 <= progress <= 100:
        raise InputError("tiến độ (progress) phải là số nguyên từ 0 đến 100")
    return progress


def update_task(s: Session, task_id: int, *, user: User | None, version: int, **fields: Any) -> Task:
    """Edit a task if ``version`` is still its version (``ConflictError`` otherwise, nothing changed)."""
    task = get_task(s, task_id, user=user)
    if user is not None and user.role == "leader":
        raise deny("sửa nhiệm vụ")
    allowed = UNIT_EDITABLE if user is not None and user.role == "unit" else OFFICE_EDITABLE
    unknown = set(fields) - OFFICE_EDITABLE
    if unknown:
        raise InputError(f"không sửa được trường {', '.join(sorted(unknown))}")
    if set(fields) - allowed:
        raise deny(f"sửa {', '.join(sorted(set(fields) - allowed))}")
    if version != task.version:
        raise ConflictError(
            f"nhiệm vụ số {task_id} đã được người khác sửa (phiên bản {task.version}, bạn gửi {version}); " "tải lại rồi sửa lại"
        )
    before = task_snapshot(task)
    for key, value in fields.items():
        if key == "owners":
            _set_owners(s, task, value)
        elif key == "progress":
            task.progress = _validate_progress(value)
        elif key in ("due_date", "done_at"):
            try:
                setattr(task, key, parse_date(value))
            except ValueError as exc:
                raise InputError(f"{key} phải là ngày dạng YYYY-MM-DD") from exc
        elif key == "status":
            if value not in ("open", "done"):
                raise InputError("status phải là 'open' hoặc 'done'")
            task.status = value
        elif key == "text":
            if not str(value or "").strip():
                raise InputError("nội dung nhiệm vụ trống")
            task.text = str(value)
        else:
            setattr(task, key, value)
    if task.status == "done" and task.done_at is None:
        task.done_at = dt.date.today()
    if task.status == "open":
        task.done_at = None
    task.updated_at = utcnow()
    try:
        s.flush()
    except StaleDataError as exc:
        raise ConflictError(f"nhiệm vụ số {task_id} vừa được người khác sửa; tải lại rồi sửa lại") from exc
    audit(s, user, "task", task.id, "update", before, task_snapshot(task))
    return task


def may_write_task(user: User | None, what: str) -> None:
    require_role(user, ("admin", "office", "unit"), what)


def add_report(
    s: Session,
    task_id: int,
    *,
    user: User | None,
    progress: int,
    note: str = "",
    done: bool = False,
    attachments: Iterable[tuple[str, str | None, bytes]] = (),
    today: dt.date | None = None,
) -> ProgressReport:
    """A progress report; ``done`` completes the task as of ``today``. ``attachments`` are
    ``(filename, content_type, data)``. Reports never conflict: the task is updated in place."""
    task = get_task(s, task_id, user=user)
    may_write_task(user, "báo cáo tiến độ")
    progress = _validate_progress(progress)
    if done:
        progress = 100
    rep = ProgressReport(
        task_id=task.id,
        user_id=user.id if user else None,
        progress=progress,
        note=note or "",
        done=bool(done),
    )
    for filename, ctype, data in attachments:
        rep.attachments.append(Attachment(filename=filename[:500], content_type=ctype, size=len(data), data=data))
    s.add(rep)
    values: dict[str, Any] = {"progress": progress, "version": Task.version + 1, "updated_at": utcnow()}
    if done:
        values |= {"status": "done", "done_at": func.coalesce(Task.done_at, today or dt.date.today())}
    before = task_snapshot(task)
    # One atomic UPDATE: concurrent reports on the same task both land, neither gets a 409.
    s.execute(update(Task).where(Task.id == task.id).values(**values).execution_options(synchronize_session=False))
    s.flush()
    s.refresh(task)
    audit(
        s,
        user,
        "report",
        rep.id,
        "create",
        None,
        {"task_id": task.id, "progress": progress, "done": bool(done)},
    )
    audit(s, user, "task", task.id, "report", before, task_snapshot(task))
    return rep


def list_reports(s: Session, task_id: int, *, user: User | None) -> list[ProgressReport]:
    get_task(s, task_id, user=user)
    return list(s.scalars(select(ProgressReport).where(ProgressReport.task_id == task_id).order_by(ProgressReport.id)))


def get_attachment(s: Session, attachment_id: int, *, user: User | None) -> Attachment:
    att = s.get(Attachment, attachment_id)
    if att is None:
        raise NotFoundError(f"không có tệp đính kèm số {attachment_id}")
    try:
        get_task(s, att.report.task_id, user=user)
    except NotFoundError:
        raise NotFoundError(f"không có tệp đính kèm số {attachment_id}") from None
    return att
