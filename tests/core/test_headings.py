"""Owners named by headings: the bodies a section's items are for (see test_owners.py for clauses)."""

from dondoc.core.headings import heading_owners
from dondoc.core.lines import split_lines
from dondoc.core.outline import parse_outline
from dondoc.resources import gazetteer


def _heading_leads(text):
    """The owners the first section's heading gives its items (the text holds a heading and an item)."""
    first = parse_outline(text, split_lines(text), body_start=0)[0]
    return [o.name for o in heading_owners(text, gazetteer(), first)]


def test_rights_and_duties_titles_name_their_holder_without_the_field():
    text = (
        "Điều 9. Quyền, trách nhiệm của tổ chức công đoàn trong công tác an toàn, vệ sinh lao động\n"
        "1. Tham gia với cơ quan nhà nước xây dựng chính sách, pháp luật.\n"
    )
    assert _heading_leads(text) == ["tổ chức công đoàn"]
    text = "Điều 5. Quyền và trách nhiệm của Bộ Tài chính\n1. Hướng dẫn thực hiện.\n"
    assert _heading_leads(text) == ["Bộ Tài chính"]


def test_obligation_titles_name_their_holder_without_the_case():
    text = "Điều 4. Nghĩa vụ của Sở giao dịch chứng khoán Việt Nam\n1. Thực hiện chế độ báo cáo.\n"
    assert _heading_leads(text) == ["Sở giao dịch chứng khoán Việt Nam"]
    text = (
        "Điều 42. Nghĩa vụ của người sử dụng lao động trong trường hợp thay đổi cơ cấu, công nghệ\n"
        "1. Xây dựng và thực hiện phương án sử dụng lao động.\n"
    )
    assert _heading_leads(text) == ["người sử dụng lao động"]
    text = "Điều 7. Nghĩa vụ của công ty chứng khoán khi thực hiện nghiệp vụ môi giới\n1. Ghi chép đầy đủ.\n"
    assert _heading_leads(text) == ["công ty chứng khoán"]
    text = "Điều 9. Trách nhiệm của doanh nghiệp đối với tổ chức đại diện người lao động\n1. Công nhận.\n"
    assert _heading_leads(text) == ["doanh nghiệp"]


def test_a_body_s_working_relations_are_its_own():
    text = "Điều 9. Quan hệ công tác của Văn phòng Chính phủ\n1. Phối hợp với các bộ chuẩn bị tài liệu.\n"
    assert _heading_leads(text) == ["Văn phòng Chính phủ"]


def test_a_heading_that_lists_organisations_gives_one_lead_each():
    text = "Điều 9. Trách nhiệm của Sở Giao dịch Chứng khoán Việt Nam và Tổng công ty Lưu ký\n1. Tuân thủ quy định.\n"
    assert _heading_leads(text) == [
        "Sở Giao dịch Chứng khoán Việt Nam",
        "Tổng công ty Lưu ký",
    ]


def test_a_heading_listing_duties_and_powers_names_their_holder():
    text = (
        "Điều 104. Nhiệm vụ, quyền hạn, trách nhiệm của Ban Chỉ đạo thi hành án dân sự cấp tỉnh\n"
        "1. Xây dựng dự thảo chương trình, kế hoạch.\n"
    )
    assert _heading_leads(text) == ["Ban Chỉ đạo thi hành án dân sự cấp tỉnh"]
    # powers alone, or a chapter on the rights and duties of "cơ quan, tổ chức, cá nhân", name no holder
    assert _heading_leads("Điều 5. Quyền hạn của Ban Chỉ đạo\n1. Yêu cầu báo cáo.\n") == []
    assert _heading_leads("Điều 6. Quyền, trách nhiệm của cơ quan, tổ chức, cá nhân\n1. Báo cáo.\n") == []


def test_a_heading_that_lists_offices_gives_one_lead_each():
    text = (
        "1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương "
        "theo thẩm quyền:\na) Công bố thủ tục hành chính.\n"
    )
    assert _heading_leads(text) == [
        "Bộ trưởng",
        "Thủ trưởng cơ quan ngang bộ",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
    ]


