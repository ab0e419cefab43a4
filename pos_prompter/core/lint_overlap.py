"""Lint between rules: two rules that can offer the same item on the same scanned line.

A customer who says no to an item is not offered it again in that order by any rule (see
core.session, ITEM_OFFERS), so where two active scan rules can both fire on one line and both
offer the same item, the second is silent whenever the first was declined (and offers nothing
new when it was accepted). That is rarely what the manager meant: `same-offer`, a warning on
the rule the clerk would be asked second, naming both rules by title, the item and a scanned
item where they meet. Not when the rule asked first is a bundle: a customer who turns down a
set has not turned down each of its items, so "the set, or else just the case" is a pattern
that works (the electronics demo has it).

Cost: the rules are grouped by the item they offer; only an item two rules offer has its
rules' trigger products walked (which lint has resolved already), so the check grows with the
rules and the triggers they share, not with rules².
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.engine import Engine
from pos_prompter.core.lint_finding import Finding
from pos_prompter.core.lint_lookup import Lookups
from pos_prompter.core.rules import Rule, Settings
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said
from pos_prompter.core.session import ITEM_OFFERS

CODE = "same-offer"


class Resolver(Protocol):
    """What the check needs from lint's own look-ups (core.lint_lookup.Lookups has them, cached)."""

    def triggers(self, rule: Rule) -> list[Product]: ...

    def usable(self, sku: str) -> Product | None: ...

    def next_size(self, product: Product) -> Product | None: ...


@dataclass(frozen=True, slots=True)
class _Offer:
    """A rule offering one item when one of `on` (sorted by SKU) is scanned, except the item
    itself: it is never offered on its own scan (it is in the order already)."""

    rule: Rule
    on: Sequence[Product]
    item: str

    def any_line(self) -> bool:
        return any(p.sku != self.item for p in self.on[:2])


def _offers(rule: Rule, resolve: Resolver) -> list[_Offer]:
    """The items `rule` offers, each with the trigger products it is offered on (an
    upsell's next size follows the scanned product; a cross-sell's first candidate, or on
    that product's own scan the next one). Lint's own trigger
    lists, not copies: most items are offered by one rule and never walked."""
    triggers = resolve.triggers(rule)
    o = rule.offer
    if rule.kind == "upsell" and not o.upgrade_to:
        by_target: dict[str, list[Product]] = {}
        for product in triggers:
            target = resolve.next_size(product)
            if target is not None and target.active:
                by_target.setdefault(target.sku, []).append(product)
        return [_Offer(rule, on, sku) for sku, on in by_target.items()]
    if rule.kind == "cross_sell":
        # The first candidate is what it offers; the others only where the order has that
        # already: a later candidate shared with another rule is a fallback, not a repeat.
        usable = [p for p in map(resolve.usable, dict.fromkeys(o.add)) if p is not None]
        if not usable:
            return []
        lead = [_Offer(rule, triggers, usable[0].sku)]
        if len(usable) > 1 and _among(triggers, usable[0].sku):
            lead.append(_Offer(rule, (usable[0],), usable[1].sku))  # on its own scan
        return lead
    return [_Offer(rule, triggers, sku) for sku in dict.fromkeys(_named_items(rule))
            if sku and resolve.usable(sku) is not None]


def _among(products: Sequence[Product], sku: str) -> bool:
    """Whether `sku` is one of `products` (sorted by SKU, as lint's trigger lists are)."""
    at = bisect_left(products, sku, key=lambda p: p.sku)
    return at < len(products) and products[at].sku == sku


def _can_meet(a: Rule, b: Rule) -> bool:
    """Whether one order can have both rules: not when each is for other customer types."""
    return not (a.customer and b.customer and a.customer.isdisjoint(b.customer))


