"""Lint's findings in the window's language: the core's English message and fix of each
finding (the core imports no Qt) matched by their patterns, the rules, products, amounts
and fields they name kept as they are. A text no pattern knows is shown as lint wrote it."""

from __future__ import annotations

import re

from pos_prompter.core.language import SOURCE
from pos_prompter.core.lint import Finding
from pos_prompter.i18n import QT_TRANSLATE_NOOP, language, translate
from pos_prompter.i18n.said_again import SaidAgain

TEXTS: tuple[tuple[str, str], ...] = (
    # messages
    (r"(?P<field>\S+) names (?P<skus>.+), not in the catalog: the rule offers a product the "
     r"till does not have",
     QT_TRANSLATE_NOOP("lint", "{field} names {skus}, not in the catalog: the rule offers a "
                       "product the till does not have")),
    (r"(?P<field>\S+) names (?P<skus>.+), which is not for sale \(inactive\): the rule skips "
     r"it and offers the next candidate",
     QT_TRANSLATE_NOOP("lint", "{field} names {skus}, which is not for sale (inactive): the "
                       "rule skips it and offers the next candidate")),
    (r"(?P<field>\S+) names (?P<skus>.+), which is not for sale \(inactive\): the rule can "
     r"never make its offer",
     QT_TRANSLATE_NOOP("lint", "{field} names {skus}, which is not for sale (inactive): the "
                       "rule can never make its offer")),
    (r"when\.scanned\.sku names (?P<skus>.+), which is not for sale \(inactive\) and is "
     r"never scanned",
     QT_TRANSLATE_NOOP("lint", "when.scanned.sku names {skus}, which is not for sale "
                       "(inactive) and is never scanned")),
    (r"when\.scanned\.(?P<what>category|tag) names (?P<names>.+), which no active product "
     r"has",
     QT_TRANSLATE_NOOP("lint", "when.scanned.{what} names {names}, which no active product "
                       "has")),
    (r"when\.scanned\.(?P<what>category|tag) names (?P<names>.+), which no active product "
     r"has: the rule cannot fire until one does",
     QT_TRANSLATE_NOOP("lint", "when.scanned.{what} names {names}, which no active product "
                       "has: the rule cannot fire until one does")),
    (r"offer\.upgrade_to is (?P<sku>\S+), which also triggers the rule: scanning (?P=sku) "
     r"never offers it again",
     QT_TRANSLATE_NOOP("lint", "offer.upgrade_to is {sku}, which also triggers the rule: "
                       "scanning {sku} never offers it again")),
    (r"offer\.upgrade_to (?P<sku>\S+) costs (?P<price>.+), less than every product that "
     r"triggers it \(the cheapest, (?P<cheapest>\S+), is (?P<lowest>.+)\): an upsell down is "
     r"never offered",
     QT_TRANSLATE_NOOP("lint", "offer.upgrade_to {sku} costs {price}, less than every "
                       "product that triggers it (the cheapest, {cheapest}, is {lowest}): an "
                       "upsell down is never offered")),
    (r"offer\.bundle\.price (?P<price>.+) is more than the items cost separately "
     r"\((?P<separate>.+)\): the customer would pay more than buying them separately",
     QT_TRANSLATE_NOOP("lint", "offer.bundle.price {price} is more than the items cost "
                       "separately ({separate}): the customer would pay more than buying them "
                       "separately")),
    (r"offer\.bundle\.price (?P<price>.+) is exactly what the items cost separately: the "
     r"bundle saves the customer nothing",
     QT_TRANSLATE_NOOP("lint", "offer.bundle.price {price} is exactly what the items cost "
                       "separately: the bundle saves the customer nothing")),
    (r"offer\.threshold\.reward_price (?P<price>.+) is above (?P<sku>\S+)'s own price "
     r"(?P<own>.+): the reward costs more than buying it",
     QT_TRANSLATE_NOOP("lint", "offer.threshold.reward_price {price} is above {sku}'s own "
                       "price {own}: the reward costs more than buying it")),
    (r"max_offer_ratio is (?P<ratio>\S+): an offer may add more than twice the price of what "
     r"triggered it \(no Ford to Ferrari\)",
     QT_TRANSLATE_NOOP("lint", "max_offer_ratio is {ratio}: an offer may add more than twice "
                       "the price of what triggered it (no Ford to Ferrari)")),
    (r"the store's max_offer_ratio \(which this rule uses\) is (?P<ratio>\S+): an offer may "
     r"add more than twice the price of what triggered it \(no Ford to Ferrari\)",
     QT_TRANSLATE_NOOP("lint", "the store's max_offer_ratio (which this rule uses) is "
                       "{ratio}: an offer may add more than twice the price of what triggered "
                       "it (no Ford to Ferrari)")),
    (r"when\.time\.to is (?P<date>\S+), in the past: the rule will never fire again",
     QT_TRANSLATE_NOOP("lint", "when.time.to is {date}, in the past: the rule will never "
                       "fire again")),
    (r"(?P<field>say|why) uses (?P<names>.+), which has no value in (?P<where>.+) and "
     r"renders empty",
     QT_TRANSLATE_NOOP("lint", "{field} uses {names}, which has no value in {where} and "
                       "renders empty")),
    (r"\{attach_rate\} renders empty until at least (?P<n>\d+) past orders in the last 90 "
     r"days had the trigger item",
     QT_TRANSLATE_NOOP("lint", "{placeholder} renders empty until at least {n} past orders "
                       "in the last 90 days had the trigger item")),
    (r"(?P<field>say|why) is (?P<n>\d+) words, more than (?P<most>\d+): too long for the "
     r"clerk to read out in one breath",
     QT_TRANSLATE_NOOP("lint", "{field} is {n} words, more than {most}: too long for the "
                       "clerk to read out in one breath")),
    (r"(?P<field>say|why) is (?P<n>\d+) characters, more than (?P<most>\d+): too long for "
     r"the clerk to read out in one breath",
     QT_TRANSLATE_NOOP("lint", "{field} is {n} characters, more than {most}: too long for "
                       "the clerk to read out in one breath")),
    (r"always fires together with rule (?P<rules>.+): same event, triggers and conditions, "
     r"same priority (?P<priority>-?\d+); the order between them is decided by kind and id "
     r"only",
     QT_TRANSLATE_NOOP("lint", "always fires together with rule {rules}: same event, "
                       "triggers and conditions, same priority {priority}; the order between "
                       "them is decided by kind and id only")),
    (r"always fires together with rules (?P<rules>.+): same event, triggers and conditions, "
     r"same priority (?P<priority>-?\d+); the order between them is decided by kind and id "
     r"only",
     QT_TRANSLATE_NOOP("lint", "always fires together with rules {rules}: same event, "
                       "triggers and conditions, same priority {priority}; the order between "
                       "them is decided by kind and id only")),
    (r"upsell loop: (?P<steps>.+): accepting one upgrade offers the way back",
     QT_TRANSLATE_NOOP("lint", "upsell loop: {steps}: accepting one upgrade offers the way "
                       "back")),
    (r"(?P<second>.+) and (?P<first>.+) both offer (?P<what>.+) to the same scanned item "
     r"\(for example (?P<where>.+)\): what a customer says no to from (?P=first) is not "
     r"offered again by (?P=second) in that order",
     QT_TRANSLATE_NOOP("lint", "{second} and {first} both offer {what} to the same scanned "
                       "item (for example {where}): what a customer says no to from {first} "
                       "is not offered again by {second} in that order")),
    (r"this offer is always blocked by the price ratio: (?P<detail>.+) is more than "
     r"max_offer_ratio (?P<ratio>\S+)x allows",
     QT_TRANSLATE_NOOP("lint", "this offer is always blocked by the price ratio: {detail} is "
                       "more than max_offer_ratio {ratio}x allows")),
    # fixes
    (r"raise max_offer_ratio on the rule to at least (?P<needed>\S+), offer something "
     r"cheaper, or trigger it on dearer products",
     QT_TRANSLATE_NOOP("lint", "raise max_offer_ratio on the rule to at least {needed}, offer "
                       "something cheaper, or trigger it on dearer products")),
    (r"raise max_offer_ratio on the rule to at least (?P<needed>\S+), offer something "
     r"cheaper, or ask it only on bigger orders \(a higher order_total or total_max\)",
     QT_TRANSLATE_NOOP("lint", "raise max_offer_ratio on the rule to at least {needed}, offer "
                       "something cheaper, or ask it only on bigger orders (a higher "
                       "order_total or total_max)")),
    (r"decide which way the customer should go and remove the upgrade the other way, in "
     r"this rule",
     QT_TRANSLATE_NOOP("lint", "decide which way the customer should go and remove the "
                       "upgrade the other way, in this rule")),
    (r"decide which way the customer should go and remove the upgrade the other way, in "
     r"this rule or in (?P<rules>.+)",
     QT_TRANSLATE_NOOP("lint", "decide which way the customer should go and remove the "
                       "upgrade the other way, in this rule or in {rules}")),
    (r"correct the SKU in (?P<field>\S+), import the product into the catalog, or remove it "
     r"from the rule",
     QT_TRANSLATE_NOOP("lint", "correct the SKU in {field}, import the product into the "
                       "catalog, or remove it from the rule")),
    (r"remove (?P<skus>.+) from (?P<field>\S+), or make it active again in the catalog",
     QT_TRANSLATE_NOOP("lint", "remove {skus} from {field}, or make it active again in the "
                       "catalog")),
    (r"offer an active product instead, or make (?P<skus>.+) active again in the catalog",
     QT_TRANSLATE_NOOP("lint", "offer an active product instead, or make {skus} active again "
                       "in the catalog")),
    (r"remove it from when\.scanned\.sku, or make the product active again in the catalog",
     QT_TRANSLATE_NOOP("lint", "remove it from when.scanned.sku, or make the product active "
                       "again in the catalog")),
    (r"check the spelling of the (?P<what>category|tag), or give active products that "
     r"(?P=what) in the catalog",
     QT_TRANSLATE_NOOP("lint", "check the spelling of the {what}, or give active products "
                       "that {what} in the catalog")),
    (r"upgrade to a dearer product, or use a cross_sell to suggest the cheaper one",
     QT_TRANSLATE_NOOP("lint", "upgrade to a dearer product, or use a cross_sell to suggest "
                       "the cheaper one")),
    (r"set offer\.bundle\.price below (?P<separate>.+), or make it a cross_sell",
     QT_TRANSLATE_NOOP("lint", "set offer.bundle.price below {separate}, or make it a "
                       "cross_sell")),
    (r"set offer\.bundle\.price below (?P<separate>.+)",
     QT_TRANSLATE_NOOP("lint", "set offer.bundle.price below {separate}")),
    (r"set reward_price to (?P<own>.+) or less \(0\.00 for a free gift\)",
     QT_TRANSLATE_NOOP("lint", "set reward_price to {own} or less (0.00 for a free gift)")),
    (r"lower max_offer_ratio on the rule to 2 or less",
     QT_TRANSLATE_NOOP("lint", "lower max_offer_ratio on the rule to 2 or less")),
    (r"move when\.time\.to forward for a new run, or switch the rule off \(active: false\) "
     r"or remove it",
     QT_TRANSLATE_NOOP("lint", "move when.time.to forward for a new run, or switch the rule "
                       "off (active: false) or remove it")),
    (r"remove (?P<names>.+) from (?P<field>say|why) or reword it \(this kind can use "
     r"(?P<usable>.*)\)",
     QT_TRANSLATE_NOOP("lint", "remove {names} from {field} or reword it (this kind can use "
                       "{usable})")),
    (r"word the text so it reads well without the figure, or import past sales "
     r"\(pos-prompter import orders\) so it has one",
     QT_TRANSLATE_NOOP("lint", "word the text so it reads well without the figure, or import "
                       "past sales (pos-prompter import orders) so it has one")),
    (r"shorten (?P<field>say|why) to (?P<words>\d+) words and (?P<chars>\d+) characters or "
     r"fewer \(move the reason to why\)",
     QT_TRANSLATE_NOOP("lint", "shorten {field} to {words} words and {chars} characters or "
                       "fewer (move the reason to why)")),
    (r"shorten (?P<field>say|why) to (?P<words>\d+) words and (?P<chars>\d+) characters or "
     r"fewer \(one sentence the clerk can say; keep your own notes out of it\)",
     QT_TRANSLATE_NOOP("lint", "shorten {field} to {words} words and {chars} characters or "
                       "fewer (one sentence the clerk can say; keep your own notes out of "
                       "it)")),
    (r"give the rule that should come first a higher priority, or merge them into one rule",
     QT_TRANSLATE_NOOP("lint", "give the rule that should come first a higher priority, or "
                       "merge them into one rule")),
    (r"offer something else in one of them, or change their scanned items so they do not "
     r"meet",
     QT_TRANSLATE_NOOP("lint", "offer something else in one of them, or change their scanned "
                       "items so they do not meet")),
)
"""(lint's English message or fix as a pattern, its text for the catalog)."""

