"""Owners: which bodies lead or support a task, read from its clause.

Sources, in order: "X chủ trì, phối hợp với Y" (lead X, support Y); "Giao/Đề nghị X, Y …" (every
listed body leads); a request to report back (those asked, not the ministry told); the clause's
subject (the bodies before its first action, after an opening phrase such as "Trên cơ sở …,"), or
one named by its kind (``kinds``); else those its section inherits from the headings above it
(``headings``) or the letter's addressees. ``names`` says how a body found is named.

Hand-written for the same reason as the task rules: no library reads Vietnamese directive syntax.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from dondoc.core.actions import ACTION_RE
from dondoc.core.gazetteer import OFFICE_TITLES, BodyMatch, Gazetteer
from dondoc.core.kinds import (
    GLUED_FOOTNOTE_RE,
    MODAL_RE,
    OFFICE_START_RE,
    ORG_KIND_RE,
    RESPONSIBLE_RE,
    action_after_kind,
    kind_subject_names,
    names_organisations,
    split_names,
    unjoined,
)
from dondoc.core.names import LIST_SEP_RE, body_name, list_at, listed_ministries, names_of_list
from dondoc.core.openers import DUTY_OF_RE, OPENER_RE, TIME_OPENER_RE
from dondoc.core.spans import Span
from dondoc.core.vietnamese import compile_vi

__all__ = [
    "DIRECTS_FIRST_RE",
    "LEADS_RE",
    "LEAD_SUPPORT_RE",
    "REPORT_BACK_RE",
    "Owner",
    "assigns_to_bodies",
    "first_action",
    "kind_subject",
    "kind_subject_at",
    "names_a_duty_holder",
    "opens_with_kind_subject",
    "opens_with_subject",
    "owners_of",
    "subject_bodies",
]


# A request to report back: "nếu có vướng mắc, đề nghị (các cơ quan …) (kịp thời) phản ánh …", or
# "nếu có vướng mắc, các tổ chức … phản ánh về Bộ …" (the troubles, then those who report, then to whom).
_TROUBLE = r"vướng\s+mắc|khó\s+khăn|chưa\s+phù\s+hợp"

REPORT_BACK_RE = compile_vi(
    rf"(?i:(?:{_TROUBLE})[^.;]{{0,160}}?(?:(?P<req>đề\s+nghị)[^.;]{{0,120}}?)?"
    r"(?P<verb>phản\s+ánh|gửi\s+ý\s+kiến|báo\s+cáo)(?:\s*,\s*(?:gửi\s+ý\s+kiến|báo\s+cáo))?"
    r"(?(req)|(?:\s+kịp\s+thời)?\s+(?:về|cho|đến|tới)\s))"
)

# The condition a request to report back opens with, up to its comma ("nếu có khó khăn, vướng mắc,").
_TROUBLE_RE = compile_vi(rf"(?i:(?:{_TROUBLE})(?:\s*\([^)]{{0,20}}\))?\s*,?)")

# Where what a request asks for starts: a directive verb, to report back, or its manner
# ("đề nghị … kịp thời phản ánh về Bộ …").
_ASKED_RE = compile_vi(rf"{ACTION_RE.pattern}|(?<!\w)(?i:phản\s+ánh|kịp\s+thời)(?!\w)")

# An office-holder's title before the body ("Bộ trưởng Bộ Công an", "Chủ tịch Ủy ban nhân dân tỉnh").
_OFFICE_RE = compile_vi(rf"\s*{OFFICE_TITLES}\s*$")

_OF_RE = compile_vi(r"(?i:(?<!\w)của\s+$)")

# A body that receives what the clause sends or reports: "gửi Bộ Y tế", "báo cáo về Bộ Tài chính".
_TO_RE = compile_vi(r"(?i:(?<!\w)(?:gửi|gửi\s+về|về|cho|đến|tới|trình|báo\s+cáo)\s+$)")

_HELPS_RE = compile_vi(r"(?i:\W*(?:giúp|tham\s+mưu(?:\s*,\s*giúp)?|phục\s+vụ|hỗ\s+trợ)\s+(?:cho\s+)?$)")

# "Kiểm soát viên", "Thanh tra viên": a verb made a person's title by "viên".
_AGENT_NOUN_RE = compile_vi(r"(?i:\s*[^\W\d]+\s+[^\W\d]+\s+viên(?!\w))")

_SENDS_RE = compile_vi(r"(?i:(?:báo\s+cáo|gửi)(?!\w))")

_REQUEST_RE = compile_vi(r"(?i:\b(?:đề\s+nghị|yêu\s+cầu|kính\s+đề\s+nghị)\b)")

# "X chủ trì, phối hợp với Y …": X leads, Y supports.
LEAD_SUPPORT_RE = compile_vi(r"chủ\s+trì\s*,?\s*(?:và\s+)?phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?", re.IGNORECASE)

_SUPPORT_RE = compile_vi(r"(?i:phối\s+hợp(?:\s+chặt\s+chẽ)?\s+với)")

# "… chủ trì …": the body before it leads.
LEADS_RE = compile_vi(r"(?i:(?<!\w)chủ\s+trì(?!\w))")

DIRECTS_FIRST_RE = compile_vi(r"\s*(?i:chỉ\s+đạo)\s+")

_NOUN_REQUEST_RE = compile_vi(r"(?i:(?:theo|có|các|của|căn\s+cứ|hồ\s+sơ|văn\s+bản|được|và|với|đối)\s+$)")

_CO_LEAD_RE = compile_vi(r"(?i:đồng\s+chủ\s+trì\s+với\s+)")

_ASSIGN_RE = compile_vi(r"(?:^|[\s(])(?:Giao|giao|Đề\s+nghị|đề\s+nghị|Yêu\s+cầu|yêu\s+cầu|Phân\s+công|phân\s+công)\s+$")

# "Giao Chính phủ:", "Đề nghị Bộ Y tế …", "Phân công Ủy ban Pháp luật …": a clause or heading that assigns.
_ASSIGNS_RE = compile_vi(r"(?i:\s*(?:giao|đề\s+nghị|yêu\s+cầu|phân\s+công)\s+)")


@dataclass(frozen=True, slots=True)
class Owner:
    name: str
    role: str  # lead | support | monitor

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


def assigns_to_bodies(text: str, span: Span, bodies: list[BodyMatch]) -> bool:
    """Whether the heading or clause at ``span`` opens by assigning work to the bodies named next
    ("Giao Chính phủ:", "Phân công Ủy ban Pháp luật chủ trì …")."""
    m = _ASSIGNS_RE.match(text, span.start, span.end)
    return m is not None and any(b.span.start == m.end() for b in bodies)


def names_a_duty_holder(sentence: str) -> bool:
    """Whether ``sentence`` opens with an organisation that has a duty ("Cơ quan có thẩm quyền quản lý
    công chức có trách nhiệm thống kê …"), which the gazetteer may not know."""
    m = RESPONSIBLE_RE.match(sentence)
    return m is not None and names_organisations(m.group("who")) and not ACTION_RE.match(m.group("who"))


def opens_with_kind_subject(text: str, span: Span) -> bool:
    """Whether the clause at ``span`` opens with an organisation the gazetteer may not know, named by
    its kind, that leads the work ("Tổng cục Thống kê chủ trì, phối hợp …")."""
    if not kind_subject(text, span):
        return False
    kind = ORG_KIND_RE.match(text, span.start, span.end)
    act = action_after_kind(text, span.start, kind.end() if kind is not None else span.start, span.end)
    return act is not None and LEADS_RE.match(text, act.start(), span.end) is not None


def first_action(text: str, start: int, end: int, bodies: list[BodyMatch]) -> int | None:
    """Where the first directive verb of the clause ``text[start:end]`` starts, skipping words of a
    body's name ("Bộ Giáo dục và Đào tạo", "Bộ Xây dựng"). The clause is read on its own: a capital
    "Quyết định" opening it is the verb."""
    for m in ACTION_RE.finditer(text[start:end]):
        a, b = start + m.start(), start + m.end()
        if _not_the_verb(text, m.group("a"), max(start, a - 120), a):
            continue
        if not any(x.span.start < b and a < x.span.end for x in bodies):
            return a
    return None


# Verbs that the words right before them make part of a noun or of a document's name, each with a
# pattern of those words (matched at their end):
# - "dự án đầu tư", "chủ đầu tư", "hạn mức đầu tư", "quỹ đầu tư": a noun, not "to invest";
# - "danh mục … do Bộ trưởng … ban hành", "người … đã ban hành văn bản", "ký ban hành": a document
#   issued, not the work to issue one;
# - "quỹ tiền lương thực hiện", "so với thực hiện năm trước": an amount realised, not "to carry out".
_NOT_THE_VERB = (
    (
        compile_vi(r"(?i:đầu\s+tư)"),
        compile_vi(
            r"(?i:(?<!\w)(?:chủ|nhà|dự\s+án|vốn|quỹ|hạn\s+mức|công\s+ty|kế\s+hoạch|chương\s+trình|phân\s+kỳ|chiến\s+lược|"
            r"hoạt\s+động|danh\s+mục|suất|tổng\s+mức|chủ\s+trương|nguồn|hồ\s+sơ|ưu\s+đãi|lĩnh\s+vực|thủ\s+tục|"
            r"giấy\s+chứng\s+nhận\s+đăng\s+ký|chi)\s+$)"
        ),
    ),
    (compile_vi(r"(?i:ban\s+hành)"), compile_vi(r"(?i:(?:(?<!\w)do\s[^,.;:()]{2,100}?|(?<!\w)(?:đã|được|ký))\s+$)")),
    # "quỹ tiền lương thực hiện", "thù lao thực hiện", "so với thực hiện năm trước": the amount realised
    (compile_vi(r"(?i:thực\s+hiện)"), compile_vi(r"(?i:(?<!\w)(?:tiền\s+lương|thù\s+lao|tiền\s+thưởng|so\s+với)\s+$)")),
)


def _not_the_verb(text: str, action: str, start: int, at: int) -> bool:
    """Whether the action found at ``at`` is a word of a noun or of a document's name (``_NOT_THE_VERB``)."""
    return any(verb.fullmatch(action) and before.search(text, start, at) for verb, before in _NOT_THE_VERB)


def subject_bodies(text: str, start: int, bodies: list[BodyMatch], end: int) -> list[BodyMatch]:
    """Bodies that stand before the first action of the clause (its subject).

    After an opening phrase ("Trên cơ sở đề xuất của các bộ, Bộ Tài chính tổng hợp …") only the list
    of bodies that runs up to the action is the subject; a body after "của" and those before it
    belong to the opening phrase.
    """
    at = first_action(text, start, end, bodies)
    limit = end if at is None else at
    subj = [b for b in bodies if b.span.start < limit]
    if not OPENER_RE.match(text, start, end):
        # The subject is the list of bodies the clause opens with; a body further on is an object
        # ("Bộ Nông nghiệp và Môi trường là cơ quan đầu mối giúp Chính phủ …").
        if subj and _HELPS_RE.match(text, start, subj[0].span.start):
            return []  # "Giúp Hội đồng bầu cử quốc gia theo dõi …": the body helped is no subject
        return list_at(text, subj, subj[0].span.start) if subj else []
    # "Căn cứ tình hình thực tế, tiếp tục nghiên cứu …": the verb right after the opening phrase
    # has no subject of its own (it is the addressed body's, from the heading or the letter).
    comma = text.find(",", start, end)
    while comma != -1 and any(b.span.start <= comma < b.span.end for b in bodies):
        comma = text.find(",", comma + 1, end)  # a comma inside "các bộ, ngành" does not end the phrase
    if comma != -1:
        k = comma + 1
        while k < end and text[k].isspace():
            k += 1
        if ACTION_RE.match(text, k, end) and not _subject_after_comma(text, k, end, bodies):
            return []
    # The predicate is the first action that follows a body closely; actions inside the opening
    # phrase ("Trên cơ sở đề xuất của …") have no body before them.
    ends = [b.span.end for b in bodies]  # bodies do not overlap: ends are sorted
    for a in ACTION_RE.finditer(text, start, end):
        n = bisect.bisect_right(ends, a.start())
        if n < len(bodies) and bodies[n].span.start <= a.start():
            continue  # a word of a body's name ("Bộ Kế hoạch và Đầu tư")
        if n and len(text[ends[n - 1] : a.start()].split()) <= 10:
            subj = bodies[:n]
            break
    else:
        return []
    run: list[BodyMatch] = []
    for b in reversed(subj):
        if run and not LIST_SEP_RE.fullmatch(text, b.span.end, run[0].span.start):
            break
        if _OF_RE.search(text, max(start, b.span.start - 8), b.span.start):
            break
        run.insert(0, b)
    return run


def _subject_after_comma(text: str, start: int, end: int, bodies: list[BodyMatch]) -> bool:
    """Whether a body after a later comma acts ("Căn cứ Quyết định giao, điều chỉnh kế hoạch … của Thủ
    tướng Chính phủ, Bộ Kế hoạch và Đầu tư thực hiện nhập …"): the verbs after the opening phrase's
    first comma were then still part of it."""
    for b in bodies:
        if b.span.start > start and text[start : b.span.start].rstrip().endswith(","):
            act = ACTION_RE.search(text, b.span.end, end)
            if act is not None and len(text[b.span.end : act.start()].split()) <= 3:
                return True
    return False


def opens_with_subject(text: str, span: Span, bodies: list[BodyMatch]) -> bool:
    """Whether the sentence at ``span`` opens with the bodies it is addressed to (its subject),
    possibly after an opening phrase ("Trên cơ sở …, Bộ Tài chính tổng hợp …")."""
    if not bodies:
        return False
    before = text[span.start : bodies[0].span.start]
    if not before.strip() or _OFFICE_RE.fullmatch(before):
        return True
    return bool(OPENER_RE.match(text, span.start, span.end)) and bool(subject_bodies(text, span.start, bodies, span.end))


def _requesting(text: str, span: Span) -> re.Match[str] | None:
    """The request verb of "Bộ Tài chính đề nghị các đơn vị …", when it is the clause's main verb:
    before its first action, and not a noun ("theo đề nghị của …", "khi có đề nghị")."""
    act = ACTION_RE.search(text, span.start, span.end)
    for m in _REQUEST_RE.finditer(text, span.start, act.start() if act else span.end):
        if not _NOUN_REQUEST_RE.search(text, max(span.start, m.start() - 12), m.start()):
            return m
    return None


def _reporting_back(text: str, span: Span, bodies: list[BodyMatch], back: re.Match[str]) -> list[Owner]:
    """The leads of a request to report back: those asked ("… vướng mắc, đề nghị các cơ quan, doanh
    nghiệp … phản ánh về Bộ X") or named before the verb ("… vướng mắc, Công an đơn vị, địa phương
    báo cáo về Bộ Công an"), by their kind if need be; none when the request names no one. Bộ X
    receives the reports, it does not act."""
    verb = back.start("verb")
    if back.group("req") is not None:
        start = back.end("req")
        verb = _asked_verb(text, start, span.end)
    else:
        start = max((m.end() for m in _TROUBLE_RE.finditer(text, span.start, verb)), default=span.start)
    asked = [b for b in bodies if start <= b.span.start and b.span.end <= verb]
    if asked:
        return [Owner(n, "lead") for n in names_of_list(text, asked)]
    who = MODAL_RE.split(" ".join(text[start:verb].split()).rstrip(" ,"), 1)[0]  # ("… có liên quan | cần phản ánh")
    # ("… vướng mắc hoặc có vấn đề mới phát sinh, các cơ quan, tổ chức, cá nhân phản ánh …": those who
    # report stand after the last part of the condition)
    for cut in [0, *(k + 1 for k, c in enumerate(who) if c == ",")]:
        part = who[cut:].strip()
        if part and names_organisations(part[:1].upper() + part[1:]):
            return [Owner(n, "lead") for n in split_names(part)]
    if back.group("req") is not None and not text[start:verb].strip():
        # "… các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này. Trong quá
        # trình thực hiện nếu có vướng mắc, đề nghị phản ánh về Bộ …": those who carry it out report back.
        closings = list(_RELATED_CLOSING_RE.finditer(text, max(0, span.start - _CLOSING_REACH), span.start))
        if closings:
            return [Owner(" ".join(closings[-1].group("who").split()), "lead")]
    return []


# The parties a closing formula names last: "… và các cơ quan, tổ chức, cá nhân có liên quan chịu trách
# nhiệm thi hành Thông tư này".
_RELATED_CLOSING_RE = compile_vi(
    r"(?P<who>(?i:các\s+)?(?i:cơ\s+quan)(?:\s*,\s*(?i:tổ\s+chức|đơn\s+vị|doanh\s+nghiệp))+(?:\s*,\s*|\s+và\s+)"
    r"(?i:cá\s+nhân)\s+có\s+liên\s+quan)\s+(?:chịu\s+trách\s+nhiệm\s+)?(?:thi\s+hành|thực\s+hiện)"
)

_CLOSING_REACH = 600  # how far before a request to report back its closing formula may stand


def _asked_verb(text: str, start: int, end: int) -> int:
    """Where the verb a request asks for starts ("đề nghị các cơ quan, tổ chức, cá nhân phản ánh …":
    at "phản ánh"; "tổ chức" after a comma is a name); ``end`` when there is none."""
    act = unjoined(_ASKED_RE, text, start, end, _ASKED_RE.search(text, start, end))
    while act is not None and _PARTIES_RE.match(text, act.start(), end) and _THE_RE.fullmatch(text, start, act.start()):
        act = _ASKED_RE.search(text, act.end(), end)  # "đề nghị (các) tổ chức, cá nhân phản ánh …": those asked
    return act.start() if act is not None else end


# "tổ chức, cá nhân", "tổ chức và cá nhân": parties, not the verb "tổ chức".
_PARTIES_RE = compile_vi(r"(?i:tổ\s+chức\s*(?:,|\s+và)\s*cá\s+nhân)")

_THE_RE = compile_vi(r"\s*(?i:các\s+)?")


def _opening_body(text: str, span: Span, bodies: list[BodyMatch]) -> BodyMatch | None:
    """The body the clause opens with, if any, after a duty label or a time opener ("Trách nhiệm của
    Tòa án nhân dân tối cao: Hằng năm, Tòa án nhân dân tối cao có trách nhiệm …")."""
    head = span.start
    if DUTY_OF_RE.match(text, head, span.end) is not None:
        colon = text.find(":", head, min(span.end, head + 200))
        if colon != -1:
            head = colon + 1
    opener = TIME_OPENER_RE.match(text, head, span.end)
    head = opener.end() if opener is not None else head
    first = next((b for b in bodies if b.span.start >= head), None)
    return first if first is not None and not text[head : first.span.start].strip() else None


def owners_of(
    text: str, gazetteer: Gazetteer, span: Span, inherited: tuple[Owner, ...], *, bodies: list[BodyMatch] | None = None
) -> tuple[Owner, ...]:
    """The owners of the clause at ``span``; ``inherited`` are its section's (or sentence's) leads;
    ``bodies``, when given, are the bodies ``gazetteer`` finds in it."""
    if bodies is None:
        bodies = gazetteer.find(text, span.start, span.end)
    owners: list[Owner] = []
    ls = LEAD_SUPPORT_RE.search(text, span.start, span.end)
    if ls:
        leads = [b for b in bodies if b.span.end <= ls.start()]
        # Only the bodies right before "chủ trì" lead; earlier ones belong to another clause.
        leads = leads[-3:]
        stop = ACTION_RE.search(text, ls.end(), span.end)
        support_end = span.end
        if stop:
            # Supporting bodies run until the next verb after the "phối hợp với" list.
            nxt = ACTION_RE.search(text, stop.end(), span.end) if stop.start() == ls.end() else stop
            support_end = nxt.start() if nxt else span.end
        supports = [b for b in bodies if ls.end() <= b.span.start < support_end]
        if DIRECTS_FIRST_RE.match(text, span.start, ls.start()) and any(o.role == "lead" for o in inherited):
            # "a) Ủy ban nhân dân cấp tỉnh / Chỉ đạo Sở Lao động - … chủ trì, phối hợp …": the body whose
            # item this is directs, the body directed leads the work under it
            leads = []
        # "Tổng cục Thống kê chủ trì, …": a lead the gazetteer does not know, named by its kind.
        owners += (
            [Owner(n, "lead") for n in names_of_list(text, leads)]
            or list(kind_subject(text, span))
            or [o for o in inherited if o.role == "lead"]
        )
        owners += [Owner(body_name(text, b), "support") for b in supports]
    elif (back := REPORT_BACK_RE.search(text, span.start, span.end)) is not None:
        # (no one named: the section's bodies, or no one when it has none)
        owners += _reporting_back(text, span, bodies, back) or [o for o in inherited if o.role == "lead"]
    else:
        prev: BodyMatch | None = None
        for b in bodies:
            before = text[max(span.start, b.span.start - 12) : b.span.start]
            # "Giao Bộ Y tế, Bộ Tài chính …": every body of the list after "Giao" is assigned.
            listed = (
                prev is not None
                and owners
                and owners[-1].name == prev.name
                and LIST_SEP_RE.fullmatch(text, prev.span.end, b.span.start)
            )
            assign = _ASSIGN_RE.search(before)
            at = b.span.start - len(before) + assign.start() if assign is not None else 0
            # "X có trách nhiệm tổng hợp dự toán, đề nghị Chính phủ trình …": a request after the
            # subject's own action is part of that action, not the assignment of the clause.
            if assign is not None:
                subject = _opening_body(text, span, bodies)
                if subject is None and OPENER_RE.match(text, span.start, span.end):
                    # ("Trường hợp phát hiện …, Bộ Kế hoạch và Đầu tư có ý kiến … gửi Bộ Tài chính để yêu cầu
                    # Kho bạc Nhà nước tạm dừng …": the subject after the opening phrase)
                    subject = next(iter(subject_bodies(text, span.start, bodies, span.end)), None)
                if subject is not None and subject.span.end <= at and ACTION_RE.search(text, subject.span.end, at):
                    assign = None
            if assign is not None or listed:
                owners.append(Owner(body_name(text, b), "lead"))
            prev = b
        if not owners:
            owners += [Owner(n, "lead") for n in listed_ministries(text, span.start, span.end, gazetteer)]
        if not owners:
            subj = subject_bodies(text, span.start, bodies, span.end)
            if inherited and subj and all(_TO_RE.search(text, max(span.start, b.span.start - 12), b.span.start) for b in subj):
                # "b) Định kỳ 06 tháng báo cáo … gửi Bộ Lao động - Thương binh và Xã hội để theo dõi" under
                # the body whose duties these are: the ministry receives the report.
                subj = []
            elif inherited and subj and _reports_before(text, span.start, subj[0].span.start, bodies):
                # "Định kỳ 06 tháng, …, báo cáo về Cục Việc làm (…) và Ủy ban nhân dân cấp tỉnh về tình hình thực
                # hiện …": the clause reports before it names them; they receive the report
                subj = []
            req = _requesting(text, span)
            if req is not None:
                # "Bộ Tài chính đề nghị các đơn vị …": the requester is not the owner; bodies named
                # after the request are, or else the letter's addressees.
                subj = [b for b in subj if b.span.start >= req.end()]
            owners += [Owner(n, "lead") for n in names_of_list(text, subj)]
            if OFFICE_START_RE.match(text, span.start, span.end):
                # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân cấp tỉnh …": offices
                # the gazetteer cannot find, each a lead.
                offices = kind_subject(text, span)
                if len(offices) > len(owners):
                    owners = list(offices)
        sup = _SUPPORT_RE.search(text, span.start, span.end)
        if sup:
            owners += [Owner(body_name(text, b), "support") for b in bodies if b.span.start >= sup.end()][:6]
        if not any(o.role == "lead" for o in owners):
            owners = list(kind_subject(text, span, after_opener=True)) + owners
        named = None if any(o.role == "lead" for o in owners) else RESPONSIBLE_RE.match(text, span.start, span.end)
        if (
            named is not None
            and (not ACTION_RE.match(named.group("who")) or _AGENT_NOUN_RE.match(named.group("who")))
            and not (inherited and _not_a_holder(text, span, named.group("who")))
        ):
            # "Đơn vị chủ trì kiểm tra có trách nhiệm …", "Các cơ sở giam giữ phạm nhân có trách nhiệm …" (under
            # "Trách nhiệm của cơ quan, tổ chức"): a subject the gazetteer does not know, before the section's
            owners.insert(0, Owner(" ".join(GLUED_FOOTNOTE_RE.sub("", named.group("who")).split()), "lead"))
        if not any(o.role == "lead" for o in owners):
            owners = list(inherited) + owners
        co = _CO_LEAD_RE.search(text, span.start, span.end)
        if co is not None:
            # "Đồng chủ trì với Bộ Khoa học và Công nghệ": that body leads too.
            owners += [Owner(body_name(text, b), "lead") for b in list_at(text, bodies, co.end())]
    seen: set[tuple[str, str]] = set()
    uniq = []
    for o in owners:
        if (o.name, o.role) not in seen:
            seen.add((o.name, o.role))
            uniq.append(o)
    return tuple(uniq)


_NOT_A_NAME_RE = compile_vi(r"(?i:(?<!\w)(?:thì|phải|được|là|nếu|khi|trường\s+hợp|yêu\s+cầu|đề\s+nghị|giao)(?!\w))")


def _not_a_holder(text: str, span: Span, who: str) -> bool:
    """Whether the words before "có trách nhiệm" are not a holder that overrides the section's: a
    case or a rule ("Trường hợp … thì chủ đầu tư vẫn phải"), a request ("Yêu cầu người …"), a long
    phrase, or the last name of a list cut at its comma."""
    before = text[max(0, span.start - 3) : span.start].rstrip()
    return len(who.split()) > 10 or _NOT_A_NAME_RE.search(who) is not None or before.endswith(",")


def _reports_before(text: str, start: int, end: int, bodies: list[BodyMatch]) -> bool:
    """Whether the clause's first action, before ``end``, reports or sends ("báo cáo về …", "gửi …")."""
    at = first_action(text, start, end, bodies)
    return at is not None and _SENDS_RE.match(text, at) is not None


def kind_subject(text: str, span: Span, *, after_opener: bool = False, after_case: bool = True) -> tuple[Owner, ...]:
    """Leads named as written by their kind at the head of the clause ("Cơ quan bảo hiểm xã hội thực
    hiện …", "Bảo hiểm xã hội Quân đội, Bảo hiểm xã hội Công an nhân dân tổ chức …"), or, with
    ``after_opener``, after its opening phrase ("Căn cứ dự thảo Quy chế …, Chủ tịch Hội đồng quản lý
    xây dựng …"), unless, without ``after_case``, the phrase states a case ("Trường hợp …, chủ đầu
    tư phải …")."""
    found = kind_subject_at(text, span, after_opener=after_opener, after_case=after_case)
    return found[0] if found is not None else ()


def kind_subject_at(
    text: str, span: Span, *, after_opener: bool = False, after_case: bool = True
) -> tuple[tuple[Owner, ...], Span] | None:
    """``kind_subject``'s leads and where their names are written, or None."""
    found = kind_subject_names(text, span, after_opener=after_opener, after_case=after_case)
    return (tuple(Owner(n, "lead") for n in found[0]), found[1]) if found is not None else None
