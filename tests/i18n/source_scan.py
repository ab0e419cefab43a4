"""Texts in the source that reach a person without translate(): string literals and
f-strings with words in them, given to a call that shows them (out, print, note, warn, an
error a person reads, a widget's text) or to argparse's help/description/title."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SHOWN_BY = {
    # the command line
    "out", "print", "note", "warn", "InputError", "UserError", "StoreError",
    "ValidationError", "error", "add_parser", "add_argument", "add_subparsers",
    # widgets
    "QLabel", "QPushButton", "QAction", "QGroupBox", "QCheckBox", "QRadioButton",
    "QToolButton", "setText", "setTitle", "setWindowTitle", "setToolTip",
    "setPlaceholderText", "addAction", "addTab", "setTabText", "addRow", "addItem",
    "setHorizontalHeaderLabels", "setStatusTip", "setAccessibleName", "showMessage",
    "information", "warning", "critical", "question", "addButton", "setHeaderLabels",
    "setInformativeText", "setLabelText", "setSuffix", "setPrefix", "setSpecialValueText",
    # our widgets' own ways to show a text
    "show_message", "say", "set_running", "touch_button", "dialog_button", "Mark",
}
OPTIONS_FIRST = {"add_parser", "add_argument", "add_subparsers"}
TEXT_FIRST = {"touch_button", "dialog_button", "show_message", "Mark"}
"""Calls whose first argument alone is a text (then an objectName, a level...)."""
LOGGERS = {"logger", "logging", "log"}
"""Log lines are for developers, in English."""
SHOWN_KEYWORDS = {"help", "description", "title", "text"}
WORDS = re.compile(r"[A-Za-z]{2,}")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _text(node: ast.expr) -> str | None:
    """The literal words of a string or f-string node (None for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return (_text(node.left) or "") + (_text(node.right) or "") or None
    if isinstance(node, ast.IfExp):
        return (_text(node.body) or "") + " " + (_text(node.orelse) or "")
    return None


def untranslated(path: Path) -> list[str]:
    """`file:line: text` for each visible literal in `path` not passed through translate."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node.func) not in SHOWN_BY:
            continue
        owner = node.func.value if isinstance(node.func, ast.Attribute) else None
        if isinstance(owner, ast.Name) and owner.id in LOGGERS:
            continue
        options_first = _name(node.func) in OPTIONS_FIRST  # their names are no text
        positional = list(node.args)[:1] if _name(node.func) in TEXT_FIRST else node.args
        values = ([] if options_first else list(positional)) + [k.value for k in node.keywords
                                    if k.arg in SHOWN_KEYWORDS or k.arg is None]
        for value in values:
            text = _text(value)
            if text is not None and WORDS.search(text):
                found.append(f"{path}:{value.lineno}: {text[:60]!r}")
    return sorted(found)
