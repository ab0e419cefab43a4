"""A lint finding, its severity, and how a check reports one (see core.lint)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1}
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

    def __str__(self) -> str:
        return f"{self.severity}: rule {self.rule_id}: {self.message} → {self.fix}"


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error (publishing such a rule is refused)."""
    return any(f.severity == "error" for f in findings)


def sku_list(skus: Iterable[str]) -> str:
    """SKUs as a finding names them: sorted, comma-separated."""
    return ", ".join(sorted(skus))
