"""Directive verbs, and the document name "Quyết định" that must not pass for one."""

import pytest

from dondoc.core.actions import ACTION_RE


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Quyết định nội dung chi", "Quyết định"),
        ("nội dung chi; Quyết định việc sử dụng kinh phí", "Quyết định"),
        ("Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định việc hỗ trợ", "quyết định"),
        ("Khen thưởng các giảng viên cơ hữu", "Khen thưởng"),
        ("Thống kê; chủ \ntrì tổng hợp thông tin", "chủ \ntrì"),  # a verb wrapped across a line
        ("Đăng tải thông tin quy định tại các điểm a, g", "Đăng tải"),  # to post on the procurement system
        ("Tháng 12 hằng năm, quyết toán kinh phí đóng bảo hiểm y tế", "quyết toán"),  # to settle the accounts
    ],
)
def test_verbs(text, verb):
    m = ACTION_RE.search(text)
    assert m is not None and m.group("a") == verb


@pytest.mark.parametrize(
    "text",
    [
        "Quyết định số 12/2020/QĐ-TTg",
        "kể từ ngày Quyết định này có hiệu lực",
        "theo quyết định của Thủ tướng",
        "tại Quyết định 893",
    ],
)
def test_the_name_of_a_decision_is_no_verb(text):
    assert ACTION_RE.search(text) is None


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        ("Tổ chức thu phí khai, nộp và quyết toán phí", ["Tổ chức", "khai", "nộp", "quyết toán"]),
        ("Tổ chức thu phí, lệ phí khai, thu, nộp phí", ["Tổ chức", "khai", "nộp"]),
        ("Cá nhân kê khai và nộp thuế", ["khai", "nộp"]),
        ("Ủy ban nhân dân cấp xã xác nhận vào bản khai của từng người", []),
        ("nhà thầu kê khai thông tin trên webform", []),
    ],
    ids=["khai-nop", "khai-thu-nop", "ke-khai-va-nop", "ban-khai", "ke-khai-alone"],
)
def test_to_declare_is_a_verb_only_with_paying(text, verbs):
    assert [m.group("a") for m in ACTION_RE.finditer(text)] == verbs
