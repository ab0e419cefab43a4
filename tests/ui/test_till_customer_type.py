"""Issue 13, point 3: the customer type is set at the till, by one touch (`customerType`) or
F3, so member-only rules fire in the window as they do in `simulate`. Real window, real
store file; the cafe's "beans-for-members" rule is for members only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import child, label_text, press, prompt_log, scan

from pos_prompter.store import Store
from pos_prompter.ui.customer_type import TYPE_PROPERTY
from pos_prompter.ui.till_window import TillWindow

MakeWindow = Callable[..., TillWindow]

LATTE_VENTI = "2100000000036"
"""No size-up above a Venti: a member's first prompt is the beans, anyone else's the
breakfast deal."""


def type_buttons(window: TillWindow) -> dict[str, QPushButton]:
    bar = child(window, QFrame, "customerType")
    return {str(b.property(TYPE_PROPERTY)): b for b in bar.findChildren(QPushButton)}


def stored_customer(path: Path, order_id: int) -> str | None:
    """The open order's customer type as committed in the store file."""
    with Store.open(path) as store:
        resumed = store.sales.open_order_state()
        assert resumed is not None
        state, _rev = resumed
        assert state["order_id"] == order_id
        return state["customer"]


def test_the_bar_offers_the_types_the_rules_use(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    bar = child(window, QFrame, "customerType")
    assert bar.isVisible()
    buttons = type_buttons(window)
    assert list(buttons) == ["member"]
    assert buttons["member"].text() == "Member"
    assert not buttons["member"].isChecked()
    assert buttons["member"].focusPolicy() == Qt.FocusPolicy.NoFocus
    assert buttons["member"].minimumHeight() >= 54


def test_without_a_customer_type_the_member_rule_does_not_fire(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_VENTI)
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "breakfast-croissant"


def test_one_touch_makes_the_order_a_members_and_the_member_rule_fires(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    member = type_buttons(window)["member"]
    qtbot.mouseClick(member, Qt.MouseButton.LeftButton)
    assert member.isChecked()
    assert window.scan_input.hasFocus()
    assert label_text(window, "statusMessage") == "Customer: member"

    scan(qtbot, window, LATTE_VENTI)
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "beans-for-members"
    assert ("beans-for-members", "shown") in prompt_log(cafe_store_path)
    order_id = window.till.order_id
    assert order_id is not None
    assert stored_customer(cafe_store_path, order_id) == "member"

    press(qtbot, window, Qt.Key.Key_F12)  # paid: the next customer is anyone again
    assert not member.isChecked()
    scan(qtbot, window, LATTE_VENTI)
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "breakfast-croissant"


def test_f3_sets_the_type_of_the_open_order_and_f3_again_clears_it(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, "2100000000203")  # a muffin: the order is open, no prompt
    order_id = window.till.order_id
    assert order_id is not None
    member = type_buttons(window)["member"]

    press(qtbot, window, Qt.Key.Key_F3)
    assert member.isChecked()
    assert stored_customer(cafe_store_path, order_id) == "member"
    scan(qtbot, window, LATTE_VENTI)
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "beans-for-members"

    press(qtbot, window, Qt.Key.Key_F3)
    assert not member.isChecked()
    assert stored_customer(cafe_store_path, order_id) is None
    assert label_text(window, "statusMessage") == "Customer: no type set"


def test_a_second_touch_clears_the_type(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    member = type_buttons(window)["member"]
    qtbot.mouseClick(member, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(member, Qt.MouseButton.LeftButton)
    assert not member.isChecked()
    assert window.till.customer is None
    scan(qtbot, window, LATTE_VENTI)
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "breakfast-croissant"
