"""A rule in the manager's words, in the window's language: core.rule_words' trigger and
offer phrases (the core imports no Qt, so it writes English) said again through
translate(). In English they are the core's own, word for word."""

from __future__ import annotations

from pos_prompter.core import rule_words as core_words
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.language import SOURCE
from pos_prompter.core.money import format_money
from pos_prompter.core.rule_words import ARROW, Money, category_name, product_name
from pos_prompter.core.rules import Rule
from pos_prompter.i18n import language, translate


def tag_name(slug: str) -> str:
    """A tag as words: "casual-shoe" -> "any casual shoe" ("cualquier casual shoe")."""
    return translate("rules", "any {tag}").format(
        tag=slug.replace("-", " ").replace("_", " ").strip())


def trigger_words(rule: Rule, catalog: Catalog) -> str:
    """What sets `rule` off, by names (core.rule_words.trigger_words, translated)."""
    if language() == SOURCE:
        return core_words.trigger_words(rule, catalog)
    if rule.event == "checkout":
        return translate("rules", "at checkout")
    scanned = rule.scanned
    if scanned is None:
        return translate("rules", "any item")
    parts = [*(category_name(c) for c in sorted(scanned.categories)),
             *(tag_name(t) for t in sorted(scanned.tags)),
             *(product_name(catalog, s) for s in sorted(scanned.skus))]
    return ", ".join(parts) or translate("rules", "any item")


def offer_words(rule: Rule, catalog: Catalog, money: Money = format_money) -> str:
    """What `rule` offers, by product names (core.rule_words.offer_words, translated)."""
    if language() == SOURCE:
        return core_words.offer_words(rule, catalog, money)

    def name(sku: str) -> str:
        return product_name(catalog, sku)

    o = rule.offer
    if rule.kind == "upsell":
        if o.upgrade_to:
            return f"{ARROW} {name(o.upgrade_to)}"
        return translate("rules", "the next size up")
    if rule.kind == "cross_sell":
        return "+ " + translate("rules", " or ").join(name(s) for s in o.add)
    if rule.kind == "bundle":
        return translate("rules", "{products} for {price}").format(
            products=" + ".join(name(s) for s in o.bundle_with),
            price=money(o.bundle_price or 0))
    reward_price = o.reward_price or 0
    if reward_price == 0:
        reward = translate("rules", "{reward} free").format(reward=name(o.reward or ""))
    else:
        reward = translate("rules", "{reward} at {price}").format(
            reward=name(o.reward or ""), price=money(reward_price))
    return translate("rules", "{reward} from {total}").format(
        reward=reward, total=money(o.order_total or 0))
