"""The manager's workspace window: the rules (list and editor) and the audit log, with
imports and exports in the menu.

It is opened by the till after a manager signed in (`sign_in.SignInDialog`), over the
till's store, and everything done here is audited under that manager's name. It is not
modal: the till keeps selling while it is open, and takes every change as soon as it is
published (`published`, and the store watcher of any till in another process).

The window holds the pages as tabs and keeps the rule list and the editor in step; its
File menu (imports, the rule pack export) is `file_actions.FileActions`, what it reads
when it opens `workspace_load`, its splitters' memory `layout_memory.LayoutMemory`, and
the demo password banner `demo_banner`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pos_prompter.core.rules import Rule
from pos_prompter.i18n import translate
from pos_prompter.store import Store
from pos_prompter.store.auth import Person, StaffStore
from pos_prompter.ui.jobs import JobRunner, StoreJob, jobs_of
from pos_prompter.ui.store_watcher import StoreWatcher, commit_counter
from pos_prompter.ui.widgets import plain_label
from pos_prompter.ui.workspace.audit_view import AuditView
from pos_prompter.ui.workspace.catalog_page import CatalogPage
from pos_prompter.ui.workspace.demo_banner import BANNER_QSS, DemoPasswordBanner
from pos_prompter.ui.workspace.discard_box import ask_to_discard
from pos_prompter.ui.workspace.file_actions import FileActions, write_pack
from pos_prompter.ui.workspace.import_dialog import ImportDialog
from pos_prompter.ui.workspace.layout_memory import (
    LAYOUT_GROUP,
    LayoutMemory,
    app_layout_settings,
    read_sizes,
)
from pos_prompter.ui.workspace.office_style import OFFICE_QSS, OfficeTheme
from pos_prompter.ui.workspace.page_tabs import PageTabs
from pos_prompter.ui.workspace.report_view import ReportView
from pos_prompter.ui.workspace.rule_editor import RuleEditor
from pos_prompter.ui.workspace.rule_list import ListData, RuleListView
from pos_prompter.ui.workspace.rules_layout import RulesLayout
from pos_prompter.ui.workspace.settings_page import SettingsPage
from pos_prompter.ui.workspace.sign_in import ChangePasswordDialog
from pos_prompter.ui.workspace.staff_page import StaffPage
from pos_prompter.ui.workspace.suggestion_list import SuggestionList
from pos_prompter.ui.workspace.workspace_load import (
    WorkspaceData,
    editor_context,
    load_workspace,
    uses_demo_password,
)

__all__ = ["LAYOUT_GROUP", "WorkspaceData", "WorkspaceWindow", "app_layout_settings",
           "editor_context", "load_workspace", "read_sizes", "uses_demo_password",
           "write_pack"]

WINDOW_SIZE = QSize(1280, 800)
"""What the workspace opens at (less on a smaller screen)."""
FRAME_WIDTH = 24
"""How much narrower than the window its Rules tab is (margins and the tabs' frame)."""
LIST_WIDTH = 424
"""The rule list's share of the Rules tab at first (the editor and preview take the rest)."""

class WorkspaceWindow(QMainWindow):
    """Rules and audit log for one signed-in manager (`person`, the audit actor).

    `demo_password` says whether they signed in with a published demo password (None:
    find out from the store); `today` is the date lint judges expiry by (None: today);
    `audit_debounce_ms` is how long the audit search waits for typing to stop.
    `layout_settings` remembers the splitters' sizes (None: the user's own when this
    process is the app, see `app_layout_settings`; nowhere otherwise).

    Signals:
        published(int): rules, catalog or settings were changed from here; carries the
            store's publish revision (a till in this process reloads at once).
        rules_exported(str): a rule pack was written; carries its path.
        closed(): the window was closed.
    """

    published = Signal(int)
    rules_exported = Signal(str)
    closed = Signal()

    def __init__(self, store: Store, person: Person | str, parent: QWidget | None = None, *,
                 staff: StaffStore | None = None, demo_password: bool | None = None,
                 today: dt.date | None = None, audit_debounce_ms: int = 250,
                 layout_settings: QSettings | None = None,
                 preloaded: WorkspaceData | None = None,
                 jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("workspaceWindow")
        self.store = store
        self.jobs = jobs if jobs is not None else (
            jobs_of(parent) if parent is not None else JobRunner(self))
        """Runs the pages' store jobs: the till's (the app's), handed down."""
        self.actor = person if isinstance(person, str) else person.name
        self.staff = staff or StaffStore(store)
        self.today = today
        self.confirm_box: QMessageBox | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self._editing: str | None = None
        self._closing_anyway = False
        self._elsewhere = False
        """Changes published elsewhere are being loaded: the editor catches up after."""
        self._editor_behind = False
        """The editor caught up with a load while another ran: it takes that one too."""
        store_name = store.get_setting("store_name")
        self.setWindowTitle(translate("workspace", "pos-prompter workspace")
                            + (f" \N{EM DASH} {store_name}" if store_name else "")
                            + f" \N{EM DASH} {self.actor}")
        self.resize(WINDOW_SIZE.boundedTo(self.screen().availableSize()))
        self.setStyleSheet(BANNER_QSS + OFFICE_QSS)  # OFFICE_QSS: outlined buttons
        self.layout_settings = (layout_settings if layout_settings is not None
                                else app_layout_settings(self))
        self._build(audit_debounce_ms, preloaded)
        self.theme = OfficeTheme(self, store)
        """The till's light or dark theme, by the same rule, following the system."""
        self.layout_memory = LayoutMemory(self.layout_settings, self.splitter, self.editor, self)
        """Puts the splitters back as the manager left them, and remembers every move."""
        self.files = FileActions(self)
        """The File menu and toolbar: imports, the rule pack export, refresh, close."""
        self.files.imported.connect(self._on_imported)
        self.files.exported.connect(self.rules_exported)
        self.files.message.connect(self.say)
        self.import_rules_action = self.files.import_rules_action
        self.import_catalog_action = self.files.import_catalog_action
        self.import_orders_action = self.files.import_orders_action
        self.export_rules_action = self.files.export_rules_action
        self.export_audit_action = self.files.export_audit_action
        self.refresh_action = self.files.refresh_action
        self.close_action = self.files.close_action
        if demo_password is None:
            demo_password = uses_demo_password(self.staff, self.actor)
        self.banner.setVisible(demo_password)
        self.watcher: StoreWatcher | None = None
        if store.path is not None:
            self.watcher = StoreWatcher(store.path, store.publish_revision, self,
                                        commits=commit_counter(store))
            self.watcher.published.connect(self._on_published_elsewhere)
            self.watcher.written.connect(self.rule_list.refresh_results)
            self.watcher.written.connect(self.report_view.store_changed)  # a sale: live
            self.watcher.published.connect(self.report_view.store_changed)  # titles, rules
            for page in (self.staff_page, self.settings_page, self.catalog_page):
                self.watcher.published.connect(page.refresher.store_changed)
            self.watcher.written.connect(self.staff_page.refresher.store_changed)  # no publish
        if preloaded is not None:  # read a moment ago, in a worker: catch up from there
            revision = store.publish_revision()
            if revision != preloaded.rules.revision:
                self._on_published_elsewhere(revision)
            else:
                self.rule_list.refresh_results()  # sales since: their prompt outcomes

    # ------------------------------------------------------------------ building

    def _build(self, audit_debounce_ms: int, preloaded: WorkspaceData | None) -> None:
        central = QWidget(self)
        self.setCentralWidget(central)

        self.banner = DemoPasswordBanner(self.actor, central)
        self.change_password_button = self.banner.change_password_button
        self.change_password_button.clicked.connect(self.change_password)

        loaded = preloaded.rules if preloaded is not None else None
        self.rule_list = RuleListView(self.store, self.actor, central, preloaded=loaded)
        self.editor = RuleEditor(self.store, self.actor, central,
                                 context=None if loaded is None else editor_context(loaded))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("rulesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.rule_list)
        self.splitter.addWidget(self.editor)
        # The editor holds the form and the preview side by side: it gets the larger share.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([LIST_WIDTH, WINDOW_SIZE.width() - LIST_WIDTH])
        self.rules_layout = RulesLayout(self.splitter, self.rule_list, self.editor)
        self.audit_view = AuditView(self.store, central, debounce_ms=audit_debounce_ms,
                                    preloaded=preloaded.audit if preloaded is not None else None)

        self.tabs = PageTabs(central)  # wide pages scroll: the window stays narrow enough
        self.tabs.setObjectName("workspaceTabs")
        # the rules page lays itself out for its width
        self.tabs.addTab(self.splitter, translate("workspace", "Rules"))
        self.tabs.add_page(self.audit_view, translate("workspace", "Audit log"))
        self.report_view = ReportView(self.store, central, today=self.today, jobs=self.jobs)
        self.tabs.add_page(self.report_view, translate("workspace", "Results"))
        self.suggestion_list = SuggestionList(self.store, central)
        self.tabs.add_page(self.suggestion_list,
                            translate("workspace", "Suggestions"))
        self.staff_page = StaffPage(self.store, self.actor, central)
        self.tabs.add_page(self.staff_page, translate("workspace", "Staff"))
        self.staff_page.changed.connect(lambda text: self._on_page_saved(text, False))
        self.settings_page = SettingsPage(self.store, self.actor, central)
        self.tabs.addTab(self.settings_page, translate("workspace", "Settings"))
        self.settings_page.changed.connect(lambda text: self._on_page_saved(text, True))
        self.catalog_page = CatalogPage(self.store, self.actor, central)
        self.tabs.addTab(self.catalog_page, translate("workspace", "Catalog"))
        self.catalog_page.changed.connect(lambda text: self._on_page_saved(text, True))

        self.message = plain_label("workspaceMessage", self)
        self.statusBar().addWidget(self.message, 1)

        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        self.rule_list.rule_selected.connect(self._on_rule_selected)
        self.rule_list.new_rule_requested.connect(self.new_rule)
        self.suggestion_list.draft_requested.connect(self.new_draft)
        self.rule_list.rules_changed.connect(self._on_rules_changed)
        self.rule_list.message_shown.connect(self.say)
        self.rule_list.reloaded.connect(self._on_rules_reloaded)
        self.editor.rule_published.connect(self._on_rule_published)
        self.editor.closed.connect(self._on_editor_closed)

    def fit_to(self, width: int) -> None:
        """Lay the Rules tab out for a window `width` px wide before it is shown there
        (beside the till on a small screen: the list above the editor), so that the
        window's narrowest is that layout's (window_place.place_workspace)."""
        self.rules_layout.arrange(width - FRAME_WIDTH)

    # ------------------------------------------------------------------ messages

    @Slot(str)
    def say(self, text: str) -> None:
        self.message.setText(text)

    def _published(self) -> None:
        """We changed the store: tell the till now (no need to wait for the watcher)."""
        revision = self.store.publish_revision()
        if self.watcher is not None:
            self.watcher.acknowledge(revision)
        self.published.emit(revision)

    @Slot()
    def refresh(self) -> None:
        """Read rules, results and the audit log again, now, on the UI thread (after an
        import from here; see `refresh_in_background`)."""
        self.rule_list.reload()
        self.audit_view.reload()

    @Slot()
    def refresh_in_background(self) -> None:
        """Read the audit log again, and the rules in a worker thread: the window keeps
        painting, and `rule_list.reloaded` says when they show (F5)."""
        self.audit_view.reload()  # first: it would wait on the load's thread for the GIL
        self.rule_list.reload_in_background()

    @Slot(int)
    def _on_published_elsewhere(self, _revision: int) -> None:
        self._elsewhere = True
        self.refresh_in_background()
        if self.rule_list.loading:
            self.say(translate("workspace", "Loading the changes published elsewhere "
                               "(another till or the command line)…"))

    @Slot()
    def _on_rules_reloaded(self) -> None:
        behind, self._editor_behind = self._editor_behind, False
        if not self._elsewhere:
            if behind:
                self._sync_editor(self.rule_list.data)
            return
        self._elsewhere = False
        self._sync_editor(self.rule_list.data)
        # Published again while that load ran: the editor takes the next load too.
        self._editor_behind = self.rule_list.loading
        self.say(translate("workspace", "Changes published elsewhere (another till or the "
                           "command line) are shown."))

    # ------------------------------------------------------------------ rules

    def _confirm_discard(self, then: Callable[[], None],
                         otherwise: Callable[[], None] | None = None) -> None:
        """Run `then` now, or (when the editor has unsaved changes) once the manager
        agrees to discard them; `otherwise` when they do not."""
        if not self.editor.has_unsaved_changes():
            then()
            return
        if self.confirm_box is not None:
            return

        def answered(discard: bool) -> None:
            self.confirm_box = None
            if discard:
                then()
            elif otherwise is not None:
                otherwise()

        self.confirm_box = ask_to_discard(self, answered)

    def _edit(self, rule: Rule | None, *, refresh: bool = True) -> None:
        self._editing = rule.id if rule is not None else None
        self.editor.edit_rule(rule, refresh=refresh)

    @Slot(object)
    def _on_rule_selected(self, rule: Rule | None) -> None:
        if rule is None or rule.id == self._editing:
            return
        def keep_selection() -> None:
            self.rule_list.select_rule(self._editing)

        self._confirm_discard(lambda: self._edit(rule), keep_selection)

    @Slot()
    def new_rule(self) -> None:
        """Start a new rule in the editor."""
        def start() -> None:
            self._edit(None)
            self.rule_list.select_rule(None)
            self.tabs.setCurrentIndex(0)

        self._confirm_discard(start)

    @Slot(object)
    def new_draft(self, draft: Rule) -> None:
        """Start a new rule in the editor from a mined suggestion's inactive `draft` (not in
        the store until the manager publishes it)."""
        def start() -> None:
            self._editing = None
            self.editor.edit_rule(draft, draft=True)
            self.rule_list.select_rule(None)
            self.tabs.setCurrentIndex(0)
            self.say(translate("workspace", "Draft {rule} from a suggestion: check it and "
                               "publish it; it stays off until you switch it on.").format(
                                   rule=draft.id))

        self._confirm_discard(start)

    @Slot(str)
    def _on_rule_published(self, rule_id: str) -> None:
        self.rule_list.put_rule(rule_id)
        self._editing = rule_id
        self.rule_list.select_rule(rule_id)
        self.audit_view.reload()
        self._published()
        self.say(translate("workspace", "Rule {rule} published: the tills use it from now "
                           "on.").format(rule=rule_id))

    @Slot()
    def _on_editor_closed(self) -> None:
        """The manager closed the rule in the editor: an empty new-rule form is left."""
        def close_rule() -> None:
            self._edit(None)
            self.rule_list.select_rule(None)

        self._confirm_discard(close_rule)

    def _sync_editor(self, loaded: ListData | None = None) -> None:
        """The rule being edited changed under the editor (switched on or off, deleted,
        imported): show it as stored, unless the manager has unsaved changes.

        `loaded`: what the rule list's load just read (after a background reload); the
        editor takes its catalog, settings and rules from it rather than reading them from
        the store again on the UI thread (up to a second at chain size). Published since?
        The store watcher has another load under way, and it catches the editor up too."""
        if self._editing is None or self.editor.has_unsaved_changes():
            return
        at = self.rule_list.model.row_of(self._editing)
        rule = self.rule_list.model.row_at(at).rule if at is not None else None
        if loaded is None:
            self._edit(rule)
            return
        self.editor.set_context(*editor_context(loaded))
        self._edit(rule, refresh=False)

    @Slot()
    def _on_rules_changed(self) -> None:
        self._sync_editor()
        self.audit_view.reload()
        self._published()

    # ------------------------------------------------------------------ import, export

    def open_import(self, kind: str, path: Path | None = None) -> ImportDialog:
        """Open the import dialog for `kind` ("rules", "catalog" or "orders"): on `path`,
        or asking for a file (`FileActions.open_import`)."""
        return self.files.open_import(kind, path)

    def export_rules(self, path: Path | None = None) -> None:
        """Write the store's rules and settings as a pack, in a worker thread; without a
        path, ask for one. `rules_exported` says when the file is written."""
        self.files.export_rules(path)

    @property
    def import_dialogs(self) -> list[ImportDialog]:
        return self.files.import_dialogs

    @property
    def export_job(self) -> StoreJob | None:
        """Writing a rule pack, while it runs (20,000 rules take seconds)."""
        return self.files.export_job

    @property
    def file_dialog(self) -> QFileDialog | None:
        """Asking where to export the rules, while it is open."""
        return self.files.file_dialog

    @Slot(object)
    def _on_imported(self, _summary: object) -> None:
        self.refresh()
        self._sync_editor()
        self._published()

    def _on_page_saved(self, text: str, publishes: bool) -> None:
        """The staff, settings or catalog page saved a change (audited): show it in the
        audit log, and tell the till when tills use what changed."""
        self.audit_view.reload()
        if publishes:
            self._published()
        self.say(text)

    # ------------------------------------------------------------------ password

    @Slot()
    def change_password(self) -> None:
        """Ask for a new password for the signed-in manager (without blocking)."""
        if self.password_dialog is not None:
            return
        dialog = ChangePasswordDialog(self.staff, self.actor, self)
        dialog.changed.connect(self._on_password_changed)
        dialog.finished.connect(lambda _result: self._password_dialog_closed())
        self.password_dialog = dialog
        dialog.open()

    def _password_dialog_closed(self) -> None:
        dialog, self.password_dialog = self.password_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    @Slot(object)
    def _on_password_changed(self, _person: object) -> None:
        self.banner.hide()
        self.audit_view.reload()
        self.say(translate("workspace", "Password changed. Use the new one from now on."))

    # ------------------------------------------------------------------ closing

    @property
    def busy(self) -> bool:
        """An import or export is running (the window cannot close until it is done)."""
        return self.files.busy

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            self.say(translate("workspace", "An import or export is running: close the "
                               "workspace once it is done."))
            return
        if not self._closing_anyway and self.editor.has_unsaved_changes():
            event.ignore()

            def close_anyway() -> None:
                self._closing_anyway = True
                self.close()

            self._confirm_discard(close_anyway)
            return
        self.files.close_dialogs()
        super().closeEvent(event)
        self._closing_anyway = False
        self.closed.emit()
