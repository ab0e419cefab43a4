"""Make the README screenshot: the till on the cafe demo with a prompt on screen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshots/make_screenshot.py

Builds the window offscreen on a temporary cafe demo store, at a fixed Monday-morning time
(so the morning rules fire the same way every run), scans a few items so the order shows a
declined prompt's note and a Tall latte's size-up prompt (why and evidence) is up, and saves
till.png beside this script. The scans: see SCANS.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads

from pos_prompter import app as till_app
from pos_prompter.bootstrap import init_store
from pos_prompter.core.order import FixedClock

OUTPUT = Path(__file__).with_name("till.png")
MORNING = dt.datetime(2026, 11, 23, 8, 10)  # a Monday, inside the breakfast window
# A blueberry muffin, a Tall hot chocolate (its size-up is declined), a cookie, then a Tall
# latte: its size-up is the second and last prompt of the order, and stays on screen.
SCANS = ("2100000000203", "2100000000166", "decline", "2100000000227", "2100000000012")


def make(output: Path = OUTPUT) -> Path:
    qapp = till_app.application()
    with tempfile.TemporaryDirectory() as folder:
        store = init_store(Path(folder) / "store.db", demo="cafe")
        try:
            window = till_app.build_window(store, clock=FixedClock(MORNING))
            window.show()
            for code in SCANS:
                if code == "decline":
                    window.decline_prompt()
                else:
                    window.scan_text(code)
            qapp.processEvents()
            if not window.grab().save(str(output)):
                raise OSError(f"could not write {output}")
            window.close()
            window.deleteLater()
        finally:
            store.close()
    return output


if __name__ == "__main__":
    sys.stderr.write(f"saved {make()}\n")
