"""The confusion model proposes the true syllable for the errors engines make."""

from __future__ import annotations

import pytest

from dondoc.core.repair.channel import ChannelModel
from dondoc.core.syllable import is_valid

CHANNEL = ChannelModel.build([("ể", "ế", 95, 785), ("ệ", "", 43, 2099)])


def any_valid(word: str) -> bool:
    return is_valid(word)


@pytest.mark.parametrize(
    ("ocr", "truth"),
    [("hon", "hơn"), ("càng", "cảng"), ("táng", "tăng"), ("kiếm", "kiểm"), ("ừong", "trong"),
     ("rnột", "một"), ("vin", "viện")],
)
def test_truth_is_a_candidate(ocr: str, truth: str) -> None:
    cands = dict(CHANNEL.candidates(ocr, any_valid, deep=not is_valid(ocr)))
    assert truth in cands


def test_learned_confusion_beats_the_floor() -> None:
    cands = dict(CHANNEL.candidates("kiếm", any_valid))
    assert cands["kiểm"] > cands["kìm" if "kìm" in cands else "kiệm"]


def test_candidates_are_valid_known_and_exclude_the_token() -> None:
    known = {"trong", "trông"}
    cands = CHANNEL.candidates("trang", lambda w: w in known)
    assert {c for c, _ in cands} <= known and all(c != "trang" for c, _ in cands)


@pytest.mark.parametrize("ocr", ["hon", "càng", "ừong", "rnột", "vin", "ĩỉên", "kiếm", "qưa", "xyz", "ngiên"])
def test_pruned_search_matches_the_plain_one(ocr: str) -> None:
    """The vocabulary/prefix/suffix-pruned search returns exactly the filtered plain search."""
    vocab = frozenset(w for w in ("hơn", "càng", "cảng", "trong", "một", "viện", "trên", "kiểm", "kiếm", "qua",
                                  "quá", "nghiên", "ngiên", "hon") if is_valid(w))
    prefixes = frozenset(w[:i] for w in vocab for i in range(len(w) + 1))
    suffixes = frozenset(w[i:] for w in vocab for i in range(len(w) + 1))
    for deep in (False, True):
        plain = ChannelModel.build([("ể", "ế", 95, 785), ("ệ", "", 43, 2099)])
        fast = ChannelModel.build([("ể", "ế", 95, 785), ("ệ", "", 43, 2099)])
        want = plain.candidates(ocr, vocab.__contains__, deep=deep)
        got = fast.candidates(ocr, vocab.__contains__, deep=deep, vocab=vocab, prefixes=prefixes,
                              suffixes=suffixes)
        assert got == want
