"""Reads and writes of the tracking service: functions that take a ``Session``.

The caller owns the unit of work: these functions ``flush`` (so ids exist and conflicts surface
here) but never ``commit``. Every write records an ``AuditLog`` row through ``audit``.

*Visibility*: ``admin``, ``office`` and ``leader`` users see everything; a ``unit`` user sees only
tasks that its unit owns (any owner role) of confirmed documents. Anything invisible is reported
as ``NotFoundError``, the same as a missing row, so that ids of other units' tasks leak nothing.
*Permissions* (who may write what) raise ``PermissionDeniedError`` (HTTP 403):

==========================  =====  ======  ======  ======
write                       admin  office  leader  unit
==========================  =====  ======  ======  ======
upload / confirm document   yes    yes     no      no
edit task (all fields)      yes    yes     no      progress, status
progress report             yes    yes     no      own tasks
request extension           yes    yes     no      own tasks
decide extension            yes    no      yes     no
explanation request         yes    yes     yes     answer, own unit
users, units                yes    no      no      no
==========================  =====  ======  ======  ======
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypedDict, TypeVar, Unpack

from sqlalchemy import ColumnElement, Date, Engine, and_, bindparam, case, exists, func, or_, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from dondoc.errors import ConflictError, InputError, NotFoundError, StoreError
from dondoc.store.mapping import (
    TASK_JSON_COLUMNS,
    iso,
    observation_from_json,
    parse_date,
    task_fields_from_json,
    task_snapshot,
    task_to_json,
    task_values_to_json,
)
from dondoc.store.models import (
    OWNER_ROLES,
    ROLES,
    Attachment,
    AuditLog,
    Document,
    ExplanationRequest,
    Extension,
    Indicator,
    ProgressReport,
    Task,
    TaskOwner,
    Unit,
    User,
    utcnow,
)
from dondoc.store.seed import DEFAULT_UNITS, normalise_unit_name, unit_name_of
from dondoc.store.versioning import read_version
from dondoc.track import BUCKETS, parse_period, rate_of
from dondoc.web.security import hash_password, needs_rehash, verify_password

__all__ = [
    "PermissionDeniedError",
    "add_report",
    "add_tasks",
    "answer_explanation",
    "audit",
    "authenticate",
    "bucket_condition",
    "cached_read",
    "confirm_document",
    "create_document",
    "create_explanation",
    "create_unit",
    "create_user",
    "data_version",
    "decide_extension",
    "ensure_seeded",
    "find_or_create_unit",
    "get_attachment",
    "get_document",
    "get_indicator",
    "get_task",
    "get_user",
    "group_indicators",
    "list_audit",
    "list_documents",
    "list_explanations",
    "list_extensions",
    "list_indicators",
    "list_reports",
    "list_tasks",
    "list_tasks_json",
    "list_units",
    "list_users",
    "request_extension",
    "seed_units",
    "stats",
    "task_to_json",
    "unit_tree",
    "update_task",
    "update_unit",
    "update_user",
]

T = TypeVar("T")

TASK_SORTS = ("due_date", "-due_date", "id", "-id", "progress", "-progress")
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


class PermissionDeniedError(StoreError):
    """The user is known but their role may not do this (HTTP 403)."""


def _deny(what: str) -> PermissionDeniedError:
    return PermissionDeniedError(f"vai trò của bạn không được phép {what}")


def _require(user: User | None, roles: Iterable[str], what: str) -> None:
    if user is not None and user.role not in roles:
        raise _deny(what)


# --------------------------------------------------------------------------- audit
def audit(
    s: Session,
    user: User | None,
    entity: str,
    entity_id: int | None,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditLog:
    """Record one write: who (``None``: the system / command line), what, and the state around it."""
    row = AuditLog(
        user_id=user.id if user else None,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=before,
        after=after,
    )
    s.add(row)
    return row


def list_audit(
    s: Session, *, entity: str | None = None, entity_id: int | None = None, limit: int = 100, offset: int = 0
) -> list[AuditLog]:
    stmt = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit).offset(offset)
    if entity:
        stmt = stmt.where(AuditLog.entity == entity)
    if entity_id is not None:
        stmt = stmt.where(AuditLog.entity_id == entity_id)
    return list(s.scalars(stmt))


# --------------------------------------------------------------------------- units
def list_units(s: Session) -> list[Unit]:
    return list(s.scalars(select(Unit).order_by(Unit.parent_id.is_not(None), Unit.parent_id, Unit.name)))


def unit_tree(s: Session) -> list[dict[str, Any]]:
    """Units as nested ``{"id", "name", "short_name", "kind", "children": [...]}``, roots first."""
    # Plain rows, not ORM objects: the tree is rebuilt on every page that offers a unit picker.
    units = s.execute(
        select(Unit.id, Unit.name, Unit.short_name, Unit.kind, Unit.parent_id).order_by(
            Unit.parent_id.is_not(None), Unit.parent_id, Unit.name
        )
    ).all()
    nodes: dict[int, dict[str, Any]] = {
        u.id: {"id": u.id, "name": u.name, "short_name": u.short_name, "kind": u.kind, "children": []} for u in units
    }
    roots: list[dict[str, Any]] = []
    for u in units:
        parent = nodes.get(u.parent_id) if u.parent_id is not None else None
        (parent["children"] if parent else roots).append(nodes[u.id])
    return roots


def _unit_index(s: Session) -> dict[str, Unit]:
    index: dict[str, Unit] = {}
    for u in s.scalars(select(Unit)):
        for name in (u.name, u.short_name):
            if name:
                index.setdefault(normalise_unit_name(name), u)
    return index


def find_or_create_unit(s: Session, name: str, *, _index: dict[str, Unit] | None = None) -> Unit:
    """The unit called ``name`` (any known spelling); a new top-level unit if none matches."""
    name = " ".join(name.split())
    if not name:
        raise InputError("tên đơn vị trống")
    index = _index if _index is not None else _unit_index(s)
    key = normalise_unit_name(name)
    unit = index.get(key)
    if unit is None:
        unit = Unit(name=unit_name_of(name)[:300], kind="other")
        s.add(unit)
        s.flush()
        index[key] = unit
        audit(s, None, "unit", unit.id, "create", None, {"name": unit.name})
    return unit


def create_unit(
    s: Session,
    name: str,
    *,
    user: User | None = None,
    short_name: str | None = None,
    kind: str | None = None,
    parent_id: int | None = None,
) -> Unit:
    _require(user, ("admin",), "tạo đơn vị")
    name = " ".join(name.split())
    if not name:
        raise InputError("tên đơn vị trống")
    if s.scalar(select(Unit.id).where(Unit.name == name)) is not None:
        raise ConflictError(f"đơn vị {name!r} đã có")
    if parent_id is not None and s.get(Unit, parent_id) is None:
        raise NotFoundError(f"không có đơn vị cấp trên số {parent_id}")
    unit = Unit(name=name, short_name=short_name, kind=kind, parent_id=parent_id)
    s.add(unit)
    s.flush()
    audit(s, user, "unit", unit.id, "create", None, {"name": name, "parent_id": parent_id})
    return unit


def update_unit(s: Session, unit_id: int, *, user: User | None = None, **fields: Any) -> Unit:
    _require(user, ("admin",), "sửa đơn vị")
    unit = s.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError(f"không có đơn vị số {unit_id}")
    unknown = set(fields) - {"name", "short_name", "kind", "parent_id", "email"}
    if unknown:
        raise InputError(f"không sửa được trường {', '.join(sorted(unknown))} của đơn vị")
    if fields.get("parent_id") == unit_id:
        raise InputError("đơn vị không thể là cấp trên của chính nó")
    before = {k: getattr(unit, k) for k in fields}
    for k, v in fields.items():
        setattr(unit, k, v)
    s.flush()
    audit(s, user, "unit", unit.id, "update", before, fields)
    return unit


def _gazetteer_departments() -> list[tuple[str, str | None, str, str | None]]:
    try:
        from dondoc.resources import gazetteer

        bodies = gazetteer().bodies
    except Exception:  # the gazetteer is optional for the store
        return []
    return [(b.name, None, "department", "Ủy ban nhân dân thành phố") for b in bodies if b.kind == "department"]


def seed_units(s: Session) -> int:
    """Add the default unit tree (city, Party bodies, departments, districts) and the gazetteer's
    departments; only units whose name is not known yet. Returns how many were added."""
    known = {normalise_unit_name(n) for (n,) in s.execute(select(Unit.name))}
    by_name = {u.name: u for u in s.scalars(select(Unit))}
    added = 0
    for name, short, kind, parent in (*DEFAULT_UNITS, *_gazetteer_departments()):
        key = normalise_unit_name(name)
        if key in known:
            continue
        unit = Unit(name=name, short_name=short, kind=kind, parent=by_name.get(parent) if parent else None)
        s.add(unit)
        by_name[name] = unit
        known.add(key)
        added += 1
    s.flush()
    if added:
        audit(s, None, "unit", None, "seed", None, {"added": added})
    return added


def ensure_seeded(s: Session) -> int:
    """Seed the units when there are none at all (a new database); otherwise do nothing."""
    if s.scalar(select(Unit.id).limit(1)) is not None:
        return 0
    return seed_units(s)


# --------------------------------------------------------------------------- users
_dummy_hash: list[str] = []


def authenticate(s: Session, username: str, password: str) -> User | None:
    """The active user with these credentials, or ``None``."""
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        # Verify anyway so that the response time does not reveal which usernames exist.
        if not _dummy_hash:
            _dummy_hash.append(hash_password("dondoc-timing-equaliser"))
        verify_password(_dummy_hash[0], password)
        return None
    if not verify_password(user.password_hash, password) or not user.is_active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def create_user(
    s: Session,
    username: str,
    password: str,
    role: str,
    unit_name: str | None = None,
    full_name: str | None = None,
    *,
    unit_id: int | None = None,
    actor: User | None = None,
    email: str | None = None,
) -> User:
    """A new user; ``unit`` users need a unit (by name, created if new, or by id)."""
    if email is not None and "@" not in email:
        raise InputError(f"địa chỉ e-mail {email!r} không hợp lệ")
    _require(actor, ("admin",), "tạo người dùng")
    username = username.strip()
    if not username:
        raise InputError("tên đăng nhập trống")
    if role not in ROLES:
        raise InputError(f"vai trò {role!r} không hợp lệ; chọn một trong {', '.join(ROLES)}")
    if not password:
        raise InputError("mật khẩu trống")
    if s.scalar(select(User.id).where(User.username == username)) is not None:
        raise ConflictError(f"người dùng {username!r} đã có")
    unit: Unit | None = None
    if unit_id is not None:
        unit = s.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError(f"không có đơn vị số {unit_id}")
    elif unit_name:
        unit = find_or_create_unit(s, unit_name)
    if role == "unit" and unit is None:
        raise InputError("người dùng vai trò 'unit' phải thuộc một đơn vị (--unit)")
    user = User(
        username=username,
        password_hash=hash_password(password),
        role=role,
        unit=unit,
        full_name=full_name,
        email=email,
        is_active=True,
    )
    s.add(user)
    s.flush()
    audit(
        s,
        actor,
        "user",
        user.id,
        "create",
        None,
        {"username": username, "role": role, "unit_id": user.unit_id},
    )
    return user


def get_user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFoundError(f"không có người dùng số {user_id}")
    return user


def list_users(s: Session) -> list[User]:
    return list(s.scalars(select(User).order_by(User.username)))


def update_user(s: Session, user_id: int, *, actor: User | None = None, **fields: Any) -> User:
    """Change ``full_name``, ``role``, ``unit_id``, ``is_active`` or ``password``."""
    _require(actor, ("admin",), "sửa người dùng")
    user = get_user(s, user_id)
    unknown = set(fields) - {"full_name", "role", "unit_id", "is_active", "password"}
    if unknown:
        raise InputError(f"không sửa được trường {', '.join(sorted(unknown))} của người dùng")
    if "role" in fields and fields["role"] not in ROLES:
        raise InputError(f"vai trò {fields['role']!r} không hợp lệ")
    if fields.get("unit_id") is not None and s.get(Unit, fields["unit_id"]) is None:
        raise NotFoundError(f"không có đơn vị số {fields['unit_id']}")
    before = {k: getattr(user, k) for k in fields if k != "password"}
    for k, v in fields.items():
        if k == "password":
            user.password_hash = hash_password(v)
        else:
            setattr(user, k, v)
    if user.role == "unit" and user.unit_id is None:
        raise InputError("người dùng vai trò 'unit' phải thuộc một đơn vị")
    s.flush()
    after = {k: v for k, v in fields.items() if k != "password"}
    if "password" in fields:
        after["password"] = "changed"
    audit(s, actor, "user", user.id, "update", before, after)
    return user


# --------------------------------------------------------------------------- documents
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
    index = _unit_index(s)
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
    _require(user, ("admin", "office"), "tải văn bản lên")
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
    _require(user, ("admin", "office"), "xác nhận văn bản")
    doc = get_document(s, doc_id, user=user)
    if doc.status == "confirmed":
        return doc
    doc.status = "confirmed"
    doc.confirmed_at = utcnow()
    doc.confirmed_by = user.id if user else None
    s.flush()
    audit(s, user, "document", doc.id, "confirm", {"status": "draft"}, {"status": "confirmed"})
    return doc


# --------------------------------------------------------------------------- tasks
def bucket_condition(bucket: str, as_of: dt.date, *, due_soon_days: int = 7) -> ColumnElement[bool]:
    """The SQL twin of ``track.bucket_of`` (plus ``due_soon``)."""
    return _bucket_condition(_check_bucket(bucket), as_of, as_of + dt.timedelta(days=due_soon_days))


_SQL_BUCKETS = (*BUCKETS, "due_soon")


def _check_bucket(bucket: str) -> str:
    if bucket not in _SQL_BUCKETS:
        raise InputError(f"nhóm {bucket!r} không hợp lệ; chọn một trong {', '.join(_SQL_BUCKETS)}")
    return bucket


def _bucket_condition(bucket: str, as_of: Any, soon_to: Any) -> ColumnElement[bool]:
    """``bucket`` as of ``as_of`` (a date or a bound parameter); ``due_soon`` ends at ``soon_to``."""
    done = and_(Task.done_at.is_not(None), Task.done_at <= as_of)
    still_open = or_(Task.done_at.is_(None), Task.done_at > as_of)
    if bucket == "done_on_time":
        return and_(done, or_(Task.due_date.is_(None), Task.done_at <= Task.due_date))
    if bucket == "done_late":
        return and_(done, Task.due_date.is_not(None), Task.done_at > Task.due_date)
    if bucket == "open_not_due":
        return and_(still_open, or_(Task.due_date.is_(None), Task.due_date >= as_of))
    if bucket == "open_overdue":
        return and_(still_open, Task.due_date < as_of)
    return and_(still_open, Task.due_date >= as_of, Task.due_date <= soon_to)


_OWNER = TaskOwner.__table__.alias("owner")


def _owned_by(unit_id: Any) -> ColumnElement[bool]:
    # IN (uncorrelated subquery): the database walks the unit's few tasks through the index
    # instead of probing every task; the alias keeps it independent of an outer TaskOwner.
    # A Core alias made once: an ORM ``aliased()`` per call costs more than the query it builds.
    return Task.id.in_(select(_OWNER.c.task_id).where(_OWNER.c.unit_id == unit_id))


@dataclass(frozen=True)
class _Shape:
    """What of a task-list question changes its SQL; the values (ids, days, the search pattern)
    are bound parameters (``_question``). The list's statements are built once per shape
    (``_statement``): building and keying a SQLAlchemy statement costs more than running it."""

    unit_user: bool = False
    document: bool = False
    unit: bool = False
    bucket: str | None = None
    search: str | None = None  # "like" (SQLite: LIKE ignores ASCII case already) or "lower"
    due_from: bool = False
    due_to: bool = False


def _question(user: User | None, filters: dict[str, Any]) -> tuple[_Shape, dict[str, Any]]:
    """The shape of the question ``filters`` asks for ``user`` and the values bound into it."""
    params: dict[str, Any] = {"as_of": filters["as_of"]}
    unit_user = user is not None and user.role == "unit"
    if unit_user:
        params["user_unit"] = user.unit_id if user is not None else None
    bucket = filters["bucket"] or None
    if bucket is not None:
        _check_bucket(bucket)
        params["soon_to"] = filters["as_of"] + dt.timedelta(days=filters["due_soon_days"])
    search = None
    if filters["q"]:
        search = "like" if filters.get("plain_like") else "lower"
        params["pattern"] = _like_pattern(filters["q"].lower())
    for key in ("document_id", "unit_id", "due_from", "due_to"):
        if filters[key] is not None:
            params[key] = filters[key]
    shape = _Shape(
        unit_user=unit_user,
        document=filters["document_id"] is not None,
        unit=filters["unit_id"] is not None,
        bucket=bucket,
        search=search,
        due_from=filters["due_from"] is not None,
        due_to=filters["due_to"] is not None,
    )
    return shape, params


def _like_pattern(text: str) -> str:
    """``%text%`` with ``/`` escaping ``%``, ``_`` and ``/`` (what ``contains(autoescape=True)`` does)."""
    return "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _conditions(shape: _Shape, *, semi_join: bool = False) -> list[ColumnElement[bool]]:
    """WHERE clauses of the tracked tasks of ``shape`` (values as bound parameters). They need
    ``JOIN document`` unless ``semi_join``: then "the document is confirmed" is ``document_id + 0
    IN (confirmed ids)``, which leaves the task indexes free to give the list's order (the ``+ 0``
    stops SQLite from walking the document_id index and sorting every task to find the first page)."""
    confirmed: ColumnElement[bool] = (
        (Task.document_id + 0).in_(select(Document.id).where(Document.status == "confirmed"))
        if semi_join
        else Document.status == "confirmed"
    )
    conds: list[ColumnElement[bool]] = [confirmed]
    if shape.unit_user:
        conds.append(_owned_by(bindparam("user_unit")))
    if shape.document:
        conds.append(Task.document_id == bindparam("document_id"))
    if shape.unit:
        conds.append(_owned_by(bindparam("unit_id")))
    if shape.bucket:
        conds.append(_bucket_condition(shape.bucket, bindparam("as_of", type_=Date), bindparam("soon_to", type_=Date)))
    if shape.search:
        text_col = Task.text if shape.search == "like" else func.lower(Task.text)
        conds.append(text_col.like(bindparam("pattern"), escape="/"))
    if shape.due_from:
        conds.append(Task.due_date >= bindparam("due_from", type_=Date))
    if shape.due_to:
        conds.append(Task.due_date <= bindparam("due_to", type_=Date))
    return conds


_STATEMENTS: dict[tuple[Any, ...], Any] = {}


def _statement(key: tuple[Any, ...], build: Callable[[], T]) -> T:
    """The statement built by ``build`` for ``key``, built once (a race builds it twice, harmlessly)."""
    stmt = _STATEMENTS.get(key)
    if stmt is None:
        if len(_STATEMENTS) > 2000:
            _STATEMENTS.clear()
        stmt = _STATEMENTS[key] = build()
    return stmt


class TaskQuery(TypedDict, total=False):
    """The question of a task list: filters, order and page (all optional)."""

    document_id: int | None
    unit_id: int | None
    bucket: str | None
    as_of: dt.date | None
    q: str | None
    due_from: dt.date | None
    due_to: dt.date | None
    sort: str  # default "due_date"
    limit: int  # default 50
    offset: int  # default 0
    due_soon_days: int  # default 7
    cache: bool  # default False


def list_tasks(s: Session, *, user: User | None, **query: Unpack[TaskQuery]) -> tuple[list[Task], int]:
    """Tracked tasks (of confirmed documents) visible to ``user``, filtered and paged; and the total.

    ``cache=True`` (read-only callers only, as for ``stats``) reuses the total counted for the
    same question while the data version is unchanged (see ``data_version``): counting reads
    every matching task, the page itself only a few index entries.
    """
    return _list(s, user, _list_filters(s, query), query, load=_load_tasks)


def list_tasks_json(s: Session, *, user: User | None, **query: Unpack[TaskQuery]) -> tuple[list[dict[str, Any]], int]:
    """``list_tasks`` as the task JSON of CONTRACTS.md (``bucket`` as of ``as_of``, default
    today): the same tasks, order and total, read as plain rows (the page joined with its owners,
    one query) instead of ORM objects, which cost the API's task list more than its SQL."""
    filters = _list_filters(s, query)
    day, days = filters["as_of"], filters["due_soon_days"]

    def load(s: Session, shape: _Shape | None, sort: str, params: dict[str, Any]) -> list[Any]:
        return _load_task_json(s, shape, sort, params, as_of=day, due_soon_days=days)

    return _list(s, user, filters, query, load=load)


