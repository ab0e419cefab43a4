"""The workspace's Settings tab: every store setting with what it means, checked as
`pos-prompter settings KEY=VALUE` checks it, saved all or nothing by `Store.set_settings`
(audited with the signed-in manager as the actor) in a worker thread.

A refused value is said under its own field, in a manager's words, and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.i18n import plural, translate
from pos_prompter.store import Store
from pos_prompter.ui.store_watcher import PageRefresh
from pos_prompter.ui.widgets import plain_label
from pos_prompter.ui.workspace.page_work import PageWork
from pos_prompter.ui.workspace.settings_form import (
    LEADERBOARD,
    SettingField,
    changes_from,
    groups,
    read_fields,
    save_settings,
)

SETTINGS_QSS = """
QLabel[settingMeaning="true"] { color: #555555; }
QLabel[settingProblem="true"] { color: #a4231a; font-weight: bold; }
"""


def shown_text(key: str, field: SettingField) -> str:
    """What the field of `key` says when it shows `field` as stored (see `texts`)."""
    if key == LEADERBOARD:
        return "on" if (field.value or field.default) == "on" else "off"
    return field.value


class SettingsPage(QWidget):
    """The Settings tab for the signed-in manager `actor`.

    Each setting has an editor named `setting_<key>` (a check box for the leaderboard, a
    line edit otherwise), its meaning under it, and `settingProblem_<key>` for a refusal.

    Signals:
        loaded(): the fields show what the store holds (after opening and after a save).
        changed(str): settings were saved (audited); carries what the page said.
    """

    loaded = Signal()
    changed = Signal(str)

    def __init__(self, store: Store, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.setStyleSheet(SETTINGS_QSS)
        self.store = store
        self.actor = actor
        self.fields: dict[str, SettingField] = {}
        self.editors: dict[str, QLineEdit | QCheckBox] = {}
        self.problems: dict[str, QLabel] = {}
        self.work = PageWork(store, self)
        self.refresh_work = PageWork(store, self)
        """Reading the settings again for a change made elsewhere: Save stays as it is
        meanwhile, and the page's own work drops it."""
        self.refresher = PageRefresh(self, self.refresh,
                                     lambda: self.work.busy or self.refresh_work.busy)
        """Reads the settings again when they were changed elsewhere (`settings` in
        another process); a field the manager edited keeps the edit."""
        self._build()
        self.reload()

    def _build(self) -> None:
        body = QWidget(self)
        columns = QVBoxLayout(body)
        for title, rows in groups():
            box = QGroupBox(title, body)
            form = QFormLayout(box)
            for key, label in rows:
                editor: QLineEdit | QCheckBox
                if key == LEADERBOARD:
                    editor = QCheckBox(translate("settings", "On"), box)
                    editor.toggled.connect(lambda _on, k=key: self._edited(k))
                else:
                    editor = QLineEdit(box)
                    editor.setMaximumWidth(320)
                    editor.textEdited.connect(lambda _text, k=key: self._edited(k))
                editor.setObjectName(f"setting_{key}")
                editor.setEnabled(False)  # until the store's values are read
                meaning = QLabel(box)
                meaning.setObjectName(f"settingMeaning_{key}")
                meaning.setProperty("settingMeaning", True)
                meaning.setWordWrap(True)
                problem = plain_label(f"settingProblem_{key}", box)
                problem.setProperty("settingProblem", True)
                problem.hide()
                cell = QVBoxLayout()
                cell.setSpacing(2)
                cell.addWidget(editor)
                cell.addWidget(meaning)
                cell.addWidget(problem)
                form.addRow(label, cell)
                self.editors[key] = editor
                self.problems[key] = problem
            columns.addWidget(box)
        columns.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.save_button = QPushButton(translate("settings", "Save settings"), self)
        self.save_button.setObjectName("settingsSave")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(translate("settings", "Undo my edits"), self)
        self.revert_button.setObjectName("settingsRevert")
        self.revert_button.setAutoDefault(False)
        self.revert_button.clicked.connect(self.reload)
        self.message = plain_label("settingsMessage", self)
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)

    # ------------------------------------------------------------------ fields

    def _show(self, fields: dict[str, SettingField],
              keep: frozenset[str] = frozenset()) -> None:
        """Show `fields`; those in `keep` (edited by the manager) keep their text."""
        self.fields = fields
        for key, field in fields.items():
            if key in keep:
                continue
            editor = self.editors[key]
            editor.blockSignals(True)
            if isinstance(editor, QCheckBox):
                editor.setChecked((field.value or field.default) == "on")
            else:
                editor.setText(field.value)
                editor.setPlaceholderText(translate("settings", "{value} (default)").format(
                    value=field.default) if field.default else "")
            editor.blockSignals(False)
            editor.setEnabled(True)
            meaning = translate("core", field.meaning)
            row = self.editors[key].parentWidget()
            label = row.findChild(QLabel, f"settingMeaning_{key}") if row is not None else None
            if label is not None:
                label.setText(meaning[:1].upper() + meaning[1:] + ".")
            self._set_problem(key, "")

    def edited(self) -> frozenset[str]:
        """The settings whose field the manager changed from what the store held."""
        texts = self.texts()
        return frozenset(key for key, field in self.fields.items()
                         if texts.get(key) != shown_text(key, field))

    def texts(self) -> dict[str, str]:
        """What each field says now, as `settings KEY=VALUE` would be given it."""
        return {key: (("on" if editor.isChecked() else "off")
                      if isinstance(editor, QCheckBox) else editor.text())
                for key, editor in self.editors.items()}

    def _set_problem(self, key: str, text: str) -> None:
        label = self.problems[key]
        label.setText(text)
        label.setVisible(bool(text))

    def _edited(self, key: str) -> None:
        self._set_problem(key, "")

    # ------------------------------------------------------------------ store work

    @Slot()
    def reload(self) -> None:
        """Read the settings again (in a worker), dropping unsaved edits."""
        self._run(read_fields, "")

    def refresh(self) -> None:
        """Read the settings again (in a worker) for a change made elsewhere, keeping the
        fields the manager edited."""
        def done(fields: dict[str, SettingField]) -> None:
            self._show(fields, self.edited())
            self.refresher.catch_up()

        self.refresh_work.run(read_fields, done, lambda _text: self.refresher.catch_up())

    def _run(self, work: Any, said: str) -> None:
        self.refresh_work.drop()  # this work reads the settings too, after its change

        def done(fields: dict[str, SettingField]) -> None:
            self._show(fields)
            self.save_button.setEnabled(True)
            self.message.setText(said)
            if said:
                self.changed.emit(said)
            self.loaded.emit()
            self.refresher.catch_up()

        def failed(text: str) -> None:
            self.save_button.setEnabled(True)
            self.message.setText(translate("settings", "Nothing was saved: {problem}").format(
                problem=text))
            self.refresher.catch_up()

        self.save_button.setEnabled(False)
        self.work.run(work, done, failed)

    @Slot()
    def save(self) -> None:
        """Check every edited field as the command line does; save them all, or say by
        each refused field why and save nothing."""
        if self.work.busy:
            return
        changes, problems = changes_from(self.fields, self.texts())
        for key in self.editors:
            self._set_problem(key, problems.get(key, ""))
        if problems:
            count = len(problems)
            self.message.setText(plural(
                count, translate("settings", "Nothing was saved: {n} setting needs a change "
                                 "(see the red text)."),
                translate("settings", "Nothing was saved: {n} settings need a change (see the "
                          "red text).")))
            first = next(key for key in self.editors if key in problems)
            self.editors[first].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not changes:
            self.message.setText(translate("settings", "Nothing to save: no setting was "
                                           "changed."))
            return
        names = ", ".join(self.fields[key].label.lower() for key in changes)
        self._run(lambda store: save_settings(store, changes, self.actor),
                  translate("settings", "Saved: {names}. The tills use them from now on.")
                  .format(names=names))
