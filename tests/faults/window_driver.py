"""Child process for tests/faults/test_kill_window.py: the real till, as
`python -m pos_prompter --db DB` starts it (`pos_prompter.cli.main`, so `app.run`: the log
file, the till lock, the till's name, the clerk's PIN panel), driven by real key events.

    python window_driver.py DB ACTIONS_JSON

ACTIONS_JSON is a file with a list of actions: a code to scan (typed, then Return), or one
of "accept" (F9), "decline" (F10), "checkout" (F4), "pay" (F12). The till has no test hook:
a timer started before `main` runs this driver inside the app's own event loop. It signs the
demo clerk in with their PIN, then after each key, once the window has run the action and
been repainted, prints on stdout (JSON Lines, flushed) what the clerk now sees:

- the till's events of that action, as `simulate` prints them (line, prompt, accepted,
  declined, ignored, checkout, paid...), caught by the window's own `action_watcher` seam;
- {"event": "screen", "order": N, "lines": [[line no, SKU, qty], ...], "total": "4.25"}:
  the order table and total as shown (order None after a payment: "New order").

The parent SIGKILLs this process at a random moment; everything printed must be in the store.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos_prompter.app import application
from pos_prompter.bootstrap import DEMO_STAFF
from pos_prompter.cli import main
from pos_prompter.cli.simulate import PRINTED_EVENTS, event_json
from pos_prompter.core.till_event import TillEvent
from pos_prompter.ui.till_window import TillWindow

KEYS = {"accept": Qt.Key.Key_F9, "decline": Qt.Key.Key_F10, "checkout": Qt.Key.Key_F4,
        "pay": Qt.Key.Key_F12}
PIN = {name: secret for name, _role, secret in DEMO_STAFF}["clerk"]


def emit(record: dict[str, Any] | str) -> None:
    line = record if isinstance(record, str) else json.dumps(record, separators=(",", ":"))
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def wait_for(app: QApplication, done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 30
    while not done():
        app.processEvents()
        if time.monotonic() > deadline:
            sys.exit(f"window driver: never {what}")


def till_window(app: QApplication) -> TillWindow | None:
    return next((w for w in app.topLevelWidgets()
                 if isinstance(w, TillWindow) and w.isVisible()), None)


def screen(window: TillWindow) -> dict[str, Any]:
    """What the order table and the total show now."""
    shown = re.fullmatch(r"Order (\d+)", window.order_info.text())
    total = re.sub(r"[^0-9.\-]", "", window.total_label.text())
    return {"event": "screen", "order": int(shown[1]) if shown else None,
            "lines": [[ln.no, ln.sku, ln.qty] for ln in window.model.lines],
            "total": total}


def drive(app: QApplication, actions: list[str]) -> None:
    wait_for(app, lambda: till_window(app) is not None, "saw the till window")
    window = till_window(app)
    assert window is not None
    if window.clerk_panel.isVisible():  # the demo clerk's PIN, as typed at the till
        QTest.keyClicks(window.clerk_panel.pin_edit, PIN)
        QTest.keyClick(window.clerk_panel.pin_edit, Qt.Key.Key_Return)
        wait_for(app, lambda: not window.clerk_panel.isVisible(), "signed the clerk in")
    window.activateWindow()
    wait_for(app, window.scan_input.hasFocus, "had the scan field focused")
    caught: list[TillEvent] = []

    def watch(action: Callable[[], list[TillEvent]]) -> Callable[[], list[TillEvent]]:
        def run() -> list[TillEvent]:
            events = action()
            caught.extend(events)
            return events

        return run

    window.action_watcher = watch
    emit(screen(window))  # the order as reopened after an earlier kill, if any
    held: list[tuple[str, TillEvent]] = []
    for action in actions:
        caught.clear()
        if action in KEYS:
            QTest.keyClick(window.scan_input, KEYS[action])
        else:
            QTest.keyClicks(window.scan_input, action)
            QTest.keyClick(window.scan_input, Qt.Key.Key_Return)
        window.repaint()  # shown: painted, not only in the model
        # The card, once painted, is looked at on the next turn of the event loop (as it
        # is between a real scanner's keys), and its 'shown' row goes with the till's next
        # commit (seen_prompts.py): a new prompt is printed once that commit was made.
        wait_for(app, lambda: not window.prompt_seen.looking, "looked at the prompt card")
        waiting = window.till.shown_when_seen
        for line, event in list(held):
            if waiting is None or waiting.waiting is not event:  # logged by now
                emit(line)
                held.remove((line, event))
        for event in caught:
            if event.event in PRINTED_EVENTS:
                line = event_json(event, 0)
                if event.event == "prompt" and not event.data.get("updated"):
                    held.append((line, event))
                else:
                    emit(line)
        emit(screen(window))
    window.close()  # a prompt seen but not yet saved is saved as the window closes
    for line, _event in held:
        emit(line)


if __name__ == "__main__":
    db, actions_file = sys.argv[1], Path(sys.argv[2])
    qt = application()

    def start() -> None:
        try:
            drive(qt, json.loads(actions_file.read_text("utf-8")))
        except BaseException:  # the app's own hook would keep the loop (and us) waiting
            traceback.print_exc()
            os._exit(3)

    QTimer.singleShot(0, start)
    sys.exit(main(["--db", db]))
