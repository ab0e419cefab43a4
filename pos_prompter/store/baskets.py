"""Baskets for mining cross-sells (`suggest`): how many paid orders had each product and
each pair of products.

Which orders and lines count (docs/decisions.md "Results for managers"):
- paid orders only, from the till and imported alike (an open order is not a sale yet);
- only lines the customer brought: `scan` (imported lines are all scans) and `upsell` (an
  accepted upsell replaces the scanned line with a bigger size: still the item the customer
  chose). A line a prompt added (cross_sell, bundle, reward) is what the store's own rules
  sold, and counting it would have the store's prompts "discover" themselves and inflate
  their lift;
- distinct products per order: two of the same item are one product in that basket.

One read of the baskets (grouped in SQLite), kept in memory; then products below
the minimum are dropped from every basket before pairs are counted (no pair can be more
frequent than either of its products), so the pair counter only ever holds pairs of
frequent products. The measurements behind this choice: bench/bench_suggest_candidates.py.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator

from sqlite_utils import Database

from pos_prompter.core.suggest import BasketCounts, min_orders_for

Progress = Callable[[int, int], None]
PROGRESS_STEPS = 100
"""About this many progress calls in all (never more often than every 1,000 orders)."""

BASKETS = """
    SELECT group_concat(l.sku) FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.status = 'paid' AND l.origin IN ('scan', 'upsell')
    GROUP BY o.id
"""
"""One row per order with a scanned line: its SKUs joined by commas (a SKU has no comma:
SKU_RE). Orders are walked by the status index in id order and their lines by the primary
key, so SQLite needs no temporary sort; repeats are dropped in Python (a DISTINCT inside
group_concat would make SQLite build a temporary B-tree per order)."""


def paid_orders(db: Database) -> int:
    """Paid orders in the store (the progress bar's scale: an indexed count)."""
    return int(db.execute("SELECT COUNT(*) FROM orders WHERE status = 'paid'").fetchone()[0])


def basket_counts(db: Database, min_support: float,
                  progress: Progress | None = None) -> BasketCounts:
    """Orders with each product and each pair of products, among the paid orders that have
    at least one scanned line; only products and pairs in at least
    `min_orders_for(min_support, orders)` orders are kept. `progress(done, total)` is
    called as orders are read and then counted (total: twice the paid orders)."""
    total = paid_orders(db) * 2
    every = max(1_000, total // PROGRESS_STEPS)
    baskets: list[list[str]] = []
    for (skus,) in db.execute(BASKETS):
        baskets.append(list(set(skus.split(","))))
        if progress and len(baskets) % every == 0:
            progress(len(baskets), total)
    done = len(baskets)
    orders = len(baskets)
    min_orders = min_orders_for(min_support, orders)
    items = Counter(itertools.chain.from_iterable(baskets))
    frequent = {sku: n for sku, n in items.items() if n >= min_orders}
    pairs: Counter[tuple[str, str]] = Counter()

    def pairs_in(basket: list[str]) -> Iterator[tuple[str, str]]:
        kept = [sku for sku in basket if sku in frequent]
        kept.sort()
        return itertools.combinations(kept, 2)

    several = [b for b in baskets if len(b) > 1]  # a one-product order has no pair
    for start in range(0, len(several), every):
        # One Counter.update a chunk: the counting loop runs in C, not once an order.
        chunk = several[start:start + every]
        pairs.update(itertools.chain.from_iterable(map(pairs_in, chunk)))
        if progress:
            progress(done + (start + len(chunk)) * orders // max(1, len(several)), total)
    if progress:
        progress(total, total)
    return BasketCounts(orders=orders, items=frequent,
                        pairs={p: n for p, n in pairs.items() if n >= min_orders},
                        min_orders=min_orders)
