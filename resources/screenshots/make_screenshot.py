"""Make the README screenshots from the real windows, offscreen, each on a temporary cafe
demo store:

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshots/make_screenshot.py \
        [till|workspace|trainer|practice]

till.png (`make`): the till at a fixed Monday-morning time (so the morning rules fire the
same way every run), after a few scans, so the order shows a declined prompt's note and a
Tall latte's size-up prompt (why and evidence) is up. The scans: see SCANS.

workspace.png (`make_workspace`): the manager workspace at 1280x800, signed in as the demo
manager after a few morning sales (see SALES), with a rule selected, its form at the offer
and the clerk's words, and its live preview showing the prompt for a sample order. See
WORKSPACE_RULE and WORKSPACE_ORDER.

trainer.png (`make_trainer`): practice mode's trainer view at 1024x700 on the cafe's
practice store, after three trainees' runs of the cafe's built-in scenarios over two weeks
(see TRAINEES and `record_runs`: hand-made scores, the same every run).

practice.png (`make_practice`): practice mode at 1024x700 on the cafe's practice store, the
built-in morning queue under way: the first customer has taken the size-up and, offered the
breakfast deal, asks why (see PRACTICE_SCENARIO).

With no argument, all four.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads

from PySide6.QtCore import QEvent, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from pos_prompter import app as till_app
from pos_prompter.bootstrap import DEFAULT_CLERK, init_store
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.till import Till
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.window import WorkspaceWindow

OUTPUT = Path(__file__).with_name("till.png")
MORNING = dt.datetime(2026, 11, 23, 8, 10)  # a Monday, inside the breakfast window
# A blueberry muffin, a Tall hot chocolate (its size-up is declined), a cookie, then a Tall
# latte: its size-up is the second and last prompt of the order, and stays on screen.
SCANS = ("2100000000203", "2100000000166", "decline", "2100000000227", "2100000000012")

WORKSPACE_OUTPUT = Path(__file__).with_name("workspace.png")
WORKSPACE_SIZE = (1280, 800)
MANAGER, MANAGER_PASSWORD = "manager", "demo-manager-pass"  # resources/demo/README.md
AFTERNOON = dt.datetime(2026, 11, 23, 15, 10)  # the Monday, in the afternoon-treat window
WORKSPACE_RULE = "coffee-pastry"
"""A cross-sell: a pastry with a coffee, in the afternoon."""
WORKSPACE_ORDER = ("2100000000012",)
"""The sample order: a Tall latte (its barcode), which the pastry rule fires on."""
SALES = 24
"""Orders sold before the picture, so the rule list shows results: each a Tall latte in
the morning, its prompts answered in a fixed pattern (see `sell`)."""


def sell(store: Store) -> None:
    """SALES orders at the till, the same every run: the size-up is accepted in one order
    of three, the breakfast croissant in one of two."""
    till = Till(store, FixedClock(MORNING))
    for n in range(SALES):
        till.scan(WORKSPACE_ORDER[0])
        answers = (n % 3 == 0, n % 2 == 0)
        for accept in answers:
            if till.prompt is None:
                break
            till.accept() if accept else till.decline()
        till.pay()


TRAINER_OUTPUT = Path(__file__).with_name("trainer.png")
TRAINER_SIZE = (1024, 700)
TRAINEES = {
    # name: (first score, gain a day, days practised (of 14))
    "Ana": (52, 4, (0, 1, 3, 4, 7, 8, 10, 11, 13)),
    "Ben": (35, 3, (0, 2, 5, 6, 9, 12)),
    "Chloe": (64, 2, (1, 3, 6, 8, 10, 13)),
}
FIRST_DAY = dt.datetime(2026, 11, 9, 9, 30)  # a Monday


def record_runs(store: Store) -> None:
    """Each trainee's runs: the easiest scenario until they pass it, then the next; the
    scores climb by a fixed step with a fixed wobble, and drop a little at a new one."""
    from pos_prompter.practice import library
    from pos_prompter.store.practice import PracticeStore, RunRecord

    scenarios = library.available(store)  # easiest first
    practice = PracticeStore(store)
    for n, (name, (first, gain, days)) in enumerate(TRAINEES.items()):
        level = 0
        for i, day in enumerate(days):
            scenario = scenarios[min(level, len(scenarios) - 1)]
            score = first + gain * day + (-7, 5, 0, 9, -3)[(i + n) % 5] - 12 * level
            score = max(0, min(100, score))
            possible = 6 * scenario.customers
            points = round(score * possible / 100)
            score = round(100 * points / possible)
            practice.record_run(RunRecord(
                trainee=name, scenario_id=scenario.id, scenario_title=scenario.title,
                started_at=FIRST_DAY + dt.timedelta(days=day, hours=n, minutes=7 * i),
                seconds=150 + 37 * i + 20 * n, points=points, possible=possible,
                score=score, pass_score=80, passed=score >= 80))
            level += score >= 80


def make_trainer(output: Path = TRAINER_OUTPUT) -> Path:
    from pos_prompter.practice.practice_store import ensure_practice_store
    from pos_prompter.ui.practice.trainer_view import TrainerView

    till_app.application()
    with tempfile.TemporaryDirectory() as folder:
        init_store(Path(folder) / "store.db", demo="cafe").close()
        store = Store.open(ensure_practice_store(Path(folder) / "store.db"))
        try:
            record_runs(store)
            window = TrainerView(store, "trainer")
            window.resize(*TRAINER_SIZE)
            window.show()
            save(window, output)
            dispose(window)
        finally:
            store.close()
    return output


def make(output: Path = OUTPUT) -> Path:
    qapp = till_app.application()
    with tempfile.TemporaryDirectory() as folder:
        store = init_store(Path(folder) / "store.db", demo="cafe")
        try:
            window = till_app.build_window(store, clock=FixedClock(MORNING),
                                           clerk=DEFAULT_CLERK)  # signed in, as after the PIN
            window.show()
            for code in SCANS:
                if code == "decline":
                    window.decline_prompt()
                else:
                    window.scan_text(code)
            read_out(window)
            qapp.processEvents()
            if not window.grab().save(str(output)):
                raise OSError(f"could not write {output}")
            dispose(window)
        finally:
            store.close()
    return output


PRACTICE_OUTPUT = Path(__file__).with_name("practice.png")
PRACTICE_SCENARIO = "cafe-morning-queue"
"""Its first customer, Ana, takes the size-up and asks why about the breakfast deal."""


def make_practice(output: Path = PRACTICE_OUTPUT) -> Path:
    """practice.png: practice mode on the cafe's practice store, the built-in morning queue
    started; Ana's cappuccino is sized up after the trainee offered it, and offered the
    breakfast deal, Ana asks why (the bubble), Explain F5 is next."""
    from pos_prompter.practice import library
    from pos_prompter.practice.practice_store import ensure_practice_store

    till_app.application()
    with tempfile.TemporaryDirectory() as folder:
        init_store(Path(folder) / "store.db", demo="cafe").close()
        store = Store.open(ensure_practice_store(Path(folder) / "store.db"))
        try:
            window = till_app.build_window(store, training=True, clock=FixedClock(MORNING),
                                           clerk=DEFAULT_CLERK)
            window.show()
            practice = window.practice
            assert practice is not None
            practice.start(library.load(store, PRACTICE_SCENARIO))
            customer = practice.game.customer if practice.game else None
            assert customer is not None
            window.scan_text(customer.items[0])
            practice.offer()
            window.accept_prompt()
            practice.offer()
            read_out(window)
            save(window, output)
            dispose(window)
        finally:
            store.close()
    return output


def settle() -> None:
    """Let every pending layout finish: scroll areas and wrapped text take a few passes."""
    for _ in range(5):
        QApplication.processEvents()


def read_out(window: TillWindow) -> None:
    """Wait until the prompt on screen takes answers: its buttons are greyed for its first
    moments (ui/answer_gate.py), and the pictures show it as a clerk answers it."""
    panel = window.prompt_panel
    if panel.prompt is not None and not panel.answerable:
        loop = QEventLoop()
        panel.gate.opened.connect(loop.quit)
        loop.exec()


def dispose(window: QWidget) -> None:
    """Close and delete `window` now, with its store watcher, before its store closes."""
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def save(widget: QWidget, output: Path) -> None:
    """Save what `widget` shows as a compact PNG."""
    settle()
    if not widget.grab().save(str(output), "PNG", 0):  # 0: the strongest compression
        raise OSError(f"could not write {output}")


def make_workspace(output: Path = WORKSPACE_OUTPUT) -> Path:
    till_app.application()
    with tempfile.TemporaryDirectory() as folder:
        store = init_store(Path(folder) / "store.db", demo="cafe")
        try:
            sell(store)
            person = StaffStore(store).sign_in(MANAGER, MANAGER_PASSWORD)
            # Splitter sizes from a settings file of its own, never the user's. The demo
            # password's warning banner is left out: the README tells about it.
            layout = QSettings(str(Path(folder) / "layout.ini"), QSettings.Format.IniFormat)
            window = WorkspaceWindow(store, person, demo_password=False,
                                     today=AFTERNOON.date(), layout_settings=layout)
            window.resize(*WORKSPACE_SIZE)
            window.show()
            window.rule_list.select_rule(WORKSPACE_RULE)
            preview = window.editor.preview
            preview.set_time(AFTERNOON)
            for code in WORKSPACE_ORDER:
                preview.add_item(code)
            preview.refresh()
            settle()
            window.editor.show_section("offer")
            save(window, output)
            dispose(window)
        finally:
            store.close()
    return output


if __name__ == "__main__":
    wanted = sys.argv[1:] or ["till", "workspace", "trainer", "practice"]
    makers = {"till": make, "workspace": make_workspace, "trainer": make_trainer,
              "practice": make_practice}
    for name in wanted:
        sys.stderr.write(f"saved {makers[name]()}\n")
