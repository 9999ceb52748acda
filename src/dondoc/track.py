"""Tracking rules: which bucket a task is in, as of a given day (pure; no I/O).

The Government's task tracker counts tasks in four *buckets*:

- ``done_on_time``  — completed on or before its due date (or completed, with no due date);
- ``done_late``     — completed after its due date;
- ``open_not_due``  — not completed, and the due date is today or later (or there is none);
- ``open_overdue``  — not completed, and the due date has passed.

Everything is computed *as of* a day: a task completed after ``as_of`` is still open as of that
day, so reports for a past period come out the way they would have on that day. *Due soon* is an
open task whose due date falls within the next ``days`` days (inclusive). An extension moves
``due_date`` and keeps the old date (``original_due_date``), so buckets use the current one.

The *on-time rate* of a unit, used to rank units (thi đua), is
``done_on_time / (done_on_time + done_late + open_overdue)``: the tasks whose fate is sealed.
Open tasks not yet due do not count for or against it; with no such task the rate is ``None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

__all__ = [
    "BUCKETS",
    "Bucket",
    "bucket_of",
    "is_due_soon",
    "on_time_rate",
    "parse_period",
    "rate_of",
    "summarise",
]


class Bucket(StrEnum):
    done_on_time = "done_on_time"
    done_late = "done_late"
    open_not_due = "open_not_due"
    open_overdue = "open_overdue"


BUCKETS: tuple[str, ...] = tuple(b.value for b in Bucket)


def bucket_of(due_date: dt.date | None, done_at: dt.date | None, as_of: dt.date) -> Bucket:
    """The bucket of a task due ``due_date`` and completed ``done_at`` (``None``: not completed)."""
    if done_at is not None and done_at <= as_of:
        if due_date is None or done_at <= due_date:
            return Bucket.done_on_time
        return Bucket.done_late
    if due_date is not None and due_date < as_of:
        return Bucket.open_overdue
    return Bucket.open_not_due


def is_due_soon(due_date: dt.date | None, done_at: dt.date | None, as_of: dt.date, days: int) -> bool:
    """Open as of ``as_of`` and due within ``[as_of, as_of + days]``."""
    if due_date is None or (done_at is not None and done_at <= as_of):
        return False
    return as_of <= due_date <= as_of + dt.timedelta(days=days)


def on_time_rate(counts: dict[str, int]) -> float | None:
    """Share of settled tasks done on time; ``None`` when no task is settled yet."""
    return rate_of(counts.get("done_on_time", 0), counts.get("done_late", 0), counts.get("open_overdue", 0))


def rate_of(done_on_time: int, done_late: int, open_overdue: int) -> float | None:
    """``on_time_rate`` from the three counts it needs (statistics over many units call it per unit)."""
    settled = done_on_time + done_late + open_overdue
    return None if settled == 0 else done_on_time / settled


def summarise(rows: Iterable[tuple[dt.date | None, dt.date | None]], as_of: dt.date) -> dict[str, Any]:
    """Count ``(due_date, done_at)`` rows per bucket; adds ``total`` and ``on_time_rate``.

    The store computes the same numbers with SQL; this is the reference for small lists and tests.
    """
    counts: dict[str, Any] = dict.fromkeys(BUCKETS, 0)
    for due, done in rows:
        counts[bucket_of(due, done, as_of).value] += 1
    counts["total"] = sum(counts[b] for b in BUCKETS)
    counts["on_time_rate"] = on_time_rate(counts)
    return counts


_PERIOD = re.compile(r"^\s*(\d{4})(?:-(?:(Q)([1-4])|(H)([12])|(0?[1-9]|1[0-2])))?\s*$", re.IGNORECASE)


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """``"2021"``, ``"2021-Q2"``, ``"2021-H1"`` or ``"2021-04"`` -> first and last day, inclusive.

    Raises:
        ValueError: the text is none of these forms.
    """
    m = _PERIOD.match(text)
    if not m:
        raise ValueError(f"kỳ không hợp lệ: {text!r}; dùng dạng 2021, 2021-Q2, 2021-H1 hoặc 2021-04")
    year = int(m.group(1))
    if m.group(2):
        first_month, months = (int(m.group(3)) - 1) * 3 + 1, 3
    elif m.group(4):
        first_month, months = (int(m.group(5)) - 1) * 6 + 1, 6
    elif m.group(6):
        first_month, months = int(m.group(6)), 1
    else:
        first_month, months = 1, 12
    last_month = first_month + months - 1
    return dt.date(year, first_month, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
