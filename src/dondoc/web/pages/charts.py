"""Server-rendered SVG charts for the dashboard (no JavaScript, no image files).

Each function takes plain numbers and returns an ``<svg>`` string that templates embed as is
(``Markup``): every text in it is escaped here. Colours are the bucket colours of ``dondoc.css``.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from markupsafe import Markup

__all__ = ["COLOURS", "bucket_bars", "change_bars"]

COLOURS = {
    "done_on_time": "#2f8f4e",
    "done_late": "#c27c0e",
    "open_not_due": "#1f5fa8",
    "open_overdue": "#c0392b",
}
_ORDER = ("done_on_time", "done_late", "open_not_due", "open_overdue")


def _short(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def bucket_bars(rows: Sequence[dict[str, Any]], *, labels: dict[str, str], width: int = 640) -> Markup:
    """One horizontal stacked bar per row (``{"unit", <bucket>: n, ...}``), scaled to the largest total."""
    label_w, bar_h, gap, top = 230, 18, 8, 4
    height = top + len(rows) * (bar_h + gap) + 24
    biggest = max((sum(int(r.get(b, 0)) for b in _ORDER) for r in rows), default=0) or 1
    scale = (width - label_w - 40) / biggest
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="Số nhiệm vụ theo đơn vị và tình trạng">'
    ]
    for i, r in enumerate(rows):
        y = top + i * (bar_h + gap)
        name = str(r.get("unit", ""))
        parts.append(f'<text x="{label_w - 6}" y="{y + bar_h - 5}" text-anchor="end"><title>{escape(name)}</title>'
                     f"{escape(_short(name))}</text>")
        x = float(label_w)
        total = 0
        for b in _ORDER:
            n = int(r.get(b, 0))
            total += n
            if n:
                w = n * scale
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS[b]}">'
                             f"<title>{escape(name)}: {escape(labels[b])} {n}</title></rect>")
                x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + bar_h - 5}">{total}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def change_bars(rows: Sequence[tuple[str, float, str]], *, width: int = 640) -> Markup:
    """Bars of percentage change around a zero line: ``(name, change_pct, colour)`` per row."""
    label_w, bar_h, gap, top = 260, 16, 8, 4
    height = top + len(rows) * (bar_h + gap) + 20
    biggest = max((abs(v) for _, v, _ in rows), default=0) or 1
    half = (width - label_w - 60) / 2
    zero = label_w + 10 + half
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="Mức tăng, giảm của các chỉ tiêu so với cùng kỳ">',
        f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height - 16}" stroke="#9aa5b1"/>',
    ]
    for i, (name, value, colour) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = abs(value) / biggest * half
        x = zero if value >= 0 else zero - w
        shown = f"{value:+.2f}%".replace(".", ",")
        parts.append(f'<text x="{label_w - 6}" y="{y + bar_h - 4}" text-anchor="end"><title>{escape(name)}</title>'
                     f"{escape(_short(name, 38))}</text>")
        parts.append(f'<rect x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" height="{bar_h}" fill="{colour}">'
                     f"<title>{escape(name)}: {shown}</title></rect>")
        tx = x + w + 4 if value >= 0 else x - 4
        anchor = "start" if value >= 0 else "end"
        parts.append(f'<text x="{tx:.1f}" y="{y + bar_h - 4}" text-anchor="{anchor}">{shown}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
