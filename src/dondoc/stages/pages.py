"""One page at a time: its text from a PDF text layer or from OCR (``read_page``, a pure function of a
file and a page index), and ``assemble`` joining a file's pages into one ``Ingested``."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dondoc.core.legacy_encoding import repair_legacy_text, vietnamese_score
from dondoc.errors import (
    EmptyInputError,
)

if TYPE_CHECKING:
    from dondoc.adapters.ocr import OcrEngine

from dondoc.stages.ingested import Box, Format, Ingested, LineBox, PageSpan

__all__ = [
    "OCR_DPI",
    "PageText",
    "assemble",
    "default_engine",
    "ocr_page_text",
    "page_total",
    "pdf_page",
    "read_page",
    "text_layer_usable",
]

OCR_DPI = 300


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


def ocr_page_text(image: object, page: int, engine: OcrEngine, *, preprocess: bool) -> PageText:
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


def default_engine() -> OcrEngine:
    from dondoc.adapters.ocr import TesseractEngine

    return TesseractEngine()


def pdf_page(
    doc: object, index: int, *, ocr: OcrEngine | None, dpi: int, preprocess: bool, force_ocr: bool = False
) -> PageText:
    from dondoc.adapters.pdf import page_text, render_page

    if not force_ocr:
        usable, text = text_layer_usable(page_text(doc, index))
        if usable:
            return PageText(index + 1, unicodedata.normalize("NFC", text), False)
    image = render_page(doc, index, dpi=dpi)
    return ocr_page_text(image, index + 1, ocr or default_engine(), preprocess=preprocess)


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
            return pdf_page(doc, index, ocr=ocr, dpi=dpi, preprocess=preprocess, force_ocr=force_ocr)
    if fmt == "image":
        from dondoc.adapters.image import load_images

        data = Path(source).read_bytes() if isinstance(source, str) else source
        frames = load_images(data, name=name)
        return ocr_page_text(frames[index], index + 1, ocr or default_engine(), preprocess=preprocess)
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
