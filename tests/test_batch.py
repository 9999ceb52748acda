import json
import shutil
from pathlib import Path

from dondoc.batch import run_batch
from dondoc.cli import main
from tests.adapters.pdf_samples import minimal_pdf

SAMPLE = Path("examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt")
PDF = Path("/work/shared/data/official-pdf/thong-tu-so-02-2026-tt-btc-468745.pdf")


def _tree(root: Path) -> Path:
    (root / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, root / "sub" / SAMPLE.name)
    if PDF.exists():
        shutil.copy(PDF, root / PDF.name)
    (root / "locked.pdf").write_bytes(minimal_pdf(encrypted=True))
    (root / "notes.xyz").write_text("ignored")
    return root


def _source_only(ingested):
    return {"source": ingested.source_json(), "text": ingested.text}


def test_batch_cli_end_to_end_and_resume(tmp_path, capsys):
    src, out = _tree(tmp_path / "in"), tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "--workers", "2"]) == 1  # locked.pdf failed
    doc = json.loads((out / "sub" / (SAMPLE.name + ".json")).read_text(encoding="utf-8"))
    assert doc["schema_version"] == "1" and doc["source"]["format"] == "text"
    failures = json.loads((out / "failures.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in failures] == ["locked.pdf"] and "password" in failures[0]["error"]
    if PDF.exists():
        pdf_doc = json.loads((out / (PDF.name + ".json")).read_text(encoding="utf-8"))
        assert pdf_doc["source"]["pages"] == 2
    assert "xong" in capsys.readouterr().err
    # second run: everything done is skipped
    result = run_batch(src, out, workers=1, extract_fn=_source_only)
    assert result.count("done") == 0 and result.count("skipped") == (2 if PDF.exists() else 1)


def test_batch_redoes_changed_files_and_limits_pages(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("Sở Tài chính chủ trì.", encoding="utf-8")
    (src / "big.pdf").write_bytes(minimal_pdf(pages=3))
    r1 = run_batch(src, out, workers=1, max_pages=2, extract_fn=_source_only)
    assert r1.count("done") == 1 and r1.count("failed") == 1
    assert "pages" in json.loads((out / "failures.json").read_text())[0]["error"]
    (src / "a.txt").write_text("Sở Xây dựng chủ trì.", encoding="utf-8")
    r2 = run_batch(src, out, workers=1, max_pages=2, extract_fn=_source_only)
    assert r2.count("done") == 1
    assert json.loads((out / "a.txt.json").read_text())["text"] == "Sở Xây dựng chủ trì."
