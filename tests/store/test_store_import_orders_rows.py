"""store.sales.import_orders writes orders and lines many rows to a statement (past_import.py
ROWS_PER_STATEMENT): every order and line arrives as given, in order, whether it falls in a
whole statement or in the last, shorter one, and each order's total is its lines'."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from pos_prompter.bootstrap import init_store
from pos_prompter.core.past_orders import PastLine, PastOrder
from pos_prompter.store import Store
from pos_prompter.store.past_import import ROWS_PER_STATEMENT
from pos_prompter.store.reports import report_tables_agree

LINES = [PastLine("LATTE", "Latte", 2, 345), PastLine("MUFFIN", "Muffin", 1, 295),
         PastLine("COOKIE", "Cookie", 3, 180)]


def past(n: int, *, untimed: bool) -> PastOrder:
    """Order n has 1 + n % 7 lines, no time every fifth order if `untimed`, and a time
    with microseconds (kept to the second) every eleventh."""
    lines = tuple(LINES[(n + k) % 3] for k in range(1 + n % 7))
    when = None if n % 5 == 0 and untimed else dt.datetime(2026, 11, 20, 9, n % 60, n % 7,
                                                        250_000 * (n % 11 == 3))
    return PastOrder(f"R{n}", when, lines)


@pytest.mark.parametrize(("orders", "untimed"), [
    (1, True), (ROWS_PER_STATEMENT, True), (3 * ROWS_PER_STATEMENT + 7, True),
    (3 * ROWS_PER_STATEMENT + 7, False), (3, False)])
def test_every_order_and_line_arrives_as_given(tmp_path: Path, orders: int,
                                               untimed: bool) -> None:
    db = tmp_path / "shop.db"
    init_store(db, demo="cafe").close()
    given = [past(n, untimed=untimed) for n in range(orders)]
    with Store.open(db) as store:
        store.sales.import_orders(given, now=dt.datetime(2026, 12, 1, 10, 0))
        conn = store.db.conn
        rows = conn.execute("SELECT id, external_id, status, opened_at, closed_at, "
                            "total_cents FROM orders ORDER BY id").fetchall()
        lines = conn.execute("SELECT order_id, line_no, sku, name, qty, unit_price_cents, "
                             "origin FROM order_lines ORDER BY order_id, line_no").fetchall()
        assert report_tables_agree(conn)
    first = rows[0][0]
    assert rows == [
        (first + i, o.external_id, "paid",
         o.time.isoformat(timespec="seconds") if o.time else "2026-12-01T10:00:00",
         o.time.isoformat(timespec="seconds") if o.time else "2026-12-01T10:00:00",
         sum(ln.qty * ln.unit_price for ln in o.lines))
        for i, o in enumerate(given)]
    assert lines == [(first + i, k, ln.sku, ln.name, ln.qty, ln.unit_price, "scan")
                     for i, o in enumerate(given) for k, ln in enumerate(o.lines, 1)]


def test_an_order_of_more_lines_than_a_statement_may_bind(tmp_path: Path) -> None:
    """SQLite before 3.32 binds 999 parameters at most: an order of 300 lines (1,201 as
    one order's row) is written a line at a time, one of 200 (801) in one statement."""
    db = tmp_path / "shop.db"
    init_store(db, demo="cafe").close()
    given = [PastOrder("BIG", None, tuple(LINES[k % 3] for k in range(300))),
             PastOrder("MID", None, tuple(LINES[k % 3] for k in range(200))),
             past(1, untimed=False)]
    with Store.open(db) as store:
        conn = store.db.conn
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
        store.sales.import_orders(given)
        lines = conn.execute("SELECT o.external_id, l.line_no, l.sku, l.qty FROM order_lines l "
                             "JOIN orders o ON o.id = l.order_id "
                             "ORDER BY o.id, l.line_no").fetchall()
        totals = conn.execute("SELECT total_cents FROM orders ORDER BY id").fetchall()
    assert lines == [(o.external_id, k, ln.sku, ln.qty) for o in given
                     for k, ln in enumerate(o.lines, 1)]
    assert totals == [(sum(ln.qty * ln.unit_price for ln in o.lines),) for o in given]
