"""Where the manager's windows go: never over the clerk's prompt card.

A manager works at the till's own screen while the clerk sells. Whatever the manager opens
(the sign-in, the first-manager box, the workspace) leaves the till's right column (the
total, the prompt card, Checkout and Pay) in sight:

- the workspace opens on the left of the screen, up to the till's right column; the till
  goes to the screen's right edge (on a screen 1280 px wide or more it takes the right
  half, or its minimum width if more). Where the workspace needs more room than that (it
  needs about 830 px), its left edge goes past the screen's. On a screen under about 1640 px
  (the till's 800 and the workspace's 830) it lies over the till's order list, never over
  the card (a card that is covered
  all the same, by a window the manager moved, is not "shown": ui/prompt_seen.py);
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
MIN_ROOM = 320
"""The narrowest the workspace is made (on a screen too small for it and the card)."""


def right_column(till: QWidget, column: QWidget) -> int:
    """How much of the till's width, from its right edge, `column` (its right column) and
    the margin beside it take."""
    return till.width() - column.mapTo(till, QPoint(0, 0)).x()


def _area(till: QWidget) -> QRect:
    screen = till.screen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def place_workspace(till: QWidget, column: QWidget, workspace: QWidget) -> None:
    """Put the till at the screen's right edge (SIDE_BY_SIDE_WIDTH and up: the right half,
    or the till's minimum width if more) and `workspace` on the left, ending where the
    till's right column begins. A workspace that needs more room than that starts left of
    the screen's edge (its left part hidden) rather than lie over the card."""
    area = _area(till)
    keep = right_column(till, column)
    width = till.width()
    if area.width() >= SIDE_BY_SIDE_WIDTH:
        width = max(area.width() // 2, till.minimumWidth())
        till.setGeometry(area.x() + area.width() - width, area.y(), width, area.height())
    elif width <= area.width():
        till.move(area.x() + area.width() - till.frameGeometry().width(), till.y())
    right = till.geometry().x() + till.width() - keep - GAP
    room = max(right - area.x(), MIN_ROOM)
    wide = max(room, workspace.minimumSizeHint().width(), workspace.minimumWidth())
    workspace.setGeometry(area.x() + room - wide, area.y(), wide, area.height())


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
