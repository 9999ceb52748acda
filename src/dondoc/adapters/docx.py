"""DOCX reading through python-docx: body paragraphs and tables, in document order.

A *block* is either a paragraph (its text) or a table (rows of cell texts). python-docx lists
paragraphs and tables separately; we walk the body XML once to keep their order, because a plan's
table sits between the paragraphs that introduce and follow it. Horizontally merged cells appear
once per row (python-docx repeats a merged cell for every grid column it spans).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from dondoc.errors import UnsupportedFormatError

__all__ = ["DocxParagraph", "DocxTable", "read_docx"]


@dataclass(frozen=True, slots=True)
class DocxParagraph:
    text: str


@dataclass(frozen=True, slots=True)
class DocxTable:
    """Rows of cell texts; a cell's own paragraphs are joined with a space."""

    rows: tuple[tuple[str, ...], ...]


def read_docx(data: bytes, *, name: str = "input.docx") -> list[DocxParagraph | DocxTable]:
    """The body of a DOCX as blocks in order. Raises ``UnsupportedFormatError`` if unreadable."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, Exception) as exc:
        raise UnsupportedFormatError(
            "cannot open this DOCX (damaged, or not a Word document); open it in Word and save it again",
            path=name,
        ) from exc
    body = document.element.body
    blocks: list[DocxParagraph | DocxTable] = []
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(DocxParagraph(Paragraph(child, document).text))
        elif tag == "tbl":
            table = Table(child, document)
            rows: list[tuple[str, ...]] = []
            for row in table.rows:
                cells: list[str] = []
                prev = None
                for cell in row.cells:
                    if prev is not None and cell._tc is prev:
                        continue  # the same merged cell repeated for each grid column
                    prev = cell._tc
                    cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
                rows.append(tuple(cells))
            blocks.append(DocxTable(tuple(rows)))
    return blocks
