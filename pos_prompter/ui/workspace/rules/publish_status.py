"""How the last publish went, shown under the rule form: lint's findings, each with its fix
("lintFindings"), and one line saying what became of the rule ("publishStatus", in red
and bold when it was refused)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from pos_prompter.core.lint import Finding
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say, translate
from pos_prompter.ui.widgets import plain_label

STATUS_QSS = """
#publishStatus[level="error"] { color: #b3261e; font-weight: bold; }
#lintFindings { background: #fff8e6; border: 1px solid #e3a21a; border-radius: 6px;
                padding: 6px; }
"""


SEVERITY_TEXT = {"error": QT_TRANSLATE_NOOP("editor", "Error"),
                 "warning": QT_TRANSLATE_NOOP("editor", "Warning")}
"""A finding's severity as the list starts its line (in English)."""


def findings_text(findings: Sequence[Finding]) -> str:
    """Lint's findings as the editor lists them, one per line with its fix under it, in the
    window's language."""
    def severity(word: str) -> str:
        known = SEVERITY_TEXT.get(word)
        return translate("editor", known) if known is not None else word.capitalize()

    return "\n".join(f"{severity(f.severity)}: {say(f.message)}\n    "
                     f"\N{RIGHTWARDS ARROW} {say(f.fix)}" for f in findings)


class PublishStatus(QObject):
    """The findings and status labels (hidden while empty), made as children of `parent`
    for its layout to place: `show_findings` lists lint's findings, `say` sets the line."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        """What lint said at the last publish attempt."""
        self.findings_label = plain_label("lintFindings", parent)
        self.findings_label.hide()
        self.status_label = plain_label("publishStatus", parent)
        self.status_label.hide()

    @Slot(list)
    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        text = findings_text(self.findings)
        self.findings_label.setText(text)
        self.findings_label.setVisible(bool(text))

    def say(self, text: str, *, error: bool = False) -> None:
        """Show `text` as the status line ("": none), red and bold if an `error`."""
        label = self.status_label
        label.setText(text)
        label.setProperty("level", "error" if error else "info")
        label.style().unpolish(label)
        label.style().polish(label)
        label.setVisible(bool(text))
