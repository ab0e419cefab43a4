"""What the workspace's list-and-editor pages (Catalog, Staff) share (ui.workspace.page_table):
rows replaced at once and found by their key, a read-only table where one whole row at a
time is chosen. The pages on top: test_catalog_page.py, test_staff_page.py."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_prompter.ui.workspace.page_table import (
    KeyedListModel,
    select_key,
    selected_row,
    single_row_table,
)

STAFF = [("ana", "Ana", "clerk"), ("bo", "Bo", "manager"), ("cy", "Cy", "clerk")]


class People(KeyedListModel):
    headers = ("Name", "Role")

    def row_key(self, row: Any) -> Hashable:
        return row[0]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item_at(index)
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return row[index.column() + 1]


def test_rows_are_replaced_at_once_and_found_by_key(qtmodeltester: ModelTester) -> None:
    model = People()
    assert model.rowCount() == 0
    given = list(STAFF)
    model.set_rows(given)
    given.clear()  # the model keeps its own list
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.row_of("cy") == 2
    assert model.row_of("dee") is None
    model.set_rows(STAFF[1:])
    qtmodeltester.check(model)
    assert model.row_of("cy") == 1
    assert model.index(0, 0).data() == "Bo"


def test_the_table_chooses_one_whole_row_and_edits_nothing(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    model = People(page)
    model.set_rows(STAFF)
    table = single_row_table("staffTable", model, page)
    assert table.objectName() == "staffTable"
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.verticalHeader().isHidden()
    assert selected_row(table, model) is None
    select_key(table, model, "bo")
    assert selected_row(table, model) == ("bo", "Bo", "manager")
    table.selectionModel().select(
        model.index(2, 1), table.selectionModel().SelectionFlag.ClearAndSelect
        | table.selectionModel().SelectionFlag.Rows)
    assert len(table.selectionModel().selectedRows()) == 1, "whole rows, one at a time"
    assert selected_row(table, model) == ("cy", "Cy", "clerk")
    select_key(table, model, "nobody")  # a row gone meanwhile: the choice stays
    assert selected_row(table, model) == ("cy", "Cy", "clerk")


def test_a_row_clicked_is_the_row_chosen(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    model = People(page)
    model.set_rows(STAFF)
    table = single_row_table("staffTable", model, page)
    table.resize(400, 200)
    with qtbot.waitExposed(page):
        page.show()
    cell = table.visualRect(model.index(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert selected_row(table, model) == ("bo", "Bo", "manager")
    cell = table.visualRect(model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, pos=cell)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [0]
