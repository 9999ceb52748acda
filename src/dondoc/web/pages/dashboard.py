"""The leaders' dashboard, the explanation requests, and the reports page.

*Dashboard*: the four buckets overall and per unit (an SVG chart made by ``charts``), the on-time
ranking of units (thi đua), overdue and due-soon lists, and the indicators of confirmed
documents as traffic lights. All counts are *as of* a day (default today; a past day shows the
situation as it was then).

*Traffic light* of an indicator's latest figure: against its target when one is set (green at or
above target, amber within 10 % below, red further below); otherwise against the same period of
last year (green when it grew, red when it fell) and against the national average when the
document gives one (a ratio below 1 makes it amber at best).

*Explanation requests* (giải trình): a leader or the office asks a unit to explain a lagging
indicator; the unit answers on its tasks page.

*Reports*: the evaluation report of ``dondoc.report`` for a period and optionally one document,
as DOCX or XLSX.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from dondoc.store import repo
from dondoc.store.models import Document, ExplanationRequest, Indicator, Observation, User
from dondoc.track import BUCKETS
from dondoc.web.pages import queries
from dondoc.web.pages.charts import bucket_bars, change_bars
from dondoc.web.pages.common import BUCKET_NAMES, flash, get_db, page_router, page_user, render, require, today

router = page_router()
watchers = require("leader", "office", "admin")

LIGHT_COLOURS = {"green": "#2f8f4e", "amber": "#e0a800", "red": "#c0392b", "grey": "#9aa5b1"}
LIGHT_NAMES = {"green": "Đạt/tăng", "amber": "Cần chú ý", "red": "Chưa đạt/giảm", "grey": "Chưa đủ số liệu"}


def light_of(obs: Observation | None, target: float | None) -> str:
    """Traffic-light colour of an indicator's latest figure (see the module docstring)."""
    if obs is None:
        return "grey"
    if target is not None and obs.value is not None:
        if obs.value >= target:
            return "green"
        return "amber" if obs.value >= 0.9 * target else "red"
    if obs.change_pct is None and obs.ratio is None:
        return "grey"
    if obs.change_pct is not None and obs.change_pct < 0:
        return "red"
    if obs.ratio is not None and obs.ratio < 1:
        return "amber"
    return "green"


def _as_of(value: str | None) -> dt.date:
    if not value:
        return today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, detail=f"Ngày “{value}” không hợp lệ.") from None


def indicator_rows(db: Session, document_id: int | None = None) -> list[dict[str, Any]]:
    """Indicators of confirmed documents with their latest observation and light."""
    stmt = (
        select(Indicator)
        .join(Document, Document.id == Indicator.document_id)
        .where(Document.status == "confirmed")
        .order_by(Indicator.id)
    )
    if document_id is not None:
        stmt = stmt.where(Indicator.document_id == document_id)
    rows = []
    for ind in db.scalars(stmt):
        obs = ind.observations[-1] if ind.observations else None
        rows.append({"indicator": ind, "obs": obs, "light": light_of(obs, ind.target_value)})
    return rows


@router.get("/dashboard")
def dashboard(request: Request, as_of: str | None = None, document_id: str | None = None,
              user: User = Depends(watchers), db: Session = Depends(get_db)) -> Response:
    day = _as_of(as_of)
    doc_id = int(document_id) if document_id and document_id.isdigit() else None
    # A read-only page: the statistics and the list totals may come from the store's cache.
    st = repo.stats(db, user=user, as_of=day, document_id=doc_id, cache=True)
    overdue, n_overdue = repo.list_tasks(db, user=user, as_of=day, bucket="open_overdue", document_id=doc_id,
                                         limit=10, cache=True)
    soon_days = request.app.state.settings.due_soon_days
    soon, n_soon = repo.list_tasks(db, user=user, as_of=day, bucket="due_soon", document_id=doc_id, limit=10,
                                   due_soon_days=soon_days, cache=True)
    by_unit = st["by_unit"]
    chart_rows = sorted(by_unit, key=lambda r: -r["total"])[:15]
    inds = indicator_rows(db, doc_id)
    change = [(r["indicator"].name, r["obs"].change_pct, LIGHT_COLOURS[r["light"]])
              for r in inds if r["obs"] is not None and r["obs"].change_pct is not None]
    explanations = repo.list_explanations(db, user=user)[:20]
    docs = queries.document_options(db, user)
    ctx = {
        "active": "dashboard",
        "as_of": day,
        "document_id": doc_id,
        "documents": docs,
        "stats": st,
        "buckets": BUCKETS,
        "unit_chart": bucket_bars(chart_rows, labels=BUCKET_NAMES) if chart_rows else None,
        "ranking": [r for r in by_unit if r["on_time_rate"] is not None],
        "overdue": overdue,
        "n_overdue": n_overdue,
        "soon": soon,
        "n_soon": n_soon,
        "soon_days": soon_days,
        "indicators": inds,
        "indicator_chart": change_bars(change) if change else None,
        "light_names": LIGHT_NAMES,
        "explanations": explanations,
        "unit_names": repo.cached_read(db, ("unit_names",), lambda: queries.unit_names(db)),
        "units": queries.unit_options(db),
        "can_ask": user.role in ("leader", "office", "admin"),
    }
    return render(request, "dashboard.html", ctx)


