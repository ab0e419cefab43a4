"""The audit log in the workspace: who changed what and when, with before and after,
filtered by entity, person, dates and text, newest first, and exported as CSV.

The store writes the log (pos_prompter.store.audit); this only reads it. A big import
writes a row per product, so the table shows the newest `limit` matching entries and says
so; the CSV export always has every entry that matches the filters. Under the table, a line
says whether the log's hash chain is intact (`audit verify`), checked in a worker thread
when the view opens and each time it reloads.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.i18n import QT_TRANSLATE_NOOP, plural, say, translate
from pos_prompter.i18n.audit_words import action_text, actor_text, change_text, entity_text
from pos_prompter.i18n.formats import number, table_datetime
from pos_prompter.store import Store
from pos_prompter.store.audit import (
    ENTITIES,
    AuditEntry,
    audit_actors,
    audit_csv,
    audit_entries,
    verify_audit,
)
from pos_prompter.store.audit_chain import ChainCheck
from pos_prompter.ui.jobs import StoreJob, deliver_to, jobs_of
from pos_prompter.ui.list_model import ListTableModel
from pos_prompter.ui.widgets import (
    edit_day,
    open_file_chooser,
    optional_date_edit,
    plain_label,
    set_edit_day,
)

WHEN, WHO, ENTITY, ENTITY_ID, ACTION, CHANGE = range(6)
HEADERS = (QT_TRANSLATE_NOOP("audit", "When"), QT_TRANSLATE_NOOP("audit", "Who"),
           QT_TRANSLATE_NOOP("audit", "What"), QT_TRANSLATE_NOOP("audit", "Id"),
           QT_TRANSLATE_NOOP("audit", "Action"), QT_TRANSLATE_NOOP("audit", "Change"))
"""The column titles in English (each model shows them translated)."""
ENTITY_TEXT = {"rule": QT_TRANSLATE_NOOP("audit", "rules"),
               "setting": QT_TRANSLATE_NOOP("audit", "settings"),
               "product": QT_TRANSLATE_NOOP("audit", "products"),
               "staff": QT_TRANSLATE_NOOP("audit", "staff")}

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() with this role returns the row's `AuditEntry`."""

DISPLAY_LIMIT = 1000
"""The newest this many matching entries are shown (the CSV export has them all)."""
TOOLTIP_CHARS = 1500
"""A date edit at this (its minimum) means "no bound"; it shows the special text 'any'."""

Index = QModelIndex | QPersistentModelIndex

def chain_text(result: ChainCheck) -> str:
    """The chain line: intact with its entries, or the first entry tampered with."""
    if result.intact:
        return translate("audit", "Audit log chain intact: {n} entries.").format(
            n=number(result.entries))
    text = say(result.text)
    return text[:1].upper() + text[1:] + "."


def _json(value: Any) -> str:
    if value is None:
        return translate("audit", "(none)")
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)


class AuditTableModel(ListTableModel):
    """Audit entries as rows, in the order given: when, who, what, id, action, change."""

    headers: Sequence[str] = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(translate("audit", text) for text in HEADERS)
        self._entries: list[AuditEntry] = []

    @property
    def entries(self) -> list[AuditEntry]:
        return list(self._entries)

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def table_rows(self) -> Sequence[Any]:
        return self._entries

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.item_at(index)
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CHANGE:
                text = (translate("audit", "before:") + f"\n{_json(entry.before)}\n\n"
                        + translate("audit", "after:") + f"\n{_json(entry.after)}")
                return text if len(text) <= TOOLTIP_CHARS else text[:TOOLTIP_CHARS] + "\n…"
            return self._text(entry, column)
        if role == ENTRY_ROLE:
            return entry
        return None

    @staticmethod
    def _text(entry: AuditEntry, column: int) -> str:
        if column == WHEN:
            return table_datetime(entry.at, seconds=True)
        if column == WHO:
            return actor_text(entry.actor)
        if column == ENTITY:
            return entity_text(entry.entity)
        if column == ENTITY_ID:
            return entry.entity_id
        if column == ACTION:
            return action_text(entry.action)
        return change_text(entry)


