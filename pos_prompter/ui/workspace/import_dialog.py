"""Importing a rule pack, a catalog CSV or past orders from the workspace: read the file,
show what would change, and only then apply it, as the signed-in manager.

The steps (read and check, preview, apply) are `pos_prompter.imports`', which the command
line runs too (`import ... --dry-run`). Here lint errors block publishing and warnings must
be acknowledged with a tick. The steps run in a worker thread with a Store connection of
its own, so the window (and the till beside it) stays responsive while 100,000 products
are read and written; the store's progress reports reach `importProgress` through a
signal.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.language import SOURCE
from pos_prompter.i18n import QT_TRANSLATE_NOOP, language, plural, say, translate
from pos_prompter.imports import (
    CATALOG,
    ITEMS,
    KINDS,
    ORDERS,
    RULES,
    Preview,
    apply_preview,
    read_preview,
    summary_words,
)
from pos_prompter.store import ImportSummary, Store
from pos_prompter.ui.jobs import StoreJob, Work, deliver_to, jobs_of
from pos_prompter.ui.widgets import dialog_button, open_file_chooser, plain_label
from pos_prompter.ui.workspace.rules.publish_status import findings_text

logger = logging.getLogger(__name__)

FILE_FILTERS: Final = {RULES: QT_TRANSLATE_NOOP("import", "Rule packs (*.yaml *.yml *.json)"),
                       CATALOG: QT_TRANSLATE_NOOP("import", "Catalog CSV (*.csv)"),
                       ORDERS: QT_TRANSLATE_NOOP("import", "Past orders CSV (*.csv)")}
"""In English: translated where shown, as are TITLES and GROUPS."""
TITLES: Final = {RULES: QT_TRANSLATE_NOOP("import", "Import rule pack"),
                 CATALOG: QT_TRANSLATE_NOOP("import", "Import catalog"),
                 ORDERS: QT_TRANSLATE_NOOP("import", "Import past orders")}
"""The dialog's title for each kind ("Import " and imports.WHAT)."""
GROUPS: Final = {"Added": QT_TRANSLATE_NOOP("import", "Added"),
                 "Changed": QT_TRANSLATE_NOOP("import", "Changed"),
                 "Removed": QT_TRANSLATE_NOOP("import", "Removed"),
                 "Orders": QT_TRANSLATE_NOOP("import", "Orders")}
"""The lists' titles (the dialog's `groups` are keyed by the English)."""
LIST_LIMIT: Final = 500
"""Each list shows this many ids at most, then how many more (100,000 rows would make the
dialog crawl, and nobody reads them)."""
ERROR_COLOR: Final = "#a4231a"


# ---------------------------------------------------------------------- the dialog


