"""The corpus audit's tally: counts and rates from label files."""

import json

from bench.corpus_audit import main, recheck
from bench.corpus_tasks import held_out_names


def test_tally_counts_tasks_reasons_and_owners(tmp_path, capsys):
    audit = tmp_path / "a"
    audit.mkdir()
    labels = [
        {"id": "001", "label": "task", "owner": "ok"},
        {"id": "002", "label": "task", "owner": "wrong"},
        {"id": "003", "label": "not", "why": "rule"},
        {"id": "004", "label": "not", "why": "form"},
    ]
    (audit / "labels.jsonl").write_text("\n".join(json.dumps(x) for x in labels) + "\n", encoding="utf-8")
    (audit / "meta.json").write_text(json.dumps({"commit": "abc1234"}), encoding="utf-8")
    out = tmp_path / "t.json"
    assert main(["tally", str(audit), "--json", str(out)]) == 0
    (row,) = json.loads(out.read_text(encoding="utf-8"))
    assert (row["labelled"], row["tasks"], row["precision"], row["owner_ok"]) == (4, 2, 0.5, 0.5)
    assert row["why"] == {"rule": 1, "form": 1}
    assert "rule 1, form 1" in capsys.readouterr().out


def test_tally_refuses_a_folder_without_labels(tmp_path):
    assert main(["tally", str(tmp_path)]) == 2


def test_recheck_says_which_labelled_tasks_the_checkout_still_reads(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    text = (
        "BỘ TÀI CHÍNH\nSố: 04/VBHN-BTC\n\nTHÔNG TƯ\nHướng dẫn về quỹ đầu tư chứng khoán\n\n"
        "Điều 9. Trách nhiệm của ngân hàng giám sát\n"
        "1. Việc báo cáo thực hiện bằng hình thức trực tuyến và văn bản.\n"
        "2. Lập báo cáo giám sát gửi Ủy ban Chứng khoán Nhà nước.\n"
    )
    (data / "doc.txt").write_text(text, encoding="utf-8")
    audit = tmp_path / "a"
    audit.mkdir()
    sample = [
        {"id": "001", "file": "doc.txt", "start": text.index("Việc báo cáo"), "text": "Việc báo cáo …"},
        {"id": "002", "file": "doc.txt", "start": text.index("Lập báo cáo"), "text": "Lập báo cáo …"},
        {"id": "003", "file": "doc.txt", "start": text.index("Hướng dẫn"), "text": "Hướng dẫn …"},
    ]
    labels = [
        {"id": "001", "label": "not", "why": "rule"},
        {"id": "002", "label": "task", "owner": "ok"},
        {"id": "003", "label": "task", "owner": "ok"},
    ]
    (audit / "sample.jsonl").write_text("\n".join(json.dumps(x) for x in sample) + "\n", encoding="utf-8")
    (audit / "labels.jsonl").write_text("\n".join(json.dumps(x) for x in labels) + "\n", encoding="utf-8")
    out = tmp_path / "r.json"
    assert recheck([audit], out, "task", data=data) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == {"a": {"not dropped": 1, "task kept": 1, "task dropped": 1}}
    shown = capsys.readouterr().out
    assert "Hướng dẫn …" in shown and "Lập báo cáo …" not in shown


def test_recheck_does_not_print_the_clauses_of_held_out_documents(tmp_path, capsys):
    held = "thong-tu-so-15-2021-tt-bldtbxh-34764.txt"  # a held-out golden document's origin
    assert held in held_out_names()
    data = tmp_path / "data"
    (data / "official").mkdir(parents=True)
    text = "BỘ TÀI CHÍNH\nSố: 04/VBHN-BTC\n\nTHÔNG TƯ\nHướng dẫn\n\nĐiều 9. Trách nhiệm của ngân hàng\n1. Lập báo cáo.\n"
    (data / "official" / held).write_text(text, encoding="utf-8")
    audit = tmp_path / "a"
    audit.mkdir()
    sample = [{"id": "001", "file": f"official/{held}", "start": text.index("Hướng dẫn"), "text": "Hướng dẫn …"}]
    (audit / "sample.jsonl").write_text(json.dumps(sample[0]) + "\n", encoding="utf-8")
    (audit / "labels.jsonl").write_text(json.dumps({"id": "001", "label": "task", "owner": "ok"}) + "\n", encoding="utf-8")
    assert recheck([audit], None, "task", data=data) == 0
    shown = capsys.readouterr().out
    assert "Hướng dẫn …" not in shown and "1 more of held-out golden documents, not shown" in shown
