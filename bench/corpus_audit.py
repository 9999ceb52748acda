"""How many of the tasks read from the whole corpus are tasks: a labelled random sample.

The golden documents measure precision inside their annotated scopes only; what a user of dondoc
sees is every task of every document, appendices and rules included. ``draw`` extracts the corpus
(the texts ``bench.corpus_tasks`` reads, held-out golden documents excluded) and writes a random
sample of its tasks, each with the text around it, for a reader to label by hand; ``tally`` counts
the labels and prints the table.

A label line is ``{"id", "label": "task" | "not", "why", "owner", "note"}``:

- ``label``: "task" when the text is a duty someone must carry out under the document (an
  assignment, a duty item of a body, a standing obligation, a request to report back); "not"
  otherwise, with ``why`` one of rule (a legal rule, condition, criterion, or a step taken each time
  a file arrives), definition, right (a power or permission), role (what someone is), accountability
  ("chịu trách nhiệm trước pháp luật …", the closing formula), form (a template or table printed
  after the signature), heading, fragment (a badly cut piece of a sentence), other;
- ``owner`` (tasks only): ok, partial, wrong, or missing, for the predicted leads.

    python -m bench.corpus_audit draw --n 200 --seed 20261128 --out bench/data/audit/2026-11-28
    python -m bench.corpus_audit tally bench/data/audit/2026-11-28 --json /tmp/audit.json
    python -m bench.corpus_audit recheck bench/data/audit/*/ --show not

``recheck`` extracts each audited task's document with the code of the checkout and says which of
the labelled tasks it still reads (a task whose span holds the audited task's first character):
the precision of the kept ones estimates what later rules did to the old sample, and ``--show not``
lists the non-tasks still read, the material of a precision rule. It cannot see tasks read since
(only a new draw does).

Samples and labels of the audits made so far are kept in ``bench/data/audit/`` (see its README).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from bench.corpus_tasks import corpus, held_out_names
from bench.extract import BenchConfig
from bench.golden import REPO_ROOT

WHY = ("rule", "definition", "right", "role", "accountability", "form", "heading", "fragment", "other")
OWNER = ("ok", "partial", "wrong", "missing")
_BEFORE, _AFTER = 1500, 400  # context a labeller sees around a task


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def draw(n: int, seed: int, out: Path) -> int:
    from dondoc.stages.extract import extract_text

    data = BenchConfig().corpus_dir.parent
    pool: list[dict[str, Any]] = []
    texts = corpus(data)
    for path in texts:
        pred = extract_text(path.read_text(encoding="utf-8", errors="replace"), repair=False, name=path.name)
        body = pred["text"]
        for t in pred["tasks"]:
            pool.append(
                {
                    "file": str(path.relative_to(data)),
                    "start": t["start"],
                    "end": t["end"],
                    "text": body[t["start"] : t["end"]],
                    "leads": [o["name"] for o in t["owners"] if o["role"] == "lead"],
                    "section": t["section"],
                    "before": body[max(0, t["start"] - _BEFORE) : t["start"]],
                    "after": body[t["end"] : t["end"] + _AFTER],
                }
            )
    sample = random.Random(seed).sample(pool, min(n, len(pool)))
    out.mkdir(parents=True, exist_ok=True)
    with (out / "sample.jsonl").open("w", encoding="utf-8") as fh:
        for i, item in enumerate(sample, 1):
            fh.write(json.dumps({"id": f"{i:03d}", **item}, ensure_ascii=False) + "\n")
    meta = {"commit": commit(), "seed": seed, "n": len(sample), "pool": len(pool), "texts": len(texts)}
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"{len(sample)} of {len(pool)} tasks -> {out / 'sample.jsonl'} (commit {meta['commit']}, seed {seed})")
    return 0


def read_jsonl(paths: list[Path]) -> list[dict[str, Any]]:
    """The JSON objects of the lines of ``paths``, in order (blank lines skipped)."""
    rows = []
    for path in paths:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def _read_labels(folder: Path) -> list[dict[str, Any]]:
    return read_jsonl(sorted(folder.glob("labels*.jsonl")))


def tally(folders: list[Path], out: Path | None) -> int:
    rows: list[dict[str, Any]] = []
    for folder in folders:
        labels = _read_labels(folder)
        if not labels:
            print(f"{folder}: no labels*.jsonl")
            return 2
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8")) if (folder / "meta.json").exists() else {}
        tasks = [x for x in labels if x["label"] == "task"]
        owners = Counter(x.get("owner") for x in tasks)
        rows.append(
            {
                "audit": folder.name,
                "commit": meta.get("commit"),
                "labelled": len(labels),
                "tasks": len(tasks),
                "precision": len(tasks) / len(labels),
                "owner_ok": owners["ok"] / len(tasks) if tasks else None,
                "why": dict(Counter(x.get("why") for x in labels if x["label"] == "not")),
                "owner": dict(owners),
            }
        )
    head = f"{'audit':<24} {'commit':<9} {'n':>4} {'tasks':>6} {'P':>5} {'owner ok':>9}  not tasks, by why"
    print(head)
    print("-" * len(head))
    for r in rows:
        why = ", ".join(f"{k} {r['why'][k]}" for k in WHY if r["why"].get(k))
        own = f"{r['owner_ok']:.2f}" if r["owner_ok"] is not None else "–"
        commit = r["commit"] or "?"
        print(f"{r['audit']:<24} {commit:<9} {r['labelled']:>4} {r['tasks']:>6} {r['precision']:>5.2f} {own:>9}  {why}")
    if out is not None:
        out.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


def recheck(folders: list[Path], out: Path | None, show: str | None, data: Path | None = None) -> int:
    from dondoc.stages.extract import extract_text

    data = data or BenchConfig().corpus_dir.parent
    items: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for folder in folders:
        labels = {x["id"]: x for x in _read_labels(folder)}
        items += [(folder.name, s, labels[s["id"]]) for s in read_jsonl([folder / "sample.jsonl"]) if s["id"] in labels]
    spans: dict[str, list[tuple[int, int, list[str]]]] = {}
    for name in sorted({s["file"] for _, s, _ in items}):
        path = data / name
        if not path.exists():
            continue
        pred = extract_text(path.read_text(encoding="utf-8", errors="replace"), repair=False, name=path.name)
        spans[name] = [(t["start"], t["end"], [o["name"] for o in t["owners"] if o["role"] == "lead"]) for t in pred["tasks"]]
    rows: dict[str, Counter[str]] = {}
    shown = []
    for audit, s, lab in items:
        hit = next((t for t in spans.get(s["file"], []) if t[0] <= s["start"] < t[1]), None)
        kind = lab["label"]
        rows.setdefault(audit, Counter())[f"{kind} {'kept' if hit else 'dropped'}"] += 1
        if show and kind == show and (hit is not None) == (show == "not"):
            shown.append((audit, s, lab, hit))
    head = f"{'audit':<24} {'labelled':>8} {'task kept':>9} {'task lost':>9} {'not kept':>8} {'not cut':>8} {'P kept':>7}"
    print(head)
    print("-" * len(head))
    total: Counter[str] = Counter()
    for audit, c in [*rows.items(), ("all", total)]:
        if audit != "all":
            total.update(c)
        kept = c["task kept"] + c["not kept"]
        p = f"{c['task kept'] / kept:.2f}" if kept else "–"
        counts = f"{c['task kept']:>9} {c['task dropped']:>9} {c['not kept']:>8} {c['not dropped']:>8}"
        print(f"{audit:<24} {sum(c.values()):>8} {counts} {p:>7}")
    # a held-out golden document's clauses are counted above but not printed: they must not be read while tuning
    held = held_out_names()
    visible = [x for x in shown if Path(x[1]["file"]).name not in held]
    withheld = len(shown) - len(visible)
    for audit, s, lab, hit in visible:
        leads = f" leads {hit[2]}" if hit else ""
        print(f"\n[{audit} {s['id']}] {lab.get('why', '')} {s['file']}@{s['start']}{leads}")
        print(f"  {s['text'][:300]!r}\n  note: {lab.get('note', '')}")
    if withheld:
        print(f"\n({withheld} more of held-out golden documents, not shown)")
    if out is not None:
        out.write_text(json.dumps({k: dict(v) for k, v in rows.items()}, indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="extract the corpus and write a random sample of its tasks")
    d.add_argument("--n", type=int, default=200)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--out", type=Path, required=True)
    t = sub.add_parser("tally", help="count the labels of one or more audits")
    t.add_argument("folders", type=Path, nargs="+")
    t.add_argument("--json", type=Path, default=None)
    r = sub.add_parser("recheck", help="which labelled tasks of one or more audits the checkout still reads")
    r.add_argument("folders", type=Path, nargs="+")
    r.add_argument("--json", type=Path, default=None)
    r.add_argument("--show", choices=("task", "not"), help="list the non-tasks still read, or the tasks no longer read")
    args = ap.parse_args(argv)
    if args.cmd == "recheck":
        return recheck(args.folders, args.json, args.show)
    if args.cmd == "draw":
        return draw(args.n, args.seed, args.out)
    return tally(args.folders, args.json)


if __name__ == "__main__":
    raise SystemExit(main())
