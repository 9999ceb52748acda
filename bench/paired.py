"""Whole-process throughput of this checkout against another one, interleaved file by file.

On a shared machine the speed drifts by 10-20% between runs a few minutes apart, so comparing two
separate ``bench.extract`` runs says little. Here each corpus file is extracted by both versions in
turn (alternating which goes first), pinned to one core, so drift hits both alike.

    git worktree add /tmp/old <rev>
    python -m bench.paired --other /tmp/old/src [--every 3]

``--other`` is the ``src`` folder of the other checkout; it is put first on ``PYTHONPATH`` of the same
``dondoc`` entry point, so the same interpreter and dependencies run both.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.extract import BenchConfig, extract_command
from bench.golden import REPO_ROOT


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--other", type=Path, required=True, help="src/ folder of the checkout to compare with")
    ap.add_argument("--every", type=int, default=3, help="use every N-th corpus file (default 3)")
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "bench" / "results" / "paired.json")
    args = ap.parse_args(argv)
    if not (args.other / "dondoc").is_dir():
        ap.error(f"{args.other} holds no dondoc package")
    cfg = BenchConfig()
    files = sorted(cfg.corpus_dir.glob("*/*.txt"))[:: args.every]
    if not files:
        ap.error(f"no files under {cfg.corpus_dir}")
    chars = sum(len(f.read_bytes().decode("utf-8-sig", errors="replace")) for f in files)
    taskset = shutil.which("taskset")
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # Each checkout gets a compiled-pattern cache of its own (dondoc.regex_cache), warmed by one
    # untimed run; a checkout without the cache ignores it.
    caches = {name: tempfile.mkdtemp(prefix=f"dondoc-paired-{name}-") for name in ("this", "other")}
    envs = {
        "this": {**base_env, "DONDOC_CACHE_DIR": caches["this"]},
        "other": {**base_env, "DONDOC_CACHE_DIR": caches["other"], "PYTHONPATH": str(args.other.resolve())},
    }
    for env in envs.values():
        subprocess.run(extract_command(cfg, files[0]), stdout=subprocess.DEVNULL, env=env, check=False)
    seconds = {"this": 0.0, "other": 0.0}
    for i, f in enumerate(files):
        for name in ("this", "other") if i % 2 == 0 else ("other", "this"):
            t0 = time.perf_counter()
            subprocess.run(
                extract_command(cfg, f),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=envs[name],
                check=False,
            )
            seconds[name] += time.perf_counter() - t0
    for cache in caches.values():
        shutil.rmtree(cache, ignore_errors=True)
    result = {
        "files": len(files),
        "chars": chars,
        "other": str(args.other),
        "pinned": bool(taskset),
        **{name: {"seconds": s, "chars_per_s": chars / s} for name, s in seconds.items()},
    }
    print(f"{len(files)} files, {chars:,} chars, interleaved{' on core 0' if taskset else ''}")
    for name in ("this", "other"):
        print(f"  {name:5}  {seconds[name]:7.1f} s  {chars / seconds[name]:>10,.0f} chars/s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
