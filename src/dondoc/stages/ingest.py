"""Ingestion: any supported file -> ``Ingested`` text with provenance.

Terms:

- A *page span* maps a range of the ingested text to the page it came from (1-based page numbers),
  so that a task's evidence can be shown on its page image. Page texts are joined with one ``\\n``.
- A *line box* maps a range of the text to the rectangle of an OCR'd line on its page (fractions of
  the page size, top-left origin), so the evidence can be highlighted on the scan itself.
- A *table* (from DOCX) is rendered into the text one row per line, cells joined by ``" | "``;
  ``Table.span`` covers all its lines and ``Table.rows[r][c]`` is the span of cell ``c`` of row
  ``r`` (the cell text, without the separators). A plan table's row thus reads
  ``"Xây dựng kế hoạch | Sở Tài chính | Các sở, ngành | Quý II/2021 | Kế hoạch"``, and the extractor
  can pick columns by index from the header row.
- The *unit of work* is one page: ``read_page(source, format, index)`` is a pure function of a file
  path (or bytes) and a page index returning a picklable ``PageText``; ``assemble`` joins the pages
  of one file. ``dondoc batch`` maps ``read_page`` over a process pool; the same function can be
  mapped over a Dask cluster (``client.map(read_page, paths, formats, indexes)``) unchanged.

Formats are recognised from the content (magic bytes) first and the file name second, so the web
upload can pass whatever bytes and file name it received. Text is composed to NFC here - the one
place where normalisation is allowed, because nobody holds offsets into it yet.

The pieces live in ``ingested`` (the types), ``formats``, ``pages`` and ``ingest_docx``; this module
checks the limits and runs them, and re-exports their public names.

Limits (``MAX_BYTES``, ``MAX_PAGES``) can be overridden per call or with the environment variables
``DONDOC_MAX_BYTES`` and ``DONDOC_MAX_PAGES``.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dondoc.errors import (
    InputError,
    InputTooLargeError,
)

if TYPE_CHECKING:
    from dondoc.adapters.ocr import OcrEngine

from dondoc.stages.formats import INPUT_SUFFIXES, decode_text, decode_text_and_encoding, detect_format
from dondoc.stages.ingest_docx import ingest_docx
from dondoc.stages.ingested import Format, Ingested, LineBox, PageSpan, Table
from dondoc.stages.pages import (
    OCR_DPI,
    PageText,
    assemble,
    default_engine,
    ocr_page_text,
    page_total,
    pdf_page,
    read_page,
    text_layer_usable,
)

__all__ = [
    "INPUT_SUFFIXES",
    "MAX_BYTES",
    "MAX_PAGES",
    "OCR_DPI",
    "Format",
    "Ingested",
    "LineBox",
    "PageSpan",
    "PageText",
    "Table",
    "assemble",
    "check_page_limit",
    "decode_text",
    "detect_format",
    "ingest_bytes",
    "ingest_path",
    "page_total",
    "read_page",
    "text_layer_usable",
]

MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 300


def _env_limit(var: str, default: int) -> int:
    raw = os.environ.get(var)
    try:
        return int(raw) if raw else default
    except ValueError:
        return default


def _too_large(size: int, limit: int, name: str) -> InputTooLargeError:
    return InputTooLargeError(
        f"the file is {size / 1e6:.1f} MB; the limit is {limit / (1024 * 1024):.0f} MB "
        "(split it, or raise DONDOC_MAX_BYTES)",
        path=name,
    )


def ingest_bytes(
    data: bytes,
    *,
    name: str = "-",
    ocr: OcrEngine | None = None,
    max_bytes: int | None = None,
    max_pages: int | None = None,
    dpi: int = OCR_DPI,
    preprocess: bool = True,
) -> Ingested:
    """Ingest raw bytes whose file name is ``name`` (the format is detected from the content).

    Args:
        data: the file's bytes.
        name: its file name or path (used for the format when the content is ambiguous, and in errors).
        ocr: the OCR engine for scanned pages and images (default: Tesseract ``vie``, checked lazily).
        max_bytes, max_pages: limits (default ``MAX_BYTES``/``MAX_PAGES`` or the environment).
        dpi: resolution at which PDF pages without a usable text layer are rendered for OCR.
        preprocess: clean page images before OCR (``dondoc.adapters.image.preprocess``).

    Raises:
        InputError: a subclass saying what is wrong with the input and what to do.
        DependencyError: OCR is needed but Tesseract or its Vietnamese model is missing.
    """
    limit = max_bytes if max_bytes is not None else _env_limit("DONDOC_MAX_BYTES", MAX_BYTES)
    page_limit = max_pages if max_pages is not None else _env_limit("DONDOC_MAX_PAGES", MAX_PAGES)
    if len(data) > limit:
        raise _too_large(len(data), limit, name)
    sha = hashlib.sha256(data).hexdigest()
    fmt = detect_format(data, name) if data.strip() else "text"
    if fmt == "text":
        text, encoding = decode_text_and_encoding(data, name=name)
        return Ingested(text=text, path=name, sha256=sha, format="text", encoding=encoding)
    if fmt == "docx":
        return ingest_docx(data, name=name, sha256=sha)
    if fmt == "image":
        from dondoc.adapters.image import load_images

        frames = load_images(data, name=name, max_pages=page_limit)
        engine = ocr or default_engine()
        pages = [
            ocr_page_text(frame, i + 1, engine, preprocess=preprocess) for i, frame in enumerate(frames)
        ]
        return assemble(pages, path=name, sha256=sha, fmt="image", name=name)
    from dondoc.adapters.pdf import open_pdf

    with open_pdf(data, name=name) as doc:
        n = len(doc)
        check_page_limit(n, page_limit, name)
        engine = ocr or default_engine()  # checks for Tesseract only when a page needs OCR
        pages = [pdf_page(doc, i, ocr=engine, dpi=dpi, preprocess=preprocess) for i in range(n)]
    return assemble(pages, path=name, sha256=sha, fmt="pdf", name=name)


def check_page_limit(n: int, limit: int, name: str) -> None:
    """Raise ``InputTooLargeError`` when a document has more than ``limit`` pages."""
    if n > limit:
        raise InputTooLargeError(
            f"the document has {n} pages; the limit is {limit} (split it, or raise DONDOC_MAX_PAGES "
            "/ --max-pages)",
            path=name,
        )


def ingest_path(path: str | Path, **options: object) -> Ingested:
    """Ingest a file (``-`` reads standard input); ``options`` are those of ``ingest_bytes``."""
    if str(path) == "-":
        return ingest_bytes(sys.stdin.buffer.read(), name="-", **options)  # type: ignore[arg-type]
    p = Path(path)
    if not p.exists():
        raise InputError("no such file; check the path", path=str(p))
    if p.is_dir():
        raise InputError("this is a folder; give a file (or use `dondoc batch` for folders)", path=str(p))
    limit = options.get("max_bytes")
    limit = limit if isinstance(limit, int) else _env_limit("DONDOC_MAX_BYTES", MAX_BYTES)
    size = p.stat().st_size
    if size > limit:
        raise _too_large(size, limit, str(p))
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=str(p)) from exc
    return ingest_bytes(data, name=str(p), **options)  # type: ignore[arg-type]
