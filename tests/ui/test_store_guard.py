"""The till's watch over its store (app.guard_store, ui.store_guard): backed up beside it
once the window is up, and a store damaged for real (damage_support) found after the first
paint: a message offering the latest good backup, the damaged file left byte for byte as it
was, then put aside by the restore."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from damage_support import damage_page, digest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from pos_prompter import app as till_app
from pos_prompter.practice.practice_store import ensure_practice_store
from pos_prompter.store.backup import auto_backup, check_store, latest_good_backup
from pos_prompter.ui.store_guard import StoreGuard
from pos_prompter.ui.till_window import TillWindow


def _box(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name \
                and widget.isVisible():
            return widget
    return None


def _click(box: QMessageBox, name: str, qtbot: QtBot) -> None:
    button = box.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _first_backup(qtbot: QtBot, qapp: QApplication,
                  window: TillWindow) -> tuple[StoreGuard, Path]:
    """The app's guard over `window`'s store, and the path of the backup it makes first."""
    guard = till_app.guard_store(qapp, window, window.till.store, done=lambda: None)
    assert guard is not None
    with qtbot.waitSignal(guard.backed_up, timeout=20_000) as made:
        pass
    backup = made.args[0]
    assert backup is not None
    return guard, backup.path


def test_an_intact_store_is_backed_up_beside_it_once_the_window_is_up(
        qtbot: QtBot, qapp: QApplication, make_till_window: object,
        cafe_store_path: Path) -> None:
    window: TillWindow = make_till_window(cafe_store_path)  # type: ignore[operator]
    guard, backup = _first_backup(qtbot, qapp, window)
    assert backup.parent == cafe_store_path.with_name("store.backups")
    assert check_store(backup) == []
    assert latest_good_backup(cafe_store_path) == backup
    assert _box("storeDamaged") is None
    assert guard.timer.isActive()
    assert guard.timer.interval() == 30 * 60_000  # the default, backup_every_minutes


def test_a_damaged_store_is_offered_its_latest_good_backup_and_never_written(
        qtbot: QtBot, qapp: QApplication, make_till_window: object,
        cafe_store_path: Path) -> None:
    good = auto_backup(cafe_store_path, 7)
    assert good is not None
    damage_page(cafe_store_path, "order_lines", nth=10)  # past sales: the window opens
    damaged = digest(cafe_store_path)
    window: TillWindow = make_till_window(cafe_store_path)  # type: ignore[operator]
    ended: list[bool] = []
    guard = till_app.guard_store(qapp, window, window.till.store,
                                 done=lambda: ended.append(True))
    assert guard is not None

    with qtbot.waitSignal(guard.damaged, timeout=20_000) as found:
        pass
    box = _box("storeDamaged")
    assert box is not None
    assert "order_lines" in found.args[0]
    assert f"{cafe_store_path} is damaged" in box.text()
    assert good.path.name in box.text()
    assert box.windowModality() == Qt.WindowModality.ApplicationModal
    assert not guard.timer.isActive()  # no more backups of a damaged store
    assert digest(cafe_store_path) == damaged
    assert not ended

    _click(box, "restoreBackup", qtbot)
    qtbot.waitUntil(lambda: _box("storeRestored") is not None)
    told = _box("storeRestored")
    assert told is not None
    kept = [p for p in cafe_store_path.parent.iterdir() if p.name.startswith("store.damaged-")]
    assert len(kept) == 1
    assert digest(kept[0]) == damaged
    assert str(kept[0]) in told.text()
    assert check_store(cafe_store_path) == []
    told.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: ended == [True])


def test_quit_on_a_damaged_store_leaves_it_as_it_was(
        qtbot: QtBot, qapp: QApplication, make_till_window: object,
        cafe_store_path: Path) -> None:
    damage_page(cafe_store_path, "order_lines", nth=10)
    damaged = digest(cafe_store_path)
    window: TillWindow = make_till_window(cafe_store_path)  # type: ignore[operator]
    ended: list[bool] = []
    guard = till_app.guard_store(qapp, window, window.till.store,
                                 done=lambda: ended.append(True))
    assert guard is not None
    qtbot.waitUntil(lambda: _box("storeDamaged") is not None, timeout=20_000)
    box = _box("storeDamaged")
    assert box is not None
    assert box.findChild(QPushButton, "restoreBackup") is None  # no backup beside it
    assert "no automatic backup" in box.text()
    _click(box, "quitTill", qtbot)
    qtbot.waitUntil(lambda: ended == [True])
    assert digest(cafe_store_path) == damaged
    assert sorted(p.name for p in cafe_store_path.parent.iterdir()
                  if not p.name.startswith("store.db")) == []


def test_practice_mode_backs_the_practice_store_up_beside_itself(
        qtbot: QtBot, qapp: QApplication, make_till_window: object,
        cafe_store_path: Path) -> None:
    """The trainees' scored runs live in the practice store only: it is backed up as the
    real store is, into its own NAME.backups/, and the real store is left alone."""
    practice = ensure_practice_store(cafe_store_path)
    window: TillWindow = make_till_window(practice, training=True)  # type: ignore[operator]
    _guard, backup = _first_backup(qtbot, qapp, window)
    assert backup.parent == practice.with_name(f"{practice.stem}.backups")
    assert check_store(backup) == []
    assert latest_good_backup(practice) == backup
    assert latest_good_backup(cafe_store_path) is None
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT value FROM settings WHERE key = 'training'"
                            ).fetchone() == ("true",)
    copy.close()
