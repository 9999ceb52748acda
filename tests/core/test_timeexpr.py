"""Tests of the Vietnamese time-expression grammar (dondoc.core.timeexpr).

Phrasings come from the gazette texts and vbpl directives in ../shared/data (grepped), not from
the canonical sample.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.core.spans import Span
from dondoc.core.timeexpr import (
    _MAIN,
    _scan,
    due_of,
    find_dates,
    find_time_expressions,
    parse_date,
    roman_to_int,
)

D = date.fromisoformat

# (text, expected span text, kind, start, end, relation, explicit_year); default_year=2021.
CASES = [
    # calendar dates and deadlines "by" a day
    ("trước ngày 30/9/2021", "trước ngày 30/9/2021", "date", None, "2021-09-30", "by", True),
    ("hoàn thành trước 30/9/2021", "hoàn thành trước 30/9/2021", "date", None, "2021-09-30", "by", True),
    ("chậm nhất ngày 15 tháng 3 năm 2020", "chậm nhất ngày 15 tháng 3 năm 2020", "date", None,
     "2020-03-15", "by", True),
    ("chậm nhất là ngày 01 tháng 01 năm 2014", "chậm nhất là ngày 01 tháng 01 năm 2014", "date", None,
     "2014-01-01", "by", True),
    ("trước ngày 01 tháng 7 năm 2025 thì", "trước ngày 01 tháng 7 năm 2025", "date", None, "2025-07-01",
     "by", True),
    ("trước ngày 16/9/2022 thì tính từ", "trước ngày 16/9/2022", "date", None, "2022-09-16", "by", True),
    ("ký ngày 04/3/2021.", "ngày 04/3/2021", "date", "2021-03-04", "2021-03-04", "during", True),
    ("Hà Nội, ngày 10 tháng 4 năm 2024", "ngày 10 tháng 4 năm 2024", "date", "2024-04-10", "2024-04-10",
     "during", True),
    ("kể từ ngày 01 tháng 7 năm 2025", "kể từ ngày 01 tháng 7 năm 2025", "date", "2025-07-01", None,
     "from", True),
    ("kể từ ngày 15/02/2024 ", "kể từ ngày 15/02/2024", "date", "2024-02-15", None, "from", True),
    ("có hiệu lực từ ngày 15 tháng 8 năm 2020", "từ ngày 15 tháng 8 năm 2020", "date", "2020-08-15", None,
     "from", True),
    ("đến ngày 06 tháng 10 năm 2025", "đến ngày 06 tháng 10 năm 2025", "date", None, "2025-10-06",
     "until", True),
    ("đến hết ngày 31 tháng 12 năm 2024", "đến hết ngày 31 tháng 12 năm 2024", "date", None, "2024-12-31",
     "until", True),
    ("ngày 2-4-2021", "ngày 2-4-2021", "date", "2021-04-02", "2021-04-02", "during", True),
    ("ngày 30/9/ 2021", "ngày 30/9/ 2021", "date", "2021-09-30", "2021-09-30", "during", True),
    ("ngày 30 / 9 / 2021", "ngày 30 / 9 / 2021", "date", "2021-09-30", "2021-09-30", "during", True),
    ("trước ngày 30/9 hằng", "trước ngày 30/9", "date", None, "2021-09-30", "by", False),
    ("trước ngày 15 tháng 3", "trước ngày 15 tháng 3", "date", None, "2021-03-15", "by", False),
    ("ngày\n15 tháng 3 năm 2020", "ngày\n15 tháng 3 năm 2020", "date", "2020-03-15", "2020-03-15",
     "during", True),
    # months and parts of months
    ("trong tháng 4/2021", "trong tháng 4/2021", "month", "2021-04-01", "2021-04-30", "within", True),
    ("trong tháng 01 năm 2016", "trong tháng 01 năm 2016", "month", "2016-01-01", "2016-01-31", "within",
     True),
    ("tháng 4 năm 2021", "tháng 4 năm 2021", "month", "2021-04-01", "2021-04-30", "during", True),
    ("trong tháng 4", "trong tháng 4", "month", "2021-04-01", "2021-04-30", "within", False),
    ("đến tháng 8 năm 2025", "đến tháng 8 năm 2025", "month", None, "2025-08-31", "until", True),
    ("từ tháng 01/2016", "từ tháng 01/2016", "month", "2016-01-01", None, "from", True),
    ("trước tháng 6/2021", "trước tháng 6/2021", "month", None, "2021-05-31", "by", True),
    ("chậm nhất trong tháng 6/2021", "chậm nhất trong tháng 6/2021", "month", None, "2021-06-30", "by",
     True),
    ("đầu tháng 4/2021", "đầu tháng 4/2021", "month_part", "2021-04-01", "2021-04-10", "during", True),
    ("giữa tháng 4/2021", "giữa tháng 4/2021", "month_part", "2021-04-11", "2021-04-20", "during", True),
    ("cuối tháng 2 năm 2024", "cuối tháng 2 năm 2024", "month_part", "2024-02-21", "2024-02-29",
     "during", True),
    ("cuối tháng 2", "cuối tháng 2", "month_part", "2021-02-21", "2021-02-28", "during", False),
    ("tháng 4 và tháng 5/2021", "tháng 4 và tháng 5/2021", "month", "2021-04-01", "2021-05-31", "during",
     True),
    ("tháng 4, 5/2021", "tháng 4, 5/2021", "month", "2021-04-01", "2021-05-31", "during", True),
    ("tháng 4 - 6/2021", "tháng 4 - 6/2021", "range", "2021-04-01", "2021-06-30", "during", True),
    # quarters
    ("Quý II/2021", "Quý II/2021", "quarter", "2021-04-01", "2021-06-30", "during", True),
    ("Quý II năm 2021", "Quý II năm 2021", "quarter", "2021-04-01", "2021-06-30", "during", True),
    ("quý 2/2021", "quý 2/2021", "quarter", "2021-04-01", "2021-06-30", "during", True),
    ("trong Quý IV năm 2021", "trong Quý IV năm 2021", "quarter", "2021-10-01", "2021-12-31", "within",
     True),
    ("trong quý II/2026 ", "trong quý II/2026", "quarter", "2026-04-01", "2026-06-30", "within", True),
    ("vào quý III năm 2020", "vào quý III năm 2020", "quarter", "2020-07-01", "2020-09-30", "during", True),
    ("Thời gian thực hiện: Quý IV năm 2023", "Thời gian thực hiện: Quý IV năm 2023", "quarter",
     "2023-10-01", "2023-12-31", "during", True),
    ("Thời hạn: Quý II/2021", "Thời hạn: Quý II/2021", "quarter", None, "2021-06-30", "by", True),
    ("trong Quý III", "trong Quý III", "quarter", "2021-07-01", "2021-09-30", "within", False),
    ("Quý I, II năm 2021", "Quý I, II năm 2021", "quarter", "2021-01-01", "2021-06-30", "during", True),
    ("quý I và quý II/2021", "quý I và quý II/2021", "quarter", "2021-01-01", "2021-06-30", "during",
     True),
    ("cuối quý II/2021", "cuối quý II/2021", "quarter", "2021-06-01", "2021-06-30", "during", True),
    ("QUÝ IV NĂM 2021", "QUÝ IV NĂM 2021", "quarter", "2021-10-01", "2021-12-31", "during", True),
    # runs of months in a year
    ("6 tháng đầu năm 2021", "6 tháng đầu năm 2021", "half_year", "2021-01-01", "2021-06-30", "during",
     True),
    ("trong 6 tháng đầu năm", "trong 6 tháng đầu năm", "half_year", "2021-01-01", "2021-06-30", "within",
     False),
    ("6 tháng cuối năm", "6 tháng cuối năm", "half_year", "2021-07-01", "2021-12-31", "during", False),
    ("06 tháng cuối năm 2022", "06 tháng cuối năm 2022", "half_year", "2022-07-01", "2022-12-31",
     "during", True),
    ("9 tháng năm 2021", "9 tháng năm 2021", "months_of_year", "2021-01-01", "2021-09-30", "during", True),
    ("trong 9 tháng đầu năm 2020", "trong 9 tháng đầu năm 2020", "months_of_year", "2020-01-01",
     "2020-09-30", "within", True),
    ("nửa đầu năm 2022", "nửa đầu năm 2022", "half_year", "2022-01-01", "2022-06-30", "during", True),
    # years and ranges of years
    ("trong năm 2021", "trong năm 2021", "year", "2021-01-01", "2021-12-31", "within", True),
    ("năm 2021", "năm 2021", "year", "2021-01-01", "2021-12-31", "during", True),
    ("tới năm 2030", "tới năm 2030", "year", None, "2030-12-31", "until", True),
    ("Đến năm 2025, ", "Đến năm 2025", "year", None, "2025-12-31", "until", True),
    ("trước năm 2014 có", "trước năm 2014", "year", None, "2013-12-31", "by", True),
    ("cuối năm 2021", "cuối năm 2021", "year", "2021-10-01", "2021-12-31", "during", True),
    ("năm 2021 và 2022", "năm 2021 và 2022", "year", "2021-01-01", "2022-12-31", "during", True),
    ("giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025", "range", "2021-01-01", "2025-12-31", "during", True),
    ("GIAI ĐOẠN 2026 - 2030", "GIAI ĐOẠN 2026 - 2030", "range", "2026-01-01", "2030-12-31", "during", True),
    ("giai đoạn 2026-2030", "giai đoạn 2026-2030", "range", "2026-01-01", "2030-12-31", "during", True),
    ("thời kỳ 2021 – 2030", "thời kỳ 2021 – 2030", "range", "2021-01-01", "2030-12-31", "during", True),
    ("(2019 - 2023)", "2019 - 2023", "range", "2019-01-01", "2023-12-31", "during", True),
    ("từ năm 2021 đến năm 2025", "từ năm 2021 đến năm 2025", "range", "2021-01-01", "2025-12-31",
     "during", True),
    ("trong giai đoạn 2021-2025", "trong giai đoạn 2021-2025", "range", "2021-01-01", "2025-12-31",
     "within", True),
    ("từ ngày 01 tháng 01 đến hết ngày 31 tháng 12 năm 2024", "từ ngày 01 tháng 01 đến hết ngày 31 tháng 12"
     " năm 2024", "range", "2024-01-01", "2024-12-31", "during", True),
    ("từ ngày 01 tháng 5 năm 2021 đến ngày 30 tháng 6 năm 2022", "từ ngày 01 tháng 5 năm 2021 đến ngày 30 "
     "tháng 6 năm 2022", "range", "2021-05-01", "2022-06-30", "during", True),
    ("từ tháng 10 đến tháng 3/2022", "từ tháng 10 đến tháng 3/2022", "range", "2021-10-01", "2022-03-31",
     "during", True),
    # relative and recurring: no dates
    ("trong 15 ngày kể từ ngày nhận", "trong 15 ngày kể từ ngày", "relative", None, None, "within", False),
    ("trong thời hạn 30 ngày làm việc", "trong thời hạn 30 ngày làm việc", "relative", None, None, "within",
     False),
    ("trong thời hạn 05 ngày", "trong thời hạn 05 ngày", "relative", None, None, "within", False),
    ("sau 06 tháng kể từ ngày ký", "sau 06 tháng kể từ ngày", "relative", None, None, "from", False),
    ("03 ngày làm việc kể từ ngày", "03 ngày làm việc kể từ ngày", "relative", None, None, "within", False),
    ("trong thời hạn 1,5 ngày làm việc", "trong thời hạn 1,5 ngày làm việc", "relative", None, None,
     "within", False),
    ("trước ngày 01 tháng 10 năm sau", "trước ngày 01 tháng 10 năm sau", "relative", None, None, "by",
     False),
    ("hằng năm", "hằng năm", "recurring", None, None, "during", False),
    ("Định kỳ hằng năm", "Định kỳ hằng năm", "recurring", None, None, "during", False),
    ("định kỳ 6 tháng", "định kỳ 6 tháng", "recurring", None, None, "during", False),
    ("báo cáo hàng quý", "hàng quý", "recurring", None, None, "during", False),
    ("thường xuyên kiểm tra", "thường xuyên", "recurring", None, None, "during", False),
    ("trước ngày 31 tháng 3 hằng năm", "trước ngày 31 tháng 3 hằng năm", "recurring", None, None, "by",
     False),
]


@pytest.mark.parametrize(
    ("text", "span_text", "kind", "start", "end", "relation", "explicit"),
    CASES,
    ids=[c[0][:48] for c in CASES],
)
def test_time_expression(
    text: str, span_text: str, kind: str, start: str | None, end: str | None, relation: str, explicit: bool
) -> None:
    found = find_time_expressions(text, default_year=2021)
    assert len(found) == 1, found
    e = found[0]
    assert e.text == span_text == text[e.span.start : e.span.end]
    assert (e.kind, e.start, e.end, e.relation, e.explicit_year) == (
        kind,
        D(start) if start else None,
        D(end) if end else None,
        relation,
        explicit,
    )


NEGATIVE = [
    "Nghị quyết số 122/NQ-CP",
    "Báo cáo số 92-BC/BCS",
    "Nghị định số 39/2022/NĐ-CP",
    "Thông tư 05/2021/TT-BTC",
    "số tiền 1.250.000 đồng",
    "tăng 25,15% so với cùng kỳ",
    "đạt 5,72 tỷ USD",
    "băng tần 2500-2520 MHz",
    "băng tần 1610-1626",
    "ngày 31/2/2021",
    "Điều 3. Khoản 2",
    "Mục II. Phần III",
    "Kết luận số 09-KL/TU",
    "18 tháng 8,8 7,6",  # table cells: decimals, not August
    "trong 12 tháng qua",  # a bare duration without an event is not an expression: see relative cases
    "",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=NEGATIVE)
def test_not_a_time_expression(text: str) -> None:
    assert [e.text for e in find_time_expressions(text, default_year=2021)] == []


def test_table_of_years_is_not_one_list_and_long_space_runs_are_fine() -> None:
    assert [e.text for e in find_time_expressions("Năm\n2016 2017 2018")] == ["Năm\n2016"]
    text = "Quý I" + " " * 3000 + "và tháng 4" + " " * 3000 + "x"
    assert [e.text for e in find_time_expressions(text)] == ["Quý I", "tháng 4"]


def test_missing_year_without_default_has_no_dates() -> None:
    (e,) = find_time_expressions("trước ngày 30/9")
    assert (e.kind, e.start, e.end, e.explicit_year) == ("date", None, None, False)
    (q,) = find_time_expressions("trong Quý III")
    assert (q.kind, q.start, q.end) == ("quarter", None, None)


def test_several_expressions_in_order_with_absolute_offsets() -> None:
    text = (
        "xây dựng 17 công viên trong năm 2021 và 50 công viên trong năm 2022; "
        "Sở Tài chính chủ trì, báo cáo trước ngày 30/9/2021."
    )
    found = find_time_expressions(text)
    assert [e.text for e in found] == ["trong năm 2021", "trong năm 2022", "trước ngày 30/9/2021"]
    for e in found:
        assert text[e.span.start : e.span.end] == e.text


def test_window_offsets_are_absolute() -> None:
    text = "Quý I/2021. Hoàn thành trước ngày 30/9/2021. Quý IV/2021"
    s = text.index("Hoàn")
    found = find_time_expressions(text, start=s, end=text.index(". Quý IV"))
    assert [e.text for e in found] == ["Hoàn thành trước ngày 30/9/2021"]
    assert found[0].span == Span(s, text.index(". Quý IV"))


def test_due_of() -> None:
    (a,) = find_time_expressions("đầu tháng 4/2021")
    assert due_of(a) == {"date": "2021-04-10", "earliest": "2021-04-01", "expression": "đầu tháng 4/2021",
                         "explicit": True}
    (b,) = find_time_expressions("trước ngày 30/9/2021")
    assert due_of(b)["date"] == "2021-09-30" and due_of(b)["earliest"] is None
    (c,) = find_time_expressions("trong 15 ngày kể từ ngày")
    assert due_of(c)["date"] is None


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("02/4/2021", "2021-04-02"),
        ("2-4-2021", "2021-04-02"),
        ("ngày 15 tháng 3 năm 2020", "2020-03-15"),
        ("04/3/2021", "2021-03-04"),
        (" 30 / 9 / 2021 ", "2021-09-30"),
        ("31/2/2021", None),
        ("30/9", None),
        ("122/NQ-CP", None),
        ("", None),
        ("ngày 15 tháng 3", None),
    ],
)
def test_parse_date(s: str, expected: str | None) -> None:
    assert parse_date(s) == (D(expected) if expected else None)


def test_find_dates_skips_numbers_and_keeps_offsets() -> None:
    text = "Kết luận số 09-KL/TU ngày 04/3/2021 và Nghị định 39/2022/NĐ-CP; Hà Nội, ngày 15 tháng 3 năm 2020"
    got = find_dates(text)
    assert [(text[s.start : s.end], d) for s, d in got] == [
        ("ngày 04/3/2021", date(2021, 3, 4)),
        ("ngày 15 tháng 3 năm 2020", date(2020, 3, 15)),
    ]


@pytest.mark.parametrize(
    ("s", "n"), [("I", 1), ("II", 2), ("IV", 4), ("IX", 9), ("XVI", 16), ("xiv", 14), ("IIII", None),
                 ("", None), ("IIX", None), ("2", None)]
)
def test_roman_to_int(s: str, n: int | None) -> None:
    assert roman_to_int(s) == n


_TIMEY = st.sampled_from(
    ["ngày", "tháng", "năm", "Quý", "quý", "II", "IV", "/", "-", " ", "\n", "30", "9", "2021", "2025", "trước",
     "trong", "đến", "hết", "từ", "giai đoạn", "6", "đầu", "cuối", "hằng", "kể từ", "làm việc", ",", "và", "4"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_TIMEY, max_size=14).map("".join)),
       st.integers(min_value=0, max_value=90), st.one_of(st.none(), st.integers(min_value=0, max_value=90)))
def test_any_text_gives_valid_expressions(text: str, start: int, end: int | None) -> None:
    found = find_time_expressions(text, default_year=2021, start=start, end=end)
    last = -1
    for e in found:
        assert start <= e.span.start < e.span.end <= len(text)
        assert end is None or e.span.end <= end
        assert e.text == text[e.span.start : e.span.end]
        assert e.span.start >= last
        last = e.span.end
        if e.start and e.end:
            assert e.start <= e.end
        if e.kind in ("relative", "recurring"):
            assert e.start is None and e.end is None
    # the anchored scan finds exactly what a full scan of the pattern finds
    stop = len(text) if end is None else min(end, len(text))
    assert [m.span() for m in _scan(text, start, stop)] == [m.span() for m in _MAIN.finditer(text, start, stop)]


_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "directives-vbpl"


@pytest.mark.skipif(not _DATA.is_dir(), reason="needs ../shared/data")
def test_anchored_scan_agrees_with_full_scan_on_real_documents() -> None:
    for path in sorted(_DATA.glob("*.txt"))[:12]:
        text = path.read_text(encoding="utf-8", errors="replace")
        fast = [m.span() for m in _scan(text, 0, len(text))]
        assert fast == [m.span() for m in _MAIN.finditer(text)], path.name


def test_a_yearly_report_day_is_recurring_not_this_year_s_date():
    (e,) = find_time_expressions("báo cáo định kỳ hàng năm trước ngày 15 tháng 12 để đánh giá", default_year=2026)
    assert (e.text, e.kind, e.end) == ("định kỳ hàng năm trước ngày 15 tháng 12", "recurring", None)
    # A stated year is a date of its own.
    kinds = [e.kind for e in find_time_expressions("hằng năm, trước ngày 31/12/2026 báo cáo", default_year=2026)]
    assert kinds == ["recurring", "date"]
