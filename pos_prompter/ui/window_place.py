"""Where the manager's windows go: never over the clerk's prompt card.

A manager works at the till's own screen while the clerk sells. Whatever the manager opens
(the sign-in, the first-manager box, the workspace) leaves the till's right column (the
total, the prompt card, Checkout and Pay) in sight:

- the workspace opens on the left of the screen, up to the till's left edge: it covers
  neither the clerk's order nor the card. The till goes to the screen's right edge, at the
  full height. From 1280 px on (SIDE_BY_SIDE_WIDTH) it takes the right half of the
  screen, or WIDE_TILL (800 px) if more, its card beside the order, and the workspace the
  rest (472 px at 1280, its widest pages scrolling: workspace/page_tabs.py). On a smaller
  screen the workspace keeps its narrowest (about 410 px) and the till takes what is left,
  down to its own narrowest (till_screen.MIN_WIDTH, 560 px), where its card stands under
  the order: at 1024 px both are whole on the screen, side by side. On a screen too small
  for that (under about 990 px: 800x600) the till goes compact (till_screen.set_compact:
  about 380 px, the order, total and card one above the other, what the clerk needs less
  while a manager works out of the way) until the workspace closes, and both are whole on
  the screen again, side by side. Only where even that does not fit (under about 800 px)
  does the workspace's left edge go past the screen's: it never lies over the till, so
  neither the order nor the card is ever covered by it (a card covered all the same, by a
  window the manager moved, is not "shown": ui/prompt_seen.py);
- a box (sign-in, first manager) goes left of the right column, level with the till's
  middle, as far left as the screen allows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from pos_prompter.ui.till_screen import TillScreen

SIDE_BY_SIDE_WIDTH = 1280
"""From this screen width on, the till keeps its wide layout (WIDE_TILL, the card beside
the order) beside the workspace (472 px or more); under it, the till narrows for the
workspace."""
WIDE_TILL = 800
"""The till's width beside the workspace from SIDE_BY_SIDE_WIDTH on."""
GAP = 8
"""Room left between a manager's window and the till (or the till's right column)."""


def right_column(till: QWidget, column: QWidget) -> int:
    """How much of the till's width, from its right edge, `column` (its right column) and
    the margin beside it take."""
    return till.width() - column.mapTo(till, QPoint(0, 0)).x()


def _area(till: QWidget) -> QRect:
    screen = till.screen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def place_workspace(till: TillScreen, workspace: QWidget,
                    fit: Callable[[int], None] | None = None) -> None:
    """Put the till at the screen's right edge, at the full height, as wide as half the
    screen or its minimum width if more (never wider than the screen), and `workspace` on
    the left, ending where the till begins: the clerk's order and the till's right column
    (the card) stay in sight. Where the narrow till and the workspace's narrowest do not
    both fit, the till goes compact until `workspace` closes (then it is as it was). A
    workspace whose narrowest is wider than the room left still starts left of the
    screen's edge (its left part hidden), never over the till. `fit(width)` lays the
    workspace out for that width first (its narrowest depends on its layout: the rule
    list beside the editor, or above it)."""
    area = _area(till)
    frame = till.frameGeometry().size() - till.size()  # a window manager's title and edges
    framed = workspace if workspace.isVisible() else till  # not yet framed: framed as the
    edges = framed.frameGeometry().size() - framed.size()  # till is, by the same window manager
    if area.width() >= SIDE_BY_SIDE_WIDTH:
        width = max(area.width() // 2, WIDE_TILL, till.minimumWidth())
    else:  # the workspace at its narrowest, the till the rest (down to its narrowest)
        beside = area.width() - frame.width() - GAP - edges.width()
        if fit is not None:
            fit(beside - till.minimumWidth())
        narrowest = max(workspace.minimumSizeHint().width(), workspace.minimumWidth())
        if beside - narrowest < till.minimumWidth():  # no room for both: a compact till
            _compact_until_closed(till, workspace)
            if fit is not None:
                fit(beside - till.minimumWidth())
            narrowest = max(workspace.minimumSizeHint().width(), workspace.minimumWidth())
        width = max(till.minimumWidth(), beside - narrowest)
    width = min(width, area.width() - frame.width())
    till.setGeometry(area.x() + area.width() - width - frame.width() + _left_edge(till),
                     area.y() + _top_edge(till), width, area.height() - frame.height())
    right = till.frameGeometry().x() - GAP  # clear of the till: its order and its card
    room = right - area.x() - edges.width()
    if fit is not None:
        fit(room)
    wide = max(room, workspace.minimumSizeHint().width(), workspace.minimumWidth())
    workspace.setGeometry(area.x() + room - wide + _left_edge(framed),
                          area.y() + _top_edge(framed), wide,
                          area.height() - edges.height())


def _compact_until_closed(till: TillScreen, workspace: QWidget) -> None:
    """Make `till` compact; when `workspace` closes, put it back as it was (its layout,
    place and size)."""
    if till.compact:
        return
    before = till.geometry()
    till.set_compact(True)

    def back() -> None:
        till.set_compact(False)
        till.setGeometry(before)

    closed = getattr(workspace, "closed", None)  # WorkspaceWindow's: it was closed
    if closed is not None:
        closed.connect(back)


def _left_edge(window: QWidget) -> int:
    """The width of `window`'s frame left of its contents (0 before it is shown)."""
    return window.geometry().x() - window.frameGeometry().x()


def _top_edge(window: QWidget) -> int:
    """The height of `window`'s frame above its contents (its title bar)."""
    return window.geometry().y() - window.frameGeometry().y()


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
