"""A scroll area's viewport made in Python, so the till's start never asks Qt for its own.

Asking a scroll area for the viewport Qt made (`viewport()`) makes PySide6 find that
widget's Python type: not knowing it, shiboken makes every class of QtWidgets and their enum
types (QWizard's, QMdiArea's, QFileDialog's...), ~20 ms of the till's cold start (issue
14.2, bench/README.md). A viewport made here is a plain QWidget PySide6 already knows, set
as Qt's own is set up (its object name, background and fill), so it looks and behaves the
same; keep the returned widget wherever the viewport is needed (filters, touch scrolling).
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

VIEWPORT_NAME = "qt_scrollarea_viewport"
"""The object name Qt gives the viewport it makes."""


def own_viewport(area: QAbstractScrollArea,
                 background: QPalette.ColorRole | None = None) -> QWidget:
    """Give `area` a viewport made here, set up as Qt's own, and return it.

    `background` is the role the area's class gives its viewport (an item view's is
    `Base`; a QScrollArea leaves it unset). Call it before anything is put in the viewport
    (a QScrollArea's widget): Qt deletes the viewport it replaces."""
    viewport = QWidget()
    viewport.setObjectName(VIEWPORT_NAME)
    if background is not None:
        viewport.setBackgroundRole(background)
    viewport.setAutoFillBackground(True)
    area.setViewport(viewport)
    return viewport
