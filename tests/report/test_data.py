from datetime import date

import pytest

from dondoc.report import DocumentRow, IndicatorRow, TaskRow, compute_report, resolve_period
from dondoc.report.data import NO_UNIT, header_of, in_scope

Q2 = resolve_period("2021-Q2")


def row(id: int, due: date | None, done: date | None = None, units: tuple[str, ...] = ("Sở A",),
        doc: int = 1) -> TaskRow:
    return TaskRow(id=id, document_id=doc, text=f"Nhiệm vụ {id}", due_date=due, done_at=done, lead_units=units)


ROWS = [
    row(1, date(2021, 4, 30), date(2021, 4, 29), ("Sở A",)),  # on time
    row(2, date(2021, 5, 31), date(2021, 6, 2), ("Sở A",)),  # late
    row(3, date(2021, 6, 10), None, ("Sở A", "Sở B")),  # overdue, two leads
    row(4, date(2021, 6, 30), None, ("Sở B",)),  # due on the last day, open at its close: overdue
    row(5, date(2021, 5, 15), date(2021, 5, 1), ("Sở C",)),  # on time
    row(6, date(2021, 6, 20), date(2021, 7, 3), ("Sở C",)),  # done after as-of: still open, overdue
    row(7, date(2021, 3, 31), None, ()),  # carried over from Q1, no lead unit
    row(8, date(2021, 3, 31), date(2021, 3, 30), ("Sở A",)),  # done in Q1: out of scope
    row(9, date(2021, 7, 15), None, ("Sở A",)),  # due in Q3: out of scope
]


def test_bucket_counts_per_unit_and_totals() -> None:
    data = compute_report(ROWS, Q2, today=date(2021, 8, 1))
    assert data.as_of == date(2021, 6, 30)
    by_unit = {u.unit: u.counts for u in data.units}
    assert (by_unit["Sở A"].done_on_time, by_unit["Sở A"].done_late, by_unit["Sở A"].open_overdue) == (1, 1, 1)
    assert (by_unit["Sở B"].open_overdue, by_unit["Sở B"].open_not_due) == (2, 0)
    assert (by_unit["Sở C"].done_on_time, by_unit["Sở C"].open_overdue) == (1, 1)
    assert by_unit[NO_UNIT].open_overdue == 1
    # Totals count each task once even when it has two lead units.
    t = data.totals
    assert (t.done_on_time, t.done_late, t.open_not_due, t.open_overdue) == (2, 1, 0, 4)
    assert t.total == 7
    assert t.on_time_rate == pytest.approx(2 / 7)
    assert data.end_of_day and data.as_of_text == "hết ngày 30/06/2021"


def test_ranking_by_on_time_rate_with_ties() -> None:
    data = compute_report(ROWS, Q2, today=date(2021, 8, 1))
    ranks = {u.unit: u.rank for u in data.units}
    # Sở C 1/2 = 50% beats Sở A 1/3; at 0%, one overdue task ranks above two.
    assert ranks["Sở C"] == 1
    assert ranks["Sở A"] == 2
    assert ranks[NO_UNIT] == 3
    assert ranks["Sở B"] == 4
    assert [u.unit for u in data.units] == ["Sở C", "Sở A", NO_UNIT, "Sở B"]


def test_equal_units_share_a_rank() -> None:
    rows = [row(1, date(2021, 5, 1), date(2021, 4, 1), ("Sở X",)), row(2, date(2021, 5, 1), None, ("Sở X",)),
            row(3, date(2021, 5, 2), date(2021, 5, 2), ("Sở Y",)), row(4, date(2021, 5, 3), None, ("Sở Y",)),
            row(5, date(2021, 5, 3), None, ("Sở Z",))]
    ranks = [(u.unit, u.rank) for u in compute_report(rows, Q2, today=date(2021, 8, 1)).units]
    assert ranks == [("Sở X", 1), ("Sở Y", 1), ("Sở Z", 3)]


def test_unit_without_judged_task_is_unranked() -> None:
    # Printed on 30/6 itself, a task due that day still has the day: not judged yet.
    data = compute_report([row(1, date(2021, 6, 30), None, ("Sở D",))], Q2, today=date(2021, 6, 30))
    assert not data.end_of_day and data.as_of_text == "ngày 30/06/2021"
    assert data.units[0].rank is None
    assert data.units[0].counts.on_time_rate is None


