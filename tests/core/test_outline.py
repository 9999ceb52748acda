import pytest

from dondoc.core.lines import split_lines
from dondoc.core.outline import parse_outline

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
        pytest.param(
            "Việc bàn giao phải hoàn thành trước ngày 01 tháng 7 năm\n2026. Từ ngày 01 tháng 7", id="year-at-line-start"
        ),
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
    assert [(s.number, s.depth) for s in secs] == [("Điều 1", 0), ("1", 1), ("2", 1), ("a", 2), ("b", 2), ("Điều 2", 0)]
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


def test_an_article_heading_that_stops_on_a_comma_runs_on_and_its_items_open_sections():
    text = (
        "Điều 21. Trách nhiệm của các bộ, ngành, địa phương, doanh nghiệp,\n"
        "tổ chức khoa học và công nghệ, cơ sở giáo dục đại học\n"
        "1. Bộ Giáo dục và Đào tạo\n"
        "a) Chủ trì hướng dẫn thực hiện Nghị định;\n"
        "b) Tổng hợp, báo cáo cấp có thẩm quyền.\n"
        "2. Cơ sở giáo dục đại học\n"
        "a) Xây dựng chiến lược phát triển khoa học.\n"
    )
    secs = parse_outline(text)
    assert secs[0].heading.endswith("cơ sở giáo dục đại học")
    assert [(s.number, secs[s.parent].number if s.parent is not None else None) for s in secs[1:]] == [
        ("1", "Điều 21"),
        ("a", "1"),
        ("b", "1"),
        ("2", "Điều 21"),
        ("a", "2"),
    ]


def test_a_wrapped_article_title_ends_with_its_short_last_line():
    text = (
        "Điều 107. Nhiệm vụ, quyền hạn của cơ quan, tổ chức được giao theo \n"
        "dõi, quản lý người đang chấp hành án hình sự  \n"
        "Cơ quan, tổ chức được giao theo dõi, quản lý người đang chấp hành án \n"
        "hình sự có trách nhiệm phối hợp với cơ quan thi hành án dân sự về các việc sau đây: \n"
        "1. Giáo dục người đang chấp hành án hình sự.\n"
    )
    secs = parse_outline(text)
    assert secs[0].heading.endswith("quản lý người đang chấp hành án hình sự")
    # a title wrapped to a full-width second line runs on ("Trách nhiệm của Bộ\nNông nghiệp …")
    text2 = (
        "Điều 9. Trách nhiệm của các bộ, cơ quan ngang bộ và Ủy ban nhân dân tỉnh, thành phố \n"
        "trực thuộc trung ương trong việc triển khai Chương trình mục tiêu quốc gia xây dựng \n"
        "Nông thôn mới\n"
        "1. Bộ Tài chính chủ trì tổng hợp.\n"
    )
    assert parse_outline(text2)[0].heading.endswith("Nông thôn mới")
    # a short first line whose title ends on the next, right before the first item
    text3 = (
        "Điều 5. Nghĩa vụ của Sở giao dịch Chứng khoán Thành phố Hồ Chí \n"
        "Minh, Sở giao dịch Chứng khoán Hà Nội \n"
        "1. Chịu sự kiểm tra, giám sát của Ủy ban Chứng khoán Nhà nước.\n"
    )
    assert parse_outline(text3)[0].heading.endswith("Hồ Chí Minh, Sở giao dịch Chứng khoán Hà Nội")
    # (not a sentence under the title that introduces the items)
    text4 = "Điều 4. Giải thích từ ngữ\nTrong Thông tư này, các từ ngữ dưới đây được hiểu như sau:\n1. Quỹ là …\n"
    assert parse_outline(text4)[0].heading == "Giải thích từ ngữ"


def test_a_wrapped_item_title_ends_with_its_short_last_line():
    text = (
        "Điều 13. Nội dung báo cáo\n"
        "1. Báo cáo tình hình thực hiện\n"
        "b) Báo cáo thông tin, khối lượng thực hiện của chương trình, nhiệm vụ, dự án, \n"
        "đối tượng đầu tư công khác \n"
        "Định kỳ hằng tháng chủ đầu tư, chủ dự án thành phần được giao quản lý dự án \n"
        "thực hiện nhập, gửi trên Hệ thống khối lượng thực hiện trong kỳ.\n"
    )
    assert parse_outline(text)[-1].heading.endswith("đối tượng đầu tư công khác")
    # a sentence wrapped over full lines, its short last line ending with a comma, runs on
    text2 = (
        "1. Báo cáo tình hình thực hiện\n"
        "a) Các bộ, cơ quan trung ương và địa phương tổng hợp số liệu giải ngân của các dự án,\n"
        "chương trình,\n"
        "Ủy ban nhân dân cấp tỉnh báo cáo.\n"
    )
    assert parse_outline(text2)[-1].heading.endswith("Ủy ban nhân dân cấp tỉnh báo cáo")


