"""Tasks: where in a document they are read, one per directive clause with its own action.

Terms:
- a *clause* is a sentence or a ";"-separated part of one inside a task section, cut by
  ``dondoc.core.clauses``; ``dondoc.core.clause_tasks`` reads each into tasks (action, target,
  deadline, owners, items) or into none;
- *owners* are read by ``dondoc.core.owners`` ("X chủ trì, phối hợp với Y", "Giao X …", the
  clause's subject) and ``dondoc.core.headings`` (the body a parent section is addressed to: "2. Giao
  Bộ Xây dựng:"); a ";"-clause without a subject shares its sentence's;
- a *standing duty* is a clause of a legal text's other provisions (outside its task sections) that
  opens with the body that must act ("Trung tâm dịch vụ việc làm thực hiện thu thập …"); under
  headings of scope, conditions, procedures, powers or transition, nothing is.

This is hand-written because the grammar of Vietnamese directives is regular enough to be read by
rules with evidence spans, and no library parses it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dondoc.core.actions import ACTION_RE
from dondoc.core.clause_tasks import CLOSING_RE, Task, TaskContext, tasks_of_clause
from dondoc.core.clauses import split_clauses, split_sentences
from dondoc.core.headings import heading_owners, inherited_owners, is_duty_title
from dondoc.core.kinds import opens_with_office
from dondoc.core.names import names_only_bodies
from dondoc.core.outline import Section, heading_ends_line
from dondoc.core.owners import (
    LEAD_SUPPORT_RE,
    LEADS_RE,
    REPORT_BACK_RE,
    Owner,
    kind_subject_at,
    opens_with_subject,
    owners_of,
)
from dondoc.core.rule_lists import (
    in_competence_article,
    lineage,
    lists_no_duties,
    no_duties_above,
    under_conduct,
    under_criteria,
)
from dondoc.core.sections import is_rewritten, rewritten_item
from dondoc.core.spans import Span
from dondoc.core.vietnamese import compile_vi

__all__ = ["extract_tasks"]

# An article's title that names the work, not who does it.
# "Tổ chức thực hiện", "Trách nhiệm thi hành", "Trách nhiệm phối hợp trong tổ chức thực hiện": a title.
_TITLE_ONLY_RE = compile_vi(
    r"(?i:\W*(?:trách\s+nhiệm(?:\s+[^\W\d]+){0,4}?\s+)?(?:tổ\s+chức\s+(?:thực\s+hiện|thi\s+hành)|thi\s+hành)\W*)"
)
# "1. Về xây dựng và hoàn thiện cơ sở pháp lý": the topic of the items below, not a task.
_TOPIC_RE = compile_vi(r"(?i:\W*(?:về|đối\s+với|trong\s+lĩnh\s+vực|lĩnh\s+vực)\s)")
_TASK_HEADING_RE = compile_vi(r"(?i:\W*(?:các\s+|những\s+)?(?:nhiệm\s+vụ|giải\s+pháp)(?!\s+(?:và\s+quyền\s+hạn\s+)?của)(?!\w))")
_LIST_INTRO_END_RE = compile_vi(
    r"(?i:(?:sau|sau\s+đây|cụ\s+thể|gồm|bao\s+gồm|trách\s+nhiệm|nhiệm\s+vụ|quyền\s+hạn|nội\s+dung|việc|là|giao|đề\s+nghị)\s*:\s*$)"
)
_ITEMS_INTRO_RE = compile_vi(r"(?:như|gồm|sau|công\s+trình|dự\s+án|tại)\s*:\s*|như\s+", re.IGNORECASE)


def _addressee_line(ctx: TaskContext, sec: Section) -> tuple[Owner, ...]:
    """The bodies a section's heading names, when the heading is a line of its own holding only their
    names and the section's text follows under it ("b) Ủy ban nhân dân cấp tỉnh\nChỉ đạo, hướng dẫn …")."""
    if sec.marker is None or sec.is_article:
        return ()
    hs = sec.heading_span
    if not heading_ends_line(ctx.text, sec) or not ctx.text[hs.end : sec.end].strip():
        return ()
    if not names_only_bodies(ctx.text, hs, ctx.bodies_in(hs)):
        return ()
    return heading_owners(ctx.text, ctx.gazetteer, sec)


