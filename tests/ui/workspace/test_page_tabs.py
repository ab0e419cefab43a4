"""The workspace's tabs: a wide page scrolls in a narrow window instead of widening it, and
the tabs still speak of the pages themselves (widget, indexOf, currentWidget)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from pos_prompter.ui.workspace.page_tabs import PageTabs


def wide_page(width: int) -> QWidget:
    page = QWidget()
    page.setMinimumWidth(width)
    return page


def test_a_wide_page_scrolls_sideways_in_a_narrow_window(qtbot: QtBot) -> None:
    tabs = PageTabs()
    qtbot.addWidget(tabs)
    narrow, wide = QWidget(), wide_page(700)
    tabs.addTab(narrow, "Narrow")
    tabs.add_page(wide, "Wide")
    assert tabs.minimumSizeHint().width() < 400, "the wide page does not widen the tabs"

    tabs.resize(400, 300)
    tabs.show()
    tabs.setCurrentWidget(wide)
    qtbot.waitUntil(wide.isVisible)
    QApplication.processEvents()
    area = wide.parentWidget().parentWidget()  # the viewport's scroll area
    assert isinstance(area, QScrollArea)
    assert wide.width() >= 700, "the page keeps its width"
    assert area.horizontalScrollBar().maximum() > 0, "and scrolls to it"

    tabs.resize(900, 300)
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() == 0)
    assert wide.width() >= area.viewport().width(), "wide enough: the page fills its tab"


def test_the_tabs_speak_of_the_pages_not_their_scroll_areas(qtbot: QtBot) -> None:
    tabs = PageTabs()
    qtbot.addWidget(tabs)
    first, second = QWidget(), wide_page(500)
    tabs.addTab(first, "First")
    at = tabs.add_page(second, "Second")
    assert at == 1
    assert tabs.widget(1) is second
    assert tabs.widget(0) is first
    assert tabs.indexOf(second) == 1
    assert tabs.indexOf(first) == 0
    tabs.setCurrentWidget(second)
    assert tabs.currentIndex() == 1
    assert tabs.currentWidget() is second
    tabs.setCurrentWidget(first)
    assert tabs.currentWidget() is first
