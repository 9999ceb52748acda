"""The recall audit: passages cut at line ends, labels scored inside their passage."""

import json

from bench.recall_audit import gold_of, passage_bounds, tally

DOC = (
    "Điều 5. Trách nhiệm của Bộ Tài chính\n"
    "1. Hướng dẫn các địa phương triển khai thực hiện Nghị định này.\n"
    "2. Kiểm tra việc thực hiện.\n"
    "Điều 6. Trách nhiệm của Bộ Y tế\n"
    "1. Kiểm tra việc thực hiện.\n"
    "Điều 7. Hiệu lực thi hành\n"
    "Nghị định này có hiệu lực kể từ ngày ký.\n"
)


def test_passage_bounds_cut_at_line_ends():
    lo, hi = passage_bounds(DOC, DOC.index("Hướng dẫn") + 5, 40)
    assert DOC[lo:].startswith("1. Hướng dẫn")
    assert DOC[hi] == "\n" and hi > lo + 40
    assert passage_bounds(DOC, 0, 10_000) == (0, len(DOC))


def test_a_quote_is_located_inside_its_passage_not_before_it():
    lo = DOC.index("Điều 6")
    passage = {"start": lo, "end": len(DOC)}
    label = {"tasks": [{"quote": "Kiểm tra việc thực hiện", "leads": ["Bộ Y tế"]}, {"quote": "Thanh tra"}]}
    gold, lost = gold_of(passage, label, DOC)
    (task,) = gold["tasks"]
    assert task["occurrence"] == 2  # the first "Kiểm tra …" is Bộ Tài chính's, before the passage
    assert lost == ["Thanh tra"]


def test_tally_scores_recall_precision_and_leads_inside_passages(tmp_path, capsys):
    data = tmp_path / "data"
    (data / "official").mkdir(parents=True)
    (data / "official" / "doc.txt").write_text(DOC, encoding="utf-8")
    audit = tmp_path / "audit"
    audit.mkdir()
    lo, hi = 0, DOC.index("Điều 7")
    passage = {"id": "P001", "set": "tune", "file": "official/doc.txt", "start": lo, "end": hi}
    (audit / "passages.jsonl").write_text(json.dumps(passage, ensure_ascii=False) + "\n", encoding="utf-8")
    tasks = [
        {"quote": "Hướng dẫn các địa phương", "leads": ["Bộ Tài chính"]},
        {"quote": "Kiểm tra việc thực hiện", "leads": ["Bộ Tài chính"]},
        {"quote": "Kiểm tra việc thực hiện", "occurrence": 2, "leads": ["Bộ Y tế"]},
    ]
    (audit / "labels-1.jsonl").write_text(json.dumps({"id": "P001", "tasks": tasks}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "r.json"
    assert tally([audit], out, show=True, data=data) == 0
    (row,) = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert (row["set"], row["passages"], row["gold"], row["matched"]) == ("tune", 1, 3, 3)
    assert row["recall"] == 1.0 and row["owner_accuracy"] == 1.0
    assert "MISSED" not in capsys.readouterr().out


def test_tally_refuses_a_folder_without_labels(tmp_path):
    (tmp_path / "passages.jsonl").write_text("", encoding="utf-8")
    assert tally([tmp_path], None, show=False, data=tmp_path) == 2