def _is_duty_title(text: str, sec: Section) -> bool:
    """Whether a section's heading is the title of the duties its text lists, on its own line ("5. Trách
    nhiệm của Bộ Quốc phòng\nPhối hợp với Bộ Công an …"): the title is not part of the task."""
    return (
        sec.marker is not None
        and is_duty_title(sec.heading)
        and heading_ends_line(text, sec)
        and not sec.heading.endswith(":")
        and bool(text[sec.heading_span.end : sec.end].strip())
    )


def _is_title_line(text: str, sec: Section) -> bool:
    """Whether a section's heading is a title on a line of its own over a sentence of its own ("Điều 5.
    Chế độ báo cáo\nSở Y tế báo cáo …", "1. Nội dung công khai\nBộ Kế hoạch và Đầu tư tổ chức …"): an
    article's, one too short to be a sentence wrapped at the line's end, or one wrapped over lines
    that ends with a shorter line of its own."""
    if sec.marker is None or not heading_ends_line(text, sec) or sec.heading.rstrip()[-1:] in ".;:,-/":
        return False
    hs = sec.heading_span
    if not (sec.is_article or len(sec.heading) <= 60 or "\n" in text[hs.start : hs.end]):
        return False  # (a wrapped title ends where its last, shorter line does: see outline._title_end)
    # (not a document number wrapped at the line's end: "… Thông tư số 09/2022/TT-\nBLĐTBXH ngày …")
    words = text[hs.end : sec.end].split(None, 1)
    return bool(words) and words[0][:1].isupper() and not words[0].isupper()


def _is_title(text: str, sec: Section) -> bool:
    """Whether a section's heading is a title on its own line ("Điều 25. Tổ chức thực hiện", "4. Trách
    nhiệm phối hợp trong tổ chức thực hiện"), not the start of its text."""
    if sec.marker is None or not _TITLE_ONLY_RE.fullmatch(sec.heading):
        return False
    return sec.is_article or heading_ends_line(text, sec)


