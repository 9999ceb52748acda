"""The golden scorer and the repaired-to-original offset mapping."""

from __future__ import annotations

import random

import pytest

from bench.golden import composed_offsets, locate, map_offset, map_span, norm_name, score, to_original, validate_golden

TEXT = (
    "1. Nhiệm vụ\n- Xây dựng 17 công viên trong năm 2021; hoàn thành cầu Rào trước ngày 30/9/2021.\n"
    "Theo Kết luận số 09-KL/TU ngày 04/3/2021.\n"
)


def _edit(text: str, start: int, end: int, replacement: str, **extra: object) -> dict:
    return {
        "start": start,
        "end": end,
        "original": text[start:end],
        "replacement": replacement,
        "confidence": 0.9,
        **extra,
    }


def _apply(text: str, edits: list[dict]) -> str:
    out, last = [], 0
    for e in sorted(edits, key=lambda e: e["start"]):
        if e.get("applied", True) is False:
            continue
        out.append(text[last : e["start"]])
        out.append(e["replacement"])
        last = e["end"]
    out.append(text[last:])
    return "".join(out)


# ---------------------------------------------------------------- offset mapping


@pytest.mark.parametrize(
    ("pos", "side", "expected"),
    [
        (0, "start", 0),
        (3, "start", 3),  # before the edit
        (4, "start", 4),  # at the edit's start
        (5, "start", 4),  # inside the replacement -> original start
        (5, "end", 7),  # inside the replacement -> original end
        (6, "end", 7),  # at the replacement's end
        (6, "start", 7),  # first char after the edit
        (9, "start", 10),  # after: shifted by len("ab") - len("xyz") = -1
    ],
    ids=["origin", "before", "at-start", "inside-start", "inside-end", "at-end", "after-edit", "after"],
)
def test_map_offset_one_edit(pos: int, side: str, expected: int) -> None:
    original = "0123xyz789abc"
    edits = [_edit(original, 4, 7, "ab")]
    assert _apply(original, edits) == "0123ab789abc"
    assert map_offset(pos, edits, side=side) == expected


def test_unapplied_edits_are_ignored() -> None:
    original = "aaa bbb ccc"
    edits = [_edit(original, 0, 3, "a"), _edit(original, 4, 7, "bbbbbb", applied=False)]
    repaired = _apply(original, edits)
    assert repaired == "a bbb ccc"
    s, e = map_span(repaired.index("ccc"), repaired.index("ccc") + 3, edits)
    assert original[s:e] == "ccc"


def test_insertion_and_deletion() -> None:
    original = "tếl-tsTghiên cứu"
    edits = [_edit(original, 2, 7, ". N"), _edit(original, 16, 16, " x")]
    repaired = _apply(original, edits)
    assert repaired == "tế. Nghiên cứu x"
    s, e = map_span(repaired.index("Nghiên"), len(repaired), edits)
    assert (s, e) == (2, 16)  # the span grows to cover the whole edited range, never shrinks


def test_to_original_without_edits_is_identity() -> None:
    pred = {"tasks": [{"start": 3, "end": 9}], "edits": []}
    assert to_original(pred, "tasks") == [(3, 9)]


def test_random_edits_round_trip_unchanged_text() -> None:
    rng = random.Random(20210402)
    for _ in range(200):
        original = "".join(rng.choice("abc đêư\n") for _ in range(60))
        edits, pos = [], 0
        while pos < len(original) - 3:
            start = pos + rng.randint(0, 6)
            if start >= len(original):
                break
            end = min(len(original), start + rng.randint(0, 3))
            edits.append(_edit(original, start, end, "Z" * rng.randint(0, 4), applied=rng.random() > 0.2))
            pos = end + 1
        repaired = _apply(original, edits)
        applied = [e for e in edits if e.get("applied", True) is not False]
        # every repaired character outside replacements maps to the same original character
        covered = set()
        delta = 0
        for e in applied:
            rs = e["start"] + delta
            covered.update(range(rs, rs + len(e["replacement"])))
            delta += len(e["replacement"]) - (e["end"] - e["start"])
        for p, ch in enumerate(repaired):
            if p in covered:
                continue
            o = map_offset(p, edits, side="start")
            assert original[o] == ch
            assert map_offset(p + 1, edits, side="end") == o + 1 or (p + 1) in covered
        s, e = map_span(0, len(repaired), edits)
        trailing_deletion = bool(applied) and applied[-1]["end"] == len(original) and not applied[-1]["replacement"]
        leading_deletion = bool(applied) and applied[0]["start"] == 0 and not applied[0]["replacement"]
        assert s == (applied[0]["end"] if leading_deletion else 0)
        assert e == (applied[-1]["start"] if trailing_deletion else len(original))


