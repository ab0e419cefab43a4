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
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from functools import cached_property
from typing import Literal

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.money import Cents, format_money
from pos_prompter.core.read_aloud import too_long
from pos_prompter.core.rules import KIND_PLACEHOLDERS, Rule, Settings, placeholders_used

Severity = Literal["error", "warning"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1}
_Add = Callable[[Severity, str, str, str], None]
"""How a check reports a finding on the rule being linted: add(severity, code, message, fix)."""

MAX_SANE_RATIO = Decimal(2)
"""Above this an offer may add more than twice what triggered it: a Ford to a Ferrari."""
ATTACH_RATE_MIN_ORDERS = 20
"""Below this many past orders with the trigger item, `{attach_rate}` renders empty
(pos_prompter.store.history.MIN_ORDERS)."""


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
        from pos_prompter.core.lint_overlap import same_offers  # imports Finding from here
        findings.extend(same_offers(active, linter))
        return sorted(set(findings), key=Finding.sort_key)


def _skus(skus: Iterable[str]) -> str:
    return ", ".join(sorted(skus))


def _ceil_ratio(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_CEILING)


class _Linter:
    def __init__(self, catalog: Catalog, settings: Settings) -> None:
        self.catalog = catalog
        self.settings = settings
        self._triggers: dict[str, list[Product]] = {}
        self._next_sizes: dict[str, Product | None] = {}
        self._placeholders: dict[str, set[str]] = {}

    # Active products by SKU, category and tag, built once and only when a rule needs them:
    # a rule's triggers are then a few lookups, not a walk over a chain's 100,000 products
    # for each of its rules; and rules that name SKUs only never build all the products.

    @cached_property
    def _active(self) -> list[Product]:
        return sorted((p for p in self.catalog if p.active), key=lambda p: p.sku)

    @cached_property
    def _by_category(self) -> dict[str, list[Product]]:
        by_category: dict[str, list[Product]] = {}
        for p in self._active:
            if p.category:
                by_category.setdefault(p.category, []).append(p)
        return by_category

    @cached_property
    def _by_tag(self) -> dict[str, list[Product]]:
        by_tag: dict[str, list[Product]] = {}
        for p in self._active:
            for tag in p.tags:
                by_tag.setdefault(tag, []).append(p)
        return by_tag

    @cached_property
    def active_categories(self) -> set[str]:
        return set(self._by_category)

    @cached_property
    def active_tags(self) -> set[str]:
        return set(self._by_tag)

    def money(self, cents: Cents) -> str:
        return format_money(cents, self.settings.currency)

    def usable(self, sku: str) -> Product | None:
        product = self.catalog.get(sku)
        return product if product is not None and product.active else None

    def next_size(self, product: Product) -> Product | None:
        """catalog.next_size, once per product (a ladder is walked for every rule and loop
        that starts on it)."""
        sku = product.sku
        if sku not in self._next_sizes:
            self._next_sizes[sku] = self.catalog.next_size(product)
        return self._next_sizes[sku]

    def placeholders(self, text: str) -> set[str]:
        """placeholders_used, once per text (packs repeat the same `say` on many rules)."""
        used = self._placeholders.get(text)
        if used is None:
            used = self._placeholders[text] = placeholders_used(text)
        return used

    def ratio(self, rule: Rule) -> Decimal:
        return rule.max_offer_ratio if rule.max_offer_ratio is not None \
            else self.settings.max_offer_ratio

    def triggers(self, rule: Rule) -> list[Product]:
        """The active products whose scan can fire this rule (none for checkout rules)."""
        if rule.id not in self._triggers:
            self._triggers[rule.id] = self._find_triggers(rule)
        return self._triggers[rule.id]

    def _find_triggers(self, rule: Rule) -> list[Product]:
        if rule.event != "scan":
            return []
        sc = rule.scanned
        if sc is None:
            return list(self._active)
        found: dict[str, Product] = {}
        for sku in sc.skus:
            product = self.usable(sku)
            if product is not None:
                found[product.sku] = product
        for key in sc.categories:
            found.update((p.sku, p) for p in self._by_category.get(key, ()))
        for key in sc.tags:
            found.update((p.sku, p) for p in self._by_tag.get(key, ()))
        return sorted(found.values(), key=lambda p: p.sku)

    # ------------------------------------------------------------ one rule

    def rule(self, rule: Rule, today: dt.date) -> list[Finding]:
        out: list[Finding] = []

        def add(severity: Severity, code: str, message: str, fix: str) -> None:
            out.append(Finding(rule.id, severity, code, message, fix))

        triggers = self.triggers(rule)
        self._offer_products(rule, add)
        self._scanned(rule, triggers, add)
        self._order_refs(rule, add)
        self._upsell(rule, triggers, add)
        self._time(rule, today, add)
        self._prices(rule, add)
        self._ratio(rule, triggers, add)
        self._texts(rule, add)
        return out

    def _offer_products(self, rule: Rule, add: _Add) -> None:
        o = rule.offer
        field = {"upsell": "offer.upgrade_to", "cross_sell": "offer.add",
                 "bundle": "offer.bundle.with", "threshold": "offer.threshold.reward"}[rule.kind]
        offered = list(dict.fromkeys(rule.offered_skus()))
        unknown = [s for s in offered if s not in self.catalog]
        inactive = [s for s in offered if s in self.catalog and self.usable(s) is None]
        if unknown:
            add("error", "unknown-offer",
                f"{field} names {_skus(unknown)}, not in the catalog: the rule offers a "
                f"product the till does not have",
                f"correct the SKU in {field}, import the product into the catalog, or remove "
                f"it from the rule")
        if inactive:
            names = _skus(inactive)
            fallback = rule.kind == "cross_sell" and any(self.usable(s) for s in o.add)
            if fallback:
                add("warning", "inactive-offer",
                    f"{field} names {names}, which is not for sale (inactive): the rule "
                    f"skips it and offers the next candidate",
                    f"remove {names} from {field}, or make it active again in the catalog")
            else:
                add("error", "inactive-offer",
                    f"{field} names {names}, which is not for sale (inactive): the rule "
                    f"can never make its offer",
                    f"offer an active product instead, or make {names} active again in the "
                    f"catalog")

    def _scanned(self, rule: Rule, triggers: list[Product], add: _Add) -> None:
        sc = rule.scanned
        if sc is None or rule.event != "scan":
            return
        live = bool(triggers)
        never = "" if live else (" and nothing else in when.scanned matches an active "
                                 "product, so the rule can never fire")
        severity: Severity = "warning" if live else "error"
        unknown = [s for s in sc.skus if s not in self.catalog]
        inactive = [s for s in sc.skus if s in self.catalog and self.usable(s) is None]
        if unknown:
            add(severity, "unknown-trigger",
                f"when.scanned.sku names {_skus(unknown)}, not in the catalog: scanning "
                f"can never match it{never}",
                "correct the SKU, import the product into the catalog, or remove it from "
                "when.scanned.sku")
        if inactive:
            add(severity, "inactive-trigger",
                f"when.scanned.sku names {_skus(inactive)}, which is not for sale (inactive) "
                f"and is never scanned{never}",
                "remove it from when.scanned.sku, or make the product active again in the "
                "catalog")
        for what, names in (("category", sc.categories), ("tag", sc.tags)):
            if not names:
                continue
            have = self.active_categories if what == "category" else self.active_tags
            dead = [n for n in names if n not in have]
            if dead:
                tail = "" if live else ": the rule cannot fire until one does"
                add("warning", "unmatched-trigger",
                    f"when.scanned.{what} names {_skus(dead)}, which no active product "
                    f"has{tail}",
                    f"check the spelling of the {what}, or give active products that {what} "
                    f"in the catalog")

    def _order_refs(self, rule: Rule, add: _Add) -> None:
        oc = rule.order
        if oc is None:
            return
        unknown_has = [r.value for r in oc.has if r.kind == "sku" and r.value not in self.catalog]
        unknown_lacks = [r.value for r in oc.lacks
                         if r.kind == "sku" and r.value not in self.catalog]
        if unknown_has:
            add("warning", "unknown-ref",
                f"when.order.has names sku:{_skus(unknown_has)}, not in the catalog: no order "
                f"can have it, so the rule never fires",
                "correct the SKU in when.order.has, import the product, or remove the "
                "condition")
        if unknown_lacks:
            add("warning", "unknown-ref",
                f"when.order.lacks names sku:{_skus(unknown_lacks)}, not in the catalog: the "
                f"condition is always true and keeps nothing out",
                "correct the SKU in when.order.lacks, or remove the condition")
        inactive = [r.value for r in oc.has if r.kind == "sku" and r.value in self.catalog
                    and self.usable(r.value) is None]
        if inactive:
            add("warning", "inactive-ref",
                f"when.order.has needs sku:{_skus(inactive)}, which is not for sale "
                f"(inactive) and cannot be scanned, so the rule never fires",
                "remove it from when.order.has, or make the product active again")
        dead = [str(r) for r in oc.has
                if (r.kind == "category" and r.value not in self.active_categories)
                or (r.kind == "tag" and r.value not in self.active_tags)]
        if dead:
            add("warning", "unmatched-ref",
                f"when.order.has needs {', '.join(sorted(dead))}, which no active product "
                f"has, so the rule never fires",
                "check the spelling in when.order.has, or give active products that "
                "category or tag")

    def _upsell(self, rule: Rule, triggers: list[Product], add: _Add) -> None:
        if rule.kind != "upsell" or not triggers:
            return
        o = rule.offer
        if o.next_size:
            if not any(self.next_size(p) for p in triggers):
                add("warning", "next-size-top",
                    "offer.next_size: every product that triggers it is already the largest "
                    "active size of its family, or has no size family, so it never fires",
                    "trigger it on smaller sizes, or give the products a family and "
                    "size_rank (and an active larger size) in the catalog")
            return
        target = self.catalog.get(o.upgrade_to or "")
        if target is None:
            return
        if any(p.sku == target.sku for p in triggers):
            others = [p for p in triggers if p.sku != target.sku]
            tail = "" if others else "; nothing else triggers it, so it never fires"
            add("warning", "upgrade-to-self",
                f"offer.upgrade_to is {target.sku}, which also triggers the rule: scanning "
                f"{target.sku} never offers it again{tail}",
                f"trigger the rule on the products below {target.sku} only (list their SKUs "
                f"instead of a category or tag that includes {target.sku})")
        others = [p for p in triggers if p.sku != target.sku]
        if others and all(target.price < p.price for p in others):
            cheapest = min(others, key=lambda p: (p.price, p.sku))
            add("warning", "upgrade-to-cheaper",
                f"offer.upgrade_to {target.sku} costs {self.money(target.price)}, less than "
                f"every product that triggers it (the cheapest, {cheapest.sku}, is "
                f"{self.money(cheapest.price)}): an upsell down is never offered",
                "upgrade to a dearer product, or use a cross_sell to suggest the cheaper one")

    def _time(self, rule: Rule, today: dt.date, add: _Add) -> None:
        t = rule.time
        if t is None:
            return
        if t.date_to is not None and t.date_to < today:
            add("warning", "expired",
                f"when.time.to is {t.date_to.isoformat()}, in the past: the rule will never "
                f"fire again",
                "move when.time.to forward for a new run, or switch the rule off "
                "(active: false) or remove it")
        if t.days and t.date_from is not None and t.date_to is not None \
                and (t.date_to - t.date_from).days < 7:
            span = [t.date_from + dt.timedelta(days=i)
                    for i in range((t.date_to - t.date_from).days + 1)]
            if not any(d.weekday() in t.days for d in span):
                add("warning", "no-day-in-window",
                    f"no date from {t.date_from.isoformat()} to {t.date_to.isoformat()} falls "
                    f"on one of when.time.days, so the rule never fires",
                    "widen the from/to dates or change when.time.days")

    def _prices(self, rule: Rule, add: _Add) -> None:
        o = rule.offer
        if rule.kind == "bundle" and o.bundle_price is not None:
            items = [self.catalog.get(s) for s in o.bundle_with]
            if all(p is not None for p in items):
                separate = sum(p.price for p in items if p is not None)
                if o.bundle_price > separate:
                    add("error", "bundle-dearer",
                        f"offer.bundle.price {self.money(o.bundle_price)} is more than the "
                        f"items cost separately ({self.money(separate)}): the customer would "
                        f"pay more than buying them separately",
                        f"set offer.bundle.price below {self.money(separate)}")
                elif o.bundle_price == separate:
                    add("warning", "bundle-no-saving",
                        f"offer.bundle.price {self.money(o.bundle_price)} is exactly what the "
                        f"items cost separately: the bundle saves the customer nothing",
                        f"set offer.bundle.price below {self.money(separate)}, or make it a "
                        f"cross_sell")
        if rule.kind == "threshold" and o.reward_price is not None:
            reward = self.catalog.get(o.reward or "")
            if reward is not None and o.reward_price > reward.price:
                add("warning", "reward-price-above",
                    f"offer.threshold.reward_price {self.money(o.reward_price)} is above "
                    f"{reward.sku}'s own price {self.money(reward.price)}: the reward costs "
                    f"more than buying it",
                    f"set reward_price to {self.money(reward.price)} or less (0.00 for a "
                    f"free gift)")

    def _ratio(self, rule: Rule, triggers: list[Product], add: _Add) -> None:
        ratio = self.ratio(rule)
        if ratio > MAX_SANE_RATIO:
            if rule.max_offer_ratio is not None:
                where = "max_offer_ratio"
                fix = "lower max_offer_ratio on the rule to 2 or less"
            else:
                where = "the store's max_offer_ratio (which this rule uses)"
                fix = ("lower the store setting (pos-prompter settings max_offer_ratio=1.0) "
                       "or give the rule its own max_offer_ratio of 2 or less")
            add("warning", "ratio-above-2",
                f"{where} is {ratio}: an offer may add more than twice the price of what "
                f"triggered it (no Ford to Ferrari)", fix)
        blocked = self._always_blocked(rule, triggers, ratio)
        if blocked is not None:
            detail, needed = blocked
            other = ("trigger it on dearer products" if rule.event == "scan" else
                     "ask it only on bigger orders (a higher order_total or total_max)")
            add("warning", "ratio-blocks",
                f"this offer is always blocked by the price ratio: {detail} is more than "
                f"max_offer_ratio {ratio}x allows",
                f"raise max_offer_ratio on the rule to at least {needed}, offer something "
                f"cheaper, or {other}")

    def _always_blocked(self, rule: Rule, triggers: list[Product],
                        ratio: Decimal) -> tuple[str, Decimal] | None:
        """(what blocks it, the ratio that would let it through) when the guardrail blocks
        the offer whenever it could be made; None when it can be shown sometimes."""
        o = rule.offer
        cases: list[tuple[Cents, Cents, str | None]] = []
        """(what the offer adds, what it is measured against, the trigger product's SKU or
        None for the order)"""
        if rule.event == "scan":
            for t in triggers:
                delta: Cents | None = None
                if rule.kind == "upsell":
                    target = (self.usable(o.upgrade_to) if o.upgrade_to
                              else self.next_size(t))
                    if target is not None and target.sku != t.sku and target.price >= t.price:
                        delta = target.price - t.price
                elif rule.kind == "cross_sell":
                    prices = [p.price for s in o.add if (p := self.usable(s)) and s != t.sku]
                    delta = min(prices) if prices else None
                elif rule.kind == "bundle":
                    items = [self.usable(s) for s in o.bundle_with]
                    if all(items) and t.sku not in o.bundle_with:
                        delta = o.bundle_price or 0
                elif self.usable(o.reward or "") and t.sku != o.reward:
                    delta = o.reward_price or 0
                if delta is not None:
                    cases.append((delta, t.price, t.sku))
        else:
            ceiling = rule.order.total_max if rule.order is not None else None
            delta = None
            if rule.kind == "threshold" and o.order_total is not None \
                    and self.usable(o.reward or ""):
                # Prompted only below the reward total, so the order total is at most 1 cent
                # under it.
                below = o.order_total - 1
                ceiling = below if ceiling is None else min(ceiling, below)
                delta = o.reward_price or 0
            elif rule.kind == "cross_sell":
                prices = [p.price for s in o.add if (p := self.usable(s))]
                delta = min(prices) if prices else None
            elif rule.kind == "bundle" and all(self.usable(s) for s in o.bundle_with):
                delta = o.bundle_price or 0
            if delta is not None and ceiling is not None:
                cases.append((delta, ceiling, None))
        if not cases:
            return None
        if any(delta <= 0 or Decimal(delta) <= ratio * Decimal(base) for delta, base, _ in cases):
            return None

        def said(case: tuple[Cents, Cents, str | None]) -> str:
            added, base, sku = case
            if sku is None:
                return f"{self.money(added)} added to an order of at most {self.money(base)}"
            return f"{self.money(added)} added to {sku} at {self.money(base)}"

        # The case closest to getting through is the one to show and to fix.
        delta, base, text = min(((d, b, said((d, b, s))) for d, b, s in cases),
                                key=lambda c: (Decimal(c[0]) / Decimal(max(c[1], 1)), c[2]))
        needed = _ceil_ratio(Decimal(delta) / Decimal(max(base, 1)))
        if rule.event == "scan" and rule.kind != "upsell":
            text += " (a single item)"
        if len(cases) > 1:
            text = f"{len(cases)} trigger products, and even the closest, {text},"
        return text, needed

    def _texts(self, rule: Rule, add: _Add) -> None:
        allowed = set(KIND_PLACEHOLDERS[rule.kind])
        where = f"{'an' if rule.kind == 'upsell' else 'a'} {rule.kind} prompt"
        if rule.event == "checkout":
            # No scanned line at checkout: no {item}, and nothing to measure attach rates by.
            allowed -= {"item", "attach_rate"}
            where = f"a checkout {rule.kind} prompt"
        uses_attach_rate = False
        for fieldname, text in (("say", rule.say), ("why", rule.why)):
            used = self.placeholders(text)
            empty = sorted(used - allowed)
            if empty:
                names = ", ".join("{" + n + "}" for n in empty)
                usable = ", ".join("{" + n + "}" for n in sorted(allowed))
                add("warning", "placeholder-no-value",
                    f"{fieldname} uses {names}, which has no value in {where} and renders "
                    f"empty",
                    f"remove {names} from {fieldname} or reword it (this kind can use "
                    f"{usable})")
            uses_attach_rate = uses_attach_rate or "attach_rate" in (used & allowed)
        if uses_attach_rate:
            add("warning", "attach-rate-history",
                f"{{attach_rate}} renders empty until at least {ATTACH_RATE_MIN_ORDERS} past "
                f"orders in the last 90 days had the trigger item",
                "word the text so it reads well without the figure, or import past sales "
                "(pos-prompter import orders) so it has one")
        for fieldname, text in (("say", rule.say), ("why", rule.why)):
            long = too_long(fieldname, text)
            if long is not None:
                add("warning", f"{fieldname}-too-long", *long)

    # ------------------------------------------------------------ between rules

    def loops(self, rules: Sequence[Rule]) -> list[Finding]:
        """Active upsells that lead from a product back to itself.

        An upgrade from A to B is in a loop when B leads back to A, that is when A and B are
        in the same group of products that all lead to each other (a strongly connected
        component). The groups are found once for the whole graph; the shortest way back
        is then searched only for upgrades inside a group, and only inside that group, so a
        long chain of upgrades that never comes back costs no search at all."""
        edges: dict[str, list[tuple[str, str]]] = {}
        """sku -> [(target sku, rule id)], sorted"""
        for rule in rules:
            if rule.kind != "upsell" or rule.event != "scan":
                continue
            sources: dict[str, Product | None] = {p.sku: p for p in self.triggers(rule)}
            if rule.scanned is not None:
                for sku in rule.scanned.skus:  # named SKUs count even before they are imported
                    sources.setdefault(sku, self.catalog.get(sku))
            for sku, product in sources.items():
                if rule.offer.upgrade_to:
                    target: str | None = rule.offer.upgrade_to
                else:
                    nxt = self.next_size(product) if product is not None else None
                    target = nxt.sku if nxt is not None else None
                if target is not None and target != sku:
                    edges.setdefault(sku, []).append((target, rule.id))
        for targets in edges.values():
            targets.sort()
        group = _strongly_connected(edges)
        findings: dict[str, Finding] = {}
        for source in sorted(edges):
            for target, rid in edges[source]:
                if rid in findings or group[target] != group[source]:
                    continue
                path = self._path(edges, group, target, source)
                assert path is not None  # the same group: the target leads back
                steps = [f"{source} → {target} (this rule)"]
                steps += [f"→ {nxt} ({other})" for nxt, other in path]
                others = sorted({other for _n, other in path} - {rid})
                fix_others = f" or in {', '.join(others)}" if others else ""
                findings[rid] = Finding(
                    rid, "error", "upsell-loop",
                    f"upsell loop: {' '.join(steps)}: accepting one upgrade offers the way "
                    f"back",
                    f"decide which way the customer should go and remove the upgrade the "
                    f"other way, in this rule{fix_others}")
        return list(findings.values())

    @staticmethod
    def _path(edges: dict[str, list[tuple[str, str]]], group: dict[str, int], start: str,
              goal: str) -> list[tuple[str, str]] | None:
        """The shortest chain of (sku, rule) steps from `start` to `goal`, if any: the first
        one breadth-first over the sorted edges. Only products in the goal's group can be on
        the way (any other product cannot reach the goal), so the search stays inside it."""
        home = group[goal]
        came_from: dict[str, tuple[str, str] | None] = {start: None}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for nxt, rid in edges.get(node, ()):
                if nxt == goal:
                    steps = [(nxt, rid)]
                    back = came_from[node]
                    while back is not None:
                        steps.append((node, back[1]))
                        node = back[0]
                        back = came_from[node]
                    steps.reverse()
                    return steps
                if nxt not in came_from and group[nxt] == home:
                    came_from[nxt] = (node, rid)
                    queue.append(nxt)
        return None

    def ties(self, rules: Sequence[Rule]) -> list[Finding]:
        """Active rules that fire on the same scans under the same conditions, at the same
        priority: nothing but kind and rule id decides which the clerk sees first."""
        groups: dict[tuple[object, ...], list[Rule]] = {}
        for rule in rules:
            oc = rule.order
            order_key = None if oc is None else (oc.total_min, oc.total_max,
                                                 frozenset(oc.has), frozenset(oc.lacks))
            key = (rule.event, rule.scanned, order_key, rule.time, rule.customer,
                   rule.priority, rule.kind == "upsell")
            groups.setdefault(key, []).append(rule)
        findings = []
        for group in groups.values():
            if len(group) < 2:
                continue
            ids = sorted(r.id for r in group)
            for rule in group:
                others = [rid for rid in ids if rid != rule.id]
                add_s = "s" if len(others) > 1 else ""
                findings.append(Finding(
                    rule.id, "warning", "fire-together",
                    f"always fires together with rule{add_s} {', '.join(others)}: same "
                    f"event, triggers and conditions, same priority {rule.priority}; the "
                    f"order between them is decided by kind and id only",
                    "give the rule that should come first a higher priority, or merge them "
                    "into one rule"))
        return findings


def _strongly_connected(edges: dict[str, list[tuple[str, str]]]) -> dict[str, int]:
    """A group number for every product in `edges` (as a source or a target): two products
    have the same number when each leads to the other (Tarjan's strongly connected
    components, without recursion, in time linear in the edges)."""
    group: dict[str, int] = {}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    nodes = dict.fromkeys(edges)
    for targets in edges.values():
        nodes.update(dict.fromkeys(t for t, _rid in targets))
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            for nxt, _rid in todo:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    number = len(group)
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group[member] = number
                        if member == node:
                            break
    return group
