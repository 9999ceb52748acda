"""Analysis: the whole reading of one text — header, outline, section kinds, tasks, indicators,
references, checks — assembled into the ``document``/``sections``/``tasks``/… part of the
extraction JSON (CONTRACTS.md). Pure: the caller ingests and repairs; this only reads ``text``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from dondoc.core.anchors import effective_date, resolve_anchored
from dondoc.core.clause_tasks import Task, TaskContext, due_date_or_default
from dondoc.core.gazetteer import Gazetteer
from dondoc.core.header import Header, Tail, parse_header, parse_tail
from dondoc.core.kinds import names_organisations, opens_with_office
from dondoc.core.lines import Line, split_lines
from dondoc.core.names import names_only_bodies, opens_with_ministry_list
from dondoc.core.outline import Section, parse_outline, text_under_heading
from dondoc.core.owners import (
    Owner,
    assigns_to_bodies,
    kind_subject,
    names_a_duty_holder,
    opens_with_kind_subject,
    opens_with_subject,
)
from dondoc.core.references import Reference, find_references
from dondoc.core.sections import TRIGGER_RE, classify_sections
from dondoc.core.spans import Span
from dondoc.core.tables import TableTasks, find_field_tasks, find_pipe_table_tasks, find_table_tasks
from dondoc.core.tasks import extract_tasks
from dondoc.core.timeexpr import TimeExpr, find_time_expressions, parse_date
from dondoc.core.vietnamese import compile_vi

if TYPE_CHECKING:
    from dondoc.core.indicators import Indicator

__all__ = ["Analysis", "analyse"]

_ADOPTED_RE = compile_vi(r"(?i:thông\s+qua\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4}))")
_MEETING_RE = compile_vi(
    r"(?:họp|phiên\s+họp[^,.;()]{0,60}?|Hội\s+nghị[^,.;()]{0,80}?)\s+(?:tổ\s+chức\s+)?(?:vào\s+)?ngày\s+"
    r"(?P<d>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.IGNORECASE,
)
_PLAN_SPLIT_RE = compile_vi(r"(?i:nhiệm\s+vụ[,\s]+(?:giải\s+pháp\s+)?(?:trọng\s+tâm|chủ\s+yếu)|phương\s+hướng|kế\s+hoạch)")
_LOCAL_PARTY_RE = compile_vi(r"\b(?:thành\s+phố|tỉnh)\s+([\p{Lu}]\w+(?:\s+[\p{Lu}]\w+){0,2})")
_PARTY_ORGAN_RE = compile_vi(r"\b(Thành\s+ủy|Tỉnh\s+ủy|Thành\s+uỷ|Tỉnh\s+uỷ)\s+kết\s+luận\s*:")
# A document issued with this one, after its signature: its title line, then "(Kèm theo Quyết định …)".
_ATTACHED_KINDS = r"(?:QUY\s+CHẾ|QUY\s+ĐỊNH|ĐIỀU\s+LỆ|CHƯƠNG\s+TRÌNH|KẾ\s+HOẠCH|ĐỀ\s+ÁN|HƯỚNG\s+DẪN)"
_ATTACHED_TITLE_RE = compile_vi(rf"^[ \t]*{_ATTACHED_KINDS}[ \t]*$", re.MULTILINE)
_ISSUED_WITH_RE = compile_vi(r"\((?:[Bb]an\s+hành\s+)?[Kk]èm\s+theo\s[^)]{0,300}\)")
# The first line of a document issued with this one, which may carry more words than the kind
# ("CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ").
_ATTACHED_LEAD_RE = compile_vi(rf"^[ \t]*{_ATTACHED_KINDS}(?![^\n]*\p{{Ll}})", re.MULTILINE)
_APPENDIX_LINE_RE = compile_vi(r"(?:^|\n)[ \t]*(?i:phụ\s+lục)(?:\s+(?:[IVX]+|\d+[a-z]?))?[ \t]*\n\s*$")
_ARTICLE_LINE_RE = compile_vi(r"(?m)^[ \t]*Điều\s+\d+\s*\.")
_OTHER_APPENDIX_RE = compile_vi(r"(?m)^[ \t]*(?i:phụ\s+lục)(?!\w)")
_DIRECTIVE_KINDS = {"ket_luan", "chi_thi", "thong_bao", "ke_hoach", "cong_van"}


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    header: Header
    tail: Tail
    sections: list[Section]
    tasks: list[Task]
    indicators: list[Indicator]
    references: list[Reference]
    reviewed_period: tuple[date, date] | None
    planned_period: tuple[date, date] | None
    meeting_date: date | None
    issuer: str | None
    assignments: list[dict[str, str]]
    checks: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        h = self.header
        planned_end = self.planned_period[1] if self.planned_period else None
        return {
            "document": {
                "kind": h.kind,
                "number": h.number,
                "issuer": self.issuer,
                "issued_date": _iso_tuple(h.issued_date),
                "title": h.title,
                "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
                "reviewed_period": _period_json(self.reviewed_period),
                "planned_period": _period_json(self.planned_period),
                "signer": self.tail.signer,
                "recipients": self.tail.recipients,
                "assignments": self.assignments,
            },
            "sections": [
                {
                    "number": s.number,
                    "heading": s.heading,
                    "kind": s.kind,
                    "start": s.start,
                    "end": s.end,
                    "parent": s.parent,
                }
                for s in self.sections
            ],
            "indicators": [ind.to_json(self.reviewed_period) for ind in self.indicators],
            "tasks": [_task_json(i, t, planned_end, self.text) for i, t in enumerate(self.tasks)],
            "references": [r.to_json() for r in self.references],
            "checks": self.checks,
        }


def _iso_tuple(t: tuple[int, int, int] | None) -> str | None:
    if t is None:
        return None
    try:
        return date(*t).isoformat()
    except ValueError:
        return None


def _date_of(t: tuple[int, int, int] | None) -> date | None:
    try:
        return date(*t) if t else None
    except ValueError:
        return None


def _period_json(p: tuple[date, date] | None) -> dict[str, str] | None:
    return {"start": p[0].isoformat(), "end": p[1].isoformat()} if p else None


def _task_json(i: int, t: Task, planned_end: date | None, text: str) -> dict[str, Any]:
    return {
        "id": f"t{i + 1}",
        "section": t.section,
        "text": text[t.span.start : t.span.end],
        "action": t.action,
        "target": {"quantity": t.target[0], "unit": t.target[1]} if t.target else None,
        "due": due_date_or_default(t.due, planned_end),
        "owners": [o.to_json() for o in t.owners],
        "items": list(t.items),
        "references": list(t.references),
        "start": t.span.start,
        "end": t.span.end,
    }


def _periods(
    text: str, header: Header, sections: list[Section], default_year: int | None
) -> tuple[tuple[date, date] | None, tuple[date, date] | None]:
    """Reviewed and planned periods, from the title and the headings of results/tasks sections."""
    reviewed = planned = None
    issued = _date_of(header.issued_date)
    title_span = header.title_span
    if title_span is not None:
        exprs = _dated(find_time_expressions(text, start=title_span.start, end=title_span.end))
        year = next((e.end.year for e in exprs if e.explicit_year and e.end), default_year)
        if year is not None:
            exprs = _dated(find_time_expressions(text, default_year=year, start=title_span.start, end=title_span.end))
        split = _PLAN_SPLIT_RE.search(text, title_span.start, title_span.end)
        if split is not None:
            before = [e for e in exprs if e.span.end <= split.start()]
            after = [e for e in exprs if e.span.start >= split.start()]
            reviewed = _bounds(before[0]) if before else None
            planned = _bounds(after[0]) if after else None
        elif exprs and header.kind in ("ke_hoach", "chi_thi"):
            planned = _bounds(exprs[0])
    for s in sections:
        if s.parent is not None:
            continue
        exprs = _dated(find_time_expressions(text, default_year=default_year, start=s.heading_span.start,
                                             end=s.heading_span.end))
        if not exprs:
            continue
        if s.kind == "tasks" and planned is None:
            planned = _bounds(exprs[0])
        elif s.kind == "results" and reviewed is None:
            reviewed = _bounds(exprs[0])
    if planned is not None and issued is not None and planned[1] < issued:
        planned = None  # a period that ended before the document was issued cannot be planned by it
    if reviewed is not None and issued is not None and reviewed[0] > issued:
        reviewed = None
    return reviewed, planned


def _dated(exprs: list[TimeExpr]) -> list[TimeExpr]:
    return [e for e in exprs if e.start is not None and e.end is not None and e.kind != "date"]


def _bounds(e: TimeExpr) -> tuple[date, date] | None:
    return (e.start, e.end) if e.start and e.end else None


def _issuer(text: str, header: Header, gazetteer: Gazetteer) -> str | None:
    if header.issuer:
        # "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" is "Bộ Lao động - Thương binh và Xã hội", as the
        # gazetteer writes it; a body it does not know keeps the header's sentence case
        return gazetteer.proper(header.issuer) or header.issuer
    m = _PARTY_ORGAN_RE.search(text)
    if m is None:
        return None
    organ = " ".join(m.group(1).split()).replace("uỷ", "ủy")
    # The organ's locality is the city or province the document keeps naming.
    places = Counter(" ".join(p.split()) for p in _LOCAL_PARTY_RE.findall(text))
    place = places.most_common(1)[0][0] if places else None
    return f"{organ} {place}" if place else organ


def _assignments(text: str, sections: list[Section], gazetteer: Gazetteer) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    seen = set()
    top = [
        s for s in sections if s.kind == "implementation" and (s.parent is None or sections[s.parent].kind != "implementation")
    ]
    # The implementation part closes the document; earlier "hiệu lực" clauses of a decree are not duties.
    for s in top[-3:]:
        if s.end - s.body_start > 20000:
            continue
        for sent in re.finditer(r"[^.]+(?:\.|$)", text[s.body_start : s.end]):
            a, b = s.body_start + sent.start(), s.body_start + sent.end()
            chunk = text[a:b]
            role = "monitor" if re.search(r"theo\s+dõi|giám\s+sát|kiểm\s+tra|đôn\s+đốc", chunk) else "implement"
            verb = re.search(
                r"theo\s+dõi|giám\s+sát|kiểm\s+\w{1,3}a|đôn\s+đốc|thực\s+hiện|triển\s+khai|thi\s+hành|chịu\s+trách",
                chunk,
            )
            limit = a + verb.start() if verb else b
            for body in gazetteer.find(text, a, limit):
                key = (body.name, role)
                if key not in seen:
                    seen.add(key)
                    out.append({"name": body.name, "role": role})
    return out


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` (sorted, disjoint) replaced by spaces: the same offsets, without them."""
    parts, pos = [], 0
    for a, b in spans:
        parts += [text[pos:a], " " * (b - a)]
        pos = b
    return "".join(parts) + text[pos:]


