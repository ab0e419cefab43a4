"""Small helpers shared by the till window tests: find widgets by objectName, drive them
with real key events where keys are the feature (the scanner and the F-keys)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos_prompter.store import Store
from pos_prompter.ui.order_model import ITEM, NOTE

LATTE_TALL = "2100000000012"
COCOA_TALL = "2100000000166"
MUFFIN = "2100000000203"
COOKIE = "2100000000227"

W = TypeVar("W", bound=QWidget)


def keys_at(widget: QWidget, text: str, start_ms: int, every_ms: int) -> int:
    """Keys typed into `widget` with the events' own timestamps ("\\r" is Enter), as a
    person (every 150 ms) or a wedge scanner (every few ms) types them. Returns the time
    after the last key."""
    at = start_ms
    for char in text:
        key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                              "" if char == "\r" else char)
            event.setTimestamp(at)
            QApplication.sendEvent(widget, event)
        at += every_ms
    return at


def child(window: QWidget, cls: type[W], name: str) -> W:
    widget = window.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name!r}"
    return widget


def scan_field(window: QWidget) -> QLineEdit:
    return child(window, QLineEdit, "scanInput")


def scan(qtbot: QtBot, window: QWidget, code: str) -> None:
    """What a keyboard-wedge scanner does: type the code, then Enter."""
    field = scan_field(window)
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    on_screen(qtbot, window)


def on_screen(qtbot: QtBot, window: QWidget) -> None:
    """Let the screen show what the till did (a clerk who scans looks at it): a prompt
    whose card is in sight is painted, and so counts as shown (ui/prompt_seen.py). The till
    logs it with its next commit; tests read the log at once, so it is committed now, as
    closing the window would."""
    seen = getattr(window, "prompt_seen", None)
    if seen is not None and seen.waiting and seen.visible():
        qtbot.waitUntil(lambda: not seen.waiting, timeout=2000)
        window.till.save_seen()  # type: ignore[attr-defined]


def press(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    """A real key press, delivered where the keyboard's keys go: the focused scan field."""
    qtbot.keyClick(scan_field(window), key)


def panel(window: QWidget) -> QFrame:
    return child(window, QFrame, "promptPanel")


def label_text(window: QWidget, name: str) -> str:
    return child(window, QLabel, name).text()


def button(window: QWidget, name: str) -> QPushButton:
    return child(window, QPushButton, name)


def table_column(window: QWidget, column: int = ITEM) -> list[str]:
    model = child(window, QTableView, "orderTable").model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def notes(window: QWidget) -> list[str]:
    return table_column(window, NOTE)


def prompt_log(path: Path) -> list[tuple[str, str]]:
    """(rule id, status) of every prompt event in the store file, read on a connection of
    its own: what is on disk, not what the window holds."""
    with Store.open(path) as store:
        return [(row["rule_id"], row["status"]) for row in store.sales.prompt_events()]


def stored_lines(path: Path) -> list[str]:
    """SKUs of the open order's lines as committed in the store file."""
    with Store.open(path) as store:
        resumed = store.sales.open_order_state()
        if resumed is None:
            return []
        state, _rev = resumed
        return [row["sku"] for row in store.sales.order_lines(int(state["order_id"]))]


def visible_windows() -> set[int]:
    """Ids of the top-level widgets on screen now."""
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


def windows_left_open(before: set[int]) -> list[str]:
    """Top-level widgets on screen now that were not in `before`, and any dialog at all."""
    return [f"{type(w).__name__}({w.objectName()!r})" for w in QApplication.topLevelWidgets()
            if w.isVisible() and (id(w) not in before or isinstance(w, QDialog))]
