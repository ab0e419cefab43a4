"""A sensible sample order for a rule, from its own trigger: what the rule editor's preview
starts with, so the manager sees the prompt at once rather than a blank card.

`sample_for(rule, catalog)` gives SKUs to scan, in order, the trigger last: the products
`when.order.has` asks for, items to reach `when.order.total_min`, then an item
`when.scanned` matches (for an upsell to the next size, one that has a next size; never one
the rule offers). A checkout rule gets the items `has` asks for, and a threshold rule
enough to stand just below its reward total (within `within`). `sample_time` moves a
clock into the rule's hours and days.

Looking by category or tag walks at most SCAN_LIMIT products, so a chain's catalog is not
built whole for a preview. Pure: no Qt, no SQLite. A rule nothing in the catalog can set
off gets an empty sample (the preview then says what to do).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from decimal import Decimal

from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.rules import Ref, Rule

SCAN_LIMIT = 5000
"""At most this many products are looked at for a category or tag match."""
FILLERS = 200
"""Items to reach a total are chosen among this many of the catalog's first products."""


def _matches(product: Product, rule: Rule) -> bool:
    sc = rule.scanned
    return sc is None or (product.sku in sc.skus
                          or (product.category is not None and product.category in sc.categories)
                          or not sc.tags.isdisjoint(product.tags))


def _first(products: Iterable[Product], limit: int = SCAN_LIMIT) -> Iterable[Product]:
    return (p for p in itertools.islice(products, limit) if p.active)


def _ref_product(ref: Ref, catalog: Catalog) -> Product | None:
    if ref.kind == "sku":
        product = catalog.get(ref.value)
        return product if product is not None and product.active else None
    for p in _first(catalog):
        if (ref.kind == "category" and p.category == ref.value) or \
                (ref.kind == "tag" and ref.value in p.tags):
            return p
    return None


def _adds(rule: Rule, catalog: Catalog, trigger: Product) -> int | None:
    """What accepting the offer would add on `trigger` (None: not known here)."""
    o = rule.offer
    if rule.kind == "bundle":
        return o.bundle_price
    if rule.kind == "cross_sell":
        prices = [p.price for p in (catalog.get(s) for s in o.add) if p is not None and p.active]
        return min(prices) if prices else None
    if rule.kind == "upsell":
        target = catalog.get(o.upgrade_to) if o.upgrade_to else catalog.next_size(trigger)
        return None if target is None else target.price - trigger.price
    return None


def _trigger(rule: Rule, catalog: Catalog, taken: set[str], ratio: Decimal | None
             ) -> Product | None:
    """The first product that sets the rule off: one the price guardrail lets the offer
    through on, if any (else the first at all)."""
    offered = set(rule.offered_skus())
    sc = rule.scanned
    named = [catalog.get(s) for s in sorted(sc.skus)] if sc is not None else []
    candidates = itertools.chain((p for p in named if p is not None and p.active),
                                 (p for p in _first(catalog) if _matches(p, rule)))
    fallback: Product | None = None
    for product in candidates:
        if product.sku in offered or product.sku in taken:
            continue
        if rule.kind == "upsell" and rule.offer.next_size and catalog.next_size(product) is None:
            fallback = fallback or product
            continue
        adds = _adds(rule, catalog, product)
        limit = rule.max_offer_ratio if rule.max_offer_ratio is not None else ratio
        if adds is not None and limit is not None and adds > limit * product.price:
            fallback = fallback or product
            continue
        return product
    return fallback


def _fill(catalog: Catalog, total: int, low: int, high: int | None, avoid: set[str]
          ) -> list[Product]:
    """Items that bring `total` to `low` or more, staying below `high`: the dearest that
    fits each time, among the catalog's first FILLERS active products."""
    pool = sorted((p for p in _first(catalog, FILLERS) if p.sku not in avoid and p.price > 0),
                  key=lambda p: (-p.price, p.sku))
    added: list[Product] = []
    while total < low and len(added) < 50:
        fits = [p for p in pool if high is None or total + p.price < high]
        if not fits:
            break
        pick = next((p for p in reversed(fits) if total + p.price >= low), fits[0])
        added.append(pick)
        total += pick.price
    return added


def sample_for(rule: Rule, catalog: Catalog, ratio: Decimal | None = None) -> list[str]:
    """SKUs of a sample order that sets `rule` off, the trigger last (see the module);
    `ratio`: the store's max_offer_ratio, to pick a trigger the offer is allowed on."""
    items: list[Product] = []
    order = rule.order
    avoid = set(rule.offered_skus())
    if order is not None:
        for ref in order.has:
            product = _ref_product(ref, catalog)
            if product is not None and product.sku not in {p.sku for p in items}:
                items.append(product)
        avoid |= {ref.value for ref in order.lacks if ref.kind == "sku"}
    total = sum(p.price for p in items)
    if rule.event == "scan":
        trigger = _trigger(rule, catalog, {p.sku for p in items}, ratio)
        if trigger is None:
            return []
        if order is not None and order.total_min is not None:
            need = order.total_min - trigger.price
            high = None if order.total_max is None else order.total_max - trigger.price
            items += _fill(catalog, total, need, high, avoid | {trigger.sku})
        items.append(trigger)
    elif rule.kind == "threshold" and rule.offer.order_total is not None:
        goal = rule.offer.order_total
        low = goal - rule.offer.within if rule.offer.within is not None else goal // 2
        items += _fill(catalog, total, max(low, 1), goal, avoid)
    elif not items:
        items += _fill(catalog, total, (order.total_min or 1) if order else 1,
                       order.total_max if order else None, avoid)
    return [p.sku for p in items]


def sample_time(rule: Rule, now: dt.datetime) -> dt.datetime:
    """`now`, or when it is outside the rule's hours or days, ten minutes after the window
    opens on that day, or on the next day it holds (within a week); dates stay as they are."""
    window = rule.time
    if window is None or (window.hours is None and not window.days):
        return now
    start = window.hours[0] if window.hours is not None else 9 * 60
    for days in range(8):
        day = (now + dt.timedelta(days=days)).date()
        when = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=start + 10)
        if days == 0 and window.holds(now):
            return now
        if window.holds(when):
            return when
    return now
