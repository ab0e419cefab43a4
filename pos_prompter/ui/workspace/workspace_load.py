"""What the workspace shows when it opens, read from the store in one go (in a worker
thread when the till opens it, so that the till beside it never stops), and whether the
manager still signs in with a demo password."""

from __future__ import annotations

from dataclasses import dataclass

from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.ui.workspace.audit_view import AuditData, load_audit
from pos_prompter.ui.workspace.rule_editor import EditorContext
from pos_prompter.ui.workspace.rule_list import ListData, load_list
from pos_prompter.ui.workspace.sign_in import DEMO_PASSWORDS


def uses_demo_password(staff: StaffStore, name: str) -> bool:
    """Whether `name` still signs in with a password the demo stores publish."""
    return staff.password_matches(name, DEMO_PASSWORDS)


@dataclass(frozen=True)
class WorkspaceData:
    """Everything the workspace shows when it opens, read from the store in one go. Plain
    data: a worker thread reads it (`load_workspace`), so that opening the workspace at
    chain size (seconds of reading and building) never stops the till beside it."""

    rules: ListData
    """The rule list, and the editor's catalog, settings and rules."""
    audit: AuditData


def editor_context(loaded: ListData) -> EditorContext:
    """What the editor needs of the store, from what the rule list's load read."""
    return EditorContext(loaded.catalog, loaded.settings, loaded.rules, loaded.revision)


def load_workspace(store: Store) -> WorkspaceData:
    """Read what a new WorkspaceWindow shows (`WorkspaceWindow(preloaded=...)`)."""
    return WorkspaceData(load_list(store), load_audit(store))
