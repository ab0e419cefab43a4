"""Lint checks of a rule's prices: upsell targets, bundles, rewards, the price ratio.

Codes: next-size-top, upgrade-to-self, upgrade-to-cheaper, bundle-dearer, bundle-no-saving,
reward-price-above, ratio-above-2, ratio-blocks (see core.lint for what each means).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from pos_prompter.core.catalog import Product
from pos_prompter.core.lint_finding import Add
from pos_prompter.core.lint_lookup import Lookups
from pos_prompter.core.money import Cents
from pos_prompter.core.rules import Rule

MAX_SANE_RATIO = Decimal(2)
"""Above this an offer may add more than twice what triggered it: a Ford to a Ferrari."""


def _ceil_ratio(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_CEILING)


def check_upsell(lk: Lookups, rule: Rule, triggers: list[Product], add: Add) -> None:
    if rule.kind != "upsell" or not triggers:
        return
    o = rule.offer
    if o.next_size:
        if not any(lk.next_size(p) for p in triggers):
            add("warning", "next-size-top",
                "offer.next_size: every product that triggers it is already the largest "
                "active size of its family, or has no size family, so it never fires",
                "trigger it on smaller sizes, or give the products a family and "
                "size_rank (and an active larger size) in the catalog")
        return
    target = lk.catalog.get(o.upgrade_to or "")
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
            f"offer.upgrade_to {target.sku} costs {lk.money(target.price)}, less than "
            f"every product that triggers it (the cheapest, {cheapest.sku}, is "
            f"{lk.money(cheapest.price)}): an upsell down is never offered",
            "upgrade to a dearer product, or use a cross_sell to suggest the cheaper one")


def check_prices(lk: Lookups, rule: Rule, add: Add) -> None:
    o = rule.offer
    if rule.kind == "bundle" and o.bundle_price is not None:
        items = [lk.catalog.get(s) for s in o.bundle_with]
        if all(p is not None for p in items):
            separate = sum(p.price for p in items if p is not None)
            if o.bundle_price > separate:
                add("error", "bundle-dearer",
                    f"offer.bundle.price {lk.money(o.bundle_price)} is more than the "
                    f"items cost separately ({lk.money(separate)}): the customer would "
                    f"pay more than buying them separately",
                    f"set offer.bundle.price below {lk.money(separate)}")
            elif o.bundle_price == separate:
                add("warning", "bundle-no-saving",
                    f"offer.bundle.price {lk.money(o.bundle_price)} is exactly what the "
                    f"items cost separately: the bundle saves the customer nothing",
                    f"set offer.bundle.price below {lk.money(separate)}, or make it a "
                    f"cross_sell")
    if rule.kind == "threshold" and o.reward_price is not None:
        reward = lk.catalog.get(o.reward or "")
        if reward is not None and o.reward_price > reward.price:
            add("warning", "reward-price-above",
                f"offer.threshold.reward_price {lk.money(o.reward_price)} is above "
                f"{reward.sku}'s own price {lk.money(reward.price)}: the reward costs "
                f"more than buying it",
                f"set reward_price to {lk.money(reward.price)} or less (0.00 for a "
                f"free gift)")


def check_ratio(lk: Lookups, rule: Rule, triggers: list[Product], add: Add) -> None:
    ratio = lk.ratio(rule)
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
    blocked = _always_blocked(lk, rule, triggers, ratio)
    if blocked is not None:
        detail, needed = blocked
        other = ("trigger it on dearer products" if rule.event == "scan" else
                 "ask it only on bigger orders (a higher order_total or total_max)")
        add("warning", "ratio-blocks",
            f"this offer is always blocked by the price ratio: {detail} is more than "
            f"max_offer_ratio {ratio}x allows",
            f"raise max_offer_ratio on the rule to at least {needed}, offer something "
            f"cheaper, or {other}")


def _always_blocked(lk: Lookups, rule: Rule, triggers: list[Product],
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
                target = (lk.usable(o.upgrade_to) if o.upgrade_to
                          else lk.next_size(t))
                if target is not None and target.sku != t.sku and target.price >= t.price:
                    delta = target.price - t.price
            elif rule.kind == "cross_sell":
                prices = [p.price for s in o.add if (p := lk.usable(s)) and s != t.sku]
                delta = min(prices) if prices else None
            elif rule.kind == "bundle":
                items = [lk.usable(s) for s in o.bundle_with]
                if all(items) and t.sku not in o.bundle_with:
                    delta = o.bundle_price or 0
            elif lk.usable(o.reward or "") and t.sku != o.reward:
                delta = o.reward_price or 0
            if delta is not None:
                cases.append((delta, t.price, t.sku))
    else:
        ceiling = rule.order.total_max if rule.order is not None else None
        delta = None
        if rule.kind == "threshold" and o.order_total is not None \
                and lk.usable(o.reward or ""):
            # Prompted only below the reward total, so the order total is at most 1 cent
            # under it.
            below = o.order_total - 1
            ceiling = below if ceiling is None else min(ceiling, below)
            delta = o.reward_price or 0
        elif rule.kind == "cross_sell":
            prices = [p.price for s in o.add if (p := lk.usable(s))]
            delta = min(prices) if prices else None
        elif rule.kind == "bundle" and all(lk.usable(s) for s in o.bundle_with):
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
            return f"{lk.money(added)} added to an order of at most {lk.money(base)}"
        return f"{lk.money(added)} added to {sku} at {lk.money(base)}"

    # The case closest to getting through is the one to show and to fix.
    delta, base, text = min(((d, b, said((d, b, s))) for d, b, s in cases),
                            key=lambda c: (Decimal(c[0]) / Decimal(max(c[1], 1)), c[2]))
    needed = _ceil_ratio(Decimal(delta) / Decimal(max(base, 1)))
    if rule.event == "scan" and rule.kind != "upsell":
        text += " (a single item)"
    if len(cases) > 1:
        text = f"{len(cases)} trigger products, and even the closest, {text},"
    return text, needed
