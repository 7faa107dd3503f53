"""Every command is documented in the README (sqlite-utils' rule)."""

from __future__ import annotations

import re

from bilateral.cli import build_parser
from tests.conftest import ROOT


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands()
    assert {"extract", "eval", "events", "dyad", "serve"} <= set(commands)
    for name in commands:
        assert re.search(rf"`bilateral {name}\b", readme), f"bilateral {name} is not documented in README.md"


def test_readme_shows_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
