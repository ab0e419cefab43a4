"""Soak of the fault proofs (issue 11): `kill -9` of `pos-prompter simulate` and of the real
till window at seeded random moments, many times over, on one store.

    .venv/bin/python bench/soak_kill.py [--quick]

The same machinery as tests/faults/test_kill_*.py (tests/faults/kill_support.py), with more
rounds and longer runs: each round plays a fresh seeded day of the cafe demo (orders of 1-6
scans, prompts accepted and declined, checkout, payment), SIGKILLs the child after a random
number of printed events, then looks every event it printed (simulate) or showed (the window:
its order table, total, prompts and payments) up in the store, and runs `PRAGMA
integrity_check`. The store is the same for every round, so each run goes on with the order
the killed one left open. Prints kills, events acknowledged, events lost; exits 1 if any
event was lost or any integrity check failed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "faults"))
sys.path.append(str(Path(__file__).resolve().parents[1]))  # a checkout not installed

from _stats import header, run_sized
from kill_support import Ledger, integrity, kill_rounds

from pos_prompter import bootstrap

FULL = {"simulate": 100, "window": 30, "simulate_events": 400, "window_events": 150,
        "seed": 11}
QUICK = {"simulate": 2, "window": 1, "simulate_events": 30, "window_events": 20, "seed": 11}


def soak(what: str, rounds: int, events: int, seed: int, work: Path) -> Ledger:
    folder = work / what
    folder.mkdir()
    db = folder / "cafe.db"
    bootstrap.init_store(db, demo="cafe").close()
    started = time.perf_counter()
    ledger = kill_rounds(db, folder, what=what, rounds=rounds, seed=seed, most_events=events,
                         report=lambda line: print(f"   {line}", flush=True))
    took = time.perf_counter() - started
    orders = len(ledger.paid)
    print(f"-- {what}: {ledger.kills} kills in {rounds} rounds, {ledger.acknowledged} events "
          f"acknowledged ({ledger.store_events} with rows in the store), {orders} orders "
          f"paid, events lost: {len(ledger.lost)}; integrity_check at the end: "
          f"{integrity(db)} ({took:.0f} s)")
    for problem in ledger.lost[:20]:
        print(f"   LOST {problem}")
    return ledger


def run(size: dict[str, Any]) -> int:
    header("kill -9 soak: simulate and the till window, every printed event in the store", [
        f"simulate: {size['simulate']} rounds, killed after 1-{size['simulate_events']} "
        "printed events",
        f"window: {size['window']} rounds (python -m pos_prompter, offscreen, real keys), "
        f"killed after 1-{size['window_events']} shown events",
        f"seed {size['seed']}"])
    with tempfile.TemporaryDirectory(prefix="soak-kill-") as tmp:
        work = Path(tmp)
        ledgers = [soak("simulate", size["simulate"], size["simulate_events"], size["seed"],
                        work),
                   soak("window", size["window"], size["window_events"], size["seed"], work)]
    kills = sum(ledger.kills for ledger in ledgers)
    acknowledged = sum(ledger.acknowledged for ledger in ledgers)
    lost = sum(len(ledger.lost) for ledger in ledgers)
    print(f"== total: {kills} kills, {acknowledged} events acknowledged, {lost} events lost")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(run_sized(run, QUICK, FULL, __doc__))
