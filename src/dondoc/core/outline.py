"""The outline of a document: its numbered sections at every depth, over its lines (``lines``).

Terms:
- a *marker* opens a numbered block: "Phần I", "Chương II", "Mục 1", "Điều 3.", "I.", "1.",
  "2.1.", "a)", "-", "+". OCR-damaged numbering ("2,4," for "2.4.") is read as what it means;
- a *section* is the block a marker opens, up to the next marker of the same or a higher level.

Nesting is decided by the order in which marker *styles* appear (a style seen before closes back
to it; a new style nests), the way a reader infers the outline, because documents do not use one
fixed hierarchy (Party conclusions number "1." then "2.1."; decrees use "Điều" then "1." then
"a)"). A marker only counts at the start of a block: after a blank line, a heading, or a line that
ends a sentence — OCR line wraps often leave "- Máng Nước" or "2026. Từ ngày" at a line start.
Sequence checks ("2." must follow "1.") reject numbers that merely start a wrapped line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dondoc.core.lines import Line, footnote_numbers, split_lines
from dondoc.core.spans import Span
from dondoc.core.vietnamese import compile_vi

__all__ = ["Marker", "Section", "heading_ends_line", "parse_outline", "text_under_heading"]

# The footnote's number glued to the marker of the provision it annotates: "1.20 Chỉ đạo …", "b)6 Bản
# sao …", "Điều 34.20 Nguyên tắc cho vay vốn" (clause 1, point b, article 34; footnotes 20, 6, 20).
_FOOTNOTED_MARKER_RE = re.compile(r"[ \t]*(?:Điều\s+\d{1,3}[a-z]?\.|\d{1,2}\.|[a-zđ]\))(\d{1,3})(?=\s)")
_ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
_MARKER_RE = re.compile(
    r"""^[ \t]*(?:
      (?P<part>(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:[IVXLC]+|\d{1,2}|thứ\s+\w+)\b[.:]?)
    | (?P<article>Điều\s+\d{1,3}[a-z]?\s*[.:])
    | (?P<roman>(?=[IVX])"""
    + _ROMAN
    + r"""\s*[.)]\s)
    | (?P<multi>\d{1,2}(?:\s*[.,]\s*\d{1,2}){1,3}\s*[.,)]?(?=\s))
    | (?P<arabic>\d{1,2}(?:[a-z](?=\.))?\s*[.)](?=\s))
    | (?P<letter>[a-zđ]\s*\)(?=\s))
    | (?P<dash>[-–—•](?=\s))
    | (?P<plus>\+(?=\s))
    )""",
    re.VERBOSE,
)
_MAX_QUOTE_LINES = 400  # a quote never closed (a lost ”) stops holding the outline after this many lines
_QUOTE_CLOSE_RE = re.compile(r"[”\"][ \t]*[.;,]?[ \t]*$")
_SENTENCE_END_RE = re.compile(r"""[.;:!?…"”’)\]/]\s*$""")
# A heading line that cannot end there: it stops on a comma or a connecting word.
_UNFINISHED_RE = re.compile(r"(?:,|(?<=\w)-|\b(?:và|của|về|cho|trong|với|các|đối|theo|tại|thuộc))\s*$", re.IGNORECASE)
# The next line goes on in lower case ("… Thông\ntấn xã Việt Nam"): the heading was wrapped mid-phrase.
_LOWER_NEXT_RE = compile_vi(r"\n[ \t]*[\p{Ll}]")
# An article title's second line, unpunctuated, right before the article's first item ("Điều 5. Nghĩa vụ
# của Sở giao dịch Chứng khoán Thành phố Hồ Chí\nMinh, Sở giao dịch Chứng khoán Hà Nội\n1. …").
_TITLE_TAIL_RE = compile_vi(r"[ \t]*\n[ \t]*[^\n]{1,80}?[^\s.:;,][ \t]*\n[ \t]*(?:\d{1,2}\.|[a-zđ]\))[ \t]")


@dataclass(frozen=True, slots=True)
class Marker:
    style: str  # part | article | roman | multi | arabic | letter | dash | plus
    label: str  # normalised: "2.4", "III", "a", "-", "Điều 3"
    value: tuple[int, ...]  # for sequence checks: (2, 4); (3,); () for bullets
    span: Span  # the marker as written


