"""A lint finding, its severity, and how a check reports one (see core.lint).

A finding's `message` and `fix` are sentences for the manager, written as
`QT_TRANSLATE_NOOP("lint", ...)` with named parts (core.said): their English, which `--json`
prints and tests compare, and what the window and command line need to say them in the
reader's language (pos_prompter.i18n.say).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

Severity = Literal["error", "warning"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1}
SEVERITY_WORDS: dict[str, Said] = {"error": QT_TRANSLATE_NOOP("lint", "error"),
                                   "warning": QT_TRANSLATE_NOOP("lint", "warning")}
"""A severity as a line of findings starts with it."""
Add = Callable[[Severity, str, str, str], None]
"""How a check reports a finding on the rule being linted: add(severity, code, message, fix)."""


@dataclass(frozen=True)
class Finding:
    """One problem with one rule: what it is (`message`) and what to do (`fix`)."""

    rule_id: str
    severity: Severity
    code: str
    message: str
    fix: str

    def sort_key(self) -> tuple[int, str, str, str]:
        return (SEVERITY_ORDER[self.severity], self.rule_id, self.code, self.message)

    def said(self) -> Said:
        """The finding in one line, `severity: rule id: message → fix` (said in the reader's
        language with i18n.say; its English is str(finding))."""
        return QT_TRANSLATE_NOOP("lint", "{severity}: rule {rule}: {message} → {fix}").format(
            severity=SEVERITY_WORDS.get(self.severity, self.severity), rule=self.rule_id,
            message=self.message, fix=self.fix)

    def __str__(self) -> str:
        return self.said()


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error (publishing such a rule is refused)."""
    return any(f.severity == "error" for f in findings)


def sku_list(skus: Iterable[str]) -> str:
    """SKUs as a finding names them: sorted, comma-separated."""
    return ", ".join(sorted(skus))
