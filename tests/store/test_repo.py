"""The store on real SQLite and PostgreSQL: documents, visibility, edits, reports, extensions, stats."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import Engine, func, select

from dondoc.errors import ConflictError, InputError, NotFoundError
from dondoc.store import repo
from dondoc.store.db import init_db, make_sessionmaker, session_scope
from dondoc.store.models import AuditLog, Document, Notification, Task, Unit
from dondoc.track import summarise
from tests.store.helpers import PASSWORD, make_users, sample_extraction

D = dt.date


def _world(engine: Engine, *, confirm: bool = True) -> tuple[int, dict[str, int]]:
    with session_scope(engine) as s:
        users = make_users(s)
        doc = repo.create_document(s, sample_extraction(), filename="kl.txt", data=b"abc", user=users["office"])
        if confirm:
            repo.confirm_document(s, doc.id, user=users["office"])
        return doc.id, {k: u.id for k, u in users.items()}


def test_migrations_are_idempotent(engine: Engine) -> None:
    init_db(engine)  # second time: nothing to do, no error
    with session_scope(engine) as s:
        assert s.scalar(select(func.count(Unit.id))) == 0


def test_create_document_maps_extraction(engine: Engine) -> None:
    doc_id, _ = _world(engine, confirm=False)
    with session_scope(engine) as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        assert (doc.status, doc.number, doc.issued_date, doc.data) == ("draft", "09-KL/TU", D(2021, 4, 2), b"abc")
        t1, t2, t3 = doc.tasks
        assert (t1.ext_id, t1.due_date, t1.original_due_date, t1.target_quantity) == (
            "t1",
            D(2021, 12, 31),
            D(2021, 12, 31),
            17.0,
        )
        assert [o.unit.name for o in t1.owners] == ["Sở Xây dựng"]
        # "UBND thành phố" is matched to the seeded "Ủy ban nhân dân thành phố", not created anew.
        assert {(o.unit.name, o.role) for o in t2.owners} == {("Ủy ban nhân dân thành phố", "lead"), ("Sở Tài chính", "support")}
        assert t3.owners == [] and t3.due_date is None
        assert [i.name for i in doc.indicators] == ["Kim ngạch xuất khẩu", "Tổng sản phẩm trên địa bàn (GRDP)"]
        assert doc.indicators[1].observations[0].ratio == 2.95
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.entity == "document")) == 1


def test_an_office_holder_is_filed_under_their_body(engine: Engine) -> None:
    extraction = sample_extraction()
    extraction["tasks"][0]["owners"] = [{"name": "Chủ tịch UBND thành phố", "role": "lead"}]
    with session_scope(engine) as s:
        doc = repo.create_document(s, extraction, filename="kl.txt", data=b"abc", user=None)
        (owner,) = doc.tasks[0].owners
        assert owner.name == "Chủ tịch UBND thành phố"  # as the document names them
        # the same unit as the task that names the committee itself
        assert owner.unit is next(o.unit for o in doc.tasks[1].owners if o.role == "lead")
        assert owner.unit.name == "Ủy ban nhân dân thành phố"


def test_real_extraction_is_stored(engine: Engine) -> None:
    from pathlib import Path

    from dondoc.stages.extract import extract_text

    text = Path("examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt").read_text(encoding="utf-8")
    extraction = extract_text(text)
    with session_scope(engine) as s:
        doc = repo.create_document(s, extraction, filename="kl.txt", data=text.encode(), user=None)
        assert len(doc.tasks) == len(extraction["tasks"]) > 0
        for row, item in zip(doc.tasks, extraction["tasks"], strict=True):
            assert extraction["text"][row.start : row.end] == row.text == item["text"]


def test_drafts_are_not_tracked(engine: Engine) -> None:
    doc_id, ids = _world(engine, confirm=False)
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        assert repo.list_tasks(s, user=office)[1] == 0
        repo.confirm_document(s, doc_id, user=office)
        assert repo.list_tasks(s, user=office)[1] == 3


def test_unit_user_sees_only_its_tasks(engine: Engine) -> None:
    doc_id, ids = _world(engine)
    with session_scope(engine) as s:
        unit, other = repo.get_user(s, ids["unit"]), repo.get_user(s, ids["other"])
        tasks, total = repo.list_tasks(s, user=unit)
        assert total == 1 and tasks[0].ext_id == "t1"
        t2 = s.scalar(select(Task.id).where(Task.ext_id == "t2"))
        with pytest.raises(NotFoundError):
            repo.get_task(s, t2, user=unit)
        with pytest.raises(NotFoundError):
            repo.get_task(s, tasks[0].id, user=other)
        assert repo.list_tasks(s, user=other)[1] == 0
        with pytest.raises(NotFoundError):
            repo.get_document(s, doc_id, user=other)
        assert repo.get_document(s, doc_id, user=unit).id == doc_id


def test_filters_and_paging(engine: Engine) -> None:
    _, ids = _world(engine)
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        as_of = D(2021, 7, 1)
        assert [t.ext_id for t in repo.list_tasks(s, user=office, bucket="open_overdue", as_of=as_of)[0]] == ["t2"]
        assert repo.list_tasks(s, user=office, bucket="open_not_due", as_of=as_of)[1] == 2
        assert [t.ext_id for t in repo.list_tasks(s, user=office, q="CẦU")[0]] == ["t2"]
        page, total = repo.list_tasks(s, user=office, limit=2, offset=2)
        assert total == 3 and [t.ext_id for t in page] == ["t3"]  # undated last
        assert [t.ext_id for t in repo.list_tasks(s, user=office, sort="-due_date", limit=2)[0]] == ["t1", "t2"]
        with pytest.raises(InputError):
            repo.list_tasks(s, user=office, bucket="nope")


def test_stale_version_conflicts_and_changes_nothing(engine: Engine) -> None:
    _, ids = _world(engine)
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        task = repo.list_tasks(s, user=office)[0][0]
        tid = task.id
        repo.update_task(s, tid, user=office, version=1, progress=30)
    with session_scope(engine) as s:
        office = repo.get_user(s, ids["office"])
        with pytest.raises(ConflictError):
            repo.update_task(s, tid, user=office, version=1, progress=99)
    with session_scope(engine) as s:
        task = s.get(Task, tid)
        assert task is not None and (task.progress, task.version) == (30, 2)


def test_unit_may_only_edit_progress_and_status(engine: Engine) -> None:
    _, ids = _world(engine)
    with session_scope(engine) as s:
        unit = repo.get_user(s, ids["unit"])
        tid = repo.list_tasks(s, user=unit)[0][0].id
        with pytest.raises(repo.PermissionDeniedError):
            repo.update_task(s, tid, user=unit, version=1, due_date="2030-01-01")
        task = repo.update_task(s, tid, user=unit, version=1, status="done")
        assert task.done_at == dt.date.today()


def test_report_done_and_extension_history(engine: Engine) -> None:
    _, ids = _world(engine)
    with session_scope(engine) as s:
        unit, leader = repo.get_user(s, ids["unit"]), repo.get_user(s, ids["leader"])
        tid = repo.list_tasks(s, user=unit)[0][0].id
        ext = repo.request_extension(s, tid, user=unit, new_due=D(2022, 3, 31), reason="thiếu vốn")
        with pytest.raises(repo.PermissionDeniedError):
            repo.decide_extension(s, ext.id, user=unit, grant=True)
        repo.decide_extension(s, ext.id, user=leader, grant=True)
        task = repo.get_task(s, tid, user=unit)
        assert (task.due_date, task.original_due_date, ext.old_due_date) == (D(2022, 3, 31), D(2021, 12, 31), D(2021, 12, 31))
        with pytest.raises(ConflictError):
            repo.decide_extension(s, ext.id, user=leader, grant=False)
        rep = repo.add_report(
            s,
            tid,
            user=unit,
            progress=40,
            note="xong",
            done=True,
            attachments=[("anh.jpg", "image/jpeg", b"\xff\xd8")],
            today=D(2022, 1, 10),
        )
        task = repo.get_task(s, tid, user=unit)
        assert (task.status, task.done_at, task.progress) == ("done", D(2022, 1, 10), 100)
        assert rep.attachments[0].size == 2
        # Done after the original date but before the extended one: on time.
        assert repo.stats(s, user=unit, as_of=D(2022, 2, 1))["done_on_time"] == 1


def test_stats_matches_pure_rules(engine: Engine) -> None:
    """The SQL counting and ``track.summarise`` agree on random tasks (seeded oracle)."""
    rng = random.Random(5)
    with session_scope(engine) as s:
        users = make_users(s)
        extraction = sample_extraction()
        extraction["tasks"] = []
        for i in range(60):
            due = None if rng.random() < 0.15 else D(2021, 1, 1) + dt.timedelta(days=rng.randrange(365))
            extraction["tasks"].append(
                {
                    "id": f"t{i}",
                    "section": None,
                    "text": f"nhiệm vụ {i}",
                    "action": None,
                    "target": None,
                    "due": {"date": due.isoformat(), "earliest": None, "expression": None, "explicit": True} if due else None,
                    "owners": [{"name": rng.choice(["Sở Xây dựng", "Sở Y tế", "Quận Lê Chân"]), "role": "lead"}],
                    "items": [],
                    "references": [],
                    "start": 0,
                    "end": 1,
                }
            )
        doc = repo.create_document(s, extraction, filename="x.txt", data=b"x", user=None)
        repo.confirm_document(s, doc.id, user=None)
        for t in doc.tasks:
            if rng.random() < 0.5:
                t.status, t.done_at = "done", D(2021, 1, 1) + dt.timedelta(days=rng.randrange(400))
        s.flush()
        for as_of in (D(2021, 3, 1), D(2021, 7, 1), D(2022, 6, 1)):
            got = repo.stats(s, user=users["office"], as_of=as_of)
            want = summarise([(t.due_date, t.done_at) for t in doc.tasks], as_of)
            assert {k: got[k] for k in want} == want
            assert sum(u["total"] for u in got["by_unit"]) == 60
            q2 = repo.stats(s, user=users["office"], as_of=as_of, period="2021-Q2")
            in_q2 = [(t.due_date, t.done_at) for t in doc.tasks if t.due_date and D(2021, 4, 1) <= t.due_date <= D(2021, 6, 30)]
            assert q2["total"] == len(in_q2)


def test_users_and_auth(engine: Engine) -> None:
    _, ids = _world(engine)
    with session_scope(engine) as s:
        assert repo.authenticate(s, "xaydung", PASSWORD) is not None
        assert repo.authenticate(s, "xaydung", "sai") is None
        assert repo.authenticate(s, "nobody", PASSWORD) is None
        with pytest.raises(ConflictError):
            repo.create_user(s, "xaydung", PASSWORD, "unit", "Sở Xây dựng")
        with pytest.raises(InputError):
            repo.create_user(s, "x", PASSWORD, "unit")
        repo.update_user(s, ids["unit"], actor=None, is_active=False)
        assert repo.authenticate(s, "xaydung", PASSWORD) is None
        assert "mật" not in str([a.after for a in s.scalars(select(AuditLog))])


def test_notification_unique_per_unit_day_channel(engine: Engine) -> None:
    from sqlalchemy.exc import IntegrityError

    with session_scope(engine) as s:
        repo.seed_units(s)
    maker = make_sessionmaker(engine)
    with maker() as s:
        uid = s.scalar(select(Unit.id).limit(1))
        s.add(Notification(unit_id=uid, day=D(2021, 6, 1), channel="email", payload={}))
        s.commit()
        s.add(Notification(unit_id=uid, day=D(2021, 6, 1), channel="email", payload={}))
        with pytest.raises(IntegrityError):
            s.commit()
