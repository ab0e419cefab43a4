"""Which paid orders hold a product, kept in batches instead of an index written per scan
(issue 11, point 9: bytes written per scan).

Two readers look paid orders up by product: the attach rates of a prompt's evidence
(history.py) and the what-if's orders with a trigger product (replay.py). Both read paid
orders only. An index on order_lines(sku) cost every scan a page at a random place (1.4
pages of 1 KB in the WAL, and at a till that has sold for months a 4 KB block apiece at
the next checkpoint: 4 KB more per scan measured on a store of 100,000 past orders).

Here the store keeps `paid_skus`, keyed by (day, sku, order_id, line_no): the lines of
every paid order up to `paid_skus_head.upto`, an order id. The orders after it (at most
BATCH orders and the tills' open ones) are the tail, which readers read live from the
end of order_lines or through the orders' own key. When a payment's order is BATCH ids
past `upto`, its commit adds the tail's paid orders at the end of their day's rows (sorted,
a few pages for hundreds of orders) and moves `upto` to it. Triggers keep the table right
whatever writes the sales tables (a till, an import, demo history, practice, a sqlite3
session): an order at or below `upto` paid, changed, or deleted, and its lines added,
changed or deleted.

Readers: `TAIL` (the tail's order ids) and `days_between` (the days to look up).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

BATCH = 256
"""Order ids past `upto` at which a payment adds the tail: readers read at most about
this many orders' lines live (an attach rate's read of 160 orders' lines: 0.03 ms), and a
batch adds its rows to a few of its day's pages (0.29 pages a pay on average)."""

UPTO = "(SELECT upto FROM paid_skus_head)"


def _day(o: str) -> str:
    return f"substr({o}.closed_at, 1, 10)"


TABLES = """
CREATE TABLE paid_skus (
    day TEXT NOT NULL,          -- substr(closed_at, 1, 10) of the order (its text's day)
    sku TEXT NOT NULL,
    order_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    origin TEXT NOT NULL,
    PRIMARY KEY (day, sku, order_id, line_no)
) WITHOUT ROWID;
CREATE TABLE paid_skus_head (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    upto INTEGER NOT NULL        -- every paid order with an id up to it is in paid_skus
);
INSERT INTO paid_skus_head(one, upto) VALUES (1, 0)"""


def _add_orders(where: str) -> str:
    """The lines of the paid orders `o` that match `where`, added (sorted by the key)."""
    return f"""INSERT OR REPLACE INTO paid_skus(day, sku, order_id, line_no, origin)
    SELECT {_day('o')}, l.sku, l.order_id, l.line_no, l.origin
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.status = 'paid' AND o.closed_at IS NOT NULL AND {where}
    ORDER BY 1, 2, 3, 4"""


def _remove_order(old: str) -> str:
    """The rows of the order `old` (a trigger's OLD row), one key seek per line."""
    return f"""DELETE FROM paid_skus
    WHERE (day, sku, order_id, line_no) IN (
        SELECT {_day(old)}, l.sku, l.order_id, l.line_no FROM order_lines l
        WHERE l.order_id = {old}.id)"""


def _remove_line(old: str) -> str:
    return f"""DELETE FROM paid_skus
    WHERE day = (SELECT {_day('o')} FROM orders o WHERE o.id = {old}.order_id)
      AND sku = {old}.sku AND order_id = {old}.order_id AND line_no = {old}.line_no"""


def _add_line(new: str) -> str:
    return f"""INSERT OR REPLACE INTO paid_skus(day, sku, order_id, line_no, origin)
    SELECT {_day('o')}, {new}.sku, {new}.order_id, {new}.line_no, {new}.origin
    FROM orders o WHERE o.id = {new}.order_id AND o.status = 'paid'
      AND o.closed_at IS NOT NULL"""


def _batch(when: str) -> str:
    """A paid order BATCH ids past `upto`: the tail's paid orders added, `upto` moved to
    it. The tills' orders below it still open are added by paid_skus_order when paid; the
    lines of one inserted paid (a sync or a script adding orders, then their lines) by
    paid_skus_line_added."""
    return f"""CREATE TRIGGER paid_skus_{when} AFTER {'INSERT' if when == 'added' else
                                                   'UPDATE OF status'} ON orders
    WHEN NEW.status = 'paid' AND NEW.id - {UPTO} >= {BATCH}
    BEGIN
        {_add_orders(f"o.id > {UPTO} AND o.id <= NEW.id")};
        UPDATE paid_skus_head SET upto = NEW.id;
    END"""


