"""Relative deadlines counted from the document itself: "trong thời hạn 03 tháng kể từ ngày Nghị
quyết này có hiệu lực thi hành" is a calendar date once the document says when it takes effect.

Terms:
- an *anchor* is the event a relative expression counts from ("ngày Nghị quyết này có hiệu lực",
  "ngày ký ban hành Quyết định này"). Only the document's own signing and entry into force are
  resolved; any other event ("kể từ ngày nhận được hồ sơ") leaves the deadline without a date,
  as CONTRACTS.md says;
- the *effective date* is read from the document's entry-into-force sentence ("Nghị định này có
  hiệu lực thi hành kể từ ngày ký ban hành" / "… từ ngày 01 tháng 7 năm 2026").

The deadline is the anchor plus the duration (days, weeks, calendar months or years); working days
need a holiday calendar and stay unresolved. Hand-written: the phrasing is specific to Vietnamese
legal documents.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from dondoc.core.timeexpr import TimeExpr, parse_date
from dondoc.core.vietnamese import compile_vi

__all__ = ["effective_date", "resolve_anchored"]

_THIS_DOC = (
    r"(?:nghị\s+quyết|quyết\s+định|nghị\s+định|chỉ\s+thị|thông\s+tư|kế\s+hoạch|kết\s+luận|luật|văn\s+bản)\s+này"
)
_DATE = r"\d{1,2}\s*(?:/|-|tháng)\s*\d{1,2}\s*(?:/|-|năm)\s*\d{4}"
_EFFECTIVE_RE = compile_vi(
    rf"(?i:{_THIS_DOC}\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+"
    rf"(?:(?P<signed>ngày\s+(?:ký|ban\s+hành))|ngày\s+(?P<date>{_DATE})))"
)
# What follows "kể từ ngày" / "kể từ khi" at the end of a relative expression.
_ANCHOR_RE = compile_vi(
    rf"(?i:\s*(?:ngày\s+|khi\s+)?(?:(?P<effective>{_THIS_DOC}\s+(?:có|bắt\s+đầu\s+có)\s+hiệu\s+lực)"
    rf"|(?P<signed>(?:ký|ban\s+hành|ký\s+ban\s+hành)\s+{_THIS_DOC}|{_THIS_DOC}\s+được\s+(?:ký|ban\s+hành))))"
)
_DURATION_RE = compile_vi(r"(?i:(?P<n>\d{1,3})\s+(?P<unit>ngày|tuần|tháng|năm)(?!\s+làm\s+việc)(?!\w))")
_COUNTS_FROM_RE = compile_vi(r"(?i:(?:kể|tính)\s+từ(?:\s+(?:ngày|khi))?\s*$)")


def effective_date(text: str, issued: date | None, start: int = 0) -> date | None:
    """When the document takes effect, if it says so ("có hiệu lực thi hành kể từ ngày ký ban hành")."""
    m = None
    pos = text.find("hiệu lực", start)
    while pos != -1 and m is None:
        # The regex only where the words are: a search over the whole text is slow.
        m = _EFFECTIVE_RE.search(text, max(start, pos - 40), pos + 120)
        pos = text.find("hiệu lực", pos + 1)
    if m is None:
        return None
    if m.group("signed"):
        return issued
    return parse_date("ngày " + m.group("date")) or parse_date(m.group("date"))


def resolve_anchored(e: TimeExpr, text: str, *, issued: date | None, effective: date | None) -> TimeExpr:
    """``e`` with its date when it counts from the document's own signing or entry into force."""
    if e.kind != "relative" or e.end is not None or not _COUNTS_FROM_RE.search(e.text):
        return e
    anchor = _ANCHOR_RE.match(text, e.span.end, min(len(text), e.span.end + 120))
    dur = _DURATION_RE.search(e.text)
    if anchor is None or dur is None:
        return e
    base = effective if anchor.group("effective") else issued
    if base is None:
        return e
    due = _add(base, int(dur.group("n")), dur.group("unit").lower())
    return replace(e, end=due, relation="by") if due is not None else e


def _add(base: date, n: int, unit: str) -> date | None:
    if unit == "ngày":
        return base + timedelta(days=n)
    if unit == "tuần":
        return base + timedelta(weeks=n)
    months = n if unit == "tháng" else 12 * n
    y, m = divmod(base.month - 1 + months, 12)
    year, month = base.year + y, m + 1
    if year > 9999:
        return None
    return date(year, month, min(base.day, calendar.monthrange(year, month)[1]))

