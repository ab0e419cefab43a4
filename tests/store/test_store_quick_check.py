"""A store that has sold passes the check the till makes when it opens (`check_store(quick=
True)`, SQLite's quick_check), not only integrity_check: m016 left report_prompts with its
columns out of its key's order, and SQLite 3.40's quick_check then called every row of it
damaged ("NULL value in report_prompts.key"), so the till refused a sound store at its next
start (found by tests/faults/test_kill_window.py). m018 puts the columns in key order."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from pos_prompter import bootstrap
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.backup import check_store
from pos_prompter.store.migrations import migrations
from pos_prompter.store.reports import rebuild_report_tables
from pos_prompter.till import Till

LATTE, MUFFIN = "2100000000012", "2100000000043"
MORNING = dt.datetime(2026, 11, 23, 8, 15)


def sell(path: Path) -> None:
    """Two paid orders with prompts shown, answered and ignored, and one left open."""
    with Store.open(path) as store:
        till = Till(store, FixedClock(MORNING))
        for _order in range(2):
            till.scan(LATTE)
            if till.prompt is not None:
                till.accept()
            till.scan(MUFFIN)
            till.pay()
        till.scan(LATTE)


def test_a_store_that_has_sold_passes_the_till_s_own_check(tmp_path: Path) -> None:
    path = tmp_path / "cafe.db"
    bootstrap.init_store(path, demo="cafe").close()
    sell(path)
    assert check_store(path, quick=True) == []
    assert check_store(path) == []
    with sqlite3.connect(path) as conn:  # a report's rebuild writes report_prompts' rows
        rebuild_report_tables(conn)
        assert conn.execute("SELECT count(*) FROM report_prompts").fetchone()[0] > 0
    conn.close()
    assert check_store(path, quick=True) == []
    assert check_store(path) == []


def test_a_store_made_before_m018_keeps_its_report_rows_in_key_order(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m018_report_prompts_in_key_order")
    db.execute("INSERT INTO report_prompts(dim, day, key, order_id, shown) "
               "VALUES ('rule', '2026-11-23', 'coffee-size-up', 7, 1)")
    db.conn.commit()
    db.close()
    Store.open(path).close()  # the upgrade
    with sqlite3.connect(path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(report_prompts)")]
        rows = conn.execute("SELECT dim, day, key, order_id, shown FROM report_prompts")
        assert rows.fetchall() == [("rule", "2026-11-23", "coffee-size-up", 7, 1)]
    assert columns[:4] == ["day", "dim", "order_id", "key"]
    assert check_store(path, quick=True) == []
