"""A publish reaching an open till: how long the UI thread stops, with published changes
read in a worker thread, against the old reload on the UI thread, in the same run.

    .venv/bin/python bench/bench_reload.py                # 100,000 products, 20,000 rules
    .venv/bin/python bench/bench_reload.py --db DIR/s.db  # a store made with the CLI
    .venv/bin/python bench/bench_reload.py --quick        # small, a smoke run

A till window (offscreen, shown) is open on the store, with an order open. A 5 ms QTimer
(Qt.PreciseTimer) on the UI thread notes the time of each of its ticks: while the UI thread
is blocked it cannot tick, so the gap between two ticks is how long a keystroke of the
wedge scanner would have waited there. One publish: another connection in this process
changes a setting (the publish revision moves; any publish makes the till re-read catalog,
rules and settings alike); once the timer has ticked again, `load_published(revision)` is
called, as the store watcher does (the window's own watcher is disconnected, so the call
comes at a known time), and the loop runs until `rules_reloaded` and then a few more
ticks. The UI gap of that publish is the longest time between two consecutive ticks,
from the last tick before the call to the first tick after the new rules are in force.
"In force after" is the time from the call to `rules_reloaded`. "Longest GC pass" is the
longest pass of Python's cyclic garbage collector in that window, in whichever thread (it
holds the GIL, so the UI thread waits for it too): the part of the gap that is the
collector walking the ~250,000 containers of a freshly read catalog and rule set.

Ours: the window as it is (`load_in_background`: read in a worker thread on a connection of
its own, put in force on the UI thread). Baseline: the same window with
`load_in_background = False`, which is the old path (`Till.reload()` on the UI thread).
Publishes alternate between the two, so drift on the machine hits both alike.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from _stats import header, report, summary, verdict  # noqa: E402
from generate import make_dataset  # noqa: E402
from PySide6.QtCore import QEventLoop, QMessageLogContext, Qt, QTimer, QtMsgType  # noqa: E402
from PySide6.QtCore import qInstallMessageHandler as install_handler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pos_prompter.core.rules import RulePack  # noqa: E402
from pos_prompter.store import Store  # noqa: E402
from pos_prompter.till import Till  # noqa: E402
from pos_prompter.ui.till_window import TillWindow  # noqa: E402

TICK_MS = 5
AFTER_TICKS = 4
"""Ticks waited for after the new rules are in force (the gap may end there)."""
TARGET_MS = 50.0
"""Longest UI block a publish may cause: a keystroke waiting less is not felt."""


def build_store(path: Path, products: int, rules: int) -> None:
    """A chain-sized store, as `import catalog` and `import rules --force` make it."""
    t0 = time.perf_counter()
    ds = make_dataset(products, rules)
    with Store.open(path, create=True) as store:
        store.catalog.import_products(ds.products)
        store.rules.replace(RulePack(tuple(ds.rules), ds.settings))
    print(f"   built {path} ({products} products, {rules} rules) in "
          f"{time.perf_counter() - t0:.1f} s")


class GcPasses:
    """The duration of every pass of the cyclic garbage collector, in any thread."""

    def __init__(self) -> None:
        self.passes: list[float] = []
        self._started = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.passes.append(time.perf_counter() - self._started)

    def longest_since(self, mark: int) -> float:
        return max(self.passes[mark:], default=0.0) * 1e3


class Ticks:
    """A 5 ms timer on the UI thread and the times of its ticks."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))
        self.timer.start()

    def spin_until(self, done: Callable[[], bool], timeout: float = 60.0) -> None:
        end = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > end:
                raise TimeoutError("the publish did not reach the till")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def next_tick(self) -> None:
        seen = len(self.times)
        self.spin_until(lambda: len(self.times) > seen)


