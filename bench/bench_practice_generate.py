"""Simulated customers: `generate` (pos_prompter.core.simulated) at chain size.

    .venv/bin/python bench/bench_practice_generate.py [--quick]

On the generated store of 100,000 products and 20,000 rules (generate.py; --quick: 5,000
and 1,000), measures in seconds, a few runs each, alternating:

1. `generate(catalog, rules, settings, customers=10,000, seed=run)` (--quick: 1,000),
   everything included: the store indexed once (engine index, active products by
   category and tag), each customer's rule, items, time and answers;
2. the baseline, in the same run: drawing the same number of customers as random
   products alone (1-3 `rng.choice` + `catalog.get` per customer, with a sorted list of
   the SKUs made first), the least any generator of customers from this catalog pays;
3. for scale, `generate` with 10x fewer customers (what the index costs on its own).

The catalog is in memory (Products built), as the workspace holds it; `practice generate`
adds reading the store. Prints median and p99 (of few runs, p99 is the slowest) and the
ratios.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, report, run_sized, seconds
from generate import make_dataset

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.rules import Rule, Settings
from pos_prompter.core.simulated import generate

FULL = {"products": 100_000, "rules": 20_000, "customers": 10_000, "reps": 5}
QUICK = {"products": 5_000, "rules": 1_000, "customers": 1_000, "reps": 3}


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def draw_products(catalog: Catalog, customers: int, seed: int) -> int:
    """The baseline: each customer is 1-3 random products of the catalog, nothing else."""
    rng = random.Random(seed)
    skus = sorted(catalog.skus())
    drawn = 0
    for _ in range(customers):
        for _ in range(rng.randint(1, 3)):
            product = catalog.get(rng.choice(skus))
            drawn += product is not None
    return drawn


def run(cfg: dict[str, Any]) -> int:
    header("practice generate: simulated customers at chain size", [
        f"{cfg['products']:,} products, {cfg['rules']:,} rules, {cfg['customers']:,} "
        f"customers, {cfg['reps']} runs each, alternating",
        "ours: generate() whole (index + customers); baseline: the same number of customers "
        "as 1-3 random products each",
    ])
    t0 = time.perf_counter()
    ds = make_dataset(cfg["products"], cfg["rules"])
    catalog = Catalog(ds.products)
    rules: list[Rule] = ds.rules
    settings: Settings = ds.settings
    print(f"\n(store generated in {time.perf_counter() - t0:.1f} s)")
    n = cfg["customers"]
    ours: list[float] = []
    small: list[float] = []
    base: list[float] = []
    sizes: list[int] = []
    for rep in range(cfg["reps"]):
        steps = [
            lambda r=rep: base.append(timed(lambda: draw_products(catalog, n, r))),
            lambda r=rep: ours.append(timed(lambda: sizes.append(len(generate(
                catalog, rules, settings, customers=n, seed=r).customers)))),
            lambda r=rep: small.append(timed(lambda: generate(
                catalog, rules, settings, customers=max(1, n // 10), seed=r))),
        ]
        for k in range(len(steps)):  # rotate which goes first
            steps[(k + rep) % len(steps)]()
    assert all(size == n for size in sizes), sizes
    report(f"generate, {n:,} customers (seconds)", "s", ours, base,
           "random products only")
    print(f"  per customer: {1e6 * sorted(ours)[len(ours) // 2] / n:.1f} us (median run)")
    print(f"  generate with {max(1, n // 10):,} customers, for scale: {seconds(small)}")
    return 0


if __name__ == "__main__":
    sys.exit(run_sized(run, QUICK, FULL, __doc__ or ""))
