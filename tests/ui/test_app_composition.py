"""pos_prompter.app, the composition root: which store the till opens, practice mode's own
store, the error hook, logging, and `run` from start to a closed window."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot
from tillwin_helpers import MUFFIN, label_text, scan

from pos_prompter import app as till_app
from pos_prompter.bootstrap import init_store, training_store_path
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.jobs import JobRunner
from pos_prompter.ui.till_window import TillWindow


def test_the_first_run_creates_the_store_from_the_cafe_demo(tmp_path: Path) -> None:
    path = tmp_path / "new" / "store.db"

    with till_app.open_store(path) as store:
        assert store.path == path
        assert store.catalog.load().get("LATTE-T") is not None
        assert store.rules.load()
    assert path.exists()
    with till_app.open_store(path) as again:  # the second run opens the same store
        assert again.catalog.load().get("LATTE-T") is not None


def test_practice_mode_copies_catalog_and_rules_but_no_sales(
        tmp_path: Path, morning_clock: FixedClock) -> None:
    real = tmp_path / "store.db"
    with init_store(real, demo="shoes") as store:  # a real sale, with its prompts
        till = Till(store, morning_clock)
        first = next(iter(store.catalog.load()))
        till.scan(first.sku)
        till.pay()
        real_orders = store.sales.orders()
        real_prompts = store.sales.prompt_events()
    assert real_orders

    with till_app.open_store(real, training=True) as practice:
        assert practice.path == training_store_path(real)
        assert practice.sales.orders() == []
        assert practice.sales.prompt_events() == []
        with Store.open(real) as store:
            assert sorted(p.sku for p in practice.catalog.load()) == \
                sorted(p.sku for p in store.catalog.load())
            assert [r.id for r in practice.rules.load()] == [r.id for r in store.rules.load()]
            assert practice.staff.clerks() == store.staff.clerks()
        assert practice.get_setting("demo") == "shoes"
        assert practice.get_setting("training") is True
        Till(practice, morning_clock).scan(first.sku)  # a practice sale...

    with Store.open(real) as store:  # ...never reaches the real store
        assert store.sales.orders() == real_orders
        assert store.sales.prompt_events() == real_prompts
    assert not training_store_path(real).with_name(
        training_store_path(real).name + ".partial").exists()


def test_practice_mode_without_a_real_store_uses_the_demo_and_leaves_the_real_path_alone(
        tmp_path: Path) -> None:
    real = tmp_path / "store.db"
    with till_app.open_store(real, training=True) as practice:
        assert practice.catalog.load().get("LATTE-T") is not None
    assert not real.exists()
    assert training_store_path(real).exists()


def test_build_window_wires_a_till_over_the_store(
        qtbot: QtBot, cafe_store_path: Path, morning_clock: FixedClock) -> None:
    with Store.open(cafe_store_path) as store:
        window = till_app.build_window(store, training=True, clock=morning_clock)
        qtbot.addWidget(window)
        assert window.till.store is store
        assert window.till.clock is morning_clock
        assert window.training
        assert (window.width(), window.height()) == till_app.DEFAULT_SIZE
        window.close()


def test_build_window_hands_the_till_its_staff_store_job_runner_and_workspace(
        qtbot: QtBot, cafe_store_path: Path, morning_clock: FixedClock) -> None:
    """The composition root builds the parts once and hands them down: the till's window
    and the workspace it opens run their jobs on the runner given, and sign people in on
    the one staff store (on the till's clock)."""
    jobs = JobRunner()
    with Store.open(cafe_store_path) as store:
        window = till_app.build_window(store, clock=morning_clock, jobs=jobs)
        qtbot.addWidget(window)
        assert window.jobs is jobs
        assert window.staff.store is store
        assert window.staff.clock is morning_clock
        manager = window.staff.get("manager")
        assert manager is not None
        with qtbot.waitSignal(window.workspace_opened, timeout=10_000) as opened:
            window.open_workspace(manager)
            assert jobs.running == 1, "the workspace is read on the runner handed down"
        workspace = opened.args[0]
        assert workspace.jobs is jobs
        assert workspace.staff is window.staff
        assert workspace.report_view.jobs is jobs
        workspace.close()
        window.close()
        qtbot.waitUntil(lambda: jobs.running == 0)


class Raiser(QObject):
    """Emits a signal whose Python slot raises: what Qt hands to sys.excepthook."""

    fired = Signal()


def test_the_excepthook_logs_and_shows_an_uncaught_error(
        qtbot: QtBot, make_till_window: Callable[..., TillWindow], cafe_store_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    window = make_till_window(cafe_store_path)
    previous = sys.excepthook
    restore = till_app.install_excepthook(window)
    try:
        raiser = Raiser(window)

        def broken_slot() -> None:
            raise ValueError("a bug in a slot")

        raiser.fired.connect(broken_slot)
        with qtbot.waitSignal(window.message_shown) as shown:
            raiser.fired.emit()
    finally:
        restore()
    assert sys.excepthook is previous
    assert shown.args[0] == "error"
    assert "ValueError: a bug in a slot" in label_text(window, "statusMessage")
    assert any(r.exc_info and r.exc_info[0] is ValueError for r in caplog.records)
    assert window.isVisible()
    scan(qtbot, window, MUFFIN)  # the till carries on
    assert window.till.lines


def test_setup_logging_writes_a_log_file_and_can_be_undone(tmp_path: Path) -> None:
    handlers = till_app.setup_logging(tmp_path / "logs")
    try:
        logging.getLogger("pos_prompter.test").info("hello log")
    finally:
        for handler in handlers:
            till_app.logger.removeHandler(handler)
            handler.close()
    assert "hello log" in (tmp_path / "logs" / till_app.LOG_FILE).read_text(encoding="utf-8")


def test_the_log_file_rotates_once_rotate_log_has_run(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The start's plain log file (no logging.handlers import before the first paint)
    becomes a rotating one: past LOG_BYTES the file moves to .1, and what was logged
    before and after the swap is all there, in order."""
    monkeypatch.setattr(till_app, "LOG_BYTES", 2_000)
    log = logging.getLogger("pos_prompter.test")
    handlers = till_app.setup_logging(tmp_path / "logs")
    try:
        log.info("before the swap")
        till_app.rotate_log(handlers)
        assert sum(h in till_app.logger.handlers for h in handlers) == 2  # swapped in place
        for n in range(60):
            log.info("line %d after the swap", n)
    finally:
        for handler in handlers:
            till_app.logger.removeHandler(handler)
            handler.close()
    folder = tmp_path / "logs"
    current = (folder / till_app.LOG_FILE).read_text(encoding="utf-8")
    first = (folder / f"{till_app.LOG_FILE}.1").read_text(encoding="utf-8")
    assert (folder / till_app.LOG_FILE).stat().st_size <= 2_000
    older = sorted(folder.glob(f"{till_app.LOG_FILE}.*"), reverse=True)
    everything = "".join(p.read_text(encoding="utf-8") for p in older) + current
    assert everything.index("before the swap") < everything.index("line 0 after the swap")
    assert "line 59 after the swap" in current
    assert "after the swap" in first


RUN_SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from pos_prompter import app
    from pos_prompter.ui.till_window import TillWindow

    seen = {}
    hook_before = sys.excepthook

    def look_and_sign_in():
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, TillWindow) and w.isVisible()]
        seen["windows"] = len(windows)
        window = windows[0]
        seen["banner"] = window.findChild(object, "trainingBanner").isVisible()
        seen["hook"] = sys.excepthook is not hook_before
        seen["app"] = QApplication.applicationName()
        panel = window.findChild(object, "clerkSignIn")
        seen["asks_for_clerk"] = panel.isVisible()  # the demo's clerk has a PIN
        panel.signed_in.connect(lambda _person: QTimer.singleShot(
            0, lambda: look_and_close(window)))
        panel.pin_edit.setText("1234")
        panel.submit()

    def look_and_close(window):
        seen["clerk"] = window.findChild(object, "clerkName").text()
        window.scan_text("2100000000203")
        seen["lines"] = [line.sku for line in window.till.lines]
        seen["log_rotates"] = [type(h).__name__ for h in app.logger.handlers
                               if type(h).__name__.endswith("FileHandler")]
        window.close()  # the clerk closes the till: run() returns

    qapp = app.application()
    timer = QTimer(qapp)
    timer.setSingleShot(True)
    timer.timeout.connect(look_and_sign_in)
    timer.start(0)
    seen["code"] = app.run(Path(sys.argv[1]), training=True)
    seen["hook_restored"] = sys.excepthook is hook_before
    print(json.dumps(seen))
""")


def test_run_opens_the_till_and_returns_when_it_is_closed(tmp_path: Path) -> None:
    """The whole start-up in a process of its own, as the command line runs it (a
    QApplication that has run and quit cannot be reused by later tests)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    real = tmp_path / "store.db"

    result = subprocess.run([sys.executable, "-c", RUN_SCRIPT, str(real)], env=env,
                            capture_output=True, text=True, timeout=120, check=False)

    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"windows": 1, "banner": True, "hook": True, "app": "pos-prompter",
                    "asks_for_clerk": True, "clerk": "Selling: clerk",
                    "lines": ["MUFFIN-BB"], "code": 0, "hook_restored": True,
                    # the log file rotates once the till is painted (app.rotate_log)
                    "log_rotates": ["RotatingFileHandler"]}
    assert training_store_path(real).exists()
    assert not real.exists()  # practice mode never made a real store
    logs = list(tmp_path.glob("*/pos-prompter/**/" + till_app.LOG_FILE))
    assert len(logs) == 1
    log = logs[0].read_text(encoding="utf-8")
    assert "till started" in log
    assert "practice mode" in log
    assert "till started" in result.stderr  # the log goes to stderr too
