"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI) and Windows-1258: detection and conversion.

Before Unicode, Vietnamese offices typed with *font encodings*: the bytes are ordinary 8-bit
characters and a special font draws them as Vietnamese letters. Documents in these encodings are
still common, as old ``.txt`` exports and as DOCX runs in ``.VnTime``/``VNI-Times`` fonts (the text
then reads "B¶o Th¾ng" or "Vieät Nam" once the font is gone).

- **TCVN3** (TCVN 5712:1993, the "ABC" fonts ``.VnTime``): one byte per precomposed lowercase
  letter; uppercase accented letters mostly have no code of their own and were typed with the
  lowercase code in an all-caps font (``.VnTimeH``). The table below is TCVN 5712 VN1 for bytes
  0x80-0xFF (a superset of the ABC/VN3 slots), taken from the standard as glibc's
  ``TCVN5712-1`` converter implements it; 0xB0-0xB4 are combining tone marks.
- **VNI** (``VNI-Times``, VNI-Windows): a letter is an ASCII base followed by one Windows-1252
  character that carries the vowel modifier and/or tone ("a" + "ù" = "á", "e" + "ä" = "ệ"); a few
  letters are single characters ("ô" = "ơ", "ö" = "ư", "ñ" = "đ", "ò" = "ị").
- **Windows-1258**: precomposed base letters plus *combining* tone marks; Python decodes it, and we
  compose the result to NFC.

Detection scores each candidate decoding by the share of its non-ASCII words that are well-formed
Vietnamese syllables (``vietnamese_score``) and keeps the best one only when it is clearly
Vietnamese; otherwise it refuses with ``EncodingError`` rather than guessing. No library converts
TCVN3/VNI in Python (the standard codecs stop at cp1258), hence this hand-written, table-driven module.

Offsets: all functions here return new strings; nobody holds offsets into the legacy text yet, so
composing to NFC here is safe (see ``dondoc.core.spans``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from dondoc.errors import EncodingError

__all__ = [
    "LegacyEncoding",
    "TextDecoding",
    "decode_legacy_bytes",
    "decode_tcvn3",
    "decode_vni",
    "encode_tcvn3",
    "encode_vni",
    "repair_legacy_text",
    "vietnamese_score",
]

LegacyEncoding = Literal["cp1258", "tcvn3", "vni"]

# --- TCVN3 ------------------------------------------------------------------------------------------

# Bytes 0x80..0xFF of TCVN 5712 VN1, one character per byte (0xB0-0xB4: combining grave, hook,
# tilde, acute, dot below).
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)
assert len(_TCVN3_HIGH) == 128
_TCVN3_DECODE = {0x80 + i: ch for i, ch in enumerate(_TCVN3_HIGH)}
_TCVN3_ENCODE = {ch: b for b, ch in _TCVN3_DECODE.items() if not unicodedata.combining(ch)}


def decode_tcvn3(data: bytes) -> str:
    """Decode TCVN3 (ABC) bytes to NFC Unicode; all-caps words get their accented letters upper-cased."""
    text = "".join(chr(b) if b < 0x80 else _TCVN3_DECODE[b] for b in data)
    return _restore_caps(unicodedata.normalize("NFC", text))


