"""OCR through the real Tesseract ``vie`` model (marked ``ocr``; a few seconds each)."""

import io
from pathlib import Path

import pytest

from dondoc.adapters.ocr import tesseract_available
from dondoc.stages.ingest import ingest_bytes, read_page
from tests.adapters.render import cer, degrade, render_header, render_lines

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(not tesseract_available("vie"), reason="apt-get install tesseract-ocr tesseract-ocr-vie"),
]

LINES = [
    "Ban Thường vụ Thành ủy yêu cầu các cơ quan, đơn vị tập trung",
    "thực hiện tốt các nhiệm vụ trọng tâm Quý II năm 2021, trong đó",
    "đẩy nhanh tiến độ xây dựng cầu Bến Rừng và 17 công viên.",
]


def _png(img) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=img.info["dpi"])
    return buf.getvalue()


def test_ocr_of_rendered_page_with_line_boxes():
    ing = ingest_bytes(_png(render_lines(LINES, dpi=200)), name="page.png")
    assert ing.ocr and ing.format == "image"
    assert cer("\n".join(LINES), ing.text) < 0.15
    assert ing.lines and all(0 <= ln.box[0] < ln.box[2] <= 1 for ln in ing.lines)


def test_ocr_of_degraded_scan():
    ing = ingest_bytes(_png(degrade(render_lines(LINES, dpi=200))), name="scan.png")
    assert cer("\n".join(LINES), ing.text) < 0.15


def test_two_column_header_reading_order():
    img = render_header(["THÀNH ỦY HẢI PHÒNG", "Số 09-KL/TU"], ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hải Phòng, ngày 1 tháng 4"],
                        ["KẾT LUẬN của Ban Thường vụ Thành ủy"])
    text = ingest_bytes(_png(img), name="header.png").text
    assert text.index("THÀNH ỦY") < text.index("Số 09") < text.index("ĐẢNG CỘNG SẢN") < text.index("KẾT LUẬN")


@pytest.mark.skipif(not Path("/work/shared/data/official-pdf").exists(), reason="shared PDFs missing")
def test_scanned_gazette_page_against_its_text_layer():
    pdf = "/work/shared/data/official-pdf/thong-tu-so-02-2026-tt-btc-468745.pdf"
    truth = read_page(pdf, "pdf", 0)
    scanned = read_page(pdf, "pdf", 0, force_ocr=True, dpi=150, preprocess=False)
    assert scanned.ocr and not truth.ocr
    assert cer(truth.text, scanned.text) < 0.15
