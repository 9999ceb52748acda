"""Every command of the CLI is documented in README.md."""

from pathlib import Path

import pytest

from dondoc.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    names += [g.name for g in app.registered_groups if g.name]
    return sorted(set(names))


def test_there_are_commands():
    assert {"extract", "repair", "serve", "import", "report", "remind", "batch", "demo"} <= set(_commands())


@pytest.mark.parametrize("name", _commands())
def test_command_is_in_readme(name):
    assert name in README, f"`dondoc {name}` is not documented in README.md"
