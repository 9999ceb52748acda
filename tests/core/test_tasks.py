"""Task extraction on small directive texts written for these tests."""

from dondoc.core.analysis import analyse
from dondoc.core.owners import owners_of
from dondoc.core.spans import Span
from dondoc.resources import gazetteer

KL = """KẾT LUẬN
về nhiệm vụ trọng tâm Quý III năm 2022

Thành ủy kết luận:

1. Kết quả đạt được

Tổng sản phẩm trên địa bàn ước tăng 8,5%.

2. Nhiệm vụ trọng tâm Quý III năm 2022

2.1. Xây dựng 12 trường học trong năm 2022 và 30 trường học trong năm 2023. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng hoàn thiện thủ tục đầu tư trước ngày 15/8/2022.

2.2. Khởi công xây dựng các công trình: cầu Sông Cấm; cầu Bạch Đằng; đường ven biển.

2.3. Giao UBND các quận, huyện rà soát, báo cáo kết quả trong tháng 9/2022; tăng cường kiểm tra, giám sát.

3. Ban Thường vụ Thành ủy, Ban cán sự đảng UBND thành phố tổ chức thực hiện Kết luận này. Văn phòng Thành ủy theo dõi, kiểm tra, đôn đốc việc thực hiện./.
"""


def _run(text):
    return analyse(text, gazetteer=gazetteer()).to_json()


def _leads(task):
    return [o["name"] for o in task["owners"] if o["role"] == "lead"]


def _starts_and_leads(text):
    """Each task's first 30 characters and its leads."""
    return [(t["text"][:30], _leads(t)) for t in _run(text)["tasks"]]


def test_sections_kinds_and_periods():
    out = _run(KL)
    kinds = {s["number"]: s["kind"] for s in out["sections"]}
    assert kinds == {"1": "results", "2": "tasks", "2.1": "tasks", "2.2": "tasks", "2.3": "tasks", "3": "implementation"}
    assert out["document"]["planned_period"] == {"start": "2022-07-01", "end": "2022-09-30"}


def test_one_task_per_target_with_its_own_deadline():
    tasks = _run(KL)["tasks"]
    first, second = tasks[0], tasks[1]
    assert first["target"] == {"quantity": 12, "unit": "trường học"} and first["due"]["date"] == "2022-12-31"
    assert second["target"] == {"quantity": 30, "unit": "trường học"} and second["due"]["date"] == "2023-12-31"
    assert second["text"] == "30 trường học trong năm 2023"


def test_lead_and_support_owners_and_explicit_deadline():
    tasks = _run(KL)["tasks"]
    t = next(t for t in tasks if "hoàn thiện thủ tục" in t["text"])
    assert t["owners"] == [
        {"name": "Sở Giáo dục và Đào tạo", "role": "lead"},
        {"name": "Sở Tài chính", "role": "support"},
        {"name": "Sở Xây dựng", "role": "support"},
    ]
    assert t["due"] == {"date": "2022-08-15", "earliest": None, "expression": "trước ngày 15/8/2022", "explicit": True}


def test_items_stay_in_one_task_and_default_due_is_period_end():
    tasks = _run(KL)["tasks"]
    t = next(t for t in tasks if t["text"].startswith("Khởi công"))
    assert t["items"] == ["cầu Sông Cấm", "cầu Bạch Đằng", "đường ven biển"]
    assert t["due"] == {"date": "2022-09-30", "earliest": None, "expression": None, "explicit": False}


def test_assigned_body_and_clause_split():
    tasks = _run(KL)["tasks"]
    review = next(t for t in tasks if t["text"].startswith("Giao UBND"))
    assert review["owners"] == [{"name": "Ủy ban nhân dân các quận, huyện", "role": "lead"}]
    assert review["due"]["date"] == "2022-09-30"
    assert any(t["text"].startswith("tăng cường kiểm tra") for t in tasks)


def test_implementation_gives_assignments_not_tasks():
    out = _run(KL)
    assert all(t["section"] != "3" for t in out["tasks"])
    roles = {(a["name"], a["role"]) for a in out["document"]["assignments"]}
    assert ("Ban Thường vụ Thành ủy", "implement") in roles
    assert ("Văn phòng Thành ủy", "monitor") in roles


def test_results_sections_give_no_tasks_but_indicators():
    out = _run(KL)
    assert all(not t["text"].startswith("Tổng sản phẩm") for t in out["tasks"])
    assert [i["change_pct"] for i in out["indicators"]] == [8.5]


QD = """QUYẾT ĐỊNH
Về việc thực hiện quy chuẩn khí thải

Điều 1. Tổ chức thực hiện

1. Bộ Xây dựng chủ trì tổ chức việc kiểm tra, chứng nhận xe ô tô đáp ứng quy chuẩn khí thải; giám sát các cơ sở đăng kiểm thực hiện kiểm định khí thải.

2. Bộ Công an tổ chức kiểm tra việc tuân thủ quy chuẩn. Ủy ban nhân dân các tỉnh chỉ đạo các cơ quan chức năng xử lý vi phạm.
"""


def test_a_clause_without_subject_shares_the_previous_clause_s_owner():
    tasks = _run(QD)["tasks"]
    watch = next(t for t in tasks if t["text"].startswith("giám sát các cơ sở"))
    assert watch["owners"] == [{"name": "Bộ Xây dựng", "role": "lead"}]
    # A clause with its own subject keeps it.
    handle = next(t for t in tasks if t["text"].startswith("Ủy ban nhân dân các tỉnh"))
    assert [o["name"] for o in handle["owners"]] == ["Ủy ban nhân dân các tỉnh"]


QD_ITEMS = """QUYẾT ĐỊNH
Phê duyệt Đề án hỗ trợ doanh nghiệp

Điều 2. Tổ chức thực hiện
1. Bộ Tài chính
a) Bố trí kinh phí để triển khai thực hiện các nội dung được giao trong Đề án.
b) Hướng dẫn các địa phương lập dự toán.
2. Giao Bộ Y tế, Bộ Tài chính và Bảo hiểm xã hội Việt Nam rà soát quy định về thanh toán chi phí.
"""


def test_a_heading_that_names_a_body_owns_its_items():
    tasks = _run(QD_ITEMS)["tasks"]
    items = [t for t in tasks if t["section"] in ("a", "b")]
    assert len(items) == 2
    assert all(t["owners"] == [{"name": "Bộ Tài chính", "role": "lead"}] for t in items)


def test_every_body_listed_after_giao_leads():
    tasks = _run(QD_ITEMS)["tasks"]
    t = next(t for t in tasks if t["text"].startswith("Giao Bộ Y tế"))
    assert _leads(t) == ["Bộ Y tế", "Bộ Tài chính", "Bảo hiểm xã hội Việt Nam"]


QD_ORGS = """QUYẾT ĐỊNH
Phê duyệt Đề án hỗ trợ doanh nghiệp công nghệ số

Điều 2. Tổ chức thực hiện
1. Bộ Y tế chịu trách nhiệm về việc tổng hợp số liệu.
2. Các Khu công nghệ cao và hiệp hội, doanh nghiệp liên quan
a) Thực hiện vai trò cầu nối giữa cơ quan quản lý nhà nước với các doanh nghiệp.
b) Tổng hợp khó khăn, vướng mắc của doanh nghiệp, báo cáo Bộ Khoa học và Công nghệ.
"""


def test_accountability_is_not_a_task():
    tasks = _run(QD_ORGS)["tasks"]
    assert not any("chịu trách nhiệm" in t["text"] for t in tasks)


def test_a_heading_naming_unknown_organisations_owns_its_items():
    tasks = _run(QD_ORGS)["tasks"]
    assert [t["section"] for t in tasks] == ["a", "b"]  # the heading itself is not a task
    owner = [  # "và" before a kind of organisation joins two names
        {"name": "Các Khu công nghệ cao", "role": "lead"},
        {"name": "hiệp hội, doanh nghiệp liên quan", "role": "lead"},
    ]
    assert all(t["owners"] == owner for t in tasks)


PROGRAMME = """NGHỊ QUYẾT
Ban hành Chương trình hành động của Chính phủ

QUYẾT NGHỊ:

II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
1. Các bộ, cơ quan ngang bộ
a) Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Kết luận; hoàn thành trong quý II năm 2026.
b) Rà soát các văn bản quy phạm pháp luật có liên quan; báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 6 năm 2026.
2. Bộ Nội vụ
- Chủ trì, phối hợp với các bộ, ngành xây dựng Đề án sắp xếp tổ chức bộ máy, trình Chính phủ trong tháng 9 năm 2026.
- Hướng dẫn các địa phương thực hiện chế độ, chính sách đối với cán bộ dôi dư; kiểm tra, đôn đốc việc thực hiện.
"""


def test_a_completion_clause_is_the_deadline_of_the_clause_before():
    tasks = _run(PROGRAMME)["tasks"]
    first = tasks[0]
    assert first["text"].endswith("hoàn thành trong quý II năm 2026") and first["due"]["date"] == "2026-06-30"
    assert not any(t["text"].startswith("hoàn thành") for t in tasks)
    # A report with its own date stays a task of its own.
    report = next(t for t in tasks if t["text"].startswith("báo cáo Thủ tướng"))
    assert report["due"]["date"] == "2026-06-30"


def test_bullets_under_a_body_heading_are_that_body_s_tasks():
    tasks = [t for t in _run(PROGRAMME)["tasks"] if t["section"] == "2"]
    assert len(tasks) == 3
    assert all(t["owners"][0] == {"name": "Bộ Nội vụ", "role": "lead"} for t in tasks)
    assert tasks[0]["due"]["date"] == "2026-09-30"


DUTY_ARTICLES = """QUYẾT ĐỊNH
Về Mạng truyền số liệu chuyên dùng

Chương III

TỔ CHỨC THỰC HIỆN

Điều 14. Trách nhiệm của Bộ Khoa học và Công nghệ

1. Xây dựng chiến lược phát triển Mạng truyền số liệu chuyên dùng.

2. Phê duyệt thiết kế mạng và định mức kinh tế - kỹ thuật.

Điều 15. Quyền và trách nhiệm của Cục Bưu điện Trung ương

1. Quản lý, giám sát, bảo đảm hoạt động của Mạng truyền số liệu chuyên dùng.

2. Trên cơ sở đề xuất của các bộ, cơ quan ngang bộ, Bộ Tài chính tổng hợp, bố trí kinh phí duy trì mạng.

3. Căn cứ tình hình thực tế, tiếp tục nghiên cứu, trình Thủ tướng Chính phủ các phương án kết nối.
"""


def test_points_of_a_duties_article_are_its_body_s_tasks():
    tasks = _run(DUTY_ARTICLES)["tasks"]
    assert [t["owners"][0]["name"] for t in tasks[:2]] == ["Bộ Khoa học và Công nghệ"] * 2
    # A body the gazetteer does not know is taken from the heading as written.
    assert tasks[2]["owners"] == [{"name": "Cục Bưu điện Trung ương", "role": "lead"}]


def test_the_subject_after_an_opening_phrase():
    tasks = _run(DUTY_ARTICLES)["tasks"]
    budget = next(t for t in tasks if t["text"].startswith("Trên cơ sở"))
    assert _leads(budget) == ["Bộ Tài chính"]
    # "Căn cứ …, tiếp tục nghiên cứu": no subject of its own, the article's body keeps the task.
    study = next(t for t in tasks if t["text"].startswith("Căn cứ"))
    assert study["owners"][0] == {"name": "Cục Bưu điện Trung ương", "role": "lead"}


DUTY_LIST = """NGHỊ QUYẾT
Ban hành Chương trình hành động

QUYẾT NGHỊ:

II. NHIỆM VỤ, GIẢI PHÁP
1. Các bộ, ngành, địa phương tập trung thực hiện các nhiệm vụ sau: rà soát, sắp xếp tổ chức bộ máy; đẩy mạnh cải cách thủ tục hành chính; nâng cao chất lượng đội ngũ công chức.
2. Bộ Xây dựng chủ trì đầu tư các công trình: cầu Bến Rừng; cầu Vũ Yên; đường ven biển.
3. Ban Tổ chức Trung ương hướng dẫn quy trình đánh giá cán bộ.
"""


def test_a_list_of_duties_after_a_colon_gives_one_task_each_but_a_list_of_names_gives_items():
    tasks = _run(DUTY_LIST)["tasks"]
    duties = [t for t in tasks if t["section"] == "1"]
    assert [t["text"].split(": ")[-1] for t in duties] == [
        "rà soát, sắp xếp tổ chức bộ máy",
        "đẩy mạnh cải cách thủ tục hành chính",
        "nâng cao chất lượng đội ngũ công chức",
    ]
    works = next(t for t in tasks if t["section"] == "2")
    assert works["items"] == ["cầu Bến Rừng", "cầu Vũ Yên", "đường ven biển"]


def test_central_party_bodies_own_tasks():
    t = next(t for t in _run(DUTY_LIST)["tasks"] if t["section"] == "3")
    assert t["owners"] == [{"name": "Ban Tổ chức Trung ương", "role": "lead"}]


PROGRAMME_NO_OWNER = """NGHỊ QUYẾT
Ban hành Chương trình hành động của Chính phủ

QUYẾT NGHỊ:

II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
1. Về hoàn thiện thể chế
a) Rà soát, sửa đổi các quy định về quản lý viện trợ không hoàn lại.
b) Các văn bản được ban hành phải bảo đảm tính thống nhất.
"""


def test_under_a_tasks_heading_a_duty_needs_no_named_owner():
    tasks = _run(PROGRAMME_NO_OWNER)["tasks"]
    assert [t["text"] for t in tasks] == ["Rà soát, sửa đổi các quy định về quản lý viện trợ không hoàn lại"]
    assert tasks[0]["owners"] == []  # the topic heading "Về hoàn thiện thể chế" is neither a task nor an owner


def test_a_right_is_not_a_task():
    text = DUTY_ARTICLES + "\n4. Được Bộ Khoa học và Công nghệ giao kinh phí duy trì hoạt động của Mạng.\n"
    assert not any(t["text"].startswith("Được") for t in _run(text)["tasks"])


def test_a_plan_s_vision_year_is_not_a_deadline():
    text = PROGRAMME_NO_OWNER.replace(
        "a) Rà soát, sửa đổi các quy định về quản lý viện trợ không hoàn lại.",
        "a) Rà soát hồ sơ điều chỉnh Quy hoạch sử dụng đất quốc gia thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.",
    )
    (task,) = _run(text)["tasks"]
    assert task["due"] is None


