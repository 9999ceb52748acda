"""``dondoc extract`` / ``repair`` / ``view`` through the real entry point."""

import json
from pathlib import Path

import pytest

from dondoc.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt"


def test_extract_prints_the_contract_json(capsys):
    assert main(["extract", str(SAMPLE), "--no-repair"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema_version"] == "1" and out["edits"] == [] and out["text"] == out["original_text"]
    assert out["source"]["format"] == "text" and len(out["source"]["sha256"]) == 64


def test_extract_reads_stdin(capsys, monkeypatch):
    import io
    import sys

    data = "KẾT LUẬN\n\n1. Nhiệm vụ\n\n1.1. Bộ Tài chính chủ trì xây dựng đề án trước ngày 30/9/2021.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    assert main(["extract", "-", "--no-repair"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["tasks"][0]["due"]["date"] == "2021-09-30"


def test_repair_keeps_line_structure(capsys):
    assert main(["repair", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == SAMPLE.read_text(encoding="utf-8").count("\n")
    assert main(["repair", str(SAMPLE), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    for e in payload["edits"]:
        assert payload["original_text"][e["start"] : e["end"]] == e["original"]


def test_view_writes_json(tmp_path, capsys):
    out = tmp_path / "r.json"
    assert main(["view", str(SAMPLE), "--out", str(out)]) == 0
    assert "Nhiệm vụ" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["document"]["kind"] == "ket_luan"


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"\x00\x01\x02binary\x00" * 10, "binary", id="binary"),
        pytest.param(b"\xff\xfe" + "xin chào".encode("utf-16-le") + b"\x00\xd8", "", id="undecodable"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, content, needle):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    assert main(["extract", str(f)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("dondoc: error:") and needle in err
    assert "Traceback" not in err


def test_missing_file_and_oversize(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    assert main(["extract", str(big)]) == 2
    assert "MB" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["extract"], ["extract", "--bogus", "x"], ["no-such-command"]], ids=["missing", "option", "command"])
def test_usage_errors_exit_2_without_traceback(capsys, args):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error" in err
