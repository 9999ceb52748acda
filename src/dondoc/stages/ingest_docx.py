"""A DOCX read as text: paragraphs in order and tables one row per line, cells joined by " | "."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from dondoc.core.legacy_encoding import repair_legacy_text
from dondoc.core.spans import Span
from dondoc.errors import (
    EmptyInputError,
)

if TYPE_CHECKING:
    pass

from dondoc.stages.ingested import Ingested, Table

__all__ = [
    "ingest_docx",
]

def ingest_docx(data: bytes, *, name: str, sha256: str) -> Ingested:
    from dondoc.adapters.docx import DocxTable, read_docx

    blocks = read_docx(data, name=name)
    flat = "\n".join(
        "\n".join(" | ".join(r) for r in b.rows) if isinstance(b, DocxTable) else b.text for b in blocks
    )
    convert: Callable[[str], str] | None = None
    encoding = None
    fixed = repair_legacy_text(flat)
    if fixed is not None:
        from dondoc.core.legacy_encoding import decode_tcvn3, decode_vni

        encoding = fixed.encoding
        to_bytes = _latin_bytes

        def _convert(s: str) -> str:
            raw = to_bytes(s)
            return decode_vni(raw) if encoding == "vni" else decode_tcvn3(raw)

        convert = _convert

    def clean(s: str) -> str:
        s = convert(s) if convert else s
        return unicodedata.normalize("NFC", " ".join(s.split("\n")).replace("\t", " ")).strip()

    parts: list[str] = []
    tables: list[Table] = []
    pos = 0

    def add_line(s: str) -> int:
        nonlocal pos
        if parts:
            pos += 1
        start = pos
        parts.append(s)
        pos += len(s)
        return start

    for block in blocks:
        if isinstance(block, DocxTable):
            t_start: int | None = None
            rows: list[tuple[Span, ...]] = []
            for row in block.rows:
                cells = [clean(c).replace("\n", " ") for c in row]
                line = " | ".join(cells)
                start = add_line(line)
                t_start = start if t_start is None else t_start
                cell_spans = []
                offset = start
                for c in cells:
                    cell_spans.append(Span(offset, offset + len(c)))
                    offset += len(c) + 3
                rows.append(tuple(cell_spans))
            if t_start is not None:
                tables.append(Table(Span(t_start, pos), tuple(rows)))
        else:
            text = convert(block.text) if convert else block.text
            for line in unicodedata.normalize("NFC", text).split("\n"):
                add_line(line.rstrip())
    text = "\n".join(parts)
    if not text.strip():
        raise EmptyInputError("the DOCX contains no text", path=name)
    return Ingested(
        text=text,
        path=name,
        sha256=sha256,
        format="docx",
        pages=None,
        ocr=False,
        page_spans=(),
        tables=tuple(tables),
        encoding=encoding,
    )


def _latin_bytes(s: str) -> bytes:
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out += ch.encode("latin-1") if ord(ch) < 0x100 else ch.encode("ascii", "replace")
    return bytes(out)
