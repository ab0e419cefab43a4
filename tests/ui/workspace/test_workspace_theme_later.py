"""Widgets put into the workspace after it is shown take its theme at once (style.NewWidgets):
before, a label or field built later (a page rebuilding part of itself) showed the app's
light palette in the dark theme, black text on the dark page, until the next theme change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from touch_check import is_dark, painted_contrast

from pos_prompter.ui.style import DARK, LIGHT, THEME_ENV
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]
AA = 4.5


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def put_in_later(window: WorkspaceWindow) -> tuple[QLabel, QLineEdit]:
    """A label and a field, built apart and put into the shown Audit log page."""
    page = window.audit_view
    window.tabs.setCurrentWidget(page)
    box = QWidget()
    inner = QVBoxLayout(box)
    label = QLabel("Built after the window was shown", box)
    field = QLineEdit("typed later", box)
    inner.addWidget(label)
    inner.addWidget(field)
    layout = page.layout()
    assert layout is not None
    layout.addWidget(box)
    settle()
    assert label.isVisible()
    assert field.isVisible()
    return label, field


@pytest.mark.parametrize("theme", [DARK, LIGHT])
def test_a_widget_built_after_the_window_is_shown_reads_in_its_theme(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path, theme: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THEME_ENV, theme)
    window = make_workspace(cafe_store_path)
    label, field = put_in_later(window)

    assert is_dark(label) == is_dark(field) == (theme == DARK)
    assert painted_contrast(label, inset=2) >= AA
    assert painted_contrast(field, inset=2) >= AA


def test_a_widget_built_after_a_theme_change_takes_the_new_theme(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THEME_ENV, LIGHT)
    window = make_workspace(cafe_store_path)
    window.store.set_settings({"theme": DARK})
    window.published.emit(window.store.publish_revision())  # as a settings save does
    assert window.theme.theme == DARK
    label, field = put_in_later(window)

    assert is_dark(label)
    assert is_dark(field)
    assert painted_contrast(label, inset=2) >= AA
