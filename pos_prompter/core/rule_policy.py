"""Rule policy the workspace applies when it writes rules, decided once here (no Qt, no
store): which rules a rule is linted with when it is published or switched on, and the id a
copy of a rule gets.

- `lint_partners(rule, rules)`: the other rules that can change `rule`'s lint findings;
- `publish_findings(rule, rules, catalog, settings)`: lint's findings about `rule` among
  the store's rules, as the rule editor shows them before a publish (errors refuse it,
  warnings are confirmed first);
- `activation_errors(rule, rules, catalog, settings)`: the errors that forbid switching
  `rule` on (the rule list's Activate);
- `unique_copy_id(rule_id, taken)`: the id of a duplicate, `<id>-copy`, `<id>-copy-2`...
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.lint import Finding, lint
from pos_prompter.core.lint_overlap import same_offers_of
from pos_prompter.core.rules import RULE_ID_RE, Rule, RuleId, Settings

ID_MAX = 64
"""The longest rule id (RULE_ID_RE)."""


def lint_partners(rule: Rule, rules: Iterable[Rule]) -> list[Rule]:
    """The rules of `rules` (the store's, `rule`'s own id left out) that can change lint's
    findings about `rule`, in the order given: lint looks at each rule it is given against
    the whole catalog, and at the active ones together, so only the other active upsells
    (for loops, when `rule` is an active upsell) and the active rules with its event,
    trigger and priority (for rules that fire together) matter. An inactive rule has
    none."""
    if not rule.active:
        return []
    partners: list[Rule] = []
    for other in rules:
        if other.id == rule.id or not other.active:
            continue
        loop = rule.kind == "upsell" and other.kind == "upsell"
        tie = (other.event == rule.event and other.scanned == rule.scanned
               and other.priority == rule.priority)
        if loop or tie:
            partners.append(other)
    return partners


def publish_findings(rule: Rule, rules: Iterable[Rule], catalog: Catalog, settings: Settings,
                     today: dt.date | None = None) -> list[Finding]:
    """Lint's findings about `rule` published in place of the rule of its id among `rules`
    (the store's): the same as linting the whole store and keeping `rule`'s, but only
    `lint_partners` are linted with it, and `same-offer` is looked for among the rules that
    can offer one of its items (`lint_overlap.same_offers_of`). Errors first, as `lint`."""
    everyone = list(rules)
    findings = lint([rule, *lint_partners(rule, everyone)], catalog, settings, today)
    return [f for f in findings if f.rule_id == rule.id and f.code != "same-offer"] \
        + same_offers_of(rule, everyone, catalog, settings)


def activation_errors(rule: Rule, rules: Iterable[Rule], catalog: Catalog,
                      settings: Settings, today: dt.date | None = None) -> list[Finding]:
    """The lint errors that forbid switching `rule` on (`rule` as it would be, active):
    its own, and any upsell loop it would close with the active rules of `rules`."""
    on = rule if rule.active else dataclasses.replace(rule, active=True)
    findings = lint([on, *lint_partners(on, rules)], catalog, settings, today)
    return [f for f in findings if f.severity == "error"
            and (f.rule_id == rule.id or f.code == "upsell-loop")]


def unique_copy_id(rule_id: str, taken: Iterable[str]) -> RuleId:
    """`<id>-copy`, else `<id>-copy-2`, `-copy-3`...: the first id not in `taken`, cut to
    the 64 characters a rule id may have."""
    used = set(taken)
    n = 1
    while True:
        suffix = "-copy" if n == 1 else f"-copy-{n}"
        candidate = rule_id[:ID_MAX - len(suffix)] + suffix
        if candidate not in used and RULE_ID_RE.match(candidate):
            return RuleId(candidate)
        n += 1