def _list_filters(s: Session, query: TaskQuery) -> dict[str, Any]:
    q = query.get("q")
    filters: dict[str, Any] = {
        "document_id": query.get("document_id"),
        "unit_id": query.get("unit_id"),
        "bucket": query.get("bucket"),
        "as_of": query.get("as_of") or dt.date.today(),
        "q": q,
        "due_from": query.get("due_from"),
        "due_to": query.get("due_to"),
        "due_soon_days": query.get("due_soon_days", 7),
    }
    if q:
        # SQLite's LIKE already ignores ASCII case and its lower() folds nothing more, so
        # ``lower(text)`` (a function call per row) buys nothing there.
        filters["plain_like"] = s.get_bind().dialect.name == "sqlite"
    return filters


# A page loader: (session, shape — ``None``: the tasks ``params["ids"]`` —, sort, bound values
# with ``limit``/``offset`` or none for all) -> the tasks (each with an ``id``), in list order.
_Loader = Callable[[Session, "_Shape | None", str, dict[str, Any]], list[Any]]


def _list(
    s: Session, user: User | None, filters: dict[str, Any], query: TaskQuery, *, load: _Loader
) -> tuple[list[Any], int]:
    """The page (as ``load`` reads it) and the total of ``list_tasks`` / ``list_tasks_json``."""
    sort, limit, offset = query.get("sort", "due_date"), query.get("limit", 50), query.get("offset", 0)
    cache = query.get("cache", False)
    if sort not in TASK_SORTS:
        raise InputError(f"sắp xếp {sort!r} không hợp lệ; chọn một trong {', '.join(TASK_SORTS)}")
    if not 0 < limit <= 1000 or offset < 0:
        raise InputError("limit phải từ 1 đến 1000 và offset không âm")
    shape, params = _question(user, filters)
    if shape.search:
        return _search_tasks(s, shape, params, sort=sort, limit=limit, offset=offset, load=load)
    if cache:
        key = ("list_total", _scope(user), *sorted(filters.items()))
        total = cached_read(s, key, lambda: _count_tasks(s, shape, params))
    else:
        total = _count_tasks(s, shape, params)
    return load(s, shape, sort, {**params, "limit": limit, "offset": offset}), int(total)


