"""The workspace's Catalog tab at chain size: one search, and one product saved.

    .venv/bin/python bench/bench_catalog_page.py            # 200,000 products
    .venv/bin/python bench/bench_catalog_page.py --quick    # 10,000 products

A store is made with the generated catalog (generate.py make_products). Then, timed with
time.perf_counter:

- ours: `catalog_edit.find_products(store, text, SEARCH_LIMIT + 1)`, what the page runs in
  its worker for each search (SQL with LIMIT: a page of products, never the catalog);
- baseline: `store.catalog.load()` and a Python filter over every product's name and SKU,
  the obvious way with what the store had (the whole catalog read per search), once per
  query (seconds each);
- one save: `save_product_edit` (a new price through the catalog import, audited).

The search runs off the UI thread either way; the figure says how long a manager waits
for the table, and how long the worker holds a core the till shares.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, report, verdict  # noqa: E402
from generate import make_products  # noqa: E402

from pos_prompter.store import Store  # noqa: E402
from pos_prompter.store.catalog_edit import (  # noqa: E402
    SEARCH_LIMIT,
    check_product_edit,
    find_products,
    save_product_edit,
)

QUERIES = ("", "item", "item 4567", "medium", "P01234", "zzz-no-such")
"""Empty (the tab opening), very common words, a rare name, an SKU, a miss."""


def baseline(store: Store, text: str) -> list[str]:
    needle = text.strip().lower()
    catalog = store.catalog.load()
    found = [p for p in catalog if needle in p.name.lower() or p.sku.lower().startswith(needle)]
    found.sort(key=lambda p: p.sku)
    return [p.sku for p in found[:SEARCH_LIMIT + 1]]


def run(n: int, rounds: int) -> int:
    header("workspace catalog tab: one search, one save",
           [f"{n:,} products (generate.make_products), queries {QUERIES!r}, "
            f"{rounds} rounds, at most {SEARCH_LIMIT} shown"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.db"
        products = make_products(n)
        codes = next(p for p in products if p.barcodes).barcodes
        queries = (*QUERIES, codes[0])
        with Store.open(path, create=True) as store:
            store.catalog.import_products(products)
        ours: list[float] = []
        base: list[float] = []
        with Store.open(path) as store:
            for _ in range(rounds):
                for text in queries:
                    t0 = time.perf_counter()
                    find_products(store, text, SEARCH_LIMIT + 1)
                    ours.append((time.perf_counter() - t0) * 1000)
            for text in queries:  # seconds each: once per query
                t0 = time.perf_counter()
                baseline(store, text)
                base.append((time.perf_counter() - t0) * 1000)
            worst = dict.fromkeys(queries, 0.0)
            for text in queries:
                t0 = time.perf_counter()
                find_products(store, text, SEARCH_LIMIT + 1)
                worst[text] = (time.perf_counter() - t0) * 1000
            print("\none search, ours, by query: " + ", ".join(
                f"{text or '(empty)'!r} {ms:.1f} ms" for text, ms in worst.items()))
            figures = report("one search (ms)", "ms", ours, base, "load_catalog + filter")
            product = products[n // 2]
            saves: list[float] = []
            for i in range(rounds):
                edit = check_product_edit(product.sku, f"{1 + i}.25", True,
                                          " ".join(product.barcodes))
                t0 = time.perf_counter()
                save_product_edit(store, edit, actor="bench")
                saves.append((time.perf_counter() - t0) * 1000)
            print(f"\none save (price change, audited): median {sorted(saves)[len(saves) // 2]:.1f}"
                  f" ms, max {max(saves):.1f} ms")
    verdict("search p99 (ms)", figures["p99"], 250)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 products, 2 rounds")
    parser.add_argument("--products", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.quick:
        return run(10_000, 2)
    return run(args.products, args.rounds)


if __name__ == "__main__":
    sys.exit(main())
