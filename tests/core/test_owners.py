"""Owners read directly from clauses and headings (the pipeline-level cases are in test_tasks.py)."""

from dondoc.core.headings import heading_owners
from dondoc.core.kinds import names_organisations
from dondoc.core.lines import split_lines
from dondoc.core.outline import parse_outline
from dondoc.core.owners import (
    Owner,
    first_action,
    kind_subject,
    kind_subject_at,
    opens_with_subject,
    owners_of,
    subject_bodies,
)
from dondoc.core.spans import Span
from dondoc.resources import gazetteer


def _owners(text, inherited=()):
    return owners_of(text, gazetteer(), Span(0, len(text)), tuple(inherited))


def _heading_leads(text):
    """The owners the first section's heading gives its items (the text holds a heading and an item)."""
    first = parse_outline(text, split_lines(text), body_start=0)[0]
    return [o.name for o in heading_owners(text, gazetteer(), first)]


def test_lead_and_support():
    assert _owners("Sở Tài chính chủ trì, phối hợp với Sở Xây dựng hoàn thiện thủ tục") == (
        Owner("Sở Tài chính", "lead"),
        Owner("Sở Xây dựng", "support"),
    )


def test_every_body_listed_after_giao_leads_and_the_requester_does_not():
    assert [o.name for o in _owners("Giao Bộ Y tế, Bộ Tài chính và Bảo hiểm xã hội Việt Nam rà soát")] == [
        "Bộ Y tế",
        "Bộ Tài chính",
        "Bảo hiểm xã hội Việt Nam",
    ]
    assert [o.name for o in _owners("Bộ Tài chính đề nghị Bộ Y tế rà soát số liệu")] == ["Bộ Y tế"]


def test_a_clause_without_subject_takes_the_inherited_owner():
    assert _owners("tăng cường kiểm tra, giám sát", [Owner("Bộ Công an", "lead")]) == (Owner("Bộ Công an", "lead"),)


def test_subject_after_an_opening_phrase():
    text = "Trên cơ sở đề xuất của các bộ, ngành, Bộ Tài chính tổng hợp, trình cấp có thẩm quyền"
    found = gazetteer().find(text)
    assert [b.name for b in subject_bodies(text, 0, found, len(text))] == ["Bộ Tài chính"]
    assert opens_with_subject(text, Span(0, len(text)), found)
    elided = "Căn cứ tình hình thực tế, tiếp tục nghiên cứu, trình Thủ tướng Chính phủ"
    assert subject_bodies(elided, 0, gazetteer().find(elided), len(elided)) == []


def test_headings_that_name_organisations_by_kind():
    assert names_organisations("Các Khu công nghệ cao và hiệp hội, doanh nghiệp liên quan")
    assert not names_organisations("Về xây dựng và hoàn thiện cơ sở pháp lý")
    assert not names_organisations("Khu vực nông thôn")


def test_the_subject_is_the_list_the_clause_opens_with():
    text = "Bộ Nông nghiệp và Môi trường là cơ quan đầu mối giúp Chính phủ, Thủ tướng Chính phủ theo dõi"
    assert [o.name for o in _owners(text)] == ["Bộ Nông nghiệp và Môi trường"]
    text = "Các bộ, ngành, địa phương chủ động phối hợp với Bộ Ngoại giao báo cáo Thủ tướng Chính phủ"
    assert [o.name for o in _owners(text) if o.role == "lead"] == ["Các bộ, ngành, địa phương"]


def test_a_co_lead_leads_too():
    text = "Đồng chủ trì với Bộ Khoa học và Công nghệ, phối hợp với các bộ, ngành đẩy mạnh ngoại giao kinh tế"
    owners = _owners(text, [Owner("Bộ Ngoại giao", "lead")])
    assert [o.name for o in owners if o.role == "lead"] == ["Bộ Ngoại giao", "Bộ Khoa học và Công nghệ"]


