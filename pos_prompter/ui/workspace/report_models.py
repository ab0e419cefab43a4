"""The tables of the workspace's Results page (report_view.py): one table model per part of
the report (by rule, clerk, hour, day; the true uplift; the leaderboard), each sortable by
any column, money written in the store's currency ("$6.10").

The rows are the report's own values (pos_prompter.core.results, read by
pos_prompter.store.reports.load_report): nothing here computes a figure, it only writes
them for people and sorts them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from pos_prompter.core.money import format_money
from pos_prompter.core.results import LeaderboardEntry, Row
from pos_prompter.core.uplift import Uplift
from pos_prompter.i18n import QT_TRANSLATE_NOOP, formats, plural, say, translate
from pos_prompter.i18n.formats import decimal
from pos_prompter.ui.list_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex
Money = Callable[[int], str]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() with this role returns the value a column sorts by (None sorts last)."""
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
"""data() with this role returns the row's item (a Row, Uplift or LeaderboardEntry)."""

KIND_TEXT = {"upsell": QT_TRANSLATE_NOOP("report", "upsell"),
             "cross_sell": QT_TRANSLATE_NOOP("report", "cross-sell"),
             "bundle": QT_TRANSLATE_NOOP("report", "bundle"),
             "threshold": QT_TRANSLATE_NOOP("report", "threshold")}
"""A rule kind's word in English (the table says it translated)."""


def N(header: str) -> str:
    """A column title, marked for the catalog (the model shows it translated)."""
    return QT_TRANSLATE_NOOP("report", header)


def kind_text(kind: str | None) -> str:
    word = KIND_TEXT.get(kind or "")
    return translate("report", word) if word is not None else kind or ""


def percent(rate: float | None) -> str:
    """A rate as a percentage with one decimal, with the language's decimal point (12.5% /
    12,5%; rounded as ever, by Python)."""
    if rate is None:
        return "\N{EN DASH}"
    return formats.percent(rate, 1)


