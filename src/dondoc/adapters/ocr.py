"""OCR engines behind one small Protocol: Tesseract (pytesseract) for real, a fake for tests.

An *OCR page* is the recognised text of one page image as a sequence of *lines*, each with its
bounding box as fractions of the image size (``x0, y0, x1, y1`` in ``[0, 1]``, origin top-left), so
the box can be drawn on any rendering of the page, whatever its resolution.

Tesseract's page segmentation (``--psm 3``) finds text blocks, so a two-column letterhead (issuer
on the left, national motto on the right) comes out block by block: the left column, then the right
one. We read its TSV output (``image_to_data``) rather than plain text to keep line boxes.
"""

from __future__ import annotations

import itertools
import shutil
from dataclasses import dataclass, field
from typing import Protocol

from PIL import Image

from dondoc.adapters.layout import Segment, order_columns
from dondoc.errors import DependencyError

__all__ = [
    "INSTALL_HINT",
    "FakeOcrEngine",
    "OcrEngine",
    "OcrLine",
    "OcrPage",
    "TesseractEngine",
    "tesseract_available",
]

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One recognised line: its text, box (fractions of the page, top-left origin), mean confidence 0-1."""

    text: str
    box: Box
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class OcrPage:
    """The lines of one page in reading order; blocks are separated by an empty-text line."""

    lines: tuple[OcrLine, ...]
    width: int = 0
    height: int = 0

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class OcrEngine(Protocol):
    """Anything that turns a page image into an ``OcrPage``."""

    name: str

    def recognize(self, image: Image.Image) -> OcrPage: ...


def tesseract_available(lang: str = "vie") -> bool:
    """True when the tesseract binary and the ``lang`` model are installed."""
    if shutil.which("tesseract") is None:
        return False
    import pytesseract

    try:
        return lang in pytesseract.get_languages(config="")
    except Exception:
        return False


@dataclass(slots=True)
class TesseractEngine:
    """Tesseract through pytesseract. Checks for the binary and model on first use."""

    lang: str = "vie"
    psm: int = 3
    name: str = "tesseract"
    _checked: bool = field(default=False, repr=False)

    def _check(self) -> None:
        if self._checked:
            return
        if shutil.which("tesseract") is None:
            raise DependencyError(f"OCR needs the tesseract program; install it: {INSTALL_HINT}")
        if not tesseract_available(self.lang):
            raise DependencyError(
                f"OCR needs the Tesseract '{self.lang}' model; install it: {INSTALL_HINT}"
            )
        self._checked = True

    def recognize(self, image: Image.Image) -> OcrPage:
        import pytesseract

        self._check()
        data = pytesseract.image_to_data(
            image, lang=self.lang, config=f"--psm {self.psm}", output_type=pytesseract.Output.DICT
        )
        return _page_from_tsv(data, image.width, image.height)


def _page_from_tsv(data: dict[str, list], width: int, height: int) -> OcrPage:
    """Group Tesseract's words into lines (block, paragraph, line), split lines at wide gaps and put
    two-column runs in reading order (``order_columns``); a blank line separates blocks."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if data["level"][i] == 5 and str(word).strip():
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            groups.setdefault(key, []).append(i)
    w, h = max(width, 1), max(height, 1)
    blank = OcrLine("", (0.0, 0.0, 0.0, 0.0), 1.0)
    blocks: dict[int, list[list[Segment]]] = {}
    for key, idx in groups.items():  # dicts keep Tesseract's reading order
        idx = sorted(idx, key=lambda i: data["left"][i])
        line_h = max(data["height"][i] for i in idx)
        segs: list[list[int]] = [[idx[0]]]
        for prev, cur in itertools.pairwise(idx):
            gap = data["left"][cur] - (data["left"][prev] + data["width"][prev])
            if gap > 2.5 * line_h:
                segs.append([cur])
            else:
                segs[-1].append(cur)
        blocks.setdefault(key[0], []).append([_segment(data, s) for s in segs])
    lines: list[OcrLine] = []
    for block_lines in blocks.values():
        if lines:
            lines.append(blank)
        for line in order_columns(block_lines, float(w)):
            left = min(s.left for s in line)
            right = max(s.right for s in line)
            top = min(s.top for s in line)
            bottom = max(s.bottom for s in line)
            confs = [c for s in line if isinstance(s, _WordSegment) for c in s.confidences]
            box = (round(left / w, 4), round(top / h, 4), round(right / w, 4), round(bottom / h, 4))
            text = " ".join(s.text for s in line)
            lines.append(OcrLine(text, box, round(sum(confs) / len(confs) / 100, 3) if confs else 0.0))
    return OcrPage(tuple(lines), width, height)


@dataclass(slots=True)
class _WordSegment(Segment):
    confidences: tuple[float, ...] = ()


def _segment(data: dict[str, list], idx: list[int]) -> Segment:
    confs = tuple(float(data["conf"][i]) for i in idx if float(data["conf"][i]) >= 0)
    return _WordSegment(
        " ".join(str(data["text"][i]).strip() for i in idx),
        float(min(data["left"][i] for i in idx)),
        float(max(data["left"][i] + data["width"][i] for i in idx)),
        float(min(data["top"][i] for i in idx)),
        float(max(data["top"][i] + data["height"][i] for i in idx)),
        confs,
    )


@dataclass(slots=True)
class FakeOcrEngine:
    """In-memory engine for tests: returns the given pages in turn (or one text for every page)."""

    pages: list[str] = field(default_factory=list)
    name: str = "fake"
    calls: int = 0

    def recognize(self, image: Image.Image) -> OcrPage:
        text = self.pages[self.calls % len(self.pages)] if self.pages else ""
        self.calls += 1
        rows = text.split("\n")
        n = max(len(rows), 1)
        lines = tuple(
            OcrLine(row, (0.05, round(i / n, 4), 0.95, round((i + 1) / n, 4)), 1.0)
            for i, row in enumerate(rows)
        )
        return OcrPage(lines, image.width, image.height)
