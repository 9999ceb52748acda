"""Decode the most likely original text behind OCR output: candidate lattice + trigram beam search.

Terms. A *token* is a ``TOKEN_RE`` match in the input (letter run, number run, or one other char).
A *slot* is one LM position: a token, or a word token joined with a neighbour (a syllable the engine
split, "v ề"; a word with a stray quote inside, "ĩỉ‘ên"). Each slot has *options*: keep it as it is
(channel score 0 plus the keep prior) or a candidate from the channel model. The beam search picks the
option sequence maximising ``sum(channel) + lm_weight * sum(LM)``; every changed slot becomes an
``Edit`` on the ORIGINAL text (start/end index the input, code points), so callers' offsets stay valid.

*Confidence* of an edit: a logistic function of how much better the chosen option scores than keeping
the token, with its neighbours fixed to the decoded path. Edits under ``apply_threshold`` are kept as
suggestions (``applied=False``) and do not change the output text. A *real-word substitution* (the
token is itself a known, valid syllable: "trang" read for "trong", but maybe a right word the LM finds
unusual) is applied only at ``real_word_threshold`` and when the replacement forms a corpus bigram with
a neighbour on the decoded path (``RawEdit.in_context``); non-words (invalid syllables, garbage, split
or quote-broken words) need only ``apply_threshold``.

Speed: option lists are cached per distinct token; the channel model's candidate search is pruned by
the vocabulary's prefixes and suffixes (and precomputed at model build for known syllables and for the
non-words Tesseract writes most); the bigram prune skips options that lose even with their best
possible bigram scores.

Protected (never changed): tokens in a whitespace-delimited chunk holding a digit, '@', '/' or
"://" (numbers, dates, document codes "92-BC/BCS", e-mails, URLs); acronyms (upper case, not a
syllable); non-Latin scripts; words longer than 12 letters. Capitalised words (possible proper names)
need a larger margin. Pure: the models come in as arguments.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from dondoc.core.repair.channel import ChannelModel
from dondoc.core.repair.lm import BACKOFF, BITS, BOS, TOKEN_RE, UNK_SCORE, NgramModel, lm_token
from dondoc.core.syllable import apply_tone, case_like, is_valid, split_tone, tone_style

__all__ = ["DecoderConfig", "RawEdit", "decode"]

_QUOTES = "’'‘`´"
# The lookbehind anchors matches at word starts: without it a long letter run costs O(n^2).
_WORD_QUOTE_RE = re.compile(
    r"(?<![^\W\d_])(?<![\u0300-\u036f])(?:[^\W\d_]|[\u0300-\u036f])++(?:[’'‘`´](?:[^\W\d_]|[\u0300-\u036f])++)+"
)
_CHUNK_RE = re.compile(r"\S+")
# a lowercase word with one digit or ? where a vowel should be: "c7" (cơ), "thi0u" (thiểu), "quy?t"
_GLYPH_WORD_RE = re.compile(r"(?<![\w?£])[^\W\d_A-ZĐ]{1,5}[0-9?£][^\W\d_A-ZĐ]{0,4}(?![\w?£])")
_UNITS = frozenset("m km cm mm dm kg g l ml kw kwh mw ha co h t s".split())
_PROTECT_MARK_RE = re.compile(r"\d|@|/")
_ROMAN_KEY_RE = re.compile(
    r"\b(Quý|QUÝ|quý|Phần|PHẦN|phần|Mục|MỤC|mục|[Kk]hóa|KHÓA|[Kk]hoá|KHOÁ|Chương|CHƯƠNG|chương)"
    r"([ \t]+)([HnmUulI|]{1,3})(?![\w])"
)
_ROMAN_MAP = {"H": "II", "n": "II", "U": "II", "u": "II", "m": "III", "l": "I", "|": "I", "I": "I"}
_NUMBERING_RE = re.compile(r"(?m)^([ \t]*)(\d{1,2}),(\d{1,2})[,.](?=[ \t]+[^\W\d_])")
_LATIN_MAX = 0x24F
_QUOTE_TONE = math.log(0.05)
_SPLIT_COST = math.log(0.01)
_STYLE_RE = re.compile(r"\b\w{0,3}(?:o[àáảãạèéẻẽẹ]|[òóỏõọ][ae]|u[ỳýỷỹỵ]|[ùúủũụ]y)\b")


@dataclass(frozen=True, slots=True)
class DecoderConfig:
    """Decoder knobs, set on the ``tune`` half of the Tesseract dev set and the synthetic garbage set
    (``bench/repair.py --split tune``); never on the Hải Phòng sample."""

    beam: int = 4
    lm_weight: float = 1.3
    keep_prior: float = 3.0  # bonus for keeping a valid, known token as it is
    name_prior: float = 4.0  # extra bonus for keeping a Capitalised valid token mid-sentence
    invalid_penalty: float = 8.0  # cost of keeping a token that is not a known, valid syllable
    max_candidates: int = 10
    apply_threshold: float = 0.8
    # A real-word substitution (the original is a known, valid syllable) may be a right word the LM
    # finds unusual; it is applied only with this confidence AND when the replacement forms a corpus
    # bigram with a neighbour (not on unigram frequency alone), else kept as a suggestion. Set on the
    # tune split: real-word edits at confidence 0.9-0.95 were right 6 of 8 times, over 0.95 126 of 130.
    real_word_threshold: float = 0.95
    confidence_scale: float = 1.5
    prune_margin: float = 8.0  # options this far behind keeping the token (bigram check) are dropped


@dataclass(frozen=True, slots=True)
class RawEdit:
    """Replace ``text[start:end]`` by ``replacement``; ``confidence`` in [0, 1]."""

    start: int
    end: int
    replacement: str
    confidence: float
    real_word: bool = False  # the original is itself a known, valid syllable (a real-word substitution)
    # the replacement forms a bigram seen in the corpus with its left or right neighbour on the path
    in_context: bool = True


@dataclass(slots=True)
class _Slot:
    start: int
    end: int
    surface: str
    options: list[tuple[str, int, float]]  # (lowercase NFC word, lm id, channel+prior score); [0] = keep
    editable: bool
    capitalised: bool = False
    real_word: bool = False  # the kept token is a known, valid syllable (not joined with a neighbour)


def _is_latin(word: str) -> bool:
    return all(ord(ch) <= _LATIN_MAX or 0x1E00 <= ord(ch) <= 0x1EFF or 0x300 <= ord(ch) <= 0x36F
               for ch in word)


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Whitespace-delimited chunks holding a digit, '@' or '/' (numbers, codes, e-mails, URLs)."""
    return [m.span() for m in _CHUNK_RE.finditer(text)
            if _PROTECT_MARK_RE.search(m.group()) and not _is_glyph_word(m.group())]


