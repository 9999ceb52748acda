"""A scanned page in headless Chromium: upload a PNG scan, open the review screen, click a task, and
the page image shows beside the text with the task's evidence boxed on it.

The scan is rendered by the test from known text; the upload runs the real pipeline (Tesseract
``vie``), so the test is marked ``ocr`` as well as ``browser``. Its own demo database and uvicorn
server (in a thread, on a free port) are stopped at the end. The screenshot goes to
docs/screenshots/07-review-scan.png when DONDOC_SCREENSHOTS=1, else to a temporary folder.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from dondoc.adapters.ocr import tesseract_available
from tests.servers import serve_app
from tests.web.pages_fixtures import Demo, make_demo

CHROMIUM = "/usr/bin/chromium"
SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("DONDOC_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "dondoc-screenshots"
)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.ocr,
    pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
                       reason="Debian chromium is not installed at /usr/bin/chromium"),
    pytest.mark.skipif(not tesseract_available("vie"), reason="needs tesseract with the vie model"),
    pytest.mark.skipif(not Path(FONT).exists(), reason="needs the DejaVu fonts to render the scan"),
]

LINES = [
    "THÀNH ỦY HẢI PHÒNG", "*", "Số 09-KL/TU", "",
    "KẾT LUẬN", "của Ban Thường vụ Thành ủy về tình hình kinh tế - xã hội",
    "quý I và nhiệm vụ quý II năm 2021", "",
    "I. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2021",
    "1. Giao Sở Xây dựng chủ trì hoàn thành cải tạo 17 công viên",
    "trong năm 2021.",
    "2. Sở Tài chính bố trí kinh phí cho các dự án trọng điểm trước",
    "ngày 30/6/2021.",
    "3. Sở Giao thông vận tải khởi công xây dựng cầu Bến Rừng trong",
    "quý II năm 2021.",
]
SIZE = (1654, 2339)  # A4 at 200 DPI
TOP, STEP = 200, 70


def _scan() -> bytes:
    img = Image.new("L", SIZE, 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    for i, line in enumerate(LINES):
        draw.text((160, TOP + i * STEP), line, fill=0, font=font)
    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Demo]]:
    demo = make_demo(tmp_path_factory.mktemp("browser-scan"))
    with serve_app(demo.app) as base:
        yield base, demo
    demo.app.state.engine.dispose()


def test_click_a_task_shows_its_evidence_on_the_scan(server: tuple[str, Demo], tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    base, _demo = server
    scan = tmp_path / "ket-luan-scan.png"
    scan.write_bytes(_scan())
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN").new_page()
            page.goto(f"{base}/login")
            page.fill("input[name=username]", "vanphong")
            page.fill("input[name=password]", "demo2021")
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            page.goto(f"{base}/upload")
            page.set_input_files("#upload-form input[type=file]", str(scan))
            page.wait_for_selector("#go-review", timeout=60_000)
            page.click("#go-review")
            page.wait_for_selector("#pageview img")

            # The second task ("2. Sở Tài chính bố trí kinh phí ...") is on lines 12-13 of the scan.
            task = page.locator("article.item").nth(1)
            assert "Sở Tài chính" in task.locator("textarea[name=text]").input_value()
            task.locator(".tid").click()
            page.wait_for_selector("#pageview .hlbox")
            page.wait_for_function(
                "() => { const i = document.querySelector('#pageview img'); return i && i.complete && i.naturalWidth > 0; }"
            )
            tops = page.eval_on_selector_all("#pageview .hlbox", "els => els.map(e => parseFloat(e.style.top))")
            assert len(tops) == 2  # the task's two lines
            expected = [100 * (TOP + k * STEP) / SIZE[1] for k in (11, 12)]
            for got, want in zip(sorted(tops), expected, strict=True):
                assert abs(got - want) < 1.5, (tops, expected)
            # The text panel highlights the same evidence.
            assert page.evaluate("document.getElementById('doctext').dataset.evidence") not in (None, "")
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "07-review-scan.png"), full_page=False)
        finally:
            browser.close()
