"""Issue 13, point 13: the manager's buttons look like buttons. The workspace and the
sign-in box are children of the till window, whose style sheet gives its own buttons their
look from their colours; a plain button under it was bold text with no outline. Looked at
as drawn: the pixels across the button's left edge, from the window's background into it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import child
from workspace_helpers import close_workspace, open_sign_in, sign_in

from pos_prompter.ui.till_window import TillWindow

MakeTill = Callable[..., TillWindow]
CONTRAST = 60
"""Sum of the RGB differences that an eye sees as an edge."""


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def outlined(button: QPushButton) -> bool:
    """Whether the button's edge stands out from what is around it: drawn, along its middle
    row, from 4 px left of it to 6 px inside (before any text, which has 14 px padding)."""
    window: QWidget = button.window()
    at = button.mapTo(window, QPoint(0, button.height() // 2))
    image = window.grab(QRect(at.x() - 4, at.y(), 11, 1)).toImage()
    outside = image.pixelColor(0, 0)
    return any(_distance(outside, image.pixelColor(x, 0)) >= CONTRAST
               for x in range(4, image.width()))


def test_the_workspace_and_sign_in_buttons_have_an_outline(
        qtbot: QtBot, make_till_window: MakeTill, cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, till)
    for name in ("signInButton", "signInCancel"):
        assert outlined(child(dialog, QPushButton, name)), name
    dialog.close()

    workspace = sign_in(qtbot, till)
    workspace.resize(1280, 800)
    qtbot.waitUntil(lambda: workspace.editor.isVisible())
    for name in ("ruleNew", "ruleDuplicate", "publishButton", "closeButton"):
        button = child(workspace, QPushButton, name)
        assert button.isVisible(), name
        assert outlined(button), name
    assert not child(workspace, QPushButton, "closeButton").font().bold()
    close_workspace(qtbot, till)
