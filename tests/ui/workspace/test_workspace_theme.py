"""The workspace in the till's light and dark themes (issue 14, point 4): chosen by the same
rule (the store's setting, POS_PROMPTER_THEME, the system's scheme, followed live), and
every text a manager reads at 4.5:1 (WCAG AA) or more on its painted background, on every
page (the Results charts: test_workspace_theme_charts.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot
from touch_check import _in_sight, is_dark, painted_contrast, rect_in
from workspace_helpers import MANAGER

from pos_prompter.ui.style import DARK, LIGHT, THEME_ENV
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]
MakeTill = Callable[..., TillWindow]
LOAD_TIMEOUT = 20_000
AA = 4.5


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def low_texts(window: WorkspaceWindow, page: QWidget) -> dict[str, float]:
    """The labels, buttons and table rows in sight on `page` whose text reads under 4.5:1."""
    low = {}
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window or widget.height() < 12:
            continue
        if _in_sight(window, widget) != rect_in(window, widget):
            continue  # scrolled out of sight (or partly): measured where it is in sight
        if isinstance(widget, (QLabel, QAbstractButton)):
            if not widget.text().strip() or not widget.isEnabled():
                continue
            ratio = painted_contrast(widget, inset=2)
        elif isinstance(widget, QTableView) and widget.model().rowCount() > 0:
            row = widget.visualRect(widget.model().index(0, 0))
            part = QRect(0, row.top(), widget.viewport().width(), row.height())
            ratio = painted_contrast(widget.viewport(), 1, part)
        else:
            continue
        if ratio < AA:
            low[f"{type(widget).__name__} {widget.objectName()} {widget.text()[:30]!r}"
                if not isinstance(widget, QTableView) else widget.objectName()] = round(
                    ratio, 2)
    return low


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_every_page_reads_at_4_5_to_1_in_both_themes(
        qtbot: QtBot, make_workspace: MakeWorkspace, history_path: Path, theme: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THEME_ENV, theme)
    window = make_workspace(history_path)
    assert window.theme.theme == theme
    assert is_dark(window.centralWidget()) == (theme == DARK)
    low = {}
    tabs = window.tabs
    for at in range(tabs.count()):
        page = tabs.widget(at)
        view = window.report_view
        if page is view or page.isAncestorOf(view):  # Results: wait for its report
            with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
                tabs.setCurrentIndex(at)
        else:
            tabs.setCurrentIndex(at)
        settle()
        low.update({f"{tabs.tabText(at)}: {name}": ratio
                    for name, ratio in low_texts(window, page).items()})
    tab_bar = tabs.tabBar()
    low.update({f"tab {i}": round(painted_contrast(tab_bar, 2, tab_bar.tabRect(i)), 2)
                for i in range(tabs.count())
                if painted_contrast(tab_bar, 2, tab_bar.tabRect(i)) < AA})
    assert low == {}


def test_the_workspace_follows_the_system_unless_told(
        qtbot: QtBot, make_workspace: MakeWorkspace, cafe_store_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(THEME_ENV, raising=False)
    window = make_workspace(cafe_store_path)
    central = window.centralWidget()
    hints = QApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    settle()
    assert window.theme.theme == DARK
    assert is_dark(central)
    assert not low_texts(window, window.rule_list)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    settle()
    assert window.theme.theme == LIGHT
    assert not is_dark(central)
    monkeypatch.setenv(THEME_ENV, "dark")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.theme.theme == DARK
    window.store.set_settings({"theme": "light"})  # the store's setting wins over both
    window.published.emit(window.store.publish_revision())  # as a settings save does
    assert window.theme.theme == LIGHT
    assert not is_dark(central)


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_opened_from_the_till_it_reads_in_the_tills_theme(
        qtbot: QtBot, make_till_window: MakeTill, cafe_store_path: Path, theme: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The till's sheet reaches the workspace (its child window): it does not mix."""
    monkeypatch.setenv(THEME_ENV, theme)
    till = make_till_window(cafe_store_path)
    person = till.staff.get(MANAGER)
    assert person is not None
    with qtbot.waitSignal(till.workspace_opened, timeout=LOAD_TIMEOUT) as opened:
        till.open_workspace(person)
    window = opened.args[0]
    qtbot.waitUntil(window.isVisible)
    settle()
    assert till.theme == window.theme.theme == theme
    assert is_dark(window.centralWidget()) == (theme == DARK)
    low = {}
    for at in (0, window.tabs.count() - 2, window.tabs.count() - 1):  # rules, settings, catalog
        window.tabs.setCurrentIndex(at)
        settle()
        low.update({f"{window.tabs.tabText(at)}: {name}": ratio
                    for name, ratio in low_texts(window, window.tabs.widget(at)).items()})
    assert low == {}
