"""`kill -9` of `pos-prompter simulate` at seeded random moments (issue 11, fault proofs):
after each kill every event it printed is in the store and `integrity_check` is ok."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from kill_support import Ledger, integrity, kill_rounds, run_and_kill, simulate_argv

from pos_prompter import bootstrap

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]

ROUNDS = 10
SEED = 20261207


def cafe_store(path: Path) -> Path:
    bootstrap.init_store(path, demo="cafe").close()
    return path


def test_every_event_printed_before_a_kill_is_in_the_store(
        tmp_path: Path, figure: Callable[[str, str], None]) -> None:
    db = cafe_store(tmp_path / "cafe.db")
    lines: list[str] = []
    ledger = kill_rounds(db, tmp_path, what="simulate", rounds=ROUNDS, seed=SEED, most_events=80,
                                  report=lines.append)
    figure("kill_simulate",
           f"kill -9 of simulate: {ledger.kills} kills, {ledger.acknowledged} events "
           f"acknowledged ({ledger.store_events} with rows in the store), "
           f"{len(ledger.lost)} lost")
    assert ledger.lost == [], "\n".join(lines + ledger.lost)
    assert ledger.kills >= ROUNDS - 1, lines  # a run may finish first; nearly all are killed
    assert ledger.store_events > ROUNDS * 5, lines  # there was something to lose
    assert integrity(db) == "ok"


def test_the_check_finds_an_event_the_store_does_not_have(tmp_path: Path) -> None:
    """The proof can fail: a printed line and payment that were never committed (the run
    was on a copy) are each found missing from the store."""
    db, copy = cafe_store(tmp_path / "cafe.db"), tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    script = tmp_path / "script.txt"
    script.write_text("time 2026-11-23T15:00\nscan CROISSANT\npay\nscan MUG-TRAVEL\n",
                      encoding="utf-8")
    run = run_and_kill(simulate_argv(copy, script), 100, tmp_path / "stderr.txt")
    assert not run.killed
    assert run.returncode == 0, run.stderr
    ledger = Ledger()
    for event in run.printed:
        ledger.take(event)
    lost = ledger.check(db)
    assert len(lost) == 3, lost  # order 1's line and payment, order 2's line
    assert any("order 1 paid" in problem for problem in lost), lost
