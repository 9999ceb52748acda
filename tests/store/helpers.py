"""Small builders for tracking tests: an extraction in the CONTRACTS.md shape and a few users."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from dondoc.store import repo
from dondoc.store.models import User

PASSWORD = "mật-khẩu-đủ-dài"


def task_json(tid: str, text: str, due: str | None, owners: list[tuple[str, str]], *, start: int = 0) -> dict[str, Any]:
    return {
        "id": tid,
        "section": "2.1",
        "text": text,
        "action": "xây dựng",
        "target": {"quantity": 17, "unit": "công viên"} if tid == "t1" else None,
        "due": {"date": due, "earliest": None, "expression": "trong năm 2021", "explicit": True} if due else None,
        "owners": [{"name": n, "role": r} for n, r in owners],
        "items": ["cầu Bến Rừng"] if tid == "t1" else [],
        "references": ["09-KL/TU"],
        "start": start,
        "end": start + len(text),
    }


def sample_extraction() -> dict[str, Any]:
    """Three tasks: Sở Xây dựng leads t1; UBND (as "UBND thành phố") leads t2 with Sở Tài chính; t3 has none."""
    return {
        "schema_version": "1",
        "source": {"path": "kl.txt", "sha256": "0" * 64, "format": "text", "pages": None, "ocr": False},
        "text": "...",
        "original_text": "...",
        "edits": [],
        "document": {
            "kind": "ket_luan",
            "number": "09-KL/TU",
            "issuer": "Thành ủy Hải Phòng",
            "issued_date": "2021-04-02",
            "title": "về tình hình, kết quả thực hiện nhiệm vụ Quý I",
            "meeting_date": None,
            "reviewed_period": None,
            "planned_period": {"start": "2021-04-01", "end": "2021-06-30"},
            "signer": None,
            "recipients": [],
            "assignments": [],
        },
        "sections": [],
        "indicators": [
            {
                "name": "Kim ngạch xuất khẩu",
                "period": {"start": "2021-01-01", "end": "2021-03-31"},
                "value": 5.72,
                "unit": "tỷ USD",
                "qualifier": "estimate",
                "change_pct": 25.15,
                "ratio": None,
                "ratio_base": None,
                "base_value": None,
                "start": 0,
                "end": 10,
            },
            {
                "name": "Tổng sản phẩm trên địa bàn (GRDP)",
                "period": None,
                "value": None,
                "unit": None,
                "qualifier": None,
                "change_pct": 13.22,
                "ratio": 2.95,
                "ratio_base": "national_average",
                "base_value": 4.48,
                "start": 20,
                "end": 40,
            },
        ],
        "tasks": [
            task_json("t1", "Xây dựng 17 công viên", "2021-12-31", [("Sở Xây dựng", "lead")]),
            task_json(
                "t2", "Khởi công cầu Bến Rừng", "2021-06-30", [("UBND thành phố", "lead"), ("Sở Tài chính", "support")], start=100
            ),
            task_json("t3", "Tổng kết công tác", None, [], start=200),
        ],
        "references": [],
        "checks": [],
    }


def make_users(s: Session) -> dict[str, User]:
    """One user per role; ``unit`` belongs to Sở Xây dựng, ``other`` to Sở Y tế."""
    repo.seed_units(s)
    users = {
        "admin": repo.create_user(s, "admin", PASSWORD, "admin"),
        "office": repo.create_user(s, "office", PASSWORD, "office"),
        "leader": repo.create_user(s, "leader", PASSWORD, "leader"),
        "unit": repo.create_user(s, "xaydung", PASSWORD, "unit", "Sở Xây dựng"),
        "other": repo.create_user(s, "yte", PASSWORD, "unit", "Sở Y tế"),
    }
    return users
