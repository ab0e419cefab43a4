"""The workspace's Catalog tab (issue 13, point 14): find a product by name, SKU or barcode
(a page at a time, in a worker), change its price, active flag and barcodes with the
catalog CSV's checks, audited with the signed-in manager as the actor, through the real
window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import MUFFIN, child, scan
from workspace_helpers import sign_in

from pos_prompter.core.catalog import gtin_check_digit
from pos_prompter.store import Store
from pos_prompter.store.audit import audit_entries
from pos_prompter.store.catalog_edit import SEARCH_LIMIT, get_product
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.catalog_page import CatalogPage
from pos_prompter.ui.workspace.window import WorkspaceWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
from cli_support import run_subprocess

MakeWorkspace = Callable[..., WorkspaceWindow]
MakeTill = Callable[..., TillWindow]
NEW_CODE = "400638133393" + str(gtin_check_digit("400638133393"))


def open_page(qtbot: QtBot, make_workspace: MakeWorkspace,
              path: Path) -> tuple[WorkspaceWindow, CatalogPage]:
    window = make_workspace(path)
    page = window.findChild(CatalogPage, "catalogPage")
    assert page is not None, "the workspace has a Catalog tab"
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.search_work.busy)
    return window, page


def find(qtbot: QtBot, page: CatalogPage, text: str) -> list[str]:
    """Type `text` in the search box; the SKUs found."""
    with qtbot.waitSignal(page.searched, timeout=10_000):
        child(page, QLineEdit, "catalogSearch").setText(text)
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def product_entries(path: Path) -> list[tuple[str, str, str]]:
    with Store.open(path) as store:
        return [(e.actor, e.entity_id, e.action) for e in audit_entries(store, entity="product")]


def test_find_by_name_sku_and_barcode(qtbot: QtBot, qtmodeltester: object,
                                      make_workspace: MakeWorkspace,
                                      cafe_store_path: Path) -> None:
    _window, page = open_page(qtbot, make_workspace, cafe_store_path)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert child(page, QLabel, "catalogMessage").text() == "25 products."
    assert find(qtbot, page, "chai latte") == ["CHAI-G", "CHAI-T", "CHAI-V"]
    assert find(qtbot, page, "amer-t") == ["AMER-T"]
    assert page.selected() is not None  # the one match is ready to change
    assert child(page, QLineEdit, "catalogPrice").text() == "3.25"
    assert find(qtbot, page, "2100000000081") == ["AMER-G"]
    assert find(qtbot, page, "no such thing") == []
    assert not child(page, QPushButton, "catalogSave").isEnabled()
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_change_price_active_and_barcodes(qtbot: QtBot, make_workspace: MakeWorkspace,
                                          cafe_store_path: Path) -> None:
    window, page = open_page(qtbot, make_workspace, cafe_store_path)
    find(qtbot, page, "AMER-G")
    child(page, QLineEdit, "catalogPrice").setText("4.10")
    child(page, QCheckBox, "catalogActive").setChecked(False)
    child(page, QLineEdit, "catalogBarcodes").setText(f"2100000000081 {NEW_CODE}")
    with qtbot.waitSignals([page.changed, window.published], timeout=10_000):
        child(page, QPushButton, "catalogSave").click()
    assert child(page, QLabel, "catalogSaveMessage").text() == \
        "Saved Americano Grande: the tills use it from now on."
    assert [page.model.index(0, c).data() for c in range(5)] == [
        "AMER-G", "Americano Grande", "$4.10", "no", f"2100000000081 {NEW_CODE}"]
    with Store.open(cafe_store_path) as store:
        product = store.catalog.load().get("AMER-G")
        assert (product.price, product.active) == (410, False)
        assert store.catalog.load().lookup(NEW_CODE) == product
    audited = run_subprocess("audit", "--db", cafe_store_path, "--entity", "product")
    last = audited.out.splitlines()[-1]
    assert "manager" in last
    assert "AMER-G" in last
    assert product_entries(cafe_store_path)[-1] == ("manager", "AMER-G", "change")
    find(qtbot, page, NEW_CODE)
    assert page.selected() is not None
    assert page.selected().sku == "AMER-G"


def test_the_till_beside_sells_at_the_new_price(qtbot: QtBot, make_till_window: MakeTill,
                                                cafe_store_path: Path) -> None:
    till = make_till_window(cafe_store_path)
    window = sign_in(qtbot, till)
    page = window.findChild(CatalogPage, "catalogPage")
    assert page is not None
    qtbot.waitUntil(lambda: not page.search_work.busy)
    find(qtbot, page, "MUFFIN-BB")
    child(page, QLineEdit, "catalogPrice").setText("2.95")
    with qtbot.waitSignals([page.changed, till.rules_reloaded], timeout=10_000):
        child(page, QPushButton, "catalogSave").click()
    scan(qtbot, till, MUFFIN)
    assert [(ln.sku, ln.unit_price) for ln in till.till.lines] == [("MUFFIN-BB", 295)]


@pytest.mark.parametrize(("price", "codes", "where", "said"), [
    ("4.105", "2100000000081", "catalogPriceProblem",
     "The price '4.105' is not an amount with at most 2 decimals, like \"3.45\"."),
    ("-1", "2100000000081", "catalogPriceProblem", "The price '-1' is negative."),
    ("3.65", "2100000000082", "catalogBarcodesProblem",
     "The barcode '2100000000082' has check digit 2, expected 1."),
    ("3.65", "2100000000081 12345", "catalogBarcodesProblem",
     "The barcode '12345' must have 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13)."),
    ("3.65", "2100000000074", "catalogBarcodesProblem",
     "Barcode 2100000000074 of AMER-G already belongs to AMER-T."),
])
def test_refusals_by_the_field_write_nothing(qtbot: QtBot, make_workspace: MakeWorkspace,
                                             cafe_store_path: Path, price: str, codes: str,
                                             where: str, said: str) -> None:
    _window, page = open_page(qtbot, make_workspace, cafe_store_path)
    before = product_entries(cafe_store_path)
    find(qtbot, page, "AMER-G")
    child(page, QLineEdit, "catalogPrice").setText(price)
    child(page, QLineEdit, "catalogBarcodes").setText(codes)
    child(page, QPushButton, "catalogSave").click()
    qtbot.waitUntil(lambda: child(page, QLabel, where).isVisible())
    assert child(page, QLabel, where).text() == said
    assert child(page, QLabel, "catalogSaveMessage").text() == "Nothing was saved."
    assert product_entries(cafe_store_path) == before
    with Store.open(cafe_store_path) as store:
        stored = get_product(store, "AMER-G")
    assert stored is not None
    assert (stored.price, stored.barcodes) == (365, ("2100000000081",))


@pytest.mark.slow
def test_a_large_catalog_shows_a_page_of_matches(qtbot: QtBot, make_workspace: MakeWorkspace,
                                                 large_store_path: Path) -> None:
    _window, page = open_page(qtbot, make_workspace, large_store_path)
    assert page.model.rowCount() == SEARCH_LIMIT
    assert find(qtbot, page, "filler 1")[:2] == ["FILL-00001", "FILL-00010"]
    assert page.model.rowCount() == SEARCH_LIMIT
    assert child(page, QLabel, "catalogMessage").text().startswith(
        f"Showing the first {SEARCH_LIMIT} matches")
    assert find(qtbot, page, "FILL-12345") == ["FILL-12345"]
