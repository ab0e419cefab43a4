"""Telling a scan from typing (ui.scanner.ScanRouter), on its own: a till window and a
manager's window of plain widgets, keys sent with the events' own timestamps (a wedge
scanner types a key every few ms, a person every 100 or more). The whole app's router on
top of it, with the real workspace, is in workspace/test_scan_router.py and
workspace/test_scans_reach_the_till.py."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tillwin_helpers import keys_at

from pos_prompter.ui.scanner import MAX_GAP_MS, MIN_LENGTH, ScanRouter, restorer

CODE = "2100000000012"
_clock = itertools.count(50_000_000, 100_000)
"""Key timestamps: each test's keys start well after the last test's."""


class Counter:
    """The till's two windows: `till` (its own field) and `office`, a manager's window with
    the fields a scan may land in; `scans` holds the codes the router took."""

    def __init__(self, qtbot: QtBot, scan: Callable[[str], None] | None = None) -> None:
        self.scans: list[str] = []
        self.till = QWidget()
        self.till_field = QLineEdit(self.till)
        self.office = QWidget()
        layout = QVBoxLayout(self.office)
        self.line = QLineEdit("Size up", self.office)
        self.plain = QPlainTextEdit("Would you like", self.office)
        self.spin = QSpinBox(self.office)
        self.spin.setRange(0, 10**6)
        self.spin.setValue(12)
        self.combo = QComboBox(self.office)
        self.combo.setEditable(True)
        self.combo.setEditText("member")
        for w in (self.line, self.plain, self.spin, self.combo):
            layout.addWidget(w)
        for window in (self.till, self.office):
            qtbot.addWidget(window)
            with qtbot.waitExposed(window):
                window.show()
        self.router = ScanRouter(self.till, scan or self.scans.append)

    def focus(self, qtbot: QtBot, field: QWidget) -> QWidget:
        field.activateWindow()
        field.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
        return field


@pytest.fixture
def counter(qtbot: QtBot) -> Iterator[Counter]:
    made = Counter(qtbot)
    made.router.set_active(True)
    yield made
    made.router.set_active(False)


def typed(widget: QWidget, text: str, every_ms: int) -> None:
    keys_at(widget, text, next(_clock), every_ms)


def test_a_scan_into_a_managers_field_goes_to_the_till_and_leaves_the_field_as_it_was(
        qtbot: QtBot, counter: Counter) -> None:
    field = counter.focus(qtbot, counter.line)
    field.setCursorPosition(4)
    with qtbot.assertNotEmitted(field.returnPressed):
        typed(field, CODE + "\r", every_ms=5)
    assert counter.scans == [CODE]
    assert field.text() == "Size up"
    assert field.cursorPosition() == 4


def test_typing_by_hand_is_left_in_the_field(qtbot: QtBot, counter: Counter) -> None:
    field = counter.focus(qtbot, counter.line)
    field.clear()
    with qtbot.waitSignal(field.returnPressed, timeout=1000):
        typed(field, CODE + "\r", every_ms=MAX_GAP_MS + 1)
    assert counter.scans == []
    assert field.text() == CODE


def test_a_short_code_is_a_pin_or_a_price_not_a_scan(qtbot: QtBot, counter: Counter) -> None:
    field = counter.focus(qtbot, counter.line)
    field.clear()
    with qtbot.waitSignal(field.returnPressed, timeout=1000):
        typed(field, "1" * (MIN_LENGTH - 1) + "\r", every_ms=5)
    assert counter.scans == []
    assert field.text() == "1" * (MIN_LENGTH - 1)
    typed(field, "1" * MIN_LENGTH + "\r", every_ms=5)
    assert counter.scans == ["1" * MIN_LENGTH], "six digits: the shortest code (UPC-E)"


def test_a_letter_or_a_pause_inside_the_digits_starts_again(
        qtbot: QtBot, counter: Counter) -> None:
    field = counter.focus(qtbot, counter.line)
    field.clear()
    typed(field, "210000a00012\r", every_ms=5)
    assert counter.scans == [], "five digits after the letter: not a scan"
    assert field.text() == "210000a00012"
    field.clear()
    start = keys_at(field, "2100", next(_clock), 5)
    keys_at(field, "000000012\r", start + MAX_GAP_MS + 50, 5)
    assert counter.scans == ["000000012"], "the digits after the pause are the scan"
    assert field.text() == "2100", "the digits typed before it stay"


def test_keys_in_the_tills_own_window_are_its_own(qtbot: QtBot, counter: Counter) -> None:
    field = counter.focus(qtbot, counter.till_field)
    with qtbot.waitSignal(field.returnPressed, timeout=1000):
        typed(field, CODE + "\r", every_ms=5)
    assert counter.scans == []
    assert field.text() == CODE


def test_switched_off_the_router_watches_nothing(qtbot: QtBot, counter: Counter) -> None:
    counter.router.set_active(False)
    assert not counter.router.active
    field = counter.focus(qtbot, counter.line)
    field.clear()
    typed(field, CODE + "\r", every_ms=5)
    assert counter.scans == []
    assert field.text() == CODE
    counter.router.set_active(True)
    field.clear()
    typed(field, CODE + "\r", every_ms=5)
    assert counter.scans == [CODE]


def test_every_kind_of_field_is_put_back(qtbot: QtBot, counter: Counter) -> None:
    for field, shown in [(counter.plain, lambda: counter.plain.toPlainText()),
                         (counter.spin, lambda: counter.spin.value()),
                         (counter.combo, lambda: counter.combo.currentText())]:
        before = shown()
        target = counter.focus(qtbot, field)
        typed(QApplication.focusWidget() or target, CODE + "\r", every_ms=5)
        assert shown() == before, field
    assert counter.scans == [CODE] * 3


def test_restorer_puts_a_line_back_text_and_cursor(qtbot: QtBot) -> None:
    field = QLineEdit("abc")
    qtbot.addWidget(field)
    field.setCursorPosition(1)
    back = restorer(field)
    field.setText("abc123")
    back()
    assert (field.text(), field.cursorPosition()) == ("abc", 1)


def test_a_failing_scan_handler_does_not_end_the_app(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    def broken(code: str) -> None:  # the till's scan slot raising: a bug elsewhere
        raise RuntimeError(code)

    counter = Counter(qtbot, broken)
    counter.router.set_active(True)
    field = counter.focus(qtbot, counter.line)
    typed(field, CODE + "\r", every_ms=5)
    assert "telling a scan from typing failed" in caplog.text
    assert field.text() == "Size up"
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(field, event)
    assert field.text().endswith("a"), "keys go on to the field afterwards"
    counter.router.set_active(False)
