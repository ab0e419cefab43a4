"""The workspace's Staff tab: everyone on the staff list, add someone, disable and enable
them, set a new PIN or password, lift a lockout.

Each change is the command line's (`pos-prompter staff add|disable|enable|passwd`): the
same `StaffStore` call with the same checks (name, the PIN or password policy, the last
manager), audited with the signed-in manager as the actor. The work runs in a worker
thread (a hash takes ~0.4 s on purpose), which then reads the list again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.auth import check_secret, clock_text
from pos_prompter.core.errors import UserError
from pos_prompter.core.roles import ROLES, Role, secret_kind
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say_error, translate
from pos_prompter.store import Store
from pos_prompter.store.auth import Person, StaffStore, check_name
from pos_prompter.ui.store_watcher import PageRefresh
from pos_prompter.ui.widgets import plain_label
from pos_prompter.ui.workspace.page_table import (
    KeyedListModel,
    select_key,
    selected_row,
    single_row_table,
)
from pos_prompter.ui.workspace.page_work import PageWork

HEADERS = (QT_TRANSLATE_NOOP("staff", "Name"), QT_TRANSLATE_NOOP("staff", "Role"),
           QT_TRANSLATE_NOOP("staff", "Signs in with"), QT_TRANSLATE_NOOP("staff", "Status"),
           QT_TRANSLATE_NOOP("staff", "PIN or password set"))
"""The column titles in English (the model shows them translated)."""
WORDS = {"clerk": QT_TRANSLATE_NOOP("staff", "clerk"),
         "trainer": QT_TRANSLATE_NOOP("staff", "trainer"),
         "manager": QT_TRANSLATE_NOOP("staff", "manager"),
         "PIN": QT_TRANSLATE_NOOP("staff", "PIN"),
         "password": QT_TRANSLATE_NOOP("staff", "password")}
"""Roles and what they sign in with, in English."""


def word(text: str) -> str:
    """A role or a secret's kind, translated (anything else as it is)."""
    known = WORDS.get(text)
    return translate("staff", known) if known is not None else text
NAME, ROLE, KIND, STATUS, SET_AT = range(5)
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() with this role returns the row's `StaffRow`."""

Index = QModelIndex | QPersistentModelIndex


# ---------------------------------------------------------------------- Qt-free part


@dataclass(frozen=True, slots=True)
class StaffRow:
    """A person and their status as `pos-prompter staff list` words it."""

    person: Person
    status: str
    locked: bool


def staff_rows(store: Store) -> list[StaffRow]:
    """Everyone on the staff list, in the order they were added."""
    staff = StaffStore(store)
    rows = []
    for person in staff.list_staff():
        until = staff.lock_state(person.name).locked_until if person.active else None
        if not person.active:
            status = translate("staff", "disabled")
        elif not person.secret_set:
            status = (translate("staff", "no PIN yet") if person.secret_kind == "PIN"
                      else translate("staff", "no password yet"))
        elif until is not None:
            status = translate("staff", "locked until {time}").format(time=clock_text(until))
        else:
            status = translate("staff", "active")
        rows.append(StaffRow(person, status, until is not None))
    return rows


def check_new_secret(role: Role, secret: str, again: str) -> None:
    """The policy's check of a new PIN or password, and that it was typed the same twice."""
    check_secret(role, secret)
    if secret != again:
        raise UserError(translate("staff", "The two PINs differ; nothing was changed.")
                        if secret_kind(role) == "PIN" else
                        translate("staff", "The two passwords differ; nothing was changed."))


def sentence(exc: UserError) -> str:
    text = say_error(exc)
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


# ---------------------------------------------------------------------- model


class StaffTableModel(KeyedListModel):
    """Staff as rows, found by name: name, role, what they sign in with, status, when it
    was set."""

    headers: Sequence[str] = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(translate("staff", text) for text in HEADERS)

    def row_key(self, row: StaffRow) -> str:
        return row.person.name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item_at(index)
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            person = row.person
            changed = person.secret_changed_at
            return (person.name, word(person.role), word(person.secret_kind), row.status,
                    changed.isoformat(sep=" ", timespec="minutes") if changed else "-"
                    )[index.column()]
        if role == PERSON_ROLE:
            return row
        return None


# ---------------------------------------------------------------------- widget