def _task_order(columns: Any, sort: str) -> list[Any]:
    """ORDER BY of the task list over ``columns`` (``Task`` or a subquery's ``.c``): the sort key
    (undated / unset last), then the id."""
    col = getattr(columns, sort.lstrip("-"))
    return [col.is_(None), col.desc() if sort.startswith("-") else col.asc(), columns.id]


def _page_where(shape: _Shape | None) -> list[ColumnElement[bool]]:
    if shape is None:
        return [Task.id.in_(bindparam("ids", expanding=True))]
    return _conditions(shape, semi_join=True)


def _load_tasks(s: Session, shape: _Shape | None, sort: str, params: dict[str, Any]) -> list[Task]:
    def build() -> Any:
        stmt = select(Task).where(*_page_where(shape)).order_by(*_task_order(Task, sort)).options(selectinload(Task.owners))
        return stmt if shape is None else stmt.limit(bindparam("limit")).offset(bindparam("offset"))

    return list(s.scalars(_statement(("orm_page", shape, sort), build), params))


_JSON_COLUMNS = [Task.__table__.c[k] for k in TASK_JSON_COLUMNS]


def _json_page_statement(shape: _Shape | None, sort: str) -> Any:
    page = select(*_JSON_COLUMNS).where(*_page_where(shape)).order_by(*_task_order(Task, sort))
    return page if shape is None else page.limit(bindparam("limit")).offset(bindparam("offset"))