def test_a_request_noun_does_not_remove_the_subject():
    text = "Bộ Công an cung cấp thông tin cho các bộ theo đề nghị của Bộ Quốc phòng"
    assert [o.name for o in _owners(text) if o.role == "lead"] == ["Bộ Công an"]


def test_an_unknown_subject_that_has_a_duty_owns_it():
    text = "Đơn vị chủ trì kiểm tra có trách nhiệm tham mưu cấp có thẩm quyền thành lập đoàn liên ngành"
    assert _owners(text) == (Owner("Đơn vị chủ trì kiểm tra", "lead"),)


def test_a_subject_named_by_its_kind_leads_before_the_heading_s_body():
    text = "Hằng năm, Bảo hiểm xã hội Quân đội, Bảo hiểm xã hội Công an nhân dân tổ chức giám định bảo hiểm y tế"
    assert _owners(text, [Owner("Bộ Quốc phòng", "lead")]) == (
        Owner("Bảo hiểm xã hội Quân đội", "lead"),
        Owner("Bảo hiểm xã hội Công an nhân dân", "lead"),
    )
    assert _owners("Cơ quan bảo hiểm xã hội thực hiện thanh toán trực tiếp chi phí") == (
        Owner("Cơ quan bảo hiểm xã hội", "lead"),
    )


def test_a_subject_after_a_time_opener_may_be_in_lower_case():
    text = "Định kỳ hằng tháng chủ đầu tư, chủ dự án thành phần thực hiện nhập khối lượng thực hiện trong kỳ"
    assert _owners(text) == (Owner("chủ đầu tư", "lead"), Owner("chủ dự án thành phần", "lead"))
    text = "Trước ngày 20 tháng 01 của năm tiếp theo, công ty chứng khoán phải gửi báo cáo tổng hợp"
    assert _owners(text) == (Owner("công ty chứng khoán", "lead"),)
    # (without an opener a lower-case kind is a word of the sentence, not its subject)
    assert _owners("công ty chứng khoán phải gửi báo cáo tổng hợp") == ()


def test_the_body_a_clause_helps_is_no_subject():
    text = "Giúp Hội đồng bầu cử quốc gia đôn đốc, theo dõi việc tổ chức bầu cử"
    assert _owners(text, [Owner("Văn phòng Hội đồng bầu cử quốc gia", "lead")]) == (
        Owner("Văn phòng Hội đồng bầu cử quốc gia", "lead"),
    )


def test_heads_titled_by_their_office_lead_as_written():
    text = "Giám thị trại giam, Giám thị trại tạm giam có trách nhiệm bố trí nơi lưu giữ đồ vật cấm"
    assert _owners(text) == (Owner("Giám thị trại giam", "lead"), Owner("Giám thị trại tạm giam", "lead"))
    assert _owners("Hiệu trưởng trường cao đẳng ban hành quy chế tổ chức, hoạt động của trường") == (
        Owner("Hiệu trưởng trường cao đẳng", "lead"),
    )
    # a title's other form in brackets is not part of the name
    text = "Hàng năm, Tổng giám đốc (Giám đốc) tổ chức rà soát, sắp xếp lại cơ cấu tổ chức"
    assert _owners(text) == (Owner("Tổng giám đốc", "lead"),)


def test_a_title_made_of_a_verb_and_vien_is_a_duty_holder():
    text = "Kiểm soát viên có trách nhiệm thực hiện nhiệm vụ quy định tại Điều 19 Thông tư số 26/2016/TT-BLĐTBXH"
    assert _owners(text) == (Owner("Kiểm soát viên", "lead"),)
    assert _owners("Tổ chức thực hiện có trách nhiệm báo cáo") == ()  # (a verb, not a holder)


def test_a_condition_is_no_subject():
    text = "Trường hợp cấp có thẩm quyền phê duyệt chủ trương, hướng dẫn thủ tục"
    assert _owners(text, [Owner("Bộ Tài chính", "lead")]) == (Owner("Bộ Tài chính", "lead"),)
    assert not names_organisations("Trường hợp cấp có thẩm quyền")
    assert names_organisations("Cơ sở giáo dục đại học")


