"""The workspace's Catalog tab: find a product by name, SKU or barcode, and change its price,
whether it is on sale (active) and its barcodes.

A search reads a page of products (`store.catalog_edit.find_products`, at most
`SEARCH_LIMIT`) in a worker thread, so a chain's catalog of 200,000 products never stops the
till beside the workspace. A change is checked as the catalog CSV checks it, said by the
field when refused, and saved by the catalog import's store call (audited with the
signed-in manager as the actor); the tills then reload the catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.money import cents_str, format_money
from pos_prompter.i18n import QT_TRANSLATE_NOOP, plural, say, translate
from pos_prompter.store import Store
from pos_prompter.store.catalog_edit import (
    SEARCH_LIMIT,
    ProductRefused,
    ProductRow,
    check_product_edit,
    find_products,
    save_product_edit,
)
from pos_prompter.ui.store_watcher import PageRefresh
from pos_prompter.ui.widgets import plain_label
from pos_prompter.ui.workspace.page_table import (
    KeyedListModel,
    select_key,
    selected_row,
    single_row_table,
)
from pos_prompter.ui.workspace.page_work import PageWork

HEADERS = (QT_TRANSLATE_NOOP("catalog", "SKU"), QT_TRANSLATE_NOOP("catalog", "Name"),
           QT_TRANSLATE_NOOP("catalog", "Price"), QT_TRANSLATE_NOOP("catalog", "On sale"),
           QT_TRANSLATE_NOOP("catalog", "Barcodes"), QT_TRANSLATE_NOOP("catalog", "Category"))
"""The column titles in English (the model shows them translated)."""
SKU, NAME, PRICE, ACTIVE, BARCODES, CATEGORY = range(6)
PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() with this role returns the row's `ProductRow`."""

Index = QModelIndex | QPersistentModelIndex

CATALOG_QSS = """
QLabel[fieldProblem="true"] { color: #a4231a; font-weight: bold; }
"""


