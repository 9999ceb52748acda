"""Editing a draft extraction on the review screen, as pure functions of the contract JSON.

A *draft* is the extraction JSON of CONTRACTS.md stored with a document that nobody has
confirmed yet. The reviewer corrects it: accepts or rejects OCR edits, edits task fields,
splits, merges, adds and deletes tasks. Each function here takes the draft and returns a new one
(the input is never mutated), so the web layer only loads, calls and saves.

Offsets: item spans index ``text`` (the repaired text); edits index ``original_text``. Accepting
or rejecting an edit changes ``text``, so every span after it shifts by the length difference;
``_shift`` does that for sections, indicators, tasks and references alike.

A *segment* is a piece of ``text`` for display: plain text, or the place where an OCR edit
applies (or, for a suggestion not yet applied, would apply).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "LOW_CONFIDENCE",
    "Segment",
    "add_task",
    "decide_edit",
    "delete_task",
    "edit_positions",
    "find_task",
    "merge_tasks",
    "segments",
    "split_task",
    "update_task",
]

Draft = dict[str, Any]

#: Edits at or below this confidence are shown to the reviewer as decisions to take.
LOW_CONFIDENCE = 0.8

_SPAN_LISTS = ("sections", "indicators", "tasks", "references")


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]``; ``edit`` is the index into ``edits`` when this piece is an OCR edit."""

    start: int
    end: int
    text: str
    edit: int | None = None
    original: str = ""
    replacement: str = ""
    confidence: float = 1.0
    applied: bool = True
    decided: bool = False

    @property
    def needs_decision(self) -> bool:
        return self.edit is not None and not self.decided and (
            not self.applied or self.confidence <= LOW_CONFIDENCE
        )


def edit_positions(draft: Draft) -> dict[int, tuple[int, int]]:
    """Where each edit sits in ``text``: edit index -> ``(start, end)`` in text offsets.

    Edits whose expected characters are not found where the arithmetic puts them are left out
    (they are then not marked, rather than marked in the wrong place).
    """
    text: str = draft.get("text", "")
    edits: list[dict[str, Any]] = draft.get("edits") or []
    order = sorted(range(len(edits)), key=lambda i: (edits[i]["start"], edits[i]["end"]))
    delta = 0
    out: dict[int, tuple[int, int]] = {}
    last_end = -1
    for i in order:
        ed = edits[i]
        if ed["start"] < last_end:  # overlapping edits cannot both be shown; keep the first
            continue
        applied = ed.get("applied", True)
        pos = ed["start"] + delta
        shown = ed["replacement"] if applied else ed["original"]
        if text[pos : pos + len(shown)] == shown:
            out[i] = (pos, pos + len(shown))
        if applied:
            delta += len(ed["replacement"]) - len(ed["original"])
        last_end = ed["end"]
    return out


def segments(draft: Draft) -> list[Segment]:
    """The text cut into plain pieces and edit pieces, in order, covering all of ``text``."""
    text: str = draft.get("text", "")
    edits = draft.get("edits") or []
    positions = sorted(edit_positions(draft).items(), key=lambda kv: kv[1])
    out: list[Segment] = []
    cursor = 0
    for i, (s, e) in positions:
        if s < cursor:
            continue
        if s > cursor:
            out.append(Segment(cursor, s, text[cursor:s]))
        ed = edits[i]
        out.append(
            Segment(
                s,
                e,
                text[s:e],
                edit=i,
                original=ed["original"],
                replacement=ed["replacement"],
                confidence=float(ed.get("confidence", 1.0)),
                applied=bool(ed.get("applied", True)),
                decided=bool(ed.get("decided", False)),
            )
        )
        cursor = e
    if cursor < len(text):
        out.append(Segment(cursor, len(text), text[cursor:]))
    return out