def test_a_kind_subject_is_one_name_unless_each_part_names_an_organisation():
    assert _owners("Cục Chăn nuôi và Thú y xây dựng đề cương khảo nghiệm") == (Owner("Cục Chăn nuôi và Thú y", "lead"),)
    long_name = "Các cơ sở khám bệnh, chữa bệnh tại biên giới, thôn, xã đặc biệt khó khăn, biển đảo gần bờ"
    assert _owners(long_name + " có trách nhiệm thực hiện khám bệnh, chữa bệnh") == (Owner(long_name, "lead"),)


def test_and_before_an_organisations_kind_joins_two_names():
    text = "Doanh nghiệp và tổ chức khoa học và công nghệ thực hiện trách nhiệm báo cáo kết quả"
    assert _owners(text) == (Owner("Doanh nghiệp", "lead"), Owner("tổ chức khoa học và công nghệ", "lead"))
    text = (
        "Điều 9. Trách nhiệm của Trung tâm Lưu ký và Thanh toán Bắc Bộ và Tổng công ty Bảo đảm an toàn hàng hải "
        "miền Bắc\n1. Tuân thủ quy định.\n"
    )
    assert _heading_leads(text) == [
        "Trung tâm Lưu ký và Thanh toán Bắc Bộ",
        "Tổng công ty Bảo đảm an toàn hàng hải miền Bắc",
    ]


def test_a_verb_right_after_a_comma_opens_the_next_name_not_the_action():
    # "tổ chức" is the organisation here, not "to organise": no subject ends at it
    assert _owners("Cơ quan, tổ chức, cá nhân khi phát hiện hành vi vi phạm thông báo cho cơ quan") == ()


def test_units_of_a_body_that_open_the_clause_lead_as_written():
    text = "Các Đơn vị chức năng thuộc Bộ Nông nghiệp và Môi trường có trách nhiệm hướng dẫn thủ tục"
    assert [o.name for o in _owners(text)] == ["Các Đơn vị chức năng thuộc Bộ Nông nghiệp và Môi trường"]
    text = "Trong thời hạn 03 tháng, các cơ quan, đơn vị thuộc Bộ Y tế có trách nhiệm chuyển giao hồ sơ"
    assert [o.name for o in _owners(text)] == ["các cơ quan, đơn vị thuộc Bộ Y tế"]
    # "cơ quan thuộc Chính phủ" is a kind of body, and an object is not the subject's unit
    text = "Bộ Tài chính hướng dẫn các đơn vị thuộc Bộ Y tế thực hiện"
    assert [o.name for o in _owners(text)] == ["Bộ Tài chính"]


def test_the_heads_of_a_body_s_units_lead_as_written():
    text = "Người đứng đầu cơ quan, đơn vị trực thuộc Bộ Kế hoạch và Đầu tư lựa chọn người giám định"
    assert [o.name for o in _owners(text)] == ["Người đứng đầu cơ quan, đơn vị trực thuộc Bộ Kế hoạch và Đầu tư"]
    text = "Thủ trưởng các đơn vị thuộc Bộ Y tế tổ chức thực hiện"
    assert [o.name for o in _owners(text)] == ["Thủ trưởng các đơn vị thuộc Bộ Y tế"]
    # (a title inside a clause names an object, not the subject: "Bộ Tài chính hướng dẫn …")
    text = "Bộ Tài chính hướng dẫn người đứng đầu các đơn vị thuộc Bộ Y tế thực hiện"
    assert [o.name for o in _owners(text)] == ["Bộ Tài chính"]


def test_a_signing_block_is_no_subject():
    assert _owners("BỘ TRƯỞNG Nguyễn Chí Dũng 30 CÔNG BÁO/Số 1287 Phụ lục I BIỂU MẪU báo cáo") == ()