def _issues_a_document(text: str, after: int) -> bool:
    """Whether a document issued with this one ("QUY CHẾ … (Kèm theo Nghị định số …)") is printed
    after ``after``, rather than appendices only."""
    for lead in _ATTACHED_LEAD_RE.finditer(text, after):
        issued_with = _ISSUED_WITH_RE.search(text, lead.end(), lead.end() + 600)
        if issued_with is None or _OTHER_APPENDIX_RE.search(text, lead.end(), issued_with.start()):
            continue  # ("HƯỚNG DẪN" in a form, and the next appendix's "Phụ lục 03 (Kèm theo …)")
        if _APPENDIX_LINE_RE.search(text, max(after, lead.start() - 40), lead.start()) and not _ARTICLE_LINE_RE.search(
            text, issued_with.end()
        ):
            # "Phụ lục II / QUY ĐỊNH NỘI DUNG HỆ THỐNG CHỈ TIÊU THỐNG KÊ …": an appendix of definitions
            # and lists, not a regulation with articles.
            continue
        return True
    return False


def _attached_sections(text: str, lines: list[Line], after: int, offset: int) -> list[Section]:
    """The outline of a document issued with this one and printed after its signature ("QUY CHẾ …
    (Kèm theo Quyết định số …)"): its articles are part of what the document says. ``offset`` is the
    number of sections before these (parents are list indices)."""
    title = _ATTACHED_TITLE_RE.search(text, after)
    if title is None:
        return []
    issued_with = _ISSUED_WITH_RE.search(text, title.end(), title.end() + 600)
    if issued_with is None:
        return []
    start = issued_with.end()
    end = parse_tail(text, lines, start).body_end
    attached = [s for s in parse_outline(text, lines, body_start=start) if s.start < end]
    for s in attached:
        s.end = min(s.end, end)
        if s.parent is not None:
            s.parent += offset
    return attached


