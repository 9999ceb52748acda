"""Consistency checks: figures that agree pass, a wrong figure is flagged with a clear message."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dondoc.core.checks import Check, check_indicators
from dondoc.core.indicators import Indicator, find_indicators
from dondoc.core.spans import Span


def ind(name: str = "X", **kw: object) -> Indicator:
    base: dict[str, object] = dict(value=None, unit=None, qualifier=None, change_pct=None, ratio=None,
                                   ratio_base=None, base_value=None, parent=None, span=Span(0, 1))
    base.update(kw)
    return Indicator(name, **base)  # type: ignore[arg-type]


def rules(checks: list[Check]) -> list[tuple[str, bool]]:
    return [(c.rule, c.ok) for c in checks]


@pytest.mark.parametrize(
    ("change", "base", "ratio", "ok"),
    [
        (13.22, 4.48, 2.95, True),    # 2,951
        (13.22, 4.48, 3.95, False),   # a wrong digit
        (18.29, 5.7, 3.2, True),      # 3,209: the printed ratio has one decimal
        (18.29, 5.7, 3.3, False),
        (9.41, 5.56, 1.69, True),     # 1,692
        (9.41, 5.56, 1.7, True),      # 1,692 rounds to 1,7
        (9.41, 5.56, 1.6, False),
        (10.5, 5.8, 1.8, True),       # 1,810
        (6.0, 3.0, 2.0, True),
        (6.0, 3.0, 2.2, True),        # whole numbers stand for ±0,5: 6,5 ÷ 2,5 = 2,6
        (6.0, 3.0, 3.5, False),       # ... but "gấp 3,5 lần" (3..4) is out of reach
    ],
)
def test_ratio_to_base_value(change: float, base: float, ratio: float, ok: bool) -> None:
    i = ind("GRDP", change_pct=change, ratio=ratio, ratio_base="national_average", base_value=base)
    (c,) = check_indicators([i])
    assert c.rule == "ratio_consistency"
    assert c.ok is ok
    assert "GRDP" in c.message


def test_wrong_ratio_message_names_the_figures() -> None:
    text = "GRDP ước tăng 13,22%, gấp 3,95 lần bình quân chung cả nước (4,48%)."
    (c,) = check_indicators(find_indicators(text))
    assert not c.ok
    assert "13,22 ÷ 4,48 = 2,951" in c.message and "3,95" in c.message and "không khớp" in c.message
    assert c.span is not None and text[c.span.start : c.span.end].startswith("GRDP")
    assert c.to_json()["ok"] is False and c.to_json()["start"] == 0


def test_right_ratio_message() -> None:
    (c,) = check_indicators([ind("GRDP", change_pct=13.22, ratio=2.95, ratio_base="national_average",
                                 base_value=4.48)])
    assert c.ok and c.message == "GRDP: 13,22 ÷ 4,48 = 2,951 ≈ gấp 2,95 lần: khớp"


def test_ratio_of_levels() -> None:
    ok = ind("Xuất siêu", value=1.1, unit="tỷ USD", ratio=2.0, ratio_base="same_period", base_value=0.55)
    bad = replace(ok, ratio=3.0)
    assert rules(check_indicators([ok])) == [("ratio_consistency", True)]
    assert rules(check_indicators([bad])) == [("ratio_consistency", False)]


@pytest.mark.parametrize(
    ("change", "ratio", "ok"),
    [(25.0, 1.25, True), (150.0, 2.5, True), (25.0, 2.25, False), (325.0, 4.25, True), (225.0, 4.25, False)],
)
def test_ratio_against_same_period_change(change: float, ratio: float, ok: bool) -> None:
    i = ind("FDI", value=3.0, unit="tỷ USD", change_pct=change, ratio=ratio, ratio_base="same_period")
    assert rules(check_indicators([i])) == [("ratio_consistency", ok)]


def test_plan_ratio_and_lone_ratio_are_not_checked() -> None:
    assert check_indicators([ind(ratio=0.45, ratio_base="plan", change_pct=5.0)]) == []
    assert check_indicators([ind(ratio=2.0, ratio_base="national_average")]) == []
    assert check_indicators([ind(change_pct=5.0, ratio=2.0, ratio_base="x", base_value=0.0)]) == []


def test_part_not_above_total_across_scales() -> None:
    text = ("Thu ngân sách đạt 22,9 nghìn tỷ đồng; trong đó, thu nội địa đạt 8.800 tỷ đồng; "
            "trong đó, thu từ đất đạt 9 nghìn tỷ đồng.")
    found = find_indicators(text)
    assert [i.parent for i in found] == [None, 0, 0]
    checks = check_indicators(found)
    assert rules(checks)[:2] == [("part_not_above_total", True), ("part_not_above_total", True)]
    bad = check_indicators([found[0], replace(found[1], value=23.5, unit="nghìn tỷ đồng")])
    assert rules(bad) == [("part_not_above_total", False)]
    assert "lớn hơn tổng" in bad[0].message and "23,5 nghìn tỷ đồng" in bad[0].message


def test_part_equal_within_rounding_is_ok() -> None:
    total = ind("Tổng", value=22.9, unit="nghìn tỷ đồng")
    part = ind("Phần", value=22.94, unit="nghìn tỷ đồng", parent=0)
    assert rules(check_indicators([total, part])) == [("part_not_above_total", True)]


def test_different_unit_bases_are_not_compared() -> None:
    total = ind("Tổng", value=10.0, unit="tỷ đồng")
    part = ind("Phần", value=900.0, unit="triệu USD", parent=0)
    assert check_indicators([total, part]) == []


def test_exhaustive_parts_must_add_up() -> None:
    text = ("Tổng kim ngạch xuất nhập khẩu đạt 10,5 tỷ USD, gồm:\n- Xuất khẩu đạt 6,2 tỷ USD;\n"
            "- Nhập khẩu đạt 4,3 tỷ USD.")
    found = find_indicators(text)
    assert found[0].exhaustive_parts
    assert ("parts_sum", True) in rules(check_indicators(found))
    wrong = [replace(found[0], value=11.5), *found[1:]]
    sums = [c for c in check_indicators(wrong) if c.rule == "parts_sum"]
    assert [c.ok for c in sums] == [False]
    assert "6,2 tỷ USD + 4,3 tỷ USD = 10,5 tỷ USD" in sums[0].message


def test_non_exhaustive_parts_may_not_exceed_total() -> None:
    total = ind("Tổng vốn", value=80.0, unit="nghìn tỷ đồng")
    a = ind("A", value=50.0, unit="nghìn tỷ đồng", parent=0)
    b = ind("B", value=40.0, unit="nghìn tỷ đồng", parent=0)
    checks = check_indicators([total, a, b])
    assert ("parts_sum", False) in rules(checks)
    fine = check_indicators([total, a, replace(b, value=20.0)])
    assert rules(fine) == [("part_not_above_total", True)] * 2


@pytest.mark.parametrize(
    ("name", "value", "ok"),
    [("Tỷ lệ hộ nghèo", 3.5, True), ("Tỷ lệ giải ngân", 105.3, False),
     ("Tỷ trọng công nghiệp", 100.0, True), ("Kinh tế số chiếm", 101.0, False)],
)
def test_percent_share_range(name: str, value: float, ok: bool) -> None:
    assert rules(check_indicators([ind(name, value=value, unit="%")])) == [("percent_range", ok)]


def test_growth_above_100_percent_is_not_a_share() -> None:
    assert check_indicators([ind("Kim ngạch", value=130.0, unit="%")]) == []


def test_fall_of_100_percent_or_more() -> None:
    (c,) = check_indicators([ind("Sản lượng", change_pct=-120.0)])
    assert (c.rule, c.ok) == ("percent_range", False) and "giảm 120%" in c.message


def test_check_to_json_without_span() -> None:
    assert Check("r", True, "m", None).to_json() == {"rule": "r", "ok": True, "message": "m"}


_floats = st.one_of(st.none(), st.floats(allow_nan=False, min_value=-1e15, max_value=1e15))


@given(st.lists(st.builds(
    ind, name=st.text(max_size=10), value=_floats,
    unit=st.sampled_from([None, "%", "tỷ USD", "nghìn tỷ đồng"]),
    change_pct=_floats, ratio=_floats, ratio_base=st.sampled_from([None, "plan", "same_period", "x"]),
    base_value=_floats, parent=st.one_of(st.none(), st.integers(-2, 6)),
), max_size=6))
def test_never_raises(indicators: list[Indicator]) -> None:
    for c in check_indicators(indicators):
        assert isinstance(c.message, str) and c.message
