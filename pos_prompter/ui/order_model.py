"""The current order's lines as a Qt table: a thin adapter over core `OrderLine` values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from pos_prompter.core.order import OrderLine
from pos_prompter.i18n import QT_TRANSLATE_NOOP, translate
from pos_prompter.ui.list_model import ListTableModel

ITEM, QTY, PRICE, AMOUNT, NOTE = range(5)
HEADERS = (QT_TRANSLATE_NOOP("order", "Item"), QT_TRANSLATE_NOOP("order", "Qty"),
           QT_TRANSLATE_NOOP("order", "Price"),
           QT_TRANSLATE_NOOP("order", "Amount"), QT_TRANSLATE_NOOP("order", "Note"))
"""The columns' titles in English (translated where shown)."""
NUMERIC_COLUMNS = frozenset({QTY, PRICE, AMOUNT})

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() with this role returns the row's `OrderLine`."""

PROMPT_LINE_BACKGROUND = QColor("#fff4d6")
"""The line the prompt on screen is about."""
NOTE_COLOR = QColor("#5f6b7a")
DARK_PROMPT_LINE_BACKGROUND = QColor("#3d3217")
DARK_NOTE_COLOR = QColor("#aab6c3")
"""The same in the dark theme (style.py)."""
NOTE_PIXEL_SIZE = 13

Index = QModelIndex | QPersistentModelIndex



def solid_brush(color: QColor) -> QBrush:
    """QBrush(color), made without its constructor's overloads: telling them apart makes
    QGradient's, QImage's and QPixmap's Python types (and their enum types), ~3 ms of the
    till's cold start (issue 14.2)."""
    brush = QBrush()
    brush.setColor(color)
    brush.setStyle(Qt.BrushStyle.SolidPattern)
    return brush

class OrderTableModel(ListTableModel):
    """Order lines as rows: Item, Qty, Price, Amount and a Note on where the line came from.

    The model only maps lines to columns and roles. `money` formats cents (the till's
    `Till.money`), `product_name` turns a SKU into a name and `rule_title` a rule id into
    its title, for the notes. `set_lines` reports the smallest change it can to the views.
    """

    headers: Sequence[str] = HEADERS
    numeric_columns = NUMERIC_COLUMNS

    def __init__(self, money: Callable[[int], str], *,
                 product_name: Callable[[str], str] = str,
                 rule_title: Callable[[str], str] = str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(translate("order", text) for text in HEADERS)
        self._money = money
        self._product_name = product_name
        self._rule_title = rule_title
        self._lines: list[OrderLine] = []
        self._prompt_line: int | None = None
        # data() runs dozens of times per row per frame: its fonts and brushes are made once.
        self._amount_font = QFont()
        self._amount_font.setBold(True)
        self._note_font = QFont()
        self._note_font.setPixelSize(NOTE_PIXEL_SIZE)
        self._note_brush = solid_brush(NOTE_COLOR)
        self._prompt_brush = solid_brush(PROMPT_LINE_BACKGROUND)

    def set_dark(self, dark: bool) -> None:
        """The prompt line's and the notes' colours for a dark (or light) theme."""
        self._note_brush = solid_brush(DARK_NOTE_COLOR if dark else NOTE_COLOR)
        self._prompt_brush = solid_brush(DARK_PROMPT_LINE_BACKGROUND if dark
                                         else PROMPT_LINE_BACKGROUND)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.BackgroundRole,
                                   Qt.ItemDataRole.ForegroundRole])

    # ------------------------------------------------------------------ updating

    @property
    def lines(self) -> list[OrderLine]:
        return list(self._lines)

    def set_lines(self, lines: Sequence[OrderLine]) -> None:
        """Show `lines`: rows appended are inserted, rows changed in place are reported as
        changed, anything else (a line removed) resets the model."""
        new = list(lines)
        old = self._lines
        if new == old:
            return
        if len(new) >= len(old):
            changed = [row for row in range(len(old)) if old[row] != new[row]]
            if changed:
                self._lines[:len(old)] = new[:len(old)]
                self.dataChanged.emit(self.index(changed[0], 0),
                                      self.index(changed[-1], len(HEADERS) - 1))
            if len(new) > len(old):
                self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
                self._lines = new
                self.endInsertRows()
            return
        self.beginResetModel()
        self._lines = new
        self.endResetModel()

    def set_prompt_line(self, line_no: int | None) -> None:
        """Highlight the line (by `OrderLine.no`) that the prompt on screen is about."""
        if line_no == self._prompt_line:
            return
        rows = [self.row_of(no) for no in (self._prompt_line, line_no)]
        self._prompt_line = line_no
        for row in rows:
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1),
                                      [Qt.ItemDataRole.BackgroundRole])

    def row_of(self, line_no: int | None) -> int | None:
        for row, line in enumerate(self._lines):
            if line.no == line_no:
                return row
        return None

    # ------------------------------------------------------------------ Qt model API

    def table_rows(self) -> Sequence[Any]:
        return self._lines

    def header_role(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.item_at(index)
        if line is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._prompt_brush if line.no == self._prompt_line else None
        if role == Qt.ItemDataRole.FontRole and column in (AMOUNT, NOTE):
            return self._amount_font if column == AMOUNT else self._note_font
        if role == Qt.ItemDataRole.ForegroundRole and column == NOTE:
            return self._note_brush
        if role == LINE_ROLE:
            return line
        return None

    # ------------------------------------------------------------------ cells

    def _text(self, line: OrderLine, column: int) -> str:
        if column == ITEM:
            return line.name
        if column == QTY:
            return str(line.qty)
        if column == PRICE:
            return self._money(line.unit_price)
        if column == AMOUNT:
            return self._money(line.amount)
        return self.note(line)

    def note(self, line: OrderLine) -> str:
        """Where the line came from, in a few words: "upsized from Latte Tall"..."""
        parts: list[str] = []
        if line.origin == "upsell" and line.replaced_sku:
            parts.append(translate("order", "upsized from {name}")
                         .format(name=self._product_name(line.replaced_sku)))
        elif line.origin == "cross_sell":
            parts.append(translate("order", "suggested"))
        elif line.origin == "bundle":
            parts.append(translate("order", "bundle") if line.list_price is None
                         else translate("order", "bundle: list {price}")
                         .format(price=self._money(line.list_price)))
        elif line.origin == "reward":
            parts.append(translate("order", "reward"))
        if line.declined:
            titles = ", ".join(self._rule_title(rule_id) for rule_id in line.declined)
            parts.append(translate("order", "declined: {titles}").format(titles=titles))
        return "; ".join(parts)
