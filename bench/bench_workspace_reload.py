"""How long the workspace stops painting when another process publishes, at chain size.

    .venv/bin/python bench/bench_workspace_reload.py               # 100,000 products, 20,000 rules
    .venv/bin/python bench/bench_workspace_reload.py --quick       # 2,000 products, 200 rules
    .venv/bin/python bench/bench_workspace_reload.py --db DIR/s.db # on a copy of that store

One workspace window (offscreen) over the store, as the app opens it. Each round, a second
connection to the same file (the command line, another manager) publishes: it switches
one rule on or off (`store.rules.save`), or changes one product's price
(`store.catalog.import_products`). From that commit on, a 5 ms QTimer (PreciseTimer) records when
it fires, until the rule list shows the change and has no load under way, and 100 ms more.
The figure of a round is the largest gap between two ticks (from the commit to the first
tick too): the longest the UI thread was busy, i.e. the longest the window could not paint
or take a click.

- ours: the path a publish elsewhere takes: the store watcher notices the commit, the
  window reads the audit log again and has the rule list load in a worker thread
  (`RuleListView.reload_in_background`), then catches the editor up from what that load
  read (`RuleEditor.set_context`: no store reads on the UI thread);
- baseline "synchronous full reload", in the same run, rounds alternating: the same
  publish (the watcher told it is seen), then in one slot what a publish elsewhere did
  before: `RuleListView.reload(reuse=False)` (every rule parsed and every row built
  again, the catalog read again), the audit log, and the editor catch-up as it was (the
  editor reads catalog, settings and rules from the store itself, on the UI thread);
- in the first case also "synchronous reload": the same, but taking over the unchanged
  rows and catalog from the last load (`reload()`), to tell the two changes apart.

Cases: a rule published, nothing open in the editor; a product's price published (the
catalog changed: every row is built again, in the worker); a rule published while a rule
is open in the editor (ours: the editor takes the list's load; the baseline: it reads the
store again itself, on the UI thread, some 0.8-1.0 s at chain size). Also printed: the
time from the commit to the list showing the change.

Between rounds (untimed) the collector runs in full, so no round pays for what an earlier
one (of another way) left: a full reload makes some 400,000 objects, and collecting them
stops every thread for up to a second, whenever the collector gets to it. Each round's own
collections count where they fall, if within its window.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, report, seconds  # noqa: E402
from generate import make_dataset  # noqa: E402
from PySide6.QtCore import Qt, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pos_prompter.bootstrap import init_store  # noqa: E402
from pos_prompter.core.catalog import Product  # noqa: E402
from pos_prompter.core.rules import RulePack, parse_rule  # noqa: E402
from pos_prompter.store import Store  # noqa: E402
from pos_prompter.store.store import copy_store  # noqa: E402
from pos_prompter.ui.workspace.window import WorkspaceWindow  # noqa: E402

TICK_MS = 5
TAIL_S = 0.1
"""Ticks recorded after the change shows (what the UI thread does right after it)."""
TIMEOUT_S = 60.0
OURS, FULL, SYNC = "ours", "synchronous full reload", "synchronous reload"


def make_store(path: Path, products: int, rules: int) -> None:
    """A store with the generated catalog and rules (generate.make_dataset)."""
    ds = make_dataset(products, rules)
    init_store(path).close()
    with Store.open(path) as store:
        store.catalog.import_products(ds.products)
        store.rules.replace(RulePack(tuple(ds.rules), ds.settings))


def settle(app: QApplication, for_s: float = 0.3) -> None:
    end = time.perf_counter() + for_s
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


class Publisher:
    """The other connection: publishes one change, and tells when the list shows it."""

    def __init__(self, other: Store, window: WorkspaceWindow, product: Product) -> None:
        self.other = other
        self.window = window
        self.product = product

    def rule(self, rule_id: str) -> tuple[str, bool]:
        # One rule's text, not load_rules(): 20,000 parsed rules would leave the
        # collector work that lands in the measured window.
        body = self.other.db.execute("SELECT body FROM rules WHERE id = ?",
                                     [rule_id]).fetchone()[0]
        rule = parse_rule(json.loads(body), 1, trusted=True)
        assert rule is not None
        self.other.rules.save(dataclasses.replace(rule, active=not rule.active),
                             actor="bench")
        return rule_id, not rule.active

    def price(self) -> int:
        self.product = dataclasses.replace(self.product, price=self.product.price + 1)
        self.other.catalog.import_products([self.product], actor="bench")
        return self.other.publish_revision()

    def rule_shows(self, rule_id: str, active: bool) -> bool:
        model = self.window.rule_list.model
        at = model.row_of(rule_id)
        return at is not None and model.row_at(at).rule.active == active


class Probe:
    """A 5 ms timer's ticks from a publish until the list shows it."""

    def __init__(self, app: QApplication, window: WorkspaceWindow) -> None:
        self.app = app
        self.window = window
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.ticks: list[float] = []
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.revision = -1
        self.window.rule_list.reloaded.connect(self._reloaded)

    def _reloaded(self) -> None:
        self.revision = self.window.store.publish_revision()

    def run(self, way: str, publish: Publisher, kind: str, rule_id: str) -> tuple[float, float]:
        """Publish and wait for the list to show it: (largest tick gap in ms, seconds from
        the commit to the list showing it)."""
        rule_list = self.window.rule_list
        if kind == "rule":
            rid, active = publish.rule(rule_id)

            def done() -> bool:
                return publish.rule_shows(rid, active) and not rule_list.loading
        else:
            revision = publish.price()

            def done() -> bool:
                return self.revision >= revision and not rule_list.loading
        start = time.perf_counter()
        self.ticks = [start]
        self.timer.start()
        if way != OURS:
            watcher = self.window.watcher
            assert watcher is not None
            watcher.acknowledge(publish.other.publish_revision())

            def reload_now() -> None:  # the synchronous publish-elsewhere path
                rule_list.reload(reuse=way == SYNC)
                self.window.audit_view.reload()
                self.window._sync_editor()  # no load given: the editor reads the store

            QTimer.singleShot(0, reload_now)
        shown = None
        while time.perf_counter() - start < TIMEOUT_S:
            self.app.processEvents()
            if shown is None and done():
                shown = time.perf_counter()
            if shown is not None and time.perf_counter() - shown > TAIL_S:
                break
            time.sleep(0.0005)  # let the timer come due without spinning
        self.timer.stop()
        if shown is None:
            raise SystemExit(f"the {kind} publish did not show in {TIMEOUT_S:.0f} s")
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        return max(gaps) * 1000, shown - start