def extract_tasks(ctx: TaskContext) -> list[Task]:
    """All tasks in the task sections of ``ctx.text``."""
    text = ctx.text
    tasks: list[Task] = []
    children: dict[int, list[int]] = {}
    for i, sec in enumerate(ctx.sections):
        if sec.parent is not None:
            children.setdefault(sec.parent, []).append(i)
    owner_cache: dict[int | None, tuple[Owner, ...]] = {}
    for i, sec in enumerate(ctx.sections):
        if sec.kind != "tasks":
            continue
        if (sec.parent is not None and lists_no_duties(ctx.sections[sec.parent].heading)) or under_criteria(ctx.sections, i):
            continue
        if under_conduct(text, ctx.sections, i):
            continue  # how a council meets and votes, unless the item says what it must do ("Hội đồng có nhiệm vụ …")
        kids = children.get(i, [])
        own_end = _own_end(ctx.sections, i, children)
        own_start = sec.body_start
        if _is_title(text, sec):
            own_start = max(own_start, sec.heading_span.end)  # "Điều 25. Tổ chức thực hiện": a title, no task
        addressees = _addressee_line(ctx, sec) if not kids else ()
        if addressees:
            own_start = max(own_start, sec.heading_span.end)  # "b) Ủy ban nhân dân cấp tỉnh\nChỉ đạo …"
        elif not kids and _is_duty_title(text, sec):
            own_start = max(own_start, sec.heading_span.end)  # "Điều 17. Trách nhiệm của Bộ Tài chính\nChủ trì …"
            addressees = heading_owners(ctx.text, ctx.gazetteer, sec)
        elif _is_title_line(text, sec):
            # "1. Nội dung công khai\nBộ Kế hoạch và Đầu tư tổ chức …"; "6. Cục Công nghệ thông tin\nTổ chức …"
            own_start = max(own_start, sec.heading_span.end)
            addressees = heading_owners(ctx.text, ctx.gazetteer, sec)
        seg = text[own_start:own_end].rstrip()
        if not seg.strip():
            continue
        own_end = own_start + len(seg)
        intro = bool(kids) and seg.rstrip().endswith(":")
        acts = intro and _acts_before_its_list(ctx, own_start, own_end)
        if intro and not acts:
            # An introduction to sub-items ("Giao Bộ Xây dựng:", "cụ thể:") is no task, but sentences
            # before the one that introduces ("X tổ chức …. Cung cấp …, gồm các thông tin sau:") are.
            sentences = split_sentences(text, own_start, own_end)
            if len(sentences) < 2:
                continue
            own_end = sentences[-1].start
        flat = " ".join(seg.split())
        # (a duty title over its items may end with a full stop: "1. Nhiệm vụ, quyền hạn của Chủ tịch Hội đồng.")
        only_heading = not acts and (
            flat == sec.heading or (is_duty_title(sec.heading) and flat.rstrip(" .") == sec.heading.rstrip(" ."))
        )
        if kids and only_heading and (heading_owners(ctx.text, ctx.gazetteer, sec) or _TOPIC_RE.match(sec.heading)):
            continue  # a heading that only names the bodies its items are for ("2. Bộ Tài chính") or their topic
        article = sec.is_article
        if kids and only_heading and article and heading_ends_line(text, sec):
            continue  # an article's title over its clauses ("Điều 16. Đại biểu Quốc hội nghiên cứu, xem xét văn bản")
        parent = sec.parent
        if parent not in owner_cache:
            owner_cache[parent] = inherited_owners(ctx.text, ctx.gazetteer, ctx.sections, i)
        inherited = addressees or owner_cache[parent] or ctx.default_owners
        number = _section_number(ctx.sections, i)
        # Legal texts need an owner for a clause to be a task, except under a heading that says
        # the section holds tasks ("II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU").
        # So does a rewritten provision that opens with its action: its body is named in the
        # amended article, which the amending text does not quote.
        needs_owner = ctx.require_owner and not _under_task_heading(ctx.sections, i) and not rewritten_item(sec, ctx.sections)
        # A clause without a subject of its own shares the subject of the clause before it in the
        # same paragraph ("Bộ Xây dựng chủ trì kiểm tra …; giám sát các cơ sở …").
        previous: tuple[Owner, ...] = ()
        last_end = -1
        powers = in_competence_article(ctx.sections, i)
        deciding = False
        subjects_from: int | None = None
        for cspan in split_clauses(ctx.prose or text, own_start, own_end):
            if subjects_from is not None:
                cspan, subjects_from = Span(subjects_from, cspan.end), None
            if _only_bodies(ctx, cspan) and text[cspan.end : own_end].lstrip().startswith(";"):
                # "Sở Giáo dục và Đào tạo, Sở Y tế; Phòng Văn hóa - xã hội phối hợp …": subjects listed
                # with a ";" are one clause's
                subjects_from = cspan.start
                continue
            if powers and (
                _DECIDES_RE.match(text, cspan.start, cspan.end) or (deciding and text[last_end : cspan.start].strip() == ";")
            ):
                # "Quyết định thành lập …; tổ chức hành chính của …" under "Thẩm quyền …": a power, not a task
                last_end, previous, deciding = cspan.end, (), True
                continue
            deciding = False
            # … and so does a next sentence of the same paragraph that opens with its verb ("Bộ Tài
            # chính tổ chức …. Cung cấp, chia sẻ báo cáo …"): only a full stop between, no bullet.
            shared = _shared_subject(text, previous, last_end, cspan.start)
            found = tasks_of_clause(ctx, cspan, number, shared or inherited, needs_owner=needs_owner)
            tasks.extend(found)
            # "Bộ Giáo dục và Đào tạo là cơ quan đầu mối, chịu trách nhiệm trước Chính phủ; chủ trì, …":
            # no task, but the clause after it shares its subject
            # ("…; chịu trách nhiệm toàn diện về …; hướng dẫn, thanh tra …": the subject carries on)
            previous = tuple(o for o in found[-1].owners if o.role == "lead") if found else (_subject_of(ctx, cspan) or shared)
            last_end = cspan.end
    tasks.extend(_assigned_in_rules(ctx, children))
    if ctx.require_owner:
        tasks.extend(_standing_duties(ctx, children))
    tasks.sort(key=lambda t: t.span.start)
    return tasks