def analyse(text: str, *, gazetteer: Gazetteer) -> Analysis:
    """Read one document. Never raises on any ``str``."""
    lines = split_lines(text)
    header = parse_header(text, lines)
    if header.issued_date is None:
        # A National Assembly text states its date only where it was adopted ("… thông qua ngày
        # 24 tháng 12 năm 2025").
        adopted = _ADOPTED_RE.search(text, header.body_start)
        if adopted is not None:
            header = replace(header, issued_date=(int(adopted["y"]), int(adopted["m"]), int(adopted["d"])))
    tail = parse_tail(text, lines, header.body_start)
    body_start, body_end = header.body_start, max(header.body_start, tail.body_end)
    if tail.signed_at is not None and not _issues_a_document(text, tail.signed_at):
        # Appendices and forms printed after the signature ("Phụ lục I …") are not the body: their
        # procedure steps are no tasks. (A regulation issued with the document keeps the old reading.)
        body_end = tail.signed_at
    sections = [s for s in parse_outline(text, lines, body_start=body_start) if s.start < body_end]
    for s in sections:
        s.end = min(s.end, body_end)
    sections += _attached_sections(text, lines, body_end, len(sections))
    trig = TRIGGER_RE.search(text, body_start, body_end)

    def opening(start: int, sec: Section) -> Span:
        # The subject stands in the first ~400 characters (a heading may be cut short).
        return Span(start, max(start, min(sec.end, start + 400)))

    def subject_at(start: int, sec: Section) -> bool:
        span = opening(start, sec)
        found = gazetteer.find(text, span.start, span.end)
        return (
            opens_with_subject(text, span, found)
            or opens_with_ministry_list(text, span, gazetteer)
            or assigns_to_bodies(text, span, found)
        )

    def addressed(sec: Section) -> bool:
        if names_organisations(sec.heading) or opens_with_office(sec.heading) or names_a_duty_holder(sec.heading):
            return True
        return subject_at(sec.heading_span.start, sec) or opens_with_kind_subject(text, sec.heading_span)

    def holds_duty(sec: Section) -> bool:
        # "3. Hằng năm, các đơn vị trong Ngành có trách nhiệm sơ kết …", "4. Các cơ quan báo chí, truyền thông
        # trong ngành … thường xuyên phổ biến …" (not a case: "Trường hợp …, cơ quan … phải …")
        return bool(kind_subject(text, opening(sec.heading_span.start, sec), after_opener=True, after_case=False))

    def body_addressed(sec: Section) -> bool:
        # "Điều 25. Tổ chức thực hiện\n\nChính phủ quy định chi tiết …": the text under a title; or
        # "Ban Quản lý các khu công nghiệp … chủ trì, …": a lead named by its kind.
        start = text_under_heading(text, sec)
        return subject_at(start, sec) or opens_with_kind_subject(text, opening(start, sec))

    def names_bodies(sec: Section) -> bool:
        hs = sec.heading_span
        return names_only_bodies(text, hs, gazetteer.find(text, hs.start, hs.end))

    classify_sections(
        sections,
        text,
        directive_from=trig.end() if trig else None,
        addressed=addressed,
        names_bodies=names_bodies,
        body_addressed=body_addressed,
        holds_duty=holds_duty,
    )
    issued_year = header.issued_date[0] if header.issued_date else None
    # Appendices cite documents too; in text order (the task extractor bisects them).
    references = sorted(find_references(text, body_start, len(text)), key=lambda r: r.span.start)
    reviewed, planned = _periods(text, header, sections, issued_year)
    default_year = planned[1].year if planned else issued_year
    meeting = None
    mm = _MEETING_RE.search(text, 0, min(body_end, body_start + 3000))
    if mm is not None:
        meeting = parse_date(mm.group("d"))

    noise = [(ln.start, ln.end) for ln in lines if ln.noise]
    noise_starts = [a for a, _ in noise]

    def in_noise(e: TimeExpr) -> bool:
        k = bisect.bisect_right(noise_starts, e.span.start) - 1
        return k >= 0 and e.span.start < noise[k][1]

    issued = _date_of(header.issued_date)
    effective = effective_date(text, issued, body_start)

    def find_times(t: str, a: int, b: int) -> list[TimeExpr]:
        # A page header ("CÔNG BÁO/Số 242/Ngày 22-04-2026") inside a task never dates it.
        found = find_time_expressions(t, default_year=default_year, start=a, end=b)
        if noise:
            found = [e for e in found if not in_noise(e)]
        # "trong 03 tháng kể từ ngày Nghị quyết này có hiệu lực": dated when the document says when.
        return [resolve_anchored(e, t, issued=issued, effective=effective) for e in found]

    if not sections and header.kind in _DIRECTIVE_KINDS:
        # A short directive without numbering: its whole body is the task list.
        whole = Section(None, None, "", Span(body_start, body_start), body_start, body_end, None, 0, "tasks", body_start)
        sections_for_tasks = [whole]
    else:
        sections_for_tasks = sections
    ctx = TaskContext(
        text=text,
        prose=_blanked(text, noise),
        sections=sections_for_tasks,
        gazetteer=gazetteer,
        find_times=find_times,
        references=references,
        require_owner=header.kind in ("nghi_quyet", "quyet_dinh", "other"),  # legal texts: only assigned clauses
        default_owners=tuple(Owner(gazetteer.normalise(a), "lead") for a in header.addressees),
    )
    tasks = extract_tasks(ctx)
    tables = (
        find_table_tasks(text, lines, gazetteer, find_times)
        + find_pipe_table_tasks(text, lines, gazetteer, find_times)
        + find_field_tasks(text, sections, gazetteer, find_times)
    )
    if tables:
        tables = [_with_appendix_deadline(text, tb, tasks) for tb in tables]
        # Table rows are tasks in their own right; drop clause tasks read from inside a table.
        tasks = [t for t in tasks if not any(tb.span.overlaps(t.span) for tb in tables)]
        tasks.extend(t for tb in tables for t in tb.tasks)
        tasks.sort(key=lambda t: t.span.start)
    result_ranges = [(s.body_start, s.end) for s in sections if s.kind in ("results", "limitations") and s.parent is None]
    indicators: list[Indicator] = []
    checks: list[dict[str, Any]] = []
    if result_ranges or header.kind in ("bao_cao", "ket_luan", "thong_bao", "nghi_quyet"):
        # Imported here: most legal texts report no results, and compiling the indicator grammar
        # would cost every `dondoc extract` process ~12 ms for nothing.
        from dondoc.core.checks import check_indicators
        from dondoc.core.indicators import find_indicators

        if result_ranges:
            for a, b in result_ranges:
                indicators.extend(_reindex(find_indicators(text, start=a, end=b), len(indicators)))
        else:
            indicators = find_indicators(text, start=body_start, end=body_end)
        checks = [c.to_json() for c in check_indicators(indicators)]
    return Analysis(
        text=text,
        header=header,
        tail=tail,
        sections=sections,
        tasks=tasks,
        indicators=indicators,
        references=references,
        reviewed_period=reviewed,
        planned_period=planned,
        meeting_date=meeting,
        issuer=_issuer(text, header, gazetteer),
        assignments=_assignments(text, sections, gazetteer),
        checks=checks,
    )


def _with_appendix_deadline(text: str, table: TableTasks, tasks: list[Task]) -> TableTasks:
    """Rows of a list printed as "Phụ lục II" take the deadline of the clause that orders it ("Trình
    … theo Phụ lục II ban hành kèm theo Nghị quyết này …, bảo đảm có hiệu lực trước ngày 01 tháng 3
    năm 2027"), when they state none of their own."""
    if table.appendix is None or all(t.due is not None for t in table.tasks):
        return table
    cite = re.compile(
        r"Phụ\s+lục\s+" + re.escape(table.appendix) + r"(?![\w.])[^.;]{0,40}?kèm\s+theo\s+\w+(?:\s+\w+)?\s+này"
    )
    for t in tasks:
        if t.due is not None and t.due.end is not None and cite.search(text, t.span.start, t.span.end):
            rows = [r if r.due is not None else replace(r, due=t.due) for r in table.tasks]
            return replace(table, tasks=rows)
    return table


def _reindex(inds: list[Indicator], offset: int) -> list[Indicator]:
    if not offset:
        return inds
    return [replace(i, parent=i.parent + offset) if i.parent is not None else i for i in inds]
