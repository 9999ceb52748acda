"""Draw documents at random for a fresh golden set, before anyone reads them.

The pool: the NQ / QĐ / NĐ texts of ``shared/data/official`` (manifest types NQ, QĐ, Quyết định,
Nghị quyết, Nghị định) and every ``shared/data/directives-vbpl`` text, less those already copied
to ``tests/data/docs`` (their origins in ``tests/data/docs/SOURCES.md``), keeping those where
"chủ trì|có trách nhiệm|Giao" occurs at least ``--min`` times. ``--types`` replaces the manifest
types (``--types "Thông tư"`` draws circulars; the vbpl texts then stay out). The draw is
``random.Random(seed).sample(sorted(pool), n)``; record the seed and the pool size in
``tests/data/golden/README.md``.

    .venv/bin/python -m bench.draw_golden                 # pool size only
    .venv/bin/python -m bench.draw_golden --seed 20261202 --n 6
    .venv/bin/python -m bench.draw_golden --types "Thông tư" --min 2 --seed 20261214 --n 8

``--within FILE`` keeps only the origins listed in FILE (one per line, ``#`` comments), e.g. the texts no
diff shown while tuning had touched.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

from bench.extract import BenchConfig
from bench.golden import REPO_ROOT

_TYPES = {"NQ", "QĐ", "Quyết định", "Nghị quyết", "Nghị định"}
_DUTY = re.compile("chủ trì|có trách nhiệm|Giao")


def pool(data: Path, minimum: int, types: frozenset[str] | None = None) -> list[str]:
    """Origins (relative to ``data``) that may be drawn, sorted.

    ``types`` replaces the default manifest types and leaves the vbpl directives out.
    """
    sources = (REPO_ROOT / "tests" / "data" / "docs" / "SOURCES.md").read_text(encoding="utf-8")
    used = set(re.findall(r"data/((?:official|directives-vbpl)/[^\s|()]+\.txt)", sources))
    candidates = set()
    with (data / "official" / "manifest.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["loai"] in (types or _TYPES) and row["txt_path"]:
                candidates.add("official/" + row["txt_path"].removeprefix("docs/"))
    if types is None:
        candidates |= {f"directives-vbpl/{p.name}" for p in (data / "directives-vbpl").glob("*.txt")}
    kept = []
    for origin in sorted(candidates - used):
        path = data / origin
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if len(_DUTY.findall(text)) >= minimum:
                kept.append(origin)
    return kept


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min", type=int, default=5, help="least occurrences of the duty words (default 5)")
    ap.add_argument("--seed", type=int, help="seed of the draw")
    ap.add_argument("--n", type=int, default=0, help="how many to draw")
    ap.add_argument("--within", type=Path, help="keep only the origins listed in this file")
    ap.add_argument(
        "--types", action="append", help="manifest type to draw from, repeatable (default: NQ, QĐ, NĐ and vbpl)"
    )
    args = ap.parse_args(argv)
    data = BenchConfig().corpus_dir.parent
    origins = pool(data, args.min, frozenset(args.types) if args.types else None)
    if args.within is not None:
        lines = args.within.read_text(encoding="utf-8").splitlines()
        listed = {ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")}
        origins = [o for o in origins if o in listed]
    print(f"{len(origins)} documents in the pool")
    if args.n:
        if args.seed is None:
            ap.error("--n needs --seed")
        for origin in random.Random(args.seed).sample(origins, args.n):
            print(origin)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
