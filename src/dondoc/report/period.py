"""Reporting periods: the office evaluates work by month, quarter, half-year and year.

A *period* is written the way office staff say it in a file name or on the command line:
``2021-04`` (a month), ``2021-Q2`` (a quarter), ``2021-H1`` (a half-year) or ``2021`` (a year).
It is always a closed range of calendar dates. The Vietnamese label ("Quý II năm 2021") is what the
report prints; it is derived here so that every renderer says the same thing.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from dondoc.errors import InputError

__all__ = ["Period", "parse_period", "period_label"]

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PATTERN = re.compile(r"^\s*(\d{4})(?:-(?:(Q[1-4])|(H[12])|(\d{1,2})))?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Period:
    """A closed date range with its Vietnamese label."""

    start: date
    end: date
    label: str  # "Quý II năm 2021"
    code: str  # "2021-Q2"


def _bad_period(text: str) -> InputError:
    return InputError(
        f"kỳ báo cáo {text!r} không hợp lệ; dùng dạng 2021-Q2 (quý), 2021-H1 (6 tháng), 2021 (năm) "
        "hoặc 2021-04 (tháng)"
    )


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def resolve_period(text: str) -> Period:
    """Parse ``text`` into a :class:`Period`.

    Raises:
        InputError: ``text`` is not one of the four accepted forms, or names a month outside 1-12.
    """
    match = _PATTERN.match(text or "")
    if not match:
        raise _bad_period(text)
    year = int(match.group(1))
    if year < 1900:
        raise _bad_period(text)
    quarter, half, month = match.group(2), match.group(3), match.group(4)
    if quarter:
        q = int(quarter[1])
        start, end = date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        return Period(start, end, f"Quý {_ROMAN[q]} năm {year}", f"{year}-Q{q}")
    if half:
        h = int(half[1])
        start, end = date(year, 6 * h - 5, 1), _month_end(year, 6 * h)
        label = f"6 tháng {'đầu' if h == 1 else 'cuối'} năm {year}"
        return Period(start, end, label, f"{year}-H{h}")
    if month:
        m = int(month)
        if not 1 <= m <= 12:
            raise _bad_period(text)
        return Period(date(year, m, 1), _month_end(year, m), f"tháng {m} năm {year}", f"{year}-{m:02d}")
    return Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}", str(year))


def parse_period(text: str) -> tuple[date, date]:
    """Return the first and last day of the period ``text`` ("2021-Q2" -> 2021-04-01, 2021-06-30).

    Raises:
        InputError: the period is not written as 2021-Q2, 2021-H1, 2021 or 2021-04.
    """
    period = resolve_period(text)
    return period.start, period.end


def period_label(text: str) -> str:
    """The Vietnamese label of ``text``: "2021-Q2" -> "Quý II năm 2021"."""
    return resolve_period(text).label
