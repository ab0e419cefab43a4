"""The till at 200% scaling, for test_till_touch_scaled.py (run as a script in a process of
its own: Qt reads QT_SCALE_FACTOR before the application exists).

    QT_SCALE_FACTOR=2 python till_touch_scaled.py STORE_FILE THEME

Builds the real till window on the store (the cafe demo) at the screen's full size, scans a
latte so a prompt is up, and prints one JSON object: the screen's size and pixel ratio, the
window's size, and what touch_check.py finds wrong (lists, empty when all is well)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from touch_check import key_problems, layout_problems, painted_contrast, touch_problems

from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.till_window import TillWindow

LATTE_TALL = "2100000000012"
READ = ("orderTotal", "promptSay", "payButton", "promptAccept", "promptDecline",
        "statusMessage", "keyHelp")


def main(store_file: str, theme: str) -> int:
    app = QApplication(sys.argv[:1])
    store = Store.open(Path(store_file))
    window = TillWindow(Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 10))),
                        answer_delay_ms=0)
    window.set_theme(theme)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    for _ in range(5):
        app.processEvents()
    window.scan_text(LATTE_TALL)
    for _ in range(5):
        app.processEvents()
    contrasts = {name: round(painted_contrast(window.findChild(QWidget, name)), 2)
                 for name in READ}
    screen = app.primaryScreen()
    sys.stdout.write(json.dumps({
        "screen": [screen.geometry().width(), screen.geometry().height()],
        "ratio": window.devicePixelRatio(),
        "window": [window.width(), window.height()],
        "prompt": window.till.prompt is not None,
        "touch": touch_problems(window),
        "layout": layout_problems(window),
        "keys": key_problems(window, window.shortcuts),
        "contrast": {k: v for k, v in contrasts.items() if v < 4.5},
    }) + "\n")
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