def _secret_edit(name: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class StaffPage(QWidget):
    """The Staff tab for the signed-in manager `actor`.

    Signals:
        loaded(): the list shows what the store holds (after opening and after a change).
        changed(str): a change was saved (audited); carries what the page said about it.
    """

    loaded = Signal()
    changed = Signal(str)

    def __init__(self, store: Store, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffPage")
        self.store = store
        self.actor = actor
        self.model = StaffTableModel(self)
        self.work = PageWork(store, self)
        self.refresh_work = PageWork(store, self)
        """Reading the list again for a change made elsewhere: the buttons stay as they
        are meanwhile, and the page's own work drops it."""
        self.refresher = PageRefresh(self, self.refresh,
                                     lambda: self.work.busy or self.refresh_work.busy)
        """Reads the list again when the staff changed elsewhere (`staff add` in another
        process, a lockout at a till); the forms keep what is typed in them."""
        self._build()
        self.reload()

    def _build(self) -> None:
        self.table = single_row_table("staffTable", self.model, self)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.disable_button = _button(translate("staff", "Disable"), "staffDisable", self)
        self.enable_button = _button(translate("staff", "Enable"), "staffEnable", self)
        self.unlock_button = _button(translate("staff", "Unlock"), "staffUnlock", self)
        self.disable_button.clicked.connect(lambda: self.set_active(False))
        self.enable_button.clicked.connect(lambda: self.set_active(True))
        self.unlock_button.clicked.connect(self.unlock)
        actions = QHBoxLayout()
        for button in (self.disable_button, self.enable_button, self.unlock_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.message = plain_label("staffMessage", self)

        reset = QGroupBox(translate("staff", "A new PIN or password for the one selected"),
                          self)
        self.new_secret = _secret_edit("staffNewSecret", reset)
        self.new_secret_again = _secret_edit("staffNewSecretAgain", reset)
        self.reset_button = _button(translate("staff", "Set"), "staffResetSecret", reset)
        self.reset_button.clicked.connect(self.reset_secret)
        self.reset_message = plain_label("staffResetMessage", reset)
        reset_form = QFormLayout(reset)
        reset_form.addRow(translate("staff", "New PIN or password"), self.new_secret)
        reset_form.addRow(translate("staff", "The same again"), self.new_secret_again)
        reset_form.addRow(self.reset_button, self.reset_message)

        add = QGroupBox(translate("staff", "Add someone"), self)
        self.name_edit = QLineEdit(add)
        self.name_edit.setObjectName("staffName")
        self.role_box = QComboBox(add)
        self.role_box.setObjectName("staffRole")
        for role in ROLES:
            self.role_box.addItem(f"{word(role)} ({word(secret_kind(role))})", role)
        self.secret_edit = _secret_edit("staffSecret", add)
        self.secret_again = _secret_edit("staffSecretAgain", add)
        self.add_button = _button(translate("staff", "Add"), "staffAdd", add)
        self.add_button.clicked.connect(self.add_person)
        self.add_message = plain_label("staffAddMessage", add)
        add_form = QFormLayout(add)
        add_form.addRow(translate("staff", "Name"), self.name_edit)
        add_form.addRow(translate("staff", "Role"), self.role_box)
        self.secret_edit.setPlaceholderText(translate("staff", "clerks: 4-8 digits; others: 10 "
                                                      "characters+"))
        add_form.addRow(translate("staff", "PIN or password"), self.secret_edit)
        add_form.addRow(translate("staff", "The same again"), self.secret_again)
        add_form.addRow(self.add_button, self.add_message)

        forms = QHBoxLayout()
        forms.addWidget(reset, 1)
        forms.addWidget(add, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addLayout(forms)
        self._update_buttons()

    # ------------------------------------------------------------------ selection

    def selected(self) -> StaffRow | None:
        return selected_row(self.table, self.model)

    def select(self, name: str) -> None:
        select_key(self.table, self.model, name)

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected()
        idle = not self.work.busy
        self.disable_button.setEnabled(idle and row is not None and row.person.active)
        self.enable_button.setEnabled(idle and row is not None and not row.person.active)
        self.unlock_button.setEnabled(idle and row is not None and row.locked)
        self.reset_button.setEnabled(idle and row is not None)
        self.add_button.setEnabled(idle)

    # ------------------------------------------------------------------ store work

    def reload(self) -> None:
        """Read the staff list again, in a worker (the forms keep what is typed)."""
        self._run(lambda store: ("", staff_rows(store)), self.message)

    def refresh(self) -> None:
        """Read the staff list again, in a worker, for a change made elsewhere: the
        selection, the forms and the buttons stay as they are."""
        def done(rows: list[StaffRow]) -> None:
            self._show_rows(rows)
            self.refresher.catch_up()

        self.refresh_work.run(staff_rows, done, lambda _text: self.refresher.catch_up())

    def _show_rows(self, rows: list[StaffRow]) -> None:
        """Show `rows`, the one selected still selected."""
        keep = self.selected()
        self.model.set_rows(rows)
        if keep is not None:
            self.select(keep.person.name)
        self._update_buttons()

    def _run(self, work: Any, label: Any, *, clear: tuple[QLineEdit, ...] = ()) -> None:
        """Run `work(store) -> (said, rows)`; say `said` (or a refusal) on `label`."""
        self.refresh_work.drop()  # this work reads the list too, after its change
        keep = self.selected()

        def done(result: tuple[str, list[StaffRow]]) -> None:
            said, rows = result
            self.model.set_rows(rows)
            if keep is not None:
                self.select(keep.person.name)
            self._update_buttons()
            for edit in clear:
                edit.clear()
            if said:
                label.setText(said)
                self.changed.emit(said)
            self.loaded.emit()
            self.refresher.catch_up()

        def failed(text: str) -> None:
            label.setText(text)
            self._update_buttons()
            self.refresher.catch_up()

        self.work.run(work, done, failed)
        self._update_buttons()

    def _change(self, label: Any, change: Any, said: str,
                clear: tuple[QLineEdit, ...] = ()) -> None:
        def work(store: Store) -> tuple[str, list[StaffRow]]:
            change(StaffStore(store))
            return said, staff_rows(store)

        self._run(work, label, clear=clear)

    @Slot()
    def add_person(self) -> None:
        role: Role = self.role_box.currentData()
        secret, again = self.secret_edit.text(), self.secret_again.text()
        try:
            name = check_name(self.name_edit.text())
            clash = StaffStore(self.store).name_taken(name)
            if clash is not None:  # said before the hash, as `staff add` does
                raise UserError(translate("staff", "{name} is already on the staff list")
                                .format(name=repr(clash)))
            check_new_secret(role, secret, again)
        except UserError as exc:
            self.add_message.setText(sentence(exc))
            return
        self.add_message.setText(translate("staff", "Adding…"))
        self._change(self.add_message,
                     lambda staff: staff.add_person(name, role, secret, actor=self.actor),
                     (translate("staff", "Added {name} ({role}, signs in with a PIN).")
                      if secret_kind(role) == "PIN" else
                      translate("staff", "Added {name} ({role}, signs in with a password)."))
                     .format(name=name, role=word(role)),
                     (self.name_edit, self.secret_edit, self.secret_again))

    @Slot()
    def reset_secret(self) -> None:
        row = self.selected()
        if row is None:
            return
        person = row.person
        secret, again = self.new_secret.text(), self.new_secret_again.text()
        try:
            check_new_secret(person.role, secret, again)
        except UserError as exc:
            self.reset_message.setText(sentence(exc))
            return
        self.reset_message.setText(translate("staff", "Saving…"))
        self._change(self.reset_message,
                     lambda staff: staff.change_secret(person.name, secret, actor=self.actor),
                     (translate("staff", "Changed the PIN of {name}.")
                      if person.secret_kind == "PIN" else
                      translate("staff", "Changed the password of {name}.")).format(
                          name=person.name),
                     (self.new_secret, self.new_secret_again))

    def set_active(self, active: bool) -> None:
        row = self.selected()
        if row is None:
            return
        name = row.person.name
        self._change(self.message,
                     lambda staff: staff.set_active(name, active, actor=self.actor),
                     (translate("staff", "Enabled {name}.") if active
                      else translate("staff", "Disabled {name}.")).format(name=name))

    @Slot()
    def unlock(self) -> None:
        row = self.selected()
        if row is None:
            return
        name = row.person.name
        self._change(self.message, lambda staff: staff.unlock(name, actor=self.actor),
                     translate("staff", "Unlocked {name}: they can sign in again now.").format(
                         name=name))
