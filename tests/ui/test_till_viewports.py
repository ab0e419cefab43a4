"""Issue 14.2: the order table's and the prompt text's viewports are made in Python
(ui/viewports.py), so the till's start never asks Qt for its own (which makes every QtWidgets
type). They must be what Qt's own would be, and still scroll by finger. Real window, real
store file (the cafe demo)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QScroller, QTableView, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.viewports import own_viewport

MakeWindow = Callable[..., TillWindow]


def described(viewport: QWidget) -> dict[str, object]:
    """What a viewport's look and behaviour depend on."""
    return {
        "attributes": [a.name for a in Qt.WidgetAttribute if viewport.testAttribute(a)],
        "name": viewport.objectName(),
        "background": viewport.backgroundRole(),
        "foreground": viewport.foregroundRole(),
        "fills": viewport.autoFillBackground(),
        "colour": viewport.palette().color(viewport.backgroundRole()).name(),
        "mouse tracking": viewport.hasMouseTracking(),
        "focus": (viewport.focusPolicy(), viewport.focusProxy() is viewport.parentWidget()),
        "drops": viewport.acceptDrops(),
        "cursor": viewport.cursor().shape(),
        "font": viewport.font().toString(),
        "geometry": viewport.geometry(),
        "visible": viewport.isVisible(),
    }


def shown(qtbot: QtBot, area: QAbstractScrollArea) -> QAbstractScrollArea:
    if isinstance(area, QScrollArea):
        area.setWidget(QWidget())
    qtbot.addWidget(area)
    area.resize(300, 200)
    with qtbot.waitExposed(area):
        area.show()
    return area


@pytest.mark.parametrize(("kind", "background"), [
    (QTableView, QPalette.ColorRole.Base), (QScrollArea, None)])
def test_a_viewport_made_here_is_what_qt_makes(
        qtbot: QtBot, kind: type[QAbstractScrollArea],
        background: QPalette.ColorRole | None) -> None:
    theirs = shown(qtbot, kind())
    area = kind()
    ours = own_viewport(area, background)
    shown(qtbot, area)

    assert area.viewport() is ours
    assert described(ours) == described(theirs.viewport())


def test_the_order_and_the_prompt_text_scroll_by_finger_in_their_own_viewports(
        make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    table = child(window, QTableView, "orderTable")
    text = window.prompt_panel.text_area

    assert window.order_columns.viewport is table.viewport()  # its resizes fit the columns
    for area in (table, text):
        viewport = area.viewport()
        assert viewport.objectName() == "qt_scrollarea_viewport"
        assert QScroller.hasScroller(viewport), area.objectName()
    assert not text.viewport().autoFillBackground()  # the card's colour shows through
    assert text.widget().parentWidget() is text.viewport()
