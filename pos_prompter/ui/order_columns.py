"""The order table's columns: product names fit, notes elide, a tap shows the whole note.

Item and Note used to share what the figures left, half each: "House Blend Beans 8 oz" wrapped
to a second line while a short note had room to spare, and a long note was cut off. Now the
Item column is as wide as the longest name in the catalog (measured once per catalog, not per
scan, so the columns never shift as items are rung up), never leaving Note less than
`NOTE_MIN`; Note takes the rest, on one line, ending in an ellipsis when it is longer. A tap
on a line with a note says the whole note in statusMessage (a touch screen has no hover for
the tooltip).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from pos_prompter.core.catalog import LONGEST_NAMES, Catalog
from pos_prompter.ui.order_model import AMOUNT, ITEM, LINE_ROLE, NOTE, PRICE, QTY, OrderTableModel

ITEM_MIN = 140
"""The Item column is never narrower, however short the names."""
NOTE_MIN = 90
"""What the Item column always leaves to Note ("suggested", "reward" whole)."""
CELL_PADDING = 20
"""A cell's own margins and the focus frame around its text."""
CANDIDATES = LONGEST_NAMES
"""Names measured per catalog: the longest by characters (a chain's 100,000 products are
not all measured, nor built: Catalog.longest_names; a name of many narrow letters is among
them, measured right)."""


def widest_name(names: Iterable[str], font: QFont) -> int:
    """Pixels the widest of `names` takes in `font` (of the `CANDIDATES` longest names)."""
    metrics = QFontMetrics(font)
    longest = heapq.nlargest(CANDIDATES, names, key=len)
    return max((metrics.horizontalAdvance(name) for name in longest), default=0)


class OrderColumns(QObject):
    """Sizes `table`'s Item column to the catalog's names and lets Note take the rest.

    Signals:
        note_tapped(str): a line with a note was tapped: "<name>: <the whole note>".
    """

    note_tapped = Signal(str)

    def __init__(self, table: QTableView, viewport: QWidget,
                 parent: QObject | None = None) -> None:
        """`viewport` is `table`'s, as set by viewports.own_viewport (asking the table for
        Qt's own makes every QtWidgets type at start)."""
        super().__init__(parent)
        self.table = table
        self.viewport = viewport
        self._catalog: Catalog | None = None
        self._widest = 0
        table.setWordWrap(False)  # a note is one line, elided; a name fits
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._figures_resized)
        viewport.installEventFilter(self)
        table.clicked.connect(self._tapped)

    @property
    def item_width(self) -> int:
        return self.table.horizontalHeader().sectionSize(ITEM)

    def show_catalog(self, catalog: Catalog) -> None:
        """The names to fit are `catalog`'s (measured again only for a new catalog)."""
        if catalog is self._catalog:
            return
        self._catalog = catalog
        self.table.ensurePolished()  # the style sheet's font size
        self._widest = widest_name(catalog.longest_names(CANDIDATES), self.table.font())
        self.fit()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        figures = sum(header.sectionSize(column) for column in (QTY, PRICE, AMOUNT))
        room = self.viewport.width() - figures - NOTE_MIN
        width = max(ITEM_MIN, min(self._widest + CELL_PADDING, room))
        if header.sectionSize(ITEM) != width:
            header.resizeSection(ITEM, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _figures_resized(self, column: int, _old: int, _new: int) -> None:
        if column in (QTY, PRICE, AMOUNT):  # wider amounts: less room for the name
            self.fit()

    def _tapped(self, index: QModelIndex) -> None:
        model = self.table.model()
        if not isinstance(model, OrderTableModel):
            return
        line = index.data(LINE_ROLE)
        note = model.note(line) if line is not None else ""
        if note:
            self.note_tapped.emit(f"{line.name}: {note}")
