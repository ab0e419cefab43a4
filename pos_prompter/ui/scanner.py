"""Scans belong to the till, whichever window of the app has the keyboard.

A keyboard-wedge scanner types a code and Enter into whatever widget has the focus. While
a manager's window is open beside the till (the sign-in, the workspace, a box of its),
that is not the till's scan field: a scan would type its digits into a password or a
rule's title, and its Enter would sign in with them (five scans lock the manager out) or
close a box. `ScanRouter` tells a scan from typing by the scanner's speed, takes what it
typed back out of that field, and scans the code at the till instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QDateTime  # named by a type only: made when used

logger = logging.getLogger(__name__)

MIN_LENGTH = 6
"""The shortest code taken for a scan (UPC-E has 6 digits; a PIN or a price is shorter)."""
MAX_GAP_MS = 30
"""A wedge scanner types a key every few milliseconds; a person, every 100 or more."""

Restore = Callable[[], None]


def restorer(widget: QWidget) -> Restore:
    """How to put `widget` back as it is now, once a scan has typed into it."""
    # Imported here: PySide6 makes a type (and its enum types) when it is first named,
    # and the till's start has none of these (issue 14.2).
    from PySide6.QtWidgets import (
        QComboBox,
        QDateTimeEdit,
        QDoubleSpinBox,
        QPlainTextEdit,
        QSpinBox,
        QTextEdit,
    )

    if isinstance(widget, QComboBox) and (line := widget.lineEdit()) is not None:
        return restorer(line)
    if isinstance(widget, QLineEdit):
        text, at = widget.text(), widget.cursorPosition()

        def restore_line() -> None:
            if widget.text() != text:
                widget.setText(text)
            widget.setCursorPosition(at)
        return restore_line
    if isinstance(widget, QPlainTextEdit):
        plain, cursor = widget.toPlainText(), widget.textCursor().position()

        def restore_plain() -> None:
            if widget.toPlainText() != plain:
                widget.setPlainText(plain)
                moved = widget.textCursor()
                moved.setPosition(min(cursor, len(plain)))
                widget.setTextCursor(moved)
        return restore_plain
    if isinstance(widget, QTextEdit):
        html = widget.toHtml()
        return lambda: widget.setHtml(html) if widget.toHtml() != html else None
    if isinstance(widget, QSpinBox):
        count = widget.value()
        return lambda: widget.setValue(count)
    if isinstance(widget, QDoubleSpinBox):
        number = widget.value()
        return lambda: widget.setValue(number)
    if isinstance(widget, QDateTimeEdit):
        when: QDateTime = widget.dateTime()
        return lambda: widget.setDateTime(when)
    return lambda: None  # buttons, lists: digits changed nothing worth taking back


class ScanRouter(QObject):
    """While `active`, watches the keys typed into any window but `till`: six or more
    digits, each within MAX_GAP_MS of the last, then Enter, are a scan. The field they went
    into is put back as it was, the Enter goes no further (no dialog signs in, no box
    closes), and `scan(code)` gets the code. Anything else typed there is left alone.

    Off (not even installed) while the till is alone: its own scan field takes the scans,
    and no Python runs for every event of the app."""

    def __init__(self, till: QWidget, scan: Callable[[str], None]) -> None:
        super().__init__(till)
        self._till = till
        self._scan = scan
        self._active = False
        self._digits = ""
        self._last_ms = 0
        self._into: tuple[QWidget, Restore] | None = None

    @property
    def active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        app = QApplication.instance()
        if active == self._active or app is None:
            return
        self._active = active
        self._forget()
        if active:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def _forget(self) -> None:
        self._digits, self._into = "", None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        focus = self._target(watched)
        if focus is None:
            return False
        try:  # an exception must not escape a Qt virtual (it would end the process)
            return isinstance(event, QKeyEvent) and self._key(focus, event)
        except Exception:
            logger.exception("telling a scan from typing failed")
            self._forget()
            return False

    def _target(self, watched: QObject) -> QWidget | None:
        """The field a key press delivered to `watched` is typed into, when it is one to
        watch: the first delivery only (not its propagation to parents), not the till's."""
        focus = QApplication.focusWidget()
        if focus is None or watched is not focus or focus.window() is self._till:
            return None
        return focus

    def _deliver(self, _focus: QWidget, code: str) -> None:
        """Where a whole scan goes, once taken back out of `_focus` (ui.scan_router sends
        one to a field that takes scans)."""
        self._scan(code)

    def _key(self, focus: QWidget, event: QKeyEvent) -> bool:
        now = event.timestamp() or int(time.monotonic() * 1000)  # 0 from synthetic events
        quick = bool(self._digits) and now - self._last_ms <= MAX_GAP_MS
        self._last_ms = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            into, digits = self._into, self._digits
            self._forget()
            if not (quick and len(digits) >= MIN_LENGTH and into and into[0] is focus):
                return False
            into[1]()  # take the digits back out of the field
            self._deliver(focus, digits)
            return True  # the Enter goes no further
        text = event.text()
        extra = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if len(text) == 1 and "0" <= text <= "9" and extra == Qt.KeyboardModifier.NoModifier:
            if not quick or self._into is None or self._into[0] is not focus:
                self._digits, self._into = "", (focus, restorer(focus))
            self._digits += text
            return False
        self._forget()
        return False
