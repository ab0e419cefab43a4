"""The rule form's problems in the window's language. parse_rule's problems carry their
catalog text (core.said) and are said by i18n.say; core.rule_words' rewordings of them are
still English text (matched here by their English patterns, the values they quote kept)
until they carry theirs too. A problem no pattern knows is shown as the core wrote it."""

from __future__ import annotations

from pos_prompter.core.said import Said
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say
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
    # core.rule_words' one change of a problem it does not reword
    (r"(?P<value>.+) must be a share from 0 up to \(not including\) 1, with at most "
     r"(?P<places>\d+) decimals",
     QT_TRANSLATE_NOOP("problems", "{value} must be a share from 0 up to (not including) 1, "
                       "with at most {places} decimals")),
)
"""(the core's English problem as a pattern, its text for the catalog)."""

_REWORDED = SaidAgain("problems", PROBLEMS)


def problem_text(text: str) -> str:
    """A problem of the rule form in the current language: a core sentence (core.said) said
    by i18n.say; an English rewording by its pattern (as it is when no pattern knows it)."""
    if isinstance(text, Said):
        return say(text)
    return _REWORDED(text)
