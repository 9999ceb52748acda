"""OCR benchmark: pages per minute (1 worker vs all cores) and CER with/without preprocessing/repair.

Truth pages are rendered from the text layer of a real gazette PDF (so the text is genuine
Vietnamese administrative prose), then degraded like a poor scan (rotation, low resolution, uneven
background, noise, dark margins; ``tests/adapters/render.py``). CER = Levenshtein distance / truth
length after collapsing whitespace.

    .venv/bin/python bench/ocr.py [--pages 4]

Prints a Rich table and writes ``bench/results/ocr.json`` (stamped with git commit and platform).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from tests.adapters.render import cer, degrade, render_lines  # noqa: E402

from dondoc.adapters.ocr import TesseractEngine  # noqa: E402
from dondoc.stages.pages import ocr_page_text, read_page  # noqa: E402
from dondoc.stages.repair import repair_text  # noqa: E402

PDF = Path("/work/shared/data/official-pdf/thong-tu-lien-tich-so-01-2022-ttlt-vksndtc-tandtc-bca-bqp-bldtbxh-36844.pdf")


def truth_pages(n: int) -> list[list[str]]:
    pages = []
    for i in range(1, n + 1):
        text = read_page(str(PDF), "pdf", i).text
        body = " ".join(text.split("\n")[1:])  # drop the gazette running head
        pages.append(textwrap.wrap(body, 70)[:22])
    return pages


def _ocr_file(path: str) -> int:
    return len(read_page(path, "image", 0, name=path).text)


def throughput(paths: list[str], workers: int) -> float:
    start = time.monotonic()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_ocr_file, paths))
    return len(paths) / (time.monotonic() - start) * 60


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT, check=False).stdout.strip()
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=4)
    args = parser.parse_args()
    engine = TesseractEngine()
    pages = truth_pages(args.pages)
    rows: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, lines in enumerate(pages):
            truth = "\n".join(lines)
            clean = render_lines(lines, dpi=200)
            bad = degrade(clean)
            path = os.path.join(tmp, f"page{k}.png")
            bad.save(path, dpi=bad.info["dpi"])
            paths.append(path)
            for label, img, prep in (
                ("clean, raw", clean, False),
                ("clean, preprocessed", clean, True),
                ("degraded, raw", bad, False),
                ("degraded, preprocessed", bad, True),
            ):
                got = ocr_page_text(img, 1, engine, preprocess=prep).text
                rows.setdefault(label, []).append(cer(truth, got))
                if prep:
                    rows.setdefault(label + " + repair", []).append(cer(truth, repair_text(got).text))
        cores = os.cpu_count() or 1
        ppm_1 = throughput(paths, 1)
        ppm_n = throughput(paths, cores)
    table = Table(title=f"OCR on {len(pages)} rendered gazette pages (Tesseract vie)")
    table.add_column("condition")
    table.add_column("mean CER", justify="right")
    results = {k: sum(v) / len(v) for k, v in rows.items()}
    for k, v in results.items():
        table.add_row(k, f"{v:.2%}")
    table.add_row("pages/min, 1 worker", f"{ppm_1:.1f}")
    table.add_row(f"pages/min, {cores} workers", f"{ppm_n:.1f}")
    Console().print(table)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ocr.json").write_text(json.dumps({
        "commit": git_commit(), "platform": platform.platform(), "cpus": cores, "pages": len(pages),
        "cer": results, "pages_per_minute": {"1": ppm_1, str(cores): ppm_n},
    }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
