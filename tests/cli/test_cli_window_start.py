"""The till window's start is read without building the subcommands' parsers (issue 14.2):
`window_args` reads the window's own arguments exactly as the whole parser does, leaves
everything else to it, and the window's start imports no command module."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_prompter.cli import build_parser, cmd_window, window_args

ROOT = Path(__file__).resolve().parents[2]

WINDOW = [
    [], ["--db", "s.db"], ["--db=s.db"], ["--training"], ["--debug"],
    ["--db", "a.db", "--training", "--debug"], ["--debug", "--db=x y.db", "--training"],
    ["--db", "a.db", "--db", "b.db"], ["--training", "--training"],
]
NOT_WINDOW = [
    ["init"], ["--db", "s.db", "init"], ["simulate", "script.txt"], ["--help"], ["-h"],
    ["--version"], ["--db"], ["--db", "--training"], ["--db="], ["--db", ""], ["--train"],
    ["--db", "-x"], ["s.db"], ["--Training"],
]


@pytest.mark.parametrize("argv", WINDOW)
def test_the_window_s_arguments_read_as_the_whole_parser_reads_them(argv: list[str]) -> None:
    quick = window_args(argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser().parse_args(argv))
    assert quick.func is cmd_window


@pytest.mark.parametrize("argv", NOT_WINDOW)
def test_anything_else_is_left_to_the_whole_parser(argv: list[str]) -> None:
    assert window_args(argv) is None


def test_the_window_s_start_imports_no_command_module(tmp_path: Path) -> None:
    """`pos-prompter --db PATH` as the command runs it, up to opening the window (replaced
    here by a report of what was imported)."""
    code = (
        "import sys\n"
        "import pos_prompter.cli as cli\n"
        "cli.cmd_window = lambda args: print(sorted(m for m in sys.modules if "
        "m.startswith('pos_prompter.cli.') or m in ('yaml', 'sqlite_utils', "
        "'pos_prompter.core.lint'))) or 0\n"
        f"sys.exit(cli.main(['--db', {str(tmp_path / 'store.db')!r}]))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_window_s_start_imports_its_log_modules_before_qt(tmp_path: Path) -> None:
    """The real command up to a window ready to scan (bench/_startup.py's CHILD_COMMAND):
    platformdirs, which `app.run` needs for its log file besides Qt, is imported before
    PySide6, which reads the whole source of each module imported after it once; the log's
    rotation (logging.handlers, with socket and pickle) only after the first paint
    (app.rotate_log, issue 14.2)."""
    from pos_prompter.bootstrap import init_store

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from _startup import CHILD_COMMAND
    finally:
        sys.path.remove(str(ROOT / "bench"))
    store = tmp_path / "store.db"
    init_store(store, demo="cafe").close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", CHILD_COMMAND,
                           str(store)], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert any(line.startswith("ready ") for line in done.stdout.splitlines())
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")]

    qt = imported.index("PySide6.QtCore")
    assert imported.index("platformdirs") < qt
    assert "logging.handlers" not in imported[:qt]