def measure(probe: Probe, publish: Publisher, kind: str, ways: list[str], rounds: int,
            rule_ids: list[str]) -> dict[str, dict[str, list[float]]]:
    """Rounds of each way, in rotating order; per way its gaps (ms) and times to show (s)."""
    out: dict[str, dict[str, list[float]]] = {w: {"gap": [], "show": []} for w in ways}
    for n in range(rounds):
        for way in ways[n % len(ways):] + ways[:n % len(ways)]:
            gap, show = probe.run(way, publish, kind, rule_ids[n % len(rule_ids)])
            out[way]["gap"].append(gap)
            out[way]["show"].append(show)
            settle(probe.app)
            gc.collect()  # each round starts without the collector's debts of the last
    return out


def run(products: int, rules: int, rounds: int, db: Path | None) -> int:
    qInstallMessageHandler(lambda *_args: None)  # offscreen's "propagateSizeHints" notes
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-workspace-") as tmp:
        path = Path(tmp) / "s.db"
        t0 = time.perf_counter()
        if db is not None:
            copy_store(db, path)
        else:
            make_store(path, products, rules)
        made = time.perf_counter() - t0
        store = Store.open(path)
        other = Store.open(path)
        with store.snapshot():
            n_rules = store.db.execute("SELECT COUNT(*) FROM rules").fetchone()[0]
            n_products = store.db.execute("SELECT COUNT(*) FROM products").fetchone()[0]
        product = other.catalog.load().get(
            other.db.execute("SELECT MIN(sku) FROM products").fetchone()[0])
        assert product is not None
        header("the workspace while another process publishes: the UI thread's longest "
               "block", [f"{n_products:,} products, {n_rules:,} rules "
                         f"({'copied from ' + str(db) if db else 'generated'}, "
                         f"{made:.1f} s); {rounds} publishes per case and way, rotating",
                         f"a {TICK_MS} ms QTimer's largest gap from the publish's commit "
                         "until the list shows it (+100 ms); Qt platform "
                         f"{QApplication.platformName()}"])
        t0 = time.perf_counter()
        window = WorkspaceWindow(store, "manager", demo_password=False)
        window.show()
        settle(app)
        print(f"   workspace opened in {time.perf_counter() - t0:.2f} s")
        ids = [row.rule.id for row in window.rule_list.model.rows]
        picked = [ids[(1 + i * 7919) % len(ids)] for i in range(rounds)]
        probe = Probe(app, window)
        publish = Publisher(other, window, product)
        cases = [  # name, what is published, ways, a rule open in the editor
            ("a rule published, nothing open in the editor", "rule", [OURS, FULL, SYNC], False),
            ("a product's price published (the catalog changed)", "price", [OURS, FULL], False),
            ("a rule published, a rule open in the editor", "rule", [OURS, FULL], True)]
        figures = {}
        try:
            for name, kind, ways, editing in cases:
                if editing:
                    window.rule_list.select_rule(ids[0])
                settle(app)
                figures[name] = measure(probe, publish, kind, ways, rounds, picked)
        finally:
            window.close()
            window.deleteLater()
            settle(app, 0.1)
            other.close()
            store.close()
        for name, f in figures.items():
            for way in [w for w in f if w != OURS]:
                report(f"Publish elsewhere, {name}: largest UI-thread gap", "ms",
                       f[OURS]["gap"], f[way]["gap"], way)
            shows = ", ".join(f"{way} {seconds(f[way]['show'])}" for way in f)
            print(f"  commit to list showing it: {shows}")
            ratio = statistics.median(f[OURS]["show"]) / statistics.median(f[FULL]["show"])
            print(f"  (median ratio ours / {FULL}: {ratio:.2f}x)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="2,000 products, 200 rules, 2 rounds")
    parser.add_argument("--db", type=Path, help="measure on a copy of this store instead")
    parser.add_argument("--rounds", type=int, help="publishes per case and way (default 7)")
    args = parser.parse_args(argv)
    products, rules = (2_000, 200) if args.quick else (100_000, 20_000)
    rounds = args.rounds or (2 if args.quick else 7)
    t0 = time.perf_counter()
    code = run(products, rules, rounds, args.db)
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