def encode_tcvn3(text: str) -> bytes:
    """Encode Unicode text as TCVN3; an uppercase letter without a code uses the lowercase one
    (what the all-caps ``.VnTimeH`` fonts did). Raises ``ValueError`` for other characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch])
        elif ch.lower() in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch.lower()])
        else:
            raise ValueError(f"{ch!r} has no TCVN3 code")
    return bytes(out)


_WORD = re.compile(r"[^\W\d_]+")


def _restore_caps(text: str) -> str:
    """Upper-case all-caps words: those with 2+ ASCII letters all upper, or on an all-caps line."""

    def fix_word(m: re.Match[str]) -> str:
        w = m.group(0)
        letters = [c for c in w if c.isascii()]
        return w.upper() if len(letters) >= 2 and all(c.isupper() for c in letters) else w

    lines = []
    for line in text.split("\n"):
        letters = [c for c in line if c.isascii() and c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            lines.append(line.upper())
        else:
            lines.append(_WORD.sub(fix_word, line))
    return "\n".join(lines)


# --- VNI ----------------------------------------------------------------------------------------------

# Tone keys in VNI order: none, acute, grave, hook, tilde, dot below.
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
# For each Unicode base (with its vowel modifier), the VNI base and the VNI suffix per tone (lowercase).
_VNI_VOWELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "a": ("a", ("", "ù", "ø", "û", "õ", "ï")),
    "â": ("a", ("â", "á", "à", "å", "ã", "ä")),
    "ă": ("a", ("ê", "é", "è", "ú", "ü", "ë")),
    "e": ("e", ("", "ù", "ø", "û", "õ", "ï")),
    "ê": ("e", ("â", "á", "à", "å", "ã", "ä")),
    "o": ("o", ("", "ù", "ø", "û", "õ", "ï")),
    "ô": ("o", ("â", "á", "à", "å", "ã", "ä")),
    "ơ": ("ô", ("", "ù", "ø", "û", "õ", "ï")),
    "u": ("u", ("", "ù", "ø", "û", "õ", "ï")),
    "ư": ("ö", ("", "ù", "ø", "û", "õ", "ï")),
    "y": ("y", ("", "ù", "ø", "û", "õ", "ï")),
}
# Letters VNI writes as one character.
_VNI_SINGLE_LOWER = {"í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ"}


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, (vbase, suffixes) in _VNI_VOWELS.items():
        for tone, suffix in zip(_TONES, suffixes, strict=True):
            if base == "y" and tone == "\u0323":
                continue  # ỵ is a single character
            lower = unicodedata.normalize("NFC", base + tone)
            table[lower] = vbase + suffix
            table[lower.upper()] = (vbase + suffix).upper()
    for uni, vni in _VNI_SINGLE_LOWER.items():
        table[uni] = vni
        table[uni.upper()] = vni.upper()
    return table


_VNI_ENCODE = {k: v for k, v in _build_vni().items() if k != v}
_VNI_DECODE = {v: k for k, v in _VNI_ENCODE.items()}
# Longest sequences first so that "oâ" (ô) wins over "o" and "ôù" (ớ) over "ô" (ơ).
_VNI_PATTERN = re.compile("|".join(re.escape(s) for s in sorted(_VNI_DECODE, key=len, reverse=True)))


def decode_vni(data: bytes | str) -> str:
    """Decode VNI-Windows text (bytes in Windows-1252, or a string read through a VNI font) to NFC."""
    text = data.decode("cp1252", errors="replace") if isinstance(data, bytes) else data
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: _VNI_DECODE[m.group(0)], text))


def encode_vni(text: str) -> bytes:
    """Encode Unicode text as VNI-Windows bytes (Windows-1252). Raises ``ValueError`` if impossible."""
    out = "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))
    try:
        return out.encode("cp1252")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{out[exc.start]!r} has no VNI code") from exc


# --- scoring ------------------------------------------------------------------------------------------

_VI_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_EDGE_PUNCT = "\"'“”‘’()[]{}<>.,;:!?…-–—/*%+=_0123456789"


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _VI_TONE_MARKS)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _VI_TONE_MARKS))
    return _SYLLABLE.fullmatch(base) is not None


def vietnamese_score(text: str) -> tuple[float, int]:
    """Share of the non-ASCII words of ``text`` that are well-formed Vietnamese syllables.

    Returns ``(share, count)`` where ``count`` is the number of non-ASCII words looked at (share is
    1.0 when there are none). A word is a whitespace-separated token stripped of edge punctuation.
    """
    seen = valid = 0
    for token in text.split():
        word = token.strip(_EDGE_PUNCT)
        if not word or word.isascii():
            continue
        seen += 1
        if all(c.isalpha() for c in word) and _is_syllable(word):
            valid += 1
    return (valid / seen if seen else 1.0), seen


# --- detection ----------------------------------------------------------------------------------------

_MIN_SCORE = 0.85
_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class TextDecoding:
    """A decoded text, the encoding it was read as and its ``vietnamese_score`` share."""

    text: str
    encoding: str
    score: float


def _candidates(data: bytes) -> list[TextDecoding]:
    out = []
    for enc, decode in (
        ("cp1258", lambda d: unicodedata.normalize("NFC", d.decode("cp1258", errors="replace"))),
        ("tcvn3", decode_tcvn3),
        ("vni", decode_vni),
    ):
        text = decode(data)
        share, _ = vietnamese_score(text)
        out.append(TextDecoding(text, enc, share))
    return out


def decode_legacy_bytes(data: bytes, *, name: str = "input") -> TextDecoding:
    """Decode bytes that are not UTF-8: Windows-1258, TCVN3 or VNI, whichever reads as Vietnamese.

    Raises:
        EncodingError: no candidate is clearly Vietnamese (the caller should ask for UTF-8).
    """
    best = max(_candidates(data), key=lambda c: c.score)
    _, words = vietnamese_score(best.text)
    if words < _MIN_WORDS or best.score < _MIN_SCORE:
        raise EncodingError(
            "không nhận ra bảng mã (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI); "
            "save the file as UTF-8 (Unicode) and try again",
            path=name,
        )
    return best


def _to_legacy_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 0x100:
                out.append(ord(ch))
            else:
                return None
    return bytes(out)


def repair_legacy_text(text: str) -> TextDecoding | None:
    """Convert a Unicode string that is really legacy-font text ("Vieät Nam", "B¶o Th¾ng").

    Such strings come from DOCX runs in ``VNI-Times``/``.VnTime`` fonts or UTF-8 files saved from
    them. Returns ``None`` when ``text`` already reads as Vietnamese (or is ASCII), or when no
    conversion is clearly better: a real Unicode document is never touched.
    """
    # A sample decides for long texts: legacy-font text is legacy throughout, and scoring a whole
    # megabyte word by word would dominate the extraction time.
    sample = text if len(text) <= 30000 else text[:20000] + " " + text[len(text) // 2 : len(text) // 2 + 10000]
    share, words = vietnamese_score(sample)
    if words < _MIN_WORDS or share >= 0.6:
        return None
    share, words = vietnamese_score(text)
    if words < _MIN_WORDS or share >= 0.6:
        return None
    data = _to_legacy_bytes(text)
    if data is None:
        return None
    best = max((c for c in _candidates(data) if c.encoding != "cp1258"), key=lambda c: c.score)
    if best.score >= _MIN_SCORE and best.score > share + 0.3:
        return best
    return None
