"""The till window driven like a clerk drives it: a wedge scanner typing digits and Enter into
scanInput, the F-keys, and taps on the prompt card. Real store files, real widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tillwin_helpers import (
    COCOA_TALL,
    COOKIE,
    LATTE_TALL,
    MUFFIN,
    button,
    child,
    label_text,
    notes,
    panel,
    press,
    prompt_log,
    scan,
    scan_field,
    stored_lines,
    table_column,
)

from pos_prompter.ui.till_window import TRAINING_TEXT, TillWindow

MakeWindow = Callable[..., TillWindow]


def no_dialogs() -> bool:
    return QApplication.activeModalWidget() is None and not [
        w for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.inherits("QDialog")]


# ---------------------------------------------------------------------- 1. scan, prompt, F9


def test_scan_shows_prompt_with_why_and_f9_accepts_the_upsell(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    catalog, money = window.till.catalog, window.till.money
    tall, grande = catalog.get("LATTE-T"), catalog.get("LATTE-G")
    assert tall is not None
    assert grande is not None
    assert not panel(window).isVisible()

    with qtbot.waitSignal(window.prompt_shown) as shown:
        scan(qtbot, window, LATTE_TALL)

    prompt = shown.args[0]
    assert prompt.rule_id == "coffee-size-up"
    assert panel(window).isVisible()
    assert table_column(window) == ["Latte Tall"]
    assert label_text(window, "orderTotal") == money(tall.price)
    delta = money(grande.price - tall.price)
    say = label_text(window, "promptSay")
    assert say == prompt.say
    assert "Grande" in say
    assert delta in say
    why = label_text(window, "promptWhy")
    assert "cheaper per oz" in why.splitlines()[0]
    assert prompt.evidence
    for line in prompt.evidence:
        assert line in why
    assert f"Latte Grande {money(grande.price)} vs Latte Tall {money(tall.price)}" in why
    assert label_text(window, "promptKind") == "UPSELL"

    with qtbot.waitSignal(window.prompt_answered) as answered:
        press(qtbot, window, Qt.Key.Key_F9)

    assert answered.args == ["coffee-size-up", "accepted"]
    assert table_column(window) == ["Latte Grande"]
    assert notes(window) == ["upsized from Latte Tall"]
    assert label_text(window, "orderTotal") == money(grande.price)
    assert stored_lines(cafe_store_path) == ["LATTE-G"]
    assert prompt_log(cafe_store_path)[:2] == [("coffee-size-up", "shown"),
                                              ("coffee-size-up", "accepted")]
    # The queue is checked again on the Grande: the morning breakfast deal comes next.
    assert panel(window).isVisible()
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "breakfast-croissant"
    assert label_text(window, "promptKind") == "BUNDLE"
    assert scan_field(window).hasFocus()


# ---------------------------------------------------------------------- 2. decline, taps, focus


@pytest.mark.parametrize("key", [Qt.Key.Key_F10, Qt.Key.Key_Escape])
def test_f10_and_esc_decline(qtbot: QtBot, make_till_window: MakeWindow,
                             cafe_store_path: Path, key: Qt.Key) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)

    with qtbot.waitSignal(window.prompt_answered) as answered:
        press(qtbot, window, key)

    assert answered.args == ["coffee-size-up", "declined"]
    assert table_column(window) == ["Latte Tall"]
    assert notes(window) == ["declined: Size up espresso drinks"]
    assert ("coffee-size-up", "declined") in prompt_log(cafe_store_path)
    assert scan_field(window).hasFocus()
    # The next prompt in the queue is up, and the same key declines it too.
    with qtbot.waitSignal(window.prompt_answered) as answered:
        press(qtbot, window, key)
    assert answered.args == ["breakfast-croissant", "declined"]
    assert not panel(window).isVisible()
    assert scan_field(window).hasFocus()


def test_tapping_the_card_buttons_answers_and_keeps_the_scan_focus(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)

    with qtbot.waitSignal(window.prompt_answered) as answered:
        button(window, "promptAccept").click()
    assert answered.args == ["coffee-size-up", "accepted"]
    assert scan_field(window).hasFocus()

    with qtbot.waitSignal(window.prompt_answered) as answered:
        button(window, "promptDecline").click()
    assert answered.args == ["breakfast-croissant", "declined"]
    assert scan_field(window).hasFocus()
    assert not panel(window).isVisible()
    assert prompt_log(cafe_store_path) == [
        ("coffee-size-up", "shown"), ("coffee-size-up", "accepted"),
        ("breakfast-croissant", "shown"), ("breakfast-croissant", "declined")]


def test_a_real_tap_on_the_card_does_not_take_the_focus(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)
    accept = button(window, "promptAccept")
    assert accept.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert accept.minimumHeight() >= 56

    with qtbot.waitSignal(window.prompt_answered):
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert scan_field(window).hasFocus()
    qtbot.mouseClick(child(window, QWidget, "orderTable").viewport(),
                     Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
    assert scan_field(window).hasFocus()
    scan(qtbot, window, MUFFIN)
    assert table_column(window) == ["Latte Grande", "Blueberry Muffin"]


def test_the_scan_field_takes_the_focus_back_when_the_window_is_activated(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    scan_field(window).clearFocus()  # the window forgets where its focus was
    assert not scan_field(window).hasFocus()

    window.activateWindow()

    qtbot.waitUntil(scan_field(window).hasFocus)


# ---------------------------------------------------------------------- 3. scan with a prompt up


def test_a_second_scan_with_a_prompt_up_records_it_ignored_and_loses_nothing(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)
    assert panel(window).isVisible()

    with qtbot.waitSignal(window.prompt_answered) as answered:
        scan(qtbot, window, MUFFIN)

    assert answered.args == ["coffee-size-up", "ignored"]
    assert table_column(window) == ["Latte Tall", "Blueberry Muffin"]
    assert stored_lines(cafe_store_path) == ["LATTE-T", "MUFFIN-BB"]
    assert prompt_log(cafe_store_path) == [("coffee-size-up", "shown"),
                                           ("coffee-size-up", "ignored")]
    assert not panel(window).isVisible()  # a muffin raises nothing; the old queue is gone

    # A scan that raises a prompt shows it at once.
    with qtbot.waitSignal(window.prompt_shown) as shown:
        scan(qtbot, window, COCOA_TALL)
    assert shown.args[0].rule_id == "chai-cocoa-size-up"
    assert label_text(window, "promptSay") == shown.args[0].say
    assert panel(window).isVisible()


# ---------------------------------------------------------------------- 4. Enter never answers


def test_enter_on_an_empty_scan_field_does_not_answer_the_prompt(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)
    message = label_text(window, "statusMessage")

    with qtbot.assertNotEmitted(window.prompt_answered), \
            qtbot.assertNotEmitted(window.order_changed):
        press(qtbot, window, Qt.Key.Key_Return)
        press(qtbot, window, Qt.Key.Key_Enter)

    assert panel(window).isVisible()
    assert window.till.prompt is not None
    assert prompt_log(cafe_store_path) == [("coffee-size-up", "shown")]
    assert label_text(window, "statusMessage") == message
    assert window.message_level != "error"
    assert scan_field(window).hasFocus()


def test_a_scanner_burst_with_a_prompt_up_keeps_every_item(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)
    field = scan_field(window)

    for code in (MUFFIN, COOKIE, MUFFIN):  # no waiting between scans
        qtbot.keyClicks(field, code)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    assert table_column(window) == ["Latte Tall", "Blueberry Muffin", "Oat Cookie",
                                    "Blueberry Muffin"]
    assert stored_lines(cafe_store_path) == ["LATTE-T", "MUFFIN-BB", "COOKIE-OAT", "MUFFIN-BB"]
    statuses = {status for _rule, status in prompt_log(cafe_store_path)}
    assert statuses == {"shown", "ignored"}
    assert field.text() == ""


def test_the_card_buttons_are_never_default_buttons(
        make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    for name in ("promptAccept", "promptDecline", "payButton", "checkoutButton"):
        widget = button(window, name)
        assert not widget.autoDefault()
        assert not widget.isDefault()
        assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus


# ---------------------------------------------------------------------- 5. bad scans


@pytest.mark.parametrize(("code", "shown"), [
    ("2100000000999", "unknown barcode 2100000000999"),
    ("12ab!!", "unknown code 12ab!!"),
    ("9" * 400, "unknown barcode 999"),
])
def test_unknown_or_malformed_codes_are_a_message_and_scanning_goes_on(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        code: str, shown: str) -> None:
    window = make_till_window(cafe_store_path)

    with qtbot.waitSignal(window.message_shown) as message:
        scan(qtbot, window, code)

    assert message.args[0] == "error"
    text = label_text(window, "statusMessage")
    assert shown.lower() in text.lower()
    assert len(text) <= 220
    assert window.message_level == "error"
    assert no_dialogs()
    assert scan_field(window).hasFocus()
    assert scan_field(window).text() == ""
    assert table_column(window) == []

    scan(qtbot, window, MUFFIN)
    assert table_column(window) == ["Blueberry Muffin"]
    assert window.message_level == "info"
    assert "Blueberry Muffin" in label_text(window, "statusMessage")


def test_a_message_stays_until_the_next_action(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, "2100000000999")
    assert "2100000000999" in label_text(window, "statusMessage")

    with qtbot.assertNotEmitted(window.message_shown):
        press(qtbot, window, Qt.Key.Key_Return)  # an empty Enter is not an action
        press(qtbot, window, Qt.Key.Key_F9)      # nor is F9 with no prompt
    assert "2100000000999" in label_text(window, "statusMessage")

    scan(qtbot, window, MUFFIN)
    assert "2100000000999" not in label_text(window, "statusMessage")


# ---------------------------------------------------------------------- 6. paying


def test_f12_pays_and_the_next_customer_starts_empty(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    money = window.till.money
    muffin, cookie = window.till.catalog.get("MUFFIN-BB"), window.till.catalog.get("COOKIE-OAT")
    assert muffin is not None
    assert cookie is not None
    scan(qtbot, window, MUFFIN)
    scan(qtbot, window, COOKIE)

    with qtbot.waitSignal(window.order_paid) as paid:
        press(qtbot, window, Qt.Key.Key_F12)

    total = muffin.price + cookie.price
    assert paid.args[0].total == total
    assert table_column(window) == []
    assert label_text(window, "orderTotal") == money(0)
    assert label_text(window, "statusMessage") == f"Paid {money(total)} \N{EM DASH} next customer"
    assert window.message_level == "info"
    assert stored_lines(cafe_store_path) == []
    assert scan_field(window).hasFocus()
    scan(qtbot, window, MUFFIN)
    assert table_column(window) == ["Blueberry Muffin"]


def test_paying_with_a_prompt_up_records_it_ignored(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)

    with qtbot.waitSignal(window.order_paid):
        button(window, "payButton").click()

    assert prompt_log(cafe_store_path) == [("coffee-size-up", "shown"),
                                           ("coffee-size-up", "ignored")]
    assert not panel(window).isVisible()
    assert scan_field(window).hasFocus()


def test_paying_an_empty_order_is_a_gentle_message(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)

    with qtbot.assertNotEmitted(window.order_paid), \
            qtbot.waitSignal(window.message_shown) as message:
        press(qtbot, window, Qt.Key.Key_F12)

    assert message.args[0] == "info"
    assert "Nothing to pay" in label_text(window, "statusMessage")
    assert no_dialogs()
    assert window.till.order_id is None
    assert scan_field(window).hasFocus()


def test_f4_checks_out_and_offers_the_checkout_prompt(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    for code in (MUFFIN, COOKIE, "2100000000234"):  # 3.25 + 2.25 + 9.00 = 14.50
        scan(qtbot, window, code)

    with qtbot.waitSignal(window.prompt_shown) as shown:
        press(qtbot, window, Qt.Key.Key_F4)

    assert shown.args[0].rule_id == "mug-deal"
    assert label_text(window, "promptKind") == "REWARD"
    assert "Checkout" in label_text(window, "statusMessage")
    assert scan_field(window).hasFocus()


def test_the_table_scrolls_to_the_newest_line(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    table = child(window, QTableView, "orderTable")
    for _ in range(20):
        scan(qtbot, window, MUFFIN)

    last = table.model().index(19, 0)

    def newest_line_visible() -> None:
        assert table.viewport().rect().contains(table.visualRect(last))

    qtbot.waitUntil(newest_line_visible)
    assert len(table_column(window)) == 20


def test_a_new_line_is_shown_even_after_the_clerk_scrolled_up(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    table = child(window, QTableView, "orderTable")
    for _ in range(20):
        scan(qtbot, window, MUFFIN)
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    bar.setValue(0)  # the clerk looks back at the first lines
    first = table.model().index(0, 0)
    assert table.viewport().rect().contains(table.visualRect(first))

    scan(qtbot, window, MUFFIN)
    newest = table.model().index(20, 0)
    qtbot.waitUntil(lambda: table.viewport().rect().contains(table.visualRect(newest)))
    assert not table.viewport().rect().intersects(table.visualRect(first))

    # A change that adds no line (a quantity) leaves where the clerk scrolled to alone.
    bar.setValue(0)
    qtbot.keyClicks(scan_field(window), "2*")
    qtbot.keyClick(scan_field(window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "quantity 2" in label_text(window, "statusMessage"))
    assert bar.value() == 0


# ---------------------------------------------------------------------- quantities


def test_quantity_times_code_scans_several(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    muffin = window.till.catalog.get("MUFFIN-BB")
    assert muffin is not None

    scan(qtbot, window, "3*" + MUFFIN)

    assert table_column(window) == ["Blueberry Muffin"]
    assert table_column(window, 1) == ["3"]
    assert label_text(window, "orderTotal") == window.till.money(3 * muffin.price)

    scan(qtbot, window, "2*")  # the quantity of the last line
    assert table_column(window, 1) == ["2"]
    assert label_text(window, "orderTotal") == window.till.money(2 * muffin.price)


def test_quantity_times_a_drink_prices_the_prompt_for_the_whole_line(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    """3*CODE is one line of three, saved once: its prompt is worked out for three cups and
    nothing is recorded as ignored on the way."""
    window = make_till_window(cafe_store_path)
    tall = window.till.catalog.lookup(LATTE_TALL)
    assert tall is not None
    grande = window.till.catalog.next_size(tall)
    assert grande is not None

    scan(qtbot, window, "3*" + LATTE_TALL)

    assert table_column(window, 1) == ["3"]
    assert window.till.prompt is not None
    assert window.till.prompt.delta == 3 * (grande.price - tall.price)
    assert label_text(window, "promptDelta").endswith(
        window.till.money(3 * (grande.price - tall.price)))
    assert [status for _rule, status in prompt_log(cafe_store_path)] == ["shown"]


def test_a_quantity_after_the_scan_keeps_the_card_priced_for_the_line(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    """Scan, then 2*: the size-up stays on the card, now for two cups, and F9 takes it."""
    window = make_till_window(cafe_store_path)
    tall = window.till.catalog.lookup(LATTE_TALL)
    assert tall is not None
    grande = window.till.catalog.next_size(tall)
    assert grande is not None
    scan(qtbot, window, LATTE_TALL)
    assert window.till.prompt is not None
    rule = window.till.prompt.rule_id

    with qtbot.waitSignal(window.prompt_shown):
        scan(qtbot, window, "2*")

    assert panel(window).isVisible()
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == rule
    assert label_text(window, "promptDelta").endswith(
        window.till.money(2 * (grande.price - tall.price)))
    press(qtbot, window, Qt.Key.Key_F9)
    assert table_column(window, 1) == ["2"]
    assert window.till.lines[0].sku == grande.sku
    assert [status for r, status in prompt_log(cafe_store_path) if r == rule] == [
        "shown", "accepted"]


@pytest.mark.parametrize("text", ["0*" + MUFFIN, "5000*" + MUFFIN, "3**", "*"])
def test_a_bad_quantity_is_a_message(qtbot: QtBot, make_till_window: MakeWindow,
                                     cafe_store_path: Path, text: str) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, text)
    assert window.message_level == "error"
    assert table_column(window) == []
    assert scan_field(window).hasFocus()
    if text.count("*") > 1:  # not "unknown code *": how to write it
        assert "write a quantity as 3*CODE" in label_text(window, "statusMessage")


def test_esc_without_a_prompt_clears_the_scan_field(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    qtbot.keyClicks(scan_field(window), "21000")
    with qtbot.assertNotEmitted(window.order_changed):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert scan_field(window).text() == ""


def test_undo_in_the_scan_field_cannot_ring_up_a_scan_again(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    """The field is emptied without an undo step after each scan (and after Esc): Ctrl+Z
    then Enter once rang up the previous scan a second time, and every scan's keystrokes
    stayed in the field's undo history for as long as the till ran (memory grew with it)."""
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, COOKIE)
    qtbot.keyClicks(scan_field(window), "21000")
    press(qtbot, window, Qt.Key.Key_Escape)
    lines = len(stored_lines(cafe_store_path))
    assert not scan_field(window).isUndoAvailable()
    qtbot.keyClick(scan_field(window), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert scan_field(window).text() == ""
    qtbot.keyClick(scan_field(window), Qt.Key.Key_Return)
    assert len(stored_lines(cafe_store_path)) == lines, "nothing rung up again"


# ---------------------------------------------------------------------- 7. manager text is plain


HTML_PACK = """
version: 1
rules:
  - id: html-upsell
    kind: upsell
    title: "<u>Underlined</u> title"
    when: {scanned: {category: [coffee]}}
    offer: {next_size: true}
    say: "<b>Big</b> deal: a {size} <img src='x.png'> for {delta}"
    why: "<i>Because</i> <a href='http://example.com'>link</a> & more"
"""


def test_manager_text_is_shown_as_plain_text(
        qtbot: QtBot, make_till_window: MakeWindow,
        store_with_rules: Callable[[str], Path]) -> None:
    window = make_till_window(store_with_rules(HTML_PACK))
    scan(qtbot, window, LATTE_TALL)

    say = child(window, QLabel, "promptSay")
    why = child(window, QLabel, "promptWhy")
    title = child(window, QLabel, "promptTitle")
    for label in (say, why, title):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert say.text().startswith("<b>Big</b> deal: a Grande <img src='x.png'>")
    assert why.text().startswith("<i>Because</i> <a href='http://example.com'>link</a> & more")
    assert title.text() == "<u>Underlined</u> title"
    for label in panel(window).findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert child(window, QLabel, "statusMessage").textFormat() == Qt.TextFormat.PlainText

    press(qtbot, window, Qt.Key.Key_F10)
    assert notes(window) == ["declined: <u>Underlined</u> title"]


LONG_SAY = "Would you like a bigger cup? " * 20
LONG_WHY = "Because it is better value. " * 60
LONG_PACK = f"""
version: 1
rules:
  - id: long-winded
    kind: upsell
    title: A very long rule
    when: {{scanned: {{category: [coffee]}}}}
    offer: {{next_size: true}}
    say: "{LONG_SAY}"
    why: "{LONG_WHY}"
"""


def test_a_very_long_prompt_scrolls_and_keeps_its_buttons_on_screen(
        qtbot: QtBot, make_till_window: MakeWindow,
        store_with_rules: Callable[[str], Path]) -> None:
    window = make_till_window(store_with_rules(LONG_PACK))
    scan(qtbot, window, LATTE_TALL)

    assert label_text(window, "promptSay").strip() == LONG_SAY.strip()
    assert label_text(window, "promptWhy").startswith(LONG_WHY.strip())
    assert "Latte Grande" in label_text(window, "promptWhy")  # the evidence is there too
    text_area = child(window, QScrollArea, "promptText")

    def buttons_fit() -> None:
        for name in ("promptAccept", "promptDecline", "payButton", "checkoutButton"):
            widget = button(window, name)
            assert widget.isVisible(), name
            bottom_right = widget.mapTo(window, QPoint(widget.width(), widget.height()))
            assert window.rect().contains(bottom_right), name
            assert widget.height() >= 56, name
        assert text_area.verticalScrollBar().maximum() > 0  # the rest is a scroll away

    qtbot.waitUntil(buttons_fit)
    with qtbot.waitSignal(window.prompt_answered):
        button(window, "promptAccept").click()


# ---------------------------------------------------------------------- 8. failures


def test_a_store_write_that_fails_is_a_message_and_nothing_is_half_done(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    window = make_till_window(cafe_store_path)
    money = window.till.money
    scan(qtbot, window, LATTE_TALL)
    latte_total = label_text(window, "orderTotal")
    say = label_text(window, "promptSay")
    window.till.store.db.execute("PRAGMA query_only = ON")  # every write now fails

    with qtbot.waitSignal(window.message_shown) as message:
        scan(qtbot, window, MUFFIN)

    assert message.args[0] == "error"
    assert "Could not scan" in label_text(window, "statusMessage")
    assert table_column(window) == ["Latte Tall"]
    assert label_text(window, "orderTotal") == latte_total
    assert panel(window).isVisible()
    assert label_text(window, "promptSay") == say
    assert stored_lines(cafe_store_path) == ["LATTE-T"]
    assert prompt_log(cafe_store_path) == [("coffee-size-up", "shown")]
    assert any(r.exc_info and r.name == "pos_prompter.ui.till_window" for r in caplog.records)
    assert no_dialogs()
    assert window.isVisible()
    assert scan_field(window).hasFocus()

    with qtbot.waitSignal(window.message_shown):
        press(qtbot, window, Qt.Key.Key_F9)
    assert "Could not accept" in label_text(window, "statusMessage")
    assert table_column(window) == ["Latte Tall"]

    window.till.store.db.execute("PRAGMA query_only = OFF")  # the disk is back
    scan(qtbot, window, MUFFIN)
    assert table_column(window) == ["Latte Tall", "Blueberry Muffin"]
    assert stored_lines(cafe_store_path) == ["LATTE-T", "MUFFIN-BB"]
    assert window.message_level == "info"
    muffin = window.till.catalog.get("MUFFIN-BB")
    latte = window.till.catalog.get("LATTE-T")
    assert muffin is not None
    assert latte is not None
    assert label_text(window, "orderTotal") == money(latte.price + muffin.price)


def test_a_lost_database_connection_is_a_message_not_a_dead_till(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)
    window.till.store.db.conn.close()

    with qtbot.waitSignal(window.message_shown) as message:
        press(qtbot, window, Qt.Key.Key_F9)

    assert message.args[0] == "error"
    assert "Could not accept" in label_text(window, "statusMessage")
    assert table_column(window) == ["Latte Tall"]  # not upsized: it was never saved
    assert panel(window).isVisible()
    assert stored_lines(cafe_store_path) == ["LATTE-T"]
    assert window.isVisible()
    assert scan_field(window).hasFocus()


def test_an_unexpected_bug_in_a_till_call_is_logged_and_shown(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, MUFFIN)

    def broken_pay() -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(window.till, "pay", broken_pay)
    with qtbot.waitSignal(window.order_changed):
        press(qtbot, window, Qt.Key.Key_F12)

    assert "RuntimeError: boom" in label_text(window, "statusMessage")
    assert window.message_level == "error"
    assert table_column(window) == ["Blueberry Muffin"]
    records = [r for r in caplog.records if r.exc_info and "take payment" in r.getMessage()]
    assert records
    assert records[0].exc_info is not None
    assert records[0].exc_info[0] is RuntimeError
    assert no_dialogs()
    assert scan_field(window).hasFocus()


# ---------------------------------------------------------------------- 10. crash recovery


def test_after_a_crash_the_order_and_its_prompt_come_back(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, MUFFIN)
    scan(qtbot, window, LATTE_TALL)
    lines = table_column(window)
    total = label_text(window, "orderTotal")
    say, why = label_text(window, "promptSay"), label_text(window, "promptWhy")
    assert panel(window).isVisible()

    # The crash: no payment, the process just goes away with its window and connection.
    window.till.store.close()
    window.close()

    again = make_till_window(cafe_store_path)

    assert table_column(again) == lines
    assert label_text(again, "orderTotal") == total
    assert panel(again).isVisible()
    assert label_text(again, "promptSay") == say
    assert label_text(again, "promptWhy") == why
    assert "reopened" in label_text(again, "statusMessage")
    with qtbot.waitSignal(again.prompt_answered) as answered:
        press(qtbot, again, Qt.Key.Key_F9)
    assert answered.args == ["coffee-size-up", "accepted"]
    assert table_column(again) == ["Blueberry Muffin", "Latte Grande"]


# ---------------------------------------------------------------------- 11. practice mode


def test_the_training_banner_shows_only_in_practice_mode(
        make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    normal = make_till_window(cafe_store_path)
    assert not child(normal, QLabel, "trainingBanner").isVisible()
    assert "PRACTICE" not in normal.windowTitle()
    normal.close()

    practice = make_till_window(cafe_store_path, training=True)
    banner = child(practice, QLabel, "trainingBanner")
    assert banner.isVisible()
    assert banner.text() == TRAINING_TEXT == "PRACTICE MODE \N{EM DASH} sales are not real"
    assert "PRACTICE" in practice.windowTitle()


def test_widgets_have_the_documented_object_names(
        make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    for name in ("scanInput", "orderTable", "orderTotal", "promptPanel", "promptSay",
                 "promptWhy", "promptAccept", "promptDecline", "payButton", "trainingBanner",
                 "statusMessage", "checkoutButton", "customerType"):
        assert window.findChild(QWidget, name) is not None, name
    assert window.focusProxy() is scan_field(window)
    assert child(window, QWidget, "orderTable").focusPolicy() == Qt.FocusPolicy.NoFocus


# ---------------------------------------------------------------------- changing one's mind


def test_f8_offers_a_declined_suggestion_again(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)
    first = window.till.prompt
    assert first is not None
    press(qtbot, window, Qt.Key.Key_F10)
    while window.till.prompt is not None:  # decline whatever else the order brings up
        press(qtbot, window, Qt.Key.Key_F10)
    assert any(note.startswith("declined") for note in notes(window))

    with qtbot.waitSignal(window.prompt_shown) as shown:
        press(qtbot, window, Qt.Key.Key_F8)

    assert panel(window).isVisible()
    assert shown.args[0].trigger_line == first.trigger_line
    assert scan_field(window).hasFocus()


def test_f7_removes_the_last_line_and_the_store_has_it_removed(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, COOKIE)
    scan(qtbot, window, MUFFIN)
    muffin = window.till.lines[-1]
    press(qtbot, window, Qt.Key.Key_F7)

    assert table_column(window) == [window.till.lines[0].name]
    assert "Removed: " + muffin.name in label_text(window, "statusMessage")
    assert label_text(window, "orderTotal") == window.till.money(window.till.lines[0].amount)
    assert stored_lines(cafe_store_path) == [window.till.lines[0].sku]
    assert scan_field(window).text() == ""
    assert scan_field(window).hasFocus()


def test_the_remove_button_takes_the_line_tapped(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    for code in (COOKIE, MUFFIN, COOKIE):
        scan(qtbot, window, code)
    while window.till.prompt is not None:
        press(qtbot, window, Qt.Key.Key_F10)
    table = child(window, QTableView, "orderTable")
    first = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert scan_field(window).hasFocus(), "tapping a line leaves the scanner its field"
    kept = [ln.no for ln in window.till.lines[1:]]

    button(window, "voidButton").click()

    assert [ln.no for ln in window.till.lines] == kept, "the tapped line went, no other"
    assert len(table_column(window)) == 2
    assert not table.selectionModel().hasSelection()
    assert scan_field(window).hasFocus()


def test_a_line_tapped_before_the_next_scans_is_not_what_f7_removes(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    """Tap the latte to look at it, then scan a muffin twice by mistake: F7 takes the
    second muffin, not the latte tapped a while ago."""
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, LATTE_TALL)
    while window.till.prompt is not None:
        press(qtbot, window, Qt.Key.Key_F10)
    table = child(window, QTableView, "orderTable")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    assert table.selectionModel().hasSelection()
    scan(qtbot, window, MUFFIN)
    scan(qtbot, window, MUFFIN)
    press(qtbot, window, Qt.Key.Key_F7)
    assert [line.sku for line in window.till.lines] == ["LATTE-T", "MUFFIN-BB"]


def test_f7_on_an_empty_order_says_so(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    press(qtbot, window, Qt.Key.Key_F7)
    assert "Nothing to remove" in label_text(window, "statusMessage")
    assert window.till.order_id is None, "no order was opened"
    assert stored_lines(cafe_store_path) == []


def test_f8_without_a_declined_offer_is_a_gentle_message(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    scan(qtbot, window, COOKIE)
    press(qtbot, window, Qt.Key.Key_F8)
    assert not panel(window).isVisible()
    assert window.message_level == "info"
    assert "No declined offer" in label_text(window, "statusMessage")
