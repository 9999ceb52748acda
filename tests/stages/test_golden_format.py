"""Every golden annotation is well formed: quotes occur in the document, dates are valid, schema holds."""

from __future__ import annotations

import pytest

from bench.golden import GOLDEN_DIR, REPO_ROOT, golden_paths, load_doc_text, load_golden, validate_golden

PATHS = golden_paths()


def test_there_are_enough_golden_documents() -> None:
    golds = [load_golden(p) for p in PATHS]
    assert len(golds) >= 7
    assert any(g["origin"].startswith("samples/ket-luan") for g in golds)
    assert 2 <= sum(g["held_out"] for g in golds) <= len(golds) // 2  # most documents are for tuning
    assert len({g["kind"] for g in golds}) >= 3


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_golden_file_is_valid(path) -> None:
    gold = load_golden(path)
    assert (REPO_ROOT / gold["doc"]).is_file(), gold["doc"]
    errors = validate_golden(gold, load_doc_text(gold))
    assert errors == []
    # a document without any duty has no task; its scope then says where none may be predicted
    assert gold["tasks"] or gold.get("scope"), "a golden document needs a task, or a scope that holds none"


def test_readme_names_every_golden_file() -> None:
    readme = (GOLDEN_DIR / "README.md").read_text(encoding="utf-8")
    for path in PATHS:
        assert path.name in readme, f"{path.name} is not described in tests/data/golden/README.md"
