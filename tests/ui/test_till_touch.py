"""Issue 14, point 4: the till by finger and by key, on a 1024x768 screen, in a light and
a dark theme. The real till window on the cafe demo, a prompt up, walked control by control
(touch_check.py): targets of at least 44 px with an accessible name, every key written on
screen beside a button that does the same, nothing clipped or overlapping, and text that
reads at 4.5:1 or better. The same at 200% scaling: test_till_touch_scaled.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import COCOA_TALL, COOKIE, LATTE_TALL, MUFFIN, child, scan
from touch_check import (
    is_dark,
    key_problems,
    layout_problems,
    painted_contrast,
    rect_in,
    touch_problems,
)

from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.ui.order_model import ITEM, NOTE
from pos_prompter.ui.style import DARK, LIGHT, THEME_ENV, chosen_theme
from pos_prompter.ui.till_screen import ROW_HEIGHT
from pos_prompter.ui.till_window import TillWindow

MakeWindow = Callable[..., TillWindow]

READ = ("orderTotal", "totalCaption", "promptSay", "promptWhy", "statusMessage", "keyHelp",
        "clerkName", "payButton", "checkoutButton", "promptAccept", "promptDecline",
        "voidButton", "offerAgainButton", "managerButton", "signOutButton")
"""What the clerk reads: each against its own background."""


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def selling(qtbot: QtBot, make: MakeWindow, path: Path, size: tuple[int, int],
            theme: str = LIGHT) -> TillWindow:
    """The till at `size`, a prompt up (its answers open) and a message shown."""
    window = make(path)
    window.set_theme(theme)
    window.resize(*size)
    scan(qtbot, window, LATTE_TALL)
    assert window.till.prompt is not None
    settle()
    return window


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (600, 740), (860, 700)])
def test_every_control_takes_a_finger_and_has_a_name(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        size: tuple[int, int]) -> None:
    window = selling(qtbot, make_till_window, cafe_store_path, size)
    assert window.size().toTuple() == size, "the till cannot be made this small"
    assert touch_problems(window) == []


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (600, 740), (860, 700),
                                  (800, 560)])
def test_nothing_is_clipped_or_overlapping(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        size: tuple[int, int]) -> None:
    window = selling(qtbot, make_till_window, cafe_store_path, size)
    assert layout_problems(window) == []


def test_a_narrow_till_keeps_the_scan_field_the_order_and_the_card_in_sight(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    for code in (MUFFIN, COOKIE, COCOA_TALL):
        scan(qtbot, window, code)
        if window.till.prompt is not None:
            window.decline_prompt()
    window.resize(600, 740)  # beside the workspace on a 1024x768 screen (window_place.py)
    scan(qtbot, window, LATTE_TALL)
    settle()
    table = window.order_table
    card = window.prompt_panel
    assert window.narrow
    assert card.isVisible()
    assert window.scan_input.width() >= 200
    assert table.viewport().height() >= 3 * ROW_HEIGHT
    assert rect_in(window, card).top() >= rect_in(window, table).bottom(), "card under order"
    last = table.model().rowCount() - 1
    qtbot.waitUntil(lambda: 0 <= table.rowViewportPosition(last)
                    <= table.viewport().height() - ROW_HEIGHT)  # the prompt's line
    window.resize(1024, 768)
    settle()
    assert not window.narrow
    assert rect_in(window, card).left() >= rect_in(window, table).right(), "card beside"


def test_every_key_is_on_screen_and_on_a_button(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = selling(qtbot, make_till_window, cafe_store_path, (1024, 768))
    assert len(window.shortcuts) >= 10
    assert key_problems(window, window.shortcuts) == []


def test_offer_again_has_a_button_too(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = selling(qtbot, make_till_window, cafe_store_path, (1024, 768))
    offered = window.till.prompt
    assert offered is not None
    window.decline_prompt()
    qtbot.waitUntil(lambda: window.till.prompt is None or window.till.prompt != offered)
    again = child(window, QPushButton, "offerAgainButton")
    assert "F8" in again.text()
    again.click()
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == offered.rule_id
    assert window.scan_input.hasFocus()


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_text_reads_at_4_5_to_1_in_both_themes(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        theme: str) -> None:
    window = make_till_window(cafe_store_path)
    window.set_theme(theme)
    window.resize(1024, 768)
    scan(qtbot, window, COCOA_TALL)
    window.decline_prompt()  # a note on its line
    scan(qtbot, window, LATTE_TALL)  # the prompt's line
    window.show_message("Added: Latte Tall $4.25")
    settle()
    central = child(window, QWidget, "tillCentral")
    assert is_dark(central) == (theme == DARK)
    low = {}
    for name in READ:
        widget = child(window, QWidget, name)
        assert widget.isVisible(), name
        ratio = painted_contrast(widget)
        if ratio < 4.5:
            low[name] = round(ratio, 2)
    table = window.order_table
    for row in range(table.model().rowCount()):  # the prompt's line, the declined note
        for column in (ITEM, NOTE):
            index = table.model().index(row, column)
            if not index.data():
                continue
            cell = table.visualRect(index)
            if painted_contrast(table.viewport(), 2, cell) < 4.5:
                low[f"orderTable {row},{column}"] = round(
                    painted_contrast(table.viewport(), 2, cell), 2)
    window.show_message("Unknown barcode 999", "error")
    settle()
    error = painted_contrast(child(window, QLabel, "statusMessage"))
    assert low == {}
    assert error >= 4.5


def test_the_clerk_sign_in_and_pin_pad_take_a_finger(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as store:
        StaffStore(store).add_person("Ana", "clerk", "4321")
    window = make_till_window(cafe_store_path)
    window.resize(1024, 768)
    window.sign_out()
    settle()
    panel = child(window, QWidget, "clerkSignIn")
    assert panel.isVisible()
    for theme in (LIGHT, DARK):
        window.set_theme(theme)
        settle()
        assert touch_problems(window, panel) == [], theme
        assert layout_problems(window, panel) == [], theme
        for name in ("clerkSignInTitle", "clerkKey1", "clerkSignInButton"):
            assert painted_contrast(child(window, QWidget, name)) >= 4.5, (theme, name)


def test_the_theme_follows_the_system_unless_told(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(THEME_ENV, raising=False)
    window = make_till_window(cafe_store_path)
    central = child(window, QWidget, "tillCentral")
    hints = QApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    settle()
    assert window.theme == DARK
    assert is_dark(central)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    settle()
    assert window.theme == LIGHT
    assert not is_dark(central)
    monkeypatch.setenv(THEME_ENV, "dark")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.theme == DARK
    assert chosen_theme("light", Qt.ColorScheme.Dark) == LIGHT  # the store's setting wins
    assert chosen_theme(None, Qt.ColorScheme.Dark) == DARK