@dataclass(frozen=True)
class AuditData:
    """What the audit view shows when it opens (no filter set), read once, on any thread."""

    entries: list[AuditEntry]
    """The newest entries, newest first: one more than shown when there are more."""
    actors: list[str]
    """Everyone in the log, for the filter."""


def load_audit(store: Store, limit: int = DISPLAY_LIMIT) -> AuditData:
    """Read what a new AuditView shows (`AuditView(preloaded=...)`), as one snapshot."""
    with store.snapshot():
        return AuditData(audit_entries(store, newest_first=True, limit=limit + 1),
                         audit_actors(store))


class AuditView(QWidget):
    """The audit log tab: filters, the table (newest first) and Export CSV.

    `debounce_ms` is how long typing in the search box waits before the log is read
    again (0: at once, for tests).

    Signals:
        refreshed(int): the table was read again; carries the number of rows shown.
        exported(str): a CSV file was written; carries its path.
        chain_checked(bool): the chain line shows a finished check; True when intact.
    """

    refreshed = Signal(int)
    exported = Signal(str)
    chain_checked = Signal(bool)

    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 debounce_ms: int = 250, limit: int = DISPLAY_LIMIT,
                 preloaded: AuditData | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.store = store
        self.limit = limit
        self.model = AuditTableModel(self)
        self.file_dialog: QFileDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(debounce_ms, 0))
        self._timer.timeout.connect(self.refresh)
        self._check_job: StoreJob | None = None
        self._check_again = False
        self._build()
        if preloaded is None:  # read here and now
            preloaded = load_audit(store, limit)
        self._fill_actors(preloaded.actors)
        self._show_entries(preloaded.entries)
        self.check_chain()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.entity_filter = QComboBox(self)
        self.entity_filter.setObjectName("auditEntity")
        self.entity_filter.addItem(translate("audit", "Everything"), None)
        for entity in ENTITIES:
            word = ENTITY_TEXT.get(entity)
            self.entity_filter.addItem(translate("audit", word) if word else entity, entity)
        self.actor_filter = QComboBox(self)
        self.actor_filter.setObjectName("auditActor")
        self.from_date = optional_date_edit("auditFrom", self)
        self.to_date = optional_date_edit("auditTo", self)
        self.search = QLineEdit(self)
        self.search.setObjectName("auditSearch")
        self.search.setPlaceholderText(translate("audit", "Search ids, names, values"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(translate("audit", "Refresh"), self)
        self.refresh_button.setObjectName("auditRefresh")
        self.refresh_button.setAutoDefault(False)
        self.export_button = QPushButton(translate("audit", "Export CSV…"), self)
        self.export_button.setObjectName("auditExport")
        self.export_button.setAutoDefault(False)

        self.entity_filter.currentIndexChanged.connect(self._schedule)
        self.actor_filter.currentIndexChanged.connect(self._schedule)
        self.from_date.dateChanged.connect(self._schedule)
        self.to_date.dateChanged.connect(self._schedule)
        self.search.textChanged.connect(self._schedule)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(lambda _checked=False: self.export_csv())

        filters = QHBoxLayout()
        filters.addWidget(self.entity_filter)
        filters.addWidget(self.actor_filter)
        filters.addWidget(QLabel(translate("audit", "from"), self))
        filters.addWidget(self.from_date)
        filters.addWidget(QLabel(translate("audit", "to"), self))
        filters.addWidget(self.to_date)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.export_button)

        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CHANGE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(WHEN, 160)
        header.resizeSection(ENTITY_ID, 180)

        self.message = plain_label("auditMessage", self)
        self.chain = plain_label("auditChain", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.chain)

    def _fill_actors(self, actors: Sequence[str] | None = None) -> None:
        """The people filter: `actors`, or everyone in the log now."""
        keep = self.actor_filter.currentData()
        self.actor_filter.blockSignals(True)
        self.actor_filter.clear()
        self.actor_filter.addItem(translate("audit", "Everyone"), None)
        for actor in audit_actors(self.store) if actors is None else actors:
            self.actor_filter.addItem(actor_text(actor), actor)
        at = self.actor_filter.findData(keep) if keep is not None else 0
        self.actor_filter.setCurrentIndex(max(at, 0))
        self.actor_filter.blockSignals(False)

    # ------------------------------------------------------------------ filtering

    def set_dates(self, since: dt.date | None, until: dt.date | None) -> None:
        """Set the date range (None: no bound)."""
        for edit, day in ((self.from_date, since), (self.to_date, until)):
            set_edit_day(edit, day)

    def filters(self) -> dict[str, Any]:
        """The filters as `audit_entries` keyword arguments."""
        return {"entity": self.entity_filter.currentData(),
                "actor": self.actor_filter.currentData(),
                "since": edit_day(self.from_date), "until": edit_day(self.to_date),
                "text": self.search.text().strip() or None}

    @Slot()
    def _schedule(self) -> None:
        if self._timer.interval() == 0:
            self.refresh()
        else:
            self._timer.start()

    @Slot()
    def reload(self) -> None:
        """Read the list of people and the log again (after changes), and check its
        chain again."""
        self._fill_actors()
        self.refresh()
        self.check_chain()

    # ------------------------------------------------------------------ the chain

    @Slot()
    def check_chain(self) -> None:
        """Check the log's hash chain in a worker thread on a connection of its own (the
        whole log is read: about a second per 100,000 entries). Asked again while one
        runs: one more runs after it. A store without a file (in memory) is checked now."""
        if self.store.path is None:
            self._chain_done(verify_audit(self.store), "")
            return
        if self._check_job is not None:
            self._check_again = True
            return
        self._check_again = False
        job = StoreJob(self.store.path,  # no parent: the window's runner keeps it
                       lambda store, _progress: verify_audit(store))
        deliver_to(job, self, lambda me: me._check_job is job,
                   lambda me, result: me._chain_done(result, ""),
                   lambda me, headline, problems: me._chain_done(
                       None, problems[0] if problems else headline))
        self._check_job = job
        if not self.chain.text():
            self.chain.setText(translate("audit", "Checking the audit log's chain…"))
        jobs_of(self).launch(job)

    def _chain_done(self, result: ChainCheck | None, problem: str) -> None:
        self._check_job = None
        if self._check_again:
            self.check_chain()
            return
        if result is None:
            self.chain.setText(translate("audit", "Could not check the audit log's chain: "
                                         "{problem}").format(problem=problem))
            return
        self.chain.setText(chain_text(result))
        self.chain_checked.emit(result.intact)

    @Slot()
    def refresh(self) -> None:
        """Show the newest entries that match the filters."""
        self._timer.stop()
        self._show_entries(audit_entries(self.store, newest_first=True, limit=self.limit + 1,
                                         **self.filters()))

    def _show_entries(self, entries: Sequence[AuditEntry]) -> None:
        """Show the newest entries read (one more than the limit when there are more)."""
        more = len(entries) > self.limit
        self.model.set_entries(entries[:self.limit])
        shown = self.model.rowCount()
        if more:
            self.message.setText(translate("audit", "Showing the newest {n} matching changes; "
                                           "narrow the filters to see older ones (Export CSV "
                                           "has them all).").format(n=shown))
        else:
            self.message.setText(plural(shown, translate("audit", "{n} matching change."),
                                        translate("audit", "{n} matching changes.")))
        self.refreshed.emit(shown)

    # ------------------------------------------------------------------ export

    def _chooser_closed(self) -> None:
        dialog, self.file_dialog = self.file_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def export_csv(self, path: Path | None = None) -> None:
        """Write every entry that matches the filters (oldest first, like `pos-prompter
        audit --format csv`) to `path`; without one, ask where (without blocking)."""
        if path is None:
            self.file_dialog = open_file_chooser(
                self, "auditExportFile", translate("audit", "Export the audit log"),
                translate("audit", "CSV files (*.csv)"), self.export_csv, self._chooser_closed,
                save_as="audit.csv", suffix="csv")
            return
        entries = audit_entries(self.store, **self.filters())
        try:
            path.write_text(audit_csv(entries), encoding="utf-8", newline="")
        except OSError as exc:
            self.message.setText(translate("audit", "Could not write {path} ({reason}).").format(
                path=path, reason=exc.strerror))
            return
        self.message.setText(plural(len(entries), translate("audit", "Exported {n} change to "
                                                            "{path}."),
                                    translate("audit", "Exported {n} changes to {path}."),
                                    path=path))
        self.exported.emit(str(path))