# ---------------------------------------------------------------- quotes


def test_locate_occurrence_and_crlf() -> None:
    text = "Giao Bộ Y tế\r\nthực hiện; Giao Bộ Y tế\r\nbáo cáo"
    assert locate(text, "Giao Bộ Y tế\nthực hiện") == (0, 23)
    assert locate(text, "Giao Bộ Y tế", 2) == (25, 37)
    assert locate(text, "Giao Bộ Y tế", 3) is None
    assert locate(text, "không có") is None


def test_norm_name() -> None:
    assert norm_name("  HĐND  thành\nphố, ") == norm_name("hđnd thành phố")
    assert norm_name(None) == ""
    assert norm_name("Bộ Văn hoá, Thể thao") == norm_name("Bộ Văn hóa, Thể thao")
    assert norm_name("Uỷ ban") == norm_name("Ủy ban")
    assert norm_name("toàn thể") == "toàn thể"
    assert norm_name("HĐND thành phố") == norm_name("Hội đồng nhân dân thành phố")


# ---------------------------------------------------------------- scoring


GOLD = {
    "doc": "x.txt",
    "origin": "x",
    "held_out": False,
    "tuned": True,
    "kind": "ket_luan",
    "document": {
        "kind": "ket_luan",
        "number": "09-KL/TU",
        "planned_period": {"start": "2021-04-01", "end": "2021-06-30"},
    },
    "tasks": [
        {
            "quote": "Xây dựng 17 công viên",
            "due": "2021-12-31",
            "explicit": True,
            "owners": [],
            "target": None,
        },
        {
            "quote": "hoàn thành cầu Rào",
            "due": "2021-09-30",
            "explicit": True,
            "owners": [{"name": "Sở Giao thông", "role": "lead"}],
            "target": None,
        },
    ],
    "indicators": [],
    "references": [{"number": "09-KL/TU", "date": "2021-03-04"}],
}


def _task(text: str, quote_from: str, quote_to: str, due: str | None, owners: list | None = None) -> dict:
    s = text.index(quote_from)
    e = text.index(quote_to) + len(quote_to)
    return {
        "start": s,
        "end": e,
        "text": text[s:e],
        "due": {"date": due} if due else None,
        "owners": owners or [],
    }


def test_gold_fixture_is_valid() -> None:
    assert validate_golden(GOLD, TEXT) == []


def test_a_task_quote_starts_at_its_clause_not_its_marker() -> None:
    gold = {**GOLD, "tasks": [{**GOLD["tasks"][0], "quote": "- Xây dựng 17 công viên"}]}
    (error,) = validate_golden(gold, TEXT)
    assert "marker" in error


def test_perfect_prediction() -> None:
    pred = {
        "text": TEXT,
        "original_text": TEXT,
        "edits": [],
        "document": {
            "kind": "ket_luan",
            "number": "09-KL/TU",
            "planned_period": {"start": "2021-04-01", "end": "2021-06-30"},
        },
        "tasks": [
            _task(TEXT, "Xây dựng", "năm 2021", "2021-12-31"),
            _task(TEXT, "hoàn thành", "30/9/2021", "2021-09-30", [{"name": "sở giao  thông", "role": "lead"}]),
        ],
        "references": [{"number": "09-KL/TU", "date": "2021-03-04"}],
    }
    r = score(pred, GOLD, TEXT)
    assert (r["task_precision"], r["task_recall"], r["task_f1"]) == (1.0, 1.0, 1.0)
    assert r["deadline_accuracy"] == 1.0
    assert r["owner_accuracy"] == 1.0
    assert r["reference_recall"] == 1.0 and r["reference_date_accuracy"] == 1.0
    assert r["document_accuracy"] == 1.0
    assert r["indicator_recall"] is None


def test_merged_task_matches_only_once_and_wrong_due_counts() -> None:
    merged = _task(TEXT, "Xây dựng", "30/9/2021", "2021-06-30")
    pred = {
        "text": TEXT,
        "original_text": TEXT,
        "edits": [],
        "tasks": [merged, _task(TEXT, "1.", "vụ", None)],
    }
    r = score(pred, GOLD, TEXT)
    assert r["tasks_matched"] == 1 and r["tasks_pred"] == 2
    assert r["task_recall"] == 0.5 and r["task_precision"] == 0.5
    assert r["deadline_accuracy"] == 0.0
    assert r["details"]["missed_tasks"] == ["hoàn thành cầu Rào"]
    assert r["reference_recall"] == 0.0
    assert r["document_accuracy"] == 0.0


