"""The audit tab's chain line: whether the log's hash chain is intact, checked in a worker
thread when the tab opens and again on Refresh (an entry edited with sqlite3 behind the
app's back, as issue 11's audit did, is named there)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.store import Store
from pos_prompter.store.audit import verify_audit
from pos_prompter.ui.workspace.audit_view import AuditView


def change_entry_behind_the_apps_back(path: Path, entry: int) -> None:
    conn = sqlite3.connect(path)
    [(sql,)] = conn.execute("SELECT sql FROM sqlite_master "
                            "WHERE name = 'audit_log_no_update'").fetchall()
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor = 'eve' WHERE id = ?", [entry])
    conn.execute(sql)
    conn.commit()
    conn.close()


def open_view(qtbot: QtBot, store: Store) -> tuple[AuditView, list[bool]]:
    """A view, and the result of its first check (waited for)."""
    checked: list[bool] = []
    threads = {threading.get_ident()}

    def note(intact: bool) -> None:
        threads.add(threading.get_ident())
        checked.append(intact)

    view = AuditView(store, debounce_ms=0)  # the check's outcome comes by the event loop
    view.chain_checked.connect(note)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: bool(checked), timeout=10_000)
    assert len(threads) == 1  # delivered on the UI thread
    return view, checked


def test_an_intact_chain_is_said_under_the_table(qtbot: QtBot, cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as store:
        entries = verify_audit(store).entries
        view, checked = open_view(qtbot, store)
        assert checked == [True]
        assert child(view, QLabel, "auditChain").text() == \
            f"Audit log chain intact: {entries:,} entries."


def test_an_entry_changed_behind_the_apps_back_is_named(qtbot: QtBot,
                                                       cafe_store_path: Path) -> None:
    change_entry_behind_the_apps_back(cafe_store_path, 4)
    with Store.open(cafe_store_path) as store:
        view, checked = open_view(qtbot, store)
        assert checked == [False]
        text = child(view, QLabel, "auditChain").text()
        assert text.startswith("Audit entry 4 (")
        assert text.endswith("by eve) was changed behind the app's back.")


def test_refresh_checks_the_chain_again(qtbot: QtBot, cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as store:
        view, checked = open_view(qtbot, store)
        assert checked == [True]
        change_entry_behind_the_apps_back(cafe_store_path, 2)
        with qtbot.waitSignal(view.chain_checked, timeout=10_000) as done:
            child(view, QPushButton, "auditRefresh").click()
        assert done.args == [False]
        assert child(view, QLabel, "auditChain").text().startswith("Audit entry 2 (")
