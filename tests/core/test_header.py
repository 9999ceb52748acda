from dondoc.core.header import parse_header, parse_tail, sentence_case_body
from dondoc.core.outline import split_lines

STATE = """CHÍNH PHỦ
__________

Số: 126/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 11 tháng 5 năm 2026

NGHỊ QUYẾT
Về việc chuyển giao Làng Văn hóa
về Ủy ban nhân dân thành phố Hà Nội quản lý

CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ;

QUYẾT NGHỊ:
Điều 1. Giao Bộ Tài chính chủ trì thực hiện.

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Nguyễn Văn An

Nơi nhận:
- Các bộ, cơ quan ngang bộ;
- Lưu: VT.
"""

PARTY = """ĐẢNG BỘ THÀNH PHỐ HẢI DƯƠNG
THÀNH ỦY
Số 12-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hải Dương, ngày 02 tháng 4 năm 2021

KẾT LUẬN
HỘI NGHỊ THÀNH ỦY LẦN THỨ 5
về nhiệm vụ Quý II năm 2021

Nội dung.
"""


def test_state_header_fields():
    lines = split_lines(STATE)
    h = parse_header(STATE, lines)
    assert (h.kind, h.number, h.issuer, h.place, h.issued_date) == (
        "nghi_quyet", "126/NQ-CP", "Chính phủ", "Hà Nội", (2026, 5, 11)
    )
    assert h.title == "Về việc chuyển giao Làng Văn hóa về Ủy ban nhân dân thành phố Hà Nội quản lý"
    tail = parse_tail(STATE, lines, h.body_start)
    assert tail.signer == "Nguyễn Văn An"
    assert tail.capacity is not None and "KT. THỦ TƯỚNG" in tail.capacity
    assert tail.recipients == ["Các bộ, cơ quan ngang bộ", "Lưu: VT"]
    assert STATE[: tail.body_end].rstrip().endswith("chủ trì thực hiện.")


def test_party_header_takes_organ_and_about_line():
    h = parse_header(PARTY, split_lines(PARTY))
    assert (h.kind, h.number, h.issuer, h.issued_date) == ("ket_luan", "12-KL/TU", "Thành ủy", (2021, 4, 2))
    assert h.title == "về nhiệm vụ Quý II năm 2021"


def test_sentence_case_keeps_place_names():
    assert sentence_case_body("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI") == "Ủy ban nhân dân thành phố Hà Nội"
    assert sentence_case_body("BỘ TÀI CHÍNH") == "Bộ Tài chính"


LETTER = """BỘ TÀI CHÍNH
Số: 120/BTC-QLN
V/v triển khai kế hoạch vay vốn năm 2025
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 3 năm 2025

Kính gửi:
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương;
- Ngân hàng Nhà nước Việt Nam.

Bộ Tài chính đề nghị các đơn vị rà soát nhu cầu vay và gửi báo cáo trước ngày 30/4/2025.
"""


def test_letter_summary_and_addressees():
    h = parse_header(LETTER, split_lines(LETTER))
    assert (h.kind, h.number, h.issuer) == ("cong_van", "120/BTC-QLN", "Bộ Tài chính")
    assert h.title == "triển khai kế hoạch vay vốn năm 2025"
    assert h.addressees == ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "Ngân hàng Nhà nước Việt Nam")
    assert LETTER[h.body_start :].strip().startswith("Bộ Tài chính đề nghị")


def test_letter_addressees_own_its_requests():
    from dondoc.core.analysis import analyse
    from dondoc.resources import gazetteer

    tasks = analyse(LETTER, gazetteer=gazetteer()).to_json()["tasks"]
    assert len(tasks) == 1 and tasks[0]["due"]["date"] == "2025-04-30"
    assert tasks[0]["owners"] == [
        {"name": "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "role": "lead"},
        {"name": "Ngân hàng Nhà nước Việt Nam", "role": "lead"},
    ]
