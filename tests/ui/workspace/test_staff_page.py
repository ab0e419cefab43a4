"""The workspace's Staff tab (issue 13, point 14): add, disable, enable, a new PIN or
password and unlock, through the real window, each the command line's store call with its
checks, audited with the signed-in manager as the actor."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.store import Store
from pos_prompter.store.audit import audit_entries
from pos_prompter.store.auth import SignInError, StaffStore
from pos_prompter.ui.workspace.staff_page import StaffPage
from pos_prompter.ui.workspace.window import WorkspaceWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
from cli_support import run_subprocess

MakeWorkspace = Callable[..., WorkspaceWindow]


def open_page(qtbot: QtBot, make_workspace: MakeWorkspace, path: Path,
              ) -> tuple[WorkspaceWindow, StaffPage]:
    window = make_workspace(path)
    page = window.findChild(StaffPage, "staffPage")
    assert page is not None, "the workspace has a Staff tab"
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.work.busy)
    return window, page


def staff_entries(path: Path) -> list[tuple[str, str, str]]:
    with Store.open(path) as store:
        return [(e.actor, e.entity_id, e.action)
                for e in audit_entries(store, entity="staff")]


def press(qtbot: QtBot, page: StaffPage, name: str) -> None:
    with qtbot.waitSignal(page.changed, timeout=10_000):
        child(page, QPushButton, name).click()


def test_the_list_is_the_command_lines(qtbot: QtBot, qtmodeltester: object,
                                       make_workspace: MakeWorkspace,
                                       cafe_store_path: Path) -> None:
    _window, page = open_page(qtbot, make_workspace, cafe_store_path)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    listed = run_subprocess("staff", "--db", cafe_store_path, "list")
    shown = [[page.model.index(r, c).data() for c in range(4)]
             for r in range(page.model.rowCount())]
    assert [line.split()[:2] for line in listed.out.splitlines()[1:]] == \
        [row[:2] for row in shown]
    assert shown[2] == ["clerk", "clerk", "PIN", "active"]


def test_add_a_clerk_audited_and_refusals_write_nothing(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    window, page = open_page(qtbot, make_workspace, cafe_store_path)
    before = staff_entries(cafe_store_path)
    child(page, QLineEdit, "staffName").setText("Dana")
    role = child(page, QComboBox, "staffRole")
    role.setCurrentIndex(role.findData("clerk"))
    child(page, QLineEdit, "staffSecret").setText("12")
    child(page, QLineEdit, "staffSecretAgain").setText("12")
    child(page, QPushButton, "staffAdd").click()
    said = child(page, QLabel, "staffAddMessage").text()
    assert said.startswith("PIN refused:"), said
    assert "digits" in said, said
    child(page, QLineEdit, "staffSecret").setText("4821")
    child(page, QLineEdit, "staffSecretAgain").setText("4822")
    child(page, QPushButton, "staffAdd").click()
    assert child(page, QLabel, "staffAddMessage").text() == \
        "The two PINs differ; nothing was changed."
    child(page, QLineEdit, "staffName").setText("CLERK")
    child(page, QLineEdit, "staffSecretAgain").setText("4821")
    child(page, QPushButton, "staffAdd").click()
    assert child(page, QLabel, "staffAddMessage").text() == \
        "'clerk' is already on the staff list."
    assert not page.work.busy
    assert staff_entries(cafe_store_path) == before  # nothing written

    child(page, QLineEdit, "staffName").setText("Dana")
    press(qtbot, page, "staffAdd")
    assert child(page, QLabel, "staffAddMessage").text() == \
        "Added Dana (clerk, signs in with a PIN)."
    assert child(page, QLineEdit, "staffSecret").text() == ""
    assert "Dana" in run_subprocess("staff", "--db", cafe_store_path, "list").out
    assert staff_entries(cafe_store_path)[-1] == ("manager", "Dana", "add")
    assert page.model.row_of("Dana") is not None
    qtbot.waitUntil(lambda: "Dana" in [window.audit_view.model.index(r, 3).data()
                                       for r in range(window.audit_view.model.rowCount())])
    with Store.open(cafe_store_path) as store:
        assert StaffStore(store).sign_in("Dana", "4821").name == "Dana"


def test_disable_enable_and_the_last_manager(qtbot: QtBot, make_workspace: MakeWorkspace,
                                             cafe_store_path: Path) -> None:
    _window, page = open_page(qtbot, make_workspace, cafe_store_path)
    page.select("clerk")
    press(qtbot, page, "staffDisable")
    assert child(page, QLabel, "staffMessage").text() == "Disabled clerk."
    listed = run_subprocess("staff", "--db", cafe_store_path, "list").out
    assert next(line for line in listed.splitlines() if line.startswith("clerk")).split()[3] \
        == "disabled"
    assert not child(page, QPushButton, "staffDisable").isEnabled()
    press(qtbot, page, "staffEnable")
    assert child(page, QLabel, "staffMessage").text() == "Enabled clerk."
    assert staff_entries(cafe_store_path)[-2:] == [("manager", "clerk", "change")] * 2

    before = staff_entries(cafe_store_path)
    page.select("manager")
    child(page, QPushButton, "staffDisable").click()
    qtbot.waitUntil(lambda: not page.work.busy)
    assert child(page, QLabel, "staffMessage").text() == \
        "Manager is the only active manager; add another manager before disabling them."
    assert staff_entries(cafe_store_path) == before


def test_new_pin_and_unlock(qtbot: QtBot, make_workspace: MakeWorkspace,
                            cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as store:
        staff = StaffStore(store)
        now = dt.datetime.now()
        for _ in range(5):
            with pytest.raises(SignInError):
                staff.sign_in("clerk", "0000", now)
        assert staff.lock_state("clerk").locked
    _window, page = open_page(qtbot, make_workspace, cafe_store_path)
    page.select("clerk")
    assert page.selected() is not None
    assert page.selected().status.startswith("locked until")
    press(qtbot, page, "staffUnlock")
    assert child(page, QLabel, "staffMessage").text() == \
        "Unlocked clerk: they can sign in again now."
    assert page.selected() is not None
    assert page.selected().status == "active"

    child(page, QLineEdit, "staffNewSecret").setText("abc")
    child(page, QLineEdit, "staffNewSecretAgain").setText("abc")
    child(page, QPushButton, "staffResetSecret").click()
    assert child(page, QLabel, "staffResetMessage").text().startswith("PIN refused:")
    child(page, QLineEdit, "staffNewSecret").setText("97531")
    child(page, QLineEdit, "staffNewSecretAgain").setText("97531")
    press(qtbot, page, "staffResetSecret")
    assert child(page, QLabel, "staffResetMessage").text() == "Changed the PIN of clerk."
    assert staff_entries(cafe_store_path)[-2:] == [("manager", "clerk", "change")] * 2
    with Store.open(cafe_store_path) as store:
        assert StaffStore(store).sign_in("clerk", "97531").name == "clerk"
