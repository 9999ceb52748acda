"""Owners: which bodies lead or support a task, read from the clause and the headings above it.

Sources, in order: "X chủ trì, phối hợp với Y" (lead X, support Y); "Giao/Đề nghị X, Y …" (every
listed body leads); the clause's subject (the bodies before its first action, after an opening phrase
such as "Trên cơ sở …,"); the heading a section's items hang under ("2. Bộ Tài chính", "Điều 14.
Trách nhiệm của Bộ Khoa học và Công nghệ", "8. Các Khu công nghệ cao …"); else the letter's addressees.

Hand-written for the same reason as the task rules: no library reads Vietnamese directive syntax.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from dondoc.core.actions import ACTION_RE
from dondoc.core.gazetteer import HEAD_TITLES, OFFICE_TITLES, BodyMatch, Gazetteer
from dondoc.core.outline import Section, text_under_heading
from dondoc.core.spans import Span
from dondoc.core.vietnamese import compile_vi

__all__ = [
    "CONDITION_OPENER_RE",
    "DEADLINE_OPENER",
    "LEADS_RE",
    "LEAD_SUPPORT_RE",
    "REPORT_BACK_RE",
    "Owner",
    "assigns_to_bodies",
    "first_action",
    "heading_owners",
    "inherited_owners",
    "is_duty_title",
    "kind_subject",
    "kind_subject_at",
    "names_a_duty_holder",
    "names_only_bodies",
    "names_organisations",
    "opens_with_kind_subject",
    "opens_with_ministry_list",
    "opens_with_office",
    "opens_with_subject",
    "owners_of",
    "subject_bodies",
]

# A heading that names organisations by their kind or office-holders by title ("Các trường đại
# học", "Hiệp hội Ngân hàng", "Các Bộ:", "Bộ trưởng, Thủ trưởng cơ quan ngang bộ").
_ORG_KINDS = (
    r"khu(?!\s+vực)|hiệp\s+hội|tập\s+đoàn|tổng\s+công\s+ty|công\s+ty|trung\s+tâm|viện|học\s+viện|trường(?!\s+hợp)|đại\s+học|"
    r"sở(?!\s+hữu)|công\s+an|(?:ủy|uỷ)\s+ban|tổng\s+cục|cục|quỹ(?!\s+đất)|liên\s+đoàn|đài|cơ\s+quan\s+báo\s+chí|bệnh\s+viện|ngân\s+hàng|doanh\s+nghiệp|"
    r"cơ\s+quan|đơn\s+vị|văn\s+phòng|ban\s+quản\s+lý|hội\s+đồng|bảo\s+hiểm\s+xã\s+hội|kho\s+bạc|"
    r"cơ\s+sở\s+(?:giáo\s+dục|đào\s+tạo|khám|y\s+tế|nghiên\s+cứu|sản\s+xuất|kinh\s+doanh|trợ\s+giúp|bảo\s+trợ|"
    r"cai\s+nghiện|dạy\s+nghề|giáo\s+dục\s+nghề)|"
    r"tổ\s+chức\s+(?:khoa\s+học|tín\s+dụng|chính\s+trị|xã\s+hội|đại\s+diện|công\s+đoàn|quốc\s+tế|phi\s+chính\s+phủ|"
    r"kinh\s+tế|sự\s+nghiệp|hành\s+nghề|kiểm\s+định|chứng\s+nhận|bảo\s+hiểm|tài\s+chính|thu\s+phí|thành\s+viên)|tổ\s+chức,\s+cá\s+nhân|"
    r"chủ\s+đầu\s+tư|chủ\s+dự\s+án|chi\s+nhánh|(?:liên\s+hiệp\s+)?hợp\s+tác\s+xã|tổ\s+hợp\s+tác"
)
_OFFICES = (
    r"bộ\s+trưởng|thủ\s+trưởng|chủ\s+tịch|giám\s+đốc|tổng\s+giám\s+đốc|trưởng\s+ban|người\s+đứng\s+đầu|"
    rf"{HEAD_TITLES}|hiệu\s+trưởng|chánh\s+(?:văn\s+phòng|thanh\s+tra)"
)
# A ministry's department is a "Vụ" with a proper name ("Vụ Pháp chế"); "vụ việc", "nhiệm vụ" are not.
# "Địa phương" without "các" names the localities only when it is the subject of the verb right after it
# ("b) Địa phương thực hiện nhập kế hoạch …"), or is the whole name, not in "… của vùng, địa phương để xác định …".
_LOCALITY = rf"(?i:địa\s+phương)(?=\s+(?:{ACTION_RE.pattern}|(?i:có\s+trách\s+nhiệm|phải|chủ\s+động)(?!\w))|\s*$)"
_ORG_HEADING_RE = compile_vi(
    rf"\s*(?:(?i:các)\s+(?i:bộ|sở|ngành|địa\s+phương)(?!\w)|{_LOCALITY}|(?:[Cc]ác\s+)?(?i:{_ORG_KINDS}|{_OFFICES})(?!\w)|(?:Vụ|Phòng)\s+(?=[\p{{Lu}}]))"
)
_ANY_SEP_RE = compile_vi(r",\s*(?:và\s+)?|\s+và\s+")
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
# "Ban Quản lý các khu công nghiệp, khu kinh tế": a kind whose second word is a verb, and whose name
# holds a list (the zones it manages).
_BOARD = r"(?i:ban\s+quản\s+lý)"
# Kinds whose name holds a verb: "Ban quản lý", "chủ đầu tư", "tổ chức thu phí".
_VERB_IN_KIND_RE = compile_vi(rf"\s*(?i:các\s+)?(?:{_BOARD}|(?i:chủ\s+đầu\s+tư|tổ\s+chức\s+thu\s+phí))(?!\w)")
# The list after "các" (or a board's) belongs to the first name: it is not a list of names.
_INNER_LIST_RE = compile_vi(rf"\s(?i:các)\s|^{_BOARD}\s")
_AND_RE = compile_vi(r"\s+và\s+")
_JOINED_RE = compile_vi(r"(?:,|\s(?i:và))\s*$")
# An item of a list that names an organisation by its kind or an office-holder by title, whatever its case.
_ORG_OR_OFFICE_RE = compile_vi(
    rf"(?i:\s*(?:các\s+)?(?:{_ORG_KINDS}|tòa\s+án|toà\s+án|trại\s+(?:tạm\s+)?giam)(?!\w)|\s*{OFFICE_TITLES}\s)"
)
_OFFICE_START_RE = compile_vi(rf"\s*(?:Các\s+)?(?i:{_OFFICES})(?!\w)")
# An office-holder's title before the body ("Bộ trưởng Bộ Công an", "Chủ tịch Ủy ban nhân dân tỉnh").
_OFFICE_RE = compile_vi(rf"\s*{OFFICE_TITLES}\s*$")
# Opening phrases before a clause's subject ("Trên cơ sở …,", "Trong quá trình thực hiện, …").
_OPENER_RE = compile_vi(
    r"(?i:\s*(?:trên\s+cơ\s+sở|căn\s+cứ|trong\s+quá\s+trình|trong\s+trường\s+hợp|trường\s+hợp|theo\s+chức\s+năng|"
    r"để|nhằm|sau\s+khi|khi|ngoài(?:\s+việc)?|đối\s+với|trong\s+thời\s+(?:hạn|gian(?=\s+\d))|chậm\s+nhất|"
    r"(?:định\s+kỳ|(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần))(?=[^,.;:]{0,40},))(?!\w))"
)
_OF_RE = compile_vi(r"(?i:(?<!\w)của\s+$)")
# A body that receives what the clause sends or reports: "gửi Bộ Y tế", "báo cáo về Bộ Tài chính".
_TO_RE = compile_vi(r"(?i:(?<!\w)(?:gửi|gửi\s+về|về|cho|đến|tới|trình|báo\s+cáo)\s+$)")
# "Trách nhiệm của X", "Nhiệm vụ, quyền hạn, trách nhiệm của X", "Thẩm quyền và trách nhiệm của X",
# "Nghĩa vụ của X" (not "Quyền hạn của X", nor "Quyền và nghĩa vụ của X", whose items mix rights in,
# nor a chapter on "Quyền, trách nhiệm của cơ quan, tổ chức, cá nhân").
_DUTY_OF_RE = compile_vi(
    r"(?i:\s*(?:(?:(?:thẩm\s+)?quyền(?:\s+hạn)?(?:\s*,|\s+và)\s*)?(?:trách\s+nhiệm|nhiệm\s+vụ)"
    r"(?:(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?:trách\s+nhiệm|nhiệm\s+vụ|quyền(?:\s+hạn)?)){0,2}"
    r"|nghĩa\s+vụ(?:(?:\s*,\s*|\s+và\s+)trách\s+nhiệm)?"
    r"|(?:chế\s+độ\s+)?báo\s+cáo\s+định\s+kỳ|chế\s+độ\s+báo\s+cáo|quan\s+hệ\s+công\s+tác)\s+của\s+)"
)
_HELPS_RE = compile_vi(r"(?i:\W*(?:giúp|tham\s+mưu(?:\s*,\s*giúp)?|phục\s+vụ|hỗ\s+trợ)\s+(?:cho\s+)?$)")
_ANYONE_RE = compile_vi(r"(?i:(?:các\s+)?(?:cơ\s+quan\s*,\s*)?tổ\s+chức\s*,\s*cá\s+nhân(?:\s+có\s+liên\s+quan)?)")
# "Kiểm soát viên", "Thanh tra viên": a verb made a person's title by "viên".
_AGENT_NOUN_RE = compile_vi(r"(?i:\s*[^\W\d]+\s+[^\W\d]+\s+viên(?!\w))")
_SENDS_RE = compile_vi(r"(?i:(?:báo\s+cáo|gửi)(?!\w))")
# Where a duty title's holder ends: before the rule it cites, the field, or the case it is for
# ("Nghĩa vụ của người sử dụng lao động trong trường hợp thay đổi cơ cấu", "… của công ty chứng khoán
# khi thực hiện nghiệp vụ môi giới", "… đối với tổ chức đại diện người lao động").
_RULE_CITED_RE = compile_vi(
    r"(?i:\s+(?:theo|tại)\s+quy\s+định(?!\w)|\s+quy\s+định\s+tại\s"
    r"|\s+(?:trong|về)\s+(?:công\s+tác|việc|lĩnh\s+vực|hoạt\s+động|quá\s+trình)(?!\w)"
    r"|\s+(?:trong\s+trường\s+hợp|khi|đối\s+với)\s)"
)
_DUTY_WORDS_RE = compile_vi(r"\s+(?:có|chịu)\s+trách\s+nhiệm|:")
# Where the name that opens a heading ends: "Doanh nghiệp dịch vụ | có các nghĩa vụ sau đây:", "Ban quản lý
# khu công nghiệp, khu kinh tế | thực hiện các nhiệm vụ sau đây:", "Công ty quản lý quỹ | phải xây dựng …".
_HEADING_NAME_END_RE = compile_vi(
    r"\s+(?:có\s+(?:các\s+|những\s+)?(?:nhiệm\s+vụ|nghĩa\s+vụ|quyền|trách\s+nhiệm)|"
    r"thực\s+hiện\s+(?:các\s+|những\s+|một\s+số\s+)?nhiệm\s+vụ|phải|không\s+được)(?!\w)"
)
_REQUEST_RE = compile_vi(r"(?i:\b(?:đề\s+nghị|yêu\s+cầu|kính\s+đề\s+nghị)\b)")
# Between two bodies of a list, possibly before an office-holder's title ("Bộ trưởng Bộ Quốc phòng,
# Bộ trưởng Bộ Công an …").
_LIST_SEP_RE = compile_vi(rf"\s*(?:,\s*(?:và\s+)?|và\s+)(?:[Pp]hó\s+)?(?:{OFFICE_TITLES}\s+)?")
# "X chủ trì, phối hợp với Y …": X leads, Y supports.
LEAD_SUPPORT_RE = compile_vi(r"chủ\s+trì\s*,?\s*(?:và\s+)?phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?", re.IGNORECASE)
_SUPPORT_RE = compile_vi(r"(?i:phối\s+hợp(?:\s+chặt\s+chẽ)?\s+với)")
# "… chủ trì …": the body before it leads.
LEADS_RE = compile_vi(r"(?i:(?<!\w)chủ\s+trì(?!\w))")
_DIRECTS_RE = compile_vi(r"(?<!\w)chỉ\s+đạo\s+")
_DIRECTS_FIRST_RE = compile_vi(r"\s*(?i:chỉ\s+đạo)\s+")
_DIRECTED_DUTIES_RE = compile_vi(
    r"(?i:\s+thực\s+hiện\s+(?:các\s+|những\s+)?(?:nhiệm\s+vụ|công\s+việc|nội\s+dung)[^.:;]{0,40}?\s+sau(?:\s+đây)?\s*:?\s*$)"
)
# "X có trách nhiệm …" (not "chịu trách nhiệm về/trước"): X is the duty holder, as written. The short
# form stops at a comma (an unknown name as the fallback owner); the long one reads a list of kinds.
_DUTY_HOLDER = r"\s*(?P<who>[\p{{Lu}}]{name}?)\s+(?:có|chịu)\s+trách\s+nhiệm(?!\s+(?:về|trước))"
_RESPONSIBLE_RE = compile_vi(_DUTY_HOLDER.format(name=r"[^,;:.]{2,80}"))
_DUTY_HOLDER_RE = compile_vi(_DUTY_HOLDER.format(name=r"[^;:.]{2,200}"))
# Words that make a heading's opening words a rule or a condition, not a name ("Quỹ … được đầu tư vào …").
_RULING_RE = compile_vi(r"\d|(?<!\w)(?:được|bị|là|thì|nếu|khi)(?!\w)")
_CASE_OPENER_RE = compile_vi(r"(?i:(?:đối\s+với|trường\s+hợp|khi|sau\s+khi|trong)\s[^,]+,)")
_DUTY_TITLE_END_RE = compile_vi(r"(?:\s+(?:sau\s+đây|như\s+sau|sau))?\s*:?\s*")
# "Hằng năm, Bảo hiểm xã hội Quân đội, Bảo hiểm xã hội Công an nhân dân tổ chức …": a subject named by
# the kind of organisation it is, which the gazetteer does not know, up to the clause's first action.
# A deadline that opens a clause, up to its comma: "Trước ngày 03 hằng tháng, ", "Chậm nhất là ngày 15/12, ",
# or its colon, after a consolidated text's footnote number: "10 Chậm nhất đến hết ngày 31 tháng 12 năm 2026: ".
DEADLINE_OPENER = (
    r"(?:\d{1,3}\s+)?(?:trước|chậm\s+nhất(?:\s+(?:là|vào|đến))*)\s+(?:hết\s+)?ngày\s[^,;:.\n]{1,40}?[,:]\s*"
)
_TIME_OPENER_RE = compile_vi(
    rf"(?i:\s*(?:(?:định\s+kỳ\s+)?(?:hằng|hàng|định\s+kỳ)\s+(?:năm|quý|tháng|tuần)\s*,?\s*|{DEADLINE_OPENER}))"
)
# "… có liên quan, trong phạm vi chức năng, nhiệm vụ, quyền hạn của mình, …": how, not who.
_QUALIFIER_RE = compile_vi(
    r"(?i:,?\s+(?:trong|theo)\s+phạm\s+vi|,?\s+theo\s+(?:chức\s+năng|thẩm\s+quyền)|,?\s*căn\s+cứ\s"
    r"|\s+là\s+(?:cơ\s+quan|đơn\s+vị)\s+đầu\s+mối)"
)
_NAME_SEP_RE = compile_vi(r",\s*(?=[\p{Lu}])|\s+và\s+(?=[\p{Lu}])")
_NOUN_REQUEST_RE = compile_vi(r"(?i:(?:theo|có|các|của|căn\s+cứ|hồ\s+sơ|văn\s+bản|được|và|với|đối)\s+$)")
_CO_LEAD_RE = compile_vi(r"(?i:đồng\s+chủ\s+trì\s+với\s+)")
# "Các Bộ: Y tế, Công Thương, …": a list of ministries written after one "Bộ".
_MINISTRY_LIST_RE = compile_vi(r"\W*(?i:các\s+bộ)\s*:\s*")
_LIST_END_RE = compile_vi(r"[;:.]|\s(?:có|chịu)\s+trách\s+nhiệm|\s(?:căn\s+cứ|theo|trong)\s")
# "Các đơn vị chức năng thuộc …", "các cơ quan, đơn vị thuộc …": units of the body named next.
_UNIT_BEFORE_RE = compile_vi(
    r"(?P<u>(?i:(?:các\s+)?(?:cơ\s+quan|đơn\s+vị|tổ\s+chức|bộ\s+phận)(?:\s+[^\W\d][^,;.:()\d\n]{0,40}?)?"
    r"(?:,\s*(?:cơ\s+quan|đơn\s+vị|tổ\s+chức)(?:\s+[^\W\d][^,;.:()\d\n]{0,40}?)?)*))\s+(?P<of>(?i:(?:trực\s+)?thuộc))\s+$"
)
# The office of a body, opening a clause: "Văn phòng Bộ Kế hoạch và Đầu tư có trách nhiệm:".
_OFFICE_OF_RE = compile_vi(r"(?<!\w)(?P<u>Văn\s+phòng)\s+$")
_DEPUTY_RE = compile_vi(r"(?<!\w)(?i:phó)\s+$")
_CLAUSE_START_RE = compile_vi(r"(?:^|[,;:.\n]|\d\.|[a-zđ]\))\s*$")
_TITLE_BEFORE_RE = compile_vi(rf"(?<!\w)(?P<t>{OFFICE_TITLES})\s+$")
_ASSIGN_RE = compile_vi(r"(?:^|[\s(])(?:Giao|giao|Đề\s+nghị|đề\s+nghị|Yêu\s+cầu|yêu\s+cầu|Phân\s+công|phân\s+công)\s+$")
# "Giao Chính phủ:", "Đề nghị Bộ Y tế …", "Phân công Ủy ban Pháp luật …": a clause or heading that assigns.
_ASSIGNS_RE = compile_vi(r"(?i:\s*(?:giao|đề\s+nghị|yêu\s+cầu|phân\s+công)\s+)")


@dataclass(frozen=True, slots=True)
class Owner:
    name: str
    role: str  # lead | support | monitor

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


def _name(text: str, body: BodyMatch) -> str:
    """The owner's name: the body's, after the title of its office-holder when the text names one
    ("Bộ trưởng Bộ Công an", "Chủ tịch Ủy ban nhân dân cấp tỉnh"), or after the units of it that
    open the clause ("Các đơn vị chức năng thuộc Bộ Nông nghiệp và Môi trường"), as annotators and
    readers do."""
    alias = _alias(text, body.span.end)
    if alias is not None:
        return alias[0]
    if body.name.startswith("Thủ tướng") and _DEPUTY_RE.search(text, max(0, body.span.start - 6), body.span.start):
        return f"Phó {body.name}"  # "Phó Thủ tướng Chính phủ", not the Prime Minister
    title = _TITLE_BEFORE_RE.search(text, max(0, body.span.start - 40), body.span.start)
    if title is None:
        # ("cơ quan thuộc Chính phủ" is a kind of body of its own, not a unit of the Government)
        unit = None if body.name == "Chính phủ" else _UNIT_BEFORE_RE.search(text, max(0, body.span.start - 80), body.span.start)
        if unit is not None and _CLAUSE_START_RE.search(text, max(0, unit.start() - 8), unit.start()):
            u = " ".join(unit.group("u").split())
            return f"{u} {' '.join(unit.group('of').split())} {body.name}"
        office = _OFFICE_OF_RE.search(text, max(0, body.span.start - 16), body.span.start)
        if office is not None and _CLAUSE_START_RE.search(text, max(0, office.start() - 8), office.start()):
            return f"{' '.join(office.group('u').split())} {body.name}"  # "Văn phòng Bộ Kế hoạch và Đầu tư"
        return body.name
    t = " ".join(title.group("t").split())
    return f"{t[0].upper()}{t[1:]} {body.name}"


# The level a list of local bodies shares, written once after the last: "Hội đồng nhân dân, Ủy ban nhân dân
# các cấp", "Hội đồng nhân dân, Ủy ban nhân dân cấp tỉnh".
_LEVEL_RE = compile_vi(r"\s(các\s+cấp|cấp\s+(?:tỉnh|huyện|xã)(?:\s*,\s*cấp\s+(?:huyện|xã))*)$")
_LOCAL_BODIES = frozenset(
    (
        "Hội đồng nhân dân",
        "Ủy ban nhân dân",
        "Thường trực Hội đồng nhân dân",
        "Ban của Hội đồng nhân dân",
        "Mặt trận Tổ quốc Việt Nam",
    )
)


_ALIAS_RE = compile_vi(r"[ \t]*\([ \t]*sau\s+đây\s+gọi\s+chung\s+là\s+(?P<a>[^();:.]{3,80}?)\s*\)")


def _alias(text: str, pos: int) -> tuple[str, int] | None:
    """The name the text gives the bodies named just before ``pos`` from then on, and where it is given
    ends: "Ủy ban nhân dân xã, phường, thị trấn (sau đây gọi chung là Ủy ban nhân dân cấp xã)"."""
    m = _ALIAS_RE.match(text, pos)
    if m is None or not m.group("a")[:1].isupper() or len(m.group("a").split()) < 2:
        return None
    return " ".join(m.group("a").split()), m.end()


def _names_of_list(text: str, bodies: list[BodyMatch]) -> list[str]:
    """The owners' names of a list of bodies, the level written after the last one given to each local
    body before it that has none of its own."""
    for k, b in enumerate(bodies):
        alias = _alias(text, b.span.end)
        if alias is not None:
            # "Sở Tài chính, Sở Xây dựng (sau đây gọi chung là …)": one name for them all; the bodies
            # the alias itself names are not others.
            rest = [c for c in bodies[k + 1 :] if c.span.start >= alias[1]]
            return [alias[0], *(_names_of_list(text, rest) if rest else [])]
    names = [_name(text, b) for b in bodies]
    if len(names) > 1 and _MEMBERS_RE.match(names[0]) and names[1:] == [b.name for b in bodies[1:]]:
        # "Thành viên của Hội đồng Dân tộc, Ủy ban của Quốc hội": the members of each, one holder
        title = names[0][: len(names[0]) - len(bodies[0].name)]
        return [title + " ".join(text[bodies[0].span.start : bodies[-1].span.end].split())]
    level = _LEVEL_RE.search(bodies[-1].name) if len(bodies) > 1 else None
    if level is None:
        return names
    for k, b in enumerate(bodies[:-1]):
        listed = _LIST_SEP_RE.fullmatch(text, b.span.end, bodies[k + 1].span.start) is not None
        if listed and b.name in _LOCAL_BODIES and b.name == " ".join(b.text.split()):
            names[k] = f"{names[k]} {' '.join(level.group(1).split())}"
    return names


def _ministries(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[str]:
    """The ministries of "Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường …" (and a body that
    closes the list: "…, Tài chính và Ủy ban nhân dân tỉnh …"), each named in full; [] when the text
    at ``start`` is not such a list."""
    m = _MINISTRY_LIST_RE.match(text, start, end)
    if m is None:
        return []
    stop = _LIST_END_RE.search(text, m.end(), end)
    list_end = stop.start() if stop else end

    def ministry(name: str) -> str | None:
        full = "Bộ " + " ".join(name.split())
        found = gazetteer.find(full)
        return found[0].name if len(found) == 1 and found[0].span == Span(0, len(full)) else None

    names: list[str] = []
    pos = m.end()
    while pos < list_end:
        comma = text.find(",", pos, list_end)
        part_end = list_end if comma == -1 else comma
        part = text[pos:part_end]
        whole = ministry(part)
        if whole is not None:
            names.append(whole)
            pos = part_end + 1
            continue
        left, sep, right = part.partition(" và ")
        first = ministry(left) if sep else None
        if first is None:
            break
        names.append(first)
        second = ministry(right)
        if second is not None:
            names.append(second)
            pos = part_end + 1
            continue
        # "… và Ủy ban nhân dân tỉnh, thành phố": a body that closes the list, read in the text
        at = pos + len(left) + len(sep)
        while at < list_end and text[at].isspace():
            at += 1
        other = gazetteer.find(text, at, list_end)
        if other and other[0].span.start == at:
            names.append(other[0].name)
        break
    return names if len(names) >= 2 else []


# What may stand between body names in a heading that only names bodies: "Bộ A, Bộ B và Bộ C".
_BODY_LIST_GLUE_RE = compile_vi(r"(?:\s|[,;.:]|(?<!\w)và(?!\w))*")


def names_only_bodies(text: str, span: Span, bodies: list[BodyMatch]) -> bool:
    """Whether ``text[span]`` is nothing but the names of ``bodies`` (found in it) and the words that
    join them ("2. Bộ Tài chính", "b) Ủy ban nhân dân cấp tỉnh", "Điều 20. Bộ Quốc phòng và Bộ Công an")."""
    found = [b for b in bodies if span.start <= b.span.start and b.span.end <= span.end]
    if not found:
        return False
    rest, pos = [], span.start
    for b in found:
        rest.append(text[pos : b.span.start])
        pos = b.span.end
    rest.append(text[pos : span.end])
    return _BODY_LIST_GLUE_RE.fullmatch("".join(rest)) is not None


def opens_with_ministry_list(text: str, span: Span, gazetteer: Gazetteer) -> bool:
    """Whether the text at ``span`` opens with "Các Bộ: Y tế, Công Thương, …" (its subject)."""
    return bool(_ministries(text, span.start, span.end, gazetteer))


def inherited_owners(text: str, gazetteer: Gazetteer, sections: Sequence[Section], i: int) -> tuple[Owner, ...]:
    """Owners named by the headings of enclosing sections ("2. Giao Bộ Y tế:", "1. Bộ Công an:",
    "3. Bộ Tài chính" over its items a), b)…)."""
    j = sections[i].parent
    while j is not None:
        owners = heading_owners(text, gazetteer, sections[j]) or _intro_owners(text, gazetteer, sections[j])
        if owners:
            return owners
        j = sections[j].parent
    return ()


_INTRO_END_RE = compile_vi(r":[ \t]*\n")


def _intro_owners(text: str, gazetteer: Gazetteer, sec: Section) -> tuple[Owner, ...]:
    """The leads named by the sentence that opens an article under its title and introduces its
    items ("Điều 22. Chế độ báo cáo\nCác bộ, cơ quan ngang bộ, Ủy ban nhân dân tỉnh … có trách nhiệm:")."""
    if not sec.is_article:
        return ()
    start = text_under_heading(text, sec)
    colon = _INTRO_END_RE.search(text, start, min(sec.end, start + 400))
    if colon is None or "." in text[start : colon.start()]:
        return ()
    span = Span(start, colon.start())
    if not (_DUTY_WORDS_RE.search(text, span.start, span.end) or LEADS_RE.search(text, span.start, span.end)):
        return ()
    return tuple(o for o in owners_of(text, gazetteer, span, ()) if o.role == "lead")


def assigns_to_bodies(text: str, span: Span, bodies: list[BodyMatch]) -> bool:
    """Whether the heading or clause at ``span`` opens by assigning work to the bodies named next
    ("Giao Chính phủ:", "Phân công Ủy ban Pháp luật chủ trì …")."""
    m = _ASSIGNS_RE.match(text, span.start, span.end)
    return m is not None and any(b.span.start == m.end() for b in bodies)


def opens_with_office(text: str) -> bool:
    """Whether ``text`` opens with office-holders ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ có liên
    quan …"), whatever follows."""
    return bool(_OFFICE_START_RE.match(text))


