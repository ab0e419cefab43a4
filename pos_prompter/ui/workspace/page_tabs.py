"""The workspace's tabs (`workspaceTabs`), the wide pages in a scroll area of their own:
beside the till on a 1280 px screen the workspace is narrower than its widest pages (the
results, the audit log, 670-690 px), and such a page scrolls sideways rather than widening
the window over the till. (The Rules tab lays itself out for its width: rules_layout.py.)

To whoever uses the tabs, the pages are the tabs' widgets as before: `widget`, `indexOf`,
`currentWidget` and `setCurrentWidget` speak of the pages, not of their scroll areas.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class PageTabs(QTabWidget):
    """A QTabWidget whose pages scroll when the window is narrower (or lower) than they
    need; while it is wide enough, a page fills its tab as before."""

    def add_page(self, page: QWidget, label: str) -> int:
        """Add `page` as a tab titled `label`, in a scroll area (`addTab`: without one);
        its index."""
        area = QScrollArea(self)
        area.setObjectName(f"{page.objectName() or 'page'}Scroll")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)  # the page fills the area, down to its minimum size
        area.setWidget(page)
        return self.addTab(area, label)

    def widget(self, index: int) -> QWidget | None:
        held = super().widget(index)
        return held.widget() if isinstance(held, QScrollArea) else held

    def indexOf(self, page: QWidget) -> int:
        for index in range(self.count()):
            if self.widget(index) is page:
                return index
        return super().indexOf(page)

    def currentWidget(self) -> QWidget:
        page = self.widget(self.currentIndex())
        return page if page is not None else super().currentWidget()

    def setCurrentWidget(self, page: QWidget) -> None:
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            super().setCurrentWidget(page)
