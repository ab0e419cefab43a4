"""Small widget makers the till screens share: plain-text labels and touch buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from pos_prompter.i18n import translate

if TYPE_CHECKING:  # imported where used: PySide6 makes a type (and its enum types) when it
    # is first named, and the till's first screen has no date edit or file chooser
    from PySide6.QtWidgets import QDateEdit, QFileDialog

TOUCH_HEIGHT = 56
"""Minimum height of a button a finger must hit while a queue waits."""


def plain_label(object_name: str, parent: QWidget | None = None, *,
                wrap: bool = True) -> QLabel:
    """A label that shows its text literally. QLabel guesses rich text by default (a rule's
    "<b>" would turn bold); text that managers write is never rich text."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    label.setWordWrap(wrap)
    return label


def touch_button(text: str, object_name: str, parent: QWidget | None = None) -> QPushButton:
    """A big button that a tap presses without taking the focus from the scan field, and
    that Enter never presses (not a default button)."""
    button = QPushButton(parent)  # (text, parent)'s overloads make QIcon's type: start-up
    button.setText(text)
    button.setObjectName(object_name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoDefault(False)
    button.setDefault(False)
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAccessibleName(accessible_name(text))
    return button


def accessible_name(text: str) -> str:
    """What a screen reader says for a button labelled `text`: its words without the key
    ("Pay  F12" -> "Pay"; the key is the button's shortcut)."""
    words = text.split("  ")[0].replace("\N{HORIZONTAL ELLIPSIS}", "").strip()
    return words or text.strip()


def dialog_button(text: str, object_name: str, parent: QWidget,
                  slot: Callable[[], object] | None = None) -> QPushButton:
    """A button of a dialog or panel that Enter never presses (not a default button):
    Enter belongs to the fields. `slot` runs when it is clicked."""
    button = QPushButton(text, parent)
    button.setObjectName(object_name)
    button.setAutoDefault(False)
    button.setDefault(False)
    if slot is not None:
        button.clicked.connect(lambda _checked=False: slot())
    return button


NO_DATE = QDate(2000, 1, 1)
"""What an optional date edit shows as "any": no bound."""


def optional_date_edit(name: str, parent: QWidget) -> QDateEdit:
    """A date edit for a filter or range bound, reading "any" until a date is chosen."""
    from PySide6.QtWidgets import QDateEdit

    from pos_prompter.i18n.formats import locale  # here: the till's first screen needs none

    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setLocale(locale())  # its calendar's months and days in the window's words
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(translate("widgets", "any"))
    edit.setDate(NO_DATE)
    return edit


def edit_day(edit: QDateEdit) -> dt.date | None:
    """The day an optional date edit shows (None: "any")."""
    value = edit.date()
    return None if value == edit.minimumDate() else dt.date(value.year(), value.month(),
                                                                value.day())


def set_edit_day(edit: QDateEdit, day: dt.date | None) -> None:
    """Show `day` in an optional date edit (None: "any")."""
    edit.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))


class ElidedLabel(QLabel):
    """A one-line plain-text label that ends in an ellipsis when it is too narrow, rather
    than being cut mid-letter; the whole text is in `full_text` and the tooltip."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    @property
    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        if text == self._full:
            return  # the same prompt title again: nothing to re-measure or re-post
        self._full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                   max(self.width(), 0)))


def open_file_chooser(parent: QWidget, object_name: str, title: str, filters: str,
                      on_chosen: Callable[[Path], None], on_closed: Callable[[], None], *,
                      save_as: str | None = None, suffix: str = "") -> QFileDialog:
    """Ask for a file without blocking the window (`open()`, never `exec()`): a file to
    read, or with `save_as` (the suggested name) one to write. `on_chosen(path)` runs when
    one is picked, `on_closed()` when the chooser closes either way."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, save_as or "", filters)
    dialog.setObjectName(object_name)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if save_as is None:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
    dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
    dialog.finished.connect(lambda _result: on_closed())
    dialog.open()
    return dialog