def test_an_article_of_responsibilities_assigns_its_bodies_items():
    text = """QUYẾT ĐỊNH
Về việc thành lập Quỹ phòng, chống tội phạm

Điều 6. Trách nhiệm thực hiện quản lý, điều hành Quỹ

1. Bộ Công an

a) Tổ chức huy động tài trợ, viện trợ cho Quỹ.

b) Tổng hợp tình hình quản lý và sử dụng Quỹ, báo cáo Thủ tướng Chính phủ.

Điều 7. Trách nhiệm thi hành

Các Bộ trưởng chịu trách nhiệm thi hành Quyết định này.
"""
    tasks = _run(text)["tasks"]
    assert [t["section"] for t in tasks] == ["a", "b"]
    assert all(t["owners"][0] == {"name": "Bộ Công an", "role": "lead"} for t in tasks)


def test_office_holders_assigned_under_an_implementation_article():
    text = """NGHỊ QUYẾT
Về cắt giảm thủ tục hành chính

Điều 4. Tổ chức thi hành
1. Bộ trưởng Bộ Công an có trách nhiệm:
a) Trình cơ quan có thẩm quyền ban hành văn bản quy phạm pháp luật, bảo đảm có hiệu lực trước ngày 01 tháng 3 năm 2027;
b) Công bố, công khai thủ tục hành chính theo thẩm quyền.
2. Bộ Văn hóa, Thể thao và Du lịch chịu trách nhiệm theo dõi, đôn đốc và kiểm tra việc thực hiện Nghị quyết này.
3. Người đứng đầu cơ quan, cán bộ tham gia xây dựng Nghị quyết này được xem xét loại trừ, miễn hoặc giảm trách nhiệm theo quy định.
"""
    tasks = _run(text)["tasks"]
    assert [t["section"] for t in tasks] == ["a", "b", "2"]  # 3 states a right
    # the office-holder, as the text names them (the store files the task under Bộ Công an)
    assert tasks[0]["owners"] == [{"name": "Bộ trưởng Bộ Công an", "role": "lead"}]
    assert tasks[0]["due"]["date"] == "2027-03-01"
    assert tasks[2]["owners"] == [{"name": "Bộ Văn hóa, Thể thao và Du lịch", "role": "lead"}]


DECREE_DUTIES = """CHÍNH PHỦ
Số: 12/2026/NĐ-CP

NGHỊ ĐỊNH
Quy định về hoạt động khoa học

Điều 21. Trách nhiệm của các bộ, ngành, địa phương, doanh nghiệp,
tổ chức khoa học và công nghệ, cơ sở giáo dục đại học
1. Bộ Giáo dục và Đào tạo
a) Chủ trì phát triển hệ sinh thái đổi mới sáng tạo;
b) Khen thưởng các giảng viên theo quy định của pháp luật.
2. Cơ sở giáo dục đại học
a) Xây dựng chiến lược phát triển khoa học, công nghệ;
b) Quyết định nội dung chi; chịu trách nhiệm trong việc quản lý kinh phí.
"""


def test_duties_under_headings_that_name_bodies_by_kind():
    out = _run(DECREE_DUTIES)
    got = [(t["text"].split()[0], _leads(t)) for t in out["tasks"]]
    assert got == [
        ("Chủ", ["Bộ Giáo dục và Đào tạo"]),
        ("Khen", ["Bộ Giáo dục và Đào tạo"]),
        ("Xây", ["Cơ sở giáo dục đại học"]),
        ("Quyết", ["Cơ sở giáo dục đại học"]),
        ("chịu", ["Cơ sở giáo dục đại học"]),
    ]


def test_the_amending_act_is_no_task():
    from dondoc.core.clause_tasks import _AMENDMENT_RE

    assert _AMENDMENT_RE.match("Sửa đổi, bổ sung khoản 2 và khoản 3 Điều 17 như sau")
    assert _AMENDMENT_RE.match("Bổ sung Điều 19a như sau")
    assert not _AMENDMENT_RE.match("Bổ sung kinh phí cho các địa phương theo quy định tại Điều 5")


RESOLUTION_IMPLEMENTATION = """CHÍNH PHỦ
Số: 22/2026/NQ-CP

NGHỊ QUYẾT
Về cắt giảm thủ tục hành chính

Điều 4. Tổ chức thi hành
1. Bộ trưởng Bộ Công an có trách nhiệm:
a) Tổ chức thi hành Nghị quyết này;
b) Công bố, công khai thủ tục hành chính theo thẩm quyền.
2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ có liên quan trong phạm vi
chức năng, nhiệm vụ, quyền hạn của mình, phối hợp với Bộ Công an chịu trách
nhiệm theo dõi, đôn đốc và kiểm tra việc thực hiện Nghị quyết này.
3. Người đứng đầu cơ quan, đơn vị, cán bộ, công chức tham
gia xây dựng Nghị quyết này được xem xét loại trừ, miễn hoặc giảm trách nhiệm theo quy định.
4. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân
cấp tỉnh chịu trách nhiệm thi hành Nghị quyết này./.
"""


def test_office_holders_of_an_implementation_article_have_tasks_and_the_closing_formula_is_none():
    tasks = _run(RESOLUTION_IMPLEMENTATION)["tasks"]
    assert [t["text"].split()[0] for t in tasks] == ["Tổ", "Công", "Bộ"]
    assert _leads(tasks[2]) == [
        "Bộ trưởng",
        "Thủ trưởng cơ quan ngang bộ có liên quan",
    ]


def test_documents_cited_in_an_appendix_are_references():
    text = (
        "CHÍNH PHỦ\nSố: 20/2026/NQ-CP\nHà Nội, ngày 15 tháng 5 năm 2026\n\nNGHỊ QUYẾT\nVề cắt giảm thủ tục\n\n"
        "Điều 1. Phạm vi\nNghị quyết này quy định việc cắt giảm.\n\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nPhạm Minh Chính\n\n"
        "Phụ lục\nBãi bỏ khoản 2 Điều 8 Quyết định số 19/2014/QĐ-TTg\nNơi nhận:\n- Như trên;\n"
        "Mẫu số 01 kèm theo Nghị định số 133/2025/NĐ-CP\n"
    )
    numbers = {r["number"] for r in _run(text)["references"]}
    assert {"19/2014/QĐ-TTg", "133/2025/NĐ-CP"} <= numbers


REPORTING_RULES = """CHÍNH PHỦ
Số: 191/2026/NĐ-CP

NGHỊ ĐỊNH
Ban hành Quy chế làm việc

Điều 40. Trách nhiệm của Bộ Xây dựng
1. Bộ Xây dựng:
a) Ban hành văn bản hướng dẫn theo thẩm quyền;
b) Thực hiện quản lý nhà nước về những nội dung thuộc phạm vi điều chỉnh của Nghị định này.
2. Chế độ báo cáo theo quý được thực hiện như sau:

Hằng quý, Bộ Xây dựng báo cáo kết quả thực hiện trong quý.
"""


def test_a_point_that_mentions_the_scope_is_still_a_duty_and_a_paragraph_after_sau_is_its_own_clause():
    texts = [t["text"] for t in _run(REPORTING_RULES)["tasks"]]
    assert texts == [
        "Ban hành văn bản hướng dẫn theo thẩm quyền",
        "Thực hiện quản lý nhà nước về những nội dung thuộc phạm vi điều chỉnh của Nghị định này",
        "Hằng quý, Bộ Xây dựng báo cáo kết quả thực hiện trong quý",
    ]


def test_a_short_label_ending_its_line_is_no_part_of_the_sentence_after_it():
    text = REPORTING_RULES.replace(
        "2. Chế độ báo cáo theo quý được thực hiện như sau:\n\nHằng quý, Bộ Xây dựng báo cáo kết quả thực hiện trong quý.\n",
        "2. Báo cáo, thông tin hằng ngày:\nBộ Ngoại giao thực hiện điểm tin đối ngoại hằng ngày.\n",
    )
    tasks = _run(text)["tasks"]
    assert tasks[-1]["text"] == "Bộ Ngoại giao thực hiện điểm tin đối ngoại hằng ngày"
    assert [o["name"] for o in tasks[-1]["owners"]] == ["Bộ Ngoại giao"]


def test_national_assembly_organs_a_time_limit_opener_and_the_adoption_line():
    text = (
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nNghị quyết số: 115/2025/UBTVQH15\n\nNGHỊ QUYẾT\n\nQuy định chi tiết\n\n"
        "Điều 26. Trách nhiệm báo cáo\n\n"
        "1. Hằng quý, Hội đồng Dân tộc, Ủy ban của Quốc hội, Ban của Hội đồng nhân dân báo cáo kết quả giám sát.\n\n"
        "2. Trong thời hạn 03 tháng kể từ ngày Nghị quyết này có hiệu lực thi hành, Bộ Tư pháp có trách nhiệm "
        "chuyển giao hồ sơ.\n\n"
        "Nghị quyết này được Ủy ban Thường vụ Quốc hội thông qua ngày 24 tháng 12 năm 2025.\n"
    )
    out = _run(text)
    leads = [_leads(t) for t in out["tasks"]]
    assert leads == [["Hội đồng Dân tộc", "Ủy ban của Quốc hội", "Ban của Hội đồng nhân dân"], ["Bộ Tư pháp"]]
    assert out["tasks"][1]["text"].endswith("chuyển giao hồ sơ")  # the adoption line is not part of it
    assert out["document"]["issued_date"] == "2025-12-24"


def test_an_introduction_that_is_a_duty_of_its_own_is_a_task():
    text = (
        "CHÍNH PHỦ\nSố: 191/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nBan hành Quy chế làm việc\n\n"
        "Điều 40. Trách nhiệm báo cáo\n"
        "1. Bộ Tư pháp có trách nhiệm:\n"
        "a) Rà soát văn bản quy phạm pháp luật;\n"
        "b) Báo cáo Chính phủ kết quả rà soát.\n"
        "2. Thủ tướng Chính phủ báo cáo công tác, giải trình, trả lời chất vấn trước Quốc hội hoặc phân công "
        "cho một Phó Thủ tướng Chính phủ trong trường hợp vắng mặt:\n"
        "a) Bộ Tư pháp xây dựng dự thảo báo cáo, trình Thủ tướng Chính phủ;\n"
        "b) Văn phòng Chính phủ rà soát dự thảo báo cáo.\n"
    )
    starts = [t["text"].split(",")[0] for t in _run(text)["tasks"]]
    assert starts == [
        "Rà soát văn bản quy phạm pháp luật",
        "Báo cáo Chính phủ kết quả rà soát.".rstrip("."),
        "Thủ tướng Chính phủ báo cáo công tác",
        "Bộ Tư pháp xây dựng dự thảo báo cáo",
        "Văn phòng Chính phủ rà soát dự thảo báo cáo",
    ]


PRICE_DUTIES = (
    "CHÍNH PHỦ\nSố: 12/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nVề giá\n\n"
    "Điều 22. Trách nhiệm của các bộ\n"
    "1. Bộ Tài chính tổ chức triển khai công tác tổng hợp, phân tích, dự báo giá thị trường. Cung cấp, chia "
    "sẻ báo cáo về tình hình giá cả thị trường.\n"
    "2. Các bộ quản lý ngành tổ chức triển khai công tác dự báo giá. Cung cấp thông tin về cơ chế chính sách "
    "gồm các thông tin chính như sau:\n"
    "a) Bộ Công Thương cung cấp thông tin về điều hành xuất nhập khẩu; tình hình quản lý giá dịch vụ sự "
    "nghiệp công trong lĩnh vực quản lý; công tác quản lý, điều hành giá xăng dầu;\n"
    "b) Bộ Y tế cung cấp thông tin về giá thuốc.\n"
)


def test_a_next_sentence_that_opens_with_its_verb_shares_the_subject_and_nominal_parts_stay_in_one_task():
    tasks = _run(PRICE_DUTIES)["tasks"]
    got = [(t["text"].split(",")[0][:40], _leads(t)) for t in tasks]
    assert got == [
        ("Bộ Tài chính tổ chức triển khai công tác", ["Bộ Tài chính"]),
        ("Cung cấp", ["Bộ Tài chính"]),  # the next sentence, led by its verb
        # the sentence before the one that introduces the list is a task; the introduction is not
        ("Các bộ quản lý ngành tổ chức triển khai ", ["Các bộ"]),
        ("Bộ Công Thương cung cấp thông tin về điề", ["Bộ Công Thương"]),  # "tình hình …; công tác …" are its objects
        ("Bộ Y tế cung cấp thông tin về giá thuốc", ["Bộ Y tế"]),
    ]


def test_a_rate_after_a_semicolon_is_what_the_clause_approves_not_a_clause_of_its_own():
    text = (
        "CHÍNH PHỦ\nSố: 233/2025/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định quản lý tài chính về bảo hiểm\n\n"
        "Điều 27. Trách nhiệm của Hội đồng quản lý\n"
        "1. Thông qua dự toán hằng năm về thu, chi các quỹ bảo hiểm; mức chi tổ chức \n"
        "và hoạt động; thông qua việc điều chỉnh dự toán trong năm.\n"
    )
    assert [t["text"].replace("\n", " ")[:60] for t in _run(text)["tasks"]] == [
        "Thông qua dự toán hằng năm về thu, chi các quỹ bảo hiểm; mức",
        "thông qua việc điều chỉnh dự toán trong năm",
    ]


def test_a_right_after_a_semicolon_is_no_duty():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 14/2021/TT-BLĐTBXH\n\nTHÔNG TƯ\nĐiều lệ trường trung cấp\n\n"
        "Điều 30. Nhiệm vụ và quyền của nhà giáo\n"
        "1. Nhà giáo có trách nhiệm giảng dạy theo mục tiêu, chương trình đào tạo; "
        "được lựa chọn phương pháp, phương tiện giảng dạy; được tham gia công tác Đảng, đoàn thể.\n"
    )
    assert [t["text"][:30] for t in _run(text)["tasks"]] == ["Nhà giáo có trách nhiệm giảng "]


