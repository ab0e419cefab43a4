"""Per-scan time at the till against the length of the order: 10, 500 and 5,000 lines.

    .venv/bin/python bench/bench_long_order.py [--quick]

Builds a store of 100,000 products and 20,000 rules (generate.py) on disk, opens it as a
till does (WAL, synchronous=FULL) and, for each order length L, opens one order on the real
Till (pos_prompter/till.py) and scans products of generate.py's plan (70% through a rule's
trigger) until it has L lines. Then it times Till.scan on that order of L lines, 200 times:
each timed scan adds line L+1 (committed, as at the till) and is then voided (untimed), so
every sample is a scan on an order of exactly L lines. Reports median and p99 per L and
the ratio of the longest to the shortest order. Target (issue 11): the 5,000-line order
within 1.5x of the 10-line one (a wholesale or event order must not slow every scan).
"""

from __future__ import annotations

import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, quantile, run_sized, verdict
from _tillstore import build_store, open_till
from generate import make_plan

from pos_prompter.core.catalog import Product
from pos_prompter.till import Till

FULL = {"products": 100_000, "rules": 20_000, "lengths": (10, 500, 5_000), "samples": 200}
QUICK = {"products": 2_000, "rules": 200, "lengths": (10, 100, 400), "samples": 30}
TARGET = 1.5


def line_of(events: list[Any]) -> int:
    return next(ev.data["line"] for ev in events if ev.event == "line")


def timed_scans(till: Till, products: itertools.cycle[Product], length: int,
                samples: int) -> tuple[list[float], float]:
    """Fill a new order to `length` lines, then time `samples` scans on it (each voided
    after); the times in ms, and the seconds the filling took."""
    t0 = time.perf_counter()
    for _ in range(length):
        till.scan(next(products).barcodes[0])
    filled = time.perf_counter() - t0
    assert len(till.lines) == length, len(till.lines)
    times: list[float] = []
    for _ in range(samples):
        product = next(products)
        t = time.perf_counter()
        events = till.scan(product.barcodes[0])
        times.append((time.perf_counter() - t) * 1000)
        till.void(product.sku, line_no=line_of(events))
        assert len(till.lines) == length, len(till.lines)
    till.pay()
    return times, filled


def run(cfg: dict[str, Any]) -> int:
    n, m, lengths, samples = cfg["products"], cfg["rules"], cfg["lengths"], cfg["samples"]
    header("bench_long_order: per-scan time against the order's length", [
        f"store: {n:,} products, {m:,} rules (generate.py), on disk; Store.open (WAL, "
        "synchronous=FULL) and the real Till",
        f"orders of {', '.join(f'{x:,}' for x in lengths)} lines; {samples} timed "
        "Till.scan calls on each (line L+1, committed, then voided untimed)",
    ])
    with tempfile.TemporaryDirectory(prefix="bench-long-order-") as tmp:
        path = Path(tmp) / "store.db"
        ds, built = build_store(path, n, m)
        print(f"   store built in {built:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
        plan = make_plan(ds.shop, ds.rules, 2_000)
        products = itertools.cycle([s.product for s in plan if s.product is not None])
        store, till = open_till(path)
        try:
            medians: dict[int, float] = {}
            print(f"\n   {'lines':>7}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}"
                  f"{'fill s':>9}")
            for length in lengths:
                times, filled = timed_scans(till, products, length, samples)
                medians[length] = statistics.median(times)
                print(f"   {length:>7,}{medians[length]:>10.2f}{quantile(times, 0.99):>10.2f}"
                      f"{max(times):>10.2f}{filled:>9.1f}")
        finally:
            store.close()
    short, long = lengths[0], lengths[-1]
    ratio = medians[long] / medians[short]
    print(f"\n   ratio p50 {long:,} lines / {short:,} lines: {ratio:.2f}x")
    verdict(f"per-scan p50 at {long:,} lines over {short:,} lines", ratio, TARGET)
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_sized(run, QUICK, FULL, __doc__ or "", argv)


if __name__ == "__main__":
    raise SystemExit(main())
