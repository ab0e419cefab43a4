"""A demo store's past sales, generated (issue 10: reports, uplift and suggestions show
something on the first run).

Pure and deterministic: `generate(catalog, rules, settings, clerks=..., seed=...)` uses one
`random.Random(seed)`, iterates only sorted lists and ends on a fixed day (HISTORY_END), so
the same store and seed give the same orders and prompt events on any day it is run.

Each of the DAYS days before HISTORY_END has a store's opening hours and a number of orders
(DemoProfile). An order is what a customer rings up: most come for one or two items that
trigger the store's rules, with some plain items (cheap ones more often); the rest for plain
items only. Every order is played through the real Engine and OrderSession, so the prompts
shown, held out (the engine's own hash of order id and rule id), accepted, declined and
ignored, the lines and the totals are what a till would have recorded. Answers come from the
willingness model of core.simulated; a clerk now and then lets a prompt go unanswered (it is
ignored by the next scan or the payment). Every order goes to checkout and is paid.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.engine import Engine
from pos_prompter.core.money import Cents, parse_money
from pos_prompter.core.order import OrderLine
from pos_prompter.core.rules import Rule, Settings
from pos_prompter.core.session import OrderSession
from pos_prompter.core.simulated import willingness
from pos_prompter.core.till_event import TillEvent

HISTORY_END: Final = dt.date(2026, 11, 23)
"""The history's first day after it (the Monday the demo scripts and scenarios play on)."""
DAYS: Final = 90
DEFAULT_SEED: Final = 2044
"""The demos' seed. Chosen so that the demo scan scripts still play as their `expect` lines
say right after `init --demo` (their orders come after the history's, and none of the next
four order ids falls in a holdout group of a demo rule): tests/cli/test_cli_demo_history.py."""
TRIGGER_SHARE: Final = 0.8
"""Share of orders that come for something the store's rules trigger on."""
SECOND_TRIGGER: Final = 0.2
"""Of those, the share with a second such item (two coffees, a phone and its case...)."""
PLAIN_COUNTS: Final = ((0, 0.5), (1, 0.35), (2, 0.15))
"""How many plain items an order with a trigger item adds, with their chances."""
TYPE_SHARE: Final = 0.25
"""Share of customers of one of the customer types the rules use (members...)."""
IGNORE_SHARE: Final = 0.08
"""Share of prompts the clerk lets go unanswered (the next scan or the payment ignores it)."""
PARTNER_SHARE: Final = 0.4
"""Share of orders with a trigger item and plain items whose first plain item is the trigger
item's usual companion (one per size family or category), so the history has pairs bought
together more often than chance for `suggest` to find."""
DOUBLE_SHARE: Final = 0.08
"""Share of plain lines rung up as two of them."""
CLERK_WEIGHTS: Final = (0.55, 0.3, 0.15, 0.1, 0.05)
"""How the orders fall to the clerks given, the first the most (then 0.05 each)."""
PROMPT_STATUS: Final = {"prompt": "shown", "accepted": "accepted", "declined": "declined",
                        "ignored": "ignored", "held_out": "held_out"}
"""Till events that are prompt outcomes, and the status each is logged with."""


@dataclass(frozen=True, slots=True)
class DemoProfile:
    """When a store is busy: blocks of opening hours (from, to as HH:MM, weight) and the
    orders of a usual day, times a factor per weekday (Monday first)."""

    hours: tuple[tuple[str, str, float], ...]
    orders_per_day: int
    weekdays: tuple[float, ...] = (1.0, 1.0, 1.0, 1.0, 1.1, 1.2, 0.9)


PROFILES: Final = {
    "cafe": DemoProfile((("06:30", "11:00", 0.5), ("11:00", "14:00", 0.25),
                         ("14:00", "18:00", 0.25)), 48, (1.0, 1.0, 1.0, 1.0, 1.1, 0.9, 0.7)),
    "shoes": DemoProfile((("10:00", "13:00", 0.25), ("13:00", "17:00", 0.45),
                          ("17:00", "20:00", 0.3)), 22, (0.8, 0.8, 0.9, 0.9, 1.1, 1.6, 1.2)),
    "electronics": DemoProfile((("10:00", "13:00", 0.25), ("13:00", "17:00", 0.45),
                                ("17:00", "20:00", 0.3)), 16,
                               (0.8, 0.8, 0.9, 0.9, 1.1, 1.5, 1.3)),
}
DEFAULT_PROFILE: Final = DemoProfile((("09:00", "18:00", 1.0),), 20)


