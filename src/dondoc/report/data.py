"""The content of an evaluation report (báo cáo đánh giá), computed from plain rows.

An evaluation report answers, for one *period* and optionally one directive: how many tasks each
unit finished on time, finished late, still has open within the deadline and still has open past
it (the Government tracker's four buckets); which unit ranks first by on-time completion (thi đua);
which tasks are overdue, quoting the directive's own words as evidence; and how the indicators
(chỉ tiêu) moved. Renderers (DOCX, XLSX, the web page) only lay out a :class:`ReportData`.

Terms:
- *In scope*: a task belongs to the period when its due date falls inside it, or when it fell
  due earlier and was still open when the period began (carried-over work is still judged).
  A task without a due date is in scope while it is open.
- *As of*: the day the buckets are computed. By default the end of the period, or today while the
  period is still running, so that a report on a past quarter is the same whenever it is printed.
  A task completed after the as-of day counts as open.
- *On-time rate*: done on time / (done on time + done late + open overdue), i.e. over the tasks
  whose deadline has come or that are finished; open tasks still within their deadline do not
  count against a unit. ``None`` when a unit has no such task.
- Units are the *lead* owners (chủ trì): they answer for the task. A task with several leads counts
  once for each of them, and once in the totals.

Everything here is pure: :func:`compute_report` takes rows, :mod:`dondoc.report.query` reads the rows
from the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dondoc.labels import KIND_NAMES
from dondoc.report.period import Period
from dondoc.track import BUCKETS, Bucket, bucket_of, on_time_rate

__all__ = [
    "BUCKETS",
    "BUCKET_LABELS",
    "NO_UNIT",
    "BucketCounts",
    "DocumentRow",
    "IndicatorRow",
    "OverdueItem",
    "ReportData",
    "TaskRow",
    "UnitStats",
    "compute_report",
    "header_of",
    "in_scope",
]

BUCKET_LABELS: dict[str, str] = {
    "done_on_time": "Đã hoàn thành đúng hạn",
    "done_late": "Đã hoàn thành quá hạn",
    "open_not_due": "Chưa hoàn thành, trong hạn",
    "open_overdue": "Chưa hoàn thành, quá hạn",
}
NO_UNIT = "(Chưa xác định đơn vị chủ trì)"


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One tracked task as the report needs it; ``evidence`` is the directive's own words."""

    id: int
    document_id: int
    text: str
    due_date: date | None
    done_at: date | None
    lead_units: tuple[str, ...] = ()
    evidence: str | None = None
    document_number: str | None = None
    progress: int = 0
    original_due_date: date | None = None


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    kind: str | None = None
    number: str | None = None
    issuer: str | None = None
    issued_date: date | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One observation of an indicator (value, change against the same period, national ratio)."""

    name: str
    value: float | None
    unit: str | None = None
    qualifier: str | None = None  # estimate | at_least | almost
    change_pct: float | None = None
    ratio: float | None = None
    ratio_base: str | None = None  # "national_average", ...
    base_value: float | None = None
    period_start: date | None = None
    period_end: date | None = None
    target_value: float | None = None
    document_id: int | None = None
    document_number: str | None = None


@dataclass(frozen=True, slots=True)
class BucketCounts:
    done_on_time: int = 0
    done_late: int = 0
    open_not_due: int = 0
    open_overdue: int = 0

    @property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.open_not_due + self.open_overdue

    @property
    def on_time_rate(self) -> float | None:
        """Share (0-1) of the tasks judged so far that were done on time; ``None`` if none."""
        return on_time_rate({b: self.get(b) for b in BUCKETS})

    def get(self, bucket: str) -> int:
        return int(getattr(self, bucket))


@dataclass(frozen=True, slots=True)
class UnitStats:
    unit: str
    counts: BucketCounts
    rank: int | None  # 1 = best; None when the unit has no judged task


@dataclass(frozen=True, slots=True)
class OverdueItem:
    task_id: int
    text: str
    evidence: str
    units: tuple[str, ...]
    document_number: str | None
    due_date: date
    days_overdue: int
    progress: int


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything a renderer prints. Sequences are already sorted for printing."""

    period: Period
    as_of: date
    report_date: date
    documents: tuple[DocumentRow, ...]
    totals: BucketCounts
    units: tuple[UnitStats, ...]  # by rank, unranked last
    overdue: tuple[OverdueItem, ...]  # most overdue first
    indicators: tuple[IndicatorRow, ...]
    issuer_lines: tuple[str, ...] = ("VĂN PHÒNG",)  # left header block, upper case
    place: str | None = None  # "Hải Phòng" for the place-and-date line
    party: bool = False  # Party header (ĐẢNG CỘNG SẢN VIỆT NAM) instead of the national motto
    document_id: int | None = None
    end_of_day: bool = True  # buckets judged at the close of ``as_of``
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def as_of_text(self) -> str:
        """ "hết ngày 30/06/2021" or "ngày 05/06/2021" (today, still running)."""
        day = f"{self.as_of.day:02d}/{self.as_of.month:02d}/{self.as_of.year}"
        return f"hết ngày {day}" if self.end_of_day else f"ngày {day}"

    @property
    def title(self) -> str:
        return f"Đánh giá kết quả thực hiện nhiệm vụ {self.period.label}"

    @property
    def subtitle(self) -> str | None:
        """The directive being evaluated, when the report is about one document."""
        if self.document_id is None or not self.documents:
            return None
        doc = self.documents[0]
        kind = KIND_NAMES.get(doc.kind or "other", "văn bản") if doc.kind not in (None, "other") else "văn bản"
        parts = [f"theo {kind}"]
        if doc.number:
            parts.append(f"số {doc.number}")
        if doc.issued_date:
            parts.append(f"ngày {doc.issued_date.day:02d}/{doc.issued_date.month:02d}/{doc.issued_date.year}")
        if doc.issuer:
            parts.append(f"của {doc.issuer}")
        return " ".join(parts)