def test_an_article_headed_by_a_body_lists_its_duties_even_in_an_amending_decree():
    text = (
        "CHÍNH PHỦ\nSố: 148/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nSửa đổi Nghị định số 72/2015/NĐ-CP\n\n"
        "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 72/2015/NĐ-CP\n"
        "1. Bổ sung Điều 21a và Điều 21b sau Điều 21 như sau:\n"
        "“Điều 21a. Bộ Khoa học và Công nghệ\n"
        "Chủ trì thúc đẩy chuyển đổi số trong hoạt động thông tin đối ngoại.\n"
        "Điều 21b. Bộ Công Thương\n"
        "1. Chủ trì, phối hợp với Bộ Ngoại giao triển khai hoạt động thông tin đối ngoại.\n"
        "2. Tổ chức các chương trình quảng bá thương hiệu Việt Nam.”\n"
        "Điều 2. Điều khoản thi hành\n"
        "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.\n"
    )
    out = _run(text)
    leads = [_leads(t) for t in out["tasks"]]
    assert leads == [["Bộ Khoa học và Công nghệ"], ["Bộ Công Thương"], ["Bộ Công Thương"]]
    assert out["tasks"][2]["text"].startswith("Tổ chức các chương trình quảng bá")


def test_provisions_an_amending_decree_rewrites_are_tasks_when_they_assign_duties():
    text = (
        "CHÍNH PHỦ\nSố: 148/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nSửa đổi Nghị định số 72/2015/NĐ-CP\n\n"
        "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 72/2015/NĐ-CP\n"
        "1. Bổ sung khoản 5 Điều 12 như sau:\n"
        "“5. Bộ Văn hóa, Thể thao và Du lịch chủ trì hướng dẫn xây dựng hệ thống dữ liệu về thông tin đối ngoại.”\n"
        "2. Sửa đổi, bổ sung một số khoản của Điều 18 như sau:\n"
        "a) Sửa đổi, bổ sung khoản 2 như sau:\n"
        "“2. Hướng dẫn nội dung thông tin đối ngoại cho các bộ, cơ quan ngang bộ.”\n"
        "b) Sửa đổi, bổ sung khoản 3 như sau:\n"
        "“3. Cơ quan đại diện Việt Nam ở nước ngoài có trách nhiệm cung cấp thông tin về tình hình nước sở tại.”\n"
        "c) Bổ sung khoản 5a sau khoản 5 như sau:\n"
        "“5a. Căn cứ hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch, xây dựng kế hoạch thông tin đối ngoại.”\n"
        "d) Sửa đổi, bổ sung khoản 6 như sau:\n"
        "“6. Phát ngôn quan điểm, lập trường chính thức của Việt Nam về các vấn đề quốc tế.”\n"
        # a step taken on each file, a definition, a title: rules, not duties
        "đ) Sửa đổi, bổ sung khoản 4 như sau:\n"
        "“4. Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, Sở Tài chính thẩm định phương án giá.”\n"
        "e) Sửa đổi, bổ sung khoản 5 như sau:\n"
        "“5. Thẩm định phương án giá là việc đánh giá phương án giá để đề xuất mức giá.”\n"
        "g) Sửa đổi, bổ sung khoản 7 như sau:\n"
        "“7. Thẩm định hồ sơ”\n"
        "3. Sửa đổi, bổ sung Điều 7 như sau:\n"
        "“Điều 7. Phân bổ và quản lý nguồn thu\n"
        "1. Phân bổ nguồn thu do Bảo hiểm xã hội Việt Nam thực hiện theo quy định.”\n"
        "Điều 2. Điều khoản thi hành\n"
        "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.\n"
    )
    assert _starts_and_leads(text) == [
        ("Bộ Văn hóa, Thể thao và Du lịc", ["Bộ Văn hóa, Thể thao và Du lịch"]),
        # the body is named by the amended article, which the decree does not quote
        ("Hướng dẫn nội dung thông tin đ", []),
        ("Cơ quan đại diện Việt Nam ở nư", ["Cơ quan đại diện Việt Nam ở nước ngoài"]),
        ("Căn cứ hướng dẫn của Bộ Văn hó", []),
        ("Phát ngôn quan điểm, lập trườn", []),
    ]


def test_a_quoted_provision_outside_an_amendment_is_not_read_as_a_duty():
    text = (
        "CHÍNH PHỦ\nSố: 12/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định về mẫu văn bản\n\n"
        "Điều 1. Mẫu thông báo\n"
        "Thông báo ghi như sau: “1. Hướng dẫn người nộp đơn hoàn thiện hồ sơ trong 05 ngày.”\n"
        "Điều 2. Điều khoản thi hành\n"
        "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.\n"
    )
    assert _run(text)["tasks"] == []


def test_appendices_printed_after_the_signature_give_no_tasks():
    body = (
        "CHÍNH PHỦ\nSố: 24/2026/NQ-CP\n\nNGHỊ QUYẾT\nVề cắt giảm thủ tục hành chính\n\n"
        "Điều 1. Tổ chức thi hành\n"
        "1. Bộ Tư pháp theo dõi, kiểm tra việc thực hiện Nghị quyết này.\n"
        "Điều 2. Nghị quyết này có hiệu lực thi hành từ ngày ký.\n\n"
        "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nPhạm Thị Thanh Trà\n\n"
    )
    appendix = (
        "Phụ lục I\nCẮT GIẢM THỦ TỤC HÀNH CHÍNH\n(Kèm theo Nghị quyết số 24/2026/NQ-CP ngày 29 tháng 4 năm 2026)\n\n"
        "1. Thủ tục cấp giấy phép\n"
        "a) Sở Nội vụ có trách nhiệm thẩm định hồ sơ trong thời gian 10 ngày làm việc.\n"
        "b) Ủy ban nhân dân cấp xã xác nhận đơn đề nghị và gửi Sở Nội vụ.\n"
    )
    # long enough that the signing block is not among the text's last lines
    forms = "".join(f"{k}. Mẫu tờ khai số {k:02d}\n" for k in range(2, 50))
    out = _run(body + appendix + forms)
    assert out["document"]["signer"] == "Phạm Thị Thanh Trà"
    assert [t["text"][:30] for t in out["tasks"]] == ["Bộ Tư pháp theo dõi, kiểm tra "]


def test_powers_prohibitions_and_private_persons_duties_are_no_tasks():
    text = (
        "CHÍNH PHỦ\nSố: 170/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định về giáo dục phạm nhân\n\n"
        "Chương I\nTRÁCH NHIỆM CỦA CÁC CƠ QUAN\nĐiều 1. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n"
        "1. Chỉ đạo các sở, ngành phối hợp với cơ sở giam giữ phạm nhân tổ chức giáo dục pháp luật.\n"
        "2. Ủy ban nhân dân cấp tỉnh có thể phân cấp cho Ủy ban nhân dân cấp xã thực hiện việc hỗ trợ.\n"
        "3. Không được sử dụng kinh phí hỗ trợ sai mục đích.\n"
        "4. Sở Tài chính có quyền yêu cầu cơ sở giam giữ phạm nhân báo cáo việc sử dụng kinh phí.\n"
        "Điều 2. Trách nhiệm của gia đình, người thân thích của phạm nhân\n"
        "1. Phối hợp với cơ sở giam giữ phạm nhân động viên phạm nhân cải tạo tốt.\n"
        "Chương II\nTRÁCH NHIỆM THI HÀNH\n"
        "Điều 3. Điều khoản chuyển tiếp\n"
        "1. Người ký hợp đồng lao động theo Nghị quyết số 102/NQ-CP về giải pháp đối với biên chế được tiếp tục thực hiện.\n"
        "2. Cơ quan có thẩm quyền quản lý công chức có trách nhiệm thống kê số lượng người đang làm việc.\n"
        "3. Định kỳ 6 tháng và hằng năm, Thường trực Ủy ban Dân nguyện và Giám sát tiến hành kiểm tra việc thực hiện.\n"
        "Điều 4. Trách nhiệm thi hành\n"
        "Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này.\n"
    )
    assert _starts_and_leads(text) == [
        ("Chỉ đạo các sở, ngành phối hợp", ["Ủy ban nhân dân cấp tỉnh"]),
        # a power, a prohibition, the duties of private persons and a transition rule are not tasks
        ("Cơ quan có thẩm quyền quản lý ", ["Cơ quan có thẩm quyền quản lý công chức"]),
        ("Định kỳ 6 tháng và hằng năm, T", ["Thường trực Ủy ban Dân nguyện và Giám sát"]),
    ]


def test_a_periodic_report_is_not_due_at_the_period_it_names():
    text = (
        "CHÍNH PHỦ\nSố: 147/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định về dự án tồn đọng\n\n"
        "Điều 12. Tổ chức thực hiện\n"
        "1. Ủy ban nhân dân cấp tỉnh có trách nhiệm:\n"
        "a) Tổ chức rà soát các dự án tồn đọng; định kỳ báo cáo kết quả thực hiện (6 tháng đầu năm và cuối năm) "
        "Nghị định này;\n"
        "b) Hoàn thành việc rà soát trong 6 tháng đầu năm 2027.\n"
    )
    dues = [(t["text"][:20], t["due"]["date"] if t["due"] else None) for t in _run(text)["tasks"]]
    assert dues == [("Tổ chức rà soát các ", None), ("định kỳ báo cáo kết ", None), ("Hoàn thành việc rà s", "2027-06-30")]


def test_an_implementation_article_without_items_assigns_its_delegation():
    text = (
        "QUỐC HỘI\nNghị quyết số: 250/2025/QH15\n\nNGHỊ QUYẾT\nVề cơ chế đặc thù\n\n"
        "Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định một số cơ chế đặc thù.\n"
        "Điều 2. Tổ chức thực hiện\n"
        "Chính phủ quy định chi tiết Điều 8, Điều 9 và các nội dung khác được giao tại Nghị quyết này.\n"
        "Điều 3. Điều khoản thi hành\n"
        "Nghị quyết này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.\n"
        "Điều 4. Trách nhiệm thi hành\n"
        "Các Bộ trưởng chịu trách nhiệm thi hành Nghị quyết này.\n"
    )
    tasks = [(t["text"][:30], _leads(t), t["action"]) for t in _run(text)["tasks"]]
    # the title "Tổ chức thực hiện" is no task, nor are the entry into force and the closing formula
    assert tasks == [("Chính phủ quy định chi tiết Đi", ["Chính phủ"], "quy định chi tiết")]


def test_a_cited_decree_that_details_a_law_is_no_delegation():
    text = (
        "CHÍNH PHỦ\nSố: 12/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nVề đấu thầu\n\n"
        "Điều 1. Trách nhiệm của Bộ Tài chính\n"
        "1. Nghị định số 24/2024/NĐ-CP của Chính phủ quy định chi tiết Luật Đấu thầu.\n"
    )
    assert _run(text)["tasks"] == []


def test_a_sentence_that_assigns_work_inside_a_transition_rule_is_a_task():
    text = (
        "CHÍNH PHỦ\nSố: 111/2022/NĐ-CP\n\nNGHỊ ĐỊNH\nVề hợp đồng dịch vụ\n\n"
        "Chương IV\nTRÁCH NHIỆM THI HÀNH\n"
        "Điều 13. Điều khoản chuyển tiếp\n"
        "1. Người đã được tuyển vào biên chế trước ngày 23 tháng 5 năm 1993 thì không chuyển sang chế độ hợp đồng. "
        "Bộ Nội vụ chủ trì, phối hợp với Bộ Tài chính hướng dẫn thực hiện các quy định về chế độ, chính sách; "
        "hướng dẫn mẫu hợp đồng dịch vụ và hợp đồng lao động.\n"
        "Điều 14. Trách nhiệm thi hành\n"
        "Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này.\n"
    )
    assert _starts_and_leads(text) == [("Bộ Nội vụ chủ trì, phối hợp vớ", ["Bộ Nội vụ"]), ("hướng dẫn mẫu hợp đồng dịch vụ", ["Bộ Nội vụ"])]


def test_a_regulation_issued_with_the_decision_after_its_signature_is_read():
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 48/2025/QĐ-TTg\n\nQUYẾT ĐỊNH\nBan hành Quy chế tiếp nhận phản ánh\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp nhận phản ánh, kiến nghị.\n"
        "Điều 2. Quyết định này có hiệu lực thi hành từ ngày 30 tháng 01 năm 2026.\n\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nHồ Quốc Dũng\n\n"
        "QUY CHẾ\n\nTiếp nhận phản ánh, kiến nghị\n\n(Kèm theo Quyết định số 48/2025/QĐ-TTg ngày 12 tháng 12 năm 2025)\n\n"
        "Chương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\nQuy chế này quy định việc tiếp nhận phản ánh.\n\n"
        "Chương II\n\nTỔ CHỨC THỰC HIỆN\n\nĐiều 2. Trách nhiệm của Bộ Tư pháp\n\n"
        "1. Quản trị, vận hành Hệ thống thông tin tiếp nhận phản ánh.\n\n"
        "2. Hằng năm, tổng hợp, báo cáo Thủ tướng Chính phủ kết quả xử lý phản ánh.\n"
    )
    out = _run(text)
    assert out["document"]["signer"] == "Hồ Quốc Dũng"
    tasks = [(t["text"][:30], _leads(t)) for t in out["tasks"]]
    assert tasks == [
        ("Quản trị, vận hành Hệ thống th", ["Bộ Tư pháp"]),
        ("Hằng năm, tổng hợp, báo cáo Th", ["Bộ Tư pháp"]),
    ]


def test_a_department_the_gazetteer_does_not_know_leads_its_implementation_item():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 06/2023/TT-BKHĐT\n\nTHÔNG TƯ\nQuy định hệ thống chỉ tiêu thống kê\n\n"
        "Điều 4. Tổ chức thực hiện\n"
        "1. Tổng cục Thống kê chủ trì, phối hợp với các đơn vị liên quan lồng ghép việc thu thập chỉ tiêu vào "
        "chế độ báo cáo thống kê; chủ \ntrì tổng hợp thông tin thống kê; xây dựng lịch phổ biến thông tin "
        "thống kê; quy định của pháp luật về cung \ncấp thông tin được tuân thủ.\n"
        "2. Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm thi hành Thông tư này.\n"
    )
    assert _starts_and_leads(text) == [
        ("Tổng cục Thống kê chủ trì, phố", ["Tổng cục Thống kê"]),
        ("chủ \ntrì tổng hợp thông tin th", ["Tổng cục Thống kê"]),  # the verb wraps across the line
        # "quy định của pháp luật …" names rules, not a clause of its own
        ("xây dựng lịch phổ biến thông t", ["Tổng cục Thống kê"]),
    ]