DETAILS: tuple[tuple[str, str], ...] = (
    (r"(?P<count>\d+) trigger products, and even the closest, (?P<detail>.+),",
     QT_TRANSLATE_NOOP("lint", "{count} trigger products, and even the closest, {detail},")),
    (r"(?P<added>.+) added to an order of at most (?P<base>.+)",
     QT_TRANSLATE_NOOP("lint", "{added} added to an order of at most {base}")),
    (r"(?P<added>.+) added to (?P<sku>\S+) at (?P<base>.+) \(a single item\)",
     QT_TRANSLATE_NOOP("lint", "{added} added to {sku} at {base} (a single item)")),
    (r"(?P<added>.+) added to (?P<sku>\S+) at (?P<base>.+)",
     QT_TRANSLATE_NOOP("lint", "{added} added to {sku} at {base}")),
)
"""What blocks a ratio-blocked offer (the {detail} of its message), nested once."""
WHERE = (
    (r"an? (?P<kind>\S+) prompt", QT_TRANSLATE_NOOP("lint", "a {kind} prompt")),
    (r"a checkout (?P<kind>\S+) prompt", QT_TRANSLATE_NOOP("lint", "a checkout {kind} prompt")),
)
"""Where a placeholder has no value (the {where} of its message)."""
KIND_WORDS = {"upsell": "upsell", "cross_sell": "cross-sell", "bundle": "bundle",
              "threshold": "threshold"}
