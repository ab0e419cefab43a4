"""Attach rates (a cross-sell's "bought together in N% of orders") on a store that has sold.

    .venv/bin/python bench/bench_attach_rate.py [--quick]

Builds a store (generate.py: 20,000 products, 200 rules; --quick: 2,000 and 50) and adds
100,000 paid orders (--quick: 10,000) over 89 days, 1-8 lines each, 60% of the lines from
300 popular products, inserted as a sync would (orders, then their lines; paid_skus adds
them in batches as they come). Then `StoreHistory.attach_rate` (store/history.py, through
paid_skus) of 300 pairs of popular products and 300 pairs of any products, each computed
afresh (the till computes a pair once a day), median and p99.

Baseline in the same run, on the same store: the query as it was before paid_skus, through
an index on order_lines(sku) made for it (every paid order's lines by product).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, quantile
from _tillstore import build_store, seed_paid_orders
from generate import NOW

from pos_prompter.store import Store
from pos_prompter.store.history import StoreHistory

FULL = {"products": 20_000, "rules": 200, "orders": 100_000}
QUICK = {"products": 2_000, "rules": 50, "orders": 10_000}
PAIRS = 300

BEFORE = """
SELECT COUNT(*), COALESCE(SUM(EXISTS (
           SELECT 1 FROM order_lines b WHERE b.order_id = t.order_id AND b.sku = ?)), 0)
FROM (SELECT DISTINCT a.order_id FROM order_lines a
      CROSS JOIN orders o ON o.id = a.order_id
      WHERE a.sku = ? AND o.status = 'paid' AND o.closed_at >= ? AND o.closed_at < ?) AS t"""


def timed(pairs: list[tuple[str, str]], rate: object) -> list[float]:
    ms = []
    for trigger, offer in pairs:
        t = time.perf_counter()
        rate(trigger, offer)  # type: ignore[operator]
        ms.append((time.perf_counter() - t) * 1000)
    return ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    cfg = QUICK if parser.parse_args(argv).quick else FULL
    header("bench_attach_rate: a pair's attach rate over 90 days of paid orders", [
        f"store: {cfg['products']:,} products, {cfg['orders']:,} paid orders over 89 days",
        f"{PAIRS} pairs of popular products and {PAIRS} of any, each computed afresh",
        "baseline: the query through an index on order_lines(sku), as before paid_skus",
    ])
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="bench-attach-") as tmp:
        path = Path(tmp) / "store.db"
        build_store(path, cfg["products"], cfg["rules"])
        skus = seed_paid_orders(path, cfg["orders"], popular=300)
        since = (NOW - dt.timedelta(days=90)).isoformat(timespec="seconds")
        until = NOW.isoformat(timespec="seconds")
        with Store.open(path) as store:
            conn = store.db.conn
            for label, pool in (("popular", skus[:300]), ("any", skus)):
                pairs = [(rng.choice(pool), rng.choice(pool)) for _ in range(PAIRS)]
                after = timed(pairs, lambda a, b: StoreHistory(store.db, min_orders=1)
                              .attach_rate(a, b, NOW))
                conn.execute("CREATE INDEX bench_lines_sku ON order_lines(sku)")
                before = timed(pairs, lambda a, b: conn.execute(
                    BEFORE, [b, a, since, until]).fetchone())
                conn.execute("DROP INDEX bench_lines_sku")
                for name, ms in (("paid_skus", after), ("baseline, order_lines(sku)", before)):
                    print(f"  {label} pairs, {name:27} p50 {quantile(ms, 0.5):.3f} ms, "
                          f"p99 {quantile(ms, 0.99):.3f} ms")
                p50 = quantile(after, 0.5) / quantile(before, 0.5)
                p99 = quantile(after, 0.99) / quantile(before, 0.99)
                print(f"  {label} pairs, ratio p50 {p50:.2f}x, p99 {p99:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
