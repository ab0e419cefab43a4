"""The audit log tab: newest first, filtered by entity, person, dates and text, with the
before/after summary, and the filtered entries exported as CSV."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.store import Store
from pos_prompter.store.audit import CSV_COLUMNS, audit_csv, audit_entries
from pos_prompter.ui.workspace.audit_view import ACTION, CHANGE, ENTITY, ENTITY_ID, WHO, AuditView


@pytest.fixture
def audited_store(cafe_store_path: Path) -> Iterator[Store]:
    """The cafe store after a few changes by two people, on top of the demo's setup (by
    "system")."""
    with Store.open(cafe_store_path) as store:
        rule = next(r for r in store.rules.load() if r.id == "coffee-pastry")
        store.rules.save(dataclasses.replace(rule, priority=8), actor="manager")
        store.set_settings({"rush_scans_per_minute": 20}, actor="ana")
        store.rules.delete("mug-deal", actor="ana")
        yield store


@pytest.fixture
def audit_view(qtbot: QtBot, audited_store: Store) -> AuditView:
    view = AuditView(audited_store, debounce_ms=0)
    qtbot.addWidget(view)
    view.show()
    return view


def rows(view: AuditView) -> list[tuple[str, ...]]:
    model = view.model
    return [tuple(model.index(r, c).data() for c in (WHO, ENTITY, ENTITY_ID, ACTION, CHANGE))
            for r in range(model.rowCount())]


def test_the_audit_model_passes_the_qt_model_checks(qtmodeltester: ModelTester,
                                                    audit_view: AuditView) -> None:
    qtmodeltester.check(audit_view.model)


def test_newest_first_with_who_what_and_the_change(audit_view: AuditView,
                                                  audited_store: Store) -> None:
    shown = rows(audit_view)

    assert shown[0] == ("ana", "rule", "mug-deal", "remove", "removed")
    assert shown[1] == ("ana", "setting", "rush_scans_per_minute", "add", "added")
    assert shown[2] == ("manager", "rule", "coffee-pastry", "change", "priority 5 -> 8")
    assert len(shown) == len(audit_entries(audited_store))
    tip = audit_view.model.index(2, CHANGE).data(Qt.ItemDataRole.ToolTipRole)
    assert '"priority": 5' in tip
    assert '"priority": 8' in tip


def test_filters_by_entity_person_text_and_dates(qtbot: QtBot, audit_view: AuditView) -> None:
    entity = child(audit_view, QComboBox, "auditEntity")
    actor = child(audit_view, QComboBox, "auditActor")
    assert [actor.itemText(i) for i in range(actor.count())] == [
        "Everyone", "ana", "manager", "system"]

    with qtbot.waitSignal(audit_view.refreshed):
        entity.setCurrentIndex(entity.findData("rule"))
    assert {r[1] for r in rows(audit_view)} == {"rule"}
    actor.setCurrentIndex(actor.findData("ana"))
    assert rows(audit_view) == [("ana", "rule", "mug-deal", "remove", "removed")]
    entity.setCurrentIndex(0)
    assert [r[2] for r in rows(audit_view)] == ["mug-deal", "rush_scans_per_minute"]
    actor.setCurrentIndex(0)

    child(audit_view, QLineEdit, "auditSearch").setText("COFFEE-PASTRY")
    assert {r[2] for r in rows(audit_view)} == {"coffee-pastry"}
    child(audit_view, QLineEdit, "auditSearch").clear()

    today = dt.date.today()  # the store stamps changes with the real time
    audit_view.set_dates(today + dt.timedelta(days=1), None)
    assert rows(audit_view) == []
    audit_view.set_dates(today - dt.timedelta(days=1), today)
    assert len(rows(audit_view)) == audit_view.model.rowCount() > 3
    audit_view.set_dates(None, today - dt.timedelta(days=1))
    assert rows(audit_view) == []
    audit_view.set_dates(None, None)
    assert "matching changes" in audit_view.message.text()


def test_only_the_newest_entries_are_shown_and_the_message_says_so(
        qtbot: QtBot, audited_store: Store) -> None:
    view = AuditView(audited_store, debounce_ms=0, limit=2)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 2
    assert "Showing the newest 2" in view.message.text()


def test_export_csv_writes_the_filtered_entries(qtbot: QtBot, audit_view: AuditView,
                                               audited_store: Store, tmp_path: Path) -> None:
    actor = child(audit_view, QComboBox, "auditActor")
    actor.setCurrentIndex(actor.findData("ana"))
    target = tmp_path / "audit.csv"

    with qtbot.waitSignal(audit_view.exported) as written:
        audit_view.export_csv(target)

    assert written.args == [str(target)]
    data = target.read_bytes().decode("utf-8")
    assert data == audit_csv(audit_entries(audited_store, actor="ana"))
    table = list(csv.reader(io.StringIO(data)))
    assert tuple(table[0]) == CSV_COLUMNS
    assert [(r[2], r[3], r[4], r[5]) for r in table[1:]] == [
        ("ana", "setting", "rush_scans_per_minute", "add"),
        ("ana", "rule", "mug-deal", "remove")]
    assert '"id": "mug-deal"' in table[2][6]  # the rule as it was before
    assert "Exported 2 changes" in audit_view.message.text()


def test_export_csv_without_a_path_asks_where_without_blocking(
        qtbot: QtBot, audit_view: AuditView) -> None:
    child(audit_view, QPushButton, "auditExport").click()

    dialog = audit_view.file_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(dialog.finished), qtbot.assertNotEmitted(audit_view.exported):
        dialog.reject()
    assert audit_view.file_dialog is None
