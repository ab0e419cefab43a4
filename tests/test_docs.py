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


ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"
NAMED_PATH = re.compile(r"`((?:pos_prompter|tests|bench|docs|packaging|resources)/[^`\s<>*]*)`")
"""A path in backquotes, from the repository's root (templates like `<page>_page.py` aside)."""
NAMED_MODULE = re.compile(r"`(pos_prompter(?:\.\w+)+)`")


def test_the_architecture_map_names_only_what_exists() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    paths = NAMED_PATH.findall(text)
    assert len(paths) > 150  # the module list is there
    missing = sorted({p for p in paths if not (ROOT / p).exists()})
    assert not missing, f"docs/ARCHITECTURE.md names what is not there: {missing}"
    modules = NAMED_MODULE.findall(text)
    gone = sorted({m for m in modules
                   if not (ROOT / (m.replace(".", "/") + ".py")).is_file()
                   and not (ROOT / m.replace(".", "/") / "__init__.py").is_file()})
    assert not gone, f"docs/ARCHITECTURE.md names modules that are not there: {gone}"


def test_the_architecture_map_mentions_every_package() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    packages = sorted(str(init.parent.relative_to(ROOT))
                      for init in (ROOT / "pos_prompter").rglob("__init__.py"))
    assert "pos_prompter/ui/workspace/rules" in packages
    unmentioned = [p for p in packages
                   if f"`{p}/" not in text and f"`{p.replace('/', '.')}`" not in text]
    assert not unmentioned, f"docs/ARCHITECTURE.md does not mention {unmentioned}"


def test_the_readme_links_the_architecture_map() -> None:
    assert "docs/ARCHITECTURE.md" in README
