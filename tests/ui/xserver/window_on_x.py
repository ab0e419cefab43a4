"""What till_on_x.py and manager_on_x.py share (each runs as a script on the X server, in a
process of its own): a line said to the test on stdout, the till window they start with, and
running it until the test ends it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any


def say(*words: object) -> None:
    """One line on stdout, at once, for the test to wait on."""
    sys.stdout.write(" ".join(str(word) for word in words) + "\n")
    sys.stdout.flush()


def till_window(store_file: str, now: dt.datetime) -> tuple[Any, Any, Any]:
    """The application, the store in `store_file` and a till window on it, its clock fixed
    at `now` and the store's demo clerk signed in; the window says "shown RULE" and
    "lines N" (after every till action). Returns (application, store, window)."""
    from pos_prompter import app as till_app
    from pos_prompter.bootstrap import DEFAULT_CLERK
    from pos_prompter.core.order import FixedClock
    from pos_prompter.store import Store

    qapp = till_app.application()
    store = Store.open(Path(store_file))
    window = till_app.build_window(store, clock=FixedClock(now), clerk=DEFAULT_CLERK)
    window.prompt_shown.connect(lambda prompt: say("shown", prompt.rule_id))
    window.order_changed.connect(lambda: say("lines", len(window.till.lines)))
    return qapp, store, window


def run(qapp: Any, store: Any) -> int:
    """Say "window" once the event loop runs, run it, and close the store after it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    QTimer.singleShot(0, lambda: say("window"))
    try:
        return int(qapp.exec())
    finally:
        store.close()
        QApplication.processEvents()
