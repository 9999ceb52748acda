import io
from datetime import date

import docx
import openpyxl
import pytest
from docx.shared import Pt

from dondoc.report import DocumentRow, IndicatorRow, ReportData, TaskRow, compute_report, render_docx, render_xlsx
from dondoc.report import resolve_period as period_of

Q1 = (date(2021, 1, 1), date(2021, 3, 31))


def make(issuer: str = "Thành ủy Hải Phòng") -> ReportData:
    rows = [
        TaskRow(1, 1, "Khởi công cầu Bến Rừng", date(2021, 4, 30), None, ("Sở Giao thông vận tải",),
                evidence="Khởi công xây dựng cầu Bến Rừng trong tháng 4/2021.", document_number="09-KL/TU"),
        TaskRow(2, 1, "17 công viên", date(2021, 6, 30), date(2021, 6, 20), ("Sở Xây dựng",)),
        TaskRow(3, 1, "Giải ngân", date(2021, 6, 15), date(2021, 6, 25), ("Sở Kế hoạch và Đầu tư",)),
    ]
    docs = [DocumentRow(1, "ket_luan", "09-KL/TU", issuer, date(2021, 4, 7))]
    inds = [IndicatorRow("Tổng sản phẩm trên địa bàn (GRDP)", None, qualifier="estimate", change_pct=13.22,
                         ratio=2.95, ratio_base="national_average", base_value=4.48, period_start=Q1[0],
                         period_end=Q1[1], document_id=1),
            IndicatorRow("Kim ngạch xuất khẩu", 5.72, "tỷ USD", "estimate", 25.15, period_start=Q1[0],
                         period_end=Q1[1], document_id=1)]
    return compute_report(rows, period_of("2021-Q2"), documents=docs, indicators=inds, today=date(2021, 7, 5))


def table_text(table: object) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]  # type: ignore[attr-defined]


def test_docx_official_layout_and_tables() -> None:
    d = docx.Document(io.BytesIO(render_docx(make())))
    header = table_text(d.tables[0])[0]
    assert "THÀNH ỦY HẢI PHÒNG" in header[0] and "VĂN PHÒNG" in header[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header[1]
    assert "Hải Phòng, ngày 05 tháng 07 năm 2021" in header[1]
    body = [p.text for p in d.paragraphs]
    assert "BÁO CÁO" in body
    assert "Đánh giá kết quả thực hiện nhiệm vụ Quý II năm 2021" in body
    headings = [t for t in body if t[:3] in ("I. ", "II.", "III", "IV.", "V. ")]
    assert headings[:3] == ["I. KẾT QUẢ CHUNG", "II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ",
                            "III. NHIỆM VỤ CHƯA HOÀN THÀNH, QUÁ HẠN"]
    assert any(t.startswith("1. ") for t in body)

    units = table_text(d.tables[1])
    assert units[0][3] == "Đã hoàn thành" and units[1][3:7] == ["Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn"]
    rows = {r[1]: r for r in units[2:]}
    assert rows["Sở Xây dựng"][2:] == ["1", "1", "0", "0", "0", "100%", "1"]
    assert rows["Sở Giao thông vận tải"][2:] == ["1", "0", "0", "0", "1", "0%", "3"]
    assert units[-1][0] == "Tổng cộng" and units[-1][2:8] == ["3", "1", "1", "0", "1", "33,3%"]

    overdue = table_text(d.tables[2])
    assert "Khởi công xây dựng cầu Bến Rừng trong tháng 4/2021." in overdue[1][1]
    assert overdue[1][2:] == ["Sở Giao thông vận tải", "09-KL/TU", "30/04/2021", "61"]

    indicators = table_text(d.tables[3])
    grdp = indicators[1]
    assert grdp[1] == "Tổng sản phẩm trên địa bàn (GRDP)" and grdp[2] == "Quý I/2021"
    assert grdp[4] == "+13,22%" and grdp[5] == "gấp 2,95 lần bình quân chung cả nước (4,48%)"
    assert indicators[2][3] == "ước 5,72 tỷ USD"

    assert len(d.inline_shapes) == 1  # the chart
    sizes = {r.font.size for p in d.paragraphs for r in p.runs if r.text.strip()}
    fonts = {r.font.name for p in d.paragraphs for r in p.runs if r.text.strip()}
    assert fonts == {"Times New Roman"}
    assert Pt(14) in sizes and all(Pt(13) <= s <= Pt(15) for s in sizes)
    for table in d.tables[1:4]:
        for row in table.rows:
            for cell in row.cells:
                for r in cell.paragraphs[0].runs:
                    assert r.font.size == Pt(13) and r.font.name == "Times New Roman"


def test_docx_state_issuer_gets_national_motto() -> None:
    d = docx.Document(io.BytesIO(render_docx(make("UBND thành phố Hải Phòng"))))
    header = table_text(d.tables[0])[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1]
    assert "Độc lập - Tự do - Hạnh phúc" in header[1]
    assert "ĐẢNG CỘNG SẢN" not in header[1]
    assert "Số:" in header[0]


def test_docx_without_tasks_says_so() -> None:
    empty = compute_report([], period_of("2021-04"), today=date(2021, 5, 10))
    d = docx.Document(io.BytesIO(render_docx(empty)))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Không có nhiệm vụ nào trong kỳ báo cáo." in text
    assert "tháng 4 năm 2021" in text


def test_xlsx_sheets_filters_and_values() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(make())))
    assert wb.sheetnames == ["Tổng hợp", "Theo đơn vị", "Quá hạn", "Chỉ tiêu"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.b
        assert ws.column_dimensions["A"].width >= 10
    units = wb["Theo đơn vị"]
    assert units.auto_filter.ref == "A1:H4"
    by_unit = {r[1]: r for r in units.iter_rows(min_row=2, values_only=True)}
    assert by_unit["Sở Xây dựng"] == (1, "Sở Xây dựng", 1, 1, 0, 0, 0, 1.0)
    assert by_unit["Sở Kế hoạch và Đầu tư"][4] == 1
    overdue = list(wb["Quá hạn"].iter_rows(min_row=2, values_only=True))
    assert len(overdue) == 1
    assert overdue[0][0] == 1 and overdue[0][5].date() == date(2021, 4, 30) and overdue[0][6] == 61
    inds = list(wb["Chỉ tiêu"].iter_rows(min_row=2, values_only=True))
    assert inds[1][:4] == ("Kim ngạch xuất khẩu", "Quý I/2021", 5.72, "tỷ USD")
    assert inds[0][5] == pytest.approx(13.22)
    summary = {r[0]: r[1] for r in wb["Tổng hợp"].iter_rows(min_row=2, max_row=7, values_only=True)}
    assert summary["Chưa hoàn thành, quá hạn"] == 1 and summary["Tổng số nhiệm vụ"] == 3
