"""A cache of compiled regular expressions on disk, so that a short run does not spend half its
time compiling the same patterns again.

Why by hand: the extraction grammars (time expressions, the gazetteer's body names, directive
verbs) are a few hundred kilobytes of patterns. Compiling them takes about 0.15 s, half of what
``dondoc extract`` spends on a short document, and it happens in every process. Python caches
byte-code on disk but not compiled patterns, and pickling a ``re.Pattern`` only stores its source,
so no library helps. This module stores what CPython's ``re`` compiler produces for a pattern (the
code array, group count and names) and rebuilds the pattern object with ``_sre.compile``, which
validates the code. Rebuilt patterns go into ``re``'s own in-memory cache, so every
``re.compile`` call in the package finds them without knowing about this module.

It leans on CPython internals (``re._cache``, ``re._parser``, ``re._compiler._code``,
``_sre.compile``). The cache file is keyed by the interpreter's cache tag, ``_sre.MAGIC`` and a
fingerprint of the package's sources, every pattern it writes is checked to equal a fresh
compile, and any failure turns the cache off silently: the patterns are then compiled as usual.

The cache lives in ``$DONDOC_CACHE_DIR`` (default ``$XDG_CACHE_HOME/dondoc`` or
``~/.cache/dondoc``); ``DONDOC_CACHE_DIR=`` (empty) turns it off. Only the command-line entry point
uses it (``install``), once per process.
"""

from __future__ import annotations

import array
import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "cache_file", "install", "load", "save"]

_ENV = "DONDOC_CACHE_DIR"
_PREFIX = "regex-"
# Leave room in re's cache (512 entries in CPython 3.11-3.13) for patterns others compile.
_MAX_ENTRIES = 384
_DIGEST = 16  # a file starts with the blake2b digest of the rest, so damage is noticed

# (pattern, flags) -> (final flags, code as bytes, groups, groupindex, indexgroup)
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def cache_dir() -> Path | None:
    """Where the cache lives, or ``None`` when ``DONDOC_CACHE_DIR`` is set empty."""
    configured = os.environ.get(_ENV)
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dondoc"


def _sre() -> Any | None:
    """CPython's regex engine module when its code format is one this cache can store."""
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sre

        if array.array("I").itemsize != _sre.CODESIZE:
            return None
        return _sre
    except (ImportError, AttributeError):
        return None


def _fingerprint() -> str:
    """Interpreter, regex engine and the package's sources: a change to any gives a new file."""
    sre = _sre()
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{sys.implementation.cache_tag}/{getattr(sre, 'MAGIC', 0)}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def cache_file(directory: Path) -> Path:
    """The cache file for this interpreter and this version of the package's sources."""
    return directory / f"{_PREFIX}{_fingerprint()}.bin"


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST).digest()


def _entries(path: Path) -> dict[tuple[str, int], _Entry]:
    """The file's entries; an unreadable, damaged or malformed file gives none."""
    try:
        raw = path.read_bytes()
        payload = raw[_DIGEST:]
        if len(raw) <= _DIGEST or raw[:_DIGEST] != _checksum(payload):
            return {}
        data = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    good: dict[tuple[str, int], _Entry] = {}
    for key, value in data.items():
        if (
            isinstance(key, tuple)
            and len(key) == 2
            and isinstance(key[0], str)
            and isinstance(key[1], int)
            and isinstance(value, tuple)
            and len(value) == 5
            and isinstance(value[1], bytes)
        ):
            good[key] = value
    return good


def load(path: Path) -> set[tuple[str, int]]:
    """Put the patterns stored in ``path`` into ``re``'s cache; returns the keys it put there."""
    sre = _sre()
    if sre is None:
        return set()
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    loaded: set[tuple[str, int]] = set()
    for (pattern, flags), (final_flags, code_bytes, groups, groupindex, indexgroup) in _entries(path).items():
        if len(loaded) >= _MAX_ENTRIES:
            break
        code = array.array("I")
        try:
            code.frombytes(code_bytes)
            compiled = sre.compile(pattern, final_flags, code.tolist(), groups, groupindex, indexgroup)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            continue  # invalid code: leave the pattern to be compiled as usual
        cache.setdefault((str, pattern, flags), compiled)
        loaded.add((pattern, flags))
    return loaded


def _entry_for(pattern: str, flags: int, compiled: re.Pattern[str]) -> _Entry | None:
    """What to store for one pattern, or ``None`` unless it rebuilds to an equal pattern object."""
    sre = _sre()
    if sre is None:
        return None
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = {str(name): int(i) for name, i in parsed.state.groupdict.items()}
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        final_flags = int(flags | parsed.state.flags)
        groups = parsed.state.groups - 1
        if sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup)) != compiled:
            return None
        return (final_flags, array.array("I", code).tobytes(), groups, groupindex, tuple(indexgroup))
    except Exception:  # any surprise in CPython's internals only disables caching
        return None


def save(path: Path, known: set[tuple[str, int]] | None = None) -> int:
    """Write the string patterns now in ``re``'s cache to ``path`` (atomically) when some are not
    in ``known``; removes the files of older fingerprints. Returns the number of entries written."""
    cache: dict[Any, Any] = getattr(re, "_cache", {})
    current = {
        (key[1], int(key[2])): compiled
        for key, compiled in list(cache.items())
        if isinstance(key, tuple) and len(key) == 3 and key[0] is str and isinstance(compiled, re.Pattern)
    }
    if known is not None and set(current) <= known:
        return 0
    old = _entries(path)
    entries: dict[tuple[str, int], _Entry] = {}
    for key, compiled in current.items():
        entry = old.get(key) or _entry_for(key[0], key[1], compiled)
        if entry is not None:
            entries[key] = entry
        if len(entries) >= _MAX_ENTRIES:
            break
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".bin")
        payload = marshal.dumps(entries)
        with os.fdopen(fd, "wb") as out:
            out.write(_checksum(payload) + payload)
        os.replace(tmp, path)
        for stale in path.parent.glob(f"{_PREFIX}*.bin"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        return 0
    return len(entries)


def install() -> None:
    """Load the cache now and write it back at exit if this process compiled new patterns."""
    directory = cache_dir()
    if directory is None or _sre() is None:
        return
    try:
        path = cache_file(directory)
    except OSError:
        return
    known = load(path)
    atexit.register(save, path, known)
