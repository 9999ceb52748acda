"""Section kinds: which parts of a directive report results, name limitations, assign tasks, or
say who implements and monitors the document.

Kinds are read from a section's heading (its first sentence) with keyword patterns, then inherited
by sub-sections that say nothing of their own. Only ``tasks`` sections yield tasks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from dondoc.core.actions import ACTION_RE
from dondoc.core.outline import Section, text_under_heading
from dondoc.core.vietnamese import compile_vi

__all__ = ["TRIGGER_RE", "classify_sections", "rewritten_item"]

_IMPLEMENTATION_RE = re.compile(
    r"(?i:tổ\s+chức\s+(?:thực\s+hiện|thi\s+hành)\s*$|trách\s+nhiệm\s+thi\s+hành|điều\s+khoản\s+thi\s+hành|hiệu\s+lực\s+thi\s+hành|"
    r"chịu\s+trách\s+nhiệm\s+thi\s+hành|(?:thực\s+hiện|triển\s+khai|thi\s+hành|quán\s+triệt)[^.]{0,60}?"
    r"(?:[\wÀ-ỹ]{2,5}\s+luận|nghị\s+quyết|chỉ\s+thị|quyết\s+định|kế\s+hoạch|thông\s+báo|văn\s+bản)\s+này|"
    r"hiệu\s+lực\s+(?:kể\s+)?từ|có\s+hiệu\s+lực)"
)
# "trước ngày Thông tư này có hiệu lực thi hành": a date, not the article on entry into force.
_IN_FORCE_DATE_RE = re.compile(r"(?i:ngày\s+(?:[\wÀ-ỹ]+\s+){1,2}này\s+có\s+hiệu\s+lực)")
# "… chịu trách nhiệm thi hành Quyết định này": the closing formula, not a task.
_GENERIC_DUTY_RE = re.compile(r"(?i:chịu\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?thi\s+hành|trách\s+nhiệm\s+thi\s+hành)")
_LIMITATIONS_RE = re.compile(r"(?i:hạn\s+chế|tồn\s+tại|yếu\s+kém|bất\s+cập|nguyên\s+nhân)")
# Results are what a heading is about, not a word in passing ("Căn cứ tình hình thực tế, …").
_RESULTS_RE = re.compile(
    r"(?i:^\W*(?:về\s+|những\s+|một\s+số\s+|các\s+)?(?:kết\s+quả|tình\s+hình|đánh\s+giá|ket\s+quả)|đạt\s+được)"
)
_TASKS_RE = re.compile(
    r"(?i:nhiệm\s+vụ|giải\s+pháp|phương\s+hướng|chỉ\s+đạo|yêu\s+cầu|đề\s+nghị|mục\s+tiêu|kế\s+hoạch\s+hành\s+động|"
    r"^\s*giao\s|^\s*các\s+bộ|tập\s+trung|trọng\s+tâm|trách\s+nhiệm\s+của|^\W*nghĩa\s+vụ\s+của|^\W*trách\s+nhiệm(?!\s+thi\s+hành))"
)
# A heading that IS about the rules ("Điều 1. Phạm vi điều chỉnh"), not one that mentions them
# ("c) Thực hiện quản lý nhà nước về những nội dung thuộc phạm vi điều chỉnh của Nghị định này").
_RULES_RE = re.compile(
    r"(?i:^\W*(?:những\s+)?(?:phạm\s+vi\s+điều\s+chỉnh|đối\s+tượng\s+áp\s+dụng|giải\s+thích\s+từ\s+ngữ|quy\s+định\s+chung))"
)
# A line that hands the rest of the document to the directive part: "Thành ủy kết luận:", "QUYẾT NGHỊ:".
# (Not a consolidated text's footnote: "Luật số 46/2014/QH13 … có căn cứ ban hành như sau:".)
TRIGGER_RE = re.compile(
    r"(?:kết\s+luận|yêu\s+cầu|chỉ\s+thị|quyết\s+nghị|QUYẾT\s+NGHỊ|đề\s+nghị|giao|chỉ\s+đạo|"
    r"(?<!hành\s)(?<!hành)như\s+sau)\s*:\s*$",
    re.MULTILINE,
)


# "Trách nhiệm của gia đình, người thân thích của phạm nhân": duties of private persons, which no
# office tracks; the duties of bodies and organisations are tasks.
_PERSONS_DUTY_RE = re.compile(
    r"(?i:^\W*(?:quyền\s+và\s+)?(?:trách\s+nhiệm|nghĩa\s+vụ)(?:\s+và\s+quyền(?:\s+hạn)?)?\s+của\s+(?:các\s+|những\s+)?"
    r"(?:gia\s+đình|người\s+thân|thân\s+nhân|công\s+dân|người\s+dân|người\s+lao\s+động|người\s+học|học\s+sinh|"
    r"sinh\s+viên|phạm\s+nhân|người\s+bệnh|người\s+nộp|người\s+đến|khách|người\s+đề\s+nghị|người\s+yêu\s+cầu))"
)


# An article on the duties of a body: "Trách nhiệm của Bộ Y tế …", "Nhiệm vụ, quyền hạn của …", "Nghĩa vụ của …",
# "Quyền, trách nhiệm của tổ chức công đoàn …" (the persons' duties are rules, above; so are those of
# "tổ chức, cá nhân" at large in a law's general provisions).
_BODY_DUTY_HEADING_RE = re.compile(
    r"(?i:^\W*(?:(?:quyền(?:\s+hạn)?(?:,|\s+và)\s+|nhiệm\s+vụ,\s+quyền\s+hạn(?:,|\s+và)\s+)?(?:trách\s+nhiệm|nhiệm\s+vụ)|nghĩa\s+vụ)\s+của\s"
    r"(?!(?:các\s+)?(?:cơ\s+quan,\s+)?tổ\s+chức,\s+cá\s+nhân))"
)
_CITED_RE = re.compile(
    r"(?i:(?<!\w)(?:nghị\s+quyết|quyết\s+định|nghị\s+định|chỉ\s+thị|kết\s+luận|thông\s+tư|luật|kế\s+hoạch)\s+số\s[^,;]*)"
)


def _own_kind(sec: Section, text: str) -> str:
    h = sec.heading
    if _PERSONS_DUTY_RE.match(h):
        return "rules"
    # The heading may be cut short; the first sentence (up to 400 characters) decides implementation.
    lead = text[sec.body_start : sec.end][:400].split(". ")[0]
    if _RULES_RE.search(h):
        return "rules"
    if _IMPLEMENTATION_RE.search(_IN_FORCE_DATE_RE.sub(" ", h)) or _IMPLEMENTATION_RE.search(_IN_FORCE_DATE_RE.sub(" ", lead)):
        return "implementation"
    # "… theo Nghị quyết số 102/NQ-CP … về giải pháp …": the words of a cited title say nothing.
    own = _CITED_RE.sub(" ", h)
    if _TASKS_RE.search(own) and not re.match(r"(?i)\s*(?:kết\s+quả|tình\s+hình)", h):
        return "tasks"
    if _LIMITATIONS_RE.search(h):
        return "limitations"
    if _RESULTS_RE.search(h) and len(h) < 160:
        return "results"
    return "other"


# "Cơ quan đại diện Việt Nam ở nước ngoài có trách nhiệm …": a duty holder the gazetteer may not know.
_HAS_DUTY_RE = re.compile(r"(?i:^\W*[^.;:]{2,120}?\s(?:có|chịu)\s+trách\s+nhiệm(?!\s+(?:về|trước)))")


# "Phân bổ, quản lý và sử dụng quỹ … do Bảo hiểm xã hội tỉnh … thực hiện theo …": with an agent after
# "do", the leading verb names an activity that the provision rules on.
_AGENT_RE = compile_vi(r"(?<!\w)do\s+(?:[\p{Lu}]|các\s)")


_BASIS_RE = compile_vi(r"(?i:căn\s+cứ\s)")


def rewritten_item(sec: Section, sections: Sequence[Section]) -> bool:
    """Whether ``sec`` is a provision that an amending text rewrites and that opens with its action
    ('… như sau: “2. Hướng dẫn nội dung thông tin đối ngoại …”'), as the items of a duty article do.
    The body that must act is named in the amended article, which the amending text does not quote."""
    return _rewritten(sec, sections) and _opens_with_action(sec)


def _opens_with_action(sec: Section) -> bool:
    # An article's title names its topic ("Điều 7. Phân bổ và quản lý nguồn thu"), not an action.
    if sec.marker is None or sec.is_article or _AGENT_RE.search(sec.heading):
        return False
    head = sec.heading.lstrip()
    if ACTION_RE.match(head):
        return True
    # "Căn cứ hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch, xây dựng …": the action after the basis.
    return _BASIS_RE.match(head) is not None and any(
        ACTION_RE.match(head, m.end()) for m in re.finditer(r",\s*", head[:200])
    )


def is_rewritten(sec: Section, sections: Sequence[Section]) -> bool:
    """Whether ``sec`` opens a provision quoted by an amending item ("Sửa đổi, bổ sung khoản 2 như sau:")."""
    return _rewritten(sec, sections)


def _rewritten(sec: Section, sections: Sequence[Section]) -> bool:
    if sec.marker is None or not sec.marker.style.startswith("quoted:") or sec.parent is None:
        return False
    return _AMENDING_RE.match(sections[sec.parent].heading) is not None


# "Sửa đổi, bổ sung khoản 2 như sau:", "Bổ sung Điều 21a sau Điều 21 như sau:"
_AMENDING_RE = compile_vi(r"(?i:\W*(?:sửa\s+đổi|bổ\s+sung|thay\s+thế)[^.;]{0,200}?như\s+sau\s*:?\s*$)")
# The steps of a procedure, taken each time a file arrives, are rules, not duties to track.
_PROCEDURE_RE = compile_vi(
    r"(?i:hồ\s+sơ|kể\s+từ\s+(?:ngày|khi)\s+nhận|trong\s+thời\s+hạn|trình\s+tự|thủ\s+tục(?!\s+hành\s+chính))"
)


# A definition ("Thẩm định phương án giá là việc …"), a right ("… có quyền …"), a cited text
# ("Nghị định số 60/2021/NĐ-CP … quy định …").
_NO_DUTY_RE = compile_vi(
    r"(?i:\slà\s+(?:việc|hoạt\s+động|quá\s+trình)|(?<!\w)có\s+quyền|^\W*(?:nghị\s+định|thông\s+tư|quyết\s+định|luật|nghị\s+quyết)\s+số)"
)


def _rewritten_duty(sec: Section, sections: list[Section], text: str, addressed: bool) -> bool:
    """Whether ``sec`` is a rewritten provision ('… như sau: “5. Bộ X chủ trì …”') that assigns a duty:
    a sentence that opens with the body that must act, or with the action itself; not a title
    ("“2. Thẩm định hồ sơ”"), not a step of a procedure."""
    if not _rewritten(sec, sections) or len(sec.heading.split()) < 6 or sec.heading.isupper():
        return False
    if _PROCEDURE_RE.search(text, sec.heading_span.start, min(sec.end, sec.heading_span.start + 400)):
        return False
    if _NO_DUTY_RE.search(sec.heading):
        return False
    return addressed or _opens_with_action(sec) or _HAS_DUTY_RE.match(sec.heading) is not None


def _addresses_under_title(sec: Section, text: str, body_addressed: Callable[[Section], bool] | None) -> bool:
    """An article or item titled "Tổ chức thực hiện" with no items, whose text opens with the body
    that must act and is not the closing formula ("Các Bộ trưởng … chịu trách nhiệm thi hành …")."""
    if body_addressed is None or sec.marker is None or sec.marker.style in ("dash", "plus"):
        return False
    body = text[sec.heading_span.end : min(sec.end, sec.heading_span.end + 600)]
    return not _GENERIC_DUTY_RE.search(body) and not _IMPLEMENTATION_RE.search(body) and body_addressed(sec)


# "Các bộ, cơ quan ngang bộ, Ủy ban nhân dân tỉnh … có trách nhiệm:" over the items of an article.
_INTRO_DUTY_RE = compile_vi(
    r"(?i:[^.:]{2,300}?\s(?:(?:có|chịu)\s+trách\s+nhiệm(?!\s+(?:thi\s+hành|về|trước))[^.:]{0,60}"
    r"|chủ\s+trì[^.:]{0,200}?(?:nhiệm\s+vụ|nội\s+dung|công\s+việc)\s+sau(?:\s+đây)?\s*):[ \t]*\n)"
)


def _duties_under_title(sec: Section, text: str, body_addressed: Callable[[Section], bool] | None) -> bool:
    """An article whose text, under its title, opens with the bodies it is addressed to and their duty
    to do what its items list."""
    if body_addressed is None or not sec.is_article:
        return False
    return _INTRO_DUTY_RE.match(text, text_under_heading(text, sec), sec.end) is not None and body_addressed(sec)


# An implementation article whose items assign its work: "Điều 23. Tổ chức thực hiện", "Trách nhiệm thi hành".
_ORGANISES_RE = re.compile(r"(?i:tổ\s+chức\s+(?:thực\s+hiện|thi\s+hành)|trách\s+nhiệm\s+(?:thi\s+hành|thực\s+hiện))")
# "Điều 30. Quy định chuyển tiếp", "Điều 31. Bãi bỏ một số điều …", "Điều 32. Sửa đổi, bổ sung …": rules
# on other texts and on cases already under way, not duties.
_TRANSITION_RE = re.compile(r"(?i:chuyển\s+tiếp|bãi\s+bỏ|sửa\s+đổi|bổ\s+sung|thay\s+thế|áp\s+dụng|mẫu\s+biểu|biểu\s+mẫu)")


def _organises(heading: str) -> bool:
    """Whether an implementation article's items assign its work ("Tổ chức thực hiện"), not a transition's."""
    return bool(_ORGANISES_RE.search(heading)) and not _TRANSITION_RE.search(heading)


def classify_sections(
    sections: list[Section],
    text: str,
    *,
    directive_from: int | None,
    addressed: Callable[[Section], bool] | None = None,
    names_bodies: Callable[[Section], bool] | None = None,
    body_addressed: Callable[[Section], bool] | None = None,
    holds_duty: Callable[[Section], bool] | None = None,
) -> None:
    """Set ``kind`` on every section in place.

    Args:
        addressed: whether a section opens with the body it is addressed to (its subject);
            such sub-sections of an implementation section assign tasks.
        names_bodies: whether a heading is nothing but the names of bodies; an article so headed
            ("Điều 20. Bộ Quốc phòng") lists that body's duties.
        body_addressed: whether the text under a section's heading opens with the body it is
            addressed to; an implementation article without items so written assigns a task
            ("Điều 25. Tổ chức thực hiện / Chính phủ quy định chi tiết …").
        holds_duty: whether a section opens with a holder named by its kind, after a time opener or
            not ("3. Hằng năm, các đơn vị trong Ngành có trách nhiệm sơ kết …"); an item of an
            implementation article so written assigns a task.
        sections: the outline, parents before children.
        directive_from: offset after which top-level sections are directive by default (a
            trigger such as "Thành ủy kết luận:" or "QUYẾT NGHỊ:"), or None.
    """
    parents = {sec.parent for sec in sections}
    for i, sec in enumerate(sections):
        own = _own_kind(sec, text)
        parent_kind = sections[sec.parent].kind if sec.parent is not None else None
        duty = addressed is not None and addressed(sec) and not _GENERIC_DUTY_RE.search(sec.heading)
        named = sec.is_article and names_bodies is not None
        rewritten = own == "other" and parent_kind in (None, "other") and _rewritten_duty(sec, sections, text, duty)
        if (named and names_bodies(sec)) or rewritten:  # type: ignore[misc]
            # "Điều 20. Bộ Quốc phòng" lists that body's duties; so does a provision an amending text
            # rewrites ('… như sau: “5. Bộ X chủ trì …”').
            kind = "tasks"
        elif own == "implementation" and i not in parents and _addresses_under_title(sec, text, body_addressed):
            kind = "tasks"
        elif (
            own in ("other", "implementation") and parent_kind in (None, "other", own) and i in parents
            and _duties_under_title(sec, text, body_addressed)
        ):
            # "Điều 22. Chế độ báo cáo\nCác bộ, … có trách nhiệm:\n1. …", "Điều 9. Tổ chức thực hiện\nBan
            # Quản lý … chủ trì, phối hợp với … thực hiện các nhiệm vụ sau:\na) …"
            kind = "tasks"
        elif parent_kind == "implementation" and (
            duty or (holds_duty is not None and _organises(sections[sec.parent].heading) and holds_duty(sec))  # type: ignore[index]
        ):
            # "Tổ chức thực hiện" of a State document: "1. Bộ Y tế có trách nhiệm: …" assigns tasks.
            kind = "tasks"
        elif parent_kind == "tasks" and own == "implementation":
            kind = "tasks"  # "a) Tổ chức triển khai thực hiện Quyết định này" is the addressed body's task
        elif parent_kind == "rules" and own == "tasks" and sec.marker is not None and sec.marker.style == "article" and (
            _BODY_DUTY_HEADING_RE.match(sec.heading)
        ):
            kind = "tasks"  # "Chương I. Những quy định chung / Điều 6. Trách nhiệm của Bộ Y tế …": a law's duty article
        elif (
            parent_kind == "implementation" and own == "other" and sec.is_article
            and sections[sec.parent].is_part  # type: ignore[index]
            and not _TRANSITION_RE.search(sec.heading)
        ):
            # "Chương VII. TỔ CHỨC THỰC HIỆN / Điều 16. Thông báo tình hình biến động lao động": an article
            # of an implementation chapter states duties like any other, not the closing formula
            kind = "tasks"
        elif parent_kind in ("results", "limitations", "implementation", "rules") and own in ("other", "tasks"):
            # A sub-item of a results section that mentions "nhiệm vụ" still reports results.
            kind = parent_kind if own == "other" or parent_kind != "implementation" else own
        elif own != "other":
            kind = own
        elif parent_kind is not None:
            kind = parent_kind
        elif directive_from is not None and sec.start >= directive_from:
            kind = "tasks"
        else:
            kind = "other"
        sec.kind = kind
    for sec in sections:
        if sec.kind == "rules":
            sec.kind = "other"