def _standing_duties(ctx: TaskContext, children: dict[int, list[int]]) -> list[Task]:
    """Clauses of a legal text's other provisions that open with the body that must act ("Trung tâm
    dịch vụ việc làm thực hiện thu thập …", "Bộ Tài chính có trách nhiệm hướng dẫn …")."""
    text = ctx.text
    out: list[Task] = []
    intros: dict[int, tuple[Owner, ...]] = {}  # a provision's intro, read once for it and its items

    def intro(p: int) -> tuple[Owner, ...]:
        if p not in intros:
            intros[p] = _intro_owners(ctx, p, children)
        return intros[p]

    for i, sec in enumerate(ctx.sections):
        if sec.kind != "other" or sec.marker is None or no_duties_above(ctx.sections, i):
            continue
        if i in children and intro(i):
            continue  # "Sở … thực hiện … theo quy định sau:": its items are the duties
        own_start = sec.body_start
        addressed: tuple[Owner, ...] = ()
        if _is_title_line(text, sec):
            # "2. Cục Công nghệ thông tin\nTổ chức nâng cấp …": the body the text under it is for
            own_start = max(own_start, sec.heading_span.end)
            addressed = heading_owners(ctx.text, ctx.gazetteer, sec)
        elif _is_title(text, sec) or (sec.is_article and heading_ends_line(text, sec)):
            own_start = max(own_start, sec.heading_span.end)
        if not addressed and sec.parent is not None:
            addressed = intro(sec.parent)
        previous: tuple[Owner, ...] = ()
        last_end = -1
        for cspan in split_clauses(ctx.prose or text, own_start, _own_end(ctx.sections, i, children)):
            bodies = ctx.bodies_in(cspan)
            inherited: tuple[Owner, ...] = ()
            subject_start = cspan.start
            # "Hằng năm, trường cao đẳng phải tổ chức kiểm kê …. Chấp hành đầy đủ …; công khai tài chính …":
            # a clause that opens with its verb, right after a duty, is its subject's too
            shared = _shared_subject(text, previous, last_end, cspan.start)
            previous, last_end = (), cspan.end
            if bodies and not text[cspan.start : bodies[0].span.start].strip():
                subject_end = bodies[0].span.end
            elif (kind := kind_subject_at(text, cspan, after_opener=True, after_case=False)) is not None:
                subject_start, subject_end = kind[1].start, kind[1].end  # (after an opening phrase, where it is written)
            elif (addressed or shared) and ACTION_RE.match(text, cspan.start):
                inherited, subject_end = addressed or shared, cspan.start
            else:
                continue
            if _NOT_STANDING_RE.search(text, subject_start, min(cspan.end, subject_end + 40)):
                continue
            found = tasks_of_clause(ctx, cspan, _section_number(ctx.sections, i), inherited, needs_owner=True)
            out.extend(found)
            previous = tuple(o for o in found[-1].owners if o.role == "lead") if found else ()
    return out


