"""Time expressions (deadlines, periods) in Vietnamese administrative text, resolved to dates.

A *time expression* is a phrase that names a day or a period: "trước ngày 30/9/2021", "trong
tháng 4/2021", "đầu tháng 4", "Quý II năm 2021", "6 tháng đầu năm 2021", "giai đoạn 2021 - 2025",
"tới năm 2030"; or a *relative* duration ("trong 15 ngày kể từ ngày …") or a *recurring* one
("hằng năm", "định kỳ 6 tháng"). Each found expression becomes a ``TimeExpr``: its span, its
*kind* (the calendar unit), the *relation* its prefix gives ("by" a day, "within" a period,
"until", "from", "during") and the days it covers. ``start`` is the first day covered and ``end``
the last; used as a deadline, ``end`` is the due date. A relation narrows the cover: "trước tháng
6/2021" ends on 2021-05-31 (strictly before the month), "trước ngày 30/9/2021" on 2021-09-30 (the
administrative convention in CONTRACTS.md), "tới năm 2030" has no start, "từ năm 2021" no end.

Parts of a period: "đầu / giữa / cuối tháng" cover days 1-10 / 11-20 / 21-last; "đầu / giữa /
cuối quý" its first / middle / last month; "đầu / giữa / cuối năm" January-March / June-July /
October-December.

A year missing from an expression is taken from a later atom of the same expression ("từ ngày
01/01 đến ngày 31/12/2021", "tháng 4 và tháng 5/2021"), else from ``default_year``
(``explicit_year=False``); with neither, the dates are ``None``.

Why hand-written: see ``dondoc.core.timeexpr_grammar``, which holds the regex tables; this module
runs the one compiled pattern over the text and turns each match into dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dondoc.core import timeexpr_grammar as g
from dondoc.core.spans import Span

__all__ = [
    "TimeExpr",
    "due_of",
    "find_dates",
    "find_time_expressions",
    "parse_date",
    "roman_to_int",
]

_F = re.IGNORECASE
_MAIN = re.compile(g.MAIN, _F)
_ANCHOR_DIGIT = re.compile(g.ANCHOR_DIGIT)
_ANCHOR_WORD = re.compile(g.ANCHOR_WORD)
_LEAD = re.compile(g.LEAD)
_DATE_ANY = re.compile(rf"(?<![\w]){g.DATE_ANY}", _F)
_DATE_FULL = re.compile(rf"\s*{g.DATE_ANY}\s*", _F)
_NUM = re.compile(r"\d+")
_YEAR_NUM = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d|21\d\d)(?!\d)")
_SMALL_NUM = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_QTOKEN = re.compile(r"(?<![\w])(?:iv|i{1,3}|0?[1-4])(?![\w])", _F)
_PART = re.compile(r"(?<![\w])(đầu|giữa|cuối)(?![\w])", _F)
_RELY = re.compile(rf"n[ăã]m{g.WS}{g.REL_YEAR_WORDS.replace('{WS}', g.WS)}(?!\w)", _F)
_RANGE_SPLIT = re.compile(rf"{g.WS}(?:đến|tới){g.WS}(?:hết{g.WS})?|{g.DASH}", _F)
_ATOM_KIND = re.compile(
    rf"(?P<date>{g.DATE})|(?P<month>{g.MONTH})|(?P<quarter>{g.QUARTER})"
    rf"|(?P<months>{g.MONTHS_OF_YEAR})|(?P<ypart>{g.YEAR_PART})|(?P<year>(?:n[ăã]m{g.WS})?{g.YEAR})",
    _F,
)
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_WORD_NUM = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
             "mười": 10}

_BY_WORDS = ("trước", "chậm", "muộn", "hạn", "không", "hoàn thành", "xong")
_STRICT_BEFORE = re.compile(r"trước\W*$", _F)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression found in a text; ``text == source[span.start:span.end]``."""

    span: Span
    text: str
    kind: str  # date|month|month_part|quarter|half_year|months_of_year|year|range|relative|recurring
    start: date | None
    end: date | None
    relation: str  # by|within|until|from|during
    explicit_year: bool


