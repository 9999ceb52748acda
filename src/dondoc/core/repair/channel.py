"""Channel (confusion) model: which true syllables could an OCR engine have turned into this token?

Terms. A *rewrite* ``ocr -> truth`` replaces a short substring of the observed token; its log-probability
is log P(ocr | truth), estimated from aligned (truth, Tesseract output) pairs as
``count(truth -> ocr) / count(truth)``. A *candidate* is a known, well-formed syllable reachable by one
rewrite (two for tokens that are not valid syllables), scored by the sum of its rewrites.

Three sources of rewrites, merged by taking the most probable:
  * ``learned``: the Tesseract ``vie`` table built by ``scripts/build_repair_model.py``;
  * ``MARK_FLOOR``: any change of tone or vowel mark on one vowel (à↔ả, á↔ă, o↔ơ, đ↔d) — other engines
    and poor scans drop or swap marks in ways a Tesseract-only table under-represents;
  * ``VISUAL_RULES``: hand-written glyph confusions of other engines (tr read as ừ, rn as m, i-like
    glyphs for t/r, l for I) that Tesseract rarely makes on clean renders.
Pure: the learned table comes in as data.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dondoc.core.syllable import TONE_MARKS, is_valid

__all__ = ["MARK_FLOOR", "VISUAL_RULES", "ChannelModel"]

MARK_FLOOR = math.log(2e-4)
_MIN_INSERT_COUNT = 5
# P(drop | letter) is learned per letter, not per position: an insertion also pays for its position
INSERT_PENALTY = math.log(0.1)
_DEEP_WIDTH = 60  # first-step strings expanded again for tokens that are not valid syllables
_VOWEL_BASES = "aeiouy"
_VOWEL_MARKS = {"a": ("", "\u0306", "\u0302"), "e": ("", "\u0302"), "o": ("", "\u0302", "\u031b"),
                "u": ("", "\u031b"), "i": ("",), "y": ("",)}
# (ocr substring, true substring, log P(ocr | truth)) for glyph confusions of other engines
VISUAL_RULES: tuple[tuple[str, str, float], ...] = (
    ("ừ", "tr", math.log(3e-3)),
    ("m", "rn", math.log(1e-3)),
    ("rn", "m", math.log(5e-3)),
    ("in", "m", math.log(1e-3)),
    ("ri", "n", math.log(1e-3)),
    ("cl", "d", math.log(2e-3)),
    ("li", "h", math.log(1e-3)),
    ("ii", "u", math.log(1e-3)),
    ("d", "đ", math.log(3e-3)),
    ("đ", "d", math.log(1e-3)),
    *((g, "t", math.log(1e-3)) for g in ("í", "ì", "ỉ", "ĩ", "ị", "f", "l")),
    *((g, "r", math.log(1e-3)) for g in ("í", "ì", "ỉ", "ĩ", "ị", "f")),
    *((g, "i", math.log(2e-3)) for g in ("l", "1", "!", "|")),
    ("e", "c", math.log(1e-3)),
    ("c", "e", math.log(1e-3)),
    ("o", "c", math.log(5e-4)),
    ("b", "h", math.log(1e-3)),
    ("h", "b", math.log(1e-3)),
    ("h", "li", math.log(1e-3)),
    ("u", "ư", math.log(3e-3)),
    ("o", "ơ", math.log(3e-3)),
)


def _vowel_variants() -> dict[str, tuple[str, ...]]:
    """Every toned/marked form of each vowel, grouped by base letter (NFC)."""
    groups: dict[str, tuple[str, ...]] = {}
    for base in _VOWEL_BASES:
        forms = []
        for mark in _VOWEL_MARKS[base]:
            for tone in ("", *TONE_MARKS):
                forms.append(unicodedata.normalize("NFC", base + mark + tone))
        groups[base] = tuple(forms)
    return groups


_VARIANTS = _vowel_variants()
_GROUP_OF = {form: group for group in _VARIANTS.values() for form in group}


@dataclass(frozen=True, slots=True)
class ChannelModel:
    """Rewrites indexed by their OCR side: ``rewrites[ocr] = ((truth, logp), ...)``."""

    rewrites: dict[str, tuple[tuple[str, float], ...]]
    max_len: int = 3
    # truth letters the engine dropped (``"" -> truth`` rows), tried at every position
    insertions: tuple[tuple[str, float], ...] = ()
    # candidates of known words computed at model build time (keyed by the observed word)
    precomputed: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    # two-rewrite (``deep``) candidates of non-words the engine often writes, also from the model build
    precomputed_deep: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    _cache: dict[tuple[str, bool], tuple[tuple[str, float], ...]] = field(default_factory=dict)
    _ext: dict[int, dict[str, dict[str, tuple[tuple[str, float], ...]]]] = field(default_factory=dict)

    @classmethod
    def build(cls, learned: Iterable[tuple[str, str, int, int]],
              precomputed: dict[str, tuple[tuple[str, float], ...]] | None = None,
              precomputed_deep: dict[str, tuple[tuple[str, float], ...]] | None = None) -> ChannelModel:
        """From learned rows ``(truth, ocr, count, truth_count)`` plus the floor and the visual rules."""
        table: dict[str, dict[str, float]] = {}
        inserts: dict[str, float] = {}

        def add(ocr: str, truth: str, lp: float) -> None:
            row = table.setdefault(ocr, {})
            if lp > row.get(truth, -1e9):
                row[truth] = lp

        for truth, ocr, count, denom in learned:
            lp = math.log((count + 0.5) / (denom + 1.0))
            if ocr and truth != ocr:
                add(ocr, truth, lp)
            elif not ocr and count >= _MIN_INSERT_COUNT and len(truth) == 1:
                inserts[truth] = max(lp, inserts.get(truth, -1e9))
        for group in _VARIANTS.values():
            for a in group:
                for b in group:
                    if a != b:
                        add(a, b, MARK_FLOOR)
        for ocr, truth, lp in VISUAL_RULES:
            add(ocr, truth, lp)
        rewrites = {o: tuple(sorted(row.items(), key=lambda kv: -kv[1])) for o, row in table.items()}
        return cls(rewrites=rewrites, max_len=max(len(o) for o in rewrites),
                   insertions=tuple(sorted(inserts.items(), key=lambda kv: -kv[1])),
                   precomputed=precomputed or {}, precomputed_deep=precomputed_deep or {})

    def _one_step(self, token: str, *, inserts: bool = True) -> dict[str, float]:
        out: dict[str, float] = {}
        n = len(token)
        for i in range(n):
            for j in range(i + 1, min(n, i + self.max_len) + 1):
                for truth, lp in self.rewrites.get(token[i:j], ()):
                    cand = token[:i] + truth + token[j:]
                    if lp > out.get(cand, -1e9):
                        out[cand] = lp
        for truth, lp0 in self.insertions if inserts else ():
            lp = lp0 + INSERT_PENALTY
            for i in range(1, n + 1):
                cand = token[:i] + truth + token[i:]
                if lp > out.get(cand, -1e9):
                    out[cand] = lp
        return out

    def _one_step_into(self, token: str, vocab: frozenset[str], prefixes: frozenset[str],
                       suffixes: frozenset[str], found: dict[str, float], base: float, *, inserts: bool) -> None:
        """``_one_step`` restricted to results in ``vocab``: merge ``base + lp`` into ``found``.

        Same candidates, scores and order as filtering ``_one_step``'s output, but a rewrite is only
        tried where the text before it (also with the rewrite's truth side appended) is a prefix of some
        vocabulary word and the text after it a suffix of one, which prunes almost every string before
        it is built.
        """
        n = len(token)
        rewrites = self.rewrites
        max_len = self.max_len
        ext = self._ext.setdefault(id(prefixes), {})  # rows depend on the prefix set
        # a rewrite of token[i:j] can only give a word if token[:i] is a word prefix (i <= last) and
        # token[j:] a word suffix (j >= first)
        last = 0
        while last < n and token[: last + 1] in prefixes:
            last += 1
        first = n
        while first > 0 and token[first - 1 :] in suffixes:
            first -= 1
        for i in range(max(0, first - max_len), min(last, n - 1) + 1):
            head = token[:i]
            by_sub = ext.get(head)
            if by_sub is None:
                by_sub = ext[head] = {}
            for j in range(max(i + 1, first), min(n, i + max_len) + 1):
                sub = token[i:j]
                rows = by_sub.get(sub)
                if rows is None:
                    # the rewrites of ``sub`` that keep ``head`` a vocabulary prefix, as (new head, lp)
                    rows = by_sub[sub] = tuple((head + truth, lp) for truth, lp in rewrites.get(sub, ())
                                               if head + truth in prefixes)
                if rows:
                    tail = token[j:]
                    for h, lp in rows:
                        cand = h + tail
                        if cand in vocab:
                            s = base + lp
                            if s > found.get(cand, -1e9):
                                found[cand] = s
        if not inserts:
            return
        for truth, lp0 in self.insertions:
            s = base + lp0 + INSERT_PENALTY
            for i in range(1, n + 1):
                head = token[:i]
                if head not in prefixes:
                    break
                h = head + truth
                if h not in prefixes or token[i:] not in suffixes:
                    continue
                cand = h + token[i:]
                if cand in vocab and s > found.get(cand, -1e9):
                    found[cand] = s

    def candidates(self, token: str, known: Callable[[str], bool], *, deep: bool = False,
                   vocab: frozenset[str] | None = None, prefixes: frozenset[str] | None = None,
                   suffixes: frozenset[str] | None = None) -> tuple[tuple[str, float], ...]:
        """Known valid syllables the OCR could have read as lowercase NFC ``token``, best first.

        ``deep`` allows two rewrites (for tokens that are not valid syllables). The token itself is
        not included. ``vocab`` (every known, valid syllable) with ``prefixes`` and ``suffixes`` (of
        those words, the empty string and the words included) gives the same answer as the ``known``
        callable, much faster.
        """
        pre = (self.precomputed_deep if deep else self.precomputed).get(token)
        if pre is not None:
            return pre
        key = (token, deep)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        found: dict[str, float]
        if vocab is not None and prefixes is not None and suffixes is not None:
            found = {}
            self._one_step_into(token, vocab, prefixes, suffixes, found, 0.0, inserts=True)
            found.pop(token, None)
            if deep and len(token) <= 7:
                subs = self._one_step(token, inserts=False)
                for mid, lp1 in sorted(subs.items(), key=lambda kv: -kv[1])[:_DEEP_WIDTH]:
                    self._one_step_into(mid, vocab, prefixes, suffixes, found, lp1, inserts=False)
                found.pop(token, None)
        else:
            first = self._one_step(token)
            found = {c: lp for c, lp in first.items() if c != token and known(c) and is_valid(c)}
            if deep and len(token) <= 7:
                subs = self._one_step(token, inserts=False)
                for mid, lp1 in sorted(subs.items(), key=lambda kv: -kv[1])[:_DEEP_WIDTH]:
                    for c, lp2 in self._one_step(mid, inserts=False).items():
                        lp = lp1 + lp2
                        if c != token and lp > found.get(c, -1e9) and known(c) and is_valid(c):
                            found[c] = lp
        result = tuple(sorted(found.items(), key=lambda kv: -kv[1]))
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[key] = result
        return result
