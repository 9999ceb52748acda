import pytest

from dondoc.resources import gazetteer


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Giao Bộ Văn hoá, Thể thao và Du lịch chủ trì", ["Bộ Văn hóa, Thể thao và Du lịch"]),
        ("UBND thành phố Hà Nội và các bộ, ngành", ["Ủy ban nhân dân thành phố Hà Nội", "các bộ, ngành"]),
        ("Sở KH&ĐT, Sở Tài chính", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]),
        ("Ban cán sự đảng UBND thành phố", ["Ban cán sự đảng Ủy ban nhân dân thành phố"]),
        ("HĐND thành phố chuẩn bị", ["Hội đồng nhân dân thành phố"]),
        ("bộ hồ sơ gồm các giấy tờ", []),
        # the regional branch is not the central bank itself
        ("Ngân hàng Nhà nước Khu vực thực hiện; Ngân hàng Nhà nước hướng dẫn", ["Ngân hàng Nhà nước Khu vực", "Ngân hàng Nhà nước Việt Nam"]),
        ("Tổng cục Thống kê chủ trì", ["Tổng cục Thống kê"]),
        # a branch, and a province's police, keep their own names (not the central bank, not "thành phố")
        ("Ngân hàng Nhà nước chi nhánh tỉnh giám sát", ["Ngân hàng Nhà nước chi nhánh tỉnh"]),
        ("Công an tỉnh chỉ đạo", ["Công an tỉnh"]),
        # a list of levels after the first ("cấp tỉnh, cấp xã") stays the body's
        ("Ủy ban nhân dân cấp huyện, cấp xã tổ chức thực hiện", ["Ủy ban nhân dân cấp huyện, cấp xã"]),
        # a consolidated text's footnote marker glued to the name
        ("Trách nhiệm của Bộ Giáo dục và Đào tạo17", ["Bộ Giáo dục và Đào tạo"]),
        # a collective keeps its words ("các Ủy ban của Quốc hội"), as the Front's central committee its name
        ("Hội đồng Dân tộc, các Ủy ban của Quốc hội và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam giám sát",
         ["Hội đồng Dân tộc", "các Ủy ban của Quốc hội", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
        # a fuller form of a name is written out as such; the short form stays short
        ("Phân công Ủy ban Pháp luật của Quốc hội chủ trì; Ủy ban Pháp luật tham gia",
         ["Ủy ban Pháp luật của Quốc hội", "Ủy ban Pháp luật"]),
        # central agencies of the corpus's fields; the Office of a council is not the council
        ("Tổng công ty Lưu ký và Bù trừ chứng khoán Việt Nam, Sở Giao dịch Chứng khoán Hà Nội báo cáo",
         ["Tổng công ty Lưu ký và Bù trừ chứng khoán Việt Nam", "Sở Giao dịch Chứng khoán Hà Nội"]),
        ("Văn phòng Hội đồng bầu cử quốc gia giúp Hội đồng bầu cử quốc gia",
         ["Văn phòng Hội đồng bầu cử quốc gia", "Hội đồng bầu cử quốc gia"]),
    ],
)
def test_find_expands_abbreviations(text, names):
    assert [m.name for m in gazetteer().find(text)] == names


def test_spans_are_evidence():
    text = "  Bộ   Tài chính chủ trì"
    (m,) = gazetteer().find(text)
    assert text[m.span.start : m.span.end] == m.text == "Bộ   Tài chính"
    assert gazetteer().normalise("UBND  tỉnh") == "Ủy ban nhân dân tỉnh"


def test_bodies_written_with_a_lower_case_nha_nuoc_are_found():
    from dondoc.resources import gazetteer

    text = "Kiểm toán nhà nước phối hợp với cơ quan có thẩm quyền thực hiện kiểm toán."
    assert [b.name for b in gazetteer().find(text, 0, len(text))] == ["Kiểm toán Nhà nước"]


def test_an_office_holder_normalises_to_their_body():
    assert gazetteer().normalise("Bộ trưởng  Bộ Công an") == "Bộ Công an"
    assert gazetteer().normalise("Chủ tịch UBND cấp tỉnh") == "Ủy ban nhân dân cấp tỉnh"
    assert gazetteer().normalise("Bộ trưởng") == "Bộ trưởng"  # no body: kept as written
    # a department's head is titled by its kind ("Tổng cục trưởng", "Cục trưởng"), not "trưởng" alone
    (m,) = gazetteer().find("Tổng cục trưởng Tổng cục Giáo dục nghề nghiệp quyết định")
    assert m.name == "Tổng cục Giáo dục nghề nghiệp"


def test_a_capitalised_thanh_pho_is_still_the_locality():
    text = "Ủy ban nhân dân Thành phố Hồ Chí Minh, Ủy ban nhân dân tỉnh Khánh Hòa có trách nhiệm"
    assert [b.name for b in gazetteer().find(text)] == [
        "Ủy ban nhân dân Thành phố Hồ Chí Minh",
        "Ủy ban nhân dân tỉnh Khánh Hòa",
    ]