TRIGGERS = (
    _batch("paid"),
    _batch("added"),
    # An order at or below `upto` paid late, unpaid, or moved to another day.
    f"""CREATE TRIGGER paid_skus_order AFTER UPDATE OF status, closed_at, opened_at ON orders
    WHEN NEW.id <= {UPTO} AND (OLD.status = 'paid' OR NEW.status = 'paid')
    BEGIN
        {_remove_order('OLD')} AND OLD.status = 'paid';
        {_add_orders('o.id = NEW.id')};
    END""",
    f"""CREATE TRIGGER paid_skus_order_deleted BEFORE DELETE ON orders
    WHEN OLD.id <= {UPTO} AND OLD.status = 'paid'
    BEGIN
        {_remove_order('OLD')};
    END""",
    f"""CREATE TRIGGER paid_skus_line_added AFTER INSERT ON order_lines
    WHEN NEW.order_id <= {UPTO}
    BEGIN
        {_add_line('NEW')};
    END""",
    f"""CREATE TRIGGER paid_skus_line_changed AFTER UPDATE OF order_id, line_no, sku, origin
    ON order_lines
    WHEN OLD.order_id <= {UPTO} OR NEW.order_id <= {UPTO}
    BEGIN
        {_remove_line('OLD')};
        {_add_line('NEW')} AND NEW.order_id <= {UPTO};
    END""",
    f"""CREATE TRIGGER paid_skus_line_deleted AFTER DELETE ON order_lines
    WHEN OLD.order_id <= {UPTO}
    BEGIN
        {_remove_line('OLD')};
    END""",
)


def catch_up(conn: sqlite3.Connection) -> None:
    """Add the whole tail now (inside the caller's transaction): after an import or
    demo history of many paid orders, which would else wait for a payment's batch and
    make the readers read them live meanwhile."""
    last = conn.execute("SELECT COALESCE(MAX(id), 0) FROM orders").fetchone()[0]
    conn.execute(_add_orders(f"o.id > {UPTO} AND o.id <= ?"), [last])
    conn.execute("UPDATE paid_skus_head SET upto = MAX(upto, ?)", [last])


def create(conn: sqlite3.Connection) -> None:
    """The table, its head and triggers, filled from the paid orders there are."""
    for statement in TABLES.split(";\n"):
        conn.execute(statement)
    for trigger in TRIGGERS:
        conn.execute(trigger)
    catch_up(conn)


def reset(conn: sqlite3.Connection) -> None:
    """Empty, before every order is deleted (a practice store's sales stripped)."""
    conn.execute("DELETE FROM paid_skus")
    conn.execute("UPDATE paid_skus_head SET upto = 0")


TAIL = f"(SELECT o.id FROM orders o WHERE o.id > {UPTO} AND +o.status = 'paid')"
"""The paid orders not in paid_skus yet: read live through the orders' key (`+status`:
through orders(status, till), SQLite walked every paid order's entry, 9 ms at 100,000)."""


def days_between(since: dt.datetime, until: dt.datetime, *, inner: bool = False) -> str:
    """The days of the rows of orders paid from `since` to `until` (a JSON list for
    `json_each`). A row's day is the first 10 characters of the order's stored time, so
    every order of a day strictly between the two is paid in the range, as the stored
    times compare as text: `inner` lists only those days, whose rows need no look at the
    order's time (an attach rate of a product in 900 orders looked each one up: 1.5 ms)."""
    first, last = since.date(), until.date()
    if inner:
        first, last = first + dt.timedelta(days=1), last - dt.timedelta(days=1)
    return json.dumps([(first + dt.timedelta(days=n)).isoformat()
                       for n in range((last - first).days + 1)])


def agrees(conn: sqlite3.Connection) -> bool:
    """Whether paid_skus holds exactly the lines of the paid orders up to `upto`."""
    expected = f"""
        SELECT {_day('o')}, l.sku, l.order_id, l.line_no, l.origin
        FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.status = 'paid' AND o.closed_at IS NOT NULL AND o.id <= {UPTO}"""
    kept = "SELECT day, sku, order_id, line_no, origin FROM paid_skus"
    row = conn.execute(f"SELECT EXISTS ({expected} EXCEPT {kept}), "
                       f"EXISTS ({kept} EXCEPT {expected})").fetchone()
    return not row[0] and not row[1]
