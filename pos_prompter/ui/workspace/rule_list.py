"""The workspace's rule list: every rule with what it has done so far, searchable and
filterable, with activate/deactivate, duplicate and delete.

`RuleTableModel` is a thin adapter over core `Rule` values and the store's `RuleResults`
(one `RuleRow` a row); `RuleFilterProxy` filters it by text, kind, active, category and
product. Sorting is done by the model itself with Python sort keys (numbers for the
numeric columns), because a proxy sorting 20,000 rows asks Python for every comparison;
the proxy hands header clicks to the model and keeps its order. `RuleListView` is the
widget: the filters, the table and the buttons, writing to the store as the signed-in
manager.

Reloading (on F5, and when another process publishes) reads the store in a worker thread on
a connection of its own (`reload_in_background`, with `load_list`, which builds everything
that is plain data: rules, results, catalog, the rows): the UI thread only swaps the rows in
(one model reset), and the window keeps painting meanwhile. A load takes over from the last
one the catalog and the rows of the rules that did not change, so a publish of a few rules
neither parses 20,000 rules again nor leaves the collector 400,000 new objects (collecting
them would stop the UI thread too). Loads never overlap; asked again meanwhile, one more
runs after; a load that read the store before a change made here is not shown.

Results are live: on every commit to the store (`StoreWatcher.written`) the view reads the
prompt outcomes logged since it last looked, one grouped query over the new events only
(`store.sales_log.results_since`: the log is append-only), adds them to what it had, and
updates those rows' results cells in place (`dataChanged`; a layout change only when the
list is sorted by a result that moved them), so selection, sort, filter and scroll
position stay.

Columns are sized from the font, not from the contents (a results update never re-measures
20,000 rows); trigger and offer share what is left and are elided, with the full text in
their tooltips. When the list is too narrow for everything, priority, kind and active are
hidden until it is wide enough again (they come back in the opposite order as it grows).
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.errors import UserError
from pos_prompter.core.lint import lint
from pos_prompter.core.money import Cents, format_money
from pos_prompter.core.rule_words import offer_words, trigger_words
from pos_prompter.core.rules import KINDS, RULE_ID_RE, Rule, RuleId, Settings, parse_rule
from pos_prompter.store import Store
from pos_prompter.store.rule_listing import catalog_stamp, rule_text, rule_texts
from pos_prompter.store.sales_log import add_results, last_event_id, results_since
from pos_prompter.store.store import RuleResults
from pos_prompter.ui.jobs import StoreJob, Unowned, deliver_to
from pos_prompter.ui.list_model import ListTableModel
from pos_prompter.ui.widgets import dialog_button, plain_label
from pos_prompter.ui.workspace.rule_uplift import (
    HEADER_TIP,
    NO_HOLDOUT,
    UpliftCell,
    prepare_uplifts,
    read_uplifts,
)

ID, KIND, TRIGGER, OFFER, PRIORITY, ACTIVE, SHOWN, RATE, REVENUE, UPLIFT = range(10)
HEADERS = ("Rule", "Kind", "Trigger", "Offer", "Priority", "Active", "Shown", "Accepted",
           "Revenue", "Uplift")
NUMERIC_COLUMNS = frozenset({PRIORITY, SHOWN, RATE, REVENUE, UPLIFT})
RESULT_COLUMNS = frozenset({SHOWN, RATE, REVENUE})
UPLIFT_COLUMNS = frozenset({UPLIFT})
STRETCH_COLUMNS = (TRIGGER, OFFER)
"""Share the width the other columns leave, elided (full text in the tooltip)."""
OPTIONAL_COLUMNS = (UPLIFT, REVENUE, ACTIVE, KIND, PRIORITY)
"""Shown only while trigger and offer keep their minimum width beside them, in this order
as the list grows (an inactive rule stays greyed out, and the toggle button names its
state, while the Active column is hidden; shown and acceptance rate always show). The
uplift, the honest figure, comes first while a rule has one, else last (an empty column
never takes revenue's place); its sentence is also in the Rule column's tooltip."""

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() with this role returns the row's `RuleRow`."""
RULE_ID_ROLE = Qt.ItemDataRole.UserRole + 3
"""data() with this role returns the row's rule id, whatever the column shows."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""data() with this role returns the value the column sorts by (a number for the numeric
columns, lower-case text for the others)."""

KIND_TEXT = {"upsell": "upsell", "cross_sell": "cross-sell", "bundle": "bundle",
             "threshold": "threshold"}
INACTIVE_COLOR = QColor("#8a94a3")
NO_RESULTS = RuleResults(0, 0, 0, 0, 0, 0)
ID_MAX = 64
ID_SAMPLE = "chai-cocoa-size-up"
"""The Rule column starts wide enough for an id this long (longer ones are elided)."""
TEXT_MIN_SAMPLE = "breakfast, tea"
"""Trigger and offer keep at least this much width before the optional columns show."""

Index = QModelIndex | QPersistentModelIndex
Money = Callable[[Cents], str]

UPLIFT_AFTER_SALE_MS = 5000
"""After a commit, the uplifts are read again this much later (the commits meanwhile ride
along): a statistic of hundreds of orders need not move with each sale, and at a chain's
2,000 rules with a holdout a read takes ~0.1-0.2 s in the worker, during which the UI
thread (the till's too) waits for the GIL now and then: its largest gap goes from ~9 to
~22 ms (p50), 42 ms at p99 (bench/bench_rule_list_uplift.py)."""

logger = logging.getLogger(__name__)

_LOADS = Unowned()
"""Background loads whose thread has not finished (a list deleted meanwhile must not take
a running thread with it)."""
atexit.register(_LOADS.wait)  # a script that never quits the app (a bench): Python's exit
# would destroy a running QThread, which aborts the process


# ---------------------------------------------------------------------- results


def _runs(rows: Iterable[int]) -> Iterator[tuple[int, int]]:
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


# ---------------------------------------------------------------------- rows


def rule_skus(rule: Rule) -> list[str]:
    """Every SKU a rule names: what triggers it, what the order must (not) hold, the offer."""
    skus: list[str] = []
    if rule.scanned is not None:
        skus.extend(sorted(rule.scanned.skus))
    if rule.order is not None:
        skus.extend(ref.value for ref in (*rule.order.has, *rule.order.lacks)
                    if ref.kind == "sku")
    skus.extend(rule.offered_skus())
    return list(dict.fromkeys(skus))


def rule_categories(rule: Rule, catalog: Catalog) -> frozenset[str]:
    """The categories a rule is about: those it names, and those of the products it names."""
    found: set[str] = set()
    if rule.scanned is not None:
        found.update(rule.scanned.categories)
    if rule.order is not None:
        found.update(ref.value for ref in (*rule.order.has, *rule.order.lacks)
                     if ref.kind == "category")
    for sku in rule_skus(rule):
        product = catalog.get(sku)
        if product is not None and product.category:
            found.add(product.category)
    return frozenset(found)


def trigger_text(rule: Rule) -> str:
    """What sets a rule off, in a few words for a narrow column: categories by name, tags
    with a '#', SKUs as they are ('coffee, #hot, LATTE-T'), or 'checkout'."""
    if rule.event == "checkout":
        return "checkout"
    scanned = rule.scanned
    if scanned is None:
        return "any item"
    parts = [*sorted(scanned.categories), *(f"#{t}" for t in sorted(scanned.tags)),
             *sorted(scanned.skus)]
    return ", ".join(parts) or "any item"


def offer_text(rule: Rule, money: Money = format_money) -> str:
    """What a rule offers, in a few words for a narrow column."""
    o = rule.offer
    if rule.kind == "upsell":
        return f"\N{RIGHTWARDS ARROW} {o.upgrade_to}" if o.upgrade_to else "next size"
    if rule.kind == "cross_sell":
        return "+ " + " or ".join(o.add)
    if rule.kind == "bundle":
        return " + ".join(o.bundle_with) + f" for {money(o.bundle_price or 0)}"
    reward = f"{o.reward} at {money(o.reward_price or 0)}"
    return f"{reward} from {money(o.order_total or 0)}"


@dataclass(frozen=True, slots=True)
class RuleRow:
    """One row of the rule list: the rule, its results so far, and what it names (for the
    filters)."""

    rule: Rule
    results: RuleResults
    skus: frozenset[str]
    categories: frozenset[str]
    trigger: str
    offer: str
    uplift: UpliftCell = NO_HOLDOUT
    trigger_names: str = ""
    """What sets it off, by names (core.rule_words); `trigger` is the same in codes."""
    offer_names: str = ""

    @classmethod
    def make(cls, rule: Rule, results: RuleResults | None, catalog: Catalog,
             money: Money = format_money, uplift: UpliftCell = NO_HOLDOUT) -> RuleRow:
        return cls(rule=rule, results=results or NO_RESULTS,
                   skus=frozenset(rule_skus(rule)), categories=rule_categories(rule, catalog),
                   trigger=trigger_text(rule), offer=offer_text(rule, money), uplift=uplift,
                   trigger_names=trigger_words(rule, catalog),
                   offer_names=offer_words(rule, catalog, money))

    def matches_text(self, needle: str) -> bool:
        """`needle` (lower case) in the id, title, say, a SKU or a name the rule names."""
        rule = self.rule
        return (needle in rule.id or needle in rule.title.lower() or needle in rule.say.lower()
                or any(needle in sku.lower() for sku in self.skus)
                or needle in self.trigger_names.lower() or needle in self.offer_names.lower())


def _sort_key(row: RuleRow, column: int, codes: bool = False) -> tuple[Any, str]:
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


@dataclass(frozen=True, slots=True)
class ListData:
    """What the rule list shows, read from one snapshot of the store and built from it:
    plain data without Qt, so a worker thread can make it (`load_list`). Nothing in it
    is changed once made (the next load may share its parts)."""

    rows: list[RuleRow]
    """In rule id order."""
    bodies: dict[str, str]
    """Each rule's stored text, by id: what its row was built from."""
    results: dict[str, RuleResults]
    """Every rule's results (deleted rules' too), up to prompt event `last_event`."""
    last_event: int
    catalog: Catalog
    catalog_stamp: tuple[int, int]
    """`catalog_stamp` when the catalog was read."""
    categories: list[str]
    """For the category filter, sorted: the products' and those the rules name."""
    skus: list[str]
    """Every SKU, sorted, for the product filter's completer."""
    currency: str
    revision: int
    """The store's publish revision the snapshot saw."""
    settings: Settings
    """The store's settings (`currency` is theirs)."""
    rules: list[Rule]
    """Every rule, in id order (those of `rows`): with `catalog` and `settings`, what the
    editor needs of the store (`RuleEditor.set_context`)."""
    uplifts: dict[str, UpliftCell] = dataclasses.field(default_factory=dict)
    """The Uplift cells of the rules that have one (`read_uplifts`)."""


def load_list(store: Store, previous: ListData | None = None) -> ListData:
    """Read rules, results, catalog and settings as one snapshot and build the rows: the
    whole of a reload but for showing it.

    Given the `previous` load, what did not change is taken over from it rather than
    built again: the catalog while `catalog_stamp` stays, and (with that catalog and the
    same currency) the row of every rule whose stored text is the same. A publish of a
    few rules so reads 20,000 rule texts but parses only those, and leaves the collector
    almost nothing new to scan (at chain size a full load makes some 400,000 objects, and
    collecting them stops every thread for 0.1-0.8 s).

    It also reads every rule's true uplift, the report's own (store.reports.current_uplifts),
    into the Uplift cells; a first load makes sure the report tables add up first (on a
    store upgraded with history, they are built then)."""
    conn = store.db.conn
    if previous is None:
        prepare_uplifts(conn)
    with store.snapshot():
        stored = rule_texts(conn)
        cells = read_uplifts(conn, previous.uplifts if previous is not None else None)
        results = store.rule_results()
        stamp = catalog_stamp(conn)
        same_catalog = previous is not None and previous.catalog_stamp == stamp
        catalog = previous.catalog if previous is not None and same_catalog \
            else store.load_catalog()
        categories = store.product_categories()
        settings = store.load_settings()
        currency = settings.currency
        last_event = last_event_id(store.db.conn)
        revision = store.publish_revision()
    kept: dict[str, RuleRow] = {}
    if previous is not None and same_catalog and previous.currency == currency:
        kept = {row.rule.id: row for row in previous.rows}
    old_bodies = previous.bodies if kept and previous is not None else {}
    money = functools.partial(format_money, currency=currency)
    rows: list[RuleRow] = []
    bodies: dict[str, str] = {}
    with gc_paused():  # as Store.load_rules: 20,000 rules that all live on
        for position, (rule_id, body) in enumerate(stored, start=1):
            row = kept.get(rule_id)
            done = results.get(rule_id, NO_RESULTS)
            cell = cells.get(rule_id, NO_HOLDOUT)
            if row is None or old_bodies.get(rule_id) != body:
                rule = parse_rule(json.loads(body), position, trusted=True)
                if rule is None:
                    continue
                row = RuleRow.make(rule, done, catalog, money, cell)
            elif row.results != done or row.uplift != cell:
                row = dataclasses.replace(row, results=done, uplift=cell)
            rows.append(row)
            bodies[rule_id] = body
    # From the store, not the catalog: iterating a loaded catalog would build every one of
    # a chain's 100,000 products (seconds) for their category alone.
    names = sorted({*categories, *(c for row in rows for c in row.categories)})
    skus = previous.skus if previous is not None and same_catalog else sorted(catalog.skus())
    return ListData(rows, bodies, results, last_event, catalog, stamp, names, skus,
                    currency, revision, settings, [row.rule for row in rows], cells)


def load_rule(store: Store, rule_id: str) -> Rule | None:
    """One rule as the store has it now (None: there is none by that id)."""
    body = rule_text(store.db.conn, rule_id)
    return parse_rule(json.loads(body), 1, trusted=True) if body is not None else None


def unique_copy_id(rule_id: str, taken: Iterable[str]) -> RuleId:
    """`<id>-copy`, else `<id>-copy-2`, `-copy-3`...: the first id not in `taken`, cut to
    the 64 characters a rule id may have."""
    used = set(taken)
    n = 1
    while True:
        suffix = "-copy" if n == 1 else f"-copy-{n}"
        candidate = rule_id[:ID_MAX - len(suffix)] + suffix
        if candidate not in used and RULE_ID_RE.match(candidate):
            return RuleId(candidate)
        n += 1


# ---------------------------------------------------------------------- the model


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

    headers = HEADERS
    numeric_columns = NUMERIC_COLUMNS

    active_change_requested = Signal(str, bool)

    def __init__(self, money: Money = format_money, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        for first, last in _runs(self._row_of[rule_id] for rule_id in changed):
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
            key = _sort_key(row, column, self.show_codes)
            lo, hi = 0, len(self._rows)
            while lo < hi:
                mid = (lo + hi) // 2
                there = _sort_key(self._rows[mid], column, self.show_codes)
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
            key = _sort_key(self._rows[at], column, self.show_codes)
            if at > 0:
                before = _sort_key(self._rows[at - 1], column, self.show_codes)
                if (before < key) if descending else (key < before):
                    return True
            if at + 1 < len(self._rows):
                after = _sort_key(self._rows[at + 1], column, self.show_codes)
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
            return {RATE: "Acceptance rate: accepted of shown",
                    UPLIFT: HEADER_TIP}.get(section, HEADERS[section])
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
            return _sort_key(row, column, self.show_codes)[0]
        if role == ROW_ROLE:
            return row
        if role == RULE_ID_ROLE:
            return row.rule.id
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
        self._rows.sort(key=lambda r: _sort_key(r, column, self.show_codes),
                        reverse=order == Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------------ cells

    def _text(self, row: RuleRow, column: int) -> str:
        rule, results = row.rule, row.results
        codes = self.show_codes
        if column == ID:
            return rule.id if codes or not rule.title else rule.title
        if column == KIND:
            return KIND_TEXT.get(rule.kind, rule.kind)
        if column == TRIGGER:
            return row.trigger if codes else row.trigger_names
        if column == OFFER:
            return row.offer if codes else row.offer_names
        if column == PRIORITY:
            return str(rule.priority)
        if column == ACTIVE:
            return "yes" if rule.active else "no"
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
            named = f"{rule.title}\nRule code: {rule.id}" if not self.show_codes else rule.title
            return named if not row.uplift.text else f"{named}\nUplift: {row.uplift.tooltip}"
        if column in (TRIGGER, OFFER) and not self.show_codes:  # codes on demand
            codes = row.trigger if column == TRIGGER else row.offer
            return f"{self._text(row, column)}\nCodes: {codes}"
        if column in RESULT_COLUMNS:
            return (f"shown {r.shown}, accepted {r.accepted}, declined {r.declined}, "
                    f"ignored {r.ignored}; held out {r.held_out}; "
                    f"revenue added {self._money(r.revenue)}")
        if column == UPLIFT:
            return row.uplift.tooltip
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


# ---------------------------------------------------------------------- the widget


class RuleListView(QWidget):
    """The rule list with its filters and actions, over one store, as one manager.

    Signals:
        rule_selected(object): the selected rule changed: the `Rule`, or None.
        new_rule_requested(): the manager asked for a new rule.
        rules_changed(): rules were written to the store from this list.
        message_shown(str): ruleListMessage shows a new message.
        results_updated(int): new prompt outcomes changed the results of that many rules
            in the list (`refresh_results`).
        uplifts_updated(int): the Uplift cells of that many rules changed in place
            (`refresh_uplift`).
        reloaded(): the list shows what a reload read (`reload`, or a background load).
    """

    rule_selected = Signal(object)
    new_rule_requested = Signal()
    rules_changed = Signal()
    message_shown = Signal(str)
    results_updated = Signal(int)
    uplifts_updated = Signal(int)
    reloaded = Signal()

    def __init__(self, store: Store, actor: str, parent: QWidget | None = None, *,
                 preloaded: ListData | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleList")
        self.store = store
        self.actor = actor
        self.catalog = Catalog()
        self.currency = "USD"
        self.model = RuleTableModel(self._money, self)
        self.proxy = RuleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.confirm_box: QMessageBox | None = None
        """The delete confirmation while it is open."""
        self._selected: str | None = None
        self._quiet = False
        self._results: dict[str, RuleResults] = {}
        """Every rule's results (deleted rules' too), up to prompt event `_last_event`."""
        self._last_event = 0
        self._uplifts: dict[str, UpliftCell] = {}
        """The Uplift cells of the rules that have one, as last read."""
        self._uplift_job: StoreJob | None = None
        self._uplift_again = False
        self._uplift_timer = QTimer(self)
        self._uplift_timer.setSingleShot(True)
        self.uplift_delay_ms = UPLIFT_AFTER_SALE_MS
        """From a commit to the uplifts' next read (UPLIFT_AFTER_SALE_MS)."""
        self._uplift_timer.timeout.connect(self.refresh_uplift)
        self._widths: dict[int, int] = {}
        """The width each sized column is given (also while it is hidden)."""
        self._sized_for: str | None = None
        self._data: ListData | None = None
        """The last load shown (the next one takes over what did not change)."""
        self._revision = -1
        """The publish revision what the list shows is at least as new as: a load that read
        an older one is not shown."""
        self._job: StoreJob | None = None
        """The background load under way (`reload_in_background`)."""
        self._again = False
        """Asked to reload while a load was under way: one more runs after it."""
        self.model.active_change_requested.connect(self.set_active)
        self._build()
        if preloaded is None:
            self.reload()
        else:  # read by `load_list` already, on a worker thread (`load_workspace`)
            self._show(preloaded)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("ruleSearch")
        self.search.setPlaceholderText("Search titles, products, what to say, codes")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("ruleKindFilter")
        self.kind_filter.addItem("All kinds", None)
        for kind in KINDS:
            self.kind_filter.addItem(KIND_TEXT[kind], kind)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_filter.currentData()))

        self.active_filter = QComboBox(self)
        self.active_filter.setObjectName("ruleActiveFilter")
        for text, value in (("Active and inactive", None), ("Active", True),
                            ("Inactive", False)):
            self.active_filter.addItem(text, value)
        self.active_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_active(self.active_filter.currentData()))

        self.category_filter = QComboBox(self)
        self.category_filter.setObjectName("ruleCategoryFilter")
        self.category_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_category(self.category_filter.currentData()))

        self.product_filter = QLineEdit(self)
        self.product_filter.setObjectName("ruleProductFilter")
        self.product_filter.setPlaceholderText("Product SKU")
        self.product_filter.setClearButtonEnabled(True)
        self.product_filter.textChanged.connect(self.proxy.set_sku)

        self.codes_box = QCheckBox("Show codes", self)
        self.codes_box.setObjectName("ruleShowCodes")
        self.codes_box.setToolTip("Rule codes and product SKUs instead of titles and names")
        self.codes_box.toggled.connect(self.model.set_show_codes)

        filters = QHBoxLayout()  # the search gets a row of its own in a narrow list
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.active_filter, 1)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.product_filter, 1)
        search_row = QHBoxLayout()  # the search box gives way to the toggle
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.codes_box)

        self.table = QTableView(self)
        self.table.setObjectName("ruleTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        # Widths come from the font (see _size_columns), never from the contents: measuring
        # 20,000 rows again on every results update would cost more than the update.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in STRETCH_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        self._text_min = fm.horizontalAdvance(TEXT_MIN_SAMPLE) + self._cell_padding()
        header.resizeSection(ID, fm.horizontalAdvance(ID_SAMPLE) + self._cell_padding())
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_columns)
        header.sectionResized.connect(self._on_section_resized)
        self.table.horizontalScrollBar().rangeChanged.connect(self._fit_timer.start)
        # What a rule earns is what a manager looks for first: its results stand right
        # after its name (a visual order only; the model's columns stay as they are).
        for place, column in enumerate((SHOWN, RATE, REVENUE, UPLIFT), start=1):
            header.moveSection(header.visualIndex(column), place)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

        self.new_button = dialog_button("New rule", "ruleNew", self, self.new_rule_requested.emit)
        self.toggle_button = dialog_button("Deactivate", "ruleToggleActive", self,
                                           self.toggle_selected)
        self.duplicate_button = dialog_button("Duplicate", "ruleDuplicate", self,
                                              self.duplicate_selected)
        self.delete_button = dialog_button("Delete\N{HORIZONTAL ELLIPSIS}", "ruleDelete", self,
                                           self.delete_selected)
        self.count_label = plain_label("ruleCount", self, wrap=False)
        actions = QHBoxLayout()
        for button in (self.new_button, self.toggle_button, self.duplicate_button,
                       self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)

        self.message = plain_label("ruleListMessage", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self._update_buttons()

    def _money(self, cents: Cents) -> str:
        return format_money(cents, self.currency)

    # ------------------------------------------------------------------ columns

    def _cell_padding(self) -> int:
        """What a cell or header section adds around its text (margins, frame)."""
        style = self.table.style()
        return 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
                    + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin))

    def _size_columns(self) -> None:
        """Give the short columns the width of their header or their widest likely value
        (in this store's currency), whichever is wider."""
        if self._sized_for == self.currency:
            return
        self._sized_for = self.currency
        fm = self.table.horizontalHeader().fontMetrics()
        style = self.table.style()
        box = (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
               + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing))
        samples = {SHOWN: ["99999"], RATE: ["100%"], REVENUE: [self._money(999_999)],
                   UPLIFT: [f"+{self._money(9_999)} / order", "needs 60 more"],
                   KIND: list(KIND_TEXT.values()), PRIORITY: ["-100"],
                   ACTIVE: ["yes", "no"]}
        header = self.table.horizontalHeader()
        for column, values in samples.items():
            value = max(fm.horizontalAdvance(text) for text in values)
            if column == ACTIVE:
                value += box  # the check box beside yes/no
            width = max(fm.horizontalAdvance(HEADERS[column]), value) + self._cell_padding()
            self._widths[column] = width
            header.resizeSection(column, width)
        self._fit_timer.start()

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column in STRETCH_COLUMNS or column == ID:
            self._fit_timer.start()

    @Slot()
    def _fit_columns(self) -> None:
        """Show active, kind and priority only while trigger and offer keep their minimum
        width beside them; the list never needs a horizontal scroll bar for them."""
        header = self.table.horizontalHeader()
        room = self.table.viewport().width() - len(STRETCH_COLUMNS) * self._text_min
        room -= sum(header.sectionSize(c) for c in range(len(HEADERS))
                    if c not in STRETCH_COLUMNS and c not in OPTIONAL_COLUMNS
                    and not header.isSectionHidden(c))
        show = True
        order = OPTIONAL_COLUMNS if self._uplifts else (*OPTIONAL_COLUMNS[1:], UPLIFT)
        for column in order:  # none after one that does not fit
            width = self._widths.get(column, header.defaultSectionSize())
            show = show and room >= width
            if show:
                room -= width
            if header.isSectionHidden(column) == show:
                header.setSectionHidden(column, not show)
                if show:
                    header.resizeSection(column, width)

    # ------------------------------------------------------------------ loading

    @property
    def data(self) -> ListData | None:
        """What the last load read (None before the first): the list shows it, but for
        the changes made here since (see `put_rule`)."""
        return self._data

    @property
    def loading(self) -> bool:
        """A background load is under way."""
        return self._job is not None

    def reload(self, *, reuse: bool = True) -> None:
        """Read rules, results and catalog from the store again, now, on the UI thread
        (at chain size seconds when the catalog changed: see `reload_in_background`);
        keep the selection. `reuse=False` reads and builds everything again, taking over
        nothing from the last load (see `load_list`)."""
        self._again = False  # this shows everything published so far
        self._show(load_list(self.store, self._data if reuse else None))
        self.reloaded.emit()

    @Slot()
    def reload_in_background(self) -> None:
        """Reload in a worker thread on a connection of its own: the window keeps painting,
        the count says "Loading…", and `reloaded` is emitted once the list shows it. Asked
        again while a load runs: one more runs after it (never two at once). A store
        without a file (in memory) reloads now."""
        if self.store.path is None:
            self.reload()
            return
        if self._job is not None:
            self._again = True
            return
        self._again = False
        previous = self._data
        job = StoreJob(self.store.path,  # no parent: see _LOADS
                       lambda store, _progress: load_list(store, previous))
        # Store trouble (the file gone, say) or a bug, already logged by StoreJob.
        deliver_to(job, self, lambda me: me._job is job,
                   lambda me, data: me._loaded(data, ""),
                   lambda me, headline, problems: me._loaded(
                       None, problems[0] if problems else headline))
        self._job = job
        self._update_count()
        _LOADS.launch(job)

    def _loaded(self, data: ListData | None, problem: str) -> None:
        self._job = None
        shown = data is not None and data.revision >= self._revision
        if data is None:
            self.say(f"Could not read the rules again: {problem}")
        elif shown:
            self._show(data)
            self.refresh_results()  # prompt outcomes logged since the load read them
        else:  # read before a change made here: the list shows newer than that
            self._again = True
        if self._again:
            self.reload_in_background()
        else:
            self._update_count()
        if shown:
            self.reloaded.emit()

    def _wrote(self) -> None:
        """A change was written from here and is shown in place: a load that read the store
        before it is older than the list."""
        self._revision = self.store.publish_revision()
        if self._job is not None:
            self._again = True
        self.refresh_uplift()  # a holdout may have been set or taken off

    def _show(self, data: ListData) -> None:
        """Show what a load read: the rows in one model reset; selection, sort, filters and
        (when the selected rule is still there) the scroll position stay."""
        keep = self._selected
        before, self._data = self._data, data
        self._revision = data.revision
        self.catalog = data.catalog
        self.currency = data.currency
        self._results = dict(data.results)  # refresh_results adds to it
        self._last_event = data.last_event
        if bool(self._uplifts) != bool(data.uplifts):
            self._fit_timer.start()  # the Uplift column's place in OPTIONAL_COLUMNS
        self._uplifts = dict(data.uplifts)
        self._quiet = True
        try:
            self.model.set_rows(data.rows)
            if before is None or data.categories != before.categories:
                self._fill_categories(data.categories)
            if before is None or data.skus is not before.skus:
                self._fill_completer(data.skus)
        finally:
            self._quiet = False
        self._size_columns()
        if keep is None or not self.select_rule(keep):
            self._selected = None
            if keep is not None:
                self.rule_selected.emit(None)
        self._update_buttons()
        self._update_count()

    def put_rule(self, rule_id: str) -> None:
        """A rule was saved elsewhere (the editor): show it as the store has it now."""
        rule = load_rule(self.store, rule_id)
        if rule is None:
            self.model.remove_rule(rule_id)
        else:
            results = self._results.get(rule_id)
            self.model.put_row(RuleRow.make(rule, results, self.catalog, self._money,
                                            self._uplifts.get(rule_id, NO_HOLDOUT)))
        self._wrote()
        self._update_buttons()

    @Slot()
    def refresh_results(self) -> int:
        """Something was committed (a sale at any till): add the prompt outcomes logged
        since the last look to the results, in place. One grouped query over the new
        events only; rows whose figures did not move are not touched. Returns how many
        rules' results changed. When a rule has an uplift, the uplifts are read again in a
        worker a few seconds later (`refresh_uplift`, `uplift_delay_ms`): paying an order may
        change them without a new prompt event."""
        if self._uplifts and not self._uplift_timer.isActive():
            self._uplift_timer.start(self.uplift_delay_ms)
        try:
            new, last = results_since(self.store.db.conn, self._last_event)
        except sqlite3.Error:  # a store busy or closing: the next commit tries again
            logger.exception("could not read the new prompt outcomes")
            return 0
        self._last_event = last
        if not new:
            return 0
        changed: dict[str, RuleResults] = {}
        for rule_id, delta in new.items():
            changed[rule_id] = self._results[rule_id] = add_results(
                self._results.get(rule_id, NO_RESULTS), delta)
        count = self.model.update_results(changed)
        if count:
            self.results_updated.emit(count)
        return count

    @Slot()
    def refresh_uplift(self) -> None:
        """Read every rule's uplift again in a worker thread (a store without a file: now)
        and change the cells that moved, in place. Asked again while a read runs: one more
        runs after it, so the last one shown is never older than the last ask."""
        self._uplift_timer.stop()
        if self.store.path is None:
            self._uplifts_read(read_uplifts(self.store.db.conn, self._uplifts))
            return
        if self._uplift_job is not None:
            self._uplift_again = True
            return
        self._uplift_again = False
        previous = self._uplifts  # replaced, never changed: the worker may read it
        job = StoreJob(self.store.path,
                       lambda store, _progress: read_uplifts(store.db.conn, previous))
        deliver_to(job, self, lambda me: me._uplift_job is job,
                   lambda me, cells: me._uplifts_read(cells),
                   lambda me, _headline, _problems: me._uplifts_read(None))
        self._uplift_job = job
        _LOADS.launch(job)

    def _uplifts_read(self, cells: dict[str, UpliftCell] | None) -> None:
        self._uplift_job = None
        if cells is not None:  # None: the read failed (StoreJob logged it)
            old, self._uplifts = self._uplifts, cells
            if bool(old) != bool(cells):
                self._fit_timer.start()  # the Uplift column's place in OPTIONAL_COLUMNS
            count = self.model.update_uplifts(  # a cell not worked out again is the same
                {rule_id: cells.get(rule_id, NO_HOLDOUT) for rule_id in {*old, *cells}
                 if old.get(rule_id) is not cells.get(rule_id)})
            if count:
                self.uplifts_updated.emit(count)
        if self._uplift_again:
            self.refresh_uplift()

    def _fill_categories(self, names: Sequence[str]) -> None:
        keep = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem("All categories", None)
        for name in names:
            self.category_filter.addItem(name, name)
        at = self.category_filter.findData(keep) if keep else 0
        self.category_filter.setCurrentIndex(max(at, 0))
        self.category_filter.blockSignals(False)
        self.proxy.set_category(self.category_filter.currentData())

    def _fill_completer(self, skus: list[str]) -> None:
        completer = QCompleter(skus, self.product_filter)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.product_filter.setCompleter(completer)

    # ------------------------------------------------------------------ selection

    def selected_rule(self) -> Rule | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return row.rule if isinstance(row, RuleRow) else None

    def select_rule(self, rule_id: str | None) -> bool:
        """Select (and show) a rule by id; False when it is not in the list as filtered."""
        selection = self.table.selectionModel()
        at = self.model.row_of(rule_id) if rule_id is not None else None
        if at is None:
            selection.clearSelection()
            return False
        index = self.proxy.mapFromSource(self.model.index(at, 0))
        if not index.isValid():
            selection.clearSelection()
            return False
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    @Slot()
    def _on_selection(self) -> None:
        if self._quiet:
            return
        rule = self.selected_rule()
        self._update_buttons()
        rule_id = rule.id if rule is not None else None
        if rule_id != self._selected:
            self._selected = rule_id
            self.rule_selected.emit(rule)

    def _update_buttons(self) -> None:
        rule = self.selected_rule()
        for button in (self.toggle_button, self.duplicate_button, self.delete_button):
            button.setEnabled(rule is not None)
        self.toggle_button.setText("Deactivate" if rule is None or rule.active else "Activate")

    @Slot()
    def _update_count(self) -> None:
        if self._job is not None:
            self.count_label.setText("Loading\N{HORIZONTAL ELLIPSIS}")
            return
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{total} rules" if shown == total
                                 else f"{shown} of {total} rules")

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message_shown.emit(text)

    # ------------------------------------------------------------------ actions

    def _saved(self, rule: Rule) -> None:
        at = self.model.row_of(rule.id)
        results = self.model.row_at(at).results if at is not None else None
        self.model.put_row(RuleRow.make(rule, results, self.catalog, self._money,
                                        self._uplifts.get(rule.id, NO_HOLDOUT)))
        self._wrote()
        self._update_buttons()
        self.rules_changed.emit()

    def _activation_errors(self, rule: Rule) -> list[str]:
        """Lint errors that forbid switching `rule` on (its own, and upsell loops it would
        close with the active upsells)."""
        others = [row.rule for row in self.model.rows
                  if row.rule.id != rule.id and row.rule.active
                  and rule.kind == "upsell" and row.rule.kind == "upsell"]
        with self.store.snapshot():
            settings = self.store.load_settings()
        findings = lint([rule, *others], self.catalog, settings)
        return [f"{f.message} ({f.fix})" for f in findings if f.severity == "error"
                and (f.rule_id == rule.id or f.code == "upsell-loop")]

    @Slot(str, bool)
    def set_active(self, rule_id: str, active: bool) -> bool:
        """Switch a rule on or off and publish it at once. A rule with lint errors is not
        switched on (the message says why). True when saved."""
        at = self.model.row_of(rule_id)
        if at is None:
            return False
        rule = self.model.row_at(at).rule
        if rule.active == active:
            return True
        changed = dataclasses.replace(rule, active=active)
        if active:
            errors = self._activation_errors(changed)
            if errors:
                self.say(f"Rule {rule_id} stays inactive: {errors[0]}")
                return False
        try:
            self.store.save_rule(changed, actor=self.actor)
        except UserError as exc:
            self.say(f"Could not save rule {rule_id}: {exc}")
            return False
        self._saved(changed)
        self.say(f"Rule {rule_id} is now {'active' if active else 'inactive'}: the tills "
                 "use the change from now on.")
        return True

    @Slot()
    def toggle_selected(self) -> None:
        rule = self.selected_rule()
        if rule is not None:
            self.set_active(rule.id, not rule.active)

    @Slot()
    def duplicate_selected(self) -> str | None:
        """Save a copy of the selected rule as a new inactive draft, and select it."""
        rule = self.selected_rule()
        if rule is None:
            return None
        new_id = unique_copy_id(rule.id, (row.rule.id for row in self.model.rows))
        copy = dataclasses.replace(rule, id=new_id, active=False)
        try:
            self.store.save_rule(copy, actor=self.actor)
        except UserError as exc:
            self.say(f"Could not duplicate rule {rule.id}: {exc}")
            return None
        self._saved(copy)
        if not self.select_rule(new_id):  # filtered out: show it anyway
            self.search.clear()
            self.active_filter.setCurrentIndex(0)
            self.select_rule(new_id)
        self.say(f"Rule {rule.id} copied as {new_id} (inactive until you switch it on).")
        return new_id

    @Slot()
    def delete_selected(self) -> None:
        """Ask (without blocking) whether to delete the selected rule; delete on Yes."""
        rule = self.selected_rule()
        if rule is None or self.confirm_box is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Delete rule",
                          f"Delete rule {rule.id} ({rule.title})?\n\nThe tills stop using it "
                          "now. Its past results stay in the reports, and the audit log "
                          "keeps its last version.",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("confirmDeleteRule")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText("Delete")
        box.finished.connect(lambda _result, rid=rule.id: self._delete_answered(rid))
        self.confirm_box = box
        box.open()

    def _delete_answered(self, rule_id: str) -> None:
        box = self.confirm_box
        self.confirm_box = None
        if box is None:
            return
        answer = box.standardButton(box.clickedButton()) if box.clickedButton() else None
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            self.say(f"Rule {rule_id} was not deleted.")
            return
        try:
            removed = self.store.delete_rule(rule_id, actor=self.actor)
        except UserError as exc:
            self.say(f"Could not delete rule {rule_id}: {exc}")
            return
        self.table.selectionModel().clear()  # not a jump to the next rule
        self.model.remove_rule(rule_id)
        self._wrote()
        self._on_selection()
        if removed:
            self.rules_changed.emit()
        self.say(f"Rule {rule_id} deleted.")
