"""statusMessage as a line of fixed height, so the buttons around it never move.

A message that wrapped to a second or third line made the row under the order taller, and
Checkout, Pay, Remove line and Manager moved up by 14-33 px (and more at 800 px wide) while a
finger was on its way. The label is now always two lines tall, empty or not; what does not
fit in two lines ends in an ellipsis on screen, while `text()`, the tooltip and the
accessible name keep the whole message.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LINES = 2
"""How many lines of text the message has room for."""


def fit_lines(text: str, font: QFont, width: int, lines: int = LINES) -> list[str]:
    """`text` wrapped at word boundaries into at most `lines` lines of `width` pixels; the
    last line ends in an ellipsis when the rest does not fit."""
    if not text or width <= 0:
        return [text] if text else []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if len(spans) <= lines:
        return [text[start:start + length].rstrip() for start, length in spans]
    shown = [text[start:start + length].rstrip() for start, length in spans[:lines - 1]]
    rest = text[spans[lines - 1][0]:].replace("\n", " ")
    shown.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return shown


class StatusLine(QLabel):
    """A plain-text, word-wrapped label exactly `LINES` lines tall (objectName given)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # The height follows the font (style sheets set it when polished), never the text.
    def hasHeightForWidth(self) -> bool:
        return False

    def _box_height(self) -> int:
        self.ensurePolished()  # the style sheet's font, border and padding
        chrome = self.rect().height() - self.contentsRect().height()
        return LINES * self.fontMetrics().lineSpacing() + chrome

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), max(self._box_height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        return QSize(80, max(self._box_height(), self.minimumHeight()))

    def shown_lines(self) -> list[str]:
        """The lines as painted: two at most, the second elided when the text is longer."""
        return fit_lines(self.text(), self.font(), self.contentsRect().width())

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleName(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.drawFrame(painter)  # background and border of the style sheet's level
        rect = self.contentsRect()
        text = "\n".join(self.shown_lines())
        if not self.isEnabled():  # the style's own disabled look (etched or dithered)
            self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(),
                                      False, text, self.foregroundRole())
        elif text:
            # What QStyle.drawItemText does with enabled text, without asking for the style:
            # its Python type (and eleven enum types), made at the till's first paint, cost
            # ~5 ms of the cold start (issue 14.2). The pen is changed, not made:
            # QPen(brush, width)'s overloads make QGradient's and QImage's types.
            pen = painter.pen()
            pen.setBrush(self.palette().brush(self.foregroundRole()))
            painter.setPen(pen)
            painter.drawText(rect, int(self.alignment()), text)
        painter.end()