def in_scope(row: TaskRow, period: Period) -> bool:
    """Whether ``row`` is judged in ``period`` (see the module docstring)."""
    if row.due_date is None:
        return row.done_at is None or row.done_at >= period.start
    if period.start <= row.due_date <= period.end:
        return True
    return row.due_date < period.start and (row.done_at is None or row.done_at >= period.start)


def _bucket(row: TaskRow, as_of: date, *, end_of_day: bool) -> str:
    if not end_of_day:
        b = bucket_of(row.due_date, row.done_at, as_of)
    else:
        # At the close of ``as_of``: work done after it is still open, and a task due that very day
        # and not done is late. ``bucket_of`` judges the morning of a day, hence the day after.
        done = row.done_at if row.done_at is not None and row.done_at <= as_of else None
        b = bucket_of(row.due_date, done, as_of + timedelta(days=1))
    return b.value if isinstance(b, Bucket) else str(b)


def _count(buckets: Iterable[str]) -> BucketCounts:
    tally = dict.fromkeys(BUCKETS, 0)
    for b in buckets:
        tally[b] += 1
    return BucketCounts(**tally)


def _rank(stats: Sequence[tuple[str, BucketCounts]]) -> tuple[UnitStats, ...]:
    """Competition ranking ("1, 1, 3") by on-time rate, then fewer overdue, then more done."""

    def key(item: tuple[str, BucketCounts]) -> tuple[float, int, int, str]:
        name, c = item
        rate = c.on_time_rate
        return (-(rate if rate is not None else -1.0), c.open_overdue, -c.done_on_time, name)

    ordered = sorted(stats, key=key)
    out: list[UnitStats] = []
    prev: tuple[float, int, int] | None = None
    rank = 0
    for i, (name, c) in enumerate(ordered, start=1):
        if c.on_time_rate is None:
            out.append(UnitStats(name, c, None))
            continue
        k = key((name, c))[:3]
        if k != prev:
            rank, prev = i, k
        out.append(UnitStats(name, c, rank))
    return tuple(out)


def header_of(documents: Sequence[DocumentRow]) -> tuple[tuple[str, ...], str | None, bool]:
    """The left header lines, the place name and the Party flag for a report on ``documents``.

    The report is issued by the office (Văn phòng) of the body that issued the directives, so a
    report on "Thành ủy Hải Phòng" directives is headed "THÀNH ỦY HẢI PHÒNG / VĂN PHÒNG" under the
    Party header, one on "UBND thành phố Hải Phòng" directives under the national motto.
    """
    issuers = [d.issuer.strip() for d in documents if d.issuer and d.issuer.strip()]
    numbers = [d.number for d in documents if d.number]
    issuer = max(set(issuers), key=issuers.count) if issuers else None
    party = bool(issuer and _is_party(issuer)) or (
        not issuer and any("-" in n.split("/")[0] and "/" in n for n in numbers)
    )
    if not issuer:
        return ("VĂN PHÒNG",), None, party
    return (issuer.upper(), "VĂN PHÒNG"), _place_of(issuer), party


