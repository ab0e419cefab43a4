"""The rows of an order at the till: what each save writes, and reading an open order back.

A save writes the lines that changed since the last save (OrderLines.changed: a scan adds
one row), the order's row without its lines (`state` is OrderSession.head_state), and the
prompt outcomes of the action. So a scan's write does not grow with the order, and the
indexed columns of `orders` (status, closed_at) are set only when the order is paid: a
column left out of an UPDATE leaves its indexes untouched, and each index page touched is
one more page in the WAL for every scan.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from pos_prompter.core.order import OrderLine, OrderLines
from pos_prompter.core.session import OrderSession, TillEvent

PROMPT_STATUS = {"prompt": "shown", "accepted": "accepted", "declined": "declined",
                 "ignored": "ignored", "held_out": "held_out"}
"""Till events that are prompt outcomes, and the status each is logged as."""

LINE_COLUMNS = ("sku", "name", "qty", "unit_price_cents", "origin", "rule_id", "replaced_sku",
                "list_price_cents", "declined")
"""The columns of order_lines that hold an OrderLine (besides order_id and line_no)."""

FIRST_COLUMNS = ("order_id", "line_no", *LINE_COLUMNS[:6])
"""order_lines as the first schema had it (what Store.order_lines returns)."""


def line_values(line: OrderLine) -> tuple[Any, ...]:
    """`line` in LINE_COLUMNS order."""
    return (line.sku, line.name, line.qty, line.unit_price, line.origin, line.rule_id,
            line.replaced_sku, line.list_price,
            json.dumps(list(line.declined)) if line.declined else None)


def line_from_row(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    """An OrderLine's dict (OrderLine.from_dict) from (line_no, *LINE_COLUMNS)."""
    no, sku, name, qty, price, origin, rule_id, replaced, list_price, declined = row
    return {"no": no, "sku": sku, "name": name, "qty": qty, "unit_price": price,
            "origin": origin, "rule_id": rule_id, "replaced_sku": replaced,
            "list_price": list_price, "declined": json.loads(declined) if declined else []}


def save_order(conn: sqlite3.Connection, session: OrderSession, events: Iterable[TillEvent],
               at: str, rev: int) -> bool:
    """Write the order as `session` now has it, inside the caller's transaction. False (and
    nothing written) when the order's revision is no longer `rev`."""
    if session.paid:  # a paid order is never read back: its row keeps no recovery copy
        cur = conn.execute(
            "UPDATE orders SET status = 'paid', closed_at = ?, clerk = ?, customer = ?, "
            "total_cents = ?, state = '{}', rev = rev + 1 WHERE id = ? AND rev = ?",
            [at, session.clerk, session.customer, session.total, session.order_id, rev])
    else:
        state = json.dumps(session.head_state(), separators=(",", ":"))
        cur = conn.execute(
            "UPDATE orders SET clerk = ?, customer = ?, total_cents = ?, state = ?, "
            "rev = rev + 1 WHERE id = ? AND rev = ?",
            [session.clerk, session.customer, session.total, state, session.order_id, rev])
    if cur.rowcount != 1:
        return False
    write_lines(conn, session.order_id, session.lines)
    log_prompt_events(conn, session, events, at)
    return True


def write_lines(conn: sqlite3.Connection, order_id: int, lines: OrderLines) -> None:
    """The lines changed since they were last saved: a new one inserted, a removed one
    deleted, a changed one updated in the columns that changed."""
    for no, before in sorted(lines.changed.items()):
        line = lines.get(no)
        if line is None:
            if before is not None:
                conn.execute("DELETE FROM order_lines WHERE order_id = ? AND line_no = ?",
                             [order_id, no])
            continue
        values = line_values(line)
        if before is None:  # new, or a row of an older save that lacks some columns
            names = ", ".join(LINE_COLUMNS)
            updates = ", ".join(f"{c} = excluded.{c}" for c in LINE_COLUMNS)
            conn.execute(f"INSERT INTO order_lines(order_id, line_no, {names}) "
                         f"VALUES (?, ?{', ?' * len(LINE_COLUMNS)}) "
                         f"ON CONFLICT(order_id, line_no) DO UPDATE SET {updates}",
                         [order_id, no, *values])
            continue
        changed = [(c, v) for c, v, old in zip(LINE_COLUMNS, values, line_values(before),
                                               strict=True) if v != old]
        if changed:
            conn.execute(f"UPDATE order_lines SET {', '.join(f'{c} = ?' for c, _ in changed)} "
                         "WHERE order_id = ? AND line_no = ?",
                         [*(v for _, v in changed), order_id, no])


def log_prompt_events(conn: sqlite3.Connection, session: OrderSession,
                      events: Iterable[TillEvent], at: str) -> None:
    """The prompt outcomes among `events`, one prompt_events row each."""
    for ev in events:
        status = PROMPT_STATUS.get(ev.event)
        if status is None or ev.data.get("updated"):
            continue  # not a prompt outcome; or the same prompt, new figures
        offer = ev.data.get("offer") or {}
        revenue = 0
        if ev.event == "accepted":
            revenue = int(Decimal(ev.data.get("revenue", "0")) * 100)
        conn.execute(
            "INSERT INTO prompt_events(order_id, rule_id, kind, status, clerk, at, "
            "revenue_cents, offer, say) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [ev.order, ev.data["rule"], ev.data.get("kind", ""), status, session.clerk,
             at, revenue, json.dumps(offer.get("skus")) if offer else None,
             ev.data.get("say")])


def read_lines(conn: sqlite3.Connection, order_id: int) -> list[dict[str, Any]]:
    """The order's lines as saved, as OrderLine dicts, in line order."""
    rows = conn.execute(f"SELECT line_no, {', '.join(LINE_COLUMNS)} FROM order_lines "
                        "WHERE order_id = ? ORDER BY line_no", [order_id])
    return [line_from_row(row) for row in rows]