def _is_glyph_word(chunk: str) -> bool:
    core = chunk.rstrip(".,;:)")
    m = _GLYPH_WORD_RE.fullmatch(core)
    return m is not None and not any(core.startswith(u) and core[len(u) :].isdigit() for u in _UNITS)


def document_style(text: str) -> str | None:
    """The tone placement most of the document's oa/oe/uy syllables use ("first": hòa, "last": hoà)."""
    first = last = 0
    for m in _STYLE_RE.finditer(unicodedata.normalize("NFC", text[:200_000]).lower()):
        style = tone_style(m.group())
        first += style == "first"
        last += style == "last"
    return None if first == last else "first" if first > last else "last"


def _render(word: str, original: str, doc_style: str | None = None) -> str:
    """Spell lowercase NFC ``word`` like ``original``: its case, NFD if it was NFD, its tone placement
    (or the document's, when the original does not show one)."""
    style = tone_style(original) or doc_style
    if style is not None:
        toneless, tone, _ = split_tone(word)
        restyled = apply_tone(toneless, tone, style=style) if tone > 0 else None
        word = restyled or word
    out = case_like(word, original)
    if unicodedata.is_normalized("NFC", original):
        return out
    return unicodedata.normalize("NFD", out)


def _rule_edits(text: str) -> list[RawEdit]:
    """Edits beyond one syllable: Roman numerals after Quý/Phần/Mục/khóa, "2,4," numbering."""
    edits: list[RawEdit] = []
    for m in _ROMAN_KEY_RE.finditer(text):
        tok = m.group(3)
        if tok in ("I", "II", "III"):
            continue
        roman = "".join(_ROMAN_MAP[ch] for ch in tok)
        if len(roman) <= 3:
            edits.append(RawEdit(m.start(3), m.end(3), roman, 0.9))
    for m in _NUMBERING_RE.finditer(text):
        edits.append(RawEdit(m.start(2), m.end(0), f"{m.group(2)}.{m.group(3)}.", 0.8))
    return edits


