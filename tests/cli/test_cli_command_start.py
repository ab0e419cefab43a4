"""What every command pays before it runs: the whole parser is built for any command (its
help lists them all), so whatever a command module imports at its top, every command
imports. They import what only their own run needs inside it (issue 14.2): a command
started in ~470 ms here before, most of it sqlite-utils (with click and dateutil), PyYAML,
lint, the practice package and the engine, for `--version` too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

ONLY_WHEN_RUN = (
    "yaml", "sqlite_utils", "PySide6", "pos_prompter.core.lint", "pos_prompter.core.engine",
    "pos_prompter.core.suggest", "pos_prompter.core.whatif", "pos_prompter.core.demo_history",
    "pos_prompter.pack_files", "pos_prompter.imports", "pos_prompter.practice",
    "pos_prompter.till", "pos_prompter.store.baskets", "pos_prompter.store.replay",
)
"""Modules (and packages, with everything under them) a command imports only to run."""


def imported_by(argv: list[str], exits: tuple[int, ...] = (0,)) -> list[str]:
    """The ONLY_WHEN_RUN modules imported by `pos-prompter ARGV` in a fresh process, which
    must exit with one of `exits` (--help and --version exit by SystemExit(0))."""
    code = (
        "import sys\n"
        "from pos_prompter.cli import main\n"
        "try:\n"
        f"    code = main({argv!r})\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        f"only = {ONLY_WHEN_RUN!r}\n"
        "print(sorted(m for m in sys.modules if any(m == o or m.startswith(o + '.') "
        "for o in only)), file=sys.stderr)\n"
        "sys.exit(code)\n")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60, check=False)
    assert done.returncode in exits, done.stderr
    return eval(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["report", "--help"]],
                         ids=" ".join)
def test_a_command_s_start_imports_only_what_the_parser_needs(argv: list[str]) -> None:
    assert imported_by(argv) == []


def test_the_check_sees_what_a_command_imports_to_run(tmp_path: Path) -> None:
    """The same check on a command that does run: `lint` of a store reads its rules with
    lint itself (and the store with sqlite-utils' migrations)."""
    from pos_prompter.bootstrap import init_store

    init_store(tmp_path / "s.db", demo="cafe").close()
    seen = imported_by(["lint", "--db", str(tmp_path / "s.db"), "--format", "json"],
                       exits=(0, 1))  # 1: it found something to say
    assert "pos_prompter.core.lint" in seen
