"""A clerk signs in at the till with their PIN, in a panel over the till window (never a
dialog): by the touch keypad or the keyboard, five wrong PINs lock them out, a scanner's
digits never land in the PIN, and "Sign out  F2" hands an open order over to the next
clerk. The real window over a real store file (the cafe demo: clerk `clerk`, PIN 1234),
through `app.build_window` as the app starts a shift; PINs are checked in a worker thread."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import (
    LATTE_TALL,
    MUFFIN,
    button,
    child,
    keys_at,
    label_text,
    press,
    scan,
)

from pos_prompter import app as till_app
from pos_prompter.bootstrap import init_store
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.till import Till
from pos_prompter.ui.clerk_sign_in import NO_PIN_TEXT, ClerkSignInPanel
from pos_prompter.ui.till_window import TillWindow

CLERK, PIN = "clerk", "1234"
DANA, DANA_PIN = "dana", "5678"

StartShift = Callable[..., TillWindow]


@pytest.fixture
def start_shift(qtbot: QtBot, morning_clock: FixedClock) -> Iterator[StartShift]:
    """`start_shift(path, training=False)`: the till window as the app builds it at the
    start of a shift, shown and active. Closed with its store at teardown."""
    made: list[tuple[TillWindow, Store]] = []

    def start(path: Path, *, training: bool = False) -> TillWindow:
        store = Store.open(path)
        window = till_app.build_window(store, training=training, clock=morning_clock)
        made.append((window, store))
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield start
    for window, store in reversed(made):
        job = window.clerk_panel.job
        if job is not None:
            job.wait()
        QApplication.processEvents()
        window.close()
        window.deleteLater()
        store.close()


@pytest.fixture
def two_clerks(cafe_store_path: Path) -> Path:
    """The cafe demo with a second clerk, dana (PIN 5678)."""
    with Store.open(cafe_store_path) as store:
        StaffStore(store).add_person(DANA, "clerk", DANA_PIN)
    return cafe_store_path


def panel(window: TillWindow) -> ClerkSignInPanel:
    """The panel, by its objectName. A till whose clerk is selling has not built it yet (it
    is built when first needed, or by the app after the first paint: TillScreen.clerk_panel):
    then it is not covering the till, and is built here as F2 would."""
    if window.findChild(QFrame, "clerkSignIn") is None:
        assert not window.signing_in
        window.clerk_panel  # noqa: B018 - built on first use
    found = child(window, QFrame, "clerkSignIn")
    assert isinstance(found, ClerkSignInPanel)
    return found


def pin_field(window: TillWindow) -> QLineEdit:
    return child(window, QLineEdit, "clerkPin")


def message(window: TillWindow) -> str:
    return label_text(window, "clerkSignInMessage")


def name_rows(window: TillWindow) -> dict[str, QPushButton]:
    rows = [b for b in panel(window).findChildren(QPushButton)
            if b.objectName().startswith("clerkRow")]
    return {b.text(): b for b in rows}


def keypad(qtbot: QtBot, window: TillWindow, digits: str) -> None:
    for digit in digits:
        qtbot.mouseClick(button(window, f"clerkKey{digit}"), Qt.MouseButton.LeftButton)


def sign_in_by_keypad(qtbot: QtBot, window: TillWindow, name: str, pin: str) -> None:
    qtbot.mouseClick(name_rows(window)[name], Qt.MouseButton.LeftButton)
    keypad(qtbot, window, pin)
    with qtbot.waitSignal(window.clerk_changed) as changed:
        qtbot.mouseClick(button(window, "clerkSignInButton"), Qt.MouseButton.LeftButton)
    assert changed.args == [name]


def wrong_pin(qtbot: QtBot, window: TillWindow, pin: str = "9999") -> str:
    """Type a PIN and Enter; the refusal's message."""
    qtbot.keyClicks(pin_field(window), pin)
    with qtbot.waitSignal(panel(window).refused) as refused:
        qtbot.keyClick(pin_field(window), Qt.Key.Key_Return)
    return str(refused.args[0])


def clerks_in_store(path: Path) -> tuple[list[str | None], list[tuple[str, str, str | None]]]:
    """Who the orders and the prompt outcomes are recorded under, as on disk."""
    with Store.open(path) as store:
        return ([row["clerk"] for row in store.sales.orders()],
                [(row["rule_id"], row["status"], row["clerk"])
                 for row in store.sales.prompt_events()])


