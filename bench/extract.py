"""Extraction benchmark: accuracy against the golden annotations, and throughput.

Accuracy: every golden document (``tests/data/golden``) is extracted in-process with
``dondoc.stages.extract.extract_text`` twice, without and with OCR repair, and scored by
``bench.golden.score``. Rows and totals are shown per group: *tuned* (the lead may tune on them),
*untuned* (the Hải Phòng sample: looked at, never tuned on) and *held_out* (never looked at; only
their numbers are printed and written, never their per-item details). An error in one document is
recorded in its row and the run goes on.

Throughput: the whole CLI process ``dondoc extract FILE --no-repair`` over every text of
``shared/data/official/*/*.txt``, pinned to one core with ``taskset -c 0`` when available:
chars/s = total characters / total wall time. Then the same texts in-process (no start-up cost).
Target: >= 200,000 chars/s for the whole process.

Results go to ``bench/results/extract.json``, stamped with the git commit and the platform.

    .venv/bin/python -m bench.extract                 # everything
    .venv/bin/python -m bench.extract --no-throughput  # accuracy only
    .venv/bin/python -m bench.extract --limit 50       # throughput over the first 50 files
"""

from __future__ import annotations

import argparse
import compileall
import datetime as _dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.golden import REPO_ROOT, golden_paths, load_doc_text, load_golden, score

SUM_KEYS = (
    "tasks_gold",
    "tasks_pred",
    "tasks_matched",
    "deadline_correct",
    "owner_correct",
    "indicators_gold",
    "indicators_matched",
    "indicators_correct",
    "references_gold",
    "references_found",
    "document_fields",
    "document_correct",
)
GROUPS = ("tuned", "untuned", "held_out")
MODES = ("no-repair", "repair")
TARGET_CHARS_PER_S = 200_000


@dataclass(frozen=True)
class BenchConfig:
    """What one run of the benchmark measures."""

    golden_dir: Path = REPO_ROOT / "tests" / "data" / "golden"
    corpus_dir: Path = Path(os.environ.get("DONDOC_SHARED", REPO_ROOT.parent / "shared")) / "data" / "official"
    cli: Path = REPO_ROOT / ".venv" / "bin" / "dondoc"
    out: Path = REPO_ROOT / "bench" / "results" / "extract.json"
    throughput: bool = True
    limit: int | None = None
    timeout_s: float = 120.0
    modes: tuple[str, ...] = field(default=MODES)
    groups: tuple[str, ...] = field(default=GROUPS)
    regex_cache: bool = True  # warm dondoc's compiled-pattern cache first (dondoc.regex_cache)


# ---------------------------------------------------------------- stamping


def git_info() -> dict[str, Any]:
    """Commit, branch and whether the working tree has changes."""

    def run(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=30, check=False
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    return {
        "commit": run("rev-parse", "HEAD") or None,
        "branch": run("rev-parse", "--abbrev-ref", "HEAD") or None,
        "dirty": bool(run("status", "--porcelain", "--untracked-files=no")),
    }


def platform_info() -> dict[str, Any]:
    """The machine the numbers come from."""
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
    }


# ---------------------------------------------------------------- accuracy


def group_of(gold: dict[str, Any]) -> str:
    if gold.get("held_out"):
        return "held_out"
    return "tuned" if gold.get("tuned") else "untuned"


