"""How the till gets the manager's workspace: what it shows, read in a worker thread
(`Workspaces.loader`), and the window built over that (`Workspaces.build`).

The composition root (`app.py`) hands the till one `Workspaces`; the workspace package is
imported only on first use, so the till starts without loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_prompter.store import Store
from pos_prompter.store.auth import Person, StaffStore
from pos_prompter.ui.jobs import JobRunner, Work

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from pos_prompter.ui.workspace.window import WorkspaceData, WorkspaceWindow


class Workspaces:
    """Reads and builds the manager's workspace for a till window."""

    def loader(self) -> Work:
        """The worker's read of everything a new workspace shows (`load_workspace`)."""
        from pos_prompter.ui.workspace.window import load_workspace

        return lambda store, _progress: load_workspace(store)

    def build(self, store: Store, person: Person, parent: QWidget, *, staff: StaffStore,
              jobs: JobRunner, demo_password: bool | None,
              data: WorkspaceData | None) -> WorkspaceWindow:
        """The workspace window for `person` over `store`, a window of its own that
        `parent` (the till) owns, on the till's staff store and job runner; `data` is what
        `loader` read (None: it reads it itself)."""
        from pos_prompter.ui.workspace.window import WorkspaceWindow

        return WorkspaceWindow(store, person, parent, staff=staff, jobs=jobs,
                               demo_password=demo_password, preloaded=data)
