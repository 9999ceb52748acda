"""Answers to read-only questions cached per database and data version (statistics, list totals, pickers)."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dondoc.store.models import User
from dondoc.store.versioning import read_version

__all__ = ["cache_scope", "cached_read", "data_version"]


T = TypeVar("T")

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


def cache_scope(user: User | None) -> tuple[Any, ...] | None:
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