def test_an_implementation_item_titled_on_its_own_line_reads_the_text_under_its_title():
    text = (
        "CHÍNH PHỦ\nSố: 15/2026/NQ-CP\n\nNGHỊ QUYẾT\nVề an toàn thực phẩm\n\n"
        "Điều 3. Trách nhiệm tổ chức thực hiện\n"
        "1. Bộ Y tế chủ trì hướng dẫn thi hành Nghị quyết này.\n"
        "2. Trách nhiệm phối hợp trong tổ chức thực hiện\n"
        "Các Bộ: Y tế, Công Thương, Tài chính và Ủy ban nhân dân tỉnh, thành phố có trách nhiệm hoàn thiện "
        "việc kết nối dữ liệu; đẩy mạnh ứng dụng trí tuệ nhân tạo trong quản lý sản phẩm thực phẩm.\n"
        "Điều 4. Hiệu lực thi hành\nNghị quyết này có hiệu lực thi hành kể từ ngày ký.\n"
    )
    leads = ["Bộ Y tế", "Bộ Công Thương", "Bộ Tài chính", "Ủy ban nhân dân tỉnh, thành phố"]
    assert _starts_and_leads(text) == [
        ("Bộ Y tế chủ trì hướng dẫn thi ", ["Bộ Y tế"]),
        ("Các Bộ: Y tế, Công Thương, Tài", leads),  # the title is not part of the task
        ("đẩy mạnh ứng dụng trí tuệ nhân", leads),
    ]


def test_competence_articles_give_their_duties_but_not_their_powers():
    text = (
        "CHÍNH PHỦ\nSố: 121/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định về tổ chức hành chính\n\n"
        "Điều 19. Thẩm quyền và trách nhiệm của Bộ trưởng Bộ Nội vụ\n"
        "1. Trình Chính phủ quy định tiêu chí về thành lập tổ chức hành chính.\n"
        "2. Quyết định thành lập, tổ chức lại, giải thể tổ chức hành chính theo quy định; tổ chức hành chính "
        "của đặc khu.\n"
        "Điều 21. Thẩm quyền của Ủy ban nhân dân cấp tỉnh\n"
        "Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định thành lập tổ chức hành chính.\n"
        "Điều 22. Chế độ cung cấp thông tin, báo cáo về tổ chức hành chính\n"
        "Các bộ, cơ quan ngang bộ, Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương có trách nhiệm:\n"
        "1. Cung cấp thông tin về tổ chức hành chính thuộc thẩm quyền quản lý.\n"
        "2. Định kỳ tổng hợp gửi báo cáo về Bộ Nội vụ trước ngày 20 tháng 12 hằng năm.\n"
    )
    # the article's opening sentence names whom its items are for
    leads = ["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"]
    assert _starts_and_leads(text) == [
        ("Trình Chính phủ quy định tiêu ", ["Bộ trưởng Bộ Nội vụ"]),
        # deciding each establishment, or submitting it for decision, is a power
        ("Cung cấp thông tin về tổ chức ", leads),
        ("Định kỳ tổng hợp gửi báo cáo v", leads),
    ]


def test_an_item_headed_by_a_body_on_its_own_line_gives_that_body_its_text():
    text = (
        "CHÍNH PHỦ\nSố: 188/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định chính sách hỗ trợ học sinh\n\n"
        "Điều 9. Tổ chức thực hiện\n"
        "4. Hội đồng nhân dân, Ủy ban nhân dân cấp tỉnh\n"
        "a) Hội đồng nhân dân cấp tỉnh\n"
        "Bảo đảm kinh phí thực hiện chính sách theo quy định tại Nghị định này.\n"
        "b) Ủy ban nhân dân cấp tỉnh\n"
        "Chỉ đạo, hướng dẫn tổ chức thực hiện các chính sách theo quy định tại Nghị định này. "
        "Việc phân bổ cụ thể nguồn ngân sách do Ủy ban nhân dân cấp tỉnh quyết định.\n"
    )
    assert _starts_and_leads(text) == [
        # the heading line is the addressee, not part of the task; its proper name is not "… tỉnh Bảo"
        ("Bảo đảm kinh phí thực hiện chí", ["Hội đồng nhân dân cấp tỉnh"]),
        ("Chỉ đạo, hướng dẫn tổ chức thự", ["Ủy ban nhân dân cấp tỉnh"]),
        ("Việc phân bổ cụ thể nguồn ngân", ["Ủy ban nhân dân cấp tỉnh"]),
    ]


def test_a_body_s_name_is_no_verb_and_subjects_may_be_listed_with_a_semicolon():
    text = (
        "CHÍNH PHỦ\nSố: 170/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định về giáo dục phạm nhân\n\n"
        "Điều 8. Tổ chức thực hiện\n"
        "1. Bộ Giáo dục và Đào tạo là cơ quan đầu mối, chịu trách nhiệm trước Chính phủ; chủ trì, phối hợp "
        "với các bộ hướng dẫn, theo dõi việc thực hiện Nghị định này.\n"
        "2. Sở Giáo dục và Đào tạo, Sở Y tế; Phòng Văn hóa - xã hội phối hợp với cơ sở giam giữ phạm nhân "
        "tổ chức hướng nghiệp, dạy nghề cho phạm nhân.\n"
        "3. Bộ Xây dựng\n"
    )
    tasks = _run(text)["tasks"]
    assert [(t["text"][:30], _leads(t)) for t in tasks] == [
        # "Đào tạo" in the ministry's name is not the clause's action: the role statement is no task,
        # and the clause after it is the ministry's
        ("chủ trì, phối hợp với các bộ h", ["Bộ Giáo dục và Đào tạo"]),
        ("Sở Giáo dục và Đào tạo, Sở Y t", ["Sở Giáo dục và Đào tạo", "Sở Y tế"]),
    ]
    assert tasks[1]["text"].startswith("Sở Giáo dục và Đào tạo, Sở Y tế; Phòng Văn hóa")


