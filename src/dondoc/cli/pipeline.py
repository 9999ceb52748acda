"""Pipeline commands: repair, extract, view."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the pipeline commands to ``app``."""
