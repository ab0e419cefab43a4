"""The workspace's Results page (reportView): figures against load_report and against counts
worked out by hand, the date range, the uplift sentences, the leaderboard, sorting, CSV,
and the till beside it ticking on while a big report loads.

Two stores, both real files with sales made through the application:

- `shop`: the spec's example catalog (MUFFIN-B costs 0.80) and rules, two days played by
  `pos-prompter simulate` (tests/cli/test_cli_report.py works the same days out by hand):
  day 1 (2026-11-23), clerk `clerk`: order 1 at 08:15, LATTE-T 3.45, size-up accepted
  (+0.50), muffin bundle accepted (+2.00, margin 1.20), paid 5.95; order 2 at 09:30,
  both declined, paid 3.45. Day 2 (2026-11-24), clerk `bob`: order 3 at 10:05, MUFFIN-B
  and LATTE-G, size-up to Venti accepted (+0.40), paid 7.10.
  By hand: 3 orders, average 16.50 / 3 = 5.50, attach 2/3; 5 shown, 3 accepted (60%),
  revenue 2.90, margin 1.20; latte-size-up 3 shown 2 accepted 0.90, margin unknown;
  latte-muffin 2 shown 1 accepted 2.00, margin 1.20; clerk `clerk` margin 1.20 on 1 of 2.
- `history`: the cafe demo with its generated 90 days of sales, and 90 days before them
  generated the same way (about 8,000 orders played through the real engine, a holdout on
  coffee-size-up).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QTabWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.bootstrap import DEMO_STAFF, init_store
from pos_prompter.cli import main
from pos_prompter.cli.report import report_csv
from pos_prompter.core.demo_history import (
    DAYS,
    DEFAULT_SEED,
    HISTORY_END,
    generate,
    profile_for,
)
from pos_prompter.core.money import format_money
from pos_prompter.core.results import Period, Report
from pos_prompter.core.uplift import MIN_UPLIFT_ORDERS
from pos_prompter.store import Store
from pos_prompter.store.demo_history import next_order_id, write_history
from pos_prompter.store.reports import load_report
from pos_prompter.store.store import copy_store
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.report_models import ITEM_ROLE, ReportTableModel
from pos_prompter.ui.workspace.report_view import ReportView, load_results
from pos_prompter.ui.workspace.window import WorkspaceWindow

SPEC_DIR = Path(__file__).resolve().parents[2] / "cli" / "spec_examples"
DAY1 = """\
time 2026-11-23T08:15
scan LATTE-T
accept
accept
pay
time 2026-11-23T09:30
scan LATTE-T
decline
decline
pay
"""
DAY2 = """\
clerk bob
time 2026-11-24T10:05
scan MUFFIN-B
scan LATTE-G
accept
pay
"""
D23, D24 = dt.date(2026, 11, 23), dt.date(2026, 11, 24)
LOAD_TIMEOUT = 20_000
MakeWorkspace = Callable[..., WorkspaceWindow]
MakeTill = Callable[..., TillWindow]


@pytest.fixture(scope="module")
def _shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shop")
    db = folder / "shop.db"
    lines = (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8").splitlines()
    costed = [lines[0] + ",cost"] + [
        line + (",0.80" if line.startswith("MUFFIN-B,") else ",") for line in lines[1:]]
    (folder / "catalog.csv").write_text("\n".join(costed) + "\n", encoding="utf-8")
    for name, script in (("day1.txt", DAY1), ("day2.txt", DAY2)):
        (folder / name).write_text(script, encoding="utf-8")
    assert main(["init", "--db", str(db)]) == 0
    assert main(["import", "catalog", str(folder / "catalog.csv"), "--db", str(db)]) == 0
    assert main(["import", "rules", str(SPEC_DIR / "rules.yaml"), "--db", str(db)]) == 0
    with Store.open(db) as store:
        store.staff.add_without_secret("bob")
    for name in ("day1.txt", "day2.txt"):
        assert main(["simulate", "--db", str(db), str(folder / name)]) == 0
    return db


@pytest.fixture
def shop(_shop: Path, tmp_path: Path) -> Path:
    target = tmp_path / "shop.db"
    shutil.copyfile(_shop, target)
    return target


@pytest.fixture(scope="module")
def _history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cafe demo with its 90 days of sales, and the 90 days before them generated the
    same way (another seed): about 8,000 orders and 18,000 prompt events."""
    path = tmp_path_factory.mktemp("history") / "cafe.db"
    with init_store(path, demo="cafe", history=True) as store:
        clerks = [name for name, _role, _secret in DEMO_STAFF]
        earlier = generate(store.catalog.load(), store.rules.load(), store.load_settings(),
                           clerks=clerks, seed=DEFAULT_SEED + 1, first_id=next_order_id(store),
                           profile=profile_for("cafe"),
                           end=HISTORY_END - dt.timedelta(days=DAYS))
        assert write_history(store, earlier) > 3000
    return path