def names_a_duty_holder(sentence: str) -> bool:
    """Whether ``sentence`` opens with an organisation that has a duty ("Cơ quan có thẩm quyền quản lý
    công chức có trách nhiệm thống kê …"), which the gazetteer may not know."""
    m = _RESPONSIBLE_RE.match(sentence)
    return m is not None and names_organisations(m.group("who")) and not ACTION_RE.match(m.group("who"))


def opens_with_kind_subject(text: str, span: Span) -> bool:
    """Whether the clause at ``span`` opens with an organisation the gazetteer may not know, named by
    its kind, that leads the work ("Tổng cục Thống kê chủ trì, phối hợp …")."""
    if not kind_subject(text, span):
        return False
    kind = _ORG_HEADING_RE.match(text, span.start, span.end)
    act = _action_after_kind(text, span.start, kind.end() if kind is not None else span.start, span.end)
    return act is not None and LEADS_RE.match(text, act.start(), span.end) is not None


def names_organisations(heading: str) -> bool:
    """Whether a heading names organisations by their kind ("Các trường đại học", "Hiệp hội …")."""
    return bool(_ORG_HEADING_RE.match(heading)) and not heading.rstrip().endswith(".") and len(heading.split()) <= 25


def is_duty_title(heading: str) -> bool:
    """Whether a heading titles the duties of those it names ("Trách nhiệm của Bộ Tài chính",
    "Nhiệm vụ, quyền hạn của Ủy ban nhân dân cấp tỉnh")."""
    return _DUTY_OF_RE.match(heading) is not None


