"""Who may write what (``require_role``), and the audit log every write leaves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dondoc.errors import StoreError
from dondoc.store.models import AuditLog, User

__all__ = ["PermissionDeniedError", "audit", "deny", "list_audit", "require_role"]


class PermissionDeniedError(StoreError):
    """The user is known but their role may not do this (HTTP 403)."""


def deny(what: str) -> PermissionDeniedError:
    return PermissionDeniedError(f"vai trò của bạn không được phép {what}")


def require_role(user: User | None, roles: Iterable[str], what: str) -> None:
    if user is not None and user.role not in roles:
        raise deny(what)


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
