"""core.rule_words under the Spanish catalog: its rewordings of parse_rule's problems and its
phrases for a rule are core.said sentences, so i18n.say gives them in Spanish with the
values they quote kept; English is the core's own, word for word (issue 14.3)."""

from __future__ import annotations

import pytest

from pos_prompter import i18n
from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.rule_words import manager_message, offer_words, trigger_words
from pos_prompter.core.rules import parse_rule
from pos_prompter.core.said import Said

CATALOG = Catalog([Product("COOKIE", "Cookie", 200, category="bakery"),
                   Product("MUFFIN", "Muffin", 250, category="bakery")])
RULE = parse_rule({"id": "a-rule", "kind": "cross_sell", "title": "A rule",
                   "when": {"scanned": {"category": ["hot-drinks"], "tag": ["oat-milk"]}},
                   "offer": {"add": ["COOKIE", "MUFFIN"]}, "say": "Hello"}, 0)


def test_english_is_the_core_s_own() -> None:
    assert manager_message("offer.add", "needs at least one sku") == (
        "needs at least one product to offer")
    assert manager_message("offer.add", "'X' is not a valid sku") == "'X' is not a product code"
    assert trigger_words(RULE, CATALOG) == "Hot drinks, any oat milk"
    assert offer_words(RULE, CATALOG) == "+ Cookie or Muffin"


@pytest.mark.usefixtures("spanish")
def test_spanish_says_them_with_their_values_kept() -> None:
    said = [manager_message("offer.add", "needs at least one sku"),
            manager_message("offer.add", "'X' is not a valid sku"),
            trigger_words(RULE, CATALOG), offer_words(RULE, CATALOG)]
    assert all(isinstance(text, Said) for text in said)
    assert [i18n.say(text) for text in said] == [
        "necesita al menos un producto que ofrecer", "'X' no es un código de producto",
        "Hot drinks, cualquier oat milk", "+ Cookie o Muffin"]


def test_a_message_with_no_rewording_comes_back_as_parse_rule_wrote_it() -> None:
    problem = Said("problems", "must be above 0")
    assert manager_message("priority", problem) is problem
