"""Evaluation reports (báo cáo đánh giá): what the office hands the leadership each period.

Three steps, kept apart so each can be tested alone: read rows from the database
(:mod:`.query`), compute the report's content from plain rows (:mod:`.data`, pure), and lay it
out as DOCX (:mod:`.docx`) or XLSX (:mod:`.xlsx`). The web app's reports page and the
``dondoc report`` command both call the four functions exported here::

    data = build_report(engine, "2021-Q2", document_id=None)
    Path("bc.docx").write_bytes(render_docx(data))
"""

from __future__ import annotations

from dondoc.report.data import (
    BUCKET_LABELS,
    BucketCounts,
    DocumentRow,
    IndicatorRow,
    OverdueItem,
    ReportData,
    TaskRow,
    UnitStats,
    compute_report,
)
from dondoc.report.docx import render_docx
from dondoc.report.period import Period, parse_period, resolve_period
from dondoc.report.query import build_report
from dondoc.report.xlsx import render_xlsx

__all__ = [
    "BUCKET_LABELS",
    "BucketCounts",
    "DocumentRow",
    "IndicatorRow",
    "OverdueItem",
    "Period",
    "ReportData",
    "TaskRow",
    "UnitStats",
    "build_report",
    "compute_report",
    "parse_period",
    "render_docx",
    "render_xlsx",
    "resolve_period",
]
