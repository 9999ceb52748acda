"""Gazetteer of Vietnamese public bodies: canonical names, abbreviations, and finding them in text.

A *body* is an organisation that can own a task: a ministry (Bộ Tài chính), a department (Sở Xây
dựng), a people's committee (UBND thành phố), a Party organ (Ban Thường vụ Thành ủy) or a
collective ("các sở, ngành"). The list itself is data (``dondoc/data/bodies.tsv``); this module
parses it and builds one compiled regex, so adding a body never means changing code.

No library knows Vietnamese administrative bodies and their abbreviations (UBND, HĐND, Sở KH&ĐT,
BCS đảng…), hence this small hand-written matcher. Matching is case-sensitive on purpose: bodies
are proper names ("Bộ Tài chính"), and "bộ" in lower case is usually a common noun.
"""

from __future__ import annotations

from dataclasses import dataclass

from dondoc.core.spans import Span
from dondoc.core.trie import trie_pattern
from dondoc.core.vietnamese import compile_vi

__all__ = ["HEAD_TITLES", "OFFICE_TITLES", "Body", "BodyMatch", "Gazetteer", "office_body"]

# A locality that may follow a body name: "Ủy ban nhân dân thành phố Hà Nội", "Sở Y tế tỉnh". Its
# proper name stays on the line: "Ủy ban nhân dân cấp tỉnh\nChỉ đạo …" is a heading over its text.
_LOCALITY = (
    r"(?:\s+(?:các\s+)?(?:[Tt]hành\s+phố|[Tt]ỉnh|quận|huyện|thị\s+xã|thị\s+trấn|xã|phường|cấp\s+tỉnh|cấp\s+huyện|"
    r"cấp\s+xã|các\s+cấp)(?:\s*,\s*(?:thành\s+phố|huyện|quận|thị\s+xã|phường|xã|thị\s+trấn|cấp\s+(?:huyện|xã)))*"
    r"(?:\s+trực\s+thuộc\s+(?:trung\s+ương|Trung\s+ương))?"
    r"(?:[ \t]+(?!(?:Chủ|Tịch|Bộ|Sở|Ban|Ủy|Uỷ|Báo|Các|Cơ|Văn|Đề|Nghị|Quyết|Kế|Thủ|Tổng|Hội|Trung)\b)[\p{Lu}]\w*){0,3})?"
)

# Office-holders named by their title before their body ("Bộ trưởng Bộ Công an", "Chủ tịch Ủy ban
# nhân dân cấp tỉnh", "Thống đốc Ngân hàng Nhà nước Việt Nam", "Đại biểu Quốc hội"); a body's standing
# organ too ("Thường trực Hội đồng Dân tộc").
# The heads of courts, procuracies, prisons and ministries' departments ("Chánh án", "Giám thị",
# "Tổng cục trưởng", "Vụ trưởng"): the owner module reads them as subjects too.
HEAD_TITLES = r"chánh\s+án|viện\s+trưởng|giám\s+thị|(?:tổng\s+)?cục\s+trưởng|vụ\s+trưởng"
OFFICE_TITLES = (
    r"(?i:(?:các\s+)?(?:phó\s+)?(?:bộ\s+trưởng|thủ\s+trưởng|chủ\s+tịch|tổng\s+giám\s+đốc|giám\s+đốc|trưởng\s+ban|"
    rf"{HEAD_TITLES}|chủ\s+nhiệm|thống\s+đốc|tổng\s+thư\s+ký|bí\s+thư|đại\s+biểu|thành\s+viên|"
    r"người\s+đứng\s+đầu|thường\s+trực|trưởng)(?:\s+của)?)"
)
_TITLED_RE = compile_vi(rf"{OFFICE_TITLES}\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Body:
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BodyMatch:
    span: Span
    text: str  # as written
    name: str  # canonical: abbreviations expanded, locality kept
    kind: str


class Gazetteer:
    """Bodies by name and alias, with a single compiled matcher."""

    def __init__(self, bodies: list[Body]) -> None:
        self.bodies = bodies
        self._by_form: dict[str, Body] = {}
        for b in bodies:
            for form in (b.name, *b.aliases):
                self._by_form.setdefault(form, b)
                if b.kind == "collective":
                    self._by_form.setdefault(form[0].upper() + form[1:], b)
        self._collective: dict[str, Body] = {
            " ".join(f.lower().split()): b for f, b in self._by_form.items() if b.kind == "collective"
        }
        named = [f for f, b in self._by_form.items() if b.kind != "collective"]
        self._lower = {" ".join(f.lower().split()): self._by_form[f].name for f in named}
        # Collectives ("các Bộ, cơ quan ngang bộ") vary in case; proper names do not.
        alternation = trie_pattern(named, space=r"\s+") + "|(?i:" + trie_pattern(list(self._collective), space=r"\s+") + ")"
        # (a consolidated text's footnote marker may follow a name: "Bộ Giáo dục và Đào tạo17")
        self._re = compile_vi(rf"(?<!\w)(?P<head>{alternation})(?P<loc>{_LOCALITY})(?![^\W\d])")

    @classmethod
    def from_tsv(cls, text: str) -> Gazetteer:
        bodies = []
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            name, kind = cols[0].strip(), cols[1].strip()
            aliases = tuple(a.strip() for a in (cols[2] if len(cols) > 2 else "").split("|") if a.strip())
            bodies.append(Body(name, kind, aliases))
        return cls(bodies)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[BodyMatch]:
        """All body mentions in ``text[start:end]`` (absolute spans), left to right, non-overlapping."""
        end = len(text) if end is None else end
        out = []
        for m in self._re.finditer(text, start, end):
            head = _squash(m.group("head"))
            body = self._by_form.get(head) or self._collective.get(head.lower())
            if body is None:
                continue
            loc = _squash(m.group("loc"))
            # A collective keeps its own words: "Các bộ, cơ quan ngang bộ" is not "các bộ, ngành".
            # So does a fuller form of a name: "Ủy ban Pháp luật của Quốc hội" is written out as such.
            fuller = head != body.name and head.startswith(body.name)
            base = head if (body.kind == "collective" and head.lower() != body.name.lower()) or fuller else body.name
            name = base + (" " + loc if loc else "")
            out.append(BodyMatch(Span(m.start(), m.end()), m.group(0), name, body.kind))
        return out

    def proper(self, name: str) -> str | None:
        """The canonical name of a body written in another case ("Bộ Lao động - thương binh và xã hội",
        a header's upper-case line made sentence case), or None when no body is so named."""
        return self._lower.get(" ".join(name.lower().split()))

    def normalise(self, name: str) -> str:
        """Canonical form of a body name ("UBND thành phố" -> "Ủy ban nhân dân thành phố"); an
        office-holder stands for their body ("Bộ trưởng Bộ Công an" -> "Bộ Công an")."""
        name = _squash(name)
        body = office_body(self, name)
        if body is not None:
            return body
        found = self.find(name)
        if len(found) == 1 and found[0].span == Span(0, len(name)):
            return found[0].name
        return name


def _squash(s: str) -> str:
    return " ".join(s.split())


def office_body(gazetteer: Gazetteer, name: str) -> str | None:
    """The body of an office-holder named by title and body ("Chủ tịch UBND tỉnh" -> "Ủy ban nhân
    dân tỉnh"); None when ``name`` is not such a name."""
    name = _squash(name)
    titled = _TITLED_RE.match(name)
    if titled is None:
        return None
    rest = name[titled.end() :]
    found = gazetteer.find(rest)
    return found[0].name if len(found) == 1 and found[0].span == Span(0, len(rest)) else None
