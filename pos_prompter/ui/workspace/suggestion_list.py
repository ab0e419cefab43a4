"""The workspace's "Suggestions" tab (issue 10 point 4, `pos-prompter suggest` on screen):
cross-sells mined from the store's sales, each with its evidence, and one click to turn
the selected one into a draft rule in the editor.

Mining reads every paid order: it runs in a worker thread (`StoreJob`, on a connection of
its own) with a progress bar, never on the UI thread, so the till beside keeps selling.
The figures are core/suggest's, from the same store module the command line reads
baskets with; the draft is core/suggest's `draft_rules`, the very rule `suggest --format
yaml` writes: inactive, nothing is published until the manager publishes it in the editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.basket_counts import DEFAULT_MIN_SUPPORT
from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.engine import Engine
from pos_prompter.core.errors import UserError
from pos_prompter.core.rules import Rule, Settings
from pos_prompter.core.suggest import Suggestion, draft_rules, suggest
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say, translate
from pos_prompter.i18n.formats import decimal, number, percent
from pos_prompter.practice.practice_store import PRACTICE_MARK
from pos_prompter.store import Store
from pos_prompter.store.baskets import Progress, basket_counts
from pos_prompter.ui.jobs import StoreJob, deliver_to, jobs_of
from pos_prompter.ui.list_model import ListTableModel
from pos_prompter.ui.widgets import plain_label

Index = QModelIndex | QPersistentModelIndex

HEADERS = (QT_TRANSLATE_NOOP("suggestions", "Trigger"), QT_TRANSLATE_NOOP("suggestions", "Offer"),
           QT_TRANSLATE_NOOP("suggestions", "Orders"), QT_TRANSLATE_NOOP("suggestions", "Support"),
           QT_TRANSLATE_NOOP("suggestions", "Confidence"), QT_TRANSLATE_NOOP("suggestions", "Lift"),
           QT_TRANSLATE_NOOP("suggestions", "Already offered"),
           QT_TRANSLATE_NOOP("suggestions", "Why"))
"""The column titles in English (each model shows them translated)."""
TRIGGER, OFFER, ORDERS, SUPPORT, CONFIDENCE, LIFT, COVERED, WHY = range(len(HEADERS))
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() for this role: the row's core `Suggestion`."""
DEBOUNCE_MS = 500
"""How long the min-support box waits for the manager to stop changing it before mining."""



@dataclass(frozen=True)
class Mined:
    """One mining's outcome, read on a worker thread: the suggestions (core/suggest's, best
    first) and what drafting one needs (the store's rules, catalog and settings as read)."""

    suggestions: list[Suggestion]
    orders: int
    """Paid orders with a scanned line (suggest's N)."""
    min_orders: int
    min_support: float
    rules: list[Rule]
    catalog: Catalog
    settings: Settings
    revision: int
    """The store's publish revision the rules were read at."""


def mine(store: Store, min_support: float, progress: Progress | None = None) -> Mined:
    """What `pos-prompter suggest --min-support S` finds, as data (any thread). A practice
    store is refused: its orders are practice, not sales."""
    path = store.path
    if (path is not None and path.stem.endswith(PRACTICE_MARK)) or store.get_setting("training"):
        raise UserError(translate("suggestions", "This is a practice store, and suggestions "
                                  "are mined from real sales: open the workspace on the real "
                                  "store."))
    # The collector paused: the baskets are a million short-lived lists and strings that
    # free themselves, and a full collection over them in this thread would stop the UI
    # thread (the till's too) for a quarter of a second, several times a mining.
    with store.snapshot(), gc_paused():
        counts = basket_counts(store.db, min_support, progress)
        rules = store.rules.load()
        engine = Engine(store.catalog.load(), rules, store.load_settings())
        revision = store.publish_revision()
    return Mined(suggest(counts, engine.catalog, engine), counts.orders, counts.min_orders,
                 min_support, rules, engine.catalog, engine.settings, revision)


def _percent(fraction: float) -> str:
    return percent(fraction, 2 if fraction < 0.1 else 1)


