"""Vietnamese syllable grammar: is a string a well-formed Vietnamese syllable, and what are its parts?

Terms. A written syllable is ``onset + rhyme`` carrying one ``tone``:
  * onset: the initial consonant cluster (``""``, ``b``, ``ch``, ``ngh``, ``qu`` …);
  * rhyme: optional medial glide (``o``/``u``) + nucleus vowel(s) + optional coda (``c ch m n ng nh p t``
    or a glide ``i y o u``), written here WITHOUT the tone mark (``"ương"``);
  * tone: 0 ngang, 1 huyền (à), 2 sắc (á), 3 hỏi (ả), 4 ngã (ã), 5 nặng (ạ).

Constraints checked: the rhyme is in the table below; stop codas (c, ch, p, t) only with sắc or nặng;
``k``/``gh``/``ngh`` only before front vowels (i, e, ê, y/iê) and ``c``/``g``/``ng`` never before them;
``q`` only as ``qu``; at most one tone mark, placed on a vowel where either the "first" (hòa, ủy) or the
"last" (hoà, uỷ) convention puts it — both are valid and the document's own style is kept by callers.

Why hand-written: no library validates Vietnamese syllables (underthesea and hunspell-vi are word
lists), and OCR repair needs to tell a non-word ("ừong") from a rare but well-formed one.
Pure functions on strings; case-insensitive; input may be NFC or NFD.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "TONE_MARKS",
    "Syllable",
    "apply_tone",
    "case_like",
    "is_valid",
    "parse",
    "remove_marks",
    "split_tone",
    "tone_style",
]

# Combining tone marks in tone order 1..5 (huyền, sắc, hỏi, ngã, nặng).
TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_TONE_OF_MARK = {m: i + 1 for i, m in enumerate(TONE_MARKS)}

ONSETS = frozenset(
    "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split()
)
_FRONT = ("i", "e", "ê", "y")

# Toneless rhymes, grouped by nucleus. A rhyme beginning with o/u + vowel includes the medial glide.
_RHYMES_TEXT = """
a ai ao au ay am an ang anh ac ach ap at
ăm ăn ăng ăc ăp ăt
âu ây âm ân âng âc âp ât
e eo em en eng ec ep et
ê êu êm ên ênh êch êp êt
i ia iu im in inh ich ip it
iêu iêm iên iêng iêc iêp iêt
y yêu yêm yên yêt
o oi om on ong oc op ot oong ooc
ô ôi ôm ôn ông ôc ôp ôt
ơ ơi ơm ơn ơp ơt
u ua ui um un ung uc up ut
uôi uôm uôn uông uôc uôt
ư ưa ưi ưu ưm ưn ưng ưc ưt
ươi ươu ươm ươn ương ươc ươp ươt
oa oai oay oam oan oang oanh oac oach oap oat
oăm oăn oăng oăc oăt
oe oeo oem oen oet
uơ uê uênh uêch uy uya uyu uych uynh uyt uyn
uyên uyêt uân uâng uât uây uă uăn uăng uăc uăt
uơi
"""
RHYMES = frozenset(_RHYMES_TEXT.split())
_STOP_CODAS = ("c", "ch", "p", "t")
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED = frozenset("ăâêôơư")


@dataclass(frozen=True, slots=True)
class Syllable:
    """A parsed syllable: lowercase NFC ``onset`` and toneless ``rhyme``, ``tone`` 0..5."""

    onset: str
    rhyme: str
    tone: int


def split_tone(text: str) -> tuple[str, int, int]:
    """Return (toneless lowercase NFC text, tone, index of the toned letter or -1).

    Raises nothing; a string with two tone marks returns tone -1.
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    out: list[str] = []
    tone, pos = 0, -1
    for ch in decomposed:
        t = _TONE_OF_MARK.get(ch)
        if t is None:
            out.append(ch)
            continue
        if tone:
            return unicodedata.normalize("NFC", "".join(out)), -1, -1
        tone = t
        pos = len(unicodedata.normalize("NFC", "".join(out))) - 1
    return unicodedata.normalize("NFC", "".join(out)), tone, pos