@dataclass(frozen=True, slots=True)
class PromptRow:
    """One prompt outcome as the store logs it (prompt_events)."""

    rule_id: str
    kind: str
    status: str
    at: dt.datetime
    revenue: Cents
    offer: str | None
    """JSON list of the offered SKUs (on the 'shown' row only)."""
    say: str | None


@dataclass(frozen=True, slots=True)
class HistoryOrder:
    """One paid order of the history, with its lines and prompt outcomes."""

    id: int
    clerk: str
    customer: str | None
    opened_at: dt.datetime
    closed_at: dt.datetime
    lines: tuple[OrderLine, ...]
    prompts: tuple[PromptRow, ...]

    @property
    def total(self) -> Cents:
        return sum(line.amount for line in self.lines)


def profile_for(name: str | None) -> DemoProfile:
    return PROFILES.get(name or "", DEFAULT_PROFILE)


def generate(catalog: Catalog, rules: Sequence[Rule], settings: Settings, *,
             clerks: Sequence[str], seed: int = DEFAULT_SEED, first_id: int = 1,
             profile: DemoProfile = DEFAULT_PROFILE, end: dt.date = HISTORY_END,
             days: int = DAYS) -> list[HistoryOrder]:
    """The paid orders of the `days` days before `end`, numbered from `first_id` in the
    order they were paid (see the module doc)."""
    if not clerks:
        raise ValueError("a history needs at least one clerk")
    rng = random.Random(seed)
    engine = Engine(catalog, sorted(rules, key=lambda r: r.id), settings)
    shop = _Basket(catalog, engine, rules)
    if not shop.triggers and not shop.plain:
        return []
    weights = [CLERK_WEIGHTS[i] if i < len(CLERK_WEIGHTS) else 0.05 for i in range(len(clerks))]
    clerk_cum = list(itertools.accumulate(weights))
    types = sorted({t for r in rules if r.active for t in r.customer})
    blocks = [(_minute(a), _minute(b), w) for a, b, w in profile.hours]
    block_cum = list(itertools.accumulate(w for _a, _b, w in blocks))
    orders: list[HistoryOrder] = []
    next_id = first_id
    for offset in range(days, 0, -1):
        day = end - dt.timedelta(days=offset)
        count = round(profile.orders_per_day * profile.weekdays[day.weekday()]
                      * rng.uniform(0.85, 1.15))
        times = []
        for _ in range(count):
            start, stop, _w = blocks[_pick(rng, block_cum)]
            second = rng.randrange(start * 60, stop * 60)
            times.append(dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=second))
        for when in sorted(times):
            clerk = clerks[_pick(rng, clerk_cum)]
            customer = rng.choice(types) if types and rng.random() < TYPE_SHARE else None
            orders.append(_play(rng, engine, shop, next_id, clerk, customer, when))
            next_id += 1
    return orders