# A civil-service rank titling its article: "Điều 6. Thống kê viên chính (mã số 23.262)", "Điều 9. Giáo
# viên giáo dục nghề nghiệp cao cấp (hạng I) - Mã số: V.09.02.058", "Điều 5. Giảng viên giáo dục nghề
# nghiệp cao cấp - Mã số: V.09.02.01", "Điều 4. Công chức kiểm soát viên chất lượng sản phẩm, hàng hóa".
_RANK_RE = compile_vi(
    r"(?P<n>[\p{Lu}][^\W\d][^():;.]{3,80}?)\s*(?:\((?i:(?P<g>hạng\s+[IVX]+)|mã\s+số[^)]*)\)|-\s*(?i:mã\s+số))"
    r"|(?P<c>(?:Công|Viên)\s+chức\s+[^\W\d][^():;.]{3,80}?)\s*$"  # ("… kiểm soát viên chất lượng sản phẩm, hàng hóa")
)


def heading_owners(text: str, gazetteer: Gazetteer, sec: Section) -> tuple[Owner, ...]:
    """The bodies a heading addresses its sub-items to, if it is such a heading."""
    h = sec.heading
    hs = sec.heading_span
    rank = _RANK_RE.match(h) if sec.is_article else None
    if rank is not None:
        # the duties listed under a rank's article are that rank's
        name = " ".join((rank.group("n") or rank.group("c")).split())
        return (Owner(f"{name} ({rank.group('g')})" if rank.group("g") else name, "lead"),)
    if sec.is_part and h.isupper() and (proper := gazetteer.proper(h)) is not None:
        return (Owner(proper, "lead"),)  # "Chương II / PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI": the body its articles are of
    line_end = text.find("\n", hs.end)  # the heading may stop at "Các Bộ:", its line does not
    ministries = _ministries(text, hs.start, sec.end if line_end == -1 else min(sec.end, line_end), gazetteer)
    if ministries:
        return tuple(Owner(n, "lead") for n in ministries)
    found = gazetteer.find(text, hs.start, hs.end)
    opens_with_body = bool(found) and not text[hs.start : found[0].span.start].strip()
    if h.rstrip().endswith(":") or re.match(r"(?i)\s*giao\s", h) or opens_with_body:
        lead = subject_bodies(text, hs.start, found, hs.end)
        if _OFFICE_START_RE.match(h):
            # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Ủy ban nhân dân các tỉnh … có trách nhiệm:"
            who = _QUALIFIER_RE.split(_DUTY_WORDS_RE.split(h, 1)[0], 1)[0]
            offices = _split_names(" ".join(who.split()).rstrip(" :.,"))
            if len(offices) > max(1, len(lead)) and all(len(n.split()) <= 16 for n in offices):
                return tuple(Owner(n, "lead") for n in offices)
        if lead:
            names = _names_of_list(text, lead)
            # "Mặt trận Tổ quốc Việt Nam, các tổ chức thành viên của Mặt trận và các tổ chức xã hội khác
            # trong phạm vi … có quyền và trách nhiệm sau đây:": the kinds the list goes on with lead too
            # ("Đài Truyền hình Việt Nam, …, Thông tấn xã Việt Nam và các cơ quan báo chí": a title that
            # is the list, to its end)
            stop = _LIST_END_RE.search(text, lead[-1].span.end, hs.end)
            until = stop.start() if stop is not None else hs.end
            if until > lead[-1].span.end:
                later = [b for b in found if lead[-1].span.end <= b.span.start and b.span.end <= until]
                names += _list_goes_on(text, later, lead[-1].span.end, until) or []
            return tuple(Owner(n, "lead") for n in names)
    holder = _DUTY_HOLDER_RE.match(h)
    title_end = holder is not None and _DUTY_TITLE_END_RE.fullmatch(h, holder.end()) is not None
    works = holder is not None and (title_end or _WORK_AFTER_DUTY_RE.match(h, holder.end()) is not None)
    if holder is not None and ((title_end and not found) or (works and not opens_with_body and _introduces_items(text, sec))):
        # "2. Bộ, cơ quan trung ương của tổ chức chính trị - xã hội có trách nhiệm" over its items (its
        # colon lost): bodies the gazetteer does not know, named as written; or "2. Cơ quan chuyên môn về
        # văn hóa, thể thao thuộc Ủy ban nhân dân cấp tỉnh, cấp xã có trách nhiệm phối hợp với … tổ chức thực
        # hiện các hoạt động …:", what the holder does, then its list.
        who = _QUALIFIER_RE.split(holder.group("who"), 1)[0]
        if _CASE_OPENER_RE.match(who):
            who = who.rsplit(",", 1)[-1].strip()  # "Đối với dự án PPP, cơ quan ký kết hợp đồng có trách nhiệm:"
        named = who[:1].isupper() or _ORG_OR_OFFICE_RE.match(who) is not None
        if named and not _RULING_RE.search(who) and not _ASKS_FIRST_RE.match(who):
            return _written_leads(who, gazetteer)
    duty_of = _DUTY_OF_RE.match(h)
    if duty_of is not None:
        # "Điều 14. Trách nhiệm của Bộ Khoa học và Công nghệ": its points are that body's duties.
        of = hs.start + duty_of.end()
        listed = _list_at(text, found, of)
        if listed:
            # "Trách nhiệm của Bộ Quốc phòng và Bộ Công an": every body of the list that opens it, and
            # those the gazetteer does not know that the list goes on with ("các Bộ, ngành, tổ chức
            # chính trị - xã hội, Ủy ban nhân dân các tỉnh …").
            names = _names_of_list(text, listed)
            rest = _list_goes_on(text, [b for b in found if b.span.start >= listed[-1].span.end], listed[-1].span.end, hs.end)
            return tuple(Owner(n, "lead") for n in (names + rest if rest is not None else names))
        # ("Báo cáo định kỳ của trung tâm dịch vụ việc làm theo quy định tại Khoản 5 …", "Quyền, trách nhiệm
        # của tổ chức công đoàn trong công tác an toàn …": the name ends before the rule or the field)
        held_by = _RULE_CITED_RE.split(h[duty_of.end() :], 1)[0].strip().rstrip(" :.,")
        if _ANYONE_RE.fullmatch(held_by):
            return ()  # "Quyền, trách nhiệm của cơ quan, tổ chức, cá nhân": everyone, no holder to track
        for act in ACTION_RE.finditer(held_by):
            # "Trách nhiệm của tổ chức chính trị - xã hội, tổ chức phi chính phủ thực hiện chương trình …":
            # a list of kinds, then what they do (not "đơn vị chủ trì thực hiện", one name)
            names = _kinds_listed(held_by[: act.start()], min_words=3)
            if len(names) > 1:
                return tuple(Owner(n, "lead") for n in names)
        return _written_leads(held_by, gazetteer)
    directs = _DIRECTS_FIRST_RE.match(text, hs.start, hs.end)
    duties = _DIRECTED_DUTIES_RE.search(text, directs.end(), hs.end) if directs is not None else None
    if directs is not None and duties is not None:
        # "3. Chỉ đạo trại giam, trại tạm giam, cơ quan thi hành án hình sự công an cấp tỉnh thực hiện các
        # nhiệm vụ, quyền hạn sau đây:": the items are the duties of those directed, as written
        names = _kinds_listed(text[directs.end() : duties.start()])
        if names:
            return tuple(Owner(n, "lead") for n in names)
    directed = _DIRECTS_RE.search(text, hs.start, hs.end)
    if directed is not None:
        # "1. Bộ trưởng Bộ Quốc phòng chỉ đạo Ban Cơ yếu Chính phủ" over its items: the body
        # directed does the work.
        listed = _list_at(text, found, directed.end())
        if listed and not text[listed[-1].span.end : hs.end].strip(" :.,"):
            return tuple(Owner(_name(text, b), "lead") for b in listed)

    if names_organisations(h) and not opens_with_body:
        # "8. Các Khu công nghệ cao và hiệp hội, doanh nghiệp liên quan": bodies the gazetteer
        # does not know, named as the heading of their duties; kept as written.
        name = _HEADING_NAME_END_RE.split(_DUTY_WORDS_RE.split(h, 1)[0], 1)[0].rstrip(" :.,")
        if _RULING_RE.search(name):
            return ()  # a sentence that rules, not a name ("Quỹ đầu tư bất động sản được đầu tư vào …")
        return _written_leads(name, gazetteer)
    return ()


