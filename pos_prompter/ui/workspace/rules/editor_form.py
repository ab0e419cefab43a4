"""The rule form's widgets: every field of the rule-pack spec in titled SECTIONS that
scroll under a row of links to them, each field with its error label.

`RuleForm` holds widgets, not a `Rule`: `values()` reads the fields (see
`form_values.dict_from_values` for the rule they make), `set_values` puts values back
without it counting as an edit, and every edit by the manager is said by `edited` (the
editor makes an undo step of it). `show_problems` puts each problem by its field;
`refresh` shows what depends on other fields (the kind's offer page and placeholders, the
hours, the dates, a published rule's fixed id).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.rules import DAYS, KIND_PLACEHOLDERS, PLACEHOLDERS
from pos_prompter.i18n import QT_TRANSLATE_NOOP, translate
from pos_prompter.ui.workspace.product_picker import CatalogChoices
from pos_prompter.ui.workspace.rules.form_parts import (
    FieldBuilder,
    FormField,
    HoursField,
    days_field,
)
from pos_prompter.ui.workspace.rules.form_words import day_text, meaning
from pos_prompter.ui.workspace.rules.offer_section import OfferSection, kind_name

SECTIONS: dict[str, tuple[str, str]] = {
    "rule": (QT_TRANSLATE_NOOP("editor", "The rule"),
             QT_TRANSLATE_NOOP("editor", "How it is named in the rule list, the audit log and "
                               "the reports.")),
    "trigger": (QT_TRANSLATE_NOOP("editor", "What triggers it"),
                QT_TRANSLATE_NOOP("editor", "The till considers the rule when all of these "
                                  "hold; an empty field is no condition.")),
    "offer": (QT_TRANSLATE_NOOP("editor", "What it offers"),
              QT_TRANSLATE_NOOP("editor", "The kind of suggestion, and what the customer is "
                                "offered.")),
    "words": (QT_TRANSLATE_NOOP("editor", "What the clerk says"),
              QT_TRANSLATE_NOOP("editor", "The card's words: read aloud, and the reason under "
                                "them.")),
    "guardrails": (QT_TRANSLATE_NOOP("editor", "Guardrails & timing"),
                   QT_TRANSLATE_NOOP("editor", "When it may run, how it ranks against the "
                                     "other prompts, and how much it may add to the order.")),
}
"""The form's sections, top to bottom: key -> (title, what it is about), in English (the
form shows them translated)."""
SECTION_LINKS = {"rule": QT_TRANSLATE_NOOP("editor", "Rule"),
                 "trigger": QT_TRANSLATE_NOOP("editor", "Trigger"),
                 "offer": QT_TRANSLATE_NOOP("editor", "Offer"),
                 "words": QT_TRANSLATE_NOOP("editor", "Words"),
                 "guardrails": QT_TRANSLATE_NOOP("editor", "Guardrails")}
"""The links above the form that scroll to a section (in English)."""
DAY_COLUMNS = 4
CHIP_COLUMNS = 3
"""Weekday boxes and placeholder buttons per row."""
SAY_HEIGHT = 60
WHY_HEIGHT = 88
"""Say and why: three and five lines or so."""


class RuleForm(QWidget):
    """The rule's fields, in sections, with the links that scroll to them (object name
    "ruleFormSide"; the scroll area is "ruleForm", `form_scroll`).

    Signals:
        edited(str, bool): the manager changed field `key`; the bool says whether the
            change is typing that may merge with the step before (not for a placeholder
            inserted, nor for values put back with `set_value(s)`, which say nothing).
    """

    edited = Signal(str, bool)

    def __init__(self, choices: CatalogChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleFormSide")
        self.choices = choices
        self._applying = 1  # nothing the building does is an edit
        self._merge_next = True
        self._parts = FieldBuilder(self, choices, self._changed)
        self.sections: dict[str, QFrame] = {}
        """The form's sections by key (see SECTIONS), top to bottom."""
        try:
            self._build()
        finally:
            self._applying = 0

    # ------------------------------------------------------------------ values

    @property
    def fields(self) -> Mapping[str, FormField]:
        return self._parts.fields

    def value(self, key: str) -> Any:
        return self._parts.fields[key].get()

    def values(self) -> dict[str, Any]:
        """Every field's value, by key (see form_values)."""
        return {key: f.get() for key, f in self._parts.fields.items()}

    def set_value(self, key: str, value: Any) -> None:
        """Put `value` in field `key`: not an edit (`edited` says nothing)."""
        self.set_values({key: value})

    def set_values(self, values: Mapping[str, Any]) -> None:
        self._applying += 1
        try:
            for key, value in values.items():
                self._parts.fields[key].set(value)
        finally:
            self._applying -= 1

    def label(self, key: str) -> str:
        """How field `key` is named in an undo step ("change title")."""
        return self._parts.fields[key].label

    def _changed(self, key: str, *_args: object) -> None:
        if not self._applying:
            self.edited.emit(key, self._parts.fields[key].typing and self._merge_next)

    # ------------------------------------------------------------------ problems

    def error_label(self, key: str) -> QLabel:
        """The label beside a field (or section) where its problems are shown; "" is the
        list under the form (`problem_list`)."""
        return self._parts.errors[key]

    def show_problems(self, visible: Mapping[str, list[str]]) -> None:
        """Show each of `visible` (by field key) by its field; clear the others."""
        for key, label in self._parts.errors.items():
            text = "\n".join(visible.get(key, []))
            label.setText(text)
            label.setVisible(bool(text))

    def refresh(self, *, published: bool) -> None:
        """Show what follows from the values: the kind's offer page, help and usable
        placeholders, the hours and dates enabled when ticked; a `published` rule's id is
        read-only."""
        kind = self.value("kind")
        self.offer.refresh(kind)
        self.hours.update()
        self.from_edit.setEnabled(self.from_on.isChecked())
        self.to_edit.setEnabled(self.to_on.isChecked())
        self.id_edit.setReadOnly(published)
        self._update_placeholders(kind)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        parts = self._parts
        content = QWidget(self)
        content.setObjectName("ruleFormContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(2, 2, 8, 8)
        column.setSpacing(12)
        for build in (self._build_rule, self._build_trigger, self._build_offer,
                      self._build_words, self._build_guardrails):
            column.addWidget(build())
        column.addStretch(1)
        parts.align_captions()
        scroll = QScrollArea(self)
        scroll.setObjectName("ruleForm")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.form_scroll = scroll
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(4)
        side.addLayout(self._build_section_links())
        side.addWidget(scroll, 1)
        self.problem_list = parts.problem_label("", "ruleProblems")
        """The problems that name no field (the editor shows it under the form)."""

    def _section(self, key: str) -> tuple[QFrame, QFormLayout]:
        title, blurb = SECTIONS[key]
        box, form = self._parts.section(key, translate("editor", title),
                                        translate("editor", blurb))
        self.sections[key] = box
        return box, form

    def _build_section_links(self) -> QHBoxLayout:
        """A row of links to the form's sections, above it."""
        links = QHBoxLayout()
        links.setContentsMargins(2, 0, 2, 0)
        links.setSpacing(2)
        caption = QLabel(translate("editor", "Go to:"), self)
        caption.setProperty("hint", True)
        links.addWidget(caption)
        for key, text in SECTION_LINKS.items():
            button = QToolButton(self)
            button.setObjectName(f"sectionLink_{key}")
            button.setText(translate("editor", text))
            button.setToolTip(translate("editor", "Scroll to “{section}”").format(
                section=translate("editor", SECTIONS[key][0])))
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(partial(self.show_section, key))
            links.addWidget(button)
        links.addStretch(1)
        return links

    def show_section(self, key: str, _checked: bool = False) -> None:
        """Scroll the form so that section `key` (see SECTIONS) is at its top."""
        box = self.sections[key]
        self.form_scroll.verticalScrollBar().setValue(box.y() - 2)

    def _build_rule(self) -> QFrame:
        p = self._parts
        box, form = self._section("rule")
        self.id_edit = p.line("id", "ruleId", translate("editor", "id"), "latte-size-up")
        p.row(form, translate("editor", "Id"), self.id_edit, p.problem_label("id", "ruleIdError"),
              translate("editor", "a-z, 0-9 and -; it cannot change once the rule is "
                        "published"))
        self.title_edit = p.line("title", "ruleTitle", translate("editor", "title"),
                                 translate("editor", "Size up morning lattes"))
        p.row(form, translate("editor", "Title"), self.title_edit,
              p.problem_label("title", "ruleTitleError"))
        self.active_box = p.check("active", "ruleActive",
                                  translate("editor", "Active (shown at the tills)"),
                                  translate("editor", "active"))
        p.row(form, "", self.active_box, p.problem_label("active", "ruleActiveError"))
        return box

    def _build_trigger(self) -> QFrame:
        p = self._parts
        box, form = self._section("trigger")
        self.event_box = p.combo("event", "ruleEvent", translate("editor", "event"),
                                 ((translate("editor", "When an item is scanned"), "scan"),
                                  (translate("editor", "At checkout"), "checkout")))
        p.row(form, translate("editor", "Event"), self.event_box,
              p.problem_label("event", "ruleEventError"))
        self.scanned_sku = p.values("scanned_sku", "sku", "scannedSku",
                                    translate("editor", "scanned products"),
                                    translate("editor", "Product: type a SKU or name, or scan"))
        self.scanned_category = p.values("scanned_category", "category", "scannedCategory",
                                         translate("editor", "scanned categories"),
                                         translate("editor", "Category"))
        self.scanned_tag = p.values("scanned_tag", "tag", "scannedTag",
                                    translate("editor", "scanned tags"),
                                    translate("editor", "Tag"))
        form.addRow(p.problem_label("scanned", "scannedError"))
        p.row(form, translate("editor", "Scanned item is"), self.scanned_sku,
              p.problem_label("scanned_sku", "scannedSkuError"),
              translate("editor", "any of these products, categories or tags (none: any "
                        "item)"))
        p.row(form, translate("editor", "or in category"), self.scanned_category,
              p.problem_label("scanned_category", "scannedCategoryError"))
        p.row(form, translate("editor", "or tagged"), self.scanned_tag,
              p.problem_label("scanned_tag", "scannedTagError"))

        form.addRow(p.problem_label("order", "orderError"))
        self.total_min_edit = p.line("total_min", "orderTotalMin",
                                     translate("editor", "order total from"),
                                     translate("editor", "e.g. {amount}").format(amount="3.00"))
        self.total_max_edit = p.line("total_max", "orderTotalMax",
                                     translate("editor", "order total up to"),
                                     translate("editor", "e.g. {amount}").format(
                                         amount="50.00"))
        totals = QHBoxLayout()
        totals.addWidget(self.total_min_edit)
        totals.addWidget(QLabel(translate("editor", "to"), self))
        totals.addWidget(self.total_max_edit)
        form.addRow(translate("editor", "Order total"), p.with_errors(
            totals, ("total_min", "orderTotalMinError"), ("total_max", "orderTotalMaxError")))
        refs = translate("editor", "sku:X, category:Y or tag:Z")
        self.has_edit = p.values("has", "ref", "orderHas", translate("editor", "order has"),
                                 refs)
        p.row(form, translate("editor", "Order has all of"), self.has_edit,
              p.problem_label("has", "orderHasError"))
        self.lacks_edit = p.values("lacks", "ref", "orderLacks",
                                   translate("editor", "order lacks"), refs)
        p.row(form, translate("editor", "Order has none of"), self.lacks_edit,
              p.problem_label("lacks", "orderLacksError"))

        self.customer_edit = p.values("customer", "customer", "ruleCustomer",
                                      translate("editor", "customer types"),
                                      translate("editor", "Customer type, e.g. member"))
        p.row(form, translate("editor", "Customer type"), self.customer_edit,
              p.problem_label("customer", "ruleCustomerError"),
              translate("editor", "any of these (none: anyone)"))
        return box

    def _build_offer(self) -> QFrame:
        box, top = self._section("offer")
        self.offer = OfferSection(self._parts, top)
        self.offer_pages = self.offer.pages
        self.add_edit = self.offer.add_edit
        return box

    def _build_words(self) -> QFrame:
        p = self._parts
        box, form = self._section("words")
        self.say_edit = p.text("say", "ruleSay", translate("editor", "say"))
        self.say_edit.setPlaceholderText(translate(
            "editor", "Would you like a {offer} with that? It's {price}."))
        self.say_edit.setFixedHeight(SAY_HEIGHT)
        p.row(form, translate("editor", "Say"), self.say_edit,
              p.problem_label("say", "ruleSayError"),
              translate("editor", "read aloud to the customer"))
        self.why_edit = p.text("why", "ruleWhy", translate("editor", "why"))
        self.why_edit.setPlaceholderText(translate("editor", "Why it is worth asking (shown to "
                                                   "the clerk)"))
        self.why_edit.setFixedHeight(WHY_HEIGHT)
        p.row(form, translate("editor", "Why"), self.why_edit,
              p.problem_label("why", "ruleWhyError"))
        self._text_target = self.say_edit

        chips = QGridLayout()
        chips.setHorizontalSpacing(6)
        chips.setVerticalSpacing(4)
        self.placeholder_buttons: dict[str, QToolButton] = {}
        for at, (name, text) in enumerate(PLACEHOLDERS.items()):
            button = QToolButton(self)
            button.setObjectName(f"placeholder_{name}")
            button.setProperty("placeholder", True)
            button.setText("{" + name + "}")
            button.setToolTip(meaning(text))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text keeps its cursor
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(partial(self.insert_placeholder, name))
            self.placeholder_buttons[name] = button
            chips.addWidget(button, at // CHIP_COLUMNS, at % CHIP_COLUMNS)
        caption = QLabel(translate("editor", "Insert a placeholder where the cursor is "
                                   "(greyed out: no value for this kind of rule)"), self)
        caption.setProperty("hint", True)
        caption.setWordWrap(True)
        form.addRow(caption)
        form.addRow(chips)
        return box

    def _build_guardrails(self) -> QFrame:
        p = self._parts
        box, form = self._section("guardrails")
        form.addRow(p.problem_label("time", "timeError"))
        self.hours = HoursField(p)
        p.row(form, translate("editor", "Hours"), self.hours.rows,
              p.problem_label("hours", "timeHoursError"),
              translate("editor", "local time; may wrap midnight (22:00 to 02:00)"))
        self.day_boxes: dict[str, QCheckBox] = {}
        days = QGridLayout()
        days.setHorizontalSpacing(12)
        days.setVerticalSpacing(4)
        for at, day in enumerate(DAYS):
            check = QCheckBox(day_text(day), self)
            check.setObjectName(f"timeDay{day.capitalize()}")
            self.day_boxes[day] = check
            days.addWidget(check, at // DAY_COLUMNS, at % DAY_COLUMNS)
        days.setColumnStretch(DAY_COLUMNS, 1)
        p.register(FormField("days", translate("editor", "days"),
                             *days_field(self.day_boxes)),
                   *(b.toggled for b in self.day_boxes.values()))
        p.row(form, translate("editor", "Days"), days, p.problem_label("days", "timeDaysError"),
              translate("editor", "none ticked: every day"))
        self.from_on, self.from_edit = p.date("date_from", "timeFrom",
                                              translate("editor", "from date"))
        self.to_on, self.to_edit = p.date("date_to", "timeTo", translate("editor", "to date"))
        dates = QGridLayout()
        dates.setHorizontalSpacing(8)
        dates.setVerticalSpacing(4)
        dates.addWidget(self.from_on, 0, 0)
        dates.addWidget(self.from_edit, 0, 1)
        dates.addWidget(self.to_on, 1, 0)
        dates.addWidget(self.to_edit, 1, 1)
        dates.setColumnStretch(2, 1)
        form.addRow(translate("editor", "Dates"), p.with_errors(
            dates, ("date_from", "timeFromError"), ("date_to", "timeToError")))

        self.priority_box = QSpinBox(self)
        self.priority_box.setObjectName("rulePriority")
        self.priority_box.setRange(-1_000_000, 1_000_000)
        p.register(FormField("priority", translate("editor", "priority"),
                             self.priority_box.value,
                             self.priority_box.setValue, typing=True),
                   self.priority_box.valueChanged)
        p.row(form, translate("editor", "Priority"), self.priority_box,
              p.problem_label("priority", "rulePriorityError"),
              translate("editor", "higher first (a line's upsells always come first)"))
        self.holdout_edit = p.line("holdout", "ruleHoldout", translate("editor", "holdout"),
                                   "0")
        p.row(form, translate("editor", "Holdout"), self.holdout_edit,
              p.problem_label("holdout", "ruleHoldoutError"),
              translate("editor", "share of orders that never see it, to measure uplift: "
                        "0.1 = 10%"))
        self.ratio_edit = p.line("max_offer_ratio", "ruleMaxOfferRatio",
                                 translate("editor", "max offer ratio"))
        p.row(form, translate("editor", "Max offer ratio"), self.ratio_edit,
              p.problem_label("max_offer_ratio", "ruleMaxOfferRatioError"),
              translate("core", "an offer may add at most this times the trigger line's "
                        "price"))
        return box

    # ------------------------------------------------------------------ placeholders

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QPlainTextEdit):
            self._text_target = watched
        return super().eventFilter(watched, event)

    def insert_placeholder(self, name: str, _checked: bool = False) -> None:
        """Insert {name} at the cursor of say or why, whichever had the focus last."""
        target = self._text_target
        cursor = target.textCursor()
        self._merge_next = False  # its own undo step, not part of the typing around it
        try:
            cursor.insertText("{" + name + "}")
        finally:
            self._merge_next = True
        target.setTextCursor(cursor)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_placeholders(self, kind: str) -> None:
        usable = KIND_PLACEHOLDERS.get(kind, frozenset())
        for name, button in self.placeholder_buttons.items():
            button.setEnabled(name in usable)
            tail = "" if name in usable else "\n" + translate(
                "editor", "(no value in a {kind} prompt: it would render empty)").format(
                    kind=kind_name(kind))
            button.setToolTip(meaning(PLACEHOLDERS[name]) + tail)
