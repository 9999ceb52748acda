"""Reminders (đôn đốc): one digest a day per unit of its overdue and due-soon tasks.

The office urges units to finish their tasks. Once a day each unit that owns (leads or supports)
an open task that is *overdue* (due date passed) or *due soon* (due within
``settings.due_soon_days`` days) gets ONE digest listing them, with the document number, the due
date and a link to the task in the web app, by e-mail and/or webhook.

Idempotency: a digest is recorded in the ``notification`` table, unique per (unit, day, channel).
The row is *claimed* (inserted and committed) before sending and deleted again if sending fails,
so two runs on the same day — a cron job and ``dondoc serve``'s scheduler, or a retry after a crash
of the mail server — never send twice, and a failed delivery is retried by the next run.

Layout: :func:`build_digests` is pure (rows in, digests out); :func:`load_due_rows` reads the rows;
:func:`run_reminders` claims, sends and records; :func:`start_scheduler` runs it every day at
``DONDOC_REMIND_HOUR`` (default 7) in a daemon thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dondoc.adapters.mail import DeliveryError, post_webhook, send_mail
from dondoc.config import Settings
from dondoc.store.models import Document, Notification, Task, TaskOwner, Unit, User
from dondoc.track import is_due_soon

__all__ = [
    "Delivery",
    "Digest",
    "DigestItem",
    "DueRow",
    "ReminderResult",
    "ReminderScheduler",
    "build_digests",
    "load_due_rows",
    "next_run_at",
    "run_reminders",
    "start_scheduler",
    "unit_addresses",
]

log = logging.getLogger("dondoc.remind")

ROLE_NAMES = {"lead": "chủ trì", "support": "phối hợp"}
DEFAULT_HOUR = 7


@dataclass(frozen=True, slots=True)
class DueRow:
    """One (task, owning unit) pair, as read from the store."""

    task_id: int
    text: str
    due_date: dt.date | None
    done_at: dt.date | None
    unit_id: int
    unit_name: str
    role: str = "lead"
    document_number: str | None = None


@dataclass(frozen=True, slots=True)
class DigestItem:
    task_id: int
    text: str
    due_date: dt.date
    document_number: str | None
    role: str
    link: str
    days: int  # days left (due soon, >= 0) or days overdue (> 0)

    def as_json(self) -> dict[str, Any]:
        return {"task_id": self.task_id, "text": self.text, "due_date": self.due_date.isoformat(),
                "document_number": self.document_number, "role": self.role, "link": self.link,
                "days": self.days}


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything one unit is told on one day."""

    unit_id: int
    unit_name: str
    day: dt.date
    overdue: tuple[DigestItem, ...]
    due_soon: tuple[DigestItem, ...]
    due_soon_days: int
    emails: tuple[str, ...] = ()

    @property
    def subject(self) -> str:
        parts = []
        if self.overdue:
            parts.append(f"{len(self.overdue)} nhiệm vụ quá hạn")
        if self.due_soon:
            parts.append(f"{len(self.due_soon)} nhiệm vụ sắp đến hạn")
        return f"[Đôn đốc] {self.unit_name}: {', '.join(parts)} (ngày {_d(self.day)})"

    @property
    def text(self) -> str:
        lines = [
            f"Kính gửi: {self.unit_name},",
            "",
            "Văn phòng đôn đốc việc thực hiện các nhiệm vụ đơn vị được giao chủ trì hoặc phối hợp, "
            f"tính đến ngày {_d(self.day)}:",
        ]
        if self.overdue:
            lines += ["", f"I. NHIỆM VỤ ĐÃ QUÁ HẠN ({len(self.overdue)})"]
            lines += _item_lines(self.overdue, lambda i: f"quá hạn {i.days} ngày")
        if self.due_soon:
            head = "II" if self.overdue else "I"
            n, days = len(self.due_soon), self.due_soon_days
            lines += ["", f"{head}. NHIỆM VỤ SẮP ĐẾN HẠN TRONG {days} NGÀY TỚI ({n})"]
            lines += _item_lines(
                self.due_soon, lambda i: "đến hạn hôm nay" if i.days == 0 else f"còn {i.days} ngày"
            )
        lines += [
            "",
            "Đề nghị đơn vị khẩn trương thực hiện, cập nhật tiến độ trên hệ thống; nhiệm vụ không thể "
            "hoàn thành đúng hạn thì đề xuất gia hạn, nêu rõ lý do.",
            "",
            "Trân trọng.",
            "--",
            "Thư tự động từ hệ thống theo dõi, đôn đốc nhiệm vụ (dondoc). Vui lòng không trả lời thư này.",
        ]
        return "\n".join(lines)

    def payload(self) -> dict[str, Any]:
        """The webhook body, also kept in ``Notification.payload``."""
        return {
            "kind": "digest",
            "day": self.day.isoformat(),
            "unit": {"id": self.unit_id, "name": self.unit_name},
            "overdue": [i.as_json() for i in self.overdue],
            "due_soon": [i.as_json() for i in self.due_soon],
            "subject": self.subject,
            "text": self.text,
        }


