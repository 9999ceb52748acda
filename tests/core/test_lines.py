"""Lines and what each is: running text, a blank, or page furniture (noise)."""

from dondoc.core.lines import split_lines


def test_a_page_number_over_the_gazette_header_is_noise_but_a_number_in_the_text_is_not():
    text = (
        "Điều 14. Trách nhiệm\n1. Các bộ\nPhối hợp.\n2. Ủy ban nhân dân các cấp\na) Ủy ban nhân dân cấp tỉnh\n\n \n30 \nCÔNG BÁO/Số 399 + 400/Ngày 12-6-2022\n  \n"
        "Chỉ đạo Sở Lao động - Thương binh và Xã hội chủ trì hướng dẫn.\nBáo cáo gồm\nsố đơn vị\ntham gia:\n12\nđơn vị.\n"
    )
    noise = [ln.text for ln in split_lines(text) if ln.noise]
    assert noise == ["30 ", "CÔNG BÁO/Số 399 + 400/Ngày 12-6-2022"]


def test_a_consolidated_texts_footnote_is_noise():
    text = "1. Xây dựng chiến lược.\n11 Khoản này được sửa đổi, bổ sung theo quy định tại điểm a khoản 3 Điều 1 của Luật số 46/2014/QH13\n2. Ban hành quy định.\n"
    lines = split_lines(text)
    assert [ln.noise for ln in lines if ln.text.strip()] == [False, True, False]


def test_a_page_s_footnotes_are_noise_up_to_the_next_page_header():
    text = (
        "1. Ban hành chính sách, pháp luật về bảo hiểm y tế, nguồn tài chính phục vụ\n"
        " \n"
        "9 Khoản này được sửa đổi, bổ sung theo quy định tại khoản 2 Điều 1 của Luật số 46/2014/QH13\n"
        "sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế.\n"
        "10 Nội dung quy định về thuế thu nhập doanh nghiệp tại Khoản này được bãi bỏ theo quy\n"
        "định tại Luật số 32/2013/QH13. Quy định liên quan đến cấp chuyên môn kỹ thuật.\n"
        "\n"
        "CÔNG BÁO/Số 172/Ngày 31-03-2026\n"
        "32\n"
        "công tác bảo vệ, chăm sóc sức khỏe nhân dân;\n"
    )
    lines = split_lines(text)
    kept = [ln.text for ln in lines if not ln.noise and not ln.blank]
    assert kept == [
        "1. Ban hành chính sách, pháp luật về bảo hiểm y tế, nguồn tài chính phục vụ",
        "công tác bảo vệ, chăm sóc sức khỏe nhân dân;",
    ]


def test_a_footnote_among_the_provisions_is_noise_to_its_full_stop():
    text = (
        "1. Cơ quan bảo hiểm xã hội thực hiện thu, chi bảo hiểm xã hội.\n"
        "3 Cụm từ “Thanh tra chuyên ngành về đóng bảo hiểm xã hội, bảo hiểm thất nghiệp, bảo \n"
        "hiểm y tế.” được bỏ theo quy định tại điểm s khoản 1 Điều 62 của Luật Thanh tra số \n"
        "84/2025/QH15, có hiệu lực kể từ ngày 01 tháng 7 năm 2025. \n"
        "10 Cụm từ “Tổng công ty lưu ký” được thay thế \n"
        "bằng cụm từ “Tổng công ty lưu ký và công ty con” theo quy định tại Thông tư số 138/2025/TT-BTC ngày 30 tháng 12 năm \n"
        "2025 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung một số điều của Thông tư 95/2020/TT-BTC. \n"
        "2. Tổng công ty lưu ký có trách nhiệm gửi báo cáo giám sát.\n"
    )
    noise = [ln.noise for ln in split_lines(text) if ln.text.strip()]
    assert noise == [False, True, True, True, True, True, True, False]


def test_a_digital_signature_s_signer_line_is_noise():
    text = "2. Hiệu trưởng trường cao đẳng; Giám đốc trung tâm giáo \nNgười ký: Cổng Thông tin điện tử Chính phủ\nEmail: a@b.vn\n"
    assert [ln.noise for ln in split_lines(text) if ln.text.strip()] == [False, True, True]
