"""The small widgets the screens share (ui.widgets), as a clerk or manager meets them: text
shown literally, touch buttons that never take the scan field's focus nor Enter, optional
dates that read "any", a title cut with an ellipsis, a file chooser that does not block."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from pos_prompter.ui.widgets import (
    TOUCH_HEIGHT,
    ElidedLabel,
    dialog_button,
    edit_day,
    open_file_chooser,
    optional_date_edit,
    plain_label,
    set_edit_day,
    touch_button,
)


def test_a_managers_text_is_shown_literally(qtbot: QtBot) -> None:
    label = plain_label("promptSay")
    qtbot.addWidget(label)
    label.setText("<b>Two</b> for $5 & more")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>Two</b> for $5 & more"
    assert label.wordWrap()
    assert not plain_label("title", wrap=False).wordWrap()


def test_a_tap_on_a_touch_button_leaves_the_scan_field_its_focus(qtbot: QtBot) -> None:
    screen = QWidget()
    qtbot.addWidget(screen)
    layout = QVBoxLayout(screen)
    scan = QLineEdit(screen)
    button = touch_button("Accept  F9", "promptAccept", screen)
    layout.addWidget(scan)
    layout.addWidget(button)
    with qtbot.waitExposed(screen):
        screen.show()
    screen.activateWindow()
    scan.setFocus()
    qtbot.waitUntil(scan.hasFocus)
    with qtbot.waitSignal(button.clicked):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert scan.hasFocus()
    assert button.minimumHeight() == TOUCH_HEIGHT
    assert not button.autoDefault()
    assert not button.isDefault()


def test_enter_in_a_field_does_not_press_a_dialog_button(qtbot: QtBot) -> None:
    box = QDialog()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    pressed: list[bool] = []
    field = QLineEdit(box)
    button = dialog_button("Delete", "deleteButton", box, lambda: pressed.append(True))
    layout.addWidget(field)
    layout.addWidget(button)
    with qtbot.waitExposed(box):
        box.show()
    box.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert pressed == []
    assert box.isVisible()
    button.click()
    assert pressed == [True]


def test_an_optional_date_reads_any_until_one_is_chosen(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    edit = optional_date_edit("since", parent)
    assert edit_day(edit) is None
    assert edit.text() == "any"
    set_edit_day(edit, dt.date(2026, 11, 23))
    assert edit_day(edit) == dt.date(2026, 11, 23)
    assert edit.text() == "2026-11-23"
    set_edit_day(edit, None)
    assert edit_day(edit) is None


def test_a_long_title_ends_in_an_ellipsis_and_keeps_the_whole_in_its_tooltip(
        qtbot: QtBot) -> None:
    label = ElidedLabel("promptTitle")
    qtbot.addWidget(label)
    title = "Breakfast deal, coffee and croissant (mornings only, while they last)"
    label.resize(1000, 30)
    with qtbot.waitExposed(label):
        label.show()
    label.set_full_text(title)
    assert label.text() == title
    label.resize(80, 30)
    assert label.text().endswith("…")
    assert len(label.text()) < len(title)
    assert label.full_text == title
    assert label.toolTip() == title


def test_the_file_chooser_does_not_block_and_says_what_was_picked(
        qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen: list[Path] = []
    closed: list[bool] = []
    target = tmp_path / "catalog.csv"
    target.write_text("sku,name,price\n")
    dialog = open_file_chooser(parent, "importChooser", "Import a catalog", "CSV (*.csv)",
                               chosen.append, lambda: closed.append(True))
    assert dialog.isVisible(), "open(), not exec(): the test goes on while it is shown"
    assert dialog.objectName() == "importChooser"
    dialog.selectFile(str(target))
    dialog.accept()
    assert chosen == [target]
    assert closed == [True]
