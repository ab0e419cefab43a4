"""RuleEditor with a publisher it shares (the rules controller holds one): the editor shows
and takes only the outcomes of the publishes it started; its own go through the shared
publisher, whose other listeners hear them too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from test_rule_editor import fill_latte_cookie, stored_rules
from tillwin_helpers import child

from pos_prompter.core.rules import parse_rule
from pos_prompter.store import Store
from pos_prompter.ui.workspace.rules.editor import RuleEditor
from pos_prompter.ui.workspace.rules.editor_context import read_context
from pos_prompter.ui.workspace.rules.publisher import RulePublisher


@pytest.fixture
def store(cafe_store_path: Path) -> Iterator[Store]:
    with Store.open(cafe_store_path) as opened:
        yield opened


@pytest.fixture
def shared(qtbot: QtBot, store: Store) -> RulePublisher:
    return RulePublisher(store, "manager")


@pytest.fixture
def editor(qtbot: QtBot, store: Store, shared: RulePublisher) -> RuleEditor:
    made = RuleEditor(store, "manager", preview_delay_ms=0, publisher=shared)
    qtbot.addWidget(made)
    assert made.publisher is shared
    return made


def muffin(offer: str) -> dict[str, object]:
    return {"id": "tea-muffin", "kind": "cross_sell", "title": "Muffin with a tea",
            "when": {"scanned": {"sku": ["LATTE-T"]}}, "offer": {"add": [offer]},
            "say": "A muffin?", "priority": 20}


def shown(editor: RuleEditor, name: str) -> str:
    label = child(editor, QLabel, name)
    return "" if label.isHidden() else label.text()


def test_another_callers_publish_leaves_the_editor_as_it_was(
        qtbot: QtBot, editor: RuleEditor, shared: RulePublisher, store: Store,
        cafe_store_path: Path) -> None:
    fill_latte_cookie(editor)
    with qtbot.assertNotEmitted(editor.rule_published), \
            qtbot.waitSignal(shared.refused):
        shared.publish(parse_rule(muffin("NO-SUCH-SKU"), 1), read_context(store))
    assert shown(editor, "lintFindings") == "", "not the editor's rule: not its findings"
    assert shown(editor, "publishStatus") == ""

    with qtbot.assertNotEmitted(editor.rule_published), \
            qtbot.waitSignal(shared.published):
        shared.publish(parse_rule(muffin("MUFFIN-BB"), 1), read_context(store))
    assert "tea-muffin" in stored_rules(cafe_store_path)
    assert shown(editor, "publishStatus") == ""
    assert editor.has_unsaved_changes(), "the form's own rule is not published"
    assert not child(editor, QLineEdit, "ruleId").isReadOnly()


def test_the_editors_publish_goes_through_the_shared_publisher(
        qtbot: QtBot, editor: RuleEditor, shared: RulePublisher,
        cafe_store_path: Path) -> None:
    fill_latte_cookie(editor)
    with qtbot.waitSignal(shared.published) as heard, \
            qtbot.waitSignal(editor.rule_published) as published:
        editor.publish()
    assert heard.args == published.args == ["latte-cookie"]
    assert "Published latte-cookie" in shown(editor, "publishStatus")
    assert "latte-cookie" in stored_rules(cafe_store_path)
    assert not editor.has_unsaved_changes()