@dataclass(slots=True)
class Section:
    marker: Marker | None
    number: str | None
    heading: str
    heading_span: Span
    start: int
    end: int
    parent: int | None
    depth: int
    kind: str = "other"
    body_start: int = 0  # after the marker

    @property
    def is_article(self) -> bool:
        """Whether the section is an article ("Điều 5."), quoted by an amending text or not."""
        return self.marker is not None and self.marker.style.endswith("article")

    @property
    def is_part(self) -> bool:
        """Whether the section is a chapter, section or part ("Chương I", "Mục 2")."""
        return self.marker is not None and self.marker.style.startswith("part:")


def text_under_heading(text: str, sec: Section) -> int:
    """Where the text under a section's heading starts ("Điều 25. Tổ chức thực hiện\n\nChính phủ …")."""
    start = sec.heading_span.end
    while start < sec.end and text[start].isspace():
        start += 1
    return start


def heading_ends_line(text: str, sec: Section) -> bool:
    """Whether nothing follows a section's heading on its line: a title over its text."""
    line_end = text.find("\n", sec.heading_span.end)
    return line_end == -1 or not text[sec.heading_span.end : line_end].strip()


def _marker_of(line: Line, footnotes: frozenset[int] = frozenset()) -> Marker | None:
    """The marker that opens ``line``, if any. A footnote number glued to it (one of ``footnotes``)
    is read as part of the marker, not as a sub-number ("1.20" is clause 1 and footnote 20)."""
    if footnotes:
        f = _FOOTNOTED_MARKER_RE.match(line.text)
        if f is not None and int(f.group(1)) in footnotes:
            a, b = f.span(1)
            masked = line.text[:a] + " " * (b - a) + line.text[b:]
            mk = _marker_of(Line(line.start, line.end, masked, line.noise, line.blank))
            if mk is not None and mk.span.end <= line.start + a:
                return Marker(mk.style, mk.label, mk.value, Span(mk.span.start, line.start + b))
            return mk
    m = _MARKER_RE.match(line.text)
    if m is None:
        return None
    style = m.lastgroup or ""
    raw = m.group(style)
    span = Span(line.start + m.start(style), line.start + m.end(style))
    rest = line.text[m.end() :].lstrip()
    if style in ("dash", "plus"):
        if not rest:
            return None
        return Marker(style, raw, (), span)
    if style == "part":
        word, num = raw.split()[0], raw.split()[1].rstrip(".:")
        val = _roman(num) if re.fullmatch(r"[IVXLC]+", num) else int(num) if num.isdigit() else 0
        return Marker(f"part:{word.lower()}", f"{word} {num}", (val or 0,), span)
    if style == "article":
        # "Điều 21a", "Điều 21b": articles inserted after Điều 21 by an amending text.
        num = re.search(r"(\d+)([a-z]?)", raw)
        if num is None:
            return Marker("article", "Điều ", (0,), span)
        value = (int(num[1]), ord(num[2]) - ord("a") + 1) if num[2] else (int(num[1]),)
        return Marker("article", f"Điều {num[0]}", value, span)
    if style == "roman":
        label = raw.strip(" .)\t")
        val = _roman(label)
        if not val or not rest or not (rest[0].isupper() or rest[0].isdigit()):
            return None
        return Marker("roman", label, (val,), span)
    if style == "multi":
        nums = tuple(int(x) for x in re.findall(r"\d+", raw))
        return Marker(f"multi{len(nums)}", ".".join(map(str, nums)), nums, span)
    if style == "arabic":
        num = re.match(r"(\d+)([a-z]?)", raw.strip())
        n = int(num.group(1))  # type: ignore[union-attr]
        if num.group(2):  # type: ignore[union-attr]
            # "5a.": a clause inserted after clause 5 by an amending text ("Bổ sung khoản 5a …").
            k = ord(num.group(2)) - ord("a") + 1  # type: ignore[union-attr]
            return Marker("arabic", f"{n}{num.group(2)}", (n, k), span)  # type: ignore[union-attr]
        return Marker("arabic" + (")" if raw.rstrip().endswith(")") else ""), str(n), (n,), span)
    if style == "letter":
        ch = raw.strip()[0]
        return Marker("letter", ch, (_letter_index(ch),), span)
    return None


