"""How the rule list's columns share its width.

Columns are sized from the font, not from the contents (a results update never re-measures
20,000 rows); trigger and offer share what is left and are elided, with the full text in
their tooltips. The rule's name takes what is left up to its usual width, and gives way
down to a few words (elided, whole in its tooltip) before the uplift does: at the default
1280x800 window, where the list is some 413 px wide, a manager sees each rule's uplift
beside it, in a compact cell ("+$6.10"; the header's tooltip says "per order"). When the
list is too narrow for everything, the optional columns are hidden in the opposite order
of OPTIONAL_COLUMNS until it is wide enough again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QTimer, Slot
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from pos_prompter.core.money import Cents
from pos_prompter.i18n import translate
from pos_prompter.ui.workspace.rules.list_model import (
    ACTIVE,
    HEADERS,
    ID,
    KIND,
    KIND_TEXT,
    OFFER,
    PRIORITY,
    RATE,
    REVENUE,
    SHORT_TEXT_ROLE,
    SHOWN,
    TRIGGER,
    UPLIFT,
)

STRETCH_COLUMNS = (TRIGGER, OFFER)
"""Share the width the other columns leave, elided (full text in the tooltip)."""
OPTIONAL_COLUMNS = (UPLIFT, REVENUE, ACTIVE, KIND, PRIORITY)
"""Shown only while trigger and offer keep their minimum width beside them, in this order
as the list grows (an inactive rule stays greyed out, and the toggle button names its
state, while the Active column is hidden; shown and acceptance rate always show). The
uplift, the honest figure, comes first while a rule has one, else last (an empty column
never takes revenue's place); its sentence is also in the Rule column's tooltip."""

ID_SAMPLE = "chai-cocoa-size-up"
"""The Rule column is this wide when there is room (longer names are elided)."""
ID_MIN_SAMPLE = "Size up"
"""The Rule column gives way down to this width before an optional column goes."""
TEXT_MIN_SAMPLE = "breakfast, tea"
"""Trigger and offer keep at least this much width before the optional columns show."""

Index = QModelIndex | QPersistentModelIndex


class ShortTextDelegate(QStyledItemDelegate):
    """Paints a cell's `SHORT_TEXT_ROLE` text where the model gives one (the Uplift
    column's "+$6.10" for "+$6.10 / order"): the header's tooltip says "per order", the
    cell's tooltip says it all."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        short = index.data(SHORT_TEXT_ROLE)
        if isinstance(short, str):
            option.text = short


class RuleColumns(QObject):
    """Sizes `table`'s columns and hides the optional ones it has no room for, on each
    change of its width (the next pass of the event loop: `refit`). `money` formats the
    samples of the money columns; `has_uplifts` says whether any rule has an uplift."""

    def __init__(self, table: QTableView, money: Callable[[Cents], str],
                 has_uplifts: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self._money = money
        self._has_uplifts = has_uplifts
        self._widths: dict[int, int] = {}
        """The width each sized column is given (also while it is hidden)."""
        self._sized_for: str | None = None
        self._id_by_hand = False
        """The manager set the Rule column's width: the fit leaves it."""
        self._fitting = False
        table.setItemDelegateForColumn(UPLIFT, ShortTextDelegate(table))
        header = table.horizontalHeader()
        # Widths come from the font (see size_for), never from the contents: measuring
        # 20,000 rows again on every results update would cost more than the update.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in STRETCH_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        fm = table.fontMetrics()
        padding = self.cell_padding()
        self._text_min = fm.horizontalAdvance(TEXT_MIN_SAMPLE) + padding
        self._id_width = fm.horizontalAdvance(ID_SAMPLE) + padding
        self._id_min = fm.horizontalAdvance(ID_MIN_SAMPLE) + padding
        header.resizeSection(ID, self._id_width)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit)
        header.sectionResized.connect(self._on_section_resized)
        table.horizontalScrollBar().rangeChanged.connect(self._fit_timer.start)

    @Slot()
    def refit(self, *_args: object) -> None:
        """Fit the columns again on the next pass of the event loop."""
        self._fit_timer.start()

    def cell_padding(self) -> int:
        """What a cell or header section adds around its text (margins, frame)."""
        style = self.table.style()
        return 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
                    + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin))

    def size_for(self, currency: str) -> None:
        """Give the short columns the width of their header or their widest likely value
        (in this `currency`), whichever is wider."""
        if self._sized_for == currency:
            return
        self._sized_for = currency
        money = self._money
        fm = self.table.horizontalHeader().fontMetrics()
        style = self.table.style()
        box = (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
               + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing))
        samples = {SHOWN: ["99999"], RATE: ["100%"], REVENUE: [money(999_999)],
                   UPLIFT: [f"+{money(9_999)}",  # ShortTextDelegate's
                            translate("rules", "{n} more").format(n=60)],
                   KIND: [translate("rules", word) for word in KIND_TEXT.values()],
                   PRIORITY: ["-100"],
                   ACTIVE: [translate("rules", "yes"), translate("rules", "no")]}
        header = self.table.horizontalHeader()
        for column, values in samples.items():
            value = max(fm.horizontalAdvance(text) for text in values)
            if column == ACTIVE:
                value += box  # the check box beside yes/no
            title = translate("rules", HEADERS[column])
            width = max(fm.horizontalAdvance(title), value) + self.cell_padding()
            self._widths[column] = width
            header.resizeSection(column, width)
        self._fit_timer.start()

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == ID and not self._fitting and self.table.isVisible():
            self._id_by_hand = True  # dragged: the fit no longer sizes it
        if column in STRETCH_COLUMNS or column == ID:
            self._fit_timer.start()

    @Slot()
    def fit(self) -> None:
        """Show the optional columns only while trigger and offer keep their minimum width
        beside them, the Rule column giving way first (down to a few words); the list
        never needs a horizontal scroll bar for them. What is left goes to the Rule column,
        up to its usual width."""
        header = self.table.horizontalHeader()
        fixed = (*STRETCH_COLUMNS, ID, *OPTIONAL_COLUMNS)
        room = self.table.viewport().width() - len(STRETCH_COLUMNS) * self._text_min
        room -= sum(header.sectionSize(c) for c in range(len(HEADERS))
                    if c not in fixed and not header.isSectionHidden(c))
        room -= header.sectionSize(ID) if self._id_by_hand else self._id_min
        show = True
        order = OPTIONAL_COLUMNS if self._has_uplifts() else (*OPTIONAL_COLUMNS[1:], UPLIFT)
        self._fitting = True
        try:
            for column in order:  # none after one that does not fit
                width = self._widths.get(column, header.defaultSectionSize())
                show = show and room >= width
                if show:
                    room -= width
                if header.isSectionHidden(column) == show:
                    header.setSectionHidden(column, not show)
                    if show:
                        header.resizeSection(column, width)
            if not self._id_by_hand:
                width = self._id_min + max(0, min(room, self._id_width - self._id_min))
                if header.sectionSize(ID) != width:
                    header.resizeSection(ID, width)
        finally:
            self._fitting = False
