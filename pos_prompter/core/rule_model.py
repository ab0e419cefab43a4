"""The rule-pack language's data (see shared/spec/rule-pack.md): rules, packs, settings.

The frozen dataclasses a parsed pack is made of, the language's limits, and the placeholders
`say` and `why` may use. Reading a pack is core.rule_parse, writing one core.rule_export;
core.rules gathers them all under their old names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal, NewType

from pos_prompter.core.guardrails import Settings
from pos_prompter.core.money import Cents
from pos_prompter.core.said import QT_TRANSLATE_NOOP

RuleId = NewType("RuleId", str)
Kind = Literal["upsell", "cross_sell", "bundle", "threshold"]
KINDS: tuple[Kind, ...] = ("upsell", "cross_sell", "bundle", "threshold")
EVENTS = ("scan", "checkout")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_LABELS: dict[str, str] = {
    "mon": QT_TRANSLATE_NOOP("editor", "Mon"), "tue": QT_TRANSLATE_NOOP("editor", "Tue"),
    "wed": QT_TRANSLATE_NOOP("editor", "Wed"), "thu": QT_TRANSLATE_NOOP("editor", "Thu"),
    "fri": QT_TRANSLATE_NOOP("editor", "Fri"), "sat": QT_TRANSLATE_NOOP("editor", "Sat"),
    "sun": QT_TRANSLATE_NOOP("editor", "Sun")}
"""A weekday as the rule form's box shows it (said in the reader's language)."""
RULE_ID_RE = re.compile(r"\A[a-z0-9-]{1,64}\Z")
PACK_VERSION = 1
MAX_PRIORITY = 1_000_000
"""A priority is a whole number from -MAX_PRIORITY to MAX_PRIORITY."""
MAX_PROMPTS = 1_000
"""max_prompts_per_order and rush_scans_per_minute are at most this."""
MAX_RATIO = Decimal(1000)
RATIO_PLACES = 6
"""A ratio (max_offer_ratio, holdout) has at most this many decimals."""

PLACEHOLDERS: dict[str, str] = {
    "item": QT_TRANSLATE_NOOP("core", "name of the trigger line's product"),
    "offer": QT_TRANSLATE_NOOP("core", "name of the offered product (or bundle items joined "
                                       "by ' + ')"),
    "price": QT_TRANSLATE_NOOP("core", "price the customer pays for the offer"),
    "delta": QT_TRANSLATE_NOOP("core", "what accepting adds to the order total"),
    "size": QT_TRANSLATE_NOOP("core", "size label of the upgrade target"),
    "qty_diff": QT_TRANSLATE_NOOP("core", "extra quantity of the upgrade"),
    "unit": QT_TRANSLATE_NOOP("core", "unit of the upgrade's quantity"),
    "per_unit_saving": QT_TRANSLATE_NOOP("core", "how much cheaper per unit the upgrade is, as "
                                                 "a percentage"),
    "saving": QT_TRANSLATE_NOOP("core", "bundle: what the customer saves against buying the "
                                        "items separately"),
    "gap": QT_TRANSLATE_NOOP("core", "threshold: how far the order is below the reward total"),
    "attach_rate": QT_TRANSLATE_NOOP("core", "share of past orders with the trigger item that "
                                             "also had the offer"),
}
"""The only names `say` and `why` may use, with what each means (shown in the editor)."""

KIND_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "upsell": frozenset({"item", "offer", "price", "delta", "size", "qty_diff", "unit",
                         "per_unit_saving", "attach_rate"}),
    "cross_sell": frozenset({"item", "offer", "price", "delta", "attach_rate"}),
    "bundle": frozenset({"item", "offer", "price", "delta", "saving", "attach_rate"}),
    "threshold": frozenset({"item", "offer", "price", "delta", "gap"}),
}
"""Which placeholders can have a value for each kind (lint warns about the others)."""

SUPPORTED_KINDS: frozenset[str] = frozenset(KINDS)
"""Kinds the engine acts on. A kind in the format but not here is refused at import with a
"not supported yet" sentence, never stored and silently ignored."""


@dataclass(frozen=True, slots=True)
class Ref:
    """An order reference in `has`/`lacks`: sku:X, category:Y or tag:Z."""

    kind: Literal["sku", "category", "tag"]
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


@dataclass(frozen=True, slots=True)
class Scanned:
    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class OrderCondition:
    total_min: Cents | None = None
    total_max: Cents | None = None
    has: tuple[Ref, ...] = ()
    lacks: tuple[Ref, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeCondition:
    hours: tuple[int, int] | None = None
    """Start and end in minutes after midnight; end < start wraps midnight; end exclusive."""
    days: frozenset[int] = frozenset()
    """Weekdays 0 = Monday ... 6 = Sunday; empty = every day."""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def holds(self, now: dt.datetime) -> bool:
        minute = now.hour * 60 + now.minute
        # The small hours of a window that wraps midnight belong to the evening before:
        # "fri 22:00-02:00" still holds at 01:00 on Saturday morning.
        day = now
        if self.hours and self.hours[1] < self.hours[0] and minute < self.hours[1]:
            day = now - dt.timedelta(days=1)
        if self.days and day.weekday() not in self.days:
            return False
        today = day.date()
        if self.date_from and today < self.date_from:
            return False
        if self.date_to and today > self.date_to:
            return False
        if self.hours:
            start, end = self.hours
            if start <= end:
                return start <= minute < end
            return minute >= start or minute < end
        return True


@dataclass(frozen=True, slots=True)
class Offer:
    upgrade_to: str | None = None
    next_size: bool = False
    add: tuple[str, ...] = ()
    bundle_with: tuple[str, ...] = ()
    bundle_price: Cents | None = None
    order_total: Cents | None = None
    within: Cents | None = None
    reward: str | None = None
    reward_price: Cents | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: RuleId
    kind: Kind
    title: str
    say: str
    why: str = ""
    event: Literal["scan", "checkout"] = "scan"
    scanned: Scanned | None = None
    order: OrderCondition | None = None
    time: TimeCondition | None = None
    customer: frozenset[str] = frozenset()
    offer: Offer = field(default_factory=Offer)
    priority: int = 0
    holdout: Decimal = Decimal(0)
    max_offer_ratio: Decimal | None = None
    active: bool = True

    def offered_skus(self) -> tuple[str, ...]:
        """Every SKU this rule may put in front of a customer (for lint and indexing)."""
        o = self.offer
        skus: list[str] = []
        if o.upgrade_to:
            skus.append(o.upgrade_to)
        skus.extend(o.add)
        skus.extend(o.bundle_with)
        if o.reward:
            skus.append(o.reward)
        return tuple(skus)


PACK_SETTINGS: tuple[str, ...] = ("max_prompts_per_order", "max_offer_ratio", "currency")
"""The settings a pack's `settings` section may give (the others are the store's own)."""


@dataclass(frozen=True, slots=True)
class RulePack:
    rules: tuple[Rule, ...]
    settings: Settings | None = None
    """None when the pack has no settings section (the store keeps its own). The keys the
    section leaves out hold defaults here: what importing does is `settings_over`."""
    settings_given: frozenset[str] | None = None
    """The keys the pack's `settings` gives; None: all of PACK_SETTINGS (a pack made in code)."""

    @property
    def settings_keys(self) -> tuple[str, ...]:
        """The store settings importing this pack sets (in PACK_SETTINGS order)."""
        if self.settings is None:
            return ()
        if self.settings_given is None:
            return PACK_SETTINGS
        return tuple(k for k in PACK_SETTINGS if k in self.settings_given)

    def settings_over(self, current: Settings) -> Settings:
        """The store's settings once this pack is imported: the keys the pack gives, over
        `current`; a key it leaves out keeps the store's value."""
        keys = self.settings_keys
        if not keys:
            return current
        assert self.settings is not None
        return replace(current, **{k: getattr(self.settings, k) for k in keys})