class CatalogTableModel(KeyedListModel):
    """Products as rows, found by SKU: SKU, name, price, on sale, barcodes, category."""

    headers: Sequence[str] = HEADERS
    numeric_columns = frozenset({PRICE})

    def __init__(self, currency: str = "USD", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(translate("catalog", text) for text in HEADERS)
        self.currency = currency

    def row_key(self, row: ProductRow) -> str:
        return row.sku

    def put(self, product: ProductRow) -> None:
        """Show `product` as saved, in its row."""
        at = self.row_of(product.sku)
        if at is None:
            return
        self._rows[at] = product
        self.dataChanged.emit(self.index(at, 0), self.index(at, len(HEADERS) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item_at(index)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.sku, row.name, format_money(row.price, self.currency),
                    translate("catalog", "yes") if row.active else translate("catalog", "no"),
                    " ".join(row.barcodes),
                    row.category or "")[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        if role == PRODUCT_ROLE:
            return row
        return None


class CatalogPage(QWidget):
    """The Catalog tab for the signed-in manager `actor`. `debounce_ms`: how long the
    search waits for typing to stop.

    Signals:
        searched(int): the table shows a search's products; carries how many.
        changed(str): a product was saved (audited); carries what the page said.
    """

    searched = Signal(int)
    changed = Signal(str)

    def __init__(self, store: Store, actor: str, parent: QWidget | None = None, *,
                 debounce_ms: int = 250) -> None:
        super().__init__(parent)
        self.setObjectName("catalogPage")
        self.setStyleSheet(CATALOG_QSS)
        self.store = store
        self.actor = actor
        self.model = CatalogTableModel(str(store.get_setting("currency", "USD")), self)
        self.search_work = PageWork(store, self)
        self.save_work = PageWork(store, self)
        self._search_again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(debounce_ms, 0))
        self._timer.timeout.connect(self.search)
        self._editing: ProductRow | None = None
        """The product the editor was filled with (as the store held it then)."""
        self.refresher = PageRefresh(self, self.search)
        """Searches again when the catalog was changed elsewhere (an import in another
        process); the product being edited keeps the manager's edits."""
        self._build()
        self.search()

    def _build(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("catalogSearch")
        self.search_box.setPlaceholderText(translate("catalog", "Find a product: name, SKU or "
                                                     "barcode"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.search)

        self.table = single_row_table("catalogTable", self.model, self)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        self.message = plain_label("catalogMessage", self)

        box = QGroupBox(translate("catalog", "The selected product"), self)
        self.product_label = plain_label("catalogProduct", box)
        self.price_edit = QLineEdit(box)
        self.price_edit.setObjectName("catalogPrice")
        self.price_edit.setPlaceholderText(translate("catalog", "e.g. {amount}").format(
            amount="3.45"))
        self.price_problem = self._problem_label("catalogPriceProblem", box)
        self.active_box = QCheckBox(translate("catalog", "On sale (the tills can scan it)"), box)
        self.active_box.setObjectName("catalogActive")
        self.barcodes_edit = QLineEdit(box)
        self.barcodes_edit.setObjectName("catalogBarcodes")
        self.barcodes_edit.setPlaceholderText(translate("catalog", "EAN-13, EAN-8 or UPC-A "
                                                        "codes, separated by spaces"))
        self.barcodes_problem = self._problem_label("catalogBarcodesProblem", box)
        self.price_edit.textEdited.connect(lambda _t: self.price_problem.hide())
        self.barcodes_edit.textEdited.connect(lambda _t: self.barcodes_problem.hide())
        self.save_button = QPushButton(translate("catalog", "Save"), box)
        self.save_button.setObjectName("catalogSave")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.save_message = plain_label("catalogSaveMessage", box)
        form = QFormLayout(box)
        form.addRow(self.product_label)
        form.addRow(translate("catalog", "Price"), self.price_edit)
        form.addRow("", self.price_problem)
        form.addRow("", self.active_box)
        form.addRow(translate("catalog", "Barcodes"), self.barcodes_edit)
        form.addRow("", self.barcodes_problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_message, 1)
        form.addRow(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(box)
        self._fill_editor(None)

    @staticmethod
    def _problem_label(name: str, parent: QWidget) -> Any:
        label = plain_label(name, parent)
        label.setProperty("fieldProblem", True)
        label.hide()
        return label

    # ------------------------------------------------------------------ search

    @Slot()
    def search(self) -> None:
        """Find the products the search box names, in a worker (one at a time; typed
        meanwhile: one more search after it)."""
        self._timer.stop()
        if self.search_work.busy:
            self._search_again = True
            return
        self._search_again = False
        text = self.search_box.text()
        self.search_work.run(lambda store: find_products(store, text, SEARCH_LIMIT + 1),
                             self._show_found, self._search_failed)

    def _show_found(self, rows: list[ProductRow]) -> None:
        if self._search_again:
            self.search()
            return
        keep = self.selected()
        more = len(rows) > SEARCH_LIMIT
        self.model.set_rows(rows[:SEARCH_LIMIT])
        shown = self.model.rowCount()
        if more:
            self.message.setText(translate("catalog", "Showing the first {n} matches: type "
                                           "more of a name, a SKU or a whole barcode to narrow "
                                           "them.").format(n=shown))
        elif shown == 0:
            self.message.setText(translate("catalog", "No product matches: try part of its "
                                           "name, its SKU or its barcode."))
        else:
            self.message.setText(plural(shown, translate("catalog", "{n} product."),
                                        translate("catalog", "{n} products.")))
        at = self.model.row_of(keep.sku) if keep is not None else None
        if at is not None:
            self.table.selectRow(at)
        elif shown == 1:
            self.table.selectRow(0)
        else:
            self._fill_editor(None)
        self.searched.emit(shown)

    def _search_failed(self, text: str) -> None:
        self.message.setText(translate("catalog", "The search failed: {problem}").format(
            problem=text))
        if self._search_again:
            self.search()

    # ------------------------------------------------------------------ editing

    def selected(self) -> ProductRow | None:
        return selected_row(self.table, self.model)

    def select(self, sku: str) -> None:
        select_key(self.table, self.model, sku)

    @Slot()
    def _on_selected(self) -> None:
        product = self.selected()
        editing = self._editing
        if (product is not None and editing is not None and product.sku == editing.sku
                and self.edited()):
            return  # the same product, read again: the manager's edits stay
        self._fill_editor(product)
        self.save_message.clear()

    def edited(self) -> bool:
        """Whether the editor's fields differ from the product they were filled with."""
        product = self._editing
        return product is not None and (
            self.price_edit.text() != cents_str(product.price)
            or self.active_box.isChecked() != product.active
            or self.barcodes_edit.text() != " ".join(product.barcodes))

    def _fill_editor(self, product: ProductRow | None) -> None:
        self._editing = product
        self.price_problem.hide()
        self.barcodes_problem.hide()
        for widget in (self.price_edit, self.active_box, self.barcodes_edit):
            widget.setEnabled(product is not None)
        self.save_button.setEnabled(product is not None and not self.save_work.busy)
        if product is None:
            self.product_label.setText(translate("catalog", "Select a product in the list to "
                                                 "change it."))
            self.price_edit.clear()
            self.barcodes_edit.clear()
            self.active_box.setChecked(False)
            return
        self.product_label.setText(f"{product.name} ({product.sku})")
        self.price_edit.setText(cents_str(product.price))
        self.active_box.setChecked(product.active)
        self.barcodes_edit.setText(" ".join(product.barcodes))

    def _show_problems(self, fields: dict[str, str]) -> None:
        for key, label in (("price", self.price_problem),
                           ("barcodes", self.barcodes_problem)):
            text = say(fields.get(key, ""))  # the store's sentence, with a capital
            label.setText(text[:1].upper() + text[1:])
            label.setVisible(key in fields)

    @Slot()
    def save(self) -> None:
        """Check the fields as the catalog CSV does; save them, or say by each refused
        field why and save nothing."""
        product = self.selected()
        if product is None or self.save_work.busy:
            return
        try:
            edit = check_product_edit(product.sku, self.price_edit.text(),
                                      self.active_box.isChecked(), self.barcodes_edit.text())
        except ProductRefused as exc:
            self._show_problems(exc.fields)
            self.save_message.setText(translate("catalog", "Nothing was saved."))
            return
        self._show_problems({})
        if (edit.price, edit.active, set(edit.barcodes)) == \
                (product.price, product.active, set(product.barcodes)):
            self.save_message.setText(translate("catalog", "Nothing to save: nothing was "
                                                "changed."))
            return
        self.save_button.setEnabled(False)
        self.save_message.setText(translate("catalog", "Saving…"))

        def work(store: Store) -> ProductRow | ProductRefused:
            try:
                return save_product_edit(store, edit, actor=self.actor)
            except ProductRefused as exc:  # a barcode another product holds
                return exc

        self.save_work.run(work, self._saved, self._save_failed)

    def _saved(self, result: ProductRow | ProductRefused) -> None:
        self.save_button.setEnabled(self.selected() is not None)
        if isinstance(result, ProductRefused):
            self._show_problems(result.fields)
            self.save_message.setText(translate("catalog", "Nothing was saved."))
            return
        self.model.put(result)
        chosen = self.selected()
        if chosen is not None and chosen.sku == result.sku:
            self._fill_editor(result)
        said = translate("catalog", "Saved {name}: the tills use it from now on.").format(
            name=result.name)
        self.save_message.setText(said)
        self.changed.emit(said)

    def _save_failed(self, text: str) -> None:
        self.save_button.setEnabled(self.selected() is not None)
        self.save_message.setText(translate("catalog", "Nothing was saved: {problem}").format(
            problem=text))
