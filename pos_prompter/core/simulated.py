"""Simulated customers (shared/spec/practice.md "Simulated customers"): a practice scenario
drawn from a store's own catalog and rules.

Pure and deterministic: `generate(catalog, rules, settings, customers=N, seed=S)` uses one
`random.Random(seed)` and iterates only sorted lists, so the same store and seed give the
same Scenario (and `practice generate` the same bytes).

What a customer is made of:
- **what they came for**: most customers come for one rule of the store (drawn evenly
  from its active rules; one no draw can make fire sends a customer of the rest): its
  trigger item (by SKU, category or tag, through
  the engine's own index), what its order conditions need (`has` items, enough for
  `total_min`, a threshold's window below its total), and 0-2 other items; the rest come
  for 1-3 items that trigger no rule;
- **who they are**: a customer type the rule asks for, or now and then one the store's
  rules use;
- **when they come**: a time inside the rule's hours, days and dates, otherwise opening
  hours in the week from `start` (customers are served in the order of their times);
- **how they answer**: for each rule that could fire for their items, a draw against the
  willingness model below (docs/willingness.md); some customers ask why first.

The willingness model (`willingness`), with r the price ratio (what the offer adds over
the trigger line's price, or over the order total for checkout rules) and s the share of
past orders with the trigger item that also had the offer (0 without history):

    p(yes) = min(0.95, 0.10 + 0.60 / (1 + 2r) + 0.30 s)

so it falls as the offer gets dearer against what the customer is buying and rises with
how often the pair is bought together. A curious customer (CURIOUS_SHARE of them) asks
why before every answer: why-then-accept or why-then-decline.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Final

from pos_prompter.core.catalog import DIGITS_RE, Catalog, Product
from pos_prompter.core.engine import Engine
from pos_prompter.core.errors import InputError
from pos_prompter.core.money import Cents
from pos_prompter.core.rules import Ref, Rule, Settings, TimeCondition
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said
from pos_prompter.core.scenario import MAX_CUSTOMERS, MAX_TEXT, Answer, Customer, Scenario

Together = Callable[[str, str], "Decimal | float | None"]
"""together(trigger_sku, offer_sku): the share of past orders with the trigger item that
also had the offer (0..1), or None when the history says nothing."""

DEFAULT_START: Final = dt.datetime(2026, 11, 23, 7, 0)
"""A Monday morning: customers come in the seven days from here unless told otherwise."""
OPEN_MINUTES: Final = (7 * 60, 20 * 60)
"""Opening hours for customers whose rule has no hours (07:00 to 20:00)."""
FOCUS_SHARE: Final = 0.8
"""Share of customers who come for one of the store's rules; the rest trigger none."""
TYPE_SHARE: Final = 0.2
"""Share of the other customers given one of the customer types the rules use."""
CURIOUS_SHARE: Final = 0.3
"""Share of customers who ask why before answering any offer."""
FLOOR, REACH, HISTORY_WEIGHT, CEILING = 0.10, 0.60, 0.30, 0.95
"""The willingness model's four figures (see the module docstring)."""
RETRIES: Final = 6
QUIET_LIST_UP_TO: Final = 5000
"""Up to this many products, the ones that trigger no rule are listed once; above it,
found by a few draws each time (no pass over a chain-sized catalog)."""
SEARCH_DAYS: Final = 366
NAMES: Final = (
    "Sam", "Alex", "Priya", "Jordan", "Mei", "Tom", "Aisha", "Lucas", "Grace", "Omar",
    "Sofia", "Ben", "Hana", "Diego", "Chloe", "Kwame", "Lena", "Ravi", "Nora", "Felix",
    "Yara", "Owen", "Ines", "Mateo", "Ruth", "Kenji", "Amara", "Leo", "Zoe", "Ivan",
)