def _minute(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    return min(bisect.bisect_right(cumulative, rng.random() * cumulative[-1]),
               len(cumulative) - 1)


class _Basket:
    """The store's products split once into those that trigger a scan rule and plain ones
    (drawn with a weight of 1 / price: cheap add-ons are bought more often)."""

    def __init__(self, catalog: Catalog, engine: Engine, rules: Sequence[Rule]) -> None:
        self.catalog = catalog
        self.triggers: list[Product] = []
        self.plain: list[Product] = []
        for sku in sorted(catalog.skus()):
            product = catalog.get(sku)
            if product is None or not product.active or product.price <= 0:
                continue
            (self.triggers if engine.scan_candidates(product) else self.plain).append(product)
        self.trigger_skus = {p.sku for p in self.triggers}
        self.plain_cum = list(itertools.accumulate(1 / p.price for p in self.plain))
        self.partner: dict[str, Product] = {}
        for product in self.triggers:
            fits = [p for p in self.plain if p.price <= product.price] or self.plain[:1]
            if fits:
                key = product.family or product.category or product.sku
                digest = hashlib.sha256(key.encode()).digest()
                self.partner[product.sku] = fits[int.from_bytes(digest[:4], "big") % len(fits)]

    def plain_item(self, rng: random.Random) -> Product:
        return self.plain[_pick(rng, self.plain_cum)] if self.plain \
            else rng.choice(self.triggers)

    def items(self, rng: random.Random) -> list[tuple[Product, int]]:
        """What one customer rings up, in the order it is scanned, with quantities."""
        if self.triggers and (not self.plain or rng.random() < TRIGGER_SHARE):
            wanted = [rng.choice(self.triggers)]
            if rng.random() < SECOND_TRIGGER:
                wanted.append(rng.choice(self.triggers))
            roll, plain_count = rng.random(), 0
            for count, chance in PLAIN_COUNTS:
                roll -= chance
                if roll < 0:
                    plain_count = count
                    break
            extra = [self.plain_item(rng) for _ in range(plain_count)] if self.plain else []
            if extra and rng.random() < PARTNER_SHARE:
                extra[0] = self.partner[wanted[0].sku]
            if rng.random() < 0.3:  # the plain items first now and then
                wanted = extra + wanted
            else:
                wanted += extra
        else:
            wanted = [self.plain_item(rng) for _ in range(rng.randint(1, 2))]
        seen: set[str] = set()
        basket = []
        for product in wanted:
            if product.sku in seen:
                continue
            seen.add(product.sku)
            double = product.sku not in self.trigger_skus and rng.random() < DOUBLE_SHARE
            basket.append((product, 2 if double else 1))
        return basket


def _play(rng: random.Random, engine: Engine, shop: _Basket, order_id: int, clerk: str,
          customer: str | None, opened: dt.datetime) -> HistoryOrder:
    """One customer's order through the real session: scans, answers, checkout, payment."""
    session = OrderSession(order_id, engine, customer=customer, clerk=clerk)
    rows: list[PromptRow] = []
    clock = [opened]

    def step() -> dt.datetime:
        clock[0] += dt.timedelta(seconds=rng.randint(8, 30))
        return clock[0]

    def log(events: list[TillEvent], at: dt.datetime) -> None:
        for ev in events:
            status = PROMPT_STATUS.get(ev.event)
            if status is None or ev.data.get("updated"):
                continue
            offer = ev.data.get("offer")
            revenue = parse_money(ev.data.get("revenue", "0"), allow_negative=True) \
                if ev.event == "accepted" else 0
            rows.append(PromptRow(ev.data["rule"], ev.data.get("kind", ""), status, at,
                                  revenue, json.dumps(offer["skus"]) if offer else None,
                                  ev.data.get("say")))

    def answer() -> bool:
        """Answer the prompts on screen; True when a threshold offer was taken."""
        took_threshold = False
        while session.current is not None:
            prompt = session.current
            if rng.random() < IGNORE_SHARE:
                return took_threshold  # left up: the next action ignores it
            trigger = session.line(prompt.trigger_line) if prompt.trigger_line else None
            base = trigger.amount if trigger is not None else session.total
            delta = prompt.price if prompt.kind == "threshold" else prompt.delta
            at = step()
            if rng.random() < willingness(delta, base):
                took_threshold |= prompt.kind == "threshold"
                log(session.accept(at), at)
            else:
                log(session.decline(at), at)
        return took_threshold

    for product, qty in shop.items(rng):
        at = step()
        log(session.scan(product, at, qty=qty), at)
        answer()
    at = step()
    log(session.checkout(at), at)
    if answer():  # "anything else?": the customer adds something to reach the reward
        for _ in range(4):
            if not session.armed or any(ln.origin == "reward" for ln in session.lines):
                break
            at = step()
            log(session.scan(shop.plain_item(rng), at), at)
            answer()
    at = step()
    log(session.pay(), at)
    return HistoryOrder(order_id, clerk, customer, opened, at, tuple(session.lines),
                        tuple(rows))