def test_repaired_offsets_are_mapped_back() -> None:
    ocr = TEXT.replace("Xây dựng ", "Xăy dựng  ")
    gold = {**GOLD, "tasks": [{**GOLD["tasks"][0], "quote": "Xăy dựng  17 công viên"}, GOLD["tasks"][1]]}
    i = ocr.index("Xăy dựng  ")
    edits = [_edit(ocr, i, i + 10, "Xây dựng ")]
    repaired = _apply(ocr, edits)
    assert repaired == TEXT
    pred = {
        "text": repaired,
        "original_text": ocr,
        "edits": edits,
        "tasks": [
            _task(repaired, "Xây dựng", "năm 2021", "2021-12-31"),
            _task(repaired, "hoàn thành", "30/9/2021", "2021-09-30"),
        ],
    }
    r = score(pred, gold, ocr)
    assert r["tasks_matched"] == 2
    # without mapping, the second task's repaired start (2 chars earlier) would miss its anchor
    assert r["task_recall"] == 1.0


def test_offsets_of_a_text_ingested_composed_are_mapped_to_the_text_on_disk() -> None:
    import unicodedata

    # a preamble typed with combining marks ("ỉ" as "i" + U+0309 + …): ingestion composes them
    raw = unicodedata.normalize("NFD", "Chỉ thị số 5. ") * 20 + TEXT
    ingested = unicodedata.normalize("NFC", raw)
    assert len(ingested) < len(raw)
    table = composed_offsets(raw, ingested)
    assert table is not None and len(table) == len(ingested) + 1 and table[-1] == len(raw)
    assert all(ingested[i] == unicodedata.normalize("NFC", raw[table[i] : table[i + 1]])[:1] for i in range(len(ingested)))
    assert composed_offsets(raw, ingested + "x") is None
    pred = {
        "text": ingested,
        "original_text": ingested,
        "edits": [],
        "tasks": [
            _task(ingested, "hoàn thành", "30/9/2021", "2021-09-30"),
        ],
    }
    r = score(pred, GOLD, raw)
    # the task starts 80 characters earlier as ingested than on disk: unmapped, it would hold no anchor
    assert (r["tasks_matched"], r["tasks_pred"], r["tasks_gold"]) == (1, 1, 2)
    assert r["details"]["missed_tasks"] == [GOLD["tasks"][0]["quote"]]


def test_scope_ignores_predictions_outside() -> None:
    gold = {**GOLD, "scope": {"quote_start": "- Xây dựng", "quote_end": "30/9/2021."}}
    pred = {
        "text": TEXT,
        "original_text": TEXT,
        "edits": [],
        "tasks": [_task(TEXT, "1.", "vụ", None), _task(TEXT, "Xây dựng", "năm 2021", "2021-12-31")],
    }
    r = score(pred, gold, TEXT)
    assert r["tasks_pred"] == 1 and r["task_precision"] == 1.0


def test_indicators_matched_by_overlap() -> None:
    text = "Kim ngạch xuất khẩu ước đạt 5,72 tỷ USD, tăng 25,15%; thu 3 tỷ."
    gold = {
        **GOLD,
        "tasks": [],
        "indicators": [
            {
                "quote": "Kim ngạch xuất khẩu ước đạt 5,72 tỷ USD",
                "name": "Kim ngạch xuất khẩu",
                "value": 5.72,
                "unit": "tỷ USD",
                "change_pct": 25.15,
                "ratio": None,
                "base_value": None,
            }
        ],
    }
    good = {"start": 0, "end": 52, "value": 5.72, "unit": "Tỷ USD", "change_pct": 25.15}
    bad = {"start": 28, "end": 39, "value": 5.72, "unit": "tỷ USD", "change_pct": None}
    r = score({"indicators": [good]}, gold, text)
    assert r["indicator_recall"] == 1.0 and r["indicator_accuracy"] == 1.0
    r = score({"indicators": [bad]}, gold, text)
    assert r["indicator_recall"] == 1.0 and r["indicator_accuracy"] == 0.0
    r = score({"indicators": [{"start": 55, "end": 60, "value": 3}]}, gold, text)
    assert r["indicator_recall"] == 0.0 and r["indicator_accuracy"] is None
