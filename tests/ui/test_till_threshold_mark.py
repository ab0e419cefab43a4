"""Issue 13, point 8: an accepted threshold offer left no mark on the order. `thresholdMark`
now says what it is waiting for ("... at $20.00: $4.50 to go"), follows the total, and goes
once the reward is on the order. Real window, real store file, the cafe's mug-deal (orders
of $20.00 or more get the travel mug for $9.00, offered at checkout within $6.00)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot
from tillwin_helpers import COOKIE, MUFFIN, child, press, scan, table_column

from pos_prompter.ui.till_window import TillWindow

MakeWindow = Callable[..., TillWindow]

BEANS = "2100000000234"
MUG = "Copper Kettle Travel Mug"
ORDER = (BEANS, MUFFIN, COOKIE)


def decline_all(qtbot: QtBot, window: TillWindow) -> None:
    while window.till.prompt is not None:
        press(qtbot, window, Qt.Key.Key_F10)


def mark(window: TillWindow) -> QLabel:
    return child(window, QLabel, "thresholdMark")


def test_the_mark_shows_what_the_reward_waits_for_until_it_is_reached(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    for code in ORDER:  # $9.00 + $3.25 + $2.25 = $14.50
        scan(qtbot, window, code)
    assert window.till.session is not None
    assert not window.till.session.shown, "no prompt yet: the cafe shows two per order"
    assert not mark(window).isVisible()

    press(qtbot, window, Qt.Key.Key_F4)
    prompt = window.till.prompt
    assert prompt is not None
    assert prompt.rule_id == "mug-deal"
    assert not mark(window).isVisible(), "offered is not accepted"
    press(qtbot, window, Qt.Key.Key_F9)
    assert mark(window).isVisible()
    assert mark(window).text() == f"{MUG} for $9.00 at $20.00: $5.50 to go"

    scan(qtbot, window, COOKIE)  # $16.75
    decline_all(qtbot, window)
    assert mark(window).text() == f"{MUG} for $9.00 at $20.00: $3.25 to go"

    scan(qtbot, window, BEANS)  # $25.75: unlocked
    decline_all(qtbot, window)
    assert MUG in table_column(window)
    assert not mark(window).isVisible()

    view = child(window, QTableView, "orderTable")  # the second beans go: $16.75 again
    assert table_column(window)[4] == "House Blend Beans 8 oz"
    row = view.visualRect(view.model().index(4, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    press(qtbot, window, Qt.Key.Key_F7)
    assert MUG not in table_column(window), "the reward is taken back"
    assert mark(window).isVisible()
    assert mark(window).text() == f"{MUG} for $9.00 at $20.00: $3.25 to go"

    press(qtbot, window, Qt.Key.Key_F12)  # paid: the next order waits for nothing
    assert not mark(window).isVisible()


def test_a_declined_threshold_offer_leaves_no_mark(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    for code in ORDER:
        scan(qtbot, window, code)
    press(qtbot, window, Qt.Key.Key_F4)
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "mug-deal"
    press(qtbot, window, Qt.Key.Key_F10)
    assert not mark(window).isVisible()
