"""The rule form's and the settings page's problems in the window's language: parse_rule's
and core.store_settings' checks and core.rule_words' rewordings of them (the core writes
English: it imports no Qt) matched by their English patterns, the values they quote kept
as they are. A problem no pattern knows is shown as the core wrote it."""

from __future__ import annotations

from pos_prompter.i18n import QT_TRANSLATE_NOOP
from pos_prompter.i18n.said_again import SaidAgain

PROBLEMS: tuple[tuple[str, str], ...] = (
    # core.rule_words' rewordings (what the form shows for parse_rule's problems)
    (r"is required \(a short code such as (?P<example>\S+), kept in the reports\)",
     QT_TRANSLATE_NOOP("problems", "is required (a short code such as {example}, kept in "
                       "the reports)")),
    (r"(?P<value>.+) cannot be a rule code: use lower-case letters, digits and dashes "
     r"\(at most 64\), such as (?P<example>\S+)",
     QT_TRANSLATE_NOOP("problems", "{value} cannot be a rule code: use lower-case letters, "
                       "digits and dashes (at most 64), such as {example}")),
    (r"needs at least one product to go with the scanned item",
     QT_TRANSLATE_NOOP("problems", "needs at least one product to go with the scanned item")),
    (r"needs at least one product to offer",
     QT_TRANSLATE_NOOP("problems", "needs at least one product to offer")),
    (r"(?P<value>.+) is not a product, category or tag: pick one from the list",
     QT_TRANSLATE_NOOP("problems", "{value} is not a product, category or tag: pick one from "
                       "the list")),
    (r"pick at least one product, category or tag that sets the rule off",
     QT_TRANSLATE_NOOP("problems", "pick at least one product, category or tag that sets the "
                       "rule off")),
    (r"at checkout nothing is being scanned: clear the scanned products, categories and "
     r"tags, and use “Order has all of” to look at the order",
     QT_TRANSLATE_NOOP("problems", "at checkout nothing is being scanned: clear the scanned "
                       "products, categories and tags, and use “Order has all of” to look "
                       "at the order")),
    (r"an upsell swaps the item just scanned for a better one, so it runs when an item is "
     r"scanned, not at checkout",
     QT_TRANSLATE_NOOP("problems", "an upsell swaps the item just scanned for a better one, "
                       "so it runs when an item is scanned, not at checkout")),
    (r"choose the product to upgrade to, or the next size up",
     QT_TRANSLATE_NOOP("problems", "choose the product to upgrade to, or the next size up")),
    (r"(?P<value>.+) is not a product code",
     QT_TRANSLATE_NOOP("problems", "{value} is not a product code")),
    (r"names the same product twice",
     QT_TRANSLATE_NOOP("problems", "names the same product twice")),
    # parse_rule's own
    (r"is required \(a short name for the rule\)",
     QT_TRANSLATE_NOOP("problems", "is required (a short name for the rule)")),
    (r"is required \(what the clerk reads to the customer\)",
     QT_TRANSLATE_NOOP("problems", "is required (what the clerk reads to the customer)")),
    (r"is required", QT_TRANSLATE_NOOP("problems", "is required")),
    (r"must be above 0", QT_TRANSLATE_NOOP("problems", "must be above 0")),
    (r"(?P<value>.+) must be a whole number from (?P<low>\S+) to (?P<high>\S+)",
     QT_TRANSLATE_NOOP("problems", "{value} must be a whole number from {low} to {high}")),
    (r"(?P<value>.+) must be a share from 0 up to \(not including\) 1, with at most "
     r"(?P<places>\d+) decimals",
     QT_TRANSLATE_NOOP("problems", "{value} must be a share from 0 up to (not including) 1, "
                       "with at most {places} decimals")),
    (r"(?P<value>.+) must be a number above 0 and at most (?P<most>\S+), with at most "
     r"(?P<places>\d+) decimals",
     QT_TRANSLATE_NOOP("problems", "{value} must be a number above 0 and at most {most}, "
                       "with at most {places} decimals")),
    (r"(?P<value>.+) is not a number", QT_TRANSLATE_NOOP("problems", "{value} is not a number")),
    (r"total_min is above total_max: it can never hold",
     QT_TRANSLATE_NOOP("problems", "the lowest total is above the highest: it can never "
                       "hold")),
    (r"from is after to: the rule can never fire",
     QT_TRANSLATE_NOOP("problems", "the first date is after the last: the rule can never "
                       "fire")),
    (r"(?P<value>.+) is not a date like (?P<example>\S+)",
     QT_TRANSLATE_NOOP("problems", "{value} is not a date like {example}")),
    (r"(?P<value>.+) is not like \"06:00-11:00\"",
     QT_TRANSLATE_NOOP("problems", "{value} is not like \"06:00-11:00\"")),
    (r"(?P<value>.+) is not a valid time range",
     QT_TRANSLATE_NOOP("problems", "{value} is not a valid time range")),
    (r"(?P<value>.+) is an empty time window",
     QT_TRANSLATE_NOOP("problems", "{value} is an empty time window")),
    (r"(?P<value>.+) is not an amount with at most 2 decimals, like \"3.45\"",
     QT_TRANSLATE_NOOP("problems", "{value} is not an amount with at most 2 decimals, like "
                       "\"3.45\"")),
    (r"(?P<value>.+) is not an amount of money",
     QT_TRANSLATE_NOOP("problems", "{value} is not an amount of money")),
    (r"(?P<value>.+) is negative", QT_TRANSLATE_NOOP("problems", "{value} is negative")),
    (r"(?P<value>.+) has more than 2 decimals",
     QT_TRANSLATE_NOOP("problems", "{value} has more than 2 decimals")),
    (r"(?P<value>.+) is more than the largest amount, (?P<most>\S+)",
     QT_TRANSLATE_NOOP("problems", "{value} is more than the largest amount, {most}")),
    (r"(?P<value>.+) is not a valid (?P<what>sku|category|tag|customer type)",
     QT_TRANSLATE_NOOP("problems", "{value} is not a valid {what}")),
    # the store settings' checks (core.store_settings)
    (r"(?P<value>.+) must be a 3-letter code such as USD",
     QT_TRANSLATE_NOOP("problems", "{value} must be a 3-letter code such as USD")),
    (r"must be on or off", QT_TRANSLATE_NOOP("problems", "must be on or off")),
    (r"(?P<value>.+) must be a whole number >= 1",
     QT_TRANSLATE_NOOP("problems", "{value} must be a whole number >= 1")),
    (r"(?P<value>.+) must be one of (?P<choices>[a-z, ]+)",
     QT_TRANSLATE_NOOP("problems", "{value} must be one of {choices}")),
    (r"may not be empty", QT_TRANSLATE_NOOP("problems", "may not be empty")),
    (r"(?P<value>.+) must be at most (?P<most>\d+) printable characters",
     QT_TRANSLATE_NOOP("problems", "{value} must be at most {most} printable characters")),
    (r"placeholder (?P<name>\{\S+\}) is not allowed \(allowed: (?P<known>.+)\)",
     QT_TRANSLATE_NOOP("problems", "placeholder {name} is not allowed (allowed: {known})")),
    (r"placeholder (?P<name>\{\S+\}) may not have a format or conversion",
     QT_TRANSLATE_NOOP("problems", "placeholder {name} may not have a format or "
                       "conversion")),
)
"""(the core's English problem as a pattern, its text for the catalog)."""

problem_text = SaidAgain("problems", PROBLEMS)
"""A problem of the rule form in the current language (as it is when no pattern knows
it)."""
