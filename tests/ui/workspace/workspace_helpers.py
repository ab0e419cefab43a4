"""Small helpers for the workspace tests: find dialogs and widgets by objectName, read
lists and tables as text, sell at a till."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.sign_in import SignInDialog
from pos_prompter.ui.workspace.window import WorkspaceWindow

MANAGER = "manager"
MANAGER_PASSWORD = "demo-manager-pass"
NEW_PASSWORD = "copper kettle 2027"


def sell_a_latte(store: Store, clock: FixedClock) -> None:
    """A sale at a till ("till-2") on `store`: a tall latte, its size-up accepted, any other
    prompt declined, paid."""
    till = Till(store, clock, till_name="till-2")
    till.scan("LATTE-T")
    assert till.prompt is not None
    assert till.prompt.rule_id == "coffee-size-up"
    till.accept()
    while till.prompt is not None:
        till.decline()
    till.pay()


def text_of(widget: QWidget, name: str) -> str:
    return child(widget, QLabel, name).text()


def list_texts(widget: QWidget, name: str) -> list[str]:
    items = child(widget, QListWidget, name)
    return [items.item(i).text() for i in range(items.count())]


def column(model: QAbstractItemModel, col: int,
           role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> list[object]:
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


def open_sign_in(qtbot: QtBot, till: TillWindow) -> SignInDialog:
    """Tap the till's Manager button; the sign-in dialog is up."""
    child(till, QPushButton, "managerButton").click()
    dialog = till.manager_dialog
    assert isinstance(dialog, SignInDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def submit_password(dialog: SignInDialog, name: str, password: str) -> None:
    """Type a name and password and press Sign in. The check runs in a worker thread:
    wait for the dialog's `refused` or the till's `workspace_opened`."""
    child(dialog, QLineEdit, "signInName").setText(name)
    child(dialog, QLineEdit, "signInPassword").setText(password)
    child(dialog, QPushButton, "signInButton").click()


def sign_in(qtbot: QtBot, till: TillWindow, name: str = MANAGER,
            password: str = MANAGER_PASSWORD) -> WorkspaceWindow:
    """Sign in through the till; the workspace that opened."""
    dialog = open_sign_in(qtbot, till)
    with qtbot.waitSignal(till.workspace_opened) as opened:
        submit_password(dialog, name, password)
    workspace = opened.args[0]
    assert isinstance(workspace, WorkspaceWindow)
    qtbot.waitUntil(workspace.isVisible)
    return workspace


def close_workspace(qtbot: QtBot, till: TillWindow) -> None:
    """Close the workspace; the till's scan field has the focus again."""
    workspace = till.workspace
    assert workspace is not None
    with qtbot.waitSignal(workspace.closed):
        workspace.close()
    qtbot.waitUntil(till.scan_input.hasFocus)
