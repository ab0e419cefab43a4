"""The rows of an order at the till: what each save writes, and reading an open order back.

A save writes the lines that changed since the last save (OrderLines.changed: a scan adds
one row), the order's row without its lines (`state` is OrderSession.head_state) when that
changed, and the prompt outcomes of the action. So a scan's write does not grow with the
order, a scan that only adds a line leaves the order's row alone, and the indexed columns
of `orders` (status, closed_at) are set only when the order is paid: a column left out of
an UPDATE leaves its indexes untouched. Each page a commit changes is one more page in the
WAL, synced (issue 11, point 9; bench/wal_pages.py counts them).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pos_prompter.core.order import OrderLine, OrderLines
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.core.till_event import TillEvent
from pos_prompter.store.base import StoreCore, StoreError, now_text

if TYPE_CHECKING:
    from pos_prompter.core.session import OrderSession

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


def commit_order(core: StoreCore, session: OrderSession, events: Iterable[TillEvent],
                 now: dt.datetime, *, rev: int) -> int:
    """Commit the order as it now is, with the prompt outcomes of `events`, at once; its new
    revision. `rev` is the revision this till last saved (or read); if someone else saved
    the order since, nothing is written and StoreError says so."""
    with core.write() as db:
        new_rev = save_order(db.conn, session, events, now_text(now), rev)
        if new_rev is None:
            raise StoreError(QT_TRANSLATE_NOOP("store", "order {order} was changed at another "
                                                        "till; reopen the till to see it as it "
                                                        "now is").format(order=session.order_id))
    return new_rev


def save_order(conn: sqlite3.Connection, session: OrderSession, events: Iterable[TillEvent],
               at: str, rev: int) -> int | None:
    """Write the order as `session` now has it, inside the caller's transaction; its new
    revision. None (and nothing written) when another till saved the order since: its
    revision is no longer `rev`, or it has a line this till does not know of.

    The order's row is written only when its head (`head_state`) changed in more than what
    the lines tell again (`recovered_next_line_no`), or a saved line changed: a scan that
    only adds a line leaves the row, its revision and its total as they were (the total
    is the lines' sum, and paying writes it), and its commit changes one page fewer. A
    line another till added since is then found by the lines' own key (`_newest_line`)."""
    row = conn.execute("SELECT rev, state, clerk, customer FROM orders WHERE id = ?",
                       [session.order_id]).fetchone()
    if row is None or row[0] != rev:
        return None
    stored = _stored_head(row[1])
    if stored is not None and _newest_line(conn, session.order_id) >= _first_new(session):
        return None
    if session.paid:  # a paid order is never read back: its row keeps no recovery copy
        conn.execute(
            "UPDATE orders SET status = 'paid', closed_at = ?, clerk = ?, customer = ?, "
            "total_cents = ?, state = '{}', rev = rev + 1 WHERE id = ?",
            [at, session.clerk, session.customer, session.total, session.order_id])
        rev += 1
    elif (stored is None or (row[2], row[3]) != (session.clerk, session.customer)
          or _lines_rewritten(session.lines) or _head_differs(session, row[1], stored)):
        conn.execute(
            "UPDATE orders SET clerk = ?, customer = ?, total_cents = ?, state = ?, "
            "rev = rev + 1 WHERE id = ?",
            [session.clerk, session.customer, session.total,
             json.dumps(session.head_state(), separators=(",", ":")), session.order_id])
        rev += 1
    write_lines(conn, session.order_id, session.lines)
    log_prompt_events(conn, session, events, at)
    return rev


def _stored_head(state: str) -> dict[str, Any] | None:
    """The head kept in the order's row; None when there is none yet (a new order's '{}')
    or it is of an older version (it holds the lines too: the rows may lack some)."""
    try:
        head = json.loads(state)
    except ValueError:
        return None
    if not isinstance(head, dict) or "next_line_no" not in head or "lines" in head:
        return None
    return head


def _newest_line(conn: sqlite3.Connection, order_id: int) -> int:
    """The highest line number saved for the order (0: none); one seek of its key."""
    row = conn.execute("SELECT MAX(line_no) FROM order_lines WHERE order_id = ?",
                       [order_id]).fetchone()
    return int(row[0] or 0)


def _first_new(session: OrderSession) -> int:
    """The lowest line number this save adds. Every saved line has a lower one; a line
    another till added has at least this one (both tills number on from the same line)."""
    lines = session.lines
    added = [no for no, before in lines.changed.items()
             if before is None and lines.get(no) is not None]
    return min(added, default=session.next_line_no)


def _lines_rewritten(lines: OrderLines) -> bool:
    """A saved line changes or goes: the order's revision moves on, so another till that
    still has it as it was is refused (a line added is found by its number)."""
    return any(before is not None for before in lines.changed.values())


def _head_differs(session: OrderSession, stored_text: str, stored: dict[str, Any]) -> bool:
    """The head differs from the stored one in more than a `next_line_no` that
    `recovered_next_line_no` finds again (one after the newest line, which is there)."""
    if session.lines.get(session.next_line_no - 1) is None:
        return True  # the newest line number is not in the lines (voided): keep it
    head = session.head_state()
    head["next_line_no"] = stored.get("next_line_no")
    return json.dumps(head, separators=(",", ":")) != stored_text


def recovered_next_line_no(saved: int, line_nos: Iterable[int]) -> int:
    """The next line number of an open order read back: the one saved with its head, or
    one after its newest line when lines were added since (save_order leaves the head)."""
    return max([saved, *(no + 1 for no in line_nos)])


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
