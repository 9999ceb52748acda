"""OCR repair stage: load the shipped Vietnamese repair model once per process and repair a text.

Terms. An ``Edit`` replaces ``original_text[start:end]`` (code points, half-open) by ``replacement``;
``applied=False`` marks a low-confidence suggestion that is NOT in ``RepairResult.text`` (the review
screen shows it). ``RepairResult.text`` has exactly as many line breaks as the input.

Why a stage and not core: the model lives in files (``dondoc/models/repair_vi.npz`` + ``.json``, built
by ``scripts/build_repair_model.py``); loading is I/O, the decoding itself is ``dondoc.core.repair``.
Registered name: ``dondoc.repair.vi_ocr.v1``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from dondoc.core.repair import ChannelModel, DecoderConfig, NgramModel, RawEdit, decode
from dondoc.errors import DependencyError

__all__ = ["NAME", "Edit", "RepairModel", "RepairResult", "load_model", "repair_text"]

NAME = "dondoc.repair.vi_ocr.v1"
_MAX_SEGMENT = 20_000  # decode long texts line by line in segments of about this many characters


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``original_text[start:end]`` (== ``original``) by ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str
    confidence: float
    applied: bool = True

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "confidence": round(self.confidence, 4),
            "applied": self.applied,
        }


@dataclass(frozen=True, slots=True)
class RepairResult:
    text: str
    original_text: str
    edits: list[Edit] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RepairModel:
    """The loaded language and channel models plus their metadata."""

    lm: NgramModel
    channel: ChannelModel
    meta: dict[str, object]


@lru_cache(maxsize=1)
def load_model() -> RepairModel:
    """Load (once per process) the model shipped in ``dondoc/models``.

    Raises:
        DependencyError: the model files are missing (rebuild with scripts/build_repair_model.py).
    """
    base = resources.files("dondoc") / "models"
    try:
        with (base / "repair_vi.npz").open("rb") as fh, np.load(fh) as npz:
            arrays = {k: npz[k] for k in npz.files}
        meta = json.loads((base / "repair_vi.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DependencyError(
            "Thiếu mô hình sửa lỗi OCR (dondoc/models/repair_vi.npz); hãy chạy "
            "scripts/build_repair_model.py hoặc cài lại dondoc."
        ) from exc
    rows = [(str(a), str(b), int(c), int(d)) for a, b, c, d in meta.get("confusions", [])]
    lm = NgramModel.from_arrays(arrays)
    grouped: dict[str, list[tuple[str, float]]] = {}
    if "cand_src" in arrays:
        vocab = lm.vocab
        for s, d, lp in zip(arrays["cand_src"].tolist(), arrays["cand_dst"].tolist(),
                            arrays["cand_lp"].tolist(), strict=True):
            grouped.setdefault(vocab[s], []).append((vocab[d], lp))
    precomputed = {w: tuple(c) for w, c in grouped.items()}
    deep: dict[str, tuple[tuple[str, float], ...]] = {}
    if "deep_words" in arrays:
        vocab = lm.vocab
        words = bytes(arrays["deep_words"]).decode("utf-8").split("\n")
        ptr = arrays["deep_ptr"].tolist()
        dst, dlp = arrays["deep_dst"].tolist(), arrays["deep_lp"].tolist()
        deep = {w: tuple(zip([vocab[d] for d in dst[ptr[k] : ptr[k + 1]]], dlp[ptr[k] : ptr[k + 1]], strict=True))
                for k, w in enumerate(words) if w}
    return RepairModel(lm=lm, channel=ChannelModel.build(rows, precomputed, deep), meta=meta)


def _segments(text: str) -> list[tuple[int, int]]:
    """Split at line breaks into pieces of about ``_MAX_SEGMENT`` chars (LM context crosses lines inside)."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _MAX_SEGMENT)
        if end < len(text):
            nl = text.rfind("\n", start, end)
            end = nl + 1 if nl > start else end
        out.append((start, end))
        start = end
    return out


def repair_text(text: str, *, config: DecoderConfig | None = None, model: RepairModel | None = None
                ) -> RepairResult:
    """Repair OCR errors in Vietnamese ``text``.

    Args:
        text: the ingested text (any Unicode; offsets of the edits index it).
        config: decoder knobs; the defaults are the tuned ones.
        model: a loaded model; defaults to the shipped one (cached per process).
    Returns:
        The repaired text (same number of line breaks), the original, and every edit with its
        confidence. Edits under ``config.apply_threshold`` have ``applied=False`` and are not applied
        (suggestions); so do real-word substitutions (the original is itself a known, valid syllable:
        "trang" for "trong") under the stricter ``config.real_word_threshold`` or whose replacement
        has no corpus bigram with a neighbour.
    """
    cfg = config or DecoderConfig()
    mdl = model or load_model()
    raw: list[RawEdit] = []
    for s, e in _segments(text):
        raw.extend(RawEdit(r.start + s, r.end + s, r.replacement, r.confidence, r.real_word, r.in_context)
                   for r in decode(text[s:e], mdl.lm, mdl.channel, cfg))
    edits: list[Edit] = []
    pieces: list[str] = []
    pos = 0
    for r in raw:
        original = text[r.start : r.end]
        if "\n" in original or "\n" in r.replacement or r.replacement == original:
            continue
        # a real-word substitution needs more confidence, and context: see DecoderConfig
        threshold = cfg.real_word_threshold if r.real_word else cfg.apply_threshold
        applied = r.confidence >= threshold and (r.in_context or not r.real_word)
        edits.append(Edit(r.start, r.end, original, r.replacement, r.confidence, applied))
        if applied:
            pieces.append(text[pos : r.start])
            pieces.append(r.replacement)
            pos = r.end
    pieces.append(text[pos:])
    return RepairResult(text="".join(pieces), original_text=text, edits=edits)