def willingness(delta: Cents, base: Cents, share: Decimal | float | None = None) -> float:
    """The chance (0..1) that a customer says yes to an offer that adds `delta` cents to a
    line (or order) of `base` cents, when past orders show the pair bought together in
    `share` of orders with the trigger item. Never more likely as delta grows, never less
    likely as base or share grows."""
    if delta <= 0:
        ratio = 0.0
    elif base <= 0:
        ratio = float(delta)  # nothing to weigh it against: as dear as it gets
    else:
        ratio = delta / base
    s = 0.0 if share is None else min(1.0, max(0.0, float(share)))
    return min(CEILING, FLOOR + REACH / (1 + 2 * ratio) + HISTORY_WEIGHT * s)


@dataclass(frozen=True, slots=True)
class OfferFigures:
    """What a rule would put to a customer: what it adds, against what, and the first
    offered SKU (for the history)."""

    delta: Cents
    base: Cents
    trigger_sku: str | None
    offer_sku: str


def generate(catalog: Catalog, rules: Iterable[Rule], settings: Settings, *, customers: int,
             seed: int, together: Together | None = None,
             start: dt.datetime | None = None) -> Scenario:
    """A scenario of `customers` simulated customers of this store (see the module doc)."""
    if isinstance(customers, bool) or not isinstance(customers, int) \
            or not 1 <= customers <= MAX_CUSTOMERS:
        raise InputError(QT_TRANSLATE_NOOP(
            "scenario", "the number of customers must be a whole number from 1 to {most}, not "
            "{value}").format(most=MAX_CUSTOMERS, value=repr(customers)))
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 10**18:
        raise InputError(QT_TRANSLATE_NOOP(
            "scenario", "the seed must be a whole number from 0 to 10^18 - 1, not {value}")
            .format(value=repr(seed)))
    shop = _Shop(catalog, rules, settings)
    rng = random.Random(seed)
    begin = (start or DEFAULT_START).replace(second=0, microsecond=0)
    drawn = [shop.customer(rng, begin, together, n) for n in range(customers)]
    drawn.sort(key=lambda pair: pair[0])
    people = tuple(c for _key, c in drawn)
    first = people[0].time or begin
    level = 1 if customers <= 5 else 2 if customers <= 20 else 3
    return Scenario(id=f"generated-{seed}",
                    title=(QT_TRANSLATE_NOOP("scenario", "{n} simulated customer (seed {seed})")
                           if customers == 1 else
                           QT_TRANSLATE_NOOP("scenario", "{n} simulated customers (seed {seed})")
                           ).format(n=customers, seed=seed),
                    level=level, time=first, customers=people, pass_score=80)


