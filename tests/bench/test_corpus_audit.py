"""The corpus audit's tally: counts and rates from label files."""

import json

from bench.corpus_audit import main


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