def _owners_statement() -> Any:
    """The owners of the tasks ``ids`` with their units' current names, by task then unit id.
    (A second query: joining the owners into the page query made the database sort the wide
    joined rows once more, which cost more than this query.)"""
    return (
        select(TaskOwner.task_id, TaskOwner.unit_id, func.coalesce(Unit.name, TaskOwner.name), TaskOwner.role)
        .outerjoin(Unit, Unit.id == TaskOwner.unit_id)
        .where(TaskOwner.task_id.in_(bindparam("ids", expanding=True)))
        .order_by(TaskOwner.task_id, TaskOwner.unit_id)
    )


def _load_task_json(
    s: Session, shape: _Shape | None, sort: str, params: dict[str, Any], *, as_of: dt.date, due_soon_days: int
) -> list[dict[str, Any]]:
    conn = s.connection()
    rows = conn.execute(_statement(("json_page", shape, sort), lambda: _json_page_statement(shape, sort)), params).all()
    if not rows:
        return []
    owners: dict[Any, list[dict[str, Any]]] = {}
    for o in conn.execute(_statement(("owners",), _owners_statement), {"ids": [r[0] for r in rows]}):
        owners.setdefault(o[0], []).append({"unit_id": o[1], "name": o[2], "role": o[3]})
    return [task_values_to_json(r, owners.get(r[0], []), as_of=as_of, due_soon_days=due_soon_days) for r in rows]