def test_a_shift_starts_with_the_sign_in_panel_over_the_till(
        qtbot: QtBot, start_shift: StartShift, two_clerks: Path) -> None:
    window = start_shift(two_clerks)

    assert panel(window).isVisible()
    assert panel(window).window() is window, "in the window, not a dialog of its own"
    assert list(name_rows(window)) == [CLERK, DANA]
    assert pin_field(window).echoMode() == QLineEdit.EchoMode.Password
    assert label_text(window, "clerkName") == "Nobody signed in"
    qtbot.waitUntil(pin_field(window).hasFocus)
    assert window.till.needs_sign_in


def test_a_clerk_signs_in_by_keypad_and_the_scan_field_has_the_keys_again(
        qtbot: QtBot, start_shift: StartShift, two_clerks: Path) -> None:
    window = start_shift(two_clerks)

    sign_in_by_keypad(qtbot, window, DANA, DANA_PIN)

    assert not panel(window).isVisible()
    assert label_text(window, "clerkName") == "Selling: dana"
    qtbot.waitUntil(window.scan_input.hasFocus)
    scan(qtbot, window, MUFFIN)
    press(qtbot, window, Qt.Key.Key_F12)
    assert clerks_in_store(two_clerks)[0] == [DANA]


def test_a_clerk_signs_in_by_keyboard_digits_and_enter(
        qtbot: QtBot, start_shift: StartShift, cafe_store_path: Path) -> None:
    window = start_shift(cafe_store_path)
    qtbot.waitUntil(pin_field(window).hasFocus)

    qtbot.keyClicks(pin_field(window), PIN)
    assert pin_field(window).text() == PIN
    with qtbot.waitSignal(window.clerk_changed):
        qtbot.keyClick(pin_field(window), Qt.Key.Key_Return)

    assert window.till.clerk == CLERK
    qtbot.waitUntil(window.scan_input.hasFocus)


def test_the_keypads_erase_takes_back_a_digit(
        qtbot: QtBot, start_shift: StartShift, cafe_store_path: Path) -> None:
    window = start_shift(cafe_store_path)
    keypad(qtbot, window, "129")
    qtbot.mouseClick(button(window, "clerkKeyErase"), Qt.MouseButton.LeftButton)
    keypad(qtbot, window, "34")
    assert pin_field(window).text() == PIN
    with qtbot.waitSignal(window.clerk_changed):
        qtbot.mouseClick(button(window, "clerkSignInButton"), Qt.MouseButton.LeftButton)


def test_a_wrong_pin_counts_and_the_panel_stays(
        qtbot: QtBot, start_shift: StartShift, cafe_store_path: Path) -> None:
    window = start_shift(cafe_store_path)

    assert wrong_pin(qtbot, window) == "Wrong PIN; 4 tries left."

    assert message(window) == "Wrong PIN; 4 tries left."
    assert window.staff.lock_state(CLERK).tries_left == 4
    assert panel(window).isVisible()
    assert pin_field(window).text() == ""
    assert window.till.clerk is None


def test_five_wrong_pins_lock_the_clerk_out_until_a_time(
        qtbot: QtBot, start_shift: StartShift, cafe_store_path: Path) -> None:
    window = start_shift(cafe_store_path)  # 08:10 by the till's clock
    for _ in range(4):
        wrong_pin(qtbot, window)

    assert wrong_pin(qtbot, window) == (
        "Wrong PIN; clerk is locked until 08:15 after 5 wrong attempts.")
    refused = wrong_pin(qtbot, window, PIN)  # the right PIN, too late

    assert re.search(r"locked until \d\d:\d\d", refused), refused
    # A locked clerk gets one answer whatever is typed: it never tells the right PIN.
    assert refused == "Clerk is locked until 08:15 after 5 wrong attempts."
    assert wrong_pin(qtbot, window, "8642") == refused
    assert window.till.clerk is None
    assert panel(window).isVisible()


def test_a_scan_during_sign_in_never_reaches_the_pin_and_is_reported(
        qtbot: QtBot, start_shift: StartShift, cafe_store_path: Path) -> None:
    window = start_shift(cafe_store_path)
    field = pin_field(window)
    qtbot.waitUntil(field.hasFocus)
    after = keys_at(field, "12", 1_000_000, every_ms=150)  # the clerk starts typing

    with qtbot.waitSignal(panel(window).scan_refused) as refused:
        keys_at(field, MUFFIN + "\r", after + 400, every_ms=4)  # the scanner fires

    assert refused.args == [MUFFIN]
    assert field.text() == "12", "the scan's digits were taken back out"
    assert message(window) == f"Sign in first: {MUFFIN} was not rung up."
    assert window.staff.lock_state(CLERK).tries_left == 5, "no attempt was made"
    assert panel(window).isVisible()
    assert window.till.lines == []
    assert clerks_in_store(cafe_store_path) == ([], [])
    keys_at(field, "34", after + 2_000, every_ms=150)
    with qtbot.waitSignal(window.clerk_changed):
        qtbot.keyClick(field, Qt.Key.Key_Return)  # the clerk goes on where they were


