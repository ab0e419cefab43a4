"""What the workspace's list-and-editor pages (Catalog, Staff) share: a table model over a
list of rows found by a key, and a read-only table where one row at a time is selected."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from pos_prompter.ui.list_model import ListTableModel


class KeyedListModel(ListTableModel):
    """A `ListTableModel` whose rows are replaced all at once (`set_rows`) and found by the
    key `row_key` gives each (`row_of`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def row_key(self, row: Any) -> Hashable:
        raise NotImplementedError

    def table_rows(self) -> Sequence[Any]:
        return self._rows

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, key: Hashable) -> int | None:
        """The number of the row whose key is `key`, or None when no row has it."""
        return next((i for i, r in enumerate(self._rows) if self.row_key(r) == key), None)


def single_row_table(name: str, model: KeyedListModel, parent: QWidget) -> QTableView:
    """A table named `name` over `model`: whole rows, one at a time, not editable, no row
    numbers."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def selected_row(table: QTableView, model: KeyedListModel) -> Any:
    """The row selected in `table`, or None."""
    rows = table.selectionModel().selectedRows()
    return model.item_at(rows[0]) if rows else None


def select_key(table: QTableView, model: KeyedListModel, key: Hashable) -> None:
    """Select the row whose key is `key`, if the table shows one."""
    at = model.row_of(key)
    if at is not None:
        table.selectRow(at)