def _count_tasks(s: Session, shape: _Shape, params: dict[str, Any]) -> int:
    def build() -> Any:
        return select(func.count(Task.id)).join(Document, Document.id == Task.document_id).where(*_conditions(shape))

    return int(s.connection().execute(_statement(("count", shape), build), params).scalar() or 0)


def _search_tasks(
    s: Session, shape: _Shape, params: dict[str, Any], *, sort: str, limit: int, offset: int, load: _Loader
) -> tuple[list[Any], int]:
    """``list_tasks`` with a text search. No index serves ``LIKE '%…%'``, so every task is read
    anyway: one sequential scan yields the matches' ids and sort keys, which give both the total
    and the page, in the order SQL would give (``key IS NULL, key [DESC], id``)."""
    col = getattr(Task, sort.lstrip("-"))
    stmt = _statement(("search", shape, sort), lambda: select(Task.id, col).where(*_conditions(shape, semi_join=True)))
    rows: list[tuple[int, Any]] = [(int(r[0]), r[1]) for r in s.connection().execute(stmt, params)]
    rows.sort(key=lambda r: r[0])  # the tie-breaker first: the sorts below are stable
    keyed = [r for r in rows if r[1] is not None]
    keyed.sort(key=lambda r: r[1], reverse=sort.startswith("-"))
    ordered = keyed + [r for r in rows if r[1] is None]
    ids = [r[0] for r in ordered[offset : offset + limit]]
    if not ids:
        return [], len(rows)
    found = {_id_of(t): t for t in load(s, None, sort, {"ids": ids})}
    return [found[i] for i in ids], len(rows)


