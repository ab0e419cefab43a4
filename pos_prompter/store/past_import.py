"""Writing past orders from another till (`import orders`): a year of a busy shop, 500,000
orders of 2 million lines, in seconds, inside the one transaction the Store opens for it.

The orders get their ids here, one after the store's last (the write lock is held, and
AUTOINCREMENT moves on to the largest id inserted), so each line's row is built with its
order's id at once: no query per chunk to learn the ids SQLite chose. Orders and their
lines go to SQLite with `executemany` in large chunks, between two progress reports.

When the import at least doubles a table, that table's indexes are dropped for the
inserts and made again after them, inside the same transaction: SQLite sorts 2 million
rows into a new index in about half the time it takes to insert them into it one by one
(measured: order_lines by sku, 2.3 -> 1.1 s; the orders' three, 1.3 -> 0.9 s; the unique
one by external id, 100,000 orders: 0.28 -> 0.23 s with its remaking). An error rolls the
drop back with everything else, and no other connection ever sees the store without them;
an order id twice in the import fails the unique index's remaking (the same "UNIQUE
constraint failed"), so nothing of it is kept.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import accumulate, chain, compress, repeat
from operator import attrgetter, eq, methodcaller, mul

from pos_prompter.core.past_orders import PastLine, PastOrder
from pos_prompter.store import paid_skus

Progress = Callable[[int, int], None]

REPORTS = 100
"""Progress reports over an import, at most (a chunk is never under CHUNK_MIN orders)."""

CHUNK_MIN = 1000
"""Orders written between two progress reports, at least."""

ROWS_PER_STATEMENT = 100
"""Rows inserted by one INSERT statement (`VALUES (...), (...), ...`): SQLite's cost per
statement run (reset, binding, the Python call) was half of inserting a line row one
statement a row (measured, 400,000 lines: 0.61 -> 0.31 s CPU at 100 a statement)."""

_ORDERS_HEAD = ("INSERT INTO orders(id, status, opened_at, closed_at, total_cents, source, "
                "external_id) VALUES ")
_ORDER_VALUES = "(?, 'paid', ?, ?, ?, ?, ?)"
_LINES_HEAD = ("INSERT INTO order_lines(order_id, line_no, sku, name, qty, "
               "unit_price_cents, origin) VALUES ")


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
    """Drop `table`'s indexes (those made by CREATE INDEX) when `adding` rows at least
    double it; returns the statements that make them again."""
    if adding < 1000 or conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] > adding:
        return []
    lifted = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name", [table]).fetchall()
    for name, _sql in lifted:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in lifted]


def lift_trigger(conn: sqlite3.Connection, name: str) -> list[str]:
    """Drop the trigger `name` (an insert trigger with a WHEN, even false for every row,
    slows inserting many rows); returns the statement that makes it again."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                       [name]).fetchone()
    if row is None:
        return []
    conn.execute(f'DROP TRIGGER "{name}"')
    return [row[0]]


def _statement(head: str, values: str, rows: int) -> str:
    return head + ", ".join([values] * rows)


