from datetime import date

import pytest

from dondoc.errors import InputError
from dondoc.report import parse_period, resolve_period
from dondoc.track import parse_period as track_parse_period


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2021-Q2", date(2021, 4, 1), date(2021, 6, 30), "Quý II năm 2021"),
        ("2021-q4", date(2021, 10, 1), date(2021, 12, 31), "Quý IV năm 2021"),
        ("2021-H1", date(2021, 1, 1), date(2021, 6, 30), "6 tháng đầu năm 2021"),
        ("2021-H2", date(2021, 7, 1), date(2021, 12, 31), "6 tháng cuối năm 2021"),
        ("2021", date(2021, 1, 1), date(2021, 12, 31), "năm 2021"),
        ("2021-04", date(2021, 4, 1), date(2021, 4, 30), "tháng 4 năm 2021"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "tháng 2 năm 2024"),
        (" 2021-4 ", date(2021, 4, 1), date(2021, 4, 30), "tháng 4 năm 2021"),
    ],
    ids=lambda v: str(v) if isinstance(v, str) else None,
)
def test_periods(text: str, start: date, end: date, label: str) -> None:
    assert parse_period(text) == (start, end)
    assert resolve_period(text).label == label
    # The tracker's own period parser (web filters, stats) must agree on the dates.
    assert track_parse_period(text) == (start, end)


@pytest.mark.parametrize("text", ["", "Q2-2021", "2021-Q5", "2021-H3", "2021-13", "2021-00", "21-Q2", "2021Q2",
                                  "quý 2", "0999"])
def test_bad_periods_are_input_errors(text: str) -> None:
    with pytest.raises(InputError, match="2021-Q2"):
        parse_period(text)
