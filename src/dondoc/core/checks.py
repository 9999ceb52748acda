"""Consistency checks on reported figures.

A *check* compares figures that a report states together and says whether they agree. Reports
are typed by hand and copied between drafts, so a wrong digit ("gấp 3,95 lần" for 2,95) is a
real risk that a reviewer should see before the document is tracked. Rules:

- ``ratio_consistency``: "tăng 13,22%, gấp 2,95 lần bình quân chung cả nước (4,48%)" —
  13,22 ÷ 4,48 must round to 2,95; "tăng 25%, gấp 1,25 lần cùng kỳ" — 1 + 25 % must give 1,25.
- ``part_not_above_total``: a part ("trong đó, thu nội địa …") is not larger than its total,
  comparing in the same base unit after the scale words (nghìn tỷ đồng vs tỷ đồng).
- ``parts_sum``: the parts of a total never add up to more than it; when the text enumerates all
  parts ("gồm …"), they add up to it.
- ``percent_range``: a share (tỷ lệ, tỷ trọng, chiếm …) is at most 100 %; nothing falls by 100 % or more.

*Tolerance from rounding*: a figure printed with d decimals stands for any number within half a
unit of its last digit. A rule passes when some choice of true values within those intervals
makes it hold exactly, so a check never fails only because the document rounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dondoc.core.indicators import Indicator
from dondoc.core.numbers import format_vi_number, split_unit
from dondoc.core.spans import Span

__all__ = ["Check", "check_indicators"]


@dataclass(frozen=True, slots=True)
class Check:
    """The outcome of one rule on one or more indicators; ``span`` is the evidence, if any."""

    rule: str
    ok: bool
    message: str
    span: Span | None

    def to_json(self) -> dict[str, Any]:
        """``{"rule", "ok", "message"}``, plus ``"start"``/``"end"`` when grounded."""
        out: dict[str, Any] = {"rule": self.rule, "ok": self.ok, "message": self.message}
        if self.span is not None:
            out["start"], out["end"] = self.span.start, self.span.end
        return out


def _half_ulp(x: float) -> float:
    """Half a unit of the last printed digit of ``x`` (13.22 -> 0.005, 8.0 -> 0.5)."""
    r = repr(abs(x))
    if "e" in r or "n" in r:
        return abs(x) * 1e-9
    whole, _, frac = r.partition(".")
    digits = 0 if frac in ("", "0") else len(frac)
    return 0.5 * 10.0**-digits


def _fmt(x: float) -> str:
    return format_vi_number(x)


def _interval(x: float) -> tuple[float, float]:
    h = _half_ulp(x)
    return x - h, x + h


def _quotient_interval(num: float, den: float) -> tuple[float, float] | None:
    n_lo, n_hi = _interval(num)
    d_lo, d_hi = _interval(den)
    if d_lo <= 0:
        return None
    return n_lo / d_hi, n_hi / d_lo


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-12 and b[0] <= a[1] + 1e-12


def _ratio_checks(ind: Indicator) -> list[Check]:
    out: list[Check] = []
    if ind.ratio is None or ind.ratio_base == "plan":
        return out
    r = _interval(ind.ratio)
    if ind.base_value is not None and ind.base_value > 0:
        # Growth rates are compared with growth rates ("tăng 13,22%" vs "(4,48%)"), levels with levels.
        nums = [x for x in (ind.change_pct, ind.value) if x is not None]
        if not nums:
            return out
        fits = [
            n for n in nums
            if (qi := _quotient_interval(abs(n), ind.base_value)) is not None and _overlaps(qi, r)
        ]
        n = fits[0] if fits else nums[0]
        q = abs(n) / ind.base_value
        ok = bool(fits)
        message = (
            f"{ind.name}: {_fmt(abs(n))} ÷ {_fmt(ind.base_value)} = {format_vi_number(q, 3)}"
            + (f" ≈ gấp {_fmt(ind.ratio)} lần: khớp" if ok
               else f", không khớp với «gấp {_fmt(ind.ratio)} lần» (kiểm tra lại số liệu)")
        )
        out.append(Check("ratio_consistency", ok, message, ind.span))
    elif ind.ratio_base == "same_period" and ind.change_pct is not None:
        c_lo, c_hi = _interval(ind.change_pct)
        implied = (1 + c_lo / 100, 1 + c_hi / 100)
        ok = _overlaps(implied, r)
        q = 1 + ind.change_pct / 100
        message = (
            f"{ind.name}: tăng {_fmt(ind.change_pct)}% tức gấp {format_vi_number(q, 3)} lần cùng kỳ"
            + (f" ≈ gấp {_fmt(ind.ratio)} lần: khớp" if ok
               else f", không khớp với «gấp {_fmt(ind.ratio)} lần» (kiểm tra lại số liệu)")
        )
        out.append(Check("ratio_consistency", ok, message, ind.span))
    return out


_SHARE_WORDS = ("tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "chiếm", "phần trăm")


def _percent_checks(ind: Indicator) -> list[Check]:
    out: list[Check] = []
    name = ind.name.lower()
    if ind.unit == "%" and ind.value is not None and any(w in name for w in _SHARE_WORDS):
        ok = 0 <= ind.value <= 100
        out.append(Check(
            "percent_range", ok,
            f"{ind.name}: {_fmt(ind.value)}% " + ("nằm trong khoảng 0–100%" if ok
                                                   else "vượt quá 100%, tỷ lệ không thể lớn hơn tổng"),
            ind.span,
        ))
    if ind.change_pct is not None and ind.change_pct <= -100:
        out.append(Check(
            "percent_range", False,
            f"{ind.name}: giảm {_fmt(-ind.change_pct)}%, không thể giảm từ 100% trở lên",
            ind.span,
        ))
    return out


def _level(ind: Indicator) -> tuple[float, float, str] | None:
    """(value in base units, half-ulp in base units, base unit) of an indicator's level."""
    if ind.value is None:
        return None
    scale, base = split_unit(ind.unit)
    return ind.value * scale, _half_ulp(ind.value) * scale, base