def covered_text(s: Suggestion) -> str:
    return (translate("suggestions", "already offered by {rule}").format(rule=s.covered_by)
            if s.covered_by else "")


class SuggestionTableModel(ListTableModel):
    """Suggestions as rows, best first until sorted by a column (`sort`, stable: ties keep
    the best-first order)."""

    headers: Sequence[str] = HEADERS
    numeric_columns = frozenset({ORDERS, SUPPORT, CONFIDENCE, LIFT})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(translate("suggestions", text) for text in HEADERS)
        self._ranked: list[Suggestion] = []
        self._rows: list[Suggestion] = []
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    @property
    def suggestions(self) -> list[Suggestion]:
        """As shown, top to bottom."""
        return list(self._rows)

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self.beginResetModel()
        self._ranked = list(suggestions)
        self._rows = self._ordered()
        self.endResetModel()

    def table_rows(self) -> Sequence[Any]:
        return self._rows

    def row_of(self, trigger: str, offer: str) -> int | None:
        for row, s in enumerate(self._rows):
            if (s.trigger, s.offer) == (trigger, offer):
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.item_at(index)
        if s is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (TRIGGER, OFFER):
                sku = s.trigger if column == TRIGGER else s.offer
                return f"{self._text(s, column)} ({sku})"
            if column == WHY:
                return translate("suggestions", "{offer}: {why} ({n} orders)").format(
                    offer=s.offer_name, why=say(s.why), n=s.orders)
            return self._text(s, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        if role == SUGGESTION_ROLE:
            return s
        return None

    @staticmethod
    def _text(s: Suggestion, column: int) -> str:
        if column == TRIGGER:
            return s.trigger_name
        if column == OFFER:
            return s.offer_name
        if column == ORDERS:
            return number(s.orders)
        if column == SUPPORT:
            return _percent(s.support)
        if column == CONFIDENCE:
            return percent(s.confidence, 1)
        if column == LIFT:
            return decimal(s.lift, 2)
        if column == COVERED:
            return covered_text(s)
        return say(s.why)

    @staticmethod
    def _key(s: Suggestion, column: int) -> Any:
        if column == TRIGGER:
            return s.trigger_name.casefold()
        if column == OFFER:
            return s.offer_name.casefold()
        if column == ORDERS:
            return s.orders
        if column == SUPPORT:
            return s.support
        if column == CONFIDENCE:
            return s.confidence
        if column == LIFT:
            return s.lift
        if column == COVERED:
            return (s.covered_by is None, s.covered_by or "")
        return say(s.why).casefold()

    def _ordered(self) -> list[Suggestion]:
        if self._sorted is None:
            return list(self._ranked)
        column, order = self._sorted
        return sorted(self._ranked, key=lambda s: self._key(s, column),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        at = [(self._rows[i.row()], i.column()) for i in before]
        self._sorted = (column, order)
        self._rows = self._ordered()
        where = {id(s): row for row, s in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(where[id(s)], col) for s, col in at])
        self.layoutChanged.emit()


class SuggestionList(QWidget):
    """Mined cross-sells for the store at `store` (its file: mining opens its own
    connection in a worker thread), with a min-support box and "Make a draft rule".

    Mines when first shown, when the min support changes (after `debounce_ms`), on
    `mine()`, and when shown again after rules were published (covered_by may change).

    Signals:
        mined(int): a mining finished and shows; carries how many suggestions.
        draft_requested(object): the manager asked for a draft of the selected suggestion;
            carries the inactive draft `Rule` (core/suggest's `draft_rules`), not stored.
    """

    mined = Signal(int)
    draft_requested = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionList")
        self.store = store
        self.data: Mined | None = None
        self._job: StoreJob | None = None
        self._again = False
        self._pending_draft: tuple[str, str] | None = None
        """A draft asked for while the rules had changed: made once mined again."""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.mine)
        self._build()

    def _build(self) -> None:
        self.support_box = QDoubleSpinBox(self)
        self.support_box.setObjectName("suggestionMinSupport")
        self.support_box.setDecimals(2)
        self.support_box.setRange(0.01, 100.0)
        self.support_box.setSingleStep(0.1)
        self.support_box.setSuffix(translate("suggestions", "% of orders"))
        self.support_box.setValue(DEFAULT_MIN_SUPPORT * 100)
        self.support_box.setToolTip(translate("suggestions", "A pair must be in at least this "
                                              "share of the paid orders (and in at least 5 "
                                              "orders) to be suggested."))
        self.support_box.valueChanged.connect(self._support_changed)
        support_label = QLabel(translate("suggestions", "Pairs bought together in at least"),
                               self)
        support_label.setBuddy(self.support_box)

        self.mine_button = QPushButton(translate("suggestions", "Mine again"), self)
        self.mine_button.setObjectName("mineSuggestionsButton")
        self.mine_button.setAutoDefault(False)
        self.mine_button.setToolTip(translate("suggestions", "Read the store's sales again (the "
                                              "till keeps selling)."))
        self.mine_button.clicked.connect(self.mine)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("suggestionProgress")
        self.progress.setRange(0, 100)
        self.progress.setFormat(translate("suggestions", "Mining the sales…") + " %p%")
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.draft_button = QPushButton(translate("suggestions", "Make a draft rule"), self)
        self.draft_button.setObjectName("makeDraftButton")
        self.draft_button.setAutoDefault(False)
        self.draft_button.setEnabled(False)
        self.draft_button.clicked.connect(self.make_draft)

        top = QHBoxLayout()
        top.addWidget(support_label)
        top.addWidget(self.support_box)
        top.addWidget(self.mine_button)
        top.addWidget(self.progress)
        top.addStretch(1)
        top.addWidget(self.draft_button)

        self.summary = plain_label("suggestionSummary", self)
        self.summary.setWordWrap(True)
        self.summary.setText(translate("suggestions", "Cross-sells mined from the store's paid "
                                       "orders show here."))

        self.model = SuggestionTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("suggestionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        # Two lines a row (a fixed height: no measuring thousands of rows), so the why
        # fits beside the figures at the workspace's usual 1280 pixels.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 8)
        header = self.table.horizontalHeader()
        header.setSortIndicator(LIFT, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((TRIGGER, 160), (OFFER, 160), (ORDERS, 65), (SUPPORT, 75),
                              (CONFIDENCE, 90), (LIFT, 55), (COVERED, 200)):
            self.table.setColumnWidth(column, width)
        # By lift, descending: best first, as core/suggest ranks (the sort is stable and
        # the rows come ranked, so ties stay in confidence, then orders, order).
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.make_draft())

        self.detail = plain_label("suggestionDetail", self)
        self.detail.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    # ------------------------------------------------------------------ mining

    @property
    def busy(self) -> bool:
        """A mining job is running."""
        return self._job is not None

    @property
    def min_support(self) -> float:
        return round(self.support_box.value() / 100, 6)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        stale = self.data is None or self.store.publish_revision() != self.data.revision
        if stale and not self.busy:
            self.mine()

    @Slot()
    def _support_changed(self) -> None:
        self._debounce.start()

    @Slot()
    def mine(self) -> None:
        """Mine the store's sales in a worker thread; asked again while it runs, once more
        after it (never two at once)."""
        self._debounce.stop()
        if self._job is not None:
            self._again = True
            return
        if self.store.path is None:
            self.summary.setText(translate("suggestions", "This store has no file to mine "
                                           "from."))
            return
        self._again = False
        min_support = self.min_support
        job = StoreJob(self.store.path,  # no parent: the window's runner keeps it
                       lambda store, progress: mine(store, min_support, progress))
        job.progressed.connect(self._on_progress)
        deliver_to(job, self, lambda me: me._job is job,
                   lambda me, result: me._mined(result, ""),
                   lambda me, headline, problems: me._mined(
                       None, problems[0] if problems else headline))
        self._job = job
        self.progress.setRange(0, 0)  # busy until the first count
        self.progress.show()
        self.mine_button.setEnabled(False)
        self.summary.setText(translate("suggestions", "Mining the paid orders for pairs in at "
                                       "least {share} of them…").format(
            share=percent(self.min_support, 2)))
        jobs_of(self).launch(job)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._job is None:
            return
        self.progress.setRange(0, 100)
        self.progress.setValue(100 if total <= 0 else min(100, done * 100 // total))

    def _mined(self, result: Mined | None, problem: str) -> None:
        self._job = None
        self.progress.hide()
        self.mine_button.setEnabled(True)
        if self._again:
            self.mine()
            return
        if result is None:
            self._pending_draft = None
            self.summary.setText(translate("suggestions", "Could not mine the sales: "
                                           "{problem}").format(problem=problem))
            return
        chosen = self.selected()
        self.data = result
        self.model.set_suggestions(result.suggestions)
        self.summary.setText(self._summary(result))
        if chosen is not None:
            self.select(chosen.trigger, chosen.offer)
        self._selection_changed()
        pending, self._pending_draft = self._pending_draft, None
        if pending is not None and self.select(*pending):
            self.make_draft()
        self.mined.emit(len(result.suggestions))

    @staticmethod
    def _summary(m: Mined) -> str:
        if not m.suggestions:
            return translate("suggestions", "No two products were bought together more often "
                             "than chance in at least {least} of the {orders} paid orders: a "
                             "lower minimum finds rarer pairs.").format(
                least=number(m.min_orders), orders=number(m.orders))
        covered = sum(s.covered_by is not None for s in m.suggestions)
        return translate("suggestions", "{n} cross-sells bought together more often than "
                         "chance, each in at least {least} of the {orders} paid orders (best "
                         "first); {covered} already offered by a rule.").format(
            n=number(len(m.suggestions)), least=number(m.min_orders), orders=number(m.orders),
            covered=number(covered))

    # ------------------------------------------------------------------ selection, drafts

    def selected(self) -> Suggestion | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0]) if rows else None

    def select(self, trigger: str, offer: str) -> bool:
        """Select the suggestion of `trigger` -> `offer`; False when it is not listed."""
        row = self.model.row_of(trigger, offer)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    @Slot()
    def _selection_changed(self) -> None:
        s = self.selected()
        self.draft_button.setEnabled(s is not None and s.covered_by is None)
        if s is None:
            self.detail.setText(translate("suggestions", "Select a suggestion to see its "
                                          "evidence, then make it a draft rule to check and "
                                          "publish."))
        elif s.covered_by is not None:
            self.detail.setText(translate("suggestions", "{offer} with {trigger}: {why}. Rule "
                                          "{rule} already offers it, so no draft is "
                                          "needed.").format(
                offer=s.offer_name, trigger=s.trigger_name, why=say(s.why), rule=s.covered_by))
        else:
            self.detail.setText(translate("suggestions", "{offer} with {trigger}: {why} ({n} "
                                          "orders).").format(
                offer=s.offer_name, trigger=s.trigger_name, why=say(s.why), n=number(s.orders)))

    @Slot()
    def make_draft(self) -> None:
        """Turn the selected suggestion into an inactive draft (`draft_requested`); after
        rules were published since the mining, mine again first (a rule may offer it now)."""
        s, m = self.selected(), self.data
        if s is None or m is None or s.covered_by is not None:
            return
        if self.store.publish_revision() != m.revision:
            self._pending_draft = (s.trigger, s.offer)
            self.mine()
            return
        drafts = draft_rules([s], m.rules, m.orders, m.catalog, m.settings, say)
        if drafts:
            self.draft_requested.emit(drafts[0])
            return
        having = [r.id for r in m.rules if r.scanned is not None
                  and s.trigger in r.scanned.skus and s.offer in r.offered_skus()]
        if having:
            self.detail.setText(translate("suggestions", "Rule {rule} already has this pair "
                                          "(switched off): open it from the Rules tab instead "
                                          "of a new draft.").format(rule=having[0]))
        else:
            self.detail.setText(translate("suggestions", "No draft: {offer} costs over twice "
                                          "{trigger}, more than lint lets a prompt offer.").format(
                offer=s.offer_name, trigger=s.trigger_name))
