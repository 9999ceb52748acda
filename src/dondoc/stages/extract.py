"""Extraction stage: ingested (and repaired) text -> the JSON document of CONTRACTS.md."""

from __future__ import annotations

from typing import Any

from dondoc.stages.ingest import Ingested, ingest_bytes

__all__ = ["SCHEMA_VERSION", "extract", "extract_text"]

SCHEMA_VERSION = "1"


def extract(ingested: Ingested, *, repair: bool = True) -> dict[str, Any]:
    """Run repair (optional) and analysis; return the contract JSON as a dict."""
    from dondoc.core.analysis import analyse
    from dondoc.resources import gazetteer

    rep = None
    if repair:
        from dondoc.stages.repair import repair_text  # the repair model loads only when used

        rep = repair_text(ingested.text)
    text = rep.text if rep else ingested.text
    analysis = analyse(text, gazetteer=gazetteer())
    return {
        "schema_version": SCHEMA_VERSION,
        "source": ingested.source_json(),
        "text": text,
        "original_text": ingested.text,
        "edits": [e.to_json() for e in rep.edits] if rep else [],
        **analysis.to_json(),
    }


def extract_text(text: str, *, repair: bool = False, name: str = "-") -> dict[str, Any]:
    """Convenience for tests and benchmarks: extract from a string."""
    return extract(ingest_bytes(text.encode("utf-8"), name=name), repair=repair)
