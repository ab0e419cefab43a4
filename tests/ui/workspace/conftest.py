"""Fixtures for the manager's workspace: real store files, real widgets offscreen.

The fixtures of tests/ui/conftest.py (cafe_store_path, make_till_window, morning_clock,
no_leaked_windows...) apply here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_prompter.bootstrap import init_store
from pos_prompter.store import Store
from pos_prompter.store.store import copy_store
from pos_prompter.ui.workspace.window import WorkspaceWindow

TODAY = dt.date(2026, 11, 23)
"""The Monday of tests/ui/conftest.py's MORNING: lint judges expiry by it."""

MakeWorkspace = Callable[..., WorkspaceWindow]


@pytest.fixture(scope="module")
def history_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cafe demo with its 90 days of generated sales before TODAY, made once a module
    (seconds to make); tests take a copy (`history_path`)."""
    path = tmp_path_factory.mktemp("history") / "history.db"
    init_store(path, demo="cafe", history=True).close()
    return path


@pytest.fixture
def history_path(history_file: Path, tmp_path: Path) -> Path:
    """The cafe demo with its 90 days of history, a copy of the test's own."""
    path = tmp_path / "history.db"
    copy_store(history_file, path)
    return path


@pytest.fixture
def make_workspace(qtbot: QtBot) -> Iterator[MakeWorkspace]:
    """Workspace windows on store files, as `manager` (no demo-password banner unless
    asked): `make_workspace(path, person="manager", demo_password=False)`. Shown; closed
    with their stores at teardown."""
    made: list[tuple[WorkspaceWindow, Store]] = []

    def make(path: Path, *, person: str = "manager",
             demo_password: bool | None = False) -> WorkspaceWindow:
        store = Store.open(path)
        window = WorkspaceWindow(store, person, demo_password=demo_password, today=TODAY,
                                 audit_debounce_ms=0)
        made.append((window, store))
        with qtbot.waitExposed(window):
            window.show()
        return window

    yield make
    for window, store in reversed(made):
        jobs = [d.job for d in window.import_dialogs] + [window.export_job]
        for job in jobs:
            if job is not None:
                job.wait()
        QApplication.processEvents()  # the jobs' finished signals
        window.close()
        window.deleteLater()
        store.close()
