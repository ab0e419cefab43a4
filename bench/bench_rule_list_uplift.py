"""The rule list's Uplift column at 20,000 rules, ~10% with a holdout: what reading the
uplifts again after a sale costs the UI thread (the till's, in the same process).

    .venv/bin/python bench/bench_rule_list_uplift.py            # 100,000 products, 20,000 rules
    .venv/bin/python bench/bench_rule_list_uplift.py --quick    # 5,000 products, 1,000 rules

A generated store (generate.py) with HISTORY orders sold through a till, and a rule list
open on it, offscreen. Each round the list reads every rule's uplift again in its worker
thread (`RuleListView.refresh_uplift`: what it does a second after a commit), while a 5 ms
timer on the UI thread records its largest gap; the baseline is the largest gap of the same
timer over an idle window as long as that read took, in the same rounds. Also the read's
own time, and the list's `load_list` (F5, in the worker) for scale.
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
from bench_rule_list import sell_one
from generate import NOW, make_dataset
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from pos_prompter.core.order import FixedClock
from pos_prompter.core.rules import RulePack
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.workspace.rule_list import RuleListView, load_list

FULL = {"products": 100_000, "rules": 20_000, "history": 2_000, "rounds": 30}
QUICK = {"products": 5_000, "rules": 1_000, "history": 100, "rounds": 5}


class GapMeter:
    """A 5 ms timer on the UI thread; the largest gap between its ticks since `reset`."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.largest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.largest = max(self.largest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.largest = 0.0


def wait_ms(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def run(cfg: dict[str, Any]) -> int:
    n, m = cfg["products"], cfg["rules"]
    header(f"bench_rule_list_uplift: the rule list's uplifts read again, {m:,} rules", [
        f"store: {n:,} products, {m:,} rules (generate.py, ~10% with a holdout), "
        f"{cfg['history']:,} orders sold first",
        "ours: the UI thread's largest gap (5 ms timer) while refresh_uplift() reads in its "
        "worker; baseline: the same timer's largest gap over an idle window as long",
    ])
    app = QApplication.instance() or QApplication([])
    ds = make_dataset(n, m)
    rng = random.Random(20261207)
    clock = FixedClock(dt.datetime.combine(NOW.date(), dt.time(8, 15)))
    with tempfile.TemporaryDirectory(prefix="bench-rule-list-uplift-") as tmp:
        path = Path(tmp) / "store.db"
        with Store.open(path, create=True) as store:
            store.catalog.import_products(ds.products)
            store.rules.replace(RulePack(tuple(ds.rules), ds.settings))
        with Store.open(path) as other:
            till = Till(other, clock, till_name="till-2")
            for _ in range(cfg["history"]):
                sell_one(till, ds, rng)
        store = Store.open(path)
        try:
            t0 = time.perf_counter()
            data = load_list(store)
            print(f"   load_list (F5, in the worker): {time.perf_counter() - t0:.2f} s; "
                  f"{len(data.uplifts):,} rules with an uplift")
            view = RuleListView(store, "manager", preloaded=data)
            view.resize(430, 700)
            view.show()
            app.processEvents()
            meter = GapMeter()
            reading: list[float] = []
            idle: list[float] = []
            took: list[float] = []
            for _ in range(cfg["rounds"]):
                wait_ms(100)
                meter.reset()
                t0 = time.perf_counter()
                view.refresh_uplift()
                while view._uplift_job is not None:
                    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
                took.append(time.perf_counter() - t0)
                reading.append(meter.largest * 1e3)
                wait_ms(50)
                meter.reset()
                wait_ms(max(1, round(took[-1] * 1e3)))
                idle.append(meter.largest * 1e3)
            figures = report("The UI thread's largest gap (ms)", "ms", reading, idle,
                             "idle, as long")
            print(f"\n   the read itself (worker): {seconds(took)}")
            view.close()
            view.deleteLater()
            app.processEvents()
        finally:
            store.close()
    print("\n==== summary (issue 10: the workspace never stops the till beside it for more "
          "than 50 ms)")
    print(f"  UI thread's largest gap while the uplifts are read: p50 {figures['p50']:.1f} "
          f"ms, p99 {figures['p99']:.1f} ms (idle: p50 {figures['base_p50']:.1f}, "
          f"p99 {figures['base_p99']:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(run_sized(run, QUICK, FULL, __doc__))
