"""What a finger, a keyboard and an eye need of a till screen (issue 14, point 4), as checks
that list what is wrong: used in test_till_touch.py in this process, and by
till_touch_scaled.py in a process of its own at 200% scaling (QT_SCALE_FACTOR=2 must be
set before the application exists).

- every control a finger uses is at least 44 x 44 px, and has an accessible name (or a
  visible label whose buddy it is);
- every key of the till is written on screen, and every action has a control to tap;
- nothing is clipped (cut by its window or its parent, or narrower than its text needs) or
  lies over another control;
- text and background differ by at least 4.5:1 (WCAG AA), measured on the painted screen.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

FINGER = 44
"""The least width and height of a touch target, in px (logical pixels)."""
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
ALSO_KEYS = {"Esc": "promptDecline"}
"""Keys that are a second way to an action already on a button (Esc declines, as F10)."""


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def shown_controls(window: QWidget, within: QWidget | None = None) -> list[QWidget]:
    """The controls of `window` (of its part `within`, a panel over the rest) a person can
    see now."""
    return [w for w in (within or window).findChildren(QWidget)
            if isinstance(w, CONTROLS) and w.isVisible() and w.window() is window]


def rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def touch_problems(window: QWidget, within: QWidget | None = None) -> list[str]:
    """Controls smaller than a finger, or with no accessible name."""
    problems = []
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel)
               if label.isVisible() and label.buddy() is not None}
    for widget in shown_controls(window, within):
        if widget.width() < FINGER or widget.height() < FINGER:
            problems.append(f"{_name(widget)} is {widget.width()}x{widget.height()} px")
        if not widget.accessibleName().strip() and id(widget) not in buddies:
            problems.append(f"{_name(widget)} has no accessible name")
    return problems


def visible_text(window: QWidget) -> str:
    """All the text on screen: buttons', labels' and fields' placeholders."""
    parts = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, (QAbstractButton, QLabel)):
            parts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            parts.append(widget.placeholderText())
    return "\n".join(parts)


def key_problems(window: QWidget, shortcuts: list[QShortcut]) -> list[str]:
    """Keys nobody can see on screen, or that no visible button also does."""
    problems = []
    text = visible_text(window)
    buttons = [w for w in shown_controls(window) if isinstance(w, QAbstractButton)]
    for shortcut in shortcuts:
        key = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        if key not in text:
            problems.append(f"the key {key} is not written on screen")
            continue
        if key in ALSO_KEYS:
            continue
        if not any(key in b.text() for b in buttons) and not _key_captions(window, key):
            problems.append(f"no button does what {key} does")
    return problems


def _key_captions(window: QWidget, key: str) -> bool:
    """A visible label names `key` beside the buttons it steps through (the customer
    type's "Customer F3" over its type buttons)."""
    for label in window.findChildren(QLabel):
        if label.isVisible() and key in label.text().split():
            parent = label.parentWidget()
            if parent is not None and any(isinstance(w, QAbstractButton) and w.isVisible()
                                          for w in parent.children()):
                return True
    return False


def layout_problems(window: QWidget, within: QWidget | None = None) -> list[str]:
    """Controls and texts cut off, squeezed under what their text needs, or lying over
    one another (where each is in sight: a label scrolled inside its card is not over the
    buttons under the card)."""
    problems = []
    whole = window.rect()
    items = [w for w in (within or window).findChildren(QWidget)
             if w.isVisible() and w.window() is window
             and (isinstance(w, CONTROLS) or (isinstance(w, QLabel) and w.text()))]
    for widget in items:
        place = rect_in(window, widget)
        if not whole.contains(place):
            problems.append(f"{_name(widget)} {place.getRect()} goes past the window")
        parent = widget.parentWidget()
        if (parent is not None and not parent.rect().contains(widget.geometry())
                and not _scrolled(widget)):
            problems.append(f"{_name(widget)} is cut by {_name(parent)}")
        hint = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            hint.setWidth(0)  # a wrapped label is as narrow as its layout makes it
        if widget.width() < hint.width() or widget.height() < min(hint.height(), FINGER):
            problems.append(f"{_name(widget)} is {widget.width()}x{widget.height()}, its "
                            f"text needs {hint.width()}x{hint.height()}")
    controls = [w for w in items if isinstance(w, CONTROLS) or w.objectName()]
    for i, one in enumerate(controls):
        for other in controls[i + 1:]:
            if one.isAncestorOf(other) or other.isAncestorOf(one):
                continue
            if _in_sight(window, one).intersects(_in_sight(window, other)):
                problems.append(f"{_name(one)} and {_name(other)} overlap")
    return problems


def _scrolled(widget: QWidget) -> bool:
    """`widget` is the content of a scroll area (its viewport cuts it on purpose)."""
    parent = widget.parentWidget()
    return parent is not None and parent.objectName() == "qt_scrollarea_viewport"


def _in_sight(window: QWidget, widget: QWidget) -> QRect:
    """The part of `widget` its ancestors leave in sight, in `window`'s coordinates."""
    place = rect_in(window, widget)
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        place = place.intersected(rect_in(window, parent))
        parent = parent.parentWidget()
    return place


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(one: QColor, two: QColor) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def painted_contrast(widget: QWidget, inset: int = 4, part: QRect | None = None) -> float:
    """The contrast of `widget`'s text against its background as painted: the background
    is the commonest colour inside its borders, the text the colour most unlike it (the
    core of a glyph is painted in the text's full colour). `part`: only that rectangle of
    the widget (a row of a table's viewport)."""
    window = widget.window()
    place = rect_in(window, widget)
    if part is not None:
        place = QRect(place.topLeft() + part.topLeft(), part.size())
    image = window.grab(place).toImage().convertToFormat(
        QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio()
    inner = QRect(0, 0, image.width(), image.height()).adjusted(
        *(int(v * ratio) for v in (inset, inset, -inset, -inset)))
    counts: Counter[int] = Counter()
    for y in range(inner.top(), inner.bottom() + 1, 1):
        for x in range(inner.left(), inner.right() + 1, 1):
            counts[image.pixel(x, y)] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast(background, QColor.fromRgb(pixel)) for pixel in counts)


def is_dark(widget: QWidget) -> bool:
    return _luminance(widget.palette().color(widget.backgroundRole())) < 0.2

