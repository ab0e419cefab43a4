"""Dialogs that ask for a secret: the manager's sign-in, the first manager of a new store,
and changing a password.

Callers never block on them: they `open()` the dialog and listen to `finished` (or the
dialog's own past-tense signal), so tests drive the real dialog and the till's event loop
keeps running. Enter never presses a button by itself: in a name field it moves on to the
password, in the last field it submits, and it never reaches the till's scan field (each
dialog is a window of its own). Messages are plain text in a label, never another dialog;
a secret is never shown, logged or kept once the dialog is done with it.

Hashing a secret takes ~0.4 s (scrypt at OWASP cost), so every check or change that hashes
runs in a worker thread (`ui.jobs.StoreJob`) on a store connection of its own: the
window keeps painting and the till beside it keeps selling. The store counts a wrong
attempt and decides a lockout inside its own write transaction, so two checks (two tills,
or a dialog closed and opened again) can never together get more than five tries. While
a check runs the submit button says so and is disabled, the fields are read-only and a
second Enter is ignored: one press, one attempt. The outcome arrives on the UI thread
once the thread has finished. The sign-in can be cancelled meanwhile: the check is
dropped, its attempt stays counted as a wrong one, and a right password then opens
nothing and lifts no count (the thread finishes its hash, ignored); a new password being
saved cannot be cancelled.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

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
from pos_prompter.core.auth import PASSWORD_MIN, password_problem
from pos_prompter.core.errors import UserError
from pos_prompter.core.roles import PASSWORD_ROLES, WORKSPACE_ROLES, Role
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say, say_error, translate
from pos_prompter.store import Store
from pos_prompter.store.auth import Person, StaffStore, check_name
from pos_prompter.ui.staff_check import Outcome, StaffCheck, start_check
from pos_prompter.ui.widgets import dialog_button, plain_label
from pos_prompter.ui.workspace.office_style import OFFICE_QSS, OfficeTheme

MESSAGE_QSS = 'QLabel[problem="true"] { color: #a4231a; font-weight: bold; }'
"""The refusal's own look; the dark theme's colour for it is office_style's DARK_PAGE_QSS."""

DEMO_PASSWORDS = frozenset(secret for _name, role, secret in DEMO_STAFF
                           if role in PASSWORD_ROLES)
"""The passwords the demo stores publish (resources/demo/README.md): fine for trying the
app out, never for a shop's real manager."""

def policy_text() -> str:
    """What a new manager password must be, for the dialogs that set one."""
    return translate("sign_in", "At least {n} characters, not all digits: a phrase of a few "
                     "words is easy to remember and hard to guess.").format(n=PASSWORD_MIN)


def sentence(text: str) -> str:
    """A message as the label shows it: capital first letter."""
    return text[:1].upper() + text[1:] if text else text


def full_stop(text: str) -> str:
    """A message that ends with a full stop (exactly one)."""
    return text if text.endswith(".") else text + "."


def _new_password_problem(password: str, repeat: str) -> str | None:
    """Why a new manager password cannot be used, or None."""
    if password != repeat:
        return translate("sign_in", "The two passwords are not the same; type the new "
                         "password twice.")
    problem = password_problem(password)
    if problem is not None:
        return sentence(translate("sign_in", "password refused: {problem}.").format(
            problem=say(problem)))
    if password in DEMO_PASSWORDS:
        return translate("sign_in", "That is the published demo password, which anyone can "
                         "look up; choose your own.")
    return None


class _NoSettings:
    """Staff kept apart from a whole store (no `theme` setting): the app's or the
    system's theme."""

    def get_setting(self, key: str) -> object:
        return None


