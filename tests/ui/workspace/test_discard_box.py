"""The question before unpublished changes are dropped (confirmDiscard): Discard says so,
Cancel and Esc keep the changes; the box goes once answered."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pos_prompter.ui.workspace.discard_box import ask_to_discard


@pytest.mark.parametrize(("answer", "discard"), [
    (QMessageBox.StandardButton.Discard, True),
    (QMessageBox.StandardButton.Cancel, False),
    (None, False),  # Esc
])
def test_the_answer_is_said_once_and_the_box_goes(
        qtbot: QtBot, answer: QMessageBox.StandardButton | None, discard: bool) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[bool] = []
    box = ask_to_discard(parent, answers.append)
    assert box.objectName() == "confirmDiscard"
    assert box.isVisible()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)

    if answer is None:
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    else:
        box.button(answer).click()

    assert answers == [discard]
    qtbot.waitUntil(lambda: not shiboken6.isValid(box))
