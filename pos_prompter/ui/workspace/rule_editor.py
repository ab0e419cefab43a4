"""One rule's form: every field of the rule-pack spec, checked as you type, with undo and
redo, a live preview, and publishing through lint.

The form holds widgets, not a `Rule`: `rule_dict()` builds the rule in rule-pack form (what
export writes; money as decimal text, never float) from the widgets, and `parse_rule` checks
it on every change exactly as an import would. Each problem is shown next to the field it
names ("field offer.bundle.price: ..."); what names no field goes in a list under the form.
Every change is a QUndoCommand on `undo_stack` (consecutive typing in one text field is one
step). Publishing lints the rule against the store's catalog and its other rules: errors
refuse it, warnings ask first in a QMessageBox opened with open() (never exec), and only
then is it saved, audited under the signed-in manager's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any, NamedTuple

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QTextCursor,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.errors import UserError, ValidationError
from pos_prompter.core.lint import Finding, has_errors, lint
from pos_prompter.core.lint_overlap import same_offers_of
from pos_prompter.core.rule_words import manager_message
from pos_prompter.core.rules import (
    DAYS,
    KIND_PLACEHOLDERS,
    KINDS,
    PLACEHOLDERS,
    Rule,
    Settings,
    parse_rule,
    rule_to_dict,
)
from pos_prompter.store import Store
from pos_prompter.ui.widgets import plain_label
from pos_prompter.ui.workspace.field_touch import (
    FIELD_KEY,
    RULE_FORM_GROUPS,
    FieldTouch,
    field_key_of,
)
from pos_prompter.ui.workspace.preview import RulePreview
from pos_prompter.ui.workspace.product_picker import (
    CatalogChoices,
    PickerField,
    ValueListEdit,
)
from pos_prompter.ui.workspace.whatif_panel import WhatIfPanel

KIND_NAMES = {"upsell": "Upsell", "cross_sell": "Cross-sell", "bundle": "Bundle",
              "threshold": "Threshold (reward)"}
KIND_HELP = {
    "upsell": "Replaces the scanned item with a bigger size or a better product.",
    "cross_sell": "Adds another item: the first of the list that is not in the order yet.",
    "bundle": "Adds items to the scanned one, all of them together for a set price.",
    "threshold": "Tells the customer how close the order is to a reward at a given total.",
}
SUGGESTED_CUSTOMER_TYPES = ("member", "staff")
"""Offered in the customer picker besides the types the store's rules already use."""

NEW_RULE: dict[str, Any] = {"id": "", "kind": "cross_sell", "title": "", "offer": {"add": []},
                            "say": "", "priority": 0}
"""What `edit_rule(None)` starts from."""

PROBLEM_RE = re.compile(r"\A(?:rule [^,]*|pack|settings), field (?P<field>\S+): "
                        r"(?P<message>.*)\Z", re.DOTALL)
"""How parse_rule names a field: "rule latte-up, field offer.add: needs at least one sku"."""

ERROR_TARGETS: dict[str, str] = {
    "id": "id", "kind": "kind", "title": "title", "say": "say", "why": "why",
    "priority": "priority", "holdout": "holdout", "max_offer_ratio": "max_offer_ratio",
    "active": "active",
    "when.event": "event",
    "when.scanned": "scanned", "when.scanned.sku": "scanned_sku",
    "when.scanned.category": "scanned_category", "when.scanned.tag": "scanned_tag",
    "when.order": "order", "when.order.total_min": "total_min",
    "when.order.total_max": "total_max", "when.order.has": "has", "when.order.lacks": "lacks",
    "when.time": "time", "when.time.hours": "hours", "when.time.days": "days",
    "when.time.from": "date_from", "when.time.to": "date_to",
    "when.customer": "customer",
    "offer": "offer", "offer.upgrade_to": "upgrade_to", "offer.add": "add",
    "offer.bundle.with": "bundle_with", "offer.bundle.price": "bundle_price",
    "offer.threshold.order_total": "order_total", "offer.threshold.within": "within",
    "offer.threshold.reward": "reward", "offer.threshold.reward_price": "reward_price",
}
"""Field path in a problem -> the form's error label for it. A path not here goes to its
parent's label ("offer.bundle" -> "offer"), or else to the list under the form."""

SECTIONS: dict[str, tuple[str, str]] = {
    "rule": ("The rule", "How it is named in the rule list, the audit log and the reports."),
    "trigger": ("What triggers it",
                "The till considers the rule when all of these hold; an empty field is no "
                "condition."),
    "offer": ("What it offers", "The kind of suggestion, and what the customer is offered."),
    "words": ("What the clerk says", "The card's words: read aloud, and the reason under them."),
    "guardrails": ("Guardrails & timing",
                   "When it may run, how it ranks against the other prompts, and how much it "
                   "may add to the order."),
}
"""The form's sections, top to bottom: key -> (title, what it is about)."""
SECTION_LINKS = {"rule": "Rule", "trigger": "Trigger", "offer": "Offer", "words": "Words",
                 "guardrails": "Guardrails"}
"""The links above the form that scroll to a section."""
DAY_COLUMNS = 4
CHIP_COLUMNS = 3
"""Weekday boxes and placeholder buttons per row."""
SAY_HEIGHT = 60
WHY_HEIGHT = 88
"""Say and why: three and five lines or so."""
MIN_PANE = 180
"""The form and the preview never get narrower (or, stacked, lower) than this."""
STACKED_SHARES = (1, 1)
CARD_FIRST_BELOW = 600
"""An editor lower than this shows the preview's card above its sample order even beside
the form (the list above it at 1024x768): Accept and Decline without scrolling."""
"""How the form and the preview under it share the editor's height at first."""
CAPTION_WIDTH = 112
"""The captions' column: longer captions wrap."""

TYPING_ID = 0x7275
"""QUndoCommand id shared by typing edits: consecutive ones in one field merge."""

EDITOR_QSS = """
QLabel[problem="true"] { color: #b3261e; }
QLabel[hint="true"] { color: #5f6b7a; }
#publishStatus[level="error"] { color: #b3261e; font-weight: bold; }
#lintFindings { background: #fff8e6; border: 1px solid #e3a21a; border-radius: 6px;
                padding: 6px; }
QToolButton#valueChip { border: 1px solid #a9b3bf; border-radius: 10px; padding: 1px 8px;
                        background: #eef2f7; }
QFrame[formSection="true"] { background: palette(base); border: 1px solid #d5dbe3;
                             border-radius: 8px; }
QLabel#sectionTitle { font-size: 11pt; font-weight: bold; color: #1f2d3d; }
QLabel#sectionBlurb { color: #5f6b7a; }
QToolButton[placeholder="true"] { border: 1px solid #c9d3df; border-radius: 9px;
                                  padding: 2px 6px; background: #f3f6fa; }
QToolButton[placeholder="true"]:hover { background: #e3eaf3; }
QToolButton[placeholder="true"]:disabled { color: #9aa5b1; background: transparent;
                                           border-style: dashed; }
"""


