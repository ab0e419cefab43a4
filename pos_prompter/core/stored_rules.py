"""Rules read back from the store: Rule objects built straight from their stored JSON.

The store saves only rules that `parse_rule` accepted, each as `rule_to_dict` of the parsed
Rule (RuleStore.save, RuleStore.replace). Reading them back needs the parser's
conversions (money to cents, "06:00-11:00" to minutes, day names to numbers...), not its
checks: `stored_rule` does only the conversions, the same ones, in the same order, so it
gives the Rule that `parse_rule(raw, i, trusted=True)` gives, for about half the time
(tests/core/test_stored_rules.py compares them on every rule of the demo packs and of a
generated 20,000-rule pack). Checks the parser made when the rule was saved (a total_min
above total_max, a priority that is not a whole number...) are not made again
(docs/decisions.md).

Anything it does not expect (a kind this version does not support, a section or list of
another shape, a body that is not a mapping) makes it answer None, and the caller hands
that body to the general parser, which says what is wrong exactly as it always has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from pos_prompter.core.money import Cents, MoneyError, parse_money
from pos_prompter.core.rule_fields import Problems, parse_date, parse_hours, ratio_field
from pos_prompter.core.rules import (
    DAYS,
    SUPPORTED_KINDS,
    Offer,
    OrderCondition,
    Ref,
    Rule,
    RuleId,
    Scanned,
    TimeCondition,
    parse_rule,
)

_DAY_NUMBER = {name: number for number, name in enumerate(DAYS)}
_NO_HOLDOUT = Decimal(0)
_NONE: frozenset[Any] = frozenset()
"""Shared by every empty set of every rule read (most of a rule's four sets are empty):
one object instead of 60,000 new ones at 20,000 rules, for the collector to walk through."""
_NEXT_SIZE = Offer(next_size=True)
"""Shared by every `next_size` upsell: an Offer is frozen, equal instances are one value."""


class _Unexpected(Exception):
    """The body is not in a form the fast path knows: the general parser reads it."""


class _Money:
    """parse_money of stored amounts, once per distinct text: a pack repeats its prices."""

    def __init__(self) -> None:
        self.seen: dict[str, Cents] = {}

    def __call__(self, value: Any) -> Cents | None:
        if value is None:
            return None
        if type(value) is str:
            cents = self.seen.get(value)
            if cents is None:
                cents = self.seen[value] = parse_money(value)
            return cents
        return parse_money(value)


def _set(value: Any) -> frozenset[str]:
    """frozenset(_strings(value)), the empty one shared."""
    strings = _strings(value)
    return frozenset(strings) if strings else _NONE


def _strings(value: Any) -> list[str]:
    """What the parser's `str_list` makes of a stored list (or single string)."""
    if value is None:
        return []
    if type(value) is str:
        return [value]
    if type(value) is not list:
        raise _Unexpected
    return value


def _mapping(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if type(value) is not dict:
        raise _Unexpected
    return value


def _offer_mapping(value: Any) -> dict[str, Any]:
    if type(value) is not dict:  # a rule without an offer is the parser's to refuse
        raise _Unexpected
    return value


def _ref(text: str) -> Ref:
    kind, _sep, value = text.partition(":")
    if kind not in ("sku", "category", "tag") or not value:
        raise _Unexpected
    return Ref(kind, value)  # type: ignore[arg-type]


def _time(tc: dict[str, Any]) -> TimeCondition:
    problems = Problems(trusted=True)
    hours = parse_hours(tc["hours"], "", problems) if "hours" in tc else None
    days = frozenset(_DAY_NUMBER[d.lower()] for d in _strings(tc.get("days"))) or _NONE
    date_from = parse_date(tc.get("from"), "", "from", problems)
    date_to = parse_date(tc.get("to"), "", "to", problems)
    if problems.items:
        raise _Unexpected
    return TimeCondition(hours=hours, days=days, date_from=date_from, date_to=date_to)


def _offer(kind: str, of: dict[str, Any], money: _Money) -> Offer:
    if kind == "cross_sell":
        return Offer(add=tuple(_strings(of.get("add"))))
    if kind == "upsell":
        upgrade_to = of.get("upgrade_to")
        next_size = of.get("next_size", False)
        if upgrade_to is None and next_size is True:
            return _NEXT_SIZE
        return Offer(upgrade_to=upgrade_to, next_size=next_size)
    if kind == "bundle":
        b = _mapping(of.get("bundle"))
        return Offer(bundle_with=tuple(_strings(b.get("with"))), bundle_price=money(b.get("price")))
    t = _mapping(of.get("threshold"))
    return Offer(order_total=money(t.get("order_total")), within=money(t.get("within")),
                 reward=t.get("reward"), reward_price=money(t.get("reward_price")))


def _build(raw: Any, money: _Money) -> Rule:
    if type(raw) is not dict:
        raise _Unexpected
    kind = raw["kind"]
    if kind not in SUPPORTED_KINDS:
        raise _Unexpected
    when = _mapping(raw.get("when"))
    scanned = None
    if (sc := when.get("scanned")) is not None:
        sc = _mapping(sc)
        scanned = Scanned(skus=_set(sc.get("sku")), categories=_set(sc.get("category")),
                          tags=_set(sc.get("tag")))
    order = None
    if (oc := when.get("order")) is not None:
        oc = _mapping(oc)
        order = OrderCondition(total_min=money(oc.get("total_min")),
                               total_max=money(oc.get("total_max")),
                               has=tuple(_ref(t) for t in _strings(oc.get("has"))),
                               lacks=tuple(_ref(t) for t in _strings(oc.get("lacks"))))
    time = None
    if (tc := when.get("time")) is not None:
        time = _time(_mapping(tc))
    holdout = _NO_HOLDOUT
    if (h := raw.get("holdout")) is not None:
        holdout = Decimal(str(h))
    ratio = None
    if (r := raw.get("max_offer_ratio")) is not None:
        problems = Problems(trusted=True)
        ratio = ratio_field(r, "", "", problems)
        if problems.items:
            raise _Unexpected
    why = raw.get("why", "")
    return Rule(
        id=RuleId(raw["id"]), kind=kind, title=raw["title"].strip(), say=raw["say"],
        why="" if why is None else why, event=when.get("event", "scan"), scanned=scanned,
        order=order, time=time, customer=_set(when.get("customer")),
        offer=_offer(kind, _offer_mapping(raw["offer"]), money), priority=raw.get("priority", 0),
        holdout=holdout, max_offer_ratio=ratio, active=raw.get("active", True),
    )


def stored_rule(raw: Any, money: _Money | None = None) -> Rule | None:
    """The Rule a stored body (decoded JSON) holds, or None when the body is in a form
    only the general parser reads (`parse_rule(raw, i, trusted=True)` then says)."""
    try:
        return _build(raw, money or _Money())
    except (_Unexpected, KeyError, TypeError, AttributeError, ValueError, InvalidOperation,
            MoneyError):
        return None


def stored_rules(bodies: Iterable[Any]) -> Iterator[Rule]:
    """The rules of stored bodies (decoded JSON), in order: each through `stored_rule`,
    or, when it answers None, through `parse_rule(..., trusted=True)`, which raises
    ValidationError for a body that is not a valid rule (as reading the store always did)."""
    money = _Money()
    for position, raw in enumerate(bodies, start=1):
        rule = stored_rule(raw, money)
        if rule is None:
            rule = parse_rule(raw, position, trusted=True)
        if rule is not None:
            yield rule