def test_a_heading_where_an_office_directs_a_body_gives_the_body_its_items():
    text = "1. Bộ trưởng Bộ Quốc phòng chỉ đạo Ban Cơ yếu Chính phủ\na) Chủ trì triển khai giải pháp bảo mật.\n"
    assert _heading_leads(text) == ["Ban Cơ yếu Chính phủ"]
    # the article's body directs, the body it names does the items
    text = "1. Chỉ đạo Sở Lao động - Thương binh và Xã hội:\na) Chủ trì hướng dẫn triển khai thực hiện.\n"
    assert _heading_leads(text) == ["Sở Lao động - Thương binh và Xã hội"]


def test_every_body_a_duty_article_is_titled_for_leads_its_clauses():
    text = "Điều 7c. Trách nhiệm của Bộ Quốc phòng và Bộ Công an19\n1. Lập danh sách đề nghị cấp thẻ bảo hiểm y tế.\n"
    assert _heading_leads(text) == ["Bộ Quốc phòng", "Bộ Công an"]
    text = "Điều 6. Trách nhiệm của Bộ Y tế trong việc phối hợp với Bộ Tài chính\n1. Ban hành quy định.\n"
    assert _heading_leads(text) == ["Bộ Y tế"]


def test_a_chapter_title_in_capitals_names_a_topic_or_a_known_body():
    text = "Chương III\nBẢO HIỂM XÃ HỘI BẮT BUỘC\nĐiều 5. Quyền của người lao động\n"
    assert _heading_leads(text) == []
    assert _heading_leads("Chương IV\nTRÁCH NHIỆM CỦA CÁC BÊN\nĐiều 5. Quyền của tổ chức bảo hiểm y tế\n") == []
    text = "Chương II\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nĐiều 5. Nhiệm vụ\n"
    assert _heading_leads(text) == ["Sở Lao động - Thương binh và Xã hội"]
    text = "1. Các Khu công nghệ cao và hiệp hội, doanh nghiệp liên quan\na) Tổ chức kết nối doanh nghiệp.\n"
    assert _heading_leads(text) == ["Các Khu công nghệ cao", "hiệp hội, doanh nghiệp liên quan"]


def test_a_heading_that_opens_with_an_unknown_organisation_names_it_up_to_its_duties():
    assert _heading_leads("1. Doanh nghiệp dịch vụ có các nghĩa vụ sau đây:\na) Báo cáo tình hình.\n") == [
        "Doanh nghiệp dịch vụ"
    ]
    text = "1. Ban quản lý khu công nghiệp, khu kinh tế thực hiện các nhiệm vụ sau đây:\na) Báo cáo tình hình.\n"
    assert _heading_leads(text) == ["Ban quản lý khu công nghiệp, khu kinh tế"]
    text = "1. Công ty quản lý quỹ phải xây dựng phương án khắc phục theo trình tự sau:\na) Báo cáo.\n"
    assert _heading_leads(text) == ["Công ty quản lý quỹ"]
    # a rule about a fund, not the name of whoever does its items
    text = "1. Quỹ đầu tư bất động sản được đầu tư vào bất động sản đáp ứng các điều kiện sau:\na) Có hợp đồng.\n"
    assert _heading_leads(text) == []


def test_a_duty_title_s_list_goes_on_with_organisations_the_gazetteer_does_not_know():
    text = (
        "Điều 21. Trách nhiệm của các Bộ, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các tỉnh, thành phố "
        "trực thuộc Trung ương\n1. Phối hợp chỉ đạo, hướng dẫn, kiểm tra việc tổ chức thực hiện Thông tư này.\n"
    )
    assert _heading_leads(text) == [
        "các bộ, ngành",
        "tổ chức chính trị - xã hội",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ]