@pytest.fixture
def history(_history: Path, tmp_path: Path) -> Path:
    path = tmp_path / "cafe.db"
    copy_store(_history, path)
    return path


def results_page(workspace: WorkspaceWindow) -> ReportView:
    view = workspace.findChild(ReportView, "reportView")
    assert view is not None
    return view


def open_results(qtbot: QtBot, workspace: WorkspaceWindow) -> ReportView:
    """Switch to the Results tab and wait for its first report."""
    view = results_page(workspace)
    tabs = workspace.tabs
    at = tabs.indexOf(view)
    assert tabs.tabText(at) == "Results"
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        tabs.setCurrentIndex(at)
        assert view.status.full_text == "Loading\N{HORIZONTAL ELLIPSIS}"
        assert view.loading
    return view


def show_range(qtbot: QtBot, view: ReportView, start: dt.date | None,
               end: dt.date | None) -> Report:
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT) as shown:
        view.set_range(start, end)
    report = shown.args[0]
    assert isinstance(report, Report)
    return report


def texts(model: ReportTableModel) -> list[dict[str, str]]:
    return [{model.headers[c]: model.index(r, c).data() for c in range(model.columnCount())}
            for r in range(model.rowCount())]


def by_first(model: ReportTableModel) -> dict[str, dict[str, str]]:
    return {row[model.headers[0]]: row for row in texts(model)}


def reference(path: Path, period: Period) -> Report:
    """load_report on a connection of the test's own."""
    conn = sqlite3.connect(path)
    try:
        return load_report(conn, period)
    finally:
        conn.close()


def money(text: str | None) -> str:
    """A report JSON money string ("2.90") as the page writes it ("$2.90")."""
    assert text is not None
    return format_money(round(float(text) * 100))


# ---------------------------------------------------------------------- by hand


