"""The workspace rule list's live results, per sale, at 20,000 rules.

    .venv/bin/python bench/bench_rule_list.py            # 100,000 products, 20,000 rules
    .venv/bin/python bench/bench_rule_list.py --quick    # 5,000 products, 1,000 rules

A generated store (generate.py) with a rule list open on it, offscreen, and a till on a
second connection to the same file. Each round the till sells one order that shows a
prompt (a rule's trigger product, its prompt accepted), then the list takes the new
results as the store watcher would have it do:

- ours: `RuleListView.refresh_results()` (the prompt events logged since it last looked,
  one grouped query, cells updated in place) and the repaint (`processEvents`);
- baseline, measured in the same rounds: `Store.rules.results()`, the full grouped query
  over every prompt event that a list without the incremental path must run, alone
  (no model update, no repaint: the least it would cost).

The store starts with a history of past sales (HISTORY orders through the same till), so
the full query has events to group, as in a store that has been selling for a while.
Also, for scale: `reload()` (F5: every rule, result and category again) with its repaint.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, report, run_sized, seconds
from generate import NOW, make_dataset, trigger_product
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_prompter.core.order import FixedClock
from pos_prompter.core.rules import RulePack
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.workspace.rule_list import SHOWN, RuleListView

FULL = {"products": 100_000, "rules": 20_000, "history": 2_000, "sales": 40, "reloads": 3}
QUICK = {"products": 5_000, "rules": 1_000, "history": 100, "sales": 10, "reloads": 1}


def sell_one(till: Till, ds: Any, rng: random.Random) -> bool:
    """One order through a random rule's trigger; True if a prompt was shown."""
    for _ in range(50):
        rule = ds.rules[rng.randrange(len(ds.rules))]
        product = trigger_product(rng, ds.shop, rule)
        if product is None:
            continue
        till.scan(product.sku)
        shown = till.prompt is not None
        while till.prompt is not None:
            till.accept()
        till.pay()
        if shown:
            return True
    return False


def run(cfg: dict[str, Any]) -> int:
    n, m = cfg["products"], cfg["rules"]
    header(f"bench_rule_list: live results in the workspace's rule list, {m:,} rules", [
        f"store: {n:,} products, {m:,} rules (generate.py), {cfg['history']:,} orders sold "
        "first; a till on a second connection sells one order a round",
        "ours: RuleListView.refresh_results() + repaint; baseline: Store.rules.results() "
        "(the full grouped query) alone, in the same rounds",
    ])
    app = QApplication.instance() or QApplication([])
    ds = make_dataset(n, m)
    rng = random.Random(20261122)
    clock = FixedClock(dt.datetime.combine(NOW.date(), dt.time(8, 15)))
    with tempfile.TemporaryDirectory(prefix="bench-rule-list-") as tmp:
        path = Path(tmp) / "store.db"
        with Store.open(path, create=True) as store:
            store.catalog.import_products(ds.products)
            store.rules.replace(RulePack(tuple(ds.rules), ds.settings))
        store, other = Store.open(path), Store.open(path)
        try:
            till = Till(other, clock, till_name="till-2")
            for _ in range(cfg["history"]):
                sell_one(till, ds, rng)
            events = store.db.execute("SELECT count(*) FROM prompt_events").fetchone()[0]
            print(f"   {events:,} prompt events in the store before the rounds")

            view = RuleListView(store, "manager")
            view.resize(430, 700)
            view.show()
            app.processEvents()
            figures = {}
            for label, column, order in (
                    ("sorted by rule id: cells change in place", 0,
                     Qt.SortOrder.AscendingOrder),
                    ("sorted by shown: the sold rule's row moves", SHOWN,
                     Qt.SortOrder.DescendingOrder)):
                view.table.sortByColumn(column, order)
                app.processEvents()
                ours: list[float] = []
                full: list[float] = []
                for _ in range(cfg["sales"]):
                    if not sell_one(till, ds, rng):
                        raise RuntimeError("no prompt was shown in 50 tries")
                    app.processEvents()
                    t0 = time.perf_counter()
                    changed = view.refresh_results()
                    app.processEvents()
                    t1 = time.perf_counter()
                    store.rules.results()
                    t2 = time.perf_counter()
                    if changed < 1:
                        raise RuntimeError("the sale changed no rule's results")
                    ours.append((t1 - t0) * 1e3)
                    full.append((t2 - t1) * 1e3)
                figures[label] = report(f"One sale, {label} (ms)", "ms", ours, full,
                                        "full results query")
            reloads = []
            for _ in range(cfg["reloads"]):
                t0 = time.perf_counter()
                view.reload()
                app.processEvents()
                reloads.append(time.perf_counter() - t0)
            print(f"\n   for scale, reload() (F5: all rules, results, catalog) + repaint: "
                  f"{seconds(reloads)}")
            view.close()
            view.deleteLater()
            app.processEvents()
        finally:
            store.close()
            other.close()
    print("\n==== summary (no target in the issues: results must be live, and cheap)")
    for label, fig in figures.items():
        print(f"  refresh after a sale, {label}: p50 {fig['p50']:.2f} ms, p99 "
              f"{fig['p99']:.2f} ms ({fig['ratio_p99']:.2f}x the full query's p99)")
    return 0


if __name__ == "__main__":
    sys.exit(run_sized(run, QUICK, FULL, __doc__))
