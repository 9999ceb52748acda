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

Limits (``MAX_BYTES``, ``MAX_PAGES``) can be overridden per call or with the environment variables
``DONDOC_MAX_BYTES`` and ``DONDOC_MAX_PAGES``.
"""

from __future__ import annotations

import hashlib
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dondoc.core.legacy_encoding import decode_legacy_bytes, repair_legacy_text, vietnamese_score
from dondoc.core.spans import Span
from dondoc.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    UnsupportedFormatError,
)

if TYPE_CHECKING:
    from dondoc.adapters.ocr import OcrEngine

__all__ = [
    "MAX_BYTES",
    "MAX_PAGES",
    "OCR_DPI",
    "Ingested",
    "LineBox",
    "PageSpan",
    "PageText",
    "Table",
    "assemble",
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
OCR_DPI = 300

Format = Literal["text", "pdf", "docx", "image"]
Box = tuple[float, float, float, float]

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".csv", ""})
INPUT_SUFFIXES = IMAGE_SUFFIXES | {".txt", ".md", ".pdf", ".docx"}


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


# --- text ---------------------------------------------------------------------------------------------


def _decode_text_with_encoding(data: bytes, *, name: str) -> tuple[str, str]:
    if not data.strip():
        raise EmptyInputError("the file is empty; give a document with text", path=name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise EncodingError("invalid UTF-16 text; save the file as UTF-8", path=name) from exc
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
        zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
        if max(zeros_even, zeros_odd) > len(head) / 2 * 0.3 and min(zeros_even, zeros_odd) < len(head) * 0.02:
            enc = "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass
        raise BinaryInputError(
            "this looks like a binary file, not text; give a .txt, .pdf, .docx or image file", path=name
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = decode_legacy_bytes(data, name=name)  # raises EncodingError when unsure
    return decoded.text, decoded.encoding


def decode_text(data: bytes, *, name: str = "input") -> str:
    """Decode a text file to NFC: UTF-8 (BOM or not), UTF-16, or - detected - Windows-1258, TCVN3, VNI.

    Text that is valid UTF-8 but reads as a legacy font encoding ("Vieät Nam") is converted too.
    Raises ``EmptyInputError``, ``BinaryInputError`` or ``EncodingError``.
    """
    return _decode_text_full(data, name=name)[0]


def _decode_text_full(data: bytes, *, name: str) -> tuple[str, str]:
    text, encoding = _decode_text_with_encoding(data, name=name)
    if not text.strip():
        raise EmptyInputError("the file contains no text", path=name)
    fixed = repair_legacy_text(text)
    if fixed is not None:
        text, encoding = fixed.text, f"{encoding}+{fixed.encoding}"
    return unicodedata.normalize("NFC", text), encoding


# --- format detection ---------------------------------------------------------------------------------

_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
    b"GIF87a",
    b"GIF89a",
)


def detect_format(data: bytes, name: str) -> Format:
    """Recognise the format from the content, then the file name; refuse what we cannot read."""
    suffix = Path(name).suffix.lower()
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or suffix == ".docx":
            return "docx"
        raise UnsupportedFormatError(
            "this is a ZIP-based file but not a Word document (.docx); save it as .docx or PDF", path=name
        )
    if data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "image"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormatError(
            "old Word/Excel format (.doc/.xls) is not supported; save it as .docx or PDF", path=name
        )
    if suffix == ".pdf":
        raise UnsupportedFormatError(
            "the PDF is damaged or not a PDF; re-export or re-scan it and try again", path=name
        )
    if suffix in IMAGE_SUFFIXES:
        raise UnsupportedFormatError(
            "cannot read this image (damaged or unknown format); give a PNG, JPEG or TIFF", path=name
        )
    if suffix in {".xlsx", ".xls", ".pptx", ".ppt", ".odt", ".rtf", ".zip", ".rar", ".7z", ".exe", ".html"}:
        raise UnsupportedFormatError(
            f"{suffix} files are not supported; give a .pdf, .docx, .txt or an image (.png/.jpg/.tif)",
            path=name,
        )
    return "text"


# --- pages --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageText:
    """One page's text; ``lines`` are ``(start, end, box, confidence)`` relative to ``text``."""

    page: int
    text: str
    ocr: bool = False
    lines: tuple[tuple[int, int, Box, float], ...] = ()


def text_layer_usable(text: str) -> tuple[bool, str]:
    """Is a PDF page's text layer real text? Returns ``(usable, text)`` (legacy fonts converted).

    Garbage signs: almost no text (a scan), many replacement/private-use/control characters (fonts
    without a Unicode map), or words that are not Vietnamese syllables (broken encodings).
    """
    stripped = "".join(text.split())
    if len(stripped) < 25:
        return False, text
    bad = sum(
        1 for c in stripped if c == "\ufffd" or unicodedata.category(c) in {"Co", "Cc", "Cs", "Cn"}
    )
    if bad / len(stripped) > 0.05:
        return False, text
    fixed = repair_legacy_text(text)
    if fixed is not None:
        text = fixed.text
    share, words = vietnamese_score(text)
    if words >= 10 and share < 0.6:
        return False, text
    return True, text


