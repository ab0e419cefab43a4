"""The till window on a store file it cannot use (issue 11, points 7 and 8). An empty file
was made an empty store, and the window then offered anyone at the till the first-manager
sign-up: now the till does not start, a message on screen says why in one sentence, and the
file stays byte for byte as it was. A store the till cannot write (read-only, a full disk)
is refused the same way: a till must save its sales."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fault_support import listing, read_only
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pos_prompter import app as till_app
from pos_prompter.bootstrap import init_store
from pos_prompter.store import StoreError
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.sign_in import FirstManagerDialog


def till_or_sign_up_on_screen() -> list[str]:
    return [type(w).__name__ for w in QApplication.topLevelWidgets()
            if isinstance(w, TillWindow | FirstManagerDialog) and w.isVisible()]


def test_an_empty_store_file_is_a_message_on_screen_never_the_first_manager_sign_up(
        tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"")
    before = listing(tmp_path)

    with pytest.raises(StoreError) as err:
        till_app.open_store(path)  # what run() opens, before any window
    box = till_app.refusal_box(err.value)
    qtbot.addWidget(box)
    box.open()
    qtbot.waitExposed(box)

    assert box.objectName() == "storeRefusal"
    assert str(path) in box.text()
    assert "empty (0 bytes)" in box.text()
    assert till_or_sign_up_on_screen() == []
    with qtbot.waitSignal(box.finished):
        box.button(QMessageBox.StandardButton.Ok).click()
    assert listing(tmp_path) == before


def test_a_store_in_a_read_only_folder_is_not_opened_for_the_till(tmp_path: Path) -> None:
    path = tmp_path / "shop" / "store.db"
    init_store(path).close()
    before = listing(path.parent)
    with read_only(path.parent), pytest.raises(StoreError) as err:
        till_app.open_store(path)
    assert "is read-only" in str(err.value)
    assert listing(path.parent) == before


RUN_SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from pos_prompter import app
    from pos_prompter.store import StoreError
    from pos_prompter.ui.till_window import TillWindow
    from pos_prompter.ui.workspace.sign_in import FirstManagerDialog

    app.SCREENLESS_PLATFORMS = ()  # the offscreen platform stands in for a screen
    seen = {}

    def look_and_press_ok():
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen["on_screen"] = sorted(type(w).__name__ for w in shown)
        seen["till_or_sign_up"] = any(isinstance(w, TillWindow | FirstManagerDialog)
                                      for w in shown)
        boxes = [w for w in shown if w.objectName() == "storeRefusal"]
        seen["message"] = boxes[0].text() if boxes else None
        if boxes:
            boxes[0].button(QMessageBox.StandardButton.Ok).click()
        else:  # a till came up instead: end it, the test says what was on screen
            QApplication.quit()

    qapp = app.application()
    timer = QTimer(qapp)
    timer.setSingleShot(True)
    timer.timeout.connect(look_and_press_ok)
    timer.start(0)
    try:
        app.run(Path(sys.argv[1]))
    except StoreError as exc:
        seen["raised"] = str(exc)
    print(json.dumps(seen))
""")


@pytest.mark.slow
def test_the_till_started_on_an_empty_file_shows_why_and_ends_when_ok_is_pressed(
        tmp_path: Path) -> None:
    """app.run itself, in a process of its own (a QApplication that has run and quit
    cannot be reused by later tests)."""
    path = tmp_path / "data" / "store.db"
    path.parent.mkdir()
    path.write_bytes(b"")
    before = listing(path.parent)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}

    result = subprocess.run([sys.executable, "-c", RUN_SCRIPT, str(path)], env=env,
                            capture_output=True, text=True, timeout=120, check=False)

    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["on_screen"] == ["QMessageBox"]
    assert seen["till_or_sign_up"] is False
    assert str(path) in seen["message"]
    assert "empty (0 bytes)" in seen["message"]
    assert "empty (0 bytes)" in seen["raised"]  # and the command line's sentence
    assert listing(path.parent) == before


def test_a_file_system_error_on_start_is_the_command_line_sentence_on_screen(
        qtbot: QtBot) -> None:
    """A folder the practice store cannot be made in, say: an OSError, not a StoreError."""
    box = till_app.refusal_box(OSError(30, "Read-only file system", "/shop/store.training.db"))
    qtbot.addWidget(box)
    assert "cannot use /shop/store.training.db: Read-only file system" in box.text()
    assert "Errno" not in box.text()
