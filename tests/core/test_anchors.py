"""Relative deadlines counted from the document's own signing or entry into force."""

from datetime import date

import pytest

from dondoc.core.anchors import effective_date, resolve_anchored
from dondoc.core.timeexpr import find_time_expressions

ISSUED = date(2025, 12, 30)


def _due(clause: str, effective: date | None = date(2026, 1, 1)):
    (e,) = [x for x in find_time_expressions(clause) if x.kind == "relative"]
    return resolve_anchored(e, clause, issued=ISSUED, effective=effective).end


@pytest.mark.parametrize(
    ("clause", "due"),
    [
        ("ban hành hướng dẫn trong thời hạn 03 tháng kể từ ngày Nghị quyết này có hiệu lực thi hành", date(2026, 4, 1)),
        ("Trong thời gian 90 ngày kể từ ngày Quyết định này có hiệu lực thi hành, các bộ công bố", date(2026, 4, 1)),
        ("hoàn thành trong 06 tháng kể từ khi Nghị định này có hiệu lực", date(2026, 7, 1)),
        ("trình Thủ tướng trong 30 ngày kể từ ngày ký ban hành Quyết định này", date(2026, 1, 29)),
    ],
)
def test_counted_from_the_document_itself(clause, due):
    assert _due(clause) == due


@pytest.mark.parametrize(
    "clause",
    [
        "trả lời trong 15 ngày kể từ ngày nhận được hồ sơ hợp lệ",  # another event: no date
        "giải quyết trong 10 ngày làm việc kể từ ngày Nghị quyết này có hiệu lực",  # working days need a calendar
    ],
)
def test_other_anchors_stay_without_a_date(clause):
    assert _due(clause) is None


def test_unknown_effective_date_leaves_it_undated():
    assert _due("trong thời hạn 03 tháng kể từ ngày Nghị quyết này có hiệu lực thi hành", effective=None) is None


def test_effective_date():
    assert effective_date("Điều 5. Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành.", ISSUED) == ISSUED
    text = "Quyết định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026."
    assert effective_date(text, ISSUED) == date(2026, 7, 1)
    assert effective_date("Nghị quyết này được thông qua.", ISSUED) is None


def test_a_month_later_stops_at_the_month_end():
    clause = "ban hành trong 01 tháng kể từ ngày Nghị quyết này có hiệu lực"
    assert _due(clause, effective=date(2026, 1, 31)) == date(2026, 2, 28)
