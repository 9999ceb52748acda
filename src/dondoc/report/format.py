"""How report figures are written in Vietnamese: dates, percentages, indicator values.

Shared by the DOCX renderer, the XLSX renderer (for text columns) and the reminder e-mails so that
"5,72 tỷ USD", "25,15%" and "30/06/2021" look the same everywhere.
"""

from __future__ import annotations

from datetime import date

from dondoc.core.numbers import format_vi_number
from dondoc.report.data import IndicatorRow

__all__ = ["comparison_text", "format_date", "format_pct", "indicator_period_text", "value_text"]

_QUALIFIERS = {"estimate": "ước", "at_least": "trên", "almost": "gần"}
_BASES = {
    "national_average": "bình quân chung cả nước",
    "national": "cả nước",
    "country": "cả nước",
    "same_period": "cùng kỳ",
    "previous_year": "cùng kỳ",
}


def format_date(d: date | None) -> str:
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year}"


def format_pct(share: float | None, *, signed: bool = False, digits: int = 2) -> str:
    """0.2515 -> "25,15%" (``digits`` decimals at most); ``None`` -> "—"."""
    if share is None:
        return "—"
    pct = round(share * 100, digits)
    text = format_vi_number(pct, None if pct != int(pct) else 0)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{'+' if signed and pct > 0 else ''}{text}%"


def value_text(ind: IndicatorRow) -> str:
    """ "ước 5,72 tỷ USD"."""
    if ind.value is None:
        return ""
    parts = [_QUALIFIERS.get(ind.qualifier or "", ""), format_vi_number(ind.value), ind.unit or ""]
    return " ".join(p for p in parts if p)


def comparison_text(ind: IndicatorRow) -> str:
    """ "gấp 2,95 lần bình quân chung cả nước (4,48%)"; empty without a ratio or base value."""
    if ind.ratio is None and ind.base_value is None:
        return ""
    base = _BASES.get(ind.ratio_base or "", ind.ratio_base or "cả nước")
    text = f"gấp {format_vi_number(ind.ratio)} lần {base}" if ind.ratio is not None else base
    if ind.base_value is not None:
        text += f" ({format_vi_number(ind.base_value)}%)"
    return text


def indicator_period_text(ind: IndicatorRow) -> str:
    s, e = ind.period_start, ind.period_end
    if s is None or e is None:
        return ""
    if s.year == e.year and s.day == 1 and s.month in (1, 4, 7, 10) and e.month == s.month + 2:
        return f"Quý {('I', 'II', 'III', 'IV')[(s.month - 1) // 3]}/{s.year}"
    if s.year == e.year and (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
        return f"Năm {s.year}"
    if s.year == e.year and s.day == 1 and s.month == e.month:
        return f"Tháng {s.month}/{s.year}"
    return f"{format_date(s)} - {format_date(e)}"