def _build_slots(text: str, lm: NgramModel, channel: ChannelModel, cfg: DecoderConfig,
                 blocked: list[tuple[int, int]]) -> list[_Slot]:
    protected = _protected_spans(text) + blocked
    prot_starts = sorted(protected)

    def is_protected(start: int, end: int) -> bool:
        # few protected chunks per line: a linear scan over the nearby ones is enough
        import bisect

        i = bisect.bisect_right(prot_starts, (end, 10**12)) - 1
        while i >= 0:
            ps, pe = prot_starts[i]
            if pe > start and ps < end:
                return True
            if pe <= start and ps < start - 200:
                break
            i -= 1
        return False

    cache = _slot_cache(lm, channel, cfg)
    quoted = {m.start(): m.end() for m in _WORD_QUOTE_RE.finditer(text)}
    for m in _GLYPH_WORD_RE.finditer(text):
        if _is_glyph_word(m.group()):
            quoted[m.start()] = m.end()
    matches = list(TOKEN_RE.finditer(text))
    slots: list[_Slot] = []
    i = 0
    n = len(matches)
    while i < n:
        m = matches[i]
        start, end, surface = m.start(), m.end(), m.group()
        joined: str | None = None
        if start in quoted and surface[0].isalpha():
            qend = quoted[start]
            j = i
            while j < n and matches[j].end() <= qend:
                j += 1
            # quotes are dropped; a misread glyph (digit, ?) stays for the channel model to rewrite
            joined = "".join(ch for ch in text[start:qend] if ch not in _QUOTES)
            end, surface = qend, text[start:qend]
            i = j
        else:
            i += 1
            # a syllable split by a space: "v ề", "trư ờng" -> join when the parts are not words
            # (the first part is at most 3 letters: 9 code points in NFD)
            if (len(surface) <= 9 and i < n and matches[i].start() == end + 1 and text[end] == " "
                    and surface[0].isalpha() and matches[i].group()[0].isalpha()):
                nxt = matches[i].group()
                a, b = lm_token(surface), lm_token(nxt)
                ab = a + b
                if (not is_valid(a) and len(a) <= 3 and is_valid(ab) and lm.is_known(ab)
                        and not (lm.is_known(b) and len(b) > 1 and lm.unigram(b) > lm.unigram(ab))):
                    joined = ab
                    end, surface = matches[i].end(), text[start : matches[i].end()]
                    i += 1
        editable = not is_protected(start, end)
        key = (surface, joined, editable)
        made = cache.get(key)
        if made is None:
            made = _make_slot(0, 0, surface, joined, lm, channel, cfg, editable=editable)
            if len(cache) > 100_000:
                cache.clear()
            cache[key] = made
        slots.append(_Slot(start, end, surface, made.options, made.editable, made.capitalised, made.real_word))
    return slots


# Options depend only on the token text, its join and whether it is protected: cache them per
# (models, config). Documents repeat most of their syllables, so this halves decoding time.
_SLOT_CACHES: dict[tuple[int, int, DecoderConfig], dict[tuple[str, str | None, bool], _Slot]] = {}


def _slot_cache(lm: NgramModel, channel: ChannelModel, cfg: DecoderConfig
                ) -> dict[tuple[str, str | None, bool], _Slot]:
    key = (id(lm), id(channel), cfg)
    cache = _SLOT_CACHES.get(key)
    if cache is None:
        _SLOT_CACHES.clear()  # one model and config in use at a time in practice
        cache = _SLOT_CACHES[key] = {}
    return cache


def _make_slot(start: int, end: int, surface: str, joined: str | None, lm: NgramModel,
               channel: ChannelModel, cfg: DecoderConfig, *, editable: bool) -> _Slot:
    tok = lm_token(surface)
    if not surface[0].isalpha():
        return _Slot(start, end, surface, [(tok, lm.id(tok), 0.0)], False)
    word = joined.lower() if joined is not None else tok
    word = unicodedata.normalize("NFC", word)
    keep_id = lm.id(tok if joined is None else word)
    if (not editable or len(word) > 12 or not _is_latin(word)
            or (surface.isupper() and len(surface) > 1 and not is_valid(word))
            or (any(ch.isupper() for ch in surface[1:]) and not surface.isupper())):
        return _Slot(start, end, surface, [(tok, keep_id, 0.0)], False)
    valid = is_valid(word) and lm.is_known(word)
    capitalised = surface[:1].isupper() and not surface.isupper()
    options: list[tuple[str, int, float]] = []
    if joined is not None:
        # keeping a split or quote-broken word as it is competes with the joined word
        options.append((tok, lm.id(tok), -cfg.invalid_penalty))
        if valid:
            options.append((word, lm.id(word), 0.0))
        elif any(ch in _QUOTES for ch in surface):
            toneless, tone, _ = split_tone(word)
            if tone == 0:  # a quote mark may be a tone mark the engine detached: hoc' -> học
                for t in range(1, 6):
                    toned = apply_tone(toneless, t)
                    if toned and lm.is_known(toned):
                        options.append((toned, lm.id(toned), _QUOTE_TONE))
    else:
        prior = cfg.keep_prior if valid else -cfg.invalid_penalty
        if valid and capitalised:
            prior += cfg.name_prior
        options.append((word, keep_id, prior))
    for cand, lp in channel.candidates(word, lm.is_known, deep=not valid, vocab=lm.syllables,
                                       prefixes=lm.prefixes, suffixes=lm.suffixes
                                       )[: cfg.max_candidates]:
        options.append((cand, lm.id(cand), lp))
    if not valid and joined is None and 4 <= len(word) <= 12:
        split = _best_split(word, lm)
        if split is not None:
            # two syllables the engine merged ("trongthực"); the LM sees the second, the first is
            # scored here by its bigram with the second
            options.append(split)
    return _Slot(start, end, surface, options, len(options) > 1, capitalised, valid and joined is None)


