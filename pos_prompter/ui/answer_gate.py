"""A prompt cannot be answered before it could be read out to the customer.

F9 pressed twice in a row used to accept the next prompt too: an offer the customer never
heard. Each new prompt on the card now waits `ANSWER_DELAY_MS` before it takes an answer;
its Accept and Decline buttons are greyed out meanwhile (the cue), and F9, F10, Esc and taps
in that time are ignored, never kept for later. Scanning is never held up: the gate only
stands in front of the answers.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

ANSWER_DELAY_MS = 700
"""About the time to start reading the offer's first words out (read aloud, people manage
some 3 words a second; "Would you like to make that a Grande?" takes two seconds whole):
long enough that a second F9 of a double press (~100-300 ms apart) never lands on the next
prompt, short enough that a clerk answering at talking speed never meets it."""


class AnswerGate(QObject):
    """Closed for `delay_ms` after each `start` (a new prompt on screen), then open.

    Signals:
        opened: the prompt on screen may be answered now.
    """

    opened = Signal()

    def __init__(self, delay_ms: int = ANSWER_DELAY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.delay_ms = delay_ms
        self._open = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    @property
    def is_open(self) -> bool:
        """Whether an answer given now counts (False: ignore it)."""
        return self._open

    def start(self) -> None:
        """A new prompt is on screen: closed until it could have been read out."""
        self._timer.stop()
        if self.delay_ms <= 0:
            self._open = True
            self.opened.emit()
            return
        self._open = False
        self._timer.start(self.delay_ms)

    def _on_timeout(self) -> None:
        self._open = True
        self.opened.emit()
