"""Plan tables: task / lead body / supporting bodies / result / deadline columns, one task per row.

Gazette texts extracted from PDF put each table cell on its own line(s), with no column markers,
so the columns cannot be cut by position. A table is recognised by its header cells ("TT",
"Nhiệm vụ"/"Nội dung", "chủ trì", "Thời gian"/"Thời hạn"); a *row* starts at a line holding only
the next row number. Inside a row, the task is the text before the first line that opens with a
public body (the lead column); later bodies support; the deadline is the row's first dated time
expression after the task text. Rows rendered by DOCX ingestion ("cell | cell | cell") are read
the same way, cell by cell.

A *list of documents to amend* ("Danh mục văn bản … sửa đổi, bổ sung": document / provisions /
"Cơ quan chủ trì soạn thảo") is a plan table without a deadline column: each row is a task, the
drafting body alone on the row's last line(s) its lead, and the deadline the one the document's
clause sets for the appendix that holds the list ("Trình … theo Phụ lục II ban hành kèm theo Nghị
quyết này …, bảo đảm có hiệu lực trước ngày 01 tháng 3 năm 2027").

A *pipe table* is a table ingested from DOCX: one row per line, cells joined by " | ". Its header
row names the columns, so each cell is read by its column.

A *field list* is the same record written as numbered fields ("1. Tên nhiệm vụ: …", "2. Cơ quan
chủ trì: …", "3. Cơ quan phối hợp: …", "5. Thời gian hoàn thành: …"): one task per list. When the
list has no task field, the task is the item the fields hang under ("a) Rà soát văn bản pháp luật …"
followed by "- Đơn vị chủ trì: Bộ Công an." and "- Thời gian thực hiện: Quý IV năm 2023.").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from dondoc.core.clause_tasks import Task
from dondoc.core.gazetteer import BodyMatch, Gazetteer
from dondoc.core.lines import Line
from dondoc.core.outline import Section
from dondoc.core.owners import Owner
from dondoc.core.references import find_references
from dondoc.core.spans import Span, trim_span
from dondoc.core.timeexpr import TimeExpr

__all__ = ["TableTasks", "find_field_tasks", "find_pipe_table_tasks", "find_table_tasks"]

_HEADER_TT = re.compile(r"^\s*S?TT\s*$")
# A row number alone on its line, or followed by two spaces and the row's first cell ("7  Đề án …").
_ROWNUM = re.compile(r"^\s*(\d{1,3})\.?(?:\s*$|\s{2,}(?=\S))")
_GROUPNUM = re.compile(r"^\s*[IVX]{1,5}\.?\s*$")
_STOP = re.compile(r"^\s*(?:Phụ\s+lục|PHỤ\s+LỤC|Điều\s+\d+|Nơi\s+nhận)")
# In a list of documents to amend the number may be followed by one space: "14. Nghị định số …".
_AMEND_ROWNUM = re.compile(r"^\s*(\d{1,3})\.(?:\s*$|\s+(?=\S))")
_RECIPIENTS_RE = re.compile(r"\s*Nơi\s+nhận")
_APPENDIX_LINE_RE = re.compile(r"\s*(?:Phụ\s+lục|PHỤ\s+LỤC)\b")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class TableTasks:
    span: Span  # the whole table
    tasks: list[Task]
    appendix: str | None = None  # "II" for a list printed as "Phụ lục II": its rows share the deadline set for it


def _header_end(lines: list[Line], i: int) -> tuple[int, bool] | None:
    """(index of the first row line, whether the table lists documents to amend) if lines[i]
    starts a task-table header."""
    window = " ".join(" ".join(ln.text for ln in lines[i : i + 16]).lower().split())  # "Thời \nhạn" is "thời hạn"
    plan = "chủ trì" in window and ("nhiệm vụ" in window or "nội dung" in window)
    if plan and ("thời gian" in window or "thời hạn" in window or "tiến độ" in window):
        for j in range(i + 1, min(len(lines), i + 20)):
            m = _ROWNUM.match(lines[j].text)
            if m and m.group(1) == "1":
                return j, False
    # "STT | Các nghị định cần sửa đổi, bổ sung | Điều, khoản cần sửa đổi | Cơ quan chủ trì soạn thảo"
    for j in range(i + 1, min(len(lines), i + 20)):
        m = _AMEND_ROWNUM.match(lines[j].text)
        if m and m.group(1) == "1":
            head = " ".join(" ".join(ln.text for ln in lines[i:j]).lower().split())
            if "chủ trì" in head and ("sửa đổi" in head or "bãi bỏ" in head) and "thời" not in head:
                return j, True
            return None
    return None


def _amend_stop(content: list[Line], j: int) -> bool:
    """Where a list of documents to amend ends: the next appendix's heading ("Phụ lục III" over
    an upper-case title) or "Nơi nhận". A cell may name an appendix or an article ("Phụ lục II.",
    "Điều 21, 22") without ending the table."""
    ln = content[j].text
    if _RECIPIENTS_RE.match(ln):
        return True
    if not _APPENDIX_LINE_RE.match(ln) or j + 1 >= len(content):
        return False
    title = content[j + 1].text.strip()
    return len(title.split()) >= 3 and title.upper() == title


def find_table_tasks(
    text: str,
    lines: list[Line],
    gazetteer: Gazetteer,
    find_times: Callable[[str, int, int], list[TimeExpr]],
) -> list[TableTasks]:
    tables: list[TableTasks] = []
    i = 0
    content = [ln for ln in lines if not ln.noise and not ln.blank]
    while i < len(content):
        if not _HEADER_TT.match(content[i].text):
            i += 1
            continue
        found = _header_end(content, i)
        if found is None:
            i += 1
            continue
        first, amends = found
        rownum = _AMEND_ROWNUM if amends else _ROWNUM
        rows: list[tuple[int, int]] = []
        expected = 1
        j = first
        row_start = first
        while j < len(content):
            ln = content[j]
            if _amend_stop(content, j) if amends else _STOP.match(ln.text):
                break
            if _GROUPNUM.match(ln.text) and expected > 1:
                # "II." alone on its line: a group of rows with its own title; the row numbering
                # restarts at 1 or carries on. The title is not part of the row before.
                k = j + 1
                while k < min(len(content), j + 12) and not (
                    (m := rownum.match(content[k].text)) and int(m.group(1)) in (1, expected)
                ):
                    k += 1
                if k >= min(len(content), j + 12):
                    break
                rows.append((row_start, j))
                row_start = k
                expected = int(rownum.match(content[k].text).group(1)) + 1  # type: ignore[union-attr]
                j = k + 1
                continue
            if _HEADER_TT.match(ln.text):
                # The header repeats on every page: skip it, the numbering carries on.
                k = j + 1
                while k < min(len(content), j + 80) and not (
                    (m := rownum.match(content[k].text)) and int(m.group(1)) == expected
                ):
                    k += 1
                if k >= min(len(content), j + 80):
                    break
                rows.append((row_start, j))
                row_start = k
                expected += 1
                j = k + 1
                continue
            m = rownum.match(ln.text)
            if m and int(m.group(1)) == expected:
                if expected > 1:
                    rows.append((row_start, j))
                row_start = j
                expected += 1
            j += 1
        if expected > 1:
            rows.append((row_start, j))
        read_row = _amend_row_task if amends else _row_task
        tasks = [t for a, b in rows if (t := read_row(text, _row_cells(content, a, b, rownum), gazetteer, find_times))]
        if tasks:
            label = _appendix_label(text, content[i].start) if amends else None
            tables.append(TableTasks(Span(content[first].start, content[j - 1].end), tasks, label))
        i = max(j, i + 1)
    return tables


def _row_cells(content: list[Line], a: int, b: int, rownum: re.Pattern[str] = _ROWNUM) -> list[Line]:
    """The lines of row ``content[a:b]`` after its number (keeping a first cell on the number's line)."""
    head = content[a]
    m = rownum.match(head.text)
    cells = list(content[a + 1 : b])
    if m is not None and m.end() < len(head.text.rstrip()):
        rest = head.text[m.end() :]
        cells.insert(0, Line(head.start + m.end(), head.end, rest, False, False))
    return cells


def _row_task(
    text: str, cells: list[Line], gazetteer: Gazetteer, find_times: Callable[[str, int, int], list[TimeExpr]]
) -> Task | None:
    if not cells:
        return None
    task_end_idx = len(cells)
    bodies: list[BodyMatch] = []
    row_end = cells[-1].end
    covered = -1  # end of the last body found: a body may run over the cell's line break
    for k, ln in enumerate(cells):
        found = [b for b in gazetteer.find(text, ln.start, min(row_end, ln.end + 80)) if b.span.start < ln.end]
        starts_with_body = bool(found) and text[ln.start : found[0].span.start].strip() == ""
        if task_end_idx == len(cells):
            if k > 0 and starts_with_body:
                task_end_idx = k
            else:
                continue
        # The lead and support cells are the run of lines that open with a body; the result
        # column after them ("Đề án trình / Thủ tướng Chính phủ") names bodies too, but not as owners.
        if starts_with_body or ln.start < covered:
            bodies.extend(b for b in found if b.span.end > covered)
            covered = max([covered] + [b.span.end for b in found])
        else:
            break
    span = trim_span(text, cells[0].start, cells[task_end_idx - 1].end)
    if len(span) < 8:
        return None
    rest_start = cells[task_end_idx].start if task_end_idx < len(cells) else span.end
    refs = find_references(text, rest_start, row_end)
    times = [
        e
        for e in find_times(text, rest_start, row_end)
        if (e.end is not None or e.kind == "recurring") and not any(r.span.overlaps(e.span) for r in refs)
    ]
    # A dated deadline wins over "hằng năm"/"thường xuyên" (the result column may say "Báo cáo hằng năm").
    dated = [e for e in times if e.end is not None]
    year = _bare_year(text, cells[task_end_idx:])
    if year is not None:
        dated = sorted([*dated, year], key=lambda e: e.span.start)
    due = dated[0] if dated else (times[0] if times else None)
    owners: list[Owner] = []
    for n, b in enumerate(bodies):
        o = Owner(b.name, "lead" if n == 0 else "support")
        if all(o.name != x.name for x in owners):
            owners.append(o)
    action_m = re.match(r"\s*([\w]+(?:\s+[\w]+)?)", text[span.start : span.end])
    action = " ".join(action_m.group(1).lower().split()) if action_m else None
    return Task(span, None, action, None, due, tuple(owners), (), ())


# The cell naming what to amend: "Khoản 2 Điều 7; điểm b khoản 1", "Mẫu số 7 Phụ lục I", "Toàn bộ".
_PROVISION_RE = re.compile(
    r"(?:Điều|điều)\s+\d|[Kk]hoản\s+\d|[Đđ]iểm\s+[a-zđ]\b|Mẫu\s+số|Phụ\s+lục\s+[IVX\d]|[Tt]oàn\s+bộ|[Bb]ãi\s+bỏ"
)


def _amend_row_task(
    text: str, cells: list[Line], gazetteer: Gazetteer, find_times: Callable[[str, int, int], list[TimeExpr]]
) -> Task | None:
    """One row of a list of documents to amend: the document and its provisions are the task, the
    drafting body (the last column, a body alone on its line(s)) its lead. The deadline is the
    one the document sets for the whole list (see ``TableTasks.appendix``)."""
    if len(cells) < 2:
        return None
    row_end = cells[-1].end
    leads: list[tuple[int, BodyMatch]] = []
    for k, ln in enumerate(cells[1:], 1):
        found = gazetteer.find(text, ln.start, min(row_end, ln.end + 80))
        if not found or text[ln.start : found[0].span.start].strip():
            continue
        body = found[0]
        tail_end = text.find("\n", body.span.end)
        if text[body.span.end : row_end if tail_end < 0 else min(tail_end, row_end)].strip():
            continue  # the body opens a sentence of the title ("Chính phủ quy định …"), not a cell
        leads.append((k, body))
    if not leads:
        return None
    provisions = next((k for k, ln in enumerate(cells) if _PROVISION_RE.search(ln.text)), None)
    # The drafting body follows the provisions; a title line holding only "Chính phủ" comes before them.
    k, lead = next(((k, b) for k, b in leads if provisions is not None and k > provisions), leads[-1])
    span = trim_span(text, cells[0].start, cells[k - 1].end)
    if len(span) < 8:
        return None
    action = "sửa đổi, bổ sung"
    return Task(span, None, action, None, None, (Owner(lead.name, "lead"),), (), ())


_APPENDIX_RE = re.compile(r"(?m)^\s*(?:Phụ\s+lục|PHỤ\s+LỤC)\s+([IVX]+(?:\.\d+)?|\d+)\b")


def _appendix_label(text: str, table_start: int) -> str | None:
    """The label of the appendix a table is printed in ("Phụ lục II" above its title)."""
    found = list(_APPENDIX_RE.finditer(text, max(0, table_start - 600), table_start))
    return found[-1].group(1) if found else None


_YEAR_CELL = re.compile(r"^\s*(?:[Nn]ăm\s+)?((?:19|20)\d{2})(?:\s*$|\s+(?:và|,))")


def _bare_year(text: str, cells: list[Line]) -> TimeExpr | None:
    """A deadline cell holding only a year ("2027") means the end of that year."""
    for ln in cells:
        m = _YEAR_CELL.match(ln.text)
        if m:
            y = int(m.group(1))
            sp = Span(ln.start + m.start(1), ln.start + m.end(1))
            return TimeExpr(sp, text[sp.start : sp.end], "year", date(y, 1, 1), date(y, 12, 31), "during", True)
    return None


_FIELD_RE = re.compile(
    r"\s*(?P<f>Tên\s+nhiệm\s+vụ|Nhiệm\s+vụ|Nội\s+dung(?:\s+nhiệm\s+vụ)?|(?:Cơ\s+quan|Đơn\s+vị)\s+chủ\s+trì|"
    r"(?:Cơ\s+quan|Đơn\s+vị)\s+phối\s+hợp|Thời\s+gian\s+(?:hoàn\s+thành|thực\s+hiện)|Thời\s+hạn(?:\s+hoàn\s+thành)?|"
    r"Tiến\s+độ)\s*:\s*",
    re.IGNORECASE,
)
# Any field label ("Sản phẩm:", "Kinh phí:"): a short heading that ends with a colon.
_LABEL_RE = re.compile(r"^\s*\S+(?:\s+\S+){0,5}\s*:\s*$")


def find_field_tasks(
    text: str,
    sections: Sequence[Section],
    gazetteer: Gazetteer,
    find_times: Callable[[str, int, int], list[TimeExpr]],
) -> list[TableTasks]:
    """Tasks written as numbered field lists; each list is returned with its span."""
    by_parent: dict[int | None, list[Section]] = {}
    for sec in sections:
        by_parent.setdefault(sec.parent, []).append(sec)
    out = []
    for parent, kids in by_parent.items():
        fields: dict[str, tuple[int, int]] = {}
        label_start: dict[str, int] = {}
        for sec in kids:
            m = _FIELD_RE.match(text, sec.body_start, sec.end)
            if m is not None:
                name = " ".join(m.group("f").lower().split())
                key = ("task" if "nhiệm vụ" in name or "nội dung" in name else
                       "lead" if "chủ trì" in name else "support" if "phối hợp" in name else "due")
                # A value ends at a blank line: a page header ("58 / CÔNG BÁO/Số …") may follow it.
                blank = _BLANK_LINE_RE.search(text, m.end(), sec.end)
                fields.setdefault(key, (m.end(), blank.start() if blank else sec.end))
                label_start.setdefault(key, m.start("f"))
        if not ({"lead", "due"} & fields.keys()):
            continue
        whole = Span(min(s.start for s in kids), max(s.end for s in kids))
        if "task" in fields:
            a = label_start["task"]  # the evidence keeps its label: "Tên nhiệm vụ: Xây dựng …"
            b = fields["task"][1]
            task_start = fields["task"][0]
        elif parent is not None and all(_LABEL_RE.match(k.heading) for k in kids):
            item = sections[parent]  # every child is a field: the item itself is the task
            a, b = item.body_start, kids[0].start
            task_start = a
            whole = Span(item.start, whole.end)
        else:
            continue
        span = trim_span(text, a, b)
        while span.end > span.start and text[span.end - 1] in ".;":
            span = Span(span.start, span.end - 1)
        owners: list[Owner] = []
        for key, role in (("lead", "lead"), ("support", "support")):
            if key in fields:
                value = trim_span(text, *fields[key])
                while value.end > value.start and text[value.end - 1] in ".;":
                    value = Span(value.start, value.end - 1)
                # A body the gazetteer does not know is still the labelled owner, as written.
                raw = " ".join(text[value.start : value.end].split())
                owners += [Owner(bm.name, role) for bm in gazetteer.find(text, *fields[key])] or (
                    [Owner(raw, role)] if 2 < len(raw) <= 120 else []
                )
        due = None
        if "due" in fields:
            times = [e for e in find_times(text, *fields["due"]) if e.end is not None or e.kind == "recurring"]
            due = times[0] if times else None
        m2 = re.match(r"\s*(\w+(?:\s+\w+)?)", text[task_start : span.end])
        action = " ".join(m2.group(1).lower().split()) if m2 else None
        out.append(TableTasks(whole, [Task(span, None, action, None, due, tuple(owners), (), ())]))
    return out


_PIPE = " | "
_COLUMNS = (
    ("task", re.compile(r"(?i)nhiệm\s+vụ|nội\s+dung|tên\s+(?:đề\s+án|nhiệm\s+vụ)|công\s+việc")),
    ("lead", re.compile(r"(?i)chủ\s+trì")),
    ("support", re.compile(r"(?i)phối\s+hợp")),
    ("due", re.compile(r"(?i)thời\s+gian|thời\s+hạn|tiến\s+độ|hoàn\s+thành")),
)


def _cells(text: str, line: Line) -> list[Span]:
    out = []
    pos = line.start
    for part in line.text.split(_PIPE):
        out.append(trim_span(text, pos, pos + len(part)))
        pos += len(part) + len(_PIPE)
    return out


def find_pipe_table_tasks(
    text: str,
    lines: list[Line],
    gazetteer: Gazetteer,
    find_times: Callable[[str, int, int], list[TimeExpr]],
) -> list[TableTasks]:
    """Tasks from " | " tables whose header names a task column and a lead or deadline column."""
    out: list[TableTasks] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.text.count(_PIPE) < 2:
            i += 1
            continue
        header = [text[c.start : c.end] for c in _cells(text, ln)]
        cols: dict[str, int] = {}
        for key, pat in _COLUMNS:
            for k, cell in enumerate(header):
                if pat.search(cell) and k not in cols.values():
                    cols.setdefault(key, k)
                    break
        if "task" not in cols or not ({"lead", "due"} & cols.keys()):
            i += 1
            continue
        tasks: list[Task] = []
        j = i + 1
        while j < len(lines) and lines[j].text.count(_PIPE) >= 1:
            cells = _cells(text, lines[j])
            j += 1
            if len(cells) <= cols["task"] or len(cells[cols["task"]]) < 4:
                continue
            span = cells[cols["task"]]
            owners: list[Owner] = []
            for key, role in (("lead", "lead"), ("support", "support")):
                if key in cols and cols[key] < len(cells):
                    c = cells[cols[key]]
                    found = gazetteer.find(text, c.start, c.end)
                    owners += [Owner(b.name, role) for b in found] or (
                        [Owner(text[c.start : c.end], role)] if len(c) > 2 else []
                    )
            due = None
            if "due" in cols and cols["due"] < len(cells):
                c = cells[cols["due"]]
                times = [e for e in find_times(text, c.start, c.end) if e.end is not None or e.kind == "recurring"]
                due = next((e for e in times if e.end is not None), times[0] if times else None)
                if due is None:
                    due = _bare_year(text, [Line(c.start, c.end, text[c.start : c.end], False, False)])
            m = re.match(r"\s*(\w+(?:\s+\w+)?)", text[span.start : span.end])
            action = " ".join(m.group(1).lower().split()) if m else None
            tasks.append(Task(span, None, action, None, due, tuple(owners), (), ()))
        if tasks:
            out.append(TableTasks(Span(ln.start, lines[j - 1].end), tasks))
        i = j
    return out
