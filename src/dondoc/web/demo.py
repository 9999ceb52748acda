"""A demo database: the Hải Phòng sample imported and confirmed, some progress, users for each role.

``make run`` ends by serving the web app on it, so that someone who has just cloned dondoc can
click through every screen: the office (review, tasks), a unit (report progress), the leaders
(dashboard). The demo is set in 2021, when the sample's tasks were live: some tasks are reported
done on time, one late, one half-way, and one unit has asked for an extension.

``seed_demo(engine)`` is idempotent: on a database that already holds the demo it only returns
the logins.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from dondoc.store import repo
from dondoc.store.db import init_db, session_scope
from dondoc.store.models import Document, Task, Unit, User

__all__ = ["DEMO_PASSWORD", "SAMPLE", "seed_demo"]

SAMPLE = Path(__file__).resolve().parents[3] / "examples" / "ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt"
DEMO_PASSWORD = "demo2021"
_DEMO_UNIT = "Sở Xây dựng"


def _users() -> list[tuple[str, str, str | None, str]]:
    """(username, role, unit, full name)."""
    return [
        ("admin", "admin", None, "Quản trị hệ thống"),
        ("vanphong", "office", "Văn phòng Thành ủy", "Nguyễn Thị Lan (Văn phòng)"),
        ("lanhdao", "leader", None, "Trần Văn Hùng (Lãnh đạo)"),
        ("donvi", "unit", _DEMO_UNIT, "Phạm Minh Đức (Sở Xây dựng)"),
    ]


def _logins(unit_name: str) -> dict[str, Any]:
    users = []
    for username, role, unit, full in _users():
        users.append({"username": username, "password": DEMO_PASSWORD, "role": role,
                      "unit": unit_name if role == "unit" else unit, "full_name": full})
    return {"users": users, "password": DEMO_PASSWORD}


# How the demo's office assigns a lead unit to a task the document gives no owner (first match).
_TOPICS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("công viên", "chung cư", "đô thị", "xây dựng", "nhà ở"), "Sở Xây dựng"),
    (("giao thông", "cầu ", "đường ", "cảng"), "Sở Giao thông vận tải"),
    (("đầu tư", "doanh nghiệp", "giải ngân", "dự án"), "Sở Kế hoạch và Đầu tư"),
    (("ngân sách", "thu nội địa", "tài chính"), "Sở Tài chính"),
    (("covid", "dịch bệnh", "y tế", "vắc"), "Sở Y tế"),
    (("đất đai", "tài nguyên", "môi trường", "khoáng sản"), "Sở Tài nguyên và Môi trường"),
    (("nông nghiệp", "nông thôn"), "Sở Nông nghiệp và Phát triển nông thôn"),
    (("du lịch",), "Sở Du lịch"),
    (("văn hóa", "thể thao", "lễ hội"), "Sở Văn hóa và Thể thao"),
    (("cải cách hành chính", "thủ tục hành chính", "công vụ"), "Sở Nội vụ"),
    (("bầu cử", "tuyên truyền", "báo chí"), "Ban Tuyên giáo Thành ủy"),
    (("cán bộ", "tổ chức đảng", "đảng viên", "xây dựng đảng"), "Ban Tổ chức Thành ủy"),
    (("kiểm tra", "giám sát", "kỷ luật"), "Ủy ban Kiểm tra Thành ủy"),
    (("an ninh", "trật tự", "tai nạn"), "Công an thành phố"),
)


def assign_by_topic(extraction: dict[str, Any]) -> dict[str, Any]:
    """The demo office's review: every task without an owner gets a lead unit by its topic."""
    for task in extraction.get("tasks") or []:
        if task.get("owners"):
            continue
        text = str(task.get("text", "")).lower()
        lead = next((unit for words, unit in _TOPICS if any(w in text for w in words)),
                    "Ủy ban nhân dân thành phố")
        task["owners"] = [{"name": lead, "role": "lead"}]
    return extraction


def _demo_unit(s: Any) -> Unit:
    """The unit the demo unit user belongs to (a department the sample gives work to)."""
    return repo.find_or_create_unit(s, _DEMO_UNIT)


