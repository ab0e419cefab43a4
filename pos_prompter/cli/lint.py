"""`lint`: the rule problems in a store, or in a rule pack checked against a store's catalog.

Read-only: the store is read through an in-memory copy, so not even a schema upgrade can
touch the file. Exit 0 when there is nothing to report, 1 when there are findings (errors or
warnings), 2 for bad usage or an unreadable file.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from pos_prompter.cli.common import need_db, out
from pos_prompter.i18n import QT_TRANSLATE_NOOP, plural, say, translate
from pos_prompter.store import Store

if TYPE_CHECKING:
    from pos_prompter.core.lint import Finding

# Lint and the pack reader (PyYAML) are imported when `lint` runs: every command builds
# the parser, which names cmd_lint (tests/cli/test_cli_command_start.py).

FORMATS = ("table", "json")


SEVERITY = {"error": QT_TRANSLATE_NOOP("cli", "error"),
            "warning": QT_TRANSLATE_NOOP("cli", "warning")}


def format_table(findings: list[Finding]) -> str:
    """One line per finding, `severity  rule  message  → fix`, then a summary line, in the
    reader's language."""
    width = max((len(f.rule_id) for f in findings), default=0)
    severity = {key: translate("cli", text) for key, text in SEVERITY.items()}
    lines = [f"{severity.get(f.severity, f.severity):<7}  {f.rule_id:<{width}}  "
             f"{say(f.message)}  → {say(f.fix)}" for f in findings]
    errors = sum(1 for f in findings if f.severity == "error")
    lines.append(plural(errors, translate("cli", "{n} error"), translate("cli", "{n} errors"))
                 + ", " + plural(len(findings) - errors, translate("cli", "{n} warning"),
                                 translate("cli", "{n} warnings")))
    return "\n".join(lines) + "\n"


def format_json(findings: list[Finding]) -> str:
    """The findings for machines: lint's English whatever the language."""
    data = [{"rule": f.rule_id, "severity": f.severity, "code": f.code, "message": f.message,
             "fix": f.fix} for f in findings]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def cmd_lint(args: argparse.Namespace) -> int:
    from pos_prompter.core.lint import lint
    from pos_prompter.pack_files import load_pack_file

    db = need_db(args, "lint")
    # The pack first: a missing or broken file is reported before the store is opened.
    pack = load_pack_file(args.file) if args.file is not None else None
    with Store.open_copy(db) as store:
        catalog = store.catalog.load()
        settings = store.load_settings()
        rules = list(pack.rules) if pack is not None else store.rules.load()
    if pack is not None and pack.settings is not None:
        settings = pack.settings_over(settings)  # what importing the pack would leave
    findings = lint(rules, catalog, settings)
    out(format_json(findings) if args.format == "json" else format_table(findings))
    return 1 if findings else 0
