"""The manager's sign-in box in the till's light and dark themes: chosen by the same rule
as the till and the workspace (the store's `theme` setting, POS_PROMPTER_THEME, the system's
scheme, followed while it is open), and every text in it, its refusal too, at 4.5:1
(WCAG AA) or more on its painted background. It used to keep the app's light palette under
the dark till, with a dark red message on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from tillwin_helpers import child
from touch_check import is_dark, painted_contrast
from workspace_helpers import MANAGER, open_sign_in

from pos_prompter.ui.style import DARK, LIGHT, THEME_ENV
from pos_prompter.ui.till_window import TillWindow

MakeTill = Callable[..., TillWindow]
AA = 4.5


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def low_texts(dialog: QWidget) -> dict[str, float]:
    """The labels, buttons and fields in the box whose text reads under 4.5:1."""
    low = {}
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QLabel, QAbstractButton,
                                                             QLineEdit)):
            continue
        if not widget.text().strip():
            continue
        ratio = painted_contrast(widget, inset=3)
        if ratio < AA:
            low[f"{type(widget).__name__} {widget.objectName()}"] = round(ratio, 2)
    return low


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_the_sign_in_box_reads_at_4_5_to_1_in_the_tills_theme(
        qtbot: QtBot, make_till_window: MakeTill, cafe_store_path: Path, theme: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THEME_ENV, theme)
    till = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, till)
    child(dialog, QLineEdit, "signInName").setText(MANAGER)
    child(dialog, QLineEdit, "signInPassword").setFocus()
    qtbot.keyClick(child(dialog, QLineEdit, "signInPassword"), Qt.Key.Key_Return)
    assert child(dialog, QLabel, "signInMessage").text() == "Type your password."
    settle()

    assert till.theme == theme
    assert is_dark(dialog) == (theme == DARK)
    assert is_dark(child(dialog, QLineEdit, "signInName")) == (theme == DARK)
    assert low_texts(dialog) == {}
    dialog.reject()


def test_the_sign_in_box_follows_the_system_while_open(
        qtbot: QtBot, make_till_window: MakeTill, cafe_store_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(THEME_ENV, raising=False)
    till = make_till_window(cafe_store_path)
    dialog = open_sign_in(qtbot, till)
    hints = QApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    settle()
    assert till.theme == DARK
    assert is_dark(dialog)
    assert low_texts(dialog) == {}
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    settle()
    assert not is_dark(dialog)
    assert low_texts(dialog) == {}
    dialog.reject()
