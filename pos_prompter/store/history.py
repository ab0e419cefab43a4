"""Sales history from the store's paid orders, as the engine's evidence needs it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from pos_prompter.core.engine import AttachRate

if TYPE_CHECKING:
    from sqlite_utils import Database

LOOKBACK_DAYS = 90
MIN_ORDERS = 20
"""Below this many past orders with the trigger item, a share says nothing: no evidence."""


class StoreHistory:
    """Attach rates over the last 90 days of paid orders, computed on first use for each
    pair and day and then kept, so a scan pays for one indexed query at most once a day.
    The query walks the trigger's lines (order_lines_sku) and looks each order up by id
    (CROSS JOIN keeps that order): from the other side, SQLite would walk every paid order
    of the 90 days through orders(status, closed_at) and seek the SKU index once each."""

    def __init__(self, db: Database, *, days: int = LOOKBACK_DAYS,
                 min_orders: int = MIN_ORDERS) -> None:
        self.db = db
        self.days = days
        self.min_orders = min_orders
        self._cache: dict[tuple[str, str], AttachRate | None] = {}
        self._day: dt.date | None = None
        """The day the cached rates are for: a new day starts the cache afresh, so a till
        that runs for weeks keeps one day's pairs, not every day's."""

    def attach_rate(self, trigger_sku: str, offer_sku: str,
                    now: dt.datetime) -> AttachRate | None:
        if now.date() != self._day:
            self._cache.clear()
            self._day = now.date()
        key = (trigger_sku, offer_sku)
        if key not in self._cache:
            self._cache[key] = self._compute(trigger_sku, offer_sku, now)
        return self._cache[key]

    def _compute(self, trigger_sku: str, offer_sku: str, now: dt.datetime) -> AttachRate | None:
        since = (now - dt.timedelta(days=self.days)).isoformat(timespec="seconds")
        until = now.isoformat(timespec="seconds")
        row = self.db.execute(
            """
            SELECT COUNT(*), COALESCE(SUM(EXISTS (
                       SELECT 1 FROM order_lines b
                       WHERE b.order_id = t.order_id AND b.sku = ?)), 0)
            FROM (SELECT DISTINCT a.order_id FROM order_lines a
                  CROSS JOIN orders o ON o.id = a.order_id
                  WHERE a.sku = ? AND o.status = 'paid'
                    AND o.closed_at >= ? AND o.closed_at < ?) AS t
            """, [offer_sku, trigger_sku, since, until]).fetchone()
        orders, together = int(row[0]), int(row[1])
        if orders < self.min_orders:
            return None
        return AttachRate(share=Decimal(together) / Decimal(orders), orders=orders,
                          days=self.days)
