"""A generated store (generate.py) on disk, and a Till on it, for the benches that drive the
till as the window and `simulate` do (bench_scan_writes, bench_long_order)."""

from __future__ import annotations

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
