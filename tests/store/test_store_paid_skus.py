"""Paid orders by product in batches (store/paid_skus.py, issue 11 point 9): whatever writes
the sales tables, paid_skus holds exactly the paid orders' lines up to its `upto`, and the
attach rates and the what-if's filter read the same orders as a plain walk of every paid
line would, in the batches and in the last orders not added yet."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from pos_prompter.bootstrap import DEFAULT_CLERK, init_store
from pos_prompter.core.order import FixedClock
from pos_prompter.core.rule_model import Scanned
from pos_prompter.core.whatif_window import Window
from pos_prompter.store import Store, paid_skus
from pos_prompter.store.demo_history import add_demo_history
from pos_prompter.store.history import StoreHistory
from pos_prompter.store.practice import strip_sales
from pos_prompter.store.replay import paid_orders
from pos_prompter.till import Till

OLD_STORE = Path(__file__).parent / "data" / "store-m002.db"
DAY = dt.datetime(2026, 11, 23, 8, 0)
SKUS = ("LATTE-T", "MUFFIN-BB", "COOKIE-OAT", "CAPP-G", "CROISSANT")
LATTE_T, MUFFIN_BB = "2100000000012", "2100000000203"  # their barcodes


@pytest.fixture
def store(tmp_path: Path) -> Store:
    init_store(tmp_path / "cafe.db", demo="cafe").close()
    with Store.open(tmp_path / "cafe.db") as opened:
        yield opened


def upto(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT upto FROM paid_skus_head").fetchone()[0])


def pay_by_sql(store: Store, n: int, *, at: dt.datetime = DAY) -> list[int]:
    """`n` orders opened and paid as the till's save writes them (the lines first, then
    the order's status), in one transaction; their ids."""
    ids = []
    with store.write() as db:
        for k in range(n):
            when = (at + dt.timedelta(minutes=k)).isoformat(timespec="seconds")
            oid = db.execute("INSERT INTO orders(status, opened_at, till) "
                             "VALUES ('open', ?, 't1')", [when]).lastrowid
            for no, sku in enumerate((SKUS[k % 5], SKUS[(k * 3 + 1) % 5]), start=1):
                db.execute("INSERT INTO order_lines(order_id, line_no, sku, name, qty, "
                           "unit_price_cents, origin) VALUES (?, ?, ?, 'x', 1, 100, 'scan')",
                           [oid, no, sku])
            db.execute("UPDATE orders SET status = 'paid', closed_at = ? WHERE id = ?",
                       [when, oid])
            ids.append(oid)
    return ids


def plain_rate(conn: sqlite3.Connection, trigger: str, offer: str, now: dt.datetime,
               days: int = 90) -> tuple[int, int]:
    """Orders with `trigger`, and of them with `offer`: every paid line walked."""
    since = (now - dt.timedelta(days=days)).isoformat(timespec="seconds")
    with_trigger = {r[0] for r in conn.execute(
        "SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id "
        "WHERE o.status = 'paid' AND l.sku = ? AND o.closed_at >= ? AND o.closed_at < ?",
        [trigger, since, now.isoformat(timespec="seconds")])}
    with_offer = {r[0] for r in conn.execute(
        "SELECT order_id FROM order_lines WHERE sku = ?", [offer])}
    return len(with_trigger), len(with_trigger & with_offer)


def rates_agree(store: Store, now: dt.datetime) -> None:
    history = StoreHistory(store.db, min_orders=1)
    for trigger in SKUS:
        for offer in SKUS:
            if offer == trigger:
                continue
            orders, together = plain_rate(store.db.conn, trigger, offer, now)
            rate = history.attach_rate(trigger, offer, now)
            if orders == 0:
                assert rate is None
            else:
                assert rate is not None
                assert rate.orders == orders
                assert rate.share == Decimal(together) / Decimal(orders)


def test_a_payment_adds_the_last_orders_once_they_are_a_batch(store: Store) -> None:
    conn = store.db.conn
    first = pay_by_sql(store, paid_skus.BATCH - 1)
    assert upto(conn) == 0  # the tail: read live
    assert conn.execute("SELECT count(*) FROM paid_skus").fetchone() == (0,)
    now = DAY + dt.timedelta(days=1)
    rates_agree(store, now)
    last = pay_by_sql(store, 1, at=DAY + dt.timedelta(hours=6))
    assert upto(conn) == last[0] == first[0] + paid_skus.BATCH - 1
    assert conn.execute("SELECT count(*) FROM paid_skus").fetchone() == (
        2 * paid_skus.BATCH,)
    assert paid_skus.agrees(conn)
    rates_agree(store, now)
    pay_by_sql(store, 10, at=DAY + dt.timedelta(hours=8))  # a new tail after the batch
    assert upto(conn) == last[0]
    rates_agree(store, now)


def test_an_order_open_through_a_batch_is_added_when_paid(store: Store) -> None:
    conn = store.db.conn
    till = Till(store, FixedClock(DAY))
    till.sign_in(DEFAULT_CLERK)
    till.scan(LATTE_T)  # the till's order, opened first, is paid after the batch
    open_id = till.order_id
    pay_by_sql(store, paid_skus.BATCH + 5)
    assert upto(conn) > open_id
    assert not conn.execute("SELECT 1 FROM paid_skus WHERE order_id = ?",
                            [open_id]).fetchall()
    till.scan(MUFFIN_BB)
    till.pay()
    assert conn.execute("SELECT sku FROM paid_skus WHERE order_id = ? ORDER BY line_no",
                        [open_id]).fetchall()[:1] == [("LATTE-T",)]
    assert paid_skus.agrees(conn)
    rates_agree(store, DAY + dt.timedelta(days=1))


