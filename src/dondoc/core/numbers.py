"""Numbers as Vietnamese documents write them.

Vietnamese convention: the *decimal separator* is a comma and the *thousands separator* a dot,
so "22,9" is 22.9, "1.234" is 1234 and "1.234,5" is 1234.5. Leading zeros are common in
administrative writing ("06 tuyến đường") and mean nothing. A *scale word* multiplies the
number it follows: "nghìn"/"ngàn" (10^3), "triệu" (10^6), "tỷ" (10^9) and "nghìn tỷ" (10^12).
A *unit* as written is an optional scale followed by a base unit: "nghìn tỷ đồng" has scale
10^12 and base "đồng"; two figures can be compared only when their bases agree.

Why by hand: ``locale`` is process-global and would make parsing depend on the machine, and
Babel's ``parse_decimal`` accepts "1.234" and "1,234" alike depending on the locale data and
does not know scale words. What we need is ten lines of regular expressions with exact rules.
"""

from __future__ import annotations

import math
import re
import unicodedata

__all__ = [
    "NUMBER_RE",
    "decimals_of",
    "format_vi_number",
    "parse_vi_number",
    "scale_of",
    "split_unit",
]

# A number token: dot-grouped thousands (each group exactly three digits) with an optional
# decimal part, or plain digits with an optional decimal part. Not part of a longer digit run,
# a date ("30/9/2021") or a dotted section number ("1.1.").
NUMBER_RE: re.Pattern[str] = re.compile(
    r"(?<![\d/.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/]|[.,]\d)"
)

_FULL_NUMBER_RE = re.compile(r"[+\-\u2212]?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)")


def parse_vi_number(s: str) -> float | None:
    """Parse one number written in the Vietnamese convention.

    Args:
        s: the token, e.g. "22,9", "1.234", "1.234,5", "06"; surrounding whitespace is ignored
            and a leading sign ("+", "-", "−") is accepted.

    Returns:
        The value, or None when ``s`` is not exactly one such number or is not finite.
    """
    if not isinstance(s, str):
        return None
    t = s.strip()
    if len(t) > 64 or not _FULL_NUMBER_RE.fullmatch(t):
        return None
    sign = -1.0 if t[0] in "-\u2212" else 1.0
    t = t.lstrip("+-\u2212").replace(".", "").replace(",", ".")
    try:
        value = float(t)
    except ValueError:  # pragma: no cover - the regex admits only digits
        return None
    if not math.isfinite(value):
        return None
    return sign * value


def decimals_of(s: str) -> int:
    """Number of digits after the decimal comma as printed: "13,22" -> 2, "1.234" -> 0."""
    t = s.strip()
    return len(t) - t.index(",") - 1 if "," in t else 0


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


_SCALES: dict[str, float] = {
    "nghìn tỷ": 1e12,
    "ngàn tỷ": 1e12,
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
}


def scale_of(word: str) -> float | None:
    """Multiplier of a scale word: "nghìn"/"ngàn" -> 1e3, "triệu" -> 1e6, "tỷ" -> 1e9,
    "nghìn tỷ" -> 1e12; None for anything else. Case, spacing and NFC/NFD do not matter."""
    if not isinstance(word, str):
        return None
    key = " ".join(_nfc(word).lower().split())
    return _SCALES.get(key)


def split_unit(unit: str | None) -> tuple[float, str]:
    """Split a unit as written into (scale, base): "nghìn tỷ đồng" -> (1e12, "đồng"),
    "tỷ USD" -> (1e9, "usd"), "%" -> (1.0, "%"), None -> (1.0, ""). Bases are lower-cased NFC."""
    if not unit:
        return 1.0, ""
    words = _nfc(unit).lower().split()
    for n in (2, 1):
        if len(words) >= n:
            scale = scale_of(" ".join(words[:n]))
            if scale is not None:
                return scale, " ".join(words[n:])
    return 1.0, " ".join(words)


def format_vi_number(x: float, decimals: int | None = None) -> str:
    """Write ``x`` the Vietnamese way: 1234.5 -> "1.234,5"; ``decimals`` fixes the digits after
    the comma, otherwise up to 3 are kept and trailing zeros dropped."""
    if not math.isfinite(x):
        return str(x)
    s = f"{abs(x):,.{3 if decimals is None else decimals}f}"
    whole, _, frac = s.partition(".")
    if decimals is None:
        frac = frac.rstrip("0")
    whole = whole.replace(",", ".")
    out = f"{whole},{frac}" if frac else whole
    return ("-" if x < 0 and out.strip("0.,") else "") + out
