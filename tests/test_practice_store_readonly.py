"""Nothing done in practice ever writes the real store, byte for byte (practice.md "The
practice store"): the real file's bytes are the same after every practice operation, and
no -wal or -shm file of it appears (a read-only SQLite connection would leave both behind
on a store that no till has open). Each command runs as a real subprocess.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from pos_prompter.app import open_store
from pos_prompter.bootstrap import init_store, training_store_path
from pos_prompter.core.order import FixedClock
from pos_prompter.practice import library
from pos_prompter.practice.practice_store import (
    ensure_practice_store,
    refresh_practice_store,
)
from pos_prompter.store import Store
from pos_prompter.store.practice import PracticeStore, RunRecord
from pos_prompter.store.store import copy_store
from pos_prompter.till import Till

sys.path.insert(0, str(Path(__file__).parent / "cli"))
from cli_support import Result, query, run_subprocess

SCENARIO = Path(__file__).parent / "cli" / "practice_examples" / "tests-first-morning.yaml"
MORNING = dt.datetime(2026, 11, 23, 8, 15)
OLD_STORE = Path(__file__).parent / "store" / "data" / "store-m002.db"

Fingerprint = dict[str, str | None]


def fingerprint(real: Path) -> Fingerprint:
    """The bytes of the store file and of its -wal and -shm files (None: no such file)."""
    found: Fingerprint = {}
    for end in ("", "-wal", "-shm"):
        path = real.with_name(real.name + end)
        found[end or "db"] = (hashlib.sha256(path.read_bytes()).hexdigest()
                              if path.exists() else None)
    return found


@pytest.fixture
def real(tmp_path: Path) -> Path:
    """A real cafe store with a sale and its prompt outcomes, closed (no till open)."""
    path = tmp_path / "shop.db"
    with init_store(path, demo="cafe") as store:
        till = Till(store, FixedClock(MORNING))
        till.scan("LATTE-T")
        till.accept()
        till.pay()
        assert store.sales.prompt_events()
    assert fingerprint(path)["-wal"] is None
    return path


def run_cli(*args: object) -> Result:
    result = run_subprocess(*args)
    assert result.code == 0, result.err
    return result


@pytest.fixture
def old_real(tmp_path: Path) -> Path:
    """A real store written by an older release (schema m001 + m002, orders in it)."""
    path = tmp_path / "old.db"
    shutil.copyfile(OLD_STORE, path)
    return path


def test_the_fingerprint_sees_what_opening_the_real_store_would_do(old_real: Path) -> None:
    """What the practice store used to do to the real file (Store.open for the copy:
    migrations, WAL switch, checkpoint) and what a plain read-only connection does (leave
    -wal and -shm files beside it) both show in the fingerprint."""
    before = fingerprint(old_real)
    conn = sqlite3.connect(old_real.resolve().as_uri() + "?mode=ro", uri=True)
    conn.execute("SELECT count(*) FROM products").fetchone()
    conn.close()
    assert fingerprint(old_real) != before
    for end in ("-wal", "-shm"):
        old_real.with_name(old_real.name + end).unlink()
    assert fingerprint(old_real) == before
    Store.open(old_real).close()
    assert fingerprint(old_real)["db"] != before["db"]


def test_a_store_of_an_older_release_is_practised_on_unmigrated(old_real: Path) -> None:
    before = fingerprint(old_real)
    summary = refresh_practice_store(old_real)
    assert summary.created
    assert (summary.products, summary.rules) == (7, 3)
    assert fingerprint(old_real) == before
    assert refresh_practice_store(old_real).created is False
    assert "refreshed" in run_cli("practice", "refresh", "--db", old_real).out
    assert fingerprint(old_real) == before
    with Store.open(training_store_path(old_real)) as practice:  # the copy is migrated
        assert PracticeStore(practice).runs() == []
        assert practice.sales.orders() == []


def test_making_and_refreshing_the_practice_store_reads_the_real_one_only(real: Path) -> None:
    before = fingerprint(real)
    practice = ensure_practice_store(real)
    assert fingerprint(real) == before
    assert query(practice, "SELECT count(*) FROM orders") == [(0,)]
    assert query(practice, "SELECT count(*) FROM prompt_events") == [(0,)]
    staff = "SELECT name, role, pin_hash, password_hash, active FROM staff ORDER BY id"
    assert query(practice, staff) == query(real, staff), "with their PIN and password hashes"

    summary = refresh_practice_store(real)
    assert (summary.created, summary.products) == (False, 25)
    assert fingerprint(real) == before


def test_copy_store_reads_the_source_only(old_real: Path, tmp_path: Path) -> None:
    before = fingerprint(old_real)
    copy = tmp_path / "copy" / "copy.db"
    copy_store(old_real, copy)
    assert fingerprint(old_real) == before
    products = "SELECT * FROM products ORDER BY sku"
    assert query(copy, products) == query(old_real, products)
    assert query(copy, "SELECT count(*) FROM orders") == query(old_real,
                                                               "SELECT count(*) FROM orders")
    with Store.open_copy(old_real) as in_memory:  # simulate --dry-run reads it the same way
        assert in_memory.sales.orders()
    assert fingerprint(old_real) == before


def test_every_practice_command_leaves_the_real_store_as_it_was(real: Path) -> None:
    before = fingerprint(real)
    run_cli("practice", "list", "--db", real)  # first use: makes the practice store
    assert training_store_path(real).exists()
    assert fingerprint(real) == before
    assert "Imported" in run_cli("practice", "import", SCENARIO, "--db", real).out
    assert fingerprint(real) == before
    with Store.open(training_store_path(real)) as store:
        PracticeStore(store).record_run(RunRecord(
            trainee="clerk", scenario_id="tests-first-morning", scenario_title="t",
            started_at=MORNING, seconds=60, points=5, possible=6, score=83, pass_score=80,
            passed=True))
    assert "tests-first-morning" in run_cli("practice", "list", "--db", real).out
    assert "refreshed" in run_cli("practice", "refresh", "--db", real).out
    for fmt in ("table", "csv", "json"):
        assert "clerk" in run_cli("practice", "results", "--db", real, "--format", fmt).out
    assert fingerprint(real) == before


def test_refresh_when_there_is_no_practice_store_yet(real: Path) -> None:
    before = fingerprint(real)
    assert run_cli("practice", "refresh", "--db", real).out.startswith(
        "practice store created: 25 products, 6 rules, 3 staff")
    assert fingerprint(real) == before


def test_simulate_training_leaves_the_real_store_as_it_was(real: Path,
                                                          tmp_path: Path) -> None:
    script = tmp_path / "practice.txt"
    script.write_text("time 2026-11-23T08:15\nclerk clerk\nscan LATTE-T\naccept\npay\n",
                      encoding="utf-8")
    before = fingerprint(real)
    for extra in (["--dry-run"], [], []):  # before the practice store exists, then in it
        events = run_cli("simulate", "--training", "--db", real, script, *extra).events()
        assert any(e["event"] == "paid" for e in events)
        assert fingerprint(real) == before
    assert query(training_store_path(real), "SELECT count(*) FROM orders") == [(2,)]


def test_opening_the_practice_till_leaves_the_real_store_as_it_was(real: Path) -> None:
    before = fingerprint(real)
    for first in (True, False):  # made on first use, then opened again
        with open_store(real, training=True) as practice:
            assert practice.path == training_store_path(real)
            till = Till(practice, FixedClock(MORNING))
            till.scan("LATTE-T")
            till.pay()
            if first:
                library.import_file(practice, SCENARIO)
            assert library.load(practice, "tests-first-morning").customers[0].name == "Sam"
        assert fingerprint(real) == before
    assert query(training_store_path(real), "SELECT count(*) FROM orders") == [(2,)]


def test_a_refresh_while_a_till_has_the_real_store_open_sees_its_sales_unwritten(
        real: Path, tmp_path: Path) -> None:
    """A till that is open keeps the -wal and -shm files (SQLite's shared memory, where
    every reader notes what it reads); the refresh reads what the till committed and
    leaves the store file and its -wal as they were."""
    ensure_practice_store(real)
    with Store.open(real) as till_store:
        till_store.staff.add_without_secret("robin")  # committed, still in the -wal only
        live = fingerprint(real)
        assert live["-wal"] is not None
        summary = refresh_practice_store(real)
        assert summary.staff == 4
        after = fingerprint(real)
        assert (after["db"], after["-wal"]) == (live["db"], live["-wal"])
    assert query(training_store_path(real),
                 "SELECT count(*) FROM staff WHERE name = 'robin'") == [(1,)]
