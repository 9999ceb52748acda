"""Page images of an uploaded document, so the review screen can show a task's evidence on the page.

``GET /documents/{id}/pages/{n}.png?w=900`` renders page ``n`` (1-based) of the stored original:
a PDF page through pypdfium2 at the scale that makes it ``w`` pixels wide, or a frame of an image
file (multi-page TIFF: frame ``n``) through Pillow, shrunk to ``w`` pixels (never enlarged). Text
and DOCX documents have no pages: 415.

Who may see it: whoever may see the document (``repo.get_document``): office, admin and leaders
any document, a unit user only confirmed documents with tasks of its unit; anything else is 404,
as for the document itself.

Sizes are bounded: ``w`` is 100-2000 pixels and the height at most ``MAX_ASPECT`` times the width
(a pathological long page is cut, not rendered at any size); image files go through the same
decompression-bomb guard as ingestion. A rendered page never changes for a given file, page and
width, so the response carries an ETag (the file's SHA-256, page and width) and may be cached by
the browser; a small in-process LRU keeps recent renderings, because the reviewer clicks back and
forth between items on the same few pages.

``GET /documents/{id}/pages/{n}/boxes?q=TEXT`` finds the evidence on a PDF page that has a text
layer (such pages carry no OCR line boxes): each line of ``TEXT`` is searched with pdfium's text
search, after the previous line's match, and the rectangles of the matches come back as page
fractions, ``{"page": n, "boxes": [[x0, y0, x1, y1], ...]}``. Lines not found are skipped; an empty
list means "show the whole page".
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from typing import Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import Response
from PIL import Image
from sqlalchemy.orm import Session

from dondoc.errors import DondocError
from dondoc.store import repo
from dondoc.store.models import Document, User
from dondoc.web.pages.common import get_db, page_router, page_user

__all__ = ["MAX_ASPECT", "MAX_WIDTH", "MIN_WIDTH", "find_text_boxes", "render_page_png", "router"]

router = page_router()

MIN_WIDTH = 100
MAX_WIDTH = 2000
DEFAULT_WIDTH = 900
MAX_ASPECT = 4  # height <= 4 x width
PAGED_FORMATS = frozenset({"pdf", "image"})
_CACHE_ENTRIES = 48

Box = tuple[float, float, float, float]

_cache: OrderedDict[tuple[str, int, int], bytes] = OrderedDict()
_cache_lock = threading.Lock()


class NoSuchPageError(DondocError):
    """The document has no page with this number."""


def _fit(img: Image.Image, width: int) -> Image.Image:
    """Shrink to ``width`` (never enlarge) and cut at ``MAX_ASPECT`` x width; PNG-friendly mode."""
    if img.mode not in ("L", "RGB"):
        img = img.convert("L" if img.mode in ("1", "I;16", "I", "F", "LA") else "RGB")
    if img.width > width:
        img = img.resize((width, max(1, round(img.height * width / img.width))), Image.Resampling.LANCZOS)
    limit = img.width * MAX_ASPECT
    if img.height > limit:
        img = img.crop((0, 0, img.width, limit))
    return img


def _pdf_page(data: bytes, page: int, width: int, name: str) -> Image.Image:
    from dondoc.adapters.pdf import open_pdf

    with open_pdf(data, name=name) as pdf:
        if not 1 <= page <= len(pdf):
            raise NoSuchPageError(f"the document has {len(pdf)} pages")
        p = pdf[page - 1]
        try:
            w_pt, h_pt = p.get_width(), p.get_height()
            scale = min(width / max(w_pt, 1.0), width * MAX_ASPECT / max(h_pt, 1.0))
            return p.render(scale=scale).to_pil()
        finally:
            p.close()


def _image_page(data: bytes, page: int, name: str) -> Image.Image:
    from dondoc.adapters.image import load_images

    frames = load_images(data, name=name)  # the decompression-bomb guard of ingestion
    if not 1 <= page <= len(frames):
        raise NoSuchPageError(f"the image has {len(frames)} pages")
    return frames[page - 1]


def render_page_png(data: bytes, fmt: str, page: int, *, width: int = DEFAULT_WIDTH, name: str = "file") -> bytes:
    """PNG of page ``page`` (1-based) of a PDF or image file, at most ``width`` pixels wide.

    Raises:
        NoSuchPageError: there is no such page.
        InputError: the file cannot be read (damaged, encrypted, a decompression bomb).
        ValueError: ``fmt`` is not a paged format.
    """
    if fmt == "pdf":
        img = _pdf_page(data, page, width, name)
    elif fmt == "image":
        img = _image_page(data, page, name)
    else:
        raise ValueError(f"{fmt!r} documents have no page images")
    out = io.BytesIO()
    _fit(img, width).save(out, format="PNG", compress_level=6)
    return out.getvalue()


def _search_lines(query: str) -> list[str]:
    """The lines of ``query`` worth searching: stripped, at least 4 characters, at most 30 of them."""
    lines = [" ".join(line.split()) for line in query.split("\n")]
    return [line[:200] for line in lines if len(line) >= 4][:30]


def find_text_boxes(data: bytes, page: int, query: str, *, name: str = "file.pdf") -> list[Box]:
    """Rectangles (page fractions, top-left origin) of the lines of ``query`` on a PDF page's text layer.

    Raises:
        NoSuchPageError: there is no such page.
        InputError: the PDF cannot be opened.
    """
    from dondoc.adapters.pdf import open_pdf

    boxes: list[Box] = []
    with open_pdf(data, name=name) as pdf:
        if not 1 <= page <= len(pdf):
            raise NoSuchPageError(f"the document has {len(pdf)} pages")
        p = pdf[page - 1]
        textpage = p.get_textpage()
        try:
            w, h = max(p.get_width(), 1.0), max(p.get_height(), 1.0)
            after = 0
            for line in _search_lines(query):
                found = _search(textpage, line, after) or _search(textpage, line, 0)
                if found is None:
                    continue
                index, count = found
                after = index + count
                for k in range(textpage.count_rects(index, count)):
                    left, bottom, right, top = textpage.get_rect(k)
                    boxes.append((_clamp(left / w), _clamp(1 - top / h), _clamp(right / w), _clamp(1 - bottom / h)))
        finally:
            textpage.close()
            p.close()
    return boxes


def _search(textpage: Any, text: str, start: int) -> tuple[int, int] | None:
    searcher = textpage.search(text, index=start, match_case=True)
    try:
        found = searcher.get_next()
    finally:
        searcher.close()
    return (int(found[0]), int(found[1])) if found else None


def _clamp(v: float) -> float:
    return min(max(float(v), 0.0), 1.0)


def _cached(doc: Document, fmt: str, page: int, width: int) -> bytes:
    key = (doc.sha256, page, width)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    png = render_page_png(doc.data, fmt, page, width=width, name=doc.filename)
    with _cache_lock:
        _cache[key] = png
        while len(_cache) > _CACHE_ENTRIES:
            _cache.popitem(last=False)
    return png


def _format_of(doc: Document) -> str | None:
    if doc.format:
        return doc.format
    from dondoc.stages.ingest import detect_format

    try:
        return detect_format(doc.data, doc.filename)
    except DondocError:
        return None


@router.get("/documents/{doc_id}/pages/{page}.png")
def page_image(
    request: Request,
    doc_id: int,
    page: int,
    w: int = Query(DEFAULT_WIDTH, ge=MIN_WIDTH, le=MAX_WIDTH),
    user: User = Depends(page_user),
    db: Session = Depends(get_db),
) -> Response:
    doc = repo.get_document(db, doc_id, user=user)  # NotFoundError (404) for what the user may not see
    fmt = _format_of(doc)
    if fmt not in PAGED_FORMATS:
        raise HTTPException(415, detail="Văn bản này không có ảnh trang (chỉ tệp PDF và ảnh quét mới có).")
    if page < 1:
        raise HTTPException(404, detail=f"Văn bản không có trang {page}.")
    etag = f'"{doc.sha256[:20]}-{page}-{w}"'
    headers = {"ETag": etag, "Cache-Control": "private, max-age=86400"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    try:
        png = _cached(doc, fmt, page, w)
    except NoSuchPageError as exc:
        raise HTTPException(404, detail=f"Văn bản không có trang {page} ({exc.message}).") from None
    return Response(png, media_type="image/png", headers=headers)


@router.get("/documents/{doc_id}/pages/{page}/boxes")
def page_text_boxes(
    doc_id: int,
    page: int,
    q: str = Query("", max_length=4000),
    user: User = Depends(page_user),
    db: Session = Depends(get_db),
) -> dict[str, Any]:
    doc = repo.get_document(db, doc_id, user=user)
    fmt = _format_of(doc)
    if fmt not in PAGED_FORMATS:
        raise HTTPException(415, detail="Văn bản này không có ảnh trang (chỉ tệp PDF và ảnh quét mới có).")
    if fmt != "pdf" or not q.strip():
        return {"page": page, "boxes": []}  # scans: the OCR line boxes are already in the review page
    try:
        boxes = find_text_boxes(doc.data, page, q, name=doc.filename)
    except NoSuchPageError as exc:
        raise HTTPException(404, detail=f"Văn bản không có trang {page} ({exc.message}).") from None
    return {"page": page, "boxes": [[round(v, 4) for v in b] for b in boxes]}
