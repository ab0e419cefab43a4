"""Lint checks of what a rule names in the catalog: its offer, its triggers, its order refs.

Codes: unknown-offer, inactive-offer, unknown-trigger, inactive-trigger, unmatched-trigger,
unknown-ref, inactive-ref, unmatched-ref (see core.lint for what each means).
"""

from __future__ import annotations

from pos_prompter.core.catalog import Product
from pos_prompter.core.lint_finding import Add, Severity, sku_list
from pos_prompter.core.lint_lookup import Lookups
from pos_prompter.core.rules import Rule


def check_offer_products(lk: Lookups, rule: Rule, add: Add) -> None:
    o = rule.offer
    field = {"upsell": "offer.upgrade_to", "cross_sell": "offer.add",
             "bundle": "offer.bundle.with", "threshold": "offer.threshold.reward"}[rule.kind]
    offered = list(dict.fromkeys(rule.offered_skus()))
    unknown = [s for s in offered if s not in lk.catalog]
    inactive = [s for s in offered if s in lk.catalog and lk.usable(s) is None]
    if unknown:
        add("error", "unknown-offer",
            f"{field} names {sku_list(unknown)}, not in the catalog: the rule offers a "
            f"product the till does not have",
            f"correct the SKU in {field}, import the product into the catalog, or remove "
            f"it from the rule")
    if inactive:
        names = sku_list(inactive)
        fallback = rule.kind == "cross_sell" and any(lk.usable(s) for s in o.add)
        if fallback:
            add("warning", "inactive-offer",
                f"{field} names {names}, which is not for sale (inactive): the rule "
                f"skips it and offers the next candidate",
                f"remove {names} from {field}, or make it active again in the catalog")
        else:
            add("error", "inactive-offer",
                f"{field} names {names}, which is not for sale (inactive): the rule "
                f"can never make its offer",
                f"offer an active product instead, or make {names} active again in the "
                f"catalog")


def check_scanned(lk: Lookups, rule: Rule, triggers: list[Product], add: Add) -> None:
    sc = rule.scanned
    if sc is None or rule.event != "scan":
        return
    live = bool(triggers)
    never = "" if live else (" and nothing else in when.scanned matches an active "
                             "product, so the rule can never fire")
    severity: Severity = "warning" if live else "error"
    unknown = [s for s in sc.skus if s not in lk.catalog]
    inactive = [s for s in sc.skus if s in lk.catalog and lk.usable(s) is None]
    if unknown:
        add(severity, "unknown-trigger",
            f"when.scanned.sku names {sku_list(unknown)}, not in the catalog: scanning "
            f"can never match it{never}",
            "correct the SKU, import the product into the catalog, or remove it from "
            "when.scanned.sku")
    if inactive:
        add(severity, "inactive-trigger",
            f"when.scanned.sku names {sku_list(inactive)}, which is not for sale (inactive) "
            f"and is never scanned{never}",
            "remove it from when.scanned.sku, or make the product active again in the "
            "catalog")
    for what, names in (("category", sc.categories), ("tag", sc.tags)):
        if not names:
            continue
        have = lk.active_categories if what == "category" else lk.active_tags
        dead = [n for n in names if n not in have]
        if dead:
            tail = "" if live else ": the rule cannot fire until one does"
            add("warning", "unmatched-trigger",
                f"when.scanned.{what} names {sku_list(dead)}, which no active product "
                f"has{tail}",
                f"check the spelling of the {what}, or give active products that {what} "
                f"in the catalog")


def check_order_refs(lk: Lookups, rule: Rule, add: Add) -> None:
    oc = rule.order
    if oc is None:
        return
    unknown_has = [r.value for r in oc.has if r.kind == "sku" and r.value not in lk.catalog]
    unknown_lacks = [r.value for r in oc.lacks
                     if r.kind == "sku" and r.value not in lk.catalog]
    if unknown_has:
        add("warning", "unknown-ref",
            f"when.order.has names sku:{sku_list(unknown_has)}, not in the catalog: no order "
            f"can have it, so the rule never fires",
            "correct the SKU in when.order.has, import the product, or remove the "
            "condition")
    if unknown_lacks:
        add("warning", "unknown-ref",
            f"when.order.lacks names sku:{sku_list(unknown_lacks)}, not in the catalog: the "
            f"condition is always true and keeps nothing out",
            "correct the SKU in when.order.lacks, or remove the condition")
    inactive = [r.value for r in oc.has if r.kind == "sku" and r.value in lk.catalog
                and lk.usable(r.value) is None]
    if inactive:
        add("warning", "inactive-ref",
            f"when.order.has needs sku:{sku_list(inactive)}, which is not for sale "
            f"(inactive) and cannot be scanned, so the rule never fires",
            "remove it from when.order.has, or make the product active again")
    dead = [str(r) for r in oc.has
            if (r.kind == "category" and r.value not in lk.active_categories)
            or (r.kind == "tag" and r.value not in lk.active_tags)]
    if dead:
        add("warning", "unmatched-ref",
            f"when.order.has needs {', '.join(sorted(dead))}, which no active product "
            f"has, so the rule never fires",
            "check the spelling in when.order.has, or give active products that "
            "category or tag")
