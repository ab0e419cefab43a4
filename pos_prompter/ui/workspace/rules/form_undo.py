"""Undo and redo for the rule form: one `FieldEdit` per change of one field (consecutive
typing in one text field merges into one step), and the keys that reach the form's undo
stack from inside a text field (`UndoKeys`, `undo_actions`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QToolButton, QWidget

from pos_prompter.i18n import translate

TYPING_ID = 0x7275
"""QUndoCommand id shared by typing edits: consecutive ones in one field merge."""

REDO_EXTRA = QKeySequence("Ctrl+Shift+Z")
"""Redo's key besides the platform's own (Ctrl+Y on some)."""


class FieldEdit(QUndoCommand):
    """One change of field `key`, from `old` to `new`; `apply(key, value)` puts a value
    back in the form. `merge`: typing, which merges with the next typing in the field."""

    def __init__(self, apply: Callable[[str, Any], None], label: str, key: str, old: Any,
                 new: Any, *, merge: bool) -> None:
        super().__init__(translate("editor", "change {field}").format(field=label))
        self._apply = apply
        self.key = key
        self.old = old
        self.new = new
        self._merge = merge

    def id(self) -> int:
        return TYPING_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.key != self.key or not other._merge:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self._apply(self.key, self.new)

    def undo(self) -> None:
        self._apply(self.key, self.old)


class UndoKeys(QObject):
    """Keeps Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) for the form's undo stack: a text field would
    otherwise take them for its own undo, which knows nothing of the other fields."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or QKeySequence(event.keyCombination()) == REDO_EXTRA):
            return True  # left unaccepted: the editor's shortcut gets the key
        return super().eventFilter(watched, event)


def undo_actions(stack: QUndoStack, widget: QWidget) -> tuple[QAction, QAction]:
    """Undo and Redo actions for `stack`, added to `widget`, whose shortcuts (Ctrl+Z,
    Ctrl+Shift+Z and the platform's redo) work while the focus is inside it."""
    undo = stack.createUndoAction(widget, translate("editor", "Undo"))
    undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    redo_keys = [REDO_EXTRA]
    redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                  if k not in redo_keys]
    redo = stack.createRedoAction(widget, translate("editor", "Redo"))
    redo.setShortcuts(redo_keys)
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
    return undo, redo


def tool_button(action: QAction, object_name: str, parent: QWidget) -> QToolButton:
    """A text-only button for `action`."""
    button = QToolButton(parent)
    button.setObjectName(object_name)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
