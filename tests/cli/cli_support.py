"""Helpers for the command-line tests (fixtures are in conftest.py)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos_prompter.cli import main

SPEC_DIR = Path(__file__).parent / "spec_examples"
"""A verbatim copy of shared/spec/examples, so the suite runs from a clean clone."""
DEMO_ROOT = Path(__file__).resolve().parents[2] / "resources" / "demo"
NO_DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@dataclass(frozen=True)
class Result:
    """What one run of the command line did."""

    code: int
    out: str
    err: str

    def events(self) -> list[dict[str, Any]]:
        """stdout as JSON Lines."""
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]

    def assert_clean_error(self, code: int, *needles: str) -> None:
        """Failed with `code`, a readable sentence on stderr naming every needle, no traceback."""
        assert self.code == code, (self.code, self.out, self.err)
        assert "Traceback" not in self.err, self.err
        assert self.err.strip(), "an error must say what went wrong on stderr"
        for needle in needles:
            assert needle in self.err, (needle, self.err)


RunCli = Callable[..., Result]
"""The `cli` fixture: cli("init", "--db", path) -> Result."""


def no_display_env() -> dict[str, str]:
    """The environment of a machine without a screen (and without the offscreen platform)."""
    return {k: v for k, v in os.environ.items() if k not in NO_DISPLAY_VARS}


def run_subprocess(*args: object, program: list[str] | None = None,
                   cwd: Path | None = None) -> Result:
    """The real command line in a child process (~0.3 s each: use sparingly)."""
    command = program or [sys.executable, "-m", "pos_prompter"]
    proc = subprocess.run([*command, *(str(a) for a in args)], capture_output=True,
                          encoding="utf-8", env=no_display_env(), cwd=cwd, timeout=120,
                          check=False)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def build_store(path: Path, *, demo: str | None = None, catalog: Path | None = None,
                rules: Path | None = None, history: bool = False) -> Path:
    """A store made through the command line itself. A demo store comes without its
    generated past sales unless `history` (so its first order is order 1)."""
    demo_args = ["--demo", demo] + ([] if history else ["--no-history"]) if demo else []
    steps: list[list[str]] = [["init", "--db", str(path), *demo_args]]
    if catalog is not None:
        steps.append(["import", "catalog", str(catalog), "--db", str(path)])
    if rules is not None:
        steps.append(["import", "rules", str(rules), "--db", str(path)])
    for argv in steps:
        assert main(argv) == 0, argv
    return path


def query(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Read a store file directly, behind the application's back."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def order_count(db: Path) -> int:
    return query(db, "SELECT count(*) FROM orders")[0][0]
