"""Organisations and office-holders named by their kind, which the gazetteer does not list.

"Cơ quan bảo hiểm xã hội", "Hiệu trưởng trường cao đẳng", "các doanh nghiệp", "Bảo hiểm xã hội Quân
đội, Bảo hiểm xã hội Công an nhân dân": the kinds and offices that open such a name, where the name
ends before its clause's first action (not at a verb inside a kind: "Ban Quản lý", "Hội đồng thẩm
định", "tổ chức thu phí"), and how a written list of them splits into names. Works on strings;
``owners`` makes them Owners.

Hand-written for the same reason as the task rules: no library reads Vietnamese directive syntax.
"""

from __future__ import annotations

import re
from itertools import pairwise

from dondoc.core.actions import ACTION_RE
from dondoc.core.gazetteer import HEAD_TITLES, OFFICE_TITLES
from dondoc.core.openers import CONDITION_OPENER_RE, OPENER_RE, TIME_OPENER_RE
from dondoc.core.spans import Span
from dondoc.core.vietnamese import compile_vi

__all__ = [
    "ANY_SEP_RE",
    "DUTY_HOLDER_RE",
    "GLUED_FOOTNOTE_RE",
    "MEMBERS_RE",
    "MODAL_RE",
    "OFFICE_START_RE",
    "ORG_KIND_RE",
    "ORG_OR_OFFICE_RE",
    "QUALIFIER_RE",
    "RESPONSIBLE_RE",
    "action_after_kind",
    "kind_subject_names",
    "kinds_listed",
    "names_organisations",
    "opens_with_office",
    "split_names",
    "unjoined",
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

ORG_KIND_RE = compile_vi(
    rf"\s*(?:(?i:các)\s+(?i:bộ|sở|ngành|địa\s+phương)(?!\w)|{_LOCALITY}|(?:[Cc]ác\s+)?(?i:{_ORG_KINDS}|{_OFFICES})(?!\w)|(?:Vụ|Phòng)\s+(?=[\p{{Lu}}]))"
)

ANY_SEP_RE = compile_vi(r",\s*(?:và\s+)?|\s+và\s+")

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
ORG_OR_OFFICE_RE = compile_vi(
    rf"(?i:\s*(?:các\s+)?(?:{_ORG_KINDS}|tòa\s+án|toà\s+án|trại\s+(?:tạm\s+)?giam)(?!\w)|\s*{OFFICE_TITLES}\s)"
)

OFFICE_START_RE = compile_vi(rf"\s*(?:Các\s+)?(?i:{_OFFICES})(?!\w)")

# "X có trách nhiệm …" (not "chịu trách nhiệm về/trước"): X is the duty holder, as written. The short
# form stops at a comma (an unknown name as the fallback owner); the long one reads a list of kinds.
_DUTY_HOLDER = r"\s*(?P<who>[\p{{Lu}}]{name}?)\s+(?:có|chịu)\s+trách\s+nhiệm(?!\s+(?:về|trước))"

RESPONSIBLE_RE = compile_vi(_DUTY_HOLDER.format(name=r"[^,;:.]{2,80}"))

DUTY_HOLDER_RE = compile_vi(_DUTY_HOLDER.format(name=r"[^;:.]{2,200}"))

# "… có liên quan, trong phạm vi chức năng, nhiệm vụ, quyền hạn của mình, …": how, not who.
QUALIFIER_RE = compile_vi(
    r"(?i:,?\s+(?:trong|theo)\s+phạm\s+vi|,?\s+theo\s+(?:chức\s+năng|thẩm\s+quyền)|,?\s*căn\s+cứ\s"
    r"|\s+là\s+(?:cơ\s+quan|đơn\s+vị)\s+đầu\s+mối)"
)

_NAME_SEP_RE = compile_vi(r",\s*(?=[\p{Lu}])|\s+và\s+(?=[\p{Lu}])")


def names_organisations(heading: str) -> bool:
    """Whether a heading names organisations by their kind ("Các trường đại học", "Hiệp hội …")."""
    return bool(ORG_KIND_RE.match(heading)) and not heading.rstrip().endswith(".") and len(heading.split()) <= 25


def opens_with_office(text: str) -> bool:
    """Whether ``text`` opens with office-holders ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ có liên
    quan …"), whatever follows."""
    return bool(OFFICE_START_RE.match(text))


def kind_subject_names(
    text: str, span: Span, *, after_opener: bool = False, after_case: bool = True
) -> tuple[tuple[str, ...], Span] | None:
    """The names of the organisations or offices, named by their kind, that the clause at ``span``
    opens with ("Cơ quan bảo hiểm xã hội thực hiện …", "Bảo hiểm xã hội Quân đội, Bảo hiểm xã hội Công
    an nhân dân tổ chức …"), and where they are written; or None. With ``after_opener`` they may stand
    after its opening phrase ("Căn cứ dự thảo Quy chế …, Chủ tịch Hội đồng quản lý xây dựng …"), unless,
    without ``after_case``, the phrase states a case ("Trường hợp …, chủ đầu tư phải …")."""
    start = span.start
    opener = TIME_OPENER_RE.match(text, start, span.end)
    if opener is not None:
        start = opener.end()
    # (after a time opener the subject may be written in lower case: "Hằng năm, công ty …")
    found = _kind_subject_at(text, start, span.end, capital=opener is None)
    if found is not None or not after_opener or not OPENER_RE.match(text, span.start, span.end):
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
        if found is not None and found[0][0].casefold() not in _BARE_KINDS:
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


def _kind_subject_at(text: str, start: int, end: int, *, capital: bool) -> tuple[tuple[str, ...], Span] | None:
    kind = ORG_KIND_RE.match(text, start, end)
    if kind is None:
        return None  # most clauses open with their verb: nothing to read
    named = DUTY_HOLDER_RE.match(text, start, end)
    if named is not None:
        # "… có trách nhiệm" closes a long name safely
        return _named_subject(start, named.group("who"), 22, capital=capital)
    # A name that takes in its field ("Cơ quan chuyên môn về xây dựng thuộc …") and grows past what reads
    # as a name keeps the shorter reading, as a clause's subject is not lost to a better name.
    tried = -1
    for fields in (True, False):
        act = _subject_action(text, start, kind.end(), end, fields=fields)
        if act is None or act.start() == tried:
            continue  # (no field in the name: the shorter reading is the same one)
        tried = act.start()
        written = _ADVERB_TAIL_RE.sub("", text[start : act.start()])  # "Thủ trưởng các đơn vị thuộc Bộ | trực tiếp lãnh đạo …"
        if (stop := _NAME_STOP_RE.search(written)) is not None:
            written = written[: stop.start()]  # "Hội đồng quản lý | thông qua quy chế hoạt động …"
        if (found := _named_subject(start, written, 16, capital=capital)) is not None:
            return found
    return None


def _named_subject(start: int, written: str, most: int, *, capital: bool) -> tuple[tuple[str, ...], Span] | None:
    """The names ``written`` from ``start`` holds, and where, if it reads as a subject of at most ``most`` words."""
    written = QUALIFIER_RE.split(written, 1)[0]
    who = MODAL_RE.split(" ".join(written.split()).rstrip(" ,"), 1)[0]  # "Trường trung cấp | phải định kỳ …"
    who = _ALSO_TITLED_RE.sub("", who)  # "Tổng giám đốc (Giám đốc)": the title's other form
    if (
        (capital and not who[:1].isupper())
        or who.isupper()  # a signing block ("BỘ TRƯỞNG …"), not a subject
        or len(who.split()) > most
        or not names_organisations(who)
        or re.search(r"[\d/;:.()]|(?<!\w)(?:được(?!\s+(?:giao|phân\s+cấp))|bị|là|thì|nếu|khi|hoặc)(?!\w)", who)
    ):
        return None
    written = MODAL_RE.split(written, 1)[0].rstrip(" ,\t\n")
    return tuple(split_names(who)), Span(start, start + len(written))


MODAL_RE = compile_vi(r"\s+(?:cần|phải|chủ\s+động|khẩn\s+trương|có\s+trách\s+nhiệm)(?:\s|$)")

# Verbs that are no directive actions but end the name before them: "Chủ tịch Hội đồng quản lý | ký ban hành …",
# "Hội đồng quản lý | thông qua quy chế …" (not the "ký" of "đăng ký", "lưu ký", "thư ký").
_NAME_STOP_RE = compile_vi(
    r"\s(?:thông\s+(?:qua|báo)|tạo\s+điều\s+kiện|có\s+(?:cơ\s+chế|kế\s+hoạch|biện\s+pháp)|"
    r"(?<!lưu\s)(?<!thư\s)(?<!đăng\s)ký(?:\s+(?:(?:các\s+)?văn\s+bản|quyết\s+định|nghị\s+quyết|hợp\s+đồng)|\s*$))(?!\w)"
)

# (not the "thường xuyên" of "trung tâm giáo dục thường xuyên", a name)
_ADVERB_TAIL_RE = compile_vi(r"(?i:(?<!dục)\s+(?:trực\s+tiếp|thường\s+xuyên|tiếp\s+tục|không|chưa|đã|sẽ|vẫn|cũng)\s*$)")

_ALSO_TITLED_RE = compile_vi(rf"\s*\((?:{OFFICE_TITLES}|{_OFFICES})\)")


def action_after_kind(text: str, start: int, kind_end: int, end: int, *, fields: bool = False) -> re.Match[str] | None:
    """The first action of a clause that opens with an organisation's kind: not the verb of "Ban Quản
    lý"; other kinds that hold a verb ("Tổ chức, cá nhân …", "Cơ sở đào tạo …") are left as they are,
    most of their clauses being rules. With ``fields``, a verb right after "về" names the field of a
    body ("Cơ quan chuyên môn về xây dựng"), not its action."""
    act = ACTION_RE.search(text, start, end)
    if act is not None and start <= act.start() < kind_end and _VERB_IN_KIND_RE.match(text, start, kind_end):
        act = ACTION_RE.search(text, kind_end, end)
    # "Hội đồng quản lý", "công ty quản lý quỹ", "cơ quan quản lý nhà nước": the kind's "quản lý" is part of the name.
    while act is not None and (
        (_MANAGES_RE.fullmatch(act.group(0)) and _KIND_BEFORE_RE.search(text, max(start, act.start() - 20), act.start()))
        # "Cơ quan chuyên môn về xây dựng thuộc …": the field a body is for is part of its name
        or (fields and _FIELD_BEFORE_RE.search(text, max(start, act.start() - 6), act.start()))
    ):
        act = ACTION_RE.search(text, act.end(), end)
    return act


# ("Hội đồng thẩm định giáo trình", "Hội đồng đánh giá": the council's name, not its action)
_MANAGES_RE = compile_vi(r"(?i:quản\s+lý|thẩm\s+định|đánh\s+giá|kiểm\s+tra|tuyển\s+dụng|thẩm\s+tra)")

_KIND_BEFORE_RE = compile_vi(r"(?i:(?<!\w)(?:hội\s+đồng|công\s+ty|cơ\s+quan)\s+$)")

_FIELD_BEFORE_RE = compile_vi(r"(?<!\w)về\s+$")


def _subject_action(text: str, start: int, kind_end: int, end: int, *, fields: bool) -> re.Match[str] | None:
    """The action that ends a subject named by its kind (past the words of a list of names)."""
    return unjoined(ACTION_RE, text, start, end, action_after_kind(text, start, kind_end, end, fields=fields))


def unjoined(pattern: re.Pattern[str], text: str, start: int, end: int, act: re.Match[str] | None) -> re.Match[str] | None:
    """``act`` or the next match of ``pattern`` that does not stand right after "và" or ",": there a
    verb-like word starts the next name of a list ("Doanh nghiệp và tổ chức khoa học …")."""
    while act is not None and _JOINED_RE.search(text, start, act.start()):
        act = pattern.search(text, act.end(), end)
    return act


# A consolidated text's footnote mark glued to a name written out: "cơ quan bảo hiểm xã hội85".
GLUED_FOOTNOTE_RE = compile_vi(r"(?<=[^\W\d])\d{1,3}(?=[\s,;:.]|$)")

# The members of bodies named after them: "Thành viên của Hội đồng Dân tộc, Ủy ban của Quốc hội" is one
# holder (the members), not the members of the first and the second body itself.
MEMBERS_RE = compile_vi(r"(?i:(?:các\s+)?(?:thành\s+viên|ủy\s+viên|uỷ\s+viên)\s)")


def kinds_listed(written: str, *, min_words: int = 1) -> list[str]:
    """The parts of a written list ("trại giam, trại tạm giam và cơ quan thi hành án …") when each names
    an organisation by its kind or an office, in ``min_words`` words or more; [] otherwise."""
    parts = [" ".join(n.split()) for n in ANY_SEP_RE.split(written.strip())]
    ok = all(ORG_OR_OFFICE_RE.match(n) and len(n.split()) >= min_words for n in parts)
    return parts if ok else []


def split_names(who: str) -> list[str]:
    """The names in a list of them ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ", "Sở Giao dịch Chứng
    khoán Việt Nam và Tổng công ty Lưu ký …"), when each part names an organisation or an office."""
    def named(n: str) -> bool:
        return names_organisations(n) or ORG_OR_OFFICE_RE.match(n) is not None

    def bare(n: str) -> bool:
        return re.sub(r"(?i)^các\s+", "", n).casefold() in _BARE_KINDS

    who = GLUED_FOOTNOTE_RE.sub("", who)
    names = [" ".join(n.split()) for n in _NAME_SEP_RE.split(who)]
    # (not "Các cơ quan, đơn vị truyền thông của Bộ": a bare kind shares the next one's qualifier)
    if len(names) > 1 and all(named(n) for n in names) and not any(bare(n) for n in names[:-1]):
        return names
    # "giám thị trại giam, giám thị trại tạm giam, thủ trưởng cơ quan thi hành án …": a list whose
    # items are not capitalised, when every item names an office or an organisation.
    parts = kinds_listed(who, min_words=3)
    # (not "Ban Quản lý các khu công nghiệp, khu kinh tế": the list after "các" is the first name's)
    if len(parts) > 1 and not _INNER_LIST_RE.search(parts[0]) and not any(bare(n) for n in parts[:-1]):
        return parts  # (not "… và hiệp hội, doanh nghiệp liên quan": a bare kind shares the qualifier)
    # "Doanh nghiệp và tổ chức khoa học và công nghệ": "và" before an organisation's kind joins two
    # names; the other "và" belong to a name ("Cục Chăn nuôi và Thú y", "Lưu ký và Bù trừ").
    cuts = [m for m in _AND_RE.finditer(who) if ORG_OR_OFFICE_RE.match(who, m.end())]
    pieces = [who[a.end() if a else 0 : b.start() if b else len(who)] for a, b in pairwise([None, *cuts, None])]
    if len(pieces) > 1 and all(named(n) for n in pieces):
        return [" ".join(n.split()) for n in pieces]
    return [" ".join(who.split())] if who.strip() else []
