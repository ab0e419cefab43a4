"""A rule in a manager's words: names instead of codes, problems in plain sentences.

The rule pack speaks in codes (rule ids, SKUs, category and tag slugs) and parse_rule's
problems name the pack's fields ("needs at least one sku", "must be sku:X, category:Y or
tag:Z"): right for a file and the command line, not for a manager in the workspace. Here:

- `trigger_words` / `offer_words`: what sets a rule off and what it offers, by product
  names and category names ("Sneakers, any casual shoe"; "+ Crew Socks 3-pack or ...").
  With `codes=True` the same in codes, as the rule pack writes them (the list's
  "Show codes").
- `manager_message(field, message)`: one of parse_rule's problems in a manager's words.

Pure: no Qt, no SQLite.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.money import Cents, format_money
from pos_prompter.core.rules import Rule
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said, joined

Money = Callable[[Cents], str]
ARROW = "\N{RIGHTWARDS ARROW}"


def category_name(slug: str) -> str:
    """A category slug as a name: "other-drinks" -> "Other drinks"."""
    words = slug.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def tag_name(slug: str) -> Said:
    """A tag as words: "casual-shoe" -> "any casual shoe"."""
    return QT_TRANSLATE_NOOP("rules", "any {tag}").format(
        tag=slug.replace("-", " ").replace("_", " ").strip())


def product_name(catalog: Catalog, sku: str) -> str:
    """The product's name, or its SKU when the catalog does not have it."""
    product = catalog.get(sku)
    return product.name if product is not None and product.name else sku


def trigger_words(rule: Rule, catalog: Catalog, *, codes: bool = False) -> str:
    """What sets `rule` off, in a few words for a narrow column: 'at checkout', 'any item',
    or category names, tags and product names ('Coffee, any hot drink, Latte Tall'). With
    `codes`: as the pack writes them ('coffee, #hot-drink, LATTE-T')."""
    if rule.event == "checkout":
        return "checkout" if codes else QT_TRANSLATE_NOOP("rules", "at checkout")
    scanned = rule.scanned
    if scanned is None:
        return QT_TRANSLATE_NOOP("rules", "any item")
    parts: list[Said | str]
    if codes:
        parts = [*sorted(scanned.categories), *(f"#{t}" for t in sorted(scanned.tags)),
                 *sorted(scanned.skus)]
    else:
        parts = [*(category_name(c) for c in sorted(scanned.categories)),
                 *(tag_name(t) for t in sorted(scanned.tags)),
                 *(product_name(catalog, s) for s in sorted(scanned.skus))]
    return joined(parts, ", ") or QT_TRANSLATE_NOOP("rules", "any item")


def _either(names: list[str]) -> Said:
    """"+ A or B or C": the items a cross-sell offers, any one of them."""
    fields: dict[str, object] = {f"p{index}": name for index, name in enumerate(names)}
    fields["or"] = QT_TRANSLATE_NOOP("rules", " or ")
    template = "+ " + "{or}".join("{p" + str(index) + "}" for index in range(len(names)))
    return Said("", template, fields)


def offer_words(rule: Rule, catalog: Catalog, money: Money = format_money, *,
                codes: bool = False) -> str:
    """What `rule` offers, in a few words for a narrow column: product names (with `codes`,
    SKUs)."""
    def name(sku: str) -> str:
        return sku if codes else product_name(catalog, sku)

    o = rule.offer
    if rule.kind == "upsell":
        if o.upgrade_to:
            return f"{ARROW} {name(o.upgrade_to)}"
        return (QT_TRANSLATE_NOOP("rules", "next size") if codes
                else QT_TRANSLATE_NOOP("rules", "the next size up"))
    if rule.kind == "cross_sell":
        return _either([name(s) for s in o.add])
    if rule.kind == "bundle":
        return QT_TRANSLATE_NOOP("rules", "{products} for {price}").format(
            products=" + ".join(name(s) for s in o.bundle_with), price=money(o.bundle_price or 0))
    reward_price = o.reward_price or 0
    total = money(o.order_total or 0)
    if codes:
        return QT_TRANSLATE_NOOP("rules", "{reward} at {price} from {total}").format(
            reward=name(o.reward or ""), price=money(reward_price), total=total)
    reward = (QT_TRANSLATE_NOOP("rules", "{reward} free").format(reward=name(o.reward or ""))
              if reward_price == 0 else
              QT_TRANSLATE_NOOP("rules", "{reward} at {price}").format(
                  reward=name(o.reward or ""), price=money(reward_price)))
    return QT_TRANSLATE_NOOP("rules", "{reward} from {total}").format(reward=reward, total=total)


