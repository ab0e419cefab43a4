"""Opening the workspace beside the till: what it shows is read in a worker thread, so a
manager signing in at a chain-sized store never stops the clerk's scanning."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import LATTE_TALL, child, label_text, scan, table_column
from workspace_helpers import MANAGER, open_sign_in, submit_password

from pos_prompter.store import Store
from pos_prompter.store.auth import Person
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWindow = Callable[..., TillWindow]


def manager(window: TillWindow) -> Person:
    person = window.staff.get(MANAGER)
    assert person is not None
    assert person.can_open_workspace
    return person


def stored_rule_count(path: Path) -> int:
    with Store.open(path) as store:
        return len(store.rules.load())


def test_the_till_keeps_scanning_while_the_workspace_opens(
        qtbot: QtBot, make_till_window: MakeWindow, large_store_path: Path) -> None:
    window = make_till_window(large_store_path)
    ticks: list[bool] = []
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(window.opening_workspace))
    timer.start()

    with qtbot.waitSignal(window.workspace_opened, timeout=20_000) as opened:
        window.open_workspace(manager(window))
        assert window.opening_workspace
        assert window.workspace is None
        assert "Opening the workspace" in label_text(window, "statusMessage")
        scan(qtbot, window, LATTE_TALL)                   # the clerk goes on meanwhile
        assert window.opening_workspace, "the scan did not wait for the workspace"
        assert len(table_column(window)) == 1
    timer.stop()

    workspace = opened.args[0]
    assert isinstance(workspace, WorkspaceWindow)
    assert window.workspace is workspace
    assert not window.opening_workspace
    qtbot.waitUntil(workspace.isVisible)
    assert ticks.count(True) >= 3, "the UI thread ticked on while the workspace was read"
    # It shows the store: every rule, the audit log, and the editor has the catalog.
    assert workspace.rule_list.model.rowCount() == stored_rule_count(large_store_path)
    assert workspace.audit_view.model.rowCount() > 0
    assert workspace.editor.choices.catalog.get("FILL-00001") is not None
    assert len(table_column(window)) == 1, "the order is as it was"


def test_asking_again_while_it_opens_opens_one_workspace(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    opened: list[object] = []
    window.workspace_opened.connect(opened.append)
    window.open_workspace(manager(window))
    assert window.opening_workspace

    child(window, QPushButton, "managerButton").click()   # tapped again meanwhile
    assert window.manager_dialog is None, "no second sign-in while it opens"
    assert "opening" in label_text(window, "statusMessage")
    window.open_workspace(manager(window))

    qtbot.waitUntil(lambda: window.workspace is not None)
    qtbot.waitUntil(lambda: window.jobs.running == 0)  # a second load, had one been
    # started, has run and delivered (the runner lets a job go after its delivery)
    assert len(opened) == 1


def test_a_till_closed_while_the_workspace_loads_shows_none(
        qtbot: QtBot, make_till_window: MakeWindow, large_store_path: Path) -> None:
    window = make_till_window(large_store_path)
    window.open_workspace(manager(window))
    assert window.opening_workspace
    window.close()
    assert not window.opening_workspace
    assert window.jobs.running == 1, "the load runs on, kept by the window's job runner"
    qtbot.waitUntil(lambda: window.jobs.running == 0, timeout=10_000)
    QCoreApplication.sendPostedEvents()  # its outcome, queued here, delivered: and dropped
    assert window.workspace is None
    assert window.isHidden()


def test_signing_in_opens_the_workspace_with_the_stores_rules(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, window)
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000) as opened:
        submit_password(dialog, MANAGER, "demo-manager-pass")
    workspace = opened.args[0]
    assert workspace.rule_list.model.rowCount() == stored_rule_count(cafe_store_path)
    assert "Workspace open" in label_text(window, "statusMessage")


def test_a_store_the_worker_cannot_read_is_said_and_the_till_goes_on(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    moved = cafe_store_path.rename(cafe_store_path.with_name("moved.db"))
    try:  # the till's own connection still has the file open; a new one finds nothing
        window.open_workspace(manager(window))
        qtbot.waitUntil(lambda: not window.opening_workspace, timeout=10_000)
    finally:
        moved.rename(cafe_store_path)

    assert window.workspace is None
    assert window.message_level == "error"
    assert "Could not open the workspace" in label_text(window, "statusMessage")
    assert "there is no store at" in label_text(window, "statusMessage")
    scan(qtbot, window, LATTE_TALL)
    assert len(table_column(window)) == 1
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        window.open_workspace(manager(window))  # and it can be asked again


def test_a_workspace_built_from_an_older_read_catches_up(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    """Published between the worker's read and the window: the window shows it anyway."""
    from pos_prompter.ui.workspace.window import load_workspace

    window = make_till_window(cafe_store_path)
    with Store.open(cafe_store_path) as reader:
        data = load_workspace(reader)
        rule = next(row.rule for row in data.rules.rows if row.rule.active)
    with Store.open(cafe_store_path) as other:   # another till's manager, meanwhile
        other.rules.save(dataclasses.replace(rule, active=False), actor="someone")

    workspace = WorkspaceWindow(window.till.store, manager(window), window,
                                demo_password=False, preloaded=data)
    qtbot.addWidget(workspace)
    model = workspace.rule_list.model

    def switched_off() -> None:
        at = model.row_of(rule.id)
        assert at is not None
        assert not model.row_at(at).rule.active

    qtbot.waitUntil(switched_off, timeout=10_000)
    assert not workspace.rule_list.loading
