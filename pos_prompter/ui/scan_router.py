"""One router for the whole app: a scan arrives whole, whatever window or box has the keys.

A keyboard-wedge scanner types into whatever has the focus. `AppScanRouter` is installed on
the QApplication whenever the keyboard is anywhere but the till window (a manager's dialog,
the workspace, a message box, the first-manager box at a new store's first start): it tells
a scan from typing by the scanner's speed (`ui.scanner`: six or more digits, each within
30 ms, then Enter), takes back out what the scan typed into the focused field, and sends the
whole code on:

- to the focused field itself when that field takes scans (a product field that says "or
  scan": property ACCEPTS_SCANS, and a method `accept_scan(code)`);
- else to the till, which rings it up (or, with nobody signed in, says it was not).

A product field's list of matches (a QCompleter popup) takes the keys while it is open, and
passes them to the field without Qt's event filters seeing them there: so the router counts
the keys the popup receives as typed into the field, and one scan is never cut in two (the
first digit in the field, the rest through the popup: "Unknown barcode 200000000019").
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from pos_prompter.ui.scanner import ScanRouter

logger = logging.getLogger(__name__)

ACCEPTS_SCANS = "acceptsScans"
"""The property (True) of a field that takes a whole scan itself, through its method
`accept_scan(code)`."""


def takes_scans(widget: QWidget) -> bool:
    """Whether a scan typed into `widget` is for it (a product field), not for the till."""
    return (bool(widget.property(ACCEPTS_SCANS)) and widget.isEnabled()
            and callable(getattr(widget, "accept_scan", None))
            and not getattr(widget, "isReadOnly", lambda: False)())


class AppScanRouter(ScanRouter):
    """The till's router: on (installed on the application) while the keyboard is outside
    the till window, or while `want(True)` says a manager's window is open; off while the
    till alone has the keys, so no Python runs for every event of the app then."""

    def __init__(self, till: QWidget, scan: Callable[[str], None]) -> None:
        super().__init__(till, scan)
        self._wanted = False
        self._focus_outside = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
            self._focus_moved(None, app.focusWidget())

    def want(self, wanted: bool) -> None:
        """A manager's window (or practice's trainer) is open: watch, wherever the keys are."""
        self._wanted = wanted
        self.set_active(self._wanted or self._focus_outside)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:  # a slot called from Qt: nothing may escape
            self._focus_outside = new is not None and new.window() is not self._till
            self.set_active(self._wanted or self._focus_outside)
        except RuntimeError:  # the till's C++ half is gone (the app is closing)
            pass

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is self._till:
            return False  # the till's own fields take their keys (the PIN: ClerkSignInPanel)
        popup = QApplication.activePopupWidget()
        # The first delivery only (not its propagation to parents): to the focused field,
        # or to the popup that passes it on to the field.
        if watched is not focus and (popup is None or watched is not popup):
            return False
        try:  # an exception must not escape a Qt virtual (it would end the process)
            return isinstance(event, QKeyEvent) and self._key(focus, event)
        except Exception:
            logger.exception("telling a scan from typing failed")
            self._forget()
            return False

    def _deliver(self, focus: QWidget, code: str) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.hide()  # the matches of the digits taken back out
        if takes_scans(focus):
            focus.accept_scan(code)  # type: ignore[attr-defined]
            return
        self._scan(code)
