"""``dondoc batch``: ingest a folder tree (filled in by the ingestion work)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the batch command to ``app``."""
