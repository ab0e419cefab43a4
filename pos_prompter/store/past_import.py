"""Writing past orders from another till (`import orders`): a year of a busy shop, 500,000
orders of 2 million lines, in seconds, inside the one transaction the Store opens for it.

The orders get their ids here, one after the store's last (the write lock is held, and
AUTOINCREMENT moves on to the largest id inserted), so each line's row is built with its
order's id at once: no query per chunk to learn the ids SQLite chose. Orders and their
lines go to SQLite with `executemany` in large chunks, between two progress reports.

When the import at least doubles a table, that table's plain indexes (not the unique one
that finds an order imported twice) are dropped for the inserts and made again after
them, inside the same transaction: SQLite sorts 2 million rows into a new index in about
half the time it takes to insert them into it one by one (measured: order_lines by sku,
2.3 -> 1.1 s; the orders' three, 1.3 -> 0.9 s). An error rolls the drop back with
everything else, and no other connection ever sees the store without them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import count

from pos_prompter.core.past_orders import PastOrder

Progress = Callable[[int, int], None]

REPORTS = 100
"""Progress reports over an import, at most (a chunk is never under CHUNK_MIN orders)."""

CHUNK_MIN = 1000
"""Orders written between two progress reports, at least."""

_INSERT_ORDERS = ("INSERT INTO orders(id, status, opened_at, closed_at, total_cents, source, "
                  "external_id) VALUES (?1, 'paid', ?2, ?2, ?3, ?4, ?5)")
_INSERT_LINES = ("INSERT INTO order_lines(order_id, line_no, sku, name, qty, "
                 "unit_price_cents, origin) VALUES (?, ?, ?, ?, ?, ?, 'scan')")


def next_order_id(conn: sqlite3.Connection) -> int:
    """The id AUTOINCREMENT would give the next order: above every id the store ever used
    (sqlite_sequence), even of an order deleted since."""
    row = conn.execute("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence "
                       "WHERE name = 'orders'), 0), COALESCE(MAX(id), 0)) FROM orders"
                       ).fetchone()
    return int(row[0]) + 1


@contextmanager
def foreign_keys_unchecked(conn: sqlite3.Connection) -> Iterator[None]:
    """Foreign keys not checked for the block, then as they were: to be entered before the
    import's transaction begins (SQLite ignores the pragma inside one). Every line row
    points at an order the same import just inserted, with the id it gave it, so checking
    each of 2 million lines' order (a search of orders per line) finds nothing: measured,
    the lines' inserts 4.1-4.7 -> 3.1-3.3 s CPU. Inside a transaction already begun it
    changes nothing (the checks stay on)."""
    was = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA foreign_keys={'ON' if was else 'OFF'}")


def _lift_indexes(conn: sqlite3.Connection, table: str, adding: int) -> list[str]:
    """Drop `table`'s plain indexes when `adding` rows at least double it; returns the
    statements that make them again."""
    if adding < 1000 or conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] > adding:
        return []
    unique = {row[1] for row in conn.execute(f"PRAGMA index_list({table})") if row[2]}
    lifted = [(name, sql) for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name", [table]) if name not in unique]
    for name, _sql in lifted:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in lifted]


def insert_past_orders(conn: sqlite3.Connection, orders: Sequence[PastOrder], *,
                       source: str, at: str, progress: Progress | None = None) -> int:
    """Insert `orders` as paid orders of `source` with their lines; an order without a
    time gets `at`. Inside a write transaction only. Returns the first new order id."""
    assert conn.in_transaction, "past orders are written inside the import's transaction"
    first = next_order_id(conn)
    lifted = _lift_indexes(conn, "orders", len(orders))
    lifted += _lift_indexes(conn, "order_lines", sum([len(o.lines) for o in orders]))
    chunk = max(CHUNK_MIN, -(-len(orders) // REPORTS))
    for start in range(0, len(orders), chunk):
        if progress:
            progress(start, len(orders))
        part = orders[start:start + chunk]
        ids = range(first + start, first + start + len(part))
        conn.executemany(_INSERT_ORDERS, zip(
            ids,
            [o.time.isoformat(timespec="seconds") if o.time else at for o in part],
            [sum([ln.qty * ln.unit_price for ln in o.lines]) for o in part],
            [source] * len(part),
            [o.external_id for o in part], strict=True))
        conn.executemany(_INSERT_LINES, [
            (oid, n, ln.sku, ln.name, ln.qty, ln.unit_price)
            for oid, o in zip(ids, part, strict=True)
            for n, ln in zip(count(1), o.lines)])
    for sql in lifted:
        conn.execute(sql)
    if progress:
        progress(len(orders), len(orders))
    return first