@dataclass(frozen=True, slots=True)
class _Field:
    """One value of the form: how to read it from its widgets and put it back."""

    key: str
    label: str
    get: Callable[[], Any]
    set: Callable[[Any], None]
    typing: bool = False
    """Typed text: consecutive edits merge into one undo step."""


class _FieldEdit(QUndoCommand):
    """One change of one field, from `old` to `new`."""

    def __init__(self, editor: RuleEditor, key: str, old: Any, new: Any, *,
                 merge: bool) -> None:
        super().__init__(f"change {editor.field_label(key)}")
        self._editor = editor
        self.key = key
        self.old = old
        self.new = new
        self._merge = merge

    def id(self) -> int:
        return TYPING_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _FieldEdit) or other.key != self.key or not other._merge:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self._editor._apply(self.key, self.new)

    def undo(self) -> None:
        self._editor._apply(self.key, self.old)


class _OfferPage(QWidget):
    """The offer fields of one kind. Only the page shown counts for the height of the
    stack (a QStackedWidget is otherwise as tall as its tallest page): the others also
    get an Ignored size policy, see RuleEditor._show_offer_page."""

    def heightForWidth(self, width: int) -> int:
        return -1 if self.isHidden() else super().heightForWidth(width)


class _UndoKeys(QObject):
    """Keeps Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) for the form's undo stack: a text field would
    otherwise take them for its own undo, which knows nothing of the other fields."""

    REDO_EXTRA = QKeySequence("Ctrl+Shift+Z")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or QKeySequence(event.keyCombination()) == self.REDO_EXTRA):
            return True  # left unaccepted: the editor's shortcut gets the key
        return super().eventFilter(watched, event)


def _number_out(text: str) -> Any:
    """A ratio as the pack writes it (1.5, 2): exact decimal text in, and if it is not a
    number, the text itself, so that parse_rule says what is wrong with it."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    if not value.is_finite():
        return text
    return int(value) if value == value.to_integral_value() else float(value)


def _number_text(value: Any) -> str:
    return "" if value is None else str(value)


def _minutes(text: str) -> int:
    hours, _sep, minutes = text.partition(":")
    return int(hours) * 60 + int(minutes)


def _hours_out(span: tuple[int, int]) -> str:
    start, end = span
    return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"


def _hours_in(text: Any) -> tuple[int, int] | None:
    if not isinstance(text, str) or not re.fullmatch(r"\d\d:\d\d-\d\d:\d\d", text):
        return None
    start, _sep, end = text.partition("-")
    return _minutes(start), _minutes(end)


def values_from_dict(raw: dict[str, Any]) -> dict[str, Any]:
    """A rule in pack form (rule_to_dict) as the form's field values."""
    when = raw.get("when") or {}
    scanned = when.get("scanned") or {}
    order = when.get("order") or {}
    time = when.get("time") or {}
    offer = raw.get("offer") or {}
    bundle = offer.get("bundle") or {}
    threshold = offer.get("threshold") or {}
    return {
        "id": raw.get("id", ""), "kind": raw.get("kind", "cross_sell"),
        "title": raw.get("title", ""), "active": raw.get("active", True) is not False,
        "priority": int(raw.get("priority", 0)),
        "holdout": _number_text(raw.get("holdout")),
        "max_offer_ratio": _number_text(raw.get("max_offer_ratio")),
        "event": when.get("event", "scan"),
        "scanned_sku": list(scanned.get("sku", [])),
        "scanned_category": list(scanned.get("category", [])),
        "scanned_tag": list(scanned.get("tag", [])),
        "total_min": _number_text(order.get("total_min")),
        "total_max": _number_text(order.get("total_max")),
        "has": list(order.get("has", [])), "lacks": list(order.get("lacks", [])),
        "hours": _hours_in(time.get("hours")),
        "days": tuple(d for d in DAYS if d in time.get("days", ())),
        "date_from": time.get("from"), "date_to": time.get("to"),
        "customer": list(when.get("customer", [])),
        "upsell_mode": "upgrade_to" if offer.get("upgrade_to") else "next_size",
        "upgrade_to": offer.get("upgrade_to") or "",
        "add": list(offer.get("add", [])),
        "bundle_with": list(bundle.get("with", [])),
        "bundle_price": _number_text(bundle.get("price")),
        "order_total": _number_text(threshold.get("order_total")),
        "within": _number_text(threshold.get("within")),
        "reward": threshold.get("reward") or "",
        "reward_price": _number_text(threshold.get("reward_price")),
        "say": raw.get("say", ""), "why": raw.get("why", ""),
    }


def dict_from_values(v: dict[str, Any]) -> dict[str, Any]:
    """The form's field values as a rule in pack form: the fields in spec order, defaults
    left out, as rule_to_dict writes them (so a rule loaded unchanged builds the same
    dict). Only the offer fields of the chosen kind are written."""
    out: dict[str, Any] = {"id": v["id"], "kind": v["kind"], "title": v["title"]}
    when: dict[str, Any] = {}
    if v["event"] != "scan":
        when["event"] = v["event"]
    scanned = {name: sorted(set(v[key])) for name, key in
               (("sku", "scanned_sku"), ("category", "scanned_category"),
                ("tag", "scanned_tag")) if v[key]}
    if scanned:
        when["scanned"] = scanned
    order: dict[str, Any] = {}
    for name in ("total_min", "total_max"):
        if v[name].strip():
            order[name] = v[name].strip()
    for name in ("has", "lacks"):
        if v[name]:
            order[name] = list(v[name])
    if order:
        when["order"] = order
    time: dict[str, Any] = {}
    if v["hours"] is not None:
        time["hours"] = _hours_out(v["hours"])
    if v["days"]:
        time["days"] = list(v["days"])
    if v["date_from"]:
        time["from"] = v["date_from"]
    if v["date_to"]:
        time["to"] = v["date_to"]
    if time:
        when["time"] = time
    if v["customer"]:
        when["customer"] = sorted(set(v["customer"]))
    if when:
        out["when"] = when
    kind = v["kind"]
    if kind == "upsell":
        if v["upsell_mode"] == "next_size":
            out["offer"] = {"next_size": True}
        else:
            out["offer"] = {"upgrade_to": v["upgrade_to"].strip()} if v["upgrade_to"].strip() \
                else {}
    elif kind == "cross_sell":
        out["offer"] = {"add": list(v["add"])}
    elif kind == "bundle":
        bundle: dict[str, Any] = {"with": list(v["bundle_with"])}
        if v["bundle_price"].strip():
            bundle["price"] = v["bundle_price"].strip()
        out["offer"] = {"bundle": bundle}
    else:
        threshold: dict[str, Any] = {}
        for name in ("order_total", "within", "reward", "reward_price"):
            if v[name].strip():
                threshold[name] = v[name].strip()
        out["offer"] = {"threshold": threshold}
    out["say"] = v["say"]
    if v["why"]:
        out["why"] = v["why"]
    out["priority"] = v["priority"]
    if v["holdout"].strip():
        holdout = _number_out(v["holdout"].strip())
        if holdout != 0:
            out["holdout"] = holdout
    if v["max_offer_ratio"].strip():
        out["max_offer_ratio"] = _number_out(v["max_offer_ratio"].strip())
    if not v["active"]:
        out["active"] = False
    return out


