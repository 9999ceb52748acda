import io
from pathlib import Path

import pytest
from PIL import Image

from dondoc.adapters.ocr import FakeOcrEngine
from dondoc.cli import main
from dondoc.core.legacy_encoding import encode_tcvn3, encode_vni
from dondoc.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    UnsupportedFormatError,
)
from dondoc.stages.ingest import ingest_bytes, ingest_path
from tests.adapters.pdf_samples import minimal_pdf
from tests.adapters.render import render_lines

PDF_DIR = Path("/work/shared/data/official-pdf")
PDFS = sorted(PDF_DIR.glob("*.pdf")) if PDF_DIR.exists() else []
TEXT = "Sở Tài chính chủ trì, phối hợp với các sở, ngành hoàn thành trước ngày 30/9/2021."


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem[:40] for p in PDFS])
def test_real_pdfs_text_layer(pdf):
    ing = ingest_path(pdf)
    assert ing.format == "pdf" and ing.ocr is False
    assert ing.pages == len(ing.page_spans) >= 2
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in ing.text
    # page spans tile the text: consecutive, one "\n" between pages, every character has a page
    assert ing.page_spans[0].start == 0 and ing.page_spans[-1].end == len(ing.text)
    for a, b in zip(ing.page_spans, ing.page_spans[1:], strict=False):
        assert b.start == a.end + 1 and ing.text[a.end] == "\n"
    assert ing.page_of(len(ing.text) - 1) == ing.pages
    src = ing.source_json()
    assert src["pages"] == ing.pages and src["ocr"] is False and src["format"] == "pdf"


def test_scanned_pdf_pages_go_to_ocr():
    img = render_lines(["dummy"], dpi=72)
    buf = io.BytesIO()
    img.save(buf, format="PDF", save_all=True, append_images=[img], resolution=72)
    fake = FakeOcrEngine(pages=["Trang một\nnội dung", "Trang hai"])
    ing = ingest_bytes(buf.getvalue(), name="scan.pdf", ocr=fake)
    assert ing.text == "Trang một\nnội dung\nTrang hai"
    assert ing.ocr and ing.pages == 2 and fake.calls == 2
    assert [(p.page, p.start, p.end, p.ocr) for p in ing.page_spans] == [(1, 0, 18, True), (2, 19, 28, True)]
    assert [ing.text[ln.start : ln.end] for ln in ing.lines] == ["Trang một", "nội dung", "Trang hai"]
    assert ing.lines[2].page == 2
    assert ing.source_json()["lines"][0]["box"] == list(ing.lines[0].box)


def test_image_via_fake_ocr_and_multipage_tiff():
    pages = [render_lines([f"Trang {i}"], dpi=100) for i in (1, 2)]
    buf = io.BytesIO()
    pages[0].save(buf, format="TIFF", save_all=True, append_images=pages[1:])
    ing = ingest_bytes(buf.getvalue(), name="scan.tif", ocr=FakeOcrEngine(pages=["A", "B"]))
    assert ing.format == "image" and ing.pages == 2 and ing.text == "A\nB"