class ImportDialog(QDialog):
    """Import one rule pack or catalog CSV into the store, as `actor`, after a preview.

    Open it with `open()` (never `exec()`); `for_file` starts on a given file, otherwise
    `choose_file` asks for one. While a worker runs, the dialog cannot be closed.

    Signals:
        preview_ready(object): the file was read and compared: the `Preview`.
        preview_failed(str): the file was refused (the problems are in importErrors).
        import_finished(object): the import was applied: the store's `ImportSummary`.
        import_failed(str): the store refused the import; nothing was changed.
    """

    preview_ready = Signal(object)
    preview_failed = Signal(str)
    import_finished = Signal(object)
    import_failed = Signal(str)

    def __init__(self, store: Store, actor: str, kind: str, parent: QWidget | None = None,
                 *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown import kind {kind!r}")
        self.setObjectName("importDialog")
        self.setWindowTitle(translate("import", TITLES[kind]))
        self.resize(760, 620)
        self.store = store
        self.actor = actor
        self.kind = kind
        self.today = today
        self.path: Path | None = None
        self.preview: Preview | None = None
        self.summary: ImportSummary | None = None
        self.job: StoreJob | None = None
        self.file_dialog: QFileDialog | None = None
        self._build()
        self._show_state()

    @classmethod
    def for_file(cls, store: Store, actor: str, kind: str, path: Path,
                 parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> ImportDialog:
        """A dialog that starts reading `path` at once (the file chooser's seam)."""
        dialog = cls(store, actor, kind, parent, today=today)
        dialog.load(path)
        return dialog

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.path_label = plain_label("importPath", self)
        self.choose_button = dialog_button(translate("import", "Choose file…"),
                                           "importChooseFile", self, self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.path_label, 1)
        top.addWidget(self.choose_button)

        self.merge_box = QCheckBox(translate("import", "Merge: only add and update rules; keep "
                                             "the rules that are not in the pack"), self)
        self.merge_box.setObjectName("importMerge")
        self.merge_box.setVisible(self.kind == RULES)
        self.merge_box.toggled.connect(self._reload)

        self.summary_label = plain_label("importSummary", self)
        self.errors = self._list("importErrors")
        self.added = self._list("importAdded")
        self.changed = self._list("importChanged")
        self.removed = self._list("importRemoved")
        self.findings = self._list("importFindings")
        self.groups: dict[str, QGroupBox] = {}
        lists = QHBoxLayout()
        for title, widget in (("Added", self.added), ("Changed", self.changed),
                              ("Removed", self.removed)):
            group = QGroupBox(translate("import", GROUPS[title]), self)
            group.setObjectName(widget.objectName() + "Group")
            box = QVBoxLayout(group)
            box.addWidget(widget)
            lists.addWidget(group)
            self.groups[title] = group
        if self.kind == ORDERS:
            self.groups["Added"].setTitle(translate("import", GROUPS["Orders"]))
        self.findings_group = QGroupBox(translate("import", "Lint findings"), self)
        QVBoxLayout(self.findings_group).addWidget(self.findings)
        self.notes_label = plain_label("importNotes", self)

        self.confirm_box = QCheckBox(translate("import", "I have read the warnings: publish "
                                               "anyway"), self)
        self.confirm_box.setObjectName("importConfirmWarnings")
        self.confirm_box.toggled.connect(self._update_buttons)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.result_label = plain_label("importResult", self)

        self.apply_button = dialog_button(translate("import", "Apply"), "importApply", self,
                                          self.apply)
        self.close_button = dialog_button(translate("import", "Close"), "importClose", self,
                                          self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.merge_box)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.errors, 1)
        layout.addLayout(lists, 2)
        layout.addWidget(self.findings_group, 1)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.setUniformItemSizes(True)
        return widget

    # ------------------------------------------------------------------ state

    @property
    def busy(self) -> bool:
        """A worker is reading or importing: the dialog stays open until it is done."""
        return self.job is not None

    def _show_state(self) -> None:
        preview = self.preview
        refused = self.errors.count() > 0
        self.errors.setVisible(refused)
        wanted = {"Added": True, "Changed": self.kind != ORDERS, "Removed": self.kind == RULES}
        for title, group in self.groups.items():
            group.setVisible(preview is not None and not refused and wanted[title])
        self.findings_group.setVisible(preview is not None and bool(preview.findings))
        self.confirm_box.setVisible(preview is not None and not preview.blocked
                                    and bool(preview.warnings) and self.summary is None)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        preview = self.preview
        ready = (preview is not None and not self.busy and self.summary is None
                 and not preview.blocked
                 and (not preview.warnings or self.confirm_box.isChecked()))
        self.apply_button.setEnabled(ready)
        self.choose_button.setEnabled(not self.busy)
        self.merge_box.setEnabled(not self.busy and self.summary is None)
        self.close_button.setEnabled(not self.busy)

    def _clear(self) -> None:
        self.preview = None
        self.summary = None
        for widget in (self.errors, self.added, self.changed, self.removed, self.findings):
            widget.clear()
        self.notes_label.clear()
        self.result_label.clear()
        self.confirm_box.setChecked(False)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)

    def _start(self, work: Work, on_success: Callable[[Any], None],
               on_failure: Callable[[str, list[str]], None]) -> None:
        assert self.job is None
        if self.store.path is None:  # an in-memory copy: nothing to import into
            on_failure(translate("import", "This store has no file to import into."), [])
            return
        # No parent: the window's runner (jobs.jobs_of) keeps the job until its thread has
        # finished, and deletes it then.
        job = StoreJob(self.store.path, work)
        job.progressed.connect(self._on_progress)

        def succeeded(me: ImportDialog, result: Any) -> None:
            me._on_job_done()
            on_success(result)

        def failed(me: ImportDialog, headline: str, problems: list[str]) -> None:
            me._on_job_done()
            on_failure(headline, problems)

        deliver_to(job, self, lambda me: me.job is job, succeeded, failed)
        self.job = job
        self._update_buttons()
        jobs_of(self).launch(job)

    def _on_job_done(self) -> None:
        self.job = None  # the runner deletes the finished job
        self._update_buttons()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.progress.setValue(100 if total <= 0 else min(100, done * 100 // total))

    # ------------------------------------------------------------------ reading

    def choose_file(self) -> None:
        """Ask for the file to import (without blocking); reading starts when one is
        chosen."""
        if self.busy:
            return
        self.file_dialog = open_file_chooser(
            self, "importFileChooser", translate("import", TITLES[self.kind]),
            translate("import", FILE_FILTERS[self.kind]), self.load, self._chooser_closed)

    def _chooser_closed(self) -> None:
        dialog, self.file_dialog = self.file_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def load(self, path: Path) -> None:
        """Read `path` and compare it with the store, in the worker."""
        if self.busy:
            return
        self._clear()
        self.path = path
        self.path_label.setText(str(path))
        self.summary_label.setText(translate("import", "Reading {name}…").format(
            name=path.name))
        self.progress.setRange(0, 0)  # busy until the reader reports progress (if it does)
        kind, merge, today = self.kind, self.merge_box.isChecked(), self.today
        self._show_state()
        self._start(lambda store, progress: read_preview(store, kind, path, merge=merge,
                                                         today=today, progress=progress),
                    self._on_preview, self._on_preview_failed)

    @Slot()
    def _reload(self) -> None:
        if self.path is not None and self.summary is None:
            self.load(self.path)

    @Slot(object)
    def _on_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self._fill(self.added, preview.added)
        self._fill(self.changed, preview.changed)
        self._fill(self.removed, preview.removed)
        for title, items in (("Added", preview.added), ("Changed", preview.changed),
                             ("Removed", preview.removed)):
            name = "Orders" if self.kind == ORDERS and title == "Added" else title
            self.groups[title].setTitle(f"{translate('import', GROUPS[name])} ({len(items)})")
        for finding in preview.findings:  # as `import --dry-run` says it, in English
            line = (str(finding) if language() == SOURCE
                    else f"{finding.rule_id}: {findings_text([finding])}")
            item = QListWidgetItem(line, self.findings)
            if finding.severity == "error":
                item.setForeground(QBrush(QColor(ERROR_COLOR)))
        self.notes_label.setText("\n".join(say(note) for note in preview.notes))
        headline = f"{preview.path.name}: {say(ITEMS[self.kind])} {say(preview.counts())}."
        if preview.blocked:
            headline += " " + plural(
                len(preview.errors),
                translate("import", "{n} lint error blocks publishing: fix the pack and choose "
                          "it again."),
                translate("import", "{n} lint errors block publishing: fix the pack and choose "
                          "it again."))
        elif preview.warnings:
            headline += " " + plural(
                len(preview.warnings),
                translate("import", "{n} warning: tick the box below to publish anyway."),
                translate("import", "{n} warnings: tick the box below to publish anyway."))
        elif not preview.changes_anything:
            headline += " " + translate("import", "Nothing would change.")
        self.summary_label.setText(headline)
        self._show_state()
        self.preview_ready.emit(preview)

    @Slot(str, object)
    def _on_preview_failed(self, headline: str, problems: list[str]) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.summary_label.setText(headline)
        self._fill(self.errors, problems, limit=None)
        self._show_state()
        self.preview_failed.emit(headline)

    @staticmethod
    def _fill(widget: QListWidget, items: Sequence[str], limit: int | None = LIST_LIMIT) -> None:
        widget.clear()
        shown = items if limit is None else items[:limit]
        widget.addItems([say(item) for item in shown])
        if len(shown) < len(items):
            widget.addItem("\N{HORIZONTAL ELLIPSIS} " + translate("import", "and {n} more").format(
                n=len(items) - len(shown)))

    # ------------------------------------------------------------------ applying

    def apply(self) -> None:
        """Import what the preview shows, in the worker, with the progress bar."""
        preview = self.preview
        if preview is None or not self.apply_button.isEnabled():
            return
        self.result_label.setText(translate("import", "Importing…"))
        if preview.kind == RULES:
            self.progress.setRange(0, 0)  # rules are written in one go: busy, then done
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(0)
        actor = self.actor
        self._start(lambda store, progress: apply_preview(store, preview, actor, progress),
                    self._on_applied, self._on_apply_failed)

    @Slot(object)
    def _on_applied(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        if self.kind == ORDERS:
            done = (say(summary_words(summary, ORDERS))
                    + ". " + translate("import", "Reports and evidence include them from now "
                                       "on."))
        else:
            done = (say(summary_words(summary, self.kind)) + ". "
                    + translate("import", "The tills use the change from now on."))
        self.result_label.setText(translate("import", "Done.") + " " + done)
        self._show_state()
        self.import_finished.emit(summary)

    @Slot(str, object)
    def _on_apply_failed(self, headline: str, problems: list[str]) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.result_label.setText(headline)
        self._fill(self.errors, problems, limit=None)
        self._show_state()
        self.import_failed.emit(headline)

    # ------------------------------------------------------------------ closing

    def reject(self) -> None:
        if self.busy:
            self.result_label.setText(translate("import", "Wait for the import to finish; it "
                                                "cannot be stopped half-way (it is all or "
                                                "nothing)."))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