class EditorContext(NamedTuple):
    """What the editor needs of the store, as read in one snapshot (`set_context`)."""

    catalog: Catalog
    settings: Settings
    rules: Sequence[Rule]
    revision: int
    """The store's publish revision they were read at."""


class RuleEditor(QWidget):
    """The form for one rule, with its live preview; publishes to `store` as `actor`.

    `edit_rule(rule)` loads a rule (None: a new one); `has_unsaved_changes()` says whether
    the form differs from what was loaded or last published. `undo_stack`, `undo_action` and
    `redo_action` are there for a window's Edit menu (their shortcuts, Ctrl+Z and
    Ctrl+Shift+Z, work while the focus is in the editor).

    The form scrolls, in SECTIONS (`sections`, `show_section`, and links above it). The
    preview stands beside it when the editor is wide enough for both uncut, else under it
    (`arrange`, on every resize); `splitter` holds the two, `set_pane_sizes` shares it.

    Signals:
        rule_published(str): a rule was saved to the store (its id), after lint passed and
            any warnings were confirmed.
        closed(): the manager asked to close the editor (the window decides what to do
            with unsaved changes, see has_unsaved_changes).
    """

    rule_published = Signal(str)
    closed = Signal()

    def __init__(self, store: Store, actor: str, parent: QWidget | None = None, *,
                 preview_delay_ms: int = 200, context: EditorContext | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleEditor")
        self.store = store
        self.actor = actor
        self._fields: dict[str, _Field] = {}
        self._values: dict[str, Any] = {}
        self._errors: dict[str, QLabel] = {}
        self._applying = 0
        self._merge_next = True
        self._published = False
        """The rule is in the store: its id can no longer change."""
        self._baseline: dict[str, Any] = {}
        self._rule: Rule | None = None
        self._problems: dict[str, list[str]] = {}
        self.touch = FieldTouch(RULE_FORM_GROUPS)
        """Which problems show yet: a touched field's, all once Publish was pressed."""
        self._revision = -1
        self._rules: list[Rule] = []
        self.findings: list[Finding] = []
        """What lint said at the last publish attempt."""
        self.confirm_box: QMessageBox | None = None
        """The warnings question while it is open."""

        self._settings = Settings()
        self.choices = CatalogChoices(Catalog(), self._settings.currency)
        self.undo_stack = QUndoStack(self)
        self._applying += 1  # nothing the building does is an edit
        try:
            self._build(preview_delay_ms)
        finally:
            self._applying -= 1
        if context is None:
            self._load_context(catalog=True)
        else:  # read elsewhere already, on a worker thread
            self.set_context(*context)
        self.setStyleSheet(EDITOR_QSS)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.edit_rule(None)

    # ------------------------------------------------------------------ public API

    def edit_rule(self, rule: Rule | None, *, refresh: bool = True, draft: bool = False) -> None:
        """Load `rule` into the form (None: a new, empty rule). Undo history starts over.

        First the editor catches up with what was published since its context was read
        (reading the store on this thread); `refresh=False` keeps the context it has (just
        given by `set_context`, say). `draft`: `rule` is a new rule's first values, not in
        the store (a mined suggestion's): the form counts as unsaved until published."""
        if refresh:
            self._refresh_context()
        self._published = not draft and rule is not None and \
            any(r.id == rule.id for r in self._rules)
        self.touch.reset()
        self.preview.reset_sample()
        self._load(rule_to_dict(rule) if rule is not None else NEW_RULE)
        if draft:
            self._baseline = dict_from_values(values_from_dict(NEW_RULE))
        self.findings = []
        self._show_findings()
        self._set_status("")
        self.whatif.clear()

    def has_unsaved_changes(self) -> bool:
        return self.rule_dict() != self._baseline

    def rule_dict(self) -> dict[str, Any]:
        """The form as a rule in rule-pack form (possibly invalid)."""
        return dict_from_values({key: f.get() for key, f in self._fields.items()})

    def rule(self) -> Rule | None:
        """The rule the form describes, or None while it has problems."""
        return self._rule

    def problems(self) -> dict[str, list[str]]:
        """The form's problems by where they are shown: a field key ("say", "offer",
        "bundle_price"...), or "" for the list under the form."""
        return {k: list(v) for k, v in self._problems.items()}

    def error_label(self, key: str) -> QLabel:
        """The label beside a field (or section) where its problems are shown."""
        return self._errors[key]

    def field_label(self, key: str) -> str:
        return self._fields[key].label

    def reload(self) -> None:
        """Re-read the catalog, settings and rules from the store (after an import)."""
        self._load_context(catalog=True)
        self._validate()

    # ------------------------------------------------------------------ store context

    def _refresh_context(self) -> None:
        """Catch up with what was published since (by anyone: a catalog import too)."""
        if self.store.publish_revision() != self._revision:
            self._load_context(catalog=True)

    def set_context(self, catalog: Catalog, settings: Settings, rules: Sequence[Rule],
                    revision: int) -> bool:
        """Take the store's catalog, settings and rules as read elsewhere at publish
        revision `revision` (by the rule list's background load, on a worker thread), in
        place of reading them here on the UI thread: the editor then stands as
        `_load_context` would have left it at that revision. A catalog the editor already
        has (the same object) keeps its search indexes. Nothing is done (False) when the
        editor's context is as new already, or newer."""
        if revision <= self._revision:
            return False
        self._apply_context(catalog if catalog is not self.choices.catalog else None,
                            settings, list(rules), revision)
        return True

    def _load_context(self, *, catalog: bool) -> None:
        """Read settings and rules (and the catalog) from the store, as one snapshot."""
        with self.store.snapshot():
            products = self.store.load_catalog() if catalog else None
            settings = self.store.load_settings()
            rules = self.store.load_rules()
            revision = self.store.publish_revision()
        self._apply_context(products, settings, rules, revision)

    def _apply_context(self, products: Catalog | None, settings: Settings, rules: list[Rule],
                       revision: int) -> None:
        """Use a snapshot's settings and rules (and catalog: None keeps the one there is)."""
        self._settings = settings
        self._rules = rules
        self._revision = revision
        if products is not None or self._settings.currency != self.choices.currency:
            self.choices.reset(products if products is not None else self.choices.catalog,
                               self._settings.currency)
        types = {c for r in self._rules for c in r.customer} | set(SUGGESTED_CUSTOMER_TYPES)
        self.choices.set_customer_types(types)
        self.ratio_edit.setPlaceholderText(
            f"store setting ({self._settings.max_offer_ratio}x)")
        self.preview.set_context(self._settings, self._rules, self.store.history())

    # ------------------------------------------------------------------ fields

    def _register(self, field: _Field, *signals: Any) -> None:
        self._fields[field.key] = field
        for signal in signals:
            signal.connect(partial(self._changed, field.key))

    def _error(self, key: str, object_name: str) -> QLabel:
        label = plain_label(object_name, self)
        label.setProperty("problem", True)
        label.hide()
        self._errors[key] = label
        return label

    def _with_errors(self, fields: QLayout, *errors: tuple[str, str]) -> QVBoxLayout:
        """`fields` with the error line of each (key, object name) under them."""
        stacked = QVBoxLayout()
        stacked.setSpacing(2)
        stacked.addLayout(fields)
        for key, object_name in errors:
            stacked.addWidget(self._error(key, object_name))
        return stacked

    def _line(self, key: str, object_name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        edit.setPlaceholderText(placeholder)
        edit.setProperty(FIELD_KEY, key)
        self._register(_Field(key, label, edit.text, partial(self._set_text, edit), typing=True),
                       edit.textChanged)
        return edit

    @staticmethod
    def _set_text(edit: QLineEdit, value: str) -> None:
        if edit.text() != value:
            edit.setText(value)

    def _picker(self, key: str, object_name: str, label: str, placeholder: str) -> PickerField:
        picker = PickerField(self.choices.source("sku"), object_name, self,
                             resolve=lambda text: self.choices.resolve("sku", text),
                             clear_on_pick=False, placeholder=placeholder)
        picker.setProperty(FIELD_KEY, key)
        self._register(_Field(key, label, lambda: picker.text().strip(),
                              partial(self._set_text, picker), typing=True),
                       picker.textChanged)
        return picker

    def _list(self, key: str, mode: str, object_name: str, label: str,
              placeholder: str) -> ValueListEdit:
        edit = ValueListEdit(self.choices, mode, object_name, self, placeholder=placeholder)
        edit.setProperty(FIELD_KEY, key)
        self._register(_Field(key, label, edit.values, edit.set_values), edit.values_changed)
        return edit

    def _text(self, key: str, object_name: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(object_name)
        edit.setUndoRedoEnabled(False)  # the form's undo stack does it, with the others
        edit.setTabChangesFocus(True)
        edit.installEventFilter(self)
        edit.setProperty(FIELD_KEY, key)

        def set_text(value: str) -> None:
            if edit.toPlainText() != value:
                edit.setPlainText(value)
                edit.moveCursor(QTextCursor.MoveOperation.End)

        self._register(_Field(key, label, edit.toPlainText, set_text, typing=True),
                       edit.textChanged)
        return edit

    def _combo(self, key: str, object_name: str, label: str,
               items: Iterable[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(object_name)
        combo.setProperty(FIELD_KEY, key)
        for text, data in items:
            combo.addItem(text, data)
        self._register(_Field(key, label, combo.currentData,
                              lambda v: combo.setCurrentIndex(combo.findData(v))),
                       combo.currentIndexChanged)
        return combo

    def _check(self, key: str, object_name: str, text: str, label: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(object_name)
        self._register(_Field(key, label, box.isChecked, box.setChecked), box.toggled)
        return box

    @staticmethod
    def _row(form: QFormLayout, caption: str, widget: QWidget | QHBoxLayout,
             error: QLabel, hint: str = "") -> None:
        cell = QVBoxLayout()
        cell.setSpacing(2)
        if isinstance(widget, QWidget):
            cell.addWidget(widget)
        else:
            cell.addLayout(widget)
        if hint:
            note = QLabel(hint)
            note.setProperty("hint", True)
            note.setWordWrap(True)
            cell.addWidget(note)
        cell.addWidget(error)
        form.addRow(caption, cell)

    # ------------------------------------------------------------------ building

    def _build(self, preview_delay_ms: int) -> None:
        form_host = QWidget(self)
        form_host.setObjectName("ruleFormContent")
        column = QVBoxLayout(form_host)
        column.setContentsMargins(2, 2, 8, 8)
        column.setSpacing(12)
        self.sections: dict[str, QFrame] = {}
        """The form's sections by key (see SECTIONS), top to bottom."""
        self._forms: list[QFormLayout] = []
        for build in (self._build_rule, self._build_trigger, self._build_offer,
                      self._build_words, self._build_guardrails):
            column.addWidget(build())
        column.addStretch(1)
        self._align_captions()
        scroll = QScrollArea(self)
        scroll.setObjectName("ruleForm")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_host)
        self.form_scroll = scroll
        form_side = QWidget(self)
        form_side.setObjectName("ruleFormSide")
        side = QVBoxLayout(form_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(4)
        side.addLayout(self._build_section_links())
        side.addWidget(scroll, 1)

        self.preview = RulePreview(self.choices, self._settings, None, self,
                                   delay_ms=preview_delay_ms)
        self.preview_scroll = QScrollArea(self)
        self.preview_scroll.setObjectName("previewScroll")
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.preview_scroll.setWidget(self.preview)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(form_side)
        self.splitter.addWidget(self.preview_scroll)
        self.splitter.setStretchFactor(0, 3)  # a wider editor widens the form most
        self.splitter.setStretchFactor(1, 1)
        for pane in (form_side, self.preview_scroll):
            pane.setMinimumSize(MIN_PANE, MIN_PANE)
        self._beside_sizes: list[int] | None = None
        """How the manager (or their saved layout) shares the width between the form and
        the preview beside it; None: the default share."""
        self.splitter.splitterMoved.connect(self._panes_moved)

        self.problem_list = self._error("", "ruleProblems")
        self.findings_label = plain_label("lintFindings", self)
        self.findings_label.hide()
        self.status_label = plain_label("publishStatus", self)
        self.status_label.hide()

        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo_keys = [QKeySequence("Ctrl+Shift+Z")]
        redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                      if k not in redo_keys]
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts(redo_keys)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        undo_button = self._tool_button(self.undo_action, "undoButton")
        redo_button = self._tool_button(self.redo_action, "redoButton")
        self.close_button = QPushButton("Close", self)
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.closed)
        self.publish_button = QPushButton("Publish", self)
        self.publish_button.setObjectName("publishButton")
        self.publish_button.setAutoDefault(False)
        self.publish_button.setToolTip("Check the rule with lint and put it live at every till")
        self.publish_button.clicked.connect(self.publish)

        buttons = QHBoxLayout()
        buttons.addWidget(undo_button)
        buttons.addWidget(redo_button)
        buttons.addWidget(self.status_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.publish_button)
        self.whatif = WhatIfPanel(self.store, self)
        """"What if…": the form's rule replayed over past orders (set_draft in _validate)."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.findings_label)
        layout.addWidget(self.whatif)
        layout.addLayout(buttons)

        keys = _UndoKeys(self)
        for widget in self.findChildren(QWidget):
            if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
                widget.installEventFilter(keys)

    # ------------------------------------------------------------------ arrangement

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Nothing may raise out of a Qt virtual (shiboken aborts the process): arrange only
        # once built, and not while the editor's parts are being destroyed.
        if self.layout() is None:
            return
        try:
            self.arrange(event.size().width())
        except RuntimeError:  # "Internal C++ object already deleted"
            return

    def pane_widths(self) -> tuple[int, int]:
        """How wide the form and the preview must be, side by side, for neither of them
        to be cut (or scroll sideways)."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        form = self.form_scroll.widget().minimumSizeHint().width() + bar
        return form, self.preview.column_width() + bar

    def side_by_side_width(self) -> int:
        """How wide the editor must be for the preview to stand beside the form (below
        that, it goes under the form)."""
        margins = self.layout().contentsMargins()
        return (sum(self.pane_widths()) + self.splitter.handleWidth() + margins.left()
                + margins.right())

    def arrange(self, width: int | None = None) -> None:
        """Put the preview beside the form when the editor is wide enough for both, else
        under it (then with the card above the sample order). Beside, they share the width
        as the manager last did (set_pane_sizes, or dragging the handle), but neither gets
        less than it needs."""
        width = self.width() if width is None else width
        form, preview = self.pane_widths()
        margins = self.layout().contentsMargins()
        room = width - margins.left() - margins.right() - self.splitter.handleWidth()
        beside = room >= form + preview
        orientation = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            if not beside:
                self.splitter.setSizes(list(STACKED_SHARES))
        # Under the form, or beside it in a low editor, the card comes before the sample.
        self.preview.set_card_first(not beside or self.height() < CARD_FIRST_BELOW)
        if not beside:
            return
        share = self._beside_sizes
        if share is None:  # the preview gets what it needs, and a quarter of the rest
            first = room - preview - (room - form - preview) // 4
        else:  # as the manager shared it, in proportion
            first = room * share[0] // max(1, sum(share))
        first = max(form, min(first, room - preview))
        if self.splitter.sizes() != [first, room - first]:
            self.splitter.setSizes([first, room - first])

    def set_pane_sizes(self, sizes: Sequence[int]) -> None:
        """Share the editor between the form and the preview beside it as the manager
        left it (last time), instead of the default share."""
        self._beside_sizes = list(sizes)
        if self.splitter.orientation() == Qt.Orientation.Horizontal:
            self.splitter.setSizes(self._beside_sizes)

    def _panes_moved(self, _pos: int, _index: int) -> None:
        if self.splitter.orientation() == Qt.Orientation.Horizontal:
            self._beside_sizes = self.splitter.sizes()

    def _tool_button(self, action: QAction, object_name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(object_name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _section(self, key: str) -> tuple[QFrame, QFormLayout]:
        """A titled card of the form (see SECTIONS) and the form layout inside it."""
        title, blurb = SECTIONS[key]
        box = QFrame(self)
        box.setObjectName(f"{key}Section")
        box.setProperty("formSection", True)
        outer = QVBoxLayout(box)
        outer.setContentsMargins(12, 10, 12, 12)
        outer.setSpacing(4)
        heading = plain_label("sectionTitle", box, wrap=False)
        heading.setText(title)
        outer.addWidget(heading)
        note = plain_label("sectionBlurb", box)
        note.setText(blurb)
        outer.addWidget(note)
        outer.addSpacing(4)
        form = self._form()
        outer.addLayout(form)
        self.sections[key] = box
        return box, form

    def _form(self, parent: QWidget | None = None) -> QFormLayout:
        """A form layout whose long rows wrap (field under its caption) when narrow."""
        form = QFormLayout(parent) if parent is not None else QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        if parent is not None:
            form.setContentsMargins(0, 0, 0, 0)
        self._forms.append(form)
        return form

    def _align_captions(self) -> None:
        """Give every caption of every section one width (the widest, up to
        CAPTION_WIDTH), so that the fields of all sections start on one line."""
        captions = []
        for form in self._forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    captions.append(widget)
        width = min(max((c.sizeHint().width() for c in captions), default=0), CAPTION_WIDTH)
        for caption in captions:
            caption.setWordWrap(True)  # the longest take two lines
            caption.setFixedWidth(width)

    def _build_section_links(self) -> QHBoxLayout:
        """A row of links to the form's sections, above it."""
        links = QHBoxLayout()
        links.setContentsMargins(2, 0, 2, 0)
        links.setSpacing(2)
        caption = QLabel("Go to:", self)
        caption.setProperty("hint", True)
        links.addWidget(caption)
        for key, text in SECTION_LINKS.items():
            button = QToolButton(self)
            button.setObjectName(f"sectionLink_{key}")
            button.setText(text)
            button.setToolTip(f"Scroll to \N{LEFT DOUBLE QUOTATION MARK}{SECTIONS[key][0]}"
                              "\N{RIGHT DOUBLE QUOTATION MARK}")
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
        box, form = self._section("rule")
        self.id_edit = self._line("id", "ruleId", "id", "latte-size-up")
        self._row(form, "Id", self.id_edit, self._error("id", "ruleIdError"),
                  "a-z, 0-9 and -; it cannot change once the rule is published")
        self.title_edit = self._line("title", "ruleTitle", "title", "Size up morning lattes")
        self._row(form, "Title", self.title_edit, self._error("title", "ruleTitleError"))
        self.active_box = self._check("active", "ruleActive", "Active (shown at the tills)",
                                      "active")
        self._row(form, "", self.active_box, self._error("active", "ruleActiveError"))
        return box

    def _build_trigger(self) -> QFrame:
        box, form = self._section("trigger")
        self.event_box = self._combo("event", "ruleEvent", "event",
                                     (("When an item is scanned", "scan"),
                                      ("At checkout", "checkout")))
        self._row(form, "Event", self.event_box, self._error("event", "ruleEventError"))
        self.scanned_sku = self._list("scanned_sku", "sku", "scannedSku", "scanned products",
                                      "Product: type a SKU or name, or scan")
        self.scanned_category = self._list("scanned_category", "category", "scannedCategory",
                                           "scanned categories", "Category")
        self.scanned_tag = self._list("scanned_tag", "tag", "scannedTag", "scanned tags", "Tag")
        form.addRow(self._error("scanned", "scannedError"))
        self._row(form, "Scanned item is", self.scanned_sku,
                  self._error("scanned_sku", "scannedSkuError"),
                  "any of these products, categories or tags (none: any item)")
        self._row(form, "or in category", self.scanned_category,
                  self._error("scanned_category", "scannedCategoryError"))
        self._row(form, "or tagged", self.scanned_tag,
                  self._error("scanned_tag", "scannedTagError"))

        form.addRow(self._error("order", "orderError"))
        self.total_min_edit = self._line("total_min", "orderTotalMin", "order total from",
                                         "e.g. 3.00")
        self.total_max_edit = self._line("total_max", "orderTotalMax", "order total up to",
                                         "e.g. 50.00")
        totals = QHBoxLayout()
        totals.addWidget(self.total_min_edit)
        totals.addWidget(QLabel("to", self))
        totals.addWidget(self.total_max_edit)
        form.addRow("Order total", self._with_errors(
            totals, ("total_min", "orderTotalMinError"), ("total_max", "orderTotalMaxError")))
        self.has_edit = self._list("has", "ref", "orderHas", "order has",
                                   "sku:X, category:Y or tag:Z")
        self._row(form, "Order has all of", self.has_edit, self._error("has", "orderHasError"))
        self.lacks_edit = self._list("lacks", "ref", "orderLacks", "order lacks",
                                     "sku:X, category:Y or tag:Z")
        self._row(form, "Order has none of", self.lacks_edit,
                  self._error("lacks", "orderLacksError"))

        self.customer_edit = self._list("customer", "customer", "ruleCustomer",
                                        "customer types", "Customer type, e.g. member")
        self._row(form, "Customer type", self.customer_edit,
                  self._error("customer", "ruleCustomerError"), "any of these (none: anyone)")
        return box

    def _build_guardrails(self) -> QFrame:
        box, form = self._section("guardrails")
        form.addRow(self._error("time", "timeError"))
        self.hours_on = QCheckBox("Only at these hours:", self)
        self.hours_on.setObjectName("timeHoursOn")
        self.hours_from = QTimeEdit(self)
        self.hours_from.setObjectName("timeHoursFrom")
        self.hours_to = QTimeEdit(self)
        self.hours_to.setObjectName("timeHoursTo")
        self.hours_wrap = QLabel(self)
        self.hours_wrap.setProperty("hint", True)
        for edit in (self.hours_from, self.hours_to):
            edit.setDisplayFormat("HH:mm")
        self.hours_from.setTime(QTime(6, 0))  # what ticking the box starts with
        self.hours_to.setTime(QTime(11, 0))
        self._hours_memo: tuple[int, int] | None = None
        self._register(_Field("hours", "hours", self._get_hours, self._set_hours),
                       self.hours_on.toggled, self.hours_from.timeChanged,
                       self.hours_to.timeChanged)
        span = QHBoxLayout()
        span.addWidget(self.hours_from)
        span.addWidget(QLabel("to", self))
        span.addWidget(self.hours_to)
        span.addWidget(self.hours_wrap, 1)
        hours = QVBoxLayout()
        hours.setSpacing(4)
        hours.addWidget(self.hours_on)
        hours.addLayout(span)
        self._row(form, "Hours", hours, self._error("hours", "timeHoursError"),
                  "local time; may wrap midnight (22:00 to 02:00)")
        self.day_boxes: dict[str, QCheckBox] = {}
        days = QGridLayout()
        days.setHorizontalSpacing(12)
        days.setVerticalSpacing(4)
        for at, day in enumerate(DAYS):
            check = QCheckBox(day.capitalize(), self)
            check.setObjectName(f"timeDay{day.capitalize()}")
            self.day_boxes[day] = check
            days.addWidget(check, at // DAY_COLUMNS, at % DAY_COLUMNS)
        days.setColumnStretch(DAY_COLUMNS, 1)
        self._register(_Field("days", "days",
                              lambda: tuple(d for d in DAYS if self.day_boxes[d].isChecked()),
                              self._set_days),
                       *(b.toggled for b in self.day_boxes.values()))
        self._row(form, "Days", days, self._error("days", "timeDaysError"),
                  "none ticked: every day")
        self.from_on, self.from_edit = self._date("date_from", "timeFrom", "from date")
        self.to_on, self.to_edit = self._date("date_to", "timeTo", "to date")
        dates = QGridLayout()
        dates.setHorizontalSpacing(8)
        dates.setVerticalSpacing(4)
        dates.addWidget(self.from_on, 0, 0)
        dates.addWidget(self.from_edit, 0, 1)
        dates.addWidget(self.to_on, 1, 0)
        dates.addWidget(self.to_edit, 1, 1)
        dates.setColumnStretch(2, 1)
        form.addRow("Dates", self._with_errors(
            dates, ("date_from", "timeFromError"), ("date_to", "timeToError")))

        self.priority_box = QSpinBox(self)
        self.priority_box.setObjectName("rulePriority")
        self.priority_box.setRange(-1_000_000, 1_000_000)
        self._register(_Field("priority", "priority", self.priority_box.value,
                              self.priority_box.setValue, typing=True),
                       self.priority_box.valueChanged)
        self._row(form, "Priority", self.priority_box,
                  self._error("priority", "rulePriorityError"),
                  "higher first (a line's upsells always come first)")
        self.holdout_edit = self._line("holdout", "ruleHoldout", "holdout", "0")
        self._row(form, "Holdout", self.holdout_edit, self._error("holdout", "ruleHoldoutError"),
                  "share of orders that never see it, to measure uplift: 0.1 = 10%")
        self.ratio_edit = self._line("max_offer_ratio", "ruleMaxOfferRatio", "max offer ratio")
        self._row(form, "Max offer ratio", self.ratio_edit,
                  self._error("max_offer_ratio", "ruleMaxOfferRatioError"),
                  "an offer may add at most this times the trigger line's price")
        return box

    def _date(self, key: str, object_name: str, label: str) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox("from" if key == "date_from" else "to", self)
        check.setObjectName(f"{object_name}On")
        edit = QDateEdit(self)
        edit.setObjectName(object_name)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        edit.setEnabled(False)

        def get() -> str | None:
            return edit.date().toString(Qt.DateFormat.ISODate) if check.isChecked() else None

        def put(value: str | None) -> None:
            check.setChecked(value is not None)
            edit.setEnabled(value is not None)
            if value is not None:
                edit.setDate(QDate.fromString(value, Qt.DateFormat.ISODate))

        self._register(_Field(key, label, get, put), check.toggled, edit.dateChanged)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _get_hours(self) -> tuple[int, int] | None:
        if not self.hours_on.isChecked():
            return None
        start = self.hours_from.time()
        end = self.hours_to.time()
        span = (start.hour() * 60 + start.minute(), end.hour() * 60 + end.minute())
        memo = self._hours_memo
        # "24:00" has no QTime: keep it as loaded while the times on screen still say so.
        if memo is not None and (memo[0] % 1440, memo[1] % 1440) == span:
            return memo
        return span

    def _set_hours(self, value: tuple[int, int] | None) -> None:
        self._hours_memo = value
        self.hours_on.setChecked(value is not None)
        if value is not None:
            start, end = value
            self.hours_from.setTime(QTime((start // 60) % 24, start % 60))
            self.hours_to.setTime(QTime((end // 60) % 24, end % 60))
        self._update_hours_widgets()

    def _update_hours_widgets(self) -> None:
        on = self.hours_on.isChecked()
        self.hours_from.setEnabled(on)
        self.hours_to.setEnabled(on)
        span = self._get_hours()
        self.hours_wrap.setText("wraps midnight" if span is not None and span[1] < span[0]
                                else "")

    def _set_days(self, value: Sequence[str]) -> None:
        for day, check in self.day_boxes.items():
            check.setChecked(day in value)

    def _build_offer(self) -> QFrame:
        box, top = self._section("offer")
        self.kind_box = self._combo("kind", "ruleKind", "kind",
                                    ((KIND_NAMES[k], k) for k in KINDS))
        self.kind_help = QLabel(self)
        self.kind_help.setProperty("hint", True)
        self.kind_help.setWordWrap(True)
        self._row(top, "Kind", self.kind_box, self._error("kind", "ruleKindError"))
        top.addRow(self.kind_help)
        top.addRow(self._error("offer", "offerError"))
        self.offer_pages = QStackedWidget(self)
        self.offer_pages.setObjectName("offerPages")
        top.addRow(self.offer_pages)

        upsell = _OfferPage(self)
        form = self._form(upsell)
        self.next_size_radio = QRadioButton("The next size up in the item's family", self)
        self.next_size_radio.setObjectName("offerNextSize")
        self.upgrade_radio = QRadioButton("This product:", self)
        self.upgrade_radio.setObjectName("offerUpgradeToMode")
        self._upsell_modes = QButtonGroup(self)
        self._upsell_modes.addButton(self.next_size_radio)
        self._upsell_modes.addButton(self.upgrade_radio)
        self._register(_Field("upsell_mode", "upsell offer",
                              lambda: "upgrade_to" if self.upgrade_radio.isChecked()
                              else "next_size", self._set_upsell_mode),
                       self.next_size_radio.toggled, self.upgrade_radio.toggled)
        self.upgrade_to_edit = self._picker("upgrade_to", "offerUpgradeTo", "upgrade to",
                                            "SKU to upgrade the scanned item to")
        form.addRow("Upgrade to", self.next_size_radio)
        upgrade = QHBoxLayout()
        upgrade.addWidget(self.upgrade_radio)
        upgrade.addWidget(self.upgrade_to_edit, 1)
        self._row(form, "", upgrade, self._error("upgrade_to", "offerUpgradeToError"))

        cross = _OfferPage(self)
        form = self._form(cross)
        self.add_edit = self._list("add", "sku", "offerAdd", "items to add",
                                   "Product: type a SKU or name, or scan")
        self._row(form, "Offer the first of", self.add_edit, self._error("add", "offerAddError"),
                  "in this order: the first one not already in the order is offered")

        bundle = _OfferPage(self)
        form = self._form(bundle)
        self.bundle_with_edit = self._list("bundle_with", "sku", "offerBundleWith",
                                           "bundle items", "Product: type a SKU or name")
        self._row(form, "Add these items", self.bundle_with_edit,
                  self._error("bundle_with", "offerBundleWithError"))
        self.bundle_price_edit = self._line("bundle_price", "offerBundlePrice", "bundle price",
                                            "e.g. 3.00")
        self._row(form, "for, together", self.bundle_price_edit,
                  self._error("bundle_price", "offerBundlePriceError"))

        threshold = _OfferPage(self)
        form = self._form(threshold)
        self.order_total_edit = self._line("order_total", "offerOrderTotal", "reward total",
                                           "e.g. 25.00")
        self._row(form, "Reward at a total of", self.order_total_edit,
                  self._error("order_total", "offerOrderTotalError"))
        self.within_edit = self._line("within", "offerWithin", "within", "e.g. 5.00")
        self._row(form, "Prompt when this close", self.within_edit,
                  self._error("within", "offerWithinError"), "empty: whenever below the total")
        self.reward_edit = self._picker("reward", "offerReward", "reward", "Reward SKU")
        self._row(form, "Reward", self.reward_edit, self._error("reward", "offerRewardError"))
        self.reward_price_edit = self._line("reward_price", "offerRewardPrice", "reward price",
                                            "0.00 for a free gift")
        self._row(form, "Reward price", self.reward_price_edit,
                  self._error("reward_price", "offerRewardPriceError"))

        self._offer_page = {"upsell": upsell, "cross_sell": cross, "bundle": bundle,
                            "threshold": threshold}
        for page in self._offer_page.values():
            self.offer_pages.addWidget(page)
        return box

    def _show_offer_page(self, kind: str) -> None:
        """Show the offer fields of `kind`; the other pages take no room."""
        current = self._offer_page.get(kind, self._offer_page["upsell"])
        for page in self._offer_page.values():
            policy = QSizePolicy.Policy.Preferred if page is current \
                else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.offer_pages.setCurrentWidget(current)
        self.offer_pages.updateGeometry()

    def _set_upsell_mode(self, value: str) -> None:
        (self.upgrade_radio if value == "upgrade_to" else self.next_size_radio).setChecked(True)
        self.upgrade_to_edit.setEnabled(value == "upgrade_to")

    def _build_words(self) -> QFrame:
        box, form = self._section("words")
        self.say_edit = self._text("say", "ruleSay", "say")
        self.say_edit.setPlaceholderText("Would you like a {offer} with that? It's {price}.")
        self.say_edit.setFixedHeight(SAY_HEIGHT)
        self._row(form, "Say", self.say_edit, self._error("say", "ruleSayError"),
                  "read aloud to the customer")
        self.why_edit = self._text("why", "ruleWhy", "why")
        self.why_edit.setPlaceholderText("Why it is worth asking (shown to the clerk)")
        self.why_edit.setFixedHeight(WHY_HEIGHT)
        self._row(form, "Why", self.why_edit, self._error("why", "ruleWhyError"))
        self._text_target = self.say_edit

        chips = QGridLayout()
        chips.setHorizontalSpacing(6)
        chips.setVerticalSpacing(4)
        self.placeholder_buttons: dict[str, QToolButton] = {}
        for at, (name, meaning) in enumerate(PLACEHOLDERS.items()):
            button = QToolButton(self)
            button.setObjectName(f"placeholder_{name}")
            button.setProperty("placeholder", True)
            button.setText("{" + name + "}")
            button.setToolTip(meaning)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text keeps its cursor
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(partial(self.insert_placeholder, name))
            self.placeholder_buttons[name] = button
            chips.addWidget(button, at // CHIP_COLUMNS, at % CHIP_COLUMNS)
        caption = QLabel("Insert a placeholder where the cursor is (greyed out: no value "
                         "for this kind of rule)", self)
        caption.setProperty("hint", True)
        caption.setWordWrap(True)
        form.addRow(caption)
        form.addRow(chips)
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

    def _update_placeholders(self) -> None:
        kind = self._fields["kind"].get()
        usable = KIND_PLACEHOLDERS.get(kind, frozenset())
        for name, button in self.placeholder_buttons.items():
            button.setEnabled(name in usable)
            tail = "" if name in usable else f"\n(no value in a {KIND_NAMES.get(kind, kind)} " \
                                             f"prompt: it would render empty)"
            button.setToolTip(PLACEHOLDERS[name] + tail)

    # ------------------------------------------------------------------ changes and undo

    def _changed(self, key: str, *_args: object) -> None:
        """A widget of field `key` changed: record it as an undoable step."""
        if self._applying:
            return
        new = self._fields[key].get()
        old = self._values.get(key)
        if new == old:
            return
        self.touch.touch(key)
        merge = self._fields[key].typing and self._merge_next
        self.undo_stack.push(_FieldEdit(self, key, old, new, merge=merge))

    def _apply(self, key: str, value: Any) -> None:
        """Put `value` in field `key` (from an undo command), then re-check the form."""
        self._applying += 1
        try:
            self._fields[key].set(value)
        finally:
            self._applying -= 1
        self._values[key] = self._fields[key].get()
        self._after_change()

    def _load(self, raw: dict[str, Any]) -> None:
        values = values_from_dict(raw)
        self._applying += 1
        try:
            for key, value in values.items():
                self._fields[key].set(value)
        finally:
            self._applying -= 1
        self._values = {key: f.get() for key, f in self._fields.items()}
        self.undo_stack.clear()
        self._baseline = self.rule_dict()
        self._after_change()

    def _after_change(self) -> None:
        kind = self._fields["kind"].get()
        self._show_offer_page(kind)
        self.kind_help.setText(KIND_HELP.get(kind, ""))
        self.upgrade_to_edit.setEnabled(self.upgrade_radio.isChecked())
        self._update_hours_widgets()
        self.from_edit.setEnabled(self.from_on.isChecked())
        self.to_edit.setEnabled(self.to_on.isChecked())
        self.id_edit.setReadOnly(self._published)
        self._update_placeholders()
        self._validate()

    # ------------------------------------------------------------------ validation

    def _validate(self) -> None:
        raw = self.rule_dict()
        problems: list[str] = []
        rule: Rule | None = None
        try:
            rule = parse_rule(raw, 1)
        except ValidationError as exc:
            problems = exc.problems
        shown: dict[str, list[str]] = {}
        for problem in problems:
            match = PROBLEM_RE.match(problem)
            target = self._target(match["field"]) if match else None
            if match is not None and target is not None:
                shown.setdefault(target, []).append(manager_message(match["field"],
                                                                    match["message"]))
            else:
                shown.setdefault("", []).append(problem)
        rule_id = raw.get("id")
        if not self._published and any(r.id == rule_id for r in self._rules):
            shown.setdefault("id", []).append(
                f"{rule_id!r} is already the id of another rule in this store")
            rule = None
        self._problems = shown
        visible = self.touch.visible(shown)
        for key, label in self._errors.items():
            text = "\n".join(visible.get(key, []))
            label.setText(text)
            label.setVisible(bool(text))
        self._rule = rule
        # Pressable until it has shown what is missing (a new form is not covered in red).
        self.publish_button.setEnabled(rule is not None or not visible)
        self.preview.set_rule(rule)
        first = next(iter(shown.items()), ("", [""]))
        field = self._fields.get(first[0])
        self.whatif.set_draft(rule, f"{field.label if field else first[0]} {first[1][0]}".strip())

    @Slot(QWidget, QWidget)
    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving a field touches it: what is missing there shows from now on."""
        key = field_key_of(old, self)
        if key is not None and key != field_key_of(new, self) and self.touch.touch(key):
            self._validate()

    @staticmethod
    def _target(path: str) -> str | None:
        while path:
            if path in ERROR_TARGETS:
                return ERROR_TARGETS[path]
            path = path.rpartition(".")[0]
        return None

    # ------------------------------------------------------------------ publishing

    @Slot()
    def publish(self) -> None:
        """Lint the rule and save it: refused on errors, asked first on warnings."""
        self._refresh_context()
        self.touch.show_all()
        self._validate()
        rule = self._rule
        if rule is None:
            self._set_status("Not published: fix the problems marked in the form first.",
                             error=True)
            return
        self.findings = self._lint(rule)
        self._show_findings()
        if has_errors(self.findings):
            errors = sum(f.severity == "error" for f in self.findings)
            self._set_status(f"Not published: lint found {errors} error"
                             f"{'s' * (errors != 1)} (below) to fix first.", error=True)
            return
        if self.findings:
            self._ask_to_confirm(rule)
            return
        self._save(rule)

    def _lint(self, rule: Rule) -> list[Finding]:
        """Lint's findings about `rule`, among the store's other rules.

        Only the rules that can change this rule's findings are linted with it (lint looks
        at each rule it is given against the whole catalog): the other active upsells, for
        loops, and the active rules with its event, triggers and priority, for rules that
        fire together. Its findings are the same as linting the whole store."""
        others: list[Rule] = []
        if rule.active:
            for other in self._rules:
                if other.id == rule.id or not other.active:
                    continue
                loop = rule.kind == "upsell" and other.kind == "upsell"
                tie = (other.event == rule.event and other.scanned == rule.scanned
                       and other.priority == rule.priority)
                if loop or tie:
                    others.append(other)
        return [f for f in lint([rule, *others], self.choices.catalog, self._settings)
                if f.rule_id == rule.id and f.code != "same-offer"] + same_offers_of(
                    rule, self._rules, self.choices.catalog, self._settings)

    def _ask_to_confirm(self, rule: Rule) -> None:
        text = "\n\n".join(f"{f.message}\n\N{RIGHTWARDS ARROW} {f.fix}" for f in self.findings)
        box = QMessageBox(QMessageBox.Icon.Warning, "Publish with warnings?",
                          f"Lint has {len(self.findings)} warning"
                          f"{'s' * (len(self.findings) != 1)} about {rule.id}:\n\n{text}",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("publishConfirm")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText("Publish anyway")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(partial(self._confirmed, box, rule))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox, rule: Rule, _result: int) -> None:
        clicked = box.clickedButton()
        yes = clicked is not None and \
            box.standardButton(clicked) == QMessageBox.StandardButton.Yes
        self.confirm_box = None
        box.deleteLater()
        if yes:
            self._save(rule)
        else:
            self._set_status("Not published: the warnings below were not confirmed.")

    def _save(self, rule: Rule) -> None:
        before = self.store.publish_revision()
        try:
            action = self.store.save_rule(rule, actor=self.actor)
        except UserError as exc:
            self._set_status(f"Not published: {exc}", error=True)
            return
        self._published = True
        # Our own publish moves the revision by one and leaves the catalog as it was: no
        # need to read 100,000 products again, unless someone else published meanwhile.
        self._load_context(catalog=before != self._revision or
                           self.store.publish_revision() != before + 1)
        self._baseline = self.rule_dict()
        self.undo_stack.setClean()
        self._after_change()
        if action == "same":
            self._set_status(f"{rule.id} is already published as it is: nothing changed.")
            return
        self._set_status(f"Published {rule.id}: every till uses it from its next scan.")
        self.rule_published.emit(rule.id)

    def _show_findings(self) -> None:
        lines = [f"{f.severity.capitalize()}: {f.message}\n    \N{RIGHTWARDS ARROW} {f.fix}"
                 for f in self.findings]
        self.findings_label.setText("\n".join(lines))
        self.findings_label.setVisible(bool(lines))

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("level", "error" if error else "info")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setVisible(bool(text))
