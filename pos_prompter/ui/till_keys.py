"""The till's keys: F-keys for the clerk's actions and Ctrl+M for the manager, while the till
window is the active one. A prompt's answer keys (F9, F10, Esc) answer only once it could be
read out (answer_gate.py); before that they are ignored, not queued. A key does only what a
button on screen does: Ctrl+M does nothing where the Manager button is hidden (practice
mode)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from pos_prompter.ui.customer_type import KEY as CUSTOMER_KEY

if TYPE_CHECKING:
    from pos_prompter.ui.till_window import TillWindow


def install_keys(window: TillWindow) -> list[QShortcut]:
    """The shortcuts of `window`, connected to its actions; returns them."""
    keys: Sequence[tuple[Qt.Key | QKeyCombination, Callable[[], None]]] = (
        (Qt.Key.Key_F9, answer_key(window, window.accept_prompt)),
        (Qt.Key.Key_F10, answer_key(window, window.decline_prompt)),
        (Qt.Key.Key_Escape, lambda: escape(window)),
        (Qt.Key.Key_F8, window.reopen_declined),
        (Qt.Key.Key_F7, window.void_line),
        (Qt.Key.Key_F4, window.checkout),
        (Qt.Key.Key_F12, window.pay),
        (Qt.Key.Key_F2, window.sign_out),
        (CUSTOMER_KEY, lambda: window.set_customer_type(window.customer_type.next_type())),
        (Qt.Modifier.CTRL | Qt.Key.Key_M, lambda: manager_key(window)),
    )
    shortcuts: list[QShortcut] = []
    for key, slot in keys:
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(slot)
        shortcuts.append(shortcut)
    return shortcuts


def answer_key(window: TillWindow, answer: Callable[[], None]) -> Callable[[], None]:
    """F9/F10/Esc answer only once the prompt could be read out; before, ignored."""
    return lambda: answer() if window.prompt_panel.answerable else window.refocus()


def manager_key(window: TillWindow) -> None:
    """Ctrl+M is the Manager button's key: it opens the sign-in only while that button is
    on the till's screen (not in practice mode); else it does nothing, and says nothing."""
    if window.manager_button.isVisibleTo(window):
        window.open_manager()
    else:
        window.refocus()


def escape(window: TillWindow) -> None:
    """Esc declines the prompt on screen; without one, it clears the scan field."""
    if window.till.prompt is not None:
        answer_key(window, window.decline_prompt)()
    else:
        window.scan_input.setText("")  # no undo step (see TillWindow._on_return)
        window.refocus()
