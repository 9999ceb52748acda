"""How many of the duties written in unseen documents dondoc reads: passages labelled blind.

The golden sets are used up (every document ``bench.draw_golden`` could draw is annotated), and
``bench.corpus_audit`` measures precision only: it labels tasks dondoc found, never those it missed.
This bench measures recall on text nobody has tuned on. ``draw`` picks documents of the corpus
(the texts ``bench.corpus_tasks`` reads, less every golden document), uniformly, and in each a
random passage of about ``--chars`` characters cut at line ends; the passages alternate between a
``tune`` set, whose misses may be read to find rules, and a ``test`` set, whose details nobody reads.
Readers label each passage without seeing dondoc's output: every duty that starts in it, by a short
verbatim quote from its first word, and its leads as the text writes them.

``tally`` extracts each passage's document with the code of the checkout and scores it with
``bench.golden.score`` inside the passage (a gold task is found when a predicted task's span holds
the quote's first character; precision counts predicted tasks starting in the passage), so the same
labels measure any later commit. ``--show`` prints the tune set's misses, false tasks and wrong leads.

A label line is ``{"id", "tasks": [{"quote", "occurrence"?, "leads": [...]}], "note"?}``;
``occurrence`` (1-based, within the passage) only when the quote's words occur twice there.

    python -m bench.recall_audit draw --n 200 --seed 20261201 --out bench/data/recall/2026-11-28
    python -m bench.recall_audit tally bench/data/recall/2026-11-28 --json /tmp/recall.json
    python -m bench.recall_audit tally bench/data/recall/2026-11-28 --show
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.corpus_audit import commit, read_jsonl
from bench.corpus_tasks import corpus, golden_names
from bench.extract import BenchConfig
from bench.golden import count_quote, locate, score

SETS = ("tune", "test")
_BEFORE = 1500  # context a labeller sees before a passage
_HEAD = 500  # and the document's opening lines


def passage_bounds(text: str, start: int, chars: int) -> tuple[int, int]:
    """``[start, end)`` of a passage of about ``chars`` characters from the line holding ``start``
    to the end of the line where the ``chars``-th character falls (the whole text when shorter)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", min(lo + chars, len(text)))
    return lo, len(text) if hi < 0 else hi


def draw(n: int, seed: int, chars: int, out: Path, *, avoid: list[Path] | None = None, only: str | None = None) -> int:
    """Write ``n`` passages; with ``avoid``, none from a document of those draws' test sets, and with
    ``only``, every passage in that set (a second tune draw)."""
    data = BenchConfig().corpus_dir.parent
    golden = golden_names()
    tested = {p["file"] for d in avoid or [] for p in read_jsonl([d / "passages.jsonl"]) if p["set"] == "test"}
    texts = [p for p in corpus(data) if p.name not in golden and str(p.relative_to(data)) not in tested]
    rng = random.Random(seed)
    picked = rng.sample(texts, min(n, len(texts)))
    out.mkdir(parents=True, exist_ok=True)
    with (out / "passages.jsonl").open("w", encoding="utf-8") as fh:
        for i, path in enumerate(picked):
            text = path.read_bytes().decode("utf-8-sig")
            lo, hi = passage_bounds(text, rng.randrange(max(1, len(text) - chars)), chars)
            item = {
                "id": f"P{i + 1:03d}",
                "set": only or SETS[i % 2],
                "file": str(path.relative_to(data)),
                "start": lo,
                "end": hi,
                "head": text[:_HEAD],
                "before": text[max(_HEAD, lo - _BEFORE) : lo],
                "passage": text[lo:hi],
            }
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    meta = {
        "commit": commit(),
        "seed": seed,
        "n": len(picked),
        "chars": chars,
        "texts": len(texts),
        "avoid": [str(d) for d in avoid or []],
        "only": only,
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"{len(picked)} passages of {len(texts)} texts -> {out / 'passages.jsonl'} (commit {meta['commit']}, seed {seed})")
    return 0


