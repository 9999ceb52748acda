"""Passwords and API tokens.

Passwords are hashed with Argon2id (argon2-cffi). An *API token* is a signed, timestamped
``{"uid": user_id}`` (itsdangerous): no table to look up, and it expires after
``settings.token_max_age_s``. Changing the secret key invalidates every token and session cookie.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer

__all__ = ["configure_hasher", "hash_password", "make_token", "needs_rehash", "read_token", "verify_password"]

_hasher = PasswordHasher()


def configure_hasher(*, time_cost: int = 3, memory_cost: int = 65536, parallelism: int = 4) -> None:
    """Change the Argon2 cost (tests use a cheap one; the defaults are argon2-cffi's)."""
    global _hasher
    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)
_SALT = "dondoc.api-token.v1"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def make_token(secret_key: str, user_id: int) -> str:
    return URLSafeTimedSerializer(secret_key, salt=_SALT).dumps({"uid": user_id})


def read_token(secret_key: str, token: str, *, max_age_s: int) -> int | None:
    """The user id in ``token``, or ``None`` when it is forged, malformed or expired."""
    try:
        data = URLSafeTimedSerializer(secret_key, salt=_SALT).loads(token, max_age=max_age_s)
    except BadSignature:
        return None
    uid = data.get("uid") if isinstance(data, dict) else None
    return uid if isinstance(uid, int) else None
