"""Endless practice in a Spanish window (issue 14.3): the simulated customer's words in the
bubble, and the round's title kept with the run, are Spanish; in English they are as they
always were ('A Latte Tall and a Blueberry Muffin, please.')."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from spanish_check import spanish  # noqa: F401 - the fixture, used by name

from pos_prompter.practice.practice_store import ensure_practice_store
from pos_prompter.ui.till_window import TillWindow


def endless(qtbot: QtBot, make_till_window, cafe_store_path: Path):  # type: ignore[no-untyped-def]
    window: TillWindow = make_till_window(ensure_practice_store(cafe_store_path), training=True)
    practice = window.practice
    assert practice is not None
    with qtbot.waitSignal(practice.started) as started:
        practice.bar.endless_button.click()
    return practice, started.args[0]


@pytest.mark.usefixtures("spanish")
def test_the_simulated_customer_asks_in_spanish(qtbot: QtBot, make_till_window,  # type: ignore[no-untyped-def]
                                                cafe_store_path: Path) -> None:
    practice, scenario = endless(qtbot, make_till_window, cafe_store_path)
    first = scenario.customers[0]
    assert first.says.endswith(", por favor."), first.says
    assert first.says in practice.bubble.text
    assert "please" not in practice.bubble.text
    assert " and " not in practice.bubble.text
    assert all(c.says.endswith(", por favor.") for c in scenario.customers)
    assert scenario.title == "5 clientes simulados (semilla {})".format(
        scenario.id.removeprefix("generated-"))


def test_in_english_the_customer_asks_as_before(qtbot: QtBot, make_till_window,  # type: ignore[no-untyped-def]
                                                cafe_store_path: Path) -> None:
    practice, scenario = endless(qtbot, make_till_window, cafe_store_path)
    first = scenario.customers[0]
    assert first.says.startswith(("A ", "An "))
    assert first.says.endswith(", please.")
    assert first.says in practice.bubble.text
    assert scenario.title.endswith(" simulated customers (seed {})".format(
        scenario.id.removeprefix("generated-")))
