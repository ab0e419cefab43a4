"""Issue 13, point 4 at the real till window: an item the customer declined (F10) is not offered
again in that order by another rule, on the same line or a line scanned later."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from tillwin_helpers import (
    COCOA_TALL,
    LATTE_TALL,
    child,
    on_screen,
    panel,
    press,
    prompt_log,
    scan,
    scan_field,
)

from pos_prompter.ui.till_window import TillWindow

MakeWindow = Callable[..., TillWindow]

# Two rules offer the Blueberry Muffin to a Latte Tall (one by its SKU, one by its tag), and a
# third offers an Oat Cookie to any hot drink.
MUFFIN_TWICE = """
version: 1
settings: {max_prompts_per_order: 3, max_offer_ratio: 1.0}
rules:
  - id: everyday-muffin
    kind: cross_sell
    title: Muffin with a latte
    when: {scanned: {sku: [LATTE-T]}}
    offer: {add: [MUFFIN-BB]}
    say: "A {offer} for {price}?"
    priority: 9
  - id: muffin-push
    kind: cross_sell
    title: Muffin with any hot drink
    when: {scanned: {tag: [hot-drink]}}
    offer: {add: [MUFFIN-BB]}
    say: "How about a {offer} for {price}?"
    priority: 5
  - id: cookie-push
    kind: cross_sell
    title: Cookie with any hot drink
    when: {scanned: {tag: [hot-drink]}}
    offer: {add: [COOKIE-OAT]}
    say: "An {offer} for {price}?"
    priority: 1
"""


def card(window: TillWindow) -> tuple[str, str]:
    return (child(window, QLabel, "promptTitle").text(),
            child(window, QLabel, "promptSay").text())


@pytest.mark.parametrize("key", [Qt.Key.Key_F10, Qt.Key.Key_Escape])
def test_a_declined_muffin_is_not_offered_again_by_another_rule(
        qtbot: QtBot, make_till_window: MakeWindow,
        store_with_rules: Callable[[str], Path], key: Qt.Key) -> None:
    path = store_with_rules(MUFFIN_TWICE)
    window = make_till_window(path)
    scan(qtbot, window, LATTE_TALL)
    assert card(window) == ("Muffin with a latte", "A Blueberry Muffin for $3.25?")

    with qtbot.waitSignal(window.prompt_answered) as answered:
        press(qtbot, window, key)  # F10 or Esc: both are the customer's "no"
    assert answered.args == ["everyday-muffin", "declined"]
    on_screen(qtbot, window)
    # The muffin rule for hot drinks is passed over: the cookie is next on the card.
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "cookie-push"
    assert card(window) == ("Cookie with any hot drink", "An Oat Cookie for $2.25?")

    with qtbot.waitSignal(window.prompt_answered):
        press(qtbot, window, Qt.Key.Key_F10)
    # Scanning on: a hot chocolate is a hot drink too, and still no muffin.
    scan(qtbot, window, COCOA_TALL)
    assert window.till.prompt is None
    assert not panel(window).isVisible()
    assert scan_field(window).hasFocus()
    assert {rule for rule, _status in prompt_log(path)} == {"everyday-muffin", "cookie-push"}
