"""What the till says about its clerk (ui/clerk_words.py) without the sign-in panel, and the
panel built only when first needed (TillScreen.clerk_panel) or by the app right after the
first paint: a till whose clerk sells is ready to scan without it (issue 14.2), and a scan
then is rung up. The real window over a real store file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame
from pytestqt.qtbot import QtBot
from tillwin_helpers import MUFFIN, label_text, press, scan

from pos_prompter import app as till_app
from pos_prompter.bootstrap import DEFAULT_CLERK, init_store
from pos_prompter.ui.clerk_sign_in import ClerkSignInPanel
from pos_prompter.ui.clerk_words import clerk_text
from pos_prompter.ui.till_window import TillWindow

PIN = "1234"  # the cafe demo's clerk's


def built_panel(window: TillWindow) -> QFrame | None:
    return window.findChild(QFrame, "clerkSignIn")


def test_clerk_text_says_who_sells_or_why_nobody_does() -> None:
    assert clerk_text("ana", asks=True, waiting=False) == "Selling: ana"
    assert clerk_text("ana", asks=False, waiting=False) == (
        "Selling: ana (no PIN asked: none is set)")
    assert clerk_text(None, asks=True, waiting=True) == "Nobody signed in"
    assert clerk_text(None, asks=True, waiting=False) == (
        "No clerk: this store has none to sign in")


def test_a_till_whose_clerk_sells_rings_up_without_the_panel_and_builds_it_for_sign_out(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    store = till_app.open_store(path)
    window = till_app.build_window(store, clerk=DEFAULT_CLERK)
    qtbot.addWidget(window)
    try:
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.scan_input.hasFocus)
        assert built_panel(window) is None
        assert not window.signing_in

        scan(qtbot, window, MUFFIN)
        assert len(window.till.lines) == 1  # rung up, no panel in the way

        press(qtbot, window, Qt.Key.Key_F2)  # Sign out: the panel is built and covers the till
        panel = built_panel(window)
        assert isinstance(panel, ClerkSignInPanel)
        assert panel.isVisible()
        assert window.signing_in
        assert window.till.clerk is None
        assert panel.geometry() == window.centralWidget().rect()
        qtbot.keyClicks(panel.pin_edit, PIN)
        with qtbot.waitSignal(window.clerk_changed, timeout=10_000) as changed:
            qtbot.keyClick(panel.pin_edit, Qt.Key.Key_Return)
        assert changed.args == [DEFAULT_CLERK]  # the built panel is wired to the window
        assert not window.signing_in
        assert label_text(window, "clerkName") == "Selling: clerk"
    finally:
        window.close()
        store.close()


RUN_WINDOW = """
import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFrame

from pos_prompter import app
from pos_prompter.ui.till_window import TillWindow

seen = {}


def look():
    tills = [w for w in QApplication.topLevelWidgets() if isinstance(w, TillWindow)]
    if not tills:
        QApplication.quit()
        return
    till = tills[0]
    if till.findChild(QFrame, "clerkSignIn") is None:
        QTimer.singleShot(10, look)  # built once the first paint is on screen
        return
    seen["panel"] = type(till.clerk_panel).__name__
    seen["covers"] = till.signing_in
    seen["clerk"] = till.till.clerk
    QApplication.quit()


qapp = app.application()
QTimer.singleShot(0, look)
store = app.open_store(Path(sys.argv[1]))
try:
    seen["exit"] = app._run_window(qapp, store, False)
finally:
    store.close()
print(json.dumps(seen))
"""


@pytest.mark.slow
def test_the_app_builds_the_panel_right_after_the_first_paint(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    init_store(path).close()  # no demo: its clerk has no PIN, and sells at once
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", RUN_WINDOW, str(path)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"panel": "ClerkSignInPanel", "covers": False, "clerk": DEFAULT_CLERK,
                    "exit": 0}  # built hidden: the clerk sells on
