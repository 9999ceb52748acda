from dondoc.core.analysis import analyse
from dondoc.resources import gazetteer

TABLE = """Phụ lục
DANH MỤC NHIỆM VỤ
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian
hoàn thành
1
Xây dựng đề án phát triển
nhà ở xã hội
Bộ Xây dựng
Bộ Tài chính
Quý IV/2026
2
Sửa đổi quy định về thuế
Bộ Tài chính
Các bộ, ngành
2027
CÔNG BÁO/Số 9/Ngày 01-01-2026
12
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Thời gian
3
Tổng kết thi hành luật
Bộ Tư pháp
Năm 2026
"""


def test_one_task_per_row_across_repeated_headers():
    out = analyse(TABLE, gazetteer=gazetteer()).to_json()
    tasks = out["tasks"]
    assert [" ".join(t["text"].split()) for t in tasks] == [
        "Xây dựng đề án phát triển nhà ở xã hội",
        "Sửa đổi quy định về thuế",
        "Tổng kết thi hành luật",
    ]
    assert tasks[0]["owners"][0] == {"name": "Bộ Xây dựng", "role": "lead"}
    assert {"name": "Bộ Tài chính", "role": "support"} in tasks[0]["owners"]
    assert [t["due"]["date"] for t in tasks] == ["2026-12-31", "2027-12-31", "2026-12-31"]


FIELDS = """NGHỊ QUYẾT
Về việc bổ sung nhiệm vụ

QUYẾT NGHỊ:

Điều 1. Bổ sung nhiệm vụ sau:
1. Tên nhiệm vụ: Xây dựng Đề án phát triển mạng lưới chuyên gia pháp lý.
2. Cơ quan chủ trì: Bộ Tư pháp.
3. Cơ quan phối hợp: Bộ Ngoại giao, Bộ Nội vụ.
4. Kết quả: Quyết định của Thủ tướng Chính phủ.
5. Thời gian hoàn thành: Quý IV/2026.
"""


def test_field_list_is_one_task():
    tasks = analyse(FIELDS, gazetteer=gazetteer()).to_json()["tasks"]
    assert len(tasks) == 1
    (t,) = tasks
    assert t["text"].startswith("Tên nhiệm vụ: Xây dựng Đề án") and t["action"] == "xây dựng"
    assert t["owners"] == [
        {"name": "Bộ Tư pháp", "role": "lead"},
        {"name": "Bộ Ngoại giao", "role": "support"},
        {"name": "Bộ Nội vụ", "role": "support"},
    ]
    assert t["due"]["date"] == "2026-12-31"


PIPES = """KẾ HOẠCH
Thực hiện chương trình chuyển đổi số năm 2025

STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm
1 | Xây dựng cơ sở dữ liệu dân cư | Công an thành phố | Sở Tư pháp | Quý III/2025 | Cơ sở dữ liệu
2 | Ban hành quy chế khai thác dữ liệu | Văn phòng UBND | Sở Nội vụ, Sở Tài chính | 2026 | Quyết định
"""


def test_pipe_table_rows_are_read_by_column():
    tasks = analyse(PIPES, gazetteer=gazetteer()).to_json()["tasks"]
    assert [t["text"] for t in tasks] == ["Xây dựng cơ sở dữ liệu dân cư", "Ban hành quy chế khai thác dữ liệu"]
    assert tasks[0]["owners"] == [{"name": "Công an thành phố", "role": "lead"}, {"name": "Sở Tư pháp", "role": "support"}]
    assert [t["due"]["date"] for t in tasks] == ["2025-09-30", "2026-12-31"]
    assert {"name": "Sở Tài chính", "role": "support"} in tasks[1]["owners"]


ITEM_FIELDS = """NGHỊ QUYẾT
Phê duyệt Đề án xây dựng cơ sở dữ liệu

QUYẾT NGHỊ:

V. NHIỆM VỤ
1. Về hoàn thiện cơ sở pháp lý
a) Rà soát văn bản pháp luật về cơ sở dữ liệu quốc gia, đề xuất sửa đổi các quy định
không còn phù hợp
- Đơn vị chủ trì: Bộ Công an.
- Thời gian thực hiện: Quý IV năm 2026.
b) Chuyển đổi các hệ thống thông tin về Trung tâm dữ liệu quốc gia.
- Đơn vị chủ trì: Bộ, ngành, địa phương là chủ quản cơ sở dữ liệu.

58
CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023

- Thời gian thực hiện: Thực hiện thường xuyên.
"""


def test_fields_under_an_item_make_the_item_a_task():
    tasks = analyse(ITEM_FIELDS, gazetteer=gazetteer()).to_json()["tasks"]
    assert [t["text"].split("\n")[0] for t in tasks] == [
        "Rà soát văn bản pháp luật về cơ sở dữ liệu quốc gia, đề xuất sửa đổi các quy định",
        "Chuyển đổi các hệ thống thông tin về Trung tâm dữ liệu quốc gia",
    ]
    first, second = tasks
    assert first["owners"] == [{"name": "Bộ Công an", "role": "lead"}]
    assert first["due"]["date"] == "2026-12-31" and first["due"]["explicit"] is True
    # A lead the gazetteer does not know is kept as written, up to the page header after it.
    assert second["owners"] == [{"name": "Bộ, ngành, địa phương là chủ quản cơ sở dữ liệu", "role": "lead"}]
    assert second["due"]["date"] is None


