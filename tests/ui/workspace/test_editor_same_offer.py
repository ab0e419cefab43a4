"""Issue 13, point 4 in the workspace: publishing a rule that offers the same item as another
rule on the same scanned line asks first (lint `same-offer`), whichever of the two the clerk
would be asked first. Neither publish nor lint warned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot
from test_rule_editor import fill_latte_cookie, stored_rules
from tillwin_helpers import child

from pos_prompter.store import Store
from pos_prompter.ui.workspace.rule_editor import RuleEditor


@pytest.fixture
def editor(qtbot: QtBot, cafe_store_path: Path) -> Iterator[RuleEditor]:
    with Store.open(cafe_store_path) as store:
        made = RuleEditor(store, "manager", preview_delay_ms=0)
        qtbot.addWidget(made)
        yield made


@pytest.mark.parametrize("priority", [20, 1])  # asked before or after the cafe's own rule
def test_a_rule_offering_the_cinnamon_roll_again_asks_first(
        qtbot: QtBot, editor: RuleEditor, cafe_store_path: Path, priority: int) -> None:
    # The cafe's "Afternoon treat with a coffee" offers a Cinnamon Roll first to any coffee.
    fill_latte_cookie(editor, offer="CINN-ROLL")
    child(editor, QSpinBox, "rulePriority").setValue(priority)
    editor.publish()
    box = editor.confirm_box
    assert box is not None, "two rules offer the roll to a latte: publishing asks first"
    said = box.text()
    assert "both offer Cinnamon Roll to the same scanned item (for example Latte Tall)" in said
    first, second = (("Cookie with a latte", "Afternoon treat with a coffee") if priority > 5
                     else ("Afternoon treat with a coffee", "Cookie with a latte"))
    assert f'says no to from "{first}" is not offered again by "{second}"' in said
    with qtbot.waitSignal(box.finished), qtbot.assertNotEmitted(editor.rule_published):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert "latte-cookie" not in stored_rules(cafe_store_path)


def test_a_rule_offering_something_else_publishes_without_a_question(
        qtbot: QtBot, editor: RuleEditor, cafe_store_path: Path) -> None:
    """The cookie is only the cafe rule's third choice: no repeat, no question."""
    fill_latte_cookie(editor, offer="COOKIE-OAT")
    with qtbot.waitSignal(editor.rule_published):
        editor.publish()
    assert editor.confirm_box is None
    assert "latte-cookie" in stored_rules(cafe_store_path)