def test_a_quoted_provision_keeps_its_own_numbering():
    text = (
        "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 70/2015/NĐ-CP\n"
        "1. Bổ sung khoản 4 và khoản 5 Điều 16 như sau:\n"
        "“4. Cơ quan có thẩm quyền xếp cấp chuyên môn kỹ thuật có trách nhiệm công khai\n"
        "danh sách các cơ sở.\n"
        "5. Cơ sở khám bệnh, chữa bệnh có trách nhiệm công khai kết quả xếp cấp.”.\n"
        "2. Sửa đổi, bổ sung khoản 2 Điều 17 như sau:\n"
        "“2. Bảo hiểm xã hội Quân đội tổ chức giám định.”.\n"
    )
    secs = parse_outline(text)
    tree = [(s.number, secs[s.parent].number if s.parent is not None else None) for s in secs]
    assert tree == [("Điều 1", None), ("1", "Điều 1"), ("4", "1"), ("5", "1"), ("2", "Điều 1"), ("2", "2")]


def test_an_amending_article_s_title_may_quote_the_provision_without_nhu_sau():
    text = (
        "Điều 2. Sửa đổi, bổ sung Điều 6\n"
        "“Điều 6. Khai, thu, nộp phí, lệ phí và quyết toán phí của tổ chức thu \n"
        "phí, lệ phí \n"
        "Tổ chức thu phí, lệ phí nộp 100% số tiền phí, lệ phí thu được vào ngân sách nhà nước.”\n"
        "Điều 3. Bãi bỏ Điều 7\n"
    )
    secs = parse_outline(text)
    assert [(s.number, s.marker.style, secs[s.parent].number if s.parent is not None else None) for s in secs] == [
        ("Điều 2", "article", None),
        ("Điều 6", "quoted:article", "Điều 2"),
        ("Điều 3", "article", None),
    ]
    assert secs[1].heading.endswith("của tổ chức thu phí, lệ phí")


def test_an_amended_article_may_quote_one_clause_numbered_out_of_sequence():
    text = (
        "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 112/2021/NĐ-CP\n"
        "1. Sửa đổi, bổ sung tên Điều và khoản 7 Điều 39 như sau:\n"
        "“Điều 39. Trách nhiệm của Bộ Nội vụ\n"
        "7. Duy trì và thường xuyên cập nhật trên trang thông tin điện tử về chính sách.”\n"
    )
    secs = parse_outline(text)
    assert [(s.number, secs[s.parent].number if s.parent is not None else None) for s in secs] == [
        ("Điều 1", None),
        ("1", "Điều 1"),
        ("Điều 39", "1"),
        ("7", "Điều 39"),
    ]


def test_inserted_articles_with_a_letter_and_a_heading_wrapped_mid_phrase():
    text = (
        "Điều 20. Bộ Quốc phòng\n"
        "1. Chủ trì thông tin đối ngoại về quốc phòng.\n"
        "Điều 21a. Bộ Khoa học và Công nghệ\n"
        "Chủ trì thúc đẩy chuyển đổi số.\n"
        "Điều 21b. Bộ Công Thương\n"
        "1. Tổ chức quảng bá thương hiệu.\n"
        "Điều 23a. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông\n"
        "tấn xã Việt Nam và các cơ quan báo chí\n"
        "1. Tổ chức sản xuất các sản phẩm thông tin.\n"
    )
    secs = parse_outline(text)
    articles = [s for s in secs if s.number and s.number.startswith("Điều")]
    assert [s.number for s in articles] == ["Điều 20", "Điều 21a", "Điều 21b", "Điều 23a"]
    assert articles[-1].heading.endswith("Thông tấn xã Việt Nam và các cơ quan báo chí")


def test_an_inserted_clause_with_a_letter_opens_its_quoted_provision():
    text = (
        "Điều 1. Sửa đổi, bổ sung Điều 24\n"
        "1. Sửa đổi, bổ sung khoản 2 như sau:\n"
        "“2. Chỉ đạo xây dựng chương trình hành động.”\n"
        "2. Bổ sung khoản 5a sau khoản 5 như sau:\n"
        "“5a. Căn cứ hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch, xây dựng kế hoạch.”\n"
    )
    secs = parse_outline(text)
    inserted = secs[-1]
    assert (inserted.number, inserted.marker.value, secs[inserted.parent].number) == ("5a", (5, 1), "2")


def test_a_chapter_closes_the_numbered_list_of_a_consolidated_texts_preamble():
    text = (
        "LUẬT\nBẢO HIỂM Y TẾ\n\nLuật Bảo hiểm y tế được sửa đổi, bổ sung bởi:\n"
        "1. Luật số 46/2014/QH13 ngày 13 tháng 6 năm 2014 của Quốc hội;\n"
        "2. Luật số 51/2024/QH15 ngày 27 tháng 11 năm 2024 của Quốc hội.\n\n"
        "Chương I\nNHỮNG QUY ĐỊNH CHUNG\n\nĐiều 6. Trách nhiệm của Bộ Y tế về bảo hiểm y tế\n"
        "1. Xây dựng chiến lược về bảo hiểm y tế.\n"
    )
    secs = parse_outline(text, split_lines(text))
    chapter = next(s for s in secs if s.number == "Chương I")
    assert chapter.parent is None  # not an item of the list of amending laws
    article = next(s for s in secs if s.number == "Điều 6")
    assert secs[article.parent].number == "Chương I"


