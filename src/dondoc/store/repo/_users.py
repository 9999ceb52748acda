"""Users: sign-in (argon2, with a dummy hash so a missing user takes as long), creation and updates."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dondoc.errors import ConflictError, InputError, NotFoundError
from dondoc.store.models import ROLES, Unit, User
from dondoc.store.repo._access import audit, require_role
from dondoc.store.repo._units import find_or_create_unit
from dondoc.web.security import hash_password, needs_rehash, verify_password

__all__ = ["authenticate", "create_user", "get_user", "list_users", "update_user"]


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
    require_role(actor, ("admin",), "tạo người dùng")
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
    require_role(actor, ("admin",), "sửa người dùng")
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