def _id_of(task: Any) -> int:
    return int(task["id"] if isinstance(task, dict) else task.id)


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
        raise _deny("sửa nhiệm vụ")
    allowed = UNIT_EDITABLE if user is not None and user.role == "unit" else OFFICE_EDITABLE
    unknown = set(fields) - OFFICE_EDITABLE
    if unknown:
        raise InputError(f"không sửa được trường {', '.join(sorted(unknown))}")
    if set(fields) - allowed:
        raise _deny(f"sửa {', '.join(sorted(set(fields) - allowed))}")
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


def _may_write_task(user: User | None, what: str) -> None:
    _require(user, ("admin", "office", "unit"), what)


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
    _may_write_task(user, "báo cáo tiến độ")
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


# --------------------------------------------------------------------------- extensions
def request_extension(s: Session, task_id: int, *, user: User | None, new_due: dt.date, reason: str = "") -> Extension:
    task = get_task(s, task_id, user=user)
    _may_write_task(user, "xin gia hạn")
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
    _require(user, ("admin", "leader"), "quyết định gia hạn")
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
        stmt = stmt.where(_owned_by(user.unit_id))
    return list(s.scalars(stmt))


# --------------------------------------------------------------------------- indicators, explanations
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
    _require(user, ("admin", "office", "leader"), "yêu cầu giải trình")
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
    _require(user, ("admin", "unit"), "trả lời giải trình")
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


