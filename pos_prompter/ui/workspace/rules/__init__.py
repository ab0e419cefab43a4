"""The workspace's rules feature, split by job (in the way of qutebrowser's completion
package).

The list: `listing` (Qt-free rows and their loaders, run on a worker thread), `uplift`
(the Uplift column's cells, Qt-free), `list_model` (the table model and the filter proxy),
`list_view` (the widget), `controller` (`RulesController`: reload, activate, duplicate,
delete and publish, saying what changed by signals). The editor: `form_values`,
`form_parts`, `form_undo`, `editor_form`, `editor_panes`, `editor`, and `publisher`
(lint, confirm, save). Rule policy (which rules to lint together, a copy's id) is in
`pos_prompter.core.rule_policy`.
"""
