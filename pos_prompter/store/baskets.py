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
from typing import TYPE_CHECKING

from pos_prompter.core.basket_counts import BasketCounts, min_orders_for

if TYPE_CHECKING:  # an annotation only: sqlite-utils costs a command ~150 ms to import
    from sqlite_utils import Database

Progress = Callable[[int, int], None]
PROGRESS_STEPS = 100
"""About this many progress calls in all (never more often than every 1,000 orders)."""
CHUNK = 4_000
"""Baskets a step: read (one `fetchmany`), counted (one `Counter.update`) and freed at a
time. A step is one C call that holds the GIL throughout (no Python code runs inside to
let another thread in): over all 200,000 baskets of bench_suggest.py the item count alone
held it for ~40 ms and freeing the baskets ~20 ms, and the workspace mines in a worker
beside the till's UI thread (bench/bench_suggest_gap.py). A step of 4,000 takes about 1 ms."""

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


class _Steps:
    """Progress calls about every `every` orders of `total` (none without `progress`)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total = progress, total
        self.every = max(1_000, total // PROGRESS_STEPS)
        self.next = self.every

    def reached(self, done: int) -> None:
        if self.progress is not None and done >= self.next:
            self.progress(done, self.total)
            self.next = (done // self.every + 1) * self.every


def basket_counts(db: Database, min_support: float, progress: Progress | None = None, *,
                  chunk: int = CHUNK) -> BasketCounts:
    """Orders with each product and each pair of products, among the paid orders that have
    at least one scanned line; only products and pairs in at least
    `min_orders_for(min_support, orders)` orders are kept. `progress(done, total)` is
    called as orders are read and then counted (total: twice the paid orders). The work
    goes `chunk` baskets at a time (CHUNK), so another thread runs between steps."""
    total = paid_orders(db) * 2
    steps = _Steps(progress, total)
    baskets: list[list[str]] = []
    items: Counter[str] = Counter()
    rows = db.execute(BASKETS)
    while read := rows.fetchmany(chunk):
        read_now = [list(set(skus.split(","))) for (skus,) in read]
        items.update(itertools.chain.from_iterable(read_now))
        baskets.extend(read_now)
        steps.reached(len(baskets))
    orders = len(baskets)
    min_orders = min_orders_for(min_support, orders)
    frequent = {sku: n for sku, n in items.items() if n >= min_orders}
    pairs: Counter[tuple[str, str]] = Counter()

    def pairs_in(basket: list[str]) -> Iterator[tuple[str, str]]:
        kept = [sku for sku in basket if sku in frequent]
        kept.sort()
        return itertools.combinations(kept, 2)

    several = [b for b in baskets if len(b) > 1]  # a one-product order has no pair
    _free(baskets, chunk)
    for start in range(0, len(several), chunk):
        # One Counter.update a chunk: the counting loop runs in C, not once an order.
        pairs.update(itertools.chain.from_iterable(map(pairs_in, several[start:start + chunk])))
        counted = min(len(several), start + chunk)
        steps.reached(orders + counted * orders // len(several))
    _free(several, chunk)
    kept = {p: n for p, n in pairs.items() if n >= min_orders}
    _free_counter(pairs, chunk)
    if progress:
        progress(total, total)
    return BasketCounts(orders=orders, items=frequent, pairs=kept, min_orders=min_orders)


def _free(baskets: list[list[str]], chunk: int) -> None:
    """Empty `baskets` from the end, `chunk` at a time (freeing them all at once is one
    long C call: see CHUNK)."""
    while baskets:
        del baskets[-chunk:]


def _free_counter(counter: Counter[tuple[str, str]], chunk: int) -> None:
    """Empty `counter`, `chunk` keys at a time (as `_free`)."""
    while counter:
        for key in list(itertools.islice(counter, chunk)):
            del counter[key]