def _d(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _item_lines(items: Sequence[DigestItem], when: Callable[[DigestItem], str]) -> list[str]:
    out: list[str] = []
    for n, i in enumerate(items, start=1):
        doc = f"Văn bản số {i.document_number} · " if i.document_number else ""
        out += [
            f"{n}. {i.text}",
            f"   {doc}Hạn: {_d(i.due_date)} ({when(i)}) · Vai trò: {ROLE_NAMES.get(i.role, i.role)}",
            f"   Xem và báo cáo tiến độ: {i.link}",
        ]
    return out


def task_link(base_url: str, task_id: int) -> str:
    return f"{base_url.rstrip('/')}/tasks/{task_id}"


def build_digests(
    rows: Iterable[DueRow],
    *,
    as_of: dt.date,
    due_soon_days: int,
    base_url: str,
    emails: Mapping[int, Sequence[str]] | None = None,
) -> list[Digest]:
    """One digest per unit with at least one overdue or due-soon open task, ordered by unit name.

    A task the unit both leads and supports is listed once, under its lead role. Overdue items come
    most overdue first; due-soon items soonest first.
    """
    emails = emails or {}
    per_unit: dict[int, dict[int, DueRow]] = {}
    names: dict[int, str] = {}
    for r in rows:
        if r.due_date is None or r.role not in ROLE_NAMES:
            continue
        if not (_overdue(r, as_of) or is_due_soon(r.due_date, r.done_at, as_of, due_soon_days)):
            continue
        names[r.unit_id] = r.unit_name
        seen = per_unit.setdefault(r.unit_id, {})
        if r.task_id not in seen or r.role == "lead":
            seen[r.task_id] = r
    digests = []
    for unit_id, tasks in per_unit.items():
        overdue: list[DigestItem] = []
        soon: list[DigestItem] = []
        for r in tasks.values():
            assert r.due_date is not None
            late = _overdue(r, as_of)
            item = DigestItem(r.task_id, r.text.strip(), r.due_date, r.document_number, r.role,
                              task_link(base_url, r.task_id), abs((as_of - r.due_date).days))
            (overdue if late else soon).append(item)
        overdue.sort(key=lambda i: (-i.days, i.task_id))
        soon.sort(key=lambda i: (i.days, i.task_id))
        digests.append(Digest(unit_id, names[unit_id], as_of, tuple(overdue), tuple(soon), due_soon_days,
                              tuple(emails.get(unit_id, ()))))
    return sorted(digests, key=lambda d: (d.unit_name, d.unit_id))


def _overdue(r: DueRow, as_of: dt.date) -> bool:
    is_open = r.done_at is None or r.done_at > as_of
    return is_open and r.due_date is not None and r.due_date < as_of


def load_due_rows(s: Session, as_of: dt.date, due_soon_days: int) -> list[DueRow]:
    """(task, unit) rows of confirmed documents' tasks open as of ``as_of`` and due by the horizon."""
    horizon = as_of + dt.timedelta(days=due_soon_days)
    q = (
        select(Task.id, Task.text, Task.due_date, Task.done_at, TaskOwner.unit_id, TaskOwner.role,
               Document.number)
        .join(TaskOwner, TaskOwner.task_id == Task.id)
        .join(Document, Document.id == Task.document_id)
        .where(Document.status == "confirmed")
        .where(Task.due_date.is_not(None), Task.due_date <= horizon)
        .where(or_(Task.done_at.is_(None), Task.done_at > as_of))
        .where(TaskOwner.role.in_(list(ROLE_NAMES)))
        .order_by(Task.id)
    )
    unit_names = dict(s.execute(select(Unit.id, Unit.name)).all())
    return [
        DueRow(tid, text, due, done, uid, unit_names.get(uid, f"Đơn vị #{uid}"), role, number)
        for tid, text, due, done, uid, role, number in s.execute(q)
    ]


def unit_addresses(s: Session) -> dict[int, list[str]]:
    """E-mail addresses per unit: the unit's own mailbox, then its active users' addresses (a user's
    ``email``, or a user name that is an e-mail address)."""
    out: dict[int, set[str]] = {}
    for unit_id, email in s.execute(select(Unit.id, Unit.email).where(Unit.email.is_not(None))):
        if email and "@" in email:
            out.setdefault(unit_id, set()).add(email.strip())
    q = select(User.unit_id, User.username, User.email).where(User.unit_id.is_not(None), User.is_active.is_(True))
    for user_unit, username, email in s.execute(q):
        address = email if email and "@" in email else username if "@" in username else None
        if user_unit is not None and address:
            out.setdefault(user_unit, set()).add(address.strip())
    return {unit_id: sorted(addresses) for unit_id, addresses in out.items()}


@dataclass(frozen=True, slots=True)
class Delivery:
    unit_id: int
    unit_name: str
    channel: str  # email | webhook
    status: str  # sent | already_sent | skipped | failed | dry_run
    detail: str = ""


@dataclass(slots=True)
class ReminderResult:
    as_of: dt.date
    dry_run: bool
    digests: list[Digest] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for d in self.deliveries if d.status == status)

    @property
    def sent(self) -> int:
        return self.count("sent")

    @property
    def failed(self) -> int:
        return self.count("failed")


