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
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

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
                QT_TRANSLATE_NOOP("lint", "offer.next_size: every product that triggers it is "
                                  "already the largest active size of its family, or has no "
                                  "size family, so it never fires"),
                QT_TRANSLATE_NOOP("lint", "trigger it on smaller sizes, or give the products a "
                                  "family and size_rank (and an active larger size) in the "
                                  "catalog"))
        return
    target = lk.catalog.get(o.upgrade_to or "")
    if target is None:
        return
    if any(p.sku == target.sku for p in triggers):
        others = [p for p in triggers if p.sku != target.sku]
        message = (QT_TRANSLATE_NOOP("lint", "offer.upgrade_to is {sku}, which also triggers "
                                     "the rule: scanning {sku} never offers it again")
                   if others else
                   QT_TRANSLATE_NOOP("lint", "offer.upgrade_to is {sku}, which also triggers "
                                     "the rule: scanning {sku} never offers it again; nothing "
                                     "else triggers it, so it never fires"))
        add("warning", "upgrade-to-self", message.format(sku=target.sku),
            QT_TRANSLATE_NOOP("lint", "trigger the rule on the products below {sku} only "
                              "(list their SKUs instead of a category or tag that includes "
                              "{sku})").format(sku=target.sku))
    others = [p for p in triggers if p.sku != target.sku]
    if others and all(target.price < p.price for p in others):
        cheapest = min(others, key=lambda p: (p.price, p.sku))
        add("warning", "upgrade-to-cheaper",
            QT_TRANSLATE_NOOP("lint", "offer.upgrade_to {sku} costs {price}, less than every "
                              "product that triggers it (the cheapest, {cheapest}, is "
                              "{lowest}): an upsell down is never offered").format(
                sku=target.sku, price=lk.money(target.price), cheapest=cheapest.sku,
                lowest=lk.money(cheapest.price)),
            QT_TRANSLATE_NOOP("lint", "upgrade to a dearer product, or use a cross_sell to "
                              "suggest the cheaper one"))


def check_prices(lk: Lookups, rule: Rule, add: Add) -> None:
    o = rule.offer
    if rule.kind == "bundle" and o.bundle_price is not None:
        items = [lk.catalog.get(s) for s in o.bundle_with]
        if all(p is not None for p in items):
            separate = sum(p.price for p in items if p is not None)
            if o.bundle_price > separate:
                add("error", "bundle-dearer",
                    QT_TRANSLATE_NOOP("lint", "offer.bundle.price {price} is more than the "
                                      "items cost separately ({separate}): the customer "
                                      "would pay more than buying them separately").format(
                        price=lk.money(o.bundle_price), separate=lk.money(separate)),
                    QT_TRANSLATE_NOOP("lint", "set offer.bundle.price below {separate}")
                    .format(separate=lk.money(separate)))
            elif o.bundle_price == separate:
                add("warning", "bundle-no-saving",
                    QT_TRANSLATE_NOOP("lint", "offer.bundle.price {price} is exactly what the "
                                      "items cost separately: the bundle saves the customer "
                                      "nothing").format(price=lk.money(o.bundle_price)),
                    QT_TRANSLATE_NOOP("lint", "set offer.bundle.price below {separate}, or "
                                      "make it a cross_sell").format(
                        separate=lk.money(separate)))
    if rule.kind == "threshold" and o.reward_price is not None:
        reward = lk.catalog.get(o.reward or "")
        if reward is not None and o.reward_price > reward.price:
            add("warning", "reward-price-above",
                QT_TRANSLATE_NOOP("lint", "offer.threshold.reward_price {price} is above "
                                  "{sku}'s own price {own}: the reward costs more than "
                                  "buying it").format(price=lk.money(o.reward_price),
                                                      sku=reward.sku,
                                                      own=lk.money(reward.price)),
                QT_TRANSLATE_NOOP("lint", "set reward_price to {own} or less (0.00 for a free "
                                  "gift)").format(own=lk.money(reward.price)))


def check_ratio(lk: Lookups, rule: Rule, triggers: list[Product], add: Add) -> None:
    ratio = lk.ratio(rule)
    if ratio > MAX_SANE_RATIO:
        if rule.max_offer_ratio is not None:
            message = QT_TRANSLATE_NOOP("lint", "max_offer_ratio is {ratio}: an offer may add "
                                        "more than twice the price of what triggered it (no "
                                        "Ford to Ferrari)")
            fix = QT_TRANSLATE_NOOP("lint", "lower max_offer_ratio on the rule to 2 or less")
        else:
            message = QT_TRANSLATE_NOOP("lint", "the store's max_offer_ratio (which this rule "
                                        "uses) is {ratio}: an offer may add more than twice "
                                        "the price of what triggered it (no Ford to "
                                        "Ferrari)")
            fix = QT_TRANSLATE_NOOP("lint", "lower the store setting (pos-prompter settings "
                                    "max_offer_ratio=1.0) or give the rule its own "
                                    "max_offer_ratio of 2 or less")
        add("warning", "ratio-above-2", message.format(ratio=ratio), fix)
    blocked = _always_blocked(lk, rule, triggers, ratio)
    if blocked is not None:
        detail, needed = blocked
        fix = (QT_TRANSLATE_NOOP("lint", "raise max_offer_ratio on the rule to at least "
                                 "{needed}, offer something cheaper, or trigger it on dearer "
                                 "products") if rule.event == "scan" else
               QT_TRANSLATE_NOOP("lint", "raise max_offer_ratio on the rule to at least "
                                 "{needed}, offer something cheaper, or ask it only on bigger "
                                 "orders (a higher order_total or total_max)"))
        add("warning", "ratio-blocks",
            QT_TRANSLATE_NOOP("lint", "this offer is always blocked by the price ratio: "
                              "{detail} is more than max_offer_ratio {ratio}x allows").format(
                detail=detail, ratio=ratio),
            fix.format(needed=needed))


def _always_blocked(lk: Lookups, rule: Rule, triggers: list[Product],
                    ratio: Decimal) -> tuple[Said, Decimal] | None:
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

    single = rule.event == "scan" and rule.kind != "upsell"

    def said(case: tuple[Cents, Cents, str | None]) -> Said:
        added, base, sku = case
        if sku is None:
            return QT_TRANSLATE_NOOP("lint", "{added} added to an order of at most {base}") \
                .format(added=lk.money(added), base=lk.money(base))
        return QT_TRANSLATE_NOOP("lint", "{added} added to {sku} at {base}").format(
            added=lk.money(added), sku=sku, base=lk.money(base))

    # The case closest to getting through is the one to show and to fix.
    delta, base, sku = min(cases, key=lambda c: (Decimal(c[0]) / Decimal(max(c[1], 1)),
                                                 said(c)))
    needed = _ceil_ratio(Decimal(delta) / Decimal(max(base, 1)))
    text = said((delta, base, sku))
    if single and sku is not None:
        text = QT_TRANSLATE_NOOP("lint", "{added} added to {sku} at {base} (a single item)") \
            .format(added=lk.money(delta), sku=sku, base=lk.money(base))
    if len(cases) > 1:
        text = QT_TRANSLATE_NOOP("lint", "{count} trigger products, and even the closest, "
                                 "{detail},").format(count=len(cases), detail=text)
    return text, needed
