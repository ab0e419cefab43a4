"""The rule list widget: the filters, the table and the buttons over a `RulesController`.

The controller keeps the model in step with the store and makes the writes; the view
keeps selection, filters and scroll position across its changes and asks before a delete
(a non-blocking box); `list_columns.RuleColumns` shares the table's width among the
columns (at 1280x800 each rule's uplift stands beside it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.rules import KINDS, Rule
from pos_prompter.i18n import plural, translate
from pos_prompter.store import Store
from pos_prompter.ui.jobs import JobRunner
from pos_prompter.ui.widgets import dialog_button, plain_label
from pos_prompter.ui.workspace.rules.controller import RulesController
from pos_prompter.ui.workspace.rules.list_columns import RuleColumns
from pos_prompter.ui.workspace.rules.list_model import (
    RATE,
    REVENUE,
    ROW_ROLE,
    SHOWN,
    UPLIFT,
    RuleFilterProxy,
    RuleTableModel,
    kind_text,
)
from pos_prompter.ui.workspace.rules.listing import ListData, RuleRow


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
                 preloaded: ListData | None = None, jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleList")
        self.controller = RulesController(store, actor, self, jobs=jobs)
        self.model: RuleTableModel = self.controller.model
        self.proxy = RuleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.confirm_box: QMessageBox | None = None
        """The delete confirmation while it is open."""
        self._selected: str | None = None
        self._keep: str | None = None
        """The rule selected when the model was reset (selected again after)."""
        self._quiet = False
        self._shown: ListData | None = None
        """The last load shown (its categories and SKUs fill the filters)."""
        self._build()
        c = self.controller
        c.data_shown.connect(self._data_shown)
        c.reloaded.connect(self.reloaded)
        c.loading_changed.connect(self._update_count)
        c.has_uplifts_changed.connect(self.columns.refit)  # the Uplift column's place
        c.results_updated.connect(self.results_updated)
        c.uplifts_updated.connect(self.uplifts_updated)
        c.rules_changed.connect(self.rules_changed)
        c.rule_copied.connect(self._show_copy)
        c.rule_deleted.connect(self._forget_selection)
        c.message.connect(self.say)
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.rowsRemoved.connect(self._on_selection)
        for signal in (self.model.dataChanged, self.model.rowsInserted,
                       self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_buttons)
        if preloaded is None:
            self.controller.reload()
        else:  # read by `load_list` already, on a worker thread (`load_workspace`)
            self.controller.show(preloaded)

    # ------------------------------------------------------------------ the controller's

    @property
    def store(self) -> Store:
        return self.controller.store

    @property
    def actor(self) -> str:
        return self.controller.actor

    @property
    def catalog(self) -> Catalog:
        return self.controller.catalog

    @property
    def currency(self) -> str:
        return self.controller.currency

    @property
    def data(self) -> ListData | None:
        """What the last load read (None before the first): see `RulesController.data`."""
        return self.controller.data

    @property
    def loading(self) -> bool:
        """A background load is under way."""
        return self.controller.loading

    @property
    def uplift_delay_ms(self) -> int:
        """From a commit to the uplifts' next read (controller.UPLIFT_AFTER_SALE_MS)."""
        return self.controller.uplift_delay_ms

    @uplift_delay_ms.setter
    def uplift_delay_ms(self, value: int) -> None:
        self.controller.uplift_delay_ms = value

    @property
    def _uplift_job(self) -> object | None:
        """bench/bench_rule_list_uplift.py waits on this (controller.reading_uplifts)."""
        return True if self.controller.reading_uplifts else None

    def reload(self, *, reuse: bool = True) -> None:
        """Read the store again now; keep the selection (`RulesController.reload`)."""
        self.controller.reload(reuse=reuse)

    @Slot()
    def reload_in_background(self) -> None:
        """Reload in a worker thread; the count says "Loading…" meanwhile."""
        self.controller.reload_in_background()

    @Slot()
    def refresh_results(self) -> int:
        """Add the prompt outcomes logged since the last look (`RulesController`)."""
        return self.controller.refresh_results()

    @Slot()
    def refresh_uplift(self) -> None:
        self.controller.refresh_uplift()

    def put_rule(self, rule_id: str) -> None:
        """A rule was saved elsewhere (the editor): show it as the store has it now."""
        self.controller.put_rule(rule_id)

    @Slot(str, bool)
    def set_active(self, rule_id: str, active: bool) -> bool:
        """Switch a rule on or off and publish it at once (`RulesController.set_active`)."""
        return self.controller.set_active(rule_id, active)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("ruleSearch")
        self.search.setPlaceholderText(translate("rules", "Search titles, products, what to "
                                                 "say, codes"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("ruleKindFilter")
        self.kind_filter.addItem(translate("rules", "All kinds"), None)
        for kind in KINDS:
            self.kind_filter.addItem(kind_text(kind), kind)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_filter.currentData()))

        self.active_filter = QComboBox(self)
        self.active_filter.setObjectName("ruleActiveFilter")
        for text, value in ((translate("rules", "Active and inactive"), None),
                            (translate("rules", "Active"), True),
                            (translate("rules", "Inactive"), False)):
            self.active_filter.addItem(text, value)
        self.active_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_active(self.active_filter.currentData()))

        self.category_filter = QComboBox(self)
        self.category_filter.setObjectName("ruleCategoryFilter")
        self.category_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_category(self.category_filter.currentData()))

        self.product_filter = QLineEdit(self)
        self.product_filter.setObjectName("ruleProductFilter")
        self.product_filter.setPlaceholderText(translate("rules", "Product SKU"))
        self.product_filter.setClearButtonEnabled(True)
        self.product_filter.textChanged.connect(self.proxy.set_sku)

        self.codes_box = QCheckBox(translate("rules", "Show codes"), self)
        self.codes_box.setObjectName("ruleShowCodes")
        self.codes_box.setToolTip(translate("rules", "Rule codes and product SKUs instead of "
                                            "titles and names"))
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
        self.columns = RuleColumns(self.table, self.controller.money,
                                   lambda: self.controller.has_uplifts, self)
        header = self.table.horizontalHeader()
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

        self.new_button = dialog_button(translate("rules", "New rule"), "ruleNew", self,
                                        self.new_rule_requested.emit)
        self.toggle_button = dialog_button(translate("rules", "Deactivate"), "ruleToggleActive",
                                           self, self.toggle_selected)
        self.duplicate_button = dialog_button(translate("rules", "Duplicate"), "ruleDuplicate",
                                              self, self.duplicate_selected)
        self.delete_button = dialog_button(translate("rules", "Delete…"), "ruleDelete", self,
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

    # ------------------------------------------------------------------ columns

    @Slot()
    def _fit_columns(self) -> None:
        """Hide or show the optional columns for the list's width now (`RuleColumns.fit`)."""
        self.columns.fit()

    # ------------------------------------------------------------------ showing a load

    @Slot()
    def _before_reset(self) -> None:
        """The model is about to show a load: keep the selection, quietly."""
        self._keep = self._selected
        self._quiet = True

    @Slot(object)
    def _data_shown(self, data: ListData) -> None:
        """Show what a load read: selection, sort, filters and (when the selected rule is
        still there) the scroll position stay."""
        before, self._shown = self._shown, data
        self._quiet = True
        try:
            if before is None or data.categories != before.categories:
                self._fill_categories(data.categories)
            if before is None or data.skus is not before.skus:
                self._fill_completer(data.skus)
        finally:
            self._quiet = False
        self.columns.size_for(self.currency)
        keep, self._keep = self._keep, None
        if keep is None or not self.select_rule(keep):
            self._selected = None
            if keep is not None:
                self.rule_selected.emit(None)
        self._update_buttons()
        self._update_count()

    def _fill_categories(self, names: Sequence[str]) -> None:
        keep = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(translate("rules", "All categories"), None)
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
    def _on_selection(self, *_args: Any) -> None:
        if self._quiet:
            return
        rule = self.selected_rule()
        self._update_buttons()
        rule_id = rule.id if rule is not None else None
        if rule_id != self._selected:
            self._selected = rule_id
            self.rule_selected.emit(rule)

    @Slot()
    def _update_buttons(self, *_args: Any) -> None:
        rule = self.selected_rule()
        for button in (self.toggle_button, self.duplicate_button, self.delete_button):
            button.setEnabled(rule is not None)
        self.toggle_button.setText(translate("rules", "Deactivate") if rule is None or rule.active
                                   else translate("rules", "Activate"))

    @Slot()
    def _update_count(self, *_args: Any) -> None:
        if self.controller.loading:
            self.count_label.setText(translate("rules", "Loading…"))
            return
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            plural(total, translate("rules", "{n} rule"), translate("rules", "{n} rules"))
            if shown == total else plural(total, translate("rules", "{shown} of {n} rule"),
                                          translate("rules", "{shown} of {n} rules"),
                                          shown=shown))

    @Slot(str)
    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message_shown.emit(text)

    # ------------------------------------------------------------------ actions

    @Slot()
    def toggle_selected(self) -> None:
        rule = self.selected_rule()
        if rule is not None:
            self.controller.set_active(rule.id, not rule.active)

    @Slot()
    def duplicate_selected(self) -> str | None:
        """Save a copy of the selected rule as a new inactive draft, and select it."""
        rule = self.selected_rule()
        return self.controller.duplicate(rule.id) if rule is not None else None

    @Slot(str)
    def _show_copy(self, rule_id: str) -> None:
        if not self.select_rule(rule_id):  # filtered out: show it anyway
            self.search.clear()
            self.active_filter.setCurrentIndex(0)
            self.select_rule(rule_id)

    @Slot(str)
    def _forget_selection(self, _rule_id: str) -> None:
        """A rule is going from the list: not a jump to the next rule."""
        self.table.selectionModel().clear()

    @Slot()
    def delete_selected(self) -> None:
        """Ask (without blocking) whether to delete the selected rule; delete on Yes."""
        rule = self.selected_rule()
        if rule is None or self.confirm_box is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, translate("rules", "Delete rule"),
                          translate("rules", "Delete rule {rule} ({title})?\n\nThe tills stop "
                                    "using it now. Its past results stay in the reports, and "
                                    "the audit log keeps its last version.").format(
                              rule=rule.id, title=rule.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("confirmDeleteRule")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(translate("rules", "Delete"))
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
            self.say(translate("rules", "Rule {rule} was not deleted.").format(rule=rule_id))
            return
        self.controller.delete(rule_id)
