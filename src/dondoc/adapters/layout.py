"""Reading order for two-column runs of lines (letterheads), shared by the PDF and OCR readers.

A *segment* is a piece of one visual line separated from its neighbours by a wide horizontal gap.
Vietnamese official documents open with two columns: issuer, number and place on the left; the
national motto (or Party name) and the date on the right. Text extraction (pdfium) and Tesseract
both tend to read such a line straight across ("BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI..."). ``order_columns``
finds runs of lines that split into a left and a right part and emits the left column, then the
right one; every other line is kept as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Segment", "order_columns"]


@dataclass(slots=True)
class Segment:
    """Text of a line piece with its horizontal extent; ``top``/``bottom`` are optional."""

    text: str
    left: float
    right: float
    top: float = 0.0
    bottom: float = 0.0


def order_columns(lines: list[list[Segment]], page_width: float) -> list[list[Segment]]:
    """Lines (each a list of segments, left to right) in reading order; see the module docstring."""
    mid = page_width / 2

    def split(segs: list[Segment]) -> bool:
        return len(segs) >= 2 and segs[0].right < mid + 0.1 * page_width and segs[-1].left > mid * 0.8

    out: list[list[Segment]] = []
    i = 0
    while i < len(lines):
        if not split(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        left_col: list[list[Segment]] = []
        right_col: list[list[Segment]] = []
        while i < len(lines):
            segs = lines[i]
            if len(segs) >= 2 and segs[0].right < mid + 0.1 * page_width:
                boundary = segs[0].right
                left_col.append([s for s in segs if s.right <= boundary])
                right_col.append([s for s in segs if s.right > boundary])
            elif len(segs) == 1 and segs[0].right < mid:
                left_col.append(segs)
            elif len(segs) == 1 and segs[0].left > mid * 0.8:
                right_col.append(segs)
            else:
                break
            i += 1
        out.extend(left_col)
        out.extend(right_col)
    return out