class _SecretDialog(QDialog):
    """What the three dialogs share: a form of line edits, a message label, a submit and
    a cancel button that Enter never presses by itself, and the worker that hashes.

    Signals:
        refused(str): the store refused what the worker checked or saved (wrong
            password, lockout, a name taken meanwhile, store trouble...); carries the
            message shown. The dialog stays open.
    """

    refused = Signal(str)

    busy_text = QT_TRANSLATE_NOOP("sign_in", "Checking…")
    """The submit button's text while the worker hashes (in English: translated where
    shown, as are dialog_title and intro_text)."""
    cancel_while_busy = False
    """Whether Cancel (or Esc, or closing the window) works while the worker hashes; the
    outcome is then dropped."""

    def __init__(self, object_name: str, title: str, parent: QWidget | None,
                 staff: StaffStore) -> None:
        super().__init__(parent)
        self.staff = staff
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._prefix = object_name.removesuffix("Dialog")
        self.form = QFormLayout()
        self.intro = plain_label(f"{self._prefix}Intro", self)
        self.message = plain_label(f"{self._prefix}Message", self)
        self.message.setProperty("problem", True)
        self.message.setStyleSheet(MESSAGE_QSS)
        self.setStyleSheet(OFFICE_QSS)  # not the till's button look, which reaches us too
        # Not a QDialogButtonBox: it makes its first accept button the default when shown.
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)
        self._first: QLineEdit | None = None
        self._edits: list[QLineEdit] = []
        self.submit_button: QPushButton | None = None
        self._submit_text = ""
        self.cancel_button: QPushButton | None = None
        self.job: StaffCheck | None = None
        """The worker hashing now, if any."""
        self.theme = OfficeTheme(self, staff.store if isinstance(staff.store, Store)
                                 else _NoSettings())
        """The till's and the workspace's light or dark theme, by the same rule (the
        store's `theme` setting, POS_PROMPTER_THEME, the system's scheme, followed)."""

    def _line(self, label: str, name: str, *, secret: bool = False,
              text: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        label = translate("sign_in", label)
        edit.setAccessibleName(label)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                                     | Qt.InputMethodHint.ImhNoPredictiveText
                                     | Qt.InputMethodHint.ImhSensitiveData)
        self.form.addRow(label, edit)
        self._edits.append(edit)
        return edit

    def _button(self, text: str, name: str) -> QPushButton:
        # Enter is handled by the fields (next field, or submit from the last one): a
        # default button would also fire on Enter in the name field, with no password.
        button = dialog_button(translate("sign_in", text), name, self)
        self.buttons.addWidget(button)
        return button

    def _chain(self, *edits: QLineEdit) -> None:
        """Enter in each field moves to the next; in the last it submits."""
        for edit, nxt in itertools.pairwise(edits):
            edit.returnPressed.connect(lambda n=nxt: n.setFocus(
                Qt.FocusReason.TabFocusReason))
        edits[-1].returnPressed.connect(self.submit)

    def _submit_and_cancel(self, submit: tuple[str, str],
                           cancel: tuple[str, str]) -> tuple[QPushButton, QPushButton]:
        """The two buttons, from (text, objectName) pairs: one submits, one rejects."""
        submit_button, cancel_button = self._button(*submit), self._button(*cancel)
        submit_button.clicked.connect(self.submit)
        cancel_button.clicked.connect(self.reject)
        self.submit_button, self._submit_text = submit_button, translate("sign_in", submit[0])
        self.cancel_button = cancel_button
        return submit_button, cancel_button

    def submit(self) -> None:  # pragma: no cover - every dialog defines it
        raise NotImplementedError

    # ------------------------------------------------------------------ the worker

    @property
    def busy(self) -> bool:
        """The worker is hashing: a second submit is ignored."""
        return self.job is not None

    def _set_busy(self, busy: bool) -> None:
        if self.submit_button is not None:
            self.submit_button.setEnabled(not busy)
            self.submit_button.setText(translate("sign_in", self.busy_text) if busy
                                       else self._submit_text)
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(self.cancel_while_busy or not busy)
        for edit in self._edits:
            edit.setReadOnly(busy)

    def _run(self, work: Callable[[StaffStore], Person]) -> None:
        """`work(staff)` in a worker thread, on a StaffStore over a connection of its own
        to the same file (a sqlite connection never crosses threads). `_finish` gets the
        Person, or the UserError that refused it, on the UI thread once the thread has
        finished, unless the dialog was closed (or deleted) meanwhile."""
        self.say("")
        job = start_check(self, self.staff, work, _SecretDialog._delivered)
        if job is not None:
            self.job = job
            self._set_busy(True)

    def _delivered(self, outcome: Outcome) -> None:
        self.job = None
        self._set_busy(False)
        self._finish(outcome)

    def _finish(self, outcome: Outcome) -> None:  # pragma: no cover - every dialog has one
        raise NotImplementedError

    def _refuse(self, text: str) -> None:
        self.say(text)
        self.refused.emit(text)

    def reject(self) -> None:
        # A Qt virtual: nothing here may raise (PySide would take the process down).
        if self.busy:
            if not self.cancel_while_busy:
                self.say(translate("sign_in", "Wait a moment: the password is being saved."))
                return
            if self.job is not None:  # its thread hashes on (ui.staff_check), ignored:
                self.job.drop()  # it signs nobody in, and its outcome is not delivered
            self.job = None
            self._set_busy(False)
        super().reject()

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
    The password is checked in a worker thread (see the module's docstring); Cancel works
    meanwhile.

    Signals:
        signed_in(object): a manager signed in; carries their `Person`. The dialog then
            accepts (and so emits `accepted` and `finished`).
        refused(str): the check refused them; carries the message shown.
    """

    signed_in = Signal(object)
    cancel_while_busy = True
    roles: frozenset[Role] = WORKSPACE_ROLES
    """Who may sign in here (TrainerSignInDialog: trainers and managers)."""
    dialog_title = QT_TRANSLATE_NOOP("sign_in", "Manager sign-in")
    intro_text = QT_TRANSLATE_NOOP("sign_in", "The workspace (rules, catalog, staff) opens only "
                                   "for a manager, with a password. A clerk's PIN does not "
                                   "open it.")

    def __init__(self, staff: StaffStore, parent: QWidget | None = None, *,
                 name: str = "") -> None:
        super().__init__("signInDialog", translate("sign_in", self.dialog_title), parent,
                         staff)
        self.person: Person | None = None
        self.used_demo_password = False
        """Whether the manager signed in with a published demo password (the workspace
        then asks them to change it)."""
        self.intro.setText(translate("sign_in", self.intro_text))
        self.name_edit = self._line(QT_TRANSLATE_NOOP("sign_in", "Name"), "signInName",
                                    text=name)
        self.password_edit = self._line(QT_TRANSLATE_NOOP("sign_in", "Password"),
                                        "signInPassword", secret=True)
        self.sign_in_button, _cancel = self._submit_and_cancel(
            (QT_TRANSLATE_NOOP("sign_in", "Sign in"), "signInButton"),
            (QT_TRANSLATE_NOOP("sign_in", "Cancel"), "signInCancel"))
        self._chain(self.name_edit, self.password_edit)
        self._demo_password = False

    def _focus_target(self) -> QLineEdit:
        return self.password_edit if self.name_edit.text().strip() else self.name_edit

    @Slot()
    def submit(self) -> None:
        """Check the name and password in the worker; accept for a manager, else say why.
        Ignored while a check runs: Enter pressed twice is one attempt."""
        if self.busy:
            return
        name = self.name_edit.text().strip()
        secret = self.password_edit.text()
        if not name:
            self.say(translate("sign_in", "Type your name first."))
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not secret:  # Enter pressed too early: not a wrong attempt
            self.say(translate("sign_in", "Type your password."))
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.password_edit.clear()
        self._demo_password = secret in DEMO_PASSWORDS
        when = self.staff.clock.now()  # the attempt is made now, whenever it is decided
        roles = self.roles
        self._run(lambda staff: staff.sign_in(name, secret, when, roles=roles))

    def _finish(self, outcome: Outcome) -> None:
        if isinstance(outcome, UserError):  # SignInError, or a store that is busy
            self.password_edit.clear()  # anything typed while it was checked
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            # As it is: it may start with a person's name, which keeps its case.
            self._refuse(full_stop(say_error(outcome)))
            return
        self.person = outcome
        self.used_demo_password = self._demo_password
        self.say("")
        self.signed_in.emit(outcome)
        self.accept()


class TrainerSignInDialog(SignInDialog):
    """A trainer (or a manager) signs in with name and password to open practice mode's
    trainer view. The same fields, worker, counting and five-strike lockout as the
    manager's sign-in; a clerk's PIN never opens it."""

    roles = PASSWORD_ROLES
    dialog_title = QT_TRANSLATE_NOOP("sign_in", "Trainer sign-in")
    intro_text = QT_TRANSLATE_NOOP("sign_in", "The trainer view (trainees' results, scenarios) "
                                   "opens for a trainer or a manager, with a password. A "
                                   "clerk's PIN does not open it.")


class FirstManagerDialog(_SecretDialog):
    """The first run of a store without a manager: choose the first manager's name and
    password (typed twice). Policy problems are shown in `firstManagerMessage`; nothing is
    stored until the password is acceptable. The password is hashed and saved in a worker
    thread; the dialog cannot be cancelled meanwhile.

    Signals:
        created(object): the first manager was created; carries their `Person`. The
            dialog then accepts.
        refused(str): the store refused (a manager exists by now...); carries the message.
    """

    created = Signal(object)
    busy_text = QT_TRANSLATE_NOOP("sign_in", "Saving…")

    def __init__(self, staff: StaffStore, parent: QWidget | None = None) -> None:
        super().__init__("firstManagerDialog", translate("sign_in", "First manager"), parent,
                         staff)
        self.person: Person | None = None
        self.intro.setText(translate("sign_in", "This store has no manager yet. Choose the "
                                     "first manager's name and password: rules, catalog and "
                                     "staff can be changed only with it.") + " "
                           + policy_text())
        self.name_edit = self._line(QT_TRANSLATE_NOOP("sign_in", "Manager's name"),
                                    "firstManagerName")
        self.password_edit = self._line(QT_TRANSLATE_NOOP("sign_in", "Password"),
                                        "firstManagerPassword", secret=True)
        self.repeat_edit = self._line(QT_TRANSLATE_NOOP("sign_in", "Password again"),
                                      "firstManagerRepeat", secret=True)
        self.create_button, _cancel = self._submit_and_cancel(
            (QT_TRANSLATE_NOOP("sign_in", "Create manager"), "firstManagerCreate"),
            (QT_TRANSLATE_NOOP("sign_in", "Not now"), "firstManagerCancel"))
        self._chain(self.name_edit, self.password_edit, self.repeat_edit)
        self._first = self.name_edit

    @Slot()
    def submit(self) -> None:
        if self.busy:
            return
        try:
            name = check_name(self.name_edit.text())
        except UserError as exc:
            self.say(sentence(say_error(exc)) + ".")
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        problem = _new_password_problem(self.password_edit.text(), self.repeat_edit.text())
        if problem is not None:
            self.say(problem)
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        password = self.password_edit.text()
        self.password_edit.clear()
        self.repeat_edit.clear()
        when = self.staff.clock.now()
        self._run(lambda staff: staff.create_first_manager(name, password, now=when))

    def _finish(self, outcome: Outcome) -> None:
        if isinstance(outcome, UserError):  # StaffError (a manager exists by now), store
            self._refuse(full_stop(sentence(say_error(outcome))))
            return
        self.person = outcome
        self.say("")
        self.created.emit(outcome)
        self.accept()


class ChangePasswordDialog(_SecretDialog):
    """A signed-in person sets a new password for themselves (typed twice), audited as
    changed by them. The published demo passwords are refused. The password is hashed and
    saved in a worker thread; the dialog cannot be cancelled meanwhile.

    Signals:
        changed(object): the password was changed; carries the `Person`. The dialog then
            accepts.
        refused(str): the store refused the change; carries the message shown.
    """

    changed = Signal(object)
    busy_text = QT_TRANSLATE_NOOP("sign_in", "Saving…")

    def __init__(self, staff: StaffStore, name: str, parent: QWidget | None = None) -> None:
        super().__init__("changePasswordDialog",
                         translate("sign_in", "New password for {name}").format(name=name),
                         parent, staff)
        self.name = name
        self.intro.setText(translate("sign_in", "Choose a new password for {name}.").format(
            name=name) + " " + policy_text())
        self.password_edit = self._line(QT_TRANSLATE_NOOP("sign_in", "New password"),
                                        "changePasswordNew", secret=True)
        self.repeat_edit = self._line(QT_TRANSLATE_NOOP("sign_in", "New password again"),
                                      "changePasswordRepeat",
                                      secret=True)
        self.save_button, _cancel = self._submit_and_cancel(
            (QT_TRANSLATE_NOOP("sign_in", "Change password"), "changePasswordSave"),
            (QT_TRANSLATE_NOOP("sign_in", "Cancel"), "changePasswordCancel"))
        self._chain(self.password_edit, self.repeat_edit)
        self._first = self.password_edit

    @Slot()
    def submit(self) -> None:
        if self.busy:
            return
        password, repeat = self.password_edit.text(), self.repeat_edit.text()
        problem = _new_password_problem(password, repeat)
        if problem is not None:
            self.say(problem)
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.password_edit.clear()
        self.repeat_edit.clear()
        name, when = self.name, self.staff.clock.now()
        self._run(lambda staff: staff.change_secret(name, password, actor=name, now=when))

    def _finish(self, outcome: Outcome) -> None:
        if isinstance(outcome, UserError):
            self._refuse(full_stop(sentence(say_error(outcome))))
            return
        self.say("")
        self.changed.emit(outcome)
        self.accept()
