"""Memory of the running till after 1,000 scans, against a bare PySide6 window (issue 14).

    .venv/bin/python bench/bench_till_memory.py            # 3 runs of 3 x 1,000 scans each
    .venv/bin/python bench/bench_till_memory.py --chain    # the same on a chain-size store
    .venv/bin/python bench/bench_till_memory.py --quick    # 1 run of 3 x 100 scans each

Each run starts two fresh processes, one after the other, that read the same plan:

- ours: the real till as `app._run_window` starts it (without its log file): `application()`,
  `open_store(path)` on a fresh copy of the cafe demo store (`--chain`: a store of 100,000
  products and 20,000 rules made by bench/_tillstore.py), a `JobRunner`, `build_window` as
  `run` builds it (`SHOWN_FIRST`: catalog and rules read after the first paint) with
  the demo's clerk selling (as after their PIN) on a clock fixed on a Monday morning (so the
  cafe's breakfast and size-up rules fire), `start_window` and `guard_store` (its check and
  backup after the first paint, as the running till does). Only the answer gate's delay is
  cut from 700 ms to 1 ms, so that 3,000 scans take seconds, not minutes: the gate still
  closes and opens on its timer for every prompt, and the bench waits for it to open.
- baseline: a bare PySide6 QMainWindow with a QLineEdit and a QTableView over a
  QStandardItemModel (Fusion style, the same size), shown, focused and painted. Return appends
  the typed code as a row of five cells and empties the field with `setText("")`; F12 clears
  the model (a new order). Not `QLineEdit.clear()`: that keeps every keystroke in the line
  edit's undo history, which is never cut (some 0.45 KB a scan, for ever: bench/README.md),
  and the baseline is the least a window must hold.

Both are fed the same plan through the real key path, as a keyboard-wedge scanner and a
clerk type: every scan is its 13 digits and Return as key events into the focused scan
field (QTest.keyClicks / keyPress / keyRelease), then events are processed until the order
table has been painted. The plan (seeded): orders of 1-6 items (mean ~2.5, a cafe's queue),
30% of them go to checkout (F4), every order is paid (F12); after a scan or a checkout with
a prompt on screen the clerk accepts it (F9) 20% of the time, declines it (F10) 30%, and
otherwise goes on with it up. The bare window gets the same keys (F4, F9, F10 do nothing
there).

The child reads its own /proc/self/status (VmRSS: resident now; VmHWM: the peak so far;
RssAnon: the part that is not mapped files such as Qt's libraries) once ready to scan
(exposed, painted, the scan field focused) and after every 500 scans, each time after
`gc.collect()` and a settled event queue; with Python's live object count and the
application's widget count, which show where growth comes from. The growth of the second
and third thousand scans is what a leak looks like: a till that levels off grows by about
nothing there. Printed: medians of the runs and our figures over the bare window's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent

SEED = 20261207
BLOCK = 1_000
"""Scans per block; the full run is three blocks."""


def active_codes(path: Path) -> list[str]:
    """The barcodes of the store's products for sale (an inactive one rings up nothing)."""
    import sqlite3

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [code for (code,) in db.execute(
            "SELECT code FROM barcodes JOIN products USING (sku) WHERE active = 1 "
            "ORDER BY code")]
    finally:
        db.close()


def cafe_plan(scans: int, codes: list[str], seed: int = SEED) -> list[str]:
    """The plan's lines: "scan CODE", "checkout", "pay", and "accept"/"decline" (done only
    when a prompt is on screen then)."""
    rng = random.Random(seed)
    steps: list[str] = []
    done = 0
    while done < scans:
        size = min(rng.choices((1, 2, 3, 4, 5, 6), (30, 30, 20, 10, 6, 4))[0], scans - done)
        for _ in range(size):
            steps.append(f"scan {rng.choice(codes)}")
            steps.extend(_answer(rng))
        done += size
        if rng.random() < 0.3:
            steps.append("checkout")
            steps.extend(_answer(rng))
        steps.append("pay")
    return steps


def _answer(rng: random.Random) -> list[str]:
    r = rng.random()
    return ["accept"] if r < 0.2 else ["decline"] if r < 0.5 else []


