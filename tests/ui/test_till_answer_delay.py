"""Issue 13, point 5: a prompt takes no answer before it could be read out. F9 pressed twice
used to accept the next prompt too, an offer the customer never heard. Real window, real
store file, the till's own delay (ANSWER_DELAY_MS): the tests wait for the cue (the buttons
enabled again) with qtbot.waitUntil, never by sleeping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tillwin_helpers import COOKIE, LATTE_TALL, button, prompt_log, scan, table_column

from pos_prompter.ui.answer_gate import ANSWER_DELAY_MS
from pos_prompter.ui.till_window import TillWindow

MakeWindow = Callable[..., TillWindow]


def answers(path: Path) -> list[tuple[str, str]]:
    return [(rule, status) for rule, status in prompt_log(path) if status != "shown"]


def wait_answerable(qtbot: QtBot, window: TillWindow) -> None:
    qtbot.waitUntil(lambda: window.prompt_panel.answerable, timeout=ANSWER_DELAY_MS + 2000)


def test_f9_pressed_twice_accepts_only_the_prompt_that_was_read_out(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path, answer_delay_ms=ANSWER_DELAY_MS)
    scan(qtbot, window, LATTE_TALL)
    first = window.till.prompt
    assert first is not None
    assert first.rule_id == "coffee-size-up"
    wait_answerable(qtbot, window)

    qtbot.keyClick(window.scan_input, Qt.Key.Key_F9)
    qtbot.keyClick(window.scan_input, Qt.Key.Key_F9)  # the double press

    second = window.till.prompt
    assert second is not None, "the next prompt is up, unanswered"
    assert second.rule_id == "breakfast-croissant"
    assert answers(cafe_store_path) == [("coffee-size-up", "accepted")]
    assert table_column(window) == ["Latte Grande"], "no croissant the customer never heard of"
    assert not button(window, "promptAccept").isEnabled(), "the cue: not yet"

    wait_answerable(qtbot, window)  # ignored, not queued: nothing happens once it opens
    assert window.till.prompt == second
    assert answers(cafe_store_path) == [("coffee-size-up", "accepted")]
    assert button(window, "promptAccept").isEnabled()
    qtbot.keyClick(window.scan_input, Qt.Key.Key_F9)
    assert answers(cafe_store_path) == [("coffee-size-up", "accepted"),
                                        ("breakfast-croissant", "accepted")]


def test_keys_and_taps_during_the_delay_are_ignored_and_scans_still_ring_up(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path, answer_delay_ms=ANSWER_DELAY_MS)
    scan(qtbot, window, LATTE_TALL)
    prompt = window.till.prompt
    assert prompt is not None
    accept, decline = button(window, "promptAccept"), button(window, "promptDecline")
    assert not accept.isEnabled()
    assert not decline.isEnabled()

    for key in (Qt.Key.Key_F9, Qt.Key.Key_F10, Qt.Key.Key_Escape):
        qtbot.keyClick(window.scan_input, key)
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(decline, Qt.MouseButton.LeftButton)
    assert window.till.prompt == prompt
    assert answers(cafe_store_path) == []
    assert window.scan_input.hasFocus()

    scan(qtbot, window, COOKIE)  # the scanner is never held up
    assert table_column(window) == ["Latte Tall", "Oat Cookie"]
    assert answers(cafe_store_path) == [("coffee-size-up", "ignored")]


def test_a_tap_answers_once_the_prompt_could_be_read_out(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path, answer_delay_ms=ANSWER_DELAY_MS)
    scan(qtbot, window, LATTE_TALL)
    wait_answerable(qtbot, window)
    qtbot.mouseClick(button(window, "promptDecline"), Qt.MouseButton.LeftButton)
    assert answers(cafe_store_path) == [("coffee-size-up", "declined")]
    assert window.scan_input.hasFocus()