def test_as_of_defaults_to_today_while_the_period_runs() -> None:
    data = compute_report(ROWS, Q2, today=date(2021, 6, 5))
    assert data.as_of == date(2021, 6, 5)
    buckets = {o.task_id for o in data.overdue}
    assert buckets == {7}  # 3 (due 10/6) and 6 (due 20/6) are not overdue yet on 5/6
    assert data.totals.done_late == 1  # task 2, finished on 2/6 against 31/5
    assert data.totals.open_not_due == 3  # tasks 3, 4 and 6 (6 is finished only on 3/7)
    before = compute_report(ROWS, Q2, as_of=date(2021, 6, 1), today=date(2021, 8, 1))
    assert before.totals.done_late == 0  # as of 1/6 task 2 is open and overdue
    assert 2 in {o.task_id for o in before.overdue}


def test_explicit_as_of_after_completion() -> None:
    late = compute_report(ROWS, Q2, as_of=date(2021, 7, 5), today=date(2021, 7, 5))
    assert late.as_of == date(2021, 7, 5)
    assert 6 not in {o.task_id for o in late.overdue}  # finished on 3/7, late
    assert late.totals.done_late == 2


def test_overdue_list_sorted_with_days_and_evidence() -> None:
    rows = [TaskRow(1, 1, "Ngắn", date(2021, 6, 1), None, ("Sở A",), evidence="Câu trích dẫn đầy đủ.",
                    document_number="09-KL/TU"),
            row(2, date(2021, 5, 1))]
    data = compute_report(rows, Q2, today=date(2021, 9, 1))
    assert [(o.task_id, o.days_overdue) for o in data.overdue] == [(2, 60), (1, 29)]
    assert data.overdue[1].evidence == "Câu trích dẫn đầy đủ."
    assert data.overdue[0].evidence == "Nhiệm vụ 2"  # no span: the task text stands in


@pytest.mark.parametrize(
    ("due", "done", "expected"),
    [
        (date(2021, 4, 1), None, True),
        (date(2021, 7, 1), None, False),
        (date(2021, 1, 15), None, True),
        (date(2021, 1, 15), date(2021, 3, 1), False),
        (date(2021, 1, 15), date(2021, 4, 2), True),
        (None, None, True),
        (None, date(2021, 2, 1), False),
    ],
)
def test_in_scope(due: date | None, done: date | None, expected: bool) -> None:
    assert in_scope(row(1, due, done), Q2) is expected


def test_document_filter_and_indicators() -> None:
    rows = [row(1, date(2021, 5, 1), doc=1), row(2, date(2021, 5, 1), doc=2)]
    docs = [DocumentRow(1, "ket_luan", "09-KL/TU", "Thành ủy Hải Phòng", date(2021, 4, 7)),
            DocumentRow(2, "nghi_quyet", "122/NQ-CP", "Chính phủ", date(2021, 4, 1))]
    q1 = (date(2021, 1, 1), date(2021, 3, 31))
    inds = [IndicatorRow("GRDP", None, change_pct=13.22, period_start=q1[0], period_end=q1[1], document_id=1),
            IndicatorRow("Xuất khẩu", 1.0, period_start=q1[0], period_end=q1[1], document_id=2),
            IndicatorRow("Thu ngân sách", 2.0, period_start=date(2021, 4, 1), period_end=date(2021, 6, 30))]
    one = compute_report(rows, Q2, documents=docs, indicators=inds, document_id=1, today=date(2021, 8, 1))
    assert one.totals.total == 1
    assert [i.name for i in one.indicators] == ["GRDP"]
    assert one.subtitle == "theo Kết luận số 09-KL/TU ngày 07/04/2021 của Thành ủy Hải Phòng"
    assert one.party and one.issuer_lines == ("THÀNH ỦY HẢI PHÒNG", "VĂN PHÒNG") and one.place == "Hải Phòng"
    every = compute_report(rows, Q2, documents=docs, indicators=inds, today=date(2021, 8, 1))
    assert {i.name for i in every.indicators} == {"GRDP", "Xuất khẩu", "Thu ngân sách"}
    assert every.subtitle is None


@pytest.mark.parametrize(
    ("issuer", "lines", "place", "party"),
    [
        ("Thành ủy Hải Phòng", ("THÀNH ỦY HẢI PHÒNG", "VĂN PHÒNG"), "Hải Phòng", True),
        ("UBND thành phố Hải Phòng", ("UBND THÀNH PHỐ HẢI PHÒNG", "VĂN PHÒNG"), "Hải Phòng", False),
        ("Ủy ban nhân dân tỉnh Quảng Ninh", ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "VĂN PHÒNG"), "Quảng Ninh", False),
        ("Chính phủ", ("CHÍNH PHỦ", "VĂN PHÒNG"), None, False),
        (None, ("VĂN PHÒNG",), None, False),
    ],
)
def test_header(issuer: str | None, lines: tuple[str, ...], place: str | None, party: bool) -> None:
    assert header_of([DocumentRow(1, issuer=issuer)]) == (lines, place, party)