def publish_once(window: TillWindow, other: Store, ticks: Ticks, gcs: GcPasses, n: int,
                 background: bool) -> tuple[float, float, float]:
    """One publish, read the way `background` says: the longest UI gap, the time until in
    force and the longest GC pass, in ms."""
    window.load_in_background = background
    other.set_settings({"max_prompts_per_order": 2 + n % 2})  # a publish
    revision = other.publish_revision()
    ticks.next_tick()                      # the write itself is not the till's to wait for
    start, gc_mark = len(ticks.times) - 1, len(gcs.passes)
    reloaded: list[float] = []
    window.rules_reloaded.connect(lambda _rev: reloaded.append(time.perf_counter()))
    t0 = time.perf_counter()
    window.load_published(revision)
    ticks.spin_until(lambda: bool(reloaded))
    in_force = reloaded[0]
    window.rules_reloaded.disconnect()
    ticks.spin_until(lambda: sum(t > in_force for t in ticks.times) >= AFTER_TICKS)
    if window.till.revision != revision:
        raise RuntimeError(f"the till is at {window.till.revision}, not {revision}")
    times = ticks.times[start:]
    gap = max(b - a for a, b in pairwise(times))
    return gap * 1e3, (in_force - t0) * 1e3, gcs.longest_since(gc_mark)


def quiet_offscreen_warnings() -> None:
    def handler(mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "offscreen" not in message and "propagateSizeHints" not in message:
            sys.stderr.write(f"{mode.name}: {message}\n")

    install_handler(handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing store (default: build one)")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--rules", type=int, default=20_000)
    parser.add_argument("--publishes", type=int, default=10, help="per path (default 10)")
    parser.add_argument("--quick", action="store_true",
                        help="5,000 products, 1,000 rules, 3 publishes per path")
    args = parser.parse_args(argv)
    if args.quick:
        args.products, args.rules, args.publishes = 5_000, 1_000, 3
    quiet_offscreen_warnings()
    app = QApplication.instance() or QApplication([])
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as tmp:
        header("A publish reaching an open till: longest UI-thread block", [
            f"{args.publishes} publishes per path, alternating; a {TICK_MS} ms timer on the "
            "UI thread; the gap is the longest time between two of its ticks",
            "ours: read in a worker thread, put in force on the UI thread; baseline: "
            "Till.reload() on the UI thread (the old path)"])
        path = args.db
        if path is None:
            path = Path(tmp) / "s.db"
            build_store(path, args.products, args.rules)
        store, other = Store.open(path), Store.open(path)
        window = TillWindow(Till(store))
        if window.watcher is not None:  # the publishes are announced here, at known times
            window.watcher.published.disconnect(window.load_published)
        try:
            window.show()
            ticks, gcs = Ticks(app), GcPasses()
            ticks.next_tick()
            products = len(window.till.catalog)
            rules = len(window.till.engine.rules)
            first = next(iter(window.till.catalog))
            window.scan_text(first.barcodes[0] if first.barcodes else first.sku)
            if window.till.session is None:
                raise RuntimeError(f"could not open an order with {first.sku}")
            print(f"   store: {path} ({products} products, {rules} rules), an order open")
            gaps: dict[bool, list[float]] = {True: [], False: []}
            in_force: dict[bool, list[float]] = {True: [], False: []}
            gc_ms: dict[bool, list[float]] = {True: [], False: []}
            for n in range(-1, args.publishes):  # -1: one warm-up publish per path, unused
                for background in (True, False) if n % 2 else (False, True):
                    gap, after, longest_gc = publish_once(window, other, ticks, gcs, n,
                                                          background)
                    if n >= 0:
                        gaps[background].append(gap)
                        in_force[background].append(after)
                        gc_ms[background].append(longest_gc)
            if window.till.session is None or not window.till.lines:
                raise RuntimeError("the open order was lost on a reload")
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
            store.close()
            other.close()

    result = report("Longest UI-thread block during a publish (ms between two ticks of a "
                    f"{TICK_MS} ms timer)", "ms", gaps[True], gaps[False],
                    "old reload on the UI thread")
    for what, samples in (("Publish to rules in force", in_force),
                          ("Longest GC pass during the publish", gc_ms)):
        ours, base = summary(samples[True]), summary(samples[False])
        print(f"\n{what} (ms): ours p50 {ours['p50']:.1f} p99 {ours['p99']:.1f}; "
              f"old p50 {base['p50']:.1f} p99 {base['p99']:.1f}")
    print()
    verdict(f"UI gap p99 (ms) at {products} products, {rules} rules", result["p99"],
            TARGET_MS)
    print(f"\n(total {time.perf_counter() - t_start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