def test_an_opening_phrase_with_its_own_verb_is_not_the_subject():
    text = (
        "Ngoài việc báo cáo định kỳ theo quy định tại khoản 1 Điều này, Hội đồng Dân tộc, Ủy ban Thường vụ Quốc hội "
        "có trách nhiệm báo cáo theo yêu cầu"
    )
    assert [o.name for o in _owners(text) if o.role == "lead"] == ["Hội đồng Dân tộc", "Ủy ban Thường vụ Quốc hội"]


def test_office_holders_are_named_with_their_title():
    text = "Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Công an căn cứ quy định ban hành hướng dẫn"
    assert [o.name for o in _owners(text)] == ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an"]
    text = "Chủ tịch UBND cấp tỉnh chỉ đạo rà soát thủ tục"
    assert [o.name for o in _owners(text)] == ["Chủ tịch Ủy ban nhân dân cấp tỉnh"]
    # offices the gazetteer cannot find lead each on their own
    text = "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân cấp tỉnh chỉ đạo công bố thủ tục"
    assert [o.name for o in _owners(text)] == [
        "Bộ trưởng",
        "Thủ trưởng cơ quan ngang bộ",
        "Chủ tịch Ủy ban nhân dân cấp tỉnh",
    ]


def test_a_lower_case_list_of_offices_and_organisations_gives_one_lead_each():
    text = (
        "Điều 19. Trách nhiệm của Giám thị trại giam, giám thị trại tạm giam, thủ trưởng cơ quan thi hành án hình sự\n"
        "1. Tiếp nhận quyết định thi hành án.\n"
    )
    assert _heading_leads(text) == [
        "Giám thị trại giam",
        "giám thị trại tạm giam",
        "thủ trưởng cơ quan thi hành án hình sự",
    ]
    # "Cục Chăn nuôi và Thú y" stays one name: "Thú y" names no organisation
    assert _owners("Cục Chăn nuôi và Thú y xây dựng đề cương khảo nghiệm") == (Owner("Cục Chăn nuôi và Thú y", "lead"),)


def test_a_list_of_ministries_after_one_bo_names_each_ministry():
    text = "1. Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường\na) Chủ động hướng dẫn thi hành Nghị quyết này.\n"
    assert _heading_leads(text) == [
        "Bộ Y tế",
        "Bộ Công Thương",
        "Bộ Nông nghiệp và Môi trường",
    ]
    clause = "Các Bộ: Y tế, Tài chính và Ủy ban nhân dân tỉnh, thành phố có trách nhiệm kết nối dữ liệu"
    assert [o.name for o in _owners(clause)] == ["Bộ Y tế", "Bộ Tài chính", "Ủy ban nhân dân tỉnh, thành phố"]


def test_a_request_after_the_subject_s_own_action_does_not_assign_the_clause():
    text = "Hằng năm, Tòa án nhân dân tối cao có trách nhiệm tổng hợp dự toán, đề nghị Chính phủ trình Quốc hội"
    assert _owners(text) == (Owner("Tòa án nhân dân tối cao", "lead"),)
    assert _owners("Trách nhiệm của Tòa án nhân dân tối cao:\n" + text) == (Owner("Tòa án nhân dân tối cao", "lead"),)
    # a clause that opens with the request still assigns it
    assert _owners("Trong quá trình thực hiện, nếu có vướng mắc, đề nghị Bộ Tư pháp hướng dẫn") == (
        Owner("Bộ Tư pháp", "lead"),
    )


def test_a_ministry_department_named_vu_leads_but_a_vu_viec_does_not():
    assert _owners("Vụ Kế hoạch - Tài chính chủ trì, phối hợp với các đơn vị tổng hợp báo cáo") == (
        Owner("Vụ Kế hoạch - Tài chính", "lead"),
    )
    assert not names_organisations("Vụ việc được xử lý theo quy định")


def test_a_subject_s_role_or_basis_is_not_part_of_its_name():
    assert _owners("Vụ Kế hoạch - Tài chính là đơn vị đầu mối, chủ trì hướng dẫn các đơn vị thực hiện") == (
        Owner("Vụ Kế hoạch - Tài chính", "lead"),
    )
    assert _owners("Cơ quan bảo hiểm xã hội căn cứ số tiền chi trả, thực hiện chuyển chi phí") == (
        Owner("Cơ quan bảo hiểm xã hội", "lead"),
    )


