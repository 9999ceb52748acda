"""The one shared grounding assertion: every extracted item's span is its evidence."""

from __future__ import annotations

from typing import Any


def assert_grounded(result: dict[str, Any]) -> None:
    """Assert that every span in an extraction JSON is valid and, where a text is given, exact."""
    text = result["text"]
    n = len(text)
    for key in ("sections", "indicators", "tasks", "references"):
        for i, item in enumerate(result.get(key, [])):
            s, e = item["start"], item["end"]
            assert isinstance(s, int) and isinstance(e, int), (key, i, item)
            assert 0 <= s <= e <= n, f"{key}[{i}] span [{s},{e}) outside text of length {n}"
            if key == "tasks":
                assert text[s:e] == item["text"], f"tasks[{i}]: text[start:end] != text"
    original = result["original_text"]
    for i, ed in enumerate(result.get("edits", [])):
        assert 0 <= ed["start"] <= ed["end"] <= len(original), ("edits", i)
        assert original[ed["start"] : ed["end"]] == ed["original"], ("edits", i)