def _channels(settings: Settings, digest: Digest) -> list[tuple[str, str | None]]:
    """(channel, reason it cannot be used or None)."""
    out: list[tuple[str, str | None]] = []
    if settings.smtp_host:
        out.append(("email", None if digest.emails else "đơn vị chưa có địa chỉ e-mail"))
    if settings.webhook_url:
        out.append(("webhook", None))
    if not out:
        out.append(("email", "chưa cấu hình DONDOC_SMTP_HOST hoặc DONDOC_WEBHOOK_URL"))
    return out


def _deliver(settings: Settings, channel: str, digest: Digest) -> None:
    if channel == "email":
        assert settings.smtp_host
        send_mail(host=settings.smtp_host, port=settings.smtp_port, sender=settings.mail_from,
                  to=list(digest.emails), subject=digest.subject, text=digest.text,
                  user=settings.smtp_user, password=settings.smtp_password)
    else:
        assert settings.webhook_url
        post_webhook(settings.webhook_url, digest.payload())


def run_reminders(engine: Engine, settings: Settings, as_of: dt.date | None = None,
                  dry_run: bool = False) -> ReminderResult:
    """Send today's digests (``as_of`` defaults to today); with ``dry_run`` only compute them.

    Never raises for one failed delivery: it is reported in the result and retried next run.
    """
    as_of = as_of or dt.date.today()
    with Session(engine) as s:
        rows = load_due_rows(s, as_of, settings.due_soon_days)
        emails = unit_addresses(s)
    digests = build_digests(rows, as_of=as_of, due_soon_days=settings.due_soon_days,
                            base_url=settings.base_url, emails=emails)
    result = ReminderResult(as_of=as_of, dry_run=dry_run, digests=digests)
    for digest in digests:
        for channel, reason in _channels(settings, digest):
            if dry_run or reason:
                status = "skipped" if reason else "dry_run"
                result.deliveries.append(
                    Delivery(digest.unit_id, digest.unit_name, channel, status, reason or "")
                )
            else:
                result.deliveries.append(_claim_and_send(engine, settings, channel, digest))
    return result


