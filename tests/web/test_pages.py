"""Page tests: the real app on a real SQLite database with the demo; template names and context."""

from __future__ import annotations

import io
import time

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from dondoc.store.db import session_scope
from dondoc.store.models import Document, Extension, Task
from dondoc.web.demo import SAMPLE
from tests.web.pages_fixtures import Demo, demo_fixture, login  # noqa: F401  (demo_fixture: the fixture)


def test_login_page_sets_a_csrf_token_and_refuses_bad_passwords(demo: Demo) -> None:
    c = demo.client()
    page = c.get("/login")
    assert page.status_code == 200
    assert page.template.name == "login.html"  # type: ignore[attr-defined]
    token = page.context["csrf"]  # type: ignore[attr-defined]
    bad = c.post("/login", data={"username": "donvi", "password": "sai", "csrf_token": token})
    assert bad.status_code == 400
    assert "Sai tên đăng nhập" in bad.context["error"]  # type: ignore[attr-defined]
    assert "user_id" not in c.cookies.get("dondoc_session", "")


def test_session_cookie_is_httponly_and_samesite_lax(demo: Demo) -> None:
    c = demo.client()
    token = c.get("/login").context["csrf"]  # type: ignore[attr-defined]
    resp = c.post("/login", data={"username": "lanhdao", "password": "demo2021", "csrf_token": token})
    assert resp.status_code == 303 and resp.headers["location"] == "/dashboard"
    cookie = resp.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_post_without_csrf_token_is_refused(demo: Demo) -> None:
    c = demo.client()
    resp = c.post("/login", data={"username": "vanphong", "password": "demo2021"})
    assert resp.status_code == 403
    assert resp.template.name == "error.html"  # type: ignore[attr-defined]
    login(c, "donvi")
    resp = c.post(f"/tasks/{demo.own_task}/reports", data={"progress": "10", "csrf_token": "forged"})
    assert resp.status_code == 403


def test_pages_need_login(demo: Demo) -> None:
    resp = demo.client().get("/tasks?bucket=open_overdue")
    assert resp.status_code == 303
    assert resp.headers["location"] == "/login?next=/tasks%3Fbucket%3Dopen_overdue"


def test_login_next_only_goes_to_local_pages(demo: Demo) -> None:
    c = demo.client()
    token = c.get("/login").context["csrf"]  # type: ignore[attr-defined]
    resp = c.post("/login", data={"username": "vanphong", "password": "demo2021", "csrf_token": token,
                                  "next": "//evil.example/x"})
    assert resp.headers["location"] == "/documents"


def test_logout_ends_the_session(demo: Demo) -> None:
    c = demo.client()
    token = login(c, "vanphong")
    assert c.post("/logout", data={"csrf_token": token}).status_code == 303
    assert c.get("/tasks").status_code == 303


def test_tasks_list_filters_and_context(demo: Demo) -> None:
    c = demo.client()
    login(c, "vanphong")
    page = c.get("/tasks")
    assert page.template.name == "tasks.html"  # type: ignore[attr-defined]
    ctx = page.context  # type: ignore[attr-defined]
    assert ctx["total"] == demo.info["tasks"] and len(ctx["rows"]) == 25 and ctx["pages"] == 2
    buckets = {r["bucket"] for r in ctx["rows"]}
    assert buckets <= {"done_on_time", "done_late", "open_not_due", "open_overdue"}
    overdue = c.get("/tasks?bucket=open_overdue&sort=-due_date").context  # type: ignore[attr-defined]
    assert overdue["total"] > 0 and all(r["bucket"] == "open_overdue" for r in overdue["rows"])
    due = [r["task"].due_date for r in overdue["rows"]]
    assert due == sorted(due, reverse=True)
    found = c.get("/tasks?q=công viên").context  # type: ignore[attr-defined]
    assert found["total"] >= 1 and all("công viên" in r["task"].text.lower() for r in found["rows"])
    ranged = c.get("/tasks?due_from=2021-06-01&due_to=2021-06-30&unit_id=").context  # type: ignore[attr-defined]
    assert all(r["task"].due_date.month == 6 for r in ranged["rows"])
    partial = c.get("/tasks?page=2", headers={"HX-Request": "true"})
    assert partial.template.name == "_tasks_table.html"  # type: ignore[attr-defined]
    assert c.get("/tasks?due_from=30/6/2021").status_code == 400


