"""The Staff, Settings and Catalog pages read the store again when another process (or
another till) changes it, as the Rules page does (store_watcher.PageRefresh): at once on
screen, when shown if hidden. What the manager is typing on a page stays."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.store import Store
from pos_prompter.store.catalog_edit import check_product_edit, get_product, save_product_edit
from pos_prompter.ui.workspace.catalog_page import PRICE, SKU, CatalogPage
from pos_prompter.ui.workspace.staff_page import NAME, StaffPage
from pos_prompter.ui.workspace.window import WorkspaceWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
from cli_support import no_display_env, run_subprocess

MakeWorkspace = Callable[..., WorkspaceWindow]
WAIT = 20_000


def staff_add_elsewhere(path: Path, name: str, pin: str) -> None:
    """`pos-prompter staff add NAME` in a process of its own, the PIN on stdin."""
    done = subprocess.run(
        [sys.executable, "-m", "pos_prompter", "staff", "add", name, "--db", str(path)],
        input=pin + "\n", capture_output=True, encoding="utf-8", env=no_display_env(),
        timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def names(page: StaffPage) -> list[str]:
    return [page.model.index(r, NAME).data() for r in range(page.model.rowCount())]


@pytest.mark.slow
def test_the_staff_page_shows_staff_added_by_another_process_and_keeps_the_forms(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    window = make_workspace(cafe_store_path)
    page = window.staff_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.work.busy)
    page.select("clerk")
    name = child(page, QLineEdit, "staffName")
    qtbot.keyClicks(name, "Zoe")                     # an Add under way
    child(page, QComboBox, "staffRole").setCurrentIndex(1)
    qtbot.keyClicks(child(page, QLineEdit, "staffNewSecret"), "4821")

    staff_add_elsewhere(cafe_store_path, "Dana", "7315")
    qtbot.waitUntil(lambda: "Dana" in names(page), timeout=WAIT)

    assert name.text() == "Zoe"
    assert child(page, QComboBox, "staffRole").currentIndex() == 1
    assert child(page, QLineEdit, "staffNewSecret").text() == "4821"
    selected = page.selected()
    assert selected is not None
    assert selected.person.name == "clerk"


@pytest.mark.slow
def test_a_hidden_staff_page_reads_the_store_when_shown(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    window = make_workspace(cafe_store_path)
    page = window.staff_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.work.busy)
    assert not page.isVisible()                      # on the Rules tab
    staff_add_elsewhere(cafe_store_path, "Dana", "7315")
    qtbot.waitUntil(lambda: page.refresher.stale, timeout=WAIT)
    assert "Dana" not in names(page)

    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: "Dana" in names(page), timeout=WAIT)


@pytest.mark.slow
def test_the_settings_page_shows_a_change_from_another_process_and_keeps_an_edit(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    window = make_workspace(cafe_store_path)
    page = window.settings_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.fields) and not page.work.busy)
    store_name = child(page, QLineEdit, "setting_store_name")
    store_name.selectAll()
    qtbot.keyClicks(store_name, "Corner Cafe")       # typed, not saved yet

    done = run_subprocess("settings", "--db", cafe_store_path, "rush_scans_per_minute=20",
                          "leaderboard=on")
    assert done.code == 0, done.err
    rush = child(page, QLineEdit, "setting_rush_scans_per_minute")
    qtbot.waitUntil(lambda: rush.text() == "20", timeout=WAIT)

    assert child(page, QCheckBox, "setting_leaderboard").isChecked()
    assert store_name.text() == "Corner Cafe"
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        child(page, QPushButton, "settingsSave").click()
    with Store.open(cafe_store_path) as store:
        assert store.get_setting("store_name") == "Corner Cafe"
        assert store.get_setting("rush_scans_per_minute") == 20


def price_shown(page: CatalogPage, sku: str) -> str:
    at = page.model.row_of(sku)
    assert at is not None
    return str(page.model.index(at, PRICE).data())


def change_price_elsewhere(path: Path, sku: str, price: str) -> None:
    """Another connection (a till's, the command line's) changes a product's price."""
    with Store.open(path) as store:
        product = get_product(store, sku)
        assert product is not None
        edit = check_product_edit(sku, price, product.active, " ".join(product.barcodes))
        save_product_edit(store, edit, actor="elsewhere")


def test_the_catalog_page_shows_a_change_elsewhere_and_keeps_the_product_being_edited(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    window = make_workspace(cafe_store_path)
    page = window.catalog_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 1 and not page.search_work.busy)
    first, second = (page.model.index(r, SKU).data() for r in range(2))
    page.select(first)
    price = child(page, QLineEdit, "catalogPrice")
    price.selectAll()
    qtbot.keyClicks(price, "9.99")                   # an edit under way

    change_price_elsewhere(cafe_store_path, second, "7.77")
    qtbot.waitUntil(lambda: price_shown(page, second) == "$7.77", timeout=WAIT)

    assert price.text() == "9.99"
    selected = page.selected()
    assert selected is not None
    assert selected.sku == first


def test_the_product_on_the_catalog_page_shows_its_new_price_when_not_edited(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    window = make_workspace(cafe_store_path)
    page = window.catalog_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 1 and not page.search_work.busy)
    first = page.model.index(0, SKU).data()
    page.select(first)

    change_price_elsewhere(cafe_store_path, first, "7.77")
    price = child(page, QLineEdit, "catalogPrice")
    qtbot.waitUntil(lambda: price.text() == "7.77", timeout=WAIT)
    assert child(page, QLabel, "catalogProduct").text().endswith(f"({first})")
    assert not page.edited()