# A provision's text that only names the case its items are for ("Đối với đối tượng quy định tại …:").
_CASE_INTRO_RE = compile_vi(r"(?i:\W*(?:đối\s+với|trường\s+hợp|trong\s+trường\s+hợp)\s[^.;:]*:\s*)")
# The sentence over a provision's items that names who does them: "2. Sở Giao dịch Chứng khoán Hà Nội có
# trách nhiệm:", "Trong thời hạn …, Sở Giao dịch Chứng khoán Hà Nội thực hiện … theo quy định sau:".
_INTRO_RE = compile_vi(
    r"(?i:[^.:;]{2,400}?(?:\s(?:có|chịu)\s+trách\s+nhiệm(?!\s+(?:thi\s+hành|về|trước))[^.:;]{0,80}|(?<!\snhư)\ssau(?:\s+đây)?)\s*:\s*$)"
)


def _intro_owners(ctx: TaskContext, p: int, children: dict[int, list[int]]) -> tuple[Owner, ...]:
    """The leads that a provision's own text, a sentence that opens with its subject and ends with ":"
    over the items ("Sở Giao dịch Chứng khoán Hà Nội có trách nhiệm:"), gives the items that open with
    their verb."""
    parent = ctx.sections[p]
    if parent.kind != "other" or parent.marker is None or parent.is_article:
        return ()
    span = Span(parent.body_start, _own_end(ctx.sections, p, children))
    if not _INTRO_RE.match(ctx.text, span.start, span.end) or _NOT_STANDING_RE.search(ctx.text, span.start, span.end):
        return ()  # (not "Trường … được liên kết đào tạo các trình độ sau:", a permission)
    bodies = ctx.bodies_in(span)
    kind = kind_subject_at(ctx.text, span, after_opener=True, after_case=False)
    if not opens_with_subject(ctx.text, span, bodies) and kind is None:
        return ()
    return tuple(o for o in owners_of(ctx.text, ctx.gazetteer, span, ()) if o.role == "lead")


def _shared_subject(text: str, previous: tuple[Owner, ...], last_end: int, start: int) -> tuple[Owner, ...]:
    """The leads of the clause that ended at ``last_end`` (-1: none), when the clause at ``start`` goes
    on with them: after ";", or after "." when it opens with its verb."""
    gap = text[last_end:start].strip() if last_end >= 0 else "-"
    return previous if gap == ";" or (gap == "." and ACTION_RE.match(text, start)) else ()


# A provision's clause that grants or decides rather than binds: "Trường trung cấp tự chủ xác định …",
# "Thủ trưởng tổ chức thu phí quyết định việc …", "Cơ quan … được phép khai thác …" (not the "được" of
# "số tiền thu được", "nhận được").
_NOT_STANDING_RE = compile_vi(
    r"(?i:(?<!\w)(?:(?<!thu\s)(?<!nhận\s)được(?!\s+giao)|có\s+quyền|có\s+thể|tự\s+(?:chủ|bảo\s+đảm|đảm\s+bảo)|"
    r"(?<!theo\s)(?<!tại\s)(?<!các\s)quyết\s+định(?!\s+(?:số|này|của|\d))|thẩm\s+quyền|vi\s+phạm)(?!\w))"
)
def _assigned_in_rules(ctx: TaskContext, children: dict[int, list[int]]) -> list[Task]:
    """Sentences of an implementation section's own text that assign work to a named body ("Người
    đã được tuyển … thì không chuyển …. Bộ Nội vụ chủ trì, phối hợp với Bộ Tài chính … hướng dẫn …"),
    though the section as a whole states rules (transition, closing formula); and so in a provision
    an amending text rewrites."""
    text = ctx.text
    out: list[Task] = []
    for i, sec in enumerate(ctx.sections):
        rewritten = sec.kind == "other" and is_rewritten(sec, ctx.sections)
        if sec.kind != "implementation" and not rewritten:
            continue
        for sent in split_sentences(text, sec.body_start, _own_end(ctx.sections, i, children)):
            if CLOSING_RE.search(text, sent.start, sent.end):
                continue
            if not rewritten and REPORT_BACK_RE.search(text, sent.start, sent.end):
                # "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các cơ quan … phản ánh về Bộ …":
                # a standing duty to report back, after the closing formula or the entry into force
                out.extend(tasks_of_clause(ctx, sent, _section_number(ctx.sections, i), (), needs_owner=False))
                continue
            if not (LEADS_RE if rewritten else LEAD_SUPPORT_RE).search(text, sent.start, sent.end):
                continue
            bodies = ctx.bodies_in(sent)
            if rewritten:
                # a rewritten provision that defines or rules may go on to assign work ("“14. Sản phẩm
                # xuất khẩu là … . Trong trường hợp cần thiết …, Bộ Công Thương xác định và đề xuất …")
                if not opens_with_subject(text, sent, bodies):
                    continue
            elif not bodies or text[sent.start : bodies[0].span.start].strip():
                continue  # the body that leads opens the sentence
            leads: tuple[Owner, ...] = ()
            for cspan in split_clauses(ctx.prose or text, sent.start, sent.end):
                # a clause after ";" without a subject of its own shares the sentence's ("…; hướng dẫn mẫu hợp đồng")
                found = tasks_of_clause(ctx, cspan, _section_number(ctx.sections, i), leads, needs_owner=True)
                out.extend(found)
                if found:
                    leads = tuple(o for o in found[-1].owners if o.role == "lead")
    return out


