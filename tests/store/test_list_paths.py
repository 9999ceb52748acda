"""The fast paths of the task list give exactly what the plain definition gives (issue 6 bench).

``repo.list_tasks`` pages through an index in list order, answers a text search from one scan
(sorted in Python), and may reuse cached totals; ``queries.unit_options`` is cached too. These
seeded cases compare each path with an oracle computed in Python from all the rows, on SQLite
and PostgreSQL, and check that a write makes the caches answer anew. Timing lives in bench/.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from sqlalchemy import Engine, insert, select

from dondoc.store import repo
from dondoc.store.db import session_scope
from dondoc.store.mapping import task_to_json
from dondoc.store.models import Document, Task, TaskOwner, Unit, User
from dondoc.track import bucket_of
from dondoc.web.pages import queries
from tests.store.helpers import make_users, sample_extraction

AS_OF = dt.date(2021, 7, 1)


def _world(engine: Engine, n: int = 240, seed: int = 7) -> dict[str, int]:
    """Two confirmed documents and a draft, ``n`` extra tasks with ties in every sort key."""
    rng = random.Random(seed)
    with session_scope(engine) as s:
        users = make_users(s)
        docs = [repo.create_document(s, sample_extraction(), filename=f"{i}.txt", data=b"x", user=users["office"])
                for i in range(3)]
        for d in docs[:2]:
            repo.confirm_document(s, d.id, user=users["office"])
        units = list(s.scalars(select(Unit.id)))
        rows: list[dict[str, Any]] = []
        owners: list[dict[str, Any]] = []
        first = (s.scalar(select(Task.id).order_by(Task.id.desc()).limit(1)) or 0) + 1
        for tid in range(first, first + n):
            due = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(0, 360, 15)) if rng.random() > 0.2 else None
            done = due + dt.timedelta(days=rng.randrange(-20, 20)) if due and rng.random() < 0.4 else None
            rows.append({"id": tid, "document_id": docs[tid % 3].id, "text": f"Việc {rng.choice(['Alpha', 'beta'])} {tid}",
                         "due_date": due, "original_due_date": due, "status": "done" if done else "open",
                         "done_at": done, "progress": rng.choice([0, 50, 100]), "version": 1, "items": [],
                         "references": []})
            owners.append({"task_id": tid, "unit_id": rng.choice(units[:4]), "role": "lead"})
        s.execute(insert(Task), rows)
        s.execute(insert(TaskOwner), owners)
        return {"office": users["office"].id, "unit": users["unit"].id, "unit_id": users["unit"].unit_id or 0}


def _oracle(engine: Engine, *, sort: str, q: str | None, bucket: str | None, unit_id: int | None) -> list[int]:
    with session_scope(engine) as s:
        confirmed = set(s.scalars(select(Document.id).where(Document.status == "confirmed")))
        tasks = [t for t in s.scalars(select(Task)) if t.document_id in confirmed]
        if q:
            tasks = [t for t in tasks if q.lower() in t.text.lower()]
        if bucket:
            tasks = [t for t in tasks if bucket_of(t.due_date, t.done_at, AS_OF).value == bucket]
        if unit_id is not None:
            tasks = [t for t in tasks if any(o.unit_id == unit_id for o in t.owners)]
        key = sort.lstrip("-")
        tasks.sort(key=lambda t: t.id)
        keyed = sorted((t for t in tasks if getattr(t, key) is not None), key=lambda t: getattr(t, key),
                       reverse=sort.startswith("-"))
        return [t.id for t in keyed + [t for t in tasks if getattr(t, key) is None]]


@pytest.mark.issue(6)
@pytest.mark.parametrize("sort", repo.TASK_SORTS)
@pytest.mark.parametrize(("q", "bucket"), [(None, None), ("alpha", None), ("ALPHA", None), (None, "open_overdue"),
                                          ("beta", "done_late")], ids=["all", "q", "q-upper", "bucket", "q+bucket"])
def test_list_pages_match_the_oracle(engine: Engine, sort: str, q: str | None, bucket: str | None) -> None:
    ids = _world(engine)
    for unit_id in (None, 1):
        expected = _oracle(engine, sort=sort, q=q, bucket=bucket, unit_id=unit_id)
        with session_scope(engine) as s:
            office = repo.get_user(s, ids["office"])
            for offset in (0, 25, len(expected) - 3, len(expected) + 10):
                for cache in (False, True):
                    got, total = repo.list_tasks(s, user=office, as_of=AS_OF, q=q, bucket=bucket, unit_id=unit_id,
                                                 sort=sort, limit=25, offset=max(offset, 0), cache=cache)
                    assert total == len(expected)
                    assert [t.id for t in got] == expected[max(offset, 0):max(offset, 0) + 25]


@pytest.mark.issue(6)
def test_cached_totals_and_pickers_follow_writes(engine: Engine) -> None:
    ids = _world(engine, n=30)
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        _, before = repo.list_tasks(s, user=office, as_of=AS_OF, bucket="open_overdue", cache=True)
        task = repo.list_tasks(s, user=office, as_of=AS_OF, bucket="open_overdue", limit=1)[0][0]
        n_units = len(queries.unit_options(s))
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        repo.update_task(s, task.id, user=office, version=task.version, status="done", done_at=AS_OF.isoformat())
        admin = s.scalars(select(User).where(User.role == "admin")).one()
        repo.create_unit(s, "Đơn vị mới", user=admin)
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        _, after = repo.list_tasks(s, user=office, as_of=AS_OF, bucket="open_overdue", cache=True)
        assert after == before - 1
        options = queries.unit_options(s)
        assert len(options) == n_units + 1
        assert options[0]["id"] == options[0].id and options[0].label == options[0]["label"]



@pytest.mark.parametrize("sort", ["due_date", "-progress"])
@pytest.mark.parametrize(("q", "bucket"), [(None, None), ("alpha", None), (None, "due_soon")], ids=["all", "q", "bucket"])
def test_list_json_is_the_task_json_of_the_same_page(engine: Engine, sort: str, q: str | None, bucket: str | None) -> None:
    """``list_tasks_json`` (plain rows) gives exactly ``task_to_json`` of ``list_tasks`` (ORM),
    owners and their order included, for the office and for a unit user."""
    ids = _world(engine)
    with session_scope(engine) as s:
        office, unit_user = repo.get_user(s, ids["office"]), repo.get_user(s, ids["unit"])
        for user, unit_id in ((office, None), (office, 1), (unit_user, None)):
            for offset in (0, 30):
                args: dict[str, Any] = {"user": user, "as_of": AS_OF, "q": q, "bucket": bucket, "unit_id": unit_id,
                                        "sort": sort, "limit": 30, "offset": offset, "due_soon_days": 30}
                tasks, total = repo.list_tasks(s, **args)
                items, total_json = repo.list_tasks_json(s, **args, cache=True)
                assert total_json == total
                assert items == [task_to_json(t, as_of=AS_OF, due_soon_days=30) for t in tasks]


def test_list_json_owners_show_the_units_current_name(engine: Engine) -> None:
    ids = _world(engine, n=3)
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        items, _ = repo.list_tasks_json(s, user=office, as_of=AS_OF)
        t1 = next(i for i in items if i["ext_id"] == "t1")
        admin = s.scalars(select(User).where(User.role == "admin")).one()
        repo.update_unit(s, t1["owners"][0]["unit_id"], user=admin, name="Sở Xây dựng (tên mới)")
    with session_scope(engine) as s:
        items, _ = repo.list_tasks_json(s, user=repo.get_user(s, ids["office"]), as_of=AS_OF)
        assert next(i for i in items if i["ext_id"] == "t1")["owners"][0]["name"] == "Sở Xây dựng (tên mới)"


@pytest.mark.parametrize("q", ["50%", "a_b", "x/y", "%"])
def test_search_matches_like_characters_literally(engine: Engine, q: str) -> None:
    ids = _world(engine, n=3)
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        texts = ["tỷ lệ 50% dân số", "mã a_b", "mã axb", "đường x/y", "tỷ lệ 50 phần trăm"]
        first = repo.list_tasks(s, user=office, as_of=AS_OF, limit=len(texts))[0]
        for task, text in zip(first, texts, strict=True):
            repo.update_task(s, task.id, user=office, version=task.version, text=text)
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        expected = sorted(t for t in texts if q in t)
        for load in (repo.list_tasks, repo.list_tasks_json):
            got, total = load(s, user=office, as_of=AS_OF, q=q, limit=50)
            found = sorted(t.text if isinstance(t, Task) else t["text"] for t in got)
            assert (found, total) == (expected, len(expected))