def run_accuracy(cfg: BenchConfig) -> list[dict[str, Any]]:
    """Score every golden document in every mode; errors are recorded per row."""
    from dondoc.stages.extract import extract_text

    rows: list[dict[str, Any]] = []
    for path in golden_paths(cfg.golden_dir):
        gold = load_golden(path)
        if group_of(gold) not in cfg.groups:
            continue  # while tuning: do not even look at the held-out numbers
        text = load_doc_text(gold)
        for mode in cfg.modes:
            row: dict[str, Any] = {"golden": path.name, "doc": gold["doc"], "group": group_of(gold), "mode": mode}
            t0 = time.perf_counter()
            try:
                pred = extract_text(text, repair=(mode == "repair"), name=gold["doc"])
                row["seconds"] = time.perf_counter() - t0
                result = score(pred, gold, text)
            except Exception as exc:
                row["error"] = f"{type(exc).__name__}: {exc}"
                if row["group"] != "held_out":
                    row["traceback"] = traceback.format_exc(limit=-3)
            else:
                details = result.pop("details")
                row.update(result)
                if row["group"] != "held_out":
                    row["details"] = details
            rows.append(row)
    return rows


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def totals(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Micro-averaged totals per (group, mode)."""
    out: dict[str, dict[str, Any]] = {}
    for group in GROUPS:
        for mode in MODES:
            sel = [r for r in rows if r["group"] == group and r["mode"] == mode]
            if not sel:
                continue
            s = {k: sum(int(r.get(k) or 0) for r in sel) for k in SUM_KEYS}
            p = _rate(s["tasks_matched"], s["tasks_pred"])
            r = _rate(s["tasks_matched"], s["tasks_gold"])
            out[f"{group}/{mode}"] = {
                "documents": len(sel),
                "errors": sum(1 for x in sel if "error" in x),
                **s,
                "task_precision": p,
                "task_recall": r,
                "task_f1": (2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)),
                "deadline_accuracy": _rate(s["deadline_correct"], s["tasks_matched"]),
                "owner_accuracy": _rate(s["owner_correct"], s["tasks_matched"]),
                "indicator_recall": _rate(s["indicators_matched"], s["indicators_gold"]),
                "indicator_accuracy": _rate(s["indicators_correct"], s["indicators_matched"]),
                "reference_recall": _rate(s["references_found"], s["references_gold"]),
                "document_accuracy": _rate(s["document_correct"], s["document_fields"]),
            }
    return out


# ---------------------------------------------------------------- throughput


def corpus_files(cfg: BenchConfig) -> list[Path]:
    files = sorted(cfg.corpus_dir.glob("*/*.txt"))
    return files[: cfg.limit] if cfg.limit else files


def extract_command(cfg: BenchConfig, path: Path) -> list[str]:
    """``dondoc extract PATH --no-repair`` pinned to core 0 when ``taskset`` is there."""
    taskset = shutil.which("taskset")
    return [*([taskset, "-c", "0"] if taskset else []), str(cfg.cli), "extract", str(path), "--no-repair"]


def run_throughput(cfg: BenchConfig) -> dict[str, Any]:
    """Whole-process and in-process chars/s of ``extract --no-repair`` over the corpus."""
    files = corpus_files(cfg)
    if not files:
        return {"error": f"no files under {cfg.corpus_dir}"}
    # Measure the program as installed: byte-compiled (PYTHONDONTWRITEBYTECODE would otherwise make
    # every process compile the package again).
    compileall.compile_dir(str(REPO_ROOT / "src"), quiet=1)
    texts = []
    for f in files:
        try:
            texts.append(f.read_bytes().decode("utf-8-sig"))
        except UnicodeDecodeError:
            texts.append("")
    chars = sum(len(t) for t in texts)
    taskset = shutil.which("taskset")
    failures: list[str] = []
    # The compiled-pattern cache, like byte-code, is written by a first run: one untimed run warms
    # a cache of the bench's own, so the user's cache is neither used nor touched.
    cache_dir = tempfile.mkdtemp(prefix="dondoc-bench-cache-") if cfg.regex_cache else ""
    env = {**os.environ, "DONDOC_CACHE_DIR": cache_dir}
    if cfg.regex_cache:
        subprocess.run(extract_command(cfg, files[0]), stdout=subprocess.DEVNULL, env=env, check=False)
    t0 = time.perf_counter()
    for f in files:
        try:
            proc = subprocess.run(
                extract_command(cfg, f),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=cfg.timeout_s,
                env=env,
                check=False,
            )
            if proc.returncode != 0:
                failures.append(f"{f.name}: exit {proc.returncode}: {proc.stderr.decode(errors='replace')[-200:]}")
        except subprocess.TimeoutExpired:
            failures.append(f"{f.name}: timeout")
    process_s = time.perf_counter() - t0
    if cache_dir:
        shutil.rmtree(cache_dir, ignore_errors=True)

    in_process: dict[str, Any]
    try:
        from dondoc.stages.extract import extract_text

        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {0})
        errors = 0
        t1 = time.perf_counter()
        for f, t in zip(files, texts, strict=True):
            try:
                extract_text(t, repair=False, name=str(f))
            except Exception:
                errors += 1
        in_s = time.perf_counter() - t1
        in_process = {"seconds": in_s, "chars_per_s": chars / in_s if in_s else None, "errors": errors}
    except Exception as exc:
        in_process = {"error": f"{type(exc).__name__}: {exc}"}
    return {
        "files": len(files),
        "chars": chars,
        "pinned": "taskset -c 0" if taskset else None,
        "regex_cache": "warm" if cfg.regex_cache else "off",
        "process": {
            "seconds": process_s,
            "chars_per_s": chars / process_s if process_s else None,
            "failures": len(failures),
            "failure_examples": failures[:10],
        },
        "in_process": in_process,
        "target_chars_per_s": TARGET_CHARS_PER_S,
    }


# ---------------------------------------------------------------- output


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def print_report(rows: list[dict[str, Any]], tot: dict[str, dict[str, Any]], tp: dict[str, Any] | None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 150))
    cols = [
        ("tasks g/p/m", None),
        ("P", "task_precision"),
        ("R", "task_recall"),
        ("F1", "task_f1"),
        ("due", "deadline_accuracy"),
        ("owner", "owner_accuracy"),
        ("ind R", "indicator_recall"),
        ("ind acc", "indicator_accuracy"),
        ("ref R", "reference_recall"),
        ("doc", "document_accuracy"),
    ]
    for group in GROUPS:
        sel = [r for r in rows if r["group"] == group]
        if not sel:
            continue
        table = Table(title=f"Extraction vs golden — {group}", show_lines=False)
        table.add_column("document")
        table.add_column("mode")
        for name, _ in cols:
            table.add_column(name, justify="right")
        table.add_column("error")
        for r in sel:
            if "error" in r:
                table.add_row(r["golden"].removesuffix(".json"), r["mode"], *["" for _ in cols], r["error"][:60])
                continue
            cells = [f"{r['tasks_gold']}/{r['tasks_pred']}/{r['tasks_matched']}"]
            cells += [_fmt(r.get(k)) for _, k in cols[1:]]
            table.add_row(r["golden"].removesuffix(".json"), r["mode"], *cells, "")
        for mode in MODES:
            t = tot.get(f"{group}/{mode}")
            if t:
                cells = [f"{t['tasks_gold']}/{t['tasks_pred']}/{t['tasks_matched']}"]
                cells += [_fmt(t.get(k)) for _, k in cols[1:]]
                table.add_row("[b]TOTAL[/b]", mode, *cells, f"{t['errors']} errors" if t["errors"] else "", style="bold")
        console.print(table)
    if tp:
        if "error" in tp:
            console.print(f"throughput: {tp['error']}")
            return
        proc, inp = tp["process"], tp["in_process"]
        ok = proc["chars_per_s"] and proc["chars_per_s"] >= TARGET_CHARS_PER_S
        console.print(
            f"throughput over {tp['files']} files, {tp['chars']:,} chars ({tp['pinned'] or 'not pinned'}, "
            f"regex cache {tp.get('regex_cache', 'off')}): "
            f"whole process {proc['chars_per_s'] or 0:,.0f} chars/s in {proc['seconds']:.1f}s "
            f"({proc['failures']} failures) [{'green' if ok else 'red'}]target {TARGET_CHARS_PER_S:,}[/]; "
            + (
                f"in-process {inp['chars_per_s'] or 0:,.0f} chars/s ({inp['errors']} errors)"
                if "error" not in inp
                else f"in-process: {inp['error']}"
            )
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-throughput", action="store_true", help="skip the throughput measurement")
    ap.add_argument(
        "--regex-cache",
        choices=("warm", "off"),
        default="warm",
        help="whole-process runs with dondoc's compiled-pattern cache warmed by one untimed run (default), or off",
    )
    ap.add_argument("--limit", type=int, default=None, help="throughput over the first N corpus files only")
    ap.add_argument("--out", type=Path, default=BenchConfig.out)
    ap.add_argument("--mode", choices=MODES, action="append", help="only this mode (repeatable)")
    ap.add_argument("--group", choices=GROUPS, action="append", help="only this group of golden documents (repeatable)")
    args = ap.parse_args(argv)
    cfg = BenchConfig(
        out=args.out,
        throughput=not args.no_throughput,
        limit=args.limit,
        modes=tuple(args.mode) if args.mode else MODES,
        groups=tuple(args.group) if args.group else GROUPS,
        regex_cache=args.regex_cache == "warm",
    )
    rows = run_accuracy(cfg)
    tot = totals(rows)
    tp = run_throughput(cfg) if cfg.throughput else None
    print_report(rows, tot, tp)
    result = {
        "benchmark": "extract",
        "created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "git": git_info(),
        "platform": platform_info(),
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(cfg).items()},
        "documents": rows,
        "totals": tot,
        "throughput": tp,
    }
    cfg.out.parent.mkdir(parents=True, exist_ok=True)
    cfg.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {cfg.out.relative_to(REPO_ROOT) if cfg.out.is_relative_to(REPO_ROOT) else cfg.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
