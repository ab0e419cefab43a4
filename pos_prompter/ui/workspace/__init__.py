"""The manager's workspace: sign-in, the rule list and editor, imports and the audit log.

It opens only for a manager who signed in with a password (`sign_in.SignInDialog`); the
till (`pos_prompter.ui.till_window`) is the one way in, through its Manager button or
Ctrl+M. Everything done here is audited under the signed-in manager's name.

Modules: `sign_in` (sign-in, first manager, change password), `window` (the workspace
window), `rule_list` (the rule table, its filter proxy and actions), `audit_view` (the
audit log), `import_dialog` (imports with a preview, run off the UI thread), and
`rule_editor` (one rule's form, with `preview` and `product_picker`).
"""
