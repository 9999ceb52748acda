"""Tasks: one per directive clause with its own action, with target, deadline, owners and items.

Terms:
- a *clause* is a sentence or a ";"-separated part of one inside a task section. Fragments with
  no action of their own ("cầu Bến Rừng; cầu Vũ Yên") or that only elaborate the previous clause
  ("nhất là …", "bảo đảm …") are merged back into it;
- the *action* is the directive verb that opens the clause ("xây dựng", "hoàn thành");
- a *target* is a counted object of the action ("17 công viên"); a clause with several targets
  that each have their own deadline becomes one task per target;
- *owners* come from "X chủ trì, phối hợp với Y", "Giao X …", a body that is the clause's subject,
  or the body a parent section is addressed to ("2. Giao Bộ Xây dựng:").

This is hand-written because the grammar of Vietnamese directives is regular enough to be read by
rules with evidence spans, and no library parses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from dondoc.core.gazetteer import BodyMatch, Gazetteer
from dondoc.core.outline import Section
from dondoc.core.references import Reference
from dondoc.core.spans import Span, trim_span
from dondoc.core.timeexpr import TimeExpr
from dondoc.core.vietnamese import compile_vi

__all__ = ["ACTIONS", "Owner", "Task", "TaskContext", "extract_tasks", "names_organisations", "opens_with_subject"]

# Directive verbs, longest first when compiled. A clause needs one of these to be a task.
ACTIONS = """
triển khai tổ chức xây dựng hoàn thành hoàn thiện khởi công ban hành rà soát đẩy nhanh đẩy mạnh tập trung
thực hiện chỉ đạo nâng cao tăng cường cải tạo chỉnh trang giải quyết tiếp tục nghiên cứu trình báo cáo
bố trí kiểm tra giám sát đôn đốc sửa đổi bổ sung xúc tiến khôi phục phát triển cải thiện mở rộng giữ vững
bảo đảm đảm bảo quan tâm nắm chắc nắm vững cải cách hướng dẫn tuyên truyền đầu tư chuẩn bị khẩn trương
rút ngắn tháo gỡ huy động thu hút điều chỉnh đấu giá giao đất hạ ngầm kiện toàn sắp xếp luân chuyển
quán triệt lãnh đạo phối hợp chủ trì tham mưu đề xuất theo dõi tổng kết sơ kết đánh giá khai thác
thành lập phê duyệt thẩm định lập xử lý ngăn chặn phòng chống khắc phục mua sắm tiêm mua cấp phát
hỗ trợ sửa chữa củng cố sẵn sàng vận động tiếp nhận bàn giao quản lý ứng dụng số hóa chuyển đổi
tăng đẩy lùi giảm thiểu kiểm soát cắt giảm đơn giản hóa công khai rà soát sắp xếp chấn chỉnh thanh tra
""".split()
_MULTI_ACTIONS = [
    "triển khai", "tổ chức", "xây dựng", "hoàn thành", "hoàn thiện", "khởi công", "ban hành", "rà soát",
    "đẩy nhanh", "đẩy mạnh", "tập trung", "thực hiện", "chỉ đạo", "nâng cao", "tăng cường", "cải tạo",
    "chỉnh trang", "giải quyết", "tiếp tục", "nghiên cứu", "báo cáo", "bố trí", "kiểm tra", "giám sát",
    "đôn đốc", "sửa đổi", "bổ sung", "xúc tiến", "khôi phục", "phát triển", "cải thiện", "mở rộng",
    "giữ vững", "bảo đảm", "đảm bảo", "quan tâm", "nắm chắc", "nắm vững", "cải cách", "hướng dẫn",
    "tuyên truyền", "đầu tư", "chuẩn bị", "khẩn trương", "rút ngắn", "tháo gỡ", "huy động", "thu hút",
    "điều chỉnh", "đấu giá", "hạ ngầm", "kiện toàn", "sắp xếp", "luân chuyển", "quán triệt", "lãnh đạo",
    "phối hợp", "chủ trì", "tham mưu", "đề xuất", "theo dõi", "tổng kết", "sơ kết", "đánh giá", "khai thác",
    "thành lập", "phê duyệt", "thẩm định", "xử lý", "ngăn chặn", "phòng chống", "khắc phục", "mua sắm",
    "hỗ trợ", "sửa chữa", "củng cố", "sẵn sàng", "vận động", "tiếp nhận", "bàn giao", "quản lý", "ứng dụng",
    "số hóa", "chuyển đổi", "đẩy lùi", "giảm thiểu", "kiểm soát", "cắt giảm", "đơn giản hóa", "công khai",
    "chấn chỉnh", "thanh tra", "trình", "lập", "tiêm", "mua",
    "phấn đấu", "thúc đẩy", "cập nhật", "tích hợp", "đào tạo", "tập huấn", "phổ biến", "cung cấp", "tổng hợp",
    "cân đối", "phân bổ", "vận hành", "duy trì", "nâng cấp", "ưu tiên", "quảng bá", "kết nối",
    "lồng ghép", "nhân rộng", "khuyến khích",
]  # fmt: skip
_ACTION_RE = compile_vi(
    r"(?<!\w)(?P<a>(?i:" + "|".join(re.escape(a) for a in sorted(_MULTI_ACTIONS, key=len, reverse=True)) + r"))(?!\w)"
)
# "…; hoàn thành trong quý II năm 2026": the deadline of the clause before, not a task of its own.
_DEADLINE_ONLY_RE = compile_vi(
    r"(?i:^\s*(?:hoàn\s+thành|thực\s+hiện\s+xong|xong)\s+(?:trong|trước|chậm\s+nhất|vào|cuối|đầu|giữa|ngay)(?!\w))"
)
# Clause openers that only elaborate the previous clause.
_ELABORATION_RE = compile_vi(
    r"^\s*(?:nhất\s+là|đặc\s+biệt(?:\s+là)?|trong\s+đó|kể\s+cả|bao\s+gồm|gồm|như|trước\s+hết|"
    r"bảo\s+đảm|đảm\s+bảo|gắn\s+với|không\s+để|tránh|theo\s)",
    re.IGNORECASE,
)
_PASSIVE_RE = compile_vi(
    r"^[^,;]{0,80}?\s(?:được|bị)\s+(?:thực\s+hiện|áp\s+dụng|quy\s+định|xác\s+định|tính|ban\s+hành|triển\s+khai)"
)
# A heading that names organisations by their kind ("Các trường đại học", "Hiệp hội Ngân hàng").
_ORG_HEADING_RE = compile_vi(
    r"\s*(?:Các\s+)?(?i:khu(?!\s+vực)|hiệp\s+hội|tập\s+đoàn|tổng\s+công\s+ty|công\s+ty|trung\s+tâm|viện|"
    r"học\s+viện|trường|đại\s+học|tổng\s+cục|cục|quỹ(?!\s+đất)|liên\s+đoàn|đài|cơ\s+quan\s+báo\s+chí|bệnh\s+viện|"
    r"ngân\s+hàng|doanh\s+nghiệp|cơ\s+quan|đơn\s+vị)(?!\w)"
)
# Opening phrases before a clause's subject ("Trên cơ sở …,", "Trong quá trình thực hiện, …").
_OPENER_RE = compile_vi(
    r"(?i:\s*(?:trên\s+cơ\s+sở|căn\s+cứ|trong\s+quá\s+trình|trong\s+trường\s+hợp|trường\s+hợp|theo\s+chức\s+năng|"
    r"để|nhằm|sau\s+khi|khi)(?!\w))"
)
_OF_RE = compile_vi(r"(?i:(?<!\w)của\s+$)")
# "1. Về xây dựng và hoàn thiện cơ sở pháp lý": the topic of the items below, not a task.
_TOPIC_RE = compile_vi(r"(?i:\W*(?:về|đối\s+với|trong\s+lĩnh\s+vực|lĩnh\s+vực)\s)")
_TASK_HEADING_RE = compile_vi(r"(?i:\W*(?:các\s+|những\s+)?(?:nhiệm\s+vụ|giải\s+pháp)(?!\s+(?:và\s+quyền\s+hạn\s+)?của)(?!\w))")
_PLAN_NAME_RE = compile_vi(r"(?i:(?:tầm\s+nhìn|thời\s+kỳ)\s*$)")
_DUTY_OF_RE = compile_vi(
    r"(?i:\s*(?:quyền\s+(?:hạn\s+)?và\s+)?(?:trách\s+nhiệm|nhiệm\s+vụ)(?:\s*,?\s*(?:và\s+)?quyền(?:\s+hạn)?)?\s+của\s+)"
)
_DUTY_WORDS_RE = compile_vi(r"\s+(?:có|chịu)\s+trách\s+nhiệm|:")
# "chịu trách nhiệm về số liệu", "chịu trách nhiệm trước pháp luật": accountability, not a duty.
_ACCOUNTABLE_RE = compile_vi(r"(?i:chịu\s+trách\s+nhiệm\s+(?:về|trước|theo|toàn\s+diện|pháp\s+lý))")
# "Được Bộ Tài chính giao kinh phí …", "Được sử dụng …": a right of the body, not a duty.
_RIGHT_RE = compile_vi(r"\s*Được\s")
_REQUEST_RE = compile_vi(r"(?i:\b(?:đề\s+nghị|yêu\s+cầu|kính\s+đề\s+nghị)\b)")
_LIST_SEP_RE = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")
_LEAD_SUPPORT_RE = compile_vi(r"chủ\s+trì\s*,?\s*(?:và\s+)?phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?", re.IGNORECASE)
_SUPPORT_RE = compile_vi(r"(?i:phối\s+hợp(?:\s+chặt\s+chẽ)?\s+với)")
_ASSIGN_RE = compile_vi(r"(?:^|[\s(])(?:Giao|giao|Đề\s+nghị|đề\s+nghị|Yêu\s+cầu|yêu\s+cầu)\s+$")
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
_SENT_SPLIT_RE = compile_vi(r"(?<=[.!?])\s+(?=[\"“(]?[\p{Lu}])|(?<=\.)\s*\n\s*|\n\s*(?=[-+•]\s)")
_ITEMS_INTRO_RE = compile_vi(r"(?:như|gồm|sau|công\s+trình|dự\s+án|tại)\s*:\s*|như\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Owner:
    name: str
    role: str  # lead | support | monitor

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


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
    bodies: list[BodyMatch] = field(default_factory=list)


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
        kids = children.get(i, [])
        own_end = ctx.sections[kids[0]].start if kids else sec.end
        own_start = sec.body_start
        seg = text[own_start:own_end].rstrip()
        if not seg.strip():
            continue
        if kids and seg.rstrip().endswith(":"):
            continue  # an introduction to sub-items ("Giao Bộ Xây dựng:", "cụ thể:")
        if kids and seg.strip() == sec.heading and (_heading_owners(ctx, sec) or _TOPIC_RE.match(sec.heading)):
            continue  # a heading that only names the bodies its items are for ("2. Bộ Tài chính") or their topic
        parent = sec.parent
        if parent not in owner_cache:
            owner_cache[parent] = _inherited_owners(ctx, i)
        inherited = owner_cache[parent] or ctx.default_owners
        number = _section_number(ctx.sections, i)
        # Legal texts need an owner for a clause to be a task, except under a heading that says
        # the section holds tasks ("II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU").
        needs_owner = ctx.require_owner and not _under_task_heading(ctx.sections, i)
        # A clause without a subject of its own shares the subject of the clause before it in the
        # same paragraph ("Bộ Xây dựng chủ trì kiểm tra …; giám sát các cơ sở …").
        previous: tuple[Owner, ...] = ()
        last_end = -1
        for cspan in _clauses(text, own_start, own_start + len(seg)):
            shared = previous if last_end >= 0 and ";" in text[last_end : cspan.start] else ()
            found = _tasks_of_clause(ctx, cspan, number, shared or inherited, needs_owner=needs_owner)
            tasks.extend(found)
            previous = tuple(o for o in found[-1].owners if o.role == "lead") if found else ()
            last_end = cspan.end
    return tasks


def _under_task_heading(sections: Sequence[Section], i: int) -> bool:
    j: int | None = i
    while j is not None:
        if _TASK_HEADING_RE.match(sections[j].heading):
            return True
        j = sections[j].parent
    return False


def _section_number(sections: Sequence[Section], i: int) -> str | None:
    j: int | None = i
    while j is not None:
        if sections[j].number:
            return sections[j].number
        j = sections[j].parent
    return None


def _inherited_owners(ctx: TaskContext, i: int) -> tuple[Owner, ...]:
    """Owners named by the headings of enclosing sections ("2. Giao Bộ Y tế:", "1. Bộ Công an:",
    "3. Bộ Tài chính" over its items a), b)…)."""
    j = ctx.sections[i].parent
    while j is not None:
        owners = _heading_owners(ctx, ctx.sections[j])
        if owners:
            return owners
        j = ctx.sections[j].parent
    return ()


def names_organisations(heading: str) -> bool:
    """Whether a heading names organisations by their kind ("Các trường đại học", "Hiệp hội …")."""
    return bool(_ORG_HEADING_RE.match(heading)) and not heading.rstrip().endswith(".") and len(heading.split()) <= 25


def _heading_owners(ctx: TaskContext, sec: Section) -> tuple[Owner, ...]:
    """The bodies a heading addresses its sub-items to, if it is such a heading."""
    h = sec.heading
    hs = sec.heading_span
    found = ctx.gazetteer.find(ctx.text, hs.start, hs.end)
    opens_with_body = bool(found) and not ctx.text[hs.start : found[0].span.start].strip()
    if h.rstrip().endswith(":") or re.match(r"(?i)\s*giao\s", h) or opens_with_body:
        lead = _subject_bodies(ctx.text, hs.start, found, hs.end)
        return tuple(Owner(b.name, "lead") for b in lead)
    duty_of = _DUTY_OF_RE.match(h)
    if duty_of is not None:
        # "Điều 14. Trách nhiệm của Bộ Khoa học và Công nghệ": its points are that body's duties.
        of = hs.start + duty_of.end()
        bodies = [b for b in found if b.span.start >= of]
        if bodies and not ctx.text[of : bodies[0].span.start].strip():
            return tuple(Owner(b.name, "lead") for b in bodies[:1])
        name = h[duty_of.end() :].strip().rstrip(" :.,")
        return (Owner(name, "lead"),) if name else ()
    if not found and names_organisations(h):
        # "8. Các Khu công nghệ cao và hiệp hội, doanh nghiệp liên quan": bodies the gazetteer
        # does not know, named as the heading of their duties; kept as written.
        name = _DUTY_WORDS_RE.split(h, 1)[0].rstrip(" :.,")
        if name:
            return (Owner(name, "lead"),)
    return ()


def _clauses(text: str, start: int, end: int) -> list[Span]:
    """Split a block into clauses, merging verbless and elaborating fragments into their predecessor.

    Sentences split at ". X" (capital next) and at line-initial bullets; inside a sentence, ";"
    separates clauses unless the sentence has opened a list with ":" ("các công trình: A; B; C"),
    whose parts are items of one task.
    """
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
                or not _ACTION_RE.search(frag)
                or len(frag.split()) < 4
                or (_DEADLINE_ONLY_RE.match(frag) and len(frag.split()) <= 10)
            )
            if (merged and k > 0 and weak) or (merged and k == 0 and (not _ACTION_RE.search(frag) or len(frag.split()) < 3)):
                merged[-1] = Span(merged[-1].start, sp.end)
            else:
                merged.append(sp)
    out = []
    for sp in merged:
        e = sp.end
        while e > sp.start and text[e - 1] in ";,. \n\t":
            e -= 1
        if e > sp.start:
            out.append(Span(sp.start, e))
    return out


def _parts_are_actions(text: str, start: int, end: int) -> bool:
    """Whether the ";"-separated parts of a list each open with a directive verb."""
    parts = [p for p in re.split(r";", text[start:end]) if p.strip()]
    return len(parts) >= 2 and all(_ACTION_RE.match(p.strip()) for p in parts)


def _sentences(text: str, start: int, end: int) -> list[Span]:
    out = []
    pos = start
    for m in _SENT_SPLIT_RE.finditer(text, start, end):
        out.append(Span(pos, m.start()))
        pos = m.end()
    out.append(Span(pos, end))
    return out


def _subject_bodies(text: str, start: int, bodies: list[BodyMatch], end: int) -> list[BodyMatch]:
    """Bodies that stand before the first action of the clause (its subject).

    After an opening phrase ("Trên cơ sở đề xuất của các bộ, Bộ Tài chính tổng hợp …") only the list
    of bodies that runs up to the action is the subject; a body after "của" and those before it
    belong to the opening phrase.
    """
    m = _ACTION_RE.search(text, start, end)
    limit = m.start() if m else end
    subj = [b for b in bodies if b.span.start < limit]
    if not _OPENER_RE.match(text, start, end):
        return subj
    # "Căn cứ tình hình thực tế, tiếp tục nghiên cứu …": the verb right after the opening phrase
    # has no subject of its own (it is the addressed body's, from the heading or the letter).
    comma = next(
        (k for k in range(start, end) if text[k] == "," and not any(b.span.start <= k < b.span.end for b in bodies)),
        None,
    )
    if comma is not None:
        k = comma + 1
        while k < end and text[k].isspace():
            k += 1
        if _ACTION_RE.match(text, k, end):
            return []
    # The predicate is the first action that follows a body closely; actions inside the opening
    # phrase ("Trên cơ sở đề xuất của …") have no body before them.
    for a in _ACTION_RE.finditer(text, start, end):
        subj = [b for b in bodies if b.span.end <= a.start()]
        if subj and len(text[subj[-1].span.end : a.start()].split()) <= 10:
            break
    else:
        return []
    run: list[BodyMatch] = []
    for b in reversed(subj):
        if run and not _LIST_SEP_RE.fullmatch(text, b.span.end, run[0].span.start):
            break
        if _OF_RE.search(text, max(start, b.span.start - 8), b.span.start):
            break
        run.insert(0, b)
    return run


def opens_with_subject(text: str, span: Span, bodies: list[BodyMatch]) -> bool:
    """Whether the sentence at ``span`` opens with the bodies it is addressed to (its subject),
    possibly after an opening phrase ("Trên cơ sở …, Bộ Tài chính tổng hợp …")."""
    if not bodies:
        return False
    if not text[span.start : bodies[0].span.start].strip():
        return True
    return bool(_OPENER_RE.match(text, span.start, span.end)) and bool(_subject_bodies(text, span.start, bodies, span.end))


def _owners_of(ctx: TaskContext, span: Span, inherited: tuple[Owner, ...]) -> tuple[Owner, ...]:
    text = ctx.text
    bodies = ctx.gazetteer.find(text, span.start, span.end)
    owners: list[Owner] = []
    ls = _LEAD_SUPPORT_RE.search(text, span.start, span.end)
    if ls:
        leads = [b for b in bodies if b.span.end <= ls.start()]
        # Only the bodies right before "chủ trì" lead; earlier ones belong to another clause.
        leads = leads[-3:]
        stop = _ACTION_RE.search(text, ls.end(), span.end)
        support_end = span.end
        if stop:
            # Supporting bodies run until the next verb after the "phối hợp với" list.
            nxt = _ACTION_RE.search(text, stop.end(), span.end) if stop.start() == ls.end() else stop
            support_end = nxt.start() if nxt else span.end
        supports = [b for b in bodies if ls.end() <= b.span.start < support_end]
        owners += [Owner(b.name, "lead") for b in leads] or [o for o in inherited if o.role == "lead"]
        owners += [Owner(b.name, "support") for b in supports]
    else:
        prev: BodyMatch | None = None
        for b in bodies:
            before = text[max(span.start, b.span.start - 12) : b.span.start]
            # "Giao Bộ Y tế, Bộ Tài chính …": every body of the list after "Giao" is assigned.
            listed = prev is not None and owners and owners[-1].name == prev.name and _LIST_SEP_RE.fullmatch(
                text, prev.span.end, b.span.start
            )
            if _ASSIGN_RE.search(before) or listed:
                owners.append(Owner(b.name, "lead"))
            prev = b
        if not owners:
            subj = _subject_bodies(text, span.start, bodies, span.end)
            req = _REQUEST_RE.search(text, span.start, span.end)
            if req is not None:
                # "Bộ Tài chính đề nghị các đơn vị …": the requester is not the owner; bodies named
                # after the request are, or else the letter's addressees.
                subj = [b for b in subj if b.span.start >= req.end()]
            owners += [Owner(b.name, "lead") for b in subj]
        sup = _SUPPORT_RE.search(text, span.start, span.end)
        if sup:
            owners += [Owner(b.name, "support") for b in bodies if b.span.start >= sup.end()][:6]
        if not any(o.role == "lead" for o in owners):
            owners = list(inherited) + owners
    seen: set[tuple[str, str]] = set()
    uniq = []
    for o in owners:
        if (o.name, o.role) not in seen:
            seen.add((o.name, o.role))
            uniq.append(o)
    return tuple(uniq)


def _is_deadline(e: TimeExpr, refs: Sequence[Reference], text: str) -> bool:
    if any(r.span.overlaps(e.span) for r in refs):
        return False
    if _PLAN_NAME_RE.search(text, max(0, e.span.start - 16), e.span.start):
        return False  # "Quy hoạch … thời kỳ 2021 - 2030, tầm nhìn đến năm 2050": a plan's name
    if e.kind in ("relative", "recurring"):
        return e.relation in ("by", "within")
    if e.relation in ("by", "within", "until"):
        return True
    return e.kind in ("month", "month_part", "quarter", "half_year", "date")


def _tasks_of_clause(
    ctx: TaskContext, span: Span, number: str | None, inherited: tuple[Owner, ...], *, needs_owner: bool
) -> list[Task]:
    text = ctx.text
    clause = text[span.start : span.end]
    act = _ACTION_RE.search(clause)
    if act is None or _PASSIVE_RE.match(clause):
        return []
    accountable = _ACCOUNTABLE_RE.search(clause, 0, act.start())
    if accountable is not None or _RIGHT_RE.match(clause):
        return []
    owners = _owners_of(ctx, span, inherited)
    if needs_owner and not owners:
        return []
    refs = [r for r in ctx.references if span.contains(r.span)]
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