class _Shop:
    """The store, indexed once for drawing customers: never a pass over every rule or
    product per customer."""

    def __init__(self, catalog: Catalog, rules: Iterable[Rule], settings: Settings) -> None:
        self.catalog = catalog
        self.settings = settings
        ordered = sorted(rules, key=lambda r: r.id)
        self.engine = Engine(catalog, ordered, settings)
        self.active: list[str] = []
        self.by_category: dict[str, list[str]] = {}
        self.by_tag: dict[str, list[str]] = {}
        for sku in sorted(catalog.skus()):
            product = catalog.get(sku)
            if product is None or not product.active or self.code(product) is None:
                continue
            self.active.append(sku)
            if product.category:
                self.by_category.setdefault(product.category, []).append(sku)
            for tag in sorted(product.tags):
                self.by_tag.setdefault(tag, []).append(sku)
        if not self.active:
            raise InputError(QT_TRANSLATE_NOOP(
                "scenario", "the store has no products for sale to draw customers from (import "
                "a catalog first)"))
        self.focus = [r for r in ordered if r.active and r.event in ("scan", "checkout")]
        checkout = sorted(self.engine.checkout_candidates(), key=lambda r: r.id)
        # Checkout rules fire on any order, except thresholds: only on a total within
        # `within` below their reward total. Those are kept by that total, so a customer
        # looks only at the ones their total can reach.
        self.checkout_any = [r for r in checkout
                             if r.kind != "threshold" or r.offer.order_total is None
                             or r.offer.within is None]
        anytime = {r.id for r in self.checkout_any}
        windowed = [r for r in checkout if r.id not in anytime]
        self.checkout_reach = sorted((r.offer.order_total or 0, r.id) for r in windowed)
        self.checkout_rules = {r.id: r for r in windowed}
        self.widest = max((r.offer.within or 0 for r in windowed), default=0)
        self.types = sorted({t for r in ordered if r.active for t in r.customer})
        self._by_price: list[tuple[Cents, str]] | None = None
        self._quiet: list[str] | None = None

    # ---------------------------------------------------------------- products

    def code(self, product: Product) -> str | None:
        """What the scenario lists for a product: its SKU, or its barcode when the SKU is
        all digits and reads as another product's barcode."""
        if not DIGITS_RE.match(product.sku):
            return product.sku
        for code in (product.sku, *product.barcodes):
            found = self.catalog.lookup(code)
            if found is not None and found.sku == product.sku:
                return code
        return None

    def product(self, sku: str) -> Product | None:
        product = self.catalog.get(sku)
        return product if product is not None and product.active else None

    def any_product(self, rng: random.Random) -> Product:
        product = self.catalog.get(rng.choice(self.active))
        assert product is not None
        return product

    def quiet(self, rng: random.Random, avoid: Callable[[Product], bool]) -> Product:
        """A product that triggers no scan rule and is not to be avoided: drawn from the
        list of them in a small catalog, else found in a few draws (failing that, any
        product not to be avoided, when every product triggers some rule)."""
        if self._quiet is None:
            self._quiet = [] if len(self.active) > QUIET_LIST_UP_TO else [
                sku for sku in self.active
                if not self.engine.scan_candidates(self.catalog.get(sku))]  # type: ignore[arg-type]
        fallback: Product | None = None
        for _ in range(RETRIES * 2):
            sku = rng.choice(self._quiet or self.active)
            product = self.catalog.get(sku)
            assert product is not None
            if avoid(product):
                continue
            if self._quiet or not self.engine.scan_candidates(product):
                return product
            fallback = fallback or product
        return fallback or self.any_product(rng)

    def by_price(self) -> list[tuple[Cents, str]]:
        if self._by_price is None:
            pairs = []
            for sku in self.active:
                product = self.catalog.get(sku)
                assert product is not None
                pairs.append((product.price, sku))
            self._by_price = sorted(pairs)
        return self._by_price

    def priced(self, rng: random.Random, low: Cents, high: Cents) -> Product | None:
        """A product priced in [low, high] if there is one, else one below low (a step
        towards it), else None."""
        table = self.by_price()
        lo = bisect.bisect_left(table, (max(low, 0), ""))
        hi = bisect.bisect_right(table, (high, "\U0010ffff"))
        if hi > lo:
            return self.product(table[rng.randrange(lo, hi)][1])
        if lo > 0:
            return self.product(table[rng.randrange(0, lo)][1])
        return None

    def of_ref(self, rng: random.Random, ref: Ref) -> Product | None:
        if ref.kind == "sku":
            return self.product(ref.value)
        pool = (self.by_category if ref.kind == "category" else self.by_tag).get(ref.value)
        return self.product(rng.choice(pool)) if pool else None

    @staticmethod
    def has_ref(product: Product, ref: Ref) -> bool:
        if ref.kind == "sku":
            return product.sku == ref.value
        if ref.kind == "category":
            return product.category == ref.value
        return ref.value in product.tags

    def trigger(self, rng: random.Random, rule: Rule) -> Product | None:
        """A product that rings this scan rule up: one of its SKUs, or a product of one of
        its categories or tags (any product when it triggers on every scan)."""
        sc = rule.scanned
        if sc is None:
            return self.any_product(rng)
        sources = ([("sku", s) for s in sorted(sc.skus)]
                   + [("category", c) for c in sorted(sc.categories)]
                   + [("tag", t) for t in sorted(sc.tags)])
        kind, value = rng.choice(sources)
        return self.of_ref(rng, Ref(kind, value))  # type: ignore[arg-type]

    # ---------------------------------------------------------------- offers

    def figures(self, rule: Rule, trigger: Product | None, items: Sequence[Product],
                total: Cents) -> OfferFigures | None:
        """What the rule would offer this customer, or None when it cannot (nothing to
        offer, the offer already bought, blocked by the price ratio)."""
        o, in_order = rule.offer, {p.sku for p in items}
        offer_sku: str
        if rule.kind == "upsell":
            if trigger is None:
                return None
            target = self.product(o.upgrade_to) if o.upgrade_to \
                else self.catalog.next_size(trigger)
            if target is None or target.sku == trigger.sku or target.price < trigger.price:
                return None
            delta, offer_sku = target.price - trigger.price, target.sku
        elif rule.kind == "cross_sell":
            chosen = next((p for p in (self.product(s) for s in o.add)
                           if p is not None and p.sku not in in_order), None)
            if chosen is None:
                return None
            delta, offer_sku = chosen.price, chosen.sku
        elif rule.kind == "bundle":
            parts = [self.product(s) for s in o.bundle_with]
            if not parts or any(p is None or p.sku in in_order for p in parts):
                return None
            delta, offer_sku = o.bundle_price or 0, o.bundle_with[0]
        else:
            reward = self.product(o.reward or "")
            if reward is None or reward.sku in in_order:
                return None
            delta, offer_sku = o.reward_price or 0, reward.sku
        base = trigger.price if rule.event == "scan" and trigger is not None else total
        limit = rule.max_offer_ratio if rule.max_offer_ratio is not None \
            else self.settings.max_offer_ratio
        if delta > 0 and Decimal(delta) > limit * Decimal(base):
            return None
        return OfferFigures(delta, base, trigger.sku if trigger is not None else None,
                            offer_sku)

    def could_fire(self, items: Sequence[Product], ctype: str | None,
                   when: dt.datetime) -> list[tuple[Rule, OfferFigures]]:
        """The rules that could prompt for these items, this customer and time, with what
        each would offer (its first trigger line that gives an offer), sorted by rule id."""
        total = sum(p.price for p in items)
        found: dict[str, tuple[Rule, OfferFigures]] = {}

        def fits(rule: Rule) -> bool:
            return ((not rule.customer or (ctype or "") in rule.customer)
                    and (rule.time is None or rule.time.holds(when)))

        for product in items:
            for rule in self.engine.scan_candidates(product):
                if rule.id in found or not fits(rule):
                    continue
                figures = self.figures(rule, product, items, total)
                if figures is not None:
                    found[rule.id] = (rule, figures)
        for rule in self.checkout_for(total):
            if not fits(rule):
                continue
            figures = self.figures(rule, None, items, total)
            if figures is not None:
                found[rule.id] = (rule, figures)
        return [found[k] for k in sorted(found)]

    def checkout_for(self, total: Cents) -> list[Rule]:
        """The checkout rules an order of `total` could see: every one without a window,
        and the thresholds whose reward total lies above it by no more than their `within`
        (before anything the customer accepts: offers taken may bring others in reach)."""
        reach = self.checkout_reach
        lo = bisect.bisect_right(reach, (total, "\U0010ffff"))
        hi = bisect.bisect_right(reach, (total + self.widest, "\U0010ffff"))
        near = [self.checkout_rules[rid] for _t, rid in reach[lo:hi]]
        rules = [r for r in self.checkout_any if r.offer.order_total is None
                 or total < r.offer.order_total]
        rules += [r for r in near if (r.offer.order_total or 0) - total <= (r.offer.within or 0)]
        return rules

    # ---------------------------------------------------------------- one customer

    def customer(self, rng: random.Random, begin: dt.datetime, together: Together | None,
                 n: int) -> tuple[tuple[dt.datetime, int], Customer]:
        name = rng.choice(NAMES)
        curious = rng.random() < CURIOUS_SHARE
        items: list[Product] | None = None
        rule: Rule | None = None
        ctype: str | None = None
        when: dt.datetime | None = None
        if self.focus and rng.random() < FOCUS_SHARE:
            rule = rng.choice(self.focus)
            items = self.items_for(rng, rule)
            when = _time_for(rng, rule.time, begin) if items else None
            if items is None or when is None:
                rule = items = None
            elif rule.customer:
                ctype = rng.choice(sorted(rule.customer))
        if items is None:
            count = rng.randint(1, 3)
            items = []
            for _ in range(count):
                items.append(self.quiet(rng, partial(_sku_among, items)))
        if when is None:
            when = _time_for(rng, None, begin)
            assert when is not None
        if ctype is None and self.types and rng.random() < TYPE_SHARE:
            ctype = rng.choice(self.types)
        answers: dict[str, Answer] = {}
        for fired, figures in self.could_fire(items, ctype, when):
            share = None
            if together is not None and figures.trigger_sku is not None:
                share = together(figures.trigger_sku, figures.offer_sku)
            yes = rng.random() < willingness(figures.delta, figures.base, share)
            word = "accept" if yes else "decline"
            answers[fired.id] = f"why-then-{word}" if curious else word  # type: ignore[assignment]
        codes = [self.code(p) or p.sku for p in items]
        return (when, n), Customer(name=name, items=tuple(codes), says=_says(items),
                                   type=ctype, time=when, answers=answers)

    def items_for(self, rng: random.Random, rule: Rule) -> list[Product] | None:
        """What a customer rings up so that `rule` fires: its trigger (last when its order
        conditions or a threshold depend on what came before, else first) and what those
        conditions need, plus 0-2 other items. None when no draw makes it fire."""
        offered = set(rule.offered_skus())
        oc = rule.order
        lacks = oc.lacks if oc is not None else ()

        def unwanted(p: Product, got: Sequence[Product]) -> bool:
            return (p.sku in offered or any(p.sku == g.sku for g in got)
                    or any(self.has_ref(p, ref) for ref in lacks))

        for _ in range(RETRIES):
            trigger = self.trigger(rng, rule) if rule.event == "scan" else None
            if rule.event == "scan" and (trigger is None or unwanted(trigger, ())):
                continue
            before: list[Product] = []
            for ref in oc.has if oc is not None else ():
                product = self.of_ref(rng, ref)
                if product is None:
                    break
                if not any(g.sku == product.sku for g in before):
                    before.append(product)
            else:
                extra = [] if rule.kind == "threshold" else \
                    [self.quiet(rng, partial(unwanted, got=before))
                     for _ in range(rng.randint(0, 2))]
                extra = [p for i, p in enumerate(extra) if not unwanted(p, extra[:i] + before)]
                items = self.fill(rng, rule, trigger, before + extra, unwanted)
                if items is None:
                    continue
                total = sum(p.price for p in items)
                if oc is not None and oc.total_max is not None and total > oc.total_max:
                    continue
                if self.figures(rule, trigger, items, total) is not None:
                    return items
        return None

    def fill(self, rng: random.Random, rule: Rule, trigger: Product | None,
             got: list[Product], unwanted: Callable[[Product, Sequence[Product]], bool],
             ) -> list[Product] | None:
        """`got` topped up to the total the rule needs (`total_min`, a threshold's window),
        with the trigger in its place."""
        oc, o = rule.order, rule.offer
        low = oc.total_min if oc is not None and oc.total_min is not None else 0
        high: Cents | None = None
        if rule.kind == "threshold" and o.order_total is not None:
            high = o.order_total - 1
            low = max(low, o.order_total - o.within if o.within is not None else 0)
        own = trigger.price if trigger is not None else 0
        if trigger is None and not got and high is None:  # checkout: any order will do
            got.append(self.quiet(rng, lambda p: unwanted(p, ())))
        low = max(low, 1) if trigger is None else low
        for _ in range(RETRIES + 2):
            total = own + sum(p.price for p in got)
            if total >= low:
                break
            top = high if high is not None else max(2 * low, low + 2000)
            product = self.priced(rng, low - total, top - total)
            if product is None or unwanted(product, got):
                continue
            got.append(product)
        total = own + sum(p.price for p in got)
        if total < low or (high is not None and total > high):
            return None
        if trigger is None:
            return got
        return [*got, trigger] if (oc is not None or rule.kind == "threshold") \
            else [trigger, *got]


