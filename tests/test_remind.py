"""Reminders against a real SMTP server (aiosmtpd) and a real HTTP webhook receiver on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import email
import time
from collections.abc import Iterator
from email import policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dondoc.config import Settings
from dondoc.remind import DueRow, ReminderScheduler, build_digests, next_run_at, run_reminders
from dondoc.store.models import Notification
from tests.report import dbdata
from tests.servers import WebhookReceiver, free_port, webhook_receiver

DAY = dt.date(2021, 7, 10)


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp() -> Iterator[tuple[_Inbox, int]]:
    inbox = _Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as rec:
        yield rec


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dbdata.build_template(tmp_path_factory.mktemp("remind-db"))


@pytest.fixture
def engine(template: Path, tmp_path: Path) -> Iterator[Engine]:
    eng = dbdata.copy_template(template, tmp_path / "db.sqlite3")
    yield eng
    eng.dispose()


def _settings(tmp_path: Path, **kw: Any) -> Settings:
    return Settings(home=tmp_path, base_url="https://dondoc.example/", due_soon_days=7, mail_from="vp@hp.gov.vn",
                    **kw)


def _notifications(engine: Engine) -> list[tuple[str, str, bool]]:
    from dondoc.store.models import Unit

    with Session(engine) as s:
        q = select(Unit.name, Notification.channel, Notification.sent_at).join(Unit, Unit.id == Notification.unit_id)
        return sorted((u, c, sent is not None) for u, c, sent in s.execute(q))


def test_build_digests_groups_per_unit_and_classifies() -> None:
    rows = [
        DueRow(1, "Việc A", DAY - dt.timedelta(days=3), None, 10, "Sở A", "lead", "09-KL/TU"),
        DueRow(2, "Việc B", DAY + dt.timedelta(days=7), None, 10, "Sở A", "lead"),
        DueRow(2, "Việc B", DAY + dt.timedelta(days=7), None, 11, "Sở B", "support"),
        DueRow(3, "Việc C", DAY + dt.timedelta(days=8), None, 11, "Sở B", "lead"),  # beyond 7 days
        DueRow(4, "Việc D", DAY - dt.timedelta(days=9), DAY - dt.timedelta(days=1), 11, "Sở B", "lead"),  # done
        DueRow(5, "Việc E", DAY, None, 12, "Sở C", "monitor"),  # monitors are not urged
        DueRow(6, "Việc F", DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=2), 12, "Sở C", "lead"),
    ]
    digests = build_digests(rows, as_of=DAY, due_soon_days=7, base_url="http://x/", emails={10: ["a@x.vn"]})
    assert [d.unit_name for d in digests] == ["Sở A", "Sở B", "Sở C"]
    a, b, c = digests
    assert [(i.task_id, i.days) for i in a.overdue] == [(1, 3)]
    assert [(i.task_id, i.days) for i in a.due_soon] == [(2, 7)]
    assert a.emails == ("a@x.vn",) and b.emails == ()
    assert [(i.task_id, i.role) for i in b.due_soon] == [(2, "support")] and not b.overdue
    assert [i.task_id for i in c.overdue] == [6]  # finished only after the reminder day
    assert "Kính gửi: Sở A," in a.text and "Văn bản số 09-KL/TU · Hạn: 07/07/2021 (quá hạn 3 ngày)" in a.text
    assert "http://x/tasks/1" in a.text and "Vai trò: phối hợp" in b.text
    assert a.subject == "[Đôn đốc] Sở A: 1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn (ngày 10/07/2021)"
    assert a.payload()["overdue"][0]["due_date"] == "2021-07-07"


def test_email_and_webhook_digests_are_sent_once_per_day(
    engine: Engine, smtp: tuple[_Inbox, int], webhook: WebhookReceiver, tmp_path: Path
) -> None:
    inbox, port = smtp
    settings = _settings(tmp_path, smtp_host="127.0.0.1", smtp_port=port, webhook_url=webhook.url)
    result = run_reminders(engine, settings, DAY)

    assert [d.unit_name for d in result.digests] == ["Sở Giao thông vận tải", "Sở Nội vụ", "Sở Xây dựng"]
    assert result.sent == 5 and result.failed == 0  # 2 e-mails (Nội vụ has no address) + 3 webhooks
    assert [(d.unit_name, d.channel) for d in result.deliveries if d.status == "skipped"] == [
        ("Sở Nội vụ", "email")
    ]

    assert sorted(r for rcpts, _ in inbox.messages for r in rcpts) == ["sgtvt@haiphong.gov.vn", "sxd@haiphong.gov.vn"]
    mails = {rcpts[0]: msg for rcpts, msg in inbox.messages}
    xd = mails["sxd@haiphong.gov.vn"]
    assert xd["Subject"] == "[Đôn đốc] Sở Xây dựng: 1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn (ngày 10/07/2021)"
    assert xd["From"] == "vp@hp.gov.vn"
    body = xd.get_content()
    assert "Kính gửi: Sở Xây dựng," in body
    assert "1. Quy hoạch chung\n   Văn bản số 09-KL/TU · Hạn: 31/05/2021 (quá hạn 40 ngày) · Vai trò: chủ trì" in body
    assert "Cải cách hành chính" in body and "(còn 5 ngày) · Vai trò: phối hợp" in body
    assert "https://dondoc.example/tasks/" in body
    assert "Nhiệm vụ của bản nháp" not in body  # draft documents are not tracked
    gtvt = mails["sgtvt@haiphong.gov.vn"].get_content()
    assert "Khởi công cầu Bến Rừng" in gtvt and "quá hạn 71 ngày" in gtvt and "Quy hoạch chung" not in gtvt

    assert sorted(b["unit"]["name"] for b in webhook.bodies) == ["Sở Giao thông vận tải", "Sở Nội vụ", "Sở Xây dựng"]
    noi_vu = next(b for b in webhook.bodies if b["unit"]["name"] == "Sở Nội vụ")
    assert noi_vu["day"] == "2021-07-10" and noi_vu["overdue"] == []
    assert [(i["text"], i["due_date"], i["days"]) for i in noi_vu["due_soon"]] == [
        ("Cải cách hành chính", "2021-07-15", 5)
    ]
    assert noi_vu["due_soon"][0]["link"].startswith("https://dondoc.example/tasks/")
    assert all(sent for _, _, sent in _notifications(engine)) and len(_notifications(engine)) == 5

    again = run_reminders(engine, settings, DAY)
    assert again.sent == 0 and again.count("already_sent") == 5
    assert len(inbox.messages) == 2 and len(webhook.bodies) == 3
    assert len(_notifications(engine)) == 5

    next_day = run_reminders(engine, settings, DAY + dt.timedelta(days=1))
    assert next_day.sent == 5 and len(inbox.messages) == 4


def test_failed_delivery_is_not_recorded_and_retried(engine: Engine, webhook: WebhookReceiver, tmp_path: Path) -> None:
    settings = _settings(tmp_path, webhook_url=webhook.url)
    webhook.status = 503
    failed = run_reminders(engine, settings, DAY)
    assert failed.failed == 3 and failed.sent == 0
    assert "503" in failed.deliveries[0].detail
    assert _notifications(engine) == []
    webhook.status = 200
    retried = run_reminders(engine, settings, DAY)
    assert retried.sent == 3 and len(webhook.bodies) == 3


def test_unreachable_smtp_fails_cleanly(engine: Engine, tmp_path: Path) -> None:
    settings = _settings(tmp_path, smtp_host="127.0.0.1", smtp_port=free_port())
    result = run_reminders(engine, settings, DAY)
    assert result.failed == 2 and "DONDOC_SMTP_HOST" in result.deliveries[0].detail + result.deliveries[1].detail
    assert _notifications(engine) == []


def test_dry_run_sends_and_records_nothing(engine: Engine, webhook: WebhookReceiver, tmp_path: Path) -> None:
    result = run_reminders(engine, _settings(tmp_path, webhook_url=webhook.url), DAY, dry_run=True)
    assert len(result.digests) == 3 and result.count("dry_run") == 3 and result.sent == 0
    assert webhook.bodies == [] and _notifications(engine) == []


def test_nothing_configured_skips_with_a_reason(engine: Engine, tmp_path: Path) -> None:
    result = run_reminders(engine, _settings(tmp_path), DAY)
    assert result.sent == 0 and {d.status for d in result.deliveries} == {"skipped"}
    assert "DONDOC_WEBHOOK_URL" in result.deliveries[0].detail


@pytest.mark.parametrize(
    ("now", "hour", "expected"),
    [
        (dt.datetime(2021, 7, 10, 6, 59), 7, dt.datetime(2021, 7, 10, 7, 0)),
        (dt.datetime(2021, 7, 10, 7, 0), 7, dt.datetime(2021, 7, 11, 7, 0)),
        (dt.datetime(2021, 12, 31, 23, 0), 7, dt.datetime(2022, 1, 1, 7, 0)),
    ],
)
def test_next_run_at(now: dt.datetime, hour: int, expected: dt.datetime) -> None:
    assert next_run_at(now, hour) == expected


def test_scheduler_catches_up_on_start_and_stops(engine: Engine, webhook: WebhookReceiver, tmp_path: Path) -> None:
    settings = _settings(tmp_path, webhook_url=webhook.url)
    sched = ReminderScheduler(settings, hour=7, engine=engine, now=lambda: dt.datetime(2021, 7, 10, 9, 30)).start()
    try:
        deadline = time.monotonic() + 20
        while sched.runs == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        sched.stop()
    assert not sched.alive
    assert sched.runs == 1 and sched.last_result is not None and sched.last_result.sent == 3
    assert len(webhook.bodies) == 3


def test_unit_and_user_emails_are_digest_addresses(engine: Engine) -> None:
    from dondoc.remind import unit_addresses
    from dondoc.store import repo
    from dondoc.store.models import Unit

    with Session(engine) as s:
        unit = s.scalars(select(Unit).order_by(Unit.id)).first()
        assert unit is not None
        unit.email = "hopthu@donvi.gov.vn"
        repo.create_user(s, "canbo1", "matkhau-dai", "unit", unit_id=unit.id, email="canbo1@donvi.gov.vn")
        with pytest.raises(Exception, match="e-mail"):
            repo.create_user(s, "canbo2", "matkhau-dai", "unit", unit_id=unit.id, email="khong-phai-email")
        s.flush()
        addresses = unit_addresses(s)[unit.id]
    assert {"hopthu@donvi.gov.vn", "canbo1@donvi.gov.vn"} <= set(addresses)
