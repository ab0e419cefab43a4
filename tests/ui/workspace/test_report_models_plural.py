"""The Results page's uplift table counts orders in the singular for one ("1 order", "1
pedido"), in English and in Spanish; it said "1 orders"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from spanish_check import spanish  # noqa: F401 - the fixture, used by name

from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.workspace.report_models import ReportTableModel
from pos_prompter.ui.workspace.report_view import ReportView
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]
LOAD_TIMEOUT = 20_000
SALE_TIME = dt.datetime(2026, 11, 23, 8, 15)


@pytest.fixture
def one_held_out(cafe_store_path: Path) -> Path:
    """Tall lattes sold until the size-up's holdout takes one order: seven orders were
    shown it, one held out (the draw is a hash of order and rule, the same every run)."""
    with Store.open(cafe_store_path) as store:
        till = Till(store, FixedClock(SALE_TIME))
        held = 0
        while not held:
            events = till.scan("LATTE-T")
            held = sum(1 for ev in events if ev.event == "held_out"
                       and ev.data.get("rule") == "coffee-size-up")
            till.pay()
    return cafe_store_path


def uplift_row(qtbot: QtBot, window: WorkspaceWindow, rule: str) -> dict[str, str]:
    """The uplift table's row of `rule` on the Results page, over all days."""
    view = window.findChild(ReportView, "reportView")
    assert view is not None
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        window.tabs.setCurrentWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        view.set_range(None, None)
    model = view.models["uplift"]
    assert isinstance(model, ReportTableModel)
    rows = [{model.headers[c]: model.index(r, c).data() for c in range(model.columnCount())}
            for r in range(model.rowCount())]
    return next(row for row in rows if row[model.headers[0]] == rule)


def test_one_order_is_counted_in_the_singular(
        qtbot: QtBot, make_workspace: MakeWorkspace, one_held_out: Path) -> None:
    row = uplift_row(qtbot, make_workspace(one_held_out), "coffee-size-up")
    assert row["Held out of"] == "1 order"
    assert row["Shown in"] == "7 orders"
    assert row["Uplift per order (95%)"].startswith("not enough data yet: ")
    assert row["Uplift per order (95%)"].endswith(" more orders")


@pytest.mark.usefixtures("spanish")
def test_one_order_is_counted_in_the_singular_in_spanish(
        qtbot: QtBot, make_workspace: MakeWorkspace, one_held_out: Path) -> None:
    row = uplift_row(qtbot, make_workspace(one_held_out), "coffee-size-up")
    assert row["Apartada de"] == "1 pedido"
    assert row["Mostrada en"] == "7 pedidos"
