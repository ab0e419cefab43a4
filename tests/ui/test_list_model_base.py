"""The base of every table of ours (ui.list_model.ListTableModel): a list shown under fixed
headers, rows selectable but not editable, numbers right-aligned. Checked with pytest-qt's
model tester on a small table of its own; the tables built on it have their own tests
(test_order_table_model.py, workspace/rules/test_list_model.py, ...)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_prompter.ui.list_model import ListTableModel

Role = Qt.ItemDataRole
ROWS = [("Latte", 350), ("Cookie", 225), ("Tea", 250)]


class Products(ListTableModel):
    headers = ("Name", "Price")
    numeric_columns = frozenset({1})

    def __init__(self, rows: list[tuple[str, int]]) -> None:
        super().__init__()
        self.rows = rows

    def table_rows(self) -> Sequence[tuple[str, int]]:
        return self.rows

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None:
            return None
        if role == Role.DisplayRole:
            return str(item[index.column()])
        if role == Role.TextAlignmentRole:
            return self.alignment(index.column())
        return None

    def header_role(self, section: int, role: int) -> Any:
        return "in cents" if section == 1 and role == Role.ToolTipRole else None

    def replace(self, rows: list[tuple[str, int]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


def test_the_table_passes_qts_model_checks_as_its_rows_change(
        qtmodeltester: ModelTester) -> None:
    model = Products(list(ROWS))
    qtmodeltester.check(model)
    model.replace([])
    qtmodeltester.check(model)
    model.replace(list(ROWS[:1]))
    qtmodeltester.check(model)


def test_one_row_per_item_under_the_headers_and_no_children() -> None:
    model = Products(list(ROWS))
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    first = model.index(0, 0)
    assert (model.rowCount(first), model.columnCount(first)) == (0, 0)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == [
        "Name", "Price"]
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(1, Qt.Orientation.Horizontal, Role.ToolTipRole) == "in cents"
    assert model.headerData(0, Qt.Orientation.Horizontal, Role.ToolTipRole) is None


def test_item_at_gives_the_row_shown_or_none_outside_the_table() -> None:
    model = Products(list(ROWS))
    assert model.item_at(model.index(2, 1)) == ("Tea", 250)
    assert model.item_at(QPersistentModelIndex(model.index(1, 0))) == ("Cookie", 225)
    assert model.item_at(QModelIndex()) is None
    model.rows = ROWS[:1]  # the list shrank under a kept index: no IndexError
    assert model.item_at(model.createIndex(2, 0)) is None


def test_rows_can_be_selected_but_not_edited() -> None:
    model = Products(list(ROWS))
    flags = model.flags(model.index(0, 0))
    assert flags & Qt.ItemFlag.ItemIsSelectable
    assert flags & Qt.ItemFlag.ItemIsEnabled
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert flags & Qt.ItemFlag.ItemNeverHasChildren
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


@pytest.mark.parametrize(("column", "horizontal"), [
    (0, Qt.AlignmentFlag.AlignLeft), (1, Qt.AlignmentFlag.AlignRight)])
def test_numbers_are_right_aligned_and_text_left(column: int,
                                                horizontal: Qt.AlignmentFlag) -> None:
    model = Products(list(ROWS))
    shown = model.data(model.index(0, column), Role.TextAlignmentRole)
    assert shown == int(horizontal | Qt.AlignmentFlag.AlignVCenter)


def test_a_view_shows_the_rows_and_selects_whole_ones(qtbot: QtBot) -> None:
    model = Products(list(ROWS))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.selectRow(1)
    chosen = {model.item_at(i) for i in view.selectionModel().selectedIndexes()}
    assert chosen == {("Cookie", 225)}
    assert view.model().index(2, 0).data() == "Tea"
