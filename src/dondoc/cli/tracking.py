"""Tracking-service commands: serve, user add, import, backup, restore.

Each command is one unit of work on the database named by the settings (``DONDOC_DATABASE_URL``
or SQLite under ``DONDOC_HOME``): it commits at the end or not at all, so a command killed half
way leaves nothing behind. A *backup* is a consistent copy of the whole database, stored files
included (files live in the database): a SQLite file made with SQLite's online backup API, or a
``pg_dump`` custom-format archive for PostgreSQL.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dondoc.errors import DependencyError, InputError, StoreError

if TYPE_CHECKING:  # heavy imports stay out of `dondoc extract`'s start-up
    from sqlalchemy import Engine

    from dondoc.config import Settings

__all__ = ["backup_database", "register", "restore_database"]


def _settings() -> Settings:
    # Not the cached get_settings(): every command reads the environment afresh.
    from dondoc.config import Settings

    return Settings()


def _engine(settings: Settings) -> Engine:
    from dondoc.store import repo
    from dondoc.store.db import init_db, make_engine, session_scope

    engine = make_engine(settings.resolved_database_url())
    init_db(engine)
    with session_scope(engine) as s:
        repo.ensure_seeded(s)
    return engine


def serve(
    host: Annotated[str, typer.Option(help="Địa chỉ lắng nghe")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Cổng")] = 8000,
    log_level: Annotated[str, typer.Option(help="debug | info | warning | error")] = "info",
    reminders: Annotated[
        bool, typer.Option("--reminders/--no-reminders", help="Gửi nhắc việc (đôn đốc) mỗi ngày (giờ: DONDOC_REMIND_HOUR)")
    ] = False,
) -> None:
    """Chạy ứng dụng web và HTTP API (tùy chọn: nhắc việc hằng ngày)."""
    import uvicorn

    from dondoc.web.app import create_app

    settings = _settings()
    app = create_app(settings)
    scheduler = None
    if reminders:
        from dondoc.remind import start_scheduler

        scheduler = start_scheduler(settings, engine=app.state.engine)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
    finally:
        if scheduler is not None:
            scheduler.stop()


user_app = typer.Typer(help="Quản lý người dùng.", no_args_is_help=True)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Tên đăng nhập")],
    role: Annotated[str, typer.Option(help="admin | office | unit | leader")],
    unit: Annotated[str | None, typer.Option(help="Đơn vị (bắt buộc với vai trò unit)")] = None,
    full_name: Annotated[str | None, typer.Option("--full-name", help="Họ và tên")] = None,
    email: Annotated[str | None, typer.Option("--email", help="E-mail nhận nhắc việc")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Đọc mật khẩu từ stdin")] = False,
) -> None:
    """Tạo người dùng (mật khẩu đọc từ stdin với --password-stdin)."""
    from dondoc.store import repo
    from dondoc.store.db import session_scope

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Mật khẩu", hide_input=True, confirmation_prompt=True)
    if len(password) < 8:
        raise InputError("mật khẩu phải có ít nhất 8 ký tự")
    engine = _engine(_settings())
    try:
        with session_scope(engine) as s:
            user = repo.create_user(s, name, password, role, unit_name=unit, full_name=full_name, email=email)
            out = {"id": user.id, "username": user.username, "role": user.role, "unit_id": user.unit_id}
    finally:
        engine.dispose()
    typer.echo(json.dumps(out, ensure_ascii=False))


def import_(
    file: Annotated[str, typer.Argument(help="Tệp văn bản (.txt, .pdf, .docx, ảnh) hoặc -")],
    confirm: Annotated[bool, typer.Option("--confirm", help="Xác nhận ngay: nhiệm vụ được theo dõi")] = False,
    no_repair: Annotated[bool, typer.Option("--no-repair", help="Bỏ bước sửa lỗi OCR")] = False,
) -> None:
    """Chạy quy trình trích xuất trên FILE và lưu kết quả (một giao dịch: không bao giờ lưu dở)."""
    from dondoc.stages.extract import extract
    from dondoc.stages.ingest import ingest_path
    from dondoc.store import repo
    from dondoc.store.db import session_scope

    ingested = ingest_path(file)
    extraction = extract(ingested, repair=not no_repair)
    # The original bytes (standard input has been consumed by ingestion: keep its decoded text).
    data = ingested.text.encode("utf-8") if file == "-" else Path(file).read_bytes()
    engine = _engine(_settings())
    try:
        with session_scope(engine) as s:
            doc = repo.create_document(s, extraction, filename=Path(ingested.path).name, data=data, user=None)
            if confirm:
                repo.confirm_document(s, doc.id, user=None)
            out = {"document_id": doc.id, "tasks": len(doc.tasks), "status": doc.status}
    finally:
        engine.dispose()
    typer.echo(json.dumps(out, ensure_ascii=False))


# --------------------------------------------------------------------------- backup / restore
def _pg_args(url: str) -> tuple[str, list[str]]:
    """A libpq connection URI for ``url`` and the ``--schema`` option when it pins a search_path."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    options = u.query.get("options")
    schema_args: list[str] = []
    if isinstance(options, str) and "search_path=" in options:
        schema = options.split("search_path=", 1)[1].split()[0].split(",")[0]
        schema_args = [f"--schema={schema}"]
    return u.set(drivername="postgresql").render_as_string(hide_password=False), schema_args


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise DependencyError(f"không tìm thấy {tool}; cài postgresql-client (apt-get install postgresql-client)")
    return path