def test_the_tab_shows_the_figures_worked_out_by_hand(
        qtbot: QtBot, make_workspace: MakeWorkspace, shop: Path) -> None:
    view = open_results(qtbot, make_workspace(shop))
    show_range(qtbot, view, None, None)
    assert {k: t.text() for k, t in view.tiles.items()} == {
        "orders": "3", "aov": "$5.50", "attach": "66.7%", "acceptance": "3 of 5 (60.0%)",
        "revenue": "$2.90", "margin": "$1.20"}
    rules = by_first(view.models["rules"])
    assert set(rules) == {"latte-size-up", "latte-muffin"}
    size_up, muffin = rules["latte-size-up"], rules["latte-muffin"]
    assert (size_up["Shown"], size_up["Accepted"], size_up["Declined"],
            size_up["Acceptance"], size_up["Revenue added"], size_up["Margin added"]) == \
        ("3", "2", "1", "66.7%", "$0.90", "\N{EN DASH}")
    assert (muffin["Shown"], muffin["Accepted"], muffin["Acceptance"],
            muffin["Revenue added"], muffin["Margin added"], muffin["Kind"]) == \
        ("2", "1", "50.0%", "$2.00", "$1.20", "bundle")
    clerks = by_first(view.models["clerks"])
    assert (clerks["clerk"]["Margin added"], clerks["clerk"]["Orders"],
            clerks["clerk"]["Avg order"], clerks["clerk"]["Attach rate"]) == \
        ("$1.20 (1 of 2)", "2", "$4.70", "50.0%")
    assert (clerks["bob"]["Shown"], clerks["bob"]["Avg order"]) == ("1", "$7.10")
    hours = by_first(view.models["hours"])
    assert {h: (r["Shown"], r["Accepted"], r["Avg order"]) for h, r in hours.items()} == {
        "08:00\N{EN DASH}08:59": ("2", "2", "$5.95"),
        "09:00\N{EN DASH}09:59": ("2", "0", "$3.45"),
        "10:00\N{EN DASH}10:59": ("1", "1", "$7.10")}
    days = by_first(view.models["days"])
    assert {d: (r["Shown"], r["Orders"], r["Revenue added"]) for d, r in days.items()} == {
        "2026-11-23": ("4", "2", "$2.50"), "2026-11-24": ("1", "1", "$0.40")}
    assert view.models["uplift"].rowCount() == 0  # no rule holds anyone out
    assert not view.table_tabs.isTabVisible(view.leaderboard_tab)  # off by default
    # The charts: acceptance by rule, revenue by day, offers by hour, in words too.
    assert view.acceptance_chart.bars == [("Size up lattes", 66.7), ("Latte and muffin", 50.0)]
    assert view.revenue_chart.bars == [("23 Nov", 2.5), ("24 Nov", 0.4)]
    assert view.offers_chart.bars == [("08", 2.0), ("09", 2.0), ("10", 1.0)]
    assert "Size up lattes 66.7%" in view.acceptance_chart.accessibleDescription()


def test_the_date_range_changes_the_figures(
        qtbot: QtBot, make_workspace: MakeWorkspace, shop: Path) -> None:
    view = open_results(qtbot, make_workspace(shop))  # today is 2026-11-23: the last 30 days
    assert view.period() == Period(D23 - dt.timedelta(days=29), D23)
    assert view.tiles["orders"].text() == "2"
    show_range(qtbot, view, D24, D24)
    assert view.tiles["orders"].text() == "1"
    assert list(by_first(view.models["rules"])) == ["latte-size-up"]
    assert list(by_first(view.models["clerks"])) == ["bob"]
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        child(view, QPushButton, "reportAll").click()
    assert view.period() == Period()
    assert view.tiles["orders"].text() == "3"
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        child(view, QPushButton, "reportToday").click()
    assert view.period() == Period(D23, D23)
    assert (view.tiles["orders"].text(), view.tiles["revenue"].text()) == ("2", "$2.50")
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        view.to_date.setDate(view.to_date.date().addDays(1))  # typed: read after a pause
    assert view.period() == Period(D23, D24)
    assert view.tiles["orders"].text() == "3"


def test_a_range_that_ends_before_it_starts_is_said_and_not_read(
        qtbot: QtBot, make_workspace: MakeWorkspace, shop: Path) -> None:
    view = open_results(qtbot, make_workspace(shop))
    shown = view.report
    view.set_range(D24, D23)
    assert not view.loading
    assert "after it ends" in view.status.full_text
    assert view.report is shown


def test_a_newer_range_supersedes_the_one_loading(
        qtbot: QtBot, make_workspace: MakeWorkspace, shop: Path) -> None:
    view = open_results(qtbot, make_workspace(shop))
    arrived: list[Report] = []
    view.loaded.connect(arrived.append)
    view.set_range(None, None)
    assert view.loading
    view.set_range(D24, D24)  # asked while the first load runs
    qtbot.waitUntil(lambda: bool(arrived) and not view.loading, timeout=LOAD_TIMEOUT)
    qtbot.waitUntil(lambda: view.jobs is not None and view.jobs.running == 0,
                    timeout=LOAD_TIMEOUT)  # the first load too: run and delivered
    assert [r.period for r in arrived] == [Period(D24, D24)]
    assert view.tiles["orders"].text() == "1"


