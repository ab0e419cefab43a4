"""Issue 13, point 1: a scan arrives whole, whatever has the keyboard. Keys go in through the
window system (QTest on the window's QWindow, as a wedge scanner's keys come), so a product
field's list of matches, once open, takes them as it does at a real keyboard: the first
digit in the field, the rest through the list. A product field that says "or scan" takes
the whole scan itself; any other field gives it back to the till."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from fixed_waits import let_time_pass
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import child
from workspace_helpers import sign_in

from pos_prompter import app as till_app
from pos_prompter.bootstrap import init_store
from pos_prompter.core.order import FixedClock
from pos_prompter.ui.scan_router import ACCEPTS_SCANS
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.sign_in import FirstManagerDialog
from pos_prompter.ui.workspace.window import WorkspaceWindow

CANVAS = "2200000000019"
"""The shoe shop's Courtline Canvas Low (SNK-CANVAS-LOW)."""

MakeWindow = Callable[..., TillWindow]


@pytest.fixture
def shoes_store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    init_store(path, demo="shoes").close()
    return path


def receiver() -> QWidget:
    """Where the window system delivers a key now (as QWidgetWindow does): the open popup
    (a field's list of matches), else the focused widget."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    focus = QApplication.focusWidget()
    assert focus is not None, "no widget has the keyboard"
    return focus


_clock = itertools.count(10_000_000, 10_000)


def wedge(code: str, every_ms: int = 5) -> None:
    """A wedge scanner: `code` and Enter, a key every `every_ms` by the events' own time
    (the scanner's, as the X server stamps them), each to whatever takes the keys then."""
    at = next(_clock)
    for char in code + "\r":
        key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                              "" if char == "\r" else char)
            event.setTimestamp(at)
            QApplication.sendEvent(receiver(), event)
        at += every_ms


def by_hand(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    for char in text:
        QTest.keyClick(field.window().windowHandle(), char)
        let_time_pass(qtbot, 40)  # a person: far slower than any scanner


def editing(qtbot: QtBot, window: TillWindow, name: str) -> tuple[WorkspaceWindow, QLineEdit]:
    workspace = sign_in(qtbot, window)
    assert workspace.rule_list.select_rule("casual-socks")
    field = child(workspace, QLineEdit, name)
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    return workspace, field


def skus(window: TillWindow) -> list[str]:
    return [line.sku for line in window.till.lines]


def test_a_scan_into_the_sample_order_field_adds_the_whole_product_there(
        qtbot: QtBot, make_till_window: MakeWindow, shoes_store_path: Path) -> None:
    window = make_till_window(shoes_store_path)
    workspace, field = editing(qtbot, window, "previewScan")
    assert field.property(ACCEPTS_SCANS)
    order = child(workspace, QListWidget, "previewOrder")
    wedge(CANVAS)

    qtbot.waitUntil(lambda: any("Courtline Canvas Low" in order.item(i).text()
                                for i in range(order.count())))
    assert field.text() == ""
    assert skus(window) == [], "the manager's sample order, not a sale"
    assert window.message_level != "error", window.status_label.text()


def test_a_scan_into_the_offer_picker_picks_the_whole_product(
        qtbot: QtBot, make_till_window: MakeWindow, shoes_store_path: Path) -> None:
    window = make_till_window(shoes_store_path)
    workspace, field = editing(qtbot, window, "offerAddPicker")
    editor = workspace.editor
    before = list(editor.add_edit.values())

    wedge(CANVAS)

    qtbot.waitUntil(lambda: editor.add_edit.values() == [*before, "SNK-CANVAS-LOW"])
    assert field.text() == ""
    assert skus(window) == []
    assert "Unknown" not in window.status_label.text()
    editor.add_edit.remove_value("SNK-CANVAS-LOW")  # nothing left unsaved at the end


def test_a_scan_while_a_fields_list_of_matches_is_open_rings_up_whole_at_the_till(
        qtbot: QtBot, make_till_window: MakeWindow, shoes_store_path: Path) -> None:
    """A field that takes no scans (a category), its list open on what the manager typed:
    the scan's keys go through that list, and still reach the till as one code."""
    window = make_till_window(shoes_store_path)
    _workspace, field = editing(qtbot, window, "scannedCategoryPicker")
    assert not field.property(ACCEPTS_SCANS)
    by_hand(qtbot, field, "sne")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)

    wedge(CANVAS)

    qtbot.waitUntil(lambda: skus(window) == ["SNK-CANVAS-LOW"])
    assert window.message_level != "error", window.status_label.text()
    assert field.text() == "sne", "the scan's digits were taken back out"
    assert QApplication.focusWidget() is field, "the manager types on where they were"


def test_a_scan_at_a_new_stores_first_start_rings_up_at_the_till_not_in_the_box(
        qtbot: QtBot, tmp_path: Path, morning_clock: FixedClock) -> None:
    """The first-manager box waits beside the till, not over it: the clerk sells, and a
    scan typed into the box's name field reaches the till whole."""
    path = tmp_path / "new.db"
    with init_store(path) as store:  # no demo: a clerk without a PIN, no manager yet
        window = till_app.build_window(store, clock=morning_clock)
        qtbot.addWidget(window)
        dialog = till_app.start_window(window)
        assert isinstance(dialog, FirstManagerDialog)
        qtbot.waitUntil(lambda: window.isVisible() and dialog.isVisible())
        assert not dialog.isModal()
        column = window.prompt_panel.parentWidget()
        card = QRect(column.mapToGlobal(QPoint(0, 0)), column.size())
        assert not dialog.frameGeometry().intersects(card), "the prompt card stays in sight"
        name = child(dialog, QLineEdit, "firstManagerName")
        dialog.activateWindow()
        name.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
        by_hand(qtbot, name, "An")

        wedge(CANVAS)

        qtbot.waitUntil(lambda: "2200000000019" in window.status_label.text())
        assert window.status_label.text() == "Unknown barcode 2200000000019", \
            "the whole code, at the till (this new store sells nothing yet)"
        assert name.text() == "An"
        assert dialog.isVisible()
        with qtbot.waitSignal(dialog.finished):
            dialog.reject()
        window.close()
