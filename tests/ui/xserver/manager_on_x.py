"""The till and the manager's workspace on a real X server, for the xdotool tests of issue
13, points 1 and 2 (run as a script, in a process of its own).

    python manager_on_x.py STORE_FILE

The store's demo clerk sells at a fixed Monday morning; the manager's workspace opens
beside the till (as after a sign-in) with the rule "casual-socks" in the editor. Lines the
test waits on (stdout): "window", "workspace", "ready NAME" (the widget named NAME has the
keyboard), "shown RULE" (raised), "seen RULE" (its card was on screen: logged as shown),
"lines N", "message LEVEL TEXT", "geometry WHAT X Y W H" (till, card, workspace),
"state ...". Commands (stdin, one a line): "focus NAME", "cover" (the workspace over the
whole till, as a manager may drag it), "beside" (back where it opened), "state".
"""

from __future__ import annotations

import datetime as dt
import sys

from window_on_x import run, say, till_window

MORNING = dt.datetime(2026, 11, 23, 10, 10)


def main(store_file: str) -> int:
    from PySide6.QtCore import QPoint, QRect, QSocketNotifier, QTimer
    from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget

    from pos_prompter import app as till_app
    from pos_prompter.store.auth import StaffStore

    qapp, store, window = till_window(store_file, MORNING)
    seen = getattr(window, "prompt_seen", None)  # (absent before issue 13, point 2)
    if seen is not None:
        seen.seen.connect(lambda rule: say("seen", rule))
    window.message_shown.connect(lambda level, text: say("message", level, text))
    places: dict[str, QRect] = {}

    def rect(widget: QWidget) -> QRect:
        return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())

    def geometry(what: str, r: QRect) -> None:
        say("geometry", what, r.x(), r.y(), r.width(), r.height())

    def opened(workspace: QWidget) -> None:
        workspace.rule_list.select_rule("casual-socks")  # type: ignore[attr-defined]
        places["beside"] = workspace.geometry()
        QTimer.singleShot(200, lambda: (
            geometry("till", window.frameGeometry()),
            geometry("card", rect(window.prompt_panel.parentWidget())),
            geometry("workspace", workspace.frameGeometry()), say("workspace")))

    window.workspace_opened.connect(opened)

    def focus_moved(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.objectName():
            say("ready", new.objectName())

    qapp.focusChanged.connect(focus_moved)

    def command(line: str) -> None:
        word, _, arg = line.strip().partition(" ")
        workspace = window.workspace
        if word == "focus" and workspace is not None:
            field = workspace.findChild(QWidget, arg)
            field.window().activateWindow()
            field.setFocus()
        elif word == "cover" and workspace is not None:
            workspace.setGeometry(window.geometry())
            workspace.raise_()
        elif word == "beside" and workspace is not None:
            workspace.setGeometry(places["beside"])
        elif word == "state" and workspace is not None:
            order = workspace.findChild(QListWidget, "previewOrder")
            say("state", "preview", *(order.item(i).text().split("  ")[0]
                                      for i in range(order.count())))
            say("state", "offer", *workspace.editor.add_edit.values())
            for name in ("previewScan", "offerAddPicker", "scannedCategoryPicker"):
                say("state", "text", name, repr(workspace.findChild(QLineEdit, name).text()))
            say("state", "skus", *(line.sku for line in window.till.lines))
            say("state", "done")

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def read() -> None:
        line = sys.stdin.readline()
        if not line:
            notifier.setEnabled(False)
            return
        command(line)

    notifier.activated.connect(read)
    till_app.start_window(window)
    manager = StaffStore(store).sign_in("manager", "demo-manager-pass")
    window.open_workspace(manager, demo_password=False)
    return run(qapp, store)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