# ---------------------------------------------------------------------- against load_report


def test_every_figure_shown_is_load_reports_for_the_same_range(
        qtbot: QtBot, make_workspace: MakeWorkspace, history: Path) -> None:
    view = open_results(qtbot, make_workspace(history))
    for period in (Period(dt.date(2026, 11, 1), dt.date(2026, 11, 22)), Period()):
        shown = show_range(qtbot, view, period.start, period.end)
        expected = reference(history, period)
        assert shown == expected
        data = expected.to_json()
        assert data["totals"]["orders"] > 500
        for key in ("rules", "clerks", "hours", "days", "uplift"):
            model = view.models[key]
            assert [model.index(r, 0).data(ITEM_ROLE) for r in range(model.rowCount())] == \
                getattr(expected, key)
        for key, name in (("rules", "rule"), ("clerks", "clerk"), ("days", "day")):
            rows = {str(r[name]) if r[name] is not None else "(nobody signed in)": r
                    for r in data[key]}
            for first, row in by_first(view.models[key]).items():
                want = rows[first]
                assert (row["Shown"], row["Accepted"], row["Declined"], row["Ignored"]) == \
                    tuple(str(want[k]) for k in ("shown", "accepted", "declined", "ignored"))
                assert row["Revenue added"] == money(want["revenue_added"])
                if want["acceptance_rate"] is not None:
                    assert row["Acceptance"] == f"{want['acceptance_rate'] * 100:.1f}%"
                if want.get("average_order_value"):
                    assert row["Avg order"] == money(want["average_order_value"])
        totals = data["totals"]
        assert view.tiles["orders"].text() == str(totals["orders"])
        assert view.tiles["aov"].text() == money(totals["average_order_value"])
        assert view.tiles["revenue"].text() == money(totals["revenue_added"])
        assert view.tiles["attach"].text() == f"{totals['attach_rate'] * 100:.1f}%"


def test_the_uplift_sentence_and_how_many_more_orders(
        qtbot: QtBot, qtmodeltester: object, make_workspace: MakeWorkspace,
        history: Path) -> None:
    view = open_results(qtbot, make_workspace(history))
    report = show_range(qtbot, view, None, None)
    assert view.models["uplift"].rowCount() >= 1
    qtmodeltester.check(view.models["uplift"], force_py=True)  # type: ignore[attr-defined]
    sentences = [view.models["uplift"].index(r, 6).data()
                 for r in range(view.models["uplift"].rowCount())]
    assert sentences == [u.sentence() for u in report.uplift]
    size_up = next(u for u in report.uplift if u.rule == "coffee-size-up")
    assert size_up.enough_data
    assert any(s.startswith("Size up espresso drinks") and "per order it applies to" in s
               for s in sentences)
    # One day: too few orders in either group, and how many more it needs, counted here.
    day = dt.date(2026, 11, 20)
    show_range(qtbot, view, day, day)
    conn = sqlite3.connect(history)
    treated, held = (conn.execute(
        "SELECT COUNT(DISTINCT e.order_id) FROM prompt_events e JOIN orders o "
        "ON o.id = e.order_id WHERE e.rule_id = 'coffee-size-up' AND e.status = ? "
        "AND o.status = 'paid' AND substr(o.closed_at, 1, 10) = ?",
        [status, day.isoformat()]).fetchone()[0] for status in ("shown", "held_out"))
    conn.close()
    assert min(treated, held) < MIN_UPLIFT_ORDERS
    needed = max(0, MIN_UPLIFT_ORDERS - treated) + max(0, MIN_UPLIFT_ORDERS - held)
    rows = by_first(view.models["uplift"])
    assert rows["coffee-size-up"]["Uplift per order (95%)"] == \
        f"not enough data yet: {needed} more orders"
    assert rows["coffee-size-up"]["Shown in"] == f"{treated} orders"
    assert "not enough data yet" in rows["coffee-size-up"]["What it means"]