"""A kind's word as the rule list says it (list_model.KIND_TEXT, context "rules")."""
WHAT_WORDS = {"category": QT_TRANSLATE_NOOP("lint", "category"),
              "tag": QT_TRANSLATE_NOOP("lint", "tag")}
"""What a trigger names, in a sentence (in a field's name it stays: when.scanned.tag)."""

_TEXTS = SaidAgain("lint", TEXTS)
_DETAILS = SaidAgain("lint", DETAILS)
_WHERE = SaidAgain("lint", WHERE, flags=re.NOFLAG)


def _said(text: str, table: SaidAgain) -> str | None:
    said = table.match(text)
    if said is None:
        return None
    template, fields = said
    if "detail" in fields:
        fields["detail"] = _said(fields["detail"], _DETAILS) or fields["detail"]
    if "where" in fields and table is _TEXTS:
        fields["where"] = _said(fields["where"], _WHERE) or fields["where"]
    if fields.get("what") in WHAT_WORDS and ".{what}" not in template:  # not a field
        fields["what"] = translate("lint", WHAT_WORDS[fields["what"]])
    if "kind" in fields and fields["kind"] in KIND_WORDS:  # the rule list's words
        fields["kind"] = translate("rules", KIND_WORDS[fields["kind"]])
    if "{placeholder}" in template:
        fields["placeholder"] = "{attach_rate}"
    return translate("lint", template).format(**fields)


def lint_text(text: str) -> str:
    """A finding's message or fix in the current language (as lint wrote it when no
    pattern knows it)."""
    if language() == SOURCE:
        return text
    said = _said(text, _TEXTS)
    return text if said is None else said


def finding_text(finding: Finding) -> tuple[str, str]:
    """(message, fix) of `finding` in the current language."""
    return lint_text(finding.message), lint_text(finding.fix)
