"""The rule editor's two panes, the form and its preview, in one splitter: beside each other
when there is room for both uncut, else the preview under the form (then with the card
above the sample order)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QStyle, QWidget

from pos_prompter.ui.workspace.preview import RulePreview

MIN_PANE = 180
"""The form and the preview never get narrower (or, stacked, lower) than this."""
STACKED_SHARES = (1, 1)
"""How the form and the preview under it share the editor's height at first."""
CARD_FIRST_BELOW = 600
"""An editor lower than this shows the preview's card above its sample order even beside
the form (the list above it at 1024x768): Accept and Decline without scrolling."""


class PaneSplitter(QSplitter):
    """`form` (whose scroll area is `form_scroll`) and `preview` (in `preview_scroll`),
    object name "editorSplitter". `arrange` puts them beside or under each other; beside,
    they share the width as the manager last did (`set_pane_sizes`, or dragging the
    handle), but neither gets less than it needs (`pane_widths`)."""

    def __init__(self, form: QWidget, form_scroll: QScrollArea, preview: RulePreview,
                 preview_scroll: QScrollArea, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("editorSplitter")
        self.setChildrenCollapsible(False)
        self.form_scroll = form_scroll
        self.preview = preview
        self.addWidget(form)
        self.addWidget(preview_scroll)
        self.setStretchFactor(0, 3)  # a wider editor widens the form most
        self.setStretchFactor(1, 1)
        for pane in (form, preview_scroll):
            pane.setMinimumSize(MIN_PANE, MIN_PANE)
        self._beside_sizes: list[int] | None = None
        """How the manager (or their saved layout) shares the width between the form and
        the preview beside it; None: the default share."""
        self.splitterMoved.connect(self._panes_moved)

    def pane_widths(self) -> tuple[int, int]:
        """How wide the form and the preview must be, side by side, for neither of them
        to be cut (or scroll sideways)."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        content = self.form_scroll.widget()
        form = (content.minimumSizeHint().width() if content is not None else 0) + bar
        return form, self.preview.column_width() + bar

    def arrange(self, room: int, height: int) -> None:
        """Arrange the panes in `room` px of width (the handle's left out), in an editor
        `height` px high."""
        form, preview = self.pane_widths()
        beside = room >= form + preview
        orientation = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if self.orientation() != orientation:
            self.setOrientation(orientation)
            if not beside:
                self.setSizes(list(STACKED_SHARES))
        # Under the form, or beside it in a low editor, the card comes before the sample.
        self.preview.set_card_first(not beside or height < CARD_FIRST_BELOW)
        if not beside:
            return
        share = self._beside_sizes
        if share is None:  # the preview gets what it needs, and a quarter of the rest
            first = room - preview - (room - form - preview) // 4
        else:  # as the manager shared it, in proportion
            first = room * share[0] // max(1, sum(share))
        first = max(form, min(first, room - preview))
        if self.sizes() != [first, room - first]:
            self.setSizes([first, room - first])

    def set_pane_sizes(self, sizes: Sequence[int]) -> None:
        """Share the width between the form and the preview beside it as the manager
        left it (last time), instead of the default share."""
        self._beside_sizes = list(sizes)
        if self.orientation() == Qt.Orientation.Horizontal:
            self.setSizes(self._beside_sizes)

    def _panes_moved(self, _pos: int, _index: int) -> None:
        if self.orientation() == Qt.Orientation.Horizontal:
            self._beside_sizes = self.sizes()
