"""The rule list's Qt model and filter proxy.

`RuleTableModel` is a thin adapter over the listing's `RuleRow`s (core `Rule` values with
the store's `RuleResults` and an uplift cell, one a row). Sorting is done by the model
itself with Python sort keys (numbers for the numeric columns), because a proxy sorting
20,000 rows asks Python for every comparison; `RuleFilterProxy` filters by text, kind,
active, category and product, hands header clicks to the model and keeps its order.

Results and uplifts change in place (`update_results`, `update_uplifts`: `dataChanged`,
and a layout change only when the list is sorted by a figure that moved a row), so
selection, sort, filter and scroll position stay.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from pos_prompter.core.money import format_money
from pos_prompter.i18n import QT_TRANSLATE_NOOP, translate
from pos_prompter.store.rule_store import RuleResults
from pos_prompter.ui.list_model import ListTableModel
from pos_prompter.ui.workspace.rules.listing import Money, RuleRow
from pos_prompter.ui.workspace.rules.uplift import HEADER_TIP, UpliftCell, cell_tooltip

ID, KIND, TRIGGER, OFFER, PRIORITY, ACTIVE, SHOWN, RATE, REVENUE, UPLIFT = range(10)
HEADERS = (QT_TRANSLATE_NOOP("rules", "Rule"), QT_TRANSLATE_NOOP("rules", "Kind"),
           QT_TRANSLATE_NOOP("rules", "Trigger"), QT_TRANSLATE_NOOP("rules", "Offer"),
           QT_TRANSLATE_NOOP("rules", "Priority"), QT_TRANSLATE_NOOP("rules", "Active"),
           QT_TRANSLATE_NOOP("rules", "Shown"), QT_TRANSLATE_NOOP("rules", "Rate"),
           QT_TRANSLATE_NOOP("rules", "Revenue"), QT_TRANSLATE_NOOP("rules", "Uplift"))
"""Short, so that a list a third of a 1280-pixel window wide has room for the uplift
(each header's tooltip says it in full). In English: the model shows them translated."""
HEADER_TIPS = {RATE: QT_TRANSLATE_NOOP("rules", "Acceptance rate: accepted of shown"),
               REVENUE: QT_TRANSLATE_NOOP("rules", "Revenue added: what accepted prompts "
                                          "added to orders"),
               UPLIFT: HEADER_TIP}
NUMERIC_COLUMNS = frozenset({PRIORITY, SHOWN, RATE, REVENUE, UPLIFT})
RESULT_COLUMNS = frozenset({SHOWN, RATE, REVENUE})
UPLIFT_COLUMNS = frozenset({UPLIFT})

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() with this role returns the row's `RuleRow`."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""data() with this role returns the value the column sorts by (a number for the numeric
columns, lower-case text for the others)."""
RULE_ID_ROLE = Qt.ItemDataRole.UserRole + 3
"""data() with this role returns the row's rule id, whatever the column shows."""
SHORT_TEXT_ROLE = Qt.ItemDataRole.UserRole + 4
"""data() with this role returns what a narrow column shows instead of the display text
(the Uplift column: "+$6.10" for "+$6.10 / order"); None where it is the same."""

KIND_TEXT = {"upsell": QT_TRANSLATE_NOOP("rules", "upsell"),
             "cross_sell": QT_TRANSLATE_NOOP("rules", "cross-sell"),
             "bundle": QT_TRANSLATE_NOOP("rules", "bundle"),
             "threshold": QT_TRANSLATE_NOOP("rules", "threshold")}
"""A rule kind's word in English (`kind_text` says it in the current language)."""


def kind_text(kind: str) -> str:
    """A rule kind's word, translated (an unknown kind as it is)."""
    word = KIND_TEXT.get(kind)
    return translate("rules", word) if word is not None else kind
INACTIVE_COLOR = QColor("#8a94a3")

Index = QModelIndex | QPersistentModelIndex