def test_export_csv_and_xlsx_follow_the_filters(demo: Demo) -> None:
    c = demo.client()
    login(c, "vanphong")
    csv_resp = c.get("/tasks/export.csv?bucket=open_overdue")
    assert csv_resp.status_code == 200 and csv_resp.headers["content-type"].startswith("text/csv")
    lines = csv_resp.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("Mã,Văn bản")
    n = c.get("/tasks?bucket=open_overdue").context["total"]  # type: ignore[attr-defined]
    xlsx = c.get("/tasks/export.xlsx?bucket=open_overdue")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert ws is not None and ws.max_row == n + 1
    assert ws.cell(1, 4).value == "Nội dung nhiệm vụ"


def test_unit_user_reports_progress_with_an_attachment(demo: Demo) -> None:
    c = demo.client()
    token = login(c, "donvi")
    page = c.get(f"/tasks/{demo.own_task}")
    assert page.template.name == "task.html" and page.context["can_report"]  # type: ignore[attr-defined]
    pdf = ("bien-ban.pdf", b"%PDF-1.4 test", "application/pdf")
    resp = c.post(f"/tasks/{demo.own_task}/reports",
                  data={"progress": "60", "note": "Đã khởi công", "csrf_token": token}, files={"files": pdf})
    assert resp.status_code == 303
    page = c.get(f"/tasks/{demo.own_task}")
    report = page.context["reports"][0]  # type: ignore[attr-defined]
    assert report.progress == 60 and report.note == "Đã khởi công"
    att = report.attachments[0]
    download = c.get(f"/tasks/{demo.own_task}/attachments/{att.id}")
    assert download.content == b"%PDF-1.4 test"
    assert any(a.action == "report" for a in page.context["audit"])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("virus.exe", b"MZ....", 415),
        ("gia-mao.pdf", b"not a pdf", 415),
        ("to-qua.txt", b"x" * (20 * 1024 * 1024 + 1), 413),
    ],
    ids=["wrong-type", "content-not-matching-suffix", "too-large"],
)
def test_bad_attachments_are_refused(demo: Demo, name: str, data: bytes, status: int) -> None:
    c = demo.client()
    token = login(c, "donvi")
    resp = c.post(f"/tasks/{demo.own_task}/reports", data={"progress": "70", "csrf_token": token},
                  files={"files": (name, data, "application/octet-stream")})
    assert resp.status_code == status
    assert resp.template.name == "error.html"  # type: ignore[attr-defined]


def test_extension_requested_by_unit_and_granted_by_leader(demo: Demo) -> None:
    unit = demo.client()
    token = login(unit, "donvi")
    with session_scope(demo.app.state.engine) as s:
        task = s.get(Task, demo.own_task)
        assert task is not None
        old_due = task.due_date
        pending = s.scalar(select(Extension).where(Extension.task_id == task.id, Extension.status == "requested"))
        assert old_due is not None and pending is None
    new_due = old_due.replace(year=old_due.year + 1)
    resp = unit.post(f"/tasks/{demo.own_task}/extensions",
                     data={"new_due": new_due.isoformat(), "reason": "Chờ vốn", "csrf_token": token})
    assert resp.status_code == 303
    ext = unit.get(f"/tasks/{demo.own_task}").context["extensions"][-1]  # type: ignore[attr-defined]
    assert ext.status == "requested"
    # A unit cannot decide its own request.
    assert unit.post(f"/tasks/{demo.own_task}/extensions/{ext.id}",
                     data={"grant": "true", "csrf_token": token}).status_code == 403
    leader = demo.client()
    ltoken = login(leader, "lanhdao")
    assert leader.post(f"/tasks/{demo.own_task}/extensions/{ext.id}",
                       data={"grant": "true", "csrf_token": ltoken}).status_code == 303
    page = leader.get(f"/tasks/{demo.own_task}").context  # type: ignore[attr-defined]
    assert page["task"].due_date == new_due and page["extensions"][-1].old_due_date == old_due


def test_office_edit_with_a_stale_version_gets_409(demo: Demo) -> None:
    c = demo.client()
    token = login(c, "vanphong")
    task = c.get(f"/tasks/{demo.other_task}").context["task"]  # type: ignore[attr-defined]
    ok = c.post(f"/tasks/{demo.other_task}/edit",
                data={"version": task.version, "due_date": "2021-12-31", "csrf_token": token})
    assert ok.status_code == 303
    stale = c.post(f"/tasks/{demo.other_task}/edit",
                   data={"version": task.version, "due_date": "2021-11-30", "csrf_token": token})
    assert stale.status_code == 409
    assert c.get(f"/tasks/{demo.other_task}").context["task"].due_date.isoformat() == "2021-12-31"  # type: ignore[attr-defined]