def _list_goes_on(text: str, bodies: list[BodyMatch], start: int, end: int) -> list[str] | None:
    """The names a list of bodies goes on with from ``start`` to ``end``: the ``bodies`` found there and,
    between them, organisations named by their kind; None unless every part is one of those."""
    names: list[str] = []
    pos = start
    for b in [*bodies, None]:
        stop = b.span.start if b is not None else end
        parts = [" ".join(p.split()).strip(" :.,") for p in _ANY_SEP_RE.split(text[pos:stop])]
        joined = b is not None and bool(parts[-1])  # "cơ quan trực thuộc | Chính phủ": one name
        for k, part in enumerate(parts):
            if part and not _ORG_OR_OFFICE_RE.match(part):
                return None
            if part and not (joined and k == len(parts) - 1):
                names.append(part)
        if b is not None:
            names.append(f"{parts[-1]} {' '.join(b.text.split())}" if joined else _name(text, b))
            pos = b.span.end
    return names


# An intro that goes on past "có trách nhiệm" with the holder's own work, not with what its items are:
# "… có trách nhiệm phối hợp với … tổ chức thực hiện các hoạt động …:", not "… có trách nhiệm báo cáo Bộ
# Tài chính các thông tin sau đây:".
_WORK_AFTER_DUTY_RE = compile_vi(
    r"(?i:\s+(?:phối\s+hợp|chủ\s+trì|(?:tổ\s+chức\s+)?thực\s+hiện\s+(?:các|những)\s+(?:nhiệm\s+vụ|hoạt\s+động|công\s+việc))(?!\w))"
)
# A heading that opens with what is asked of someone, not with who holds the duty ("a) Quy định cho bộ
# phận quản lý an toàn … có trách nhiệm …"; "Tổ chức quản lý bất động sản có trách nhiệm:" names an organisation).
_ASKS_FIRST_RE = compile_vi(rf"(?!(?i:tổ\s+chức)\s)(?:{ACTION_RE.pattern}|(?i:quy\s+định|yêu\s+cầu|đề\s+nghị|giao)(?!\w))")