def test_a_consolidated_texts_basis_line_does_not_hand_on_a_directive_part():
    from dondoc.core.sections import TRIGGER_RE

    assert TRIGGER_RE.search("Luật số 46/2014/QH13 sửa đổi Luật Bảo hiểm y tế có căn cứ ban hành như sau:\n") is None
    assert TRIGGER_RE.search("… có căn cứ ban \nhành như sau:\n") is None
    assert TRIGGER_RE.search("Thủ tướng Chính phủ chỉ đạo như sau:\n") is not None


def test_a_footnote_number_glued_to_a_marker_is_not_a_sub_number():
    text = (
        "Điều 7c. Trách nhiệm của Bộ Quốc phòng và Bộ Công an19\n"
        "1.20 Chỉ đạo, quản lý, hướng dẫn việc lập danh sách.\n"
        "2. Lập danh sách đề nghị cấp thẻ bảo hiểm y tế.\n"
        "3.22 Thanh tra, kiểm tra việc thực hiện:\n"
        "a)23 Trách nhiệm tham gia bảo hiểm y tế;\n"
        "b) Trách nhiệm đóng bảo hiểm y tế.\n"
        "Điều 8.24 Nguyên tắc cho vay vốn\n"
        "19 Điều này được bổ sung theo quy định tại khoản 4 Điều 1 của Luật số 46/2014/QH13\n"
        "20 Khoản này được sửa đổi, bổ sung theo quy định tại điểm a khoản 5 Điều 1 của Luật số 51/2024/QH15\n"
        "22 Khoản này được sửa đổi, bổ sung theo quy định tại điểm b khoản 5 Điều 1 của Luật số 51/2024/QH15\n"
        "23 Điểm này được sửa đổi, bổ sung theo quy định tại điểm c khoản 5 Điều 1 của Luật số 51/2024/QH15\n"
        "24 Điều này được sửa đổi, bổ sung theo quy định tại khoản 6 Điều 1 của Luật số 51/2024/QH15\n"
    )
    secs = parse_outline(text, split_lines(text))
    assert [s.number for s in secs] == ["Điều 7c", "1", "2", "3", "a", "b", "Điều 8"]
    assert [s.heading[:10] for s in secs[1:3]] == ["Chỉ đạo, q", "Lập danh s"]  # the mark is not the text's
    assert secs[-1].heading == "Nguyên tắc cho vay vốn"


def test_a_glued_number_is_a_sub_number_where_no_footnote_has_it():
    text = "2. Nhiệm vụ\n2.1 Theo dõi, tổng hợp việc sắp xếp.\n2.2 Thực hiện các nhiệm vụ.\n"
    assert [s.number for s in parse_outline(text, split_lines(text))] == ["2", "2.1", "2.2"]


def test_a_regulation_issued_with_the_text_restarts_its_articles_and_chapters_at_the_top():
    text = (
        "Điều 1. Ban hành kèm theo Thông tư này Quy chế quản lý.\n"
        "Điều 2. Hiệu lực thi hành\n"
        "1. Thông tư này có hiệu lực từ ngày ký.\n"
        "QUY CHẾ\n"
        "Điều 1. Phạm vi điều chỉnh\n"
        "Quy chế này quy định việc quản lý.\n"
        "Điều 2. Trách nhiệm của trường\n"
        "Chương II\n"
        "TỔ CHỨC THỰC HIỆN\n"
        "Mục 1\n"
        "QUẢN LÝ\n"
        "Điều 3. Trách nhiệm của Bộ\n"
    )
    secs = parse_outline(text)
    labels = [(s.number, s.parent if s.parent is None else secs[s.parent].number) for s in secs]
    assert labels == [
        ("Điều 1", None),
        ("Điều 2", None),
        ("1", "Điều 2"),
        ("Điều 1", None),
        ("Điều 2", None),
        ("Chương II", None),
        ("Mục 1", "Chương II"),
        ("Điều 3", "Mục 1"),
    ]


def test_an_article_title_broken_inside_a_document_number_goes_on_to_the_next_line():
    text = (
        "Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 152/2016/TT-\n"
        "BTC ngày 17 tháng 10 năm 2016 của Bộ trưởng Bộ Tài chính quy định quản lý kinh phí\n"
        "1. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:\n"
    )
    secs = parse_outline(text, split_lines(text))
    assert secs[0].heading.startswith("Sửa đổi, bổ sung một số điều của Thông tư số 152/2016/TT- BTC ngày 17")
    assert [s.number for s in secs] == ["Điều 1", "1"]