def seed_demo(engine: Engine, *, sample: Path = SAMPLE) -> dict[str, Any]:
    """Fill ``engine``'s database with the demo (once); return ``{"users": [...], "document_id", ...}``."""
    from dondoc.web.pages.queries import confirm_draft
    from dondoc.web.pages.upload import run_pipeline

    init_db(engine)
    with session_scope(engine) as s:
        existing = s.scalar(select(User).where(User.username == "donvi"))
        if existing is not None:
            doc_id = s.scalar(select(Document.id).order_by(Document.id))
            unit_name = existing.unit.name if existing.unit else _DEMO_UNIT
            return {**_logins(unit_name), "document_id": doc_id, "created": False}
        repo.seed_units(s)
        admin = repo.create_user(s, "admin", DEMO_PASSWORD, "admin", full_name="Quản trị hệ thống")
        data = sample.read_bytes()
        extraction = run_pipeline(data, sample.name, lambda _stage: None)
        doc = repo.create_document(s, assign_by_topic(extraction), filename=sample.name, data=data, user=admin)
        confirm_draft(s, doc, user=admin)
        unit = _demo_unit(s)
        made = {"admin"}
        for username, role, home, full in _users():
            if username in made:
                continue
            repo.create_user(s, username, DEMO_PASSWORD, role,
                             unit_name=unit.name if role == "unit" else home, full_name=full, actor=admin)
        s.flush()
        office = s.scalar(select(User).where(User.username == "vanphong"))
        unit_user = s.scalar(select(User).where(User.username == "donvi"))
        leader = s.scalar(select(User).where(User.username == "lanhdao"))
        tasks = list(s.scalars(select(Task).where(Task.document_id == doc.id).order_by(Task.due_date, Task.id)))
        # Make sure the demo unit has a few tasks of its own to report on.
        own = [t for t in tasks if any(o.unit_id == unit.id for o in t.owners)]
        for t in tasks:
            if len(own) >= 4:
                break
            if t not in own:
                repo.update_task(s, t.id, user=office, version=t.version,
                                 owners=[*({"unit_id": o.unit_id, "role": o.role} for o in t.owners
                                           if o.unit_id != unit.id), {"unit_id": unit.id, "role": "lead"}])
                own.append(t)
        others = [t for t in tasks if t not in own]
        first_due = min((t.due_date for t in tasks if t.due_date is not None), default=dt.date(2021, 6, 30))
        # Progress, as the units reported it in spring 2021.
        if own:
            repo.add_report(s, own[0].id, user=unit_user, progress=100, done=True,
                            note="Đã hoàn thành, có báo cáo kết quả gửi Văn phòng Thành ủy.",
                            today=min(first_due, dt.date(2021, 5, 20)))
        if len(own) > 1:
            repo.add_report(s, own[1].id, user=unit_user, progress=50,
                            note="Đang triển khai; đã hoàn thành khảo sát, lập hồ sơ.")
        if len(own) > 2 and own[2].due_date is not None:
            repo.request_extension(s, own[2].id, user=unit_user, new_due=own[2].due_date + dt.timedelta(days=60),
                                   reason="Vướng mắc giải phóng mặt bằng, cần thêm thời gian.")
        for i, t in enumerate(others[:3]):
            late = i == 2 and t.due_date is not None
            day = (t.due_date + dt.timedelta(days=10)) if late and t.due_date else dt.date(2021, 5, 15)
            repo.add_report(s, t.id, user=office, progress=100, done=True, note="Đơn vị báo cáo đã hoàn thành.",
                            today=day)
        inds = repo.list_indicators(s, document_id=doc.id)
        if inds and leader is not None:
            repo.create_explanation(s, user=leader, unit_id=unit.id, indicator_id=inds[0].id,
                                    question="Đề nghị đơn vị giải trình các giải pháp để duy trì mức tăng trưởng.")
        return {**_logins(unit.name), "document_id": doc.id, "tasks": len(tasks), "created": True}


def main() -> int:
    """``python -m dondoc.web.demo``: seed the settings' database and print the logins."""
    from dondoc.config import get_settings
    from dondoc.store.db import make_engine

    settings = get_settings()
    info = seed_demo(make_engine(settings.resolved_database_url()))
    print(f"Trang web: {settings.base_url}  (cơ sở dữ liệu: {settings.resolved_database_url()})")
    for u in info["users"]:
        unit = f", {u['unit']}" if u["unit"] else ""
        print(f"  {u['username']:<9} / {u['password']}  ({u['role']}{unit})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
