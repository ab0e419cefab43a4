"""The workspace's Suggestions tab: the rows are core/suggest's for the same store, mined in
a worker thread; min support changes them; covered pairs say which rule offers them; one
click opens the suggestion's draft (the one `suggest --format yaml` writes) in the editor,
inactive, and nothing is published until the manager publishes it."""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import child
from workspace_helpers import column

from pos_prompter.core.engine import Engine
from pos_prompter.core.past_orders import PastLine, PastOrder
from pos_prompter.core.rules import rule_to_dict
from pos_prompter.core.suggest import Suggestion, draft_rules, suggest
from pos_prompter.store import Store
from pos_prompter.store.baskets import basket_counts
from pos_prompter.ui.workspace.suggestion_list import (
    COVERED,
    LIFT,
    OFFER,
    ORDERS,
    TRIGGER,
    WHY,
    SuggestionList,
    SuggestionTableModel,
)
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]

SKUS = ("LATTE-T", "LATTE-G", "CAPP-T", "AMER-T", "MOCHA-T", "CHAI-T", "COCOA-T", "CROISSANT",
        "MUFFIN-BB", "CINN-ROLL", "COOKIE-OAT", "BEANS-HOUSE")


def import_history(path: Path, orders: int = 400, seed: int = 7) -> None:
    """Random cafe orders brought in by SalesLog.import_orders, with two planted habits: a
    cinnamon roll with a grande latte (the demo's coffee-pastry rule offers it) and an oat
    cookie with a chai (no rule offers it)."""
    rng = random.Random(seed)
    with Store.open(path) as store:
        catalog = store.catalog.load()
        past = []
        for n in range(orders):
            items = rng.choices(SKUS, k=rng.randint(1, 3))
            if "LATTE-G" in items and rng.random() < 0.7:
                items.append("CINN-ROLL")
            if "CHAI-T" in items and rng.random() < 0.8:
                items.append("COOKIE-OAT")
            lines = []
            for sku in items:
                product = catalog.get(sku)
                assert product is not None
                lines.append(PastLine(sku, product.name, 1, product.price))
            past.append(PastOrder(f"T{n}", None, tuple(lines)))
        store.sales.import_orders(past)


def core_suggestions(path: Path, min_support: float) -> list[Suggestion]:
    """What core/suggest finds for the store, read as the command line reads it."""
    with Store.open(path) as store:
        counts = basket_counts(store.db, min_support)
        engine = Engine(store.catalog.load(), store.rules.load(), store.load_settings())
    return suggest(counts, engine.catalog, engine)


@pytest.fixture
def history_store(cafe_store_path: Path) -> Path:
    import_history(cafe_store_path)
    return cafe_store_path


def open_suggestions(qtbot: QtBot, make_workspace: MakeWorkspace,
                     path: Path) -> tuple[WorkspaceWindow, SuggestionList]:
    """The workspace on `path`, its Suggestions tab shown and mined."""
    window = make_workspace(path)
    tab = child(window, SuggestionList, "suggestionList")
    assert tab.data is None  # nothing is mined until the tab is looked at
    with qtbot.waitSignal(tab.mined, timeout=20_000):
        window.tabs.setCurrentWidget(tab)
    return window, tab


def set_min_support(qtbot: QtBot, tab: SuggestionList, percent: float) -> None:
    with qtbot.waitSignal(tab.mined, timeout=20_000):
        tab.support_box.setValue(percent)


