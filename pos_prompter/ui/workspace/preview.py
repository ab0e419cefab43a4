"""The rule editor's live preview: a sample order, a time and a customer type, and what the
till would show for the rule being edited, or why it would not fire.

The sample order is played through a real `OrderSession` on an `Engine` over the store's
catalog and its other rules (each item scanned at the chosen time; prompts they raise are
left unanswered, as when the clerk scans on), so the order has what the till's would: its
lines, its other prompts, its cap. Then `Engine.check` judges the edited rule against that
order, on the last line its `when.scanned` matches (or at checkout for a checkout rule):
the result is the very `Prompt` the till would show, drawn by the till's own `PromptPanel`,
or the engine's `Skip` reason ("outside its time window", "blocked by the price ratio...").

Two things are shown as if they were not there, and said so under the card: a rule that is
not active yet (a draft), and its holdout (the control group sees nothing).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.engine import Engine, Prompt, SalesHistory, Skip
from pos_prompter.core.money import format_money, percent
from pos_prompter.core.rules import Rule, Settings
from pos_prompter.core.sample_order import sample_for, sample_time
from pos_prompter.core.session import OrderSession
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say, translate
from pos_prompter.i18n.formats import locale
from pos_prompter.ui.prompt_panel import PromptPanel
from pos_prompter.ui.style import TILL_QSS, apply_base_look
from pos_prompter.ui.widgets import plain_label
from pos_prompter.ui.workspace.product_picker import CatalogChoices, PickerField

PREVIEW_ORDER_ID = 0
"""The sample order's id (the holdout draw uses it; the preview shows held-out rules anyway)."""

NO_RULE = QT_TRANSLATE_NOOP("preview", "Complete the rule in the form to see the prompt.")
"""Said while the form does not make a rule: of a new rule nothing is marked yet (issue 13,
point 12), so it asks for the rule, not for fixes."""
NO_ORDER = QT_TRANSLATE_NOOP("preview", "Scan or pick items for a sample order to see the "
                             "prompt.")
NO_TRIGGER = QT_TRANSLATE_NOOP("preview", "nothing in the sample order matches its scanned "
                               "items (when.scanned): add an item it is for")
NO_CUSTOMER = QT_TRANSLATE_NOOP("preview", "(no customer type)")
"""In English: the preview shows them translated."""
SECTION_MARGINS = (14, 10, 14, 12)
"""Left, top, right, bottom, inside the sample-order and card sections."""
PREVIEW_QSS = """
QFrame[formSection="true"] { background: palette(base); border: 1px solid #d5dbe3;
                             border-radius: 8px; }
QLabel#sectionTitle { font-size: 11pt; font-weight: bold; color: #1f2d3d; }
QLabel#sectionBlurb, QLabel#previewCaption, QLabel#previewNotes { color: #5f6b7a; }
"""


def delta_text(prompt: Prompt, money: str) -> str:
    """The amount in the card's corner, as the till window shows it (TillWindow._refresh):
    what accepting adds, except for a threshold, which adds nothing at once."""
    return "+" + money if prompt.kind != "threshold" and prompt.delta > 0 else ""


