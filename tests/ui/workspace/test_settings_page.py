"""The workspace's Settings tab (issue 13, point 14): every store setting with its meaning,
the checks of `pos-prompter settings KEY=VALUE` said by the field, saved all or nothing
and audited with the signed-in manager as the actor, through the real window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.core.rules import STORE_SETTINGS
from pos_prompter.store import Store
from pos_prompter.store.audit import audit_entries
from pos_prompter.ui.workspace.settings_page import SettingsPage
from pos_prompter.ui.workspace.window import WorkspaceWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
from cli_support import run_subprocess

MakeWorkspace = Callable[..., WorkspaceWindow]


def open_page(qtbot: QtBot, make_workspace: MakeWorkspace,
              path: Path) -> tuple[WorkspaceWindow, SettingsPage]:
    window = make_workspace(path)
    page = window.findChild(SettingsPage, "settingsPage")
    assert page is not None, "the workspace has a Settings tab"
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.fields) and not page.work.busy)
    return window, page


def cli_settings(path: Path) -> dict[str, str]:
    """`pos-prompter settings` as KEY -> shown value."""
    result = run_subprocess("settings", "--db", path)
    assert result.code == 0, result.err
    return {line.split(" = ")[0]: line.split(" = ")[1].split("    #")[0]
            for line in result.out.splitlines()}


def setting_entries(path: Path) -> list[tuple[str, str, object]]:
    with Store.open(path) as store:
        return [(e.actor, e.entity_id, e.after) for e in audit_entries(store, entity="setting")]


def edit(page: SettingsPage, key: str, text: str) -> None:
    field = child(page, QLineEdit, f"setting_{key}")
    field.setText(text)
    field.textEdited.emit(text)


def test_every_setting_with_its_meaning(qtbot: QtBot, make_workspace: MakeWorkspace,
                                        cafe_store_path: Path) -> None:
    _window, page = open_page(qtbot, make_workspace, cafe_store_path)
    for key, meaning in STORE_SETTINGS.items():
        assert child(page, QLabel, f"settingMeaning_{key}").text().lower() == \
            meaning.lower() + "."
    for key in ("rush_scans_per_minute", "backup_every_minutes", "backup_keep_days",
                "leaderboard_min_orders"):
        assert child(page, QLineEdit, f"setting_{key}").isEnabled()
    assert child(page, QLineEdit, "setting_max_prompts_per_order").text() == "2"
    assert child(page, QLineEdit, "setting_rush_scans_per_minute").placeholderText() == \
        "0 (default)"
    assert not child(page, QCheckBox, "setting_leaderboard").isChecked()


def test_a_refusal_by_its_field_saves_nothing(qtbot: QtBot, make_workspace: MakeWorkspace,
                                              cafe_store_path: Path) -> None:
    _window, page = open_page(qtbot, make_workspace, cafe_store_path)
    before = setting_entries(cafe_store_path)
    edit(page, "max_prompts_per_order", "lots")
    edit(page, "rush_scans_per_minute", "20")
    edit(page, "backup_keep_days", "400")
    child(page, QPushButton, "settingsSave").click()
    assert child(page, QLabel, "settingProblem_max_prompts_per_order").text() == \
        "'lots' must be a whole number from 0 to 1,000."
    assert child(page, QLabel, "settingProblem_backup_keep_days").text() == \
        "'400' must be a whole number from 1 to 366."
    assert child(page, QLabel, "settingProblem_max_prompts_per_order").isVisible()
    assert not child(page, QLabel, "settingProblem_rush_scans_per_minute").isVisible()
    assert child(page, QLabel, "settingsMessage").text().startswith("Nothing was saved: 2 ")
    assert not page.work.busy
    assert setting_entries(cafe_store_path) == before
    assert cli_settings(cafe_store_path)["rush_scans_per_minute"] == "0 (default)"
    edit(page, "max_prompts_per_order", "3")
    assert not child(page, QLabel, "settingProblem_max_prompts_per_order").isVisible()


def test_save_guardrails_rush_leaderboard_and_backups(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path) -> None:
    window, page = open_page(qtbot, make_workspace, cafe_store_path)
    edit(page, "max_prompts_per_order", "3")
    edit(page, "rush_scans_per_minute", "20")
    edit(page, "backup_every_minutes", "15")
    child(page, QCheckBox, "setting_leaderboard").setChecked(True)
    with qtbot.waitSignals([page.changed, window.published], timeout=10_000):
        child(page, QPushButton, "settingsSave").click()
    assert child(page, QLabel, "settingsMessage").text().startswith("Saved: ")
    shown = cli_settings(cafe_store_path)
    assert (shown["max_prompts_per_order"], shown["rush_scans_per_minute"],
            shown["leaderboard"], shown["backup_every_minutes"]) == ("3", "20", "True", "15")
    assert shown["backup_keep_days"] == "(not set)"  # untouched: not written
    assert sorted(setting_entries(cafe_store_path)[-4:]) == [
        ("manager", "backup_every_minutes", 15), ("manager", "leaderboard", True),
        ("manager", "max_prompts_per_order", 3), ("manager", "rush_scans_per_minute", 20)]
    assert child(page, QLineEdit, "setting_rush_scans_per_minute").text() == "20"
    with Store.open(cafe_store_path) as store:
        assert store.load_settings().rush_scans_per_minute == 20

    child(page, QPushButton, "settingsSave").click()
    assert child(page, QLabel, "settingsMessage").text() == \
        "Nothing to save: no setting was changed."
