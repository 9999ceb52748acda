"""``dondoc demo``: seed the demo database (the bundled sample imported and confirmed, progress
reports, one user per role), print the URL and logins, then serve the web app. Used by `make run`."""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["register"]


def demo(
    host: Annotated[str, typer.Option(help="Địa chỉ lắng nghe")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Cổng")] = 8000,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Chạy web sau khi tạo dữ liệu mẫu")] = True,
) -> None:
    """Tạo dữ liệu mẫu (Kết luận Thành ủy Hải Phòng) và chạy ứng dụng web."""
    from rich.console import Console
    from rich.table import Table

    from dondoc.config import Settings
    from dondoc.store.db import make_engine
    from dondoc.web.demo import seed_demo

    settings = Settings()
    engine = make_engine(settings.database_url)
    info = seed_demo(engine)
    console = Console()
    table = Table(title=f"dondoc — http://{host}:{port}/")
    for col in ("Tài khoản", "Mật khẩu", "Vai trò", "Đơn vị"):
        table.add_column(col)
    for u in info["users"]:
        table.add_row(u["username"], u["password"], u["role"], u.get("unit") or "")
    console.print(table)
    # The sample plans Quý II/2021: look at the dashboard as of the end of that quarter.
    console.print(f"Bảng điều khiển cuối Quý II/2021: http://{host}:{port}/dashboard?as_of=2021-06-30")
    if serve:
        import uvicorn

        from dondoc.web.app import create_app

        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add the demo command to ``app``."""
    app.command("demo")(demo)
