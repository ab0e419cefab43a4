"""The docs keep up with the code: a command or key nobody can read about is a bug."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from pos_prompter.cli import build_parser
from pos_prompter.core.rules import PLACEHOLDERS, STORE_SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    found: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{prefix}{name}"
                nested = subcommands(sub, path + " ")
                found.extend(nested or [path])
    return found


def test_every_command_is_in_the_readme() -> None:
    commands = subcommands(build_parser())
    assert "simulate" in commands
    missing = [c for c in commands if f"pos-prompter {c}" not in README]
    assert not missing, f"README.md does not show: {missing}"


def test_every_command_has_help_text() -> None:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                assert choice.help, f"{choice.dest} has no help"


def test_every_key_the_window_binds_is_in_the_readme() -> None:
    # The till window and the modules split from it (till_*.py), and its customer-type key.
    source = "".join(p.read_text(encoding="utf-8")
                     for p in [*sorted((ROOT / "pos_prompter" / "ui").glob("till_*.py")),
                              ROOT / "pos_prompter" / "ui" / "customer_type.py"])
    keys = set(re.findall(r"Qt\.Key\.Key_(F\d+)", source))
    assert {"F9", "F10", "F12"} <= keys
    missing = [k for k in sorted(keys) if f"| {k}" not in README and f"{k} or" not in README]
    assert not missing, f"README.md's key table lacks {missing}"


def test_the_placeholders_and_settings_are_described_in_the_code() -> None:
    assert all(PLACEHOLDERS.values())
    assert all(STORE_SETTINGS.values())
