"""How the owners the gazetteer finds are named.

A body is named as the text names it: after the title of its office-holder ("Bộ trưởng Bộ Công an"),
with the units of it that open a clause ("Các đơn vị chức năng thuộc Bộ Nông nghiệp và Môi trường"),
by the alias a text gives a list ("… (sau đây gọi chung là Ủy ban nhân dân cấp xã)"), with the level a
list of local bodies shares ("Hội đồng nhân dân, Ủy ban nhân dân các cấp"); "Các Bộ: Y tế, Công Thương,
…" names each ministry in full. Works on strings; ``owners`` makes them Owners.

Hand-written for the same reason as the task rules: no library reads Vietnamese directive syntax.
"""

from __future__ import annotations

import re

from dondoc.core.gazetteer import OFFICE_TITLES, BodyMatch, Gazetteer
from dondoc.core.kinds import MEMBERS_RE
from dondoc.core.spans import Span
from dondoc.core.vietnamese import compile_vi

__all__ = [
    "LIST_END_RE",
    "LIST_SEP_RE",
    "body_name",
    "list_at",
    "listed_ministries",
    "names_of_list",
    "names_only_bodies",
    "opens_with_ministry_list",
]


# Between two bodies of a list, possibly before an office-holder's title ("Bộ trưởng Bộ Quốc phòng,
# Bộ trưởng Bộ Công an …").
LIST_SEP_RE = compile_vi(rf"\s*(?:,\s*(?:và\s+)?|và\s+)(?:[Pp]hó\s+)?(?:{OFFICE_TITLES}\s+)?")

# "Các Bộ: Y tế, Công Thương, …": a list of ministries written after one "Bộ".
_MINISTRY_LIST_RE = compile_vi(r"\W*(?i:các\s+bộ)\s*:\s*")

# Where a list of bodies ends: at a clause mark, at the duty it is given, or at what it is done by or in.
LIST_END_RE = compile_vi(r"[;:.]|\s(?:có|chịu)\s+trách\s+nhiệm|\s(?:căn\s+cứ|theo|trong)\s")

# "Các đơn vị chức năng thuộc …", "các cơ quan, đơn vị thuộc …": units of the body named next.
_UNIT_BEFORE_RE = compile_vi(
    r"(?P<u>(?i:(?:các\s+)?(?:cơ\s+quan|đơn\s+vị|tổ\s+chức|bộ\s+phận)(?:\s+[^\W\d][^,;.:()\d\n]{0,40}?)?"
    r"(?:,\s*(?:cơ\s+quan|đơn\s+vị|tổ\s+chức)(?:\s+[^\W\d][^,;.:()\d\n]{0,40}?)?)*))\s+(?P<of>(?i:(?:trực\s+)?thuộc))\s+$"
)

# The office of a body, opening a clause: "Văn phòng Bộ Kế hoạch và Đầu tư có trách nhiệm:".
_OFFICE_OF_RE = compile_vi(r"(?<!\w)(?P<u>Văn\s+phòng)\s+$")

# "Phó Thủ tướng": a deputy, not the office-holder the gazetteer finds after it.
_DEPUTY_RE = compile_vi(r"(?<!\w)(?i:phó)\s+$")

# Where a clause starts: the units or office named there open it.
_CLAUSE_START_RE = compile_vi(r"(?:^|[,;:.\n]|\d\.|[a-zđ]\))\s*$")

# An office-holder's title right before the body: "Bộ trưởng | Bộ Công an".
_TITLE_BEFORE_RE = compile_vi(rf"(?<!\w)(?P<t>{OFFICE_TITLES})\s+$")


