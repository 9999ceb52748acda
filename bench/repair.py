"""Benchmark OCR repair: CER/WER before and after, errors fixed, right words broken, chars/s.

Sets (none of them used to build the model; the Hải Phòng sample is only REPORTED, never tuned on):
  * ``tesseract``: ``bench/data/ocr_dev*.jsonl`` pages (dev documents excluded from the LM), pages whose
    CER is over 15 % dropped as rendering failures; ``--split test`` (default) keeps the odd-numbered
    dev documents, ``tune`` the even ones (the decoder knobs were set on ``tune``).
  * ``garbage``: lines from the dev documents corrupted with the error kinds of non-Tesseract engines
    seen in real scans (tr→ừ, hỏi↔huyền, ă→á, ơ→o, split syllables, stray quotes, Roman numerals
    read as H/n after Quý), seeded.
  * ``spelling``: ``shared/data/spelling/spelling_test.json`` (real-word errors in Wikipedia text).
"fixed" and "right broken" count the output text only (applied edits); dondoc's suggestions
(low-confidence edits, not applied) are counted in their own column and are neither.
Rows: dondoc, underthesea.text_normalize, hunspell-vi first suggestion (if ``hunspell`` and the
``vi_VN`` dictionary are installed; GPL, only compared against, never shipped).

Run: ``nice .venv/bin/python bench/repair.py`` — prints a Rich table, writes ``bench/results/repair.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from rapidfuzz.distance import Levenshtein
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dondoc.core.syllable import is_valid  # noqa: E402
from dondoc.stages.repair import load_model, repair_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SAMPLE = ROOT.parent / "shared" / "samples" / "ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt"
_PUNCT = ".,;:!?()[]\"“”'‘’«»"


def words(text: str) -> list[str]:
    return [w.strip(_PUNCT) for w in unicodedata.normalize("NFC", text).split() if w.strip(_PUNCT)]


def right_positions(truth: list[str], other: list[str]) -> set[int]:
    """Indices of truth words reproduced exactly in ``other`` (via an edit-distance alignment)."""
    ok: set[int] = set()
    for block in Levenshtein.opcodes(truth, other):
        if block.tag == "equal":
            ok.update(range(block.src_start, block.src_end))
    return ok


def tesseract_set(split: str) -> list[tuple[str, str]]:
    dev_docs = (ROOT / "bench" / "data" / "dev_docs.txt").read_text(encoding="utf-8").split()
    keep = {d for i, d in enumerate(dev_docs) if (i % 2 == 1) == (split == "test")}
    pairs: list[tuple[str, str]] = []
    for path in sorted((ROOT / "bench" / "data").glob("ocr_dev*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec["doc"] not in keep:
                continue
            if Levenshtein.normalized_distance(rec["truth"], rec["ocr"]) > 0.15:
                continue
            pairs.append((rec["truth"], rec["ocr"]))
    return pairs


_HUYEN_HOI = str.maketrans("ảẩẳẻểỉỏổởủửỷàầằèềìòồờùừỳ", "àầằèềìòồờùừỳảẩẳẻểỉỏổởủửỷ")


def corrupt_word(w: str, rng: random.Random) -> str:
    """One sample-kind corruption of ``w`` (or ``w`` unchanged when none applies)."""
    ops: list[Callable[[str], str]] = []
    if w.startswith("tr") and len(w) > 2:
        ops.append(lambda s: "ừ" + s[2:])
    if any(c in "ảẩẳẻểỉỏổởủửỷàầằèềìòồờùừỳ" for c in w):
        ops.append(lambda s: s.translate(_HUYEN_HOI))
    if "ă" in w:
        ops.append(lambda s: s.replace("ă", "á", 1))
    if "ơ" in w:
        ops.append(lambda s: s.replace("ơ", "o", 1))
    vowels = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    m = re.match(rf"^([bcdđghklmnpqrstvx]{{1,2}})([{vowels}]\w*)$", w)
    if m and len(w) <= 4:
        ops.append(lambda s: s[: len(m.group(1))] + " " + s[len(m.group(1)) :])
    if len(w) >= 3:
        ops.append(lambda s: s[:1] + "‘" + s[1:])
    if not ops:
        return w
    return rng.choice(ops)(w)


def garbage_set(n_lines: int = 400, rate: float = 0.08, seed: int = 11) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    dev_docs = (ROOT / "bench" / "data" / "dev_docs.txt").read_text(encoding="utf-8").split()
    lines: list[str] = []
    for path in sorted((DATA / "official").rglob("*.txt")) + sorted((DATA / "directives-vbpl").glob("*.txt")):
        if path.name in dev_docs:
            lines += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if len(ln.strip()) > 40]
    rng.shuffle(lines)
    pairs: list[tuple[str, str]] = []
    for ln in lines[:n_lines]:
        out = []
        for w in ln.split(" "):
            low = w.lower()
            if w.islower() and is_valid(low) and rng.random() < rate:
                out.append(corrupt_word(w, rng))
            else:
                out.append(w)
        bad = " ".join(out)
        if rng.random() < 0.1:
            quarter = rng.choice(["II", "III"])
            ln += f" trong Quý {quarter} năm 2021"
            bad += f" trong Quý {'H' if quarter == 'II' else 'm'} năm 2021"
        pairs.append((ln, bad))
    return pairs


def spelling_set() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for line in (DATA / "spelling" / "spelling_test.json").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        bad = rec["text"]
        good = bad
        for m in sorted(rec["mistakes"], key=lambda m: -int(m["start_offset"])):
            s = int(m["start_offset"])
            if bad[s : s + len(m["text"])] == m["text"] and m["suggest"]:
                good = good[:s] + m["suggest"][0] + good[s + len(m["text"]) :]
        pairs.append((good, bad))
    return pairs


def hunspell_fixer() -> Callable[[str], str] | None:
    """hunspell-vi's first suggestion for every flagged word, through one long-lived ``hunspell -a``."""
    if not Path("/usr/share/hunspell/vi_VN.dic").exists():
        return None
    proc = subprocess.Popen(["hunspell", "-d", "vi_VN", "-a"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, encoding="utf-8", bufsize=1)
    assert proc.stdout is not None and proc.stdin is not None
    proc.stdout.readline()  # banner
    cache: dict[str, str] = {}

    def check(token: str) -> str:
        hit = cache.get(token)
        if hit is not None:
            return hit
        assert proc.stdin is not None and proc.stdout is not None
        # "^" makes hunspell check the line even when it starts with a command character
        proc.stdin.write("^" + token + "\n")
        proc.stdin.flush()
        fixed = token
        while (line := proc.stdout.readline().rstrip("\n")) != "":
            if line.startswith("&"):
                word = line.split(" ")[1]
                fixed = fixed.replace(word, line.split(": ", 1)[1].split(", ")[0], 1)
        cache[token] = fixed
        return fixed

    def fix(text: str) -> str:
        return re.sub(r"\S+", lambda m: check(m.group()), text)

    return fix


def dondoc_fix(text: str) -> tuple[str, int]:
    """dondoc's output (applied edits only) and its number of suggestions (edits NOT applied)."""
    res = repair_text(text)
    return res.text, sum(1 for e in res.edits if not e.applied)


def evaluate(pairs: list[tuple[str, str]], fix: Callable[[str], str | tuple[str, int]]) -> dict[str, float]:
    """Scores of ``fix``'s output against the truth. Only the output text counts: a system's suggestions
    (``fix`` may return ``(text, n_suggestions)``) are neither fixes nor breakages, only counted."""
    n_chars = sum(len(o) for _, o in pairs)
    cer0 = cer1 = wer0 = wer1 = 0.0
    wrong = fixed = right = broken = n_words = 0
    # CPU time of this process: "chars/s on one core" even on a shared machine (hunspell runs in a child
    # process, so its row counts only our side and is not comparable)
    t0 = time.process_time()
    raw = [fix(o) for _, o in pairs]
    dt = time.process_time() - t0
    outs = [r[0] if isinstance(r, tuple) else r for r in raw]
    suggestions = sum(r[1] for r in raw if isinstance(r, tuple))
    total_chars = sum(len(t) for t, _ in pairs)
    for (truth, ocr), out in zip(pairs, outs, strict=True):
        tw, ow, rw = words(truth), words(ocr), words(out)
        cer0 += Levenshtein.distance(truth, ocr)
        cer1 += Levenshtein.distance(truth, out)
        wer0 += Levenshtein.distance(tw, ow)
        wer1 += Levenshtein.distance(tw, rw)
        ok0, ok1 = right_positions(tw, ow), right_positions(tw, rw)
        n_words += len(tw)
        wrong += len(tw) - len(ok0)
        right += len(ok0)
        fixed += len((set(range(len(tw))) - ok0) & ok1)
        broken += len(ok0 - ok1)
    return {
        "cer_before": 100 * cer0 / total_chars, "cer_after": 100 * cer1 / total_chars,
        "wer_before": 100 * wer0 / n_words, "wer_after": 100 * wer1 / n_words,
        "word_errors": wrong, "fixed_pct": 100 * fixed / max(1, wrong),
        "broken_pct": 100 * broken / max(1, right), "chars_per_s": n_chars / dt if dt else 0.0,
        "suggestions": suggestions,
    }


def sample_report() -> list[tuple[str, str, bool]]:
    """How many of the Hải Phòng sample's visible errors the repair fixes (REPORTED, never tuned on)."""
    text = SAMPLE.read_text(encoding="utf-8")
    out = repair_text(text).text
    checks = [("ừong", "trong"), ("ĩỉ‘ên", "trên"), ("càng", "cảng"), ("táng", "tăng"), ("hon", "hơn"),
              ("Tồ quốc", "Tổ quốc"), ("v ề", "về"), ("Quý H", "Quý II"), ("Quý n", "Quý II")]
    res = []
    for bad, good in checks:
        before = len(re.findall(rf"(?<!\w){re.escape(bad)}(?!\w)", text))
        after = len(re.findall(rf"(?<!\w){re.escape(bad)}(?!\w)", out))
        res.append((bad, good, f"{before - after}/{before}"))
    return res  # type: ignore[return-value]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=["test", "tune"])
    ap.add_argument("--only", default="", help="comma-separated set names")
    args = ap.parse_args()
    load_model()
    sets = {"tesseract": tesseract_set(args.split), "garbage": garbage_set(), "spelling": spelling_set()}
    if args.only:
        sets = {k: v for k, v in sets.items() if k in args.only.split(",")}
    systems: dict[str, Callable[[str], str | tuple[str, int]]] = {"dondoc": dondoc_fix}
    try:
        from underthesea import text_normalize

        systems["underthesea.text_normalize"] = lambda t: "\n".join(text_normalize(x) for x in t.split("\n"))
    except ImportError:
        pass
    hs = hunspell_fixer()
    if hs is not None:
        systems["hunspell-vi"] = hs
    table = Table(title=f"OCR repair ({args.split} split)")
    for col in ("set", "system", "pages", "CER before", "CER after", "WER before", "WER after",
                "word errors", "fixed %", "right broken %", "suggested", "chars/s"):
        table.add_column(col, justify="right" if col not in ("set", "system") else "left")
    results = []
    for set_name, pairs in sets.items():
        for sys_name, fix in systems.items():
            r = evaluate(pairs, fix)
            results.append({"set": set_name, "system": sys_name, "pages": len(pairs), **r})
            table.add_row(set_name, sys_name, str(len(pairs)), f"{r['cer_before']:.2f}", f"{r['cer_after']:.2f}",
                          f"{r['wer_before']:.2f}", f"{r['wer_after']:.2f}", str(r["word_errors"]),
                          f"{r['fixed_pct']:.1f}", f"{r['broken_pct']:.2f}", str(r["suggestions"]),
                          f"{r['chars_per_s']:,.0f}")
    console = Console(width=170)
    console.print(table)
    sample = sample_report()
    console.print("Hải Phòng sample (reported, not tuned):",
                  ", ".join(f"{b}→{g} {n}" for b, g, n in sample))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip()
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "repair.json").write_text(json.dumps(
        {"commit": commit, "platform": platform.platform(), "python": platform.python_version(),
         "split": args.split, "results": results, "sample": sample}, ensure_ascii=False, indent=1),
        encoding="utf-8")


if __name__ == "__main__":
    main()