def test_an_implementation_item_that_assigns_work_to_a_body_gives_its_points_to_that_body():
    text = (
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nSố: 78/2025/UBTVQH15\n\nNGHỊ QUYẾT\nVề bảo hiểm xã hội\n\n"
        "Điều 2. Tổ chức thực hiện\n"
        "1. Giao Chính phủ:\n"
        "a) Chỉ đạo, hướng dẫn tổ chức thực hiện Nghị quyết này; chủ động giải quyết những vướng mắc phát sinh;\n"
        "b) Báo cáo kết quả thực hiện Nghị quyết này trong báo cáo tình hình thực hiện chính sách.\n"
        "2. Phân công Ủy ban Pháp luật của Quốc hội chủ trì thẩm tra; Ủy ban Trung ương Mặt trận Tổ quốc "
        "Việt Nam giám sát việc thực hiện Nghị quyết này.\n"
    )
    assert _starts_and_leads(text) == [
        ("Chỉ đạo, hướng dẫn tổ chức thự", ["Chính phủ"]),
        ("chủ động giải quyết những vướn", ["Chính phủ"]),
        ("Báo cáo kết quả thực hiện Nghị", ["Chính phủ"]),
        ("Phân công Ủy ban Pháp luật của", ["Ủy ban Pháp luật của Quốc hội"]),
        ("Ủy ban Trung ương Mặt trận Tổ ", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
    ]


def test_the_subject_carries_past_an_accountability_clause():
    text = (
        "QUỐC HỘI\nNghị quyết số: 170/2024/QH15\n\nNGHỊ QUYẾT\nVề cơ chế đặc thù\n\n"
        "Điều 9. Tổ chức thực hiện\n"
        "1. Chính phủ quy định chi tiết Nghị quyết này; chịu trách nhiệm toàn diện về tính chính xác của "
        "hồ sơ, thông tin trình Quốc hội; hướng dẫn, thanh tra, kiểm tra việc tổ chức thực hiện Nghị quyết.\n"
    )
    assert _starts_and_leads(text) == [
        ("Chính phủ quy định chi tiết Ng", ["Chính phủ"]),
        ("hướng dẫn, thanh tra, kiểm tra", ["Chính phủ"]),
    ]


def test_a_list_of_what_to_publish_after_semicolons_is_one_task():
    text = (
        "CHÍNH PHỦ\nSố: 372/2025/NĐ-CP\n\nNGHỊ ĐỊNH\nVề người lao động đi làm việc ở nước ngoài\n\n"
        "Điều 39. Trách nhiệm của Bộ Nội vụ\n"
        "1. Duy trì và thường xuyên cập nhật trên trang thông tin điện tử về chính sách và văn bản quy phạm "
        "pháp luật; thông tin về các điều ước quốc tế mà Việt Nam ký kết; chính sách, pháp luật của thị trường "
        "tiếp nhận lao động; danh sách doanh nghiệp được cấp giấy phép.\n"
    )
    assert _starts_and_leads(text) == [("Duy trì và thường xuyên cập nh", ["Bộ Nội vụ"])]


def test_a_rewritten_definition_may_go_on_to_assign_work():
    text = (
        "CHÍNH PHỦ\nSố: 144/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nSửa đổi, bổ sung Nghị định số 181/2025/NĐ-CP\n\n"
        "Điều 1. Sửa đổi, bổ sung một số khoản của Điều 4\n"
        "1. Sửa đổi, bổ sung khoản 14 như sau:\n"
        "“14. Sản phẩm xuất khẩu là tài nguyên, khoáng sản khai thác chưa chế biến được quy định tại Danh mục.\n"
        "Trong trường hợp cần thiết phải điều chỉnh Danh mục, Bộ Công Thương xác định và đề xuất điều chỉnh "
        "gửi Bộ Tài chính chủ trì, phối hợp với các bộ báo cáo Chính phủ xem xét, quyết định.”.\n"
        "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày ký.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == ["Trong trường hợp cần thiết phả"]


def test_a_semicolon_clause_that_ensures_something_is_a_duty_but_not_one_that_says_how():
    text = (
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nSố: 78/2025/UBTVQH15\n\nNGHỊ QUYẾT\nVề bảo hiểm xã hội\n\n"
        "Điều 2. Tổ chức thực hiện\n"
        "1. Chính phủ chỉ đạo, hướng dẫn tổ chức thực hiện Nghị quyết này; bảo đảm quyền lợi cho chủ hộ kinh "
        "doanh trong giải quyết chế độ bảo hiểm xã hội.\n"
        "2. Bộ Tài chính báo cáo kết quả thực hiện; bảo đảm đúng thời hạn, ngắn gọn, rõ ràng.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == [
        "Chính phủ chỉ đạo, hướng dẫn t",
        "bảo đảm quyền lợi cho chủ hộ k",
        "Bộ Tài chính báo cáo kết quả t",
    ]


def test_a_role_or_a_basis_is_no_task_but_its_subject_leads_the_next_clause():
    text = (
        "CHÍNH PHỦ\nSố: 191/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy chế làm việc của Chính phủ\n\n"
        "Điều 45. Trách nhiệm thi hành\n"
        "1. Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ là người phát ngôn của Chính phủ; chủ trì cung cấp thông tin "
        "về hoạt động của Chính phủ, tổ chức họp báo.\n"
        "2. Bộ Tài chính là cơ quan chủ trì giúp Chính phủ thống nhất quản lý nhà nước về hoạt động cho vay.\n"
        "3. Ủy ban nhân dân cấp tỉnh bảo đảm kinh phí. Mức hỗ trợ quy định tại Điều 4 là cơ sở để xác định tổng "
        "kinh phí ngân sách trung ương hỗ trợ.\n"
    )
    assert _starts_and_leads(text) == [
        ("chủ trì cung cấp thông tin về ", ["Chủ nhiệm Văn phòng Chính phủ"]),
        ("Ủy ban nhân dân cấp tỉnh bảo đ", ["Ủy ban nhân dân cấp tỉnh"]),
    ]


def test_the_beneficiaries_of_a_policy_do_not_make_a_clause_a_right():
    text = (
        "CHÍNH PHỦ\nSố: 188/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định chính sách hỗ trợ học sinh\n\n"
        "Điều 9. Tổ chức thực hiện\n"
        "1. Bộ Tài chính phối hợp với Bộ Giáo dục và Đào tạo kiểm tra việc sử dụng nguồn vốn cho các cơ sở giáo "
        "dục có đối tượng được hưởng chính sách tại Nghị định này.\n"
        "2. Người lao động được hưởng chế độ theo quy định.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == ["Bộ Tài chính phối hợp với Bộ G"]


CIRCULAR_REPORT_BACK = """BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Số: 15/2023/TT-BLĐTBXH

THÔNG TƯ
Sửa đổi một số điều của Thông tư số 28/2015/TT-BLĐTBXH

Điều 1. Sửa đổi, bổ sung
1. Sửa đổi Mẫu số 03.
Điều 2. Điều khoản thi hành
1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2024.
2. Cục trưởng Cục Việc làm và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này.
Trong quá trình thực hiện nếu có vướng mắc, đề nghị kịp thời phản ánh về Bộ Lao động - Thương binh và Xã hội để nghiên cứu, giải quyết./.
3. Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc đề nghị các cơ quan, tổ chức, cá nhân phản ánh kịp thời về Bộ Lao động - Thương binh và Xã hội để xem xét, quyết định./.
"""


def test_a_request_to_report_back_is_a_task_of_those_asked_not_of_the_ministry_told():
    tasks = _run(CIRCULAR_REPORT_BACK)["tasks"]
    assert [t["text"].split(",")[0][:40] for t in tasks] == [
        "Trong quá trình thực hiện nếu có vướng m",  # after the closing formula, in its paragraph
        "Trong quá trình tổ chức thực hiện",
    ]
    # it asks those the closing formula names, who carry the circular out; the ministry only receives
    assert _leads(tasks[0]) == ["các cơ quan, tổ chức, cá nhân có liên quan"]
    assert _leads(tasks[1]) == ["các cơ quan, tổ chức, cá nhân"]


def test_a_letter_of_request_is_no_request():
    # "văn bản đề nghị" names the letter: the ministry that receives it acts, not the department asking
    text = "Khi nhận được văn bản đề nghị của Sở Y tế, Bộ Y tế thẩm định và phê duyệt danh mục"
    owners = owners_of(text, gazetteer(), Span(0, len(text)), ())
    assert [o.name for o in owners if o.role == "lead"] == ["Bộ Y tế"]


def test_provided_in_cites_and_does_not_make_a_verb_first_item_passive():
    text = """BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Số: 22/2022/TT-BLĐTBXH

THÔNG TƯ
Quy định về Hội thi

Điều 18. Trách nhiệm của Sở Lao động - Thương binh và Xã hội
1. Tổ chức Hội thi cấp tỉnh và thực hiện các trách nhiệm theo thẩm quyền được quy định tại Thông tư này.
2. Đào tạo thường xuyên được thực hiện với các chương trình sau đây.
"""
    tasks = _run(text)["tasks"]
    assert [t["text"].split()[0] for t in tasks] == ["Tổ"]  # "Đào tạo … được thực hiện" stays a rule
    assert _leads(tasks[0]) == ["Sở Lao động - Thương binh và Xã hội"]


def test_a_management_board_named_by_its_kind_leads_the_items_of_an_implementation_article():
    text = """BỘ KẾ HOẠCH VÀ ĐẦU TƯ
Số: 05/2025/TT-BKHĐT

THÔNG TƯ
Hướng dẫn về khu công nghiệp sinh thái

Chương IV
TỔ CHỨC THỰC HIỆN
Điều 9. Tổ chức thực hiện
Ban Quản lý các khu công nghiệp, khu kinh tế chủ trì, phối hợp với các Sở, ngành thực hiện các nhiệm vụ sau:
a) Hàng năm, rà soát, đánh giá khó khăn, vướng mắc trong việc thực hiện các quy định của pháp luật;
b) Kịp thời cập nhật các quy định liên quan đến khu công nghiệp sinh thái.
"""
    tasks = _run(text)["tasks"]
    assert [t["section"] for t in tasks] == ["a", "b"]
    assert all(_leads(t) == ["Ban Quản lý các khu công nghiệp, khu kinh tế"] for t in tasks)


CONSOLIDATED_LAW = """VĂN PHÒNG QUỐC HỘI
Số: 22/VBHN-VPQH

LUẬT
BẢO HIỂM Y TẾ

Luật Bảo hiểm y tế số 25/2008/QH12 được sửa đổi, bổ sung bởi:
1. Luật số 46/2014/QH13 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế có căn cứ ban hành như sau:
2. Luật số 51/2024/QH15 ngày 27 tháng 11 năm 2024 của Quốc hội.

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 2. Giải thích từ ngữ
Trong Luật này, các từ ngữ dưới đây được hiểu như sau:
1. Bảo hiểm y tế là hình thức bảo hiểm bắt buộc.
Điều 3. Trách nhiệm của Bộ Giáo dục và Đào tạo17
1. Chỉ đạo, hướng dẫn tổ chức thực hiện việc xác định, quản lý đối tượng tham gia bảo hiểm y tế.
17 Điều này được bổ sung theo quy định tại khoản 4 Điều 1 của Luật số 46/2014/QH13
2. Ban hành chiến lược bảo hiểm y tế; quy định về đánh giá sự hợp lý của việc cung cấp dịch vụ.
Chương II
ĐỐI TƯỢNG, MỨC ĐÓNG
Điều 4. Đối tượng tham gia bảo hiểm y tế
1. Người lao động làm việc theo hợp đồng lao động phải tham gia bảo hiểm y tế.
"""


def test_a_consolidated_laws_duty_article_under_its_general_provisions_gives_tasks():
    tasks = _run(CONSOLIDATED_LAW)["tasks"]
    assert [t["section"] for t in tasks] == ["1", "2"]  # not the definitions, nor the chapter on who joins
    assert all(_leads(t) == ["Bộ Giáo dục và Đào tạo"] for t in tasks)  # the footnote marker is not the name's
    assert "quy định về đánh giá" in tasks[1]["text"]  # "…; quy định về …" is what it issues, one task
    assert not any("được bổ sung theo" in t["text"][:40] for t in tasks)  # the footnote is no task


def test_a_page_s_footnotes_inside_a_clause_make_no_task_of_their_own():
    text = CONSOLIDATED_LAW.replace(
        "1. Chỉ đạo, hướng dẫn tổ chức thực hiện việc xác định, quản lý đối tượng tham gia bảo hiểm y tế.\n"
        "17 Điều này được bổ sung theo quy định tại khoản 4 Điều 1 của Luật số 46/2014/QH13\n",
        "1. Chỉ đạo, hướng dẫn tổ chức thực hiện việc xác định, quản lý đối tượng tham gia bảo hiểm\n \n"
        "17 Điều này được bổ sung theo quy định tại khoản 4 Điều 1 của Luật số 46/2014/QH13\n"
        "sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế, có hiệu lực kể từ ngày 01 tháng 7 năm 2025. Quy định\n"
        "liên quan đến cấp chuyên môn kỹ thuật trong khám bệnh, chữa bệnh thực hiện từ ngày 01 tháng 01 năm 2026.\n\n"
        "CÔNG BÁO/Số 172/Ngày 31-03-2026\n32\n"
        "y tế trên địa bàn.\n",
    )
    tasks = _run(text)["tasks"]
    assert [t["section"] for t in tasks] == ["1", "2"]
    assert tasks[0]["text"].endswith("trên địa bàn")
    assert tasks[0]["due"] is None or not tasks[0]["due"].get("explicit")  # the footnote's dates are not its


def test_the_title_of_a_body_s_duties_over_its_text_is_not_part_of_the_task():
    text = DUTY_ARTICLES + (
        "Điều 16. Trách nhiệm của Bộ Tài chính\n\n"
        "Chủ trì, phối hợp với Bộ Khoa học và Công nghệ bảo đảm kinh phí đầu tư cho Mạng truyền số liệu chuyên dùng.\n"
        "Điều 17. Trách nhiệm của các bộ, ngành\n"
        "1. Trách nhiệm của Bộ Quốc phòng \n"
        "Phối hợp với Bộ Công an bố trí lực lượng bảo vệ Mạng truyền số liệu chuyên dùng.\n"
        "2. Trách nhiệm của Bộ Tư pháp\n"
        "Chủ trì tổng hợp đưa vào chương trình xây dựng Luật, Pháp lệnh.\n"
    )
    tasks = _run(text)["tasks"]
    last = [(t["text"][:20], _leads(t)) for t in tasks[-3:]]
    assert last == [
        ("Chủ trì, phối hợp vớ", ["Bộ Tài chính"]),
        ("Phối hợp với Bộ Công", ["Bộ Quốc phòng"]),
        ("Chủ trì tổng hợp đưa", ["Bộ Tư pháp"]),
    ]



def test_a_step_taken_each_time_a_file_arrives_is_a_rule_not_a_task():
    text = (
        "CHÍNH PHỦ\nSố: 151/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nVề thừa phát lại\n\n"
        "Điều 9. Trách nhiệm của Ủy ban nhân dân cấp tỉnh\n"
        "1. Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, Chủ tịch Ủy ban nhân dân cấp tỉnh "
        "xem xét, quyết định cho phép thành lập Văn phòng.\n"
        "2. Trong thời hạn 30 ngày kể từ ngày nhận được Nghị định này, Ủy ban nhân dân cấp tỉnh rà soát, "
        "báo cáo Bộ Tư pháp số lượng Văn phòng.\n"
        "3. Cung cấp thông tin cho Bộ Tư pháp trong thời hạn 10 ngày kể từ khi nhận được đề nghị.\n"
    )
    assert _starts_and_leads(text) == [
        ("Trong thời hạn 30 ngày kể từ n", ["Ủy ban nhân dân cấp tỉnh"]),  # once, from this decree on
        ("Cung cấp thông tin cho Bộ Tư p", ["Ủy ban nhân dân cấp tỉnh"]),  # a standing duty to answer
    ]


def test_the_items_of_a_list_of_conditions_are_not_tasks():
    text = (
        "CHÍNH PHỦ\nSố: 125/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nVề khoa học và công nghệ\n\n"
        "Điều 5. Trách nhiệm của Bộ Khoa học và Công nghệ\n"
        "1. Hướng dẫn tổ chức khoa học và công nghệ xây dựng kế hoạch hằng năm.\n"
        "2. Tổ chức khoa học và công nghệ được hỗ trợ khi đáp ứng các điều kiện sau đây:\n"
        "a) Có mục tiêu, lĩnh vực hoạt động phù hợp với chiến lược phát triển khoa học;\n"
        "b) Bảo đảm nhân lực theo quy định.\n"
    )
    assert [t["text"][:20] for t in _run(text)["tasks"]] == ["Hướng dẫn tổ chức kh"]



def test_the_items_of_a_list_of_rights_are_not_tasks():
    text = (
        "CHÍNH PHỦ\nSố: 112/2021/NĐ-CP\n\nNGHỊ ĐỊNH\nVề người lao động đi làm việc ở nước ngoài\n\n"
        "Điều 8. Trách nhiệm của doanh nghiệp dịch vụ\n"
        "1. Doanh nghiệp dịch vụ có các quyền sau đây:\n"
        "a) Yêu cầu người lao động bồi thường thiệt hại;\n"
        "b) Khiếu nại, khởi kiện về quyết định hành chính.\n"
        "2. Doanh nghiệp dịch vụ có trách nhiệm báo cáo Bộ Nội vụ hằng năm.\n"
    )
    assert [t["text"][:20] for t in _run(text)["tasks"]] == ["Doanh nghiệp dịch vụ"]


def test_a_clause_that_says_what_its_subject_is_is_not_a_task():
    text = (
        "CHÍNH PHỦ\nSố: 26/2026/NQ-CP\n\nNGHỊ QUYẾT\nVề thi đua, khen thưởng\n\n"
        "Điều 3. Tổ chức thực hiện\n"
        "1. Quỹ Hỗ trợ việc làm ngoài nước là quỹ tài chính nhà nước ngoài ngân sách do Bộ Nội vụ quản lý.\n"
        "2. Bộ Nội vụ là cơ quan đầu mối giúp Chính phủ theo dõi, đôn đốc việc thực hiện Nghị quyết này.\n"
        "3. Văn phòng Chính phủ là cơ quan thường trực, có trách nhiệm tổng hợp kết quả thực hiện.\n"
        "4. Hội đồng giải mật bao gồm đại diện lãnh đạo cơ quan xác định bí mật nhà nước, do Bộ Nội vụ quyết định.\n"
    )
    assert [t["section"] for t in _run(text)["tasks"]] == ["2", "3"]  # not what 1 is, nor what 4 is made of


def test_a_clause_that_says_whom_a_body_has_is_not_a_task():
    text = (
        "CHÍNH PHỦ\nSố: 26/2026/NQ-CP\n\nNGHỊ QUYẾT\nVề Văn phòng Hội đồng bầu cử quốc gia\n\n"
        "Điều 3. Tổ chức thực hiện\n"
        "1. Văn phòng Hội đồng bầu cử quốc gia có Chánh Văn phòng, các Phó Chánh Văn phòng và các tổ giúp việc gồm "
        "thành viên là công chức của các cơ quan hữu quan được trưng tập để thực hiện các nhiệm vụ của Văn phòng.\n"
        "2. Chánh Văn phòng có trách nhiệm chỉ đạo, điều hành công việc của Văn phòng.\n"
    )
    assert [t["section"] for t in _run(text)["tasks"]] == ["2"]  # not whom 1 has


def test_a_subject_with_commas_of_its_own_may_be_defined():
    text = (
        "CHÍNH PHỦ\nSố: 26/2026/NQ-CP\n\nNGHỊ QUYẾT\nVề bảo hiểm y tế\n\n"
        "Điều 3. Tổ chức thực hiện\n"
        "1. Cơ sở khám bệnh, chữa bệnh bảo hiểm y tế là cơ sở khám bệnh, chữa bệnh có ký hợp đồng và thực hiện "
        "khám bệnh theo quy định.\n"
        "2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ với tư cách là thành viên Chính phủ thực hiện đầy đủ nhiệm vụ.\n"
        "3. Bộ Y tế chủ trì hướng dẫn thực hiện, bao gồm cả việc kiểm tra.\n"
    )
    assert [t["section"] for t in _run(text)["tasks"]] == ["2", "3"]  # not what 1 is


def test_a_verb_inside_a_council_s_name_is_not_the_verb_before_la():
    from dondoc.core.actions import ACTION_RE
    from dondoc.core.clause_tasks import _defines

    clause = "Hội đồng thẩm định giáo trình có số lượng thành viên là số lẻ gồm: Chủ tịch, Phó Chủ tịch, Thư ký"
    assert _defines(clause, ACTION_RE.search(clause))  # "thẩm định" names the council
    clause = "Cơ quan thuế thực hiện kiểm tra hồ sơ và trả kết quả là thông báo"
    assert not _defines(clause, ACTION_RE.search(clause))  # "thực hiện" is the clause's verb
    clause = "Cơ sở khám bệnh, chữa bệnh bảo hiểm y tế là cơ sở khám bệnh, chữa bệnh ký hợp đồng và thực hiện khám bệnh"
    assert _defines(clause, ACTION_RE.search(clause))  # a subject with a comma of its own



def test_an_article_s_title_over_its_clauses_is_not_a_task():
    text = (
        "CHÍNH PHỦ\nSố: 191/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nBan hành Quy chế làm việc\n\n"
        "Chương III\nTỔ CHỨC THỰC HIỆN\n"
        "Điều 16. Đại biểu Quốc hội nghiên cứu, xem xét, đánh giá văn bản quy phạm pháp luật\n"
        "1. Bộ Tư pháp có trách nhiệm rà soát văn bản quy phạm pháp luật thuộc lĩnh vực phụ trách.\n"
        "2. Bộ Tư pháp có trách nhiệm kiến nghị xử lý văn bản trái pháp luật.\n"
    )
    assert [t["section"] for t in _run(text)["tasks"]] == ["1", "2"]


CIRCULAR = (
    "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 28/2015/TT-BLĐTBXH\n\nTHÔNG TƯ\nHướng dẫn thực hiện bảo hiểm thất nghiệp\n\n"
    "Chương I\nQUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn thực hiện bảo hiểm thất nghiệp.\n"
    "Chương II\nCƠ SỞ DỮ LIỆU\n"
    "Điều 2. Xây dựng cơ sở dữ liệu người tìm việc\n"
    "1. Trung tâm dịch vụ việc làm thực hiện thu thập, cập nhật thông tin người tìm việc hằng tháng.\n"
    "2. Trường trung cấp tự chủ xác định chỉ tiêu tuyển sinh hằng năm.\n"
    "3. Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên.\n"
    "Điều 3. Điều kiện tham gia\n"
    "1. Trung tâm dịch vụ việc làm có đủ cơ sở vật chất.\n"
    "Chương III\nTỔ CHỨC THỰC HIỆN\n"
    "Điều 4. Báo cáo định kỳ\n"
    "1. Sở Lao động - Thương binh và Xã hội báo cáo Bộ Lao động - Thương binh và Xã hội trước ngày 31 tháng 7 hằng năm.\n"
    "Điều 5. Quy định chuyển tiếp\n"
    "1. Hồ sơ đã nhận trước ngày Thông tư này có hiệu lực tiếp tục được giải quyết theo quy định cũ.\n"
    "Điều 6. Hiệu lực thi hành\nThông tư này có hiệu lực từ ngày 01 tháng 7 năm 2015.\n"
)


def test_a_legal_text_s_provision_that_opens_with_the_body_that_must_act_is_a_task():
    # a standing duty of a body in a rule chapter; not a competence, a self-financing class, nor a
    # condition (Điều 3)
    assert _starts_and_leads(CIRCULAR) == [
        ("Trung tâm dịch vụ việc làm thự", ["Trung tâm dịch vụ việc làm"]),
        ("Sở Lao động - Thương binh và X", ["Sở Lao động - Thương binh và Xã hội"]),
    ]


def test_an_article_of_an_implementation_chapter_states_duties_like_any_other():
    out = _run(CIRCULAR)
    kinds = {s["number"]: s["kind"] for s in out["sections"]}
    assert kinds["Chương III"] == "implementation" and kinds["Điều 4"] == "tasks"
    assert kinds["Điều 5"] == "implementation"  # "Quy định chuyển tiếp": rules on cases under way


def test_a_cited_title_a_capitals_title_a_unit_s_function_and_accountability_are_no_tasks():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 05/2022/TT-BLĐTBXH\n\nTHÔNG TƯ\nBãi bỏ một số văn bản\n\n"
        "Điều 3. Trách nhiệm của Bộ Tài chính\n"
        "1. Thông tư số 62/2020/TT-BTC ngày 22 tháng 6 năm 2020 của Bộ Tài chính hướng dẫn kiểm soát chi.\n"
        "2. NHIỆM VỤ, QUYỀN HẠN, TRÁCH NHIỆM CỦA CƠ QUAN, TỔ CHỨC, CÁ NHÂN\n"
        "3. Đơn vị sự nghiệp công lập thực hiện chức năng nghiên cứu phục vụ xây dựng chính sách.\n"
        "4. Chịu trách nhiệm đối với các nội dung do mình cung cấp.\n"
        "5. Hướng dẫn các địa phương thực hiện Thông tư này.\n"
    )
    assert _starts_and_leads(text) == [("Hướng dẫn các địa phương thực ", ["Bộ Tài chính"])]


def test_a_title_on_a_line_of_its_own_is_not_part_of_the_task_under_it():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 19/2024/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn công khai thông tin\n\n"
        "Điều 5. Công khai thông tin giải ngân\n"
        "1. Nội dung công khai\n"
        "Bộ Kế hoạch và Đầu tư tổ chức công khai thông tin tình hình giải ngân hằng tháng.\n"
        "2. Cục Công nghệ thông tin\n"
        "Tổ chức nâng cấp hệ thống phần mềm nghiệp vụ theo Thông tư số 09/2022/TT-\n"
        "BKHĐT ngày 30 tháng 6 năm 2022.\n"
    )
    assert _starts_and_leads(text) == [
        ("Bộ Kế hoạch và Đầu tư tổ chức ", ["Bộ Kế hoạch và Đầu tư"]),
        ("Tổ chức nâng cấp hệ thống phần", ["Cục Công nghệ thông tin"]),
    ]


def test_a_wrapped_title_and_a_time_opener_before_a_subject_in_lower_case():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 19/2024/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn báo cáo đầu tư công\n\n"
        "Chương III\nBÁO CÁO TÌNH HÌNH TRIỂN KHAI THỰC HIỆN\n"
        "Điều 13. Nội dung báo cáo tình hình triển khai thực hiện chương trình, dự án\n"
        "1. Báo cáo tình hình thực hiện và giải ngân\n"
        "a) Báo cáo thông tin, khối lượng thực hiện của chương trình, nhiệm vụ, dự án, \n"
        "đối tượng đầu tư công khác \n"
        "Định kỳ hằng tháng chủ đầu tư, chủ dự án thành phần thực hiện nhập, gửi trên \n"
        "Hệ thống khối lượng thực hiện trong kỳ của chương trình, dự án.\n"
        "b) Trước ngày 20 tháng 01 hằng năm, công ty chứng khoán phải gửi báo cáo tổng hợp tình hình \n"
        "thực hiện.\n"
    )
    assert _starts_and_leads(text) == [
        ("Định kỳ hằng tháng chủ đầu tư,", ["chủ đầu tư", "chủ dự án thành phần"]),
        ("Trước ngày 20 tháng 01 hằng nă", ["công ty chứng khoán"]),
    ]


