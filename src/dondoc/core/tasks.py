"""Tasks: one per directive clause with its own action, with target, deadline, owners and items.

Terms:
- a *clause* is a sentence or a ";"-separated part of one inside a task section. Fragments with
  no action of their own ("cầu Bến Rừng; cầu Vũ Yên") or that only elaborate the previous clause
  ("nhất là …", "bảo đảm …") are merged back into it;
- the *action* is the directive verb that opens the clause ("xây dựng", "hoàn thành");
- a *target* is a counted object of the action ("17 công viên"); a clause with several targets
  that each have their own deadline becomes one task per target;
- *owners* are read by ``dondoc.core.owners`` ("X chủ trì, phối hợp với Y", "Giao X …", the
  clause's subject, or the body a parent section is addressed to: "2. Giao Bộ Xây dựng:"); a
  ";"-clause without a subject shares its sentence's;
- a *standing duty* is a clause of a legal text's other provisions (outside its task sections) that
  opens with the body that must act ("Trung tâm dịch vụ việc làm thực hiện thu thập …"); under
  headings of scope, conditions, procedures, powers or transition, nothing is.

This is hand-written because the grammar of Vietnamese directives is regular enough to be read by
rules with evidence spans, and no library parses it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from dondoc.core.actions import ACTION_RE
from dondoc.core.gazetteer import BodyMatch, Gazetteer
from dondoc.core.headings import heading_owners, inherited_owners, is_duty_title
from dondoc.core.kinds import opens_with_office
from dondoc.core.names import names_only_bodies
from dondoc.core.openers import CONDITION_OPENER_RE, DEADLINE_OPENER
from dondoc.core.outline import FOOTNOTE_RE, Section, heading_ends_line
from dondoc.core.owners import (
    LEAD_SUPPORT_RE,
    LEADS_RE,
    REPORT_BACK_RE,
    Owner,
    first_action,
    kind_subject_at,
    opens_with_subject,
    owners_of,
)
from dondoc.core.references import Reference
from dondoc.core.sections import is_rewritten, rewritten_item
from dondoc.core.spans import Span, trim_span
from dondoc.core.timeexpr import TimeExpr
from dondoc.core.vietnamese import compile_vi

__all__ = ["Task", "TaskContext", "due_date_or_default", "extract_tasks"]

# "…; hoàn thành trong quý II năm 2026": the deadline of the clause before, not a task of its own.
_DEADLINE_ONLY_RE = compile_vi(
    r"(?i:^\s*(?:hoàn\s+thành|thực\s+hiện\s+xong|xong)\s+(?:trong|trước|chậm\s+nhất|vào|cuối|đầu|giữa|ngay)(?!\w))"
)
# Clause openers that only elaborate the previous clause.
_ELABORATION_RE = compile_vi(
    r"^\s*(?:nhất\s+là|đặc\s+biệt(?:\s+là)?|trong\s+đó|kể\s+cả|bao\s+gồm|gồm|như|trước\s+hết|"
    r"gắn\s+với|không\s+để|tránh|theo\s|về\s|"
    # "…; bảo đảm đúng thời hạn, ngắn gọn": how, not what ("…; bảo đảm quyền lợi cho …" is a duty)
    r"(?:bảo\s+đảm|đảm\s+bảo)\s+(?:đúng|chính\s+xác|kịp\s+thời|ngắn\s+gọn|đầy\s+đủ|trung\s+thực|hiệu\s+quả|"
    r"tiết\s+kiệm|phù\s+hợp|tuân\s+thủ|không|dễ|thống\s+nhất|hạch\s+toán))",
    re.IGNORECASE,
)
# "Trước ngày 15 hằng tháng, báo cáo ước tình hình …": a clause that opens with its deadline, then its
# verb, is a duty though its doer is named elsewhere (the report's sender, in the article above).
_DUE_FIRST_RE = compile_vi(
    rf"(?i:\W*{DEADLINE_OPENER}(?:báo\s+cáo|gửi|nộp|cập\s+nhật|công\s+bố|tổng\s+hợp|hoàn\s+thành)(?!\w))"
)
# "Định kỳ 06 tháng, trước ngày 31 tháng 7": a time and no more.
_TIME_ONLY_RE = compile_vi(
    r"(?i:\W*(?:định\s+kỳ|hằng|hàng|trước\s+ngày|chậm\s+nhất|trong\s+(?:tháng|quý|năm))(?:\s|,)[\w\s,/.-]{0,80})"
)
# "cung cấp thông tin về …; tình hình sản xuất; công tác quản lý, điều hành giá …", "cập nhật … về chính
# sách …; thông tin về các điều ước …; danh sách doanh nghiệp …": what is to be provided, listed, not a
# clause of its own although "quản lý", "ký kết" are verbs elsewhere.
# "…; quy định của pháp luật về cung cấp thông tin …": the rules it must follow, not a clause of its own.
_NOMINAL_RE = compile_vi(
    r"^\s*(?:tình\s+hình|công\s+tác|diễn\s+biến|số\s+liệu|danh\s+mục|quy\s+định\s+(?:của|tại|hiện\s+hành|về|liên\s+quan)|"
    r"giải\s+pháp\s|mức\s+(?:chi|thu|hỗ\s+trợ|phí|lương)|"
    r"thông\s+tin\s+(?:về|xử\s+phạt)|chính\s+sách,|danh\s+sách)\s",
    re.IGNORECASE,
)
# "…; quy định về kết nối … và chỉ đạo triển khai …": "quy định" is a verb when another action joins it.
_RULES_AND_ACTS_RE = compile_vi(r"(?i:\s*quy\s+định\s+về\s[^;]*?\svà\s+)" + rf"(?:{ACTION_RE.pattern})")
_PASSIVE_RE = compile_vi(
    r"^[^,;]{0,80}?\s(?P<p>được|bị)\s+(?P<v>thực\s+hiện|áp\s+dụng|quy\s+định|xác\s+định|tính|ban\s+hành|triển\s+khai)"
)
# "Chính phủ quy định chi tiết Điều 8, …": a body that must issue the detailed rules, at the head of
# the clause ("Nghị định số … của Chính phủ quy định chi tiết …" names a document, not a duty).
_DELEGATION_RE = compile_vi(
    r"\W*(?:Chính\s+phủ|Thủ\s+tướng\s+Chính\s+phủ|Bộ\s+trưởng[^,;:.]{0,80}?|Bộ\s+[\p{Lu}][^,;:.]{0,40}?|"
    r"Ủy\s+ban\s+nhân\s+dân[^,;:.]{0,40}?|Hội\s+đồng\s+nhân\s+dân[^,;:.]{0,40}?)\s+(?P<a>quy\s+định\s+chi\s+tiết)(?!\w)"
)
# An article's title that names the work, not who does it.
# "Tổ chức thực hiện", "Trách nhiệm thi hành", "Trách nhiệm phối hợp trong tổ chức thực hiện": a title.
_TITLE_ONLY_RE = compile_vi(
    r"(?i:\W*(?:trách\s+nhiệm(?:\s+[^\W\d]+){0,4}?\s+)?(?:tổ\s+chức\s+(?:thực\s+hiện|thi\s+hành)|thi\s+hành)\W*)"
)
# "1. Về xây dựng và hoàn thiện cơ sở pháp lý": the topic of the items below, not a task.
_TOPIC_RE = compile_vi(r"(?i:\W*(?:về|đối\s+với|trong\s+lĩnh\s+vực|lĩnh\s+vực)\s)")
_TASK_HEADING_RE = compile_vi(r"(?i:\W*(?:các\s+|những\s+)?(?:nhiệm\s+vụ|giải\s+pháp)(?!\s+(?:và\s+quyền\s+hạn\s+)?của)(?!\w))")
# "Các Bộ trưởng, … chịu trách nhiệm thi hành Nghị định này" (or "… thi hành quy định tại Thông tư này"): the
# closing formula, not a task.
_CLOSING_RE = compile_vi(
    r"(?i:chịu\s+trách\s+nhiệm\s+(?:hướng\s+dẫn\s+(?:và|,)\s+thi\s+hành|(?:tổ\s+chức\s+)?(?:thi\s+hành|thực\s+hiện))\s+"
    r"(?:(?:các\s+)?quy\s+định\s+(?:tại|của)\s+)?"
    r"(?:nghị\s+định|nghị\s+quyết|quyết\s+định|thông\s+tư|chỉ\s+thị|luật|kết\s+luận|kế\s+hoạch|văn\s+bản)\s+này)"
)
_PLAN_NAME_RE = compile_vi(r"(?i:(?:tầm\s+nhìn|thời\s+kỳ)\s*$)")
# "chịu trách nhiệm về số liệu", "chịu trách nhiệm trước pháp luật": accountability, not a duty.
_ACCOUNTABLE_RE = compile_vi(
    r"(?i:chịu\s+trách\s+nhiệm\s+(?:về|trước|đối\s+với|theo(?!\s+dõi)|toàn\s+diện|pháp\s+lý|quản\s+lý\s+nhà\s+nước|tập\s+thể|cá\s+nhân)(?!\w))"
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
    r"(?:thực\s+hiện\s+(?:theo|bằng|đúng|tại|như)|phải\s+được|áp\s+dụng\s+theo)(?!\w))"
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
_DEFINES_RE = compile_vi(
    r"\W*[\p{Lu}][^,;:.()\n]{2,80}?\s(?:là\s(?!(?:(?:cơ\s+quan|đơn\s+vị)\s+)?đầu\s+mối)|(?:bao\s+)?gồm(?:\s+có)?[\s:])"
)
_DUTY_AFTER_RE = compile_vi(r"(?i:(?<!\w)(?:có\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|chủ\s+trì|phải)(?!\w))")
# "Được Bộ Tài chính giao kinh phí …", "… được xem xét loại trừ, miễn hoặc giảm trách nhiệm": a right
# of the body, not a duty.
_RIGHT_RE = compile_vi(
    r"\s*[Đđ]ược\s|[^.;]{0,200}?\s(?P<d>được)\s+(?:xem\s+xét\s+)?(?:loại\s+trừ|miễn|giảm\s+trách\s+nhiệm|hưởng)(?!\w)"
)
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
_LIST_COLON_RE = compile_vi(r"(?:như|gồm|sau|trình|án|thể)\s*:")
_SENT_SPLIT_RE = compile_vi(
    r"(?<=[.!?])\s+(?=[\"“(]?[\p{Lu}])|(?<=\.)\s*\n\s*|\n\s*(?=[-+•]\s)|:\s*(?=[\"“]\s*(?:\d{1,2}[.)]|[a-zđ]\)|Điều\s))|(?<=sau:)[^\S\n]*\n\s*(?=[\p{Lu}])"
)
_LIST_INTRO_END_RE = compile_vi(
    r"(?i:(?:sau|sau\s+đây|cụ\s+thể|gồm|bao\s+gồm|trách\s+nhiệm|nhiệm\s+vụ|quyền\s+hạn|nội\s+dung|việc|là|giao|đề\s+nghị)\s*:\s*$)"
)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_LABEL_END_RE = compile_vi(r":[^\S\n]*\n\s*(?=[\p{Lu}])")
_ASSIGNING_RE = compile_vi(r"(?i:trách\s+nhiệm|giao|đề\s+nghị|yêu\s+cầu|chủ\s+trì|phối\s+hợp|nhiệm\s+vụ|sau)")
# A clause that opens with the number of a quoted provision ("“4. Cơ quan có thẩm quyền …"): the
# clause starts after it.
_LEADING_NUMBER_RE = compile_vi(r"[\"“]?\s*(?:\d{1,2}[.)]|[a-zđ]\))\s+(?=[\p{Lu}])")
# "Sửa đổi, bổ sung khoản 2 Điều 17 như sau:": the amending act itself, not a task.
_AMENDMENT_RE = compile_vi(
    r"(?i:\s*(?:sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|thay\s+thế|thay\s+cụm\s+từ|điều\s+chỉnh)[^.;:]{0,120}?"
    r"(?:điều|khoản|điểm|cụm\s+từ|phụ\s+lục|mẫu)\s[^.;:]{0,120}?(?:như\s+sau|bằng|vào)\b)"
)
_ITEMS_INTRO_RE = compile_vi(r"(?:như|gồm|sau|công\s+trình|dự\s+án|tại)\s*:\s*|như\s+", re.IGNORECASE)


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
        if (sec.parent is not None and _lists_no_duties(ctx.sections[sec.parent].heading)) or _under_criteria(ctx.sections, i):
            continue
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
            sentences = _sentences(text, own_start, own_end)
            if len(sentences) < 2:
                continue
            own_end = sentences[-1].start
        only_heading = " ".join(seg.split()) == sec.heading and not acts
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
        powers = _in_competence_article(ctx.sections, i)
        deciding = False
        subjects_from: int | None = None
        for cspan in _clauses(ctx.prose or text, own_start, own_end):
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
            found = _tasks_of_clause(ctx, cspan, number, shared or inherited, needs_owner=needs_owner)
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
        if sec.kind != "other" or sec.marker is None or _no_duties_above(ctx.sections, i):
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
        for cspan in _clauses(ctx.prose or text, own_start, _own_end(ctx.sections, i, children)):
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
            found = _tasks_of_clause(ctx, cspan, _section_number(ctx.sections, i), inherited, needs_owner=True)
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


def _no_duties_above(sections: Sequence[Section], i: int) -> bool:
    return any(_lists_no_duties(sec.heading) or _NO_DUTIES_HEADING_RE.match(sec.heading) for sec in _lineage(sections, i))


# A provision's clause that grants or decides rather than binds: "Trường trung cấp tự chủ xác định …",
# "Thủ trưởng tổ chức thu phí quyết định việc …", "Cơ quan … được phép khai thác …" (not the "được" of
# "số tiền thu được", "nhận được").
_NOT_STANDING_RE = compile_vi(
    r"(?i:(?<!\w)(?:(?<!thu\s)(?<!nhận\s)được(?!\s+giao)|có\s+quyền|có\s+thể|tự\s+(?:chủ|bảo\s+đảm|đảm\s+bảo)|"
    r"(?<!theo\s)(?<!tại\s)(?<!các\s)quyết\s+định(?!\s+(?:số|này|của|\d))|thẩm\s+quyền|vi\s+phạm)(?!\w))"
)
# Provisions that rule, not assign: scope, subjects, definitions, principles, transition, forms.
_NO_DUTIES_HEADING_RE = compile_vi(
    r"(?i:\W*(?:những\s+)?(?:phạm\s+vi|đối\s+tượng|giải\s+thích|nguyên\s+tắc|"
    r"(?:quy\s+định|điều\s+khoản)\s+chuyển\s+tiếp|hiệu\s+lực|mẫu|biểu\s+mẫu|điều\s+kiện|tiêu\s+chuẩn|hồ\s+sơ|"
    r"trình\s+tự|thủ\s+tục|(?:thẩm\s+)?quyền(?!\s+hạn\s+và\s+trách)|xử\s+lý\s+vi\s+phạm|mức|cách\s+tính|phương\s+pháp|phân\s+loại))"
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
        for sent in _sentences(text, sec.body_start, _own_end(ctx.sections, i, children)):
            if _CLOSING_RE.search(text, sent.start, sent.end):
                continue
            if not rewritten and REPORT_BACK_RE.search(text, sent.start, sent.end):
                # "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các cơ quan … phản ánh về Bộ …":
                # a standing duty to report back, after the closing formula or the entry into force
                out.extend(_tasks_of_clause(ctx, sent, _section_number(ctx.sections, i), (), needs_owner=False))
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
            for cspan in _clauses(ctx.prose or text, sent.start, sent.end):
                # a clause after ";" without a subject of its own shares the sentence's ("…; hướng dẫn mẫu hợp đồng")
                found = _tasks_of_clause(ctx, cspan, _section_number(ctx.sections, i), leads, needs_owner=True)
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


def _lineage(sections: Sequence[Section], i: int) -> Iterator[Section]:
    """Section ``i`` and those that hold it, innermost first."""
    j: int | None = i
    while j is not None:
        yield sections[j]
        j = sections[j].parent


def _under_task_heading(sections: Sequence[Section], i: int) -> bool:
    return any(_TASK_HEADING_RE.match(sec.heading) for sec in _lineage(sections, i))


# A heading over a list of conditions, criteria, cases or the parts of a file: "… được hưởng lương hưu
# khi đáp ứng các điều kiện sau đây:", "Hồ sơ gồm:", "… trong các trường hợp sau:".
_CONDITIONS_RE = compile_vi(
    r"(?i:(?:(?:điều\s+kiện|tiêu\s+chuẩn|tiêu\s+chí|trường\s+hợp)(?:\s+[^\W\d]+){0,4}?\s+(?:sau(?:\s+đây)?|như\s+sau)"
    r"|hồ\s+sơ\s+(?:gồm|bao\s+gồm)(?:\s+[^\W\d]+){0,4}?)\s*:\s*$)"
)
# What a text holds, not what anyone does: "2. Quy chế hoạt động của Hội đồng quản lý bao gồm các nội dung chủ
# yếu sau:" (not "Cục Hàng không Việt Nam thực hiện … bao gồm các nội dung sau:", a body's work).
_CONTENTS_RE = compile_vi(
    r"(?i:\W*(?:các\s+)?(?:quy\s+chế|kế\s+hoạch|báo\s+cáo|đề\s+án|chương\s+trình|phương\s+án|hợp\s+đồng|điều\s+lệ|"
    r"văn\s+bản|quy\s+định|tài\s+liệu|thông\s+báo)(?!\w)[^.:;]{0,160}?(?<!\w)gồm\s+(?:các|những)\s+nội\s+dung"
    r"(?:\s+[^\W\d]+){0,2}?\s+(?:sau(?:\s+đây)?|như\s+sau)\s*:\s*$)"
)
# A heading over a list of rights: "… có các quyền sau đây:", "Điều 8. Quyền của người lao động".
_RIGHTS_RE = compile_vi(
    r"(?i:(?:^\W*|\s)(?:có\s+(?:các\s+|những\s+)?quyền\s+(?:sau(?:\s+đây)?|như\s+sau)\s*:\s*$|^\W*quyền\s+của\s))"
)
def _lists_no_duties(heading: str) -> bool:
    """Whether a heading introduces items that are conditions, cases or rights, not duties ("… khi đáp
    ứng các điều kiện sau:", "Tổ chức công đoàn có các quyền sau đây:", "Điều 8. Quyền của người lao động",
    "3. Tiêu chuẩn về năng lực chuyên môn, nghiệp vụ:")."""
    return bool(
        _CONDITIONS_RE.search(heading) or _RIGHTS_RE.search(heading) or _CRITERIA_RE.match(heading) or _CONTENTS_RE.match(heading)
    )


def _under_criteria(sections: Sequence[Section], i: int) -> bool:
    """Whether a section is, or lies under, a list of criteria ("3. Tiêu chuẩn về năng lực chuyên môn:"),
    within its article."""
    for sec in _lineage(sections, i):
        if sec.marker is None or sec.is_article or sec.is_part:
            return False  # (an article on criteria may still assign their assessment)
        if _CRITERIA_RE.match(sec.heading):
            return True
    return False


# A heading that is a list of criteria or conditions: "Tiêu chuẩn về trình độ đào tạo, bồi dưỡng:", "Yêu
# cầu đối với viên chức dự thi hoặc xét thăng hạng …".
_CRITERIA_RE = compile_vi(
    r"(?i:\W*(?:các\s+)?(?:tiêu\s+chuẩn|tiêu\s+chí|điều\s+kiện(?!\s+(?:bảo\s+đảm|đảm\s+bảo))|"
    r"yêu\s+cầu\s+đối\s+với\s+(?:viên\s+chức|công\s+chức|người))(?!\w))"
)


# An article that allots competence ("Điều 21. Thẩm quyền và trách nhiệm của Ủy ban nhân dân cấp tỉnh").
_COMPETENCE_RE = compile_vi(r"(?i:\W*thẩm\s+quyền(?!\w))")
# A clause that decides, or submits for a decision, case by case: "Quyết định thành lập …",
# "Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định …".
_DECIDES_RE = compile_vi(r"(?i:[^.;:]{0,140}?(?<!\w)quyết\s+định(?!\s+(?:số|này|của))\s+(?:việc\s+)?[^\W\d])")


def _in_competence_article(sections: Sequence[Section], i: int) -> bool:
    article = next((sec for sec in _lineage(sections, i) if sec.is_article), None)
    return article is not None and _COMPETENCE_RE.match(article.heading) is not None


def _section_number(sections: Sequence[Section], i: int) -> str | None:
    return next((sec.number for sec in _lineage(sections, i) if sec.number), None)


def _clauses(text: str, start: int, end: int) -> list[Span]:
    """Split a block into clauses, merging verbless and elaborating fragments into their predecessor.

    Sentences split at ". X" (capital next) and at line-initial bullets; inside a sentence, ";"
    separates clauses unless the sentence has opened a list with ":" ("các công trình: A; B; C"),
    whose parts are items of one task.
    """
    if end <= start:
        return []  # ("Điều 3. " alone: the heading's end is past the section's trimmed end)
    merged: list[Span] = []
    for sent in _sentences(text, start, end):
        colon = _LIST_COLON_RE.search(text, sent.start, sent.end)
        if colon is not None and _parts_are_actions(text, colon.end(), sent.end):
            colon = None  # "… các nhiệm vụ sau: rà soát …; đẩy mạnh …": duties, not items of one task
        pos = sent.start
        frags: list[Span] = []
        for m in re.finditer(r";\s*", text[sent.start : sent.end]):
            cut = sent.start + m.start()
            if colon is not None and cut > colon.start():
                break
            frags.append(Span(pos, cut))
            pos = sent.start + m.end()
        frags.append(Span(pos, sent.end))
        for k, sp in enumerate(frags):
            sp = trim_span(text, sp.start, sp.end)
            if len(sp) == 0:
                continue
            frag = text[sp.start : sp.end]
            weak = (
                _ELABORATION_RE.match(frag)
                or (_NOMINAL_RE.match(frag) and not _RULES_AND_ACTS_RE.match(frag))
                or not ACTION_RE.search(frag)
                or len(frag.split()) < 4
                or (_DEADLINE_ONLY_RE.match(frag) and len(frag.split()) <= 10)
            )
            # A verbless sentence continues the one before (an OCR-broken line), but not across a
            # blank line: "Nghị quyết này được … thông qua ngày …" is a paragraph of its own.
            new_paragraph = bool(merged) and _BLANK_LINE_RE.search(text, merged[-1].end, sp.start) is not None
            # "Định kỳ 06 tháng, trước ngày 31 tháng 7; định kỳ hằng năm …, báo cáo …": a part with no
            # action before the ";" is the time of the action after it
            timed = (
                k > 0
                and bool(merged)
                and frags[k - 1].start <= merged[-1].start
                and _TIME_ONLY_RE.fullmatch(text, merged[-1].start, merged[-1].end) is not None
            )
            if (merged and k > 0 and (weak or timed)) or (
                merged and k == 0 and not new_paragraph and (not ACTION_RE.search(frag) or len(frag.split()) < 3)
            ):
                merged[-1] = Span(merged[-1].start, sp.end)
            else:
                merged.append(sp)
    out = []
    for sp in merged:
        lead = _LEADING_NUMBER_RE.match(text, sp.start, sp.end)
        if lead is not None:
            sp = Span(lead.end(), sp.end)
        e = sp.end
        while e > sp.start and text[e - 1] in ";,. \n\t":
            e -= 1
        if e > sp.start:
            out.append(Span(sp.start, e))
    return out


def _parts_are_actions(text: str, start: int, end: int) -> bool:
    """Whether the ";"-separated parts of a list each open with a directive verb."""
    parts = [p for p in re.split(r";", text[start:end]) if p.strip()]
    return len(parts) >= 2 and all(ACTION_RE.match(p.strip()) for p in parts)


def _sentences(text: str, start: int, end: int) -> list[Span]:
    out = []
    pos = start
    for m in _SENT_SPLIT_RE.finditer(text, start, end):
        out.extend(_after_label(text, pos, m.start()))
        pos = m.end()
    out.extend(_after_label(text, pos, end))
    return out


def _after_label(text: str, start: int, end: int) -> list[Span]:
    """ "c) Báo cáo, thông tin hằng ngày:" then, on the next line, "Bộ Ngoại giao thực hiện …": a short
    label ends with the line; what follows is a sentence of its own. A label that assigns ("Bộ Y tế có
    trách nhiệm:", "Giao …:") keeps its items, which are its subject's."""
    m = _LABEL_END_RE.search(text, start, end)
    if m is None or len(text[start : m.start()].split()) > 12 or _ASSIGNING_RE.search(text, start, m.start()):
        return [Span(start, end)]
    return [Span(start, m.start()), Span(m.end(), end)]


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


def _subject_of(ctx: TaskContext, span: Span) -> tuple[Owner, ...]:
    """The leads a clause opens with ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ là người phát ngôn …")."""
    bodies = ctx.bodies_in(span)
    if not bodies:
        return ()
    if not (opens_with_subject(ctx.text, span, bodies) or opens_with_office(ctx.text[span.start : span.end])):
        return ()
    return tuple(o for o in owners_of(ctx.text, ctx.gazetteer, span, (), bodies=bodies) if o.role == "lead")


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
    if any(v.group(0)[:1].islower() for v in ACTION_RE.finditer(clause, 0, m.end() - 3)):
        return False  # "Cơ quan thuế thực hiện … và trả kết quả là …": the verb before "là" is the clause's
    return not _DUTY_AFTER_RE.search(clause, m.end())


def _is_capitals(clause: str) -> bool:
    """A title in capitals ("NHIỆM VỤ, QUYỀN HẠN, TRÁCH NHIỆM CỦA CƠ QUAN, TỔ CHỨC, CÁ NHÂN"), not a clause."""
    letters = [c for c in clause if c.isalpha()]
    return len(letters) >= 12 and all(c.isupper() for c in letters)


def _only_bodies(ctx: TaskContext, span: Span) -> bool:
    return names_only_bodies(ctx.text, span, ctx.bodies_in(span))


def _subject_right_before(ctx: TaskContext, span: Span, at: int) -> bool:
    """Whether the words right before ``at`` name the clause's subject, a body or a kind of one ("Giám
    đốc Bảo hiểm xã hội Việt Nam | quyết định …"), not an opening phrase ("Khi ra | quyết định …")."""
    text = ctx.text
    bodies = [b for b in ctx.bodies_in(span) if b.span.end <= at]
    if bodies and not text[bodies[-1].span.end : at].strip():
        return True
    kind = kind_subject_at(text, span, after_opener=True)
    return kind is not None and not text[kind[1].end : at].strip()


def _tasks_of_clause(
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
    # "chịu trách nhiệm quản lý nhà nước về …" runs past its first action ("quản lý").
    accountable = _ACCOUNTABLE_RE.search(clause, 0, min(len(clause), act.end() + 12))
    closing = "trách" in clause and _CLOSING_RE.search(clause) is not None  # (a quick test first)
    right = _RIGHT_RE.match(clause)
    if right is not None and right.start("d") > act.end() and clause[: right.start("d")].rstrip().endswith("đối tượng"):
        right = None  # "… cho các cơ sở giáo dục có đối tượng được hưởng chính sách": the beneficiaries
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
