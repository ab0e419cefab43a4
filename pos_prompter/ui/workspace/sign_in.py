"""Dialogs that ask for a secret: the manager's sign-in, the first manager of a new store,
and changing a password.

Callers never block on them: they `open()` the dialog and listen to `finished` (or the
dialog's own past-tense signal), so tests drive the real dialog and the till's event loop
keeps running. Enter never presses a button by itself: in a name field it moves on to the
password, in the last field it submits, and it never reaches the till's scan field (each
dialog is a window of its own). Messages are plain text in a label, never another dialog;
a secret is never shown, logged or kept once the dialog is done with it.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.bootstrap import DEMO_STAFF
from pos_prompter.core.auth import (
    PASSWORD_MIN,
    PASSWORD_ROLES,
    WORKSPACE_ROLES,
    password_problem,
)
from pos_prompter.core.errors import UserError
from pos_prompter.store.auth import Person, StaffStore, check_name
from pos_prompter.ui.widgets import dialog_button, plain_label

DEMO_PASSWORDS = frozenset(secret for _name, role, secret in DEMO_STAFF
                           if role in PASSWORD_ROLES)
"""The passwords the demo stores publish (resources/demo/README.md): fine for trying the
app out, never for a shop's real manager."""

POLICY_TEXT = (f"At least {PASSWORD_MIN} characters, not all digits: a phrase of a few "
               "words is easy to remember and hard to guess.")


def sentence(text: str) -> str:
    """A message as the label shows it: capital first letter."""
    return text[:1].upper() + text[1:] if text else text


def _new_password_problem(password: str, repeat: str) -> str | None:
    """Why a new manager password cannot be used, or None."""
    if password != repeat:
        return "The two passwords are not the same; type the new password twice."
    problem = password_problem(password)
    if problem is not None:
        return sentence(f"password refused: {problem}.")
    if password in DEMO_PASSWORDS:
        return ("That is the published demo password, which anyone can look up; choose "
                "your own.")
    return None


class _SecretDialog(QDialog):
    """What the three dialogs share: a form of line edits, a message label, a submit and
    a cancel button that Enter never presses by itself."""

    def __init__(self, object_name: str, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._prefix = object_name.removesuffix("Dialog")
        self.form = QFormLayout()
        self.intro = plain_label(f"{self._prefix}Intro", self)
        self.message = plain_label(f"{self._prefix}Message", self)
        self.message.setStyleSheet("color: #a4231a; font-weight: bold;")
        # Not a QDialogButtonBox: it makes its first accept button the default when shown.
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)
        self._first: QLineEdit | None = None

    def _line(self, label: str, name: str, *, secret: bool = False,
              text: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                                     | Qt.InputMethodHint.ImhNoPredictiveText
                                     | Qt.InputMethodHint.ImhSensitiveData)
        self.form.addRow(label, edit)
        return edit

    def _button(self, text: str, name: str) -> QPushButton:
        # Enter is handled by the fields (next field, or submit from the last one): a
        # default button would also fire on Enter in the name field, with no password.
        button = dialog_button(text, name, self)
        self.buttons.addWidget(button)
        return button

    def _chain(self, *edits: QLineEdit) -> None:
        """Enter in each field moves to the next; in the last it submits."""
        for edit, nxt in itertools.pairwise(edits):
            edit.returnPressed.connect(lambda n=nxt: n.setFocus(
                Qt.FocusReason.TabFocusReason))
        edits[-1].returnPressed.connect(self.submit)

    def submit(self) -> None:  # pragma: no cover - every dialog defines it
        raise NotImplementedError

    def say(self, text: str) -> None:
        self.message.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = self._focus_target()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_target(self) -> QLineEdit | None:
        return self._first


