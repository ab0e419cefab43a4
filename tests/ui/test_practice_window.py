"""Practice mode in the real till window (offscreen): a trainee serves scenario customers
with the keys a clerk has (scan, F6 offer, F5 explain, F9/F10 record, F12 pay), sees what the
customer says in customerBubble and their score in scoreCard, and the run is saved in the
practice store under their name. The real store is never written."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from pos_prompter.core.scenario import Customer, Scenario
from pos_prompter.practice.practice_store import ensure_practice_store
from pos_prompter.store import Store
from pos_prompter.store.practice import PracticeStore
from pos_prompter.ui.till_window import TillWindow

MONDAY = dt.datetime(2026, 11, 23, 8, 10)
SAM = Customer(name="Sam", items=("LATTE-T",), says="A tall latte, please.",
               answers={"coffee-size-up": "accept", "breakfast-croissant": "why-then-accept"})
ANA = Customer(name="Ana", items=("MUFFIN-BB",), says="Just a blueberry muffin.",
               time=dt.datetime(2026, 11, 23, 8, 20))
FIRST_MORNING = Scenario(id="first-morning", title="Your first morning", level=1,
                         time=MONDAY, customers=(SAM, ANA))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def practice_path(cafe_store_path: Path) -> Path:
    return ensure_practice_store(cafe_store_path)


@pytest.fixture
def window(make_till_window, practice_path: Path) -> TillWindow:  # type: ignore[no-untyped-def]
    return make_till_window(practice_path, training=True)


def key(qtbot: QtBot, window: TillWindow, k: Qt.Key) -> None:
    qtbot.keyClick(window.scan_input, k)


def scan(qtbot: QtBot, window: TillWindow, code: str) -> None:
    window.scan_input.setText(code)
    qtbot.keyClick(window.scan_input, Qt.Key.Key_Return)


def test_a_perfect_trainee_at_the_window_scores_100_and_the_run_is_saved(
        qtbot: QtBot, window: TillWindow, practice_path: Path, cafe_store_path: Path) -> None:
    """Sam: items 1/1, size-up offered and recorded 2/2, croissant offered, explained and
    recorded 3/3: 6 of 6. Ana: her muffin, no prompt: 1 of 1. 7 of 7: 100, passed."""
    real = digest(cafe_store_path)
    practice = window.practice
    assert practice is not None
    bubble = window.findChild(type(practice.bubble), "customerBubble")
    card = window.findChild(type(practice.card), "scoreCard")
    assert bubble is practice.bubble
    assert card is practice.card
    assert practice.start(FIRST_MORNING)
    assert bubble.isVisible()
    assert "A tall latte, please." in bubble.text
    assert window.order_info.text().startswith("TRAINING")

    scan(qtbot, window, "2100000000012")
    offer = window.prompt_panel.offer_button
    assert offer.objectName() == "promptOffer"
    assert offer.isVisible()
    assert window.prompt_panel.explain_button.objectName() == "promptExplain"
    with qtbot.waitSignal(practice.customer_said) as said:
        key(qtbot, window, Qt.Key.Key_F6)
    assert said.args == ["coffee-size-up", "accept"]
    assert window.scan_input.hasFocus()
    key(qtbot, window, Qt.Key.Key_F9)
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "breakfast-croissant"
    with qtbot.waitSignal(practice.customer_said) as said:
        key(qtbot, window, Qt.Key.Key_F6)
    assert said.args == ["breakfast-croissant", "why"]
    assert "?" in bubble.text
    panel = window.prompt_panel  # the why, what the trainee reads next, is in view
    viewport = panel.text_area.viewport()

    def why_in_view() -> None:
        top = panel.why_caption.mapTo(viewport, QPoint(0, 0)).y()
        first_lines = panel.why.mapTo(viewport, QPoint(0, 0)).y() + 2 * panel.why.fontMetrics(
            ).lineSpacing()
        assert top >= 0
        assert first_lines <= viewport.height()

    qtbot.waitUntil(why_in_view)
    with qtbot.waitSignal(practice.customer_said) as said:
        key(qtbot, window, Qt.Key.Key_F5)
    assert said.args == ["breakfast-croissant", "accept"]
    key(qtbot, window, Qt.Key.Key_F9)
    with qtbot.waitSignal(practice.customer_scored) as scored:
        key(qtbot, window, Qt.Key.Key_F12)
    assert (scored.args[0]["points"], scored.args[0]["possible"]) == (6, 6)
    assert card.isVisible()
    assert "Sam: 6 of 6 points" in card.title.text()
    assert "Just a blueberry muffin." in bubble.text

    scan(qtbot, window, "MUFFIN-BB")
    assert not card.isVisible()  # Sam's card goes as Ana is served
    with qtbot.waitSignal(practice.finished) as done:
        key(qtbot, window, Qt.Key.Key_F12)
    result = done.args[0]
    assert (result.score.points, result.score.possible, result.score.score) == (7, 7, 100)
    assert card.isVisible()
    assert card.figure.text() == "100%"
    assert "Passed" in card.title.text()
    assert not window.prompt_panel.offer_button.isVisible()
    with Store.open(practice_path) as store:
        runs = PracticeStore(store).runs()
    assert [(r.trainee, r.scenario_id, r.score, r.passed) for r in runs] == [
        ("clerk", "first-morning", 100, True)]
    assert digest(cafe_store_path) == real


def test_scanning_on_and_recording_unoffered_are_missed_offers(
        qtbot: QtBot, window: TillWindow) -> None:
    """Sam: the size-up accepted with F9, never offered: 0 of 2; the croissant left up
    while the trainee pays: 0 of 2; items 1/1. 1 of 5 for Sam; Ana steps up, then the trainee stops:
    her muffin, never rung up, adds 1 to possible. 1 of 6: 17, not passed."""
    practice = window.practice
    assert practice is not None
    practice.start(FIRST_MORNING)
    scan(qtbot, window, "LATTE-T")
    key(qtbot, window, Qt.Key.Key_F9)
    with qtbot.waitSignal(practice.customer_scored) as scored:
        key(qtbot, window, Qt.Key.Key_F12)
    assert (scored.args[0]["points"], scored.args[0]["possible"]) == (1, 5)
    assert any("without offering" in note for note in scored.args[0]["notes"])
    with qtbot.waitSignal(practice.finished) as done:
        practice.bar.stop_button.click()
    assert (done.args[0].score.points, done.args[0].score.possible) == (1, 6)
    assert done.args[0].score.score == 17
    card = practice.card
    assert card.figure.text() == "17%"
    assert "Not passed yet" in card.title.text()
    # The final card says what lost points, each customer's under their line...
    assert "Sam: 1 of 5" in card.notes.text()
    assert "without offering" in card.notes.text()
    assert "Ana: 0 of 1" in card.notes.text()
    assert "missing Blueberry Muffin" in card.notes.text()  # she stepped up, nothing rung
    # ...and shows all of it: the card grew to its wrapped notes' height.
    qtbot.waitUntil(lambda: card.notes.height()
                    >= card.notes.heightForWidth(card.notes.width()))


def test_offer_without_a_scenario_says_what_to_do(qtbot: QtBot, window: TillWindow) -> None:
    scan(qtbot, window, "LATTE-T")
    assert window.till.prompt is not None
    with qtbot.waitSignal(window.message_shown) as shown:
        key(qtbot, window, Qt.Key.Key_F6)
    assert "pick a scenario" in shown.args[1]
    assert window.till.prompt is not None  # nothing else happened


def test_a_scenario_does_not_start_over_an_open_order(qtbot: QtBot,
                                                      window: TillWindow) -> None:
    practice = window.practice
    assert practice is not None
    scan(qtbot, window, "LATTE-T")
    assert not practice.start(FIRST_MORNING)
    assert "Pay or clear the open order" in window.status_label.text()
    assert not practice.running


def test_endless_practice_serves_simulated_customers_until_stopped(
        qtbot: QtBot, window: TillWindow, practice_path: Path) -> None:
    practice = window.practice
    assert practice is not None
    with qtbot.waitSignal(practice.started) as started:
        practice.bar.endless_button.click()
    scenario = started.args[0]
    assert len(scenario.customers) == 5
    assert practice.bubble.isVisible()
    assert scenario.customers[0].name in practice.bubble.who.text()
    assert practice.bar.stop_button.isVisible()
    with qtbot.waitSignal(practice.finished):
        practice.bar.stop_button.click()
    assert not practice.running
    with Store.open(practice_path) as store:
        assert [r.scenario_id for r in PracticeStore(store).runs()] == [scenario.id]


def test_the_practice_bar_is_tappable(qtbot: QtBot, window: TillWindow) -> None:
    """A trainee's finger: every button of the practice bar at least 44 px each way."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

    window.show()
    qtbot.waitExposed(window)
    bar = window.findChild(QWidget, "practiceBar")
    assert bar is not None
    controls = [w for kind in (QAbstractButton, QComboBox) for w in bar.findChildren(kind)
                if w.isVisible()]
    assert controls
    small = [(w.objectName(), w.width(), w.height()) for w in controls
             if w.width() < 44 or w.height() < 44]
    assert not small, f"practice controls under 44 px: {small}"