def _introduces_items(text: str, sec: Section) -> bool:
    """Whether the section's opening sentence ends with ":" at a line's end, over its items."""
    start = sec.heading_span.start
    colon = _INTRO_END_RE.search(text, start, min(sec.end, start + 600))
    return colon is not None and "." not in text[start : colon.start()] and ";" not in text[start : colon.start()]


def _written_leads(name: str, gazetteer: Gazetteer) -> tuple[Owner, ...]:
    """The leads a heading names as written. A chapter's title in capitals names a topic ("BẢO HIỂM XÃ
    HỘI BẮT BUỘC", "TRÁCH NHIỆM CỦA CÁC BÊN"), or a body the gazetteer knows in another case ("SỞ LAO
    ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")."""
    if name.isupper():
        proper = gazetteer.proper(name)
        return (Owner(proper, "lead"),) if proper else ()
    return tuple(Owner(n, "lead") for n in _split_names(name))


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
#   issued, not the work to issue one.
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
    if not _OPENER_RE.match(text, start, end):
        # The subject is the list of bodies the clause opens with; a body further on is an object
        # ("Bộ Nông nghiệp và Môi trường là cơ quan đầu mối giúp Chính phủ …").
        if subj and _HELPS_RE.match(text, start, subj[0].span.start):
            return []  # "Giúp Hội đồng bầu cử quốc gia theo dõi …": the body helped is no subject
        return _list_at(text, subj, subj[0].span.start) if subj else []
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
        if run and not _LIST_SEP_RE.fullmatch(text, b.span.end, run[0].span.start):
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
    return bool(_OPENER_RE.match(text, span.start, span.end)) and bool(subject_bodies(text, span.start, bodies, span.end))