class SignInDialog(_SecretDialog):
    """A manager signs in with name and password to open the workspace.

    A clerk (PIN) or trainer is refused whatever they type; wrong passwords are counted in
    the store file, and the fifth in a row locks that person out (the message says until
    when). The dialog stays open after a refusal, with the reason in `signInMessage`.

    Signals:
        signed_in(object): a manager signed in; carries their `Person`. The dialog then
            accepts (and so emits `accepted` and `finished`).
    """

    signed_in = Signal(object)

    def __init__(self, staff: StaffStore, parent: QWidget | None = None, *,
                 name: str = "") -> None:
        super().__init__("signInDialog", "Manager sign-in", parent)
        self.staff = staff
        self.person: Person | None = None
        self.used_demo_password = False
        """Whether the manager signed in with a published demo password (the workspace
        then asks them to change it)."""
        self.intro.setText("The workspace (rules, catalog, staff) opens only for a manager, "
                           "with a password. A clerk's PIN does not open it.")
        self.name_edit = self._line("Name", "signInName", text=name)
        self.password_edit = self._line("Password", "signInPassword", secret=True)
        self.sign_in_button = self._button("Sign in", "signInButton")
        self.cancel_button = self._button("Cancel", "signInCancel")
        self.sign_in_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self._chain(self.name_edit, self.password_edit)

    def _focus_target(self) -> QLineEdit:
        return self.password_edit if self.name_edit.text().strip() else self.name_edit

    @Slot()
    def submit(self) -> None:
        """Check the name and password; accept for a manager, else say why."""
        name = self.name_edit.text().strip()
        secret = self.password_edit.text()
        if not name:
            self.say("Type your name first.")
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not secret:  # Enter pressed too early: not a wrong attempt
            self.say("Type your password.")
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.password_edit.clear()
        try:
            person = self.staff.sign_in(name, secret, roles=WORKSPACE_ROLES)
        except UserError as exc:  # SignInError, or a store that is busy
            # As it is: it may start with a person's name, which keeps its case.
            self.say(str(exc) + ("" if str(exc).endswith(".") else "."))
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.person = person
        self.used_demo_password = secret in DEMO_PASSWORDS
        self.say("")
        self.signed_in.emit(person)
        self.accept()


class FirstManagerDialog(_SecretDialog):
    """The first run of a store without a manager: choose the first manager's name and
    password (typed twice). Policy problems are shown in `firstManagerMessage`; nothing is
    stored until the password is acceptable.

    Signals:
        created(object): the first manager was created; carries their `Person`. The
            dialog then accepts.
    """

    created = Signal(object)

    def __init__(self, staff: StaffStore, parent: QWidget | None = None) -> None:
        super().__init__("firstManagerDialog", "First manager", parent)
        self.staff = staff
        self.person: Person | None = None
        self.intro.setText("This store has no manager yet. Choose the first manager's name "
                           "and password: rules, catalog and staff can be changed only "
                           "with it. " + POLICY_TEXT)
        self.name_edit = self._line("Manager's name", "firstManagerName")
        self.password_edit = self._line("Password", "firstManagerPassword", secret=True)
        self.repeat_edit = self._line("Password again", "firstManagerRepeat", secret=True)
        self.create_button = self._button("Create manager", "firstManagerCreate")
        self.cancel_button = self._button("Not now", "firstManagerCancel")
        self.create_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self._chain(self.name_edit, self.password_edit, self.repeat_edit)
        self._first = self.name_edit

    @Slot()
    def submit(self) -> None:
        try:
            name = check_name(self.name_edit.text())
        except UserError as exc:
            self.say(sentence(str(exc)) + ".")
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        problem = _new_password_problem(self.password_edit.text(), self.repeat_edit.text())
        if problem is not None:
            self.say(problem)
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            person = self.staff.create_first_manager(name, self.password_edit.text())
        except UserError as exc:  # StaffError (a manager exists by now), store trouble
            self.say(sentence(str(exc)) + ".")
            return
        finally:
            self.password_edit.clear()
            self.repeat_edit.clear()
        self.person = person
        self.say("")
        self.created.emit(person)
        self.accept()


class ChangePasswordDialog(_SecretDialog):
    """A signed-in person sets a new password for themselves (typed twice), audited as
    changed by them. The published demo passwords are refused.

    Signals:
        changed(object): the password was changed; carries the `Person`. The dialog then
            accepts.
    """

    changed = Signal(object)

    def __init__(self, staff: StaffStore, name: str, parent: QWidget | None = None) -> None:
        super().__init__("changePasswordDialog", f"New password for {name}", parent)
        self.staff = staff
        self.name = name
        self.intro.setText(f"Choose a new password for {name}. " + POLICY_TEXT)
        self.password_edit = self._line("New password", "changePasswordNew", secret=True)
        self.repeat_edit = self._line("New password again", "changePasswordRepeat",
                                      secret=True)
        self.save_button = self._button("Change password", "changePasswordSave")
        self.cancel_button = self._button("Cancel", "changePasswordCancel")
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self._chain(self.password_edit, self.repeat_edit)
        self._first = self.password_edit

    @Slot()
    def submit(self) -> None:
        password, repeat = self.password_edit.text(), self.repeat_edit.text()
        problem = _new_password_problem(password, repeat)
        if problem is not None:
            self.say(problem)
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            person = self.staff.change_secret(self.name, password, actor=self.name)
        except UserError as exc:
            self.say(sentence(str(exc)) + ".")
            return
        finally:
            self.password_edit.clear()
            self.repeat_edit.clear()
        self.say("")
        self.changed.emit(person)
        self.accept()