def test_bulk_assign(demo: Demo) -> None:
    c = demo.client()
    token = login(c, "vanphong")
    rows = c.get("/tasks?sort=id").context["rows"][:2]  # type: ignore[attr-defined]
    unit = c.get("/tasks").context["units"][5]  # type: ignore[attr-defined]
    resp = c.post("/tasks/bulk-assign", data={"task_ids": [str(r["task"].id) for r in rows],
                                               "unit_id": str(unit["id"]), "role": "support", "csrf_token": token})
    assert resp.status_code == 303
    for r in rows:
        task = c.get(f"/tasks/{r['task'].id}").context["task"]  # type: ignore[attr-defined]
        assert any(o.unit_id == unit["id"] and o.role == "support" for o in task.owners)


def test_dashboard_context(demo: Demo) -> None:
    c = demo.client()
    login(c, "lanhdao")
    page = c.get("/dashboard?as_of=2021-06-15")
    assert page.template.name == "dashboard.html"  # type: ignore[attr-defined]
    ctx = page.context  # type: ignore[attr-defined]
    st = ctx["stats"]
    assert st["total"] == sum(st[b] for b in ("done_on_time", "done_late", "open_not_due", "open_overdue"))
    assert st["done_on_time"] >= 1
    assert "<svg" in str(ctx["unit_chart"]) and ctx["ranking"]
    assert ctx["indicators"] and {r["light"] for r in ctx["indicators"]} <= {"green", "amber", "red", "grey"}
    assert ctx["explanations"]
    assert c.get("/dashboard?as_of=15/6").status_code == 400


