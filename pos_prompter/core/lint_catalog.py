"""Lint checks of what a rule names in the catalog: its offer, its triggers, its order refs.

Codes: unknown-offer, inactive-offer, unknown-trigger, inactive-trigger, unmatched-trigger,
unknown-ref, inactive-ref, unmatched-ref (see core.lint for what each means).
"""

from __future__ import annotations

from pos_prompter.core.catalog import Product
from pos_prompter.core.lint_finding import Add, Severity, sku_list
from pos_prompter.core.lint_lookup import Lookups
from pos_prompter.core.rules import Rule
from pos_prompter.core.said import QT_TRANSLATE_NOOP

WHAT_WORDS = {"category": QT_TRANSLATE_NOOP("lint", "category"),
              "tag": QT_TRANSLATE_NOOP("lint", "tag")}
"""What a trigger names, in a sentence (in a field's name it stays: when.scanned.tag)."""


def check_offer_products(lk: Lookups, rule: Rule, add: Add) -> None:
    o = rule.offer
    field = {"upsell": "offer.upgrade_to", "cross_sell": "offer.add",
             "bundle": "offer.bundle.with", "threshold": "offer.threshold.reward"}[rule.kind]
    offered = list(dict.fromkeys(rule.offered_skus()))
    unknown = [s for s in offered if s not in lk.catalog]
    inactive = [s for s in offered if s in lk.catalog and lk.usable(s) is None]
    if unknown:
        add("error", "unknown-offer",
            QT_TRANSLATE_NOOP("lint", "{field} names {skus}, not in the catalog: the rule "
                              "offers a product the till does not have").format(
                field=field, skus=sku_list(unknown)),
            QT_TRANSLATE_NOOP("lint", "correct the SKU in {field}, import the product into the "
                              "catalog, or remove it from the rule").format(field=field))
    if inactive:
        names = sku_list(inactive)
        fallback = rule.kind == "cross_sell" and any(lk.usable(s) for s in o.add)
        if fallback:
            add("warning", "inactive-offer",
                QT_TRANSLATE_NOOP("lint", "{field} names {skus}, which is not for sale "
                                  "(inactive): the rule skips it and offers the next "
                                  "candidate").format(field=field, skus=names),
                QT_TRANSLATE_NOOP("lint", "remove {skus} from {field}, or make it active "
                                  "again in the catalog").format(skus=names, field=field))
        else:
            add("error", "inactive-offer",
                QT_TRANSLATE_NOOP("lint", "{field} names {skus}, which is not for sale "
                                  "(inactive): the rule can never make its offer").format(
                    field=field, skus=names),
                QT_TRANSLATE_NOOP("lint", "offer an active product instead, or make {skus} "
                                  "active again in the catalog").format(skus=names))


def check_scanned(lk: Lookups, rule: Rule, triggers: list[Product], add: Add) -> None:
    sc = rule.scanned
    if sc is None or rule.event != "scan":
        return
    live = bool(triggers)
    severity: Severity = "warning" if live else "error"
    unknown = [s for s in sc.skus if s not in lk.catalog]
    inactive = [s for s in sc.skus if s in lk.catalog and lk.usable(s) is None]
    if unknown:
        message = (QT_TRANSLATE_NOOP("lint", "when.scanned.sku names {skus}, not in the "
                                     "catalog: scanning can never match it") if live else
                   QT_TRANSLATE_NOOP("lint", "when.scanned.sku names {skus}, not in the "
                                     "catalog: scanning can never match it and nothing else "
                                     "in when.scanned matches an active product, so the "
                                     "rule can never fire"))
        add(severity, "unknown-trigger", message.format(skus=sku_list(unknown)),
            QT_TRANSLATE_NOOP("lint", "correct the SKU, import the product into the catalog, "
                              "or remove it from when.scanned.sku"))
    if inactive:
        message = (QT_TRANSLATE_NOOP("lint", "when.scanned.sku names {skus}, which is not for "
                                     "sale (inactive) and is never scanned") if live else
                   QT_TRANSLATE_NOOP("lint", "when.scanned.sku names {skus}, which is not for "
                                     "sale (inactive) and is never scanned and nothing else "
                                     "in when.scanned matches an active product, so the "
                                     "rule can never fire"))
        add(severity, "inactive-trigger", message.format(skus=sku_list(inactive)),
            QT_TRANSLATE_NOOP("lint", "remove it from when.scanned.sku, or make the product "
                              "active again in the catalog"))
    for what, names in (("category", sc.categories), ("tag", sc.tags)):
        if not names:
            continue
        have = lk.active_categories if what == "category" else lk.active_tags
        dead = [n for n in names if n not in have]
        if dead:
            message = (QT_TRANSLATE_NOOP("lint", "when.scanned.{what} names {names}, which no "
                                         "active product has") if live else
                       QT_TRANSLATE_NOOP("lint", "when.scanned.{what} names {names}, which no "
                                         "active product has: the rule cannot fire until "
                                         "one does"))
            add("warning", "unmatched-trigger",
                message.format(what=what, names=sku_list(dead)),  # a field's name: as is
                QT_TRANSLATE_NOOP("lint", "check the spelling of the {what}, or give active "
                                  "products that {what} in the catalog").format(
                    what=WHAT_WORDS[what]))


def check_order_refs(lk: Lookups, rule: Rule, add: Add) -> None:
    oc = rule.order
    if oc is None:
        return
    unknown_has = [r.value for r in oc.has if r.kind == "sku" and r.value not in lk.catalog]
    unknown_lacks = [r.value for r in oc.lacks
                     if r.kind == "sku" and r.value not in lk.catalog]
    if unknown_has:
        add("warning", "unknown-ref",
            QT_TRANSLATE_NOOP("lint", "when.order.has names sku:{skus}, not in the catalog: no "
                              "order can have it, so the rule never fires").format(
                skus=sku_list(unknown_has)),
            QT_TRANSLATE_NOOP("lint", "correct the SKU in when.order.has, import the product, "
                              "or remove the condition"))
    if unknown_lacks:
        add("warning", "unknown-ref",
            QT_TRANSLATE_NOOP("lint", "when.order.lacks names sku:{skus}, not in the catalog: "
                              "the condition is always true and keeps nothing out").format(
                skus=sku_list(unknown_lacks)),
            QT_TRANSLATE_NOOP("lint", "correct the SKU in when.order.lacks, or remove the "
                              "condition"))
    inactive = [r.value for r in oc.has if r.kind == "sku" and r.value in lk.catalog
                and lk.usable(r.value) is None]
    if inactive:
        add("warning", "inactive-ref",
            QT_TRANSLATE_NOOP("lint", "when.order.has needs sku:{skus}, which is not for sale "
                              "(inactive) and cannot be scanned, so the rule never "
                              "fires").format(skus=sku_list(inactive)),
            QT_TRANSLATE_NOOP("lint", "remove it from when.order.has, or make the product "
                              "active again"))
    dead = [str(r) for r in oc.has
            if (r.kind == "category" and r.value not in lk.active_categories)
            or (r.kind == "tag" and r.value not in lk.active_tags)]
    if dead:
        add("warning", "unmatched-ref",
            QT_TRANSLATE_NOOP("lint", "when.order.has needs {refs}, which no active product "
                              "has, so the rule never fires").format(
                refs=", ".join(sorted(dead))),  # as the pack writes them: category:coffee
            QT_TRANSLATE_NOOP("lint", "check the spelling in when.order.has, or give active "
                              "products that category or tag"))
