"""Batch ingestion (``dondoc batch DIR --out DIR``): ingest and extract a folder tree, pages OCR'd in parallel.

Terms:

- An *input* is a file under DIR with a supported suffix (.pdf, .docx, .txt, .md, images).
- A *unit* is one page of a PDF/image input, or a whole text/DOCX input. ``_run_unit`` is a pure
  function of ``(path, format, page index, options)`` that returns a picklable ``PageText`` (or an
  ``Ingested`` for whole inputs), so units run in a ``ProcessPoolExecutor`` (one worker per core by
  default) - and, unchanged, could be mapped over a Dask cluster (``client.map(_run_unit, ...)``);
  only the per-file assembly below runs in the parent.
- An input is *done* when ``OUT/<relative path>.json`` exists and its ``source.sha256`` equals the
  input's hash: a rerun skips it (resumable), a changed file is redone.
- A *failure* (unreadable input, page limit, missing Tesseract...) is recorded in
  ``OUT/failures.json`` and the run goes on with the other files.

Each output JSON is exactly ``dondoc.stages.extract.extract(ingested)`` - the ``dondoc extract`` JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from dondoc.errors import DondocError, InputError
from dondoc.stages.ingest import (
    INPUT_SUFFIXES,
    MAX_PAGES,
    OCR_DPI,
    Format,
    Ingested,
    PageText,
    assemble,
    check_page_limit,
    detect_format,
    ingest_bytes,
    page_total,
    read_page,
)

__all__ = ["BatchResult", "FileOutcome", "discover", "run_batch", "summary_table"]

ExtractFn = Callable[[Ingested], dict[str, Any]]


@dataclass(slots=True)
class FileOutcome:
    """What happened to one input."""

    path: str
    status: str  # "done" | "skipped" | "failed"
    format: str = ""
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    error: str | None = None


@dataclass(slots=True)
class BatchResult:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def discover(root: Path, *, exclude: Path | None = None) -> list[Path]:
    """Supported input files under ``root`` (sorted; hidden files and ``exclude`` skipped)."""
    found = []
    for p in sorted(root.rglob("*")):
        if not p.is_file() or p.suffix.lower() not in INPUT_SUFFIXES:
            continue
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if exclude is not None and exclude.resolve() in p.resolve().parents:
            continue
        found.append(p)
    return found


def _output_path(root: Path, out: Path, path: Path) -> Path:
    return out / (str(path.relative_to(root)) + ".json")


def _already_done(target: Path, sha: str) -> bool:
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("source", {}).get("sha256") == sha


def _run_unit(path: str, fmt: Format, index: int, dpi: int) -> PageText | Ingested:
    """The unit of work: one page of a PDF/image, or (index -1) a whole text/DOCX file."""
    if index < 0:
        return ingest_bytes(Path(path).read_bytes(), name=path)
    return read_page(path, fmt, index, name=path, dpi=dpi)


@dataclass(slots=True)
class _Pending:
    path: Path
    sha: str
    fmt: Format
    pages: int
    started: float
    results: dict[int, PageText] = field(default_factory=dict)
    error: str | None = None
    outstanding: int = 0


def _default_extract(ingested: Ingested) -> dict[str, Any]:
    from dondoc.stages.extract import extract

    return extract(ingested)


def run_batch(
    root: Path,
    out: Path,
    *,
    workers: int | None = None,
    max_pages: int = MAX_PAGES,
    dpi: int = OCR_DPI,
    extract_fn: ExtractFn | None = None,
    console: Console | None = None,
    executor: Executor | None = None,
) -> BatchResult:
    """Process every input under ``root`` into ``out``; see the module docstring.

    ``extract_fn`` (default ``dondoc.stages.extract.extract``) turns each ``Ingested`` into the JSON
    written; ``executor`` overrides the process pool (tests may pass a thread pool).
    """
    if not root.is_dir():
        raise InputError("not a folder; give the folder that holds the documents", path=str(root))
    out.mkdir(parents=True, exist_ok=True)
    console = console or Console(stderr=True)
    extract_fn = extract_fn or _default_extract
    result = BatchResult()
    failures: list[dict[str, str]] = []
    inputs = discover(root, exclude=out)

    def fail(p: Path, fmt: str, message: str, started: float, pages: int = 0) -> None:
        result.outcomes.append(
            FileOutcome(str(p), "failed", fmt, pages, 0, time.monotonic() - started, message)
        )
        failures.append({"path": str(p.relative_to(root)), "error": message})

    # Plan in the parent: hash, format and page count are cheap; OCR is not.
    plans: list[_Pending] = []
    for p in inputs:
        started = time.monotonic()
        try:
            data = p.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            if _already_done(_output_path(root, out, p), sha):
                result.outcomes.append(FileOutcome(str(p), "skipped"))
                continue
            fmt = detect_format(data, str(p)) if data.strip() else "text"
            pages = page_total(data, fmt, name=str(p)) if fmt in ("pdf", "image") else 1
            check_page_limit(pages, max_pages, str(p))
            plans.append(_Pending(p, sha, fmt, pages, started))
        except DondocError as exc:
            fail(p, "", exc.message, started)
        except OSError as exc:
            fail(p, "", f"cannot read the file ({exc.strerror})", started)

    total_pages = sum(pl.pages for pl in plans)
    own_executor = executor is None
    pool: Executor = executor or ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1)
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )
    try:
        with progress:
            files_task = progress.add_task("tệp (files)", total=len(plans))
            pages_task = progress.add_task("trang (pages)", total=total_pages)
            futures: dict[Future[PageText | Ingested], tuple[_Pending, int]] = {}
            for pl in plans:
                indexes = range(pl.pages) if pl.fmt in ("pdf", "image") else [-1]
                for i in indexes:
                    fut = pool.submit(_run_unit, str(pl.path), pl.fmt, i, dpi)
                    futures[fut] = (pl, i)
                    pl.outstanding += 1
            for fut in _as_completed(futures):
                pl, i = futures[fut]
                pl.outstanding -= 1
                progress.advance(pages_task, 1 if i >= 0 else pl.pages)
                try:
                    value = fut.result()
                except DondocError as exc:
                    pl.error = pl.error or exc.message
                except Exception as exc:  # a worker crash must not stop the batch
                    pl.error = pl.error or f"{type(exc).__name__}: {exc}"
                else:
                    if isinstance(value, Ingested):
                        pl.results[-1] = value  # type: ignore[assignment]
                    else:
                        pl.results[i] = value
                if pl.outstanding == 0:
                    _finish(pl, root, out, extract_fn, result, fail)
                    progress.advance(files_task)
    finally:
        if own_executor:
            pool.shutdown(cancel_futures=True)
    (out / "failures.json").write_text(
        json.dumps(failures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return result


def _as_completed(futures: dict[Future[Any], Any]) -> Any:
    from concurrent.futures import as_completed

    return as_completed(futures)


def _finish(
    pl: _Pending,
    root: Path,
    out: Path,
    extract_fn: ExtractFn,
    result: BatchResult,
    fail: Callable[..., None],
) -> None:
    if pl.error:
        fail(pl.path, pl.fmt, pl.error, pl.started, pl.pages)
        return
    try:
        whole = pl.results.get(-1)
        if isinstance(whole, Ingested):
            ingested = whole
        else:
            pages = [pl.results[i] for i in sorted(pl.results)]
            ingested = assemble(pages, path=str(pl.path), sha256=pl.sha, fmt=pl.fmt, name=str(pl.path))
        doc = extract_fn(ingested)
        target = _output_path(root, out, pl.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(target)  # atomic: a killed run never leaves a half-written "done" file
    except DondocError as exc:
        fail(pl.path, pl.fmt, exc.message, pl.started, pl.pages)
        return
    except Exception as exc:
        fail(pl.path, pl.fmt, f"{type(exc).__name__}: {exc}", pl.started, pl.pages)
        return
    ocr_pages = sum(1 for ps in ingested.page_spans if ps.ocr)
    result.outcomes.append(
        FileOutcome(str(pl.path), "done", pl.fmt, pl.pages, ocr_pages, time.monotonic() - pl.started)
    )


def summary_table(result: BatchResult, root: Path) -> Table:
    table = Table(title="dondoc batch")
    for col in ("tệp (file)", "định dạng", "trang", "OCR", "giây", "kết quả"):
        table.add_column(col)
    for o in result.outcomes:
        status = {"done": "[green]xong[/]", "skipped": "[dim]bỏ qua (đã có)[/]"}.get(
            o.status, f"[red]lỗi:[/] {o.error}"
        )
        rel = str(Path(o.path).relative_to(root)) if Path(o.path).is_relative_to(root) else o.path
        table.add_row(rel, o.format, str(o.pages or ""), str(o.ocr_pages or ""), f"{o.seconds:.1f}", status)
    table.caption = (
        f"{result.count('done')} xong, {result.count('skipped')} bỏ qua, {result.count('failed')} lỗi"
    )
    return table
