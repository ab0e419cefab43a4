"""The workspace window around the rule list, the editor and the audit log: what a manager
selects is what the editor shows, published rules reach the list, the log and the tills,
unsaved edits are never lost without a question, and it does not close mid-import."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import child
from workspace_helpers import MANAGER, column

from pos_prompter.store import Store
from pos_prompter.ui.workspace import import_dialog
from pos_prompter.ui.workspace.audit_view import ACTION, ENTITY_ID, WHO
from pos_prompter.ui.workspace.import_dialog import RULES
from pos_prompter.ui.workspace.rule_editor import RuleEditor
from pos_prompter.ui.workspace.rule_list import ID
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]
NEW_TITLE = "Afternoon pastry with a coffee"


def editor_id(workspace: WorkspaceWindow) -> str:
    return child(workspace.editor, QLineEdit, "ruleId").text()


def edit_title(workspace: WorkspaceWindow, title: str = NEW_TITLE) -> None:
    child(workspace.editor, QLineEdit, "ruleTitle").setText(title)
    assert workspace.editor.has_unsaved_changes()


def answer(qtbot: QtBot, workspace: WorkspaceWindow,
           button: QMessageBox.StandardButton) -> None:
    box = workspace.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(box.finished):
        box.button(button).click()


def test_the_workspace_has_rules_audit_and_the_import_export_actions(
        make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)

    assert workspace.objectName() == "workspaceWindow"
    assert [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())] == [
        "Rules", "Audit log"]
    assert isinstance(workspace.editor, RuleEditor)
    assert workspace.editor.actor == MANAGER
    names = {a.objectName() for a in workspace.menuBar().actions()[0].menu().actions()}
    assert {"importRulesAction", "importCatalogAction", "importOrdersAction",
            "exportRulesAction", "exportAuditAction"} <= names
    assert not workspace.banner.isVisible()
    assert MANAGER in workspace.windowTitle()


def test_the_banner_checks_the_stored_password_when_not_told(
        make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    assert make_workspace(cafe_store_path, demo_password=None).banner.isVisible()


def test_a_selected_rule_is_edited_and_published_to_list_log_and_tills(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    workspace.rule_list.select_rule("coffee-pastry")
    assert editor_id(workspace) == "coffee-pastry"
    edit_title(workspace)

    with qtbot.waitSignals([workspace.editor.rule_published, workspace.published]):
        child(workspace.editor, QPushButton, "publishButton").click()

    model = workspace.rule_list.proxy
    row = column(model, ID).index("coffee-pastry")
    assert model.index(row, ID).data(Qt.ItemDataRole.ToolTipRole) == NEW_TITLE
    selected = workspace.rule_list.selected_rule()
    assert selected is not None
    assert selected.id == "coffee-pastry"
    audit = workspace.audit_view.model
    assert (audit.index(0, WHO).data(), audit.index(0, ENTITY_ID).data(),
            audit.index(0, ACTION).data()) == (MANAGER, "coffee-pastry", "change")
    with Store.open(cafe_store_path) as store:
        assert next(r for r in store.load_rules() if r.id == "coffee-pastry").title == \
            NEW_TITLE


def test_unsaved_edits_are_kept_unless_the_manager_discards_them(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    workspace.rule_list.select_rule("coffee-pastry")
    edit_title(workspace)

    workspace.rule_list.select_rule("mug-deal")
    answer(qtbot, workspace, QMessageBox.StandardButton.Cancel)
    assert editor_id(workspace) == "coffee-pastry"
    assert workspace.editor.has_unsaved_changes()
    selected = workspace.rule_list.selected_rule()
    assert selected is not None
    assert selected.id == "coffee-pastry"

    workspace.rule_list.select_rule("mug-deal")
    answer(qtbot, workspace, QMessageBox.StandardButton.Discard)
    assert editor_id(workspace) == "mug-deal"
    assert not workspace.editor.has_unsaved_changes()


def test_new_rule_and_the_editors_close_leave_an_empty_form(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    workspace.rule_list.select_rule("mug-deal")

    child(workspace.rule_list, QPushButton, "ruleNew").click()

    assert editor_id(workspace) == ""
    assert workspace.rule_list.selected_rule() is None
    workspace.rule_list.select_rule("mug-deal")
    assert editor_id(workspace) == "mug-deal"
    with qtbot.waitSignal(workspace.editor.closed):
        child(workspace.editor, QPushButton, "closeButton").click()
    assert editor_id(workspace) == ""
    assert workspace.rule_list.selected_rule() is None


def test_closing_with_unsaved_edits_asks_first(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    workspace.rule_list.select_rule("coffee-pastry")
    edit_title(workspace)

    with qtbot.assertNotEmitted(workspace.closed):
        workspace.close()
    answer(qtbot, workspace, QMessageBox.StandardButton.Cancel)
    assert workspace.isVisible()

    workspace.close()
    with qtbot.waitSignal(workspace.closed):
        answer(qtbot, workspace, QMessageBox.StandardButton.Discard)
    assert not workspace.isVisible()


def test_the_workspace_stays_open_while_an_import_runs(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    read = import_dialog.read_preview

    def slow_read(*args: Any, **kwargs: Any) -> import_dialog.Preview:
        assert gate.wait(30)
        return read(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "read_preview", slow_read)
    workspace = make_workspace(cafe_store_path)
    pack = tmp_path / "pack.yaml"
    pack.write_text("version: 1\nrules: []\n", encoding="utf-8")
    dialog = workspace.open_import(RULES, pack)
    qtbot.waitUntil(dialog.isVisible)

    with qtbot.assertNotEmitted(workspace.closed):
        workspace.close()
    assert workspace.isVisible()
    assert "An import or export is running" in workspace.message.text()
    dialog.reject()
    assert dialog.isVisible()
    assert not child(dialog, QPushButton, "importClose").isEnabled()

    gate.set()
    qtbot.waitUntil(lambda: not dialog.busy)
    with qtbot.waitSignal(workspace.closed):
        workspace.close()
    assert workspace.import_dialogs == []


def test_changes_published_elsewhere_show_in_the_list(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    workspace = make_workspace(cafe_store_path)
    assert "mug-deal" in column(workspace.rule_list.proxy, ID)

    with Store.open(cafe_store_path) as other:  # the command line, another manager...
        other.delete_rule("mug-deal", actor="ana")

    qtbot.waitUntil(lambda: "mug-deal" not in column(workspace.rule_list.proxy, ID),
                    timeout=5000)
    assert workspace.audit_view.model.index(0, WHO).data() == "ana"
