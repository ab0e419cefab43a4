"""The Results charts in the workspace's light and dark themes (issue 14, point 4): painted
on the theme's background, their title and axis texts at 4.5:1 (WCAG AA) or more."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from touch_check import contrast, painted_contrast

from pos_prompter.ui.charts import DARK_BACKGROUND, BarChart
from pos_prompter.ui.style import DARK, LIGHT, THEME_ENV
from pos_prompter.ui.workspace.window import WorkspaceWindow

MakeWorkspace = Callable[..., WorkspaceWindow]
LOAD_TIMEOUT = 20_000
AA = 4.5


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_the_results_charts_paint_in_the_theme(
        qtbot: QtBot, make_workspace: MakeWorkspace, history_path: Path, theme: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THEME_ENV, theme)
    window = make_workspace(history_path)
    view = window.report_view
    at = next(i for i in range(window.tabs.count())
              if window.tabs.widget(i) is view or window.tabs.widget(i).isAncestorOf(view))
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        window.tabs.setCurrentIndex(at)
    settle()
    charts = view.findChildren(BarChart)
    assert len(charts) == 3
    for chart in charts:
        assert chart.isVisible(), chart.objectName()
        assert chart.bars, chart.objectName()
        image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        corner = QColor.fromRgb(image.pixel(2, image.height() - 2))
        assert (corner == QColor(DARK_BACKGROUND)) == (theme == DARK), chart.objectName()
        plot = chart.chart_geometry().plot
        axis = QRect(0, int(plot.top()), int(plot.left()) - 2, int(plot.height()))
        title = QRect(0, 0, chart.width(), int(plot.top()) - 2)
        for name, part in (("y axis", axis), ("title", title)):
            assert painted_contrast(chart, 0, part) >= AA, (chart.objectName(), name)
        assert contrast(chart.colors.text, chart.colors.background) >= AA
        assert contrast(chart.colors.axis, chart.colors.background) >= AA