# --------------------------------------------------------------------------- statistics
_BUCKET_INDEX = {b: i for i, b in enumerate(BUCKETS)}


def _counts(done_on_time: int, done_late: int, open_not_due: int, open_overdue: int) -> dict[str, Any]:
    """The four counts (in ``BUCKETS`` order), their total and the on-time rate, as the stats JSON shows them."""
    return {
        "done_on_time": done_on_time,
        "done_late": done_late,
        "open_not_due": open_not_due,
        "open_overdue": open_overdue,
        "total": done_on_time + done_late + open_not_due + open_overdue,
        "on_time_rate": rate_of(done_on_time, done_late, open_overdue),
    }


# Results of read-only questions (statistics, list totals, pickers), one cache per engine (a weak
# key: an in-memory test database never answers for the next one), for one data version at a
# time (``dondoc.store.versioning``): database triggers move it on every write, from any process,
# so an answer never outlives the data it was computed from, and the first read at a new version
# drops the old answers. The 30-second limit is only a safety net for a database file replaced
# behind the server's back (a restore), which may bring back an old version number with other data.
_CACHES: weakref.WeakKeyDictionary[Engine, dict[str, Any]] = weakref.WeakKeyDictionary()
_STATS_TTL_S = 30.0
_CACHE_MAX = 4096
_MISS = object()
_INFLIGHT: dict[tuple[Any, ...], threading.Lock] = {}
_INFLIGHT_GUARD = threading.Lock()


def data_version(s: Session) -> int | None:
    """The database's data version, read *before* the data it keys (so a cached answer is never
    older than its key); ``None`` (no counter row) disables caching."""
    return read_version(s)


def _scope(user: User | None) -> tuple[Any, ...] | None:
    """What of ``user`` changes the answer: only a unit user's unit (the others see everything)."""
    return (user.role, user.unit_id) if user is not None and user.role == "unit" else None


def _engine_cache(s: Session) -> dict[str, Any]:
    return _CACHES.setdefault(s.get_bind().engine, {"version": None, "entries": {}})


def _lookup(cache: dict[str, Any], version: int, key: tuple[Any, ...]) -> Any:
    entries = cache["entries"]
    hit = entries.get(key) if cache["version"] == version else None
    if hit is None or time.monotonic() - hit[0] >= _STATS_TTL_S:
        return _MISS
    return hit[1]


def _store(cache: dict[str, Any], version: int, key: tuple[Any, ...], value: Any) -> None:
    if cache["version"] != version:
        cache["version"], cache["entries"] = version, {}
    entries = cache["entries"]
    if len(entries) >= _CACHE_MAX:
        entries.clear()
    entries[key] = (time.monotonic(), value)


@contextmanager
def _single_flight(key: tuple[Any, ...]) -> Iterator[None]:
    """One computation of ``key`` at a time: after a write, fifty dashboards asking the same
    question wait for one computation instead of running fifty."""
    with _INFLIGHT_GUARD:
        lock = _INFLIGHT.setdefault(key, threading.Lock())
    with lock:
        yield
    with _INFLIGHT_GUARD:
        if _INFLIGHT.get(key) is lock and not lock.locked():
            del _INFLIGHT[key]


