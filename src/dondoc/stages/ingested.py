"""What ingestion returns: the text with its provenance (pages, OCR line boxes, DOCX tables); see ``ingest`` for the terms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from dondoc.core.provenance import Box
from dondoc.core.spans import Span

__all__ = [
    "Box",
    "Format",
    "Ingested",
    "LineBox",
    "PageSpan",
    "Table",
]

Format = Literal["text", "pdf", "docx", "image"]


@dataclass(frozen=True, slots=True)
class PageSpan:
    """Characters ``[start, end)`` of the ingested text come from page ``page`` (1-based)."""

    page: int
    start: int
    end: int
    ocr: bool = False


@dataclass(frozen=True, slots=True)
class LineBox:
    """Characters ``[start, end)`` were read by OCR from ``box`` (x0, y0, x1, y1 as page fractions)."""

    page: int
    start: int
    end: int
    box: Box
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Table:
    """A table rendered one row per line; ``rows[r][c]`` is the span of that cell's text."""

    span: Span
    rows: tuple[tuple[Span, ...], ...]
    page: int | None = None

    def cell_texts(self, text: str) -> list[list[str]]:
        return [[cell.slice(text) for cell in row] for row in self.rows]


@dataclass(frozen=True, slots=True)
class Ingested:
    text: str
    path: str
    sha256: str
    format: Format
    pages: int | None = None
    ocr: bool = False
    page_spans: tuple[PageSpan, ...] = field(default_factory=tuple)
    tables: tuple[Table, ...] = ()
    lines: tuple[LineBox, ...] = ()
    encoding: str | None = None

    def page_of(self, offset: int) -> int | None:
        """The page that character ``offset`` comes from (``None`` for plain text)."""
        for ps in self.page_spans:
            if ps.start <= offset < ps.end:
                return ps.page
        return None

    def source_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "pages": self.pages,
            "ocr": self.ocr,
        }
        if self.encoding:
            out["encoding"] = self.encoding
        if self.page_spans:
            out["page_spans"] = [
                {"page": p.page, "start": p.start, "end": p.end, "ocr": p.ocr} for p in self.page_spans
            ]
        if self.tables:
            out["tables"] = [
                {
                    "start": t.span.start,
                    "end": t.span.end,
                    "page": t.page,
                    "rows": [[[c.start, c.end] for c in row] for row in t.rows],
                }
                for t in self.tables
            ]
        if self.lines:
            out["lines"] = [
                {"page": ln.page, "start": ln.start, "end": ln.end, "box": list(ln.box),
                 "confidence": ln.confidence}
                for ln in self.lines
            ]
        return out
