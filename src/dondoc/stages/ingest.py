"""Ingestion: any supported file -> ``Ingested`` text with provenance.

A *page span* maps a range of the ingested text to the page it came from (1-based page numbers),
so that a task's evidence can be shown on its page image.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dondoc.errors import BinaryInputError, EmptyInputError, EncodingError, InputError, InputTooLargeError

__all__ = ["MAX_BYTES", "Ingested", "PageSpan", "decode_text", "ingest_bytes", "ingest_path"]

MAX_BYTES = 20 * 1024 * 1024

Format = Literal["text", "pdf", "docx", "image"]


@dataclass(frozen=True, slots=True)
class PageSpan:
    """Characters ``[start, end)`` of the ingested text come from page ``page`` (1-based)."""

    page: int
    start: int
    end: int
    ocr: bool = False


@dataclass(frozen=True, slots=True)
class Ingested:
    text: str
    path: str
    sha256: str
    format: Format
    pages: int | None = None
    ocr: bool = False
    page_spans: tuple[PageSpan, ...] = field(default_factory=tuple)

    def source_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "pages": self.pages,
            "ocr": self.ocr,
        }


def decode_text(data: bytes, *, name: str = "input") -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM; refuse binary data."""
    if not data.strip():
        raise EmptyInputError("the file is empty; give a document with text", path=name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError("invalid UTF-16 text", path=name) from exc
    if b"\x00" in data[:8192]:
        raise BinaryInputError(
            "this looks like a binary file, not text; give a .txt, .pdf, .docx or image file", path=name
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8 and try again", path=name
        ) from exc
    if not text.strip():
        raise EmptyInputError("the file contains no text", path=name)
    return text


def ingest_bytes(data: bytes, *, name: str = "-") -> Ingested:
    """Ingest raw bytes whose file name (for the format) is ``name``."""
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(
            f"the file is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB", path=name
        )
    text = decode_text(data, name=name)
    return Ingested(
        text=text,
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format="text",
        pages=None,
        ocr=False,
    )


def ingest_path(path: str | Path) -> Ingested:
    """Ingest a file (``-`` reads standard input)."""
    if str(path) == "-":
        return ingest_bytes(sys.stdin.buffer.read(), name="-")
    p = Path(path)
    if not p.exists():
        raise InputError("no such file; check the path", path=str(p))
    if p.is_dir():
        raise InputError("this is a folder; give a file (or use `dondoc batch` for folders)", path=str(p))
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputTooLargeError(
            f"the file is {size / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB", path=str(p)
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=str(p)) from exc
    return ingest_bytes(data, name=str(p))
