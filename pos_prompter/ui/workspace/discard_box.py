"""The question the workspace asks before it drops a rule's unpublished changes (another
rule chosen, a new rule, the editor or the window closed): `confirmDiscard`, not modal to
the till, Cancel by default."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from pos_prompter.i18n import translate


def ask_to_discard(parent: QWidget, answered: Callable[[bool], None]) -> QMessageBox:
    """Open the question over `parent` and return it; `answered(discard)` once the
    manager has answered (the box is then deleted)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("workspace", "Unsaved changes"),
                      translate("workspace", "The rule being edited has changes that are "
                                "not published. Discard them?"),
                      QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("confirmDiscard")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)

    def finished(_result: int) -> None:
        clicked = box.clickedButton()
        discard = (clicked is not None and box.standardButton(clicked)
                   == QMessageBox.StandardButton.Discard)
        box.deleteLater()
        answered(discard)

    box.finished.connect(finished)
    box.open()
    return box
