"""The syllable grammar: well-formed syllables pass, OCR debris fails, both tone placements pass."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from dondoc.core.syllable import apply_tone, case_like, is_valid, parse, remove_marks, split_tone, tone_style

VALID = ["trong", "trên", "cảng", "tăng", "hơn", "Tổ", "quốc", "về", "gì", "gìn", "giếng", "giữa", "quý",
         "quí", "quan", "quản", "quen", "quét", "quăng", "nghiêng", "người", "khuya", "khuỷu", "thuở", "chuyện", "hoạch", "ươm", "oán", "xoong",
         "ĐẢNG", "kiểm", "kiếm", "uống", "tắc", "ký", "kí", "ke"]
INVALID = ["ừong", "ĩỉên", "v", "gh", "hch", "tếl", "tăc", "tàc", "ngiên", "ka", "ce", "kon", "ghô",
           "tóan", "quoc", "qa", "hộí", "cưong", "ýếu", "", "abc1", "trongg"]


@pytest.mark.parametrize("word", VALID)
def test_valid_syllables(word: str) -> None:
    assert is_valid(word)


@pytest.mark.parametrize("word", INVALID)
def test_invalid_syllables(word: str) -> None:
    assert not is_valid(word)


@pytest.mark.parametrize(("first", "last"), [("hòa", "hoà"), ("ủy", "uỷ"), ("khỏe", "khoẻ"), ("thúy", "thuý")])
def test_both_tone_placements_valid_and_style_told_apart(first: str, last: str) -> None:
    assert is_valid(first) and is_valid(last)
    assert tone_style(first) == "first" and tone_style(last) == "last"
    toneless, tone, _ = split_tone(first)
    assert apply_tone(toneless, tone, style="first") == first
    assert apply_tone(toneless, tone, style="last") == last


def test_stop_codas_only_with_sac_or_nang() -> None:
    assert is_valid("học") and is_valid("hóc")
    assert not any(is_valid(w) for w in ("hòc", "hỏc", "hõc", "hoc"))


def test_nfd_input_and_parts() -> None:
    nfd = unicodedata.normalize("NFD", "trường")
    syl = parse(nfd)
    assert syl is not None and (syl.onset, syl.rhyme, syl.tone) == ("tr", "ương", 1)


def test_helpers() -> None:
    assert remove_marks("Tổ quốc Đảng") == "To quoc Dang"
    assert case_like("trên", "TRÊN") == "TRÊN" and case_like("trên", "Ừong") == "Trên"


def test_covers_the_running_text_of_official_documents() -> None:
    """On real documents nearly every lowercase letter run is a valid syllable (grammar not too strict)."""
    base = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "directives-vbpl"
    files = sorted(base.glob("*.txt"))[:5]
    if not files:
        pytest.skip("shared data not available")
    words = [w for f in files for w in f.read_text(encoding="utf-8").split() if w.isalpha() and w.islower()]
    ok = sum(is_valid(w) for w in words)
    assert ok / len(words) > 0.997  # the rest: list markers a), b), đ)
