"""A till window on a real X server, for the xdotool tests (run as a script, in a process of
its own: the test process's Qt is offscreen).

    python till_on_x.py STORE_FILE

The cafe demo store at a fixed Monday morning (the breakfast rules fire), its demo clerk
signed in. What the window does is printed on stdout, one line each, for the test to wait
on: "window" (on screen), "ready" (the scan field has the keyboard), "shown RULE",
"answerable RULE" (the prompt now takes answers), "accepted|declined|ignored RULE",
"lines N" (after every till action).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

MORNING = dt.datetime(2026, 11, 23, 8, 10)


def say(*words: object) -> None:
    sys.stdout.write(" ".join(str(word) for word in words) + "\n")
    sys.stdout.flush()


def main(store_file: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from pos_prompter import app as till_app
    from pos_prompter.bootstrap import DEFAULT_CLERK
    from pos_prompter.core.order import FixedClock
    from pos_prompter.store import Store

    qapp = till_app.application()
    store = Store.open(Path(store_file))
    window = till_app.build_window(store, clock=FixedClock(MORNING), clerk=DEFAULT_CLERK)
    window.prompt_shown.connect(lambda prompt: say("shown", prompt.rule_id))
    window.prompt_answered.connect(lambda rule, how: say(how, rule))
    window.order_changed.connect(lambda: say("lines", len(window.till.lines)))
    gate = window.prompt_panel.gate
    gate.opened.connect(lambda: say("answerable", getattr(window.till.prompt, "rule_id", "-")))

    def focus_moved(_old: QWidget | None, new: QWidget | None) -> None:
        if new is window.scan_input:
            say("ready")

    qapp.focusChanged.connect(focus_moved)
    window.show()
    QTimer.singleShot(0, lambda: say("window"))
    try:
        return qapp.exec()
    finally:
        store.close()
        QApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
