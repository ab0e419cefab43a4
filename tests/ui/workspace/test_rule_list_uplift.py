"""The rule list's Uplift column (issue 10 point 2, "show it beside the rule"): each rule's
true uplift as `pos-prompter report` computes it, from real stores: the cafe demo with its
generated history (coffee-size-up holds out 20%), and sales rung up at a real till."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from workspace_helpers import MANAGER, column, sell_a_latte

from pos_prompter.bootstrap import init_store
from pos_prompter.core.order import FixedClock
from pos_prompter.core.results import Period
from pos_prompter.core.stats import Sample
from pos_prompter.core.uplift import Uplift
from pos_prompter.store import Store
from pos_prompter.store.reports import current_uplifts, load_report, rule_uplifts
from pos_prompter.store.sales_log import last_event_id, results_since
from pos_prompter.till import Till
from pos_prompter.ui.workspace.rules.list_model import (
    ID,
    REVENUE,
    RULE_ID_ROLE,
    SORT_ROLE,
    UPLIFT,
    RuleTableModel,
)
from pos_prompter.ui.workspace.rules.list_view import RuleListView
from pos_prompter.ui.workspace.rules.listing import RuleRow, load_list
from pos_prompter.ui.workspace.rules.uplift import NO_HOLDOUT, uplift_cell, uplift_cells
from pos_prompter.ui.workspace.window import WorkspaceWindow

TOOLTIP = Qt.ItemDataRole.ToolTipRole
SLOW = pytest.mark.slow  # the cafe's 90 days of history: seconds to make, once a module
CAFE_RULES = ["beans-for-members", "breakfast-croissant", "chai-cocoa-size-up",
              "coffee-pastry", "coffee-size-up", "mug-deal"]


@pytest.fixture
def open_list(qtbot: QtBot) -> Iterator[Any]:
    stores: list[Store] = []

    def make(path: Path, width: int = 1000) -> RuleListView:
        store = Store.open(path)
        stores.append(store)
        view = RuleListView(store, MANAGER)
        qtbot.addWidget(view)
        view.resize(width, 500)
        view.show()
        return view

    yield make
    for store in stores:
        store.close()


def cell(view: RuleListView, rule_id: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    row = column(view.proxy, ID, RULE_ID_ROLE).index(rule_id)
    return view.proxy.index(row, UPLIFT).data(role)


def report_json(path: Path) -> dict[str, Any]:
    """`pos-prompter report --format json` in a child process, as a manager runs it."""
    proc = subprocess.run([sys.executable, "-m", "pos_prompter", "report", "--db", str(path),
                           "--format", "json"], capture_output=True, encoding="utf-8",
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def dollars(text: str) -> str:
    """The report's "-0.49" as the list writes money: "-$0.49"; "6.10": "+$6.10"."""
    if text.startswith("-"):
        return f"-${text[1:]}"
    return f"+${text}" if text != "0.00" else "$0.00"


def sample(values: Sequence[int]) -> Sample:
    return Sample(len(values), sum(values), sum(v * v for v in values))


def uplift(treated: Sequence[int], held_out: Sequence[int], rule: str = "r") -> Uplift:
    return Uplift(rule, "Lock with every bike", sample(treated), sample(held_out))


# ---------------------------------------------------------------------- the figures


@SLOW
def test_the_column_shows_the_uplift_pos_prompter_report_gives(
        open_list: Any, history_path: Path) -> None:
    view = open_list(history_path)
    expected = {u["rule"]: u for u in report_json(history_path)["uplift"]}

    assert list(expected) == ["coffee-size-up"]
    size_up = expected["coffee-size-up"]
    assert size_up["enough_data"]
    assert size_up["holdout_orders"] == 321
    assert cell(view, "coffee-size-up") == f"{dollars(size_up['difference'])} / order"
    tip = cell(view, "coffee-size-up", TOOLTIP)
    assert tip.startswith(size_up["sentence"])  # the 95% interval, in plain words
    assert dollars(size_up["ci_low"]).lstrip("+") in tip
    assert dollars(size_up["ci_high"]).lstrip("+") in tip
    assert f"{size_up['treated_orders']} orders with the prompt shown and 321 held out" in tip
    assert "95% interval" in tip
    for rule_id in CAFE_RULES:  # no holdout: nothing in the cell
        if rule_id != "coffee-size-up":
            assert cell(view, rule_id) == "", rule_id
            assert "No holdout" in cell(view, rule_id, TOOLTIP)


