"""RulesController without a window: the rule list's model kept in step with a real store
file (the cafe demo), and the manager's writes to it, said by its signals."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.workspace.rules.controller import RulesController
from pos_prompter.ui.workspace.rules.editor_context import read_context

MANAGER = "manager"
CAFE_RULES = ["beans-for-members", "breakfast-croissant", "chai-cocoa-size-up",
              "coffee-pastry", "coffee-size-up", "mug-deal"]
LOOP = """
version: 1
rules:
  - id: latte-up
    kind: upsell
    title: Latte up
    when: {scanned: {sku: [LATTE-T]}}
    offer: {upgrade_to: LATTE-G}
    say: "A {size} for {delta} more?"
  - id: latte-down
    kind: upsell
    title: Latte down
    when: {scanned: {sku: [LATTE-G]}}
    offer: {upgrade_to: LATTE-T}
    say: "A {size} for {delta} more?"
    active: false
"""

MakeController = Callable[[Path], RulesController]


@pytest.fixture
def make_controller(qtbot: QtBot) -> Iterator[MakeController]:
    """Controllers on store files, loaded; their jobs waited for and stores closed at
    teardown."""
    made: list[tuple[RulesController, Store]] = []

    def make(path: Path) -> RulesController:
        store = Store.open(path)
        controller = RulesController(store, MANAGER)
        made.append((controller, store))
        with qtbot.waitSignal(controller.reloaded, timeout=0):
            controller.reload()
        return controller

    yield make
    for controller, store in made:
        controller.jobs.wait()
        store.close()


def ids(controller: RulesController) -> list[str]:
    return [row.rule.id for row in controller.model.rows]


def stored_active(path: Path, rule_id: str) -> bool:
    with Store.open(path) as store:
        return next(r for r in store.rules.load() if r.id == rule_id).active


def test_a_reload_fills_the_model_with_the_store_rules(
        make_controller: MakeController, cafe_store_path: Path) -> None:
    controller = make_controller(cafe_store_path)

    assert ids(controller) == CAFE_RULES
    assert controller.data is not None
    assert controller.data.revision >= 0
    assert "LATTE-T" in controller.catalog
    assert controller.has_uplifts, "coffee-size-up holds out"
    assert not controller.loading


def test_switching_a_rule_off_and_on_publishes_it_and_says_so(
        qtbot: QtBot, make_controller: MakeController, cafe_store_path: Path) -> None:
    controller = make_controller(cafe_store_path)

    said: list[str] = []
    controller.message.connect(said.append)
    with qtbot.waitSignals([controller.rules_changed, controller.message]):
        assert controller.set_active("mug-deal", False)
    assert said == ["Rule mug-deal is now inactive: the tills use the change from now on."]
    mug = controller.rule("mug-deal")
    assert mug is not None
    assert not mug.active
    assert not stored_active(cafe_store_path, "mug-deal")

    with qtbot.waitSignal(controller.rules_changed):
        assert controller.set_active("mug-deal", True)
    assert stored_active(cafe_store_path, "mug-deal")
    assert not controller.set_active("no-such-rule", True)


def test_a_rule_that_would_close_an_upsell_loop_stays_inactive(
        qtbot: QtBot, make_controller: MakeController,
        store_with_rules: Callable[[str], Path]) -> None:
    path = store_with_rules(LOOP)
    controller = make_controller(path)

    with qtbot.waitSignal(controller.message) as said, \
            qtbot.assertNotEmitted(controller.rules_changed):
        assert not controller.set_active("latte-down", True)
    assert said.args[0].startswith("Rule latte-down stays inactive: upsell loop")
    assert not stored_active(path, "latte-down")


def test_duplicate_then_delete_say_what_changed_in_order(
        qtbot: QtBot, make_controller: MakeController, cafe_store_path: Path) -> None:
    controller = make_controller(cafe_store_path)

    with qtbot.waitSignal(controller.rule_copied) as copied:
        assert controller.duplicate("mug-deal") == "mug-deal-copy"
    assert copied.args == ["mug-deal-copy"]
    copy = controller.rule("mug-deal-copy")
    assert copy is not None
    assert not copy.active

    in_model_when_said: list[bool] = []
    controller.rule_deleted.connect(
        lambda rid: in_model_when_said.append(controller.model.row_of(rid) is not None))
    with qtbot.waitSignals([controller.rule_deleted, controller.rules_changed],
                           order="strict"):
        assert controller.delete("mug-deal-copy")
    assert in_model_when_said == [True], "said before its row goes (the view clears it)"
    assert "mug-deal-copy" not in ids(controller)
    with Store.open(cafe_store_path) as store:
        assert "mug-deal-copy" not in [r.id for r in store.rules.load()]


def test_a_background_reload_shows_a_change_made_elsewhere(
        qtbot: QtBot, make_controller: MakeController, cafe_store_path: Path) -> None:
    controller = make_controller(cafe_store_path)
    with Store.open(cafe_store_path) as other:
        other.rules.delete("coffee-pastry", actor=MANAGER)
    loading: list[bool] = []
    controller.loading_changed.connect(loading.append)

    with qtbot.waitSignal(controller.reloaded, timeout=5000):
        controller.reload_in_background()
        assert controller.loading

    assert loading == [True, False]
    assert "coffee-pastry" not in ids(controller)
    qtbot.waitUntil(lambda: len(controller.jobs) == 0, timeout=5000)


def test_a_sale_elsewhere_updates_the_results_in_place(
        qtbot: QtBot, make_controller: MakeController, cafe_store_path: Path,
        morning_clock: FixedClock) -> None:
    controller = make_controller(cafe_store_path)
    resets: list[None] = []
    controller.model.modelReset.connect(lambda: resets.append(None))
    with Store.open(cafe_store_path) as other:
        till = Till(other, morning_clock, till_name="till-2")
        till.scan("LATTE-T")
        till.accept()
        while till.prompt is not None:
            till.decline()
        till.pay()

    with qtbot.waitSignal(controller.results_updated, timeout=0) as updated:
        assert controller.refresh_results() >= 1
    assert updated.args[0] >= 1
    row = controller.model.row_at(controller.model.row_of("coffee-size-up") or 0)
    assert (row.results.shown, row.results.accepted) == (1, 1)
    assert resets == [], "in place, not a reset"
    assert controller.refresh_results() == 0, "nothing new since"


def test_a_publish_through_the_controller_saves_and_shows_the_rule(
        qtbot: QtBot, make_controller: MakeController, cafe_store_path: Path) -> None:
    controller = make_controller(cafe_store_path)
    rule = controller.rule("mug-deal")
    assert rule is not None
    retitled = dataclasses.replace(rule, title="Half-price travel mug")

    with qtbot.waitSignals([controller.publisher.linted, controller.publisher.published]):
        controller.publish(retitled, read_context(controller.store))

    shown = controller.rule("mug-deal")
    assert shown is not None
    assert shown.title == "Half-price travel mug", "its row shows it at once"
    with Store.open(cafe_store_path) as store:
        assert next(r for r in store.rules.load() if r.id == "mug-deal").title == \
            "Half-price travel mug"