def test_a_periodic_report_s_title_names_who_reports_and_its_times_open_the_task():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 28/2015/TT-BLĐTBXH\n\nTHÔNG TƯ\nHướng dẫn bảo hiểm thất nghiệp\n\n"
        "Chương VII\nTỔ CHỨC THỰC HIỆN\n"
        "Điều 17. Báo cáo định kỳ về tình hình thực hiện bảo hiểm thất nghiệp\n"
        "1. Báo cáo định kỳ của Sở Lao động - Thương binh và Xã hội theo quy định \n"
        "tại Khoản 3 Điều 38 Nghị định số 28/2015/NĐ-CP \n"
        "Định kỳ 06 tháng, trước ngày 31 tháng 7; định kỳ hằng năm trước ngày 31 \n"
        "tháng 01, báo cáo về Cục Việc làm (Bộ Lao động - Thương binh và Xã hội) và Ủy \n"
        "ban nhân dân cấp tỉnh về tình hình thực hiện chính sách bảo hiểm thất nghiệp.\n"
        "2. Báo cáo định kỳ của trung tâm dịch vụ việc làm theo quy định tại Khoản 5 \n"
        "Điều 34 Nghị định số 28/2015/NĐ-CP.\n"
        "a) Trước ngày 03 hằng tháng, báo cáo về Sở Lao động - Thương binh và Xã hội về việc \n"
        "thực hiện chính sách bảo hiểm thất nghiệp.\n"
    )
    assert _starts_and_leads(text) == [
        ("Định kỳ 06 tháng, trước ngày 3", ["Sở Lao động - Thương binh và Xã hội"]),
        ("Trước ngày 03 hằng tháng, báo ", ["trung tâm dịch vụ việc làm"]),
    ]


def test_a_clause_that_opens_with_its_deadline_then_its_verb_is_a_duty_without_a_named_doer():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 19/2024/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn báo cáo đầu tư công\n\n"
        "Điều 13. Trách nhiệm báo cáo\n"
        "1. Nội dung báo cáo gồm tình hình thực hiện và giải ngân.\n"
        "2. Thời hạn gửi báo cáo\n"
        "a) Trước ngày 15 hằng tháng, báo cáo ước tình hình thực hiện và giải ngân cả tháng;\n"
        "b) Trước ngày 10 tháng đầu tiên các quý, báo cáo kết quả thực hiện quý trước;\n"
        "c) Kết quả giải ngân được tổng hợp hằng quý.\n"
    )
    assert [t[0] for t in _starts_and_leads(text)] == ["Trước ngày 15 hằng tháng, báo ", "Trước ngày 10 tháng đầu tiên c"]


def test_a_rank_s_duties_are_that_rank_s_and_its_criteria_are_no_tasks():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 08/2023/TT-BKHĐT\n\nTHÔNG TƯ\nQuy định mã số, tiêu chuẩn ngạch công chức thống kê\n\n"
        "Điều 6. Thống kê viên chính (mã số 23.262)\n"
        "1. Chức trách: là công chức có chuyên môn nghiệp vụ cao về thống kê.\n"
        "2. Nhiệm vụ:\n"
        "a) Chủ trì xây dựng kế hoạch, chương trình điều tra thống kê;\n"
        "b) Tổng hợp, phân tích số liệu thống kê hằng năm.\n"
        "3. Tiêu chuẩn về năng lực chuyên môn, nghiệp vụ:\n"
        "a) Nắm vững chủ trương, đường lối của Đảng về công tác thống kê;\n"
        "b) Có năng lực tổng hợp, phân tích, dự báo thống kê.\n"
        "4. Yêu cầu đối với công chức dự thi nâng ngạch lên thống kê viên chính\n"
        "Trong thời gian giữ ngạch thống kê viên đã chủ trì xây dựng ít nhất 01 đề án.\n"
        "Điều 7. Giảng viên giáo dục nghề nghiệp chính - Mã số: V.09.02.02\n"
        "1. Nhiệm vụ:\n"
        "a) Hướng dẫn người học làm chuyên đề, khóa luận tốt nghiệp.\n"
    )
    assert _starts_and_leads(text) == [
        ("Chủ trì xây dựng kế hoạch, chư", ["Thống kê viên chính"]),
        ("Tổng hợp, phân tích số liệu th", ["Thống kê viên chính"]),
        ("Hướng dẫn người học làm chuyên", ["Giảng viên giáo dục nghề nghiệp chính"]),
    ]


def test_a_provision_s_case_is_no_standing_duty():
    text = CIRCULAR.replace(
        "3. Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên.\n",
        "3. Trường hợp công trình được nghiệm thu có điều kiện, chủ đầu tư phải báo cáo cơ quan chuyên môn.\n",
    )
    assert [t[0] for t in _starts_and_leads(text)] == ["Trung tâm dịch vụ việc làm thự", "Sở Lao động - Thương binh và X"]



def test_a_clause_that_opens_with_its_verb_after_a_standing_duty_shares_its_subject():
    text = CIRCULAR.replace(
        "3. Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên.\n",
        "3. Hằng năm, trường cao đẳng phải tổ chức kiểm kê, đánh giá lại giá trị tài sản. Chấp hành \n"
        "đầy đủ các chế độ tài chính, kế toán; công khai tài chính theo quy định của pháp luật.\n"
        "4. Tài sản của trường được quản lý theo quy định. Thực hiện theo Luật Kế toán.\n",
    )
    assert _starts_and_leads(text)[1:4] == [
        ("Hằng năm, trường cao đẳng phải", ["trường cao đẳng"]),
        ("Chấp hành \nđầy đủ các chế độ t", ["trường cao đẳng"]),
        ("công khai tài chính theo quy đ", ["trường cao đẳng"]),
    ]
    assert len(_starts_and_leads(text)) == 5  # (nothing after a sentence that is no duty)


def test_the_money_a_body_collects_is_no_permission_granted_to_it():
    text = CIRCULAR.replace(
        "3. Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên.\n",
        "3. Tổ chức thu phí, lệ phí nộp 100% số tiền phí, lệ phí thu được vào ngân sách nhà nước.\n"
        "4. Tổ chức thu phí được để lại 10% số tiền phí thu được.\n",
    )
    assert ("Tổ chức thu phí, lệ phí nộp 10", ["Tổ chức thu phí, lệ phí"]) in _starts_and_leads(text)
    assert not any(t[0].startswith("Tổ chức thu phí được") for t in _starts_and_leads(text))


def test_a_duty_in_the_general_provisions_chapter_is_a_standing_duty():
    text = CIRCULAR.replace(
        "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn thực hiện bảo hiểm thất nghiệp.\n",
        "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn thực hiện bảo hiểm thất nghiệp.\n"
        "Điều 1a. Quản lý hợp đồng\nChủ đầu tư có trách nhiệm giám sát việc thực hiện hợp đồng xây dựng.\n",
    )
    assert _starts_and_leads(text)[0] == ("Chủ đầu tư có trách nhiệm giám", ["Chủ đầu tư"])


def test_a_form_s_capital_title_before_the_next_appendix_issues_no_document():
    from dondoc.core.analysis import _issues_a_document

    form = (
        "Lê Tấn Dũng\n\nPhụ lục 01: Mẫu định dạng chương trình đào tạo\n(Kèm theo Thông tư số 01/2024/TT-BLĐTBXH)\n"
        "1. Mục tiêu đào tạo\nHƯỚNG DẪN\nThực hiện chương trình theo mẫu.\n"
        "Phụ lục 02: Mẫu định dạng chương trình môn học\n(Kèm theo Thông tư số 01/2024/TT-BLĐTBXH)\n"
    )
    assert not _issues_a_document(form, 0)
    rules = "Lê Tấn Dũng\n\nQUY CHẾ\nTổ chức và hoạt động của Hội đồng\n(Kèm theo Quyết định số 12/QĐ-TTg)\nĐiều 1. Phạm vi\n"
    assert _issues_a_document(rules, 0)


def test_an_article_on_a_body_s_obligations_lists_its_duties_but_rights_and_obligations_do_not():
    text = (
        "BỘ TÀI CHÍNH\nSố: 11/VBHN-BTC\n\nTHÔNG TƯ\nQuy định về giám sát giao dịch chứng khoán\n\n"
        "Chương I\nQUY ĐỊNH CHUNG\n"
        "Điều 4. Nghĩa vụ của Sở giao dịch chứng khoán Việt Nam\n"
        "1. Thực hiện chế độ báo cáo theo quy định tại Chương IV Thông tư này.\n"
        "2. Lưu trữ và bảo mật đối với hồ sơ, tài liệu về nghiệp vụ chứng khoán.\n"
        "Điều 5. Quyền và nghĩa vụ của cổ đông\n"
        "1. Kiến nghị vấn đề đưa vào chương trình họp Đại hội đồng cổ đông.\n"
    )
    assert _starts_and_leads(text) == [
        ("Thực hiện chế độ báo cáo theo ", ["Sở giao dịch chứng khoán Việt Nam"]),
        ("Lưu trữ và bảo mật đối với hồ ", ["Sở giao dịch chứng khoán Việt Nam"]),
    ]