@SLOW
@pytest.mark.parametrize("holdout", ["0.2", "0"])
def test_the_store_reads_the_uplift_the_report_shows(history_path: Path, holdout: str) -> None:
    """Also for a rule whose holdout was taken off: it keeps its held-out orders."""
    with Store.open(history_path) as store:
        rule = next(r for r in store.rules.load() if r.id == "coffee-size-up")
        store.rules.save(dataclasses.replace(rule, holdout=Decimal(holdout)), actor=MANAGER)
        conn = store.db.conn
        report = load_report(conn, Period())  # (re)builds the report tables if need be
        assert [u.rule for u in report.uplift] == ["coffee-size-up"]
        assert report.uplift[0].title == "Size up espresso drinks"
        assert current_uplifts(conn) == {u.rule: u for u in report.uplift}
        conn.execute("BEGIN")
        assert rule_uplifts(conn, Period()) == report.uplift
        conn.rollback()


def test_the_cell_reads_plus_dollars_per_order_and_the_tooltip_has_the_interval() -> None:
    treated = [900, 1100] * 20  # 40 orders, $10.00 on average
    held_out = [290, 490] * 20  # 40 orders, $3.90
    shown = uplift_cell(uplift(treated, held_out))

    assert shown.text == "+$6.10 / order"
    assert shown.sort_value == 610.0
    assert shown.tooltip.startswith("Lock with every bike adds about $6.10 per order it "
                                    "applies to, between $5.")
    assert "from 40 orders with the prompt shown and 40 held out" in shown.tooltip
    assert uplift_cell(uplift(held_out, treated)).text == "-$6.10 / order"
    assert uplift_cell(uplift(treated, treated)).text == "$0.00 / order"


def test_below_30_orders_in_a_group_it_says_how_many_more_are_needed() -> None:
    few = uplift_cell(uplift([1000] * 40, [400] * 18))

    assert few.text == "needs 12 more"
    assert few.tooltip == ("Lock with every bike: not enough data yet (40 orders with the "
                           "prompt shown, 18 held out); it needs 12 more held-out orders "
                           "(30 in each group).")
    both = uplift_cell(uplift([1000] * 25, [400] * 29))
    assert both.text == "needs 6 more"
    assert uplift_cell(uplift([], [])).text == "needs 60 more"
    assert few.sort_value > uplift_cell(uplift([], [])).sort_value  # nearer: higher
    assert few.sort_value > NO_HOLDOUT.sort_value
    assert uplift_cell(uplift([1000] * 30, [400] * 30)).text == "+$6.00 / order"  # 30: enough


def test_a_read_takes_over_the_cells_of_uplifts_that_did_not_change() -> None:
    """A sale changes the uplift of the few rules it met: only theirs are worked out again
    (a Welch interval takes milliseconds, in the worker that holds the GIL meanwhile)."""
    same, moved = uplift([1000] * 40, [400] * 40, "same"), uplift([1000] * 40, [400] * 29)
    first = uplift_cells({"same": same, "moved": moved})
    again = uplift_cells({"same": same, "moved": uplift([1000] * 40, [400] * 30)}, first)

    assert again["same"] is first["same"]
    assert first["moved"].text == "needs 1 more"
    assert again["moved"].text == "+$6.00 / order"


# ---------------------------------------------------------------------- live


