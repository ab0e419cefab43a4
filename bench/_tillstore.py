"""A generated store (generate.py) on disk, and a Till on it, for the benches that drive the
till as the window and `simulate` do (bench_scan_writes, bench_long_order)."""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import time
from pathlib import Path

from generate import NOW, Dataset, make_dataset

from pos_prompter.core.order import FixedClock
from pos_prompter.core.rules import RulePack
from pos_prompter.store import Store
from pos_prompter.till import Till


def build_store(path: Path, products: int, rules: int) -> tuple[Dataset, float]:
    """A new store at `path` with `products` products and the first `rules` rules of the
    generated data set; returns the data set and the seconds it took."""
    t0 = time.perf_counter()
    ds = make_dataset(products, rules)
    with Store.open(path, create=True) as store:
        store.catalog.import_products(ds.products)
        store.rules.replace(RulePack(tuple(ds.rules), ds.settings))
    return ds, time.perf_counter() - t0


def open_till(path: Path) -> tuple[Store, Till]:
    """The store opened as a till opens it, and a Till on it at generate.NOW."""
    store = Store.open(path)
    return store, Till(store, FixedClock(NOW), till_name="bench")


def write_bytes() -> int:
    """This process's bytes written to storage so far (/proc/self/io write_bytes)."""
    with open("/proc/self/io", encoding="ascii") as f:
        for line in f:
            if line.startswith("write_bytes:"):
                return int(line.split()[1])
    raise RuntimeError("no write_bytes in /proc/self/io")


def seed_paid_orders(path: Path, orders: int, *, days: int = 89, popular: int = 0,
                     share: float = 0.6, seed: int = 7) -> list[str]:
    """`orders` paid orders of 1-8 lines (one of each product drawn) over the `days` days
    before generate.NOW, added to the store at `path` as a sync would add them: the orders,
    then their lines (paid_skus takes them in batches as they come). With `popular`,
    `share` of the lines are of the catalog's first `popular` products. Returns the
    catalog's SKUs."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    skus = [s for (s,) in conn.execute("SELECT sku FROM products")]
    often = skus[:popular] or skus
    rows, lines = [], []
    for oid in range(1, orders + 1):
        when = (NOW - dt.timedelta(days=1, seconds=rng.randrange(days * 86400))).isoformat(
            timespec="seconds")
        rows.append((oid, "paid", when, when, 1000))
        for no in range(1, rng.randint(1, 8) + 1):
            sku = rng.choice(often) if popular and rng.random() < share else rng.choice(skus)
            lines.append((oid, no, sku, "x", 1, 100, "scan"))
    with conn:
        conn.executemany("INSERT INTO orders(id, status, opened_at, closed_at, total_cents) "
                         "VALUES (?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT INTO order_lines(order_id, line_no, sku, name, qty, "
                         "unit_price_cents, origin) VALUES (?, ?, ?, ?, ?, ?, ?)", lines)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return skus


def copy_cold(source: Path, target: Path) -> None:
    """`target` a copy of the store file `source`, on disk and out of the page cache, as a
    till finds its store after a start: its pages come in as SQLite reads them.

    A copy left in the cache skews write_bytes: written in big chunks, its pages sit in the
    page cache in large folios (Linux 6.18, ext4), and write_bytes counts a whole folio
    when SQLite's checkpoint writes one 1 KB page of it. bench_scan_writes on a store with
    100,000 past orders: 18.56 KB per scan against 15.29 from a cold copy and 14.47 on
    the file SQLite itself wrote (or a copy through the backup API), same code."""
    target.write_bytes(source.read_bytes())
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