_LETTERS = "abcdđefghiklmnopqrstuvxy"


def _letter_index(ch: str) -> int:
    i = _LETTERS.find(ch)
    return i + 1 if i >= 0 else 0


def _roman(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(s):
        v = vals.get(ch, 0)
        nxt = vals.get(s[i + 1], 0) if i + 1 < len(s) else 0
        total += -v if v < nxt else v
    return total


def _follows(prev: Marker, cur: Marker) -> bool:
    """Whether ``cur`` can be the next sibling of ``prev`` (same style)."""
    if not cur.value:  # bullets
        return True
    if cur.style.startswith("multi"):
        return cur.value[:-1] == prev.value[:-1] and 0 < cur.value[-1] - prev.value[-1] <= 2
    if cur.value[0] == prev.value[0] and len(cur.value) == 2:
        return cur.value[1] > (prev.value[1] if len(prev.value) == 2 else 0)  # "Điều 21" then "Điều 21a"
    return 0 < cur.value[0] - prev.value[0] <= 2


def _is_first(cur: Marker, parent: Marker | None) -> bool:
    """Whether ``cur`` can open a new nested list."""
    if not cur.value:
        return True
    if cur.style.startswith("multi"):
        # "2.1." under "2."; when the parent is unknown (OCR lost it) accept x.1.
        if parent is not None and parent.value and not parent.style.startswith("multi"):
            return cur.value[:-1] == parent.value[-1:] and cur.value[-1] <= 2
        return cur.value[-1] <= 2
    return cur.value[0] <= 2


def parse_outline(text: str, lines: list[Line] | None = None, *, body_start: int = 0) -> list[Section]:
    """Numbered sections of ``text`` from offset ``body_start`` on, in document order.

    Returns a flat list; ``parent`` indexes the same list. ``end`` of a section is the start of
    the next section at the same or a higher level (or the end of the body).
    """
    lines = split_lines(text) if lines is None else lines
    sections: list[Section] = []
    stack: list[int] = []  # indices into sections, outermost first
    last_of_style: dict[tuple[int | None, str], Marker] = {}
    prev_content: Line | None = None
    prev_was_heading = True
    heading_end = -1  # where the last section's heading ends: a wrapped heading ends its block too
    quote_floor: int | None = None  # inside a quoted provision: the stack depth it opened at
    quote_lines = 0
    footnotes = footnote_numbers(lines)
    for ln in lines:
        if ln.start < body_start or ln.noise:
            continue
        if ln.blank:
            prev_was_heading = True
            continue
        at_block_start = (
            prev_was_heading
            or prev_content is None
            or bool(_SENTENCE_END_RE.search(prev_content.text))
            or (prev_content.start < heading_end and not text[heading_end : ln.start].strip())
        )
        unindented = ln.text.lstrip(" \t")
        if (
            unindented.startswith(("“", '"'))
            and prev_content is not None
            and (prev_content.text.rstrip().endswith(":") or _AMENDS_RE.search(prev_content.text) is not None)
        ):
            # '… như sau: “4. Cơ quan có thẩm quyền …”.': the amended provision keeps its own numbering.
            if quote_floor is not None:
                del stack[quote_floor:]
            quote_floor = len(stack)
            quote_lines = 0
            k = len(ln.text) - len(unindented) + 1  # after the opening quote
            mk = _marker_of(Line(ln.start + k, ln.end, ln.text[k:], ln.noise, ln.blank), footnotes)
        else:
            mk = _marker_of(ln, footnotes) if at_block_start else None
        if mk is not None and quote_floor is not None:
            mk = Marker("quoted:" + mk.style, mk.label, mk.value, mk.span)
        if mk is not None:
            placed = _place(mk, sections, stack, last_of_style, floor=quote_floor or 0)
            if placed is not None:
                parent, depth = placed
                idx = len(sections)
                heading, hspan = _heading(text, mk.span.end, lines, ln, article=mk.style.endswith("article"))
                heading_end = hspan.end
                sections.append(
                    Section(
                        marker=mk,
                        number=None if mk.style in ("dash", "plus") else mk.label,
                        heading=heading,
                        heading_span=hspan,
                        start=mk.span.start,
                        end=len(text),
                        parent=parent,
                        depth=depth,
                        body_start=mk.span.end,
                    )
                )
                last_of_style[(parent, mk.style)] = mk
                stack.append(idx)
        quote_lines += 1
        if quote_floor is not None and (_QUOTE_CLOSE_RE.search(ln.text) or quote_lines > _MAX_QUOTE_LINES):
            del stack[quote_floor:]
            quote_floor = None
        prev_content = ln
        stripped = ln.text.strip()
        prev_was_heading = len(stripped) < 90 and not _SENTENCE_END_RE.search(stripped) and (mk is not None or stripped.isupper())
    _close(sections, text)
    return sections


def _is_legal_unit(sec: Section) -> bool:
    """Whether ``sec`` is a chapter ("Chương I", "Mục 2") or an article ("Điều 5."): the units of a
    legal text, which no numbered item holds."""
    return sec.marker is not None and (sec.marker.style.startswith("part") or sec.marker.style == "article")


def _place(
    mk: Marker,
    sections: list[Section],
    stack: list[int],
    last_of_style: dict[tuple[int | None, str], Marker],
    *,
    floor: int = 0,
) -> tuple[int | None, int] | None:
    """Where ``mk`` goes: (parent, depth), or None when it is not a marker after all. Inside a
    quoted provision only the sections opened inside the quote (above ``floor``) can be closed."""
    if floor and len(stack) == floor:
        # The first marker of a quoted provision opens it, whatever its number ("“4. …").
        top = stack[-1]
        return top, sections[top].depth + 1
    if mk.style.startswith("part") or mk.style == "article":
        # A chapter or an article is never an item's: "Chương I" after the numbered list of amending
        # laws in a consolidated text's preamble ("1. Luật số 46/2014/QH13 …") closes that list.
        while len(stack) > floor and not _is_legal_unit(sections[stack[-1]]):
            stack.pop()
        if mk.style.startswith("part"):
            # nor is a chapter an article's: "Chương I" of a programme issued with the text, after the text's
            # "Điều 2. Hiệu lực thi hành"
            while len(stack) > floor and (m := sections[stack[-1]].marker) is not None and m.style == "article":
                stack.pop()
    # Close back to an open section of the same style if the numbering continues it.
    for pos in range(len(stack) - 1, floor - 1, -1):
        sec = sections[stack[pos]]
        if sec.marker is not None and sec.marker.style == mk.style:
            if _follows(sec.marker, mk):
                del stack[pos:]
                return sec.parent, sec.depth
            if mk.style in ("dash", "plus"):
                del stack[pos:]
                return sec.parent, sec.depth
            if mk.style == "article" and mk.value and mk.value[0] == 1 and len(mk.value) == 1:
                # "Điều 1" after "Điều 2": a regulation issued with the text starts its own articles (its
                # "Điều 1. Phạm vi điều chỉnh" is no item of the text's "Điều 2. Hiệu lực thi hành")
                del stack[pos:]
                return sec.parent, sec.depth
            if not mk.value or mk.value[0] > 2:
                return None  # a number out of sequence: a wrapped line, not a marker
            break
    parent = stack[-1] if stack else None
    parent_marker = sections[parent].marker if parent is not None else None
    prev_same = last_of_style.get((parent, mk.style))
    if prev_same is not None and not _follows(prev_same, mk):
        return None
    # An unseen style whose numbering does not start a list: accept only articles and parts, and the
    # clause an amending text quotes under its article ("“Điều 39. Trách nhiệm của Bộ Nội vụ\n7. …").
    quoted_clause = mk.style == "quoted:arabic" and parent_marker is not None and parent_marker.style == "quoted:article"
    first = _is_first(mk, parent_marker) or mk.style.startswith(("article", "part")) or quoted_clause
    if prev_same is None and not first:
        return None
    return parent, (sections[parent].depth + 1 if parent is not None else 0)


def _heading(text: str, pos: int, lines: list[Line], ln: Line, *, article: bool = False) -> tuple[str, Span]:
    """The heading of a section: the rest of its first line, extended to the end of its first
    sentence when the line wraps (at most ~200 characters). An article's title has no full stop:
    it ends with its last line, one shorter than the wrapped first ("Điều 107. Nhiệm vụ, quyền hạn
    của cơ quan, tổ chức được giao theo\ndõi, quản lý người đang chấp hành án hình sự\nCơ quan, …")."""
    line_end = ln.end
    rest = text[pos:line_end]
    if not rest.strip():
        # "Chương III" alone, its title on the next line ("TỔ CHỨC THỰC HIỆN"), maybe after a blank one.
        m = re.match(r"\s*\n[ \t]*([^\n]+)", text[line_end : line_end + 300])
        if m is not None and m.group(1).strip().isupper() and len(m.group(1).strip()) < 150:
            a = line_end + m.start(1)
            b = a + len(m.group(1).rstrip())
            return " ".join(text[a:b].split()), Span(a, b)
    start = pos + (len(rest) - len(rest.lstrip()))
    end = line_end
    m = re.search(r"[.;:!?](?=\s|$)", text[start:line_end])
    if m is not None:
        end = start + m.start() + (0 if text[start + m.start()] in ".;" else 1)
    elif (
        len(rest.strip()) >= 60
        or _UNFINISHED_RE.search(rest)
        or _LOWER_NEXT_RE.match(text, line_end)
        or (article and _TITLE_TAIL_RE.match(text, line_end) is not None)
    ):
        # A wrapped first line: the heading runs to the end of the first sentence of the paragraph.
        limit = min(len(text), start + 200)
        para = text.find("\n\n", start, limit)
        limit = para if para != -1 else limit
        m = re.search(r"[.;:!?](?=\s|$)|\n[ \t]*(?:[-+•]|\d{1,2}[.)]|[a-zđ]\))\s", text[start:limit])
        end = start + m.start() + (1 if m.group(0) in ":!?" else 0) if m is not None else limit
        if article:
            end = min(end, _title_end(text, line_end, end, width=len(text[ln.start : line_end].rstrip())))
        else:
            end = min(end, _title_end(text, line_end, end, width=len(text[ln.start : line_end].rstrip()), bare=True))
    end = max(start, end)
    while end > start and text[end - 1].isspace():
        end -= 1
    heading = " ".join(text[start:end].split())
    return heading, Span(start, end)


_UPPER_START_RE = compile_vi(r"[ \t]*[\p{Lu}]")
# An amending article's title over the provision it quotes, without "như sau:" ("Điều 2. Sửa đổi, bổ
# sung Điều 6\n“Điều 6. Khai, thu, nộp phí …").
_AMENDS_RE = compile_vi(r"(?i:(?<!\w)(?:sửa\s+đổi|bổ\s+sung|thay\s+thế)(?!\w)[^.;:“”\"]*(?:điều|khoản|điểm)\s+\w+\s*$)")


def _title_end(text: str, pos: int, limit: int, *, width: int, bare: bool = False) -> int:
    """The end of a wrapped title whose first line ends at ``pos``: the first later line that is
    clearly shorter than the first (``width``) and is followed by a line opening in upper case;
    with ``bare``, one that also ends without punctuation (a numbered item's title)."""
    while pos < limit:
        nxt = text.find("\n", pos + 1, limit)
        if nxt == -1:
            return limit
        line = text[pos + 1 : nxt].rstrip()
        if bare and not line[-1:].isalpha():
            pos = nxt
            continue
        if len(line) < 0.85 * width and _UPPER_START_RE.match(text, nxt + 1):
            return nxt
        pos = nxt
    return limit


def _close(sections: list[Section], text: str) -> None:
    for i, sec in enumerate(sections):
        end = len(text)
        for j in range(i + 1, len(sections)):
            if sections[j].depth <= sec.depth:
                end = sections[j].start
                break
        while end > sec.start and text[end - 1].isspace():
            end -= 1
        sec.end = end
