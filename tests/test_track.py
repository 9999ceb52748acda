"""The pure tracking rules: buckets, due soon, summaries, periods."""

from __future__ import annotations

import datetime as dt

import pytest

from dondoc.track import Bucket, bucket_of, is_due_soon, on_time_rate, parse_period, summarise

D = dt.date
AS_OF = D(2021, 6, 30)


@pytest.mark.parametrize(
    ("due", "done", "expected"),
    [
        pytest.param(D(2021, 6, 30), D(2021, 6, 30), Bucket.done_on_time, id="done-on-the-due-day"),
        pytest.param(D(2021, 6, 30), D(2021, 6, 1), Bucket.done_on_time, id="done-early"),
        pytest.param(D(2021, 6, 1), D(2021, 6, 2), Bucket.done_late, id="done-a-day-late"),
        pytest.param(None, D(2021, 6, 2), Bucket.done_on_time, id="done-no-deadline"),
        pytest.param(D(2021, 6, 30), None, Bucket.open_not_due, id="open-due-today"),
        pytest.param(D(2021, 6, 29), None, Bucket.open_overdue, id="open-due-yesterday"),
        pytest.param(None, None, Bucket.open_not_due, id="open-no-deadline"),
        pytest.param(D(2021, 6, 1), D(2021, 7, 5), Bucket.open_overdue, id="done-after-as-of-is-open-then"),
        pytest.param(D(2021, 9, 1), D(2021, 7, 5), Bucket.open_not_due, id="done-later-not-due-then"),
    ],
)
def test_bucket_of(due: dt.date | None, done: dt.date | None, expected: Bucket) -> None:
    assert bucket_of(due, done, AS_OF) is expected


@pytest.mark.parametrize(
    ("due", "done", "days", "expected"),
    [
        (D(2021, 6, 30), None, 7, True),
        (D(2021, 7, 7), None, 7, True),
        (D(2021, 7, 8), None, 7, False),
        (D(2021, 6, 29), None, 7, False),  # overdue is not "due soon"
        (D(2021, 7, 1), D(2021, 6, 20), 7, False),  # already done
        (None, None, 7, False),
    ],
)
def test_is_due_soon(due: dt.date | None, done: dt.date | None, days: int, expected: bool) -> None:
    assert is_due_soon(due, done, AS_OF, days) is expected


def test_extension_moves_bucket() -> None:
    # An extension moves the due date: an overdue task becomes not yet due.
    assert bucket_of(D(2021, 6, 1), None, AS_OF) is Bucket.open_overdue
    assert bucket_of(D(2021, 8, 1), None, AS_OF) is Bucket.open_not_due


def test_summarise_and_rate() -> None:
    rows = [(D(2021, 6, 1), D(2021, 5, 1)), (D(2021, 6, 1), D(2021, 6, 5)), (D(2021, 6, 1), None), (D(2021, 12, 1), None)]
    out = summarise(rows, AS_OF)
    assert out == {
        "done_on_time": 1,
        "done_late": 1,
        "open_not_due": 1,
        "open_overdue": 1,
        "total": 4,
        "on_time_rate": pytest.approx(1 / 3),
    }
    assert on_time_rate({"open_not_due": 5}) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2021", D(2021, 1, 1), D(2021, 12, 31)),
        ("2021-Q2", D(2021, 4, 1), D(2021, 6, 30)),
        ("2021-q4", D(2021, 10, 1), D(2021, 12, 31)),
        ("2021-H1", D(2021, 1, 1), D(2021, 6, 30)),
        ("2020-02", D(2020, 2, 1), D(2020, 2, 29)),
    ],
)
def test_parse_period(text: str, start: dt.date, end: dt.date) -> None:
    assert parse_period(text) == (start, end)


@pytest.mark.parametrize("text", ["", "2021-Q5", "21-Q1", "2021-13", "Q2-2021"])
def test_parse_period_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="kỳ không hợp lệ"):
        parse_period(text)
