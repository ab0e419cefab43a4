"""store.sales.import_orders of many orders (past_import.py): the orders get ids after every id
the store ever used, and a big import drops the tables' plain indexes for its inserts and
makes them again inside its transaction, so the store ends with its schema exactly as it
was, also when the import fails."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pos_prompter.bootstrap import init_store
from pos_prompter.core.past_orders import PastLine, PastOrder
from pos_prompter.store import Store, StoreError, paid_skus
from pos_prompter.store.past_import import CHUNK_MIN
from pos_prompter.store.reports import report_tables_agree

INDEXES = ("SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
           "AND tbl_name IN ('orders', 'order_lines') ORDER BY name")


def past(n: int) -> PastOrder:
    return PastOrder(f"A{n}", dt.datetime(2026, 11, 20, 9, n % 60),
                     (PastLine("LATTE", "Latte", 2, 345), PastLine("MUFFIN", "Muffin", 1, 295)))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    db = tmp_path / "shop.db"
    init_store(db, demo="cafe").close()
    with Store.open(db) as opened:
        yield opened


def test_a_big_import_leaves_every_index_as_it_was(store: Store) -> None:
    conn = store.db.conn
    before = conn.execute(INDEXES).fetchall()
    assert any(name == "paid_skus_line_added" for name, _sql in before)  # lifted, put back
    summary = store.sales.import_orders([past(n) for n in range(2 * CHUNK_MIN)])
    assert len(summary.added) == 2 * CHUNK_MIN
    assert conn.execute(INDEXES).fetchall() == before
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # the imported orders' lines are found by product without waiting for a payment
    assert conn.execute("SELECT upto FROM paid_skus_head").fetchone() == (2 * CHUNK_MIN,)
    assert conn.execute("SELECT count(DISTINCT order_id) FROM paid_skus "
                        "WHERE day = '2026-11-20' AND sku = 'LATTE'").fetchone() == (
        2 * CHUNK_MIN,)
    assert paid_skus.agrees(conn)
    assert conn.execute("SELECT count(*), sum(total_cents) FROM orders").fetchone() == (
        2 * CHUNK_MIN, 2 * CHUNK_MIN * (2 * 345 + 295))
    assert conn.execute("SELECT count(*) FROM order_lines").fetchone() == (4 * CHUNK_MIN,)
    assert report_tables_agree(conn)


def test_a_failed_big_import_rolls_back_with_its_indexes(store: Store) -> None:
    conn = store.db.conn
    before = conn.execute(INDEXES).fetchall()
    orders = [past(n) for n in range(2 * CHUNK_MIN)]
    with pytest.raises(StoreError, match="UNIQUE"):  # the same order id twice
        store.sales.import_orders([*orders, past(7)])
    assert conn.execute(INDEXES).fetchall() == before
    assert conn.execute("SELECT count(*) FROM orders").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM order_lines").fetchone() == (0,)


def test_imported_ids_follow_every_id_ever_used_and_lines_follow_their_order(
        store: Store) -> None:
    conn = store.db.conn
    with store.write() as db:
        gone = db.execute("INSERT INTO orders(status, opened_at) VALUES ('open', "
                          "'2026-11-20T08:00:00')").lastrowid
        db.execute("DELETE FROM orders WHERE id = ?", [gone])
    store.sales.import_orders([past(1), past(2)])
    rows = conn.execute("SELECT id, external_id FROM orders ORDER BY id").fetchall()
    assert rows == [(gone + 1, "A1"), (gone + 2, "A2")]
    lines = conn.execute("SELECT order_id, line_no, sku, qty, unit_price_cents "
                         "FROM order_lines ORDER BY order_id, line_no").fetchall()
    assert lines == [(gone + 1, 1, "LATTE", 2, 345), (gone + 1, 2, "MUFFIN", 1, 295),
                     (gone + 2, 1, "LATTE", 2, 345), (gone + 2, 2, "MUFFIN", 1, 295)]
    assert store.sales.new_order(clerk=None, customer=None, now=dt.datetime(2026, 11, 21)) \
        == gone + 3
