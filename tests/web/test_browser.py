"""The whole journey in headless Chromium (Debian's, driven by the playwright package).

log in (office) -> upload the sample -> fix one task on the review screen -> confirm -> log in as a
unit user -> report progress -> the leader's dashboard counts change. The server is uvicorn in a
thread on a free port, on the page tests' demo database (a temporary DONDOC_HOME); screenshots of each screen go to
docs/screenshots/ when DONDOC_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dondoc.web.demo import SAMPLE
from tests.servers import serve_app
from tests.web.pages_fixtures import Demo, demo_fixture  # noqa: F401  (demo_fixture: the fixture)

CHROMIUM = "/usr/bin/chromium"
# Screenshots refresh docs/screenshots/ only when asked (DONDOC_SCREENSHOTS=1), so a test run leaves
# the working tree clean; otherwise they go to a temporary folder.
SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("DONDOC_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "dondoc-screenshots"
)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
                       reason="Debian chromium is not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def server(demo: Demo) -> Iterator[tuple[str, Demo]]:
    with serve_app(demo.app) as base:
        yield base, demo


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "demo2021")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def _kpi(page: Any, bucket: str) -> int:
    return int(page.inner_text(f".kpi[data-bucket={bucket}] b"))


def test_journey(server: tuple[str, Demo]) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    base, demo = server
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            ctx = browser.new_context(viewport={"width": 1280, "height": 860}, locale="vi-VN")
            page = ctx.new_page()
            page.on("dialog", lambda d: d.accept())

            # The leader's numbers before.
            _login(page, base, "lanhdao")
            page.goto(f"{base}/dashboard?as_of=2021-06-15")
            before_done = _kpi(page, "done_on_time") + _kpi(page, "done_late")
            page.click("text=Đăng xuất")

            # Office: log in, upload the sample.
            page.goto(f"{base}/login")
            _shot(page, "01-login")
            _login(page, base, "vanphong")
            page.goto(f"{base}/upload")
            page.set_input_files("#upload-form input[type=file]", str(SAMPLE))
            page.wait_for_selector("#go-review", timeout=60_000)
            _shot(page, "02-upload")
            page.click("#go-review")
            page.wait_for_selector("#doctext")

            # Review: click a task -> its evidence is highlighted; fix its due date and lead unit.
            first = page.locator("article.item").first
            first.locator(".tid").click()
            assert page.evaluate("document.getElementById('doctext').dataset.evidence") not in (None, "")
            assert page.evaluate("CSS.highlights.has('evidence')")
            first.locator("input[name=due_date]").fill("2021-04-20")
            first.locator("input[name=lead]").last.fill("Sở Xây dựng")
            first.locator("button:has-text('Lưu')").click()
            page.wait_for_selector("article.item >> text=đã lưu")
            _shot(page, "03-review")
            page.click("#confirm")
            page.wait_for_url(re.compile(r"/tasks\?document_id="))
            assert "bắt đầu được theo dõi" in page.inner_text(".flash")
            _shot(page, "04-tasks")
            page.click("text=Đăng xuất")

            # Unit user: open one of its tasks and report it done.
            _login(page, base, "donvi")
            page.goto(f"{base}/tasks?bucket=open_overdue")
            page.locator("#task-table tbody a").first.click()
            page.wait_for_selector("#report-form")
            page.fill("#report-form input[name=progress]", "100")
            page.check("#report-form input[name=done]")
            page.fill("#report-form textarea[name=note]", "Đã hoàn thành, gửi kèm biên bản nghiệm thu.")
            page.click("#report-form button[type=submit]")
            page.wait_for_selector("text=Đã gửi báo cáo tiến độ")
            _shot(page, "05-task")
            page.click("text=Đăng xuất")

            # Leader: the done counts went up.
            _login(page, base, "lanhdao")
            page.goto(f"{base}/dashboard")
            _shot(page, "06-dashboard")
            page.goto(f"{base}/dashboard?as_of={time.strftime('%Y-%m-%d')}")
            after_done = _kpi(page, "done_on_time") + _kpi(page, "done_late")
            page.goto(f"{base}/dashboard?as_of=2021-06-15")
            assert _kpi(page, "done_on_time") + _kpi(page, "done_late") == before_done
            assert after_done >= before_done + 1
        finally:
            browser.close()
