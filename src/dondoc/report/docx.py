"""The evaluation report as a Word document laid out the way official reports are.

The layout follows Decree 30/2020/NĐ-CP (state bodies) and Guideline 36-HD/VPTW (Party bodies):
A4 with margins 2 cm top/bottom, 3 cm left, 2 cm right; Times New Roman; a borderless two-column
header table — issuing body and number on the left, the national motto (or "ĐẢNG CỘNG SẢN VIỆT NAM"
for Party bodies) and the italic place-and-date line on the right; the kind "BÁO CÁO" and the title
centred in bold; body text at 14 pt, justified, first line indented; sections numbered I., II. and
1., 2.; tables at 13 pt; "Nơi nhận" bottom left and the signing block bottom right.

python-docx has no API for cell margins, borders on single paragraphs or repeated header rows, so
the few helpers at the bottom write that OOXML directly.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from dondoc.report.chart import render_chart
from dondoc.report.data import BUCKET_LABELS, IndicatorRow, ReportData, UnitStats
from dondoc.report.format import (
    comparison_text,
    format_date,
    format_pct,
    indicator_period_text,
    value_text,
)

__all__ = ["render_docx"]

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 13
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def render_docx(data: ReportData, *, chart: bool = True) -> bytes:
    """The report as DOCX bytes."""
    doc = new_document()
    _setup_page(doc)
    _header(doc, data)
    _title(doc, data)

    sections = _Numbering()
    total = data.totals
    _heading(doc, sections.next_major("KẾT QUẢ CHUNG"))
    _para(
        doc,
        f"Tính đến {data.as_of_text}, tổng số nhiệm vụ được giao có thời hạn hoặc phải "
        f"thực hiện trong {data.period.label} là {total.total} nhiệm vụ, trong đó:",
    )
    for bucket in BUCKET_LABELS:
        n = total.get(bucket)
        share = f" ({format_pct(n / total.total)})" if total.total else ""
        _para(doc, f"- {BUCKET_LABELS[bucket]}: {n} nhiệm vụ{share};")
    rate = total.on_time_rate
    _para(
        doc,
        "Tỷ lệ hoàn thành đúng hạn (trên số nhiệm vụ đã đến hạn hoặc đã hoàn thành): "
        + (format_pct(rate) if rate is not None else "chưa có nhiệm vụ đến hạn")
        + ".",
    )

    _heading(doc, sections.next_major("KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ"))
    _heading(doc, sections.next_minor("Số nhiệm vụ theo tình trạng thực hiện và xếp hạng"), italic=False)
    if data.units:
        _units_table(doc, data.units, data)
        if chart:
            _para(doc, "", indent=False)
            _picture(doc, render_chart(data))
            _caption(doc, "Biểu đồ: Kết quả thực hiện nhiệm vụ theo đơn vị chủ trì")
    else:
        _para(doc, "Không có nhiệm vụ nào trong kỳ báo cáo.")
    _heading(doc, sections.next_minor("Xếp hạng theo tỷ lệ hoàn thành đúng hạn"), italic=False)
    ranked = [u for u in data.units if u.rank is not None]
    if ranked:
        best = [u.unit for u in ranked if u.rank == 1]
        rate_text = format_pct(ranked[0].counts.on_time_rate)
        _para(doc, f"Đơn vị dẫn đầu: {', '.join(best)} (tỷ lệ đúng hạn {rate_text}).")
        lagging = [u for u in ranked if u.counts.open_overdue]
        if lagging:
            worst = max(lagging, key=lambda u: (u.counts.open_overdue, -(u.rank or 0)))
            n_late = worst.counts.open_overdue
            _para(doc, f"Đơn vị còn nhiều nhiệm vụ quá hạn nhất: {worst.unit} ({n_late} nhiệm vụ).")
    else:
        _para(doc, "Chưa có nhiệm vụ đến hạn để xếp hạng.")

    _heading(doc, sections.next_major("NHIỆM VỤ CHƯA HOÀN THÀNH, QUÁ HẠN"))
    if data.overdue:
        _para(doc, f"Có {len(data.overdue)} nhiệm vụ chưa hoàn thành đã quá hạn, cụ thể:")
        _overdue_table(doc, data)
    else:
        _para(doc, "Không có nhiệm vụ chưa hoàn thành quá hạn.")

    _heading(doc, sections.next_major("MỘT SỐ CHỈ TIÊU CHỦ YẾU"))
    if data.indicators:
        _indicator_table(doc, data.indicators)
    else:
        _para(doc, "Văn bản không nêu chỉ tiêu định lượng trong kỳ báo cáo.")

    _heading(doc, sections.next_major("ĐỀ XUẤT"))
    if data.overdue:
        units = sorted({u for o in data.overdue for u in o.units})
        _para(
            doc,
            "Đề nghị " + (", ".join(units) if units else "các đơn vị chủ trì")
            + " khẩn trương hoàn thành các nhiệm vụ quá hạn nêu tại Mục "
            + _ROMAN[2] + "; báo cáo tiến độ và giải trình nguyên nhân chậm trễ.",
        )
    else:
        _para(doc, "Đề nghị các đơn vị tiếp tục thực hiện đúng tiến độ các nhiệm vụ được giao.")
    _closing(doc, data)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


class _Numbering:
    def __init__(self) -> None:
        self.major = 0
        self.minor = 0

    def next_major(self, text: str) -> str:
        self.major += 1
        self.minor = 0
        return f"{_ROMAN[self.major - 1]}. {text}"

    def next_minor(self, text: str) -> str:
        self.minor += 1
        return f"{self.minor}. {text}"


def _setup_page(doc: object) -> None:
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = doc.styles["Normal"]  # type: ignore[attr-defined]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _run(p: Paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
         underline: bool = False) -> None:
    r = p.add_run(text)
    r.bold, r.italic, r.underline = bold, italic, underline
    r.font.name = FONT
    r.font.size = Pt(size or BODY_PT)


def _line(container: object, text: str, *, bold: bool = False, italic: bool = False, size: float = BODY_PT,
          align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER, first: bool = False) -> Paragraph:
    p: Paragraph = container.paragraphs[0] if first else container.add_paragraph()  # type: ignore[attr-defined]
    p.alignment = align
    if text:
        _run(p, text, bold=bold, italic=italic, size=size)
    return p


def _rule_under(p: Paragraph, cell_width_cm: float, rule_cm: float) -> None:
    """A short solid line under ``p`` (Decree 30's line under the body's name and the motto)."""
    side = max(0.0, (cell_width_cm - rule_cm) / 2)
    p.paragraph_format.left_indent = Cm(side)
    p.paragraph_format.right_indent = Cm(side)
    ppr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def _header(doc: object, data: ReportData) -> None:
    left_w, right_w = 6.6, 9.4
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, (left_w, right_w))
    left, right = table.rows[0].cells
    *parents, own = data.issuer_lines
    first = True
    for parent in parents:
        _line(left, parent, size=13, first=first)
        first = False
    p = _line(left, own, bold=True, size=13, first=first)
    if data.party:
        _line(left, "*", size=13)
        _line(left, "Số      -BC/VP", size=13)
    else:
        _rule_under(p, left_w, 2.2)
        _line(left, "Số:      /BC-VP", size=13)
    if data.party:
        p = _line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=14, first=True)
        _rule_under(p, right_w, 7.2)
    else:
        _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, first=True)
        p = _line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14)
        _rule_under(p, right_w, 6.0)
    when = data.report_date
    place = data.place or "........"
    p = _line(right, f"{place}, ngày {when.day:02d} tháng {when.month:02d} năm {when.year}", italic=True,
              size=14, align=WD_ALIGN_PARAGRAPH.RIGHT if data.party else WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.space_before = Pt(6)


def _title(doc: object, data: ReportData) -> None:
    p = _line(doc, "BÁO CÁO", bold=True, size=15)
    p.paragraph_format.space_before = Pt(18)
    _line(doc, data.title, bold=True, size=14)
    if data.subtitle:
        _line(doc, data.subtitle, bold=True, size=14)
    p = _line(doc, "", size=6)
    _rule_under(p, 16.0, 3.0)
    doc.add_paragraph().paragraph_format.space_after = Pt(6)  # type: ignore[attr-defined]


def _heading(doc: object, text: str, *, italic: bool = False) -> None:
    p = _line(doc, text, bold=True, italic=italic, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    p.paragraph_format.first_line_indent = Cm(1)
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(6)
    p.paragraph_format.keep_with_next = True


def _para(doc: object, text: str, *, indent: bool = True) -> Paragraph:
    p = _line(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    if indent:
        p.paragraph_format.first_line_indent = Cm(1)
    p.paragraph_format.space_after = Pt(6)
    p.paragraph_format.line_spacing = 1.15
    return p


def _caption(doc: object, text: str) -> None:
    p = _line(doc, text, italic=True, size=TABLE_PT)
    p.paragraph_format.space_after = Pt(6)


def _picture(doc: object, png: bytes) -> None:
    p = doc.add_paragraph()  # type: ignore[attr-defined]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run().add_picture(io.BytesIO(png), width=Cm(14.5))


def _cell(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False,
          align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    p = cell.paragraphs[0]
    p.alignment = align
    _run(p, text, bold=bold, italic=italic, size=TABLE_PT)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _grid(doc: object, rows: int, widths: Sequence[float]) -> Table:
    table: Table = doc.add_table(rows=rows, cols=len(widths))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    _cell_margins(table, Cm(0.1))
    return table


def _units_table(doc: object, units: Sequence[UnitStats], data: ReportData) -> None:
    widths = (0.9, 4.2, 1.4, 1.6, 1.6, 1.6, 1.6, 1.6, 1.5)
    table = _grid(doc, 2, widths)
    top, sub = table.rows
    for i, label in enumerate(("TT", "Đơn vị chủ trì", "Tổng số")):
        merged = top.cells[i].merge(sub.cells[i])
        _cell(merged, label, bold=True)
    done = top.cells[3].merge(top.cells[4])
    _cell(done, "Đã hoàn thành", bold=True)
    open_ = top.cells[5].merge(top.cells[6])
    _cell(open_, "Chưa hoàn thành", bold=True)
    for i, label in ((3, "Đúng hạn"), (4, "Quá hạn"), (5, "Trong hạn"), (6, "Quá hạn")):
        _cell(sub.cells[i], label, bold=True)
    _cell(top.cells[7].merge(sub.cells[7]), "Tỷ lệ đúng hạn", bold=True)
    _cell(top.cells[8].merge(sub.cells[8]), "Xếp hạng", bold=True)
    _repeat_header(top)
    _repeat_header(sub)
    for n, u in enumerate(units, start=1):
        c = u.counts
        cells = _data_row(table)
        values = [str(n), u.unit, str(c.total), str(c.done_on_time), str(c.done_late), str(c.open_not_due),
                  str(c.open_overdue), format_pct(c.on_time_rate, digits=1), "" if u.rank is None else str(u.rank)]
        for i, v in enumerate(values):
            _cell(cells[i], v, align=WD_ALIGN_PARAGRAPH.LEFT if i == 1 else WD_ALIGN_PARAGRAPH.CENTER)
    t = data.totals
    cells = table.add_row().cells
    _cell(cells[0].merge(cells[1]), "Tổng cộng", bold=True)
    for i, n in enumerate((t.total, t.done_on_time, t.done_late, t.open_not_due, t.open_overdue), start=2):
        _cell(cells[i], str(n), bold=True)
    _cell(cells[7], format_pct(t.on_time_rate, digits=1), bold=True)
    _cell(cells[8], "")
    _widths(table, widths)


def _overdue_table(doc: object, data: ReportData) -> None:
    widths = (0.9, 6.3, 2.8, 2.0, 2.5, 1.5)
    table = _grid(doc, 1, widths)
    head = table.rows[0]
    for i, label in enumerate(("TT", "Nhiệm vụ (trích văn bản)", "Đơn vị chủ trì", "Văn bản", "Thời hạn",
                               "Số ngày quá hạn")):
        _cell(head.cells[i], label, bold=True)
    _repeat_header(head)
    for n, o in enumerate(data.overdue, start=1):
        cells = _data_row(table)
        _cell(cells[0], str(n))
        quote = o.evidence if len(o.evidence) <= 600 else o.evidence[:597].rstrip() + "…"
        _cell(cells[1], f"“{quote}”", italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        tracked = " ".join(o.text.split())
        if tracked != o.evidence:  # the office reworded the task: show what is tracked too
            p = cells[1].add_paragraph()
            _run(p, f"(Nội dung theo dõi: {tracked})", size=TABLE_PT)
        if o.progress:
            p = cells[1].add_paragraph()
            _run(p, f"Tiến độ báo cáo: {o.progress}%", size=TABLE_PT)
        _cell(cells[2], "; ".join(o.units) or "—", align=WD_ALIGN_PARAGRAPH.LEFT)
        _cell(cells[3], o.document_number or "—")
        _cell(cells[4], format_date(o.due_date))
        _cell(cells[5], str(o.days_overdue))
    _widths(table, widths)


def _indicator_table(doc: object, indicators: Sequence[IndicatorRow]) -> None:
    widths = (0.9, 4.6, 2.0, 2.8, 2.3, 3.4)
    table = _grid(doc, 1, widths)
    head = table.rows[0]
    for i, label in enumerate(("TT", "Chỉ tiêu", "Kỳ", "Giá trị", "Tăng/giảm so cùng kỳ (%)",
                               "So sánh với cả nước")):
        _cell(head.cells[i], label, bold=True)
    _repeat_header(head)
    for n, ind in enumerate(indicators, start=1):
        cells = _data_row(table)
        change = "" if ind.change_pct is None else format_pct(ind.change_pct / 100, signed=True)
        for i, v in enumerate((str(n), ind.name, indicator_period_text(ind), value_text(ind), change,
                               comparison_text(ind))):
            _cell(cells[i], v, align=WD_ALIGN_PARAGRAPH.LEFT if i == 1 else WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, widths)


def _closing(doc: object, data: ReportData) -> None:
    doc.add_paragraph()  # type: ignore[attr-defined]
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _widths(table, (8.0, 8.0))
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))  # the signing block never breaks across pages
    left, right = table.rows[0].cells
    _line(left, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    recipients = ["- Thường trực" + (" Thành ủy;" if data.party else " UBND;"), "- Các đơn vị chủ trì;",
                  "- Lưu: VT."]
    for r in recipients:
        _line(left, r, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    if data.party:
        _line(right, "T/L BAN THƯỜNG VỤ", bold=True, size=14, first=True)
        _line(right, "CHÁNH VĂN PHÒNG", size=14)
    else:
        _line(right, "CHÁNH VĂN PHÒNG", bold=True, size=14, first=True)


def _widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fix column widths in both places Word and LibreOffice read them (grid and cells)."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=False):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for idx, cell in enumerate(row.cells):
            if idx < len(widths_cm):
                cell.width = Cm(widths_cm[idx])


def _cell_margins(table: Table, side: Length) -> None:
    """Narrow left/right cell padding: 13 pt figures must fit columns of 1-2 cm."""
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for edge, value in (("top", 0), ("left", side), ("bottom", 0), ("right", side)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(Length(value).twips)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblpr.append(mar)


def _data_row(table: Table) -> list[_Cell]:
    """A new row that never breaks across pages (a figure split from its label misleads)."""
    row = table.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return list(row.cells)


def _repeat_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)
