"""Issue 13, point 2 on a small screen: the offscreen screen of these tests is 800 px wide,
too narrow for the narrow till (560 px) and the workspace (about 410 px) side by side. The
till goes compact (till_screen.set_compact) while the workspace is open: both stand whole
on the screen, the workspace never over the clerk's order or card, and the compact till
keeps every control a finger's size, nothing cut or overlapping, its prompt seen. When the
workspace closes, the till is as it was. The same at 800x600 and 1024x768 in a process of
its own: tests/ui/xserver/test_workspace_place_offscreen.py; on a real X server:
test_x_workspace_place.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import LATTE_TALL, MUFFIN, prompt_log, scan
from touch_check import layout_problems, touch_problems
from workspace_helpers import close_workspace, sign_in

from pos_prompter.ui.till_screen import COMPACT_MIN_HEIGHT, MIN_WIDTH
from pos_prompter.ui.till_window import TillWindow

MakeWindow = Callable[..., TillWindow]


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_on_an_800_px_screen_the_till_goes_compact_beside_the_whole_workspace(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    screen = window.screen().availableGeometry()
    assert screen.width() == 800, "the offscreen screen these tests assume"

    workspace = sign_in(qtbot, window)
    scan(qtbot, window, LATTE_TALL)  # a prompt up while the manager works
    settle()

    assert window.compact
    assert window.width() < MIN_WIDTH
    order, card = on_screen(window.order_table), on_screen(window.card_column)
    placed = workspace.frameGeometry()
    assert placed.right() < order.left(), "the workspace covers the clerk's order"
    assert placed.right() < card.left(), "the workspace covers the prompt card"
    assert placed.right() < window.frameGeometry().left(), "the workspace lies over the till"
    assert placed.left() >= screen.left(), "the workspace's left part is off the screen"
    assert window.frameGeometry().right() <= screen.right(), "the till is off the screen"
    assert workspace.width() >= 400, "the workspace has room to be worked in"
    assert card.top() >= order.bottom(), "the card stands under the order"
    assert window.prompt_panel.isVisible()
    assert touch_problems(window) == []
    assert layout_problems(window) == []
    assert ("coffee-size-up", "shown") in prompt_log(cafe_store_path), "the card was seen"


def test_the_compact_till_keeps_selling_and_is_itself_again_once_the_workspace_closes(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    window.resize(700, 740)
    settle()
    before = window.geometry()
    sign_in(qtbot, window)
    assert window.compact
    assert not window.manager_button.isVisible(), "the workspace is open already"
    assert window.pay_button.isVisible()
    assert window.checkout_button.isVisible()
    assert window.sign_out_button.isVisible()

    scan(qtbot, window, MUFFIN)
    assert [line.sku for line in window.till.lines] == ["MUFFIN-BB"]

    close_workspace(qtbot, window)
    settle()
    assert not window.compact
    assert window.geometry() == before
    assert window.manager_button.isVisible()
    assert window.key_help.isVisible()
    assert window.store_info.isVisible()
    assert window.minimumWidth() == MIN_WIDTH
    assert layout_problems(window) == []


def test_at_its_narrowest_the_compact_till_has_room_for_a_prompt_raised_later(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    window.set_compact(True)  # no prompt up yet: the card is hidden
    window.resize(window.minimumWidth(), COMPACT_MIN_HEIGHT)
    settle()
    narrowest = window.width()

    scan(qtbot, window, LATTE_TALL)
    settle()

    assert window.prompt_panel.isVisible()
    assert window.width() == narrowest, "the till does not grow under the workspace"
    assert touch_problems(window) == []
    assert layout_problems(window) == [], "the card is squeezed"
