"""The on-disk cache of compiled patterns gives back exactly the patterns ``re`` compiles, and a
damaged or unwritable cache only turns itself off."""

from __future__ import annotations

import array
import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dondoc import regex_cache

SAMPLE = Path("examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt")

_CHECK = """
import json, re, sys
from dondoc import regex_cache
path = regex_cache.cache_file(regex_cache.cache_dir())
loaded = regex_cache.load(path)
cached = {key: re._cache[(str, key[0], key[1])] for key in loaded}
re.purge()
same = sum(re.compile(p, f) == cached[(p, f)] for p, f in cached)
print(json.dumps({"loaded": len(loaded), "same": same}))
"""


def _env(cache: Path | str) -> dict[str, str]:
    return {**os.environ, "DONDOC_CACHE_DIR": str(cache)}


def _extract(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "dondoc", "extract", str(SAMPLE), "--no-repair"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_a_cached_run_rebuilds_the_same_patterns_and_the_same_output(tmp_path) -> None:
    cache = tmp_path / "cache"
    plain = _extract(_env(""))  # cache off
    assert not cache.exists()
    first = _extract(_env(cache))  # compiles, then writes the cache at exit
    files = list(cache.glob("regex-*.bin"))
    assert len(files) == 1 and files[0].stat().st_size > 10_000
    second = _extract(_env(cache))  # starts from the cache
    assert plain == first == second

    done = subprocess.run([sys.executable, "-c", _CHECK], env=_env(cache), capture_output=True, text=True, check=True)
    counts = json.loads(done.stdout)
    assert counts["loaded"] >= 100  # the extraction grammars, not only a handful
    assert counts["same"] == counts["loaded"]  # equal code, flags and groups to a fresh compile


def test_save_then_load_round_trip_in_process(tmp_path) -> None:
    re.purge()  # the file holds at most a few hundred patterns; the rest of the suite has compiled more
    patterns = [(r"(?P<day>\d{1,2})/(?P<month>\d{1,2})", 0), (r"tháng\s+\d+", re.IGNORECASE)]
    compiled = [re.compile(p, f) for p, f in patterns]
    path = tmp_path / "regex-x.bin"
    assert regex_cache.save(path) >= len(patterns)
    re.purge()
    loaded = regex_cache.load(path)
    assert {(p, int(f)) for p, f in patterns} <= loaded
    for (p, f), original in zip(patterns, compiled, strict=True):
        again = re.compile(p, f)
        assert again == original
        assert again.groupindex == original.groupindex


def test_save_writes_nothing_when_every_pattern_was_loaded(tmp_path) -> None:
    path = tmp_path / "regex-x.bin"
    re.compile(r"quý\s+[IV]+")
    regex_cache.save(path)
    loaded = regex_cache.load(path)
    before = path.stat().st_mtime_ns
    assert regex_cache.save(path, known=loaded | {(k[1], int(k[2])) for k in re._cache if k[0] is str}) == 0
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xff" * 64, marshal.dumps([1, 2])])
def test_a_damaged_cache_file_is_ignored(tmp_path, content) -> None:
    path = tmp_path / "regex-x.bin"
    path.write_bytes(content)
    assert regex_cache.load(path) == set()


def _write(path: Path, entries: dict) -> None:
    payload = marshal.dumps(entries)
    path.write_bytes(regex_cache._checksum(payload) + payload)


def test_code_the_regex_engine_rejects_is_skipped(tmp_path) -> None:
    path = tmp_path / "regex-x.bin"
    _write(path, {("abc", 0): (32, array.array("I", [99999, 7]).tobytes(), 0, {}, (None,))})
    assert regex_cache.load(path) == set()


def test_a_file_whose_checksum_fails_is_ignored(tmp_path) -> None:
    re.compile(r"trước\s+ngày")
    path = tmp_path / "regex-x.bin"
    assert regex_cache.save(path) > 0
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # one flipped bit in the code of some pattern
    path.write_bytes(bytes(raw))
    assert regex_cache.load(path) == set()


def test_an_unwritable_cache_directory_only_turns_the_cache_off(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    re.compile(r"năm\s+\d{4}")
    assert regex_cache.save(blocker / "regex-x.bin") == 0


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DONDOC_CACHE_DIR", str(tmp_path))
    assert regex_cache.cache_dir() == tmp_path
    monkeypatch.setenv("DONDOC_CACHE_DIR", "")
    assert regex_cache.cache_dir() is None
    monkeypatch.delenv("DONDOC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert regex_cache.cache_dir() == tmp_path / "xdg" / "dondoc"


def test_a_new_file_replaces_the_files_of_older_sources(tmp_path) -> None:
    old = tmp_path / "regex-0000000000000000.bin"
    old.write_bytes(b"")
    re.compile(r"giai\s+đoạn")
    path = regex_cache.cache_file(tmp_path)
    assert regex_cache.save(path) > 0
    assert not old.exists() and path.exists()


@pytest.mark.parametrize("entries", [[1, 2], {("abc", 0): "not an entry"}, {"abc": (0, b"", 0, {}, ())}])
def test_well_formed_files_of_the_wrong_shape_give_nothing(tmp_path, entries) -> None:
    path = tmp_path / "regex-x.bin"
    _write(path, entries)
    assert regex_cache.load(path) == set()


_PATTERNS = """
import hashlib, re
from dondoc.stages.extract import extract_text
text = open("examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt", encoding="utf-8").read()
extract_text(text, repair=False, name="sample")
keys = sorted(repr(k[1:]) for k in re._cache if k[0] is str)
print(len(keys), hashlib.sha256("\\n".join(keys).encode()).hexdigest())
"""


def test_the_package_compiles_the_same_patterns_in_every_process() -> None:
    """A pattern built from a set in hash order would differ per process and never hit the cache."""
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _PATTERNS], env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
