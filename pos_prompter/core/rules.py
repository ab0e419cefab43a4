"""The rule-pack language (see shared/spec/rule-pack.md): parse, validate, render, export.

Text that managers write is data, never code: `say` and `why` may use only the
placeholders in PLACEHOLDERS, substituted by plain string replacement, never `str.format`
on user input. Every problem names the rule (its id or position), the field and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, NewType

from pos_prompter.core.backup_policy import (
    BACKUP_EVERY_MINUTES,
    BACKUP_KEEP_DAYS,
    parse_backup_setting,
)
from pos_prompter.core.backup_policy import LIMITS as BACKUP_LIMITS
from pos_prompter.core.catalog import SKU_RE, SLUG_RE
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.excerpt import excerpt, field_name
from pos_prompter.core.money import Cents, MoneyError, cents_str, parse_money
from pos_prompter.core.results import parse_leaderboard_setting

RuleId = NewType("RuleId", str)
Kind = Literal["upsell", "cross_sell", "bundle", "threshold"]
KINDS: tuple[Kind, ...] = ("upsell", "cross_sell", "bundle", "threshold")
EVENTS = ("scan", "checkout")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RULE_ID_RE = re.compile(r"\A[a-z0-9-]{1,64}\Z")
PACK_VERSION = 1
MAX_PRIORITY = 1_000_000
"""A priority is a whole number from -MAX_PRIORITY to MAX_PRIORITY."""
MAX_PROMPTS = 1_000
"""max_prompts_per_order and rush_scans_per_minute are at most this."""
MAX_RATIO = Decimal(1000)
RATIO_PLACES = 6
"""A ratio (max_offer_ratio, holdout) has at most this many decimals."""
MAX_STORE_NAME = 100
MAX_PROBLEMS = 50
"""A refused pack lists this many problems (and says it stopped): reading on through a
hostile file of 100,000 bad rules would only print megabytes nobody reads."""

PLACEHOLDERS: dict[str, str] = {
    "item": "name of the trigger line's product",
    "offer": "name of the offered product (or bundle items joined by ' + ')",
    "price": "price the customer pays for the offer",
    "delta": "what accepting adds to the order total",
    "size": "size label of the upgrade target",
    "qty_diff": "extra quantity of the upgrade",
    "unit": "unit of the upgrade's quantity",
    "per_unit_saving": "how much cheaper per unit the upgrade is, as a percentage",
    "saving": "bundle: what the customer saves against buying the items separately",
    "gap": "threshold: how far the order is below the reward total",
    "attach_rate": "share of past orders with the trigger item that also had the offer",
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
class Settings:
    """Store-wide guardrails (rule-pack `settings`, kept in the store)."""

    max_prompts_per_order: int = 2
    max_offer_ratio: Decimal = Decimal("1.0")
    currency: str = "USD"
    rush_scans_per_minute: int = 0
    """Store setting (not in packs): at this many scans a minute an order gets only its
    single highest-ranked prompt. 0 turns rush hours off."""
    rush_prompts_per_order: int = 1


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


# ---------------------------------------------------------------- placeholders


def placeholder_problems(text: str) -> list[str]:
    """Why `text` is not a safe template: unknown names, attribute/index access, format specs."""
    problems: list[str] = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        return [f"is not a valid template ({exc}); write a literal brace as {{{{ or }}}}"]
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + n + "}" for n in PLACEHOLDERS)
            problems.append(f"placeholder {{{field_name(name)}}} is not allowed "
                            f"(allowed: {known})")
        elif spec or conversion:
            problems.append(f"placeholder {{{name}}} may not have a format or conversion")
    return problems


@functools.lru_cache(maxsize=4096)
def _text_problems(text: str) -> tuple[str, ...]:
    """placeholder_problems, once per text: a pack repeats the same `say` on many rules."""
    return tuple(placeholder_problems(text))


def placeholders_used(text: str) -> set[str]:
    try:
        return {name for _l, name, _s, _c in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill a validated template. Placeholders without a value for this prompt render empty.

    Walks the parsed template and concatenates: user text is never passed to str.format.
    """
    out: list[str] = []
    for literal, name, _spec, _conv in string.Formatter().parse(text):
        out.append(literal)
        if name is not None:
            out.append(values.get(name, ""))
    return "".join(out)


