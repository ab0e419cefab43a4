"""Where the rule editor was: it now lives in `pos_prompter.ui.workspace.rules` (the
widget in `rules.editor`, its form in `rules.editor_form` and `rules.form_parts`, values and
problem routing in `rules.form_values`, publishing in `rules.publisher`, its store
context in `rules.editor_context`). Kept so that
`from pos_prompter.ui.workspace.rule_editor import RuleEditor, EditorContext` still works."""

from pos_prompter.ui.workspace.rules.editor import RuleEditor
from pos_prompter.ui.workspace.rules.editor_context import EditorContext

__all__ = ["EditorContext", "RuleEditor"]
