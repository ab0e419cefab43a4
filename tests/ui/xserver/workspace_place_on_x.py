"""The till and the manager's workspace as they open on a real X server, for
test_x_workspace_place.py (run as a script, in a process of its own).

    python workspace_place_on_x.py STORE_FILE

The store's demo clerk sells; a manager's workspace opens beside the till as after a
sign-in. Once both are on screen it says "geometry WHAT X Y W H" for the screen, the till,
its order table (orderTable), its right column (the card) and the workspace, in screen
coordinates, then "compact True|False" (whether the till went compact beside it), then
"placed", and runs until the test ends it. Also run on Qt's offscreen platform with a
screen of a given size (xserver_support.OffscreenScreen).
"""

from __future__ import annotations

import datetime as dt
import sys

from window_on_x import run, say, till_window

MORNING = dt.datetime(2026, 11, 23, 10, 10)


def main(store_file: str) -> int:
    from PySide6.QtCore import QPoint, QRect, QTimer
    from PySide6.QtWidgets import QWidget

    from pos_prompter import app as till_app
    from pos_prompter.store.auth import StaffStore

    qapp, store, window = till_window(store_file, MORNING)

    def on_screen(widget: QWidget) -> QRect:
        return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())

    def geometry(what: str, r: QRect) -> None:
        say("geometry", what, r.x(), r.y(), r.width(), r.height())

    def report(workspace: QWidget) -> None:
        screen = window.screen()
        geometry("screen", screen.geometry())
        geometry("till", window.frameGeometry())
        geometry("order", on_screen(window.order_table))
        geometry("card", on_screen(window.prompt_panel.parentWidget()))
        geometry("workspace", workspace.frameGeometry())
        say("compact", window.compact)
        say("placed")

    # Once the X server has mapped both windows (they are exposed: painted), say where.
    window.workspace_opened.connect(lambda workspace: QTimer.singleShot(
        100, lambda: report(workspace)))
    till_app.start_window(window)
    manager = StaffStore(store).sign_in("manager", "demo-manager-pass")
    window.open_workspace(manager, demo_password=False)
    return run(qapp, store)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
