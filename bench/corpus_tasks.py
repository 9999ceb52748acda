"""What a rule change does to the tasks read from the whole corpus, not just the golden documents.

The golden documents score only their annotated scope; a rule can add hundreds of tasks elsewhere
(appendix forms, procedure steps) without moving a golden number. ``dump`` extracts every text of
``shared/data/official`` and ``shared/data/directives-vbpl`` (less the held-out golden documents,
which must not be looked at while tuning) and writes each task's start, its first words and its
leads; ``diff`` compares two dumps and prints what was added and removed, with a sample of each.

    git worktree add /tmp/old <rev>
    PYTHONPATH=/tmp/old/src python -m bench.corpus_tasks dump /tmp/old.json
    python -m bench.corpus_tasks dump /tmp/new.json
    python -m bench.corpus_tasks diff /tmp/old.json /tmp/new.json --show 30
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from bench.extract import BenchConfig
from bench.golden import REPO_ROOT, golden_paths, load_golden


def _golden_names() -> tuple[set[str], set[str], set[str]]:
    """File names (under shared/data) of the golden documents: annotated, held out among them, and
    copied for a golden set whose annotation is not written yet."""
    annotated, held = set(), set()
    for path in golden_paths():
        try:
            gold = load_golden(path)
        except (OSError, ValueError):  # an annotation being written
            continue
        name = Path(gold["origin"].split(" ")[0]).name
        annotated.add(name)
        if gold.get("held_out"):
            held.add(name)
    sources = (REPO_ROOT / "tests" / "data" / "docs" / "SOURCES.md").read_text(encoding="utf-8")
    copied = {Path(m).name for m in re.findall(r"data/((?:official|directives-vbpl)/[^\s|()]+\.txt)", sources)}
    return annotated, held, copied - annotated


def held_out_names() -> set[str]:
    """File names (under shared/data) not to look at: the held-out golden documents, and documents
    copied for a golden set whose annotation is not written yet."""
    _annotated, held, pending = _golden_names()
    return held | pending


def golden_names() -> set[str]:
    """File names (under shared/data) of every golden document, tuned, held out or pending."""
    annotated, _held, pending = _golden_names()
    return annotated | pending


def corpus(data: Path) -> list[Path]:
    files = sorted((data / "official").rglob("*.txt")) + sorted((data / "directives-vbpl").glob("*.txt"))
    held = held_out_names()
    return [p for p in files if p.name not in held]


def _leads(task: dict[str, Any]) -> list[str]:
    return [o["name"] for o in task["owners"] if o["role"] == "lead"]


def dump(out: Path) -> int:
    from dondoc.stages.extract import extract_text

    data = BenchConfig().corpus_dir.parent
    tasks: dict[str, list[Any]] = {}
    for path in corpus(data):
        text = path.read_text(encoding="utf-8", errors="replace")
        pred = extract_text(text, repair=False, name=path.name)
        body = pred["text"]
        tasks[str(path.relative_to(data))] = [
            [t["start"], " ".join(body[t["start"] : t["end"]].split())[:120], _leads(t)] for t in pred["tasks"]
        ]
    out.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    print(f"{len(tasks)} texts, {sum(len(v) for v in tasks.values())} tasks -> {out}")
    return 0


def diff(old_path: Path, new_path: Path, show: int, seed: int) -> int:
    old = json.loads(old_path.read_text(encoding="utf-8"))
    new = json.loads(new_path.read_text(encoding="utf-8"))
    added: list[tuple[str, list[Any]]] = []
    removed: list[tuple[str, list[Any]]] = []
    for name in sorted(set(old) & set(new)):
        before = {t[0]: t for t in old[name]}
        after = {t[0]: t for t in new[name]}
        added += [(name, after[k]) for k in sorted(after.keys() - before.keys())]
        removed += [(name, before[k]) for k in sorted(before.keys() - after.keys())]
    both = set(old) & set(new)
    print(f"texts in both: {len(both)}")
    print(f"tasks: {sum(len(old[n]) for n in both)} -> {sum(len(new[n]) for n in both)}")
    print(f"added: {len(added)}   removed: {len(removed)}")
    for label, rows in (("added", added), ("removed", removed)):
        if not rows:
            continue
        print(f"\n{label}, by text (top 10):")
        for name, n in Counter(name for name, _ in rows).most_common(10):
            print(f"  {n:6d}  {name}")
        sample = random.Random(seed).sample(rows, min(show, len(rows)))
        print(f"{label}, a sample of {len(sample)}:")
        for name, (_start, words, leads) in sample:
            print(f"  {'+' if label == 'added' else '-'} {Path(name).name[:32]:32} {', '.join(leads)[:40]:40} {words[:90]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="extract the corpus and write its tasks")
    d.add_argument("out", type=Path)
    f = sub.add_parser("diff", help="compare two dumps")
    f.add_argument("old", type=Path)
    f.add_argument("new", type=Path)
    f.add_argument("--show", type=int, default=20, help="how many added and removed tasks to print (default 20)")
    f.add_argument("--seed", type=int, default=1, help="seed of the sample (default 1)")
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        return dump(args.out)
    return diff(args.old, args.new, args.show, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
