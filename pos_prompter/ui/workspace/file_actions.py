"""The workspace's File menu and toolbar: imports (rules, catalog, past orders) in dialogs
of their own, the rule pack export in a worker thread, the audit CSV, refresh and close.
The actions' objectNames are in ../shared/spec/interfaces.md."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from pos_prompter.bootstrap import export_text
from pos_prompter.core.errors import InputError
from pos_prompter.i18n import plural, translate
from pos_prompter.imports import CATALOG, ORDERS, RULES
from pos_prompter.store import Store
from pos_prompter.ui.jobs import StoreJob, deliver_to, jobs_of
from pos_prompter.ui.widgets import open_file_chooser
from pos_prompter.ui.workspace.import_dialog import ImportDialog

if TYPE_CHECKING:
    from pos_prompter.ui.workspace.window import WorkspaceWindow


def write_pack(store: Store, path: Path) -> int:
    """Export the store's rules and settings to `path` (JSON for .json, else YAML), as
    `pos-prompter export rules -o PATH` does; returns how many rules."""
    with store.snapshot():
        rules = store.rules.load()
        settings = store.load_settings()
    text = export_text(rules, settings, as_json=path.suffix.lower() == ".json")
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(translate("workspace", "could not write {path} ({problem})").format(
            path=path, problem=exc.strerror)) from None
    return len(rules)


class FileActions(QObject):
    """The File menu's actions on `window`, the import dialogs they open and the export
    they run (the window cannot close while one writes: `busy`).

    Signals:
        imported(object): an import wrote to the store; carries its summary.
        exported(str): a rule pack was written; carries its path.
        message(str): what to say in the window's status line.
    """

    imported = Signal(object)
    exported = Signal(str)
    message = Signal(str)

    def __init__(self, window: WorkspaceWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_dialogs: list[ImportDialog] = []
        self.file_dialog: QFileDialog | None = None
        self.export_job: StoreJob | None = None
        """Writing a rule pack, while it runs (20,000 rules take seconds)."""
        self._build()

    def _build(self) -> None:
        window = self.window

        def action(text: str, name: str, slot: Callable[[], object],
                   shortcut: QKeySequence | None = None) -> QAction:
            act = QAction(text, window)
            act.setObjectName(name)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.import_rules_action = action(translate("workspace", "Import rules…"),
                                          "importRulesAction", lambda: self.open_import(RULES))
        self.import_catalog_action = action(translate("workspace", "Import catalog…"),
                                            "importCatalogAction",
                                            lambda: self.open_import(CATALOG))
        self.import_orders_action = action(translate("workspace", "Import past orders…"),
                                           "importOrdersAction",
                                           lambda: self.open_import(ORDERS))
        self.export_rules_action = action(translate("workspace", "Export rules…"),
                                          "exportRulesAction", self.export_rules)
        self.export_audit_action = action(translate("workspace", "Export audit CSV…"),
                                          "exportAuditAction", window.audit_view.export_csv)
        self.refresh_action = action(translate("workspace", "Refresh"), "refreshAction",
                                     window.refresh_in_background,
                                     QKeySequence(QKeySequence.StandardKey.Refresh))
        self.close_action = action(translate("workspace", "Close workspace"),
                                   "closeWorkspaceAction", window.close,
                                   QKeySequence(QKeySequence.StandardKey.Close))
        file_menu = window.menuBar().addMenu(translate("workspace", "&File"))
        for act in (self.import_rules_action, self.import_catalog_action,
                    self.import_orders_action):
            file_menu.addAction(act)
        file_menu.addSeparator()
        for act in (self.export_rules_action, self.export_audit_action):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.refresh_action)
        file_menu.addAction(self.close_action)
        toolbar = window.addToolBar(translate("workspace", "Import and export"))
        toolbar.setObjectName("workspaceToolbar")
        toolbar.setMovable(False)
        for act in (self.import_rules_action, self.import_catalog_action,
                    self.export_rules_action, self.export_audit_action):
            toolbar.addAction(act)

    @property
    def busy(self) -> bool:
        """An import or export is running."""
        return self.export_job is not None or any(d.busy for d in self.import_dialogs)

    # ------------------------------------------------------------------ import

    def open_import(self, kind: str, path: Path | None = None) -> ImportDialog:
        """Open the import dialog for `kind` ("rules", "catalog" or "orders"): on `path`,
        or asking for a file."""
        window = self.window
        if path is None:
            dialog = ImportDialog(window.store, window.actor, kind, window, today=window.today)
        else:
            dialog = ImportDialog.for_file(window.store, window.actor, kind, path, window,
                                           today=window.today)
        dialog.import_finished.connect(self.imported)
        dialog.finished.connect(lambda _result, d=dialog: self._import_closed(d))
        self.import_dialogs.append(dialog)
        dialog.open()
        if path is None:
            dialog.choose_file()
        return dialog

    def _import_closed(self, dialog: ImportDialog) -> None:
        if dialog in self.import_dialogs:
            self.import_dialogs.remove(dialog)
        dialog.deleteLater()

    def close_dialogs(self) -> None:
        for dialog in list(self.import_dialogs):
            dialog.close()

    # ------------------------------------------------------------------ export

    @Slot()
    def export_rules(self, path: Path | None = None) -> None:
        """Write the store's rules and settings as a pack (YAML, or JSON for a .json path)
        that imports back to the same rules, in a worker thread; without a path, ask for
        one. `exported` says when the file is written."""
        if self.export_job is not None:
            return
        window = self.window
        if path is None:
            self.file_dialog = open_file_chooser(
                window, "exportRulesFile", translate("workspace", "Export rules"),
                translate("import", "Rule packs (*.yaml *.yml *.json)"),
                self.export_rules, self._chooser_closed, save_as="rules.yaml", suffix="yaml")
            return
        if window.store.path is None:
            self.message.emit(translate("workspace", "This store has no file to export from."))
            return
        self.export_rules_action.setEnabled(False)
        self.message.emit(translate("workspace", "Exporting the rules to {path}…").format(
            path=path))
        # No parent: the window's runner (jobs.jobs_of) keeps the job until its thread has
        # finished, and deletes it then.
        job = StoreJob(window.store.path, lambda store, _progress: write_pack(store, path))

        def succeeded(me: FileActions, count: int) -> None:
            me._export_done()
            me.message.emit(plural(count, translate("workspace", "Exported {n} rule to {path}."),
                                   translate("workspace", "Exported {n} rules to {path}."),
                                   path=path))
            me.exported.emit(str(path))

        def failed(me: FileActions, headline: str, problems: list[str]) -> None:
            me._export_done()
            me.message.emit(translate("workspace", "The rules were not exported: {problem}")
                            .format(problem=problems[0] if problems else headline))

        deliver_to(job, self, lambda me: me.export_job is job, succeeded, failed)
        self.export_job = job
        jobs_of(window).launch(job)

    def _export_done(self) -> None:
        self.export_job = None  # the runner deletes the finished job
        self.export_rules_action.setEnabled(True)

    def _chooser_closed(self) -> None:
        dialog, self.file_dialog = self.file_dialog, None
        if dialog is not None:
            dialog.deleteLater()