def test_a_level_written_once_after_a_list_of_local_bodies_is_each_one_s():
    assert _owners("Hội đồng nhân dân, Ủy ban nhân dân các cấp tổ chức thực hiện Nghị quyết tại địa phương") == (
        Owner("Hội đồng nhân dân các cấp", "lead"),
        Owner("Ủy ban nhân dân các cấp", "lead"),
    )
    # a ministry keeps its name; a body with a level of its own keeps it
    assert _owners("Bộ Y tế, Hội đồng nhân dân cấp xã, Ủy ban nhân dân cấp tỉnh chỉ đạo") == (
        Owner("Bộ Y tế", "lead"),
        Owner("Hội đồng nhân dân cấp xã", "lead"),
        Owner("Ủy ban nhân dân cấp tỉnh", "lead"),
    )


def test_those_who_report_back_lead_and_the_ministry_told_does_not():
    text = (
        "Trong quá trình thực hiện Thông tư này, nếu có vướng mắc, các tổ chức, cá nhân có liên quan phản ánh "
        "về Bộ Tài chính để được hướng dẫn."
    )
    assert _owners(text) == (Owner("các tổ chức, cá nhân có liên quan", "lead"),)
    text = (
        "Trong quá trình thực hiện nếu phát sinh khó khăn, vướng mắc, Công an đơn vị, địa phương báo cáo về "
        "Bộ Công an (qua Cục Tổ chức cán bộ) để hướng dẫn kịp thời."
    )
    assert _owners(text) == (Owner("Công an đơn vị, địa phương", "lead"),)
    text = "Nếu có khó khăn, vướng mắc, cơ quan, tổ chức, cá nhân phản ánh, gửi ý kiến về Bộ Y tế để xem xét."
    assert _owners(text) == (Owner("cơ quan, tổ chức, cá nhân", "lead"),)
    # after a condition of its own commas, and after "đề nghị" where "tổ chức" is a party, not the verb
    text = (
        "Trong quá trình thực hiện, nếu có vướng mắc hoặc có vấn đề mới phát sinh, các cơ quan, tổ chức, cá nhân "
        "phản ánh về Bộ Kế hoạch và Đầu tư để được xem xét."
    )
    assert _owners(text) == (Owner("các cơ quan, tổ chức, cá nhân", "lead"),)
    text = "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các tổ chức, cá nhân phản ánh kịp thời về Bộ Tài chính."
    assert _owners(text) == (Owner("các tổ chức, cá nhân", "lead"),)
    text = "Nếu có khó khăn, vướng mắc, các cơ quan, tổ chức, cá nhân liên quan cần phản ánh về Bộ Y tế để được hướng dẫn."
    assert _owners(text) == (Owner("các cơ quan, tổ chức, cá nhân liên quan", "lead"),)
    # no one named: the section's bodies, else no one
    text = "Trong quá trình thực hiện nếu có vướng mắc, đề nghị phản ánh kịp thời về Bộ Y tế để được hướng dẫn."
    assert _owners(text) == ()
    assert _owners(text, [Owner("Sở Y tế", "lead")]) == (Owner("Sở Y tế", "lead"),)


def test_the_name_the_text_gives_bodies_from_then_on_is_theirs():
    text = (
        "1. Ủy ban nhân dân xã, phường, thị trấn (sau đây gọi chung là Ủy ban nhân \n"
        "dân cấp xã) có trách nhiệm sau đây:\na) Lập danh sách tham gia bảo hiểm y tế.\n"
    )
    assert _heading_leads(text) == ["Ủy ban nhân dân cấp xã"]
    assert [o.name for o in _owners("Sở Tài chính (sau đây gọi chung là Sở) chủ trì thẩm định")] == ["Sở Tài chính"]