@router.post("/explanations")
def ask_explanation(
    request: Request, indicator_id: int = Form(...), unit_id: int = Form(...), question: str = Form(""),
    user: User = Depends(watchers), db: Session = Depends(get_db),
) -> Response:
    if not question.strip():
        raise HTTPException(400, detail="Hãy ghi nội dung cần giải trình.")
    repo.create_explanation(db, user=user, unit_id=unit_id, question=question.strip(), indicator_id=indicator_id)
    db.commit()
    flash(request, "Đã gửi yêu cầu giải trình tới đơn vị.")
    return RedirectResponse("/dashboard#explanations", status_code=303)


@router.post("/explanations/{req_id}/answer")
def answer_explanation(
    request: Request, req_id: int, answer: str = Form(""), user: User = Depends(page_user),
    db: Session = Depends(get_db),
) -> Response:
    if user.role not in ("unit", "admin"):
        raise HTTPException(403, detail="Chỉ đơn vị được yêu cầu mới trả lời giải trình.")
    if not answer.strip():
        raise HTTPException(400, detail="Hãy ghi nội dung giải trình.")
    repo.answer_explanation(db, req_id, user=user, answer=answer.strip())
    db.commit()
    flash(request, "Đã gửi nội dung giải trình.")
    return RedirectResponse("/tasks", status_code=303)


def open_explanations(db: Session, user: User) -> list[ExplanationRequest]:
    return repo.list_explanations(db, user=user, status="open")


# --------------------------------------------------------------------------- reports page
def _default_period(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


@router.get("/reports")
def reports_page(request: Request, user: User = Depends(watchers), db: Session = Depends(get_db)) -> Response:
    docs, _ = repo.list_documents(db, user=user, status="confirmed", limit=200)
    year = today().year
    periods = [f"{y}-Q{q}" for y in range(year, year - 6, -1) for q in (4, 3, 2, 1)]
    periods += [str(y) for y in range(year, year - 6, -1)]
    return render(request, "reports.html", {"active": "reports", "documents": docs, "periods": periods,
                                            "period": _default_period(today())})


@router.get("/reports/download")
def download_report(
    request: Request, period: str = "", document_id: str = "", format: str = "docx",
    user: User = Depends(watchers), db: Session = Depends(get_db),
) -> Response:
    try:
        from dondoc.report import build_report, render_docx, render_xlsx
    except ImportError:
        raise HTTPException(503, detail="Chức năng lập báo cáo chưa được cài đặt trên máy chủ này.") from None
    if format not in ("docx", "xlsx"):
        raise HTTPException(400, detail="Chọn định dạng DOCX hoặc XLSX.")
    if not period.strip():
        raise HTTPException(400, detail="Hãy chọn kỳ báo cáo, ví dụ 2021-Q2.")
    doc_id = int(document_id) if document_id.isdigit() else None
    data = build_report(db, period.strip(), document_id=doc_id)
    if format == "docx":
        body = render_docx(data)
        media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        body = render_xlsx(data)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    name = f"bao-cao-{period.strip()}{f'-vb{doc_id}' if doc_id else ''}.{format}"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})
