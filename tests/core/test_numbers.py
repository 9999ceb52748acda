"""Vietnamese number convention: decimal comma, thousands dot, scale words."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dondoc.core.numbers import (
    NUMBER_RE,
    decimals_of,
    format_vi_number,
    parse_vi_number,
    scale_of,
    split_unit,
)


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("22,9", 22.9), ("1.234", 1234.0), ("1.234,5", 1234.5), ("13,22", 13.22), ("06", 6.0),
        ("5.000.000", 5_000_000.0), ("0,03", 0.03), (" 920,7 ", 920.7), ("100", 100.0),
        ("-3,1", -3.1), ("−3,1", -3.1), ("+2", 2.0), ("152.340", 152340.0),
    ],
)
def test_parse(s: str, expected: float) -> None:
    assert parse_vi_number(s) == pytest.approx(expected)


@pytest.mark.parametrize(
    "s", ["", "abc", "1,2,3", "1.23", "12.34.567", "1.234.5", "30/9/2021", "2.5", "1,", ",5", "1 234",
          "1e5", "inf", "nan", "9" * 400, "5%"],
)
def test_parse_rejects(s: str) -> None:
    assert parse_vi_number(s) is None


def test_number_re_finds_tokens_not_dates_or_section_numbers() -> None:
    text = "đạt 5,72 tỷ USD ngày 30/9/2021, mục 1.1. và 1.234,5 nghìn; 06 dự án"
    assert [m.group() for m in NUMBER_RE.finditer(text)] == ["5,72", "1.234,5", "06"]


@pytest.mark.parametrize(
    ("word", "scale"),
    [("nghìn", 1e3), ("ngàn", 1e3), ("triệu", 1e6), ("tỷ", 1e9), ("tỉ", 1e9), ("nghìn tỷ", 1e12),
     ("Nghìn  Tỷ", 1e12), ("USD", None), ("", None)],
)
def test_scale_of(word: str, scale: float | None) -> None:
    assert scale_of(word) == scale


def test_scale_of_nfd() -> None:
    import unicodedata

    assert scale_of(unicodedata.normalize("NFD", "nghìn tỷ")) == 1e12


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("nghìn tỷ đồng", (1e12, "đồng")), ("tỷ USD", (1e9, "usd")), ("triệu tấn", (1e6, "tấn")),
     ("%", (1.0, "%")), (None, (1.0, "")), ("doanh nghiệp", (1.0, "doanh nghiệp")), ("nghìn tỷ", (1e12, ""))],
)
def test_split_unit(unit: str | None, expected: tuple[float, str]) -> None:
    assert split_unit(unit) == expected


@pytest.mark.parametrize(
    ("x", "decimals", "s"),
    [(1234.5, None, "1.234,5"), (13.22, None, "13,22"), (2.951, 3, "2,951"), (6.0, None, "6"),
     (-3.1, None, "-3,1"), (1_000_000.0, None, "1.000.000"), (0.0, 2, "0,00")],
)
def test_format(x: float, decimals: int | None, s: str) -> None:
    assert format_vi_number(x, decimals) == s


def test_decimals_of() -> None:
    assert (decimals_of("13,22"), decimals_of("1.234"), decimals_of("3,2")) == (2, 0, 1)


@given(st.text(max_size=80))
def test_parse_never_raises(s: str) -> None:
    v = parse_vi_number(s)
    assert v is None or math.isfinite(v)


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False).map(lambda x: round(x, 2)))
def test_format_parse_roundtrip(x: float) -> None:
    assert parse_vi_number(format_vi_number(x, 2)) == pytest.approx(x, abs=1e-6)
