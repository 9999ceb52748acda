import pytest

from dondoc.core.outline import parse_outline, split_lines

PARTY = """KẾT LUẬN
về nhiệm vụ năm 2021

1. Kết quả đạt được

Kinh tế tăng trưởng khá.

2. Nhiệm vụ trọng tâm

2.1. Tổ chức hội nghị quán triệt trong tháng 4/2021.

2,2, Xây dựng 05 trường học trong năm 2021:
- Trường A;
- Trường B.

3. Tổ chức thực hiện
"""


def test_party_numbering_nests_and_reads_damaged_numbers():
    secs = parse_outline(PARTY)
    got = [(s.number, s.parent, s.depth) for s in secs]
    assert got[:4] == [("1", None, 0), ("2", None, 0), ("2.1", 1, 1), ("2.2", 1, 1)]
    assert [s.number for s in secs if s.depth == 0] == ["1", "2", "3"]
    bullets = [s for s in secs if s.marker is not None and s.marker.style == "dash"]
    assert len(bullets) == 2 and all(secs[b.parent].number == "2.2" for b in bullets if b.parent is not None)


def test_heading_is_first_line_of_short_headings():
    secs = parse_outline(PARTY)
    assert secs[1].heading == "Nhiệm vụ trọng tâm"
    assert PARTY[secs[1].heading_span.start : secs[1].heading_span.end] == "Nhiệm vụ trọng tâm"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Việc bàn giao phải hoàn thành trước ngày 01 tháng 7 năm\n2026. Từ ngày 01 tháng 7", id="year-at-line-start"),
        pytest.param("nút giao Tôn Đức Thắng\n- Máng Nước - Quốc lộ 5,...", id="dash-continuation"),
    ],
)
def test_wrapped_lines_do_not_open_sections(text):
    assert parse_outline(text) == []


def test_decree_articles_points_and_gazette_noise():
    text = (
        "Điều 1. Phạm vi\n1. Nội dung một.\n2. Nội dung hai:\na) Điểm a;\nb) Điểm b.\n"
        "CÔNG BÁO/Số 283/Ngày 25-05-2026\n111\n\nĐiều 2. Hiệu lực\nNghị quyết có hiệu lực.\n"
    )
    secs = parse_outline(text)
    assert [(s.number, s.depth) for s in secs] == [
        ("Điều 1", 0), ("1", 1), ("2", 1), ("a", 2), ("b", 2), ("Điều 2", 0)
    ]
    noise = [ln for ln in split_lines(text) if ln.noise]
    assert [ln.text for ln in noise] == ["CÔNG BÁO/Số 283/Ngày 25-05-2026", "111"]
    # sections end where the next sibling starts
    assert secs[0].end <= secs[5].start


def test_a_bullet_after_a_wrapped_heading_opens_a_section():
    text = (
        "a) Tham mưu Thủ tướng Chính phủ phê duyệt Quy hoạch hạ tầng thông tin và\n"
        "truyền thông giai đoạn 2021 - 2030, tầm nhìn 2050\n"
        "- Đơn vị chủ trì: Bộ Thông tin và Truyền thông.\n"
        "- Thời gian thực hiện: Quý IV năm 2023.\n"
    )
    secs = parse_outline(text)
    assert [s.heading for s in secs if s.marker.style == "dash"] == ["Đơn vị chủ trì:", "Thời gian thực hiện:"]


def test_a_chapter_title_on_the_next_line_is_its_heading():
    secs = parse_outline("Chương III\n\nTỔ CHỨC THỰC HIỆN\n\nĐiều 11. Trách nhiệm của Bộ Tài chính\n")
    assert secs[0].heading == "TỔ CHỨC THỰC HIỆN"
