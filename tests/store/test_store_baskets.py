"""store/baskets: the counts `suggest` mines from, against counts worked out independently in
the test, whatever the size of the steps the baskets are read, counted and freed in (the
workspace mines in a worker beside the till: each step is one GIL-holding C call, so the
steps are small; bench/bench_suggest_gap.py measures the till's UI gap)."""

from __future__ import annotations

import itertools
import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from pos_prompter.core.basket_counts import min_orders_for
from pos_prompter.store import Store
from pos_prompter.store.baskets import CHUNK, basket_counts

SKUS = [f"P{n:02d}" for n in range(12)]


def write_orders(path: Path, seed: int = 5, orders: int = 1_500) -> list[set[str]]:
    """Orders straight into the file; returns the baskets that must count (paid orders'
    distinct scanned or upsold SKUs, one-product baskets included). Also written: repeated
    lines, prompt-added lines (cross_sell, bundle, reward) and open orders, none
    of which may count."""
    rng = random.Random(seed)
    counted: list[set[str]] = []
    with sqlite3.connect(path) as conn:
        for n in range(orders):
            status = rng.choices(["paid", "open"], [8, 1])[0]
            mine = rng.choices(SKUS, weights=range(12, 0, -1), k=rng.randint(1, 5))
            lines = [(sku, rng.choice(["scan", "scan", "upsell"])) for sku in mine]
            lines += [(rng.choice(SKUS), rng.choice(["cross_sell", "bundle", "reward"]))
                      for _ in range(rng.randint(0, 2))]
            if n % 97 == 0:  # a paid order with only a prompt's line: no basket
                lines = [("P11", "cross_sell")]
            oid = conn.execute(
                "INSERT INTO orders(status, opened_at, closed_at, total_cents) "
                "VALUES (?, '2026-11-20T10:00:00', '2026-11-20T10:01:00', 0)",
                [status]).lastrowid
            conn.executemany(
                "INSERT INTO order_lines(order_id, line_no, sku, name, qty, unit_price_cents, "
                "origin) VALUES (?, ?, ?, 'x', 1, 100, ?)",
                [(oid, i, sku, origin) for i, (sku, origin) in enumerate(lines, start=1)])
            brought = {sku for sku, origin in lines if origin in ("scan", "upsell")}
            if status == "paid" and brought:
                counted.append(brought)
    return counted


@pytest.fixture
def orders_path(store: Store, store_path: Path) -> tuple[Path, list[set[str]]]:
    return store_path, write_orders(store_path)


def by_hand(baskets: list[set[str]], min_support: float
            ) -> tuple[int, dict[str, int], dict[tuple[str, str], int]]:
    """Items and pairs counted the plain way, order by order."""
    minimum = min_orders_for(min_support, len(baskets))
    items = Counter(sku for b in baskets for sku in b)
    pairs = Counter(pair for b in baskets for pair in itertools.combinations(sorted(b), 2))
    return (minimum, {s: n for s, n in items.items() if n >= minimum},
            {p: n for p, n in pairs.items() if n >= minimum})


@pytest.mark.parametrize("chunk", [1, 7, 1_000, CHUNK])
@pytest.mark.parametrize("min_support", [0.001, 0.05])
def test_counts_are_the_same_whatever_the_step(orders_path: tuple[Path, list[set[str]]],
                                               chunk: int, min_support: float) -> None:
    path, baskets = orders_path
    minimum, items, pairs = by_hand(baskets, min_support)
    assert len(pairs) >= 10, "the data has something to find"
    assert len(items) >= 8
    with Store.open(path) as store:
        counts = basket_counts(store.db, min_support, chunk=chunk)
    assert counts.orders == len(baskets)
    assert counts.min_orders == minimum
    assert dict(counts.items) == items
    assert dict(counts.pairs) == pairs


def test_progress_moves_in_steps_up_to_twice_the_paid_orders(
        orders_path: tuple[Path, list[set[str]]]) -> None:
    path, baskets = orders_path
    calls: list[tuple[int, int]] = []
    with Store.open(path) as store:
        paid = store.db.execute("SELECT COUNT(*) FROM orders WHERE status='paid'").fetchone()[0]
        basket_counts(store.db, 0.01, lambda done, total: calls.append((done, total)), chunk=7)
    assert {total for _done, total in calls} == {2 * paid}
    done = [d for d, _t in calls]
    assert done == sorted(done), "never backwards"
    assert done[-1] == 2 * paid
    reading = [d for d in done if d <= len(baskets)]
    counting = [d for d in done if len(baskets) < d < 2 * paid]
    assert reading, "progress while reading"
    assert counting, "and while counting"
    assert len(done) <= paid * 2 // 1_000 + 2, "never more often than every 1,000 orders"


def test_an_empty_store_counts_nothing(store: Store) -> None:
    calls: list[tuple[int, int]] = []
    counts = basket_counts(store.db, 0.01, lambda d, t: calls.append((d, t)))
    assert (counts.orders, dict(counts.items), dict(counts.pairs)) == (0, {}, {})
    assert calls == [(0, 0)]
