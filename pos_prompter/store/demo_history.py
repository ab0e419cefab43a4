"""Writing a demo store's generated past sales (pos_prompter.core.demo_history) into it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pos_prompter.core.demo_history import DEFAULT_SEED, HistoryOrder, generate, profile_for
from pos_prompter.store import paid_skus
from pos_prompter.store.store import Store


def _text(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


def next_order_id(store: Store) -> int:
    """The id the store gives its next order (ids are never reused)."""
    row = store.db.execute(
        "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'orders'), 0), "
        "COALESCE((SELECT MAX(id) FROM orders), 0))").fetchone()
    return int(row[0]) + 1


def write_history(store: Store, orders: Sequence[HistoryOrder]) -> int:
    """Add the orders, their lines and prompt outcomes in one transaction (the report
    tables follow through their triggers). Returns how many orders were added."""
    with store.write() as db:
        conn = db.conn
        conn.executemany(
            "INSERT INTO orders(id, status, clerk, customer, opened_at, closed_at, "
            "total_cents) VALUES (?, 'paid', ?, ?, ?, ?, ?)",
            [(o.id, o.clerk, o.customer, _text(o.opened_at), _text(o.closed_at), o.total)
             for o in orders])
        conn.executemany(
            "INSERT INTO order_lines(order_id, line_no, sku, name, qty, unit_price_cents, "
            "origin, rule_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(o.id, ln.no, ln.sku, ln.name, ln.qty, ln.unit_price, ln.origin, ln.rule_id)
             for o in orders for ln in o.lines])
        conn.executemany(
            "INSERT INTO prompt_events(order_id, rule_id, kind, status, clerk, at, "
            "revenue_cents, offer, say) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(o.id, p.rule_id, p.kind, p.status, o.clerk, _text(p.at), p.revenue, p.offer,
              p.say) for o in orders for p in o.prompts])
        paid_skus.catch_up(conn)
    return len(orders)


def add_demo_history(store: Store, demo: str | None, clerks: Sequence[str], *,
                     seed: int = DEFAULT_SEED) -> int:
    """Generate the demo's history over the store's own catalog, rules and settings and
    add it, numbered after the store's last order. Returns how many orders were added."""
    orders = generate(store.catalog.load(), store.rules.load(), store.load_settings(),
                      clerks=clerks, seed=seed, first_id=next_order_id(store),
                      profile=profile_for(demo))
    return write_history(store, orders)


def paid_orders_span(store: Store) -> tuple[int, dt.date, dt.date] | None:
    """How many paid orders the store has, and the first and last day one was paid on
    (None without any)."""
    count, first, last = store.db.execute(
        "SELECT COUNT(*), MIN(closed_at), MAX(closed_at) FROM orders "
        "WHERE status = 'paid'").fetchone()
    if not count:
        return None
    return int(count), dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
