"""Units (sở, ngành, quận/huyện): the tree, lookup by name, and the default set seeded from the gazetteer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dondoc.errors import ConflictError, InputError, NotFoundError
from dondoc.store.models import Unit, User
from dondoc.store.repo._access import audit, require_role
from dondoc.store.seed import DEFAULT_UNITS, normalise_unit_name, unit_name_of

__all__ = [
    "create_unit",
    "ensure_seeded",
    "find_or_create_unit",
    "list_units",
    "seed_units",
    "unit_index",
    "unit_tree",
    "update_unit",
]


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


def unit_index(s: Session) -> dict[str, Unit]:
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
    index = _index if _index is not None else unit_index(s)
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
    require_role(user, ("admin",), "tạo đơn vị")
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
    require_role(user, ("admin",), "sửa đơn vị")
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