class RulePreview(QWidget):
    """The sample order, time and customer type, and the prompt card or the reason.

    Recomputed `delay_ms` after the last change (rule, order, time or customer); 0 means on
    the next pass of the event loop. `refresh()` recomputes at once.

    Signals:
        updated(object): recomputed; carries the `Prompt` shown, the `Skip` (why it would
            not fire), or None when there is nothing to judge (form invalid, order empty).
    """

    updated = Signal(object)

    def __init__(self, choices: CatalogChoices, settings: Settings,
                 history: SalesHistory | None = None, parent: QWidget | None = None, *,
                 delay_ms: int = 150, now: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulePreview")
        self._choices = choices
        self._settings = settings
        self._history = history
        self._rules: list[Rule] = []
        self._rule: Rule | None = None
        self._items: list[str] = []
        self.sample_is_auto = True
        """The sample order is the one made from the rule's trigger (core.sample_order),
        until the manager adds, removes or clears an item: their first item replaces it."""
        self._sample_key: object = None
        self.result: Prompt | Skip | None = None
        """What the preview shows now."""
        self.other_prompts: list[str] = []
        """Rule ids of the other prompts the sample order raised, in order."""

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)
        self._build(now)
        self.setStyleSheet(PREVIEW_QSS)
        self._show()

    # ------------------------------------------------------------------ building

    def _build(self, now: dt.datetime | None) -> None:
        self.scan_field = PickerField(
            self._choices.source("sku"), "previewScan", self,
            resolve=lambda text: self._choices.resolve("sku", text),
            placeholder=translate("preview", "Scan a barcode, or type a SKU or name"))
        self.scan_field.picked.connect(self.add_item)
        self.order_list = QListWidget(self)
        self.order_list.setObjectName("previewOrder")
        self.order_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.order_list.setMinimumHeight(48)
        self.order_list.setMaximumHeight(76)
        self.remove_button = QPushButton(translate("preview", "Remove"), self)
        self.remove_button.setObjectName("previewRemove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(translate("preview", "Clear"), self)
        self.clear_button.setObjectName("previewClear")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_order)
        self.time_edit = QDateTimeEdit(self)
        self.time_edit.setObjectName("previewTime")
        self.time_edit.setLocale(locale())  # its day's name and calendar in the window's words
        self.time_edit.setDisplayFormat("ddd yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(True)
        start = now or dt.datetime.now().replace(second=0, microsecond=0)
        # PySide6 converts a datetime; its stubs list no QDateTime(datetime) overload.
        self.time_edit.setDateTime(QDateTime(start))  # type: ignore[call-overload]
        self.time_edit.dateTimeChanged.connect(self.schedule)
        self.customer_box = QComboBox(self)
        self.customer_box.setObjectName("previewCustomer")
        self.customer_box.addItem(translate("preview", NO_CUSTOMER), None)
        self.customer_box.currentIndexChanged.connect(self.schedule)
        self.message = plain_label("previewMessage", self)
        self.message.hide()

        self.panel = PromptPanel(self)
        apply_base_look(self.panel)  # the till's look, on the card alone
        self.panel.setStyleSheet(TILL_QSS)
        self.panel.accept_button.setEnabled(False)
        self.panel.decline_button.setEnabled(False)
        self.reason = plain_label("previewReason", self)
        self.notes = plain_label("previewNotes", self)
        self.notes.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        settings = QFormLayout()
        settings.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        settings.addRow(translate("preview", "Time"), self.time_edit)
        settings.addRow(translate("preview", "Customer"), self.customer_box)

        self.order_box, order = self._section(
            "previewOrderSection", translate("preview", "Sample order"),
            translate("preview", "Scan or pick items as a clerk would. The card is the till's "
                      "own (its buttons do nothing here)."), "previewCaption")
        order.addWidget(self.scan_field)
        order.addWidget(self.order_list)
        order.addLayout(buttons)
        order.addLayout(settings)
        order.addWidget(self.message)
        self.result_box, result = self._section("previewResultSection",
                                                translate("preview", "What the till shows"))
        result.addWidget(self.panel)
        result.addWidget(self.reason)
        result.addWidget(self.notes)
        result.addStretch(1)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(4, 0, 4, 4)
        self.body.setSpacing(8)
        self.body.addWidget(self.order_box)
        self.body.addWidget(self.result_box)
        self.body.addStretch(1)

    def _section(self, name: str, title: str, blurb: str = "",
                 blurb_name: str = "sectionBlurb") -> tuple[QFrame, QVBoxLayout]:
        """A titled card (the sample order, or what the till shows) and its layout."""
        box = QFrame(self)
        box.setObjectName(name)
        box.setProperty("formSection", True)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(*SECTION_MARGINS)
        layout.setSpacing(6)
        heading = plain_label("sectionTitle", box, wrap=False)
        heading.setText(title)
        layout.addWidget(heading)
        if blurb:
            note = plain_label(blurb_name, box)
            note.setText(blurb)
            layout.addWidget(note)
        return box, layout

    # ------------------------------------------------------------------ arrangement

    def set_card_first(self, first: bool) -> None:
        """Show the card above the sample order (True: for a strip under the form, where
        the card is what must be seen without scrolling) or under it (False)."""
        if self.card_first() == first:
            return
        self.body.removeWidget(self.result_box)
        self.body.insertWidget(0 if first else 1, self.result_box)

    def card_first(self) -> bool:
        return self.body.indexOf(self.result_box) == 0

    def column_width(self) -> int:
        """The narrowest the preview can be with the prompt card (shown or not yet)
        uncut."""
        card = self.panel.minimumSizeHint().width() + SECTION_MARGINS[0] + SECTION_MARGINS[2]
        inner = max(self.order_box.minimumSizeHint().width(),
                    self.result_box.minimumSizeHint().width(), card + 2)  # + its border
        margins = self.body.contentsMargins()
        return inner + margins.left() + margins.right()

    # ------------------------------------------------------------------ inputs

    def set_context(self, settings: Settings, rules: Sequence[Rule],
                    history: SalesHistory | None = None) -> None:
        """The store as it is now: its settings and every rule (the edited rule's stored
        version is left out when judging it). The catalog is the choices' catalog."""
        self._settings = settings
        self._rules = list(rules)
        if history is not None:
            self._history = history
        self.set_customer_types({c for r in rules for c in r.customer})
        self._relist()
        self.schedule()

    def set_customer_types(self, types: Iterable[str]) -> None:
        current = self.customer()
        wanted = sorted(set(types) | ({current} if current else set()))
        have = [self.customer_box.itemData(i) for i in range(1, self.customer_box.count())]
        if have == wanted:
            return
        self.customer_box.blockSignals(True)
        self.customer_box.clear()
        self.customer_box.addItem(translate("preview", NO_CUSTOMER), None)
        for t in wanted:
            self.customer_box.addItem(t, t)
        self.customer_box.setCurrentIndex(max(0, self.customer_box.findData(current)))
        self.customer_box.blockSignals(False)

    def set_rule(self, rule: Rule | None) -> None:
        """The rule as the form now has it (None while the form has problems)."""
        self._rule = rule
        if rule is not None and self.sample_is_auto:
            self._auto_sample(rule)
        if rule is not None and rule.customer:
            self.set_customer_types([*rule.customer,
                                     *(self.customer_box.itemData(i)
                                       for i in range(1, self.customer_box.count()))])
        self.schedule()

    def reset_sample(self) -> None:
        """Another rule is loaded: its sample comes from its own trigger again."""
        self.sample_is_auto = True
        self._sample_key = None

    def _auto_sample(self, rule: Rule) -> None:
        """A sample order from `rule`'s trigger, made again when the trigger changes."""
        key = (rule.event, rule.scanned, rule.order, rule.kind, rule.offer, rule.time,
               rule.customer)
        if key == self._sample_key:
            return
        self._sample_key = key
        self._items.clear()
        self.order_list.clear()
        for sku in sample_for(rule, self.catalog, self._settings.max_offer_ratio):
            product = self.catalog.get(sku)
            if product is not None:
                self._items.append(product.sku)
                self.order_list.addItem(self._line_item(product))
        self._say(translate("preview", "A sample from the rule's trigger: scan or pick items "
                            "to make your own.") if self._items else "")
        if rule.time is not None:
            self.set_time(sample_time(rule, self.now()))
        if rule.customer and self.customer() not in rule.customer:
            self.set_customer(min(rule.customer))
        self.schedule()

    def _own_sample(self) -> None:
        """The manager changes the sample: from now on it is theirs."""
        if self.sample_is_auto:
            self.sample_is_auto = False
            self._items.clear()
            self.order_list.clear()

    @property
    def catalog(self) -> Catalog:
        return self._choices.catalog

    def items(self) -> list[str]:
        """The sample order's SKUs, in order."""
        return list(self._items)

    @Slot(str)
    def add_item(self, code: str) -> bool:
        """Add a product by barcode or SKU, as the till would scan it."""
        product = self.catalog.lookup(code)
        if product is None:
            self._say(translate("preview", "No product has the barcode or SKU {code}.").format(
                code=repr(code.strip())))
            return False
        if not product.active:
            self._say(translate("preview", "{name} is not for sale: the till refuses it.")
                      .format(name=product.name))
            return False
        self._say("")
        self._own_sample()
        self._items.append(product.sku)
        self.order_list.addItem(self._line_item(product))
        self.schedule()
        return True

    @Slot()
    def remove_selected(self) -> None:
        self.sample_is_auto = False
        rows = sorted((self.order_list.row(i) for i in self.order_list.selectedItems()),
                      reverse=True)
        for row in rows:
            del self._items[row]
            self.order_list.takeItem(row)
        if rows:
            self.schedule()

    @Slot()
    def clear_order(self) -> None:
        self.sample_is_auto = False
        self._items.clear()
        self.order_list.clear()
        self._say("")
        self.schedule()

    def set_time(self, when: dt.datetime) -> None:
        # PySide6 converts a datetime; its stubs list no QDateTime(datetime) overload.
        self.time_edit.setDateTime(QDateTime(when))  # type: ignore[call-overload]

    def now(self) -> dt.datetime:
        value = self.time_edit.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        return value.replace(second=0, microsecond=0)

    def set_customer(self, customer: str | None) -> None:
        if customer and self.customer_box.findData(customer) < 0:
            self.set_customer_types([customer, *(self.customer_box.itemData(i)
                                                 for i in range(1, self.customer_box.count()))])
        self.customer_box.setCurrentIndex(max(0, self.customer_box.findData(customer)))

    def customer(self) -> str | None:
        data = self.customer_box.currentData()
        return str(data) if data else None

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _line_item(self, product: Product) -> QListWidgetItem:
        item = QListWidgetItem(f"{product.name}  {self._money(product.price)}")
        item.setToolTip(product.sku)
        item.setData(Qt.ItemDataRole.UserRole, product.sku)
        return item

    def _relist(self) -> None:
        """Redraw the order's lines (after a catalog or currency change)."""
        self.order_list.clear()
        kept = []
        for sku in self._items:
            product = self.catalog.get(sku)
            if product is not None:
                kept.append(sku)
                self.order_list.addItem(self._line_item(product))
        self._items = kept

    def _money(self, cents: int) -> str:
        return format_money(cents, self._settings.currency)

    # ------------------------------------------------------------------ judging

    @Slot()
    def schedule(self) -> None:
        """Recompute after the delay (restarted by every change)."""
        self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        self.schedule()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # A closing window: no recompute after it (its store may be closed by then).
        self._timer.stop()
        super().hideEvent(event)

    @Slot()
    def refresh(self) -> None:
        """Recompute now."""
        self._timer.stop()
        self.result = self.evaluate()
        self._show()
        self.updated.emit(self.result)

    def evaluate(self) -> Prompt | Skip | None:
        """The prompt the till would show for the rule on the sample order, or why not."""
        self.other_prompts = []
        rule = self._rule
        if rule is None or not self._items:
            return None
        now = self.now()
        shown = dataclasses.replace(rule, active=True, holdout=Decimal(0))
        others = [r for r in self._rules if r.id != rule.id]
        catalog = self.catalog
        replay = Engine(catalog, others, self._settings, self._history)
        session = OrderSession(PREVIEW_ORDER_ID, replay, customer=self.customer())
        for sku in self._items:
            product = catalog.get(sku)
            if product is None:
                continue
            for event in session.scan(product, now):
                if event.event == "prompt":
                    self.other_prompts.append(str(event.data["rule"]))
        engine = Engine(catalog, [*others, shown], self._settings, self._history)
        trigger: int | None = None
        if shown.event == "scan":
            trigger = self._trigger_line(shown, session)
            if trigger is None:
                return Skip(NO_TRIGGER)
        return engine.check(shown, session.view(), trigger, now)

    def _trigger_line(self, rule: Rule, session: OrderSession) -> int | None:
        """The last line the rule's `when.scanned` matches (any line when it has none)."""
        sc = rule.scanned
        for line in reversed(session.lines):
            product = self.catalog.get(line.sku)
            if product is None:
                continue
            if sc is None or (product.sku in sc.skus
                              or (product.category is not None
                                  and product.category in sc.categories)
                              or not sc.tags.isdisjoint(product.tags)):
                return line.no
        return None

    def _show(self) -> None:
        result = self.result
        if isinstance(result, Prompt):
            self.panel.show_prompt(result, delta_text(result, self._money(result.delta)))
            self.reason.hide()
        else:
            self.panel.show_prompt(None)
            if isinstance(result, Skip):
                reason = (translate("preview", NO_TRIGGER) if result.reason == NO_TRIGGER
                          else say(result.reason))
                text = translate("preview", "Would not fire: {reason}.").format(reason=reason)
            else:
                text = translate("preview", NO_RULE if self._rule is None else NO_ORDER)
            self.reason.setText(text)
            self.reason.show()
        self.notes.setText(self._notes())
        self.notes.setVisible(bool(self.notes.text()))

    def _notes(self) -> str:
        rule = self._rule
        if rule is None or self.result is None:
            return ""
        notes = []
        if not rule.active:
            notes.append(translate("preview", "Not active yet: the till shows it only once it "
                                   "is switched on (shown here as if it were)."))
        if rule.holdout:
            notes.append(translate("preview", "{share} of orders are held out as a control "
                                   "group and see nothing; this is what the others see.")
                         .format(share=percent(rule.holdout)))
        if self.other_prompts:
            titles = [self._title(rid) for rid in self.other_prompts]
            notes.append(translate("preview", "The sample order also raised: {titles}.")
                         .format(titles="; ".join(titles)))
        return "\n".join(notes)

    def _title(self, rule_id: str) -> str:
        for r in self._rules:
            if r.id == rule_id:
                return f"{r.title} ({r.id})"
        return rule_id
