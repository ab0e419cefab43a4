"""Publishing one rule: lint it among the store's rules, ask before publishing over
warnings, save it audited under the manager's name, and say what happened by signals.

`RulePublisher.publish(rule, context)` is the one entry. Which rules lint looks at with
it is rule policy (`core.rule_policy.publish_findings`). Errors refuse the rule; warnings
open a question (a QMessageBox opened with open(), never exec(): `confirm_box` while it is
open) and the rule is saved only on "Publish anyway"; no findings save it at once.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from pos_prompter.core.errors import UserError
from pos_prompter.core.lint import Finding, has_errors
from pos_prompter.core.rule_policy import publish_findings
from pos_prompter.core.rules import Rule
from pos_prompter.i18n import plural, say, say_error, translate
from pos_prompter.store import Store
from pos_prompter.ui.workspace.rules.editor_context import EditorContext

__all__ = ["EditorContext", "RulePublisher"]


class RulePublisher(QObject):
    """Lints, confirms and saves rules to `store`, audited as `actor`.

    Each `publish` emits `linted` first (once lint ran), then exactly one of `published`,
    `unchanged`, `refused` or `declined`; with warnings, that one comes when the manager
    answers the question (`confirm_box`).

    Signals:
        linted(list): lint's findings about the rule (a list of Finding; empty: none).
        published(str): the rule (its id) was saved and changed the store.
        unchanged(str): the rule (its id) was in the store exactly so: nothing written.
        refused(str): not published, and why, in a sentence (lint errors, or the store
            refused the rule).
        declined(str): the rule (its id) was not published: its warnings were not
            confirmed.
    """

    linted = Signal(list)
    published = Signal(str)
    unchanged = Signal(str)
    refused = Signal(str)
    declined = Signal(str)

    def __init__(self, store: Store, actor: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.findings: list[Finding] = []
        """What lint said at the last publish."""
        self.confirm_box: QMessageBox | None = None
        """The warnings question while it is open."""

    def publish(self, rule: Rule, context: EditorContext, *,
                window: QWidget | None = None) -> None:
        """Lint `rule` among `context`'s rules, catalog and settings (the store's, read
        just before), then save it: refused on errors, asked first on warnings, in a box
        modal to `window`."""
        self.findings = publish_findings(rule, context.rules, context.catalog,
                                         context.settings)
        self.linted.emit(list(self.findings))
        if has_errors(self.findings):
            errors = sum(f.severity == "error" for f in self.findings)
            self.refused.emit(plural(
                errors, translate("editor", "lint found {n} error (below) to fix first."),
                translate("editor", "lint found {n} errors (below) to fix first.")))
            return
        if self.findings:
            self._ask_to_confirm(rule, window)
            return
        self._save(rule)

    def _ask_to_confirm(self, rule: Rule, window: QWidget | None) -> None:
        findings = self.findings
        text = "\n\n".join(f"{say(f.message)}\n\N{RIGHTWARDS ARROW} {say(f.fix)}"
                           for f in findings)
        box = QMessageBox(QMessageBox.Icon.Warning,
                          translate("editor", "Publish with warnings?"),
                          plural(len(findings),
                                 translate("editor", "Lint has {n} warning about {rule}:"),
                                 translate("editor", "Lint has {n} warnings about {rule}:"),
                                 rule=rule.id) + f"\n\n{text}",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          window)
        box.setObjectName("publishConfirm")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText(translate("editor",
                                                                     "Publish anyway"))
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
            self.declined.emit(rule.id)

    def _save(self, rule: Rule) -> None:
        try:
            action = self.store.rules.save(rule, actor=self.actor)
        except UserError as exc:
            self.refused.emit(say_error(exc))
            return
        if action == "same":
            self.unchanged.emit(rule.id)
        else:
            self.published.emit(rule.id)