def _sku_among(got: Sequence[Product], product: Product) -> bool:
    """Whether a product of the same SKU is among `got` already."""
    return any(product.sku == g.sku for g in got)


def _time_for(rng: random.Random, tc: TimeCondition | None,
              begin: dt.datetime) -> dt.datetime | None:
    """A minute when `tc` holds (any opening-hours minute without one) in the seven days
    from `begin`, or in the rule's own dates when they lie elsewhere; None if it never
    holds."""
    week = dt.timedelta(days=6)
    lo, hi = begin.date(), begin.date() + week
    if tc is not None and (tc.date_from or tc.date_to):
        since, until = tc.date_from or dt.date.min, tc.date_to or dt.date.max
        if max(lo, since) <= min(hi, until):  # the rule's dates meet the week
            lo, hi = max(lo, since), min(hi, until)
        elif until < lo:  # its dates are over before the week: their last days
            lo, hi = max(since, until - week), until
        else:  # they start after the week: their first days
            lo, hi = since, min(until, since + week)
    span = min((hi - lo).days, SEARCH_DAYS)
    days = [lo + dt.timedelta(days=i) for i in range(span + 1)]
    if tc is not None and tc.days:
        days = [d for d in days if d.weekday() in tc.days]
    if not days:
        return None
    start, end = tc.hours if tc is not None and tc.hours else OPEN_MINUTES
    if start == end:
        return None
    width = end - start if start < end else 24 * 60 - start + end
    for _ in range(RETRIES):
        day = rng.choice(days)
        minute = start + rng.randrange(width)
        when = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)
        later = when + dt.timedelta(days=7)
        if when < begin and (tc is None or tc.holds(later)):
            when = later  # the first morning before `begin`: the same hour a week on
        if tc is None or tc.holds(when):
            return when
    return None


