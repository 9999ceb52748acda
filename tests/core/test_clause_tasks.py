"""One clause into tasks (``dondoc.core.clause_tasks``), read through ``analyse`` on small texts."""

from dondoc.core.analysis import analyse
from dondoc.resources import gazetteer

_HEAD = """BỘ TÀI CHÍNH
Số: 12/VBHN-BTC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 3 năm 2026

THÔNG TƯ
Hướng dẫn công bố thông tin

Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn việc công bố thông tin.
"""


def _task_starts(text: str) -> list[str]:
    return [t["text"][:40] for t in analyse(text, gazetteer=gazetteer()).to_json()["tasks"]]


def test_the_enacting_formula_quoted_after_its_preamble_is_no_task():
    # a consolidated text prints the amending circular's preamble again, here inside an article
    text = _HEAD + """Điều 2. Trách nhiệm của Bộ Tài chính
1. Bộ Tài chính hướng dẫn các tổ chức thực hiện công bố thông tin.
Theo đề nghị của Chủ tịch Ủy ban Chứng khoán Nhà nước;
Bộ trưởng Bộ Tài chính ban hành Thông tư sửa đổi, bổ sung một số điều của Thông tư số 96/2020/TT-BTC.
2. Bộ Tài chính kiểm tra việc công bố thông tin của các tổ chức.
"""
    starts = _task_starts(text)
    assert not any(s.startswith("Bộ trưởng Bộ Tài chính ban hành") for s in starts)
    assert any(s.startswith("Bộ Tài chính hướng dẫn") for s in starts)
    assert any(s.startswith("Bộ Tài chính kiểm tra") for s in starts)


def test_a_delegation_to_issue_a_circular_is_a_task():
    text = _HEAD + """Điều 2. Tổ chức thực hiện
1. Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn công bố thông tin trước ngày 30 tháng 6 năm 2026.
"""
    assert any(s.startswith("Bộ trưởng Bộ Tài chính ban hành") for s in _task_starts(text))


def test_carried_out_as_the_law_says_is_a_rule_but_an_article_cited_as_duties_is_a_task():
    text = _HEAD + """Điều 2. Trách nhiệm của Ủy ban nhân dân cấp tỉnh
1. Thực hiện theo quy định của pháp luật về giá.
2. Thực hiện theo quy định tại Điều 40 Nghị định số 27/2022/NĐ-CP và các nhiệm vụ được phân công.
3. Chỉ đạo Sở Tài chính kiểm tra việc công bố thông tin.
"""
    starts = _task_starts(text)
    assert not any(s.startswith("Thực hiện theo quy định của pháp luật") for s in starts)
    assert any(s.startswith("Thực hiện theo quy định tại Điều 40") for s in starts)
    assert any(s.startswith("Chỉ đạo Sở Tài chính") for s in starts)


def test_a_managing_body_that_is_named_the_fee_collector_is_defined_not_tasked():
    text = _HEAD + """Điều 2. Tổ chức thu phí
Cơ quan quản lý nhà nước về sát hạch lái tàu theo quy định của pháp luật về đường sắt là tổ chức thu phí sát hạch lái tàu.
Điều 3. Trách nhiệm của tổ chức thu phí
Cơ quan quản lý nhà nước về sát hạch lái tàu báo cáo Bộ Tài chính kết quả thu phí hằng năm.
"""
    tasks = [t["text"] for t in analyse(text, gazetteer=gazetteer()).to_json()["tasks"]]
    assert tasks == ["Cơ quan quản lý nhà nước về sát hạch lái tàu báo cáo Bộ Tài chính kết quả thu phí hằng năm"]