def whole_cents(value: Decimal) -> int:
    """A Decimal amount of cents (or of the currency unit times 100) to whole cents."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def hour_text(hour: Any) -> str:
    return f"{hour:02d}:00\N{EN DASH}{hour:02d}:59" if isinstance(hour, int) else str(hour)


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    key: Callable[[Any], Any]
    """The value the column sorts by (numbers as numbers; None sorts last)."""
    numeric: bool = True
    tooltip: Callable[[Any], str] | None = None


class ReportTableModel(ListTableModel):
    """Rows of one report table under `columns`; sortable by any column (`sort`). `key`
    names a row (a rule, a clerk, a day) across two reads of the report: see `set_items`."""

    def __init__(self, name: str, columns: Sequence[Column],
                 parent: QObject | None = None, *,
                 key: Callable[[Any], Hashable] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.key = key
        self.columns = list(columns)
        self.headers = tuple(translate("report", c.header) for c in self.columns)
        self.numeric_columns = frozenset(i for i, c in enumerate(self.columns) if c.numeric)
        self._items: list[Any] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def table_rows(self) -> Sequence[Any]:
        return self._items

    @property
    def items(self) -> list[Any]:
        return list(self._items)

    def set_items(self, items: Sequence[Any]) -> bool:
        """Show `items` (in the order last sorted by, if any). When they are the rows shown
        already, by `key` and in the same order (a report read again after a sale), their
        cells change in place (`dataChanged`), so a view keeps its selection and scroll
        position; otherwise the model is reset. Returns whether it was in place."""
        new = list(items)
        if self._sorted_by is not None:
            new = self._ordered(new, *self._sorted_by)
        key = self.key
        if (key is not None and new and len(new) == len(self._items)
                and all(key(a) == key(b) for a, b in zip(new, self._items, strict=True))):
            self._items = new
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(new) - 1, len(self.columns) - 1))
            return True
        self.beginResetModel()
        self._items = new
        self.endResetModel()
        return False

    def row_of(self, key: Hashable) -> int | None:
        """The row showing the item of `key` (None: not shown, or no `key`)."""
        if self.key is None:
            return None
        return next((row for row, item in enumerate(self._items) if self.key(item) == key),
                    None)

    def text(self, row: int, column: int) -> str:
        return self.columns[column].text(self._items[row])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tooltip or column.text)(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(index.column())
        if role == SORT_ROLE:
            return column.key(item)
        if role == ITEM_ROLE:
            return item
        return None

    def _ordered(self, items: list[Any], column: int, order: Qt.SortOrder) -> list[Any]:
        key = self.columns[column].key
        present = [i for i in items if key(i) is not None]
        absent = [i for i in items if key(i) is None]
        present.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        return present + absent  # no value: last either way

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._items)
        self._items = self._ordered(self._items, column, order)
        self._sorted_by = (column, order)
        where = {id(item): row for row, item in enumerate(self._items)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(where[id(before[i.row()])], i.column()) for i in old])
        self.layoutChanged.emit()


# ---------------------------------------------------------------------- the tables


def _outcome_columns(money: Money) -> list[Column]:
    def margin_text(row: Row) -> str:
        margin = row.outcomes.margin_added
        if margin is None:
            return "\N{EN DASH}"
        text = money(margin)
        if row.outcomes.margin_accepted != row.outcomes.accepted:
            text += " " + translate("report", "({known} of {accepted})").format(
                known=row.outcomes.margin_accepted, accepted=row.outcomes.accepted)
        return text

    def margin_tip(row: Row) -> str:
        if row.outcomes.margin_added is None:
            return translate("report", "Not known: no accepted offer here has costs for "
                             "every product it added (an upsell's margin is never known).")
        return translate("report", "Revenue minus cost of the {known} accepted offers whose "
                         "products all have a cost, of {accepted} accepted.").format(
            known=row.outcomes.margin_accepted, accepted=row.outcomes.accepted)

    return [
        Column(QT_TRANSLATE_NOOP("report", "Shown"),
               lambda r: str(r.outcomes.shown), lambda r: r.outcomes.shown),
        Column(QT_TRANSLATE_NOOP("report", "Accepted"),
               lambda r: str(r.outcomes.accepted), lambda r: r.outcomes.accepted),
        Column(QT_TRANSLATE_NOOP("report", "Declined"),
               lambda r: str(r.outcomes.declined), lambda r: r.outcomes.declined),
        Column(QT_TRANSLATE_NOOP("report", "Ignored"),
               lambda r: str(r.outcomes.ignored), lambda r: r.outcomes.ignored),
        Column(QT_TRANSLATE_NOOP("report", "Acceptance"),
               lambda r: percent(r.outcomes.acceptance_rate),
               lambda r: r.outcomes.acceptance_rate),
        Column(QT_TRANSLATE_NOOP("report", "Revenue added"), lambda r: money(r.outcomes.revenue),
               lambda r: r.outcomes.revenue),
        Column(QT_TRANSLATE_NOOP("report", "Margin added"),
               margin_text, lambda r: r.outcomes.margin_added,
               tooltip=margin_tip),
    ]


def _order_columns(money: Money) -> list[Column]:
    def aov(row: Row) -> Decimal | None:
        return row.orders.average_order_value if row.orders is not None else None

    def aov_text(row: Row) -> str:
        value = aov(row)
        return "\N{EN DASH}" if value is None else money(whole_cents(value * 100))

    return [
        Column(QT_TRANSLATE_NOOP("report", "Orders"),
               lambda r: str(r.orders.orders if r.orders else 0),
               lambda r: r.orders.orders if r.orders else 0),
        Column(QT_TRANSLATE_NOOP("report", "Avg order"), aov_text, aov),
        Column(QT_TRANSLATE_NOOP("report", "Attach rate"),
               lambda r: percent(r.orders.attach_rate if r.orders else None),
               lambda r: r.orders.attach_rate if r.orders else None),
    ]


def row_key(row: Row) -> Hashable:
    """A report row's rule, clerk, hour or day."""
    return row.key


def rule_model(money: Money, parent: QObject | None = None) -> ReportTableModel:
    return ReportTableModel("reportRulesModel", [
        Column(QT_TRANSLATE_NOOP("report", "Rule"),
               lambda r: str(r.key), lambda r: str(r.key), numeric=False),
        Column(QT_TRANSLATE_NOOP("report", "Title"),
               lambda r: r.title or "", lambda r: (r.title or "").lower(),
               numeric=False),
        Column(QT_TRANSLATE_NOOP("report", "Kind"), lambda r: kind_text(r.kind),
               lambda r: r.kind or "", numeric=False),
        *_outcome_columns(money),
        Column(QT_TRANSLATE_NOOP("report", "Held out"),
               lambda r: str(r.outcomes.held_out), lambda r: r.outcomes.held_out),
    ], parent, key=row_key)


def clerk_model(money: Money, parent: QObject | None = None) -> ReportTableModel:
    return ReportTableModel("reportClerksModel", [
        Column(QT_TRANSLATE_NOOP("report", "Clerk"),
               lambda r: translate("report", "(nobody signed in)") if r.key is None
               else str(r.key),
               lambda r: "" if r.key is None else str(r.key).lower(), numeric=False),
        *_outcome_columns(money), *_order_columns(money)], parent, key=row_key)


def hour_model(money: Money, parent: QObject | None = None) -> ReportTableModel:
    return ReportTableModel("reportHoursModel", [
        Column(QT_TRANSLATE_NOOP("report", "Hour"),
               lambda r: hour_text(r.key), lambda r: r.key, numeric=False),
        *_outcome_columns(money), *_order_columns(money)], parent, key=row_key)