def page_total(source: bytes | str, fmt: Format, *, name: str = "input") -> int:
    """Number of pages of a PDF or image file (1 for text and DOCX)."""
    if fmt == "pdf":
        from dondoc.adapters.pdf import page_count

        return page_count(source, name=name)
    if fmt == "image":
        from dondoc.adapters.image import load_images

        data = Path(source).read_bytes() if isinstance(source, str) else source
        return len(load_images(data, name=name))
    return 1


def _ocr_page_text(image: object, page: int, engine: OcrEngine, *, preprocess: bool) -> PageText:
    from dondoc.adapters.image import preprocess as prep

    img = prep(image) if preprocess else image  # type: ignore[arg-type]
    result = engine.recognize(img)  # type: ignore[arg-type]
    parts: list[str] = []
    lines: list[tuple[int, int, Box, float]] = []
    pos = 0
    for line in result.lines:
        t = unicodedata.normalize("NFC", line.text)
        if parts:
            pos += 1  # the "\n" before this line
        if t:
            lines.append((pos, pos + len(t), line.box, line.confidence))
        parts.append(t)
        pos += len(t)
    return PageText(page, "\n".join(parts), True, tuple(lines))


def _default_engine() -> OcrEngine:
    from dondoc.adapters.ocr import TesseractEngine

    return TesseractEngine()


def _pdf_page(
    doc: object, index: int, *, ocr: OcrEngine | None, dpi: int, preprocess: bool, force_ocr: bool = False
) -> PageText:
    from dondoc.adapters.pdf import page_text, render_page

    if not force_ocr:
        usable, text = text_layer_usable(page_text(doc, index))
        if usable:
            return PageText(index + 1, unicodedata.normalize("NFC", text), False)
    image = render_page(doc, index, dpi=dpi)
    return _ocr_page_text(image, index + 1, ocr or _default_engine(), preprocess=preprocess)


def read_page(
    source: bytes | str,
    fmt: Format,
    index: int,
    *,
    name: str = "input",
    ocr: OcrEngine | None = None,
    dpi: int = OCR_DPI,
    preprocess: bool = True,
    force_ocr: bool = False,
) -> PageText:
    """Read page ``index`` (0-based) of a PDF or image file given as a path or bytes.

    PDF pages use their text layer when ``text_layer_usable`` says so, otherwise they are rendered
    at ``dpi`` and OCR'd; image pages are always OCR'd. Pure apart from reading ``source``: safe to
    run in another process (everything it returns pickles).
    """
    if fmt == "pdf":
        from dondoc.adapters.pdf import open_pdf

        with open_pdf(source, name=name) as doc:
            return _pdf_page(doc, index, ocr=ocr, dpi=dpi, preprocess=preprocess, force_ocr=force_ocr)
    if fmt == "image":
        from dondoc.adapters.image import load_images

        data = Path(source).read_bytes() if isinstance(source, str) else source
        frames = load_images(data, name=name)
        return _ocr_page_text(frames[index], index + 1, ocr or _default_engine(), preprocess=preprocess)
    raise ValueError(f"read_page does not handle {fmt!r}")


def assemble(
    pages: Sequence[PageText], *, path: str, sha256: str, fmt: Format, name: str | None = None
) -> Ingested:
    """Join page texts (``\\n`` between pages) into one ``Ingested`` with page spans and line boxes."""
    parts: list[str] = []
    spans: list[PageSpan] = []
    boxes: list[LineBox] = []
    pos = 0
    for pt in sorted(pages, key=lambda p: p.page):
        if parts:
            pos += 1
        spans.append(PageSpan(pt.page, pos, pos + len(pt.text), pt.ocr))
        boxes.extend(LineBox(pt.page, pos + s, pos + e, box, conf) for s, e, box, conf in pt.lines)
        parts.append(pt.text)
        pos += len(pt.text)
    text = "\n".join(parts)
    if not text.strip():
        raise EmptyInputError(
            "no text found (blank pages, or OCR read nothing); check the file or scan it at 300 DPI",
            path=name or path,
        )
    return Ingested(
        text=text,
        path=path,
        sha256=sha256,
        format=fmt,
        pages=len(pages),
        ocr=any(p.ocr for p in pages),
        page_spans=tuple(spans),
        lines=tuple(boxes),
    )


# --- DOCX ---------------------------------------------------------------------------------------------


def _ingest_docx(data: bytes, *, name: str, sha256: str) -> Ingested:
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


# --- entry points -------------------------------------------------------------------------------------


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
        text, encoding = _decode_text_full(data, name=name)
        return Ingested(text=text, path=name, sha256=sha, format="text", encoding=encoding)
    if fmt == "docx":
        return _ingest_docx(data, name=name, sha256=sha)
    if fmt == "image":
        from dondoc.adapters.image import load_images

        frames = load_images(data, name=name, max_pages=page_limit)
        engine = ocr or _default_engine()
        pages = [
            _ocr_page_text(frame, i + 1, engine, preprocess=preprocess) for i, frame in enumerate(frames)
        ]
        return assemble(pages, path=name, sha256=sha, fmt="image", name=name)
    from dondoc.adapters.pdf import open_pdf

    with open_pdf(data, name=name) as doc:
        n = len(doc)
        check_page_limit(n, page_limit, name)
        engine = ocr or _default_engine()  # checks for Tesseract only when a page needs OCR
        pages = [_pdf_page(doc, i, ocr=engine, dpi=dpi, preprocess=preprocess) for i in range(n)]
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