def _docx_with_plan() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH thực hiện Kết luận số 09-KL/TU")
    t = d.add_table(rows=3, cols=4)
    rows = [
        ("Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"),
        ("Xây dựng 17 công viên", "UBND thành phố", "Sở Xây dựng", "Quý II/2021"),
        ("Khởi công cầu Bến Rừng", "Sở Giao thông vận tải", "", "trước ngày 30/9/2021"),
    ]
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            t.cell(r, c).text = v
    d.add_paragraph("Nơi nhận:")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_plan_table():
    ing = ingest_bytes(_docx_with_plan(), name="plan.docx")
    assert ing.format == "docx"
    lines = ing.text.split("\n")
    assert lines[0] == "KẾ HOẠCH thực hiện Kết luận số 09-KL/TU"
    assert lines[2] == "Xây dựng 17 công viên | UBND thành phố | Sở Xây dựng | Quý II/2021"
    assert lines[-1] == "Nơi nhận:"
    (table,) = ing.tables
    cells = table.cell_texts(ing.text)
    assert cells[0] == ["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
    assert cells[2] == ["Khởi công cầu Bến Rừng", "Sở Giao thông vận tải", "", "trước ngày 30/9/2021"]
    assert table.span.slice(ing.text).count("\n") == 2
    assert ing.source_json()["tables"][0]["rows"][1][3] == [table.rows[1][3].start, table.rows[1][3].end]


def test_docx_in_vni_font_is_converted():
    import docx

    d = docx.Document()
    d.add_paragraph(encode_vni(TEXT).decode("cp1252"))
    buf = io.BytesIO()
    d.save(buf)
    ing = ingest_bytes(buf.getvalue(), name="old.docx")
    assert ing.text == TEXT and ing.encoding == "vni"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (encode_tcvn3(TEXT), "tcvn3"),
        (encode_vni(TEXT), "vni"),
        (encode_vni(TEXT).decode("cp1252").encode("utf-8"), "utf-8+vni"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "tcvn3", "vni", "vni-in-utf8"],
)
def test_text_encodings(data, encoding):
    ing = ingest_bytes(data, name="a.txt")
    assert ing.text == TEXT and ing.encoding == encoding


def test_decomposed_text_is_composed():
    import unicodedata

    ing = ingest_bytes(unicodedata.normalize("NFD", TEXT).encode("utf-8"), name="nfd.txt")
    assert ing.text == TEXT


@pytest.mark.parametrize(
    ("data", "name", "error", "message"),
    [
        (b"", "a.txt", EmptyInputError, "empty"),
        (b"\x00\x01\x02binary\x00\xff" * 10, "a.bin", BinaryInputError, "binary"),
        (bytes(range(0x80, 0x100)) * 4, "a.txt", EncodingError, "UTF-8"),
        (minimal_pdf(encrypted=True), "a.pdf", InputError, "password"),
        (minimal_pdf(pages=0), "a.pdf", EmptyInputError, "no pages"),
        (b"%PDF-1.7\n\x00garbage", "a.pdf", UnsupportedFormatError, "damaged"),
        (minimal_pdf(pages=1), "blank.pdf", InputError, None),
        (b"PK\x03\x04rest-of-a-zip", "a.xlsx", UnsupportedFormatError, ".docx"),
        (b"PK\x03\x04not a docx", "a.docx", UnsupportedFormatError, "DOCX"),
        (b"\xd0\xcf\x11\xe0old word", "a.doc", UnsupportedFormatError, ".docx"),
        (b"\x89PNG\r\n\x1a\ntruncated", "a.png", UnsupportedFormatError, "image"),
    ],
    ids=["empty", "binary", "unknown-8bit", "encrypted", "zero-pages", "corrupt-pdf", "blank-page",
         "xlsx", "bad-docx", "doc", "bad-png"],
)
def test_bad_input(data, name, error, message):
    with pytest.raises(error, match=message):
        ingest_bytes(data, name=name, ocr=FakeOcrEngine(pages=[""]))


def test_limits():
    with pytest.raises(InputTooLargeError, match="limit"):
        ingest_bytes(TEXT.encode(), name="a.txt", max_bytes=10)
    with pytest.raises(InputTooLargeError, match="pages"):
        ingest_bytes(minimal_pdf(pages=3), name="a.pdf", max_pages=2)
    buf = io.BytesIO()
    Image.new("1", (12000, 12000), 1).save(buf, format="PNG")
    with pytest.raises(InputTooLargeError, match="too large"):
        ingest_bytes(buf.getvalue(), name="bomb.png", ocr=FakeOcrEngine())


def test_cli_bad_input_exit_2(tmp_path, capsys):
    bad = tmp_path / "locked.pdf"
    bad.write_bytes(minimal_pdf(encrypted=True))
    assert main(["batch", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