def _sqlite_file(url: str) -> Path:
    from sqlalchemy.engine import make_url

    db = make_url(url).database
    if not db or db == ":memory:":
        raise StoreError("cơ sở dữ liệu SQLite trong bộ nhớ không sao lưu được")
    return Path(db)


def backup_database(url: str, dest: Path) -> None:
    """Write a consistent copy of the database at ``url`` to ``dest`` (overwritten)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    if url.startswith("sqlite"):
        src = sqlite3.connect(_sqlite_file(url))
        dst = sqlite3.connect(tmp)
        try:
            with dst:
                src.backup(dst)  # online backup API: consistent even while the server writes
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
            src.close()
    else:
        uri, schema = _pg_args(url)
        cmd = [_need("pg_dump"), "--format=custom", "--no-owner", *schema, f"--file={tmp}", f"--dbname={uri}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"pg_dump thất bại: {proc.stderr.strip().splitlines()[-1:]}")
    tmp.replace(dest)


def restore_database(url: str, src: Path) -> None:
    """Replace the database at ``url`` with the backup ``src``."""
    if not src.is_file():
        raise InputError("không có tệp sao lưu này", path=str(src))
    if url.startswith("sqlite"):
        try:
            source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
            ok = source.execute("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise InputError("không phải tệp sao lưu SQLite của dondoc", path=str(src)) from exc
        if not ok:
            source.close()
            raise InputError("không phải tệp sao lưu của dondoc (thiếu alembic_version)", path=str(src))
        target = _sqlite_file(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        dst = sqlite3.connect(target, timeout=30)
        try:
            source.backup(dst)
        finally:
            dst.close()
            source.close()
    else:
        uri, schema = _pg_args(url)
        cmd = [
            _need("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *schema,
            f"--dbname={uri}",
            str(src),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise StoreError(f"pg_restore thất bại: {proc.stderr.strip().splitlines()[-1:]}")


def backup(file: Annotated[Path, typer.Argument(help="Tệp sao lưu sẽ tạo")]) -> None:
    """Sao lưu toàn bộ cơ sở dữ liệu (kể cả tệp đã tải lên) vào FILE."""
    settings = _settings()
    backup_database(settings.resolved_database_url(), file)
    typer.echo(json.dumps({"backup": str(file), "bytes": file.stat().st_size}))


def restore(file: Annotated[Path, typer.Argument(help="Tệp sao lưu")]) -> None:
    """Khôi phục cơ sở dữ liệu từ FILE (thay thế dữ liệu hiện có)."""
    from sqlalchemy.orm import Session

    from dondoc.store.db import init_db, make_engine
    from dondoc.store.versioning import advance_past

    settings = _settings()
    url = settings.resolved_database_url()
    before = _version_or_none(url)
    restore_database(url, file)
    engine = make_engine(url)
    try:
        init_db(engine)  # a backup from an older version is migrated forward
        with Session(engine) as s, s.begin():
            advance_past(s, before)  # caches of a running server must not take it for older data
    finally:
        engine.dispose()
    typer.echo(json.dumps({"restored": str(file)}))


def _version_or_none(url: str) -> int | None:
    """The data version of the database at ``url`` before a restore, if it has one."""
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    from dondoc.store.db import make_engine
    from dondoc.store.versioning import read_version

    if url.startswith("sqlite") and not _sqlite_file(url).exists():
        return None
    engine = make_engine(url)
    try:
        with Session(engine) as s:
            return read_version(s)
    except SQLAlchemyError:
        return None  # no database yet, or one from before the data version existed
    finally:
        engine.dispose()


def register(app: typer.Typer) -> None:
    """Add the tracking commands to ``app``."""
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")
    app.command("import")(import_)
    app.command("backup")(backup)
    app.command("restore")(restore)