def runs(rows: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of neighbours."""
    first = last = -2
    for row in sorted(rows):
        if row != last + 1:
            if first >= 0:
                yield first, last
            first = row
        last = row
    if first >= 0:
        yield first, last


def sort_key(row: RuleRow, column: int, codes: bool = False) -> tuple[Any, str]:
    """What `column` sorts by: as shown, by names or (`codes`) by codes."""
    rule, results = row.rule, row.results
    value: Any
    if column == PRIORITY:
        value = rule.priority
    elif column == ACTIVE:
        value = int(rule.active)
    elif column == SHOWN:
        value = results.shown
    elif column == RATE:
        rate = results.acceptance_rate
        value = -1.0 if rate is None else rate
    elif column == REVENUE:
        value = results.revenue
    elif column == UPLIFT:
        value = row.uplift.sort_value
    elif column == KIND:
        value = rule.kind
    elif column == TRIGGER:
        value = (row.trigger if codes else row.trigger_names).lower()
    elif column == OFFER:
        value = (row.offer if codes else row.offer_names).lower()
    else:
        value = rule.id if codes else rule.title.lower()
    return value, rule.id



class RuleTableModel(ListTableModel):
    """Rules as rows: id, kind, trigger, offer, priority, active (a check box), and results
    so far: shown, acceptance rate, revenue added.

    The model writes nothing: ticking the Active box asks for the change with
    `active_change_requested`, and whoever saves it puts the saved rule back with
    `put_row`.

    Signals:
        active_change_requested(str, bool): the Active box of a rule was ticked or
            cleared: its id and the state asked for.
    """

    headers: Sequence[str] = HEADERS
    numeric_columns = NUMERIC_COLUMNS

    active_change_requested = Signal(str, bool)

    def __init__(self, money: Money = format_money, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(translate("rules", text) for text in HEADERS)
        self._money = money
        self._rows: list[RuleRow] = []
        self._row_of: dict[str, int] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.show_codes = False
        """Rule ids, SKUs, category and tag slugs instead of titles and names."""

    # ------------------------------------------------------------------ updating

    def set_show_codes(self, on: bool) -> None:
        """Show codes (rule ids, SKUs) or names (titles, product and category names)."""
        if on == self.show_codes:
            return
        self.show_codes = on
        if self._sort is not None:
            self.sort(*self._sort)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(HEADERS) - 1))

    @property
    def rows(self) -> list[RuleRow]:
        return list(self._rows)

    def set_money(self, money: Money) -> None:
        self._money = money

    def set_rows(self, rows: Sequence[RuleRow]) -> None:
        """Show `rows` instead of what was there (in the current sort order)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._order_rows()
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {row.rule.id: i for i, row in enumerate(self._rows)}

    def row_of(self, rule_id: str) -> int | None:
        return self._row_of.get(rule_id)

    def row_at(self, row: int) -> RuleRow:
        return self._rows[row]

    def put_row(self, row: RuleRow) -> None:
        """A rule saved: change its row in place, or add it at the end."""
        at = self._row_of.get(row.rule.id)
        if at is not None:
            self._rows[at] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(HEADERS) - 1))
            return
        end = len(self._rows)
        self.beginInsertRows(QModelIndex(), end, end)
        self._rows.append(row)
        self._row_of[row.rule.id] = end
        self.endInsertRows()

    def update_results(self, results: Mapping[str, RuleResults]) -> int:
        """New results for some rules (by id; ids not in the list are left out): their
        results cells change in place. Only when the list is sorted by a result and a
        changed row no longer stands in order does it move to its place (a layout change
        that keeps selection and current index). Returns how many rows changed."""
        return self._update("results", results, RESULT_COLUMNS)

    def update_uplifts(self, cells: Mapping[str, UpliftCell]) -> int:
        """New Uplift cells for some rules, in place, as `update_results`."""
        return self._update("uplift", cells, UPLIFT_COLUMNS)

    def _update(self, field: str, values: Mapping[str, Any], columns: frozenset[int]) -> int:
        changed: list[str] = []
        for rule_id, new in values.items():
            at = self._row_of.get(rule_id)
            if at is None or getattr(self._rows[at], field) == new:
                continue
            self._rows[at] = dataclasses.replace(self._rows[at], **{field: new})
            changed.append(rule_id)
        if not changed:
            return 0
        if self._out_of_order((self._row_of[rule_id] for rule_id in changed), columns):
            self._move_into_order(changed)
        for first, last in runs(self._row_of[rule_id] for rule_id in changed):
            self.dataChanged.emit(self.index(first, min(columns)),
                                  self.index(last, max(columns)))
        return len(changed)

    def _move_into_order(self, rule_ids: Sequence[str]) -> None:
        """Put these rows back where the current sort wants them: out of the list, then
        each in at its place by binary search among the others (which stay in order), in
        one layout change that keeps persistent indexes (selection, current index)."""
        assert self._sort is not None
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [(self._rows[i.row()].rule.id, i.column()) for i in before]
        moving = [self._rows.pop(at) for at in sorted(
            (self._row_of[rule_id] for rule_id in rule_ids), reverse=True)]
        for row in moving:
            key = sort_key(row, column, self.show_codes)
            lo, hi = 0, len(self._rows)
            while lo < hi:
                mid = (lo + hi) // 2
                there = sort_key(self._rows[mid], column, self.show_codes)
                if (key < there) if descending else (there < key):
                    lo = mid + 1
                else:
                    hi = mid
            self._rows.insert(lo, row)
        self._reindex()
        self.changePersistentIndexList(
            before, [self.index(self._row_of[rid], col) for rid, col in kept])
        self.layoutChanged.emit()

    def _out_of_order(self, rows: Iterable[int], columns: frozenset[int]) -> bool:
        """Whether a changed row no longer stands between its neighbours in the current
        sort (only a sort by one of the changed `columns` can be upset)."""
        if self._sort is None or self._sort[0] not in columns:
            return False
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        for at in rows:
            key = sort_key(self._rows[at], column, self.show_codes)
            if at > 0:
                before = sort_key(self._rows[at - 1], column, self.show_codes)
                if (before < key) if descending else (key < before):
                    return True
            if at + 1 < len(self._rows):
                after = sort_key(self._rows[at + 1], column, self.show_codes)
                if (key < after) if descending else (after < key):
                    return True
        return False

    def remove_rule(self, rule_id: str) -> bool:
        at = self._row_of.get(rule_id)
        if at is None:
            return False
        self.beginRemoveRows(QModelIndex(), at, at)
        del self._rows[at]
        self._reindex()
        self.endRemoveRows()
        return True

    # ------------------------------------------------------------------ Qt model API

    def table_rows(self) -> Sequence[Any]:
        return self._rows

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == ACTIVE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def header_role(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("rules", HEADER_TIPS.get(section, HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == ACTIVE:
            return (Qt.CheckState.Checked if row.rule.active else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.rule.active:
            return QBrush(INACTIVE_COLOR)
        if role == SORT_ROLE:
            return sort_key(row, column, self.show_codes)[0]
        if role == ROW_ROLE:
            return row
        if role == RULE_ID_ROLE:
            return row.rule.id
        if role == SHORT_TEXT_ROLE and column == UPLIFT:
            return row.uplift.short
        return None

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or index.column() != ACTIVE or not 0 <= index.row() < len(self._rows)):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        want = state == Qt.CheckState.Checked
        rule_id = self._rows[index.row()].rule.id
        if self._rows[index.row()].rule.active == want:
            return True
        self.active_change_requested.emit(rule_id, want)
        at = self._row_of.get(rule_id)
        return at is not None and self._rows[at].rule.active == want

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by `column` (numbers for the numeric columns; ties by rule id);
        column -1 goes back to rule id order."""
        self._sort = None if column < 0 else (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [(self._rows[i.row()].rule.id, i.column()) for i in before]
        self._order_rows()
        self._reindex()
        self.changePersistentIndexList(
            before, [self.index(self._row_of[rid], col) for rid, col in kept])
        self.layoutChanged.emit()

    def _order_rows(self) -> None:
        if self._sort is None:
            self._rows.sort(key=lambda r: r.rule.id)
            return
        column, order = self._sort
        self._rows.sort(key=lambda r: sort_key(r, column, self.show_codes),
                        reverse=order == Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------------ cells

    def _text(self, row: RuleRow, column: int) -> str:
        rule, results = row.rule, row.results
        codes = self.show_codes
        if column == ID:
            return rule.id if codes or not rule.title else rule.title
        if column == KIND:
            return kind_text(rule.kind)
        if column == TRIGGER:
            return row.trigger if codes else row.trigger_names
        if column == OFFER:
            return row.offer if codes else row.offer_names
        if column == PRIORITY:
            return str(rule.priority)
        if column == ACTIVE:
            return translate("rules", "yes") if rule.active else translate("rules", "no")
        if column == SHOWN:
            return str(results.shown)
        if column == RATE:
            rate = results.acceptance_rate
            return "\N{EM DASH}" if rate is None else f"{rate:.0%}"
        if column == UPLIFT:
            return row.uplift.text
        return self._money(results.revenue)

    def _tooltip(self, row: RuleRow, column: int) -> str:
        rule, r = row.rule, row.results
        if column == ID:  # the uplift too: its column is the first to go in a narrow list
            named = (rule.title + "\n" + translate("rules", "Rule code: {code}").format(
                code=rule.id) if not self.show_codes else rule.title)
            return named if not row.uplift.text else named + "\n" + translate(
                "rules", "Uplift: {uplift}").format(uplift=cell_tooltip(row.uplift))
        if column in (TRIGGER, OFFER) and not self.show_codes:  # codes on demand
            codes = row.trigger if column == TRIGGER else row.offer
            return self._text(row, column) + "\n" + translate("rules", "Codes: {codes}").format(
                codes=codes)
        if column in RESULT_COLUMNS:
            return translate("rules", "shown {shown}, accepted {accepted}, declined "
                             "{declined}, ignored {ignored}; held out {held_out}; revenue "
                             "added {revenue}").format(
                shown=r.shown, accepted=r.accepted, declined=r.declined, ignored=r.ignored,
                held_out=r.held_out, revenue=self._money(r.revenue))
        if column == UPLIFT:
            return cell_tooltip(row.uplift)
        return self._text(row, column)


# ---------------------------------------------------------------------- the proxy


class RuleFilterProxy(QSortFilterProxyModel):
    """The rules a manager is looking for: text (in id, title, say and SKUs), kind, active
    or not, category, product (a SKU the rule names). Sorting is passed on to the source
    model (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._kind: str | None = None
        self._active: bool | None = None
        self._category: str | None = None
        self._sku: str | None = None
        self._filtering = False
        """Any filter set: without one, every row is in (asked 20,000 times after each
        sort, so it answers at once)."""
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def _change(self, apply: Callable[[], None]) -> None:
        def change() -> None:
            apply()
            self._filtering = bool(self._text) or any(
                value is not None for value in (self._kind, self._active, self._category,
                                                self._sku))

        begin = getattr(self, "beginFilterChange", None)  # Qt >= 6.9
        end = getattr(self, "endFilterChange", None)      # Qt >= 6.10
        if begin is not None and end is not None:
            begin()
            change()
            end(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._change(lambda: setattr(self, "_text", text.strip().lower()))

    def set_kind(self, kind: str | None) -> None:
        self._change(lambda: setattr(self, "_kind", kind or None))

    def set_active(self, active: bool | None) -> None:
        self._change(lambda: setattr(self, "_active", active))

    def set_category(self, category: str | None) -> None:
        self._change(lambda: setattr(self, "_category", category or None))

    def set_sku(self, sku: str | None) -> None:
        self._change(lambda: setattr(self, "_sku", (sku or "").strip().upper() or None))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._filtering:
            return True
        source = self.sourceModel()
        if not isinstance(source, RuleTableModel) or source_parent.isValid():
            return True
        row = source.row_at(source_row)
        rule = row.rule
        if self._kind is not None and rule.kind != self._kind:
            return False
        if self._active is not None and rule.active != self._active:
            return False
        if self._category is not None and self._category not in row.categories:
            return False
        if self._sku is not None and self._sku not in {s.upper() for s in row.skus}:
            return False
        return not self._text or row.matches_text(self._text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


