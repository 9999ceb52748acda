"""Read the rows of an evaluation report from the tracking database.

Only *confirmed* documents are tracked, so only their tasks and indicators are read. The SQL
narrows the tasks to those that can be in scope of the period (due by its end or undated, and not
finished before it began); :func:`dondoc.report.data.compute_report` applies the exact rule.
Evidence is the directive's own words, ``extraction["text"][start:end]`` of the task's span.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session, selectinload

from dondoc.errors import NotFoundError
from dondoc.report.data import DocumentRow, IndicatorRow, ReportData, TaskRow, compute_report
from dondoc.report.period import Period, resolve_period
from dondoc.store.models import Document, Indicator, Observation, Task

__all__ = ["build_report", "load_rows"]


@contextmanager
def _session(engine_or_session: Engine | Session) -> Iterator[Session]:
    if isinstance(engine_or_session, Session):
        yield engine_or_session
        return
    with Session(engine_or_session) as s:
        yield s


def load_rows(
    s: Session, period: Period, document_id: int | None = None
) -> tuple[list[TaskRow], list[DocumentRow], list[IndicatorRow]]:
    """The task, document and indicator rows that may appear in a report on ``period``.

    Raises:
        NotFoundError: ``document_id`` names no confirmed document.
    """
    doc_q = select(Document).where(Document.status == "confirmed")
    if document_id is not None:
        doc_q = doc_q.where(Document.id == document_id)
    docs = {d.id: d for d in s.scalars(doc_q)}
    if document_id is not None and document_id not in docs:
        raise NotFoundError(
            f"không có văn bản đã xác nhận mã {document_id}; "
            "xem danh sách văn bản trên trang web hoặc bỏ --document"
        )
    if not docs:
        return [], [], []

    task_q = (
        select(Task)
        .where(Task.document_id.in_(list(docs)))
        .where(or_(Task.due_date.is_(None), Task.due_date <= period.end))
        .where(or_(Task.done_at.is_(None), Task.done_at >= period.start))
        .options(selectinload(Task.owners))
        .order_by(Task.id)
    )
    tasks = list(s.scalars(task_q))
    texts: dict[int, str] = {}

    def evidence(t: Task) -> str | None:
        if t.start is None or t.end is None:
            return None
        if t.document_id not in texts:
            extraction: dict[str, Any] = docs[t.document_id].extraction or {}
            texts[t.document_id] = str(extraction.get("text") or "")
        return texts[t.document_id][t.start : t.end] or None

    task_rows = [
        TaskRow(
            id=t.id,
            document_id=t.document_id,
            text=t.text,
            due_date=t.due_date,
            done_at=t.done_at,
            lead_units=tuple(o.unit.name for o in t.owners if o.role == "lead"),
            evidence=evidence(t),
            document_number=docs[t.document_id].number,
            progress=t.progress or 0,
            original_due_date=t.original_due_date,
        )
        for t in tasks
    ]
    doc_rows = [
        DocumentRow(id=d.id, kind=d.kind, number=d.number, issuer=d.issuer, issued_date=d.issued_date,
                    title=d.title)
        for d in docs.values()
    ]

    with_tasks = {t.document_id for t in tasks} | ({document_id} if document_id is not None else set())
    obs_q = (
        select(Observation, Indicator)
        .join(Indicator, Observation.indicator_id == Indicator.id)
        .where(Indicator.document_id.in_(list(docs)))
        .where(
            or_(
                Indicator.document_id.in_(list(with_tasks)),
                (Observation.period_start <= period.end) & (Observation.period_end >= period.start),
            )
        )
        .order_by(Indicator.document_id, Indicator.id, Observation.id)
    )
    ind_rows = [
        IndicatorRow(
            name=ind.name,
            value=obs.value,
            unit=ind.unit,
            qualifier=obs.qualifier,
            change_pct=obs.change_pct,
            ratio=obs.ratio,
            ratio_base=obs.ratio_base,
            base_value=obs.base_value,
            period_start=obs.period_start,
            period_end=obs.period_end,
            target_value=ind.target_value,
            document_id=ind.document_id,
            document_number=docs[ind.document_id].number if ind.document_id in docs else None,
        )
        for obs, ind in s.execute(obs_q)
    ]
    return task_rows, doc_rows, ind_rows


def build_report(
    engine_or_session: Engine | Session,
    period: str | Period,
    document_id: int | None = None,
    *,
    as_of: date | None = None,
    today: date | None = None,
) -> ReportData:
    """Read the database and compute the report on ``period`` ("2021-Q2" or a :class:`Period`).

    Raises:
        InputError: the period is badly written.
        NotFoundError: ``document_id`` names no confirmed document.
    """
    p = resolve_period(period) if isinstance(period, str) else period
    with _session(engine_or_session) as s:
        tasks, docs, indicators = load_rows(s, p, document_id)
    return compute_report(tasks, p, documents=docs, indicators=indicators, as_of=as_of, today=today,
                          document_id=document_id)
