from pathlib import Path

import pytest

from dondoc.adapters.pdf import EncryptedPdfError, open_pdf, page_text
from dondoc.errors import EmptyInputError, UnsupportedFormatError
from tests.adapters.pdf_samples import minimal_pdf

PDF_DIR = Path("/work/shared/data/official-pdf")
if not PDF_DIR.exists():
    PDF_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "official-pdf"


@pytest.mark.skipif(not PDF_DIR.exists(), reason="shared PDFs not available")
def test_two_column_letterhead_in_reading_order():
    with open_pdf(str(PDF_DIR / "thong-tu-so-01-2026-tt-btc-468744.pdf")) as doc:
        lines = page_text(doc, 0).split("\n")
    # pdfium puts "BỘ TÀI CHÍNH" and the motto on one line; we split the columns.
    assert "BỘ TÀI CHÍNH" in lines
    assert lines.index("BỘ TÀI CHÍNH") < lines.index("Số: 01/2026/TT-BTC")
    assert lines.index("Số: 01/2026/TT-BTC") < lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "Hà Nội, ngày 01 tháng 01 năm 2026" in lines


def test_bad_pdfs():
    with pytest.raises(EncryptedPdfError, match="password"), open_pdf(minimal_pdf(encrypted=True)):
        pass
    with pytest.raises(EmptyInputError, match="no pages"), open_pdf(minimal_pdf(pages=0)):
        pass
    with pytest.raises(UnsupportedFormatError, match="damaged"), open_pdf(b"%PDF-1.4\ngarbage"):
        pass
