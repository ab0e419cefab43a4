"""A rule in the manager's words, in the window's language: core.rule_words' trigger and
offer phrases (core.said sentences: their English is the core's own, word for word) said
through i18n.say."""

from __future__ import annotations

from pos_prompter.core import rule_words as core_words
from pos_prompter.core.catalog import Catalog
from pos_prompter.core.money import format_money
from pos_prompter.core.rule_words import Money
from pos_prompter.core.rules import Rule
from pos_prompter.i18n import say


def tag_name(slug: str) -> str:
    """A tag as words: "casual-shoe" -> "any casual shoe" ("cualquier casual shoe")."""
    return say(core_words.tag_name(slug))


def trigger_words(rule: Rule, catalog: Catalog) -> str:
    """What sets `rule` off, by names (core.rule_words.trigger_words, said)."""
    return say(core_words.trigger_words(rule, catalog))


def offer_words(rule: Rule, catalog: Catalog, money: Money = format_money) -> str:
    """What `rule` offers, by product names (core.rule_words.offer_words, said)."""
    return say(core_words.offer_words(rule, catalog, money))
