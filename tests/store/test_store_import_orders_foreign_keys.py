"""store.sales.import_orders writes its lines with foreign keys unchecked (past_import.py
foreign_keys_unchecked: each line points at an order the import just gave its id), and
turns the checks back on after it, whether the import succeeds or fails."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from pos_prompter.bootstrap import init_store
from pos_prompter.core.past_orders import PastLine, PastOrder
from pos_prompter.store import Store, StoreError

LINES = (PastLine("LATTE", "Latte", 2, 345), PastLine("MUFFIN", "Muffin", 1, 295))


def past(external_id: str) -> PastOrder:
    return PastOrder(external_id, dt.datetime(2026, 11, 20, 9, 30), LINES)


def checked(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("PRAGMA foreign_keys").fetchone()[0])


def test_checks_are_on_again_after_an_import_and_after_a_failed_one(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    init_store(db, demo="cafe").close()
    with Store.open(db) as store:
        conn = store.db.conn
        assert checked(conn)
        store.sales.import_orders([past("A1"), past("A2")])
        assert checked(conn)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute(
            "SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id "
            "WHERE o.source = 'import'").fetchone() == (4,)
        with pytest.raises(StoreError, match="UNIQUE"):  # the same order id twice
            store.sales.import_orders([past("A3"), past("A3")])
        assert checked(conn)
        # a line of an order that does not exist is still refused afterwards
        with pytest.raises(StoreError), store.write() as w:
            w.execute("INSERT INTO order_lines(order_id, line_no, sku, name, qty, "
                      "unit_price_cents, origin) VALUES (999999, 1, 'LATTE', 'Latte', 1, 345, "
                      "'scan')")