def gold_of(passage: dict[str, Any], label: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """A golden annotation of ``text`` scoped to the passage, and the quotes not found in it."""
    lo, hi = passage["start"], passage["end"]
    before = text[:lo]
    tasks, lost = [], []
    for t in label.get("tasks", []):
        quote = t["quote"]
        occurrence = count_quote(before, quote) + int(t.get("occurrence", 1))
        span = locate(text, quote, occurrence)
        if span is None or not lo <= span[0] < hi:
            lost.append(quote)
            continue
        owners = [{"name": name, "role": "lead"} for name in t.get("leads", [])]
        tasks.append({"quote": quote, "occurrence": occurrence, "owners": owners})
    return {"scope": {"start": lo, "end": hi}, "tasks": tasks}, lost


def tally(folders: list[Path], out: Path | None, show: bool, data: Path | None = None) -> int:
    """Score the checkout against the labels of each folder; ``data`` is shared/data by default."""
    from dondoc.stages.extract import extract_text

    data = data or BenchConfig().corpus_dir.parent
    rows: list[dict[str, Any]] = []
    for folder in folders:
        passages = {p["id"]: p for p in read_jsonl([folder / "passages.jsonl"])}
        labels = read_jsonl(sorted(folder.glob("labels*.jsonl")))
        if not labels:
            print(f"{folder}: no labels*.jsonl")
            return 2
        sums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for label in labels:
            passage = passages[label["id"]]
            text = (data / passage["file"]).read_bytes().decode("utf-8-sig")
            gold, lost = gold_of(passage, label, text)
            pred = extract_text(text, repair=False, name=Path(passage["file"]).name)
            r = score(pred, gold, text)
            acc = sums[passage["set"]]
            acc["passages"] += 1
            acc["lost"] += len(lost)
            for key in ("tasks_gold", "tasks_pred", "tasks_matched", "owner_correct"):
                acc[key] += r[key]
            if lost:
                print(f"{label['id']}: quote not in the passage: {lost}")
            if show and passage["set"] == "tune":
                _show(label["id"], passage["file"], r["details"])
        for name in SETS:
            if name in sums:
                acc = sums[name]
                g, p, m, o = acc["tasks_gold"], acc["tasks_pred"], acc["tasks_matched"], acc["owner_correct"]
                rows.append(
                    {
                        "audit": folder.name,
                        "set": name,
                        "passages": acc["passages"],
                        "gold": g,
                        "pred": p,
                        "matched": m,
                        "recall": m / g if g else None,
                        "precision": m / p if p else None,
                        "owner_accuracy": o / m if m else None,
                        "lost_quotes": acc["lost"],
                    }
                )
    _print(rows)
    if out is not None:
        out.write_text(json.dumps({"commit": commit(), "rows": rows}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


def _show(pid: str, file: str, details: dict[str, Any]) -> None:
    for quote in details["missed_tasks"]:
        print(f"{pid} MISSED   {quote[:90]!r}  ({file})")
    for text in details["spurious_tasks"]:
        print(f"{pid} SPURIOUS {text[:90]!r}")
    for w in details["wrong_owners"]:
        print(f"{pid} OWNERS   {w['quote'][:60]!r} gold {w['gold']} pred {w['pred']}")


def _rate(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def _print(rows: list[dict[str, Any]]) -> None:
    head = f"{'audit':<24} {'set':<5} {'passages':>8} {'gold':>5} {'pred':>5} {'matched':>7} {'R':>5} {'P':>5} {'owner':>6}"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['audit']:<24} {r['set']:<5} {r['passages']:>8} {r['gold']:>5} {r['pred']:>5} {r['matched']:>7}"
            f" {_rate(r['recall']):>5} {_rate(r['precision']):>5} {_rate(r['owner_accuracy']):>6}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="pick a random passage of each of n unseen documents")
    d.add_argument("--n", type=int, default=200)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--chars", type=int, default=2000)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--avoid", type=Path, action="append", help="no document of this draw's test set")
    d.add_argument("--only", choices=SETS, help="put every passage in this set")
    t = sub.add_parser("tally", help="score the current code against the labels of one or more draws")
    t.add_argument("folders", type=Path, nargs="+")
    t.add_argument("--json", type=Path, default=None)
    t.add_argument("--show", action="store_true", help="print the tune set's misses, false tasks and wrong leads")
    args = ap.parse_args(argv)
    if args.cmd == "draw":
        return draw(args.n, args.seed, args.chars, args.out, avoid=args.avoid, only=args.only)
    return tally(args.folders, args.json, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