def _list_at(text: str, bodies: list[BodyMatch], pos: int) -> list[BodyMatch]:
    """The list of bodies that starts at ``pos`` ("Bộ Y tế, Bộ Tài chính và …")."""
    run: list[BodyMatch] = []
    for b in bodies:
        if b.span.start < pos:
            continue
        gap_start = run[-1].span.end if run else pos
        if (run and not _LIST_SEP_RE.fullmatch(text, gap_start, b.span.start)) or (not run and text[pos : b.span.start].strip()):
            break
        run.append(b)
    return run


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
        return [Owner(n, "lead") for n in _names_of_list(text, asked)]
    who = _MODAL_RE.split(" ".join(text[start:verb].split()).rstrip(" ,"), 1)[0]  # ("… có liên quan | cần phản ánh")
    # ("… vướng mắc hoặc có vấn đề mới phát sinh, các cơ quan, tổ chức, cá nhân phản ánh …": those who
    # report stand after the last part of the condition)
    for cut in [0, *(k + 1 for k, c in enumerate(who) if c == ",")]:
        part = who[cut:].strip()
        if part and names_organisations(part[:1].upper() + part[1:]):
            return [Owner(n, "lead") for n in _split_names(part)]
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
    act = _unjoined(_ASKED_RE, text, start, end, _ASKED_RE.search(text, start, end))
    while act is not None and _PARTIES_RE.match(text, act.start(), end) and _THE_RE.fullmatch(text, start, act.start()):
        act = _ASKED_RE.search(text, act.end(), end)  # "đề nghị (các) tổ chức, cá nhân phản ánh …": those asked
    return act.start() if act is not None else end


# "tổ chức, cá nhân", "tổ chức và cá nhân": parties, not the verb "tổ chức".
_PARTIES_RE = compile_vi(r"(?i:tổ\s+chức\s*(?:,|\s+và)\s*cá\s+nhân)")
_THE_RE = compile_vi(r"\s*(?i:các\s+)?")


def _unjoined(pattern: re.Pattern[str], text: str, start: int, end: int, act: re.Match[str] | None) -> re.Match[str] | None:
    """``act`` or the next match of ``pattern`` that does not stand right after "và" or ",": there a
    verb-like word starts the next name of a list ("Doanh nghiệp và tổ chức khoa học …")."""
    while act is not None and _JOINED_RE.search(text, start, act.start()):
        act = pattern.search(text, act.end(), end)
    return act


