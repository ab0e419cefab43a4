"""Issue 13, point 6: a status message that wraps to two or more lines moved Checkout, Pay,
Remove line and Manager by 14-33 px. statusMessage is now two lines tall whatever it says,
and the controls stay where a finger expects them. Real window, real store file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import LATTE_TALL, scan

from pos_prompter.ui.status_line import StatusLine
from pos_prompter.ui.till_window import MAX_MESSAGE, TillWindow

MakeWindow = Callable[..., TillWindow]

CONTROLS = ("scanInput", "signOutButton", "checkoutButton", "payButton", "voidButton",
            "managerButton", "promptAccept", "promptDecline", "customerType")
TWO_LINES = ("Could not scan 2100000000012 (OperationalError: disk I/O error). Nothing was "
             "half-done: the order is as shown.")
LONG = ("Could not take payment (OperationalError: database or disk is full). Nothing was "
        "half-done: the order is as shown. The error is in the log. " * 3)[:MAX_MESSAGE]


def geometry(window: TillWindow) -> dict[str, QRect]:
    """Where each control is in the window, once every pending layout is done."""
    for _ in range(3):
        QApplication.processEvents()
    places: dict[str, QRect] = {}
    for name in CONTROLS:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        places[name] = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return places


@pytest.mark.parametrize("size", [(1024, 700), (800, 560)])
def test_the_controls_stay_put_whatever_the_message(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        size: tuple[int, int]) -> None:
    window = make_till_window(cafe_store_path)
    window.resize(*size)
    scan(qtbot, window, LATTE_TALL)  # a prompt is up: its buttons count too
    window.clear_message()
    before = geometry(window)
    for text, level in (("Added: Latte Tall $4.25", "info"), (TWO_LINES, "error"),
                        (LONG, "error"), ("", "info")):
        window.show_message(text, level)
        assert geometry(window) == before, f"moved by a message of {len(text)} characters"


def test_a_long_message_ends_in_an_ellipsis_and_keeps_its_whole_text(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    window.show_message(LONG, "error")
    label = window.findChild(StatusLine, "statusMessage")
    assert label is not None
    shown = label.shown_lines()
    assert len(shown) == 2
    assert shown[-1].endswith("\N{HORIZONTAL ELLIPSIS}")
    assert label.text() == LONG
    assert label.toolTip() == LONG
    metrics = label.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= label.contentsRect().width()
               for line in shown)

    window.show_message(TWO_LINES, "error")
    assert "".join(label.shown_lines()).replace(" ", "") == TWO_LINES.replace(" ", "")


def test_two_lines_of_the_message_fit_in_its_height(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    label = window.findChild(StatusLine, "statusMessage")
    assert label is not None
    assert label.contentsRect().height() >= 2 * label.fontMetrics().lineSpacing()
    assert not [b.objectName() for b in window.findChildren(QPushButton)
                if b.isVisible() and b.geometry().intersects(label.geometry())
                and b.parent() is label.parent()]


class StyledLine(StatusLine):
    """The status line as it painted before (issue 14.2): its text through the style's
    drawItemText, which the line now does itself without asking for the style."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.drawFrame(painter)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()),
                                  self.palette(), self.isEnabled(),
                                  "\n".join(self.shown_lines()), self.foregroundRole())
        painter.end()


@pytest.mark.parametrize("level", ["info", "error", ""])
@pytest.mark.parametrize("enabled", [True, False])
def test_the_line_paints_its_text_as_the_style_would(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        level: str, enabled: bool) -> None:
    """Two lines made alike beside the till's own (its style sheet, the level's look)."""
    window = make_till_window(cafe_store_path)
    label = window.findChild(StatusLine, "statusMessage")
    assert label is not None
    lines = [kind("statusMessage", label.parentWidget()) for kind in (StatusLine, StyledLine)]
    for line in lines:
        line.setProperty("level", level)
        line.setGeometry(label.geometry())
        line.setText(LONG)
        line.setEnabled(enabled)
        line.show()
    QApplication.processEvents()
    ours, styled = lines

    image = ours.grab().toImage()
    assert not image.isNull()
    assert ours.contentsRect() == styled.contentsRect()
    assert image == styled.grab().toImage()
    styled.setText("")
    assert image != styled.grab().toImage()  # the check sees the text
