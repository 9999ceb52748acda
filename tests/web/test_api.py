"""The HTTP API against CONTRACTS.md: tokens, upload, task JSON, 409, stats; concurrent writers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dondoc.web.security import make_token
from tests.store.fixtures import cheap_argon2, db_url  # noqa: F401
from tests.store.helpers import PASSWORD
from tests.store.world import World, make_world

SAMPLE = Path("examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt")


@pytest.fixture
def world(db_url: str, tmp_path: Path) -> Iterator[World]:  # noqa: F811
    with make_world(db_url, tmp_path, max_upload_bytes=200_000) as w:
        yield w


def test_token_flow(world: World) -> None:
    c = world.client
    assert c.get("/api/tasks").status_code == 401
    assert c.get("/api/tasks", headers={"Authorization": "Bearer forged"}).status_code == 401
    bad = c.post("/api/auth/token", data={"username": "office", "password": "sai"})
    assert bad.status_code == 401 and "detail" in bad.json()
    r = c.post("/api/auth/token", data={"username": "office", "password": PASSWORD})
    assert r.status_code == 200 and r.json()["token_type"] == "bearer"
    me = c.get("/api/me", headers={"Authorization": f"Bearer {r.json()['access_token']}"})
    assert me.json()["role"] == "office"


def test_upload_confirm_and_read_back(world: World) -> None:
    c, h = world.client, world.headers("office")
    r = c.post("/api/documents", files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "text/plain")}, headers=h)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "draft" and body["tasks"] > 10
    before = c.get("/api/tasks", headers=h).json()["total"]
    assert c.post(f"/api/documents/{body['id']}/confirm", headers=h).json()["status"] == "confirmed"
    assert c.get("/api/tasks", headers=h).json()["total"] == before + body["tasks"]
    doc = c.get(f"/api/documents/{body['id']}", headers=h).json()
    assert doc["extraction"]["schema_version"] == "1" and len(doc["tasks"]) == body["tasks"]
    assert c.get(f"/api/documents/{body['id']}/file", headers=h).content == SAMPLE.read_bytes()
    once = c.post("/api/documents?confirm=true", files={"file": ("a.txt", SAMPLE.read_bytes())}, headers=h)
    assert once.json()["status"] == "confirmed"


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("big.txt", b"a" * 200_001, 413),
        ("virus.exe", b"MZ\x00\x00", 415),
        ("empty.txt", b"   ", 400),
        ("bin.txt", b"\x00\x01\x02" * 10, 400),
    ],
)
def test_upload_rejects_bad_files(world: World, name: str, data: bytes, status: int) -> None:
    r = world.client.post("/api/documents", files={"file": (name, data)}, headers=world.headers("office"))
    assert r.status_code == status
    assert isinstance(r.json()["detail"], str) and r.json()["detail"]


def test_task_json_contract_and_stale_version(world: World) -> None:
    c, h, t1 = world.client, world.headers("unit"), world.ids["t1"]
    task = c.get(f"/api/tasks/{t1}?", headers=h).json()
    for key in ("id", "document_id", "text", "due_date", "owners", "status", "bucket", "progress", "version"):
        assert key in task
    ok = c.patch(f"/api/tasks/{t1}", json={"version": task["version"], "progress": 50}, headers=h)
    assert ok.status_code == 200 and ok.json()["version"] == task["version"] + 1
    stale = c.patch(f"/api/tasks/{t1}", json={"version": task["version"], "progress": 70}, headers=h)
    assert stale.status_code == 409
    assert c.get(f"/api/tasks/{t1}", headers=h).json()["progress"] == 50
    bad = c.patch(f"/api/tasks/{t1}", json={"version": ok.json()["version"], "progress": 101}, headers=h)
    assert bad.status_code == 400


def test_report_done_and_stats(world: World) -> None:
    c, h, t1 = world.client, world.headers("unit"), world.ids["t1"]
    r = c.post(f"/api/tasks/{t1}/reports", json={"progress": 100, "note": "xong", "done": True}, headers=h)
    assert r.status_code == 201
    task = c.get(f"/api/tasks/{t1}", headers=h).json()
    assert task["status"] == "done" and task["bucket"] == "done_late"  # done today, due 2021-12-31
    stats = c.get("/api/stats?as_of=2021-07-01", headers=world.headers("office")).json()
    assert {k: stats[k] for k in ("done_on_time", "done_late", "open_not_due", "open_overdue")} == {
        "done_on_time": 0,
        "done_late": 0,
        "open_not_due": 2,
        "open_overdue": 1,
    }  # as of 2021-07-01 t1 was not done yet
    today = c.get("/api/stats", headers=world.headers("office")).json()
    assert today["done_late"] == 1
    assert {"unit", "done_on_time", "done_late", "open_not_due", "open_overdue"} <= set(today["by_unit"][0])
    listed = c.get("/api/tasks?bucket=open_overdue&as_of=2021-07-01", headers=world.headers("office")).json()
    assert [t["id"] for t in listed["items"]] == [world.ids["t2"]]
    assert c.get("/api/tasks?bucket=nope", headers=world.headers("office")).status_code == 400
    assert c.get("/api/stats?period=2021-Q9", headers=world.headers("office")).status_code == 400


def test_parallel_writers_lose_no_update(world: World) -> None:
    """Five writers append to one task's text through the API; 409s are retried; all appends land."""
    c, h, t1 = world.client, world.headers("office"), world.ids["t1"]
    writers, each = 5, 3
    conflicts = 0
    lock = threading.Lock()

    def write(i: int) -> None:
        nonlocal conflicts
        for j in range(each):
            while True:
                task = c.get(f"/api/tasks/{t1}", headers=h).json()
                r = c.patch(f"/api/tasks/{t1}", json={"version": task["version"], "text": task["text"] + f"|{i}.{j}"}, headers=h)
                if r.status_code == 200:
                    break
                assert r.status_code == 409, r.text
                with lock:
                    conflicts += 1

    start = c.get(f"/api/tasks/{t1}", headers=h).json()
    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    end = c.get(f"/api/tasks/{t1}", headers=h).json()
    marks = end["text"].split("|")[1:]
    assert sorted(marks) == sorted(f"{i}.{j}" for i in range(writers) for j in range(each))
    assert end["version"] == start["version"] + writers * each


def test_deactivated_user_and_unknown_user_are_refused_at_once(world: World) -> None:
    """The token stays valid but the user is read on every request: deactivated, 401."""
    c = world.client
    assert c.get("/api/me", headers=world.headers("unit")).json()["role"] == "unit"
    assert c.patch(f"/api/users/{world.ids['user_unit']}", json={"is_active": False}, headers=world.headers("admin")).status_code == 200
    for path in ("/api/me", "/api/tasks", "/api/stats"):
        r = c.get(path, headers=world.headers("unit"))
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer", path
    ghost = {"Authorization": f"Bearer {make_token('test-secret', 999_999)}"}
    assert c.get("/api/tasks", headers=ghost).status_code == 401
    assert c.get("/api/users", headers=world.headers("office")).status_code == 403
