"""Writing rules and packs back out in pack form (the inverse of core.rule_parse).

Fields come in spec order with defaults left out, so export -> import -> export gives the
same bytes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pos_prompter.core.guardrails import Settings
from pos_prompter.core.money import cents_str
from pos_prompter.core.rule_model import DAYS, PACK_VERSION, Rule


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
