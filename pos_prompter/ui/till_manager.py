"""The till's one way to the manager's workspace: the Manager button (or Ctrl+M), a
manager's name and password in a box of its own (or, on a store with no manager yet, the
first manager's), then the workspace beside the till, read in a worker thread first.

The till window holds one `ManagerDoor` and answers for it (`TillWindow.open_manager`,
`open_workspace`, `workspace`, `manager_dialog`, `workspace_opened`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from pos_prompter.i18n import translate
from pos_prompter.store.auth import Person
from pos_prompter.ui.jobs import StoreJob, deliver_to
from pos_prompter.ui.window_place import place_workspace, show_box

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from pos_prompter.ui.till_window import TillWindow
    from pos_prompter.ui.workspace.window import WorkspaceData, WorkspaceWindow


class ManagerDoor(QObject):
    """The manager's sign-in box and workspace of one till window, while they are open."""

    def __init__(self, window: TillWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None
        """The manager sign-in (or first-manager) dialog while it is open."""
        self.workspace: WorkspaceWindow | None = None
        """The manager's workspace while it is open."""
        self._opening: StoreJob | None = None
        """Reading what the workspace will show, after a manager signed in."""

    @property
    def opening(self) -> bool:
        """A manager signed in, and what the workspace shows is being read."""
        return self._opening is not None

    def open(self) -> None:
        """A manager signs in with their password, then the workspace opens beside the
        till. A clerk's PIN, a trainer's password or a wrong password never opens it. A
        store with no manager yet first asks for one."""
        # The workspace is imported on first use: the till starts without loading it.
        from pos_prompter.ui.workspace.sign_in import FirstManagerDialog, SignInDialog

        window = self.window
        if window.training:
            window.refocus()
            window.show_message(translate(
                "till", "The manager's workspace opens at the real till, not in practice mode."))
            return
        if self.workspace is not None:
            self.workspace.raise_()
            self.workspace.activateWindow()
            return
        if self._opening is not None:
            window.refocus()
            window.show_message(
                translate("till", "The workspace is opening…"))
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog: QDialog
        if window.staff.needs_first_manager():
            dialog = FirstManagerDialog(window.staff, window)
        else:
            sign_in = SignInDialog(window.staff, window)
            sign_in.signed_in.connect(lambda person: self.open_workspace(
                person, demo_password=sign_in.used_demo_password))
            dialog = sign_in
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        self.route_scans()
        show_box(window, dialog)

    @Slot()
    def _dialog_closed(self) -> None:
        from pos_prompter.ui.workspace.sign_in import FirstManagerDialog

        dialog, self.dialog = self.dialog, None
        self.route_scans()
        if dialog is None:
            return
        dialog.deleteLater()
        window = self.window
        if isinstance(dialog, FirstManagerDialog) and dialog.person is not None:
            window.show_message(translate(
                "till", "{name} is the store's manager. Sign in to open the workspace.")
                .format(name=dialog.person.name))
            self.open()  # now the sign-in, with the password just chosen
            return
        if self.workspace is None:
            window.activateWindow()
            window.refocus()

    def open_workspace(self, person: Person, *, demo_password: bool | None = None) -> None:
        """Open the workspace for a manager who has signed in (non-modal: the till keeps
        working, and takes what the workspace publishes at once). What it shows is read in
        a worker thread first, on a connection of its own: at chain size that is seconds
        of reading and building, and the till beside it goes on scanning meanwhile."""
        window = self.window
        if (self.workspace is not None or self._opening is not None
                or not person.can_open_workspace):
            return
        path = window.till.store.path
        if path is None:  # an in-memory store: no second connection can read it
            self._show_workspace(person, demo_password, None)
            return
        job = StoreJob(path, window.workspaces.loader())  # no parent: the runner keeps it
        deliver_to(job, self, lambda me: me._opening is job,
                   lambda me, data: me._show_workspace(person, demo_password, data),
                   lambda me, headline, problems: me._not_opened(
                       str(problems[0] if problems else headline)))
        self._opening = job
        window.show_message(translate(
            "till", "Opening the workspace for {name}… the till keeps "
            "working.").format(name=person.name))
        window.jobs.launch(job)

    def drop_opening(self) -> None:
        """The till closes: a workspace still being read is not shown."""
        self._opening = None

    def route_scans(self) -> None:
        """While a manager's window is open it may have the keyboard: scans typed into it
        are brought to the till (ScanRouter). With the till alone, its own field takes
        them."""
        window = self.window
        window.scan_router.want(self.dialog is not None or self.workspace is not None
                                or (window.practice is not None
                                    and window.practice.trainer.active))

    def _not_opened(self, problem: str) -> None:
        self._opening = None
        self.window.show_error(translate("till", "Could not open the workspace ({problem}).")
                               .format(problem=problem.rstrip(".")))

    def _show_workspace(self, person: Person, demo_password: bool | None,
                        data: WorkspaceData | None) -> None:
        self._opening = None
        window = self.window
        workspace = window.workspaces.build(window.till.store, person, window,
                                            staff=window.staff, jobs=window.jobs,
                                            demo_password=demo_password, data=data)
        workspace.published.connect(window.load_published)
        workspace.closed.connect(self._workspace_closed)
        self.workspace = workspace
        self.route_scans()
        place_workspace(window, workspace, workspace.fit_to)
        workspace.show()
        workspace.raise_()
        workspace.activateWindow()
        window.show_message(translate("till", "Workspace open for {name}; the till keeps working.")
                            .format(name=person.name))
        window.workspace_opened.emit(workspace)

    @Slot()
    def _workspace_closed(self) -> None:
        workspace, self.workspace = self.workspace, None
        self.route_scans()
        if workspace is not None:
            workspace.deleteLater()
        window = self.window
        window.activateWindow()
        window.raise_()
        window.refocus()