def _claim_and_send(engine: Engine, settings: Settings, channel: str, digest: Digest) -> Delivery:
    def delivery(status: str, detail: str = "") -> Delivery:
        return Delivery(digest.unit_id, digest.unit_name, channel, status, detail)

    with Session(engine) as s:
        claim = Notification(unit_id=digest.unit_id, kind="digest", day=digest.day, channel=channel,
                             payload=digest.payload(), sent_at=None)
        s.add(claim)
        try:
            s.commit()
        except IntegrityError:
            s.rollback()
            return delivery("already_sent", "đã gửi trong ngày")
        claim_id = claim.id
    try:
        _deliver(settings, channel, digest)
    except DeliveryError as exc:
        log.warning("reminder to unit %s by %s failed: %s", digest.unit_id, channel, exc)
        with Session(engine) as s:
            s.execute(delete(Notification).where(Notification.id == claim_id))
            s.commit()
        return delivery("failed", str(exc))
    with Session(engine) as s:
        row = s.get(Notification, claim_id)
        if row is not None:
            row.sent_at = dt.datetime.now(dt.UTC)
            s.commit()
    return delivery("sent")


def next_run_at(now: dt.datetime, hour: int) -> dt.datetime:
    """The next time at ``hour``:00 strictly after ``now`` (same time zone as ``now``)."""
    candidate = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    return candidate if candidate > now else candidate + dt.timedelta(days=1)


class ReminderScheduler:
    """A daemon thread that runs :func:`run_reminders` every day at ``hour`` (local time).

    On start it runs at once if today's hour has already passed: digests are idempotent per day,
    so a restart of the service neither skips a day nor sends twice.
    """

    def __init__(self, settings: Settings, *, hour: int, engine: Engine | None = None,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        if not 0 <= hour <= 23:
            raise ValueError("hour must be 0-23")
        self.settings, self.hour, self._now = settings, hour, now
        self._engine = engine
        self._stop = threading.Event()
        self.runs = 0
        self.last_result: ReminderResult | None = None
        self._thread = threading.Thread(target=self._loop, name="dondoc-remind", daemon=True)

    def start(self) -> ReminderScheduler:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _engine_or_make(self) -> Engine:
        if self._engine is None:
            from dondoc.store.db import make_engine

            self._engine = make_engine(self.settings.resolved_database_url())
        return self._engine

    def _run_once(self) -> None:
        try:
            self.last_result = run_reminders(self._engine_or_make(), self.settings, self._now().date())
            log.info("reminders: %d sent, %d failed", self.last_result.sent, self.last_result.failed)
        except Exception:  # keep the thread alive: tomorrow's run may succeed
            log.exception("reminder run failed")
        self.runs += 1

    def _loop(self) -> None:
        now = self._now()
        if now.hour >= self.hour:
            self._run_once()
        while not self._stop.is_set():
            wait = (next_run_at(self._now(), self.hour) - self._now()).total_seconds()
            if self._stop.wait(max(1.0, wait)):
                return
            self._run_once()


def start_scheduler(settings: Settings, *, hour: int | None = None,
                    engine: Engine | None = None) -> ReminderScheduler:
    """Start the daily reminder thread for ``dondoc serve``; call ``.stop()`` on shutdown.

    ``hour`` defaults to ``DONDOC_REMIND_HOUR`` (0-23), else 7.
    """
    if hour is None:
        configured = getattr(settings, "remind_hour", None) or os.environ.get("DONDOC_REMIND_HOUR")
        hour = DEFAULT_HOUR if configured is None else int(configured)
    return ReminderScheduler(settings, hour=hour, engine=engine).start()