# ---------------------------------------------------------------- parsing


class _Problems:
    def __init__(self, *, trusted: bool = False) -> None:
        self.items: list[str] = []
        self.trusted = trusted
        """Reading back what was validated when it was saved: skip the checks of text
        (unknown keys, patterns, placeholders) that cannot have changed since."""

    def add(self, where: str, fieldname: str, message: str) -> None:
        self.items.append(f"{where}, field {fieldname}: {message}")

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_PROBLEMS

    def listed(self) -> list[str]:
        """The problems to report: at most MAX_PROBLEMS, then a word that there may be more."""
        if not self.full:
            return self.items
        return [*self.items[:MAX_PROBLEMS],
                f"stopped after {MAX_PROBLEMS} problems: fix these and check again"]


def _check_keys(value: Any, allowed: tuple[str, ...], where: str, fieldname: str,
                problems: _Problems) -> dict[str, Any]:
    if value is None:
        return {}
    if type(value) is not dict:  # the common case first: isinstance(Mapping) is slower
        if not isinstance(value, Mapping):
            problems.add(where, fieldname, f"must be a mapping, not {type(value).__name__}")
            return {}
        value = dict(value)
    for key in () if problems.trusted else value:
        if problems.full:
            break
        if key not in allowed:
            problems.add(where, f"{fieldname}.{field_name(key)}" if fieldname
                         else field_name(key),
                         f"unknown field (known: {', '.join(allowed)})")
    return value  # read only: the caller's own mapping is never changed


def _str_list(value: Any, where: str, fieldname: str, problems: _Problems,
              pattern: re.Pattern[str] | None = None, what: str = "value") -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add(where, fieldname, "must be a list of strings")
        return []
    for v in () if problems.trusted or pattern is None else value:
        if not pattern.match(v):
            problems.add(where, fieldname, f"{excerpt(v)} is not a valid {what}")
    return list(value)


def _money(value: Any, where: str, fieldname: str, problems: _Problems) -> Cents | None:
    if value is None:
        return None
    try:
        return parse_money(value)
    except MoneyError as exc:
        problems.add(where, fieldname, str(exc))
        return None


def _ratio(value: Any, where: str, fieldname: str, problems: _Problems) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        problems.add(where, fieldname, "must be a number such as 1.5")
        return None
    try:
        ratio = Decimal(str(value))
    except InvalidOperation:
        problems.add(where, fieldname, f"{excerpt(value)} is not a number")
        return None
    if not ratio.is_finite() or ratio <= 0 or ratio > MAX_RATIO or _places(ratio) > RATIO_PLACES:
        problems.add(where, fieldname, f"{excerpt(value)} must be a number above 0 and at most "
                     f"{MAX_RATIO}, with at most {RATIO_PLACES} decimals")
        return None
    return ratio


