"""``dondoc batch DIR --out DIR``: the command; the work is in ``dondoc.batch``.

Kept apart so that every other command starts without importing the process pool and the
progress display (start-up time counts when ``dondoc extract`` runs once per file).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from dondoc.stages.ingest import MAX_PAGES

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the batch command to ``app``."""

    @app.command("batch")
    def batch(
        folder: Annotated[Path, typer.Argument(help="Thư mục chứa văn bản (PDF, DOCX, ảnh, TXT).")],
        out: Annotated[Path, typer.Option("--out", help="Thư mục ghi kết quả JSON.")],
        workers: Annotated[int, typer.Option(help="Số tiến trình song song (mặc định: số nhân CPU).")] = 0,
        max_pages: Annotated[int, typer.Option(help="Bỏ qua tệp có nhiều trang hơn.")] = MAX_PAGES,
        threads: Annotated[bool, typer.Option(hidden=True)] = False,
    ) -> None:
        """Xử lý cả thư mục: OCR song song, tiếp tục được khi chạy lại, ghi lỗi từng tệp.

        Mã thoát: 0 khi mọi tệp xong, 1 khi có tệp lỗi (chi tiết trong failures.json), 2 khi đầu vào sai.
        """
        from concurrent.futures import ThreadPoolExecutor

        from rich.console import Console

        from dondoc.batch import run_batch, summary_table

        console = Console(stderr=True)
        n = workers if workers > 0 else (os.cpu_count() or 1)
        executor = ThreadPoolExecutor(max_workers=n) if threads else None
        try:
            result = run_batch(
                folder, out, workers=n, max_pages=max_pages, console=console, executor=executor
            )
        finally:
            if executor is not None:
                executor.shutdown()
        console.print(summary_table(result, folder))
        if result.count("failed"):
            console.print(f"Lỗi từng tệp được ghi trong {out / 'failures.json'}")
            raise typer.Exit(1)  # scripts must see that part of the folder was not processed
