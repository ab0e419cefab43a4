"""Issue 13, point 11: the rule list speaks a manager's language: titles, product names and
category names, with the codes (rule ids, SKUs, slugs) on demand: in each cell's tooltip,
and all at once with the list's "Show codes" toggle."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot
from tillwin_helpers import child
from workspace_helpers import column

from pos_prompter.bootstrap import init_store
from pos_prompter.ui.workspace.rules.list_model import ID, OFFER, RULE_ID_ROLE, TRIGGER
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]
TIP = Qt.ItemDataRole.ToolTipRole


def test_the_shoe_stores_rules_are_listed_by_names_with_codes_on_demand(
        qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    path = tmp_path / "shoes.db"
    init_store(path, demo="shoes").close()
    view = make_workspace(path).rule_list
    proxy = view.proxy
    row = column(proxy, ID, RULE_ID_ROLE).index("casual-socks")

    rule, trigger, offer = (proxy.index(row, c).data() for c in (ID, TRIGGER, OFFER))
    assert (rule, trigger, offer) == (
        "Everyday socks with casual sneakers", "any casual shoe",
        "+ Everyday Crew Socks 3-pack or No-Show Ankle Socks 3-pack")
    assert proxy.index(row, ID).data(TIP) == f"{rule}\nRule code: casual-socks"
    assert proxy.index(row, OFFER).data(TIP) == \
        f"{offer}\nCodes: + SOCK-CREW-3 or SOCK-ANKLE-3"
    assert proxy.index(row, TRIGGER).data(TIP) == f"{trigger}\nCodes: #casual-shoe"
    tote = column(proxy, ID, RULE_ID_ROLE).index("free-tote")
    assert proxy.index(tote, TRIGGER).data() == "at checkout"
    assert proxy.index(tote, OFFER).data().endswith("free from $100.00")

    child(view, QLineEdit, "ruleSearch").setText("crew socks")  # names are searched too
    assert column(proxy, ID, RULE_ID_ROLE) == ["casual-socks"]
    child(view, QLineEdit, "ruleSearch").clear()

    codes = child(view, QCheckBox, "ruleShowCodes")
    assert not codes.isChecked()
    codes.setChecked(True)
    row = column(proxy, ID, RULE_ID_ROLE).index("casual-socks")
    assert (proxy.index(row, ID).data(), proxy.index(row, TRIGGER).data(),
            proxy.index(row, OFFER).data()) == ("casual-socks", "#casual-shoe",
                                                "+ SOCK-CREW-3 or SOCK-ANKLE-3")
    codes.setChecked(False)
    assert proxy.index(row, ID).data() == rule


def test_sorting_by_the_rule_column_follows_what_it_shows(
        qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    path = tmp_path / "shoes.db"
    init_store(path, demo="shoes").close()
    view = make_workspace(path).rule_list
    view.table.sortByColumn(ID, Qt.SortOrder.AscendingOrder)
    titles = column(view.proxy, ID)
    assert titles == sorted(titles, key=str.lower)
    child(view, QCheckBox, "ruleShowCodes").setChecked(True)
    ids = column(view.proxy, ID)
    assert ids == sorted(ids)
    assert ids == column(view.proxy, ID, RULE_ID_ROLE)