def _own_end(sections: Sequence[Section], i: int, children: dict[int, list[int]]) -> int:
    """Where section ``i``'s own text ends: at its first sub-section, or at its end."""
    kids = children.get(i)
    return sections[kids[0]].start if kids else sections[i].end


def _acts_before_its_list(ctx: TaskContext, start: int, end: int) -> bool:
    """ "2. Thủ tướng Chính phủ báo cáo công tác, giải trình … hoặc vắng mặt:" is a duty of its own
    before the steps listed under it; "Bộ Y tế có trách nhiệm:", "… các nhiệm vụ sau:" only introduce."""
    intro = ctx.text[start:end]
    if len(intro.split()) < 12 or _LIST_INTRO_END_RE.search(intro) or _CASE_INTRO_RE.fullmatch(intro):
        return False  # (nor "5. Đối với đối tượng quy định tại các điểm g, h … (trừ … do Bộ Quốc phòng quản lý):", a case)
    bodies = ctx.gazetteer.find(ctx.text, start, end)
    return opens_with_subject(ctx.text, Span(start, end), bodies) and bool(ACTION_RE.search(intro))


def _under_task_heading(sections: Sequence[Section], i: int) -> bool:
    return any(_TASK_HEADING_RE.match(sec.heading) for sec in lineage(sections, i))


# A clause that decides, or submits for a decision, case by case: "Quyết định thành lập …",
# "Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định …".
_DECIDES_RE = compile_vi(r"(?i:[^.;:]{0,140}?(?<!\w)quyết\s+định(?!\s+(?:số|này|của))\s+(?:việc\s+)?[^\W\d])")


def _section_number(sections: Sequence[Section], i: int) -> str | None:
    return next((sec.number for sec in lineage(sections, i) if sec.number), None)


def _subject_of(ctx: TaskContext, span: Span) -> tuple[Owner, ...]:
    """The leads a clause opens with ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ là người phát ngôn …")."""
    bodies = ctx.bodies_in(span)
    if not bodies:
        return ()
    if not (opens_with_subject(ctx.text, span, bodies) or opens_with_office(ctx.text[span.start : span.end])):
        return ()
    return tuple(o for o in owners_of(ctx.text, ctx.gazetteer, span, (), bodies=bodies) if o.role == "lead")


def _only_bodies(ctx: TaskContext, span: Span) -> bool:
    return names_only_bodies(ctx.text, span, ctx.bodies_in(span))
