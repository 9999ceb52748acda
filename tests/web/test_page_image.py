"""Page images (``/documents/{id}/pages/{n}.png``) and the evidence boxes of the review screen.

Documents are built in the tests: a two-page PDF and a two-frame TIFF scan rendered with Pillow
from known text. The scan goes through the real pipeline with the in-memory ``FakeOcrEngine`` (its
line boxes are evenly spaced bands); one ``ocr`` test runs Tesseract on a rendered page to check
that the box of a known line lands where the line was drawn.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select

from dondoc.adapters.ocr import FakeOcrEngine, tesseract_available
from dondoc.core.provenance import Provenance
from dondoc.stages.extract import extract
from dondoc.stages.ingest import ingest_bytes
from dondoc.store import repo
from dondoc.store.db import session_scope
from dondoc.store.models import Document, Unit, User
from dondoc.web.demo import SAMPLE
from tests.web.pages_fixtures import Demo, login, make_demo

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
GAZETTE = Path("/work/shared/data/official-pdf/thong-tu-so-02-2026-tt-btc-468745.pdf")  # has a text layer


def _page(lines: list[str], *, size: tuple[int, int] = (1240, 1754), font_px: int = 30) -> Image.Image:
    """A white A4 page at 150 DPI with ``lines`` drawn from the top left (first line at y=150)."""
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, font_px) if Path(FONT).exists() else ImageFont.load_default()
    for i, line in enumerate(lines):
        draw.text((120, 150 + i * int(font_px * 1.8)), line, fill=0, font=font)
    return img


def _pdf(pages: list[Image.Image]) -> bytes:
    out = io.BytesIO()
    pages[0].convert("RGB").save(out, format="PDF", save_all=True, append_images=[p.convert("RGB") for p in pages[1:]],
                                 resolution=150)
    return out.getvalue()


def _tiff(pages: list[Image.Image]) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, format="TIFF", save_all=True, append_images=pages[1:], dpi=(150, 150))
    return out.getvalue()


def _png(page: Image.Image) -> bytes:
    out = io.BytesIO()
    page.save(out, format="PNG", dpi=(150, 150))
    return out.getvalue()


def _scan_extraction(data: bytes, name: str, pages: list[str]) -> dict[str, Any]:
    """The pipeline of the upload (without repair) with a fake OCR engine reading ``pages``."""
    ingested = ingest_bytes(data, name=name, ocr=FakeOcrEngine(pages), preprocess=False)
    result = extract(ingested, repair=False)
    assert result["source"]["lines"], "the fake OCR engine gives line boxes"
    return result


@dataclasses.dataclass
class Docs:
    demo: Demo
    scan: int  # a two-frame TIFF, draft (pipeline with the fake OCR engine)
    pdf: int  # a two-page PDF, confirmed, its one task owned by donvi2's unit
    text: int  # the demo's text document
    scan_text: str
    gazette: int | None  # a real gazette PDF with a text layer, draft (None where the file is missing)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Docs]:
    demo = make_demo(tmp_path_factory.mktemp("page-image"))
    sample = SAMPLE.read_text(encoding="utf-8").split("\n")
    half = len(sample) // 2
    ocr_pages = ["\n".join(sample[:half]), "\n".join(sample[half:])]
    tiff = _tiff([_page(sample[:40]), _page(sample[half:half + 40])])
    scan_json = _scan_extraction(tiff, "scan.tif", ocr_pages)
    pdf = _pdf([_page(["Trang một", "Giao Sở Y tế xây dựng kế hoạch"]), _page(["Trang hai"])])
    with session_scope(demo.app.state.engine) as s:
        admin = s.scalar(select(User).where(User.username == "admin"))
        donvi2 = s.scalar(select(User).where(User.username == "donvi2"))
        assert admin is not None and donvi2 is not None
        other_unit = s.get(Unit, donvi2.unit_id)
        assert other_unit is not None
        scan = repo.create_document(s, scan_json, filename="scan.tif", data=tiff, user=admin, content_type="image/tiff")
        pdf_json = {
            "schema_version": "1",
            "source": {"path": "kh.pdf", "sha256": "", "format": "pdf", "pages": 2, "ocr": False,
                       "page_spans": [{"page": 1, "start": 0, "end": 40, "ocr": False},
                                      {"page": 2, "start": 41, "end": 50, "ocr": False}]},
            "text": "x" * 50, "original_text": "x" * 50, "edits": [],
            "document": {"kind": "ke_hoach", "number": "1/KH-TEST"},
            "tasks": [{"id": "1", "text": "Xây dựng kế hoạch", "owners": [{"name": other_unit.name, "role": "lead"}],
                       "due": None, "start": 10, "end": 20}],
        }
        pdf_doc = repo.create_document(s, pdf_json, filename="kh.pdf", data=pdf, user=admin,
                                       content_type="application/pdf")
        repo.confirm_document(s, pdf_doc.id, user=admin)
        text_doc = s.scalar(select(Document.id).where(Document.format == "text").order_by(Document.id))
        assert text_doc is not None
        gazette = None
        if GAZETTE.exists():
            data = GAZETTE.read_bytes()
            g_json = extract(ingest_bytes(data, name=GAZETTE.name), repair=False)
            gazette = repo.create_document(s, g_json, filename=GAZETTE.name, data=data, user=admin,
                                           content_type="application/pdf").id
        ids = scan.id, pdf_doc.id, text_doc
    yield Docs(demo, ids[0], ids[1], ids[2], scan_json["text"], gazette)
    demo.app.state.engine.dispose()


def _open(docs: Docs, user: str, url: str, **headers: str) -> Any:
    c = docs.demo.client()
    login(c, user)
    return c.get(url, headers=headers)


def test_pdf_pages_render_at_the_asked_width(docs: Docs) -> None:
    c = docs.demo.client()
    login(c, "vanphong")
    for page, width in ((1, 900), (2, 900), (1, 300)):
        resp = c.get(f"/documents/{docs.pdf}/pages/{page}.png?w={width}")
        assert resp.status_code == 200, resp.text
        assert resp.headers["content-type"] == "image/png"
        img = Image.open(io.BytesIO(resp.content))
        assert img.width == width and 1.3 < img.height / img.width < 1.5  # A4 portrait
    default = c.get(f"/documents/{docs.pdf}/pages/1.png")
    assert Image.open(io.BytesIO(default.content)).width == 900


@pytest.mark.parametrize(
    ("url", "status"),
    [
        pytest.param("/documents/{pdf}/pages/3.png", 404, id="page-after-the-last"),
        pytest.param("/documents/{pdf}/pages/0.png", 404, id="page-zero"),
        pytest.param("/documents/{scan}/pages/3.png", 404, id="tiff-frame-after-the-last"),
        pytest.param("/documents/{pdf}/pages/1.png?w=5000", 400, id="too-wide"),
        pytest.param("/documents/{pdf}/pages/1.png?w=10", 400, id="too-narrow"),
        pytest.param("/documents/{text}/pages/1.png", 415, id="text-has-no-pages"),
        pytest.param("/documents/999999/pages/1.png", 404, id="no-such-document"),
    ],
)
def test_bad_requests(docs: Docs, url: str, status: int) -> None:
    resp = _open(docs, "vanphong", url.format(pdf=docs.pdf, scan=docs.scan, text=docs.text))
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("text/html")  # the friendly error page, not a traceback


def test_tiff_frames_are_pages_and_never_enlarged(docs: Docs) -> None:
    c = docs.demo.client()
    login(c, "vanphong")
    one = Image.open(io.BytesIO(c.get(f"/documents/{docs.scan}/pages/1.png?w=900").content))
    two = Image.open(io.BytesIO(c.get(f"/documents/{docs.scan}/pages/2.png?w=2000").content))
    assert one.size == (900, round(1754 * 900 / 1240))
    assert two.size == (1240, 1754)  # the scan is 1240 px wide: not enlarged to 2000


def test_etag_and_cache_control(docs: Docs) -> None:
    c = docs.demo.client()
    login(c, "vanphong")
    first = c.get(f"/documents/{docs.pdf}/pages/1.png")
    etag = first.headers["etag"]
    assert "private" in first.headers["cache-control"] and "max-age" in first.headers["cache-control"]
    again = c.get(f"/documents/{docs.pdf}/pages/1.png", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content
    other_width = c.get(f"/documents/{docs.pdf}/pages/1.png?w=400", headers={"If-None-Match": etag})
    assert other_width.status_code == 200 and other_width.headers["etag"] != etag


@pytest.mark.parametrize(
    ("user", "doc", "status"),
    [
        pytest.param("admin", "scan", 200, id="admin-draft"),
        pytest.param("vanphong", "scan", 200, id="office-draft"),
        pytest.param("lanhdao", "pdf", 200, id="leader"),
        pytest.param("donvi2", "pdf", 200, id="unit-owning-a-task"),
        pytest.param("donvi", "pdf", 404, id="unit-of-another-unit"),
        pytest.param("donvi2", "scan", 404, id="unit-and-a-draft"),
    ],
)
def test_who_may_see_page_images(docs: Docs, user: str, doc: str, status: int) -> None:
    resp = _open(docs, user, f"/documents/{getattr(docs, doc)}/pages/1.png?w=200")
    assert resp.status_code == status


def test_unit_user_of_another_unit_gets_404_even_with_an_etag(docs: Docs) -> None:
    etag = _open(docs, "donvi2", f"/documents/{docs.pdf}/pages/1.png").headers["etag"]
    resp = _open(docs, "donvi", f"/documents/{docs.pdf}/pages/1.png", **{"If-None-Match": etag})
    assert resp.status_code == 404


def test_anonymous_is_sent_to_login(docs: Docs) -> None:
    resp = docs.demo.client().get(f"/documents/{docs.pdf}/pages/1.png")
    assert resp.status_code == 303 and resp.headers["location"].startswith("/login")


def test_review_of_a_scan_carries_page_regions(docs: Docs) -> None:
    c = docs.demo.client()
    login(c, "vanphong")
    page = c.get(f"/documents/{docs.scan}/review")
    assert page.status_code == 200 and page.template.name == "review.html"  # type: ignore[attr-defined]
    ctx = page.context  # type: ignore[attr-defined]
    assert ctx["paged"] and ctx["n_pages"] == 2
    tasks = ctx["tasks"]
    assert tasks
    pages_seen: set[int] = set()
    for t in tasks:
        regions = json.loads(ctx["regions"](t["start"], t["end"]))
        assert regions and all(r["boxes"] for r in regions), t["id"]
        for r in regions:
            pages_seen.add(r["page"])
            for x0, y0, x1, y1 in r["boxes"]:
                assert 0 <= x0 <= x1 <= 1 and 0 <= y0 < y1 <= 1
    assert pages_seen == {1, 2}  # tasks on both pages of the scan
    html = page.text
    assert 'id="pageview"' in html and f"/documents/{docs.scan}/pages/1.png?w=900" in html
    assert "data-regions=" in html and "review_pages.js" in html


def test_review_of_a_text_document_has_no_page_panel(docs: Docs) -> None:
    c = docs.demo.client()
    login(c, "vanphong")
    page = c.get(f"/documents/{docs.text}/review")
    assert page.status_code == 200
    assert not page.context["paged"]  # type: ignore[attr-defined]
    assert 'id="pageview"' not in page.text


def test_task_edit_fragment_keeps_its_regions(docs: Docs) -> None:
    c = docs.demo.client()
    token = login(c, "vanphong")
    t = c.get(f"/documents/{docs.scan}/review").context["tasks"][0]  # type: ignore[attr-defined]
    resp = c.post(f"/documents/{docs.scan}/review/tasks/{t['id']}", data={"text": t["text"], "csrf_token": token},
                  headers={"HX-Request": "true"})
    assert resp.status_code == 200 and resp.template.name == "_review_task.html"  # type: ignore[attr-defined]
    assert 'data-regions="[{' in resp.text.replace("&#34;", '"')


def test_text_layer_pdf_evidence_is_found_on_the_page(docs: Docs) -> None:
    if docs.gazette is None:
        pytest.skip(f"{GAZETTE} is not here")
    c = docs.demo.client()
    login(c, "vanphong")
    ctx = c.get(f"/documents/{docs.gazette}/review").context  # type: ignore[attr-defined]
    assert ctx["paged"]
    ref = ctx["references"][0]
    (region,) = json.loads(ctx["regions"](ref["start"], ref["end"]))
    assert region["boxes"] == [] and region["q"] == ctx["draft"]["text"][ref["start"]:ref["end"]]
    found = c.get(f"/documents/{docs.gazette}/pages/{region['page']}/boxes", params={"q": region["q"]})
    assert found.status_code == 200 and found.json()["boxes"], found.text
    for x0, y0, x1, y1 in found.json()["boxes"]:
        assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1
    missing = c.get(f"/documents/{docs.gazette}/pages/1/boxes", params={"q": "không hề có trong văn bản này"})
    assert missing.json() == {"page": 1, "boxes": []}
    assert c.get(f"/documents/{docs.gazette}/pages/9/boxes", params={"q": "abcd"}).status_code == 404
    assert c.get(f"/documents/{docs.scan}/pages/1/boxes", params={"q": "Sở"}).json()["boxes"] == []
    assert c.get(f"/documents/{docs.text}/pages/1/boxes", params={"q": "Sở"}).status_code == 415
    assert _open(docs, "donvi", f"/documents/{docs.gazette}/pages/1/boxes?q=abcd").status_code == 404


@pytest.mark.ocr
@pytest.mark.skipif(not tesseract_available("vie"), reason="needs tesseract with the vie model")
def test_tesseract_line_box_lands_on_the_drawn_line() -> None:
    lines = ["ỦY BAN NHÂN DÂN THÀNH PHỐ", "Giao Sở Xây dựng chủ trì triển khai",
             "kế hoạch cải tạo chung cư cũ trong năm 2021.", "Sở Tài chính bố trí kinh phí thực hiện."]
    img = _page(lines, size=(1240, 700), font_px=32)
    ing = ingest_bytes(_png(img), name="scan.png")
    prov = Provenance.from_json({"source": ing.source_json(), "edits": []})
    start = ing.text.find("Tài chính")
    assert start >= 0, ing.text
    (region,) = prov.regions(start, start + len("Tài chính"))
    assert region.page == 1 and len(region.boxes) == 1
    x0, y0, x1, y1 = region.boxes[0]
    drawn_top = (150 + 3 * int(32 * 1.8)) / 700  # the fourth line
    assert y0 - 0.03 < drawn_top < y1 and x0 < 0.5  # on that line, towards its left