def day_model(money: Money, parent: QObject | None = None) -> ReportTableModel:
    return ReportTableModel("reportDaysModel", [
        Column(QT_TRANSLATE_NOOP("report", "Day"),
               lambda r: str(r.key), lambda r: str(r.key), numeric=False),
        *_outcome_columns(money), *_order_columns(money)], parent, key=row_key)


def uplift_sentence(uplift: Uplift) -> str:
    """What `uplift` means, in one sentence in the current language."""
    return say(uplift.sentence())


def more_orders(uplift: Uplift) -> int:
    """Paid orders still needed (both groups together) before the uplift says anything."""
    return sum(uplift.more_needed())


def orders(n: int) -> str:
    """How many orders an uplift's group has ("1 order", "2 orders")."""
    return plural(n, translate("report", "{n} order"), translate("report", "{n} orders"))


def uplift_model(money: Money, parent: QObject | None = None) -> ReportTableModel:
    def cents(value: Decimal) -> str:
        return money(whole_cents(value))

    def mean(sample_of: Callable[[Uplift], Any]) -> Callable[[Uplift], str]:
        return lambda u: cents(sample_of(u).mean()) if u.enough_data else "\N{EN DASH}"

    def verdict(u: Uplift) -> str:
        interval = u.interval
        if interval is None:
            return plural(more_orders(u),
                          translate("report", "not enough data yet: {n} more order"),
                          translate("report", "not enough data yet: {n} more orders"))
        return translate("report", "{amount} ({low} to {high})").format(
            amount=cents(interval.difference), low=cents(interval.low), high=cents(interval.high))

    def verdict_key(u: Uplift) -> Any:
        interval = u.interval
        return float(interval.difference) if interval is not None else None

    return ReportTableModel("reportUpliftModel", [
        Column(QT_TRANSLATE_NOOP("report", "Rule"),
               lambda u: u.rule, lambda u: u.rule, numeric=False),
        Column(QT_TRANSLATE_NOOP("report", "Shown in"),
               lambda u: orders(u.treated.n), lambda u: u.treated.n),
        Column(QT_TRANSLATE_NOOP("report", "Held out of"),
               lambda u: orders(u.holdout.n), lambda u: u.holdout.n),
        Column(QT_TRANSLATE_NOOP("report", "Per order, shown"), mean(lambda u: u.treated),
               lambda u: float(u.treated.mean()) if u.enough_data else None),
        Column(QT_TRANSLATE_NOOP("report", "Per order, held out"), mean(lambda u: u.holdout),
               lambda u: float(u.holdout.mean()) if u.enough_data else None),
        Column(QT_TRANSLATE_NOOP("report", "Uplift per order (95%)"), verdict, verdict_key),
        Column(QT_TRANSLATE_NOOP("report", "What it means"),
               uplift_sentence, lambda u: uplift_sentence(u).lower(),
               numeric=False),
    ], parent, key=lambda u: u.rule)


def leaderboard_model(parent: QObject | None = None) -> ReportTableModel:
    def rate(e: LeaderboardEntry) -> float | None:
        return e.accepted / e.offers if e.offers else None

    def per_order(e: LeaderboardEntry) -> float | None:
        return e.offers / e.orders if e.orders else None

    def per_order_text(value: float | None) -> str:
        return "\N{EN DASH}" if value is None else decimal(value, 2)

    return ReportTableModel("reportLeaderboardModel", [
        Column(QT_TRANSLATE_NOOP("report", "Rank"), lambda e: str(e.rank), lambda e: e.rank),
        Column(QT_TRANSLATE_NOOP("report", "Clerk"),
               lambda e: e.clerk, lambda e: e.clerk.lower(), numeric=False),
        Column(QT_TRANSLATE_NOOP("report", "Orders"), lambda e: str(e.orders), lambda e: e.orders),
        Column(QT_TRANSLATE_NOOP("report", "Offers made"),
               lambda e: str(e.offers), lambda e: e.offers),
        Column(QT_TRANSLATE_NOOP("report", "Accepted"),
               lambda e: str(e.accepted), lambda e: e.accepted),
        Column(QT_TRANSLATE_NOOP("report", "Acceptance"), lambda e: percent(rate(e)), rate),
        Column(QT_TRANSLATE_NOOP("report", "Offers per order"),
               lambda e: per_order_text(per_order(e)), per_order),
    ], parent, key=lambda e: e.clerk)


class MoneyText:
    """Cents as the store's currency text; `currency` is set from each report read (the
    models share one, so a change of currency shows everywhere at the next load)."""

    def __init__(self, currency: str = "USD") -> None:
        self.currency = currency

    def __call__(self, cents: int) -> str:
        return format_money(cents, self.currency)