def cached_read(s: Session, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or the value it gave for ``key`` on this database at the same data version
    (no write since, from any process), for at most 30 seconds; concurrent callers of a key not
    yet known wait for one computation. The value is shared between callers: treat it as
    read-only. For read-only callers (no uncommitted writes in ``s``)."""
    version = data_version(s)
    if version is None:
        return compute()
    cache = _engine_cache(s)
    hit = _lookup(cache, version, key)
    if hit is not _MISS:
        return hit
    with _single_flight((id(cache), version, *key)):
        hit = _lookup(cache, version, key)
        if hit is not _MISS:
            return hit
        value = compute()
        _store(cache, version, key, value)
    return value


def _stats_bucket() -> Any:
    """The bucket of each task as of the bound ``as_of``, as its index in ``BUCKETS``: one CASE
    per row, so the database reads only the covering indexes and groups (small integer keys sort
    faster than names: a fifth of the time of the 100k-task statistics)."""
    day = bindparam("as_of", type_=Date)
    done = and_(Task.done_at.is_not(None), Task.done_at <= day)
    index = _BUCKET_INDEX
    return case(
        (and_(done, or_(Task.due_date.is_(None), Task.done_at <= Task.due_date)), index["done_on_time"]),
        (done, index["done_late"]),
        (Task.due_date < day, index["open_overdue"]),
        else_=index["open_not_due"],
    ).label("bucket")


def _stats_statement(shape: _Shape) -> Any:
    bucket = _stats_bucket()
    return (
        select(bucket, func.count())
        .select_from(Task)
        .join(Document, Document.id == Task.document_id)
        .where(*_conditions(shape))
        .group_by(bucket)
    )


def _stats_by_unit_statement(shape: _Shape) -> Any:
    """Counts per (owner unit, bucket) — owners other than monitors; a unit user's own unit
    only — with the unit's name, joined after grouping (one lookup per unit, not per task)."""
    bucket = _stats_bucket()
    conds = [*_conditions(shape), TaskOwner.role != "monitor"]
    if shape.unit_user:
        conds.append(TaskOwner.unit_id == bindparam("user_unit"))
    grouped = (
        select(TaskOwner.unit_id.label("unit_id"), bucket, func.count().label("n"))
        .select_from(TaskOwner)
        .join(Task, Task.id == TaskOwner.task_id)
        .join(Document, Document.id == Task.document_id)
        .where(*conds)
        .group_by(TaskOwner.unit_id, bucket)
        .subquery("grouped")
    )
    return select(grouped.c.unit_id, func.coalesce(Unit.name, ""), grouped.c.bucket, grouped.c.n).select_from(
        grouped.outerjoin(Unit, Unit.id == grouped.c.unit_id)
    )


def stats(
    s: Session,
    *,
    user: User | None,
    as_of: dt.date | None = None,
    document_id: int | None = None,
    period: str | None = None,
    unit_id: int | None = None,
    cache: bool = False,
) -> dict[str, Any]:
    """Counts per bucket as of ``as_of``, overall and ``by_unit`` (owners other than monitors),
    with on-time rates; ``period`` ("2021-Q2") keeps tasks due in that period. SQL does the counting.

    ``cache=True`` (read-only callers only: the session must hold no uncommitted writes) reuses a
    result computed for the same question at the same data version (no write since, from any
    process; see ``cached_read``), for at most 30 seconds.
    """
    day = as_of or dt.date.today()
    if cache:
        key = ("stats", _scope(user), day, document_id, period, unit_id)

        def compute() -> dict[str, Any]:
            return stats(s, user=user, as_of=day, document_id=document_id, period=period, unit_id=unit_id)

        return copy.deepcopy(cached_read(s, key, compute))  # the caller may change its copy
    due_from = due_to = None
    if period:
        try:
            due_from, due_to = parse_period(period)
        except ValueError as exc:
            raise InputError(str(exc)) from exc
    question = {"document_id": document_id, "unit_id": unit_id, "bucket": None, "as_of": day, "q": None}
    shape, params = _question(user, {**question, "due_from": due_from, "due_to": due_to, "due_soon_days": 7})
    conn = s.connection()
    overall = [0, 0, 0, 0]
    for row in conn.execute(_statement(("stats", shape), lambda: _stats_statement(shape)), params):
        overall[row[0]] = int(row[1])
    # Up to four rows per unit, one per bucket: plain lists here, a dict per unit once at the end.
    per_unit: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    by_unit_stmt = _statement(("stats_by_unit", shape), lambda: _stats_by_unit_statement(shape))
    for row in conn.execute(by_unit_stmt, params):
        uid: int = row[0]
        counts = per_unit.get(uid)
        if counts is None:
            counts = per_unit[uid] = [0, 0, 0, 0]
            names[uid] = row[1]
        counts[row[2]] = int(row[3])
    by_unit = [{"unit_id": uid, "unit": names[uid], **_counts(*c)} for uid, c in per_unit.items()]
    by_unit.sort(key=lambda r: (-(r["on_time_rate"] or 0.0), -r["total"], r["unit"]))
    return {
        "as_of": day.isoformat(),
        "document_id": document_id,
        "period": {"start": iso(due_from), "end": iso(due_to)} if period else None,
        **_counts(*overall),
        "by_unit": by_unit,
    }
