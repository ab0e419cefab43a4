"""The part every table of ours shares: a flat list of rows under fixed column headers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """A table over a Python list: one row per item, `headers` as its columns, rows that
    can be selected but not edited and have no children. Subclasses give `table_rows()`;
    `numeric_columns` are right-aligned (`alignment`), and `header_role` answers header
    roles other than the text."""

    headers: Sequence[str] = ()
    numeric_columns: frozenset[int] = frozenset()

    def table_rows(self) -> Sequence[Any]:
        raise NotImplementedError

    def item_at(self, index: Index) -> Any:
        """The item shown at `index`, or None for an index outside the table."""
        rows = self.table_rows()
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        return rows[index.row()]

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.table_rows())

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return self.header_role(section, role)

    def header_role(self, section: int, role: int) -> Any:
        """A column header's value for `role` (not its text); None by default."""
        return None

    def alignment(self, column: int) -> int:
        """Numbers right, text left, both centred vertically."""
        horizontal = (Qt.AlignmentFlag.AlignRight if column in self.numeric_columns
                      else Qt.AlignmentFlag.AlignLeft)
        return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