@dataclass(frozen=True, slots=True)
class _Period:
    """A period inside one year (or a run of years): months and days, year possibly unknown."""

    kind: str
    year: int | None
    m1: int
    d1: int
    m2: int
    d2: int  # 0 = last day of month m2
    year2: int | None = None  # for year ranges: the last year

    def bounds(self, year: int | None) -> tuple[date, date] | None:
        y = self.year if self.year is not None else year
        if y is None:
            return None
        y2 = self.year2 if self.year2 is not None else y
        try:
            d2 = self.d2 or calendar.monthrange(y2, self.m2)[1]
            return date(y, self.m1, self.d1), date(y2, self.m2, d2)
        except ValueError:
            return None


def roman_to_int(s: str) -> int | None:
    """Value of a Roman numeral ("II" -> 2, "XVI" -> 16); ``None`` if ``s`` is not one."""
    s = s.strip().upper()
    if not s or not _ROMAN.fullmatch(s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


def _int(tok: str) -> int | None:
    tok = tok.strip().lower()
    if tok.isdigit():
        return int(tok)
    return _WORD_NUM.get(tok) or roman_to_int(tok)


def _date_parts(s: str) -> tuple[int, int, int | None] | None:
    """(day, month, year) of a date atom; year None when absent or relative ("năm sau")."""
    nums = [int(n) for n in _NUM.findall(s)]
    if len(nums) < 2 or not (1 <= nums[0] <= 31 and 1 <= nums[1] <= 12):
        return None
    return nums[0], nums[1], nums[2] if len(nums) > 2 else None


def parse_date(s: str) -> date | None:
    """A calendar date written in full ("02/4/2021", "ngày 15 tháng 3 năm 2020"); else ``None``."""
    if not isinstance(s, str) or not _DATE_FULL.fullmatch(s):
        return None
    parts = _date_parts(s)
    if parts is None or parts[2] is None:
        return None
    try:
        return date(parts[2], parts[1], parts[0])
    except ValueError:
        return None


def find_dates(text: str, *, start: int = 0, end: int | None = None) -> list[tuple[Span, date]]:
    """Plain calendar dates with a year in ``text[start:end]`` (spans include a leading "ngày")."""
    out = []
    for m in _DATE_ANY.finditer(text, start, len(text) if end is None else end):
        d = parse_date(m.group())
        if d is not None:
            out.append((Span(m.start(), m.end()), d))
    return out


def _atom(s: str) -> _Period | None:
    """The period of one atom (see the grammar), or None if its numbers are impossible."""
    m = _ATOM_KIND.fullmatch(s.strip())
    if m is None:
        return None
    kind = m.lastgroup or ""
    years = [int(y) for y in _YEAR_NUM.findall(s)]
    year = years[-1] if years else None
    part_m = _PART.search(s)
    part = part_m.group(1).lower() if part_m else None
    if kind == "date":
        p = _date_parts(s)
        if p is None:
            return None
        return _Period("date", p[2], p[1], p[0], p[1], p[0])
    if kind == "ypart" or kind == "year":
        m1, m2 = {"đầu": (1, 3), "giữa": (6, 7), "cuối": (10, 12), None: (1, 12)}[part if kind == "ypart" else None]
        return _Period("year", year, m1, 1, m2, 0)
    if kind == "months":
        first = s.strip().split()[0].lower()
        n = 6 if first == "nửa" else _int(first)
        if n is None or not 1 <= n <= 11:
            return None
        if (part == "cuối" and first != "nửa") or (first == "nửa" and "cuối" in s.lower()):
            m1, m2 = 13 - n, 12
        else:
            m1, m2 = 1, n
        return _Period("half_year" if n == 6 else "months_of_year", year, m1, 1, m2, 0)
    body = s[part_m.end():] if part_m else s
    if kind == "month":
        nums = [int(n) for n in _SMALL_NUM.findall(body)]
        mon = nums[0]
        if part is None:
            return _Period("month", year, mon, 1, mon, 0)
        d1, d2 = {"đầu": (1, 10), "giữa": (11, 20), "cuối": (21, 0)}[part]
        return _Period("month_part", year, mon, d1, mon, d2)
    # quarter (possibly a list: "Quý I, II năm 2021")
    qs = [q for q in (_int(t) for t in _QTOKEN.findall(_YEAR_NUM.sub(" ", body))) if q and 1 <= q <= 4]
    if not qs:
        return None
    m1, m2 = 3 * min(qs) - 2, 3 * max(qs)
    if part is not None and len(qs) == 1:
        m1 = m2 = m1 + {"đầu": 0, "giữa": 1, "cuối": 2}[part]
    return _Period("quarter", year, m1, 1, m2, 0)


def _list(s: str, kind: str) -> _Period | None:
    """Months or years listed with one shared year: "tháng 4, 5/2021", "năm 2021 và 2022"."""
    years = [int(y) for y in _YEAR_NUM.findall(s)]
    if kind == "year":
        if not years or years != sorted(years):
            return None
        return _Period("year", years[0], 1, 1, 12, 0, years[-1])
    months = [int(n) for n in _SMALL_NUM.findall(_YEAR_NUM.sub(" ", s))]
    if not months or any(not 1 <= mo <= 12 for mo in months):
        return None
    rng = bool(_RANGE_SPLIT.search(s))
    return _Period("range" if rng else "month", years[-1] if years else None, min(months), 1, max(months), 0)


def _resolve(body: str, kind: str, default_year: int | None) -> tuple[str, date | None, date | None, bool] | None:
    """(kind, start, end, explicit_year) of a body; None when it is not a real time expression."""
    if kind == "b_mlist":
        p = _list(body, "month")
        parts: list[_Period | None] = [p]
    elif kind == "b_ylist":
        parts = [_list(body, "year")]
    elif kind == "b_range":
        pieces = _RANGE_SPLIT.split(body, maxsplit=1) if not _YEAR_NUM.fullmatch(body) else [body]
        parts = [_atom(x) for x in pieces] if len(pieces) == 2 else [None]
    else:
        parts = [_atom(body)]
    if any(p is None for p in parts):
        return None
    ps = [p for p in parts if p is not None]
    known = next((p.year for p in reversed(ps) if p.year is not None), None)
    explicit = known is not None
    rel_year = _RELY.search(body) is not None
    if rel_year:
        return "relative", None, None, False
    year = known if known is not None else default_year
    bounds = [p.bounds(year) for p in ps]
    if any(b is None for b in bounds):
        if year is not None:  # impossible date (31/2) or bad numbers: not a date at all
            return None
        return ("range" if len(ps) > 1 else ps[0].kind), None, None, False
    bs = [b for b in bounds if b is not None]
    start, end = bs[0][0], bs[-1][1]
    if len(ps) == 2:
        if ps[0].year is None and start > end:  # "từ tháng 10 đến tháng 3/2022"
            b0 = ps[0].bounds(year - 1) if year else None
            start = b0[0] if b0 else start
        if start > end or (ps[0].kind == "year" and ps[1].kind == "year" and end.year - start.year > 100):
            return None
        return "range", start, end, explicit
    k = ps[0].kind
    if ps[0].year2 is not None and ps[0].year2 != ps[0].year:
        k = "year" if kind == "b_ylist" else "range"
    if kind == "b_range":
        k = "range"
    return k, start, end, explicit


def _relation(prefix: str) -> str:
    p = prefix.lower()
    if any(w in p for w in _BY_WORDS):
        return "by"
    if "đến" in p or "tới" in p or "hết" in p:
        return "until"
    if "từ" in p or p.startswith("sau"):
        return "from"
    if "trong" in p:
        return "within"
    return "during"


def _make(text: str, m: re.Match[str], default_year: int | None) -> TimeExpr | None:
    span = Span(m.start(), m.end())
    s = m.group()
    has_year = _YEAR_NUM.search(s) is not None
    if m.group("rel") is not None:
        rel = _relation(s.split(maxsplit=1)[0]) if not s[0].isdigit() else "within"
        return TimeExpr(span, s, "relative", None, None, rel, has_year)
    if m.group("recur") is not None:
        return TimeExpr(span, s, "recurring", None, None, "during", False)
    pfx = m.group("pfx") or ""
    relation = _relation(pfx)
    if m.group("rsuf") is not None:
        return TimeExpr(span, s, "recurring", None, None, relation, False)
    body_kind = next(k for k in ("b_range", "b_mlist", "b_ylist", "b_atom") if m.group(k) is not None)
    r = _resolve(m.group(body_kind), body_kind, default_year)
    if r is None:
        return None
    kind, start, end, explicit = r
    if kind == "range" and relation != "by":
        relation = "during" if relation in ("from", "until") else relation
    elif start is not None and end is not None and kind != "relative":
        if relation == "by":
            if kind != "date" and _STRICT_BEFORE.search(pfx):
                end = start - timedelta(days=1)
            start = None
        elif relation == "until":
            start = None
        elif relation == "from":
            end = None
    return TimeExpr(span, s, kind, start, end, relation, explicit)


def find_time_expressions(
    text: str, *, default_year: int | None = None, start: int = 0, end: int | None = None
) -> list[TimeExpr]:
    """All non-overlapping time expressions in ``text[start:end]``, sorted by offset.

    Args:
        text: the analysed text; returned spans are absolute offsets (code points) into it.
        default_year: the year of expressions that name none ("trước ngày 30/9"); usually the
            year of the document. ``None`` leaves their dates ``None``.
        start, end: the window to scan (a clause of a large document); characters just outside
            it are still seen by boundary checks, never matched.

    Returns:
        ``TimeExpr`` list; never raises on any ``str``.
    """
    stop = len(text) if end is None else max(0, min(end, len(text)))
    out: list[TimeExpr] = []
    for m in _scan(text, max(0, start), stop):
        te = _make(text, m, default_year)
        if te is None:
            continue
        prev = out[-1] if out else None
        if prev is not None and _repeats(text, prev, te):
            # "định kỳ hằng năm trước ngày 15 tháng 12": every year, not once this year
            span = Span(prev.span.start, te.span.end)
            te = TimeExpr(span, text[span.start : span.end], "recurring", None, None, te.relation, False)
            out.pop()
        out.append(te)
    return out


def _repeats(text: str, recurring: TimeExpr, te: TimeExpr) -> bool:
    """Whether ``te`` is the day or month of the yearly ``recurring`` expression right before it."""
    return (
        recurring.kind == "recurring"
        and te.kind in ("date", "month", "month_part")
        and not te.explicit_year
        and not text[recurring.span.end : te.span.start].strip(" \t\n,")
    )


def _anchors(text: str, start: int, stop: int) -> list[int]:
    found = [m.start() for m in _ANCHOR_DIGIT.finditer(text, start, stop)]
    found += [m.start() for m in _ANCHOR_WORD.finditer(text, start, stop)]
    found.sort()
    return found


def _scan(text: str, start: int, stop: int) -> list[re.Match[str]]:
    """Leftmost non-overlapping MAIN matches, tried only near anchors (same result as finditer).

    ``_MAIN.finditer`` alone runs a large case-insensitive alternation at every word start (about
    0.25 MB/s); anchors are rare, so trying MAIN only at the word starts shortly before each anchor
    is an order of magnitude faster. ``tests/core/test_timeexpr.py`` checks both agree.
    """
    out: list[re.Match[str]] = []
    pos = start  # end of the last match: nothing before it is tried again
    for a in _anchors(text, start, stop):
        if a < pos:
            continue
        # MAIN at a given position does not depend on the anchor, so a lead that failed for an
        # earlier anchor fails again: start after the last one tried.
        found = None
        for lead in _LEAD.finditer(text, max(pos, a - g.LOOKBACK), min(stop, a + 16)):
            if lead.start() > a:
                break
            found = _MAIN.match(text, lead.start(), stop)
            if found is not None:
                break
        if found is not None:
            out.append(found)
            pos = found.end()
        else:
            pos = a + 1
    return out


def due_of(expr: TimeExpr) -> dict[str, Any]:
    """The ``due`` object of CONTRACTS.md for a stated deadline.

    ``earliest`` is the first day of the covered period, ``None`` for a single day or an
    open-ended expression ("trước ngày …", "tới năm 2030").
    """
    earliest = expr.start if expr.start is not None and expr.start != expr.end else None
    return {
        "date": expr.end.isoformat() if expr.end else None,
        "earliest": earliest.isoformat() if earliest else None,
        "expression": expr.text,
        "explicit": True,
    }
