"""Provenance: where a span of the analysed text sits on the pages of the original file.

Terms:

- The *analysed text* is the extraction's ``text`` (after OCR repair); every item's span indexes it.
- The *original text* is ``original_text``, as ingested. Repair *edits* index it: an applied edit
  replaced ``original_text[start:end]`` by ``replacement``; an edit that is only a suggestion
  (``applied: false``) changed nothing.
- A *page range* says that characters ``[start, end)`` of the original text come from ``page``
  (1-based); a *line* says they were read by OCR from ``box``, ``(x0, y0, x1, y1)`` as fractions of
  the page (top-left origin). Text-layer PDF pages have page ranges but no lines.
- A *region* is what to show for a span on one page: the page and the boxes to highlight on it.
  A region without boxes means "this page, position unknown" (a text-layer page).

Mapping a span back goes analysed text -> original text (through the applied edits) -> pages and
lines. A span boundary that falls inside an edited region is widened to the whole original of that
edit, so the highlight never cuts an OCR word in half. A span that covers only part of a line gets
the part of the line's box proportional to the characters it covers (OCR lines carry no character
boxes; proportional is close enough to point at the words).

Everything here is pure: the web layer builds a ``Provenance`` from the stored extraction JSON
(``Provenance.from_json``) and asks it for ``regions(start, end)``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dondoc.core.spans import Span

__all__ = ["Box", "PageLine", "PageRange", "Provenance", "Region", "TextEdit"]

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PageRange:
    """Characters ``[start, end)`` of the original text come from ``page`` (1-based)."""

    page: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PageLine:
    """Characters ``[start, end)`` of the original text were read from ``box`` on ``page``."""

    page: int
    start: int
    end: int
    box: Box


@dataclass(frozen=True, slots=True)
class TextEdit:
    """An applied repair edit: ``original_text[start:end]`` became ``length`` characters of ``text``."""

    start: int
    end: int
    length: int


@dataclass(frozen=True, slots=True)
class Region:
    """Boxes to highlight on ``page``; no boxes means the page is known but not the place on it."""

    page: int
    boxes: tuple[Box, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"page": self.page, "boxes": [[round(v, 4) for v in b] for b in self.boxes]}


def _applied(edits: Iterable[TextEdit]) -> tuple[TextEdit, ...]:
    """Edits sorted by position; an edit overlapping an earlier one is dropped (it cannot apply)."""
    out: list[TextEdit] = []
    last_end = -1
    for ed in sorted(edits, key=lambda e: (e.start, e.end)):
        if ed.start < last_end:
            continue
        out.append(ed)
        last_end = ed.end
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Page ranges, OCR lines and applied edits of one document (all in original-text offsets)."""

    pages: tuple[PageRange, ...] = ()
    lines: tuple[PageLine, ...] = ()
    edits: tuple[TextEdit, ...] = ()
    _line_ends: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        lines = tuple(sorted(self.lines, key=lambda ln: (ln.start, ln.end)))
        object.__setattr__(self, "edits", _applied(self.edits))
        object.__setattr__(self, "lines", lines)
        object.__setattr__(self, "pages", tuple(sorted(self.pages, key=lambda p: (p.start, p.page))))
        # Running maximum of line ends: lets ``regions`` skip the lines before a span by bisection.
        ends: list[int] = []
        for ln in lines:
            ends.append(max(ln.end, ends[-1]) if ends else ln.end)
        object.__setattr__(self, "_line_ends", tuple(ends))

    @classmethod
    def from_json(cls, draft: Mapping[str, Any]) -> Provenance:
        """Build from the extraction JSON: ``source.page_spans``, ``source.lines`` and ``edits``.

        Malformed entries are skipped (a draft from an older version may lack some of them).
        """
        source = draft.get("source") or {}
        pages = tuple(
            PageRange(int(p["page"]), int(p["start"]), int(p["end"]))
            for p in source.get("page_spans") or []
            if _ints(p, "page", "start", "end")
        )
        lines = tuple(
            PageLine(int(ln["page"]), int(ln["start"]), int(ln["end"]), _box(ln["box"]))
            for ln in source.get("lines") or []
            if _ints(ln, "page", "start", "end") and _is_box(ln.get("box"))
        )
        edits = tuple(
            TextEdit(int(e["start"]), int(e["end"]), len(str(e.get("replacement", ""))))
            for e in draft.get("edits") or []
            if _ints(e, "start", "end") and e.get("applied", True)
        )
        return cls(pages, lines, edits)

    @property
    def paged(self) -> bool:
        """Whether the text came from pages at all (PDF or images; not plain text or DOCX)."""
        return bool(self.pages)

    def to_original(self, start: int, end: int) -> Span:
        """Map ``[start, end)`` of the analysed text to the original text.

        Args:
            start, end: code-point offsets into the analysed (repaired) text, ``start <= end``.

        Returns:
            The span of the original text the evidence was read from. A boundary inside the
            replacement of an applied edit moves out to that edit's original boundary.
        """
        return Span(self._original_offset(start, at_end=False), self._original_offset(end, at_end=True))

    def _original_offset(self, pos: int, *, at_end: bool) -> int:
        delta = 0  # analysed offset - original offset, for positions after the edits seen so far
        for ed in self.edits:
            t_start = ed.start + delta
            t_end = t_start + ed.length
            if pos < t_start or (at_end and pos == t_start):
                break
            if pos < t_end or (at_end and pos == t_end):
                return ed.end if at_end else ed.start
            delta += ed.length - (ed.end - ed.start)
        return max(pos - delta, 0)

    def regions(self, start: int | None, end: int | None) -> tuple[Region, ...]:
        """Where ``[start, end)`` of the analysed text is on the pages, in page order.

        Args:
            start, end: offsets into the analysed text; ``None`` (an ungrounded item) or an empty
                span gives no regions.

        Returns:
            One ``Region`` per page the span touches: with the (partial) boxes of the OCR lines it
            covers, or without boxes for a page that has no line boxes (a PDF text layer). Empty for
            plain text and DOCX documents, which have no pages.
        """
        if start is None or end is None or end <= start or not self.pages:
            return ()
        span = self.to_original(start, end)
        if not span:  # only inserted characters: point at where they were inserted
            span = Span(max(span.start - 1, 0), span.start + 1)
        boxes: dict[int, list[Box]] = {}
        first = bisect.bisect_right(self._line_ends, span.start)
        for ln in self.lines[first:]:
            if ln.start >= span.end:
                break
            if ln.end <= span.start or ln.end <= ln.start:
                continue
            boxes.setdefault(ln.page, []).append(_part(ln, span))
        pages = sorted({p.page for p in self.pages if p.start < span.end and span.start < p.end} | set(boxes))
        return tuple(Region(page, tuple(boxes.get(page, ()))) for page in pages)


def _part(line: PageLine, span: Span) -> Box:
    """The horizontal share of ``line.box`` that the characters of ``span`` on it take up."""
    n = line.end - line.start
    a = max(span.start, line.start) - line.start
    b = min(span.end, line.end) - line.start
    x0, y0, x1, y1 = line.box
    w = x1 - x0
    return (x0 + w * a / n, y0, x0 + w * b / n, y1)


def _ints(obj: Any, *keys: str) -> bool:
    return isinstance(obj, Mapping) and all(isinstance(obj.get(k), int) for k in keys)


def _is_box(value: Any) -> bool:
    return isinstance(value, list | tuple) and len(value) == 4 and all(isinstance(v, int | float) for v in value)


def _box(value: Any) -> Box:
    x0, y0, x1, y1 = (float(v) for v in value)
    return (x0, y0, x1, y1)
