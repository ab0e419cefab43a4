"""The workspace's Results page follows the store live: a sale paid at a till (a real Till
on another connection in this process, or `pos-prompter simulate` in another process) shows
in the totals without Refresh, read in the page's worker; changes during a load coalesce
into one more load; a hidden page reads when shown; selection and scroll position stay.

The stores are real files in tmp_path: the cafe demo without history (no orders: the
totals go from 0), and with its generated 90 days before the workspace's today (2026-11-23,
the day the tills sell on here), so today's first sale adds a row to the days table."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot
from workspace_helpers import sell_a_latte

from pos_prompter.core.order import FixedClock
from pos_prompter.core.results import Period
from pos_prompter.store import Store
from pos_prompter.store.reports import load_report
from pos_prompter.ui.workspace.report_models import ReportTableModel, day_model, rule_model
from pos_prompter.ui.workspace.report_view import ReportView
from pos_prompter.ui.workspace.window import WorkspaceWindow

LOAD_TIMEOUT = 20_000
MakeWorkspace = Callable[..., WorkspaceWindow]


def open_results(qtbot: QtBot, workspace: WorkspaceWindow) -> ReportView:
    """The Results tab shown, its first report read."""
    view = workspace.report_view
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        workspace.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: not view.loading, timeout=LOAD_TIMEOUT)
    return view


def sell_at(path: Path, clock: FixedClock) -> None:
    """A sale (`sell_a_latte`) at a till with a connection of its own to `path`."""
    with Store.open(path) as store:
        sell_a_latte(store, clock)


def orders_shown(view: ReportView) -> int:
    return int(view.tiles["orders"].text())


def paid_orders(path: Path, period: Period) -> int:
    with Store.open(path) as store:
        orders = load_report(store.db.conn, period).totals.orders
    return orders.orders if orders else 0


def test_a_sale_at_a_till_shows_without_refresh(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        morning_clock: FixedClock) -> None:
    view = open_results(qtbot, make_workspace(cafe_store_path))
    assert orders_shown(view) == 0
    status = view.status.full_text
    loads: list[object] = []
    view.loaded.connect(loads.append)

    sell_at(cafe_store_path, morning_clock)
    qtbot.waitUntil(lambda: orders_shown(view) == 1, timeout=LOAD_TIMEOUT)
    assert view.status.full_text != status  # "1 paid order in the range."
    assert "1 paid order" in view.status.full_text
    assert view.tiles["acceptance"].text().startswith("1 of ")
    assert view.tiles["revenue"].text() == "$0.60"  # Tall to Grande
    rules = {view.models["rules"].index(r, 0).data(): view.models["rules"].index(r, 4).data()
             for r in range(view.models["rules"].rowCount())}
    assert rules["coffee-size-up"] == "1"  # accepted
    qtbot.waitUntil(lambda: not view.loading, timeout=LOAD_TIMEOUT)
    assert 1 <= len(loads) <= 3, "a load per commit the watcher saw, not a polling loop"
    assert paid_orders(cafe_store_path, view.period()) == 1


def test_a_sale_in_another_process_shows_too(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path) -> None:
    view = open_results(qtbot, make_workspace(cafe_store_path))
    assert orders_shown(view) == 0
    script = tmp_path / "sale.txt"
    script.write_text("time 2026-11-23T09:00\nscan LATTE-T\ndecline\npay\n"
                      "time 2026-11-23T09:05\nscan CROISSANT\npay\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pos_prompter", "simulate", "--db",
                           str(cafe_store_path), str(script)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    qtbot.waitUntil(lambda: orders_shown(view) == 2, timeout=LOAD_TIMEOUT)
    assert view.tiles["acceptance"].text().startswith("0 of ")


def test_changes_during_a_load_make_one_more_load_after_it(
        qtbot: QtBot, make_workspace: MakeWorkspace, history_path: Path,
        morning_clock: FixedClock) -> None:
    workspace = make_workspace(history_path)
    view = open_results(qtbot, workspace)
    before = orders_shown(view)
    reports: list[object] = []
    view.loaded.connect(reports.append)
    view.load()
    assert view.loading
    sell_at(history_path, morning_clock)
    for _ in range(3):  # what the watcher calls on each commit it sees
        view.store_changed()
    qtbot.waitUntil(lambda: orders_shown(view) == before + 1 and not view.loading,
                    timeout=LOAD_TIMEOUT)
    for _ in range(LOAD_TIMEOUT // 300):  # until 300 ms pass with no load: the watcher's
        seen = len(reports)              # own call for the sale may come a moment later
        with qtbot.waitSignal(view.loaded, timeout=300, raising=False):
            pass  # a load delivered, or 300 ms without one
        if len(reports) == seen and not view.loading:
            break
    # The load under way is shown (same range), then one more for the three calls; the
    # watcher's own call for the sale may come during that one and make one more.
    assert 2 <= len(reports) <= 3
    assert orders_shown(view) == before + 1
    assert orders_shown(view) == paid_orders(history_path, view.period())
    assert view.status.full_text != "Loading\N{HORIZONTAL ELLIPSIS}"


def test_coalesced_loads_are_never_two_at_once(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    view = open_results(qtbot, make_workspace(cafe_store_path))
    reports: list[object] = []
    view.loaded.connect(reports.append)
    view.store_changed()
    job = view._job  # the load under way (one at a time: the same job throughout)
    assert job is not None
    for _ in range(5):
        view.store_changed()
        assert view._job is job
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=LOAD_TIMEOUT)
    qtbot.waitUntil(lambda: not view.loading, timeout=LOAD_TIMEOUT)
    with qtbot.assertNotEmitted(view.loaded, wait=300):
        pass
    assert len(reports) == 2


def test_a_hidden_page_reads_when_shown(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        morning_clock: FixedClock) -> None:
    workspace = make_workspace(cafe_store_path)
    view = open_results(qtbot, workspace)
    workspace.tabs.setCurrentIndex(0)  # the Rules tab
    assert not view.isVisible()
    assert workspace.watcher is not None
    with qtbot.assertNotEmitted(view.loaded), \
            qtbot.waitSignal(workspace.watcher.written, timeout=LOAD_TIMEOUT):
        sell_at(cafe_store_path, morning_clock)
    assert not view.loading
    assert orders_shown(view) == 0, "nothing read while hidden"
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        workspace.tabs.setCurrentWidget(view)
    assert orders_shown(view) == 1


def test_a_live_reload_keeps_the_selection_and_the_scroll_position(
        qtbot: QtBot, make_workspace: MakeWorkspace, history_path: Path,
        morning_clock: FixedClock) -> None:
    workspace = make_workspace(history_path)
    view = open_results(qtbot, workspace)  # the last 30 days: 29 of history, today none
    before = orders_shown(view)
    days, days_table = view.models["days"], view.tables["days"]
    rules, rules_table = view.models["rules"], view.tables["rules"]
    view.table_tabs.setCurrentWidget(days_table)
    qtbot.waitUntil(lambda: days_table.verticalScrollBar().maximum() > 0)
    assert days.rowCount() == 29
    days_table.selectRow(12)
    picked_day = days.index(12, 0).data()
    bar = days_table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    assert scrolled > 0
    rule_row = next(r for r in range(rules.rowCount())
                    if rules.index(r, 0).data() == "coffee-size-up")
    rules_table.selectRow(rule_row)
    kept = QPersistentModelIndex(rules.index(rule_row, 0))
    shown_before = rules.index(rule_row, 3).data()

    sell_at(history_path, morning_clock)
    qtbot.waitUntil(lambda: orders_shown(view) == before + 1, timeout=LOAD_TIMEOUT)

    # Today's first sale: a new day row (the table is reset), the chosen day still chosen.
    assert days.rowCount() == 30
    assert days.index(29, 0).data() == "2026-11-23"
    chosen = days_table.selectionModel().selectedRows()
    assert [days.index(i.row(), 0).data() for i in chosen] == [picked_day]
    assert bar.value() == scrolled
    # The rules are the same rules: changed in place, selection untouched.
    assert kept.isValid()
    assert kept.row() == rule_row
    assert [i.row() for i in rules_table.selectionModel().selectedRows()] == [rule_row]
    assert int(rules.index(rule_row, 3).data()) == int(shown_before) + 1  # shown


def test_models_change_in_place_when_the_rows_are_the_same(
        qtbot: QtBot, qtmodeltester: object, history_path: Path,
        morning_clock: FixedClock) -> None:
    with Store.open(history_path) as store:
        first = load_report(store.db.conn, Period())
    sell_at(history_path, morning_clock)
    with Store.open(history_path) as store:
        second = load_report(store.db.conn, Period())
    assert [r.key for r in first.rules] == [r.key for r in second.rules]
    assert first.rules != second.rules

    model: ReportTableModel = rule_model(str)  # type: ignore[arg-type]
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    assert not model.set_items(first.rules), "from nothing: a reset"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    kept = QPersistentModelIndex(model.index(2, 0))
    rule = kept.data()
    with qtbot.waitSignal(model.dataChanged), qtbot.assertNotEmitted(model.modelReset):
        assert model.set_items(second.rules)
    assert kept.data() == rule
    assert model.row_of(rule) == 2
    assert model.items == sorted(second.rules, key=lambda r: str(r.key), reverse=True)

    days = day_model(str)  # type: ignore[arg-type]
    qtmodeltester.check(days, force_py=True)  # type: ignore[attr-defined]
    assert not days.set_items(first.days)
    with qtbot.waitSignal(days.modelReset):
        assert not days.set_items(second.days), "a new day: reset"
    assert days.rowCount() == len(first.days) + 1
    assert days.set_items(second.days), "the same days again: in place"
    assert not days.set_items([]), "emptied: reset"
