"""Where the rule list lived before it was split by job into `ui.workspace.rules`
(`listing`, `list_model`, `list_view`, `controller`): the names still imported from here
(by `ui/workspace/window.py`, tests/ui/test_live_reload.py and
tests/ui/workspace/test_workspace_window.py), until they import them from there."""

from pos_prompter.ui.workspace.rules.list_model import (
    ID,
    RATE,
    REVENUE,
    RULE_ID_ROLE,
    SHOWN,
)
from pos_prompter.ui.workspace.rules.list_view import RuleListView
from pos_prompter.ui.workspace.rules.listing import ListData, load_list

__all__ = ["ID", "RATE", "REVENUE", "RULE_ID_ROLE", "SHOWN", "ListData", "RuleListView",
           "load_list"]