GROUPED = """NGHỊ QUYẾT
Chương trình hành động

PHỤ LỤC
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Thời
hạn
hoàn thành
I.
Tăng cường công tác tuyên truyền
1.
Tổ chức tuyên truyền, phổ biến nội dung Chỉ thị
Bộ Ngoại giao
Năm 2026
2.
Biên soạn tài liệu hướng dẫn
Bộ Tư pháp
Quý III năm 2026
CÔNG BÁO/Số 242/Ngày 22-04-2026
II.
Hoàn thiện thể chế
1.
Rà soát quy định về quản lý viện trợ
Bộ Tài chính
2026 - 2028
"""


def test_table_groups_restart_numbering_and_page_headers_do_not_date_rows():
    tasks = analyse(GROUPED, gazetteer=gazetteer()).to_json()["tasks"]
    assert [t["text"] for t in tasks] == [
        "Tổ chức tuyên truyền, phổ biến nội dung Chỉ thị",
        "Biên soạn tài liệu hướng dẫn",
        "Rà soát quy định về quản lý viện trợ",
    ]
    assert [t["owners"][0]["name"] for t in tasks] == ["Bộ Ngoại giao", "Bộ Tư pháp", "Bộ Tài chính"]
    assert [t["due"]["date"] for t in tasks] == ["2026-12-31", "2026-09-30", "2028-12-31"]


AMENDING = (
    "CHÍNH PHỦ\nSố: 24/2026/NQ-CP\n\nNGHỊ QUYẾT\nVề cắt giảm thủ tục hành chính\n\n"
    "Điều 1. Tổ chức thi hành\n"
    "1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ:\n"
    "a) Rà soát các mẫu đơn theo Phụ lục II ban hành kèm theo Nghị định số 151/2024/NĐ-CP trước ngày "
    "30 tháng 6 năm 2026.\n"
    "b) Trình cơ quan có thẩm quyền ban hành văn bản quy phạm pháp luật theo Phụ lục II ban hành kèm "
    "theo Nghị quyết này, bảo đảm có hiệu lực trước ngày 01 tháng 3 năm 2027.\n"
    "Điều 2. Nghị quyết này có hiệu lực thi hành từ ngày ký.\n\n"
    "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nPhạm Thị Thanh Trà\n\n"
    "Phụ lục I\nCẮT GIẢM THỦ TỤC HÀNH CHÍNH\n(Kèm theo Nghị quyết số 24/2026/NQ-CP)\n"
    "1. Thủ tục cấp giấy phép\na) Sở Nội vụ có trách nhiệm thẩm định hồ sơ trong 10 ngày làm việc.\n\n"
    "Phụ lục II\nDANH MỤC VĂN BẢN ĐƯỢC ĐỀ XUẤT SỬA ĐỔI, BỔ SUNG\n(Kèm theo Nghị quyết số 24/2026/NQ-CP)\n"
    "STT\nCÁC NGHỊ ĐỊNH CẦN SỬA ĐỔI, BỔ SUNG\nĐIỀU, KHOẢN CẦN SỬA ĐỔI\nCƠ QUAN CHỦ\nTRÌ SOẠN\nTHẢO\n"
    "I\nNGHỊ ĐỊNH\n"
    "1.\nNghị định số 288/2025/NĐ-CP ngày 05/11/2025 của\nChính phủ\nKhoản 2 Điều 7\nBộ Quốc phòng\n"
    "2.\nNghị định số 128/2025/NĐ-CP về phân cấp lĩnh vực Nội vụ\nKhoản 1 Điều 11; khoản 6 mục 3\n"
    "Phụ lục II.\nBộ Nội vụ\n"
    "CÔNG BÁO/Số 276/Ngày 16-05-2026\n169\n"
    "3. Nghị định số 112/2021/NĐ-CP quy định chi tiết Luật Người lao động\nĐiều 21, 22\nBộ Nội vụ\n"
    "4.\nNghị định số 24/2012/NĐ-CP về quản lý hoạt động kinh doanh vàng\nĐiều 5\nNgân hàng Nhà\n"
    "nước Việt Nam\n"
    "II\nQUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
    "1. Quyết định số 34/2025/QĐ-TTg về Quỹ Hỗ trợ việc làm ngoài nước\nkhoản 3 Điều 10\nBộ Nội vụ\n"
)


def test_a_list_of_documents_to_amend_gives_one_task_per_row_with_the_deadline_set_for_the_list():
    out = analyse(AMENDING, gazetteer=gazetteer()).to_json()
    rows = [t for t in out["tasks"] if t["text"].startswith(("Nghị định số", "Quyết định số"))]
    assert [" ".join(t["text"].split())[:40] for t in rows] == [
        "Nghị định số 288/2025/NĐ-CP ngày 05/11/2",  # "Chính phủ" alone in the title is not the lead
        "Nghị định số 128/2025/NĐ-CP về phân cấp ",  # "Phụ lục II." in a cell does not end the table
        "Nghị định số 112/2021/NĐ-CP quy định chi",  # "Điều 21, 22" neither
        "Nghị định số 24/2012/NĐ-CP về quản lý ho",
        "Quyết định số 34/2025/QĐ-TTg về Quỹ Hỗ t",
    ]
    assert [t["owners"] for t in rows] == [
        [{"name": n, "role": "lead"}]
        for n in ("Bộ Quốc phòng", "Bộ Nội vụ", "Bộ Nội vụ", "Ngân hàng Nhà nước Việt Nam", "Bộ Nội vụ")
    ]
    assert " ".join(rows[0]["text"].split()).endswith("Khoản 2 Điều 7")  # the provisions are part of the task
    # the clause that orders the list sets its deadline; the one citing another decree's appendix does not
    assert {t["due"]["date"] for t in rows} == {"2027-03-01"}
    assert all(t["due"]["expression"] == "trước ngày 01 tháng 3 năm 2027" for t in rows)
    assert not any("Sở Nội vụ" in str(t["owners"]) for t in out["tasks"])  # Phụ lục I's procedure is no task