def test_a_footnote_mark_glued_to_a_name_written_out_is_not_the_name_s():
    assert _owners("Cơ quan bảo hiểm xã hội85 có trách nhiệm lưu trữ hồ sơ, số liệu về bảo hiểm y tế") == (
        Owner("Cơ quan bảo hiểm xã hội", "lead"),
    )


def test_a_heading_that_says_who_has_the_duties_of_its_items_names_them():
    text = "1. Bộ, cơ quan trung ương của tổ chức chính trị - xã hội có trách nhiệm\na) Báo cáo định kỳ 06 tháng.\n"
    assert _heading_leads(text) == ["Bộ, cơ quan trung ương của tổ chức chính trị - xã hội"]
    text = "1. Đối với dự án PPP, cơ quan ký kết hợp đồng có trách nhiệm:\na) Kiểm tra việc giám sát thi công.\n"
    assert _heading_leads(text) == ["cơ quan ký kết hợp đồng"]
    text = "1. Trách nhiệm của Trung tâm, Doanh nghiệp dự án e-GP và Báo Đấu thầu:\na) Báo Đấu thầu có trách nhiệm:\n"
    text += "- Trích xuất thông tin về lựa chọn nhà thầu.\n"
    secs = parse_outline(text, split_lines(text), body_start=0)
    assert [o.name for o in heading_owners(text, gazetteer(), secs[1])] == ["Báo Đấu thầu"]


def test_a_request_to_report_back_that_names_no_one_is_for_those_who_carry_the_text_out():
    text = (
        "Cục trưởng Cục Việc làm và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
        "Thông tư này.\nTrong quá trình thực hiện nếu có vướng mắc, đề nghị kịp thời phản ánh về Bộ Lao động - "
        "Thương binh và Xã hội để nghiên cứu, giải quyết."
    )
    start = text.index("Trong")
    assert owners_of(text, gazetteer(), Span(start, len(text)), ()) == (
        Owner("các cơ quan, tổ chức, cá nhân có liên quan", "lead"),
    )


def test_a_body_that_receives_the_report_is_not_its_owner():
    text = (
        "Định kỳ 06 tháng, hằng năm báo cáo việc thực hiện quy định về điều kiện đầu tư theo Mẫu số 01 gửi Bộ Lao "
        "động - Thương binh và Xã hội (Tổng cục Giáo dục nghề nghiệp) để theo dõi, quản lý"
    )
    inherited = [Owner("Bộ, cơ quan trung ương của tổ chức chính trị - xã hội", "lead")]
    assert _owners(text, inherited) == tuple(inherited)


def test_the_lap_of_cong_lap_is_an_adjective_not_an_action():
    text = "Trường trung cấp công lập tổ chức tuyển sinh hằng năm."
    assert first_action(text, 0, len(text), []) == text.index("tổ chức")


def test_a_subject_named_by_its_kind_after_an_opening_phrase():
    def leads(text):
        return [o.name for o in kind_subject(text, Span(0, len(text)), after_opener=True)]

    assert leads("Căn cứ dự thảo Quy chế đã được phê duyệt, Chủ tịch Hội đồng quản lý xây dựng quy chế.") == [
        "Chủ tịch Hội đồng quản lý"
    ]
    assert leads("Trên cơ sở kết quả rà soát, công ty quản lý quỹ phải cung cấp tài liệu cho nhà đầu tư.") == [
        "công ty quản lý quỹ"
    ]
    # a comma inside a list of bodies, or a kind alone, names no subject
    assert leads("Trường hợp các bộ, cơ quan ngang bộ đề nghị trao đổi thông tin thì thực hiện theo quy định.") == []
    assert leads("Trường hợp phát hiện sai sót, cơ quan thanh tra, giám sát ngân hàng yêu cầu khắc phục.") == []
    # only when asked: a clause's own subject opens it
    assert kind_subject("Căn cứ kết quả, công ty rà soát lao động.", Span(0, 41)) == ()