def _with_unit(ind: Indicator) -> str:
    return f"{_fmt(ind.value)} {ind.unit}" if ind.value is not None and ind.unit else "?"


def _part_checks(indicators: list[Indicator]) -> list[Check]:
    out: list[Check] = []
    parts: dict[int, list[int]] = {}
    for i, ind in enumerate(indicators):
        if ind.parent is not None and 0 <= ind.parent < len(indicators) and ind.parent != i:
            parts.setdefault(ind.parent, []).append(i)
    for t, idx in parts.items():
        total = indicators[t]
        lt = _level(total)
        if lt is None:
            continue
        same = []
        for i in idx:
            lp = _level(indicators[i])
            if lp is None or lp[2] != lt[2]:
                continue
            same.append((i, lp))
            ok = lp[0] - lp[1] <= lt[0] + lt[1]
            p = indicators[i]
            out.append(Check(
                "part_not_above_total", ok,
                f"{p.name} ({_with_unit(p)}) " + ("không lớn hơn" if ok else "lớn hơn")
                + f" tổng {total.name} ({_with_unit(total)})" + ("" if ok else ": kiểm tra lại số liệu"),
                Span(total.span.start, max(total.span.end, p.span.end)),
            ))
        if len(same) < 2:
            continue
        s_val = sum(lp[0] for _, lp in same)
        s_tol = sum(lp[1] for _, lp in same) + lt[1]
        end = max(indicators[i].span.end for i, _ in same)
        scale = split_unit(total.unit)[0]
        listed = " + ".join(_with_unit(indicators[i]) for i, _ in same)
        if total.exhaustive_parts and len(same) == len(idx):
            ok = abs(s_val - lt[0]) <= s_tol
            verdict = "khớp" if ok else "không khớp: kiểm tra lại số liệu"
            out.append(Check(
                "parts_sum", ok,
                f"{total.name}: {listed} = {_fmt(s_val / scale)} {total.unit} "
                f"so với tổng {_with_unit(total)}: {verdict}",
                Span(total.span.start, max(total.span.end, end)),
            ))
        elif s_val - s_tol > lt[0]:
            out.append(Check(
                "parts_sum", False,
                f"{total.name}: các phần {listed} cộng lại {_fmt(s_val / scale)} {total.unit}, lớn hơn tổng "
                f"{_with_unit(total)}: kiểm tra lại số liệu",
                Span(total.span.start, max(total.span.end, end)),
            ))
    return out


def check_indicators(indicators: list[Indicator]) -> list[Check]:
    """Run every rule on ``indicators`` (as returned by ``find_indicators``, parents included).

    Returns:
        One Check per rule application that had the figures it needs, passing ones included,
        in the order: per-indicator rules in list order, then part/total rules.
    """
    out: list[Check] = []
    for ind in indicators:
        out.extend(_ratio_checks(ind))
        out.extend(_percent_checks(ind))
    out.extend(_part_checks(indicators))
    return out
