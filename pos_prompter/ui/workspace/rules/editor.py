"""One rule's form: every field of the rule-pack spec, checked as you type, with undo and
redo, a live preview, and publishing through lint.

The parts, each in a module of its own in this package: the form's widgets
(`editor_form.RuleForm`, made of `form_parts` and `offer_section`), its values to and from
a rule and its problems routed to the fields (`form_values`, no Qt), undo (`form_undo`),
the form beside or over the preview (`editor_panes`), what it knows of the store
(`editor_context`) and publishing (`publisher.RulePublisher`: lint, confirm, save).
`RuleEditor` wires them: every edit is a QUndoCommand on `undo_stack` (consecutive typing
in one text field is one step), and after each the form is checked exactly as an import
would check it (`form_values.check_form`), each problem shown next to the field it names
once the field was touched (`FieldTouch`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.lint import Finding
from pos_prompter.core.rules import Rule, Settings, rule_to_dict
from pos_prompter.i18n import translate
from pos_prompter.store import Store
from pos_prompter.ui.workspace.field_touch import RULE_FORM_GROUPS, FieldTouch, field_key_of
from pos_prompter.ui.workspace.preview import RulePreview
from pos_prompter.ui.workspace.product_picker import CatalogChoices
from pos_prompter.ui.workspace.rules.editor_context import EditorContext, read_context
from pos_prompter.ui.workspace.rules.editor_form import RuleForm
from pos_prompter.ui.workspace.rules.editor_panes import PaneSplitter
from pos_prompter.ui.workspace.rules.form_parts import FORM_QSS
from pos_prompter.ui.workspace.rules.form_undo import FieldEdit, UndoKeys, tool_button, undo_actions
from pos_prompter.ui.workspace.rules.form_values import (
    NEW_RULE,
    check_form,
    customer_types,
    dict_from_values,
    values_from_dict,
)
from pos_prompter.ui.workspace.rules.publish_status import STATUS_QSS, PublishStatus
from pos_prompter.ui.workspace.rules.publisher import RulePublisher
from pos_prompter.ui.workspace.whatif_panel import WhatIfPanel


class RuleEditor(QWidget):
    """The form for one rule, with its live preview; publishes to `store` as `actor`.

    `edit_rule(rule)` loads a rule (None: a new one); `has_unsaved_changes()` says whether
    the form differs from what was loaded or last published. `undo_stack`, `undo_action` and
    `redo_action` are there for a window's Edit menu (their shortcuts, Ctrl+Z and
    Ctrl+Shift+Z, work while the focus is in the editor).

    The form (`form`) scrolls, in sections (`sections`, `show_section`, and links above
    it). The preview stands beside it when the editor is wide enough for both uncut, else
    under it (`arrange`, on every resize); `splitter` holds the two, `set_pane_sizes`
    shares it. Publishing goes through `publisher` (one may be given, to share).

    Signals:
        rule_published(str): a rule was saved to the store (its id), after lint passed and
            any warnings were confirmed.
        closed(): the manager asked to close the editor (the window decides what to do
            with unsaved changes, see has_unsaved_changes).
    """

    rule_published = Signal(str)
    closed = Signal()

    def __init__(self, store: Store, actor: str, parent: QWidget | None = None, *,
                 preview_delay_ms: int = 200, context: EditorContext | None = None,
                 publisher: RulePublisher | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleEditor")
        self.store = store
        self.actor = actor
        self._values: dict[str, Any] = {}
        """The fields' values as the undo stack last left them."""
        self._published = False
        """The rule is in the store: its id can no longer change."""
        self._baseline: dict[str, Any] = {}
        self._rule: Rule | None = None
        self._problems: dict[str, list[str]] = {}
        self.touch = FieldTouch(RULE_FORM_GROUPS)
        """Which problems show yet: a touched field's, all once Publish was pressed."""
        self._context = EditorContext(Catalog(), Settings(), [], -1)
        """The store as last read (see set_context)."""
        self.publisher = publisher if publisher is not None else \
            RulePublisher(store, actor, self)
        self._awaiting = False
        """A publish the editor started has not ended yet (the publisher may be shared)."""
        self.choices = CatalogChoices(self._context.catalog, self._context.settings.currency)
        self.undo_stack = QUndoStack(self)
        self._build(preview_delay_ms)
        self._connect_publisher()
        if context is None:
            self._load_context(catalog=True)
        else:  # read elsewhere already, on a worker thread
            self.set_context(*context)
        self.setStyleSheet(FORM_QSS + STATUS_QSS)
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
            any(r.id == rule.id for r in self._context.rules)
        self.touch.reset()
        self.preview.reset_sample()
        self._load(rule_to_dict(rule) if rule is not None else NEW_RULE)
        if draft:
            self._baseline = dict_from_values(values_from_dict(NEW_RULE))
        self.status.show_findings([])
        self.status.say("")
        self.whatif.clear()

    def has_unsaved_changes(self) -> bool:
        return self.rule_dict() != self._baseline

    def rule_dict(self) -> dict[str, Any]:
        """The form as a rule in rule-pack form (possibly invalid)."""
        return dict_from_values(self.form.values())

    def rule(self) -> Rule | None:
        """The rule the form describes, or None while it has problems."""
        return self._rule

    def problems(self) -> dict[str, list[str]]:
        """The form's problems by where they are shown: a field key ("say", "offer",
        "bundle_price"...), or "" for the list under the form."""
        return {k: list(v) for k, v in self._problems.items()}

    def error_label(self, key: str) -> QLabel:
        """The label beside a field (or section) where its problems are shown."""
        return self.form.error_label(key)

    def field_label(self, key: str) -> str:
        return self.form.label(key)

    def show_section(self, key: str, _checked: bool = False) -> None:
        """Scroll the form so that section `key` is at its top."""
        self.form.show_section(key)

    def context(self) -> EditorContext:
        """The store's catalog, settings and rules as the editor last read them."""
        return self._context

    @property
    def findings(self) -> list[Finding]:
        """What lint said at the last publish attempt."""
        return self.status.findings

    @property
    def confirm_box(self) -> QMessageBox | None:
        """The publisher's warnings question while it is open."""
        return self.publisher.confirm_box

    def reload(self) -> None:
        """Re-read the catalog, settings and rules from the store (after an import)."""
        self._load_context(catalog=True)
        self._validate()

    # ------------------------------------------------------------------ store context

    def _refresh_context(self) -> None:
        """Catch up with what was published since (by anyone: a catalog import too)."""
        if self.store.publish_revision() != self._context.revision:
            self._load_context(catalog=True)

    def set_context(self, catalog: Catalog, settings: Settings, rules: Sequence[Rule],
                    revision: int) -> bool:
        """Take the store's catalog, settings and rules as read elsewhere at publish
        revision `revision` (by the rule list's background load, on a worker thread), in
        place of reading them here on the UI thread: the editor then stands as
        `_load_context` would have left it at that revision. A catalog the editor already
        has (the same object) keeps its search indexes. Nothing is done (False) when the
        editor's context is as new already, or newer."""
        if revision <= self._context.revision:
            return False
        self._use_context(EditorContext(catalog, settings, list(rules), revision))
        return True

    def _load_context(self, *, catalog: bool) -> None:
        """Read settings and rules (and the catalog) from the store, as one snapshot."""
        self._use_context(read_context(self.store, None if catalog else self.choices.catalog))

    def _use_context(self, context: EditorContext) -> None:
        """Use a snapshot's catalog (searched anew unless it is the one there is),
        settings and rules."""
        settings = context.settings
        if context.catalog is not self.choices.catalog or \
                settings.currency != self.choices.currency:
            self.choices.reset(context.catalog, settings.currency)
        self._context = context
        self.choices.set_customer_types(customer_types(context.rules))
        self.form.ratio_edit.setPlaceholderText(translate(
            "editor", "store setting ({ratio}x)").format(ratio=settings.max_offer_ratio))
        self.preview.set_context(settings, list(context.rules), self.store.sales.history())

    # ------------------------------------------------------------------ changes and undo

    @Slot(str, bool)
    def _edited(self, key: str, merge: bool) -> None:
        """The manager changed field `key`: record it as an undoable step."""
        new = self.form.value(key)
        old = self._values.get(key)
        if new == old:
            return
        self.touch.touch(key)
        self.undo_stack.push(FieldEdit(self._apply, self.form.label(key), key, old, new,
                                       merge=merge))

    def _apply(self, key: str, value: Any) -> None:
        """Put `value` in field `key` (from an undo command), then re-check the form."""
        self.form.set_value(key, value)
        self._values[key] = self.form.value(key)
        self._after_change()

    def _load(self, raw: dict[str, Any]) -> None:
        self.form.set_values(values_from_dict(raw))
        self._values = self.form.values()
        self.undo_stack.clear()
        self._baseline = self.rule_dict()
        self._after_change()

    def _after_change(self) -> None:
        self.form.refresh(published=self._published)
        self._validate()

    # ------------------------------------------------------------------ validation

    def _validate(self) -> None:
        check = check_form(self.rule_dict(), self._context.rules, published=self._published)
        self._problems = shown = check.problems
        visible = self.touch.visible(shown)
        self.form.show_problems(visible)
        self._rule = rule = check.rule
        # Pressable until it has shown what is missing (a new form is not covered in red).
        self.publish_button.setEnabled(rule is not None or not visible)
        self.preview.set_rule(rule)
        key, found = next(iter(shown.items()), ("", [""]))
        label = self.form.label(key) if key in self.form.fields else key
        self.whatif.set_draft(rule, f"{label} {found[0]}".strip())

    @Slot(QWidget, QWidget)
    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving a field touches it: what is missing there shows from now on."""
        key = field_key_of(old, self)
        if key is not None and key != field_key_of(new, self) and self.touch.touch(key):
            self._validate()

    # ------------------------------------------------------------------ publishing

    @Slot()
    def publish(self) -> None:
        """Lint the rule and save it: refused on errors, asked first on warnings."""
        self._refresh_context()
        self.touch.show_all()
        self._validate()
        rule = self._rule
        if rule is None:
            self.status.say(translate("editor", "Not published: fix the problems marked in "
                                      "the form first."), error=True)
            return
        self._awaiting = True
        self.publisher.publish(rule, self.context(), window=self)

    def _connect_publisher(self) -> None:
        """Hear the publisher's outcomes of the editor's own publishes (it may be shared)."""
        publisher = self.publisher
        publisher.linted.connect(self._linted)
        publisher.refused.connect(self._refused)
        publisher.declined.connect(self._declined)
        publisher.unchanged.connect(self._saved_unchanged)
        publisher.published.connect(self._saved)

    def _settle(self) -> bool:
        """Whether an outcome is of a publish the editor started (which it ends)."""
        mine, self._awaiting = self._awaiting, False
        return mine

    @Slot(list)
    def _linted(self, findings: list[Finding]) -> None:
        if self._awaiting:
            self.status.show_findings(findings)

    @Slot(str)
    def _refused(self, reason: str) -> None:
        if self._settle():
            self.status.say(translate("editor", "Not published: {reason}").format(
                reason=reason), error=True)

    @Slot(str)
    def _declined(self, _rule_id: str) -> None:
        if self._settle():
            self.status.say(translate("editor", "Not published: the warnings below were not "
                                      "confirmed."))

    @Slot(str)
    def _saved(self, rule_id: str) -> None:
        if self._settle():
            self._caught_up()
            self.status.say(translate("editor", "Published {rule}: every till uses it from "
                                      "its next scan.").format(rule=rule_id))
            self.rule_published.emit(rule_id)

    @Slot(str)
    def _saved_unchanged(self, rule_id: str) -> None:
        if self._settle():
            self._caught_up()
            self.status.say(translate("editor", "{rule} is already published as it is: "
                                      "nothing changed.").format(rule=rule_id))

    def _caught_up(self) -> None:
        """The form's rule is in the store now."""
        self._published = True
        # Our own publish moves the revision by one and leaves the catalog as it was: no
        # need to read 100,000 products again, unless someone else published meanwhile.
        self._load_context(catalog=self.store.publish_revision() != self._context.revision + 1)
        self._baseline = self.rule_dict()
        self.undo_stack.setClean()
        self._after_change()

    # ------------------------------------------------------------------ building

    def _build(self, preview_delay_ms: int) -> None:
        self.form = RuleForm(self.choices, self)
        self.form.edited.connect(self._edited)
        self.sections = self.form.sections
        self.form_scroll = self.form.form_scroll
        self.offer_pages = self.form.offer_pages
        self.add_edit = self.form.add_edit
        self.preview = RulePreview(self.choices, self._context.settings, None, self,
                                   delay_ms=preview_delay_ms)
        self.preview_scroll = QScrollArea(self)
        self.preview_scroll.setObjectName("previewScroll")
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.preview_scroll.setWidget(self.preview)
        self.splitter = PaneSplitter(self.form, self.form_scroll, self.preview,
                                     self.preview_scroll, self)

        self.status = PublishStatus(self)
        """Lint's findings and what became of the last publish, under the form."""
        self.undo_action, self.redo_action = undo_actions(self.undo_stack, self)
        undo_button = tool_button(self.undo_action, "undoButton", self)
        redo_button = tool_button(self.redo_action, "redoButton", self)
        self.close_button = QPushButton(translate("editor", "Close"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.closed)
        self.publish_button = QPushButton(translate("editor", "Publish"), self)
        self.publish_button.setObjectName("publishButton")
        self.publish_button.setAutoDefault(False)
        self.publish_button.setToolTip(translate("editor", "Check the rule with lint and put it "
                                                 "live at every till"))
        self.publish_button.clicked.connect(self.publish)

        buttons = QHBoxLayout()
        buttons.addWidget(undo_button)
        buttons.addWidget(redo_button)
        buttons.addWidget(self.status.status_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.publish_button)
        self.whatif = WhatIfPanel(self.store, self)
        """"What if…": the form's rule replayed over past orders (set_draft in _validate)."""
        self._column = layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.form.problem_list)
        layout.addWidget(self.status.findings_label)
        layout.addWidget(self.whatif)
        layout.addLayout(buttons)

        keys = UndoKeys(self)
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
        return self.splitter.pane_widths()

    def side_by_side_width(self) -> int:
        """How wide the editor must be for the preview to stand beside the form (below
        that, it goes under the form)."""
        margins = self._column.contentsMargins()
        return (sum(self.pane_widths()) + self.splitter.handleWidth() + margins.left()
                + margins.right())

    def arrange(self, width: int | None = None) -> None:
        """Put the preview beside the form when the editor is wide enough for both, else
        under it (then with the card above the sample order); see PaneSplitter.arrange."""
        width = self.width() if width is None else width
        margins = self._column.contentsMargins()
        self.splitter.arrange(width - margins.left() - margins.right()
                              - self.splitter.handleWidth(), self.height())

    def set_pane_sizes(self, sizes: Sequence[int]) -> None:
        """Share the editor between the form and the preview beside it as the manager
        left it (last time), instead of the default share."""
        self.splitter.set_pane_sizes(sizes)
