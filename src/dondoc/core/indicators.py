"""Reported indicators: named quantities with a result in narrative text.

An *indicator* (chỉ tiêu, chỉ số) is a named quantity followed by a *result verb* and a figure:
"Kim ngạch xuất khẩu ước đạt 5,72 tỷ USD, tăng 25,15%". Its parts are

- the *name*, in the document's own words ("Tổng sản phẩm trên địa bàn (GRDP)");
- a *level* (value + unit as written: 22.9 "nghìn tỷ đồng") and its *qualifier*: "ước"/"dự kiến"
  (estimate), "trên"/"hơn"/"vượt" (at least), "gần"/"xấp xỉ" (almost);
- a *change* ("tăng 25,15%" -> 25.15, "giảm 3,1%" -> -3.1), usually against the same period;
- a *ratio* ("gấp 2,95 lần") with its *base* ("bình quân chung cả nước" -> national_average,
  "cùng kỳ" -> same_period, "kế hoạch"/"dự toán" -> plan) and the base figure when printed
  ("(4,48%)" -> 4.48). "đạt 38,1% dự toán" is a ratio 0.381 to the plan;
- a *parent*: "…; trong đó, thu nội địa đạt …" makes "thu nội địa" a part of the total before it.

A *clause* is text between ";", a sentence end, ":" or a bulleted line; within it, *segments*
are separated by commas that are not decimal commas. The first segment names the indicator,
the following ones add change, ratio and base ("…, tăng 25,15%, gấp 2 lần cùng kỳ").

Precision matters more than recall: the extractor also runs this on whole gazette documents full
of rules on amounts and rates ("mức phạt từ 5.000.000 đồng", "được giảm 50% số thuế"). A clause
with a normative or conditional marker (thì, nếu, phạt, tối đa, trở lên, được giảm, phấn đấu …)
is never read as a report. Written by hand because no library parses Vietnamese report prose;
the grammar is small, data-driven (the word lists below) and linear in the text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dondoc.core.numbers import parse_vi_number, split_unit
from dondoc.core.spans import Span, trim_span

__all__ = ["Indicator", "find_indicators"]


@dataclass(frozen=True, slots=True)
class Indicator:
    """One reported indicator; ``span`` indexes the analysed text (absolute offsets)."""

    name: str
    value: float | None
    unit: str | None
    qualifier: str | None
    change_pct: float | None
    ratio: float | None
    ratio_base: str | None
    base_value: float | None
    parent: int | None
    span: Span
    # True on a total whose parts the text enumerates ("gồm"/"bao gồm"): they should add up.
    exhaustive_parts: bool = False

    def to_json(self, period: tuple[date, date] | None) -> dict[str, Any]:
        """The indicator object of CONTRACTS.md, plus ``parent``."""
        return {
            "name": self.name,
            "period": {"start": period[0].isoformat(), "end": period[1].isoformat()} if period else None,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "change_pct": self.change_pct,
            "ratio": self.ratio,
            "ratio_base": self.ratio_base,
            "base_value": self.base_value,
            "start": self.span.start,
            "end": self.span.end,
            "parent": self.parent,
        }


# --- word lists -------------------------------------------------------------------------------

_MARK = "\u0300-\u036f"  # combining marks: NFD text keeps them outside \w
_WB_L = rf"(?<![\w{_MARK}])"
_WB_R = rf"(?![\w{_MARK}])"


def _alt(words: list[str]) -> str:
    """Regex alternation of ``words`` in NFC and NFD, longest first, spaces matching any run."""
    forms = {unicodedata.normalize("NFC", w) for w in words} | {unicodedata.normalize("NFD", w) for w in words}
    parts = sorted(forms, key=lambda w: (-len(w), w))  # a fixed order: the same pattern in every process
    return "|".join(r"\s+".join(re.escape(p) for p in w.split(" ")) for w in parts)


def _cased(words: list[str]) -> list[str]:
    """``words`` as written, capitalised and in capitals."""
    return sorted({v for w in words for v in (w, w[0].upper() + w[1:], w.upper())})


def _first_chars(words: list[str]) -> str:
    """Lookahead for the first characters of ``words`` (NFC and NFD)."""
    chars = {c for w in words for c in (unicodedata.normalize("NFC", w)[0], unicodedata.normalize("NFD", w)[0])}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


# Result verbs. "ước" alone is a verb ("ước 5,7 tỷ USD"); before another verb it is a qualifier.
_LEVEL_VERBS = ["đạt", "ước đạt", "ước tính đạt", "ước", "ước tính", "thu hút", "chiếm", "bằng",
                "xuất siêu", "nhập siêu", "giải ngân", "đón", "thu"]
_CHANGE_VERBS = ["tăng trưởng", "tăng", "giảm"]
_RATIO_VERBS = ["gấp", "tăng gấp", "cao gấp"]
# Verbs whose object names the quantity: "thu hút 920,7 triệu USD vốn FDI".
_OBJECT_VERBS = {"thu hút", "xuất siêu", "nhập siêu", "giải ngân", "đón", "thu"}

_GAP_WORDS = ["trên", "hơn", "vượt", "gần", "xấp xỉ", "khoảng", "ở mức", "mức", "thêm", "lên", "tới",
              "gấp", "được", "tương đương", "bình quân"]
# "cắt giảm", "gia tăng", "suy giảm": a compound, not the result verb (a task, a tax, a disability).
_COMPOUND_RE = re.compile(_WB_L + r"(?i:" + _alt(["cắt", "gia", "suy", "tinh", "cộng"]) + r")\s+$")
_QUAL_OF_GAP = {"trên": "at_least", "hơn": "at_least", "vượt": "at_least", "gần": "almost",
                "xấp xỉ": "almost", "khoảng": "estimate"}

_NUM = r"(?<![\d/.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/]|[.,]\d)"

_VERBS = _cased(_RATIO_VERBS + _CHANGE_VERBS + _LEVEL_VERBS)
# Explicit case variants and a first-character lookahead instead of (?i): the regex engine can
# then skip most positions with a character-set scan (about 5x faster on gazette text).
_ANCHOR_RE = re.compile(
    _first_chars(_VERBS) + _WB_L
    + r"(?P<verb>" + _alt(_VERBS) + r")"
    + r"(?P<gap>(?:\s+(?:" + _alt(_GAP_WORDS) + r"))*)"
    + r"\s+(?P<num>" + _NUM + r")"
)

_SCALE_WORDS = ["nghìn tỷ", "ngàn tỷ", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"]
_BASE_UNITS = [
    "USD", "đô la Mỹ", "đồng", "VNĐ", "VND", "tấn", "lượt khách", "lượt người", "lượt", "khách",
    "người", "lao động", "doanh nghiệp", "dự án", "hộ", "ha", "héc-ta", "hecta", "km", "m2", "m²",
    "m3", "m³", "TEU", "kWh", "MW", "căn hộ", "căn", "xe", "con", "cây", "học sinh", "hồ sơ",
    "thủ tục", "điểm", "bậc", "chiếc", "sản phẩm", "thuê bao", "cơ sở", "công trình", "xã", "lít",
    "tấn hàng", "triệu đồng", "hợp tác xã", "việc làm", "giường bệnh", "bác sĩ", "trường",
]
_UNIT_RE = re.compile(
    r"(?P<pct>\s*%|\s+(?i:phần\s+trăm))"
    r"|(?P<pts>\s+(?i:điểm\s+phần\s+trăm|điểm\s+%))"
    r"|(?P<times>\s+(?i:" + _alt(["lần"]) + r"))"
    r"|(?:\s+(?P<scale>" + _alt(_SCALE_WORDS) + r")" + _WB_R + r")?"
    r"(?:\s+(?P<base>" + _alt(_BASE_UNITS) + r")" + _WB_R + r")?"
)

# A normative or conditional clause is a rule, not a report.
_NEGATIVE = [
    "thì", "nếu", "trường hợp", "được giảm", "được tăng", "được hưởng", "hưởng", "phạt", "không quá",
    "vượt quá", "tối đa", "tối thiểu", "trở lên", "trở xuống", "cứ", "mỗi", "phải", "bảo đảm",
    "đảm bảo", "quy định", "công thức", "hệ số", "thuế suất", "mức thuế", "miễn thuế", "phấn đấu",
    "mục tiêu", "đến năm", "đến dưới", "điều kiện", "sẽ", "cần", "nhằm", "đề nghị", "lãi suất",
    "không thấp hơn", "không dưới", "ít nhất", "áp dụng", "tương ứng", "khi", "giả sử", "ví dụ",
    "tính bằng", "căn cứ", "Điều", "khoản", "chỉ tiêu", "kế hoạch năm 20", "hoặc", "lớn hơn",
    "nhỏ hơn", "sau khi", "kể từ",
]
# A name does not start with a preposition or verb, nor define something ("X là …").
_BAD_START_RE = re.compile(
    r"(?i:" + _alt(["tại", "trong", "theo", "với", "về", "của", "cho", "do", "từ", "đến", "sau", "trước",
                    "khi", "để", "có", "được", "là", "nếu", "bị"]) + r")" + _WB_R
)
_DEFINES_RE = re.compile(_WB_L + r"(?:" + _alt(["là"]) + r")" + _WB_R)
_NEGATIVE_RE = re.compile(
    _WB_L + r"(?:(?i:" + _alt(_NEGATIVE) + r"))" + _WB_R
    + r"|[≥≤]|>=|<=|" + _WB_L + r"(?i:từ)\s+" + _NUM
)

# Clause boundaries: ";", a sentence-ending dot, ":", "!", "?", a blank line, a bulleted line.
_BOUNDARY_RE = re.compile(
    r"(?=[;.!?:\n])(?:(?P<semi>;)|(?P<dot>\.(?=\s|$)|[!?])|(?P<colon>:)"
    r"|(?P<line>\n[ \t]*\n|\n(?=[ \t]*(?:[-+•*–]|\d{1,2}[.)]\s|[a-zđ]\)|[IVX]{1,5}\.\s))))"
)
_SEG_RE = re.compile(r",(?!\d)|(?<!\d),")

_WS_RE = re.compile(r"\s+")
_LETTER_RE = re.compile(r"[^\W\d_]")
_LEAD_RE = re.compile(
    r"^(?:\s|[-+•*–]|\(?(?:\d{1,2}|[a-zđ]|[IVX]{1,5})[.)](?=\s)|"
    + _WB_L + r"(?i:" + _alt(["trong đó", "riêng", "và", "còn", "đồng thời", "cụ thể", "với"]) + r")"
    + _WB_R + r")+"
)
_TRAIL_QUAL_RE = re.compile(
    r"(?:\s|^)(?P<q>(?i:" + _alt(["ước tính", "ước thực hiện", "ước", "dự kiến", "dự ước"]) + r"))\s*$"
)
_CONNECTOR_RE = re.compile(
    r"^\s*(?i:" + _alt(["so với", "so cùng kỳ", "cùng kỳ", "kế hoạch", "dự toán", "và", "năm", "bình quân"])
    + r")" + _WB_R
)
_PART_START_RE = re.compile(r"\s*(?i:" + _alt(["trong đó"]) + r")" + _WB_R)
_GROUP_BEFORE_COLON_RE = re.compile(
    r"(?P<w>(?i:" + _alt(["trong đó", "bao gồm", "gồm", "cụ thể"]) + r"))\s*$"
)
_EXHAUSTIVE_RE = re.compile(r"(?i:" + _alt(["bao gồm", "gồm"]) + r")")
_PAREN_NUM_RE = re.compile(
    r"\(\s*(?:(?i:khoảng|ước|đạt|tăng)\s+)?(?P<num>" + _NUM + r")\s*(?P<pct>%)?[^()]{0,20}\)"
)
_PLAN_RE = re.compile(r"\s*(?i:" + _alt(["kế hoạch", "dự toán", "chỉ tiêu"]) + r")" + _WB_R)

_MAX_NAME_WORDS = 16


def _nfc_lower(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower()


def _base_kind(words: str) -> str | None:
    """ratio_base from the words after "lần": known bases by name, others as written."""
    w = _WS_RE.sub(" ", _nfc_lower(words)).strip(" ,.;:()")
    if not w:
        return None
    if "cả nước" in w or "toàn quốc" in w:
        return "national_average"
    if "cùng kỳ" in w:
        return "same_period"
    if "kế hoạch" in w or "dự toán" in w:
        return "plan"
    w = re.sub(r"^so với\s+", "", w)
    return w[:80] or None


@dataclass(slots=True)
class _Draft:
    name: str
    name_span: Span
    start: int
    end: int
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    change_pct: float | None = None
    ratio: float | None = None
    ratio_base: str | None = None
    base_value: float | None = None
    parent: int | None = None
    exhaustive: bool = False


@dataclass(slots=True)
class _Anchor:
    verb: str
    qualifier: str | None
    start: int  # verb start
    end: int  # end of number + unit/tail
    number: float
    kind: str  # "pct", "pts", "times", "level", "bare"
    unit: str | None
    ratio_gap: bool


def _read_anchor(text: str, m: re.Match[str], limit: int) -> _Anchor | None:
    number = parse_vi_number(m.group("num"))
    if number is None or _COMPOUND_RE.search(text, max(0, m.start() - 8), m.start()):
        return None
    verb = _WS_RE.sub(" ", _nfc_lower(m.group("verb")))
    gap = _WS_RE.sub(" ", _nfc_lower(m.group("gap"))).strip()
    qualifier = "estimate" if verb.startswith("ước") else None
    for g in gap.split(" ") if gap else []:
        if g in _QUAL_OF_GAP:
            qualifier = _QUAL_OF_GAP[g]
    if "xấp xỉ" in gap:
        qualifier = "almost"
    um = _UNIT_RE.match(text, m.end(), limit)
    end = m.end()
    unit: str | None = None
    kind = "bare"
    if um is not None and um.end() > m.end():
        end = um.end()
        if um.group("pct"):
            kind, unit = ("plan" if _PLAN_RE.match(text, um.end(), limit) else "pct"), "%"
        elif um.group("pts"):
            kind = "pts"
        elif um.group("times"):
            kind = "times"
        else:
            kind = "level"
            unit = _WS_RE.sub(" ", text[m.end() : um.end()].strip())
    return _Anchor(verb, qualifier, m.start(), end, number, kind, unit, "gấp" in gap or "gấp" in verb)


def _clean_name(text: str, a: int, b: int) -> tuple[str, Span, str | None] | None:
    """Name in text[a:b] without bullets, connectors and a trailing qualifier; None if no name."""
    seg = text[a:b]
    lead = _LEAD_RE.match(seg)
    if lead:
        a += lead.end()
        seg = text[a:b]
    qualifier = None
    tq = _TRAIL_QUAL_RE.search(seg)
    if tq:
        qualifier = "estimate"
        b = a + tq.start("q")
    span = trim_span(text, a, b, " \t\r\n\f\v\u00a0,;:-–")
    if len(span) == 0 or not _LETTER_RE.search(text, span.start, span.end):
        return None
    name = _WS_RE.sub(" ", span.slice(text))
    if _CONNECTOR_RE.match(name) or _BAD_START_RE.match(name) or _DEFINES_RE.search(name):
        return None
    return name, span, qualifier


def find_indicators(text: str, *, start: int = 0, end: int | None = None) -> list[Indicator]:
    """Find reported indicators in ``text[start:end]``.

    Args:
        text: the analysed text; never normalised, so offsets stay valid.
        start: first offset to look at.
        end: offset after the last one to look at (default: end of text).

    Returns:
        Indicators in text order, spans as absolute offsets into ``text``; ``parent`` indexes this
        list. Never raises on a string; anything else gives an empty list.
    """
    if not isinstance(text, str):
        return []
    n = len(text)
    lo = max(0, min(int(start), n))
    hi = n if end is None else max(lo, min(int(end), n))
    anchors = list(_ANCHOR_RE.finditer(text, lo, hi))
    if not anchors:
        return []
    # Clause boundaries (start, end, kind) in order, only in windows around the anchors: a clause
    # longer than the window is cut at its edge and then fails the name-length test anyway.
    b_starts: list[int] = []
    b_ends: list[int] = []
    b_kinds: list[str] = []
    for wa, wb in _windows([m.start() for m in anchors], lo, hi):
        if wa > lo:  # a gap between windows ends any part group, like a sentence end
            b_starts.append(wa)
            b_ends.append(wa)
            b_kinds.append("dot")
        for bm in _BOUNDARY_RE.finditer(text, wa, wb):
            b_starts.append(bm.start())
            b_ends.append(bm.end())
            b_kinds.append(bm.lastgroup or "")
    clauses: list[tuple[int, int, str]] = []  # (start, end, kind of the boundary before)
    seen: set[int] = set()
    for am in anchors:
        i = bisect_right(b_ends, am.start())  # boundaries entirely before the anchor
        cs = b_ends[i - 1] if i else lo
        j = bisect_left(b_starts, am.end())
        ce = b_starts[j] if j < len(b_starts) else hi
        if cs in seen or ce <= cs:
            continue
        seen.add(cs)
        clauses.append((cs, ce, b_kinds[i - 1] if i else "start"))

    drafts: list[_Draft] = []
    group_parent: int | None = None  # index of the total whose parts are being listed
    group_base = ""
    last_total: int | None = None
    prev_end = -1
    for cs, ce, kind_before in clauses:
        # A part group lasts until a sentence ends.
        if kind_before in ("dot", "start") or (
            prev_end >= 0 and _gap_has_sentence_end(b_starts, b_kinds, prev_end, cs)
        ):
            group_parent = None
        prev_end = ce
        if _NEGATIVE_RE.search(text, cs, ce):
            group_parent = None
            continue
        opener = None
        if kind_before in ("colon", "line"):
            opener = _GROUP_BEFORE_COLON_RE.search(text, max(lo, cs - 40), _colon_pos(text, cs))
        if opener and last_total is not None:
            group_parent, group_base = last_total, split_unit(drafts[last_total].unit)[1]
            if _EXHAUSTIVE_RE.fullmatch(opener.group("w")):
                drafts[last_total].exhaustive = True
        current: _Draft | None = None
        for sa, sb in _segments(text, cs, ce):
            if _PART_START_RE.match(text, sa, sb) and last_total is not None:
                group_parent, group_base = last_total, split_unit(drafts[last_total].unit)[1]
            pos = sa
            touched = False
            for am in _ANCHOR_RE.finditer(text, sa, sb):
                if am.start() < pos:
                    continue
                an = _read_anchor(text, am, sb)
                if an is None:
                    continue
                named = _clean_name(text, pos, an.start)
                if named is None and current is None and an.verb in _OBJECT_VERBS and an.kind == "level":
                    obj = _clean_name(text, an.end, sb)
                    if obj is not None:
                        named = (obj[0], Span(an.start, obj[1].end), None)
                        an.end = obj[1].end
                pos = an.end
                if named is None:
                    if current is not None and _attach(current, an):
                        current.end = max(current.end, an.end)
                        _read_base(text, current, an, sb)
                        touched = True
                    continue
                name, nspan, trailing_qual = named
                d = _new_draft(an, name, nspan, trailing_qual)
                if d is None or len(name.split()) > _MAX_NAME_WORDS:
                    current = None
                    continue
                if group_parent is not None:
                    base = split_unit(d.unit)[1]
                    if group_base and base and base != group_base:
                        group_parent = None
                    else:
                        d.parent = group_parent
                if group_parent is None:
                    last_total = len(drafts)
                _read_base(text, d, an, sb)
                drafts.append(d)
                current = d
                touched = True
            if touched and current is not None:
                tail = trim_span(text, current.end, sb, " \t\r\n\f\v\u00a0,")
                if not _ANCHOR_RE.search(text, tail.start, tail.end):
                    current.end = max(current.end, tail.end)
    out: list[Indicator] = []
    for d in drafts:
        if not _finite(d.value, d.change_pct, d.ratio, d.base_value):
            continue
        out.append(
            Indicator(
                name=d.name, value=d.value, unit=d.unit, qualifier=d.qualifier, change_pct=d.change_pct,
                ratio=d.ratio, ratio_base=d.ratio_base, base_value=d.base_value, parent=d.parent,
                span=trim_span(text, d.start, d.end), exhaustive_parts=d.exhaustive,
            )
        )
    if len(out) != len(drafts):  # parents index drafts; drop them if a draft was dropped
        return [replace(i, parent=None) for i in out]
    return out


_WINDOW = 1000


def _windows(points: list[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """Merged ``[p - _WINDOW, p + _WINDOW)`` windows around sorted ``points``, clipped to [lo, hi)."""
    out: list[tuple[int, int]] = []
    for p in points:
        a, b = max(lo, p - _WINDOW), min(hi, p + _WINDOW)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _colon_pos(text: str, cs: int) -> int:
    """Offset of the ':' (or newline) that ends the text before a clause."""
    k = cs - 1
    while k > 0 and text[k] in " \t\r\n":
        k -= 1
    return k if k >= 0 and text[k] == ":" else max(k + 1, 0)


def _gap_has_sentence_end(b_starts: list[int], b_kinds: list[str], a: int, b: int) -> bool:
    i = bisect_left(b_starts, a)
    while i < len(b_starts) and b_starts[i] < b:
        if b_kinds[i] == "dot":
            return True
        i += 1
    return False


def _segments(text: str, cs: int, ce: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    a = cs
    for m in _SEG_RE.finditer(text, cs, ce):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, ce))
    return out


def _new_draft(an: _Anchor, name: str, nspan: Span, trailing_qual: str | None) -> _Draft | None:
    d = _Draft(name=name, name_span=nspan, start=nspan.start, end=an.end)
    d.qualifier = an.qualifier or trailing_qual
    if an.kind == "pts":
        return None
    if an.ratio_gap:
        if an.kind != "times":
            return None
        d.ratio = an.number
    elif an.verb in ("tăng", "giảm", "tăng trưởng"):
        if an.kind != "pct":
            return None
        d.change_pct = -an.number if an.verb == "giảm" else an.number
    elif an.verb == "bằng":  # "X bằng 50% Y" defines X; in reports "bằng" only follows a level
        return None
    elif an.kind == "plan":
        d.ratio, d.ratio_base = an.number / 100.0, "plan"
    elif an.kind == "pct":
        d.value, d.unit = an.number, "%"
    elif an.kind == "level" and an.unit:
        d.value, d.unit = an.number, an.unit
    else:
        return None
    return d


def _attach(d: _Draft, an: _Anchor) -> bool:
    """Add a follow-up figure ("tăng 25,15%", "gấp 2 lần …") to the current indicator."""
    if an.ratio_gap:
        if an.kind == "times" and d.ratio is None:
            d.ratio = an.number
            return True
        return False
    if an.verb in ("tăng", "giảm", "tăng trưởng"):
        if an.kind == "pct" and d.change_pct is None:
            d.change_pct = -an.number if an.verb == "giảm" else an.number
            return True
        return False
    if an.kind == "plan" and d.ratio is None:
        d.ratio, d.ratio_base = an.number / 100.0, "plan"
        return True
    if an.kind == "pct" and d.value is None and d.change_pct is None and an.verb != "chiếm":
        d.value, d.unit = an.number, "%"
        return True
    if an.kind == "level" and an.unit and d.value is None:
        d.value, d.unit = an.number, an.unit
        d.qualifier = d.qualifier or an.qualifier
        return True
    return False


def _read_base(text: str, d: _Draft, an: _Anchor, limit: int) -> None:
    """After "gấp … lần": the base words and a printed base figure "(4,48%)"."""
    if not (an.ratio_gap and an.kind == "times") or d.ratio_base is not None:
        return
    words_end = limit
    pm = _PAREN_NUM_RE.search(text, an.end, limit)
    if pm:
        words_end = pm.start()
        d.base_value = parse_vi_number(pm.group("num"))
        d.end = max(d.end, pm.end())
    d.ratio_base = _base_kind(text[an.end : words_end])


def _finite(*xs: float | None) -> bool:
    return all(x is None or math.isfinite(x) for x in xs)
