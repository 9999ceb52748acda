"""Render known text as page images, so OCR can be scored against the truth (CER)."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"


def render_lines(lines: list[str], *, dpi: int = 200, size_pt: float = 13, width_in: float = 8.27) -> Image.Image:
    """Black text on white, one line per item, at ``dpi`` (A4 width)."""
    px = round(size_pt / 72 * dpi)
    font = ImageFont.truetype(FONT, px)
    w = round(width_in * dpi)
    h = max(round(3 * dpi), round(len(lines) * px * 1.6 + 2 * dpi))
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    y = dpi // 2
    for line in lines:
        draw.text((dpi // 2, y), line, font=font, fill=0)
        y += round(px * 1.6)
    img.info["dpi"] = (dpi, dpi)
    return img


def render_header(left: list[str], right: list[str], body: list[str], *, dpi: int = 200) -> Image.Image:
    """A two-column letterhead (issuer left, motto right) above body lines."""
    px = round(12 / 72 * dpi)
    font = ImageFont.truetype(FONT_BOLD, px)
    body_font = ImageFont.truetype(FONT, px)
    w, h = round(8.27 * dpi), round(4 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    y = dpi // 2
    for i in range(max(len(left), len(right))):
        if i < len(left):
            draw.text((dpi // 2, y), left[i], font=font, fill=0)
        if i < len(right):
            draw.text((round(w * 0.45), y), right[i], font=font, fill=0)
        y += round(px * 1.6)
    y += px
    for line in body:
        draw.text((dpi // 2, y), line, font=body_font, fill=0)
        y += round(px * 1.6)
    img.info["dpi"] = (dpi, dpi)
    return img


def degrade(img: Image.Image, *, angle: float = 2.5, scale: float = 0.75, border: int = 40) -> Image.Image:
    """Simulate a poor scan: rotation, lower resolution, grey uneven background, dark margins."""
    import numpy as np

    out = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    out = out.resize((round(out.width * scale), round(out.height * scale)), Image.Resampling.BILINEAR)
    arr = np.asarray(out, dtype=np.float32)
    h, w = arr.shape
    gradient = np.linspace(0.55, 1.0, w, dtype=np.float32)[None, :]
    arr = arr * gradient
    rng = np.random.default_rng(0)
    arr = arr + rng.normal(0, 12, arr.shape)
    arr[:border, :] = 20
    arr[:, :border // 2] = 20
    result = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"), mode="L")
    dpi = round(img.info.get("dpi", (200, 200))[0] * scale)
    result.info["dpi"] = (dpi, dpi)
    return result


def cer(truth: str, got: str) -> float:
    """Character error rate after collapsing whitespace."""
    from rapidfuzz.distance import Levenshtein

    a, b = " ".join(truth.split()), " ".join(got.split())
    return Levenshtein.distance(a, b) / max(len(a), 1)