def remove_marks(text: str) -> str:
    """Strip every diacritic (tone and vowel marks, đ→d), keeping case: "Tổ" -> "To"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _split_onset(toneless: str) -> list[tuple[str, str, int]]:
    """All (onset, rhyme, offset of the rhyme in ``toneless``) splits whose onset is legal.

    ``qu`` keeps its u in the rhyme (qua -> u+a, the medial glide) and ``gi`` also yields the reading
    where its i is the nucleus (gìn -> gi + in); ``offset`` then points at that shared letter.
    """
    splits: list[tuple[str, str, int]] = []
    for n in (3, 2, 1, 0):
        head, rest = toneless[:n], toneless[n:]
        if n and head not in ONSETS:
            continue
        if head == "qu":
            splits.append(("qu", "u" + rest, 1))
        elif head == "gi":
            splits.append(("gi", rest, 2))
            splits.append(("gi", "i" + rest, 1))
        else:
            splits.append((head, rest, n))
    return splits


def _tone_positions(onset: str, rhyme: str, offset: int) -> set[int]:
    """Indices into the toneless text where either convention puts the tone mark (hòa/hoà)."""
    vowel_idx = [i for i, ch in enumerate(rhyme) if ch in _VOWELS]
    if onset == "qu" and len(vowel_idx) > 1:
        vowel_idx = vowel_idx[1:]  # the u of qu never carries the tone
    if not vowel_idx:
        return set()
    marked = [i for i in vowel_idx if rhyme[i] in _MARKED]
    if marked:
        return {offset + marked[-1]}
    if len(vowel_idx) == 1 or vowel_idx[-1] != len(rhyme) - 1:
        return {offset + vowel_idx[-1]}  # single vowel, or a coda follows: last vowel
    cluster = "".join(rhyme[i] for i in vowel_idx)
    if len(vowel_idx) == 2:
        if cluster in ("oa", "oe", "uy"):
            return {offset + vowel_idx[0], offset + vowel_idx[1]}  # hòa and hoà, ủy and uỷ
        return {offset + vowel_idx[0]}  # ai, ao, ia, ua, ưa, oi: first vowel
    return {offset + vowel_idx[1]}  # oai, uôi, ươi, iêu, uya: middle vowel


@lru_cache(maxsize=65536)
def parse(text: str) -> Syllable | None:
    """Parse one syllable (any case, NFC or NFD); None if it is not a well-formed Vietnamese syllable."""
    if not text or len(text) > 16:
        return None
    text = unicodedata.normalize("NFC", text)
    if len(text) > 8:
        return None
    toneless, tone, pos = split_tone(text)
    if tone < 0 or not toneless.isalpha():
        return None
    for onset, rhyme, offset in _split_onset(toneless):
        if rhyme not in RHYMES and not (onset == "qu" and rhyme[1:2] in ("a", "ă", "e")
                                        and "o" + rhyme[1:] in RHYMES):
            continue  # after q the medial o is written u: quan = qu + oan
        if tone not in (2, 5) and rhyme.endswith(_STOP_CODAS):
            continue
        first = rhyme[0]
        front = first in _FRONT or rhyme.startswith("iê")
        if onset in ("k", "gh", "ngh") and not front:
            continue
        if onset in ("c", "g", "ng") and front and not (onset == "g" and rhyme.startswith("i")):
            continue
        if onset == "g" and rhyme.startswith("i"):
            continue  # spelled gh/gi
        if onset in ("c", "k") and rhyme.startswith(("oa", "oă", "oe", "uê", "uy", "uâ", "uơ")):
            continue  # spelled qu
        if tone and pos not in _tone_positions(onset, rhyme, offset):
            continue
        return Syllable(onset=onset, rhyme=rhyme, tone=tone)
    return None


def is_valid(text: str) -> bool:
    """True when ``text`` is one well-formed Vietnamese syllable (any case, either tone placement)."""
    return parse(text) is not None


def tone_style(text: str) -> str | None:
    """"first" for hòa/ủy/khỏe placement, "last" for hoà/uỷ/khoẻ, None when the syllable does not tell."""
    toneless, tone, pos = split_tone(text)
    if tone <= 0 or toneless.startswith("qu"):
        return None
    for cluster in ("oa", "oe", "uy"):
        if toneless.endswith(cluster):
            i = len(toneless) - 2
            return "first" if pos == i else "last" if pos == i + 1 else None
    return None


def apply_tone(toneless: str, tone: int, *, style: str = "first") -> str | None:
    """Put ``tone`` (0..5) on lowercase NFC ``toneless`` following ``style``; None if no valid spelling."""
    if tone == 0:
        return toneless if is_valid(toneless) else None
    found: list[str] = []
    for pos, ch in enumerate(toneless):
        if ch not in _VOWELS:
            continue
        marked = unicodedata.normalize("NFC", ch + TONE_MARKS[tone - 1])
        cand = toneless[:pos] + marked + toneless[pos + 1 :]
        if is_valid(cand):
            found.append(cand)
    if not found:
        return None
    return found[-1] if len(found) > 1 and style == "last" else found[0]


def case_like(word: str, model: str) -> str:
    """Give ``word`` the letter case pattern of ``model`` (lower, Title or UPPER)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