def test_the_model_passes_qt_model_tests_loaded_and_sorted(qtmodeltester, history_store: Path
                                                            ) -> None:
    model = SuggestionTableModel()
    qtmodeltester.check(model)
    model.set_suggestions(core_suggestions(history_store, 0.02))
    assert model.rowCount() >= 6
    qtmodeltester.check(model)
    model.sort(ORDERS, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    model.sort(TRIGGER, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_rows_are_core_suggests_for_the_same_store_mined_off_the_ui_thread(
        qtbot: QtBot, make_workspace: MakeWorkspace, history_store: Path) -> None:
    window = make_workspace(history_store)
    tab = child(window, SuggestionList, "suggestionList")
    with qtbot.waitSignal(tab.mined, timeout=20_000):
        window.tabs.setCurrentWidget(tab)
        # The tab came up and mining runs in a worker: nothing shows yet, the bar does.
        assert tab.busy
        assert tab.model.rowCount() == 0
        assert tab.progress.isVisible()
    assert not tab.progress.isVisible()
    want = core_suggestions(history_store, 0.01)
    assert len(want) >= 6
    assert tab.model.suggestions == want
    assert column(tab.model, TRIGGER) == [s.trigger_name for s in want]
    assert column(tab.model, OFFER) == [s.offer_name for s in want]
    assert column(tab.model, ORDERS) == [f"{s.orders:,}" for s in want]
    assert column(tab.model, LIFT) == [f"{s.lift:.2f}" for s in want]
    assert column(tab.model, WHY) == [s.why for s in want]
    top = want[0]
    assert (top.trigger, top.offer) == ("CHAI-T", "COOKIE-OAT")
    assert tab.model.index(0, WHY).data().startswith("bought together in ")
    assert tab.data is not None
    assert f"of the {tab.data.orders:,} paid orders" in tab.summary.text()
    # sorted by a column and back: best first again
    tab.table.sortByColumn(ORDERS, Qt.SortOrder.AscendingOrder)
    assert column(tab.model, ORDERS) == sorted(column(tab.model, ORDERS), key=lambda t:
                                               int(str(t).replace(",", "")))
    tab.table.sortByColumn(LIFT, Qt.SortOrder.DescendingOrder)
    assert tab.model.suggestions == want


def test_a_pair_a_rule_already_offers_says_so_and_makes_no_draft(
        qtbot: QtBot, make_workspace: MakeWorkspace, history_store: Path) -> None:
    _window, tab = open_suggestions(qtbot, make_workspace, history_store)
    rows = tab.model.suggestions
    covered = [row for row, s in enumerate(rows) if s.covered_by is not None]
    assert covered, "the cafe's coffee-pastry rule offers a cinnamon roll with a latte"
    for row in covered:
        assert tab.model.index(row, COVERED).data() == \
            f"already offered by {rows[row].covered_by}"
    assert any(rows[row].covered_by == "coffee-pastry" and rows[row].offer == "CINN-ROLL"
               for row in covered)
    uncovered = [row for row, s in enumerate(rows) if s.covered_by is None]
    assert all(tab.model.index(row, COVERED).data() == "" for row in uncovered)
    draft_button = child(tab, QPushButton, "makeDraftButton")
    tab.table.selectRow(covered[0])
    assert not draft_button.isEnabled()
    assert "already offers it" in tab.detail.text()
    tab.table.selectRow(uncovered[0])
    assert draft_button.isEnabled()


def test_min_support_changes_the_rows(qtbot: QtBot, make_workspace: MakeWorkspace,
                                      history_store: Path) -> None:
    _window, tab = open_suggestions(qtbot, make_workspace, history_store)
    at_one = tab.model.suggestions
    set_min_support(qtbot, tab, 5.0)
    at_five = core_suggestions(history_store, 0.05)
    assert tab.model.suggestions == at_five
    assert 0 < len(at_five) < len(at_one)
    assert min(s.orders for s in at_five) >= 20  # 5% of 400 orders
    set_min_support(qtbot, tab, 60.0)
    assert tab.model.rowCount() == 0
    assert "No two products were bought together" in tab.summary.text()


def test_make_a_draft_opens_the_yaml_packs_draft_in_the_editor_unpublished(
        qtbot: QtBot, make_workspace: MakeWorkspace, history_store: Path) -> None:
    window, tab = open_suggestions(qtbot, make_workspace, history_store)
    with Store.open(history_store) as store:
        rules_before = [rule_to_dict(r) for r in store.rules.load()]
        audit_before = store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    # the pack `suggest --format yaml` writes, from the real command line
    proc = subprocess.run([sys.executable, "-m", "pos_prompter", "suggest", "--db",
                           str(history_store), "--format", "yaml"],
                          capture_output=True, encoding="utf-8", timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    pack = {r["id"]: r for r in yaml.safe_load(proc.stdout)["rules"]}

    assert tab.select("CHAI-T", "COOKIE-OAT")
    child(tab, QPushButton, "makeDraftButton").click()
    editor = window.editor
    assert window.tabs.currentIndex() == 0  # the Rules tab, with the editor
    form = editor.rule_dict()
    assert form["when"]["scanned"]["sku"] == ["CHAI-T"]
    assert form["offer"] == {"add": ["COOKIE-OAT"]}
    assert form["active"] is False
    assert form == pack[form["id"]]
    assert editor.rule() is not None  # valid as it stands: ready to check and publish
    assert editor.has_unsaved_changes()  # a draft, not in the store
    with Store.open(history_store) as store:
        assert [rule_to_dict(r) for r in store.rules.load()] == rules_before
        assert store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == \
            audit_before

    with qtbot.waitSignal(editor.rule_published):
        editor.publish()
    with Store.open(history_store) as store:
        stored = {r.id: r for r in store.rules.load()}
    assert stored[form["id"]].active is False
    assert not editor.has_unsaved_changes()

    # Back on the tab: mined again (the rules changed); a second draft of that pair is
    # refused, the rule that has it is named.
    with qtbot.waitSignal(tab.mined, timeout=20_000):
        window.tabs.setCurrentWidget(tab)
    assert tab.select("CHAI-T", "COOKIE-OAT")
    with qtbot.assertNotEmitted(tab.draft_requested):
        child(tab, QPushButton, "makeDraftButton").click()
    assert f"Rule {form['id']} already has this pair" in tab.detail.text()


def test_the_draft_is_core_suggests_draft(qtbot: QtBot, make_workspace: MakeWorkspace,
                                          history_store: Path) -> None:
    window, tab = open_suggestions(qtbot, make_workspace, history_store)
    assert tab.data is not None
    s = tab.model.suggestions[0]
    assert tab.select(s.trigger, s.offer)
    with qtbot.waitSignal(tab.draft_requested) as asked:
        child(tab, QPushButton, "makeDraftButton").click()
    m = tab.data
    assert asked.args[0] == draft_rules([s], m.rules, m.orders, m.catalog, m.settings)[0]
    # The draft is in the editor, unpublished: closing the workspace would ask first.
    assert window.editor.has_unsaved_changes()
    window.editor.edit_rule(None)


def test_a_draft_asked_for_after_a_publish_elsewhere_is_mined_again_first(
        qtbot: QtBot, make_workspace: MakeWorkspace, history_store: Path) -> None:
    _window, tab = open_suggestions(qtbot, make_workspace, history_store)
    assert tab.select("CHAI-T", "COOKIE-OAT")
    assert tab.selected() is not None
    # Meanwhile, on another till or the command line, a rule that offers it goes live.
    with Store.open(history_store) as store:
        m = tab.data
        assert m is not None
        draft = draft_rules([tab.model.suggestions[0]], m.rules, m.orders, m.catalog,
                            m.settings)[0]
        store.rules.save(dataclasses.replace(draft, id="chai-cookie", active=True),
                        actor="someone")
    with qtbot.assertNotEmitted(tab.draft_requested), \
            qtbot.waitSignal(tab.mined, timeout=20_000):
        child(tab, QPushButton, "makeDraftButton").click()
    s = tab.selected()
    assert s is not None
    assert (s.trigger, s.offer, s.covered_by) == ("CHAI-T", "COOKIE-OAT", "chai-cookie")
    assert "Rule chai-cookie already offers it" in tab.detail.text()
    assert not child(tab, QPushButton, "makeDraftButton").isEnabled()