def _opening_body(text: str, span: Span, bodies: list[BodyMatch]) -> BodyMatch | None:
    """The body the clause opens with, if any, after a duty label or a time opener ("Trách nhiệm của
    Tòa án nhân dân tối cao: Hằng năm, Tòa án nhân dân tối cao có trách nhiệm …")."""
    head = span.start
    if _DUTY_OF_RE.match(text, head, span.end) is not None:
        colon = text.find(":", head, min(span.end, head + 200))
        if colon != -1:
            head = colon + 1
    opener = _TIME_OPENER_RE.match(text, head, span.end)
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
        if _DIRECTS_FIRST_RE.match(text, span.start, ls.start()) and any(o.role == "lead" for o in inherited):
            # "a) Ủy ban nhân dân cấp tỉnh / Chỉ đạo Sở Lao động - … chủ trì, phối hợp …": the body whose
            # item this is directs, the body directed leads the work under it
            leads = []
        # "Tổng cục Thống kê chủ trì, …": a lead the gazetteer does not know, named by its kind.
        owners += (
            [Owner(n, "lead") for n in _names_of_list(text, leads)]
            or list(kind_subject(text, span))
            or [o for o in inherited if o.role == "lead"]
        )
        owners += [Owner(_name(text, b), "support") for b in supports]
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
                and _LIST_SEP_RE.fullmatch(text, prev.span.end, b.span.start)
            )
            assign = _ASSIGN_RE.search(before)
            at = b.span.start - len(before) + assign.start() if assign is not None else 0
            # "X có trách nhiệm tổng hợp dự toán, đề nghị Chính phủ trình …": a request after the
            # subject's own action is part of that action, not the assignment of the clause.
            if assign is not None:
                subject = _opening_body(text, span, bodies)
                if subject is not None and subject.span.end <= at and ACTION_RE.search(text, subject.span.end, at):
                    assign = None
            if assign is not None or listed:
                owners.append(Owner(_name(text, b), "lead"))
            prev = b
        if not owners:
            owners += [Owner(n, "lead") for n in _ministries(text, span.start, span.end, gazetteer)]
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
            owners += [Owner(n, "lead") for n in _names_of_list(text, subj)]
            if _OFFICE_START_RE.match(text, span.start, span.end):
                # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân cấp tỉnh …": offices
                # the gazetteer cannot find, each a lead.
                offices = kind_subject(text, span)
                if len(offices) > len(owners):
                    owners = list(offices)
        sup = _SUPPORT_RE.search(text, span.start, span.end)
        if sup:
            owners += [Owner(_name(text, b), "support") for b in bodies if b.span.start >= sup.end()][:6]
        if not any(o.role == "lead" for o in owners):
            owners = list(kind_subject(text, span, after_opener=True)) + owners
        named = None if any(o.role == "lead" for o in owners) else _RESPONSIBLE_RE.match(text, span.start, span.end)
        if (
            named is not None
            and (not ACTION_RE.match(named.group("who")) or _AGENT_NOUN_RE.match(named.group("who")))
            and not (inherited and _not_a_holder(text, span, named.group("who")))
        ):
            # "Đơn vị chủ trì kiểm tra có trách nhiệm …", "Các cơ sở giam giữ phạm nhân có trách nhiệm …" (under
            # "Trách nhiệm của cơ quan, tổ chức"): a subject the gazetteer does not know, before the section's
            owners.insert(0, Owner(" ".join(_GLUED_FOOTNOTE_RE.sub("", named.group("who")).split()), "lead"))
        if not any(o.role == "lead" for o in owners):
            owners = list(inherited) + owners
        co = _CO_LEAD_RE.search(text, span.start, span.end)
        if co is not None:
            # "Đồng chủ trì với Bộ Khoa học và Công nghệ": that body leads too.
            owners += [Owner(_name(text, b), "lead") for b in _list_at(text, bodies, co.end())]
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
    start = span.start
    opener = _TIME_OPENER_RE.match(text, start, span.end)
    if opener is not None:
        start = opener.end()
    # (after a time opener the subject may be written in lower case: "Hằng năm, công ty …")
    found = _kind_subject_at(text, start, span.end, capital=opener is None)
    if found is not None or not after_opener or not _OPENER_RE.match(text, span.start, span.end):
        return found
    if _CASE_RE.match(text, span.start, span.end) or (not after_case and CONDITION_OPENER_RE.match(text, span.start, span.end)):
        return None
    last = span.start
    basis = _BASIS_OPENER_RE.match(text, span.start, span.end) is not None
    for comma in _COMMA_RE.finditer(text, span.start, min(span.end, span.start + 300)):
        # "Trường hợp các bộ, cơ quan ngang bộ, …": a list (not a long basis that ends with a name: "Căn cứ nội
        # dung dự thảo … đã được phê duyệt tại hồ sơ thành lập Hội đồng quản lý, Chủ tịch Hội đồng quản lý …")
        listed = _ORG_IN_TAIL_RE.search(text, last, comma.start())
        if listed is not None and basis and len(text[last : comma.start()].split()) > _LIST_ITEM_WORDS:
            listed = None
        last = comma.end()
        if listed is not None:
            continue
        found = _kind_subject_at(text, comma.end(), span.end, capital=False)
        if found is not None and found[0][0].name.casefold() not in _BARE_KINDS:
            return found
    return None


_COMMA_RE = compile_vi(r",[ \t]*\n?[ \t]*")
_BASIS_OPENER_RE = compile_vi(r"(?i:\W*(?:căn\s+cứ|trên\s+cơ\s+sở)(?!\w))")
_LIST_ITEM_WORDS = 12  # the most words of a part of an opener that still reads as an item of a list of bodies
# An organisation named in the last words before a comma: the comma goes on with a list of them.
_ORG_IN_TAIL_RE = compile_vi(rf"(?i:(?<!\w)(?<!cơ\s)(?:{_ORG_KINDS}|bộ|ngành|địa\s+phương)(?!\w)(?:\s+[^\W\d]+){{0,5}}\s*$)")
# A kind alone ("cơ quan thanh tra, giám sát …" cut at "thanh tra") names no one.
_BARE_KINDS = {"cơ quan", "đơn vị", "tổ chức", "cơ sở"}
# An opening phrase that counts a step's time ("Trong thời hạn 05 ngày làm việc …, …", "Sau khi nhận
# được hồ sơ, …"): what follows is a step of a procedure.
_CASE_RE = compile_vi(r"(?i:\s*(?:trong\s+thời\s+hạn|sau\s+khi\s+nhận)(?!\w))")
# An opening phrase that states a condition ("Trường hợp …, ", "Đối với …, ", "Khi …, ").
CONDITION_OPENER_RE = compile_vi(r"(?i:\W*(?:trong\s+)?(?:trường\s+hợp|đối\s+với|khi|sau\s+khi|nếu)(?!\w))")


