"""Render Vietnamese texts, OCR them with Tesseract ``vie`` and keep (truth, OCR) line pairs.

Why: the OCR-repair channel model must learn the errors a real engine makes on real Vietnamese
(tone and vowel-mark swaps such as kiểm→kiếm, tăng→tầng), and the benchmark needs a dev set of
OCR'd documents the language model never saw. Nothing here ships at run time.

Inputs: ``../shared/data/official/**.txt`` and ``../shared/data/directives-vbpl/*.txt`` (official
documents, Art. 15 of the IP law; see ``shared/data/SOURCES.md``). The Hải Phòng sample is never used.

Outputs (JSON lines, one object per rendered page, ``{"doc", "profile", "font", "truth", "ocr"}``):
  * ``bench/data/ocr_dev.jsonl``   pages from the DEV documents (listed in ``bench/data/dev_docs.txt``,
    which ``scripts/build_repair_model.py`` excludes from the language model);
  * ``bench/data/ocr_train.jsonl`` pages from other documents, for the confusion table.

Fonts: DejaVu (always installed) plus Liberation if present (``apt-get install -y fonts-liberation``).
Degradation profiles (blur, noise, low resolution, JPEG) are drawn per page with a fixed seed.

CPU-heavy: run it under ``nice`` with a page budget and a wall-clock budget, e.g.
``nice -n 15 .venv/bin/python scripts/make_ocr_pairs.py --train-pages 150 --dev-pages 40 --max-seconds 900``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import time
from pathlib import Path

import pytesseract
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
DEV_LIST = ROOT / "bench" / "data" / "dev_docs.txt"
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
]
# Liberation 1.x (fonts-liberation) lacks glyphs for stacked Vietnamese marks (ấ, ể): Pillow then draws
# bare letters and the "OCR errors" are rendering errors, so only Liberation 2 is used.
# name -> (font px, blur radius, gaussian noise sigma, downscale factor, jpeg quality)
PROFILES: dict[str, tuple[int, float, float, float, int]] = {
    "clean": (30, 0.0, 0.0, 1.0, 95),
    "blur": (28, 1.1, 0.0, 1.0, 90),
    "noise": (28, 0.4, 28.0, 1.0, 85),
    "lowres": (30, 0.3, 6.0, 0.5, 80),
    "small": (20, 0.5, 8.0, 1.0, 75),
    "blur2": (26, 1.6, 10.0, 1.0, 70),
    "lowres2": (30, 0.6, 12.0, 0.4, 70),
}


def all_documents() -> list[Path]:
    docs = sorted((DATA / "official").rglob("*.txt")) + sorted((DATA / "directives-vbpl").glob("*.txt"))
    return [d for d in docs if d.stat().st_size > 3000]


def dev_documents(docs: list[Path]) -> list[Path]:
    """Every 37th document (deterministic) is held out of the language model for the benchmark."""
    return docs[5::37]


def pages_of(path: Path, lines_per_page: int, rng: random.Random) -> list[str]:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    # Gazette headers and table cells are not running text; keep lines that read like prose.
    lines = [ln for ln in lines if len(ln) >= 25 and not ln.startswith("CÔNG BÁO") and len(ln) <= 95]
    chunks = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    rng.shuffle(chunks)
    return ["\n".join(c) for c in chunks if len(c) >= lines_per_page // 2]


def render(text: str, font_path: str, profile: str, rng: random.Random) -> Image.Image:
    size, blur, noise, scale, quality = PROFILES[profile]
    font = ImageFont.truetype(font_path, size)
    lines = text.split("\n")
    line_h = int(size * 1.5)
    width = max(int(font.getlength(ln)) for ln in lines) + 2 * size
    img = Image.new("L", (width, line_h * len(lines) + 2 * size), 255)
    draw = ImageDraw.Draw(img)
    for i, ln in enumerate(lines):
        draw.text((size, size + i * line_h), ln, font=font, fill=rng.randint(0, 40))
    if rng.random() < 0.5:
        img = img.rotate(rng.uniform(-0.6, 0.6), expand=True, fillcolor=255)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        noise_img = Image.effect_noise(img.size, noise)
        img = Image.blend(img, noise_img, 0.25)
    if scale != 1.0:
        small = img.resize((int(img.width * scale), int(img.height * scale)), Image.Resampling.BILINEAR)
        img = small
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train-pages", type=int, default=150)
    ap.add_argument("--dev-pages", type=int, default=40)
    ap.add_argument("--lines-per-page", type=int, default=18)
    ap.add_argument("--max-seconds", type=float, default=900)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--profiles", default=",".join(PROFILES), help="comma-separated profile names")
    ap.add_argument("--suffix", default="", help="appended to the output file names")
    args = ap.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    rng = random.Random(args.seed)
    fonts = [f for f in FONT_CANDIDATES if Path(f).exists()]
    profiles = args.profiles.split(",")
    docs = all_documents()
    dev = dev_documents(docs)
    DEV_LIST.parent.mkdir(parents=True, exist_ok=True)
    DEV_LIST.write_text("".join(d.name + "\n" for d in dev), encoding="utf-8")
    dev_set = set(dev)
    train = [d for d in docs if d not in dev_set]
    rng.shuffle(train)
    deadline = time.monotonic() + args.max_seconds
    jobs: list[tuple[str, list[Path], int]] = [
        (f"ocr_dev{args.suffix}.jsonl", dev, args.dev_pages),
        (f"ocr_train{args.suffix}.jsonl", train, args.train_pages),
    ]
    for out_name, pool, budget in jobs:
        out = ROOT / "bench" / "data" / out_name
        n = 0
        # Dev pages are spread over all dev documents and all profiles, a few pages per document.
        per_doc = max(1, budget // max(1, len(pool))) if out_name.startswith("ocr_dev") else 1
        with out.open("w", encoding="utf-8") as fh:
            for doc in pool:
                for page in pages_of(doc, args.lines_per_page, rng)[:per_doc]:
                    if n >= budget or time.monotonic() > deadline:
                        break
                    profile = profiles[n % len(profiles)]
                    font = fonts[rng.randrange(len(fonts))]
                    img = render(page, font, profile, rng)
                    ocr = pytesseract.image_to_string(img, lang="vie", config="--psm 6")
                    rec = {"doc": doc.name, "profile": profile, "font": Path(font).stem,
                           "truth": page, "ocr": ocr.rstrip("\n\f ")}
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    fh.flush()
                    n += 1
                if n >= budget or time.monotonic() > deadline:
                    break
        print(f"{out_name}: {n} pages")


if __name__ == "__main__":
    main()
