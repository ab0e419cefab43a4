"""Issue 13, point 7: in the order table the Item column was narrow ("House Blend Beans 8 oz"
wrapped) while the Note column cut off. Names fit, notes elide on one line, and a tap on the
line says the whole note. Real window, real store file, the cafe demo's catalog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from tillwin_helpers import COCOA_TALL, LATTE_TALL, child, label_text, press, scan

from pos_prompter.ui.order_model import ITEM, NOTE
from pos_prompter.ui.till_window import TillWindow

MakeWindow = Callable[..., TillWindow]

BEANS = "2100000000234"
"""House Blend Beans 8 oz, the name the issue saw wrap."""


def table(window: TillWindow) -> QTableView:
    return child(window, QTableView, "orderTable")


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("width", [1024, 1280])
def test_the_item_column_fits_the_longest_product_name(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        width: int) -> None:
    window = make_till_window(cafe_store_path)
    window.resize(width, 700)
    settle()
    view = table(window)
    metrics = view.fontMetrics()
    names = [p.name for p in window.till.catalog if p.active]
    longest = max(names, key=metrics.horizontalAdvance)
    assert longest == "Copper Kettle Travel Mug"
    header = view.horizontalHeader()
    assert header.sectionSize(ITEM) >= metrics.horizontalAdvance(longest) + 12
    assert header.sectionSize(NOTE) >= 90, "Note keeps room for a word or two"
    assert not view.wordWrap()


def test_names_fit_on_one_line_and_the_columns_stay_as_items_are_rung_up(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    view = table(window)
    settle()
    before = [view.horizontalHeader().sectionSize(c) for c in (ITEM, NOTE)]
    scan(qtbot, window, BEANS)
    while window.till.prompt is not None:
        press(qtbot, window, Qt.Key.Key_F10)
    settle()
    model = view.model()
    row = next(r for r in range(model.rowCount())
               if model.index(r, ITEM).data() == "House Blend Beans 8 oz")
    rect = view.visualRect(model.index(row, ITEM))
    assert rect.width() >= view.fontMetrics().horizontalAdvance("House Blend Beans 8 oz") + 12
    assert [view.horizontalHeader().sectionSize(c) for c in (ITEM, NOTE)] == before


def test_a_long_note_elides_and_a_tap_on_its_line_says_it_whole(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, COCOA_TALL)
    press(qtbot, window, Qt.Key.Key_F10)  # declined: the note names the rule
    scan(qtbot, window, LATTE_TALL)
    press(qtbot, window, Qt.Key.Key_F9)  # upsized: "upsized from Latte Tall"
    settle()
    view = table(window)
    model = view.model()
    note = model.index(1, NOTE).data()
    assert note == "upsized from Latte Tall"
    cell = view.visualRect(model.index(1, NOTE))
    note_font = model.index(1, NOTE).data(Qt.ItemDataRole.FontRole)
    assert QFontMetrics(note_font).horizontalAdvance(note) > cell.width(), "longer than its cell"
    assert not view.wordWrap(), "so it is one line..."
    assert view.textElideMode() == Qt.TextElideMode.ElideRight, "...ending in an ellipsis"

    with qtbot.waitSignal(window.message_shown) as shown:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert shown.args == ["info", "Latte Grande: upsized from Latte Tall"]
    assert label_text(window, "statusMessage") == "Latte Grande: upsized from Latte Tall"
    assert window.scan_input.hasFocus()

    first = view.visualRect(model.index(0, ITEM))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    declined = model.index(0, NOTE).data()
    assert declined.startswith("declined: ")
    assert label_text(window, "statusMessage") == f"Hot Chocolate Tall: {declined}"
