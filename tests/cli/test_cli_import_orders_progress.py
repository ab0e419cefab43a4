"""`import orders` of a long file shows how far it is, while it reads the file and while it
writes the orders (issue 10: "2 million lines: seconds, with progress"), on a terminal only."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cli_support import RunCli, query

import pos_prompter.cli.commands


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def orders_csv(path: Path, orders: int, *, bad_line: int | None = None) -> Path:
    rows = ["order_id,sku,qty,price,time\n"]
    for n in range(orders):
        rows.append(f"P{n},LATTE-T,1,,2026-11-20T09:{n % 60:02}\n")
        rows.append(f"P{n},COOKIE,2,1.80,2026-11-20T09:{n % 60:02}\n")
    if bad_line is not None:
        rows[bad_line - 1] = "P0,NOPE,1,,2026-11-20T09:00\n"
    path.write_text("".join(rows), encoding="utf-8")
    return path


def test_a_long_import_shows_reading_then_writing_on_a_terminal(
        cli: RunCli, spec_store: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    n = pos_prompter.cli.commands.PROGRESS_MIN_PRODUCTS * 2 + 500
    source = orders_csv(tmp_path / "orders.csv", n)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    result = cli("import", "orders", source, "--db", spec_store)
    assert result.code == 0
    assert result.out == f"past orders: {n} added, 0 changed, 0 already imported\n"
    reading, writing = terminal.getvalue().split("\n", 1)
    assert reading.startswith("\rreading past orders: ")
    assert reading.endswith("reading past orders: 100%")
    assert reading.count("\r") >= 3  # rewritten in place as it reads
    assert writing.startswith(f"\rimporting {n} past orders: ")
    assert writing.endswith("100%\n")
    assert writing.count("\r") >= 3
    assert query(spec_store, "SELECT count(*) FROM orders WHERE source = 'import'") == [(n,)]


def test_a_file_refused_part_way_ends_its_progress_line_before_the_error(
        cli: RunCli, spec_store: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    n = pos_prompter.cli.commands.PROGRESS_MIN_PRODUCTS * 2
    source = orders_csv(tmp_path / "orders.csv", n, bad_line=2 * n - 100)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    result = cli("import", "orders", source, "--db", spec_store)
    assert result.code == 1
    shown = terminal.getvalue()
    assert shown.startswith("\rreading past orders: ")
    assert "%\nerror: past orders refused" in shown
    assert f"line {2 * n - 100}, column sku: 'NOPE' is not in the catalog" in shown
    assert query(spec_store, "SELECT count(*) FROM orders") == [(0,)]


def test_no_progress_when_not_a_terminal(cli: RunCli, spec_store: Path,
                                         tmp_path: Path) -> None:
    n = pos_prompter.cli.commands.PROGRESS_MIN_PRODUCTS + 1
    result = cli("import", "orders", orders_csv(tmp_path / "orders.csv", n),
                 "--db", spec_store)
    assert result.code == 0
    assert result.err == ""