def test_the_leaderboard_shows_when_the_store_turns_it_on(
        qtbot: QtBot, make_workspace: MakeWorkspace, shop: Path) -> None:
    assert main(["settings", "--db", str(shop), "leaderboard=on",
                 "leaderboard_min_orders=2"]) == 0
    view = open_results(qtbot, make_workspace(shop))
    show_range(qtbot, view, None, None)
    assert view.table_tabs.isTabVisible(view.leaderboard_tab)
    rows = texts(view.models["leaderboard"])
    assert [(r["Rank"], r["Clerk"], r["Orders"], r["Offers made"], r["Accepted"])
            for r in rows] == [("1", "clerk", "2", "4", "2")]  # bob: 1 order, not ranked
    assert "at least 2 paid orders" in view.table_tabs.tabToolTip(view.leaderboard_tab)


def test_tables_sort_by_any_column(qtbot: QtBot, make_workspace: MakeWorkspace,
                                   history: Path) -> None:
    view = open_results(qtbot, make_workspace(history))
    model = view.models["rules"]
    revenue = model.headers.index("Revenue added")
    view.tables["rules"].sortByColumn(revenue, Qt.SortOrder.DescendingOrder)
    values = [model.index(r, revenue).data(ITEM_ROLE).outcomes.revenue
              for r in range(model.rowCount())]
    assert len(values) > 2
    assert values == sorted(values, reverse=True)
    show_range(qtbot, view, None, None)  # a new report keeps the order asked for
    values = [model.index(r, revenue).data(ITEM_ROLE).outcomes.revenue
              for r in range(model.rowCount())]
    assert values == sorted(values, reverse=True)


