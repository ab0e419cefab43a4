"""Rule lint: the problems a manager should hear about before a rule goes live.

`lint(rules, catalog, settings)` looks at a set of rules against a catalog and returns
findings, each naming the rule, what is wrong and how to fix it. It is pure (no Qt, no
SQLite, no clock unless `today` is left out), so the rule editor, `pos-prompter lint` and
the tests all get the same answers. Import already refuses what cannot be stored at all (an
empty time window, `from` after `to`, total_min above total_max, unknown placeholders); lint
is about rules that are valid but wrong for this store.

Severity, as a careful manager would want it. **error** (publishing is refused): the rule
would put a wrong offer in front of a customer, or could never work at all.
**warning** (publishing asks first): the rule works, or may work later, but something is
probably not what was meant.

Errors:
- `unknown-offer`: the offer names a SKU the catalog does not have (most likely a typo).
- `inactive-offer`: the offer names a product that is not for sale, so it can never be
  made. Only a warning for a cross-sell that still has another available candidate in
  `offer.add` (the till skips to it).
- `unknown-trigger`, `inactive-trigger`: `when.scanned.sku` names a SKU that is unknown or
  not for sale, and nothing else in `when.scanned` matches an active product, so the rule
  can never fire. A warning when some other trigger still matches.
- `upsell-loop`: active upsells lead from A to B and back to A (or A to B to C to A).
- `bundle-dearer`: a bundle costs more than its items bought separately.

Warnings:
- `unmatched-trigger`: `when.scanned` names a category or tag no active product has (not an
  error: a seasonal range may come back).
- `unknown-ref`: `when.order.has`/`lacks` names an unknown SKU (`has`: never fires;
  `lacks`: always true). `inactive-ref`, `unmatched-ref`: `when.order.has` needs a product
  nobody can scan, so the rule never fires.
- `upgrade-to-self`: an upsell's target is one of its own trigger products.
- `upgrade-to-cheaper`: the target costs less than every trigger product (never offered).
- `next-size-top`: a next_size upsell whose trigger products are all at the top of their
  ladder or have no size family.
- `fire-together`: two active rules fire on the same scans under the same conditions at
  the same priority: which comes first is decided by kind and rule id only.
- `expired`: `when.time.to` is in the past. `no-day-in-window`: no date from `from` to `to`
  falls on one of the rule's `days`.
- `ratio-above-2`: the rule's effective `max_offer_ratio` is above 2 (no Ford to Ferrari).
- `ratio-blocks`: the price guardrail blocks the offer for every trigger product (at one
  item; for checkout rules, for every order total the rule allows).
- `placeholder-no-value`: `say`/`why` use a placeholder with no value for this kind (or at
  checkout, where there is no scanned item). `attach-rate-history`: `{attach_rate}` renders
  empty until 20 past orders had the trigger item.
- `reward-price-above`: a threshold reward costs more than its own catalog price.
- `bundle-no-saving`: a bundle costs exactly what its items cost separately.
- `say-too-long`, `why-too-long`: too long for the clerk to read out in one breath: `say`
  over 25 words or 160 characters, `why` over 20 words or 120 characters (core.read_aloud).

Checks between rules (loops, rules that fire together) look at active rules only: an
inactive rule is a draft and cannot loop or tie with anything until it is switched on, when
it is linted again. Every other check looks at every rule, active or not.

The checks live in modules by family (core.lint_catalog, lint_prices, lint_texts,
lint_between, lint_overlap), over the shared look-ups of core.lint_lookup; this module runs
them all and keeps the names callers import (Finding, has_errors, lint).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.lint_between import loops, ties
from pos_prompter.core.lint_catalog import check_offer_products, check_order_refs, check_scanned
from pos_prompter.core.lint_finding import SEVERITY_ORDER, Finding, Severity, has_errors
from pos_prompter.core.lint_lookup import Lookups
from pos_prompter.core.lint_overlap import same_offers
from pos_prompter.core.lint_prices import MAX_SANE_RATIO, check_prices, check_ratio, check_upsell
from pos_prompter.core.lint_texts import ATTACH_RATE_MIN_ORDERS, check_texts, check_time
from pos_prompter.core.rules import Rule, Settings

__all__ = [
    "ATTACH_RATE_MIN_ORDERS",
    "MAX_SANE_RATIO",
    "SEVERITY_ORDER",
    "Finding",
    "Severity",
    "has_errors",
    "lint",
]


def lint(rules: Sequence[Rule], catalog: Catalog, settings: Settings,
         today: dt.date | None = None) -> list[Finding]:
    """Every finding for `rules` against `catalog`, errors first, then by rule id and code.

    `today` decides which date windows are over (default: the local date).
    """
    day = today if today is not None else dt.date.today()
    with gc_paused():
        linter = _Linter(catalog, settings)
        findings: list[Finding] = []
        for rule in rules:
            findings.extend(linter.rule(rule, day))
        active = [r for r in rules if r.active]
        findings.extend(linter.loops(active))
        findings.extend(linter.ties(active))
        findings.extend(same_offers(active, linter))
        return sorted(set(findings), key=Finding.sort_key)


class _Linter(Lookups):
    """The look-ups, and every check of one rule or between rules, run over them."""

    def rule(self, rule: Rule, today: dt.date) -> list[Finding]:
        out: list[Finding] = []

        def add(severity: Severity, code: str, message: str, fix: str) -> None:
            out.append(Finding(rule.id, severity, code, message, fix))

        triggers = self.triggers(rule)
        check_offer_products(self, rule, add)
        check_scanned(self, rule, triggers, add)
        check_order_refs(self, rule, add)
        check_upsell(self, rule, triggers, add)
        check_time(self, rule, today, add)
        check_prices(self, rule, add)
        check_ratio(self, rule, triggers, add)
        check_texts(self, rule, add)
        return out

    def loops(self, rules: Sequence[Rule]) -> list[Finding]:
        return loops(self, rules)

    def ties(self, rules: Sequence[Rule]) -> list[Finding]:
        return ties(rules)
