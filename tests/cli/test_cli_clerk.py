"""`clerk NAME` in a scan script (shared/spec/scan-script.md), through the real command line
in a child process: the name is checked against the store's staff list. A name that is not
there (or a disabled one) is an error event naming the script line, and nothing is sold or
recorded until a `clerk` line names someone who is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_support import RunCli, query, run_subprocess

from pos_prompter.till import NOBODY_TEXT

MORNING = "time 2026-11-23T08:15\n"
LATTE_T = "2100000000012"  # the cafe demo's Latte Tall: a size-up is offered at breakfast


@pytest.fixture
def cafe(store_copy: Callable[[str], Path]) -> Path:
    """The cafe demo: manager, trainer and the clerk `clerk`."""
    return store_copy("cafe")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "script.txt"
    path.write_text(text, encoding="utf-8")
    return path


def errors(events: list[dict[str, Any]]) -> list[tuple[int, str]]:
    return [(e["line"], e["message"]) for e in events if e["event"] == "error"]


def test_a_clerk_not_on_the_staff_list_records_nothing(cafe: Path, tmp_path: Path) -> None:
    script = write(tmp_path, MORNING + f"clerk zed\nscan {LATTE_T}\naccept\ncheckout\npay\n")

    result = run_subprocess("simulate", "--db", cafe, script)

    assert result.code == 0, result.err
    assert errors(result.events()) == [
        (2, "nobody called zed is on the staff list"), (3, NOBODY_TEXT), (4, NOBODY_TEXT),
        (5, NOBODY_TEXT), (6, NOBODY_TEXT)]
    assert [e["event"] for e in result.events()] == ["error"] * 5
    assert query(cafe, "SELECT count(*) FROM orders") == [(0,)]
    assert query(cafe, "SELECT count(*) FROM prompt_events") == [(0,)]


def test_a_valid_clerk_line_lets_the_script_sell_under_that_name(
        cafe: Path, tmp_path: Path) -> None:
    script = write(tmp_path, MORNING + f"clerk zed\nscan {LATTE_T}\n"
                                       f"clerk clerk\nscan {LATTE_T}\naccept\npay\n")

    result = run_subprocess("simulate", "--db", cafe, script)

    assert result.code == 0, result.err
    assert errors(result.events()) == [
        (2, "nobody called zed is on the staff list"), (3, NOBODY_TEXT)]
    assert result.events()[-1]["event"] == "paid"
    assert query(cafe, "SELECT clerk, status FROM orders") == [("clerk", "paid")]
    outcomes = query(cafe, "SELECT status, clerk FROM prompt_events ORDER BY id")
    assert outcomes[:2] == [("shown", "clerk"), ("accepted", "clerk")]
    assert {clerk for _status, clerk in outcomes} == {"clerk"}


def test_a_disabled_clerk_is_refused(cli: RunCli, cafe: Path, tmp_path: Path) -> None:
    assert cli("staff", "disable", "clerk", "--db", cafe).code == 0
    script = write(tmp_path, MORNING + f"clerk clerk\nscan {LATTE_T}\n")

    result = run_subprocess("simulate", "--db", cafe, script)

    assert result.code == 0, result.err
    assert errors(result.events()) == [(2, "clerk is disabled"), (3, NOBODY_TEXT)]
    assert query(cafe, "SELECT count(*) FROM orders") == [(0,)]


def test_a_clerk_line_mid_order_hands_the_order_over(cafe: Path, tmp_path: Path) -> None:
    script = write(tmp_path, MORNING + f"scan {LATTE_T}\nclerk trainer\naccept\npay\n")

    result = run_subprocess("simulate", "--db", cafe, script)

    assert result.code == 0, result.err
    assert errors(result.events()) == []
    assert query(cafe, "SELECT clerk FROM orders") == [("trainer",)]
    outcomes = query(cafe, "SELECT status, clerk FROM prompt_events ORDER BY id")
    assert outcomes[:2] == [("shown", "clerk"), ("accepted", "trainer")]
