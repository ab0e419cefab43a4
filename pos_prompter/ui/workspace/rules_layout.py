"""The Rules tab's layout: the rule list beside the editor when both fit, else above it.

Beside a 440 px rule list, a workspace 1024 px wide left the editor too narrow for its
preview beside the form: the preview went under it and the form was some 260 px tall, with
the card's buttons at the fold. When the list and an editor with its preview beside the
form do not fit side by side, but the editor alone does, the list goes above the editor
(LIST_HEIGHT, a few rows; it scrolls) and the editor gets the whole width: form and
preview side by side, the form some 370 px tall at 1024x768. Narrower still, the list
stays beside, as before (above it, the editor would be no wider for its preview and much
lower), as long as the list and the editor fit beside each other at all; where they do not
(a workspace beside the till on a 1280 px screen, 472 px wide), the list goes above.

The list's own width beside the editor is kept, and comes back when there is room again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from pos_prompter.ui.workspace.rule_editor import RuleEditor

LIST_HEIGHT = 190
"""The list's height above the editor: its filters and four or five rows."""


class RulesLayout(QObject):
    """Arranges `splitter` (the rule list, then the editor) on each of its resizes."""

    def __init__(self, splitter: QSplitter, rule_list: QWidget, editor: RuleEditor) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.rule_list = rule_list
        self.editor = editor
        self._beside_sizes: list[int] | None = None
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            try:
                self.arrange(self.splitter.width())
            except RuntimeError:  # being destroyed: nothing may raise out of a Qt virtual
                return False
        return False

    def list_above(self, width: int) -> bool:
        """Whether, `width` px wide, the list goes above the editor."""
        handle = self.splitter.handleWidth()
        beside = self.rule_list.minimumSizeHint().width() + handle
        editor = self.editor.side_by_side_width()
        cramped = width < beside + self.editor.minimumSizeHint().width()
        return beside + editor > width >= editor or cramped

    def arrange(self, width: int) -> None:
        above = self.list_above(width)
        orientation = Qt.Orientation.Vertical if above else Qt.Orientation.Horizontal
        if self.splitter.orientation() == orientation:
            return
        if above:
            self._beside_sizes = self.splitter.sizes()
        self.splitter.setOrientation(orientation)
        if above:
            total = max(self.splitter.height(), LIST_HEIGHT * 3)
            self.splitter.setSizes([LIST_HEIGHT, total - LIST_HEIGHT])
        elif self._beside_sizes is not None:
            self.splitter.setSizes(self._beside_sizes)