def test_a_district_office_and_a_unit_given_a_task_are_subjects_named_by_kind():
    def leads(text):
        return [o.name for o in kind_subject(text, Span(0, len(text)))]

    assert leads("Phòng Lao động - Thương binh và Xã hội rà soát, lập danh sách đối tượng.") == [
        "Phòng Lao động - Thương binh và Xã hội"
    ]
    assert leads("Đơn vị được giao nhiệm vụ thanh toán có trách nhiệm thanh toán kinh phí.") == [
        "Đơn vị được giao nhiệm vụ thanh toán"
    ]
    assert leads("Đơn vị được hưởng chính sách thực hiện báo cáo.") == []  # a beneficiary, not a subject


def test_a_kind_whose_name_holds_a_verb_is_a_subject():
    def leads(text):
        return [o.name for o in kind_subject(text, Span(0, len(text)), after_opener=True)]

    assert leads("Chủ đầu tư tổ chức lập hồ sơ hoàn thành công trình xây dựng.") == ["Chủ đầu tư"]
    assert leads("Tổ chức thu phí nộp 100% số tiền phí thu được vào ngân sách nhà nước.") == ["Tổ chức thu phí"]
    assert leads("Trường hợp nghiệm thu có điều kiện, chủ đầu tư có trách nhiệm tổ chức nghiệm thu lại.") == ["chủ đầu tư"]


def test_a_subject_named_by_its_kind_is_found_where_it_is_written():
    text = "Căn cứ dự thảo Quy chế đã được phê duyệt, Chủ tịch Hội\nđồng quản lý phải xây dựng quy chế."
    found = kind_subject_at(text, Span(0, len(text)), after_opener=True)
    assert found is not None
    leads, where = found
    assert [o.name for o in leads] == ["Chủ tịch Hội đồng quản lý"]
    assert text[where.start : where.end] == "Chủ tịch Hội\nđồng quản lý"  # (the line break kept, "phải" left out)


def test_a_basis_opener_with_commas_of_its_own_ends_before_the_body_that_acts():
    text = (
        "Căn cứ Quyết định giao, điều chỉnh kế hoạch đầu tư công trung hạn của Thủ tướng Chính phủ, "
        "Bộ Kế hoạch và Đầu tư thực hiện nhập kế hoạch lên cơ sở dữ liệu quốc gia"
    )
    assert _owners(text) == (Owner("Bộ Kế hoạch và Đầu tư", "lead"),)
    # the verb right after the opener's comma still has no subject of its own
    assert _owners("Căn cứ tình hình thực tế, tiếp tục nghiên cứu, đề xuất giải pháp") == ()
    # a word of a body's name ("Đầu tư") is not the verb of the body before it
    text = "Trên cơ sở đề xuất của Bộ Tài chính, Bộ Kế hoạch và Đầu tư tổng hợp, báo cáo Thủ tướng Chính phủ"
    assert _owners(text) == (Owner("Bộ Kế hoạch và Đầu tư", "lead"),)


def test_the_office_of_a_body_is_its_own_lead():
    text = "1. Văn phòng Bộ Kế hoạch và Đầu tư có trách nhiệm:\na) Làm đầu mối tổ chức thực hiện công tác bảo vệ bí mật.\n"
    assert _heading_leads(text) == ["Văn phòng Bộ Kế hoạch và Đầu tư"]
    assert _owners("Văn phòng Bộ Tài chính tổng hợp, báo cáo") == (Owner("Văn phòng Bộ Tài chính", "lead"),)
    # (a body's own office the gazetteer knows stays as it is)
    assert _owners("Văn phòng Chính phủ theo dõi, đôn đốc") == (Owner("Văn phòng Chính phủ", "lead"),)