def test_a_rule_with_few_orders_counts_down_as_sales_come_in(
        qtbot: QtBot, make_workspace: Any, cafe_store_path: Path,
        morning_clock: FixedClock) -> None:
    window: WorkspaceWindow = make_workspace(cafe_store_path)
    view = window.rule_list
    assert cell(view, "coffee-size-up") == "needs 60 more"  # holdout 0.2, no sales yet
    assert "0 orders with the prompt shown, 0 held out" in cell(view, "coffee-size-up",
                                                                 TOOLTIP)
    assert cell(view, "mug-deal") == ""
    view.uplift_delay_ms = 200  # from a commit to the read (5 s in the workspace)

    with Store.open(cafe_store_path) as other, \
            qtbot.waitSignal(view.uplifts_updated, timeout=5000) as updated, \
            qtbot.assertNotEmitted(view.model.modelReset):
        sell_a_latte(other, morning_clock)  # a sale at another till

    assert updated.args == [1]
    assert cell(view, "coffee-size-up") == "needs 59 more"
    assert "1 orders with the prompt shown, 0 held out" in cell(view, "coffee-size-up",
                                                                 TOOLTIP)
    assert "needs 29 more orders with the prompt shown and 30 more held-out orders" in \
        cell(view, "coffee-size-up", TOOLTIP)
    row = column(view.proxy, ID, RULE_ID_ROLE).index("coffee-size-up")
    assert "Uplift: " in view.proxy.index(row, ID).data(TOOLTIP)  # narrow lists lose it


@SLOW
def test_setting_a_holdout_gives_the_rule_an_uplift_cell(
        qtbot: QtBot, open_list: Any, history_path: Path) -> None:
    view = open_list(history_path)
    assert cell(view, "mug-deal") == ""
    rule = next(row.rule for row in view.model.rows if row.rule.id == "mug-deal")
    view.store.rules.save(dataclasses.replace(rule, holdout=Decimal("0.5")), actor=MANAGER)

    with qtbot.waitSignal(view.uplifts_updated, timeout=5000):
        view.put_rule("mug-deal")  # as the editor does after a save

    assert cell(view, "mug-deal").startswith("needs ")
    assert "0 held out" in cell(view, "mug-deal", TOOLTIP)


# ---------------------------------------------------------------------- sorting


@SLOW
def test_sorting_by_uplift_puts_the_estimates_first_then_the_rules_that_need_orders(
        qtbot: QtBot, qtmodeltester: ModelTester, open_list: Any,
        history_path: Path) -> None:
    with Store.open(history_path) as store:  # mug-deal now holds out too: no held-out
        rule = next(r for r in store.rules.load() if r.id == "mug-deal")  # orders yet
        store.rules.save(dataclasses.replace(rule, holdout=Decimal("0.5")), actor=MANAGER)
    view = open_list(history_path)
    assert cell(view, "mug-deal").startswith("needs ")

    view.table.sortByColumn(UPLIFT, Qt.SortOrder.DescendingOrder)
    ids = column(view.proxy, ID, RULE_ID_ROLE)
    assert ids[:2] == ["coffee-size-up", "mug-deal"]
    values = column(view.proxy, UPLIFT, SORT_ROLE)
    assert all(isinstance(v, float) for v in values)
    assert values == sorted(values, reverse=True)

    view.table.sortByColumn(UPLIFT, Qt.SortOrder.AscendingOrder)
    assert column(view.proxy, ID, RULE_ID_ROLE)[-2:] == ["mug-deal", "coffee-size-up"]
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)


