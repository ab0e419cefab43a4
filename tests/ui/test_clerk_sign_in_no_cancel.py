"""The clerk's PIN panel has no Cancel, and Esc does not leave it: it is up only while
nobody is signed in (the start of a shift, or after "Sign out  F2", which has already signed
the clerk out and handed the order over), so there is nothing to go back to. Leaving it would
show a till nobody may sell at, or give the last clerk's till back without their PIN
(docs/decisions.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFrame, QLineEdit
from pytestqt.qtbot import QtBot
from tillwin_helpers import button, child, label_text

from pos_prompter.ui.till_window import TillWindow


def test_esc_leaves_the_pin_panel_up_and_nobody_signed_in(
        qtbot: QtBot, make_till_window: Callable[..., TillWindow],
        cafe_store_path: Path) -> None:
    window = make_till_window(cafe_store_path)            # signed in as clerk
    qtbot.mouseClick(button(window, "signOutButton"), Qt.MouseButton.LeftButton)
    panel = child(window, QFrame, "clerkSignIn")
    pin = child(window, QLineEdit, "clerkPin")
    qtbot.waitUntil(pin.hasFocus)

    qtbot.keyClick(pin, Qt.Key.Key_Escape)

    assert panel.isVisible()
    assert window.till.clerk is None
    assert label_text(window, "clerkName") == "Nobody signed in"
    assert pin.hasFocus()
    texts = [b.text().lower() for b in panel.findChildren(QAbstractButton) if b.isVisible()]
    assert not [t for t in texts if "cancel" in t or "back" in t]
