"""The red banner while a manager still signs in with a published demo password
(ui.workspace.demo_banner): it names them, says why it matters, and offers the change. The
workspace showing and hiding it: test_workspace_window.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pos_prompter.ui.workspace.demo_banner import DemoPasswordBanner


def test_the_banner_names_the_manager_and_offers_the_change(qtbot: QtBot) -> None:
    banner = DemoPasswordBanner("manager")
    qtbot.addWidget(banner)
    text = banner.findChild(QLabel, "demoPasswordText")
    assert text is not None
    assert text.text() == ("manager still signs in with the published demo password. Anyone "
                           "can look it up: change it before the store goes live.")
    assert text.textFormat() == Qt.TextFormat.PlainText
    button = banner.findChild(QPushButton, "changePasswordButton")
    assert button is banner.change_password_button
    assert button.text() == "Change password…"


def test_a_name_that_looks_like_markup_is_shown_as_typed(qtbot: QtBot) -> None:
    banner = DemoPasswordBanner("<b>boss</b>")
    qtbot.addWidget(banner)
    text = banner.findChild(QLabel, "demoPasswordText")
    assert text is not None
    assert text.text().startswith("<b>boss</b> still signs in")
    assert text.textFormat() == Qt.TextFormat.PlainText

