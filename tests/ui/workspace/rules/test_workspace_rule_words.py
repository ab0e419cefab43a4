"""A rule's trigger and offer in the manager's words, in the window's language: in English
the core's own phrases (core.rule_words), in Spanish through the catalog."""

from __future__ import annotations

from typing import Any

import pytest
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name

from pos_prompter import i18n
from pos_prompter.core import rule_words as core_words
from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.rules import Rule, parse_rule
from pos_prompter.ui.workspace.rules.rule_words import offer_words, tag_name, trigger_words

CATALOG = Catalog([Product("LATTE-T", "Latte Tall", 350, category="coffee",
                           tags=frozenset({"hot-drink"})),
                   Product("COOKIE", "Cookie", 200, category="bakery"),
                   Product("MUFFIN", "Muffin", 250, category="bakery")])
NAMES = ["Latte Tall", "Cookie", "Muffin", "Coffee", "hot drink", "$2.00", "$0.00", "$10.00",
         "$5.00"]


def rule(kind: str, offer: dict[str, Any], when: dict[str, Any]) -> Rule:
    return parse_rule({"id": "a-rule", "kind": kind, "title": "A rule", "when": when,
                       "offer": offer, "say": "Hello"}, 0)


RULES = [
    rule("cross_sell", {"add": ["COOKIE", "MUFFIN"]},
         {"scanned": {"category": ["coffee"], "tag": ["hot-drink"], "sku": ["LATTE-T"]}}),
    rule("upsell", {"next_size": True}, {"scanned": {"sku": ["LATTE-T"]}}),
    rule("bundle", {"bundle": {"with": ["COOKIE", "MUFFIN"], "price": "5.00"}},
         {"scanned": {"sku": ["LATTE-T"]}}),
    rule("threshold", {"threshold": {"order_total": "10.00", "reward": "COOKIE",
                                     "reward_price": "0.00"}}, {"event": "checkout"}),
    rule("threshold", {"threshold": {"order_total": "10.00", "reward": "COOKIE",
                                     "reward_price": "2.00"}}, {"event": "checkout"}),
]


@pytest.mark.parametrize("case", RULES)
def test_english_is_the_core_s_own(case: Rule) -> None:
    i18n.use_language("en")
    assert trigger_words(case, CATALOG) == core_words.trigger_words(case, CATALOG)
    assert offer_words(case, CATALOG) == core_words.offer_words(case, CATALOG)
    assert tag_name("hot-drink") == core_words.tag_name("hot-drink")


@pytest.mark.usefixtures("spanish")
@pytest.mark.parametrize("case", RULES)
def test_spanish(case: Rule) -> None:
    for text in (trigger_words(case, CATALOG), offer_words(case, CATALOG)):
        assert english_left(text, NAMES) == [], text
    assert tag_name("hot-drink") == "cualquier hot drink"
