"""Spans of the analysed text -> original text -> pages and OCR line boxes (dondoc.core.provenance)."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.core.provenance import PageLine, PageRange, Provenance, Region, TextEdit
from dondoc.core.spans import Span

# original_text = "ab cd\nef gh\nij kl": page 1 is the first two lines, page 2 the third.
ORIGINAL = "ab cd\nef gh\nij kl"
PAGES = (PageRange(1, 0, 11), PageRange(2, 12, 17))
LINES = (
    PageLine(1, 0, 5, (0.1, 0.1, 0.6, 0.2)),
    PageLine(1, 6, 11, (0.1, 0.3, 0.6, 0.4)),
    PageLine(2, 12, 17, (0.2, 0.5, 0.7, 0.6)),
)
# Repair replaced "cd" (original 3..5) by "xyz": text = "ab xyz\nef gh\nij kl".
CD_TO_XYZ = TextEdit(3, 5, 3)
TEXT = "ab xyz\nef gh\nij kl"


@pytest.mark.parametrize(
    ("edits", "span", "expected"),
    [
        pytest.param((), (0, 2), (0, 2), id="no-edits"),
        pytest.param((CD_TO_XYZ,), (0, 2), (0, 2), id="before-edit"),
        pytest.param((CD_TO_XYZ,), (2, 3), (2, 3), id="ends-where-edit-starts"),
        pytest.param((CD_TO_XYZ,), (3, 6), (3, 5), id="exactly-the-edit"),
        pytest.param((CD_TO_XYZ,), (4, 5), (3, 5), id="inside-edit-widens"),
        pytest.param((CD_TO_XYZ,), (5, 8), (3, 7), id="starts-inside-edit"),
        pytest.param((CD_TO_XYZ,), (7, 9), (6, 8), id="after-edit-shifts"),
        pytest.param((TextEdit(2, 3, 0),), (2, 4), (3, 5), id="after-deletion"),
        pytest.param((TextEdit(2, 3, 0),), (0, 2), (0, 2), id="ends-at-deletion"),
        pytest.param((TextEdit(3, 3, 1),), (3, 4), (3, 3), id="only-inserted-chars"),
        pytest.param((TextEdit(0, 1, 2), TextEdit(3, 5, 3)), (8, 10), (6, 8), id="two-edits-accumulate"),
        pytest.param((TextEdit(3, 5, 3), TextEdit(4, 6, 1)), (7, 9), (6, 8), id="overlapping-edit-ignored"),
    ],
)
def test_to_original(edits: tuple[TextEdit, ...], span: tuple[int, int], expected: tuple[int, int]) -> None:
    assert Provenance(PAGES, LINES, edits).to_original(*span) == Span(*expected)


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        pytest.param((0, 6), [Region(1, ((0.1, 0.1, 0.6, 0.2),))], id="whole-line"),
        pytest.param((0, 2), [Region(1, ((0.1, 0.1, 0.3, 0.2),))], id="start-of-line"),
        pytest.param((4, 5), [Region(1, ((0.4, 0.1, 0.6, 0.2),))], id="inside-edited-word"),
        pytest.param((7, 9), [Region(1, ((0.1, 0.3, 0.3, 0.4),))], id="after-edit"),
        pytest.param((4, 9), [Region(1, ((0.4, 0.1, 0.6, 0.2), (0.1, 0.3, 0.3, 0.4)))], id="across-lines"),
        pytest.param(
            (7, 16), [Region(1, ((0.1, 0.3, 0.6, 0.4),)), Region(2, ((0.2, 0.5, 0.5, 0.6),))], id="across-pages"
        ),
        pytest.param((6, 7), [Region(1, ())], id="only-the-newline"),
        pytest.param((3, 3), [], id="empty-span"),
        pytest.param((None, None), [], id="ungrounded"),
    ],
)
def test_regions_ocr(span: tuple[Any, Any], expected: list[Region]) -> None:
    prov = Provenance(PAGES, LINES, (CD_TO_XYZ,))
    got = prov.regions(*span)
    assert [r.page for r in got] == [r.page for r in expected]
    for g, e in zip(got, expected, strict=True):
        assert [pytest.approx(b) for b in e.boxes] == list(g.boxes)


def test_text_layer_pages_have_no_boxes() -> None:
    # A PDF whose page 1 has a text layer (no line boxes) and page 2 was OCR'd.
    prov = Provenance(PAGES, LINES[2:], ())
    one, two = prov.regions(0, 14)
    assert one == Region(1, ())
    assert two.page == 2 and list(two.boxes) == [pytest.approx((0.2, 0.5, 0.4, 0.6))]


def test_plain_text_has_no_regions() -> None:
    assert Provenance().regions(0, 5) == ()
    assert not Provenance().paged


def test_from_json_uses_applied_edits_only() -> None:
    draft = {
        "text": TEXT,
        "original_text": ORIGINAL,
        "source": {
            "format": "image",
            "page_spans": [{"page": 1, "start": 0, "end": 11, "ocr": True}, {"page": 2, "start": 12, "end": 17}],
            "lines": [
                {"page": ln.page, "start": ln.start, "end": ln.end, "box": list(ln.box), "confidence": 0.9}
                for ln in LINES
            ] + [{"page": 1, "start": "x", "end": 3, "box": [0, 0, 1, 1]}],  # malformed: skipped
        },
        "edits": [
            {"start": 3, "end": 5, "original": "cd", "replacement": "xyz", "confidence": 0.9, "applied": True},
            {"start": 6, "end": 8, "original": "ef", "replacement": "EF", "confidence": 0.5, "applied": False},
        ],
    }
    prov = Provenance.from_json(draft)
    assert prov.paged and len(prov.lines) == 3 and prov.edits == (CD_TO_XYZ,)
    start = TEXT.index("ef")
    span = prov.to_original(start, start + 2)
    assert ORIGINAL[span.start : span.end] == "ef"
    assert [r.to_json() for r in prov.regions(start, start + 2)] == [{"page": 1, "boxes": [[0.1, 0.3, 0.3, 0.4]]}]


def test_from_json_of_an_old_draft_without_source() -> None:
    assert Provenance.from_json({"text": "abc"}).regions(0, 3) == ()
