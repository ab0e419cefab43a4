"""store.sales.import_orders lifts the orders' insert trigger for its bulk add-up (reports.py
insert_trigger_lifted) inside its own transaction: an import that fails rolls that back
too, and the till's orders are counted by the trigger as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pos_prompter.bootstrap import init_store
from pos_prompter.core.past_orders import PastLine, PastOrder
from pos_prompter.store import Store, StoreError
from pos_prompter.store.reports import report_tables_agree

TRIGGER = "SELECT sql FROM sqlite_master WHERE name = 'report_order_added'"


def past(external_id: str) -> PastOrder:
    return PastOrder(external_id, dt.datetime(2026, 11, 20, 9, 30),
                     (PastLine("LATTE", "Latte", 2, 345),))


def test_a_failed_import_leaves_the_trigger_and_the_tables(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    init_store(db, demo="cafe").close()
    with Store.open(db) as store:
        conn = store.db.conn
        trigger = conn.execute(TRIGGER).fetchone()
        assert trigger is not None
        store.sales.import_orders([past("A1")])
        kept = sorted(conn.execute("SELECT * FROM report_orders"))
        with pytest.raises(StoreError, match="UNIQUE"):  # the same order id twice
            store.sales.import_orders([past("A2"), past("A3"), past("A3")])
        assert conn.execute(TRIGGER).fetchone() == trigger
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 1
        assert sorted(conn.execute("SELECT * FROM report_orders")) == kept
        # a till's paid order is still counted by the trigger
        with store.write() as w:
            w.execute("INSERT INTO orders(status, clerk, opened_at, closed_at, total_cents) "
                      "VALUES ('paid', 'ana', '2026-11-20T10:00:00', '2026-11-20T10:05:00', 500)")
        assert report_tables_agree(conn)
        assert conn.execute("SELECT orders FROM report_orders WHERE dim = 'clerk' "
                            "AND key = 'ana'").fetchone() == (1,)
