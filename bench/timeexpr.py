"""Benchmark the time-expression grammar: throughput (chars/s) and what it finds.

Throughput is CPU time (``time.process_time``, best of ``--repeat`` runs) of
``find_time_expressions`` on the 700 KB gazette resolution named below, in two modes:
``whole`` (one call on the whole text) and ``clauses`` (one call per clause window, as the
extractor calls it). ``oracle`` checks that the anchored scan returns exactly the matches of a full
``finditer`` of the pattern over the same text (its slower speed is reported too). Optionally
``--corpus`` runs over all of ``shared/data/official`` and counts expressions by kind.

Run: ``nice .venv/bin/python bench/timeexpr.py`` — prints a Rich table, writes
``bench/results/timeexpr.json`` stamped with the git commit and the platform. Target: ≥ 2 MB/s.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dondoc.core.timeexpr import _MAIN, _scan, find_time_expressions  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
GAZETTE = DATA / "official" / "chinh_sach_dn" / "nghi-quyet-so-6616-2026-nq-cp-469362.txt"
_CLAUSE = re.compile(r"[^;\n.]+(?:[;.\n]|$)")


def best_cpu(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t0)
    return best, out


def git_commit() -> str | None:
    r = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    return r.stdout.strip() or None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", action="store_true", help="also scan all of shared/data/official")
    args = ap.parse_args(argv)
    text = GAZETTE.read_text(encoding="utf-8", errors="replace")
    n = len(text)
    clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]

    rows: list[dict[str, Any]] = []
    t, found = best_cpu(lambda: find_time_expressions(text, default_year=2026), args.repeat)
    rows.append({"mode": "whole", "seconds": t, "chars_per_s": n / t, "expressions": len(found)})
    t, per = best_cpu(
        lambda: [e for s, e_ in clauses for e in find_time_expressions(text, default_year=2026, start=s, end=e_)],
        args.repeat,
    )
    rows.append({"mode": f"clauses ({len(clauses)})", "seconds": t, "chars_per_s": n / t, "expressions": len(per)})
    t, full = best_cpu(lambda: [m.span() for m in _MAIN.finditer(text)], 1)
    fast = [m.span() for m in _scan(text, 0, n)]
    rows.append({"mode": "oracle (full finditer)", "seconds": t, "chars_per_s": n / t, "expressions": len(full),
                 "agrees": fast == full})
    kinds = Counter(e.kind for e in found)

    corpus: dict[str, Any] | None = None
    if args.corpus:
        files = sorted((DATA / "official").glob("*/*.txt"))
        total, kc = 0, Counter()
        t0 = time.process_time()
        for f in files:
            doc = f.read_text(encoding="utf-8", errors="replace")
            total += len(doc)
            kc.update(e.kind for e in find_time_expressions(doc))
        dt = time.process_time() - t0
        corpus = {"files": len(files), "chars": total, "seconds": dt, "chars_per_s": total / dt, "kinds": dict(kc)}

    console = Console()
    table = Table(title=f"find_time_expressions on {GAZETTE.name} ({n:,} chars), CPU time")
    for col in ("mode", "seconds", "M chars/s", "expressions", "note"):
        table.add_column(col, justify="left" if col in ("mode", "note") else "right")
    for r in rows:
        note = "" if "agrees" not in r else ("anchored scan agrees" if r["agrees"] else "DISAGREES")
        table.add_row(r["mode"], f"{r['seconds']:.3f}", f"{r['chars_per_s'] / 1e6:.2f}", str(r["expressions"]), note)
    if corpus:
        table.add_row(f"corpus ({corpus['files']} files)", f"{corpus['seconds']:.2f}",
                      f"{corpus['chars_per_s'] / 1e6:.2f}", str(sum(corpus["kinds"].values())), "")
    console.print(table)
    console.print("kinds (gazette):", dict(kinds))
    if corpus:
        console.print("kinds (corpus):", corpus["kinds"])

    out = ROOT / "bench" / "results" / "timeexpr.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "git": git_commit(),
        "platform": {"platform": platform.platform(), "python": platform.python_version()},
        "file": str(GAZETTE.relative_to(DATA)), "chars": n, "rows": rows, "kinds": dict(kinds), "corpus": corpus,
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if rows[-1]["agrees"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
