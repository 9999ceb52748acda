"""Character classes for Vietnamese text, for use inside regular expressions.

Why: a range such as ``À-Ỹ`` looks like "upper-case Vietnamese letters" but spans lower-case ones
too (Latin Extended Additional alternates upper and lower case), so "đã" would pass as a proper
name. These classes are built from Unicode case properties instead.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["LOWER", "UPPER", "WORD", "compile_vi"]

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_LOWER_VI = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES} | {"đ"} | set("àáâãèéêìíòóôõùúýăđĩũơưạ")
)
UPPER = "A-Z" + "".join(sorted(c.upper() for c in _LOWER_VI if not c.isascii()))
LOWER = "a-z" + "".join(c for c in _LOWER_VI if not c.isascii())
WORD = UPPER + LOWER + "0-9"


def compile_vi(pattern: str, flags: int = 0) -> re.Pattern[str]:
    r"""Compile ``pattern`` with ``\p{Lu}`` / ``\p{Ll}`` (used inside ``[...]``) expanded to
    Vietnamese upper- and lower-case letters."""
    return re.compile(pattern.replace(r"\p{Lu}", UPPER).replace(r"\p{Ll}", LOWER), flags)
