"""How long the till stops while a manager opens the workspace beside it, at chain size.

    .venv/bin/python bench/bench_workspace_open.py               # 100,000 products, 20,000 rules
    .venv/bin/python bench/bench_workspace_open.py --quick       # 2,000 products, 200 rules
    .venv/bin/python bench/bench_workspace_open.py --db DIR/s.db # on a copy of that store

One till window (offscreen) over the store, as the app opens it. Each round a manager opens
the workspace (signed in already: the password check has its own worker), and a 5 ms QTimer
(PreciseTimer) records when it fires, from the request until the workspace is shown, and
100 ms more. The figure of a round is the largest gap between two ticks: the longest the
till's UI thread was busy, i.e. the longest a scan would have waited to show.

- ours: `TillWindow.open_workspace`: what the workspace shows (rule list, the editor's
  catalog and rules, the audit log) is read in a worker thread on a connection of its own
  (`load_workspace`), and the window is built from it when it arrives;
- baseline, in the same run, rounds alternating: the window built on the UI thread, reading
  the store itself, as `open_workspace` did before.

Between rounds (untimed) the workspace is closed and the collector runs in full, so no
round pays for what an earlier one left.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
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
from bench_workspace_reload import make_store, settle  # noqa: E402
from PySide6.QtCore import Qt, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pos_prompter.app import build_window  # noqa: E402
from pos_prompter.bootstrap import DEFAULT_CLERK  # noqa: E402
from pos_prompter.store import Store  # noqa: E402
from pos_prompter.store.auth import Person, StaffStore  # noqa: E402
from pos_prompter.store.store import copy_store  # noqa: E402
from pos_prompter.ui.till_window import TillWindow  # noqa: E402
from pos_prompter.ui.workspace.window import WorkspaceWindow  # noqa: E402

TICK_MS = 5
TAIL_S = 0.1
TIMEOUT_S = 120.0
OURS, OLD = "ours", "built on the UI thread"
MANAGER = "bench-manager"


class Ticks:
    """A 5 ms timer's ticks."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.at: list[float] = []
        self.timer.timeout.connect(lambda: self.at.append(time.perf_counter()))

    def start(self) -> float:
        self.at = []
        self.timer.start()
        return time.perf_counter()

    def largest_gap(self, since: float) -> float:
        self.timer.stop()
        stamps = [since, *self.at]
        return max(b - a for a, b in itertools.pairwise(stamps))


def open_ours(app: QApplication, till: TillWindow, person: Person) -> WorkspaceWindow:
    till.open_workspace(person, demo_password=False)  # as the sign-in passes it
    deadline = time.perf_counter() + TIMEOUT_S
    while till.workspace is None or not till.workspace.isVisible():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the workspace never opened")
    return till.workspace


def open_old(app: QApplication, till: TillWindow, person: Person) -> WorkspaceWindow:
    workspace = WorkspaceWindow(till.till.store, person, till, staff=till.staff,
                                demo_password=False)
    workspace.show()
    app.processEvents()
    return workspace


def round_of(app: QApplication, ticks: Ticks, till: TillWindow, person: Person,
             way: str) -> tuple[float, float]:
    """One opening: (largest UI gap, time until shown), in seconds."""
    t0 = ticks.start()
    workspace = (open_ours if way == OURS else open_old)(app, till, person)
    shown = time.perf_counter() - t0
    settle(app, TAIL_S)
    gap = ticks.largest_gap(t0)
    if workspace.rule_list.model.rowCount() == 0:
        raise RuntimeError("the workspace shows no rules")
    if till.workspace is not None:
        till.workspace.close()
    else:
        workspace.close()
        workspace.deleteLater()
    settle(app, 0.05)
    gc.collect()
    return gap, shown


def run(products: int, rules: int, rounds: int, db: Path | None) -> int:
    qInstallMessageHandler(lambda *_args: None)  # offscreen's "propagateSizeHints" notes
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-workspace-open-") as tmp:
        path = Path(tmp) / "s.db"
        t0 = time.perf_counter()
        if db is not None:
            copy_store(db, path)
        else:
            make_store(path, products, rules)
        made = time.perf_counter() - t0
        store = Store.open(path)
        staff = StaffStore(store)
        if staff.get(MANAGER) is None:
            staff.add_person(MANAGER, "manager", "bench manager password", actor="bench")
        person = staff.get(MANAGER)
        assert person is not None
        with store.snapshot():
            n_rules = store.db.execute("SELECT COUNT(*) FROM rules").fetchone()[0]
            n_products = store.db.execute("SELECT COUNT(*) FROM products").fetchone()[0]
        header("a manager opens the workspace beside the till: the till's longest block",
               [f"{n_products:,} products, {n_rules:,} rules "
                f"({'copied from ' + str(db) if db else 'generated'}, {made:.1f} s); "
                f"{rounds} openings per way, alternating",
                f"a {TICK_MS} ms QTimer's largest gap from the request until the workspace "
                f"is shown (+100 ms); Qt platform {QApplication.platformName()}"])
        till = build_window(store, clerk=DEFAULT_CLERK)
        till.show()
        settle(app)
        ticks = Ticks()
        figures: dict[str, dict[str, list[float]]] = {
            way: {"gap": [], "shown": []} for way in (OURS, OLD)}
        try:
            for _ in range(rounds):
                for way in (OURS, OLD):
                    gap, shown = round_of(app, ticks, till, person, way)
                    figures[way]["gap"].append(gap * 1e3)
                    figures[way]["shown"].append(shown)
        finally:
            till.close()
            till.deleteLater()
            settle(app, 0.1)
            store.close()
        report("Opening the workspace: the till's largest UI-thread gap", "ms",
               figures[OURS]["gap"], figures[OLD]["gap"], OLD)
        print("  request to workspace shown: "
              + ", ".join(f"{way} {seconds(f['shown'])}" for way, f in figures.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="2,000 products, 200 rules, 2 rounds")
    parser.add_argument("--db", type=Path, help="measure on a copy of this store instead")
    parser.add_argument("--rounds", type=int, help="openings per way (default 5)")
    args = parser.parse_args(argv)
    products, rules = (2_000, 200) if args.quick else (100_000, 20_000)
    rounds = args.rounds or (2 if args.quick else 5)
    t0 = time.perf_counter()
    code = run(products, rules, rounds, args.db)
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
