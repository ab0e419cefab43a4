"""Lint's `same-offer` (pos_prompter.core.lint_overlap): two active rules that can offer the same
item on one scanned line, where a decline of the first silences the second (issue 13,
point 4). On test_lint's tiny cafe: Latte Tall/Grande/Venti (coffee, hot-drink), Flat White,
Blueberry Muffin and Oat Cookie (bakery, sweet), Espresso Beans, Travel Mug."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from test_lint import catalog, only, rule, run, says
from test_lint_reference import SETTINGS, SMALL_CATALOG, TODAY, packs

from pos_prompter.core.lint import lint
from pos_prompter.core.lint_overlap import same_offers_of
from pos_prompter.core.rules import Rule, Settings, parse_pack


def same_offer(*rules: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f.rule_id, f.severity) for f in run(*rules) if f.code == "same-offer"]


def test_two_rules_offering_the_muffin_on_one_latte_are_one_warning() -> None:
    everyday = rule("everyday", title="Everyday muffin", priority=9)
    new = rule("new-muffin", title="New muffin push", priority=1,
               when={"scanned": {"category": ["coffee"]}})
    f = only(run(everyday, new), "same-offer")
    assert (f.rule_id, f.severity) == ("new-muffin", "warning")
    says(f, '"New muffin push" and "Everyday muffin" both offer Blueberry Muffin',
         "to the same scanned item (for example Latte Tall)",
         'what a customer says no to from "Everyday muffin" is not offered again by '
         '"New muffin push" in that order', fix="offer something else in one of them")


@pytest.mark.parametrize(("when", "offer"), [
    ({"scanned": {"sku": ["LATTE-T"]}}, {"add": ["COOKIE"]}),  # another item
    ({"scanned": {"sku": ["BEANS"]}}, {"add": ["MUFFIN"]}),  # another line
    ({"event": "checkout"}, {"add": ["MUFFIN"]}),  # no line at all
])
def test_rules_that_do_not_meet_on_a_line_and_an_item_are_fine(
        when: dict[str, Any], offer: dict[str, Any]) -> None:
    assert same_offer(rule("a"), rule("b", when=when, offer=offer)) == []


def test_a_tag_meets_a_sku_through_the_catalog() -> None:
    """`hot-drink` and `LATTE-T` meet on the Latte Tall; the bakery's `sweet` tag does not."""
    by_tag = rule("by-tag", when={"scanned": {"tag": ["hot-drink"]}}, priority=2)
    assert same_offer(rule("by-sku"), by_tag) == [("by-sku", "warning")]
    sweet = rule("by-sweet", when={"scanned": {"tag": ["sweet"]}}, offer={"add": ["MUG"]})
    mug = rule("mug", offer={"add": ["MUG"]})
    assert same_offer(mug, sweet) == []


def test_an_inactive_rule_or_other_customers_do_not_count() -> None:
    assert same_offer(rule("a"), rule("b", active=False)) == []
    members = rule("a", when={"scanned": {"sku": ["LATTE-T"]}, "customer": ["member"]})
    staff = rule("b", when={"scanned": {"sku": ["LATTE-T"]}, "customer": ["staff"]})
    assert same_offer(members, staff) == []
    assert same_offer(members, rule("b")) != []


def test_a_set_asked_first_leaves_its_items_to_the_next_rule() -> None:
    """"The set, or else just the muffin": a no to the set is no no to the muffin."""
    deal = rule("deal", kind="bundle", priority=9, say="{offer} for {price}?",
                offer={"bundle": {"with": ["MUFFIN", "COOKIE"], "price": "3.50"}})
    assert same_offer(deal, rule("muffin", priority=1)) == []
    # the other way round the muffin's "no" is the set's end too
    assert same_offer(rule("deal", **{**deal, "priority": 0}),
                      rule("muffin", priority=1)) == [("deal", "warning")]


def test_an_upsell_meets_on_the_size_it_offers() -> None:
    size_up = rule("size-up", kind="upsell", offer={"next_size": True}, say="Bigger?",
                   when={"scanned": {"category": ["coffee"]}})
    grande = rule("grande", kind="upsell", offer={"upgrade_to": "LATTE-G"}, say="Grande?")
    venti = rule("venti", kind="upsell", offer={"upgrade_to": "LATTE-V"}, say="Venti?")
    assert same_offer(size_up, grande) == [("size-up", "warning")]  # Tall -> Grande, both
    assert same_offer(size_up, venti) == []  # next size of a Tall is the Grande


def test_several_items_in_common_are_one_warning_naming_each() -> None:
    a = rule("a", title="Size up", kind="upsell", offer={"next_size": True}, say="Bigger?",
             when={"scanned": {"category": ["coffee"]}}, priority=2)
    b = rule("b", title="Hot drinks bigger", kind="upsell", offer={"next_size": True},
             say="Bigger?", when={"scanned": {"tag": ["hot-drink"]}})
    f = only(run(a, b), "same-offer")
    says(f, '"Hot drinks bigger" and "Size up" both offer Latte Grande and Latte Venti to the '
         'same scanned item (for example Latte Grande)', fix="offer")


def test_a_cross_sell_meets_on_the_item_it_offers_first_not_its_fallbacks() -> None:
    """A cross-sell offers its first candidate; the next only where the order has it (a
    customer who said no to a cookie still hears of the cinnamon roll, the rule's first)."""
    pastry = rule("pastry", offer={"add": ["COOKIE", "MUFFIN"]}, priority=2,
                  when={"scanned": {"category": ["coffee"]}})
    assert same_offer(pastry, rule("muffin")) == []
    assert same_offer(pastry, rule("cookie", offer={"add": ["COOKIE"]})) == [
        ("cookie", "warning")]
    # on an Oat Cookie's own scan (the pastry rule on bakery too) the muffin comes first
    bakery = {**pastry, "when": {"scanned": {"category": ["bakery"]}}}
    muffin_on_cookie = rule("muffin", when={"scanned": {"sku": ["COOKIE"]}})
    assert same_offer(bakery, muffin_on_cookie) == [("muffin", "warning")]


# ---------------------------------------------------------------- what the rule editor asks


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_one_rules_findings_are_the_whole_stores_that_name_it(pack: list[Rule]) -> None:
    """same_offers_of looks at the rules that can offer one of the rule's items only; what
    it finds is what linting the whole store finds about that rule, first or second."""
    assume(len({r.id for r in pack}) == len(pack))
    whole = [f for f in lint(pack, SMALL_CATALOG, SETTINGS, today=TODAY)
             if f.code == "same-offer"]
    for edited in pack:
        named = [f for f in whole
                 if f.rule_id == edited.id or f'"{edited.title}"' in f.message]
        assert same_offers_of(edited, pack, SMALL_CATALOG, SETTINGS) == named


def test_the_editor_hears_of_the_pair_whichever_rule_is_asked_first() -> None:
    pack = parse_pack({"version": 1, "rules": [
        rule("everyday", title="Everyday muffin", priority=9),
        rule("new-muffin", title="New muffin push", priority=1,
             when={"scanned": {"category": ["coffee"]}})]}).rules
    for edited in pack:
        found = same_offers_of(edited, pack, catalog(), Settings())
        assert [(f.rule_id, f.code) for f in found] == [("new-muffin", "same-offer")]
    assert same_offers_of(dataclasses.replace(pack[0], active=False), pack, catalog(),
                          Settings()) == []
