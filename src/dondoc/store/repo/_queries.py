"""Task lists: the question a filter asks (``Shape``), its SQL (buckets, owners, search), pages, totals and JSON rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypedDict, TypeVar, Unpack

from sqlalchemy import ColumnElement, Date, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session, selectinload

from dondoc.errors import InputError
from dondoc.store.mapping import TASK_JSON_COLUMNS, task_values_to_json
from dondoc.store.models import Document, Task, TaskOwner, Unit, User
from dondoc.store.repo._cache import cache_scope, cached_read
from dondoc.track import BUCKETS

__all__ = [
    "TASK_SORTS",
    "Shape",
    "TaskQuery",
    "bucket_condition",
    "conditions",
    "list_tasks",
    "list_tasks_json",
    "owned_by",
    "shape_of",
    "statement",
]


T = TypeVar("T")
TASK_SORTS = ("due_date", "-due_date", "id", "-id", "progress", "-progress")


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


def owned_by(unit_id: Any) -> ColumnElement[bool]:
    # IN (uncorrelated subquery): the database walks the unit's few tasks through the index
    # instead of probing every task; the alias keeps it independent of an outer TaskOwner.
    # A Core alias made once: an ORM ``aliased()`` per call costs more than the query it builds.
    return Task.id.in_(select(_OWNER.c.task_id).where(_OWNER.c.unit_id == unit_id))


@dataclass(frozen=True)
class Shape:
    """What of a task-list question changes its SQL; the values (ids, days, the search pattern)
    are bound parameters (``shape_of``). The list's statements are built once per shape
    (``statement``): building and keying a SQLAlchemy statement costs more than running it."""

    unit_user: bool = False
    document: bool = False
    unit: bool = False
    bucket: str | None = None
    search: str | None = None  # "like" (SQLite: LIKE ignores ASCII case already) or "lower"
    due_from: bool = False
    due_to: bool = False


def shape_of(user: User | None, filters: dict[str, Any]) -> tuple[Shape, dict[str, Any]]:
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
    shape = Shape(
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


def conditions(shape: Shape, *, semi_join: bool = False) -> list[ColumnElement[bool]]:
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
        conds.append(owned_by(bindparam("user_unit")))
    if shape.document:
        conds.append(Task.document_id == bindparam("document_id"))
    if shape.unit:
        conds.append(owned_by(bindparam("unit_id")))
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


def statement(key: tuple[Any, ...], build: Callable[[], T]) -> T:
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

    def load(s: Session, shape: Shape | None, sort: str, params: dict[str, Any]) -> list[Any]:
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
_Loader = Callable[[Session, "Shape | None", str, dict[str, Any]], list[Any]]


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
    shape, params = shape_of(user, filters)
    if shape.search:
        return _search_tasks(s, shape, params, sort=sort, limit=limit, offset=offset, load=load)
    if cache:
        key = ("list_total", cache_scope(user), *sorted(filters.items()))
        total = cached_read(s, key, lambda: _count_tasks(s, shape, params))
    else:
        total = _count_tasks(s, shape, params)
    return load(s, shape, sort, {**params, "limit": limit, "offset": offset}), int(total)


def _task_order(columns: Any, sort: str) -> list[Any]:
    """ORDER BY of the task list over ``columns`` (``Task`` or a subquery's ``.c``): the sort key
    (undated / unset last), then the id."""
    col = getattr(columns, sort.lstrip("-"))
    return [col.is_(None), col.desc() if sort.startswith("-") else col.asc(), columns.id]


def _page_where(shape: Shape | None) -> list[ColumnElement[bool]]:
    if shape is None:
        return [Task.id.in_(bindparam("ids", expanding=True))]
    return conditions(shape, semi_join=True)


def _load_tasks(s: Session, shape: Shape | None, sort: str, params: dict[str, Any]) -> list[Task]:
    def build() -> Any:
        stmt = select(Task).where(*_page_where(shape)).order_by(*_task_order(Task, sort)).options(selectinload(Task.owners))
        return stmt if shape is None else stmt.limit(bindparam("limit")).offset(bindparam("offset"))

    return list(s.scalars(statement(("orm_page", shape, sort), build), params))


_JSON_COLUMNS = [Task.__table__.c[k] for k in TASK_JSON_COLUMNS]


def _json_page_statement(shape: Shape | None, sort: str) -> Any:
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
    s: Session, shape: Shape | None, sort: str, params: dict[str, Any], *, as_of: dt.date, due_soon_days: int
) -> list[dict[str, Any]]:
    conn = s.connection()
    rows = conn.execute(statement(("json_page", shape, sort), lambda: _json_page_statement(shape, sort)), params).all()
    if not rows:
        return []
    owners: dict[Any, list[dict[str, Any]]] = {}
    for o in conn.execute(statement(("owners",), _owners_statement), {"ids": [r[0] for r in rows]}):
        owners.setdefault(o[0], []).append({"unit_id": o[1], "name": o[2], "role": o[3]})
    return [task_values_to_json(r, owners.get(r[0], []), as_of=as_of, due_soon_days=due_soon_days) for r in rows]


def _count_tasks(s: Session, shape: Shape, params: dict[str, Any]) -> int:
    def build() -> Any:
        return select(func.count(Task.id)).join(Document, Document.id == Task.document_id).where(*conditions(shape))

    return int(s.connection().execute(statement(("count", shape), build), params).scalar() or 0)


def _search_tasks(
    s: Session, shape: Shape, params: dict[str, Any], *, sort: str, limit: int, offset: int, load: _Loader
) -> tuple[list[Any], int]:
    """``list_tasks`` with a text search. No index serves ``LIKE '%…%'``, so every task is read
    anyway: one sequential scan yields the matches' ids and sort keys, which give both the total
    and the page, in the order SQL would give (``key IS NULL, key [DESC], id``)."""
    col = getattr(Task, sort.lstrip("-"))
    stmt = statement(("search", shape, sort), lambda: select(Task.id, col).where(*conditions(shape, semi_join=True)))
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
