"""Issue 13, point 2: the clerk's prompt card stays in sight while a manager works, and a
prompt counts as shown only once it was on screen. The manager's windows open clear of the
till's right column (the total and the card); a prompt raised while a window of the app
lies over the card is logged as shown when that window moves away, and not at all when
the clerk scanned on before anyone could see it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from fixed_waits import assert_stays
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import COOKIE, LATTE_TALL, MUFFIN, prompt_log
from workspace_helpers import open_sign_in, sign_in

from pos_prompter.ui.prompt_seen import SAVE_SEEN_AFTER_MS
from pos_prompter.ui.till_window import TillWindow

MakeWindow = Callable[..., TillWindow]


def card(window: TillWindow) -> QRect:
    """The till's right column (total, prompt card, Checkout and Pay), on the screen."""
    column = window.prompt_panel.parentWidget()
    return QRect(column.mapToGlobal(QPoint(0, 0)), column.size())


def over_the_card(window: TillWindow, other: QWidget) -> bool:
    return other.frameGeometry().intersects(card(window))


def test_the_sign_in_and_the_workspace_open_clear_of_the_prompt_card(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, window)
    assert not over_the_card(window, dialog), "the sign-in box leaves the card in sight"
    assert not dialog.isModal(), "the clerk taps and keys the till meanwhile"
    dialog.reject()

    workspace = sign_in(qtbot, window)

    assert not over_the_card(window, workspace)
    assert workspace.width() >= 400


def test_a_prompt_under_a_manager_window_is_shown_once_the_window_moves_away(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    workspace = sign_in(qtbot, window)
    beside = workspace.geometry()
    workspace.setGeometry(window.geometry())  # dragged over the whole till
    assert over_the_card(window, workspace)

    window.scan_text(LATTE_TALL)  # a scan, while the manager works over the till
    assert window.till.prompt is not None
    assert_stays(qtbot, lambda: window.prompt_seen.waiting, 50)  # time enough to paint a
    # card in sight: this one is not
    assert prompt_log(cafe_store_path) == [], "nobody saw it yet"

    with qtbot.waitSignal(window.prompt_seen.seen) as seen:
        workspace.setGeometry(beside)  # moved back beside the till: the card in sight
    assert seen.args == ["coffee-size-up"]
    window.scan_text(MUFFIN)  # the clerk scans on: the shown prompt goes with this commit
    assert prompt_log(cafe_store_path)[:2] == [("coffee-size-up", "shown"),
                                               ("coffee-size-up", "ignored")]


def test_a_prompt_nobody_saw_is_not_counted_at_all(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    workspace = sign_in(qtbot, window)
    beside = workspace.geometry()
    workspace.setGeometry(window.geometry())

    window.scan_text(LATTE_TALL)
    assert_stays(qtbot, lambda: window.prompt_seen.waiting, 50)  # painted, unseen
    window.scan_text(MUFFIN)  # the clerk scanned on: that prompt is gone, unseen
    assert_stays(qtbot, lambda: prompt_log(cafe_store_path) == [], 50)
    assert [line.sku for line in window.till.lines] == ["LATTE-T", "MUFFIN-BB"]
    assert prompt_log(cafe_store_path) == []

    workspace.setGeometry(beside)
    qtbot.waitUntil(lambda: not window.prompt_seen.waiting)
    assert "coffee-size-up" not in {rule for rule, _status in prompt_log(cafe_store_path)}, \
        "neither shown nor ignored: the results do not count an offer nobody saw"


def test_a_prompt_in_sight_is_shown_at_once(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    sign_in(qtbot, window)  # beside the till: the card stays in sight

    with qtbot.waitSignal(window.prompt_seen.seen):
        window.scan_text(LATTE_TALL)
    assert prompt_log(cafe_store_path) == [], "logged with the next commit, not one of its own"
    window.scan_text(MUFFIN)
    assert prompt_log(cafe_store_path)[:2] == [("coffee-size-up", "shown"),
                                               ("coffee-size-up", "ignored")]


def test_a_prompt_seen_last_is_logged_when_the_till_closes(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    with qtbot.waitSignal(window.prompt_seen.seen):
        window.scan_text(LATTE_TALL)

    window.close()

    assert prompt_log(cafe_store_path) == [("coffee-size-up", "shown")]


def on_disk(path: Path) -> list[tuple[str, str]]:
    """The prompt events in the store file, read by a sqlite3 connection of the test's own
    (what a crash would leave, not what the till holds)."""
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT rule_id, status FROM prompt_events ORDER BY id").fetchall()


def data_version(db: sqlite3.Connection) -> int:
    """Changes whenever another connection commits to the file."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def test_a_prompt_seen_on_an_idle_till_is_saved_on_its_own_soon_after(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    with qtbot.waitSignal(window.prompt_seen.seen):
        window.scan_text(LATTE_TALL)
    assert on_disk(cafe_store_path) == [], "not in a commit of its own at once"

    # No scan follows: a crash now would lose it, so it is committed once the till is idle.
    qtbot.waitUntil(lambda: on_disk(cafe_store_path) == [("coffee-size-up", "shown")],
                    timeout=SAVE_SEEN_AFTER_MS + 3000)
    assert not window.prompt_seen.saving


def test_a_prompt_seen_between_fast_scans_adds_no_write_of_its_own(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    with closing(sqlite3.connect(cafe_store_path)) as db:
        with qtbot.waitSignal(window.prompt_seen.seen):
            window.scan_text(LATTE_TALL)
        assert window.prompt_seen.saving
        window.scan_text(COOKIE)  # the next scan, well within the delay: it takes the row
        assert on_disk(cafe_store_path)[0] == ("coffee-size-up", "shown")
        assert not window.prompt_seen.waiting, "the cookie raises no prompt of its own"
        after_the_scan = data_version(db)
        assert_stays(qtbot, lambda: data_version(db) == after_the_scan,
                     SAVE_SEEN_AFTER_MS + 300, "a commit of its own after the scan's")


def test_a_prompt_under_a_window_is_not_saved_when_the_till_is_idle(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    workspace = sign_in(qtbot, window)
    workspace.setGeometry(window.geometry())  # dragged over the whole till
    window.scan_text(LATTE_TALL)

    assert_stays(qtbot, lambda: on_disk(cafe_store_path) == [], SAVE_SEEN_AFTER_MS + 300,
                 "nobody saw it: not shown, however long the till is idle")
