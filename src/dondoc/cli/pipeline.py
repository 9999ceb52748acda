"""Pipeline commands: ``repair``, ``extract`` (CONTRACTS.md) and ``view`` (a readable summary)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

FileArg = Annotated[str, typer.Argument(help="Tệp đầu vào (.txt, .pdf, .docx, ảnh) hoặc - cho stdin.")]


def _write_stdout(s: str) -> None:
    sys.stdout.write(s)
    if not s.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()


def repair(file: FileArg, as_json: Annotated[bool, typer.Option("--json", help="In JSON kèm các sửa đổi.")] = False) -> None:
    """Sửa lỗi OCR; in văn bản đã sửa (cùng cấu trúc dòng) hoặc JSON các sửa đổi."""
    from dondoc.stages.ingest import ingest_path
    from dondoc.stages.repair import repair_text

    ingested = ingest_path(file)
    result = repair_text(ingested.text)
    if as_json:
        payload = {
            "text": result.text,
            "original_text": result.original_text,
            "edits": [e.to_json() for e in result.edits],
        }
        _write_stdout(json.dumps(payload, ensure_ascii=False))
    else:
        sys.stdout.write(result.text)
        sys.stdout.flush()


def extract(
    file: FileArg,
    no_repair: Annotated[bool, typer.Option("--no-repair", help="Bỏ qua bước sửa lỗi OCR.")] = False,
) -> None:
    """Trích xuất nhiệm vụ, thời hạn, chủ trì, chỉ tiêu, văn bản dẫn chiếu: in JSON (CONTRACTS.md)."""
    from dondoc.stages.extract import extract as run_extract
    from dondoc.stages.ingest import ingest_path

    result = run_extract(ingest_path(file), repair=not no_repair)
    _write_stdout(json.dumps(result, ensure_ascii=False))


def view(
    file: FileArg,
    out: Annotated[Path | None, typer.Option("--out", help="Ghi JSON kết quả vào tệp này.")] = None,
    no_repair: Annotated[bool, typer.Option("--no-repair", help="Bỏ qua bước sửa lỗi OCR.")] = False,
) -> None:
    """Trích xuất rồi hiển thị kết quả dễ đọc (tiêu đề, mục, nhiệm vụ, chỉ tiêu, kiểm tra)."""
    from dondoc.stages.extract import extract as run_extract
    from dondoc.stages.ingest import ingest_path
    from dondoc.view import render

    result = run_extract(ingest_path(file), repair=not no_repair)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    render(result, out_path=str(out) if out else None)


def register(app: typer.Typer) -> None:
    """Add the pipeline commands to ``app``."""
    app.command("repair")(repair)
    app.command("extract")(extract)
    app.command("view")(view)


