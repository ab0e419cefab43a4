"""The till's keys (till_keys.py): each of the clerk's F-keys and Ctrl+M once, for the till
window only and without auto-repeat (a key held down is one press), and Esc with no prompt
up clears what was typed into the scan field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot
from tillwin_helpers import press, scan_field

from pos_prompter.ui.till_window import TillWindow

MakeWindow = Callable[..., TillWindow]
CLERK_KEYS = ("F9", "F10", "Esc", "F8", "F7", "F4", "F12", "F2", "F3", "Ctrl+M")


def test_each_key_once_for_the_till_window_without_auto_repeat(
        make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    keys = [s.key().toString(QKeySequence.SequenceFormat.PortableText)
            for s in window.shortcuts]
    assert sorted(keys) == sorted(CLERK_KEYS)
    for shortcut in window.shortcuts:
        assert shortcut.context() == Qt.ShortcutContext.WindowShortcut
        assert not shortcut.autoRepeat()
        assert shortcut.parent() is window


def test_esc_without_a_prompt_clears_the_scan_field(
        qtbot: QtBot, make_till_window: MakeWindow, cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)
    field = scan_field(window)
    qtbot.keyClicks(field, "21000")
    assert window.till.prompt is None
    press(qtbot, window, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert field.hasFocus()
