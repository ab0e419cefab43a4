"""The rule list's model and filter proxy on their own (no view), on rows loaded from a
real store file (the cafe demo): Qt's own model checks, sorting, filtering, in-place
updates and the roles the view reads."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_prompter.store import Store
from pos_prompter.ui.workspace.rules.list_model import (
    HEADERS,
    ID,
    RATE,
    RULE_ID_ROLE,
    SHORT_TEXT_ROLE,
    SHOWN,
    SORT_ROLE,
    UPLIFT,
    RuleFilterProxy,
    RuleTableModel,
)
from pos_prompter.ui.workspace.rules.listing import ListData, load_list

TOOLTIP = Qt.ItemDataRole.ToolTipRole


def loaded(path: Path) -> ListData:
    with Store.open(path) as store:
        return load_list(store)


def ids(model: RuleTableModel | RuleFilterProxy) -> list[str]:
    return [model.index(row, ID).data(RULE_ID_ROLE) for row in range(model.rowCount())]


def test_the_model_and_proxy_pass_qts_checks_through_every_change(
        qtbot: QtBot, qtmodeltester: ModelTester, cafe_store_path: Path) -> None:
    data = loaded(cafe_store_path)
    model = RuleTableModel()
    qtmodeltester.check(model, force_py=False)  # empty
    model.set_rows(data.rows)
    qtmodeltester.check(model)
    proxy = RuleFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)

    proxy.sort(SHOWN, Qt.SortOrder.DescendingOrder)
    shown = data.results  # none yet: sorted by id among equals
    assert not shown
    size_up = data.rows[ids(model).index("coffee-size-up")]
    moved = dataclasses.replace(size_up.results, shown=5, accepted=2)
    assert model.update_results({"coffee-size-up": moved, "no-such-rule": moved}) == 1
    assert ids(model)[0] == "coffee-size-up", "moved to its place in the sort"
    proxy.set_kind("upsell")
    assert ids(proxy) == ["coffee-size-up", "chai-cocoa-size-up"]
    proxy.set_text("chai")
    assert ids(proxy) == ["chai-cocoa-size-up"]
    proxy.set_text("")
    proxy.set_kind(None)
    model.put_row(dataclasses.replace(data.rows[0], rule=dataclasses.replace(
        data.rows[0].rule, id="zz-new")))
    assert model.remove_rule("beans-for-members")
    assert not model.remove_rule("beans-for-members")
    assert model.rowCount() == proxy.rowCount() == len(data.rows)
    model.sort(-1)
    assert ids(model)[-1] == "zz-new"


def test_the_roles_the_view_reads(qtbot: QtBot, cafe_store_path: Path) -> None:
    data = loaded(cafe_store_path)
    model = RuleTableModel()
    model.set_rows(data.rows)
    at = model.row_of("coffee-size-up")
    assert at is not None
    uplift = model.index(at, UPLIFT)
    assert uplift.data().startswith("needs ")  # no sales yet: it counts down
    assert uplift.data(SHORT_TEXT_ROLE) == uplift.data().removeprefix("needs ")
    assert "held-out orders" in uplift.data(TOOLTIP)
    assert model.index(at, RATE).data(SHORT_TEXT_ROLE) is None
    assert model.index(at, RATE).data(SORT_ROLE) == -1.0  # never shown
    assert model.index(at, ID).data(RULE_ID_ROLE) == "coffee-size-up"
    tips = [model.headerData(c, Qt.Orientation.Horizontal, TOOLTIP) for c in range(len(HEADERS))]
    assert tips[RATE] == "Acceptance rate: accepted of shown"
    assert "per order" in tips[UPLIFT]
    assert max(len(h) for h in HEADERS) <= 8, "short headers: a narrow list has room"