def test_keys_of_the_till_while_signed_out_write_nothing(
        qtbot: QtBot, start_shift: StartShift, cafe_store_path: Path) -> None:
    window = start_shift(cafe_store_path)
    window.scan_text(LATTE_TALL)  # as a scan typed into a manager's window arrives
    qtbot.keyClick(pin_field(window), Qt.Key.Key_F12)
    qtbot.keyClick(pin_field(window), Qt.Key.Key_F9)
    assert message(window) == f"Sign in first: {LATTE_TALL} was not rung up."
    assert clerks_in_store(cafe_store_path) == ([], [])


def test_sign_out_hands_the_open_order_over_to_the_next_clerk(
        qtbot: QtBot, start_shift: StartShift, two_clerks: Path) -> None:
    window = start_shift(two_clerks)
    sign_in_by_keypad(qtbot, window, CLERK, PIN)
    scan(qtbot, window, LATTE_TALL)  # the size-up is on screen, shown under clerk
    order, prompt = window.till.order_id, window.till.prompt
    assert prompt is not None

    with qtbot.waitSignal(window.clerk_changed) as out:
        press(qtbot, window, Qt.Key.Key_F2)
    assert out.args == [""]
    assert panel(window).isVisible()
    assert label_text(window, "clerkName") == "Nobody signed in"
    assert f"Order {order} waits for the next clerk" in label_text(
        window, "clerkSignInWaiting")
    sign_in_by_keypad(qtbot, window, DANA, DANA_PIN)
    assert window.till.order_id == order
    assert window.till.prompt == prompt
    qtbot.waitUntil(lambda: window.prompt_panel.answerable)  # up long enough to read out
    press(qtbot, window, Qt.Key.Key_F9)  # dana accepts the size-up
    press(qtbot, window, Qt.Key.Key_F12)

    orders, outcomes = clerks_in_store(two_clerks)
    assert orders == [DANA]
    assert outcomes[:2] == [(prompt.rule_id, "shown", CLERK),
                            (prompt.rule_id, "accepted", DANA)]
    assert {clerk for _rule, _status, clerk in outcomes[1:]} == {DANA}


def test_the_sign_out_button_brings_the_panel_back(
        qtbot: QtBot, make_till_window: Callable[..., TillWindow],
        cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)  # TillWindow(Till(store)): signed in
    assert not panel(window).isVisible()
    assert label_text(window, "clerkName") == "Selling: clerk"

    qtbot.mouseClick(button(window, "signOutButton"), Qt.MouseButton.LeftButton)

    assert panel(window).isVisible()
    assert window.till.clerk is None
    qtbot.waitUntil(pin_field(window).hasFocus)


def test_a_store_whose_clerk_has_no_pin_sells_at_once_and_keeps_its_clerk(
        qtbot: QtBot, start_shift: StartShift, tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    init_store(path).close()  # no demo: the clerk "clerk" has no PIN
    window = start_shift(path)

    assert not panel(window).isVisible()
    assert label_text(window, "clerkName") == "Selling: clerk (no PIN asked: none is set)"
    press(qtbot, window, Qt.Key.Key_F2)
    assert not panel(window).isVisible()
    assert label_text(window, "statusMessage") == NO_PIN_TEXT
    assert window.till.clerk == CLERK


def test_practice_mode_asks_the_trainee_for_their_pin(
        qtbot: QtBot, start_shift: StartShift, cafe_store_path: Path) -> None:
    window = start_shift(cafe_store_path, training=True)
    assert panel(window).isVisible()
    assert "trainee" in child(window, QLabel, "clerkSignInTitle").text()
    sign_in_by_keypad(qtbot, window, CLERK, PIN)
    assert window.till.clerk == CLERK


def test_a_till_built_for_a_named_clerk_does_not_ask(
        qtbot: QtBot, cafe_store_path: Path, morning_clock: FixedClock) -> None:
    with Store.open(cafe_store_path) as store:
        window = till_app.build_window(store, clock=morning_clock, clerk=CLERK)
        qtbot.addWidget(window)
        assert window.till.clerk == CLERK
        assert not window.till.needs_sign_in
        window.close()
        assert isinstance(window.till, Till)