def same_offers_of(rule: Rule, rules: Iterable[Rule], catalog: Catalog,
                   settings: Settings) -> list[Finding]:
    """The `same-offer` findings between `rule` and the other active rules, whichever is
    asked first: what the rule editor says when `rule` is published in place of the rule
    of its id. Only the rules that can offer one of its items are looked at, so a publish
    in a store of thousands of rules resolves a few triggers, not all of them."""
    if not rule.active or rule.event != "scan":
        return []
    linter = Lookups(catalog, settings)
    mine = {offer.item for offer in _offers(rule, linter)}
    # A next-size upsell offers a product of a size ladder; only those can be its items.
    ladder = any(p.family for p in map(catalog.get, mine) if p is not None)
    others = [r for r in rules if r.id != rule.id and r.active and r.event == "scan"
              and ((ladder and r.kind == "upsell" and not r.offer.upgrade_to)
                   or not mine.isdisjoint(_named_items(r)))]
    return sorted(same_offers([rule, *others], linter, only=rule.id), key=Finding.sort_key)


def _named_items(rule: Rule) -> tuple[str | None, ...]:
    o = rule.offer
    return ((o.upgrade_to,) if rule.kind == "upsell" else o.add if rule.kind == "cross_sell"
            else o.bundle_with if rule.kind == "bundle" else (o.reward,))


def same_offers(rules: Sequence[Rule], resolve: Resolver, *,
                only: str | None = None) -> list[Finding]:
    """One `same-offer` warning for each pair of active scan rules that can offer the same
    item on the same scanned line (with `only`, the pairs that rule id is one of)."""
    by_item: dict[str, list[_Offer]] = {}
    for rule in rules:
        if not rule.active or rule.event != "scan":
            continue
        for offer in _offers(rule, resolve):
            if offer.any_line():
                by_item.setdefault(offer.item, []).append(offer)
    # (rule asked first, rule asked second) -> the items both offer, and where they meet
    # (the first product by SKU: a rule's triggers come sorted, so the first one met is it)
    pairs: dict[tuple[str, str], tuple[list[str], Product]] = {}
    rules_by_id: dict[str, Rule] = {}
    for sku, offers in by_item.items():
        if len(offers) < 2:
            continue
        owners: dict[str, list[Rule]] = {}
        met: dict[tuple[str, str], Product] = {}
        for offer in offers:
            for product in offer.on:
                if product.sku == sku:
                    continue
                here = owners.setdefault(product.sku, [])
                for other in here:
                    if other.id == offer.rule.id or not _can_meet(other, offer.rule):
                        continue
                    if only is not None and only not in (other.id, offer.rule.id):
                        continue
                    first, second = sorted((other, offer.rule), key=Engine.queue_key)
                    if first.kind not in ITEM_OFFERS:
                        continue  # a set declined leaves its items to the next rule
                    met.setdefault((first.id, second.id), product)
                    rules_by_id[first.id], rules_by_id[second.id] = first, second
                here.append(offer.rule)
        for key, product in met.items():
            items, where = pairs.setdefault(key, ([], product))
            items.append(sku)
            if product.sku < where.sku:  # named: the first scanned item they meet on
                pairs[key] = (items, product)
    return [_finding(rules_by_id[a], rules_by_id[b], items, where, resolve)
            for (a, b), (items, where) in sorted(pairs.items())]


def _title(rule: Rule) -> Said | str:
    return f'"{rule.title}"' if rule.title else \
        QT_TRANSLATE_NOOP("lint", "rule {rule}").format(rule=rule.id)


def _names(skus: list[str], resolve: Resolver) -> Said | str:
    names = sorted(p.name if (p := resolve.usable(s)) is not None else s for s in skus)
    return names[0] if len(names) == 1 else QT_TRANSLATE_NOOP(
        "lint", "{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def _finding(first: Rule, second: Rule, items: list[str], where: Product,
             resolve: Resolver) -> Finding:
    what = _names(items, resolve)
    return Finding(
        second.id, "warning", CODE,
        QT_TRANSLATE_NOOP("lint", "{second} and {first} both offer {what} to the same scanned "
                          "item (for example {where}): what a customer says no to from "
                          "{first} is not offered again by {second} in that order").format(
            second=_title(second), first=_title(first), what=what, where=where.name),
        QT_TRANSLATE_NOOP("lint", "offer something else in one of them, or change their "
                          "scanned items so they do not meet"))
