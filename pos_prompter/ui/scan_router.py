"""One router for the whole app: a scan arrives whole, whatever window or box has the keys.

A keyboard-wedge scanner types into whatever has the focus. `AppScanRouter` follows the
keyboard into every window of the app but the till's (a manager's dialog, the workspace, a
message box, the first-manager box at a new store's first start): it tells
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

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from pos_prompter.ui.scanner import ScanRouter

ACCEPTS_SCANS = "acceptsScans"
"""The property (True) of a field that takes a whole scan itself, through its method
`accept_scan(code)`."""


TILL = "tillWindow"
"""The property (True) of a window whose fields take scans themselves: a till's."""


def takes_scans(widget: QWidget) -> bool:
    """Whether a scan typed into `widget` is for it (a product field), not for the till."""
    return (bool(widget.property(ACCEPTS_SCANS)) and widget.isEnabled()
            and callable(getattr(widget, "accept_scan", None))
            and not getattr(widget, "isReadOnly", lambda: False)())


class AppScanRouter(ScanRouter):
    """The till's router. It follows the keyboard (QApplication.focusChanged): while the
    focus is in another window than the till's, it watches the focused widget, and the
    list of matches its completer may open. Only those widgets' events reach Python: an
    event filter on the whole application would run for every event of the app, some sent
    while widgets are half destroyed (a crash in PySide)."""

    def __init__(self, till: QWidget, scan: Callable[[str], None]) -> None:
        super().__init__(till, scan)
        self._wanted = False
        self._hooked: list[QWidget] = []
        till.setProperty(TILL, True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
            self._focus_moved(None, app.focusWidget())

    @property
    def active(self) -> bool:
        """Whether a scan typed now would be taken from where it was typed: a manager's
        window is open (`want`), or the keyboard is in a window other than the till's."""
        return self._wanted or bool(self._hooked)

    def want(self, wanted: bool) -> None:
        """A manager's window (or practice's trainer) is open."""
        self._wanted = wanted

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:  # a slot called from Qt: nothing may escape
            self._unhook()
            if new is None or new.window().property(TILL) or not self._till.isVisible():
                return  # a till's own fields take its keys; a hidden till takes none
            self._forget()
            completer = getattr(new, "completer", None)
            lists = completer() if callable(completer) else None
            for widget in (new, lists.popup() if lists is not None else None):
                if widget is not None:
                    widget.installEventFilter(self)
                    self._hooked.append(widget)
        except RuntimeError:  # a widget (or the till) is already gone
            self._hooked = []

    def _unhook(self) -> None:
        hooked, self._hooked = self._hooked, []
        for widget in hooked:
            with contextlib.suppress(RuntimeError):  # deleted: its filters went with it
                widget.removeEventFilter(self)

    def _target(self, watched: QObject) -> QWidget | None:
        focus = QApplication.focusWidget()
        if focus is None or focus.window().property(TILL):
            return None  # the till's own fields take their keys (the PIN: ClerkSignInPanel)
        popup = QApplication.activePopupWidget()
        # The first delivery only (not its propagation to parents): to the focused field,
        # or to the popup that passes it on to the field.
        if watched is not focus and (popup is None or watched is not popup):
            return None
        return focus

    def _deliver(self, focus: QWidget, code: str) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.hide()  # the matches of the digits taken back out
        if takes_scans(focus):
            focus.accept_scan(code)  # type: ignore[attr-defined]
            return
        self._scan(code)
