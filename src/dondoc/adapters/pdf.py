"""PDF reading through pypdfium2: page count, text layer in reading order, page rendering.

The *text layer* is the text a PDF carries for each page (digital PDFs, or scans an earlier OCR
pass annotated). pdfium returns it in content-stream order, which for the usual two-column
letterhead (issuer on the left, national motto on the right) interleaves both columns on one line
("BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI ..."). ``page_text`` rebuilds lines from character boxes and, where
consecutive lines split at a wide horizontal gap into a left and a right part, emits the left column
first and then the right one - the order a reader follows.

Errors from pdfium (corrupt file, password, no pages) become ``InputError`` subclasses with a hint.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator

import pypdfium2 as pdfium
from PIL import Image

from dondoc.adapters.layout import Segment, order_columns
from dondoc.errors import EmptyInputError, InputError, UnsupportedFormatError

__all__ = ["EncryptedPdfError", "open_pdf", "page_count", "page_text", "render_page"]


class EncryptedPdfError(InputError):
    """The PDF is protected by a password."""


@contextlib.contextmanager
def open_pdf(source: bytes | str, *, name: str = "input.pdf") -> Iterator[pdfium.PdfDocument]:
    """Open a PDF (bytes or path) and close it afterwards; map pdfium errors to ``InputError``."""
    try:
        doc = pdfium.PdfDocument(io.BytesIO(source) if isinstance(source, bytes) else source)
    except pdfium.PdfiumError as exc:
        # pdfium's last-error code can be stale after an earlier failure, so look at the bytes too.
        data = source if isinstance(source, bytes) else _head(source)
        if re.search(rb"/Count\s+0\b", data) and b"/Encrypt" not in data:
            raise EmptyInputError("the PDF has no pages", path=name) from exc
        if b"/Encrypt" in data or getattr(exc, "err_code", None) == 4:  # FPDF_ERR_PASSWORD
            raise EncryptedPdfError(
                "the PDF is password-protected; remove the password (print it to a new PDF) and try again",
                path=name,
            ) from exc
        raise UnsupportedFormatError(
            "the PDF is damaged or not a PDF; re-export or re-scan it and try again", path=name
        ) from exc
    try:
        if len(doc) == 0:
            raise EmptyInputError("the PDF has no pages", path=name)
        yield doc
    finally:
        doc.close()


def _head(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(1 << 20)
    except OSError:
        return b""


def page_count(source: bytes | str, *, name: str = "input.pdf") -> int:
    with open_pdf(source, name=name) as doc:
        return len(doc)


def render_page(doc: pdfium.PdfDocument, index: int, *, dpi: int = 300) -> Image.Image:
    """Render page ``index`` (0-based) as an RGB image at ``dpi``."""
    page = doc[index]
    try:
        img = page.render(scale=dpi / 72).to_pil()
    finally:
        page.close()
    img.info["dpi"] = (dpi, dpi)
    return img


def _line_segments(chars: list[tuple[str, tuple[float, float, float, float]]]) -> list[Segment]:
    """Split one text line into segments at gaps wider than ~3 average character widths."""
    widths = [b[2] - b[0] for c, b in chars if not c.isspace() and b[2] > b[0]]
    avg = sum(widths) / len(widths) if widths else 5.0
    segs: list[Segment] = []
    cur: list[str] = []
    left = right = None
    for c, (x0, _y0, x1, _y1) in chars:
        if c.isspace():
            cur.append(c)
            continue
        if right is not None and x0 - right > max(3 * avg, 18.0):
            segs.append(Segment("".join(cur).strip(), left or 0.0, right))
            cur, left = [], None
        cur.append(c)
        left = x0 if left is None else left
        right = x1 if right is None or cur == [c] else max(right, x1)
    if cur and "".join(cur).strip():
        segs.append(Segment("".join(cur).strip(), left or 0.0, right or 0.0))
    return segs


def page_text(doc: pdfium.PdfDocument, index: int) -> str:
    """The text layer of page ``index`` (0-based), lines in reading order, ``\\n``-separated."""
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            n = textpage.count_chars()
            raw = textpage.get_text_range(0, n) if n else ""
            width = page.get_width()
            lines: list[list[Segment]] = []
            cur: list[tuple[str, tuple[float, float, float, float]]] = []
            # pdfium gives one char index per code unit, its generated line breaks included.
            for k in range(n):
                ch = raw[k]
                if ch in "\r\n":
                    if cur:
                        lines.append(_line_segments(cur))
                    cur = []
                    continue
                if ch == "\ufffe":  # pdfium's mark for a hyphen at a line break
                    ch = "-"
                try:
                    box = textpage.get_charbox(k)
                except Exception:
                    box = (0.0, 0.0, 0.0, 0.0)
                cur.append((ch, box))
            if cur:
                lines.append(_line_segments(cur))
        finally:
            textpage.close()
    finally:
        page.close()
    ordered = order_columns([segs for segs in lines if segs], width)
    return "\n".join(" ".join(seg.text for seg in line).rstrip() for line in ordered)