def test_a_provision_that_names_who_does_its_items_gives_them_their_lead():
    text = (
        "BỘ TÀI CHÍNH\nSố: 57/2021/TT-BTC\n\nTHÔNG TƯ\nQuy định lộ trình sắp xếp lại thị trường giao dịch\n\n"
        "Điều 4. Sắp xếp lại thị trường giao dịch cổ phiếu\n"
        "1. Trong thời hạn quy định tại Điều 3, Sở Giao dịch Chứng khoán Hà Nội thực hiện tổ chức thị trường "
        "giao dịch cổ phiếu theo quy định sau:\n"
        "a) Tiếp tục tổ chức thị trường giao dịch đối với cổ phiếu đã niêm yết trước ngày Thông tư này có hiệu lực "
        "thi hành;\n"
        "b) Tổ chức giao dịch đối với chứng chỉ quỹ đăng ký niêm yết mới.\n"
        "2. Sở Giao dịch Chứng khoán Việt Nam có trách nhiệm:\n"
        "a) Xây dựng kế hoạch chuyển cổ phiếu;\n"
        "3. Bảo hiểm xã hội Việt Nam được mua trái phiếu theo các hình thức sau:\n"
        "a) Mua trái phiếu trên thị trường sơ cấp.\n"
    )
    assert _starts_and_leads(text) == [
        ("Tiếp tục tổ chức thị trường gi", ["Sở Giao dịch Chứng khoán Hà Nội"]),
        ("Tổ chức giao dịch đối với chứn", ["Sở Giao dịch Chứng khoán Hà Nội"]),
        ("Xây dựng kế hoạch chuyển cổ ph", ["Sở Giao dịch Chứng khoán Việt Nam"]),
    ]


def test_a_part_that_opens_with_kip_thoi_is_a_duty_of_its_own():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 09/2022/TT-BLĐTBXH\n\nTHÔNG TƯ\nHướng dẫn dự án giảm nghèo\n\n"
        "Điều 8. Tổ chức thực hiện dự án\n"
        "1. Ủy ban nhân dân cấp xã theo dõi, đánh giá việc thực hiện dự án trên địa bàn; kịp thời kiến nghị "
        "Ủy ban nhân dân cấp huyện các nội dung vướng mắc liên quan.\n"
    )
    assert _starts_and_leads(text) == [
        ("Ủy ban nhân dân cấp xã theo dõ", ["Ủy ban nhân dân cấp xã"]),
        ("kịp thời kiến nghị Ủy ban nhân", ["Ủy ban nhân dân cấp xã"]),
    ]


def test_giving_an_opinion_is_a_duty():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 463/VBHN-BLĐTBXH\n\nTHÔNG TƯ\nHướng dẫn quản lý lao động, tiền lương\n\n"
        "Điều 12. Trách nhiệm của Bộ Tài chính\n"
        "Cho ý kiến về quy chế trả lương của Đài Truyền hình Việt Nam; phối hợp với Bộ Lao động - Thương binh và "
        "Xã hội kiểm tra, giám sát thực hiện kế hoạch sử dụng lao động.\n"
    )
    assert _starts_and_leads(text) == [
        ("Cho ý kiến về quy chế trả lươn", ["Bộ Tài chính"]),
        ("phối hợp với Bộ Lao động - Thư", ["Bộ Tài chính"]),
    ]


def test_how_a_thing_is_done_said_of_the_thing_is_a_rule_but_who_decides_it_is_a_duty():
    text = (
        "BỘ TÀI CHÍNH\nSố: 04/VBHN-BTC\n\nTHÔNG TƯ\nHướng dẫn về quỹ đầu tư chứng khoán\n\n"
        "Điều 9. Trách nhiệm của ngân hàng giám sát\n"
        "1. Việc thanh toán các giao dịch tài sản khác thì phải thực hiện theo lệnh của công ty quản lý quỹ.\n"
        "2. Việc báo cáo thực hiện bằng hình thức trực tuyến và văn bản.\n"
        "3. Việc phân bổ kinh phí cho các quỹ do Bộ Tài chính quyết định.\n"
        "4. Lập báo cáo giám sát gửi Ủy ban Chứng khoán Nhà nước.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == ["Việc phân bổ kinh phí cho các ", "Lập báo cáo giám sát gửi Ủy ba"]


def test_an_item_that_directs_a_body_to_lead_is_the_directing_body_s():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 09/2022/TT-BLĐTBXH\n\nTHÔNG TƯ\nHướng dẫn dự án giảm nghèo\n\n"
        "Điều 14. Trách nhiệm thực hiện\n"
        "1. Ủy ban nhân dân cấp tỉnh\n"
        "Chỉ đạo Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các cơ quan có liên quan hướng dẫn "
        "các địa phương triển khai dự án.\n"
        "2. Sở Tài chính chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội bố trí kinh phí.\n"
    )
    assert _starts_and_leads(text) == [
        ("Chỉ đạo Sở Lao động - Thương b", ["Ủy ban nhân dân cấp tỉnh"]),
        ("Sở Tài chính chủ trì, phối hợp", ["Sở Tài chính"]),
    ]


def test_a_branch_is_a_kind_of_body_in_a_duty_title_s_list():
    text = (
        "CHÍNH PHỦ\nSố: 152/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định chi tiết Luật Thi hành án dân sự\n\n"
        "Điều 109. Trách nhiệm của Kho bạc Nhà nước, tổ chức tín dụng, chi\nnhánh ngân hàng nước ngoài\n"
        "1. Cung cấp đúng, đầy đủ, kịp thời thông tin về tài khoản của người phải thi hành án.\n"
    )
    assert _starts_and_leads(text) == [
        ("Cung cấp đúng, đầy đủ, kịp thờ", ["Kho bạc Nhà nước", "tổ chức tín dụng", "chi nhánh ngân hàng nước ngoài"])
    ]



def test_a_closing_formula_broken_over_lines_or_naming_the_rules_is_no_task():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 03/2023/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn vị trí việc làm\n\n"
        "Điều 8. Hiệu lực và trách nhiệm thi hành\n"
        "1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 6 năm 2023.\n"
        "2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính \nphủ, Chủ tịch Ủy ban nhân dân tỉnh, "
        "thành phố trực thuộc Trung "
        "ương, các cơ quan, tổ chức và cá nhân có liên quan chịu trách \nnhiệm thi hành quy định tại Thông tư này.\n"
    )
    assert _starts_and_leads(text) == []



def test_the_contents_a_text_holds_are_no_tasks_but_a_body_s_work_is():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 12/2023/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn về Hội đồng quản lý\n\n"
        "Điều 12. Quy chế hoạt động của Hội đồng quản lý\n"
        "1. Chủ tịch Hội đồng quản lý xây dựng và ban hành Quy chế hoạt động của Hội đồng quản lý.\n"
        "2. Quy chế hoạt động của Hội đồng quản lý bao gồm các nội dung chủ yếu sau:\n"
        "a) Nhiệm vụ, quyền hạn, nhiệm kỳ của thành viên Hội đồng quản lý; bổ nhiệm, miễn nhiệm thành viên.\n"
        "b) Mối quan hệ giữa Hội đồng quản lý với người đứng đầu đơn vị.\n"
        "Điều 13. Nội dung thúc đẩy an toàn hàng không\n"
        "1. Cục Hàng không Việt Nam thực hiện thúc đẩy an toàn hàng không bao gồm các nội dung sau:\n"
        "a) Tổ chức huấn luyện, đào tạo về quản lý an toàn hàng không;\n"
        "b) Phổ biến, truyền thông và cung cấp thông tin an toàn hàng không.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == [
        "Chủ tịch Hội đồng quản lý xây ",
        "Tổ chức huấn luyện, đào tạo về",
        "Phổ biến, truyền thông và cung",
    ]


def test_being_answerable_to_a_body_is_no_task_and_a_name_ends_before_signing_or_adopting():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 12/2023/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn về Hội đồng quản lý\n\n"
        "Điều 11. Mối quan hệ với người đứng đầu đơn vị\n"
        "1. Người đứng đầu đơn vị sự nghiệp công lập chịu sự kiểm tra, giám sát của Hội đồng quản lý.\n"
        "2. Chủ tịch Hội đồng quản lý ký ban hành nghị quyết, gửi đến các thành viên.\n"
        "3. Hội đồng quản lý thông qua quy chế hoạt động, gửi cơ quan thẩm định.\n"
    )
    assert _starts_and_leads(text) == [
        ("Chủ tịch Hội đồng quản lý ký b", ["Chủ tịch Hội đồng quản lý"]),
        ("Hội đồng quản lý thông qua quy", ["Hội đồng quản lý"]),
    ]


def test_a_long_basis_that_ends_with_a_name_opens_a_duty_but_a_file_s_basis_is_a_step():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 12/2023/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn về Hội đồng quản lý\n\n"
        "Điều 12. Quy chế hoạt động của Hội đồng quản lý\n"
        "1. Căn cứ nội dung dự thảo Quy chế hoạt động của Hội đồng quản lý đã được phê duyệt tại hồ sơ thành "
        "lập Hội đồng quản lý, Chủ tịch Hội đồng quản lý xây dựng và ban hành Quy chế hoạt động.\n"
        "2. Căn cứ hồ sơ đăng ký của tổ chức mới thành lập, cơ quan thuế thực hiện các thủ tục cấp mã số thuế.\n"
    )
    assert _starts_and_leads(text) == [("Căn cứ nội dung dự thảo Quy ch", ["Chủ tịch Hội đồng quản lý"])]


def test_a_chapter_titled_in_capitals_with_a_body_s_name_gives_its_articles_their_lead():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 11/2021/TT-BLĐTBXH\n\nTHÔNG TƯ\nHướng dẫn chức năng, nhiệm vụ\n\n"
        "Chương II\nPHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n"
        "Điều 4. Nhiệm vụ và quyền hạn\n"
        "1. Trình Ủy ban nhân dân cấp huyện dự thảo kế hoạch phát triển hằng năm.\n"
        "2. Tổ chức thực hiện các văn bản pháp luật về lao động trên địa bàn.\n"
    )
    lead = ["Phòng Lao động - Thương binh và Xã hội"]
    assert _starts_and_leads(text) == [("Trình Ủy ban nhân dân cấp huyệ", lead), ("Tổ chức thực hiện các văn bản ", lead)]


def test_localities_named_without_cac_are_a_subject_only_before_their_verb():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 19/2024/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn về hệ thống thông tin\n\n"
        "Điều 10. Nhập kế hoạch đầu tư công trên Hệ thống\n"
        "a) Bộ Kế hoạch và Đầu tư thực hiện nhập dự kiến tổng số vốn và thông báo cho các địa phương;\n"
        "b) Địa phương thực hiện nhập kế hoạch đầu tư công vốn ngân sách địa phương năm sau, gửi Bộ Kế hoạch "
        "và Đầu tư trên Hệ thống;\n"
        "c) Căn cứ Quyết định giao kế hoạch của cấp có thẩm quyền, địa phương thực hiện nhập kế hoạch đã được giao.\n"
        "Điều 11. Đào tạo\n"
        "1. Trường cao đẳng căn cứ nhu cầu của thị trường lao động, của vùng, địa phương để xác định quy mô đào tạo.\n"
    )
    assert _starts_and_leads(text) == [
        ("Bộ Kế hoạch và Đầu tư thực hiệ", ["Bộ Kế hoạch và Đầu tư"]),
        ("Địa phương thực hiện nhập kế h", ["Địa phương"]),
        ("Căn cứ Quyết định giao kế hoạc", ["địa phương"]),
        ("Trường cao đẳng căn cứ nhu cầu", ["Trường cao đẳng"]),
    ]


def test_a_cooperative_group_is_a_kind_of_body_after_a_deadline_opener():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 09/2024/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn về tổ hợp tác\n\n"
        "Điều 5. Cập nhật thông tin của tổ hợp tác, hợp tác xã\n"
        "1. Chậm nhất vào ngày 15/12 hằng năm, tổ hợp tác cập nhật thông tin theo biểu tại Mẫu VII-1 lên Hệ thống.\n"
        "2. Hợp tác xã, liên hiệp hợp tác xã thực hiện cập nhật thông tin về tình hình hoạt động trên Hệ thống.\n"
    )
    assert _starts_and_leads(text) == [
        ("Chậm nhất vào ngày 15/12 hằng ", ["tổ hợp tác"]),
        ("Hợp tác xã, liên hiệp hợp tác ", ["Hợp tác xã", "liên hiệp hợp tác xã"]),
    ]


