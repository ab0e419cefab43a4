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

from window_on_x import run, say, till_window

MORNING = dt.datetime(2026, 11, 23, 8, 10)


def main(store_file: str) -> int:
    from PySide6.QtWidgets import QWidget

    qapp, store, window = till_window(store_file, MORNING)
    window.prompt_answered.connect(lambda rule, how: say(how, rule))
    gate = window.prompt_panel.gate
    gate.opened.connect(lambda: say("answerable", getattr(window.till.prompt, "rule_id", "-")))

    def focus_moved(_old: QWidget | None, new: QWidget | None) -> None:
        if new is window.scan_input:
            say("ready")

    qapp.focusChanged.connect(focus_moved)
    window.show()
    return run(qapp, store)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