def _places(value: Decimal) -> int:
    """How many decimals a finite Decimal is written with (0 for 12 or 1E+3)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _parse_hours(text: Any, where: str, problems: _Problems) -> tuple[int, int] | None:
    pattern = r"([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})"
    m = re.fullmatch(pattern, text) if isinstance(text, str) else None
    if not m:
        problems.add(where, "when.time.hours", f"{excerpt(text)} is not like \"06:00-11:00\"")
        return None
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
        problems.add(where, "when.time.hours", f"{excerpt(text)} is not a valid time range")
        return None
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if start == end:
        problems.add(where, "when.time.hours", f"{excerpt(text)} is an empty time window")
        return None
    return start, end


def _parse_date(value: Any, where: str, fieldname: str, problems: _Problems) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    problems.add(where, fieldname, f"{excerpt(value)} is not a date like 2026-12-01")
    return None


def _parse_ref(text: str, where: str, fieldname: str, problems: _Problems) -> Ref | None:
    kind, sep, value = text.partition(":")
    if not sep or kind not in ("sku", "category", "tag") or not value:
        problems.add(where, fieldname, f"{excerpt(text)} must be sku:X, category:Y or tag:Z")
        return None
    pattern = SKU_RE if kind == "sku" else SLUG_RE
    if not pattern.match(value):
        problems.add(where, fieldname, f"{excerpt(value)} is not a valid {kind}")
        return None
    return Ref(kind, value)  # type: ignore[arg-type]


RULE_FIELDS = ("id", "kind", "title", "when", "offer", "say", "why", "priority", "holdout",
               "max_offer_ratio", "active")
WHEN_FIELDS = ("event", "scanned", "order", "time", "customer")
OFFER_FIELDS = {
    "upsell": ("upgrade_to", "next_size"),
    "cross_sell": ("add",),
    "bundle": ("bundle",),
    "threshold": ("threshold",),
}


def parse_rule(raw: Any, position: int, problems: _Problems | None = None, *,
               trusted: bool = False) -> Rule | None:
    """Parse one rule; problems go into `problems` (raises ValidationError when not given).

    `trusted`: the rule comes back from the store, where only validated rules are saved;
    the checks that only text can fail are skipped (a third faster at 20,000 rules)."""
    own = problems is None
    probs = problems if problems is not None else _Problems(trusted=trusted)
    rule = _parse_rule(raw, position, probs)
    if own and probs.items:
        raise ValidationError(probs.items, what="rule")
    return rule


def _parse_rule(raw: Any, position: int, problems: _Problems) -> Rule | None:
    start = len(problems.items)
    where = f"rule #{position}"
    if not isinstance(raw, Mapping):
        problems.add(where, "(rule)", "must be a mapping of fields")
        return None
    rid = raw.get("id")
    if isinstance(rid, str) and RULE_ID_RE.match(rid):
        where = f"rule {rid}"
    else:
        problems.add(where, "id",
                     f"{excerpt(rid)} must be a slug of a-z, 0-9 and -, at most 64 long")
    _check_keys(raw, RULE_FIELDS, where, "", problems)
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.add(where, "kind", f"{excerpt(kind)} must be one of {', '.join(KINDS)}")
        kind = None
    elif kind not in SUPPORTED_KINDS:
        problems.add(where, "kind", f"{kind} rules are not supported yet by this version")
        kind = None
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.add(where, "title", "is required (a short name for the rule)")
        title = ""
    say = raw.get("say")
    if not isinstance(say, str) or not say.strip():
        problems.add(where, "say", "is required (what the clerk reads to the customer)")
        say = ""
    why = raw.get("why", "")
    if why is None:
        why = ""
    if not isinstance(why, str):
        problems.add(where, "why", "must be text")
        why = ""
    for fname, text in () if problems.trusted else (("say", say), ("why", why)):
        for message in _text_problems(text):
            problems.add(where, fname, message)

    priority = raw.get("priority", 0)
    if (isinstance(priority, bool) or not isinstance(priority, int)
            or not -MAX_PRIORITY <= priority <= MAX_PRIORITY):
        problems.add(where, "priority", f"{excerpt(priority)} must be a whole number from "
                     f"-{MAX_PRIORITY:,} to {MAX_PRIORITY:,}")
        priority = 0
    holdout = Decimal(0)
    if raw.get("holdout") is not None:
        h = raw.get("holdout")
        try:
            if isinstance(h, bool):
                raise InvalidOperation
            if not isinstance(h, (int, float, str, Decimal)):
                raise InvalidOperation
            holdout = Decimal(str(h))
            if (not holdout.is_finite() or not 0 <= holdout < 1
                    or _places(holdout) > RATIO_PLACES):
                raise InvalidOperation
        except InvalidOperation:
            problems.add(where, "holdout", f"{excerpt(h)} must be a share from 0 up to (not "
                         f"incl.) 1, with at most {RATIO_PLACES} decimals")
            holdout = Decimal(0)
    ratio = _ratio(raw.get("max_offer_ratio"), where, "max_offer_ratio", problems)
    active = raw.get("active", True)
    if not isinstance(active, bool):
        problems.add(where, "active", f"{excerpt(active)} must be true or false")
        active = True

    when = _check_keys(raw.get("when"), WHEN_FIELDS, where, "when", problems)
    event = when.get("event", "scan")
    if event not in EVENTS:
        problems.add(where, "when.event", f"{excerpt(event)} must be scan or checkout")
        event = "scan"
    scanned: Scanned | None = None
    if when.get("scanned") is not None:
        sc = _check_keys(when["scanned"], ("sku", "category", "tag"), where, "when.scanned",
                         problems)
        scanned = Scanned(
            skus=frozenset(_str_list(sc.get("sku"), where, "when.scanned.sku", problems,
                                     SKU_RE, "sku")),
            categories=frozenset(_str_list(sc.get("category"), where, "when.scanned.category",
                                           problems, SLUG_RE, "category")),
            tags=frozenset(_str_list(sc.get("tag"), where, "when.scanned.tag", problems,
                                     SLUG_RE, "tag")),
        )
        if not (scanned.skus or scanned.categories or scanned.tags):
            problems.add(where, "when.scanned", "names no sku, category or tag")
        if event == "checkout":
            problems.add(where, "when.scanned", "a checkout rule has no scanned line; "
                         "use when.order.has to look at the order")
    if kind == "upsell" and event == "checkout":
        problems.add(where, "when.event", "an upsell replaces a scanned line, so it needs "
                     "event: scan")
    order: OrderCondition | None = None
    if when.get("order") is not None:
        oc = _check_keys(when["order"], ("total_min", "total_max", "has", "lacks"), where,
                         "when.order", problems)
        has = [_parse_ref(t, where, "when.order.has", problems)
               for t in _str_list(oc.get("has"), where, "when.order.has", problems)]
        lacks = [_parse_ref(t, where, "when.order.lacks", problems)
                 for t in _str_list(oc.get("lacks"), where, "when.order.lacks", problems)]
        order = OrderCondition(
            total_min=_money(oc.get("total_min"), where, "when.order.total_min", problems),
            total_max=_money(oc.get("total_max"), where, "when.order.total_max", problems),
            has=tuple(r for r in has if r), lacks=tuple(r for r in lacks if r),
        )
        if (order.total_min is not None and order.total_max is not None
                and order.total_min > order.total_max):
            problems.add(where, "when.order", "total_min is above total_max: it can never hold")
    time: TimeCondition | None = None
    if when.get("time") is not None:
        tc = _check_keys(when["time"], ("hours", "days", "from", "to"), where, "when.time",
                         problems)
        hours = _parse_hours(tc["hours"], where, problems) if "hours" in tc else None
        days: set[int] = set()
        for d in _str_list(tc.get("days"), where, "when.time.days", problems):
            if d.lower() in DAYS:
                days.add(DAYS.index(d.lower()))
            else:
                problems.add(where, "when.time.days",
                             f"{excerpt(d)} must be one of {', '.join(DAYS)}")
        date_from = _parse_date(tc.get("from"), where, "when.time.from", problems)
        date_to = _parse_date(tc.get("to"), where, "when.time.to", problems)
        if date_from and date_to and date_from > date_to:
            problems.add(where, "when.time", "from is after to: the rule can never fire")
        time = TimeCondition(hours=hours, days=frozenset(days), date_from=date_from,
                             date_to=date_to)
    customer = frozenset(_str_list(when.get("customer"), where, "when.customer", problems,
                                   SLUG_RE, "customer type"))

    offer = Offer()
    raw_offer = raw.get("offer")
    all_offer_keys = ("upgrade_to", "next_size", "add", "bundle", "threshold")
    of = _check_keys(raw_offer, all_offer_keys, where, "offer", problems)
    if raw_offer is None:
        problems.add(where, "offer", "is required")
    elif kind is not None:
        fitting = OFFER_FIELDS[kind]
        for key in of:
            if key in all_offer_keys and key not in fitting:
                problems.add(where, f"offer.{key}", f"does not fit a {kind} rule "
                             f"(a {kind} takes {' or '.join(fitting)})")
        offer = _parse_offer(kind, of, where, problems)
    if len(problems.items) > start or kind is None:
        return None
    return Rule(
        id=RuleId(rid), kind=kind, title=title.strip(), say=say, why=why, event=event,
        scanned=scanned, order=order, time=time, customer=customer, offer=offer,
        priority=priority, holdout=holdout, max_offer_ratio=ratio, active=active,
    )


def _parse_offer(kind: str, of: dict[str, Any], where: str, problems: _Problems) -> Offer:
    if kind == "upsell":
        upgrade_to = of.get("upgrade_to")
        next_size = of.get("next_size", False)
        if not isinstance(next_size, bool):
            problems.add(where, "offer.next_size", "must be true or false")
            next_size = False
        if upgrade_to is not None and (not isinstance(upgrade_to, str)
                                       or not SKU_RE.match(upgrade_to)):
            problems.add(where, "offer.upgrade_to", f"{excerpt(upgrade_to)} is not a valid sku")
            upgrade_to = None
        if bool(upgrade_to) == bool(next_size):
            problems.add(where, "offer", "an upsell takes exactly one of upgrade_to: SKU "
                         "or next_size: true")
        return Offer(upgrade_to=upgrade_to, next_size=next_size)
    if kind == "cross_sell":
        add = _str_list(of.get("add"), where, "offer.add", problems, SKU_RE, "sku")
        if not add:
            problems.add(where, "offer.add", "needs at least one sku")
        return Offer(add=tuple(add))
    if kind == "bundle":
        b = _check_keys(of.get("bundle"), ("with", "price"), where, "offer.bundle", problems)
        with_ = _str_list(b.get("with"), where, "offer.bundle.with", problems, SKU_RE, "sku")
        if not with_:
            problems.add(where, "offer.bundle.with", "needs at least one sku")
        if len(set(with_)) != len(with_):
            problems.add(where, "offer.bundle.with", "names a sku twice")
        price = _money(b.get("price"), where, "offer.bundle.price", problems)
        if "price" not in b:
            problems.add(where, "offer.bundle.price", "is required")
        return Offer(bundle_with=tuple(with_), bundle_price=price)
    t = _check_keys(of.get("threshold"), ("order_total", "within", "reward", "reward_price"),
                    where, "offer.threshold", problems)
    for req in ("order_total", "reward", "reward_price"):
        if req not in t:
            problems.add(where, f"offer.threshold.{req}", "is required")
    reward = t.get("reward")
    if reward is not None and (not isinstance(reward, str) or not SKU_RE.match(reward)):
        problems.add(where, "offer.threshold.reward", f"{excerpt(reward)} is not a valid sku")
        reward = None
    order_total = _money(t.get("order_total"), where, "offer.threshold.order_total", problems)
    if order_total is not None and order_total <= 0:
        problems.add(where, "offer.threshold.order_total", "must be above 0")
    return Offer(
        order_total=order_total,
        within=_money(t.get("within"), where, "offer.threshold.within", problems),
        reward=reward,
        reward_price=_money(t.get("reward_price"), where, "offer.threshold.reward_price",
                            problems),
    )


def parse_settings(raw: Any, problems: _Problems | None = None) -> Settings:
    own = problems is None
    probs = problems if problems is not None else _Problems()
    s = _check_keys(raw, PACK_SETTINGS, "settings", "settings", probs)
    defaults = Settings()
    cap = s.get("max_prompts_per_order", defaults.max_prompts_per_order)
    if isinstance(cap, bool) or not isinstance(cap, int) or not 0 <= cap <= MAX_PROMPTS:
        probs.add("settings", "max_prompts_per_order",
                  f"{excerpt(cap)} must be a whole number from 0 to {MAX_PROMPTS:,}")
        cap = defaults.max_prompts_per_order
    ratio = _ratio(s.get("max_offer_ratio"), "settings", "max_offer_ratio", probs)
    currency = s.get("currency", defaults.currency)
    if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency):
        probs.add("settings", "currency",
                  f"{excerpt(currency)} must be a 3-letter code such as USD")
        currency = defaults.currency
    if own and probs.items:
        raise ValidationError(probs.items, what="settings")
    return Settings(max_prompts_per_order=cap,
                    max_offer_ratio=ratio if ratio is not None else defaults.max_offer_ratio,
                    currency=currency)


def parse_pack(data: Any, *,
               progress: Callable[[int, int], None] | None = None) -> RulePack:
    """Parse a whole rule pack. All or nothing: any problem raises ValidationError with all
    problems found, each naming the rule, the field and what is wrong."""
    problems = _Problems()
    if not isinstance(data, Mapping):
        raise ValidationError(["the pack must be a mapping with version and rules"],
                              what="rule pack")
    for key in data:
        if problems.full:
            break
        if key not in ("version", "settings", "rules"):
            problems.add("pack", field_name(key), "unknown top-level field (known: version, "
                         "settings, rules)")
    version = data.get("version")
    if type(version) is not int or version != PACK_VERSION:  # not 1.0, True or "1"
        problems.add("pack", "version", f"{excerpt(version)} is not a supported format version "
                     f"(this app reads version {PACK_VERSION}, written as the whole number "
                     f"{PACK_VERSION})")
    settings: Settings | None = None
    given: frozenset[str] | None = None
    if "settings" in data:
        raw_settings = data["settings"]
        settings = parse_settings(raw_settings, problems)
        given = frozenset(k for k in PACK_SETTINGS
                          if isinstance(raw_settings, Mapping) and k in raw_settings)
    raw_rules = data.get("rules", [])
    if raw_rules is None:
        raw_rules = []
    if not isinstance(raw_rules, list):
        problems.add("pack", "rules", "must be a list of rules")
        raw_rules = []
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_rules, start=1):
        if problems.full:  # refused already: the rest is not read
            break
        if progress is not None and i % 1000 == 0:
            progress(i, len(raw_rules))
        rule = _parse_rule(raw, i, problems)
        rid = raw.get("id") if isinstance(raw, Mapping) else None
        if isinstance(rid, str):
            if rid in seen:
                problems.add(f"rule {rid}", "id", f"is used twice (rules #{seen[rid]} and #{i})")
            seen.setdefault(rid, i)
        if rule is not None:
            rules.append(rule)
    if progress is not None and len(raw_rules) >= 1000:
        progress(len(raw_rules), len(raw_rules))
    if problems.items:
        raise ValidationError(problems.listed(), what="rule pack")
    return RulePack(rules=tuple(rules), settings=settings, settings_given=given)


# ---------------------------------------------------------------- export


def _ratio_out(value: Decimal) -> float | int:
    # Ratios are plain YAML numbers (1.5); they are not money, so a float is exact enough
    # and reads back to the same Decimal through str().
    return int(value) if value == value.to_integral_value() else float(value)


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    """The rule in pack form, with fields in spec order and defaults left out, so that
    export -> import -> export gives the same bytes."""
    out: dict[str, Any] = {"id": rule.id, "kind": rule.kind, "title": rule.title}
    when: dict[str, Any] = {}
    if rule.event != "scan":
        when["event"] = rule.event
    if rule.scanned is not None:
        sc: dict[str, Any] = {}
        if rule.scanned.skus:
            sc["sku"] = sorted(rule.scanned.skus)
        if rule.scanned.categories:
            sc["category"] = sorted(rule.scanned.categories)
        if rule.scanned.tags:
            sc["tag"] = sorted(rule.scanned.tags)
        when["scanned"] = sc
    if rule.order is not None:
        oc: dict[str, Any] = {}
        if rule.order.total_min is not None:
            oc["total_min"] = cents_str(rule.order.total_min)
        if rule.order.total_max is not None:
            oc["total_max"] = cents_str(rule.order.total_max)
        if rule.order.has:
            oc["has"] = [str(r) for r in rule.order.has]
        if rule.order.lacks:
            oc["lacks"] = [str(r) for r in rule.order.lacks]
        when["order"] = oc
    if rule.time is not None:
        tc: dict[str, Any] = {}
        if rule.time.hours:
            s, e = rule.time.hours
            tc["hours"] = f"{s // 60:02d}:{s % 60:02d}-{e // 60:02d}:{e % 60:02d}"
        if rule.time.days:
            tc["days"] = [DAYS[d] for d in sorted(rule.time.days)]
        if rule.time.date_from:
            tc["from"] = rule.time.date_from.isoformat()
        if rule.time.date_to:
            tc["to"] = rule.time.date_to.isoformat()
        when["time"] = tc
    if rule.customer:
        when["customer"] = sorted(rule.customer)
    if when:
        out["when"] = when
    o = rule.offer
    if rule.kind == "upsell":
        out["offer"] = {"upgrade_to": o.upgrade_to} if o.upgrade_to else {"next_size": True}
    elif rule.kind == "cross_sell":
        out["offer"] = {"add": list(o.add)}
    elif rule.kind == "bundle":
        out["offer"] = {"bundle": {"with": list(o.bundle_with),
                                   "price": cents_str(o.bundle_price or 0)}}
    else:
        th: dict[str, Any] = {"order_total": cents_str(o.order_total or 0)}
        if o.within is not None:
            th["within"] = cents_str(o.within)
        th["reward"] = o.reward
        th["reward_price"] = cents_str(o.reward_price or 0)
        out["offer"] = {"threshold": th}
    out["say"] = rule.say
    if rule.why:
        out["why"] = rule.why
    out["priority"] = rule.priority
    if rule.holdout:
        out["holdout"] = _ratio_out(rule.holdout)
    if rule.max_offer_ratio is not None:
        out["max_offer_ratio"] = _ratio_out(rule.max_offer_ratio)
    if not rule.active:
        out["active"] = False
    return out


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    return {
        "max_prompts_per_order": settings.max_prompts_per_order,
        "max_offer_ratio": _ratio_out(settings.max_offer_ratio),
        "currency": settings.currency,
    }


def pack_to_dict(rules: list[Rule] | tuple[Rule, ...], settings: Settings | None) -> dict[str, Any]:
    out: dict[str, Any] = {"version": PACK_VERSION}
    if settings is not None:
        out["settings"] = settings_to_dict(settings)
    out["rules"] = [rule_to_dict(r) for r in sorted(rules, key=lambda r: r.id)]
    return out


STORE_SETTINGS: dict[str, str] = {
    "max_prompts_per_order": "never more prompts than this in one order (whole number)",
    "max_offer_ratio": "an offer may add at most this times the trigger line's price",
    "currency": "3-letter currency code, e.g. USD",
    "rush_scans_per_minute": "at this many scans a minute an order gets only its single "
                             "highest-ranked prompt (0 = off)",
    "store_name": "the shop's name, shown in the window title",
    "leaderboard": "rank clerks by offers made and accepted in reports: on or off (default off)",
    "leaderboard_min_orders": "paid orders a clerk needs in the period to be ranked "
                              "(default 20)",
    BACKUP_EVERY_MINUTES: "the till backs the store up beside it every this many minutes, "
                          "5 to 1440 (default 30)",
    BACKUP_KEEP_DAYS: "automatic backups are kept this many days, 1 to 366 (default 7)",
}
"""Settings a manager may change on a store, with what each one does."""


def parse_store_setting(key: str, text: str) -> Any:
    """Check one `KEY=VALUE` store setting and return the value to keep (JSON-able)."""
    if key not in STORE_SETTINGS:
        raise ValidationError([f"setting {excerpt(key)} is unknown (known: "
                               f"{', '.join(STORE_SETTINGS)})"], what="setting")
    problems = _Problems()
    value: Any = text
    if key in ("max_prompts_per_order", "rush_scans_per_minute"):
        if not re.fullmatch(r"[0-9]{1,6}", text) or int(text) > MAX_PROMPTS:
            problems.add("settings", key, f"{excerpt(text)} must be a whole number from 0 to "
                         f"{MAX_PROMPTS:,}")
        else:
            value = int(text)
    elif key == "max_offer_ratio":
        ratio = _ratio(text, "settings", key, problems)
        value = str(ratio) if ratio is not None else None
    elif key == "currency":
        if not re.fullmatch(r"[A-Z]{3}", text):
            problems.add("settings", key, f"{excerpt(text)} must be a 3-letter code such as USD")
    elif key in ("leaderboard", "leaderboard_min_orders"):
        # a whole number of digits only, and short: int() fails past 4,300 digits
        short = len(text) <= 12 and (key == "leaderboard" or re.fullmatch(r"[0-9]+", text))
        value = parse_leaderboard_setting(key, text) if short else None
        if value is None:
            problems.add("settings", key, "must be on or off" if key == "leaderboard"
                         else f"{excerpt(text)} must be a whole number >= 1")
    elif key in (BACKUP_EVERY_MINUTES, BACKUP_KEEP_DAYS):
        value = parse_backup_setting(key, text)
        if value is None:
            low, high = BACKUP_LIMITS[key]
            problems.add("settings", key, f"{excerpt(text)} must be a whole number from "
                         f"{low} to {high}")
    elif not text.strip():
        problems.add("settings", key, "may not be empty")
    elif len(text) > MAX_STORE_NAME or not text.isprintable():
        problems.add("settings", key, f"{excerpt(text)} must be at most {MAX_STORE_NAME} "
                     "printable characters")
    if problems.items:
        raise ValidationError(problems.items, what="setting")
    return value