def test_the_ministries_listed_without_cac_are_one_collective_not_the_government():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 14/2021/TT-BLĐTBXH\n\nTHÔNG TƯ\nĐiều lệ trường trung cấp\n\n"
        "Điều 50. Trách nhiệm thi hành\n"
        "1. Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, cơ quan trung ương của tổ chức chính trị - xã hội "
        "có trường trung cấp trực thuộc có trách nhiệm chỉ đạo, kiểm tra các trường trung cấp trực thuộc.\n"
        "2. Bộ, cơ quan ngang bộ trong phạm vi nhiệm vụ, quyền hạn của mình phối hợp với Bộ Y tế thực hiện "
        "quản lý nhà nước về bảo hiểm y tế.\n"
    )
    assert _starts_and_leads(text) == [
        ("Bộ, cơ quan ngang bộ, cơ quan ", ["Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
        ("Bộ, cơ quan ngang bộ trong phạ", ["Bộ, cơ quan ngang bộ"]),
    ]


def test_what_a_named_body_decides_is_a_power_but_a_duty_item_that_opens_with_deciding_is_a_task():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 04/2022/TT-BLĐTBXH\n\nTHÔNG TƯ\nQuy định về đào tạo\n\n"
        "Điều 8. Tổ chức thực hiện\n"
        "1. Hiệu trưởng quyết định lớp học và người học được làm chuyên đề, khóa luận tốt nghiệp.\n"
        "2. Giám đốc Bảo hiểm xã hội Việt Nam quyết định thời gian chuyển kinh phí cho các đơn vị.\n"
        "3. Thủ tướng Chính phủ quyết định thành lập Quỹ hỗ trợ việc làm ngoài nước.\n"
        "Điều 9. Trách nhiệm của Hội đồng quản lý\n"
        "1. Quyết định và chịu trách nhiệm về việc lựa chọn các ngân hàng thương mại để mở tài khoản.\n"
        "2. Khi ra quyết định đình chỉ hoạt động của cơ sở, cơ quan có thẩm quyền thông báo cho Bộ Y tế.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == [
        "Thủ tướng Chính phủ quyết định",
        "Quyết định và chịu trách nhiệm",
        "Khi ra quyết định đình chỉ hoạ",
    ]


def test_investment_in_a_noun_is_no_action():
    text = (
        "BỘ TÀI CHÍNH\nSố: 04/VBHN-BTC\n\nTHÔNG TƯ\nHướng dẫn về quỹ đầu tư\n\n"
        "Điều 10. Trách nhiệm của công ty quản lý quỹ\n"
        "1. Quỹ đã được Ngân hàng Nhà nước Việt Nam cấp hạn mức đầu tư gián tiếp ra nước ngoài.\n"
        "2. Quỹ phân phối lợi nhuận cho các nhà đầu tư theo quy định tại Điều 7 Thông tư này.\n"
        "3. Chủ đầu tư có trách nhiệm cung cấp thông tin về uy tín của nhà thầu.\n"
        "4. Đầu tư, triển khai các giải pháp hạ tầng công nghệ thông tin.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == ["Chủ đầu tư có trách nhiệm cung", "Đầu tư, triển khai các giải ph"]


def test_a_document_named_as_issued_by_a_body_is_no_action():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 18/2022/TT-BLĐTBXH\n\nTHÔNG TƯ\nHướng dẫn về lao động\n\n"
        "Điều 6. Trách nhiệm của người sử dụng lao động và cơ quan quản lý\n"
        "1. Có từ đủ 15 năm trở lên làm nghề thuộc danh mục do Bộ trưởng Bộ Lao động - Thương binh và Xã hội ban hành.\n"
        "2. Bộ trưởng Bộ Lao động - Thương binh và Xã hội ban hành danh mục nghề, công việc nặng nhọc.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == ["Bộ trưởng Bộ Lao động - Thương"]


def test_a_holder_whose_intro_says_what_it_does_before_its_list_owns_the_items():
    text = (
        "CHÍNH PHỦ\nSố: 170/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định về phạm nhân\n\n"
        "Điều 35. Trách nhiệm của cơ quan, tổ chức\n"
        "1. Cơ quan chuyên môn về văn hóa, thể thao thuộc Ủy ban nhân dân cấp \ntỉnh, cấp xã có trách nhiệm phối hợp "
        "với cơ sở giam giữ phạm nhân tổ chức \nthực hiện các hoạt động nâng cao đời sống văn hóa, tinh thần, rèn luyện nhân \n"
        "cách, đạo đức, lối sống văn minh, giao tiếp, ứng xử văn hóa trong phạm nhân: \n"
        "a) Phối hợp tổ chức hoạt động của thư viện phạm nhân;\n"
        "b) Tổ chức các hoạt động tuyên truyền, phổ biến thông tin.\n"
        "2. Nhà thầu thi công xây dựng có trách nhiệm:\n"
        "a) Quy định cho bộ phận quản lý an toàn của nhà thầu thi công xây dựng có trách nhiệm sau:\n"
        "- Triển khai thực hiện biện pháp bảo đảm an toàn trong thi công xây dựng.\n"
        "3. Tổ chức quản lý bất động sản có trách nhiệm:\n"
        "a) Giám sát thường xuyên, liên tục mọi hoạt động kinh doanh, khai thác bất động sản.\n"
    )
    culture = ["Cơ quan chuyên môn về văn hóa, thể thao thuộc Ủy ban nhân dân cấp tỉnh, cấp xã"]
    assert _starts_and_leads(text) == [
        ("Phối hợp tổ chức hoạt động của", culture),
        ("Tổ chức các hoạt động tuyên tr", culture),
        ("Triển khai thực hiện biện pháp", ["Nhà thầu thi công xây dựng"]),
        ("Giám sát thường xuyên, liên tụ", ["Tổ chức quản lý bất động sản"]),
    ]


def test_a_kind_s_name_ends_before_what_it_has_or_enables():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 14/2021/TT-BLĐTBXH\n\nTHÔNG TƯ\nĐiều lệ trường trung cấp\n\n"
        "Điều 40. Trách nhiệm của trường trung cấp\n"
        "1. Trường trung cấp có cơ chế để xã hội tham gia đánh giá chất lượng đào tạo của nhà trường.\n"
        "2. Cơ sở giáo dục đại học tạo điều kiện cho tổ chức khoa học và công nghệ trực thuộc sử dụng cơ sở vật chất.\n"
    )
    assert [leads for _, leads in _starts_and_leads(text)] == [["Trường trung cấp"], ["Cơ sở giáo dục đại học"]]


def test_accountability_permissions_and_guiding_the_closing_formula_are_no_tasks():
    text = (
        "CHÍNH PHỦ\nSố: 12/2022/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định về an toàn lao động\n\n"
        "Điều 9. Trách nhiệm của Thường trực Hội đồng nhân dân\n"
        "1. Thường trực Hội đồng nhân dân chịu trách nhiệm tập thể trước Hội đồng nhân dân về việc thực hiện nhiệm vụ.\n"
        "2. Phó Trưởng Ban chịu trách nhiệm cá nhân trước Trưởng Ban về việc thực hiện nhiệm vụ được phân công.\n"
        "3. Thường trực Hội đồng nhân dân tổ chức kỳ họp thường lệ.\n"
        "4. Trưởng Ban chịu trách nhiệm trực tiếp về kết luận của mình tại các bước kiểm tra.\n"
        "5. Thường trực Hội đồng nhân dân được sử dụng con dấu của Hội đồng nhân dân để thực hiện nhiệm vụ.\n"
        "6. Thường trực Hội đồng nhân dân được quyền yêu cầu các cơ quan báo cáo tình hình.\n"
        "Điều 10. Trách nhiệm thi hành\n"
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân tỉnh chịu trách nhiệm hướng dẫn "
        "và thi hành Nghị định này.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == ["Thường trực Hội đồng nhân dân "]


def test_a_deadline_before_a_colon_and_a_footnote_number_open_a_body_s_duty():
    text = (
        "BỘ TÀI CHÍNH\nSố: 12/VBHN-BTC\n\nTHÔNG TƯ\nHướng dẫn sắp xếp thị trường\n\n"
        "Điều 4. Sắp xếp lại thị trường giao dịch cổ phiếu\n"
        "1. Trong thời hạn quy định tại Điều 3, Sở Giao dịch Chứng khoán Hà Nội thực hiện như sau:\n"
        "a) Tiếp tục tổ chức thị trường giao dịch cổ phiếu của tổ chức đã đăng ký giao dịch;\n"
        "b) 10 Chậm nhất đến hết ngày 31 tháng 12 năm 2026: Sở Giao dịch Chứng khoán Hà Nội hoàn thành việc "
        "chuyển cổ phiếu của tổ chức đăng ký giao dịch.\n"
        "10 Điểm này được sửa đổi theo quy định tại khoản 3 Điều 1 của Thông tư số 69/2023/TT-BTC.\n"
    )
    tasks = _run(text)["tasks"]
    assert [(t["text"][:30], _leads(t), t["due"]["date"] if t["due"] else None) for t in tasks][-1] == (
        "10 Chậm nhất đến hết ngày 31 t",
        ["Sở Giao dịch Chứng khoán Hà Nội"],
        "2026-12-31",
    )


def test_an_implementation_article_s_items_opening_with_a_kind_of_holder_are_tasks():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 15/2023/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn công tác thi đua, khen thưởng\n\n"
        "Chương VI\nĐIỀU KHOẢN THI HÀNH\n"
        "Điều 23. Tổ chức thực hiện\n"
        "1. Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm tổ chức thực hiện Thông tư này.\n"
        "2. Các cơ quan báo chí, truyền thông trong ngành Kế hoạch và Đầu tư thường xuyên phổ biến, tuyên truyền "
        "các chủ trương về công tác thi đua, khen thưởng; về kết quả thi đua, khen thưởng của Ngành.\n"
    )
    assert _starts_and_leads(text) == [
        ("Các cơ quan báo chí, truyền th", ["Các cơ quan báo chí, truyền thông trong ngành Kế hoạch và Đầu tư"])
    ]


def test_a_kind_in_lower_case_after_an_opener_is_the_subject():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 15/2023/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn công tác thi đua, khen thưởng\n\n"
        "Điều 23. Tổ chức thực hiện\n"
        "1. Hằng năm, các đơn vị trong Ngành có trách nhiệm sơ kết, tổng kết, đánh giá phong trào thi đua.\n"
        "2. Căn cứ vào Điều lệ này, các trung tâm giáo dục nghề nghiệp xây dựng quy chế tổ chức, hoạt động.\n"
    )
    assert _starts_and_leads(text) == [
        ("Hằng năm, các đơn vị trong Ngà", ["các đơn vị trong Ngành"]),
        ("Căn cứ vào Điều lệ này, các tr", ["các trung tâm giáo dục nghề nghiệp"]),
    ]


def test_units_given_powers_by_decentralisation_are_a_subject():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 15/2023/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn công tác thi đua, khen thưởng\n\n"
        "Điều 23. Tổ chức thực hiện\n"
        "1. Thủ trưởng các đơn vị được phân cấp thuộc Bộ xây dựng, ban hành quy chế thi đua, khen thưởng của đơn vị.\n"
    )
    assert _starts_and_leads(text) == [("Thủ trưởng các đơn vị được phâ", ["Thủ trưởng các đơn vị được phân cấp thuộc Bộ"])]


def test_a_council_named_by_what_it_does_keeps_its_name_and_a_textbook_is_no_submission():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 01/2024/TT-BLĐTBXH\n\nTHÔNG TƯ\nQuy định về giáo trình\n\n"
        "Điều 12. Thẩm định giáo trình\n"
        "1. Hội đồng thẩm định giáo trình tổ chức họp và báo cáo kết quả thẩm định.\n"
        "2. Chủ tịch Hội đồng thẩm định báo cáo kết quả thẩm định giáo trình sau khi họp.\n"
        "3. Hội đồng thẩm định có ít nhất 1/3 thành viên là nhà giáo có ít nhất 05 năm biên soạn giáo trình.\n"
    )
    assert _starts_and_leads(text) == [
        ("Hội đồng thẩm định giáo trình ", ["Hội đồng thẩm định giáo trình"]),
        ("Chủ tịch Hội đồng thẩm định bá", ["Chủ tịch Hội đồng thẩm định"]),
    ]


def test_bodies_are_read_in_the_prose_across_a_page_header_and_not_in_a_digital_signature():
    text = (
        "CHÍNH PHỦ\nSố: 175/2026/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định về tài chính vi mô\n\n"
        "Điều 20. Trách nhiệm báo cáo\n"
        "1. Trước ngày 15 tháng 02 hằng năm, Ngân hàng \n\nCÔNG BÁO/Số 294/Ngày 31-05-2026\n\nNhà nước Khu vực tổng hợp, "
        "báo cáo Ngân hàng Nhà nước Việt Nam tình hình hoạt động.\n"
        "2. Sở Tài chính tổng hợp tình hình thực hiện; Giám đốc trung tâm \n"
        "Người ký: Cổng Thông tin điện tử Chính phủ\nEmail: a@b.vn\n"
        "kiểm tra việc thực hiện tại đơn vị.\n"
    )
    leads = [leads for _, leads in _starts_and_leads(text)]
    assert leads[0] == ["Ngân hàng Nhà nước Khu vực"]
    assert all("Chính phủ" not in ls for ls in leads)


def test_a_clause_is_read_without_the_page_header_inside_it():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 22/2024/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn đăng tải thông tin\n\n"
        "Điều 22. Trách nhiệm của chủ đầu tư\n"
        "1. Đăng tải thông tin về lựa chọn nhà thầu trên Hệ thống; việc đăng tải thực hiện \n\n"
        "CÔNG BÁO/Số 1383 + 1384/Ngày 24-12-2024\n25\n\ntheo Hướng dẫn sử dụng.\n"
    )
    assert [s for s, _ in _starts_and_leads(text)] == ["Đăng tải thông tin về lựa chọn"]


def test_a_duty_title_ending_with_a_full_stop_is_no_task_but_its_items_are():
    text = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 12/2023/TT-BKHĐT\n\nTHÔNG TƯ\nHướng dẫn về Hội đồng quản lý\n\n"
        "Điều 13. Nhiệm vụ, quyền hạn của thành viên Hội đồng quản lý\n"
        "1. Nhiệm vụ, quyền hạn của Chủ tịch Hội đồng quản lý.\n"
        "a) Điều hành Hội đồng quản lý thực hiện nhiệm vụ, quyền hạn quy định tại Điều 9 Thông tư này.\n"
        "b) Tổ chức việc giám sát và đánh giá kết quả hoạt động của đơn vị sự nghiệp công lập.\n"
    )
    found = _starts_and_leads(text)
    assert not any(start.startswith("Nhiệm vụ, quyền hạn") for start, _ in found)
    assert ("Điều hành Hội đồng quản lý thự", ["Chủ tịch Hội đồng quản lý"]) in found


def test_how_a_council_meets_and_votes_is_no_task_but_its_stated_duty_is():
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 14/2021/TT-BLĐTBXH\n\nTHÔNG TƯ\nĐiều lệ trường trung cấp\n\n"
        "Điều 14. Nhiệm vụ, quyền hạn và hoạt động của hội đồng quản trị\n"
        "1. Hội đồng quản trị là tổ chức đại diện duy nhất cho chủ sở hữu của nhà trường.\n"
        "2. Hội đồng quản trị thực hiện nhiệm vụ, quyền hạn theo các quy định sau đây:\n"
        "a) Xây dựng báo cáo hoạt động và quyết toán tài chính hằng năm của nhà trường.\n"
        "3. Hoạt động của hội đồng quản trị\n"
        "a) Hội đồng quản trị làm việc theo nguyên tắc tập thể, quyết định theo đa số;\n"
        "b) Thông báo mời họp hội đồng quản trị phải kèm theo chương trình, nội dung, tài liệu phục vụ cho cuộc họp;\n"
        "c) Hội đồng quản trị có trách nhiệm báo cáo cơ quan quản lý kết quả các cuộc họp.\n"
    )
    starts = [start for start, _ in _starts_and_leads(text)]
    assert "Xây dựng báo cáo hoạt động và " in starts
    assert not any(s.startswith(("Hội đồng quản trị làm việc", "Thông báo mời họp")) for s in starts)
    assert any(s.startswith("Hội đồng quản trị có trách nh") for s in starts)
