"""Throughput and precision of the indicator finder and checks.

Throughput: find_indicators + check_indicators on one 700 KB gazette resolution (best of N runs,
in MB/s of UTF-8 and in chars/s): it must not slow a 200,000 chars/s pipeline (aim: >= 2 MB/s).
Precision proxy: the number of indicators claimed over the whole gazette corpus, which consists
of laws, decrees and circulars, i.e. rules on amounts and rates, not reports: each hit there is
most likely a false positive (listed with --show).

    .venv/bin/python bench/indicators.py [--runs 5] [--corpus] [--show]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from dondoc.core.checks import check_indicators
from dondoc.core.indicators import find_indicators

DATA = Path("/work/shared/data")
GAZETTE = DATA / "official/chinh_sach_dn/nghi-quyet-so-6616-2026-nq-cp-469362.txt"
RESULTS = Path(__file__).parent / "results"


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=False).stdout.strip()
    except OSError:
        return "unknown"


def throughput(text: str, runs: int) -> dict[str, float]:
    best = float("inf")
    found = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        inds = find_indicators(text)
        check_indicators(inds)
        best = min(best, time.perf_counter() - t0)
        found = len(inds)
    nbytes = len(text.encode("utf-8"))
    return {"bytes": nbytes, "chars": len(text), "seconds": best, "mb_per_s": nbytes / best / 1e6,
            "chars_per_s": len(text) / best, "indicators": found}


def corpus(show: bool, console: Console) -> dict[str, float]:
    files = sorted((DATA / "official").glob("*/*.txt")) + sorted((DATA / "directives-vbpl").glob("*.txt"))
    chars = hits = 0
    t0 = time.perf_counter()
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        chars += len(text)
        inds = find_indicators(text)
        hits += len(inds)
        if show:
            for i in inds:
                console.print(f"[dim]{f.name}[/dim] {i.span.slice(text)[:150]!r}")
    dt = time.perf_counter() - t0
    return {"files": len(files), "chars": chars, "claimed": hits, "chars_per_s": chars / dt,
            "claimed_per_mchar": hits / max(chars, 1) * 1e6}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", action="store_true", help="also scan the whole gazette corpus")
    ap.add_argument("--show", action="store_true", help="print every indicator claimed in the corpus")
    args = ap.parse_args()
    console = Console()
    result: dict[str, object] = {"commit": _git_commit(), "python": platform.python_version(),
                                 "machine": platform.machine()}
    tp = throughput(GAZETTE.read_text(encoding="utf-8"), args.runs)
    result["gazette"] = tp
    table = Table(title="dondoc indicators")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("gazette size", f"{tp['bytes'] / 1e3:,.0f} KB ({tp['chars']:,.0f} chars)")
    table.add_row("best time", f"{tp['seconds'] * 1e3:,.1f} ms (best of {args.runs})")
    table.add_row("throughput", f"{tp['mb_per_s']:.2f} MB/s, {tp['chars_per_s']:,.0f} chars/s")
    table.add_row("indicators claimed in gazette", f"{tp['indicators']:.0f} (expected 0)")
    if args.corpus:
        c = corpus(args.show, console)
        result["corpus"] = c
        table.add_row("corpus", f"{c['files']:.0f} files, {c['chars'] / 1e6:.1f} M chars")
        table.add_row("corpus throughput", f"{c['chars_per_s']:,.0f} chars/s")
        table.add_row("claimed in corpus (likely false)", f"{c['claimed']:.0f} ({c['claimed_per_mchar']:.2f}/M chars)")
    console.print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "indicators.json"
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    console.print(f"wrote {out}")


if __name__ == "__main__":
    main()
