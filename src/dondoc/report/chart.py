"""The report's chart: the four buckets per unit as horizontal stacked bars (PNG bytes).

Drawn with matplotlib's Agg backend (no display needed) through the object API only, so that
rendering never touches pyplot's global figure state and is safe from a web worker thread.
DejaVu Sans, matplotlib's bundled font, has every Vietnamese glyph.
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from dondoc.report.data import BUCKET_LABELS, BUCKETS, ReportData

__all__ = ["BUCKET_COLORS", "render_chart"]

BUCKET_COLORS: dict[str, str] = {
    "done_on_time": "#2e7d32",
    "done_late": "#9ccc65",
    "open_not_due": "#90a4ae",
    "open_overdue": "#c62828",
}
MAX_UNITS = 15


def render_chart(data: ReportData, *, width_in: float = 6.3, dpi: int = 150) -> bytes:
    """PNG of the bucket counts of the ``MAX_UNITS`` first-ranked units (all units if fewer)."""
    units = list(data.units[:MAX_UNITS])
    names = [_short(u.unit) for u in units][::-1]
    height_in = max(2.2, 1.2 + 0.3 * len(units))
    fig = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    left = [0] * len(units)
    for bucket in BUCKETS:
        values = [u.counts.get(bucket) for u in units][::-1]
        ax.barh(names, values, left=left, color=BUCKET_COLORS[bucket], label=BUCKET_LABELS[bucket],
                height=0.6)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlabel("Số nhiệm vụ", fontsize=8)
    ax.tick_params(labelsize=8)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=7, frameon=False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _short(name: str, limit: int = 32) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
