"""Owners named by headings: those a section's items are for.

"2. Bộ Tài chính", "Giao Bộ Y tế:", "1. Bộ Công an có trách nhiệm:" over their items; a duty title's
holder ("Điều 14. Trách nhiệm của Bộ Khoa học và Công nghệ", "Nghĩa vụ của người sử dụng lao động");
a civil-service rank titling its article ("Điều 6. Thống kê viên chính (mã số 23.262)"); an article's
opening sentence over its items; and the owners a section inherits from the headings above it.

Hand-written for the same reason as the task rules: no library reads Vietnamese directive syntax.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dondoc.core.actions import ACTION_RE
from dondoc.core.gazetteer import BodyMatch, Gazetteer
from dondoc.core.kinds import (
    ANY_SEP_RE,
    DUTY_HOLDER_RE,
    OFFICE_START_RE,
    ORG_OR_OFFICE_RE,
    QUALIFIER_RE,
    kinds_listed,
    names_organisations,
    split_names,
)
from dondoc.core.names import LIST_END_RE, body_name, list_at, listed_ministries, names_of_list
from dondoc.core.openers import DUTY_OF_RE
from dondoc.core.outline import Section, text_under_heading
from dondoc.core.owners import DIRECTS_FIRST_RE, LEADS_RE, Owner, owners_of, subject_bodies
from dondoc.core.spans import Span
from dondoc.core.vietnamese import compile_vi

__all__ = ["heading_owners", "inherited_owners", "is_duty_title"]


_ANYONE_RE = compile_vi(r"(?i:(?:các\s+)?(?:cơ\s+quan\s*,\s*)?tổ\s+chức\s*,\s*cá\s+nhân(?:\s+có\s+liên\s+quan)?)")

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

_DIRECTS_RE = compile_vi(r"(?<!\w)(?i:chỉ\s+đạo)\s+")

_DIRECTED_DUTIES_RE = compile_vi(
    r"(?i:\s+thực\s+hiện\s+(?:các\s+|những\s+)?(?:nhiệm\s+vụ|công\s+việc|nội\s+dung)[^.:;]{0,40}?\s+sau(?:\s+đây)?\s*:?\s*$)"
)

# Words that make a heading's opening words a rule or a condition, not a name ("Quỹ … được đầu tư vào …",
# "Quỹ khen thưởng dùng để:").
_RULING_RE = compile_vi(r"\d|(?<!\w)(?:được|bị|là|thì|nếu|khi|dùng\s+để)(?!\w)")

# An article's topics listed after a comma ("Quỹ phát triển khoa học và công nghệ, huy động nguồn lực …")
# (in lower case: not the proper name "Cơ quan Thanh tra, giám sát ngân hàng", nor the title "…, Kiểm soát viên";
# not a list of kinds: "Cơ quan, tổ chức …")
_TOPICS_RE = compile_vi(
    rf"^[\p{{Lu}}]?[^\p{{Lu}},]*,\s+(?=[\p{{Ll}}])(?!tổ\s+chức[,\s])(?:{ACTION_RE.pattern})"
)

_CASE_OPENER_RE = compile_vi(r"(?i:(?:đối\s+với|trường\s+hợp|khi|sau\s+khi|trong)\s[^,]+,)")

_DUTY_TITLE_END_RE = compile_vi(r"(?:\s+(?:sau\s+đây|như\s+sau|sau))?\s*:?\s*")


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


def is_duty_title(heading: str) -> bool:
    """Whether a heading titles the duties of those it names ("Trách nhiệm của Bộ Tài chính",
    "Nhiệm vụ, quyền hạn của Ủy ban nhân dân cấp tỉnh")."""
    return DUTY_OF_RE.match(heading) is not None


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
    ministries = listed_ministries(text, hs.start, sec.end if line_end == -1 else min(sec.end, line_end), gazetteer)
    if ministries:
        return tuple(Owner(n, "lead") for n in ministries)
    found = gazetteer.find(text, hs.start, hs.end)
    opens_with_body = bool(found) and not text[hs.start : found[0].span.start].strip()
    if h.rstrip().endswith(":") or re.match(r"(?i)\s*giao\s", h) or opens_with_body:
        lead = subject_bodies(text, hs.start, found, hs.end)
        if OFFICE_START_RE.match(h):
            # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Ủy ban nhân dân các tỉnh … có trách nhiệm:"
            who = QUALIFIER_RE.split(_DUTY_WORDS_RE.split(h, 1)[0], 1)[0]
            offices = split_names(" ".join(who.split()).rstrip(" :.,"))
            if len(offices) > max(1, len(lead)) and all(len(n.split()) <= 16 for n in offices):
                return tuple(Owner(n, "lead") for n in offices)
        if lead:
            names = names_of_list(text, lead)
            # "Mặt trận Tổ quốc Việt Nam, các tổ chức thành viên của Mặt trận và các tổ chức xã hội khác
            # trong phạm vi … có quyền và trách nhiệm sau đây:": the kinds the list goes on with lead too
            # ("Đài Truyền hình Việt Nam, …, Thông tấn xã Việt Nam và các cơ quan báo chí": a title that
            # is the list, to its end)
            stop = LIST_END_RE.search(text, lead[-1].span.end, hs.end)
            until = stop.start() if stop is not None else hs.end
            if until > lead[-1].span.end:
                later = [b for b in found if lead[-1].span.end <= b.span.start and b.span.end <= until]
                names += _list_goes_on(text, later, lead[-1].span.end, until) or []
            return tuple(Owner(n, "lead") for n in names)
    holder = DUTY_HOLDER_RE.match(h)
    title_end = holder is not None and _DUTY_TITLE_END_RE.fullmatch(h, holder.end()) is not None
    works = holder is not None and (title_end or _WORK_AFTER_DUTY_RE.match(h, holder.end()) is not None)
    if holder is not None and ((title_end and not found) or (works and not opens_with_body and _introduces_items(text, sec))):
        # "2. Bộ, cơ quan trung ương của tổ chức chính trị - xã hội có trách nhiệm" over its items (its
        # colon lost): bodies the gazetteer does not know, named as written; or "2. Cơ quan chuyên môn về
        # văn hóa, thể thao thuộc Ủy ban nhân dân cấp tỉnh, cấp xã có trách nhiệm phối hợp với … tổ chức thực
        # hiện các hoạt động …:", what the holder does, then its list.
        who = QUALIFIER_RE.split(holder.group("who"), 1)[0]
        if _CASE_OPENER_RE.match(who):
            who = who.rsplit(",", 1)[-1].strip()  # "Đối với dự án PPP, cơ quan ký kết hợp đồng có trách nhiệm:"
        named = who[:1].isupper() or ORG_OR_OFFICE_RE.match(who) is not None
        if named and not _RULING_RE.search(who) and not _ASKS_FIRST_RE.match(who):
            return _written_leads(who, gazetteer)
    duty_of = DUTY_OF_RE.match(h)
    if duty_of is not None:
        # "Điều 14. Trách nhiệm của Bộ Khoa học và Công nghệ": its points are that body's duties.
        of = hs.start + duty_of.end()
        listed = list_at(text, found, of)
        if listed:
            # "Trách nhiệm của Bộ Quốc phòng và Bộ Công an": every body of the list that opens it, and
            # those the gazetteer does not know that the list goes on with ("các Bộ, ngành, tổ chức
            # chính trị - xã hội, Ủy ban nhân dân các tỉnh …").
            names = names_of_list(text, listed)
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
            names = kinds_listed(held_by[: act.start()], min_words=3)
            if len(names) > 1:
                return tuple(Owner(n, "lead") for n in names)
        return _written_leads(held_by, gazetteer)
    directs = DIRECTS_FIRST_RE.match(text, hs.start, hs.end)
    duties = _DIRECTED_DUTIES_RE.search(text, directs.end(), hs.end) if directs is not None else None
    if directs is not None and duties is not None:
        # "3. Chỉ đạo trại giam, trại tạm giam, cơ quan thi hành án hình sự công an cấp tỉnh thực hiện các
        # nhiệm vụ, quyền hạn sau đây:": the items are the duties of those directed, as written
        names = kinds_listed(text[directs.end() : duties.start()])
        if names:
            return tuple(Owner(n, "lead") for n in names)
    directed = _DIRECTS_RE.search(text, hs.start, hs.end)
    if directed is not None:
        # "1. Bộ trưởng Bộ Quốc phòng chỉ đạo Ban Cơ yếu Chính phủ" over its items: the body
        # directed does the work.
        listed = list_at(text, found, directed.end())
        if listed and not text[listed[-1].span.end : hs.end].strip(" :.,"):
            return tuple(Owner(body_name(text, b), "lead") for b in listed)

    if names_organisations(h) and not opens_with_body:
        # "8. Các Khu công nghệ cao và hiệp hội, doanh nghiệp liên quan": bodies the gazetteer
        # does not know, named as the heading of their duties; kept as written.
        name = _HEADING_NAME_END_RE.split(_DUTY_WORDS_RE.split(h, 1)[0], 1)[0].rstrip(" :.,")
        if _RULING_RE.search(name) or _TOPICS_RE.search(name):
            # a sentence that rules, not a name ("Quỹ đầu tư bất động sản được đầu tư vào …", "Quỹ khen thưởng
            # dùng để:"), or the topics of an article ("Quỹ phát triển khoa học và công nghệ, huy động nguồn lực …")
            return ()
        return _written_leads(name, gazetteer)
    return ()


def _list_goes_on(text: str, bodies: list[BodyMatch], start: int, end: int) -> list[str] | None:
    """The names a list of bodies goes on with from ``start`` to ``end``: the ``bodies`` found there and,
    between them, organisations named by their kind; None unless every part is one of those."""
    names: list[str] = []
    pos = start
    for b in [*bodies, None]:
        stop = b.span.start if b is not None else end
        parts = [" ".join(p.split()).strip(" :.,") for p in ANY_SEP_RE.split(text[pos:stop])]
        joined = b is not None and bool(parts[-1])  # "cơ quan trực thuộc | Chính phủ": one name
        for k, part in enumerate(parts):
            if part and not ORG_OR_OFFICE_RE.match(part):
                return None
            if part and not (joined and k == len(parts) - 1):
                names.append(part)
        if b is not None:
            names.append(f"{parts[-1]} {' '.join(b.text.split())}" if joined else body_name(text, b))
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
    return tuple(Owner(n, "lead") for n in split_names(name))