def _shift(draft: Draft, pos: int, old_len: int, new_len: int) -> None:
    """Move every span boundary after ``text[pos:pos+old_len]`` when it becomes ``new_len`` long."""
    old_end = pos + old_len
    d = new_len - old_len

    def move(x: int) -> int:
        if x >= old_end:
            return x + d
        if x > pos:
            return min(x, pos + new_len)
        return x

    for key in _SPAN_LISTS:
        for item in draft.get(key) or []:
            if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                item["start"], item["end"] = move(item["start"]), move(item["end"])


def decide_edit(draft: Draft, index: int, *, accept: bool) -> Draft:
    """Accept (apply) or reject (undo) OCR edit ``index``; spans and task texts follow."""
    new = copy.deepcopy(draft)
    edits = new.get("edits") or []
    if not 0 <= index < len(edits):
        raise KeyError(index)
    where = edit_positions(new).get(index)
    ed = edits[index]
    applied = bool(ed.get("applied", True))
    if where is not None and accept != applied:
        s, e = where
        text: str = new["text"]
        grounded = {id(t) for t in new.get("tasks") or [] if _is_grounded(text, t)}
        shown = ed["replacement"] if accept else ed["original"]
        new["text"] = text[:s] + shown + text[e:]
        _shift(new, s, e - s, len(shown))
        for t in new.get("tasks") or []:
            if id(t) in grounded:
                t["text"] = new["text"][t["start"] : t["end"]]
        ed["applied"] = accept
    ed["decided"] = True
    return new


def _is_grounded(text: str, task: dict[str, Any]) -> bool:
    s, e = task.get("start"), task.get("end")
    return isinstance(s, int) and isinstance(e, int) and e > s and text[s:e] == task.get("text")


def find_task(draft: Draft, task_id: str) -> int:
    """Index of the task with ``id`` == ``task_id`` (KeyError if none)."""
    for i, t in enumerate(draft.get("tasks") or []):
        if str(t.get("id")) == task_id:
            return i
    raise KeyError(task_id)


def _new_id(draft: Draft, stem: str) -> str:
    taken = {str(t.get("id")) for t in draft.get("tasks") or []}
    n = 1
    while f"{stem}{n}" in taken:
        n += 1
    return f"{stem}{n}"


def update_task(draft: Draft, task_id: str, fields: dict[str, Any]) -> Draft:
    """Set reviewer-edited fields on one task; ``None`` clears a field.

    Recognised keys: ``text``, ``action``, ``due_date``, ``due_expression``, ``owners`` (list of
    ``{"name", "role"}``), ``target_quantity``, ``target_unit``.
    """
    new = copy.deepcopy(draft)
    t = new["tasks"][find_task(new, task_id)]
    if "text" in fields and fields["text"] is not None:
        t["text"] = str(fields["text"]).strip() or t.get("text", "")
    if "action" in fields:
        t["action"] = fields["action"] or None
    if "due_date" in fields:
        if fields["due_date"]:
            due = dict(t.get("due") or {})
            changed = due.get("date") != fields["due_date"]
            due["date"] = fields["due_date"]
            due.setdefault("earliest", None)
            due.setdefault("expression", None)
            if changed:
                due["explicit"] = True
                due["earliest"] = None if due["earliest"] and due["earliest"] > due["date"] else due["earliest"]
            t["due"] = due
        else:
            t["due"] = None
    if "owners" in fields:
        seen: set[str] = set()
        owners = []
        for o in fields["owners"] or []:
            name = str(o.get("name") or "").strip()
            if name and name not in seen:
                seen.add(name)
                owners.append({"name": name, "role": o.get("role") or "lead"})
        t["owners"] = owners
    if "target_quantity" in fields or "target_unit" in fields:
        qty = fields.get("target_quantity")
        unit = (fields.get("target_unit") or "").strip()
        t["target"] = {"quantity": qty, "unit": unit} if qty is not None else None
    t["reviewed"] = True
    return new


_BREAKS = (r";\s*", r"\.\s+", r",\s*", r"\s+và\s+", r"\s+")


