"""The rule editor's problems beside their fields in Spanish (issue 14.3): parse_rule's and
the money reader's sentences, said by i18n.say in the window; English as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QPushButton, QTimeEdit
from pytestqt.qtbot import QtBot
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name
from test_rule_editor import choose, fill_latte_cookie, line, problem
from tillwin_helpers import child

from pos_prompter.store import Store
from pos_prompter.ui.workspace.rule_editor import RuleEditor

LABELS = ("ruleIdError", "ruleTitleError", "ruleSayError", "offerAddError",
          "orderTotalMinError", "ruleHoldoutError", "scannedError", "timeHoursError",
          "rulePriorityError")


@pytest.fixture
def editor(qtbot: QtBot, cafe_store_path: Path) -> Iterator[RuleEditor]:
    with Store.open(cafe_store_path) as store:
        made = RuleEditor(store, "manager", preview_delay_ms=0)
        qtbot.addWidget(made)
        yield made


def _shown(editor: RuleEditor) -> dict[str, str]:
    return {name: text for name in LABELS if (text := problem(editor, name))}


@pytest.mark.usefixtures("spanish")
def test_an_empty_rule_published_says_what_is_missing_in_spanish(editor: RuleEditor) -> None:
    child(editor, QPushButton, "publishButton").click()
    shown = _shown(editor)
    assert shown["ruleTitleError"] == "es obligatorio (un nombre corto para la regla)"
    assert "obligatorio" in shown["ruleSayError"]
    for name, text in shown.items():
        assert english_left(text, ["latte-size-up"]) == [], (name, text)


@pytest.mark.usefixtures("spanish")
def test_problems_beside_their_fields_in_spanish(editor: RuleEditor) -> None:
    fill_latte_cookie(editor)
    line(editor, "orderTotalMin").setText("3.5.0")
    line(editor, "ruleHoldout").setText("1.5")
    child(editor, QCheckBox, "timeHoursOn").setChecked(True)
    child(editor, QTimeEdit, "timeHoursTo").setTime(child(editor, QTimeEdit,
                                                          "timeHoursFrom").time())
    shown = _shown(editor)
    assert "'3.5.0' no es un importe con 2 decimales como mucho" in shown["orderTotalMinError"]
    assert "1.5 debe ser una proporción desde 0 hasta 1" in shown["ruleHoldoutError"]
    assert "es un horario vacío" in shown["timeHoursError"]
    for name, text in shown.items():
        assert english_left(text, ["'3.5.0'", "1.5"]) == [], (name, text)
    choose(editor, "ruleEvent", "checkout")
    assert "al cobrar no se escanea nada" in problem(editor, "scannedError")
