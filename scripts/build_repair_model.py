"""Build the OCR-repair model shipped in ``src/dondoc/models/``: syllable n-gram counts + confusion table.

Inputs (see ``shared/data/SOURCES.md``; all allowed for the shipped model):
  * ``../shared/data/official/**/*.txt`` and ``../shared/data/directives-vbpl/*.txt`` — the n-gram
    counts, EXCLUDING the benchmark's dev documents named in ``bench/data/dev_docs.txt``;
  * ``../shared/data/lexicon/vi_full.txt`` — OpenSubtitles 2018 word frequencies by hermitdave/
    FrequencyWords, CC BY-SA 4.0: a unigram prior and vocabulary (attributed in the metadata);
  * underthesea's ``Viet74K.txt`` word list (Apache-2.0) — vocabulary;
  * ``bench/data/ocr_train.jsonl`` from ``scripts/make_ocr_pairs.py`` — the Tesseract confusion table.
Never used: the Hải Phòng sample, spelling_test.json, hunspell-vi.

Outputs: ``repair_vi.npz`` (vocabulary, unigram/bigram/trigram log-probabilities, the channel
candidates of every known syllable and of the non-words Tesseract wrote in the training pages) and
``repair_vi.json`` (confusion table, metadata). Format and scoring: ``dondoc.core.repair.lm``.

Run: ``nice -n 15 .venv/bin/python scripts/build_repair_model.py`` (≈1 minute, < 2 GB RAM).
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein

from dondoc.core.repair.channel import ChannelModel
from dondoc.core.repair.lm import BITS, BOS, NUM, SYM, UNK, lm_tokens
from dondoc.core.syllable import is_valid

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "dondoc" / "models"
MAX_PAGE_CER = 0.15
GLYPH_CHARS = "0123456789?£"
MAX_CANDIDATES = 10
LEX_WEIGHT = 0.05
LEX_KNOWN = 200  # share of the subtitle unigram distribution mixed into the official-text one


def viet74k() -> Path:
    import underthesea

    return Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"


def corpus_files() -> tuple[list[Path], list[str]]:
    excluded = set((ROOT / "bench" / "data" / "dev_docs.txt").read_text(encoding="utf-8").split())
    files = sorted((DATA / "official").rglob("*.txt")) + sorted((DATA / "directives-vbpl").glob("*.txt"))
    return [f for f in files if f.name not in excluded], sorted(excluded)


def learn_confusions(pairs_path: Path) -> tuple[list[list[object]], dict[str, float]]:
    """Align Tesseract output to the truth and count substring rewrites truth->ocr inside words."""
    subs: collections.Counter[tuple[str, str]] = collections.Counter()
    truth_words: list[str] = []
    n_split = n_merge = n_aligned = 0
    for line in pairs_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if Levenshtein.normalized_distance(rec["truth"], rec["ocr"]) > MAX_PAGE_CER:
            continue  # a font without Vietnamese glyphs, or a layout failure: not an OCR confusion
        t = unicodedata.normalize("NFC", rec["truth"]).split()
        o = unicodedata.normalize("NFC", rec["ocr"]).split()
        sm = difflib.SequenceMatcher(None, t, o, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                truth_words.extend(t[i1:i2])
                n_aligned += i2 - i1
                continue
            if op != "replace":
                continue
            if i2 - i1 == j2 - j1:
                for tw, ow in zip(t[i1:i2], o[j1:j2], strict=True):
                    a, b = tw.lower(), ow.lower()
                    truth_words.append(tw)
                    n_aligned += 1
                    p = 0
                    while p < min(len(a), len(b)) and a[p] == b[p]:
                        p += 1
                    s = 0
                    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
                        s += 1
                    ta, ob = a[p : len(a) - s], b[p : len(b) - s]
                    short = len(ta) <= 3 and len(ob) <= 3
                    # digits and ? inside a word are glyphs the engine misread (c7 for cơ, thi0u)
                    if short and ta.isalpha() and all(ch.isalpha() or ch in GLYPH_CHARS for ch in ob):
                        subs[(ta, ob)] += 1
            elif i2 - i1 == 1 and j2 - j1 == 2 and "".join(o[j1:j2]) == t[i1]:
                n_split += 1
            elif i2 - i1 == 2 and j2 - j1 == 1 and "".join(t[i1:i2]) == o[j1]:
                n_merge += 1
    text = "\n".join(w.lower() for w in truth_words)
    table: list[list[object]] = []
    for (ta, ob), c in subs.most_common():
        if c < 2 or not ta:
            continue
        denom = text.count(ta)
        if denom >= c:
            table.append([ta, ob, c, denom])
    rates = {"split": n_split / max(1, n_aligned), "merge": n_merge / max(1, n_aligned), "words": n_aligned}
    return table, rates


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-trigram", type=int, default=2)
    ap.add_argument("--min-bigram", type=int, default=1)
    args = ap.parse_args()
    files, excluded = corpus_files()

    counts: collections.Counter[str] = collections.Counter()
    streams: list[list[str]] = []
    n_chars = 0
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        n_chars += len(text)
        toks = lm_tokens(text)
        counts.update(toks)
        streams.append(toks)

    lex: dict[str, int] = {}
    for line in (DATA / "lexicon" / "vi_full.txt").read_text(encoding="utf-8").splitlines():
        entry, _, freq = line.rpartition(" ")
        if entry and freq.isdigit() and int(freq) >= 3 and is_valid(entry):
            lex[unicodedata.normalize("NFC", entry.lower())] = int(freq)
    v74 = set()
    for line in viet74k().read_text(encoding="utf-8").splitlines():
        for syl in line.lower().split():
            if is_valid(syl):
                v74.add(unicodedata.normalize("NFC", syl))

    specials = [BOS, UNK, NUM, SYM]
    corpus_words = {w for w, c in counts.items() if c >= 2 or is_valid(w)}
    vocab = specials + sorted((corpus_words | set(lex) | v74) - set(specials))
    assert len(vocab) < (1 << BITS)
    index = {w: i for i, w in enumerate(vocab)}
    unk = index[UNK]

    corpus_total = sum(counts.values())
    lex_total = sum(lex.values()) or 1
    uni = np.zeros(len(vocab), dtype=np.float64)
    for w, c in counts.items():
        uni[index.get(w, unk)] += c
    for w, c in lex.items():
        uni[index[w]] += LEX_WEIGHT * corpus_total * c / lex_total
    for w in v74:
        uni[index[w]] += 0.5  # known word, never seen: still more likely than an unknown string
    uni_lp = np.log(uni / uni.sum() + 1e-12).astype(np.float32)

    ids = np.concatenate([np.array([index[BOS]] + [index.get(t, unk) for t in s], dtype=np.uint64)
                          for s in streams])
    b_keys = (ids[:-1] << np.uint64(BITS)) | ids[1:]
    t_keys = (ids[:-2] << np.uint64(2 * BITS)) | (ids[1:-1] << np.uint64(BITS)) | ids[2:]
    bk, bc = np.unique(b_keys, return_counts=True)
    tk, tc = np.unique(t_keys, return_counts=True)
    # conditional log-probabilities: P(c | a b) = n(abc)/n(ab), P(b | a) = n(ab)/n(a)
    ctx_of_t = tk >> np.uint64(BITS)
    ctx_counts = bc[np.searchsorted(bk, ctx_of_t)]
    t_lp = np.log(tc / ctx_counts)
    raw_uni = np.bincount(ids.astype(np.int64), minlength=len(vocab)).astype(np.float64)
    b_lp = np.log(bc / np.maximum(raw_uni[(bk >> np.uint64(BITS)).astype(np.int64)], 1))
    tmask = tc >= args.min_trigram
    bmask = bc >= args.min_bigram
    confusions, rates = learn_confusions(ROOT / "bench" / "data" / "ocr_train.jsonl")
    # "known" (may be proposed as a correction): attested in the word list, the official texts, or often
    # enough in subtitles (rare subtitle forms are typos: "vễ", "cữa")
    known = np.array([1 if (w in v74 or counts.get(w, 0) >= 3 or lex.get(w, 0) >= LEX_KNOWN) else 0
                      for w in vocab], dtype=np.uint8)
    # candidates of every known syllable, so that decoding a document never pays for generating them
    channel = ChannelModel.build([(str(a), str(b), int(str(c)), int(str(d))) for a, b, c, d in confusions])
    src: list[int] = []
    dst: list[int] = []
    clp: list[float] = []
    for i, w in enumerate(vocab):
        if known[i] and is_valid(w):
            for cand, lp in channel.candidates(w, lambda c: bool(known[index[c]]) if c in index else False
                                               )[:MAX_CANDIDATES]:
                src.append(i)
                dst.append(index[cand])
                clp.append(lp)
    # two-rewrite candidates of the non-words Tesseract wrote in the training pages ("kiêm", "nhiêm"):
    # the same engine writes the same non-words again, and this search is the decoder's costliest step
    syllables = frozenset(w for i, w in enumerate(vocab) if known[i] and is_valid(w))
    prefixes = frozenset(w[:k] for w in syllables for k in range(len(w) + 1))
    suffixes = frozenset(w[k:] for w in syllables for k in range(len(w) + 1))
    ocr_words: collections.Counter[str] = collections.Counter()
    for line in (ROOT / "bench" / "data" / "ocr_train.jsonl").read_text(encoding="utf-8").splitlines():
        ocr_words.update(t for t in lm_tokens(json.loads(line)["ocr"]) if t.isalpha())
    deep_words = sorted(w for w in ocr_words if w not in syllables and len(w) <= 12
                        and all(ord(ch) <= 0x24F or 0x1E00 <= ord(ch) <= 0x1EFF for ch in w))
    deep_ptr = [0]
    deep_dst: list[int] = []
    deep_lp: list[float] = []
    for w in deep_words:
        for cand, lp in channel.candidates(w, syllables.__contains__, deep=True, vocab=syllables,
                                           prefixes=prefixes, suffixes=suffixes)[:MAX_CANDIDATES]:
            deep_dst.append(index[cand])
            deep_lp.append(lp)
        deep_ptr.append(len(deep_dst))

    OUT.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT / "repair_vi.npz",
        vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
        uni=uni_lp,
        known=known,
        cand_src=np.array(src, dtype=np.int32), cand_dst=np.array(dst, dtype=np.int32),
        cand_lp=np.array(clp, dtype=np.float32),
        deep_words=np.frombuffer("\n".join(deep_words).encode("utf-8"), dtype=np.uint8),
        deep_ptr=np.array(deep_ptr, dtype=np.int32), deep_dst=np.array(deep_dst, dtype=np.int32),
        deep_lp=np.array(deep_lp, dtype=np.float64),  # exactly the scores the decoder would compute
        bi_keys=bk[bmask], bi_lp=b_lp[bmask].astype(np.float16),
        tri_keys=tk[tmask], tri_lp=t_lp[tmask].astype(np.float16),
    )
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip()
    meta = {
        "name": "dondoc.repair.vi_ocr.v1",
        "built_with": f"scripts/build_repair_model.py at {commit}",
        "lm": {"order": 3, "smoothing": "stupid backoff (alpha 0.4)", "vocab": len(vocab),
               "tokens": int(corpus_total), "bigrams": int(bmask.sum()), "trigrams": int(tmask.sum()),
               "min_trigram_count": args.min_trigram},
        "inputs": {
            "texts": f"{len(files)} files from shared/data/official and shared/data/directives-vbpl "
                     f"({n_chars} chars); Vietnamese official documents, not protected by copyright "
                     "(Law on Intellectual Property 2005, Art. 15)",
            "excluded_dev_documents": excluded,
            "lexicon": "vi_full.txt from hermitdave/FrequencyWords (OpenSubtitles 2018), "
                       "licensed CC BY-SA 4.0 — https://github.com/hermitdave/FrequencyWords; "
                       "the unigram prior and vocabulary derived from it are shared alike under CC BY-SA 4.0",
            "wordlist": "Viet74K.txt from underthesea (Apache-2.0)",
            "confusions": "bench/data/ocr_train.jsonl: pages rendered from shared/data/official and "
                          "OCR'd with Tesseract 5 vie (scripts/make_ocr_pairs.py)",
            "precomputed_nonwords": f"{len(deep_words)} non-words of the OCR side of bench/data/ocr_train.jsonl "
                                    "(their channel candidates, computed here so decoding need not)",
        },
        "license": "n-gram counts: derived from public-domain official texts; the lexicon-derived "
                   "unigram prior: CC BY-SA 4.0 (attribution: hermitdave/FrequencyWords, OpenSubtitles)",
        "confusion_rates": rates,
        "confusions": [[a, b, c, d] for a, b, c, d in confusions],  # truth, ocr, count, truth count
    }
    (OUT / "repair_vi.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    size = (OUT / "repair_vi.npz").stat().st_size
    print(f"vocab {len(vocab)}  bigrams {int(bmask.sum())}  trigrams {int(tmask.sum())}  "
          f"confusions {len(confusions)}  npz {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