def test_a_list_that_opens_with_a_bare_kind_is_one_name_and_an_adverb_is_no_part_of_it():
    text = "Các cơ quan, đơn vị truyền thông của Bộ có trách nhiệm tuyên truyền chủ trương của Đảng"
    assert _owners(text) == (Owner("Các cơ quan, đơn vị truyền thông của Bộ", "lead"),)
    text = "Thủ trưởng các đơn vị thuộc Bộ trực tiếp lãnh đạo, chỉ đạo công tác thi đua, khen thưởng"
    assert _owners(text) == (Owner("Thủ trưởng các đơn vị thuộc Bộ", "lead"),)
    text = "Trường trung cấp thường xuyên phối hợp với các cơ quan chức năng của bộ"
    assert _owners(text) == (Owner("Trường trung cấp", "lead"),)
    text = "Trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên tổ chức đào tạo trình độ sơ cấp"
    assert _owners(text) == (Owner("Trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên", "lead"),)


def test_the_members_of_several_bodies_are_one_holder():
    text = "Thành viên của Hội đồng Dân tộc, Ủy ban của Quốc hội có trách nhiệm chủ động đề xuất, báo cáo"
    assert _owners(text) == (Owner("Thành viên của Hội đồng Dân tộc, Ủy ban của Quốc hội", "lead"),)
    # (an office-holder of one body and another body are two)
    text = "Bộ trưởng Bộ Tài chính, Ủy ban nhân dân cấp tỉnh có trách nhiệm hướng dẫn"
    assert [o.name for o in _owners(text)] == ["Bộ trưởng Bộ Tài chính", "Ủy ban nhân dân cấp tỉnh"]


def test_a_clause_s_own_holder_before_co_trach_nhiem_comes_before_the_section_s():
    section = (Owner("cơ quan, tổ chức", "lead"),)
    text = "Các cơ sở giam giữ phạm nhân có trách nhiệm phối hợp với chính quyền tổ chức các hoạt động"
    assert _owners(text, section) == (Owner("Các cơ sở giam giữ phạm nhân", "lead"),)
    # (not a case, a rule or a request before it)
    text = "Trường hợp thuê tư vấn đấu thầu thì chủ đầu tư vẫn phải chịu trách nhiệm về kết quả"
    assert _owners(text, section) == section
    text = "Yêu cầu người có trách nhiệm thực hiện ngay biện pháp bảo đảm an toàn"
    assert _owners(text, section) == section


def test_a_deputy_prime_minister_is_not_the_prime_minister():
    text = "Thủ tướng Chính phủ, Phó Thủ tướng Chính phủ giao một bộ, cơ quan chủ trì xử lý"
    assert [o.name for o in _owners(text)] == ["Thủ tướng Chính phủ", "Phó Thủ tướng Chính phủ"]


def test_a_province_s_social_insurance_is_a_body_not_the_provinces():
    text = "Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương phân công đơn vị tiếp nhận hồ sơ"
    assert _owners(text) == (Owner("Bảo hiểm xã hội tỉnh, thành phố trực thuộc Trung ương", "lead"),)


def test_a_kind_s_name_ends_before_thong_bao():
    text = "Trường hợp hồ sơ đầy đủ, hợp lệ, Cơ quan cấp giấy thông báo cho chủ cơ sở về kế hoạch kiểm tra"
    found = kind_subject(text, Span(0, len(text)), after_opener=True)
    assert found == (Owner("Cơ quan cấp giấy", "lead"),)


def test_a_request_after_the_subject_s_own_action_past_an_opening_phrase_does_not_assign():
    text = (
        "Trường hợp phát hiện việc phân bổ không đúng tổng mức, Bộ Kế hoạch và Đầu tư có ý kiến bằng văn bản gửi "
        "Bộ Tài chính để yêu cầu Kho bạc Nhà nước tạm dừng giải ngân"
    )
    assert [o.name for o in _owners(text) if o.role == "lead"] == ["Bộ Kế hoạch và Đầu tư"]


def test_thuc_hien_after_a_wage_fund_is_the_amount_realised_not_the_verb():
    text = "Quỹ tiền lương thực hiện được xác định theo năng suất lao động và báo cáo cơ quan đại diện chủ sở hữu"
    assert first_action(text, 0, len(text), []) == text.index("xác định")
    text = "Công ty thực hiện trả lương theo quy chế"
    assert first_action(text, 0, len(text), []) == text.index("thực hiện")