def test_qtmodeltester_on_every_model(qtbot: QtBot, qtmodeltester: object,
                                      make_workspace: MakeWorkspace, shop: Path) -> None:
    assert main(["settings", "--db", str(shop), "leaderboard=on",
                 "leaderboard_min_orders=1"]) == 0
    view = open_results(qtbot, make_workspace(shop))
    show_range(qtbot, view, None, None)
    for key, model in view.models.items():
        assert model.rowCount() > 0 or key == "uplift", key
        qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
        model.sort(1, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_csv_export_is_the_commands_csv_of_what_is_shown(
        qtbot: QtBot, make_workspace: MakeWorkspace, shop: Path, tmp_path: Path) -> None:
    view = open_results(qtbot, make_workspace(shop))
    show_range(qtbot, view, D23, D23)
    target = tmp_path / "results.csv"
    with qtbot.waitSignal(view.exported) as exported:
        view.export_csv(target)
    assert exported.args == [str(target)]
    text = target.read_text(encoding="utf-8")
    assert text == report_csv(reference(shop, Period(D23, D23)).to_json())
    rows = list(csv.reader(io.StringIO(text)))
    headers: dict[str, list[str]] = {}
    for row in rows:
        if row[0] == "section":
            headers.setdefault(row[1], row)  # rules first, then uplift's "rule"
    totals = dict(zip(headers["period"], next(r for r in rows if r[0] == "totals"),
                      strict=True))
    assert (totals["orders"], totals["average_order_value"], totals["revenue_added"]) == \
        ("2", "4.70", "2.50")
    muffin = dict(zip(headers["rule"], next(r for r in rows if r[:2] == ["rules",
                                                                          "latte-muffin"]),
                      strict=True))
    assert muffin["margin_added"] == "1.20"


def test_a_practice_store_is_refused_in_a_sentence(
        qtbot: QtBot, make_workspace: MakeWorkspace, shop: Path) -> None:
    with Store.open(shop) as store:
        store.set_settings({"training": True})
    workspace = make_workspace(shop)
    view = results_page(workspace)
    workspace.tabs.setCurrentIndex(workspace.tabs.indexOf(view))
    qtbot.waitUntil(lambda: not view.loading, timeout=LOAD_TIMEOUT)
    assert "practice store" in view.status.full_text
    assert view.report is None
    assert view.models["rules"].rowCount() == 0


# ---------------------------------------------------------------------- the till beside


def test_the_till_beside_keeps_ticking_while_a_big_report_loads(
        qtbot: QtBot, make_till_window: MakeTill, make_workspace: MakeWorkspace,
        history: Path) -> None:
    """The first report after an upgrade rebuilds the report tables from every prompt
    event and paid order (here 180 days, about 18,000 events): the longest a report load
    takes. The page reads it in a worker; a 5 ms timer on the UI thread (the till's) never
    waits 50 ms. The machine is shared, so a round may be unlucky: the best of three
    rounds counts (a load on the UI thread stops every round for longer than the bound)."""
    def upgraded() -> None:  # as a store with history before the report tables
        with sqlite3.connect(history) as conn:
            conn.execute("DELETE FROM report_prompts")
            conn.execute("DELETE FROM report_orders")

    till = make_till_window(history)
    workspace = make_workspace(history)
    view = open_results(qtbot, workspace)
    stamps: list[float] = []
    timer = QTimer(till)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
    rounds: list[float] = []
    for days in (None, 30, None):
        upgraded()
        stamps.clear()
        timer.start()
        start = time.perf_counter()
        with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
            view.quick_range(days)
            assert view.loading
        ticks = len(stamps)  # the page painted with the report: six more 5 ms ticks
        qtbot.waitUntil(lambda at=ticks: len(stamps) >= at + 6)
        timer.stop()
        rounds.append(max(b - a for a, b in itertools.pairwise([start, *stamps])))
    expected = reference(history, Period()).totals.orders
    assert expected is not None
    assert view.tiles["orders"].text() == str(expected.orders)
    # The same load on the UI thread stops it far longer than the bound: the test can fail.
    upgraded()
    with Store.open(history) as store:
        t0 = time.perf_counter()
        load_results(store, Period())
        on_ui_thread = time.perf_counter() - t0
    assert on_ui_thread > 0.08, f"the load takes {on_ui_thread * 1000:.0f} ms: too small"
    # 50 ms on a quiet machine (bench/README.md has the figures); on a loaded one both the
    # gaps and the load itself stretch, so the bound is the larger of 50 ms and half the
    # load: a load on the UI thread would stop the till for all of it.
    bound = max(0.05, on_ui_thread / 2)
    assert min(rounds) < bound, (
        f"the till stopped {', '.join(f'{g * 1000:.0f}' for g in rounds)} ms "
        f"(the load on the UI thread: {on_ui_thread * 1000:.0f} ms)")


def test_results_sit_beside_the_other_tabs(qtbot: QtBot, make_workspace: MakeWorkspace,
                                           shop: Path) -> None:
    workspace = make_workspace(shop)
    tabs = child(workspace, QTabWidget, "workspaceTabs")
    assert "Results" in [tabs.tabText(i) for i in range(tabs.count())]
    view = results_page(workspace)
    assert view.report is None, "nothing is read until it is shown"
    assert not view.loading


def test_revenue_by_day_becomes_seven_day_bars_over_a_month(
        qtbot: QtBot, make_workspace: MakeWorkspace, history: Path) -> None:
    view = open_results(qtbot, make_workspace(history))  # the last 30 days
    report = view.report
    assert report is not None
    assert view.revenue_chart.title == "Revenue added by week (USD)"
    labels = [label for label, _v in view.revenue_chart.bars]
    assert labels == ["25\N{EN DASH}26 Oct", "27 Oct\N{EN DASH}2 Nov",
                      "3\N{EN DASH}9 Nov", "10\N{EN DASH}16 Nov",
                      "17\N{EN DASH}23 Nov"]  # 7 days ending today; only the first short
    total = sum(r.outcomes.revenue for r in report.days)
    assert sum(v for _l, v in view.revenue_chart.bars) == pytest.approx(total / 100, abs=3)
    show_range(qtbot, view, dt.date(2026, 11, 16), D23)  # 8 days: one bar a day
    assert len(view.revenue_chart.bars) == 8
    assert view.revenue_chart.title == "Revenue added by day (USD)"
