"""A store made by an older version opens and upgrades.

`data/store-m002.db` was written by the previous release itself (commit 8f45fbb, schema
m001 + m002, before orders had an owner and a revision): the spec example catalog and rules,
a clerk, one paid order and one open order with the bundle prompt on screen.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.migrations import step_names
from pos_prompter.till import Till

OLD_STORE = Path(__file__).parent / "data" / "store-m002.db"
OLD_MIGRATIONS = ["m001_initial", "m002_report_indexes"]
ALL_MIGRATIONS = step_names()


def rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute(sql)]


@pytest.fixture
def old_store(store_path: Path) -> dict[str, Any]:
    """A copy of the older release's store, and what it held, read with plain SQL."""
    store_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(OLD_STORE, store_path)
    conn = sqlite3.connect(store_path)
    try:
        applied = [r["name"] for r in rows(conn, "SELECT name FROM _sqlite_migrations "
                                                 "ORDER BY id")]
        assert applied == OLD_MIGRATIONS
        open_order = rows(conn, "SELECT id, state FROM orders WHERE status = 'open'")
        assert len(open_order) == 1
        return {
            "state": json.loads(open_order[0]["state"]),
            "orders": rows(conn, "SELECT id, status, clerk, customer, opened_at, closed_at, "
                                 "total_cents FROM orders ORDER BY id"),
            "events": rows(conn, "SELECT * FROM prompt_events ORDER BY id"),
            "products": rows(conn, "SELECT * FROM products ORDER BY sku"),
            "rules": rows(conn, "SELECT * FROM rules ORDER BY id"),
            "lines": rows(conn, f"SELECT * FROM order_lines WHERE order_id = "
                                f"{open_order[0]['id']} ORDER BY line_no"),
        }
    finally:
        conn.close()


def test_the_old_release_really_lacks_the_newer_steps() -> None:
    assert ALL_MIGRATIONS[:len(OLD_MIGRATIONS)] == OLD_MIGRATIONS
    assert len(ALL_MIGRATIONS) > len(OLD_MIGRATIONS), "add a newer old-store file"


def test_older_store_is_upgraded_on_open(store_path: Path, old_store: dict[str, Any]) -> None:
    with Store.open(store_path) as store:
        assert store.schema_version() == ALL_MIGRATIONS
        columns = {c.name for c in store.db.table("orders").columns}
        assert {"till", "rev"} <= columns
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_older_store_keeps_its_data_through_the_upgrade(store_path: Path,
                                                        old_store: dict[str, Any]) -> None:
    with Store.open(store_path) as store:
        assert list(store.db.query("SELECT * FROM products ORDER BY sku")) == \
            old_store["products"]
        assert list(store.db.query("SELECT * FROM rules ORDER BY id")) == old_store["rules"]
        assert store.sales.orders() == old_store["orders"]
        assert store.sales.prompt_events() == old_store["events"]
        order_id = old_store["state"]["order_id"]
        assert store.sales.order_lines(order_id) == old_store["lines"]


def test_open_order_of_an_older_store_resumes_at_the_till(store_path: Path,
                                                          old_store: dict[str, Any],
                                                          clock: FixedClock) -> None:
    with Store.open(store_path) as store:
        till = Till(store, clock)
        assert till.session is not None
        state = till.session.to_state()
        # Everything the old release saved comes back as it was; newer fields take defaults.
        assert {k: state[k] for k in old_store["state"]} == old_store["state"]
        assert till.prompt is not None
        assert till.prompt.rule_id == "latte-muffin"


def test_reopening_an_upgraded_store_applies_nothing(store_path: Path,
                                                     old_store: dict[str, Any]) -> None:
    with Store.open(store_path) as store:
        first = list(store.db.query("SELECT * FROM _sqlite_migrations"))
    with Store.open(store_path) as store:
        assert list(store.db.query("SELECT * FROM _sqlite_migrations")) == first