def split_point(text: str) -> int | None:
    """A good place to cut a task's text in two: the break nearest the middle, strongest first."""
    mid = len(text) / 2
    for pattern in _BREAKS:
        cuts = [m.end() for m in re.finditer(pattern, text) if m.start() > 0 and m.end() < len(text)]
        if cuts:
            return min(cuts, key=lambda c: abs(c - mid))
    return None


def split_task(draft: Draft, task_id: str, at: int | None = None) -> Draft:
    """Cut a task in two at offset ``at`` of its text (default: ``split_point``)."""
    new = copy.deepcopy(draft)
    i = find_task(new, task_id)
    t = new["tasks"][i]
    text: str = t.get("text", "")
    cut = split_point(text) if at is None else at
    if cut is None or not 0 < cut < len(text):
        raise ValueError("Không tìm được chỗ tách: nhiệm vụ quá ngắn.")
    first, second = copy.deepcopy(t), copy.deepcopy(t)
    left, right = text[:cut], text[cut:]
    first["text"], second["text"] = left.rstrip(" ;,"), right.strip()
    if _is_grounded(new.get("text", ""), t):
        s = t["start"]
        first["end"] = s + len(first["text"])
        second["start"] = s + cut + (len(right) - len(right.lstrip()))
        second["end"] = second["start"] + len(second["text"])
    first["id"] = _new_id(new, f"{t['id']}.")
    new["tasks"][i] = first
    second["id"] = _new_id(new, f"{t['id']}.")
    new["tasks"].insert(i + 1, second)
    first["reviewed"] = second["reviewed"] = True
    return new


def merge_tasks(draft: Draft, task_id: str) -> Draft:
    """Merge a task with the one after it (owners, items and references are united)."""
    new = copy.deepcopy(draft)
    i = find_task(new, task_id)
    tasks = new["tasks"]
    if i + 1 >= len(tasks):
        raise ValueError("Đây là nhiệm vụ cuối cùng: không có nhiệm vụ nào sau nó để gộp.")
    a, b = tasks[i], tasks[i + 1]
    text: str = new.get("text", "")
    merged = copy.deepcopy(a)
    if _is_grounded(text, a) and _is_grounded(text, b):
        merged["start"], merged["end"] = min(a["start"], b["start"]), max(a["end"], b["end"])
        merged["text"] = text[merged["start"] : merged["end"]]
    else:
        merged["text"] = f"{a.get('text', '').rstrip()} {b.get('text', '').lstrip()}".strip()
    names = {o["name"] for o in a.get("owners") or []}
    merged["owners"] = list(a.get("owners") or []) + [o for o in b.get("owners") or [] if o["name"] not in names]
    for key in ("items", "references"):
        merged[key] = list(dict.fromkeys([*(a.get(key) or []), *(b.get(key) or [])]))
    dues = [d for d in (a.get("due"), b.get("due")) if d and d.get("date")]
    merged["due"] = max(dues, key=lambda d: d["date"]) if dues else None
    merged["reviewed"] = True
    tasks[i : i + 2] = [merged]
    return new


def add_task(draft: Draft, text: str, *, after: str | None = None) -> Draft:
    """Add a task the extractor missed; its evidence is found in the document text when present."""
    new = copy.deepcopy(draft)
    text = text.strip()
    if not text:
        raise ValueError("Hãy nhập nội dung nhiệm vụ.")
    doc_text: str = new.get("text", "")
    pos = doc_text.find(text)
    task: dict[str, Any] = {
        "id": _new_id(new, "m"),
        "section": None,
        "text": text,
        "action": None,
        "target": None,
        "due": None,
        "owners": [],
        "items": [],
        "references": [],
        "start": pos if pos >= 0 else 0,
        "end": pos + len(text) if pos >= 0 else 0,
        "manual": True,
        "reviewed": True,
    }
    tasks = new.setdefault("tasks", [])
    if after is not None:
        tasks.insert(find_task(new, after) + 1, task)
    else:
        tasks.append(task)
    return new


def delete_task(draft: Draft, task_id: str) -> Draft:
    new = copy.deepcopy(draft)
    del new["tasks"][find_task(new, task_id)]
    return new
