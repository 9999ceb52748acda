"""A small tracking database built through the store's own functions, for report and reminder tests.

Dates are chosen around 2021-Q2 (evaluated as of 2021-06-30) and a reminder day of 2021-07-10:

    task                         lead (support)                     due         done        Q2 bucket
    Khởi công cầu Bến Rừng       Sở Giao thông vận tải              2021-04-30  -           open_overdue
    Hoàn thành 17 công viên      Sở Xây dựng                        2021-06-30  2021-06-20  done_on_time
    Giải ngân vốn đầu tư công    Sở Kế hoạch và Đầu tư              2021-06-15  2021-06-25  done_late
    Cải cách hành chính          Sở Nội vụ (Sở Xây dựng)            2021-07-15  -           (Q3)
    Quy hoạch chung              Sở Xây dựng                        2021-05-31  -           open_overdue

A second, unconfirmed (draft) document has an overdue task that must never be reported or reminded.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from dondoc.store import repo
from dondoc.store.db import init_db, make_engine, session_scope

TEXT = (
    "KẾT LUẬN\n"
    "Sở Giao thông vận tải khởi công xây dựng cầu Bến Rừng trong tháng 4/2021. "
    "Sở Xây dựng hoàn thành 17 công viên trước ngày 30/6/2021. "
    "Sở Kế hoạch và Đầu tư đẩy nhanh giải ngân vốn đầu tư công trước ngày 15/6/2021. "
    "Sở Nội vụ chủ trì, phối hợp với Sở Xây dựng đẩy mạnh cải cách hành chính trước ngày 15/7/2021. "
    "Sở Xây dựng hoàn thành quy hoạch chung trong tháng 5/2021.\n"
)

# (evidence sentence start, short tracked text, due, owners, done_at)
TASKS: list[tuple[str, str, str, list[tuple[str, str]], dt.date | None]] = [
    ("Sở Giao thông vận tải khởi công", "Khởi công cầu Bến Rừng", "2021-04-30",
     [("Sở Giao thông vận tải", "lead")], None),
    ("Sở Xây dựng hoàn thành 17", "Hoàn thành 17 công viên", "2021-06-30", [("Sở Xây dựng", "lead")],
     dt.date(2021, 6, 20)),
    ("Sở Kế hoạch và Đầu tư đẩy", "Giải ngân vốn đầu tư công", "2021-06-15",
     [("Sở Kế hoạch và Đầu tư", "lead")], dt.date(2021, 6, 25)),
    ("Sở Nội vụ chủ trì", "Cải cách hành chính", "2021-07-15",
     [("Sở Nội vụ", "lead"), ("Sở Xây dựng", "support")], None),
    ("Sở Xây dựng hoàn thành quy", "Quy hoạch chung", "2021-05-31", [("Sở Xây dựng", "lead")], None),
]

EVIDENCE_BEN_RUNG = "Sở Giao thông vận tải khởi công xây dựng cầu Bến Rừng trong tháng 4/2021."


def _span(text: str, prefix: str) -> tuple[int, int]:
    start = text.index(prefix)
    return start, text.index(".", text.index("/2021", start)) + 1


def extraction() -> dict[str, Any]:
    tasks = []
    for i, (prefix, short, due, owners, _done) in enumerate(TASKS, start=1):
        start, end = _span(TEXT, prefix)
        tasks.append({
            "id": f"t{i}", "section": None, "text": short, "action": None, "target": None,
            "due": {"date": due, "earliest": None, "expression": None, "explicit": True},
            "owners": [{"name": n, "role": r} for n, r in owners], "items": [], "references": [],
            "start": start, "end": end,
        })
    q1 = {"start": "2021-01-01", "end": "2021-03-31"}
    return {
        "schema_version": "1",
        "source": {"path": "kl09.txt", "sha256": "0" * 64, "format": "text", "pages": None, "ocr": False},
        "text": TEXT,
        "original_text": TEXT,
        "edits": [],
        "document": {"kind": "ket_luan", "number": "09-KL/TU", "issuer": "Thành ủy Hải Phòng",
                     "issued_date": "2021-04-07", "title": "về tình hình, kết quả thực hiện nhiệm vụ Quý I",
                     "assignments": [], "recipients": []},
        "sections": [],
        "indicators": [
            {"name": "Tổng sản phẩm trên địa bàn (GRDP)", "period": q1, "value": None, "unit": None,
             "qualifier": "estimate", "change_pct": 13.22, "ratio": 2.95, "ratio_base": "national_average",
             "base_value": 4.48, "start": 0, "end": 1},
            {"name": "Kim ngạch xuất khẩu", "period": q1, "value": 5.72, "unit": "tỷ USD",
             "qualifier": "estimate", "change_pct": 25.15, "ratio": None, "ratio_base": None,
             "base_value": None, "start": 0, "end": 1},
        ],
        "tasks": tasks,
        "references": [],
        "checks": [],
    }


def draft_extraction() -> dict[str, Any]:
    ext = extraction()
    ext["document"] = dict(ext["document"], number="99-KL/TU")
    ext["source"] = dict(ext["source"], sha256="1" * 64)
    ext["tasks"] = [dict(ext["tasks"][0], id="d1", text="Nhiệm vụ của bản nháp")]
    ext["indicators"] = []
    return ext


def build(url: str, *, emails: bool = True) -> tuple[Engine, dict[str, int]]:
    """Create and fill the database at ``url``; returns the engine and task ids by short text."""
    engine = make_engine(url)
    init_db(engine)
    with session_scope(engine) as s:
        if emails:
            for name, address in (("Sở Giao thông vận tải", "sgtvt@haiphong.gov.vn"),
                                  ("Sở Xây dựng", "sxd@haiphong.gov.vn")):
                repo.create_user(s, address, "pw-123456", "unit", unit_name=name, actor=None)
        doc = repo.create_document(s, extraction(), filename="kl09.txt", data=TEXT.encode(), user=None)
        repo.confirm_document(s, doc.id, user=None)
        repo.create_document(s, draft_extraction(), filename="draft.txt", data=b"draft", user=None)
        ids = {t.text: t.id for t in doc.tasks}
        doc_id = doc.id
    with session_scope(engine) as s:
        for _prefix, short, _due, _owners, done in TASKS:
            if done is not None:
                repo.add_report(s, ids[short], user=None, progress=100, done=True, today=done)
    ids["__document__"] = doc_id
    return engine, ids


def build_template(folder: Path) -> Path:
    """Build the database once into ``folder`` and return its file, for :func:`copy_template`."""
    path = folder / "template.sqlite3"
    engine, _ids = build(f"sqlite:///{path}")
    engine.dispose()  # the last connection closing checkpoints the WAL into the file
    return path


def copy_template(template: Path, dest: Path) -> Engine:
    """A private copy of the template database (building one costs seconds: migrations, argon2)."""
    shutil.copyfile(template, dest)
    return make_engine(f"sqlite:///{dest}")
