import pytest

from dondoc.core.references import find_references


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tại Báo cáo số 92-BC/BCS ngày 02/4/2021", [("bao_cao", "92-BC/BCS", "2021-04-02")]),
        ("theo Kết luận số 09-KL/TU ngày 04/3/2021 của", [("ket_luan", "09-KL/TU", "2021-03-04")]),
        ("Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022", [("nghi_dinh", "39/2022/NĐ-CP", "2022-06-18")]),
        ("Luật Nhà ở số 27/2023/QH15;", [("luat", "27/2023/QH15", None)]),
        ("mức phạt 5.000.000 đồng, ngày 30/9/2021", []),
    ],
)
def test_references(text, expected):
    refs = find_references(text)
    assert [(r.kind, r.number, r.date.isoformat() if r.date else None) for r in refs] == expected
    for r in refs:
        assert r.number.replace(" ", "") in text[r.span.start : r.span.end].replace(" ", "")
