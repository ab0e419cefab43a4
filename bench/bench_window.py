"""Scan to prompt on screen, in process and offscreen: the till window against bare Qt.

    .venv/bin/python bench/bench_window.py            # 1,000 scans each
    .venv/bin/python bench/bench_window.py --quick    # 100 scans each

What one scan is, for both windows: a keyboard-wedge scanner's 13 digits typed into the scan
field with real key events (QTest.keyClicks), then Return (QTest.keyPress/keyRelease). The
clock starts before the first digit.

- "to slot end": until the Return key press has been dispatched, i.e. `QTest.keyPress`
  returned. Qt delivers that press synchronously to the line edit, which emits
  returnPressed, so this is the end of the scan slot: for the till window, after Till.scan
  (with its SQLite commits), the model and screen update, the prompt_shown signal (which
  fires before the slot's end) and order_changed. Nothing has been painted yet.
- "to painted frame": then `QApplication.processEvents()` until both the prompt card (ours:
  promptPanel; baseline: the overlay frame) and the order table's rows (its viewport) have
  received a Paint event, seen by an event filter, and that processEvents call has
  returned: the scan is on screen when its line and its prompt are, and the whole repaint
  pass (every dirty widget, into the offscreen backing store, and its flush) is over.
  Nothing calls repaint() by hand; Qt schedules the frames as it would on screen (a table
  lays new rows out on a zero-time timer, so the row may come in a frame after the card's:
  both count).

The baseline, measured in the same run, is the bare Qt path of the issue: a QMainWindow with
a QLineEdit, a QTableView over a minimal QAbstractTableModel and a QFrame "overlay" with two
QLabels; on returnPressed its slot appends a row (beginInsertRows/endInsertRows), sets the
labels and shows the frame. Same QApplication, same Fusion style, same window size.

Between scans (not timed): ours presses F12 (pay), so every scan starts a new order and puts
the Latte's size-up prompt on screen again; the baseline hides its frame and clears its
model. Both then let Qt finish the frame. The two windows take turns in blocks (only the
one measured is shown), so drift on the machine hits both alike. Every measured scan is the
first line of its order: the best case for the till's table, whose row heights and column
widths are re-fitted to the contents of every row on each change.

Our real path commits to SQLite (WAL, synchronous=FULL) before the screen shows anything:
a first scan opens the order and saves the line and the prompt in one transaction, with its
fsync. That is required, and part of the figures; put the stores on the disk a till would
use (--dir). So there are two baselines, measured in the same turns:
- "bare PySide6", the issue's bare path, as above;
- "bare + commit", the same window whose slot also INSERTs the scanned code into an SQLite
  file (WAL, synchronous=FULL) and COMMITs before it shows the overlay: the least any till
  that never loses a scan must do.
A third view models a real display: a painted frame reaches the glass at the next refresh
(60 Hz), and a scan starts at a random phase of the refresh cycle (seeded; the i-th scans of
both windows get the same phase). It is computed from the painted-frame samples, not
measured on a screen (offscreen Qt has no vertical sync).

With --floor, two more till windows take their turns, to show what the 1.5x target would
take: the same till with its store's fsync switched off (`PRAGMA synchronous=OFF`, for this
measurement only: the till itself never runs so), and that one again without its style
sheet (the look falls back to plain Fusion). Neither is a configuration we ship; together
they bound what removing the commit and restyling by hand could buy.

The breakdown at the end times Till.scan alone, and its store transaction (and its COMMIT)
alone, for the same scans on a separate copy of the same store, in the same turns as the
windows (so it meets the same disk), without touching the window run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from _stats import report, summary  # noqa: E402
from PySide6.QtCore import (  # noqa: E402
    QAbstractTableModel,
    QEvent,
    QMessageLogContext,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.app import DEFAULT_SIZE, application, build_window  # noqa: E402
from pos_prompter.bootstrap import DEFAULT_CLERK, init_store  # noqa: E402
from pos_prompter.core.order import FixedClock  # noqa: E402
from pos_prompter.store import Store  # noqa: E402
from pos_prompter.store.store import copy_store  # noqa: E402
from pos_prompter.till import Till  # noqa: E402
from pos_prompter.ui.till_window import TillWindow  # noqa: E402

MORNING = dt.datetime(2026, 11, 23, 8, 10)
"""A Monday at 8:10, as in the window tests: the cafe's breakfast rules fire."""
LATTE_TALL = "2100000000012"
"""Latte Tall: on a new order in the morning it always brings up the size-up prompt."""
WARMUP = 10
"""Scans of each window before measuring (first-use costs: fonts, style, SQL caches)."""
PAINT_TIMEOUT = 2.0

