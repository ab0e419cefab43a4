"""A keyboard-wedge scanner types into whatever has the focus. While a manager's window is
open beside the till (the sign-in, the workspace, a box of its), a scan typed there is
taken back out of that field and scanned at the till: never a password, never a box
closed by the scan's Enter, never an item lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import COOKIE, LATTE_TALL, MUFFIN, child, keys_at, scan
from workspace_helpers import MANAGER, open_sign_in, sign_in

from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWindow = Callable[..., TillWindow]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard"
    return widget


def wedge(code: str) -> None:
    """A scanner: the code and Enter, as fast as key events go, into the focused widget."""
    QTest.keyClicks(focused(), code)
    QTest.keyClick(focused(), Qt.Key.Key_Return)


def typed_by_hand(widget: QWidget, text: str, *, every_ms: int = 150) -> None:
    """A person typing `text` and Enter, a key every `every_ms` (by the events' own time)."""
    keys_at(widget, text + "\r", 1_000_000, every_ms)


def editing_a_title(qtbot: QtBot, window: TillWindow) -> tuple[WorkspaceWindow, QLineEdit]:
    """The manager signs in at the till and puts the cursor in a rule's title."""
    workspace = sign_in(qtbot, window)
    assert workspace.rule_list.select_rule("coffee-size-up")
    title = child(workspace, QLineEdit, "ruleTitle")
    title.setFocus()
    return workspace, title


def skus(window: TillWindow) -> list[str]:
    return [line.sku for line in window.till.lines]


def test_scans_while_the_manager_signs_in_reach_the_till_not_the_password(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)
    dialog = open_sign_in(qtbot, window)
    name = child(dialog, QLineEdit, "signInName")
    password = child(dialog, QLineEdit, "signInPassword")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)  # the dialog has the keys
    QTest.keyClicks(name, MANAGER)
    password.setFocus()
    QTest.keyClicks(password, "demo")               # the manager is half-way through it
    assert focused() is password

    for _ in range(5):                              # the queue: five muffins
        wedge(MUFFIN)

    assert skus(window) == ["LATTE-T"] + ["MUFFIN-BB"] * 5
    assert password.text() == "demo", "the scans were taken back out of the field"
    assert window.staff.lock_state(MANAGER).tries_left == 5, "no scan was a sign-in"
    assert dialog.isVisible()
    assert focused() is password, "the manager goes on typing where they were"
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()


def test_scans_while_the_workspace_has_the_keyboard_reach_the_till(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    workspace, title = editing_a_title(qtbot, window)
    before = title.text()

    wedge(MUFFIN)
    wedge(COOKIE)

    assert skus(window) == ["MUFFIN-BB", "COOKIE-OAT"]
    assert title.text() == before
    assert not workspace.editor.has_unsaved_changes()
    assert focused() is title


def test_a_scans_enter_never_closes_a_box_of_the_workspace(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    workspace, title = editing_a_title(qtbot, window)
    before = title.text()
    QTest.keyClicks(title, " (edited)")             # an unsaved change
    child(workspace, QPushButton, "ruleNew").click()  # "Discard the changes?"
    box = workspace.findChild(QMessageBox, "confirmDiscard")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    box.activateWindow()
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is box)

    wedge(LATTE_TALL)

    assert box.isVisible(), "the scan's Enter did not answer the box"
    assert skus(window) == ["LATTE-T"]
    assert title.text().endswith(" (edited)"), "nothing was discarded"
    box.reject()
    title.setText(before)  # nothing left unsaved: the windows close at the end


def test_digits_typed_by_hand_in_the_workspace_stay_there(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    workspace = sign_in(qtbot, window)
    search = child(workspace, QLineEdit, "ruleSearch")
    search.setFocus()
    typed_by_hand(search, "2100000000203")          # a code typed key by key, then Enter
    assert search.text() == "2100000000203"
    assert skus(window) == []


def test_a_short_code_typed_fast_is_not_a_scan(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    """A PIN or a price, even typed quickly, is shorter than any barcode."""
    window = make_till_window(cafe_store_path)
    workspace = sign_in(qtbot, window)
    search = child(workspace, QLineEdit, "ruleSearch")
    search.setFocus()
    QTest.keyClicks(search, "12345")
    QTest.keyClick(search, Qt.Key.Key_Return)
    assert search.text() == "12345"
    assert skus(window) == []


def test_with_the_till_alone_nothing_watches_the_keys(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    assert not window.scan_router.active
    workspace = sign_in(qtbot, window)
    assert window.scan_router.active
    with qtbot.waitSignal(workspace.closed):
        workspace.close()
    assert not window.scan_router.active