def test_items_under_a_body_directed_to_do_them_are_the_directed_bodies_duties():
    text = (
        "1. Chỉ đạo trại giam, trại tạm giam, cơ quan thi hành án hình sự công an \n"
        "cấp tỉnh thực hiện các nhiệm vụ, quyền hạn sau đây: \n"
        "a) Thông báo cho cơ quan thi hành án dân sự.\n"
    )
    assert _heading_leads(text) == ["trại giam", "trại tạm giam", "cơ quan thi hành án hình sự công an cấp tỉnh"]
    # (what the directing body itself does is its own: no list of the directed before "thực hiện")
    text = "1. Chỉ đạo, hướng dẫn thực hiện các nội dung sau:\na) Rà soát quy hoạch.\n"
    assert _heading_leads(text) == []


def test_a_list_of_holders_goes_on_with_kinds_after_the_bodies_the_gazetteer_knows():
    text = (
        "1. Mặt trận Tổ quốc Việt Nam, các tổ chức thành viên của Mặt trận và các tổ \n"
        "chức xã hội khác trong phạm vi nhiệm vụ, quyền hạn của mình có quyền và trách \n"
        "nhiệm sau đây: \n"
        "a) Phối hợp với các cơ quan liên quan tổ chức tuyên truyền.\n"
    )
    leads = ["Mặt trận Tổ quốc Việt Nam", "các tổ chức thành viên của Mặt trận", "các tổ chức xã hội khác"]
    assert _heading_leads(text) == leads
    text = (
        "Điều 8. Quyền, trách nhiệm của Mặt trận Tổ quốc Việt Nam, các tổ chức \n"
        "thành viên của Mặt trận và các tổ chức xã hội khác\n"
        "1. Phối hợp với các cơ quan liên quan tổ chức tuyên truyền.\n"
    )
    assert _heading_leads(text) == leads


def test_a_duty_title_s_list_of_kinds_ends_before_what_they_do():
    text = (
        "Điều 28. Trách nhiệm của tổ chức chính trị - xã hội, tổ chức phi chính phủ thực hiện chương trình, "
        "dự án tài chính vi mô\n1. Chỉ đạo, giám sát chương trình.\n"
    )
    assert _heading_leads(text) == ["tổ chức chính trị - xã hội", "tổ chức phi chính phủ"]
    # (one name with a verb in it stays whole)
    text = "Điều 9. Trách nhiệm của đơn vị chủ trì thực hiện nhiệm vụ\n1. Báo cáo kết quả.\n"
    assert _heading_leads(text) == ["đơn vị chủ trì thực hiện nhiệm vụ"]


def test_a_title_that_is_a_list_of_bodies_goes_on_with_the_kinds_at_its_end():
    text = (
        "Điều 23a. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông\ntấn xã Việt Nam và các cơ quan báo chí\n"
        "1. Tổ chức sản xuất các sản phẩm thông tin đối ngoại.\n"
    )
    assert _heading_leads(text) == [
        "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam", "các cơ quan báo chí"
    ]


def test_a_rank_whose_name_holds_a_comma_is_the_holder_of_its_duties():
    text = "Điều 6. Công chức kiểm soát viên cao cấp chất lượng sản phẩm, hàng hóa\n1. Chủ trì tổ chức kiểm tra.\n"
    assert _heading_leads(text) == ["Công chức kiểm soát viên cao cấp chất lượng sản phẩm, hàng hóa"]


def test_an_article_on_a_fund_s_uses_or_topics_names_no_owner():
    text = (
        "Điều 11. Quỹ phát triển khoa học và công nghệ, huy động nguồn lực cho hoạt động khoa học\n"
        "1. Cơ sở giáo dục đại học được thành lập Quỹ phát triển khoa học và công nghệ.\n"
    )
    assert _heading_leads(text) == []
    assert _heading_leads("3. Quỹ khen thưởng dùng để:\na) Thưởng cuối năm.\n") == []
    # a proper name with a comma still names its holder
    assert _heading_leads("2. Cơ quan Thanh tra, giám sát ngân hàng\na) Giám sát, thanh tra.\n") != []