def test_reports_page_downloads_docx_and_xlsx(demo: Demo) -> None:
    c = demo.client()
    login(c, "lanhdao")
    assert c.get("/reports").template.name == "reports.html"  # type: ignore[attr-defined]
    docx = c.get("/reports/download?period=2021-Q2&document_id=&format=docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    xlsx = c.get("/reports/download?period=2021-Q2&format=xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert c.get("/reports/download?period=quy-2&format=docx").status_code == 400


def test_explanation_asked_by_leader_answered_by_unit(demo: Demo) -> None:
    leader = demo.client()
    ltoken = login(leader, "lanhdao")
    ctx = leader.get("/dashboard").context  # type: ignore[attr-defined]
    unit_id = next(u["id"] for u in ctx["units"] if u["name"] == demo.info["users"][3]["unit"])
    resp = leader.post("/explanations", data={"indicator_id": ctx["indicators"][0]["indicator"].id,
                                              "unit_id": unit_id, "question": "Vì sao?", "csrf_token": ltoken})
    assert resp.status_code == 303
    unit = demo.client()
    utoken = login(unit, "donvi")
    open_reqs = unit.get("/tasks").context["explanations"]  # type: ignore[attr-defined]
    req = next(x for x in open_reqs if x.question == "Vì sao?")
    assert unit.post(f"/explanations/{req.id}/answer",
                     data={"answer": "Do dịch bệnh", "csrf_token": utoken}).status_code == 303
    answered = leader.get("/dashboard").context["explanations"]  # type: ignore[attr-defined]
    assert any(x.answer == "Do dịch bệnh" for x in answered)


def _wait_for_job(c: object, job_id: str) -> object:
    for _ in range(300):
        resp = c.get(f"/upload/jobs/{job_id}", headers={"HX-Request": "true"})  # type: ignore[attr-defined]
        if resp.context["job"].finished:
            return resp
        time.sleep(0.1)
    raise AssertionError("the pipeline did not finish in 30 s")


def test_upload_review_and_confirm(demo: Demo) -> None:
    c = demo.client()
    token = login(c, "vanphong")
    assert c.get("/upload").template.name == "upload.html"  # type: ignore[attr-defined]
    resp = c.post("/upload", files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "text/plain")},
                  headers={"X-CSRF-Token": token, "HX-Request": "true"})
    assert resp.status_code == 202 and resp.template.name == "_upload_status.html"  # type: ignore[attr-defined]
    done = _wait_for_job(c, resp.context["job"].id)  # type: ignore[attr-defined]
    job = done.context["job"]  # type: ignore[attr-defined]
    assert job.error is None and job.done == ["ingest", "repair", "extract", "store"]
    doc_id = job.document_id
    # Nothing of the draft is tracked yet.
    assert c.get(f"/tasks?document_id={doc_id}").context["total"] == 0  # type: ignore[attr-defined]
    review = c.get(f"/documents/{doc_id}/review")
    assert review.template.name == "review.html"  # type: ignore[attr-defined]
    # Owner fields share one list of unit names instead of a unit dropdown per task.
    assert review.text.count('<datalist id="unit-names">') == 1 and 'list="unit-names"' in review.text
    ctx = review.context  # type: ignore[attr-defined]
    text = ctx["draft"]["text"]
    assert "".join(seg.text for seg in ctx["segments"]) == text
    assert any(seg.edit is not None for seg in ctx["segments"])
    n = len(ctx["tasks"])
    first = ctx["tasks"][0]
    hx = {"X-CSRF-Token": token, "HX-Request": "true"}
    # Fix one task: its due date and its lead unit.
    edited = c.post(f"/documents/{doc_id}/review/tasks/{first['id']}",
                    data={"text": first["text"], "due_date": "2021-04-15", "lead": "Sở Nội vụ"}, headers=hx)
    assert edited.template.name == "_review_task.html"  # type: ignore[attr-defined]
    assert edited.context["t"]["due"]["date"] == "2021-04-15"  # type: ignore[attr-defined]
    split = c.post(f"/documents/{doc_id}/review/tasks/{first['id']}/split", headers=hx)
    assert split.template.name == "_review_body.html"  # type: ignore[attr-defined]
    assert len(split.context["tasks"]) == n + 1  # type: ignore[attr-defined]
    merged = c.post(f"/documents/{doc_id}/review/tasks/{split.context['tasks'][0]['id']}/merge", headers=hx)  # type: ignore[attr-defined]
    assert len(merged.context["tasks"]) == n  # type: ignore[attr-defined]
    added = c.post(f"/documents/{doc_id}/review/tasks", data={"text": "Tổng kết công tác Quý II"}, headers=hx)
    assert len(added.context["tasks"]) == n + 1  # type: ignore[attr-defined]
    last = added.context["tasks"][-1]["id"]  # type: ignore[attr-defined]
    deleted = c.post(f"/documents/{doc_id}/review/tasks/{last}/delete", headers=hx)
    assert len(deleted.context["tasks"]) == n  # type: ignore[attr-defined]
    confirmed = c.post(f"/documents/{doc_id}/confirm", data={"csrf_token": token})
    assert confirmed.status_code == 303
    tracked = c.get(f"/tasks?document_id={doc_id}&sort=id").context  # type: ignore[attr-defined]
    assert tracked["total"] == n
    with session_scope(demo.app.state.engine) as s:
        doc = s.get(Document, doc_id)
        assert doc is not None and doc.status == "confirmed"
        fixed = [t for t in doc.tasks if t.due_date and t.due_date.isoformat() == "2021-04-15"]
        assert fixed and any(o.unit.name == "Sở Nội vụ" for o in fixed[0].owners)
    # A confirmed draft cannot be edited any more.
    again = c.post(f"/documents/{doc_id}/review/tasks/{deleted.context['tasks'][0]['id']}/delete", headers=hx)  # type: ignore[attr-defined]
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [("anh.gif", b"GIF89a", 415), ("rong.txt", b"", 400)],
    ids=["unsupported-type", "empty"],
)
def test_upload_refuses_bad_files(demo: Demo, name: str, data: bytes, status: int) -> None:
    c = demo.client()
    token = login(c, "vanphong")
    resp = c.post("/upload", files={"file": (name, data, "application/octet-stream")},
                  headers={"X-CSRF-Token": token, "HX-Request": "true"})
    assert resp.status_code == status
    assert resp.template.name == "_error.html"  # type: ignore[attr-defined]


def test_upload_of_an_unreadable_file_reports_the_failed_stage(demo: Demo) -> None:
    c = demo.client()
    token = login(c, "vanphong")
    resp = c.post("/upload", files={"file": ("hong.txt", b"\x00\x01\x02binary", "text/plain")},
                  headers={"X-CSRF-Token": token, "HX-Request": "true"})
    job = _wait_for_job(c, resp.context["job"].id).context["job"]  # type: ignore[attr-defined]
    assert job.error and job.stage == "ingest" and job.document_id is None
