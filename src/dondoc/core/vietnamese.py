"""Character classes for Vietnamese text, for use inside regular expressions.

Why: a range such as ``À-Ỹ`` looks like "upper-case Vietnamese letters" but spans lower-case ones
too (Latin Extended Additional alternates upper and lower case), so "đã" would pass as a proper
name. These classes are built from Unicode case properties instead.
"""

from __future__ import annotations

import re

__all__ = ["LOWER", "UPPER", "WORD", "compile_vi"]

_LATIN = [chr(i) for i in range(0x00C0, 0x0250)] + [chr(i) for i in range(0x1E00, 0x1F00)]
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper() and c.isalpha())
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower() and c.isalpha())
WORD = UPPER + LOWER + "0-9"


def compile_vi(pattern: str, flags: int = 0) -> re.Pattern[str]:
    r"""Compile ``pattern`` with ``\p{Lu}`` / ``\p{Ll}`` (used inside ``[...]``) expanded to
    Vietnamese upper- and lower-case letters."""
    return re.compile(pattern.replace(r"\p{Lu}", UPPER).replace(r"\p{Ll}", LOWER), flags)
