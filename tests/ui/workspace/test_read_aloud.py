"""Issue 13, point 9: the prompt card's say and why are read out at the counter, so the demo
stores' copy fits one breath and lint (asked at Publish) warns about text that does not."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.bootstrap import init_store
from pos_prompter.core.read_aloud import LIMITS, word_count
from pos_prompter.resources import DEMOS
from pos_prompter.store import Store
from pos_prompter.ui.workspace.product_picker import ValueListEdit
from pos_prompter.ui.workspace.rule_editor import RuleEditor

MANAGERS_NOTE = ("Croissants come out of the oven at 6 and should be gone by 11; a coffee order "
                 "is the moment to ask, and 2.00 still leaves a good margin (max_offer_ratio 1.5).")
SETTING_NAMES = re.compile(r"max_offer_ratio|max_prompts|priority|holdout|_")


@pytest.fixture
def editor_on(qtbot: QtBot) -> Iterator[object]:
    stores: list[Store] = []

    def make(path: Path) -> RuleEditor:
        store = Store.open(path)
        stores.append(store)
        editor = RuleEditor(store, "manager", preview_delay_ms=0)
        qtbot.addWidget(editor)
        return editor

    yield make
    for store in stores:
        store.close()


def test_a_why_too_long_to_read_out_is_a_warning_asked_at_publish(
        qtbot: QtBot, editor_on: object, cafe_store_path: Path) -> None:
    editor = editor_on(cafe_store_path)  # type: ignore[operator]
    child(editor, QLineEdit, "ruleId").setText("latte-cookie")
    kind = child(editor, QComboBox, "ruleKind")
    kind.setCurrentIndex(kind.findData("cross_sell"))
    child(editor, QLineEdit, "ruleTitle").setText("Cookie with a latte")
    child(editor, ValueListEdit, "scannedSku").add_value("LATTE-T")
    child(editor, ValueListEdit, "offerAdd").add_value("COOKIE-OAT")
    child(editor, QPlainTextEdit, "ruleSay").setPlainText("An {offer} with that? Only {price}.")
    child(editor, QPlainTextEdit, "ruleWhy").setPlainText(MANAGERS_NOTE)

    child(editor, QPushButton, "publishButton").click()
    box = editor.confirm_box
    assert box is not None, "a warning: publishing asks first"
    assert "why is 31 words, more than 20" in box.text()
    assert "read out in one breath" in box.text()
    with qtbot.waitSignal(box.finished), qtbot.assertNotEmitted(editor.rule_published):
        box.button(QMessageBox.StandardButton.Cancel).click()

    child(editor, QPlainTextEdit, "ruleWhy").setPlainText("Fresh from the oven this morning.")
    with qtbot.waitSignal(editor.rule_published):
        child(editor, QPushButton, "publishButton").click()
    assert editor.confirm_box is None, "no warning left: no question"


@pytest.mark.parametrize("demo", DEMOS)
def test_every_demo_rule_is_said_in_one_breath_and_publishes_without_a_question(
        qtbot: QtBot, editor_on: object, tmp_path: Path, demo: str) -> None:
    path = tmp_path / "s.db"
    init_store(path, demo=demo).close()
    with Store.open(path) as store:
        rules = store.rules.load()
    editor = editor_on(path)  # type: ignore[operator]
    for rule in rules:
        for field, text in (("say", rule.say), ("why", rule.why)):
            assert word_count(text) <= LIMITS[field].words, (rule.id, field, text)
            assert not SETTING_NAMES.search(re.sub(r"\{\w+\}", "", text)), (rule.id, text)
        editor.edit_rule(rule)
        child(editor, QPushButton, "publishButton").click()
        assert editor.confirm_box is None, (rule.id, editor.confirm_box and
                                            editor.confirm_box.text())
        assert "already published as it is" in \
            child(editor, QLabel, "publishStatus").text(), rule.id
