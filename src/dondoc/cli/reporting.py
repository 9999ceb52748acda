"""Reporting commands: ``remind`` (đôn đốc: daily digests to units) and ``report`` (đánh giá).

Both read the tracking database named by ``DONDOC_DATABASE_URL`` / ``DONDOC_HOME`` (the schema is
brought up to date first, so they work on a fresh home). Settings are read afresh on every call
rather than from the process-wide cache, so that one process can run commands for several homes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dondoc.errors import DondocError, InputError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from dondoc.config import Settings

__all__ = ["register"]


def _parse_day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"ngày {value!r} không hợp lệ; viết theo dạng YYYY-MM-DD, ví dụ 2021-06-30") from None


def _engine() -> tuple[Settings, Engine]:
    from dondoc.config import Settings
    from dondoc.store.db import init_db, make_engine

    settings = Settings()
    engine = make_engine(settings.resolved_database_url())
    init_db(engine)
    return settings, engine


def remind(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày tính (YYYY-MM-DD); mặc định hôm nay.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ in những gì sẽ gửi; không gửi, không ghi.")] = False,
) -> None:
    """Gửi mỗi đơn vị một thư đôn đốc các nhiệm vụ quá hạn và sắp đến hạn (mỗi ngày một lần)."""
    from dondoc.remind import run_reminders

    day = _parse_day(as_of) or dt.date.today()
    settings, engine = _engine()
    try:
        result = run_reminders(engine, settings, day, dry_run=dry_run)
    finally:
        engine.dispose()
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    if not result.digests:
        console.print(f"Ngày {day.isoformat()}: không có nhiệm vụ quá hạn hoặc sắp đến hạn; không có gì để gửi.")
        return
    table = Table(title=f"Đôn đốc ngày {day.isoformat()}" + (" (chạy thử, không gửi)" if dry_run else ""))
    for col in ("Đơn vị", "Quá hạn", "Sắp đến hạn", "Kênh", "Người nhận", "Kết quả"):
        table.add_column(col, overflow="fold")
    status_names = {"sent": "đã gửi", "already_sent": "đã gửi trước đó", "skipped": "bỏ qua",
                    "failed": "lỗi", "dry_run": "sẽ gửi"}
    by_unit = {d.unit_id: d for d in result.digests}
    for delivery in result.deliveries:
        digest = by_unit[delivery.unit_id]
        to = ", ".join(digest.emails) if delivery.channel == "email" else (settings.webhook_url or "")
        outcome = status_names.get(delivery.status, delivery.status)
        if delivery.detail and delivery.status in ("skipped", "failed"):
            outcome += f": {delivery.detail}"
        table.add_row(digest.unit_name, str(len(digest.overdue)), str(len(digest.due_soon)), delivery.channel,
                      to, outcome)
    console.print(table)
    if dry_run:
        for digest in result.digests:
            console.rule(digest.subject)
            console.print(digest.text, markup=False, highlight=False)
    else:
        console.print(f"Đã gửi {result.sent}, lỗi {result.failed}.")
    if result.failed:
        raise typer.Exit(1)  # main() turns it into the exit status


def report(
    period: Annotated[str, typer.Option("--period", help="Kỳ báo cáo: 2021-Q2, 2021-H1, 2021 hoặc 2021-04.")],
    out: Annotated[Path, typer.Option("--out", help="Tệp kết quả (.docx hoặc .xlsx).")],
    fmt: Annotated[str | None, typer.Option("--format", help="docx hoặc xlsx; mặc định theo đuôi tệp.")] = None,
    document: Annotated[int | None, typer.Option("--document", help="Chỉ đánh giá văn bản có mã này.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày tính (YYYY-MM-DD); mặc định cuối kỳ "
                                                "hoặc hôm nay nếu kỳ chưa kết thúc.")] = None,
) -> None:
    """Lập báo cáo đánh giá kết quả thực hiện nhiệm vụ trong kỳ (DOCX hoặc XLSX)."""
    from dondoc.report import build_report, render_docx, render_xlsx, resolve_period

    kind = (fmt or out.suffix.lstrip(".")).lower()
    if kind not in ("docx", "xlsx"):
        raise InputError(f"định dạng {kind or '(trống)'!r} không hỗ trợ; dùng --format docx hoặc --format xlsx")
    p = resolve_period(period)  # a bad period fails before the database is touched
    day = _parse_day(as_of)
    _, engine = _engine()
    try:
        data = build_report(engine, p, document, as_of=day)
    finally:
        engine.dispose()
    content = render_docx(data) if kind == "docx" else render_xlsx(data)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    except OSError as exc:
        raise DondocError(f"không ghi được {out}: {exc.strerror}; chọn thư mục khác với --out") from exc
    t = data.totals
    typer.echo(
        f"Đã ghi báo cáo {p.label} vào {out}: {t.total} nhiệm vụ, {t.done_on_time} đúng hạn, "
        f"{t.done_late} hoàn thành quá hạn, {t.open_not_due} trong hạn, {t.open_overdue} quá hạn."
    )


def register(app: typer.Typer) -> None:
    """Add the remind and report commands to ``app``."""
    app.command("remind")(remind)
    app.command("report")(report)