def chain_store(path: Path, scans: int) -> list[str]:
    """A chain-size store at `path` (100,000 products, 20,000 rules) and a plan of
    generate.py's orders (2-8 scans, 70% through a rule's trigger) on it."""
    sys.path.insert(0, str(BENCH))
    from _tillstore import build_store
    from generate import make_plan

    ds, took = build_store(path, 100_000, 20_000)
    print(f"   chain store built in {took:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    steps: list[str] = []
    for step in make_plan(ds.shop, ds.rules, scans, seed=SEED):
        if step.action == "scan":
            assert step.product is not None
            steps.append(f"scan {step.product.barcodes[0]}")
        else:
            steps.append(step.action)
        if step.answer:
            steps.append(step.answer)
    return steps


# ------------------------------------------------------------------ the children


@dataclass
class Subject:
    """One window under test, as the child drives it."""

    app: Any
    window: Any
    field: Any
    """The scan field: the keys go here."""
    table: Any
    """The order table: a scan is done once its viewport was painted."""
    start: Callable[[], None]
    stop: Callable[[], None]
    prompt_up: Callable[[], bool]
    answerable: Callable[[], bool]
    summary: Callable[[], dict[str, int]]
    """What the window did (scans, prompts, answers, orders paid)."""
    extra: Callable[[], dict[str, int]]
    """More figures for each reading."""
    state: Callable[[], str]
    """A few words on the window's state, for an error."""


def status() -> dict[str, int]:
    """VmRSS, VmHWM and RssAnon of this process, in kB."""
    out: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            key = line.split(":", 1)[0]
            if key in ("VmRSS", "VmHWM", "RssAnon"):
                out[key] = int(line.split()[1])
    return out


def child(kind: str, store: Path, plan_path: Path, every: int) -> int:
    """One process: the till or the bare window, fed the plan; prints JSON lines."""
    import gc
    import time

    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    plan = plan_path.read_text(encoding="ascii").splitlines()
    scans = 0
    subject = till_subject(store) if kind == "till" else bare_subject()
    app, window, field, table = subject.app, subject.window, subject.field, subject.table

    class Spy(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    spy = Spy()
    table.viewport().installEventFilter(spy)
    field_spy = Spy()
    field.installEventFilter(field_spy)

    def wait(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise SystemExit(f"{kind}: {what} never happened (after {scans} scans; "
                                 f"{subject.state()})")

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    def reading(label: str, scans: int) -> None:
        settle()
        gc.collect()
        print(json.dumps({"label": label, "scans": scans, **status(),
                          "objects": len(gc.get_objects()),
                          "widgets": len(QApplication.allWidgets()),
                          **subject.extra()}), flush=True)

    subject.start()
    wait(lambda: field_spy.painted and field.hasFocus() and window.windowHandle() is not None
         and window.windowHandle().isExposed(), "ready to scan")
    reading("ready", 0)
    keys = {"checkout": Qt.Key.Key_F4, "pay": Qt.Key.Key_F12, "accept": Qt.Key.Key_F9,
            "decline": Qt.Key.Key_F10}
    for step in plan:
        if step.startswith("scan "):
            spy.painted = False
            QTest.keyClicks(field, step[5:])
            QTest.keyPress(field, Qt.Key.Key_Return)
            QTest.keyRelease(field, Qt.Key.Key_Return)
            wait(lambda: spy.painted, "the scanned line's paint")
            scans += 1
            if scans % every == 0:
                reading(f"after {scans}", scans)
            continue
        if step in ("accept", "decline"):
            if not subject.prompt_up():
                continue
            wait(subject.answerable, "the answer gate's opening")
        QTest.keyClick(field, keys[step])
        settle()
    summary = subject.summary()
    print(json.dumps({"label": "done", "scans": scans, **summary}), flush=True)
    subject.stop()
    return 0


def till_subject(store_path: Path) -> Subject:
    """The real till, started as app._run_window starts it (see the module's docstring)."""
    import datetime as dt

    from pos_prompter.app import (
        SHOWN_FIRST,
        application,
        build_window,
        guard_store,
        open_store,
        start_window,
    )
    from pos_prompter.bootstrap import DEFAULT_CLERK
    from pos_prompter.core.order import FixedClock
    from pos_prompter.ui.jobs import JobRunner

    app = application()
    store = open_store(store_path)
    jobs = JobRunner()
    window = build_window(store, clock=FixedClock(dt.datetime(2026, 11, 23, 8, 10)),
                          clerk=DEFAULT_CLERK, jobs=jobs, defer_from=SHOWN_FIRST)
    window.prompt_panel.gate.delay_ms = 1  # see the docstring: the gate still runs
    counts = {"prompts": 0, "accepted": 0, "declined": 0, "ignored": 0, "paid": 0}
    window.prompt_shown.connect(lambda _p: counts.__setitem__("prompts", counts["prompts"] + 1))
    window.prompt_answered.connect(
        lambda _rule, how: counts.__setitem__(how, counts.get(how, 0) + 1))
    window.order_paid.connect(lambda _ev: counts.__setitem__("paid", counts["paid"] + 1))

    def start() -> None:
        dialog = start_window(window)
        if dialog is not None:  # a store without a manager: the clerk closes the box
            dialog.reject()
        guard_store(app, window, store)

    def stop() -> None:
        window.close()
        jobs.close()
        window.deleteLater()
        store.close()

    def store_kb() -> dict[str, int]:
        files = store_path.parent.glob(store_path.name + "*")  # with its -wal and -shm
        return {"store_kb": sum(p.stat().st_size for p in files) // 1024}

    return Subject(
        app, window, window.scan_input, window.order_table, start, stop,
        prompt_up=lambda: window.till.prompt is not None,
        answerable=lambda: bool(window.prompt_panel.answerable),
        summary=lambda: dict(counts), extra=store_kb,
        state=lambda: f"status {window.status_label.text()!r}, {len(window.till.lines)} "
                      f"lines, focus {app.focusWidget()!r}")


def bare_subject() -> Subject:
    """The bare PySide6 window (see the module's docstring)."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication,
        QLineEdit,
        QMainWindow,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv)
    app.setStyle("Fusion")
    window = QMainWindow()
    central = QWidget(window)
    window.setCentralWidget(central)
    field = QLineEdit(central)
    table = QTableView(central)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    model = QStandardItemModel(0, 5, window)
    table.setModel(model)
    layout = QVBoxLayout(central)
    layout.addWidget(field)
    layout.addWidget(table, 1)
    window.setFocusProxy(field)
    window.resize(1024, 700)
    counts = {"rows": 0, "paid": 0}

    def on_return() -> None:
        code = field.text()
        field.setText("")  # not clear(): it keeps every keystroke for undo (see above)
        model.appendRow([QStandardItem(x) for x in (code, "1", "4.25", "4.25", "")])
        counts["rows"] += 1

    field.returnPressed.connect(on_return)

    class Pay(QObject):
        """F12 in the field: a new order (the model emptied)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                    and event.key() == Qt.Key.Key_F12:
                model.removeRows(0, model.rowCount())
                counts["paid"] += 1
            return False

    pay = Pay(window)
    field.installEventFilter(pay)

    def start() -> None:
        window.show()
        window.activateWindow()

    def stop() -> None:
        window.close()

    return Subject(app, window, field, table, start, stop,
                   prompt_up=lambda: False, answerable=lambda: True,
                   summary=lambda: dict(counts), extra=dict,
                   state=lambda: f"{model.rowCount()} rows, focus {app.focusWidget()!r}")


# ------------------------------------------------------------------ the parent


def run_child(kind: str, store: Path, plan: Path, every: int) -> list[dict[str, object]]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", kind,
                           str(store), str(plan), str(every)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=1800, check=False)
    lines = [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]
    if done.returncode != 0 or not lines or lines[-1]["label"] != "done":
        raise RuntimeError(f"the {kind} child failed (exit {done.returncode}):\n"
                           f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return lines


def mb(kb: float) -> str:
    return f"{kb / 1024:8.1f} MB"


def at(lines: list[dict[str, object]], scans: int, key: str) -> int:
    row = next(x for x in lines if x["label"] != "done" and x["scans"] == scans)
    value = row[key]
    assert isinstance(value, int)
    return value


def figures(lines: list[dict[str, object]], block: int) -> dict[str, float]:
    """One run's figures, in kB (growth: per 1,000 scans)."""
    per = 1000 / block
    return {
        "ready RSS": at(lines, 0, "VmRSS"), "ready peak": at(lines, 0, "VmHWM"),
        f"{block} scans RSS": at(lines, block, "VmRSS"),
        f"{block} scans peak": at(lines, block, "VmHWM"),
        "growth 2nd block": (at(lines, 2 * block, "VmRSS") - at(lines, block, "VmRSS")) * per,
        "growth 3rd block": (at(lines, 3 * block, "VmRSS") - at(lines, 2 * block, "VmRSS"))
        * per,
        "anon growth 2nd block": (at(lines, 2 * block, "RssAnon")
                                  - at(lines, block, "RssAnon")) * per,
        "anon growth 3rd block": (at(lines, 3 * block, "RssAnon")
                                  - at(lines, 2 * block, "RssAnon")) * per,
        "objects growth 2nd block": (at(lines, 2 * block, "objects")
                                     - at(lines, block, "objects")) * per,
        "objects growth 3rd block": (at(lines, 3 * block, "objects")
                                     - at(lines, 2 * block, "objects")) * per,
        "widgets growth 2nd+3rd": at(lines, 3 * block, "widgets") - at(lines, block, "widgets"),
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(argv[1], Path(argv[2]), Path(argv[3]), int(argv[4]))
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1 run of 3 x 100 scans")
    parser.add_argument("--runs", type=int, help="runs of each (default 3)")
    parser.add_argument("--block", type=int, help="scans per block (default 1,000); a run "
                        "is three blocks, growth is still shown per 1,000 scans")
    parser.add_argument("--chain", action="store_true",
                        help="a chain-size store (100,000 products, 20,000 rules) instead of "
                        "the cafe demo")
    args = parser.parse_args(argv)
    block = args.block or (100 if args.quick else BLOCK)
    runs = args.runs or (1 if args.quick else 3)
    sys.path.insert(0, str(BENCH))
    sys.path.insert(0, str(ROOT))
    from _stats import header

    from pos_prompter.bootstrap import init_store
    from pos_prompter.store.store import copy_store

    header("bench_till_memory: memory of the running till against a bare PySide6 window", [
        f"{runs} run(s); each: a fresh process of each, fed 3 x {block:,} scans of the same "
        "plan as key events (pay, checkout, F9/F10 on prompts); readings after gc.collect()",
        f"store: {'chain-size (100,000 products, 20,000 rules)' if args.chain else 'cafe demo'}"
        f", a fresh copy per run; Qt platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}",
    ])
    with tempfile.TemporaryDirectory(prefix="bench-till-memory-") as tmp:
        made = Path(tmp) / "made.db"
        if args.chain:
            plan = chain_store(made, 3 * block)
        else:
            init_store(made, demo="cafe").close()
            plan = cafe_plan(3 * block, active_codes(made))
        plan_path = Path(tmp) / "plan.txt"
        plan_path.write_text("\n".join(plan) + "\n", encoding="ascii")
        ours: list[dict[str, float]] = []
        bare: list[dict[str, float]] = []
        last: dict[str, list[dict[str, object]]] = {}
        for i in range(runs):
            store = Path(tmp) / f"run{i}" / "store.db"
            store.parent.mkdir()
            copy_store(made, store)
            last["till"] = run_child("till", store, plan_path, block // 2)
            ours.append(figures(last["till"], block))
            last["bare"] = run_child("bare", store, plan_path, block // 2)
            bare.append(figures(last["bare"], block))
    print_report(ours, bare, last, block, plan)
    return 0


def print_report(ours: list[dict[str, float]], bare: list[dict[str, float]],
                 last: dict[str, list[dict[str, object]]], block: int, plan: list[str]) -> None:
    orders = plan.count("pay")
    scans = sum(1 for s in plan if s.startswith("scan "))
    print(f"\n   plan: {scans:,} scans in {orders:,} orders (mean {scans / orders:.1f} items), "
          f"{plan.count('checkout'):,} checkouts, {plan.count('accept'):,} accept and "
          f"{plan.count('decline'):,} decline keys planned (pressed when a prompt is up)")
    print(f"   last run, till: {json.dumps(last['till'][-1])}")
    print(f"   last run, bare: {json.dumps(last['bare'][-1])}")
    print(f"\n   {'median of ' + str(len(ours)) + ' run(s)':36}{'pos-prompter':>14}"
          f"{'bare PySide6':>14}{'ratio':>9}")
    for key in ("ready RSS", "ready peak", f"{block} scans RSS", f"{block} scans peak"):
        a = statistics.median(r[key] for r in ours)
        b = statistics.median(r[key] for r in bare)
        print(f"   {key:36}{mb(a):>14}{mb(b):>14}{a / b:>8.2f}x")
    for key in ("growth 2nd block", "growth 3rd block", "anon growth 2nd block",
                "anon growth 3rd block"):
        a = statistics.median(r[key] for r in ours)
        b = statistics.median(r[key] for r in bare)
        label = key.replace("block", f"{block:,}") + " /1,000"
        print(f"   {label:36}{mb(a):>14}{mb(b):>14}")
    for key in ("objects growth 2nd block", "objects growth 3rd block",
                "widgets growth 2nd+3rd"):
        a = statistics.median(r[key] for r in ours)
        b = statistics.median(r[key] for r in bare)
        label = key.replace("block", f"{block:,}") + ("" if "widgets" in key else " /1,000")
        print(f"   {label:36}{a:>14,.0f}{b:>14,.0f}")
    ready = statistics.median(r["ready RSS"] for r in ours) / statistics.median(
        r["ready RSS"] for r in bare)
    after = statistics.median(r[f"{block} scans RSS"] for r in ours) / statistics.median(
        r[f"{block} scans RSS"] for r in bare)
    print(f"\n   ratio (ours / bare PySide6): RSS ready {ready:.2f}x, after {block:,} scans "
          f"{after:.2f}x")
    print("   the last run, every reading: RSS (RssAnon) of the till / of the bare window, "
          "the till's store file (with its WAL)")
    for row, base in zip(last["till"][:-1], last["bare"][:-1], strict=True):
        print(f"     {row['label']:>12}: {kb(row, 'VmRSS')} ({kb(row, 'RssAnon')}) / "
              f"{kb(base, 'VmRSS')} ({kb(base, 'RssAnon')}), store {kb(row, 'store_kb')}")


def kb(row: dict[str, object], key: str) -> str:
    value = row[key]
    assert isinstance(value, int)
    return f"{value / 1024:.1f} MB"

if __name__ == "__main__":
    sys.exit(main())
