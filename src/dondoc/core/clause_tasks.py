"""The tasks one clause gives: its action, owners, deadline, target and items, each grounded in the
clause; or none, when the clause grants a right or a power, rules, defines, states a role or
accountability, cites an amendment, or is the closing formula.

A clause with several targets that each have their own deadline ("xây dựng 17 công viên trong năm
2021 và 50 công viên trong năm 2022") gives one task per target. ``Task`` and ``TaskContext`` (what the
task readers need from the rest of the analysis) live here; ``tasks`` finds the clauses to read.

Hand-written for the same reason as the task rules: no library parses Vietnamese directives.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from dondoc.core.actions import ACTION_RE
from dondoc.core.gazetteer import BodyMatch, Gazetteer
from dondoc.core.kinds import ORG_KIND_RE, action_after_kind
from dondoc.core.lines import FOOTNOTE_RE
from dondoc.core.openers import CONDITION_OPENER_RE, DEADLINE_OPENER
from dondoc.core.outline import Section
from dondoc.core.owners import (
    REPORT_BACK_RE,
    Owner,
    first_action,
    kind_subject_at,
    owners_of,
)
from dondoc.core.references import Reference
from dondoc.core.spans import Span, trim_span
from dondoc.core.timeexpr import TimeExpr
from dondoc.core.vietnamese import compile_vi

__all__ = ["CLOSING_RE", "Task", "TaskContext", "due_date_or_default", "tasks_of_clause"]

# "Trước ngày 15 hằng tháng, báo cáo ước tình hình …": a clause that opens with its deadline, then its
# verb, is a duty though its doer is named elsewhere (the report's sender, in the article above).
_DUE_FIRST_RE = compile_vi(
    rf"(?i:\W*{DEADLINE_OPENER}(?:báo\s+cáo|gửi|nộp|cập\s+nhật|công\s+bố|tổng\s+hợp|hoàn\s+thành)(?!\w))"
)
_PASSIVE_RE = compile_vi(
    r"^[^,;]{0,80}?\s(?P<p>được|bị)\s+(?P<v>thực\s+hiện|áp\s+dụng|quy\s+định|xác\s+định|tính|ban\s+hành|triển\s+khai)"
)
# "Chính phủ quy định chi tiết Điều 8, …": a body that must issue the detailed rules, at the head of
# the clause ("Nghị định số … của Chính phủ quy định chi tiết …" names a document, not a duty).
_DELEGATION_RE = compile_vi(
    r"\W*(?:Chính\s+phủ|Thủ\s+tướng\s+Chính\s+phủ|Bộ\s+trưởng[^,;:.]{0,80}?|Bộ\s+[\p{Lu}][^,;:.]{0,40}?|"
    r"Ủy\s+ban\s+nhân\s+dân[^,;:.]{0,40}?|Hội\s+đồng\s+nhân\s+dân[^,;:.]{0,40}?)\s+(?P<a>quy\s+định\s+chi\s+tiết)(?!\w)"
)
# "Các Bộ trưởng, … chịu trách nhiệm thi hành Nghị định này" (or "… thi hành quy định tại Thông tư này"): the
# closing formula, not a task.
CLOSING_RE = compile_vi(
    r"(?i:chịu\s+trách\s+nhiệm\s+(?:hướng\s+dẫn\s+(?:và|,)\s+thi\s+hành|(?:tổ\s+chức\s+)?(?:thi\s+hành|thực\s+hiện))\s+"
    r"(?:(?:các\s+)?quy\s+định\s+(?:tại|của)\s+)?"
    r"(?:nghị\s+định|nghị\s+quyết|quyết\s+định|thông\s+tư|chỉ\s+thị|luật|kết\s+luận|kế\s+hoạch|văn\s+bản)\s+này)"
)
_PLAN_NAME_RE = compile_vi(r"(?i:(?:tầm\s+nhìn|thời\s+kỳ)\s*$)")
# "chịu trách nhiệm về số liệu", "chịu trách nhiệm trước pháp luật": accountability, not a duty.
_ACCOUNTABLE_RE = compile_vi(
    r"(?i:chịu\s+trách\s+nhiệm\s+(?:(?:trực\s+tiếp\s+|chính\s+)?(?:về|trước)|đối\s+với|theo(?!\s+dõi)|toàn\s+diện|pháp\s+lý|quản\s+lý\s+nhà\s+nước|tập\s+thể|cá\s+nhân)(?!\w))"
)
# What is no clause of work, whatever verb it holds: a cited document's title ("Nghị định số 32/2019/NĐ-CP
# ngày … của Chính phủ quy định …", an item of a list of documents), a kind of unit by its function
# ("Đơn vị sự nghiệp công lập thực hiện chức năng nghiên cứu …").
_NOT_WORK_RE = compile_vi(
    r"(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Thông\s+tư(?:\s+liên\s+tịch)?|Quyết\s+định|Chỉ\s+thị)\s+số\s"
    r"|[^.;:]{0,120}?\sthực\s+hiện\s+(?:các\s+)?chức\s+năng(?!\s+(?:quản\s+lý\s+)?nhà\s+nước)"
)
# How a thing is done, said of the thing: "Việc thanh toán … thì phải thực hiện theo lệnh …", "Mức hưởng … thực
# hiện theo quy định tại khoản 2 …", "Việc báo cáo thực hiện bằng hình thức trực tuyến": a rule, no duty
# ("Việc phân bổ … do Ủy ban nhân dân cấp tỉnh quyết định" names who acts, and is one).
_MANNER_RE = compile_vi(
    r"(?i:\W*(?:việc|mức)\s[^.;:]{0,240}?\s(?:thì\s+)?(?:phải\s+)?(?:được\s+)?"
    r"(?:thực\s+hiện\s+(?:theo|bằng|đúng|tại|như)|phải\s+được|áp\s+dụng\s+theo)(?!\w)"
    # said of the thing a list item is about ("a) Thực hiện theo quy định của pháp luật về giá; Nghị định …";
    # not "Thực hiện theo quy định tại Điều 40 …" in a body's duties, which are that article's)
    r"|\W*thực\s+hiện\s+theo\s+quy\s+định\s+của\s+pháp\s+luật(?!\w))"
)
# An optional power or a prohibition, before the clause's action: not a duty to track.
_MAY_RE = compile_vi(r"(?i:(?<!\w)có\s+(?:thể|quyền)\s)")
_MUST_NOT_RE = compile_vi(r"(?i:\W*không\s+được\s)")
_SUBJECT_TO_RE = compile_vi(r"(?i:(?<!\w)chịu\s+sự\s)")
# What a named body decides is its power, not work it must do ("Giám đốc Bảo hiểm xã hội Việt Nam quyết
# định thời gian chuyển kinh phí …"); a duty list's item that opens with "Quyết định …" is still a task,
# and so is setting up a body ("Thủ tướng Chính phủ quyết định thành lập Quỹ …").
_DECIDES_AFTER_SUBJECT_RE = compile_vi(r"(?i:quyết\s+định(?!\s+(?:thành\s+lập|và\s+chịu\s+trách\s+nhiệm))(?!\w))")
# A step of a procedure, taken each time a file arrives: "Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ
# hồ sơ, Sở X thẩm định …". Not a step counted from receiving this document ("… kể từ ngày nhận được
# Quyết định này"), which is done once.
_PER_CASE_RE = compile_vi(
    r"(?i:^\W*căn\s+cứ\s+(?:vào\s+)?hồ\s+sơ(?!\w)|"  # "Căn cứ hồ sơ chấm dứt hiệu lực mã số thuế …, cơ quan thuế …"
    r"kể\s+từ\s+(?:ngày|khi|thời\s+điểm)\s+(?:nhận|tiếp\s+nhận)(?:\s+(?:được|đủ))?\s+(?!(?:được|đủ)\s)"
    r"(?!(?:quyết\s+định|nghị\s+quyết|nghị\s+định|thông\s+tư|chỉ\s+thị|kế\s+hoạch|công\s+văn|văn\s+bản)\s+này))"
)
# A role or a basis, not work: "X là người phát ngôn của Chính phủ", "Mức hỗ trợ … là cơ sở để xác định …",
# "Bộ Tài chính là cơ quan chủ trì giúp Chính phủ thống nhất quản lý nhà nước về …".
_ROLE_RE = compile_vi(
    r"(?i:[^.;]{0,200}?\slà\s+(?:người\s+phát\s+ngôn|cơ\s+sở\s+để|căn\s+cứ\s+để|cơ\s+quan\s+(?:chủ\s+trì\s+)?giúp\s+"
    r"Chính\s+phủ\s+thống\s+nhất\s+quản\s+lý))"
)
# A clause that says what something is or is made of: "Quỹ bảo hiểm hưu trí bổ sung là quỹ tài chính độc lập …",
# "Hội đồng giải mật bao gồm đại diện lãnh đạo cơ quan …".
_IS = r"là\s(?!(?:(?:cơ\s+quan|đơn\s+vị)\s+)?đầu\s+mối)"  # (not a focal point: "là cơ quan đầu mối")
_DEFINES_RE = compile_vi(
    # (a subject with commas of its own only before "là": "Cơ sở khám bệnh, chữa bệnh bảo hiểm y tế là cơ sở …",
    # not "… quy định chi tiết Điều này, bao gồm cả …", nor "… với tư cách là thành viên Chính phủ …")
    rf"\W*[\p{{Lu}}][^;:.()\n]{{2,80}}?\s(?<!tư\scách\s){_IS}"
    rf"|\W*[\p{{Lu}}][^,;:.()\n]{{2,80}}?\s(?:{_IS}|(?:bao\s+)?gồm(?:\s+có)?[\s:]"
    # "Văn phòng … có Chánh Văn phòng, các Phó Chánh Văn phòng và …", "Hội đồng có 07 thành viên": its members
    r"|có\s+(?:\d+\s+(?:\(\w+\)\s+)?|các\s+|một\s+)?(?i:(?:phó\s+)?(?:chánh\s+văn\s+phòng|chủ\s+tịch|giám\s+đốc|"
    r"thành\s+viên|ủy\s+viên|cấp\s+(?:trưởng|phó)|trưởng\s+(?:ban|phòng|khoa))|tổ\s+giúp\s+việc)(?!\w))"
)
_DUTY_AFTER_RE = compile_vi(r"(?i:(?<!\w)(?:có\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|chủ\s+trì|phải)(?!\w))")
# "Được Bộ Tài chính giao kinh phí …", "… được xem xét loại trừ, miễn hoặc giảm trách nhiệm": a right
# of the body, not a duty.
_RIGHT_RE = compile_vi(
    r"\s*[Đđ]ược\s|[^.;]{0,200}?\s(?P<d>được)\s+(?:xem\s+xét\s+)?(?:loại\s+trừ|miễn|giảm\s+trách\s+nhiệm|hưởng)(?!\w)"
)
# A permission that is the clause's predicate, before its first action: "… được phép mở tài khoản …", "… được
# quyền yêu cầu …", "… được sử dụng con dấu của Hội đồng …".
_PERMITTED_RE = compile_vi(r"[^.;]{0,200}?\s(?P<d>được)\s+(?:phép|quyền|sử\s+dụng\s+con\s+dấu)(?!\w)")
_TARGET_RE = compile_vi(
    r"(?<![\d,./])(?<!lộ )(?<!đường )(?<!số )(?<!bến )(?<!khóa )(?<!thứ )(?<!đai )(?<!Điều )(?<!khoản )"
    r"(?P<q>\d{1,3}(?:\.\d{3})*)\s+(?P<u>(?!năm\b|tháng\b|ngày\b|quý\b|lần\b|giờ\b|từ\b|đến\b|tại\b|đoạn\b|và\b)"
    r"[\p{Ll}]+(?:\s+[\p{Ll}]+)?)"
)
# Two-syllable units; any other unit is read as one syllable ("08 xã thí điểm" -> "xã").
_COMPOUND_UNITS = frozenset(
    "công viên|tuyến đường|trụ cột|dự án|công trình|trường học|cây cầu|khu công nghiệp|cụm công nghiệp|nhà máy|"
    "doanh nghiệp|hợp tác xã|căn hộ|bệnh viện|trạm y tế|tuyến phố|héc ta|tỷ đồng|triệu đồng|lượt khách|"
    "lao động|cán bộ|đơn vị|chung cư|khu đô thị|cơ sở|thủ tục|văn bản|nhiệm vụ|đề án|chương trình|điểm".split("|")
)
# The enacting formula of a preamble, quoted again in a consolidated text: "Theo đề nghị của Vụ trưởng Vụ
# Pháp chế; | Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn …", "… | Chính phủ ban hành Nghị định …".
_ENACTS_RE = compile_vi(
    r"[^.;:]{2,160}?\sban\s+hành\s+(?:Thông\s+tư|Nghị\s+định|Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị)(?:\s+liên\s+tịch)?(?!\s+(?:này|số)(?!\w))"
)
_PROPOSED_BY_RE = compile_vi(r"(?i:theo\s+đề\s+nghị\s+của\s[^;.]{0,300};\s*$)")
# "Sửa đổi, bổ sung khoản 2 Điều 17 như sau:": the amending act itself, not a task.
_AMENDMENT_RE = compile_vi(
    r"(?i:\s*(?:sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|thay\s+thế|thay\s+cụm\s+từ|điều\s+chỉnh)[^.;:]{0,120}?"
    r"(?:điều|khoản|điểm|cụm\s+từ|phụ\s+lục|mẫu)\s[^.;:]{0,120}?(?:như\s+sau|bằng|vào)\b)"
)


@dataclass(frozen=True, slots=True)
class Task:
    span: Span
    section: str | None
    action: str | None
    target: tuple[float, str] | None
    due: TimeExpr | None
    owners: tuple[Owner, ...]
    items: tuple[str, ...]
    references: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TaskContext:
    """What the task extractor needs from the rest of the analysis."""

    text: str
    sections: Sequence[Section]
    gazetteer: Gazetteer
    find_times: Callable[[str, int, int], list[TimeExpr]]
    references: Sequence[Reference] = ()
    require_owner: bool = False  # legal documents: only assigned clauses are tasks
    default_owners: tuple[Owner, ...] = ()  # a letter's addressees own what it asks
    found: dict[tuple[int, int], list[BodyMatch]] = field(default_factory=dict)  # bodies_in's memo
    # ``text`` with its page furniture (gazette headers, a consolidated text's footnotes) blanked out,
    # offsets unchanged: where clauses are cut, so that a footnote's sentences never make one.
    prose: str | None = None

    def bodies_in(self, span: Span) -> list[BodyMatch]:
        """The bodies named in ``text[span]`` (each clause is read several times)."""
        key = (span.start, span.end)
        if key not in self.found:
            # (in the prose: not the "Chính phủ" of a digital signature's "Cổng Thông tin điện tử Chính phủ")
            self.found[key] = self.gazetteer.find(self.prose or self.text, span.start, span.end)
        return self.found[key]


# A report or review repeated each period: the period it names is not a deadline.
_PERIODIC_RE = compile_vi(r"(?i:(?<!\w)định\s+kỳ(?!\w)[^.;:]*$)")


def _is_deadline(e: TimeExpr, refs: Sequence[Reference], text: str) -> bool:
    if any(r.span.overlaps(e.span) for r in refs):
        return False
    if _PLAN_NAME_RE.search(text, max(0, e.span.start - 16), e.span.start):
        return False  # "Quy hoạch … thời kỳ 2021 - 2030, tầm nhìn đến năm 2050": a plan's name
    if e.kind != "date" and _PERIODIC_RE.search(text, max(0, e.span.start - 60), e.span.start):
        return False  # "định kỳ báo cáo kết quả thực hiện (6 tháng đầu năm và cuối năm)": every half-year
    if e.kind in ("relative", "recurring"):
        return e.relation in ("by", "within")
    if e.relation in ("by", "within", "until"):
        return True
    return e.kind in ("month", "month_part", "quarter", "half_year", "date")


def _is_passive(clause: str, act: re.Match[str]) -> bool:
    """Whether the clause states what is done to something ("Kinh phí … được bố trí …"), not a duty;
    in an item that opens with its verb, "được quy định tại" only cites ("Tổ chức Hội thi … và thực hiện
    các trách nhiệm … được quy định tại …")."""
    passive = _PASSIVE_RE.match(clause)
    if passive is None:
        return False
    return bool(clause[: act.start()].strip()) or not passive.group("v").startswith("quy")


def _defines(clause: str, act: re.Match[str]) -> bool:
    """Whether the clause says what its subject is or is made of ("Quỹ … là quỹ tài chính …", "Vụ Tổ chức
    cán bộ là cơ quan thường trực Hội đồng", "Hội đồng giải mật bao gồm đại diện …"), with no duty after:
    not "Bộ X là cơ quan đầu mối …, chủ trì …", whose focal role is work, nor a subject that is who it is
    ("Ủy viên là đại biểu Quốc hội … có trách nhiệm")."""
    m = _DEFINES_RE.match(clause)
    if m is None or act.start() == len(clause) - len(clause.lstrip()) or CONDITION_OPENER_RE.match(clause):
        return False  # "Vận động người sử dụng lao động là thành viên …", "Trường hợp người nộp thuế là …, Cục Thuế …"
    # (past the verb inside a kind's name: "Hội đồng thẩm định giáo trình có số lượng thành viên là số lẻ")
    scan_from = 0
    if (kind := ORG_KIND_RE.match(clause)) is not None:
        after_name = action_after_kind(clause, 0, kind.end(), len(clause))
        scan_from = after_name.start() if after_name is not None else len(clause)
    if any(v.group(0)[:1].islower() for v in ACTION_RE.finditer(clause, scan_from, m.end() - 3)):
        return False  # "Cơ quan thuế thực hiện … và trả kết quả là …": the verb before "là" is the clause's
    return not _DUTY_AFTER_RE.search(clause, m.end())


def _is_capitals(clause: str) -> bool:
    """A title in capitals ("NHIỆM VỤ, QUYỀN HẠN, TRÁCH NHIỆM CỦA CƠ QUAN, TỔ CHỨC, CÁ NHÂN"), not a clause."""
    letters = [c for c in clause if c.isalpha()]
    return len(letters) >= 12 and all(c.isupper() for c in letters)


def _subject_right_before(ctx: TaskContext, span: Span, at: int) -> bool:
    """Whether the words right before ``at`` name the clause's subject, a body or a kind of one ("Giám
    đốc Bảo hiểm xã hội Việt Nam | quyết định …"), not an opening phrase ("Khi ra | quyết định …")."""
    text = ctx.text
    bodies = [b for b in ctx.bodies_in(span) if b.span.end <= at]
    if bodies and not text[bodies[-1].span.end : at].strip():
        return True
    kind = kind_subject_at(text, span, after_opener=True)
    return kind is not None and not text[kind[1].end : at].strip()


def tasks_of_clause(
    ctx: TaskContext, span: Span, number: str | None, inherited: tuple[Owner, ...], *, needs_owner: bool
) -> list[Task]:
    text = ctx.text
    # (the clause is read without its page furniture: a gazette header or a digital signature inside it)
    prose = ctx.prose or text
    clause = prose[span.start : span.end]
    at = first_action(prose, span.start, span.end, ctx.bodies_in(span))
    act = ACTION_RE.match(clause, at - span.start) if at is not None else _DELEGATION_RE.match(clause)
    if act is None or _is_passive(clause, act) or _AMENDMENT_RE.match(clause) or FOOTNOTE_RE.match(clause):
        return []  # (a consolidated text's footnote: "11 Khoản này được sửa đổi, bổ sung theo …")
    if _NOT_WORK_RE.match(clause) or _is_capitals(clause) or _MANNER_RE.match(clause):
        return []
    if _ENACTS_RE.match(clause) and _PROPOSED_BY_RE.search(prose, max(0, span.start - 400), span.start):
        return []  # the enacting formula after "Theo đề nghị của …;": "Bộ trưởng … ban hành Thông tư …"
    # "chịu trách nhiệm quản lý nhà nước về …" runs past its first action ("quản lý").
    accountable = _ACCOUNTABLE_RE.search(clause, 0, min(len(clause), act.end() + 12))
    closing = "trách" in clause and CLOSING_RE.search(clause) is not None  # (a quick test first)
    right = _RIGHT_RE.match(clause)
    if right is not None and right.start("d") > act.end() and clause[: right.start("d")].rstrip().endswith("đối tượng"):
        right = None  # "… cho các cơ sở giáo dục có đối tượng được hưởng chính sách": the beneficiaries
    permitted = _PERMITTED_RE.match(clause) if right is None and "được" in clause else None  # (a quick test first)
    if permitted is not None and permitted.start("d") < act.start():
        right = permitted  # "Văn phòng … được sử dụng con dấu … để thực hiện …", "Kho bạc được quyền trích …"
    if accountable is not None or right is not None or _ROLE_RE.match(clause) or _defines(clause, act) or closing:
        return []
    if _SUBJECT_TO_RE.search(clause, 0, act.start()):
        return []  # "Trường cao đẳng chịu sự quản lý nhà nước của …": whom it answers to, not work
    if _DECIDES_AFTER_SUBJECT_RE.match(clause, act.start()) and _subject_right_before(ctx, span, span.start + act.start()):
        return []  # "Hiệu trưởng quyết định lớp học …", "Hội đồng quản trị quyết định phân phối …": a power
    if _MAY_RE.search(clause, 0, act.start()) or _MUST_NOT_RE.match(clause) or _PER_CASE_RE.search(clause, 0, act.start()):
        return []  # "X có thể / có quyền …" is a power, "Không được chia lợi nhuận …" a prohibition
    owners = owners_of(ctx.text, ctx.gazetteer, span, inherited, bodies=ctx.bodies_in(span))
    if needs_owner and not owners and not REPORT_BACK_RE.search(clause) and not _DUE_FIRST_RE.match(clause):
        return []  # (a request to report back names no one when it asks every reader)
    refs = _references_in(ctx.references, span)
    times = [e for e in ctx.find_times(text, span.start, span.end) if _is_deadline(e, refs, text)]
    targets = [
        m
        for m in _TARGET_RE.finditer(text, span.start, span.end)
        if not any(e.span.start <= m.start() < e.span.end for e in times)
        and not any(r.span.start <= m.start() < r.span.end for r in refs)
    ]
    action = " ".join(act.group("a").lower().split())
    items = _items(clause)
    ref_numbers = tuple(r.number for r in refs)
    # One task per target when targets carry their own deadlines.
    if len(targets) >= 2 and len(times) >= 2:
        pieces: list[tuple[Span, re.Match[str], TimeExpr]] = []
        bounds = [span.start] + [t.start() for t in targets[1:]] + [span.end]
        for k, t in enumerate(targets):
            lo, hi = bounds[k], bounds[k + 1]
            own_times = [e for e in times if lo <= e.span.start < hi]
            if not own_times:
                pieces = []
                break
            end = own_times[-1].span.end
            piece = trim_span(text, lo, end)
            while piece.end > piece.start and text[piece.end - 1] in ",;. ":
                piece = Span(piece.start, piece.end - 1)
            pieces.append((piece, t, own_times[-1]))
        if pieces:
            return [
                Task(p, number, action, (_num(t.group("q")), _unit(t.group("u"))), e, owners, (), ref_numbers)
                for p, t, e in pieces
            ]
    due = times[-1] if times else None
    target = (_num(targets[0].group("q")), _unit(targets[0].group("u"))) if targets else None
    return [Task(span, number, action, target, due, owners, items, ref_numbers)]


def _references_in(references: Sequence[Reference], span: Span) -> list[Reference]:
    """The references inside ``span``; ``references`` are in text order."""
    k = bisect.bisect_left(references, span.start, key=lambda r: r.span.start)
    out = []
    while k < len(references) and references[k].span.start < span.end:
        if span.contains(references[k].span):
            out.append(references[k])
        k += 1
    return out


def _unit(raw: str) -> str:
    words = raw.split()
    return " ".join(words) if " ".join(words) in _COMPOUND_UNITS else words[0]


def _num(s: str) -> float:
    return float(s.replace(".", ""))


def _items(clause: str) -> tuple[str, ...]:
    """Named sub-items listed after "như:", "các công trình:" …"""
    m = re.search(r"(?:như|gồm|công\s+trình|dự\s+án)\s*:\s*", clause, re.IGNORECASE)
    if not m:
        return ()
    rest = clause[m.end() :]
    parts = re.split(r"\s*;\s*", rest)
    items = []
    for p in parts:
        p = re.sub(r"[.…,\s]+$", "", " ".join(p.split()))
        if 2 <= len(p) <= 120:
            items.append(p)
    return tuple(items) if len(items) >= 2 else ()


def due_date_or_default(due: TimeExpr | None, planned_end: date | None) -> dict[str, object] | None:
    """The CONTRACTS ``due`` object of a task."""
    if due is not None and (due.end is not None or due.kind in ("relative", "recurring")):
        return {
            "date": due.end.isoformat() if due.end else None,
            "earliest": due.start.isoformat() if due.start and due.kind == "month_part" else None,
            "expression": due.text,
            "explicit": True,
        }
    if planned_end is not None:
        return {"date": planned_end.isoformat(), "earliest": None, "expression": None, "explicit": False}
    return None
