"""Work put off until the till's first paint: what the first screen does not need (reading
its catalog and rules, checking and backing up its store) waits until a scan could land, so
that it neither delays the first paint nor takes the processor from it (issue 14.2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from pos_prompter.ui.till_screen import TillScreen

FIRST_PAINT_WAIT_MS = 2000
"""How long work put off until the till's first paint waits at most (a window started
minimised, or never shown, is never painted: its store is still checked, its rules read)."""


class _FirstPaint(QObject):
    """Calls `then` once, on the turn of the event loop after `window` (or its scan field)
    is first painted, or after FIRST_PAINT_WAIT_MS at the latest."""

    def __init__(self, window: TillScreen, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        self._watched: tuple[QWidget, ...] = (window, window.scan_input)
        for widget in self._watched:
            widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self, self._run)  # once this paint is on screen
            for widget in self._watched:
                widget.removeEventFilter(self)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(window: TillScreen, then: Callable[[], object]) -> None:
    """Run `then` after the till's first paint. A window already on screen has been
    painted: `then` runs on the next turn of the event loop."""
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        QTimer.singleShot(0, window, then)
        return
    _FirstPaint(window, then)
