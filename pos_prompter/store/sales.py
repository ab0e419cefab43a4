"""The sales log of a store: `store.sales`. Orders as tills open and save them (each scan
committed before the screen shows it), past orders imported from another till, and the
prompt outcome log, read back for tests, reports and a till starting again after a crash.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pos_prompter.core.till_event import TillEvent
from pos_prompter.store.base import ImportSummary, Progress, StoreCore, now_text
from pos_prompter.store.order_rows import FIRST_COLUMNS, commit_order, read_lines

if TYPE_CHECKING:
    from pos_prompter.core.past_orders import PastOrder
    from pos_prompter.core.session import OrderSession
    from pos_prompter.store.history import StoreHistory

# The history (it brings the engine) and the past orders' import are imported when used: a
# till shows its first screen, and reopens its open order, without them (issue 14.2).


class SalesLog:
    """The orders and prompt events of one store (built by `Store` as `store.sales`)."""

    def __init__(self, store: StoreCore) -> None:
        self._store = store

    def history(self) -> StoreHistory:
        """The store's sales history, for evidence such as attach rates."""
        from pos_prompter.store.history import StoreHistory

        return StoreHistory(self._store.db)

    def new_order(self, *, clerk: str | None, customer: str | None, now: dt.datetime,
                  till: str | None = None) -> int:
        with self._store.write() as db:
            cur = db.execute("INSERT INTO orders(status, clerk, customer, opened_at, till) "
                             "VALUES ('open', ?, ?, ?, ?)",
                             [clerk, customer, now_text(now), till])
            order_id = cur.lastrowid
        assert order_id is not None
        return order_id

    def save_session(self, session: OrderSession, events: Iterable[TillEvent],
                     now: dt.datetime, *, rev: int) -> int:
        """Commit the order as it now is, with the prompt outcomes of `events`, at once.

        `rev` is the revision this till last saved (or read); if someone else saved the
        order since, nothing is written and StoreError says so. Returns the new revision.
        """
        return commit_order(self._store, session, events, now, rev=rev)

    def import_orders(self, orders: Sequence[PastOrder], *, source: str = "import",
                      progress: Progress | None = None,
                      now: dt.datetime | None = None) -> ImportSummary:
        """Past paid orders from another till, in one transaction. An order already
        imported from the same source is left as it is (re-importing adds nothing)."""
        # The report tables' module (and the report's model it brings) only when orders
        # are imported: the till's first screen never needs it (issue 14.2).
        from pos_prompter.core.bulk import gc_paused
        from pos_prompter.store.past_import import foreign_keys_unchecked, insert_past_orders
        from pos_prompter.store.reports import add_imported_orders, insert_trigger_lifted

        known = {r[0] for r in self._store.db.execute(
            "SELECT external_id FROM orders WHERE source = ?", [source])}
        new = [o for o in orders if o.external_id not in known]
        with gc_paused(), foreign_keys_unchecked(self._store.db.conn), \
                self._store.write() as db, insert_trigger_lifted(db.conn):
            first = insert_past_orders(db.conn, new, source=source, at=now_text(now),
                                       progress=progress)
            add_imported_orders(db.conn, source, first - 1)  # what the trigger would add
        return ImportSummary(added=[o.external_id for o in new], changed=[], removed=[],
                             unchanged=len(orders) - len(new))

    def open_order_state(self, till: str | None = None) -> tuple[dict[str, Any], int] | None:
        """This till's newest order still open, exactly as last committed (after a crash
        too), with its revision. `lines_in_rows` in the state says its lines came from
        order_lines (False: from the state itself, as an older version saved them)."""
        row = self._store.db.execute("SELECT id, state, clerk, customer, rev FROM orders "
                                     "WHERE status = 'open' AND till IS ? "
                                     "ORDER BY id DESC LIMIT 1", [till]).fetchone()
        if row is None:
            return None
        state = json.loads(row[1]) if row[1] and row[1] != "{}" else {}
        state.setdefault("order_id", row[0])
        state.setdefault("clerk", row[2])
        state.setdefault("customer", row[3])
        state["lines_in_rows"] = "lines" not in state
        if state["lines_in_rows"]:
            state["lines"] = read_lines(self._store.db.conn, row[0])
        return state, int(row[4])

    def adopt_open_order(self, till: str) -> bool:
        """Give `till` the newest order left open by a till without a name (one from
        before tills had names), once: in one write, so of two tills starting at once only
        one takes it. Returns whether there was one."""
        with self._store.write() as db:
            cur = db.execute("UPDATE orders SET till = ? WHERE id = (SELECT id FROM orders "
                             "WHERE status = 'open' AND till IS NULL ORDER BY id DESC LIMIT 1)",
                             [till])
            return cur.rowcount == 1

    def order_lines(self, order_id: int) -> list[dict[str, Any]]:
        return list(self._store.db.query(f"SELECT {', '.join(FIRST_COLUMNS)} FROM order_lines "
                                         "WHERE order_id = ? ORDER BY line_no", [order_id]))

    def prompt_events(self, order_id: int | None = None) -> list[dict[str, Any]]:
        if order_id is None:
            return list(self._store.db.query("SELECT * FROM prompt_events ORDER BY id"))
        return list(self._store.db.query("SELECT * FROM prompt_events WHERE order_id = ? "
                                         "ORDER BY id", [order_id]))

    def orders(self) -> list[dict[str, Any]]:
        return list(self._store.db.query("SELECT id, status, clerk, customer, opened_at, "
                                         "closed_at, total_cents FROM orders ORDER BY id"))
