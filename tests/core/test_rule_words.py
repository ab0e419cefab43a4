"""A rule in a manager's words (issue 13, point 11): names for the list, sentences for the
form's problems; and which problems a form shows yet (point 12)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos_prompter.core.catalog import Catalog, Product, Sku
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.rule_words import manager_message, offer_words, trigger_words
from pos_prompter.core.rules import Rule, parse_rule
from pos_prompter.ui.workspace.field_touch import RULE_FORM_GROUPS, FieldTouch

CATALOG = Catalog([Product(Sku("SOCK-CREW-3"), "Crew Socks 3-pack", 1400),
                   Product(Sku("SOCK-ANKLE-3"), "No-show Socks 3-pack", 1200),
                   Product(Sku("TOTE"), "Canvas Tote", 800),
                   Product(Sku("SNK-RUN"), "Pacer Runner", 6900, unit_qty=Decimal(1))])


def rule(**raw: object) -> Rule:
    base = {"id": "r", "kind": "cross_sell", "title": "T", "say": "?",
            "offer": {"add": ["SOCK-CREW-3", "SOCK-ANKLE-3"]}}
    return parse_rule({**base, **raw}, 1)


def test_the_list_names_products_categories_and_tags_with_codes_on_demand() -> None:
    socks = rule(when={"scanned": {"tag": ["casual-shoe"], "category": ["other-drinks"],
                                   "sku": ["SNK-RUN"]}})
    assert trigger_words(socks, CATALOG) == "Other drinks, any casual shoe, Pacer Runner"
    assert offer_words(socks, CATALOG) == "+ Crew Socks 3-pack or No-show Socks 3-pack"
    assert trigger_words(socks, CATALOG, codes=True) == "other-drinks, #casual-shoe, SNK-RUN"
    assert offer_words(socks, CATALOG, codes=True) == "+ SOCK-CREW-3 or SOCK-ANKLE-3"
    tote = rule(kind="threshold", when={"event": "checkout"},
                offer={"threshold": {"order_total": "100.00", "reward": "TOTE",
                                     "reward_price": "0.00"}})
    assert trigger_words(tote, CATALOG) == "at checkout"
    assert offer_words(tote, CATALOG) == "Canvas Tote free from $100.00"
    assert offer_words(rule(offer={"add": ["GONE"]}), CATALOG) == "+ GONE", "unknown: its code"


@pytest.mark.parametrize(("raw", "field", "words"), [
    ({"offer": {"add": []}}, "offer.add", "needs at least one product to offer"),
    ({"kind": "bundle", "offer": {"bundle": {"with": [], "price": "1.00"}}},
     "offer.bundle.with", "needs at least one product to go with"),
    ({"id": ""}, "id", "is required (a short code"),
    ({"id": "Big Deal"}, "id", "'Big Deal' cannot be a rule code"),
    ({"when": {"scanned": {"sku": ["SNK-RUN"]}, "order": {"has": ["socks"]}}},
     "when.order.has", "'socks' is not a product, category or tag"),
    ({"when": {"scanned": {}}}, "when.scanned", "pick at least one product, category or tag"),
    ({"kind": "upsell", "offer": {}}, "offer", "choose the product to upgrade to"),
])
def test_problems_are_said_in_a_managers_words(raw: dict[str, object], field: str,
                                               words: str) -> None:
    with pytest.raises(ValidationError) as raised:
        rule(**raw)
    found = [p.split(f"field {field}: ", 1)[1] for p in raised.value.problems
             if f"field {field}: " in p]
    assert found, raised.value.problems
    said = manager_message(field, found[0])
    assert words in said
    for code in ("sku", "sku:X", "slug", "upgrade_to", "next_size"):
        assert code not in said


def test_a_form_shows_a_fields_problems_once_touched_and_all_after_publish() -> None:
    touch = FieldTouch(RULE_FORM_GROUPS)
    problems = {"id": ["is required"], "add": ["needs a product"], "offer": ["x"], "": ["y"]}
    assert touch.visible(problems) == {}
    assert touch.touch("id")
    assert not touch.touch("id")
    assert touch.visible(problems) == {"id": ["is required"], "": ["y"]}
    touch.touch("kind")  # a field of the offer section: its own problems show
    assert set(touch.visible(problems)) == {"id", "offer", ""}
    touch.show_all()
    assert touch.visible(problems) == problems
    touch.reset()
    assert touch.visible(problems) == {}
