"""``dondoc remind`` and ``dondoc report`` on a real SQLite database under DONDOC_HOME."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dondoc.cli import main
from dondoc.store.db import make_engine
from dondoc.store.models import Notification
from tests.report import dbdata
from tests.servers import WebhookReceiver, webhook_receiver


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dbdata.build_template(tmp_path_factory.mktemp("cli-db"))


@pytest.fixture
def home(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    dbdata.copy_template(template, tmp_path / "dondoc.sqlite3").dispose()
    for var in ("DONDOC_DATABASE_URL", "DONDOC_SMTP_HOST", "DONDOC_WEBHOOK_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DONDOC_HOME", str(tmp_path))
    monkeypatch.setenv("DONDOC_BASE_URL", "https://dondoc.example")
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as rec:
        yield rec


def _notifications(home: Path) -> int:
    engine = make_engine(f"sqlite:///{home / 'dondoc.sqlite3'}")
    try:
        with Session(engine) as s:
            return int(s.scalar(select(func.count(Notification.id))) or 0)
    finally:
        engine.dispose()


def test_report_docx(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = home / "out" / "bc-q2.docx"
    assert main(["report", "--period", "2021-Q2", "--format", "docx", "--out", str(out)]) == 0
    assert "Quý II năm 2021" in capsys.readouterr().out
    d = docx.Document(io.BytesIO(out.read_bytes()))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in d.tables[0].rows[0].cells[1].text
    units = {r.cells[1].text: [c.text for c in r.cells] for r in d.tables[1].rows[2:]}
    assert units["Sở Xây dựng"][2:7] == ["2", "1", "0", "0", "1"]
    assert units["Sở Kế hoạch và Đầu tư"][2:7] == ["1", "0", "1", "0", "0"]
    assert units["Tổng cộng"][2:7] == ["4", "1", "1", "0", "2"]
    overdue = [[c.text for c in r.cells] for r in d.tables[2].rows[1:]]
    assert dbdata.EVIDENCE_BEN_RUNG in overdue[0][1] and overdue[0][4:] == ["30/04/2021", "61"]
    text = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert "Nhiệm vụ của bản nháp" not in text
    assert "gấp 2,95 lần bình quân chung cả nước (4,48%)" in text


def test_report_xlsx_for_one_document(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = home / "bc.xlsx"
    assert main(["report", "--period", "2021-H1", "--document", "1", "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    rows = {r[1]: r for r in wb["Theo đơn vị"].iter_rows(min_row=2, values_only=True)}
    assert rows["Sở Giao thông vận tải"][2:7] == (1, 0, 0, 0, 1)
    assert [r[0] for r in wb["Chỉ tiêu"].iter_rows(min_row=2, values_only=True)] == [
        "Tổng sản phẩm trên địa bàn (GRDP)", "Kim ngạch xuất khẩu"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2021-Q5", "--format", "docx"], "2021-Q2"),
        (["--period", "2021-Q2", "--format", "pdf"], "--format docx"),
        (["--period", "2021-Q2", "--format", "docx", "--document", "99"], "--document"),
        (["--period", "2021-Q2", "--format", "docx", "--as-of", "30/6/2021"], "YYYY-MM-DD"),
    ],
    ids=["bad-period", "bad-format", "unknown-document", "bad-as-of"],
)
def test_report_user_errors(home: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    out = home / "x.docx"
    assert main(["report", *args, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_remind_dry_run_prints_and_records_nothing(
    home: Path, webhook: WebhookReceiver, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DONDOC_WEBHOOK_URL", webhook.url)
    assert main(["remind", "--as-of", "2021-07-10", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "chạy thử" in out and "sẽ gửi" in out
    for unit in ("Sở Giao thông vận tải", "Sở Nội vụ", "Sở Xây dựng"):
        assert unit in out
    assert "Quy hoạch chung" in out and "https://dondoc.example/tasks/" in out
    assert webhook.bodies == [] and _notifications(home) == 0


def test_remind_sends_once_per_day(
    home: Path, webhook: WebhookReceiver, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DONDOC_WEBHOOK_URL", webhook.url)
    assert main(["remind", "--as-of", "2021-07-10"]) == 0
    assert "Đã gửi 3, lỗi 0." in capsys.readouterr().out
    assert len(webhook.bodies) == 3 and _notifications(home) == 3
    assert main(["remind", "--as-of", "2021-07-10"]) == 0
    out = capsys.readouterr().out
    assert "Đã gửi 0, lỗi 0." in out and "đã gửi trước đó" in out
    assert len(webhook.bodies) == 3


def test_remind_failure_exits_1(
    home: Path, webhook: WebhookReceiver, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DONDOC_WEBHOOK_URL", webhook.url)
    webhook.status = 500
    assert main(["remind", "--as-of", "2021-07-10"]) == 1
    assert "lỗi" in capsys.readouterr().out and _notifications(home) == 0


def test_remind_nothing_due(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--as-of", "2020-01-01"]) == 0
    assert "không có gì để gửi" in capsys.readouterr().out


def test_remind_bad_date(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--as-of", "hôm qua"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