def _kind_subject_at(text: str, start: int, end: int, *, capital: bool) -> tuple[tuple[Owner, ...], Span] | None:
    kind = _ORG_HEADING_RE.match(text, start, end)
    if kind is None:
        return None  # most clauses open with their verb: nothing to read
    named = _DUTY_HOLDER_RE.match(text, start, end)
    if named is not None:
        written, most = named.group("who"), 22  # "… có trách nhiệm" closes a long name safely
    else:
        act = _subject_action(text, start, kind.end(), end)
        if act is None:
            return None
        written, most = text[start : act.start()], 16
        written = _ADVERB_TAIL_RE.sub("", written)  # "Thủ trưởng các đơn vị thuộc Bộ | trực tiếp lãnh đạo …"
        if (stop := _NAME_STOP_RE.search(written)) is not None:
            written = written[: stop.start()]  # "Hội đồng quản lý | thông qua quy chế hoạt động …"
    written = _QUALIFIER_RE.split(written, 1)[0]
    who = _MODAL_RE.split(" ".join(written.split()).rstrip(" ,"), 1)[0]  # "Trường trung cấp | phải định kỳ …"
    who = _ALSO_TITLED_RE.sub("", who)  # "Tổng giám đốc (Giám đốc)": the title's other form
    if (
        (capital and not who[:1].isupper())
        or who.isupper()  # a signing block ("BỘ TRƯỞNG …"), not a subject
        or len(who.split()) > most
        or not names_organisations(who)
        or re.search(r"[\d/;:.()]|(?<!\w)(?:được(?!\s+(?:giao|phân\s+cấp))|bị|là|thì|nếu|khi|hoặc)(?!\w)", who)
    ):
        return None
    written = _MODAL_RE.split(written, 1)[0].rstrip(" ,\t\n")
    return tuple(Owner(n, "lead") for n in _split_names(who)), Span(start, start + len(written))


_MODAL_RE = compile_vi(r"\s+(?:cần|phải|chủ\s+động|khẩn\s+trương|có\s+trách\s+nhiệm)(?:\s|$)")
# Verbs that are no directive actions but end the name before them: "Chủ tịch Hội đồng quản lý | ký ban hành …",
# "Hội đồng quản lý | thông qua quy chế …" (not the "ký" of "đăng ký", "lưu ký", "thư ký").
_NAME_STOP_RE = compile_vi(
    r"\s(?:thông\s+qua|tạo\s+điều\s+kiện|có\s+(?:cơ\s+chế|kế\s+hoạch|biện\s+pháp)|"
    r"(?<!lưu\s)(?<!thư\s)(?<!đăng\s)ký(?:\s+(?:(?:các\s+)?văn\s+bản|quyết\s+định|nghị\s+quyết|hợp\s+đồng)|\s*$))(?!\w)"
)
# (not the "thường xuyên" of "trung tâm giáo dục thường xuyên", a name)
_ADVERB_TAIL_RE = compile_vi(r"(?i:(?<!dục)\s+(?:trực\s+tiếp|thường\s+xuyên|tiếp\s+tục)\s*$)")
_ALSO_TITLED_RE = compile_vi(rf"\s*\((?:{OFFICE_TITLES}|{_OFFICES})\)")


def _action_after_kind(text: str, start: int, kind_end: int, end: int) -> re.Match[str] | None:
    """The first action of a clause that opens with an organisation's kind: not the verb of "Ban Quản
    lý"; other kinds that hold a verb ("Tổ chức, cá nhân …", "Cơ sở đào tạo …") are left as they are,
    most of their clauses being rules."""
    act = ACTION_RE.search(text, start, end)
    if act is not None and start <= act.start() < kind_end and _VERB_IN_KIND_RE.match(text, start, kind_end):
        act = ACTION_RE.search(text, kind_end, end)
    # "Hội đồng quản lý", "công ty quản lý quỹ": the kind's "quản lý" is part of the name.
    while (
        act is not None
        and _MANAGES_RE.fullmatch(act.group(0))
        and _KIND_BEFORE_RE.search(text, max(start, act.start() - 20), act.start())
    ):
        act = ACTION_RE.search(text, act.end(), end)
    return act


# ("Hội đồng thẩm định giáo trình", "Hội đồng đánh giá": the council's name, not its action)
_MANAGES_RE = compile_vi(r"(?i:quản\s+lý|thẩm\s+định|đánh\s+giá|kiểm\s+tra|tuyển\s+dụng|thẩm\s+tra)")
_KIND_BEFORE_RE = compile_vi(r"(?i:(?<!\w)(?:hội\s+đồng|công\s+ty)\s+$)")


def _subject_action(text: str, start: int, kind_end: int, end: int) -> re.Match[str] | None:
    """The action that ends a subject named by its kind (past the words of a list of names)."""
    return _unjoined(ACTION_RE, text, start, end, _action_after_kind(text, start, kind_end, end))


# A consolidated text's footnote mark glued to a name written out: "cơ quan bảo hiểm xã hội85".
_GLUED_FOOTNOTE_RE = compile_vi(r"(?<=[^\W\d])\d{1,3}(?=[\s,;:.]|$)")


# The members of bodies named after them: "Thành viên của Hội đồng Dân tộc, Ủy ban của Quốc hội" is one
# holder (the members), not the members of the first and the second body itself.
_MEMBERS_RE = compile_vi(r"(?i:(?:các\s+)?(?:thành\s+viên|ủy\s+viên|uỷ\s+viên)\s)")


def _kinds_listed(written: str, *, min_words: int = 1) -> list[str]:
    """The parts of a written list ("trại giam, trại tạm giam và cơ quan thi hành án …") when each names
    an organisation by its kind or an office, in ``min_words`` words or more; [] otherwise."""
    parts = [" ".join(n.split()) for n in _ANY_SEP_RE.split(written.strip())]
    ok = all(_ORG_OR_OFFICE_RE.match(n) and len(n.split()) >= min_words for n in parts)
    return parts if ok else []


def _split_names(who: str) -> list[str]:
    """The names in a list of them ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ", "Sở Giao dịch Chứng
    khoán Việt Nam và Tổng công ty Lưu ký …"), when each part names an organisation or an office."""
    def named(n: str) -> bool:
        return names_organisations(n) or _ORG_OR_OFFICE_RE.match(n) is not None

    def bare(n: str) -> bool:
        return re.sub(r"(?i)^các\s+", "", n).casefold() in _BARE_KINDS

    who = _GLUED_FOOTNOTE_RE.sub("", who)
    names = [" ".join(n.split()) for n in _NAME_SEP_RE.split(who)]
    # (not "Các cơ quan, đơn vị truyền thông của Bộ": a bare kind shares the next one's qualifier)
    if len(names) > 1 and all(named(n) for n in names) and not any(bare(n) for n in names[:-1]):
        return names
    # "giám thị trại giam, giám thị trại tạm giam, thủ trưởng cơ quan thi hành án …": a list whose
    # items are not capitalised, when every item names an office or an organisation.
    parts = _kinds_listed(who, min_words=3)
    # (not "Ban Quản lý các khu công nghiệp, khu kinh tế": the list after "các" is the first name's)
    if len(parts) > 1 and not _INNER_LIST_RE.search(parts[0]) and not any(bare(n) for n in parts[:-1]):
        return parts  # (not "… và hiệp hội, doanh nghiệp liên quan": a bare kind shares the qualifier)
    # "Doanh nghiệp và tổ chức khoa học và công nghệ": "và" before an organisation's kind joins two
    # names; the other "và" belong to a name ("Cục Chăn nuôi và Thú y", "Lưu ký và Bù trừ").
    cuts = [m for m in _AND_RE.finditer(who) if _ORG_OR_OFFICE_RE.match(who, m.end())]
    pieces = [who[a.end() if a else 0 : b.start() if b else len(who)] for a, b in pairwise([None, *cuts, None])]
    if len(pieces) > 1 and all(named(n) for n in pieces):
        return [" ".join(n.split()) for n in pieces]
    return [" ".join(who.split())] if who.strip() else []
