"""The clerk's sign-in at the till: a panel over the till window (never a dialog) with the
active clerks' names as big rows, a PIN field and a touch keypad.

At the start of a shift, and after "Sign out  F2" (a hand-over), the panel covers the till
until a clerk signs in with their PIN; an open order waits underneath for whoever signs in
next. The keyboard works as well as the keypad: digits go into the PIN, Enter signs in,
Up and Down choose the name.

The PIN is checked as the manager's password is (ui/workspace/sign_in.py): in a worker
thread (`ui.jobs.StoreJob`) on a store connection of its own, because hashing takes ~0.4 s;
the store counts a wrong PIN and locks the clerk out after five in a row. One press is one
attempt: while a check runs the Sign in button says so and is disabled, the PIN field is
read-only and a second Enter is ignored.

A keyboard-wedge scanner types into whatever has the focus, here the PIN field. A scan (six
or more digits, each within 30 ms, then Enter: `ui.scanner.ScanRouter`) is taken back out of
the field, signs nobody in, counts no wrong attempt, and the panel says plainly that the item
was not rung up.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.errors import UserError
from pos_prompter.i18n import say_error, translate
from pos_prompter.store.auth import StaffStore
from pos_prompter.ui.clerk_words import CLERK_ROLES as CLERK_ROLES
from pos_prompter.ui.clerk_words import NO_PIN_TEXT as NO_PIN_TEXT
from pos_prompter.ui.clerk_words import asks_for_pin as asks_for_pin
from pos_prompter.ui.clerk_words import clerk_text as clerk_text
from pos_prompter.ui.clerk_words import waiting_text as waiting_text
from pos_prompter.ui.scanner import ScanRouter
from pos_prompter.ui.staff_check import Outcome, StaffCheck, start_check
from pos_prompter.ui.widgets import plain_label, touch_button

# The words above live in clerk_words (the till's first screen needs them, not the panel).


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:] if text else text
    return text if not text or text.endswith(".") else text + "."


class ClerkSignInPanel(QFrame):
    """The sign-in panel, laid over its parent (the till's central widget) while shown.

    Signals:
        signed_in(object): a clerk's PIN was right; carries their `Person`. The till signs
            them in (the window does: `TillWindow`), then hides the panel.
        refused(str): the check refused the PIN (wrong, locked out, no PIN, disabled, the
            store busy); carries the message shown. The panel stays.
        scan_refused(str): a scan reached the panel: nothing was rung up; carries the code.
    """

    signed_in = Signal(object)
    refused = Signal(str)
    scan_refused = Signal(str)

    def __init__(self, staff: StaffStore, parent: QWidget, *, training: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("clerkSignIn")
        self.staff = staff
        self.job: StaffCheck | None = None
        """The check under way, if any."""
        self._names: list[str] = []
        self._build(training)
        parent.installEventFilter(self)  # follow the parent's size
        self._scans = ScanRouter(self, self._scanned)
        # Watching the PIN field only (not the whole app: no `set_active`), as a manager's
        # window is watched for the till: a scan there is taken back out and reported.
        self.pin_edit.installEventFilter(self._scans)
        self.pin_edit.installEventFilter(self)  # Up / Down choose the name
        self.hide()

    # ------------------------------------------------------------------ building

    def _build(self, training: bool) -> None:
        title = plain_label("clerkSignInTitle", self)
        title.setText(translate("clerk_sign_in", "Practice: sign in as the trainee") if training
                      else translate("clerk_sign_in", "Sign in to sell"))
        self.waiting_label = plain_label("clerkSignInWaiting", self)
        self.names_box = QWidget(self)
        self.names_box.setObjectName("clerkNames")
        self.names_layout = QVBoxLayout(self.names_box)
        self.names_layout.setContentsMargins(0, 0, 0, 0)
        self.names_layout.setSpacing(8)
        self.names_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("clerkNameList")
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.names_box)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self._name_chosen)

        self.pin_edit = QLineEdit(self)
        self.pin_edit.setObjectName("clerkPin")
        self.pin_edit.setAccessibleName(translate("clerk_sign_in", "PIN"))
        self.pin_edit.setPlaceholderText(translate("clerk_sign_in", "PIN"))
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                          | Qt.InputMethodHint.ImhSensitiveData
                                          | Qt.InputMethodHint.ImhNoPredictiveText)
        self.pin_edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]*"),
                                                               self.pin_edit))
        self.pin_edit.setMinimumHeight(54)
        self.pin_edit.returnPressed.connect(self.submit)

        keypad = QGridLayout()
        keypad.setSpacing(8)
        for digit in range(10):
            key = touch_button(str(digit), f"clerkKey{digit}", self)
            key.clicked.connect(lambda _c=False, d=str(digit): self.press_digit(d))
            row, col = (3, 1) if digit == 0 else ((digit - 1) // 3, (digit - 1) % 3)
            keypad.addWidget(key, row, col)
        erase = touch_button(translate("clerk_sign_in", "Erase"), "clerkKeyErase", self)
        erase.clicked.connect(self.erase)
        keypad.addWidget(erase, 3, 0)
        self.sign_in_button = touch_button(translate("clerk_sign_in", "Sign in"),
                                           "clerkSignInButton", self)
        self.sign_in_button.clicked.connect(self.submit)
        keypad.addWidget(self.sign_in_button, 3, 2)

        self.message = plain_label("clerkSignInMessage", self)
        self.message.setMinimumHeight(40)

        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.pin_edit)
        right.addLayout(keypad)
        right.addWidget(self.message)
        right.addStretch(1)
        right_box = QWidget(self)
        right_box.setLayout(right)
        right_box.setFixedWidth(330)
        right.setContentsMargins(0, 0, 0, 0)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(scroll, 1)
        columns.addWidget(right_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.waiting_label)
        layout.addLayout(columns, 1)

    def _fill_names(self) -> None:
        """The active clerks, as they are in the store now, in the order they were added."""
        names = [p.name for p in self.staff.list_staff(include_inactive=False, role="clerk")]
        if names == self._names:
            return
        for button in self.group.buttons():
            self.group.removeButton(button)
            self.names_layout.removeWidget(button)
            button.deleteLater()
        for i, name in enumerate(names):
            row = touch_button(name, f"clerkRow{i}", self.names_box)
            row.setCheckable(True)
            row.setMinimumHeight(64)
            self.group.addButton(row, i)
            self.names_layout.insertWidget(i, row)
        self._names = names

    # ------------------------------------------------------------------ showing

    def open(self, waiting: str = "") -> None:
        """Cover the till and ask for a clerk; `waiting` says what waits (an open order)."""
        self._fill_names()
        chosen = self.group.checkedButton()
        if chosen is None and self._names:
            self.group.button(0).setChecked(True)
        self.waiting_label.setText(waiting)
        self.waiting_label.setVisible(bool(waiting))
        self.pin_edit.clear()
        self.say("" if self._names else translate("clerk_sign_in", NO_PIN_TEXT))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.focus_pin()

    def close_panel(self) -> None:
        if self.job is not None:  # a check still under way is dropped: it signs nobody in
            self.job.drop()
        self.job = None
        self._set_busy(False)
        self.pin_edit.clear()
        self.say("")
        self.hide()

    def focus_pin(self) -> None:
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def chosen(self) -> str | None:
        """The name chosen in the list."""
        i = self.group.checkedId()
        return self._names[i] if 0 <= i < len(self._names) else None

    def choose(self, name: str) -> None:
        """Choose `name` in the list (as tapping its row does)."""
        if name in self._names:
            self.group.button(self._names.index(name)).click()

    def say(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        level = "error" if error and text else "info"
        if self.message.property("level") != level:
            self.message.setProperty("level", level)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)

    @Slot(int)
    def _name_chosen(self, _index: int) -> None:
        self.say("")
        self.focus_pin()

    # ------------------------------------------------------------------ keys

    def press_digit(self, digit: str) -> None:
        if not self.busy:
            self.pin_edit.insert(digit)
        self.focus_pin()

    @Slot()
    def erase(self) -> None:
        if not self.busy:
            self.pin_edit.backspace()
        self.focus_pin()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A Qt virtual: nothing here may raise (PySide would take the process down).
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        elif (watched is self.pin_edit and event.type() == QEvent.Type.KeyPress
              and isinstance(event, QKeyEvent)
              and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self._names):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            at = self.group.checkedId()
            self.group.button((at + step) % len(self._names) if at >= 0 else 0).click()
            return True
        return False

    def not_rung_up(self, code: str) -> None:
        """A scan reached the till while nobody is signed in: say so, plainly."""
        self.say(translate("clerk_sign_in", "Sign in first: {code} was not rung up.").format(
            code=code[:40]))
        self.scan_refused.emit(code)

    def _scanned(self, code: str) -> None:
        self.not_rung_up(code)
        self.focus_pin()

    # ------------------------------------------------------------------ checking

    @property
    def busy(self) -> bool:
        """A PIN is being checked: another press is ignored."""
        return self.job is not None

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(translate("clerk_sign_in", "Checking…")
                                    if busy else translate("clerk_sign_in", "Sign in"))
        self.pin_edit.setReadOnly(busy)
        for button in self.group.buttons():
            button.setEnabled(not busy)

    @Slot()
    def submit(self) -> None:
        """Check the PIN of the chosen clerk in a worker; one press, one attempt."""
        if self.busy:
            return
        name, pin = self.chosen, self.pin_edit.text()
        self.focus_pin()
        if name is None:
            self.say(translate("clerk_sign_in", "Tap your name first.") if self._names
                     else translate("clerk_sign_in", NO_PIN_TEXT))
            return
        if not pin:  # Enter pressed too early: not a wrong attempt
            self.say(translate("clerk_sign_in", "{name}: type your PIN.").format(name=name))
            return
        self.pin_edit.clear()
        when = self.staff.clock.now()  # the attempt is made now, whenever it is decided
        self.say("")
        job = start_check(self, self.staff,
                          lambda staff: staff.sign_in(name, pin, when, roles=CLERK_ROLES),
                          ClerkSignInPanel._delivered)
        if job is not None:
            self.job = job
            self._set_busy(True)

    def _delivered(self, outcome: Outcome) -> None:
        self.job = None
        self._set_busy(False)
        self._finish(outcome)

    def _finish(self, outcome: Outcome) -> None:
        self.pin_edit.clear()  # anything typed while it was checked
        self.focus_pin()
        if isinstance(outcome, UserError):  # SignInError (wrong, locked...), a busy store
            text = _sentence(say_error(outcome))
            self.say(text)
            self.refused.emit(text)
            return
        self.say("")
        self.signed_in.emit(outcome)