def body_name(text: str, body: BodyMatch) -> str:
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
    if title is not None:
        return f"{_title(title)} {body.name}"
    # ("cơ quan thuộc Chính phủ" is a kind of body of its own, not a unit of the Government)
    unit = None if body.name == "Chính phủ" else _UNIT_BEFORE_RE.search(text, max(0, body.span.start - 80), body.span.start)
    if unit is not None:
        units = f"{_words(unit.group('u'))} {_words(unit.group('of'))} {body.name}"
        if _opens_clause(text, unit.start()):
            return units
        # "Người đứng đầu cơ quan, đơn vị trực thuộc Bộ …", "Thủ trưởng các đơn vị thuộc Bộ …": the
        # heads of its units, when their title opens the clause
        head = _TITLE_BEFORE_RE.search(text, max(0, unit.start() - 40), unit.start())
        if head is not None and _opens_clause(text, head.start()):
            return f"{_title(head)} {units}"
    office = _OFFICE_OF_RE.search(text, max(0, body.span.start - 16), body.span.start)
    if office is not None and _opens_clause(text, office.start()):
        return f"{_words(office.group('u'))} {body.name}"  # "Văn phòng Bộ Kế hoạch và Đầu tư"
    return body.name


def _words(s: str) -> str:
    return " ".join(s.split())


def _title(m: re.Match[str]) -> str:
    """An office-holder's title as it opens a name: "Bộ trưởng", "Người đứng đầu"."""
    t = _words(m.group("t"))
    return f"{t[0].upper()}{t[1:]}"


def _opens_clause(text: str, pos: int) -> bool:
    return _CLAUSE_START_RE.search(text, max(0, pos - 8), pos) is not None


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


def names_of_list(text: str, bodies: list[BodyMatch]) -> list[str]:
    """The owners' names of a list of bodies, the level written after the last one given to each local
    body before it that has none of its own."""
    for k, b in enumerate(bodies):
        alias = _alias(text, b.span.end)
        if alias is not None:
            # "Sở Tài chính, Sở Xây dựng (sau đây gọi chung là …)": one name for them all; the bodies
            # the alias itself names are not others.
            rest = [c for c in bodies[k + 1 :] if c.span.start >= alias[1]]
            return [alias[0], *(names_of_list(text, rest) if rest else [])]
    names = [body_name(text, b) for b in bodies]
    if len(names) > 1 and MEMBERS_RE.match(names[0]) and names[1:] == [b.name for b in bodies[1:]]:
        # "Thành viên của Hội đồng Dân tộc, Ủy ban của Quốc hội": the members of each, one holder
        title = names[0][: len(names[0]) - len(bodies[0].name)]
        return [title + " ".join(text[bodies[0].span.start : bodies[-1].span.end].split())]
    level = _LEVEL_RE.search(bodies[-1].name) if len(bodies) > 1 else None
    if level is None:
        return names
    for k, b in enumerate(bodies[:-1]):
        listed = LIST_SEP_RE.fullmatch(text, b.span.end, bodies[k + 1].span.start) is not None
        if listed and b.name in _LOCAL_BODIES and b.name == " ".join(b.text.split()):
            names[k] = f"{names[k]} {' '.join(level.group(1).split())}"
    return names


def listed_ministries(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[str]:
    """The ministries of "Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường …" (and a body that
    closes the list: "…, Tài chính và Ủy ban nhân dân tỉnh …"), each named in full; [] when the text
    at ``start`` is not such a list."""
    m = _MINISTRY_LIST_RE.match(text, start, end)
    if m is None:
        return []
    stop = LIST_END_RE.search(text, m.end(), end)
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
    return bool(listed_ministries(text, span.start, span.end, gazetteer))


def list_at(text: str, bodies: list[BodyMatch], pos: int) -> list[BodyMatch]:
    """The list of bodies that starts at ``pos`` ("Bộ Y tế, Bộ Tài chính và …")."""
    run: list[BodyMatch] = []
    for b in bodies:
        if b.span.start < pos:
            continue
        gap_start = run[-1].span.end if run else pos
        if (run and not LIST_SEP_RE.fullmatch(text, gap_start, b.span.start)) or (not run and text[pos : b.span.start].strip()):
            break
        run.append(b)
    return run
