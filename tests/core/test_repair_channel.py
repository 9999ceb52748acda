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