def test_new_uplifts_move_a_row_only_when_the_list_is_sorted_by_them(
        qtbot: QtBot, qtmodeltester: ModelTester, cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as store:
        catalog = store.catalog.load()
        rows = [RuleRow.make(r, None, catalog) for r in store.rules.load()]
    model = RuleTableModel()
    model.set_rows(rows)
    model.sort(UPLIFT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)
    last = model.row_at(model.rowCount() - 1).rule.id
    good = uplift_cell(uplift([900, 1100] * 20, [290, 490] * 20, last))

    with qtbot.waitSignal(model.layoutChanged):
        assert model.update_uplifts({last: good}) == 1
    assert model.row_at(0).rule.id == last
    assert model.index(0, UPLIFT).data() == "+$6.10 / order"

    with qtbot.waitSignal(model.dataChanged) as changed, \
            qtbot.assertNotEmitted(model.layoutChanged):
        assert model.update_uplifts({last: uplift_cell(uplift([1000] * 40, [400] * 40))}) == 1
    assert (changed.args[0].row(), changed.args[0].column()) == (0, UPLIFT)
    assert (changed.args[1].row(), changed.args[1].column()) == (0, UPLIFT)

    with qtbot.assertNotEmitted(model.dataChanged):
        assert model.update_uplifts({"no-such-rule": good}) == 0


# ---------------------------------------------------------------------- loading


@SLOW
def test_the_list_load_reads_the_uplift_with_the_rules(history_path: Path) -> None:
    """`load_list` is what the worker thread runs: the cells come ready-made (a Welch
    interval takes milliseconds, too long for the UI thread's painting)."""
    with Store.open(history_path) as store:
        data = load_list(store)
    assert set(data.uplifts) == {"coffee-size-up"}
    row = next(r for r in data.rows if r.rule.id == "coffee-size-up")
    assert row.uplift == data.uplifts["coffee-size-up"]
    assert row.uplift.text.endswith(" / order")


@SLOW
def test_a_first_load_builds_the_report_tables_a_store_upgraded_with_history_lacks(
        history_path: Path) -> None:
    with Store.open(history_path) as store:
        with store.write() as db:  # as before migration m008 filled them
            for table in ("report_uplift", "report_prompts", "report_orders"):
                db.execute(f"DELETE FROM {table}")
        data = load_list(store)
    cell = data.uplifts["coffee-size-up"]
    assert cell.uplift is not None
    assert cell.uplift.holdout.n == 321


def test_the_live_results_read_only_the_events_since_the_last_look(
        cafe_store_path: Path, morning_clock: FixedClock) -> None:
    with Store.open(cafe_store_path) as store:
        conn = store.db.conn
        assert last_event_id(conn) == 0
        till = Till(store, morning_clock)
        till.scan("LATTE-T")
        till.accept()
        while till.prompt is not None:
            till.decline()
        till.pay()
        found, last = results_since(conn, 0)
        assert found == store.rules.results()
        assert last == last_event_id(conn) > 0
        assert results_since(conn, last) == ({}, last)


# ---------------------------------------------------------------------- columns


def shown_optional(qtbot: QtBot, view: RuleListView) -> list[tuple[bool, bool]]:
    """(uplift shown, revenue shown) at list widths from narrow (the list's least) to
    wide."""
    header = view.table.horizontalHeader()
    seen = []
    for width in (view.minimumSizeHint().width(), *range(420, 1001, 40)):
        view.resize(width, 500)
        qtbot.waitUntil(lambda w=width: view.width() == w)
        QApplication.processEvents()  # the table's layout, then the fit
        view._fit_columns()
        seen.append((not header.isSectionHidden(UPLIFT), not header.isSectionHidden(REVENUE)))
    return seen


def test_in_a_narrow_list_the_uplift_goes_last_but_first_where_a_rule_has_one(
        qtbot: QtBot, open_list: Any, cafe_store_path: Path, tmp_path: Path) -> None:
    cafe = shown_optional(qtbot, open_list(cafe_store_path))  # coffee-size-up holds out
    assert (False, False) in cafe
    assert (True, True) in cafe
    assert (True, False) in cafe, "the uplift comes before revenue"
    assert (False, True) not in cafe

    electronics = tmp_path / "electronics.db"  # no rule holds out: an empty column
    init_store(electronics, demo="electronics").close()
    plain = shown_optional(qtbot, open_list(electronics))
    assert (False, True) in plain, "revenue comes first"
    assert (True, False) not in plain