# ---------------------------------------------------------------------- problems

_EXAMPLE_ID = "latte-size-up"
_REWORDED: list[tuple[re.Pattern[str], Callable[[re.Match[str], str], str]]] = []


def _reword(pattern: str) -> Callable[[Callable[[re.Match[str], str], str]],
                                      Callable[[re.Match[str], str], str]]:
    def register(fn: Callable[[re.Match[str], str], str]) -> Callable[[re.Match[str], str], str]:
        _REWORDED.append((re.compile(pattern, re.DOTALL), fn))
        return fn
    return register


@_reword(r"\A(?P<value>.*) must be a slug of a-z, 0-9 and -, at most 64 long\Z")
def _slug(m: re.Match[str], _field: str) -> str:
    if m["value"] in ("''", '""'):
        return QT_TRANSLATE_NOOP("problems", "is required (a short code such as {example}, "
                                 "kept in the reports)").format(example=_EXAMPLE_ID)
    return QT_TRANSLATE_NOOP("problems", "{value} cannot be a rule code: use lower-case letters, "
                             "digits and dashes (at most 64), such as {example}").format(
        value=m["value"], example=_EXAMPLE_ID)


@_reword(r"\Aneeds at least one sku\Z")
def _no_product(_m: re.Match[str], field: str) -> str:
    if field == "offer.bundle.with":
        return QT_TRANSLATE_NOOP("problems", "needs at least one product to go with the scanned "
                                 "item")
    return QT_TRANSLATE_NOOP("problems", "needs at least one product to offer")


@_reword(r"\A(?P<value>.*) must be sku:X, category:Y or tag:Z\Z")
def _not_a_ref(m: re.Match[str], _field: str) -> str:
    return QT_TRANSLATE_NOOP("problems", "{value} is not a product, category or tag: pick one "
                             "from the list").format(value=m["value"])


@_reword(r"\Anames no sku, category or tag\Z")
def _no_trigger(_m: re.Match[str], _field: str) -> str:
    return QT_TRANSLATE_NOOP("problems", "pick at least one product, category or tag that sets "
                             "the rule off")


@_reword(r"\Aa checkout rule has no scanned line")
def _checkout_scanned(_m: re.Match[str], _field: str) -> str:
    return QT_TRANSLATE_NOOP("problems", "at checkout nothing is being scanned: clear the "
                             "scanned products, categories and tags, and use “Order has all "
                             "of” to look at the order")


@_reword(r"\Aan upsell replaces a scanned line")
def _upsell_checkout(_m: re.Match[str], _field: str) -> str:
    return QT_TRANSLATE_NOOP("problems", "an upsell swaps the item just scanned for a better "
                             "one, so it runs when an item is scanned, not at checkout")


@_reword(r"\Aan upsell takes exactly one of upgrade_to")
def _upsell_offer(_m: re.Match[str], _field: str) -> str:
    return QT_TRANSLATE_NOOP("problems", "choose the product to upgrade to, or the next size up")


@_reword(r"\A(?P<value>.*) is not a valid sku\Z")
def _bad_sku(m: re.Match[str], _field: str) -> str:
    return QT_TRANSLATE_NOOP("problems", "{value} is not a product code").format(
        value=m["value"])


@_reword(r"\Anames a sku twice\Z")
def _twice(_m: re.Match[str], _field: str) -> str:
    return QT_TRANSLATE_NOOP("problems", "names the same product twice")


def manager_message(field: str, message: str) -> str:
    """parse_rule's `message` about `field` (a pack path such as "offer.add") in a
    manager's words; a message with no rewording comes back with its codes spelled out."""
    for pattern, reword in _REWORDED:
        match = pattern.search(message)
        if match is not None:
            return reword(match, field)
    if not any(code in message for code, _words in SPELLED_OUT):
        return message  # as parse_rule wrote it (a core.said.Said keeps its catalog text)
    if isinstance(message, Said):  # the same sentence, its catalog text spelled out
        template = message.template
        for code, words in SPELLED_OUT:
            template = template.replace(code, words)
        return Said(message.context, template, message.fields)
    for code, words in SPELLED_OUT:
        message = message.replace(code, words)
    return message


SPELLED_OUT = (("(not incl.)", "(not including)"),)
"""Codes and shorthand in parse_rule's problems, spelled out for a manager."""

SPELLED_OUT_TEXTS = (
    QT_TRANSLATE_NOOP("problems", "{value} must be a share from 0 up to (not including) 1, "
                      "with at most {places} decimals"),
)
"""The catalog texts of the problems SPELLED_OUT changes (lupdate reads them here)."""
