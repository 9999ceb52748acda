"""Reporting commands: remind, report."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the remind and report commands to ``app``."""
