"""Tracking-service commands: serve, user, import, remind, report, backup, restore."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the tracking commands to ``app``."""
