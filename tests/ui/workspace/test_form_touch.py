"""Issue 13, point 12 (and 11's messages): a new rule does not open covered in red. What is
missing shows by a field once the manager has left it (or changed it), and everywhere once
Publish was pressed, in a manager's words, not the pack's codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.ui.workspace.rule_editor import RuleEditor
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]


def red(editor: RuleEditor) -> dict[str, str]:
    """The problems on screen, by label name."""
    return {label.objectName(): label.text() for label in editor.findChildren(QLabel)
            if label.property("problem") and not label.isHidden() and label.text()}


def new_rule(qtbot: QtBot, make_workspace: MakeWorkspace, path: Path) -> RuleEditor:
    workspace = make_workspace(path)
    workspace.rule_list.select_rule("mug-deal")  # a rule first: New rule starts over
    child(workspace.rule_list, QPushButton, "ruleNew").click()
    editor = workspace.editor
    qtbot.waitUntil(editor.isVisible)
    assert child(editor, QLineEdit, "ruleId").text() == ""
    return editor


def test_a_new_rule_opens_without_red_and_a_field_left_empty_says_so(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    editor = new_rule(qtbot, make_workspace, cafe_store_path)
    assert editor.rule() is None, "the form has problems..."
    assert red(editor) == {}, "...but none is shown before the manager did anything"
    assert child(editor, QLabel, "ruleProblems").isHidden()

    rule_id, title = child(editor, QLineEdit, "ruleId"), child(editor, QLineEdit, "ruleTitle")
    editor.window().activateWindow()
    rule_id.setFocus()
    qtbot.waitUntil(rule_id.hasFocus)
    assert red(editor) == {}, "being in a field is not leaving it"
    qtbot.keyClick(rule_id, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not rule_id.hasFocus())
    assert list(red(editor)) == ["ruleIdError"]
    assert "is required" in red(editor)["ruleIdError"]

    say = child(editor, QPlainTextEdit, "ruleSay")
    say.setPlainText("Hi")
    say.setPlainText("")  # typed, then cleared: changed counts as touched
    assert set(red(editor)) == {"ruleIdError", "ruleSayError"}
    assert not title.text()


def test_publish_shows_everything_missing_in_a_managers_words(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    editor = new_rule(qtbot, make_workspace, cafe_store_path)
    publish = child(editor, QPushButton, "publishButton")
    assert publish.isEnabled()

    with qtbot.assertNotEmitted(editor.rule_published):
        publish.click()

    shown = red(editor)
    assert set(shown) == {"ruleIdError", "ruleTitleError", "ruleSayError", "offerAddError"}
    assert shown["offerAddError"] == "needs at least one product to offer"
    for text in shown.values():
        assert "sku" not in text.lower(), text
        assert "slug" not in text, text
    assert "fix the problems marked" in child(editor, QLabel, "publishStatus").text()
    assert not publish.isEnabled(), "until they are fixed"

    child(editor, QLineEdit, "ruleId").setText("Cookie Deal")
    assert "'Cookie Deal' cannot be a rule code: use lower-case letters" in \
        red(editor)["ruleIdError"]

    editor.edit_rule(None)  # another rule loaded: nothing is touched again
    assert red(editor) == {}