_PARTY_WORDS = ("thành ủy", "tỉnh ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy", "ban thường vụ",
                "ban chấp hành", "đảng bộ", "ban bí thư", "bộ chính trị")
_PLACE_PREFIXES = ("ủy ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd", "thành ủy", "tỉnh ủy",
                   "huyện ủy", "quận ủy", "thị ủy", "thành phố", "tỉnh", "quận", "huyện", "thị xã")


def _is_party(issuer: str) -> bool:
    low = issuer.lower()
    return any(w in low for w in _PARTY_WORDS)


def _place_of(issuer: str) -> str | None:
    """"Thành ủy Hải Phòng" -> "Hải Phòng"; "UBND thành phố Hải Phòng" -> "Hải Phòng"."""
    rest = issuer.strip()
    changed = True
    while changed:
        changed = False
        for p in _PLACE_PREFIXES:
            if rest.lower().startswith(p + " "):
                rest, changed = rest[len(p) + 1 :].strip(), True
    if not rest or rest == issuer.strip() or not rest[0].isupper():
        return None
    return rest


def compute_report(
    tasks: Iterable[TaskRow],
    period: Period,
    *,
    documents: Sequence[DocumentRow] = (),
    indicators: Iterable[IndicatorRow] = (),
    as_of: date | None = None,
    today: date | None = None,
    document_id: int | None = None,
) -> ReportData:
    """Compute the report on ``tasks`` for ``period``.

    Args:
        tasks: every tracked task that might be in scope (others are filtered out here).
        period: the evaluated period.
        documents: the directives the tasks come from (header, subtitle).
        indicators: observations; kept when they belong to an evaluated directive or, for a
            report on all directives, when their period meets ``period``.
        as_of: the day the buckets are computed; default ``min(period.end, today)``. A day before
            ``today`` is judged at its close ("tính đến hết ngày"): a task due that day and not done
            is overdue. ``today`` itself is judged as it runs: such a task still has the day.
        today: the report's date (place-and-date line); default :meth:`date.today`.
        document_id: set when the report is about one directive.
    """
    today = today or date.today()
    as_of = as_of or min(period.end, today)
    end_of_day = as_of < today
    scoped = [
        t for t in tasks if in_scope(t, period) and (document_id is None or t.document_id == document_id)
    ]
    bucket_by_id = {t.id: _bucket(t, as_of, end_of_day=end_of_day) for t in scoped}

    per_unit: dict[str, list[str]] = {}
    for t in scoped:
        for unit in t.lead_units or (NO_UNIT,):
            per_unit.setdefault(unit, []).append(bucket_by_id[t.id])
    units = _rank([(name, _count(bs)) for name, bs in per_unit.items()])

    overdue = tuple(
        sorted(
            (
                OverdueItem(
                    task_id=t.id,
                    text=t.text,
                    # Source line breaks (OCR layout) mean nothing in a table cell.
                    evidence=" ".join((t.evidence or t.text).split()),
                    units=t.lead_units,
                    document_number=t.document_number,
                    due_date=t.due_date,
                    days_overdue=max(1, (as_of - t.due_date).days),
                    progress=t.progress,
                )
                for t in scoped
                if bucket_by_id[t.id] == "open_overdue" and t.due_date is not None
            ),
            key=lambda o: (-o.days_overdue, o.task_id),
        )
    )

    # The directives under evaluation: the one asked for, or those with tasks in scope.
    wanted = {document_id} if document_id is not None else {t.document_id for t in scoped}
    docs = tuple(d for d in documents if d.id in wanted)

    def keep(ind: IndicatorRow) -> bool:
        # A directive's own figures are printed whatever period they describe (a Q2 report on a
        # conclusion quotes its Q1 results); other figures only when their period meets the report's.
        if ind.document_id is not None and ind.document_id in wanted:
            return True
        if document_id is not None or ind.period_start is None or ind.period_end is None:
            return False
        return ind.period_start <= period.end and ind.period_end >= period.start

    issuer_lines, place, party = header_of(docs)
    return ReportData(
        period=period,
        as_of=as_of,
        end_of_day=end_of_day,
        report_date=today,
        documents=docs,
        totals=_count(bucket_by_id.values()),
        units=units,
        overdue=overdue,
        indicators=tuple(i for i in indicators if keep(i)),
        issuer_lines=issuer_lines,
        place=place,
        party=party,
        document_id=document_id,
    )
