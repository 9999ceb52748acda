from dondoc.core.analysis import analyse
from dondoc.core.header import parse_header, parse_tail, sentence_case_body
from dondoc.core.lines import split_lines
from dondoc.resources import gazetteer

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


DECREE_WITH_APPENDIX = """CÔNG BÁO/Số 252/Ngày 27-04-2026
90

CHÍNH PHỦ
________

Số: 118/2026/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 03 tháng 4 năm 2026

NGHỊ ĐỊNH
Về cho vay của ngân sách trung ương cho chính phủ nước ngoài

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc cho vay.

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG

Hồ Đức Phớc

Phụ lục I
MẪU BÁO CÁO
GIÁM ĐỐC
(Ký, ghi rõ họ tên)
Nơi nhận:
- Như trên;
"""


def test_a_decree_kind_line_ends_the_header_and_the_signature_stands_before_the_appendix():
    lines = split_lines(DECREE_WITH_APPENDIX)
    head = parse_header(DECREE_WITH_APPENDIX, lines)
    assert (head.issuer, head.number, head.kind) == ("Chính phủ", "118/2026/NĐ-CP", "other")
    assert head.title == "Về cho vay của ngân sách trung ương cho chính phủ nước ngoài"
    assert parse_tail(DECREE_WITH_APPENDIX, lines, head.body_start).signer == "Hồ Đức Phớc"


def test_a_governor_signs_before_the_appendix_forms():
    text = DECREE_WITH_APPENDIX.replace("TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG", "KT. THỐNG ĐỐC\nPHÓ THỐNG ĐỐC")
    lines = split_lines(text)
    head = parse_header(text, lines)
    tail = parse_tail(text, lines, head.body_start)
    assert tail.signer == "Hồ Đức Phớc"
    assert "THỐNG ĐỐC" not in text[: tail.body_end]


def test_a_signer_after_a_military_rank_or_the_remains_of_an_e_signature_mark():
    for written in ("Đại tướng Lương Tam Quang", "y]Lương Tam Quang"):
        text = DECREE_WITH_APPENDIX.replace("\nHồ Đức Phớc\n", f"\n{written}\n")
        lines = split_lines(text)
        assert parse_tail(text, lines, parse_header(text, lines).body_start).signer == "Lương Tam Quang"


def test_a_misspelt_capacity_line_stays_in_the_signing_block():
    text = DECREE_WITH_APPENDIX.replace("TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG", "KT.THỐNG ĐỐC\nPHÓ THỐNG ĐÔC")
    lines = split_lines(text)
    assert parse_tail(text, lines, parse_header(text, lines).body_start).signer == "Hồ Đức Phớc"


def test_an_issuer_on_two_lines_and_a_lower_case_number_label():
    text = (
        "ỦY BAN THƯỜNG VỤ\n\nQUỐC HỘI\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Nghị quyết số: 95/2025/UBTVQH15\n\nHà Nội, ngày 13 tháng 8 năm 2025\n\nNGHỊ QUYẾT\n\nQuy định định mức\n"
    )
    head = parse_header(text, split_lines(text))
    assert (head.issuer, head.number) == ("Ủy ban Thường vụ Quốc hội", "95/2025/UBTVQH15")


CONSOLIDATED = """CÔNG BÁO/Số 1117 + 1118/Ngày 19-10-2024

VĂN BẢN HỢP NHẤT -
BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

NGHỊ ĐỊNH
Quy định mức hưởng trợ cấp

Nghị định số 75/2021/NĐ-CP ngày 24 tháng 7 năm 2021 của Chính phủ, được sửa đổi, bổ sung bởi:

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định mức hưởng trợ cấp.

BỘ LAO ĐỘNG - THƯƠNG BINH
VÀ XÃ HỘI

Số: 4804/VBHN-BLĐTBXH
XÁC THỰC VĂN BẢN HỢP NHẤT

Hà Nội, ngày 04 tháng 10 năm 2024
KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Bá Hoan
"""


def test_a_consolidated_text_is_numbered_and_dated_where_it_is_authenticated():
    head = parse_header(CONSOLIDATED, split_lines(CONSOLIDATED))
    assert (head.number, head.issued_date, head.place) == ("4804/VBHN-BLĐTBXH", (2024, 10, 4), "Hà Nội")
    assert head.issuer == "Bộ Lao động - thương binh và xã hội"  # sentence case; the gazetteer's name in analysis
    doc = analyse(CONSOLIDATED, gazetteer=gazetteer()).to_json()["document"]
    assert doc["issuer"] == "Bộ Lao động - Thương binh và Xã hội"