def test_changes_to_paid_orders_behind_the_batch_follow(store: Store) -> None:
    conn = store.db.conn
    ids = pay_by_sql(store, paid_skus.BATCH)
    assert upto(conn) == ids[-1]
    with store.write() as db:
        db.execute("DELETE FROM order_lines WHERE order_id = ? AND line_no = 1", [ids[0]])
        db.execute("UPDATE order_lines SET sku = 'CROISSANT', origin = 'upsell' "
                   "WHERE order_id = ? AND line_no = 2", [ids[1]])
        db.execute("INSERT INTO order_lines(order_id, line_no, sku, name, qty, "
                   "unit_price_cents, origin) VALUES (?, 9, 'COOKIE', 'x', 1, 100, 'scan')",
                   [ids[2]])
        db.execute("UPDATE orders SET closed_at = '2026-11-30T09:00:00' WHERE id = ?",
                   [ids[3]])
        db.execute("UPDATE orders SET status = 'open' WHERE id = ?", [ids[4]])
        db.execute("DELETE FROM orders WHERE id = ?", [ids[5]])
    assert paid_skus.agrees(conn)
    assert conn.execute("SELECT day FROM paid_skus WHERE order_id = ?",
                        [ids[3]]).fetchall() == [("2026-11-30",), ("2026-11-30",)]
    rates_agree(store, dt.datetime(2026, 12, 1))


def test_demo_history_and_a_practice_strip_keep_it_right(store: Store) -> None:
    conn = store.db.conn
    added = add_demo_history(store, "cafe", ["ana"])
    assert added > paid_skus.BATCH
    assert upto(conn) == conn.execute("SELECT MAX(id) FROM orders").fetchone()[0]
    assert paid_skus.agrees(conn)
    last = conn.execute("SELECT MAX(closed_at) FROM orders").fetchone()[0]
    now = dt.datetime.fromisoformat(last) + dt.timedelta(minutes=1)
    rates_agree(store, now)
    window = Window.last_days(30, now)
    for scanned in (Scanned(skus=frozenset({"LATTE-T"})),
                    Scanned(categories=frozenset({"bakery"}))):
        plain = conn.execute(
            "SELECT count(DISTINCT o.id) FROM orders o JOIN order_lines l "
            "ON l.order_id = o.id JOIN products p ON p.sku = l.sku "
            "WHERE o.status = 'paid' AND o.closed_at >= ? AND o.closed_at <= ? "
            "AND l.origin IN ('scan', 'upsell') AND (p.sku IN (SELECT value FROM "
            "json_each(?)) OR p.category IN (SELECT value FROM json_each(?)))",
            [window.since.isoformat(timespec="seconds"),
             window.until.isoformat(timespec="seconds"),
             json.dumps(sorted(scanned.skus)),
             json.dumps(sorted(scanned.categories))]).fetchone()[0]
        assert plain > 0
        assert paid_orders(store.db, window, scanned) == plain
    strip_sales(store)
    assert upto(conn) == 0
    assert conn.execute("SELECT count(*) FROM paid_skus").fetchone() == (0,)
    pay_by_sql(store, 3)
    assert paid_skus.agrees(conn)
    rates_agree(store, DAY + dt.timedelta(days=1))


def test_an_older_store_gets_its_paid_orders_and_loses_the_sku_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(OLD_STORE, path)
    with sqlite3.connect(path) as conn:
        paid = conn.execute("SELECT count(*) FROM orders WHERE status = 'paid'").fetchone()[0]
    conn.close()
    assert paid > 0
    with Store.open(path) as store:
        conn = store.db.conn
        assert paid_skus.agrees(conn)
        assert conn.execute("SELECT count(DISTINCT order_id) FROM paid_skus").fetchone() == (
            paid,)
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'order_lines_sku'"
                                ).fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_paid_orders_inserted_whole_leave_a_short_tail(store: Store) -> None:
    """A writer that inserts paid orders and then their lines (a sync, a script) leaves
    at most a batch of them to be read live, and paid_skus right."""
    conn = store.db.conn
    n = 3 * paid_skus.BATCH + 7
    when = DAY.isoformat(timespec="seconds")
    with store.write() as db:
        db.conn.executemany("INSERT INTO orders(id, status, opened_at, closed_at) "
                            "VALUES (?, 'paid', ?, ?)", [(i, when, when) for i in range(1, n + 1)])
        db.conn.executemany(
            "INSERT INTO order_lines(order_id, line_no, sku, name, qty, unit_price_cents, "
            "origin) VALUES (?, 1, ?, 'x', 1, 100, 'scan')",
            [(i, SKUS[i % 5]) for i in range(1, n + 1)])
    assert n - paid_skus.BATCH < upto(conn) < n
    assert paid_skus.agrees(conn)
    rates_agree(store, DAY + dt.timedelta(days=1))
