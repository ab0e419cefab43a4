"""The gate in front of a prompt's answers (ui.answer_gate.AnswerGate): closed for its delay
after each new prompt, then open, saying so by `opened`. The till window's use of it (greyed
buttons, ignored keys) is in test_till_answer_delay.py."""

from __future__ import annotations

from fixed_waits import assert_stays
from pytestqt.qtbot import QtBot

from pos_prompter.ui.answer_gate import ANSWER_DELAY_MS, AnswerGate


def test_open_until_a_prompt_then_closed_for_the_delay(qtbot: QtBot) -> None:
    gate = AnswerGate(60)
    assert gate.is_open, "no prompt yet: nothing to hold back"
    gate.start()
    assert not gate.is_open
    with qtbot.waitSignal(gate.opened, timeout=2000):
        pass
    assert gate.is_open


def test_a_new_prompt_closes_it_again_for_a_whole_delay(qtbot: QtBot) -> None:
    gate = AnswerGate(500)
    gate.start()
    assert_stays(qtbot, lambda: not gate.is_open, 250)  # half the delay: still closed
    gate.start()  # the next prompt, at once: its own whole delay
    assert_stays(qtbot, lambda: not gate.is_open, 350)  # past the first one's end
    with qtbot.waitSignal(gate.opened, timeout=2000):
        pass
    assert gate.is_open


def test_no_delay_opens_at_once(qtbot: QtBot) -> None:
    gate = AnswerGate(0)
    with qtbot.waitSignal(gate.opened, timeout=0):
        gate.start()
    assert gate.is_open


def test_the_delay_is_long_enough_for_a_double_press_and_short_for_talk() -> None:
    assert 300 < ANSWER_DELAY_MS < 1500
    assert AnswerGate().delay_ms == ANSWER_DELAY_MS