def _best_split(word: str, lm: NgramModel) -> tuple[str, int, float] | None:
    """Best reading of ``word`` as two known syllables, as an option ``("a b", id(b), score)``."""
    best: tuple[str, int, float] | None = None
    _tri, bi, uni = lm.tables()
    for i in range(1, len(word)):
        a, b = word[:i], word[i:]
        if not (lm.is_known(a) and lm.is_known(b) and is_valid(a) and is_valid(b)):
            continue
        ia, ib = lm.id(a), lm.id(b)
        t2 = bi.get((ia << BITS) | ib)
        inner = uni[ia] + (t2 if t2 is not None else BACKOFF + uni[ib]) - uni[ib]
        score = _SPLIT_COST + inner
        if best is None or score > best[2]:
            best = (f"{a} {b}", ib, score)
    return best


def decode(text: str, lm: NgramModel, channel: ChannelModel, cfg: DecoderConfig | None = None
           ) -> list[RawEdit]:
    """Repair edits for ``text`` (start/end index ``text``), sorted, non-overlapping, newline-free.

    Args:
        text: OCR output, any Unicode.
        lm: the syllable trigram model.
        channel: the confusion model.
        cfg: decoder knobs.
    Returns:
        Edits, each with its confidence; the caller applies those at or over ``cfg.apply_threshold``.
    """
    cfg = cfg or DecoderConfig()
    rules = _rule_edits(text)
    slots = _build_slots(text, lm, channel, cfg, [(e.start, e.end) for e in rules])
    choice = _beam(slots, lm, cfg)
    doc_style = document_style(text) if any(k for k in choice) else None
    edits = list(rules)
    bos = lm.id(BOS)
    _tri, bi, _uni = lm.tables()
    for k, slot in enumerate(slots):
        c = choice[k]
        if c == 0 or not slot.editable:
            continue
        word = slot.options[c][0]
        a = slots[k - 2].options[choice[k - 2]][1] if k >= 2 else bos
        b = slots[k - 1].options[choice[k - 1]][1] if k >= 1 else bos

        def local(opt: int, k: int = k, a: int = a, b: int = b, slot: _Slot = slot) -> float:
            w = slot.options[opt][1]
            s = slot.options[opt][2] + cfg.lm_weight * lm.score(a, b, w)
            if k + 1 < len(slots):
                n1 = slots[k + 1].options[choice[k + 1]][1]
                s += cfg.lm_weight * lm.score(b, w, n1)
                if k + 2 < len(slots):
                    s += cfg.lm_weight * lm.score(w, n1, slots[k + 2].options[choice[k + 2]][1])
            return s

        margin = local(c) - local(0)
        conf = 1.0 / (1.0 + math.exp(-margin / cfg.confidence_scale))
        original = "".join(ch for ch in slot.surface if ch != " " and ch not in _QUOTES)
        replacement = (" ".join(case_like(p, original) if j == 0 else p for j, p in enumerate(word.split(" ")))
                       if " " in word else _render(word, original, doc_style))
        if replacement == slot.surface or "\n" in slot.surface:
            continue
        wid = slot.options[c][1]
        in_context = ((k >= 1 and (b << BITS) | wid in bi)
                      or (k + 1 < len(slots) and (wid << BITS) | slots[k + 1].options[choice[k + 1]][1] in bi))
        edits.append(RawEdit(slot.start, slot.end, replacement, conf, slot.real_word, in_context))
    edits.sort(key=lambda e: e.start)
    out: list[RawEdit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


def _prune(slots: list[_Slot], lm: NgramModel, cfg: DecoderConfig) -> None:
    """Drop options that lose to keeping the token by ``cfg.prune_margin`` in a bigram check against
    the observed neighbours: two lookups per option instead of one per option and beam state.

    The outcome depends only on (left id, the slot's options, right id); text repeats those triples
    (every "công tác" in a document), so they are computed once per call.
    """
    _tri, bi, uni = lm.tables()
    max_in = lm.max_in
    lw = cfg.lm_weight
    margin = cfg.prune_margin
    unk2 = 2 * lw * UNK_SCORE
    n = len(slots)
    done: dict[tuple[int, int, int], list[tuple[str, int, float]]] = {}
    for k, slot in enumerate(slots):
        opts = slot.options
        if len(opts) < 2:
            continue
        left = slots[k - 1].options[0][1] if k else -1
        right = slots[k + 1].options[0][1] if k + 1 < n else -1
        key = (left, id(opts), right)
        hit = done.get(key)
        if hit is not None:
            slot.options = hit
            continue
        lb = left << BITS
        # the right neighbour's backed-off bigram does not depend on the option
        r_back = BACKOFF + uni[right] if right > 1 else 0.0
        r_max = lw * max_in[right] if right > 1 else 0.0
        bound = lw > 0  # (the bound needs a positive LM weight)
        floor = 0.0
        kept: list[tuple[str, int, float]] = []
        for o in opts:
            _w, wid, ch = o
            if wid == 1:
                s = ch + unk2
            else:
                # bigram scores are at most max_in: an option that loses even then needs no lookup
                if bound and kept and ch + (lw * max_in[wid] if left >= 0 else 0.0) + r_max < floor:
                    continue
                s = ch
                if left >= 0:
                    t2 = bi.get(lb | wid)
                    s += lw * (t2 if t2 is not None else BACKOFF + uni[wid])
                if right > 1:
                    t2 = bi.get((wid << BITS) | right)
                    s += lw * (t2 if t2 is not None else r_back)
            if not kept:
                floor = s - margin
                kept.append(o)
            elif s >= floor:
                kept.append(o)
        if len(kept) == len(opts):
            kept = opts
        done[key] = kept
        slot.options = kept


def _beam(slots: list[_Slot], lm: NgramModel, cfg: DecoderConfig) -> list[int]:
    """Beam search over slot options with trigram states; returns the chosen option per slot."""
    bos = lm.id(BOS)
    score = lm.score
    tri, bi, uni = lm.tables()
    sh1, sh2 = BITS, 2 * BITS
    unk = 1
    # state (id_prev2, id_prev1) -> (score, backpointer chain as nested tuples)
    beam: dict[tuple[int, int], tuple[float, tuple[int, object] | None]] = {(bos, bos): (0.0, None)}
    lw = cfg.lm_weight
    width = cfg.beam
    _prune(slots, lm, cfg)
    for slot in slots:
        opts = slot.options
        if len(beam) == 1 and len(opts) == 1:
            # the common case: one path, one option; no comparison needed
            ((a, b), (sc, back)), = beam.items()
            wid = opts[0][1]
            beam = {(b, wid): (sc + opts[0][2] + lw * score(a, b, wid), (0, back))}
            continue
        new: dict[tuple[int, int], tuple[float, tuple[int, object] | None]] = {}
        for (a, b), (sc, back) in beam.items():
            ab = (a << sh2) | (b << sh1)
            bb = b << sh1
            for idx, (_w, wid, ch) in enumerate(opts):
                # lm.score inlined: this loop is the decoder's hot spot
                if wid == unk:
                    lp = UNK_SCORE
                else:
                    t3 = tri.get(ab | wid)
                    if t3 is not None:
                        lp = t3
                    else:
                        t2 = bi.get(bb | wid)
                        lp = BACKOFF + t2 if t2 is not None else 2 * BACKOFF + uni[wid]
                s = sc + ch + lw * lp
                key = (b, wid)
                old = new.get(key)
                if old is None or s > old[0]:
                    new[key] = (s, (idx, back))
        beam = dict(sorted(new.items(), key=lambda kv: -kv[1][0])[:width]) if len(new) > width else new
    best = max(beam.values(), key=lambda v: v[0])[1]
    picks: list[int] = []
    while best is not None:
        idx, rest = best
        picks.append(idx)
        best = rest  # type: ignore[assignment]
    picks.reverse()
    return picks