Index = QModelIndex | QPersistentModelIndex


# ------------------------------------------------------------------ shared plumbing


class PaintSpy(QObject):
    """Notes that `widget` received a Paint event."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def quiet_offscreen_warnings() -> None:
    """The offscreen plugin warns on every show that it cannot propagate size hints."""
    previous = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def settle(app: QApplication) -> None:
    """Let Qt finish whatever is pending (layout, the next frame, deferred deletes)."""
    for _ in range(3):
        app.processEvents()


def wait_painted(app: QApplication, spies: list[PaintSpy]) -> None:
    """processEvents until every spied widget has been painted (the prompt card and the
    table's rows: the scan is on screen when both its line and its prompt are)."""
    deadline = time.perf_counter() + PAINT_TIMEOUT
    while not all(spy.seen for spy in spies):
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the prompt card or the new line was never painted")


def show_and_focus(app: QApplication, window: QMainWindow, field: QLineEdit) -> None:
    window.show()
    window.activateWindow()
    deadline = time.perf_counter() + 5.0
    while not (window.windowHandle() is not None and window.windowHandle().isExposed()
               and field.hasFocus()):
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{type(window).__name__} never got exposed with the focus")
    settle(app)


class Samples:
    """Per-scan timestamps, in ms from the first key: typed, slot end, painted."""

    def __init__(self) -> None:
        self.typed: list[float] = []
        self.slot: list[float] = []
        self.painted: list[float] = []

    def add(self, t0: float, t1: float, t2: float, t3: float) -> None:
        self.typed.append((t1 - t0) * 1e3)
        self.slot.append((t2 - t0) * 1e3)
        self.painted.append((t3 - t0) * 1e3)


class Subject:
    """One window under test: how to scan, check and reset it."""

    name = ""

    def __init__(self, app: QApplication, window: QMainWindow, field: QLineEdit,
                 card: QWidget, rows: QWidget) -> None:
        self.app = app
        self.window = window
        self.field = field
        self.card = card
        self.spies = [PaintSpy(card), PaintSpy(rows)]
        self.samples = Samples()

    def scan(self, code: str, record: bool) -> None:
        self.before_scan()
        for spy in self.spies:
            spy.seen = False
        t0 = time.perf_counter()
        QTest.keyClicks(self.field, code)
        t1 = time.perf_counter()
        QTest.keyPress(self.field, Qt.Key.Key_Return)
        t2 = time.perf_counter()
        QTest.keyRelease(self.field, Qt.Key.Key_Return)
        wait_painted(self.app, self.spies)
        t3 = time.perf_counter()
        self.check()
        if record:
            self.samples.add(t0, t1, t2, t3)
        self.reset()
        settle(self.app)

    def before_scan(self) -> None:
        pass

    def check(self) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        raise NotImplementedError


# ------------------------------------------------------------------ ours


class Ours(Subject):
    name = "pos-prompter"

    def __init__(self, app: QApplication, window: TillWindow, name: str = "") -> None:
        self.name = name or self.name
        super().__init__(app, window, window.scan_input, window.prompt_panel,
                         window.order_table.viewport())
        self.till_window = window
        self.prompts = 0
        window.prompt_shown.connect(self._on_prompt)

    def _on_prompt(self, _prompt: object) -> None:
        self.prompts += 1

    def before_scan(self) -> None:
        self.prompts_before = self.prompts

    def check(self) -> None:
        window = self.till_window
        if self.prompts != self.prompts_before + 1 or not window.prompt_panel.isVisible():
            raise RuntimeError(f"the scan showed no prompt: {window.status_label.text()!r}")

    def reset(self) -> None:
        QTest.keyClick(self.field, Qt.Key.Key_F12)  # pay: the next scan is a new order
        if self.till_window.till.lines:
            raise RuntimeError("F12 did not pay the order")


# ------------------------------------------------------------------ the bare Qt baseline


class LinesModel(QAbstractTableModel):
    """The least a table model can be: rows of five strings."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str, str, str]] = []

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None

    def append(self, row: tuple[str, str, str, str, str]) -> None:
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.append(row)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()


class BareWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        central = QWidget(self)
        self.setCentralWidget(central)
        self.field = QLineEdit(central)
        self.model = LinesModel(self)
        self.table = QTableView(central)
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.overlay = QFrame(central)
        self.overlay.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.overlay)
        self.say = QLabel(self.overlay)
        self.say.setWordWrap(True)
        card = QVBoxLayout(self.overlay)
        card.addWidget(self.title)
        card.addWidget(self.say)
        self.overlay.hide()
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addWidget(self.overlay)
        body = QVBoxLayout(central)
        body.addWidget(self.field)
        body.addLayout(middle, 1)
        self.setFocusProxy(self.field)
        self.field.returnPressed.connect(self.on_return)
        self.resize(*DEFAULT_SIZE)

    def on_return(self) -> None:
        code = self.field.text()
        self.field.clear()
        self.model.append((code, "1", "4.25", "4.25", ""))
        self.title.setText("Size up espresso drinks")
        self.say.setText(f"Would you like to make that a Grande? ({code})")
        self.overlay.show()


class DurableBareWindow(BareWindow):
    """The bare path plus the least a till that never loses a scan must do before it shows
    anything: the scanned line INSERTed into an SQLite file in WAL mode with
    synchronous=FULL, and COMMITted (one fsync), in the slot. Same disk as our store."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("CREATE TABLE IF NOT EXISTS lines(id INTEGER PRIMARY KEY, code TEXT)")

    def on_return(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("INSERT INTO lines(code) VALUES (?)", [self.field.text()])
        self.db.execute("COMMIT")
        super().on_return()


class Bare(Subject):
    name = "bare PySide6"

    def __init__(self, app: QApplication, window: BareWindow) -> None:
        super().__init__(app, window, window.field, window.overlay, window.table.viewport())
        self.bare = window

    def check(self) -> None:
        if not self.bare.overlay.isVisible() or self.bare.model.rowCount() != 1:
            raise RuntimeError("the bare window did not show its overlay")

    def reset(self) -> None:
        self.bare.overlay.hide()
        self.bare.model.clear()


class DurableBare(Bare):
    name = "bare + commit"


# ------------------------------------------------------------------ Till.scan alone


@contextmanager
def timed_writes(store: Store, writes: list[float],
                 commits: list[float]) -> Iterator[None]:
    """Time every store transaction (BEGIN IMMEDIATE to COMMIT) and its COMMIT alone."""
    original: Callable[[], AbstractContextManager[Any]] = store.write
    depth = 0

    @contextmanager
    def write() -> Iterator[Any]:
        nonlocal depth
        if depth:  # a write inside another joins it: one transaction, timed once
            with original() as db:
                yield db
            return
        depth += 1
        try:
            with _outermost(original, writes, commits) as db:
                yield db
        finally:
            depth -= 1

    store.write = write  # type: ignore[method-assign]
    try:
        yield
    finally:
        del store.write


@contextmanager
def _outermost(original: Callable[[], AbstractContextManager[Any]], writes: list[float],
               commits: list[float]) -> Iterator[Any]:
    """One outermost transaction, timed whole (BEGIN..COMMIT) and its COMMIT alone."""
    t0 = time.perf_counter()
    transaction = original()
    db = transaction.__enter__()
    try:
        yield db
    except BaseException:
        if not transaction.__exit__(*sys.exc_info()):
            raise
        return
    t1 = time.perf_counter()
    transaction.__exit__(None, None, None)
    t2 = time.perf_counter()
    writes.append(t2 - t0)
    commits.append(t2 - t1)


class TillAlone:
    """Till.scan for the same scans as the window, on its own copy of the store, with its
    store transactions timed apart (ms per scan). Run in the same turns as the windows, so
    that it meets the same disk and the same machine."""

    def __init__(self, path: Path) -> None:
        self.store = Store.open(path)
        self.till = Till(self.store, FixedClock(MORNING))
        self.scan_ms: list[float] = []
        self.writes_ms: list[float] = []
        self.commits_ms: list[float] = []
        self.transactions: list[int] = []

    def scan(self, code: str, record: bool) -> None:
        writes: list[float] = []
        commits: list[float] = []
        with timed_writes(self.store, writes, commits):
            t0 = time.perf_counter()
            events = self.till.scan(code)
            t1 = time.perf_counter()
        if self.till.prompt is None or not any(ev.event == "prompt" for ev in events):
            raise RuntimeError("Till.scan showed no prompt")
        self.till.pay()
        if record:
            self.scan_ms.append((t1 - t0) * 1e3)
            self.writes_ms.append(sum(writes) * 1e3)
            self.commits_ms.append(sum(commits) * 1e3)
            self.transactions.append(len(writes))

    def close(self) -> None:
        self.store.close()


# ------------------------------------------------------------------ running


def floor_window(made: Path, path: Path, *, style: bool) -> tuple[Store, TillWindow]:
    """A till window whose store does not fsync its commits, optionally unstyled: only to
    measure what the commit and the style sheet cost in the window (see --floor)."""
    copy_store(made, path)
    store = Store.open(path)
    store.db.conn.execute("PRAGMA synchronous=OFF")
    window = build_window(store, clock=FixedClock(MORNING), clerk=DEFAULT_CLERK)
    if not style:
        window.setStyleSheet("")
    return store, window


def run(subjects: list[Subject], alone: TillAlone, n: int, blocks: int) -> None:
    for subject in subjects:  # both windows warm, then measured in turns
        show_and_focus(subject.app, subject.window, subject.field)
        for _ in range(WARMUP):
            subject.scan(LATTE_TALL, record=False)
        subject.window.hide()
        settle(subject.app)
    for _ in range(WARMUP):
        alone.scan(LATTE_TALL, record=False)
    per_block = [n // blocks + (1 if b < n % blocks else 0) for b in range(blocks)]
    # Strictly in turns: re-showing the window that was just hidden does not make it the
    # active window again on the offscreen platform (Qt thinks it still has the focus).
    for count in per_block:
        for subject in subjects:
            show_and_focus(subject.app, subject.window, subject.field)
            for _ in range(count):
                subject.scan(LATTE_TALL, record=True)
            subject.window.hide()
            settle(subject.app)
        for _ in range(count):
            alone.scan(LATTE_TALL, record=True)


REFRESH_HZ = 60


def on_display(ours: list[float], base: list[float], *,
               seed: int = 20261122) -> tuple[list[float], list[float]]:
    """When each painted frame reaches a real display: at the first refresh after it is
    painted. Scan i starts at a random phase of the refresh cycle (seeded, the same phase
    for both windows' i-th scan), so both meet the same refresh cadence."""
    period = 1000.0 / REFRESH_HZ
    phases = random.Random(seed)
    seen: tuple[list[float], list[float]] = ([], [])
    for a, b in zip(ours, base, strict=True):
        phase = phases.uniform(0.0, period)
        for painted, out in ((a, seen[0]), (b, seen[1])):
            out.append(period * math.ceil((phase + painted) / period) - phase)
    return seen


def line(name: str, samples: list[float], unit: str = "ms") -> str:
    s = summary(samples)
    return (f"  {name:48}p50 {s['p50']:8.3f}{unit}  p99 {s['p99']:8.3f}{unit}  "
            f"max {s['max']:8.3f}{unit}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 scans instead of 1,000")
    parser.add_argument("--scans", type=int, help="number of measured scans per window")
    parser.add_argument("--floor", action="store_true", help="also measure the till without "
                        "its fsync, and without fsync and style sheet (what 1.5x would take)")
    parser.add_argument("--dir", type=Path, help="where to make the store files (default: "
                        "a temporary folder; put it on the disk a till would use)")
    args = parser.parse_args(argv)
    n = args.scans or (100 if args.quick else 1000)
    blocks = 4 if n < 400 else 10

    quiet_offscreen_warnings()
    app = application()
    with tempfile.TemporaryDirectory(prefix="bench-window-", dir=args.dir) as tmp:
        made = Path(tmp) / "cafe.db"
        init_store(made, demo="cafe").close()
        window_db, till_db = Path(tmp) / "window.db", Path(tmp) / "till.db"
        copy_store(made, window_db)
        copy_store(made, till_db)

        store = Store.open(window_db)
        window = build_window(store, clock=FixedClock(MORNING), clerk=DEFAULT_CLERK)
        bare = BareWindow()
        durable_bare = DurableBareWindow(Path(tmp) / "bare.db")
        ours, base = Ours(app, window), Bare(app, bare)
        durable = DurableBare(app, durable_bare)
        alone = TillAlone(till_db)
        floors: list[Ours] = []
        floor_stores: list[Store] = []
        if args.floor:
            for name, style in (("no fsync", True), ("no fsync, no style sheet", False)):
                floor_store, floor = floor_window(made, Path(tmp) / f"{len(floors)}.db",
                                                  style=style)
                floor_stores.append(floor_store)
                floors.append(Ours(app, floor, f"pos-prompter, {name}"))
        try:
            run([ours, base, durable, *floors], alone, n, blocks)
        finally:
            durable_bare.db.close()
            for w in (window, bare, durable_bare, *(f.window for f in floors)):
                w.close()
                w.deleteLater()
            settle(app)
            for s in (store, *floor_stores):
                s.close()
            alone.close()

        print(f"Scan to prompt on screen: {n} scans per window ({blocks} alternating blocks, "
              f"after {WARMUP} warm-up scans each), Qt platform "
              f"{QApplication.platformName()}, PySide6 {_pyside_version()}, Python "
              f"{sys.version.split()[0]}; stores in {tmp}")
        print("Each scan: 13 digits + Return as real key events into the scan field; the "
              "clock starts before the first digit.")
        slot = report("Scan to slot end (Return key press dispatched: the returnPressed slot "
                      "has returned)", "ms", ours.samples.slot, base.samples.slot,
                      "bare PySide6")
        painted = report("Scan to painted frame (processEvents until the prompt card and "
                         "the new line got their Paint events and the frame is done)", "ms",
                         ours.samples.painted, base.samples.painted, "bare PySide6")

        durable_slot = report("Scan to slot end, against bare Qt + one durable commit",
                              "ms", ours.samples.slot, durable.samples.slot, "bare + commit")
        durable_painted = report("Scan to painted frame, against bare Qt + one durable "
                                 "commit", "ms", ours.samples.painted,
                                 durable.samples.painted, "bare + commit")
        ours_seen, base_seen = on_display(ours.samples.painted, base.samples.painted)
        seen = report(f"Scan to the frame on a {REFRESH_HZ} Hz display (the painted frame goes"
                      " out at the next refresh; scans start at a random phase of the refresh"
                      ", the same phases for both)", "ms", ours_seen, base_seen,
                      "bare PySide6")

        print("\nWhere the time goes, per scan (ms)")
        for subject in (ours, base, durable):
            s = subject.samples
            print(f" {subject.name}")
            print(line("typing 13 digits (key events)", s.typed))
            print(line("Return: the slot", [b - a for a, b in zip(s.typed, s.slot,
                                                                   strict=True)]))
            print(line("slot end to painted frame", [b - a for a, b in zip(
                s.slot, s.painted, strict=True)]))
        print(f" pos-prompter, Till.scan alone for the same {n} scans on a copy of the store,"
              f" in the same turns (mean {sum(alone.transactions) / n:.1f} store "
              "transactions per scan)")
        print(line("Till.scan (lookup, engine, session, store)", alone.scan_ms))
        print(line("  of which store transaction (BEGIN..COMMIT)", alone.writes_ms))
        print(line("    of which COMMIT (synchronous=FULL fsync)", alone.commits_ms))
        print(line("  outside it (lookup; engine runs inside)", [
            a - b for a, b in zip(alone.scan_ms, alone.writes_ms, strict=True)]))
        for q in ("p50", "p99"):
            total = summary(ours.samples.slot)[q]
            typed = summary(ours.samples.typed)[q]
            scan = summary(alone.scan_ms)[q]
            commit = summary(alone.commits_ms)[q]
            print(f"  our slot end at {q}, {total:.3f} ms ~ typing {typed:.3f} + Till.scan "
                  f"{scan:.3f} (COMMIT {commit:.3f}, {commit / total:.0%} of it) + window "
                  f"update {total - typed - scan:.3f} (differences of quantiles: rough)")
        print("\nratio p99 (target: within 1.5x)")
        print(f"  against bare Qt:            to slot end {slot['ratio_p99']:.2f}x, "
              f"to painted frame {painted['ratio_p99']:.2f}x")
        print(f"  against bare Qt + commit:   to slot end {durable_slot['ratio_p99']:.2f}x, "
              f"to painted frame {durable_painted['ratio_p99']:.2f}x")
        print(f"  against bare Qt, at {REFRESH_HZ} Hz:  to the frame on the display "
              f"{seen['ratio_p99']:.2f}x")
        commit_only = (summary(durable.samples.painted)["p99"]
                       / summary(base.samples.painted)["p99"])
        print(f"  bare Qt + commit itself, against bare Qt: to painted frame "
              f"{commit_only:.2f}x (the durable commit alone, with nothing else of a till)")
        if floors:
            print("\nWhat the target would take (--floor: settings the till never runs with)")
            for floor in floors:
                f_slot, f_painted = (summary(floor.samples.slot),
                                     summary(floor.samples.painted))
                print(f"  {floor.name:44} to painted frame p50 {f_painted['p50']:.3f} ms, "
                      f"p99 {f_painted['p99']:.3f} ms: "
                      f"{f_slot['p99'] / summary(base.samples.slot)['p99']:.2f}x bare Qt to "
                      f"slot end, {f_painted['p99'] / summary(base.samples.painted)['p99']:.2f}x"
                      " to painted frame")
    return 0


def _pyside_version() -> str:
    import PySide6

    return PySide6.__version__


if __name__ == "__main__":
    sys.exit(main())
