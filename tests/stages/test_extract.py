"""The extraction stage end to end: contract shape, grounding on every test document, fuzzing."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dondoc.stages.extract import extract_text
from tests.grounding import assert_grounded

ROOT = Path(__file__).resolve().parents[2]
DOCS = [*sorted((ROOT / "tests/data/docs").glob("*.txt")), ROOT / "examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt"]

TOP_KEYS = {"schema_version", "source", "text", "original_text", "edits", "document", "sections", "indicators",
            "tasks", "references", "checks"}  # fmt: skip
DOC_KEYS = {"kind", "number", "issuer", "issued_date", "title", "meeting_date", "reviewed_period", "planned_period",
            "signer", "recipients", "assignments"}  # fmt: skip
TASK_KEYS = {"id", "section", "text", "action", "target", "due", "owners", "items", "references", "start", "end"}


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
@pytest.mark.parametrize("repair", [False, True], ids=["no-repair", "repair"])
def test_every_document_is_grounded_and_follows_the_contract(path, repair):
    result = extract_text(path.read_text(encoding="utf-8"), repair=repair)
    assert result.keys() >= TOP_KEYS and result["schema_version"] == "1"
    assert result["document"].keys() >= DOC_KEYS
    for task in result["tasks"]:
        assert task.keys() >= TASK_KEYS
        if task["due"] is not None:
            assert {"date", "earliest", "expression", "explicit"} <= task["due"].keys()
    assert_grounded(result)


def test_sample_reads_as_a_party_conclusion_with_tasks():
    text = (ROOT / "examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt").read_text(encoding="utf-8")
    result = extract_text(text, repair=True)
    doc = result["document"]
    assert doc["kind"] == "ket_luan"
    assert doc["meeting_date"] == "2021-04-02"
    assert doc["signer"] == "Lê Văn Thành"
    assert len(doc["recipients"]) >= 8
    assert len(result["tasks"]) >= 30
    kinds = [s["kind"] for s in result["sections"] if s["parent"] is None]
    assert kinds[:3] == ["results", "tasks", "implementation"]
    assert any(r["number"] == "09-KL/TU" and r["date"] == "2021-03-04" for r in result["references"])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_no_text_crashes_the_pipeline(text):
    if not text.strip() or "\x00" in text:
        return
    result = extract_text(text)
    assert_grounded(result)


VOCAB = ["1.", "2.1.", "a)", "-", "+", "Điều 3.", "Giao", "Bộ Tài chính", "chủ trì,", "phối hợp với", "UBND", "trước ngày",
         "30/9/2021", "Quý II/2021", "trong năm 2022", "xây dựng", "17 công viên", "tăng 13,22%", "gấp 2,95 lần",
         "(4,48%)", "Số 09-KL/TU", "KẾT LUẬN", "Nơi nhận:", "\n", "\n\n", ";", ".", ":", " "]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=80))
def test_directive_like_noise_never_crashes(parts):
    text = " ".join(parts)
    if not text.strip():
        return
    assert_grounded(extract_text(text))


# Lines as legal texts print them: a marker (with a consolidated text's footnote number glued or not),
# words of duties, bodies, deadlines and footnotes, and gazette furniture, in any order.
_MARKERS = st.sampled_from(["", "1. ", "2.1. ", "a) ", "- ", "+ ", "Điều 3. ", "Chương II ", "I. ", "3 ", "b)6 ", "1.20 "])
_WORDS = st.sampled_from(
    ["Bộ Tài chính", "chủ trì", "phối hợp với", "Ủy ban nhân dân cấp tỉnh", "có trách nhiệm", "sau đây:", "thực hiện",
     "Cụm từ “x”", "được bỏ", "được sửa đổi", "trước ngày 30/9/2021", "Trường hợp", "quyết định", "báo cáo",
     "Thủ tướng Chính phủ", ",", ";", ".", ":", "“", "”", "CÔNG BÁO/Số 1", "Nơi nhận:", "KT. BỘ TRƯỞNG", "Phụ lục II",
     "(Kèm theo Thông tư số 1/2024/TT-BTC)", "QUY CHẾ"]
)  # fmt: skip
_LINES = st.builds(lambda m, ws, tail: m + " ".join(ws) + tail, _MARKERS, st.lists(_WORDS, max_size=12), st.sampled_from(["", " ", ".", ":", ";"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=40), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_legal_text_like_lines_never_crash(lines, sep):
    text = sep.join(lines)
    if not text.strip():
        return
    assert_grounded(extract_text(text))


@pytest.mark.parametrize("text", ["Điều 3. \n", "Điều 3. ", "1. \n"])
def test_a_heading_alone_with_a_trailing_space_does_not_crash(text):
    # hypothesis found "Điều 3. \n": the heading's end lay past its section's trimmed end
    assert_grounded(extract_text(text))


def test_docx_plan_table_becomes_tasks(tmp_path):
    import docx

    from dondoc.stages.extract import extract
    from dondoc.stages.ingest import ingest_path

    d = docx.Document()
    d.add_paragraph("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG")
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Triển khai nhiệm vụ chuyển đổi số năm 2025")
    table = d.add_table(rows=3, cols=4)
    rows = [
        ("Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
        ("Xây dựng kho dữ liệu dùng chung", "Sở Thông tin và Truyền thông", "Sở Tài chính", "Quý IV/2025"),
        ("Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND", "Sở Nội vụ", "Tháng 6/2025"),
    ]
    for r, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(r.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "ke-hoach.docx"
    d.save(str(path))
    result = extract(ingest_path(path), repair=False)
    assert_grounded(result)
    assert result["source"]["format"] == "docx"
    tasks = result["tasks"]
    assert [t["text"] for t in tasks] == ["Xây dựng kho dữ liệu dùng chung", "Số hóa hồ sơ thủ tục hành chính"]
    assert tasks[0]["owners"][0] == {"name": "Sở Thông tin và Truyền thông", "role": "lead"}
    assert [t["due"]["date"] for t in tasks] == ["2025-12-31", "2025-06-30"]


def test_an_appendix_of_definitions_after_the_signature_gives_no_tasks():
    # "Phụ lục II / QUY ĐỊNH NỘI DUNG HỆ THỐNG CHỈ TIÊU THỐNG KÊ … (Ban hành kèm theo Thông tư …)": each
    # indicator's "Cơ quan chịu trách nhiệm thu thập, tổng hợp" is a definition, not a task.
    text = (ROOT / "tests/data/docs/thong-tu-so-04-2024-tt-bldtbxh-41844.txt").read_text(encoding="utf-8")
    appendix = text.index("Phụ lục I \nDANH MỤC")
    tasks = extract_text(text, repair=False)["tasks"]
    assert tasks and all(t["start"] < appendix for t in tasks)


def test_a_case_over_its_items_is_no_task_of_its_own():
    # "5. Đối với đối tượng quy định tại các điểm g, h, l (trừ … do Bộ Quốc phòng quản lý), …:" names the case its
    # items a), b) are for; the verb in its parenthesis is no duty of the ministry.
    text = (ROOT / "tests/data/docs/nghi-dinh-so-188-2025-nd-cp-45593.txt").read_text(encoding="utf-8")
    case = text.index("Đối với đối tượng quy định tại các điểm g, h, l")
    item = text.index("Hằng quý, cơ quan bảo hiểm xã", case)
    starts = {t["start"] for t in extract_text(text, repair=False)["tasks"]}
    assert case not in starts and item in starts
