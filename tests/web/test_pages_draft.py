"""Review-screen edits of a draft (pure functions): spans follow when OCR edits are decided."""

from __future__ import annotations

from typing import Any

from dondoc.web.pages import draft as drafts
from tests.grounding import assert_grounded


def _draft() -> dict[str, Any]:
    original = "Ket luận: xây dựng 17 công viên ừong năm 2021; cải tạo 5 chung cư."
    text = original.replace("Ket", "Kết").replace("ừong", "trong")
    task_text = "cải tạo 5 chung cư"
    return {
        "text": text,
        "original_text": original,
        "edits": [
            {"start": 0, "end": 3, "original": "Ket", "replacement": "Kết", "confidence": 0.99, "applied": True},
            {"start": original.index("ừong"), "end": original.index("ừong") + 4, "original": "ừong",
             "replacement": "trong", "confidence": 0.6, "applied": True},
        ],
        "sections": [],
        "indicators": [],
        "references": [],
        "tasks": [
            {"id": "t1", "text": "xây dựng 17 công viên trong năm 2021", "owners": [], "due": None,
             "start": text.index("xây"), "end": text.index(";")},
            {"id": "t2", "text": task_text, "owners": [], "due": None,
             "start": text.index(task_text), "end": text.index(task_text) + len(task_text)},
        ],
    }


def test_segments_cover_the_text_and_mark_the_doubtful_edit() -> None:
    d = _draft()
    segs = drafts.segments(d)
    assert "".join(s.text for s in segs) == d["text"]
    marked = [s for s in segs if s.edit is not None]
    assert [s.text for s in marked] == ["Kết", "trong"]
    assert [s.needs_decision for s in marked] == [False, True]


def test_rejecting_an_edit_restores_the_original_and_shifts_spans() -> None:
    d = drafts.decide_edit(_draft(), 1, accept=False)
    assert "ừong năm" in d["text"] and d["edits"][1]["applied"] is False and d["edits"][1]["decided"]
    assert d["tasks"][0]["text"] == "xây dựng 17 công viên ừong năm 2021"
    assert_grounded(d)
    back = drafts.decide_edit(d, 1, accept=True)
    assert back["text"] == _draft()["text"]
    assert_grounded(back)
    assert [s.text for s in drafts.segments(back) if s.edit is not None] == ["Kết", "trong"]


def test_split_merge_add_delete_keep_evidence_exact() -> None:
    d = drafts.split_task(_draft(), "t1", at=len("xây dựng 17 công viên "))
    assert [t["text"] for t in d["tasks"][:2]] == ["xây dựng 17 công viên", "trong năm 2021"]
    assert_grounded(d)
    merged = drafts.merge_tasks(d, d["tasks"][0]["id"])
    assert merged["tasks"][0]["text"] == "xây dựng 17 công viên trong năm 2021"
    assert_grounded(merged)
    added = drafts.add_task(merged, "5 chung cư", after="t2")
    assert added["tasks"][-1]["text"] == "5 chung cư" and added["tasks"][-1]["manual"]
    assert_grounded(added)
    assert len(drafts.delete_task(added, added["tasks"][-1]["id"])["tasks"]) == 2


def test_update_task_sets_due_and_owners() -> None:
    d = drafts.update_task(_draft(), "t2", {"due_date": "2021-06-30",
                                           "owners": [{"name": "Sở Xây dựng", "role": "lead"},
                                                      {"name": "Sở Xây dựng", "role": "support"}]})
    t = d["tasks"][1]
    assert t["due"]["date"] == "2021-06-30" and t["due"]["explicit"] is True
    assert t["owners"] == [{"name": "Sở Xây dựng", "role": "lead"}]