def _insert_rows(conn: sqlite3.Connection, head: str, values: str, width: int,
                 flat: list[object]) -> None:
    """Insert the rows whose parameters follow each other in `flat` (`width` a row),
    ROWS_PER_STATEMENT rows to a statement."""
    step = width * ROWS_PER_STATEMENT
    whole = len(flat) // step * step
    if whole:
        conn.executemany(_statement(head, values, ROWS_PER_STATEMENT),
                         zip(*[iter(flat[:whole])] * step, strict=True))
    if whole < len(flat):
        conn.execute(_statement(head, values, (len(flat) - whole) // width), flat[whole:])


def insert_past_orders(conn: sqlite3.Connection, orders: Sequence[PastOrder], *,
                       source: str, at: str, progress: Progress | None = None) -> int:
    """Insert `orders` as paid orders of `source` with their lines; an order without a
    time gets `at`. Inside a write transaction only. Returns the first new order id."""
    assert conn.in_transaction, "past orders are written inside the import's transaction"
    first = next_order_id(conn)
    lifted = _lift_indexes(conn, "orders", len(orders))
    lifted += _lift_indexes(conn, "order_lines", sum(map(len, map(_LINES, orders))))
    for trigger in ("paid_skus_added", "paid_skus_line_added"):  # catch_up does their work
        lifted += lift_trigger(conn, trigger)
    chunk = max(CHUNK_MIN, -(-len(orders) // REPORTS))
    for start in range(0, len(orders), chunk):
        if progress:
            progress(start, len(orders))
        part = orders[start:start + chunk]
        ids = range(first + start, first + start + len(part))
        _insert_rows(conn, _ORDERS_HEAD, _ORDER_VALUES, 6, _order_rows(part, ids, source, at))
        _insert_lines(conn, part, ids)
    for sql in lifted:
        conn.execute(sql)
    paid_skus.catch_up(conn)
    if progress:
        progress(len(orders), len(orders))
    return first


_LINES = attrgetter("lines")
_TIME = attrgetter("time")
_EXTERNAL_ID = attrgetter("external_id")
_QTY, _PRICE = attrgetter("qty"), attrgetter("unit_price")
_ISO = methodcaller("isoformat", timespec="seconds")
_MICROSECOND = attrgetter("microsecond")


def _order_rows(part: Sequence[PastOrder], ids: range, source: str, at: str) -> list[object]:
    """The parameters of the orders' rows, one flat list, built by C loops (map, zip,
    chain) rather than a Python statement per order or line: at 2 million lines, building
    tuples line by line cost about as much as inserting them."""
    lines_of = list(map(_LINES, part))
    ends = list(accumulate(map(len, lines_of)))
    lines = list(chain.from_iterable(lines_of))
    amounts = list(map(mul, map(_QTY, lines), map(_PRICE, lines)))
    totals = list(map(sum, map(amounts.__getitem__, map(slice, [0, *ends[:-1]], ends))))
    times = list(map(_TIME, part))
    if None in times:
        texts = [t.isoformat(timespec="seconds") if t else at for t in times]
    elif any(map(_MICROSECOND, times)):
        texts = list(map(_ISO, times))
    else:  # the same text, without parsing a keyword argument 500,000 times
        texts = list(map(dt.datetime.isoformat, times))
    return list(chain.from_iterable(zip(
        ids, texts, texts, totals, repeat(source), map(_EXTERNAL_ID, part))))


def _insert_lines(conn: sqlite3.Connection, part: Sequence[PastOrder], ids: range) -> None:
    """Insert the orders' lines, the orders of each number of lines together: a statement
    numbers its lines itself and takes each order's id once (`?1`) and each line's four
    fields as they are in its PastLine (sku, name, qty, unit price), so an order's
    parameters are its id and its lines flattened, in C loops. Measured, 400,000 lines:
    0.47 -> 0.40 s CPU against a row of six parameters a line."""
    lines_of = list(map(_LINES, part))
    lens = list(map(len, lines_of))
    counts = sorted(set(lens))
    for k in counts:
        oids: Iterable[int] = ids
        lines: Iterable[tuple[PastLine, ...]] = lines_of
        if len(counts) > 1:
            mask = list(map(eq, lens, repeat(k)))
            oids, lines = compress(ids, mask), compress(lines_of, mask)
        width = 1 + 4 * k
        if width > conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER):  # 999 before 3.32
            conn.executemany(_LINES_HEAD + "(?, ?, ?, ?, ?, ?, 'scan')", [
                (oid, n, *line) for oid, order in zip(oids, lines, strict=True)
                for n, line in enumerate(order, 1)])
            continue
        # ((id,),) + (line, line, ...) flattened twice: id, sku, name, qty, price, sku, ...
        flat = list(chain.from_iterable(chain.from_iterable(
            map(tuple.__add__, zip(zip(oids)), lines))))
        per = max(1, ROWS_PER_STATEMENT // k)
        step = width * per
        whole = len(flat) // step * step
        if whole:
            conn.executemany(_lines_statement(k, per),
                             zip(*[iter(flat[:whole])] * step, strict=True))
        if whole < len(flat):
            conn.execute(_lines_statement(k, (len(flat) - whole) // width), flat[whole:])


def _lines_statement(k: int, orders: int) -> str:
    """INSERT of the lines of `orders` orders of `k` lines each."""
    width = 1 + 4 * k
    return _LINES_HEAD + ", ".join(
        f"(?{b + 1}, {n}, ?{b + 4 * n - 2}, ?{b + 4 * n - 1}, ?{b + 4 * n}, ?{b + 4 * n + 1}, "
        "'scan')" for b in range(0, orders * width, width) for n in range(1, k + 1))
