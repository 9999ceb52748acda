"""The evaluation report as an Excel workbook, for offices that re-sort and re-count the figures.

One sheet per table of the DOCX report ("Tổng hợp", "Theo đơn vị", "Quá hạn", "Chỉ tiêu"); every
sheet has a bold frozen header row and an auto-filter over its data. Numbers stay numbers (rates
as fractions formatted as percentages, dates as dates) so that filtering and sums work in Excel.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dondoc.report.data import BUCKET_LABELS, ReportData
from dondoc.report.format import comparison_text, indicator_period_text

__all__ = ["SHEETS", "render_xlsx"]

SHEETS = ("Tổng hợp", "Theo đơn vị", "Quá hạn", "Chỉ tiêu")
_HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")


def render_xlsx(data: ReportData) -> bytes:
    """The report as XLSX bytes."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = SHEETS[0]
    t = data.totals
    rows: list[list[Any]] = [[BUCKET_LABELS[b], t.get(b)] for b in BUCKET_LABELS]
    rows += [["Tổng số nhiệm vụ", t.total], ["Tỷ lệ hoàn thành đúng hạn", t.on_time_rate]]
    _table(summary, ["Nội dung", "Số lượng"], rows, widths=[40, 14])
    summary.cell(row=len(rows) + 1, column=2).number_format = "0.0%"
    info = len(rows) + 3
    for i, (k, v) in enumerate(
        (("Kỳ báo cáo", data.period.label), ("Tính đến ngày", data.as_of), ("Ngày lập", data.report_date),
         ("Văn bản", ", ".join(d.number or f"#{d.id}" for d in data.documents))),
    ):
        summary.cell(row=info + i, column=1, value=k).font = Font(bold=True)
        c = summary.cell(row=info + i, column=2, value=v)
        if isinstance(v, date):
            c.number_format = "DD/MM/YYYY"

    units = wb.create_sheet(SHEETS[1])
    _table(
        units,
        ["Xếp hạng", "Đơn vị chủ trì", "Tổng số", *BUCKET_LABELS.values(), "Tỷ lệ đúng hạn"],
        [[u.rank, u.unit, u.counts.total, *(u.counts.get(b) for b in BUCKET_LABELS), u.counts.on_time_rate]
         for u in data.units],
        widths=[10, 40, 10, 16, 16, 16, 16, 14],
        formats={8: "0.0%"},
    )

    overdue = wb.create_sheet(SHEETS[2])
    _table(
        overdue,
        ["Mã nhiệm vụ", "Nhiệm vụ", "Trích văn bản", "Đơn vị chủ trì", "Văn bản", "Thời hạn",
         "Số ngày quá hạn", "Tiến độ (%)"],
        [[o.task_id, o.text, o.evidence, "; ".join(o.units), o.document_number, o.due_date, o.days_overdue,
          o.progress] for o in data.overdue],
        widths=[12, 60, 60, 30, 16, 12, 14, 12],
        formats={6: "DD/MM/YYYY"},
        wrap={2, 3},
    )

    indicators = wb.create_sheet(SHEETS[3])
    _table(
        indicators,
        ["Chỉ tiêu", "Kỳ", "Giá trị", "Đơn vị tính", "Ước/trên/gần", "Tăng/giảm so cùng kỳ (%)", "Gấp (lần)",
         "So với", "Giá trị so sánh (%)", "Diễn giải", "Văn bản"],
        [[i.name, indicator_period_text(i), i.value, i.unit, i.qualifier, i.change_pct, i.ratio, i.ratio_base,
          i.base_value, comparison_text(i), i.document_number] for i in data.indicators],
        widths=[40, 12, 12, 14, 12, 16, 10, 18, 14, 40, 16],
        wrap={1},
    )

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _table(
    ws: Worksheet,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    widths: Sequence[int],
    formats: dict[int, str] | None = None,
    wrap: set[int] | None = None,
) -> None:
    """Write ``header`` and ``rows`` at A1, freeze and filter the header; columns are 1-based."""
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in rows:
        ws.append(list(row))
    last_row = max(1, len(rows) + 1)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last_row}"
    ws.freeze_panes = "A2"
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for col, fmt in (formats or {}).items():
        for r in range(2, last_row + 1):
            ws.cell(row=r, column=col).number_format = fmt
    for col in wrap or ():
        for r in range(2, last_row + 1):
            ws.cell(row=r, column=col).alignment = Alignment(wrap_text=True, vertical="top")
