"""Tracking commands: user add, import (atomic, even when killed), backup -> restore."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dondoc.cli import main
from dondoc.store import versioning
from dondoc.store.db import make_engine, session_scope
from dondoc.store.models import AuditLog, Base, Document, Task, User
from tests.store.fixtures import cheap_argon2, db_url  # noqa: F401

SAMPLE = Path("examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt").resolve()


@pytest.fixture
def env(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:  # noqa: F811
    monkeypatch.setenv("DONDOC_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DONDOC_DATABASE_URL", db_url)
    return {"DONDOC_HOME": str(tmp_path / "home"), "DONDOC_DATABASE_URL": db_url}


def _count(url: str, model: type[Base]) -> int:
    eng = make_engine(url)
    try:
        with session_scope(eng) as s:
            return s.scalar(select(func.count()).select_from(model)) or 0
    finally:
        eng.dispose()


def test_user_add(env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật khẩu dài\n"))
    assert main(["user", "add", "xd", "--role", "unit", "--unit", "Sở Xây dựng", "--password-stdin"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["username"] == "xd" and out["unit_id"] is not None
    monkeypatch.setattr(sys, "stdin", io.StringIO("ngắn\n"))
    assert main(["user", "add", "yy", "--role", "office", "--password-stdin"]) == 2
    assert "8" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật khẩu dài\n"))
    assert main(["user", "add", "xd", "--role", "office", "--password-stdin"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert _count(env["DONDOC_DATABASE_URL"], User) == 1


def test_import_and_backup_restore_roundtrip(env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = env["DONDOC_DATABASE_URL"]
    assert main(["import", str(SAMPLE), "--confirm", "--no-repair"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["tasks"] > 10 and out["status"] == "confirmed"

    def snapshot() -> dict[str, list[tuple[object, ...]]]:
        eng = make_engine(url)
        try:
            with eng.connect() as conn:
                tables = [t for t in Base.metadata.sorted_tables if t.name != versioning.TABLE]
                return {t.name: sorted(tuple(r) for r in conn.execute(t.select())) for t in tables}
        finally:
            eng.dispose()

    def version() -> int:
        eng = make_engine(url)
        try:
            with Session(eng) as s:
                v = versioning.read_version(s)
                assert v is not None
                return v
        finally:
            eng.dispose()

    before = snapshot()
    backup = tmp_path / "backup.bin"
    assert main(["backup", str(backup)]) == 0
    assert main(["import", str(SAMPLE)]) == 0  # a change after the backup
    assert snapshot() != before
    changed_version = version()
    assert main(["restore", str(backup)]) == 0
    assert snapshot() == before
    # The restored data gets a version no running server can have cached other data under.
    assert version() > changed_version
    assert main(["restore", str(tmp_path / "missing.bin")]) == 2


def test_killed_import_leaves_nothing(env: dict[str, str], tmp_path: Path) -> None:
    """Kill the process after the document and its tasks are written but before the commit."""
    url = env["DONDOC_DATABASE_URL"]
    script = (
        "import sys, time\n"
        "from dondoc.store import repo\n"
        "real = repo.create_document\n"
        "def slow(*a, **k):\n"
        "    doc = real(*a, **k)\n"
        "    print('flushed', len(doc.tasks), flush=True)\n"
        "    time.sleep(60)\n"
        "    return doc\n"
        "repo.create_document = slow\n"
        "from dondoc.cli import main\n"
        f"main(['import', {str(SAMPLE)!r}, '--confirm', '--no-repair'])\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("flushed") and int(line.split()[1]) > 10
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    assert _count(url, Document) == 0
    assert _count(url, Task) == 0
    assert _count(url, AuditLog) == 1  # the unit seeding only (its own committed unit of work)
