"""Where the manager's windows go: never over the clerk's prompt card.

A manager works at the till's own screen while the clerk sells. Whatever the manager opens
(the sign-in, the first-manager box, the workspace) leaves the till's right column (the
total, the prompt card, Checkout and Pay) in sight:

- the workspace, on a screen 1280 px wide or more, opens beside the till: the till takes
  the right half (or its minimum width, if more), the workspace the left part of the screen
  that is left. On a narrower screen it opens left of the till's right column, over the
  order list only (the card stays in sight; what is behind it is not "shown", see
  ui/prompt_seen.py);
- a box (sign-in, first manager) goes left of the right column, level with the till's
  middle, as far left as the screen allows.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget

SIDE_BY_SIDE_WIDTH = 1280
"""From this screen width on, the workspace and the till stand side by side."""
GAP = 8
"""Room left between a manager's window and the till's right column."""


def right_column(till: QWidget, column: QWidget) -> int:
    """How much of the till's width, from its right edge, `column` (its right column) and
    the margin beside it take."""
    return till.width() - column.mapTo(till, QPoint(0, 0)).x()


def _area(till: QWidget) -> QRect:
    screen = till.screen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def place_workspace(till: QWidget, column: QWidget, workspace: QWidget) -> None:
    """Put the till and `workspace` side by side (SIDE_BY_SIDE_WIDTH and up), or the
    workspace left of the till's right column."""
    area = _area(till)
    keep = right_column(till, column)
    if area.width() >= SIDE_BY_SIDE_WIDTH:
        width = max(area.width() // 2, till.minimumWidth())
        till.setGeometry(area.x() + area.width() - width, area.y(), width, area.height())
    column_left = till.geometry().x() + till.width() - keep
    room = max(column_left - GAP - area.x(), 0)
    width = max(min(room, area.width()), workspace.minimumWidth())
    workspace.setGeometry(area.x(), area.y(), width, area.height())


def place_box(till: QWidget, column: QWidget, box: QWidget) -> None:
    """Put `box` left of the till's right column, level with the till's middle."""
    area = _area(till)
    size = box.sizeHint().expandedTo(box.minimumSize())
    box.resize(size)
    column_left = till.geometry().x() + till.width() - right_column(till, column)
    x = max(area.x(), column_left - GAP - size.width())
    y = till.geometry().y() + max((till.height() - size.height()) // 2, 0)
    box.move(x, min(y, area.y() + max(area.height() - size.height(), 0)))


def show_box(till: QWidget, box: QWidget) -> None:
    """Show a manager's box beside the till's prompt card (`till.prompt_panel`'s column),
    not modal: the clerk can still tap and key the till while the manager types."""
    column = till.prompt_panel.parentWidget()  # type: ignore[attr-defined]
    place_box(till, column, box)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    box.raise_()
    box.activateWindow()
