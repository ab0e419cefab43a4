"""The rule editor's type-ahead product picker, per keystroke, against the obvious ways.

    .venv/bin/python bench/bench_picker.py            # 100,000 products
    .venv/bin/python bench/bench_picker.py --quick    # 10,000 products

For the generated catalog (generate.py make_products), types a set of queries one
character at a time, as a manager does, and times each keystroke with
time.perf_counter_ns:

- ours: `CatalogChoices.search("sku", text)` (SKU-prefix binary search, then every word
  via str.find over one lower-case blob, capped at 50) and `MatchModel.set_matches` (the
  model the completer shows): what PickerField does on textEdited;
- baseline "python scan": a list comprehension over the 100,000 lower-case "sku name"
  strings, `[s for s in texts if text in s][:50]` (no index);
- baseline "Qt proxy": a QSortFilterProxyModel over a QStringListModel of the same strings,
  `setFilterFixedString(text)` (case-insensitive), and its rowCount: the stock Qt route.

Also the one-off cost of building each (ours: the index; the proxy: the string model).
The target: a keystroke well under 50 ms at 100,000 products (p99), so typing never waits.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, report, verdict  # noqa: E402
from generate import make_products  # noqa: E402
from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pos_prompter.core.catalog import Catalog  # noqa: E402
from pos_prompter.ui.workspace.product_picker import LIMIT, CatalogChoices, MatchModel  # noqa: E402

QUERIES = ("P01234", "p0999", "item 4567", "item 12 medium", "large", "zzz-no-such",
           "P09", "item")
"""Typed one character at a time: SKU prefixes, name words, a miss, very common words."""


def keystrokes() -> list[str]:
    return [q[:n] for q in QUERIES for n in range(1, len(q) + 1)]


def run(n: int, rounds: int) -> int:
    header("type-ahead picker: one keystroke over the catalog",
           [f"{n:,} products (generate.make_products), {len(keystrokes())} keystrokes "
            f"x {rounds} rounds, at most {LIMIT} matches shown"])
    app = QApplication.instance() or QApplication([])
    products = make_products(n)
    catalog = Catalog(products)

    t0 = time.perf_counter()
    choices = CatalogChoices(catalog)
    choices.index("sku")
    build_ours = time.perf_counter() - t0
    model = MatchModel()

    texts = [f"{p.sku} {p.name}".lower() for p in products]
    t0 = time.perf_counter()
    strings = QStringListModel([f"{p.sku} {p.name}" for p in products])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(strings)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    build_proxy = time.perf_counter() - t0
    print(f"\nbuild: ours {build_ours * 1000:.0f} ms (index of {len(choices.index('sku')):,}), "
          f"Qt string model + proxy {build_proxy * 1000:.0f} ms")

    ours: list[float] = []
    scan: list[float] = []
    qt: list[float] = []
    for r in range(rounds):
        for i, text in enumerate(keystrokes()):
            order = (i + r) % 3  # rotate who goes first, so drift hits all alike
            for turn in range(3):
                which = (order + turn) % 3
                if which == 0:
                    start = time.perf_counter_ns()
                    model.set_matches(choices.search("sku", text))
                    ours.append((time.perf_counter_ns() - start) / 1e6)
                elif which == 1:
                    low = text.lower()
                    start = time.perf_counter_ns()
                    found = [s for s in texts if low in s][:LIMIT]
                    scan.append((time.perf_counter_ns() - start) / 1e6)
                    del found
                else:
                    start = time.perf_counter_ns()
                    proxy.setFilterFixedString(text)
                    proxy.rowCount()
                    qt.append((time.perf_counter_ns() - start) / 1e6)
    ours_fig = report("one keystroke (ms)", "ms", ours, scan, "python scan (no index)")
    report("one keystroke (ms)", "ms", ours, qt, f"Qt proxy over {n:,} strings")
    verdict("ours, p99 ms per keystroke", ours_fig["p99"], 50)
    del app
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 products, one round")
    parser.add_argument("--products", type=int)
    args = parser.parse_args(argv)
    n = args.products or (10_000 if args.quick else 100_000)
    t0 = time.perf_counter()
    code = run(n, 1 if args.quick else 3)
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
