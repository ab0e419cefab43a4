"""When the clerk could see the prompt card: then, and only then, it counts as shown.

The till holds a new prompt's 'shown' row back (seen_prompts.ShownWhenSeen) until
`PromptSeen` tells it the card was on screen (it goes with the next commit, or at close;
if no commit comes within SAVE_SEEN_AFTER_MS, it is committed on its own):
after the card is painted, with the till window shown and not minimized, the card not
under the clerk's sign-in panel, and no other window of the app over it (the workspace, a
manager's box: these stay above the till whatever has the keys, being its own windows; a
window of another program is not known here). While something covers the card, the
windows over it are watched: once they move away, close or hide, the card is looked at
again. No polling.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

logger = logging.getLogger(__name__)

LOOK_AGAIN = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Hide, QEvent.Type.Close,
              QEvent.Type.WindowStateChange, QEvent.Type.Show, QEvent.Type.Expose)
"""What, happening to the till or a window over the card, may have changed what is seen."""
SAVE_SEEN_AFTER_MS = 2000
"""A prompt seen rides with the till's next commit (the next scan, answer or payment); if
none comes within this long, the till is idle and its 'shown' row is committed on its own,
so a crash loses at most this long of it. Scans closer together than this (a clerk ringing
up an order) add no write: each seen prompt goes with the scan after it."""


def card_rect(card: QWidget) -> QRect:
    return QRect(card.mapToGlobal(QPoint(0, 0)), card.size())


def covering(window: QWidget, card: QWidget) -> list[QWidget]:
    """The app's other visible windows that lie over `card` (a widget of `window`)."""
    rect = card_rect(card)
    over: list[QWidget] = []
    for other in QApplication.topLevelWidgets():
        if (other is window or not other.isVisible() or other.isMinimized()
                or other.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)):
            continue
        if other.frameGeometry().intersects(rect):
            over.append(other)
    return over


class PromptSeen(QObject):
    """Watches `card` (the till window's prompt panel) for `window` (the TillWindow).

    Signals:
        seen(str): a prompt's card was on screen: it is logged as shown with the till's
            next commit; carries the rule id.
    """

    seen = Signal(str)

    def __init__(self, window: QWidget, card: QWidget, hidden: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._card = card
        self._hidden = hidden  # whether the clerk's sign-in panel covers the whole till
        self._watched: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # after the paint, never inside it
        self._timer.timeout.connect(self.look)
        self._idle = QTimer(self)  # no commit since a prompt was seen: save it on its own
        self._idle.setSingleShot(True)
        self._idle.setInterval(SAVE_SEEN_AFTER_MS)
        self._idle.timeout.connect(self._save)
        card.installEventFilter(self)
        window.installEventFilter(self)

    @property
    def waiting(self) -> bool:
        """A prompt is up that nobody has seen yet."""
        held = self._window.till.shown_when_seen  # type: ignore[attr-defined]
        return held is not None and held.waiting is not None and not held.was_seen

    @property
    def saving(self) -> bool:
        """A prompt was seen and, unless a commit takes it first, is saved on its own
        when SAVE_SEEN_AFTER_MS have passed."""
        return self._idle.isActive()

    @property
    def looking(self) -> bool:
        """A look at the card is due (it was painted or uncovered a moment ago)."""
        return self._timer.isActive()

    def visible(self) -> bool:
        """Whether the clerk can see the card now."""
        window, card = self._window, self._card
        return (window.isVisible() and not window.isMinimized() and card.isVisible()
                and not card.visibleRegion().isEmpty() and not self._hidden()
                and not covering(window, card))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self._window:
            self._idle.stop()
            self._save()  # a prompt seen but not yet committed: now, before the till goes
        changed = (kind == QEvent.Type.Paint and watched is self._card) or kind in LOOK_AGAIN
        if changed and self.waiting and not self._timer.isActive():
            self._timer.start()
        return False

    def look(self) -> None:
        """Mark the waiting prompt seen if its card is in sight (logged as shown with the
        till's next commit, or on its own after SAVE_SEEN_AFTER_MS); else watch what is
        over it."""
        if not self.waiting:
            return
        if not self.visible():
            self._watch(covering(self._window, self._card))
            return
        till = self._window.till  # type: ignore[attr-defined]
        rule = till.prompt.rule_id if till.prompt is not None else ""
        if till.prompt_seen():
            self._idle.start()
            self.seen.emit(rule)

    def _save(self) -> None:
        """Commit a prompt seen and not yet logged (none, or one nobody saw yet: nothing
        is written)."""
        try:
            self._window.till.save_seen()  # type: ignore[attr-defined]
        except Exception:  # a Qt virtual or a timer's slot: nothing may escape; the log
            logger.exception("logging a seen prompt failed")  # has it, the next scan fails

    def _watch(self, windows: list[QWidget]) -> None:
        for window in windows:
            if window not in self._watched:
                window.installEventFilter(self)
                window.destroyed.connect(self._forget)
                self._watched.append(window)

    def _forget(self, gone: QObject) -> None:
        self._watched = [w for w in self._watched if w is not gone]
        if self.waiting:
            self._timer.start()