def _item(name: str, first: bool) -> Said:
    """'A Latte Tall' first, 'an Espresso' after: the article is English's own (the
    catalog's text for another language need not have one)."""
    vowel = name[:1].lower() in "aeiou"
    if first:
        text = (QT_TRANSLATE_NOOP("practice customer", "An {name}") if vowel
                else QT_TRANSLATE_NOOP("practice customer", "A {name}"))
    else:
        text = (QT_TRANSLATE_NOOP("practice customer", "an {name}") if vowel
                else QT_TRANSLATE_NOOP("practice customer", "a {name}"))
    return text.format(name=name)


def _listed(words: Sequence[Said]) -> Said:
    """'A, b, c and d', each join a catalog text so another language joins its own way."""
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return QT_TRANSLATE_NOOP("practice customer", "{first} and {last}").format(
            first=words[0], last=words[1])
    return QT_TRANSLATE_NOOP("practice customer", "{first}, {rest}").format(
        first=words[0], rest=_listed(words[1:]))


def short_says(count: int) -> Said:
    """What a customer says instead when naming the items would be too long."""
    if count > 1:
        return QT_TRANSLATE_NOOP("practice customer", "These {n} items, please.").format(
            n=count)
    return QT_TRANSLATE_NOOP("practice customer", "Just this, please.")


def _says(items: Sequence[Product]) -> Said:
    """'A Latte Tall and a Blueberry Muffin, please.' (a Said: practice.generated writes
    it in the trainer's language)."""
    words = [_item(p.name, i == 0) for i, p in enumerate(items)]
    text = QT_TRANSLATE_NOOP("practice customer", "{items}, please.").format(
        items=_listed(words))
    if len(text) > MAX_TEXT or any(ord(c) < 32 for c in text):
        return short_says(len(items))
    return text
