"""The store's and sign-in's sentences (core.said, issue 14.3) in Spanish where the window
shows them: a wrong PIN in the till's clerk panel, a wrong password at the workspace's door,
a staff change and a product change refused, and the damaged-store message. Each expected
text is the whole Spanish sentence, so an English word left in it fails."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from damage_support import damage_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from spanish_check import spanish  # noqa: F401 - the fixture, used by name
from tillwin_helpers import child
from workspace_helpers import MANAGER, open_sign_in, submit_password

from pos_prompter import app as till_app
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.backup import damaged_text
from pos_prompter.ui.store_guard import damaged_offer
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.catalog_page import CatalogPage
from pos_prompter.ui.workspace.staff_page import StaffPage
from pos_prompter.ui.workspace.window import WorkspaceWindow

pytestmark = pytest.mark.usefixtures("spanish")


@pytest.fixture
def shift(qtbot: QtBot, morning_clock: FixedClock,
          cafe_store_path: Path) -> Iterator[TillWindow]:
    """The till window as the app builds it at the start of a shift (the clerk panel up)."""
    store = Store.open(cafe_store_path)
    window = till_app.build_window(store, training=False, clock=morning_clock)
    with qtbot.waitExposed(window):
        window.show()
    yield window
    job = window.clerk_panel.job
    if job is not None:
        job.wait()
    QApplication.processEvents()
    window.close()
    window.deleteLater()
    store.close()


def test_a_wrong_pin_is_said_in_spanish(qtbot: QtBot, shift: TillWindow) -> None:
    panel = shift.clerk_panel
    rows = {b.text(): b for b in panel.findChildren(QPushButton)
            if b.objectName().startswith("clerkRow")}
    qtbot.mouseClick(rows["clerk"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.pin_edit, "9999")
    with qtbot.waitSignal(panel.refused, timeout=10_000) as refused:
        qtbot.keyClick(panel.pin_edit, Qt.Key.Key_Return)
    assert refused.args == ["PIN incorrecto; le quedan 4 intentos."]
    assert child(shift, QLabel, "clerkSignInMessage").text() == refused.args[0]


def test_a_wrong_manager_password_is_said_in_spanish(
        qtbot: QtBot, make_till_window: Callable[..., TillWindow],
        cafe_store_path: Path) -> None:
    dialog = open_sign_in(qtbot, make_till_window(cafe_store_path))
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as refused:
        submit_password(dialog, MANAGER, "wrong-password-1")
    assert refused.args == ["contraseña incorrecta; le quedan 4 intentos."]
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as refused:
        submit_password(dialog, "clerk", "wrong-password-2")
    assert refused.args == ["clerk tiene la función de cajero; esto requiere la contraseña de "
                            "un gerente."]
    dialog.reject()


def test_staff_and_product_refusals_are_said_in_spanish(
        qtbot: QtBot, make_workspace: Callable[..., WorkspaceWindow],
        cafe_store_path: Path) -> None:
    window = make_workspace(cafe_store_path)
    staff = window.findChild(StaffPage, "staffPage")
    assert staff is not None
    window.tabs.setCurrentWidget(staff)
    qtbot.waitUntil(lambda: staff.model.rowCount() > 0 and not staff.work.busy)
    staff.select("manager")
    child(staff, QPushButton, "staffDisable").click()
    qtbot.waitUntil(lambda: not staff.work.busy)
    qtbot.waitUntil(lambda: "gerente" in child(staff, QLabel, "staffMessage").text())
    assert child(staff, QLabel, "staffMessage").text() == (
        "Manager es el único gerente activo; añada otro gerente antes de desactivarlo.")

    catalog = window.findChild(CatalogPage, "catalogPage")
    assert catalog is not None
    window.tabs.setCurrentWidget(catalog)
    qtbot.waitUntil(lambda: catalog.model.rowCount() > 0 and not catalog.search_work.busy)
    with qtbot.waitSignal(catalog.searched, timeout=10_000):
        child(catalog, QLineEdit, "catalogSearch").setText("AMER-G")
    child(catalog, QLineEdit, "catalogBarcodes").setText("2100000000081 2100000000081")
    child(catalog, QPushButton, "catalogSave").click()
    problem = child(catalog, QLabel, "catalogBarcodesProblem")
    qtbot.waitUntil(problem.isVisible)
    assert problem.text() == "El código de barras 2100000000081 aparece dos veces."


def test_the_damaged_store_message_is_spanish(qtbot: QtBot, cafe_store_path: Path) -> None:
    damage_page(cafe_store_path, "settings")
    box = damaged_offer(cafe_store_path, damaged_text(cafe_store_path), lambda: None)
    try:
        assert box.objectName() == "storeDamaged"
        assert box.text().startswith(
            f"La caja se detuvo: {cafe_store_path} está dañada (SQLite encontró una página "
            f"dañada) y se dejó como estaba: ejecute 'pos-prompter check --db "
            f"{cafe_store_path}' para ver qué está dañado; no hay ninguna copia de seguridad "
            "automática a su lado; restaure una que guarde en otro lugar con 'pos-prompter "
            f"restore ARCHIVO --db {cafe_store_path}'.")
        assert box.icon() == QMessageBox.Icon.Critical
    finally:
        box.close()
        box.deleteLater()
