"""core.suggest: the figures, the order, the why, covered_by and the drafts, on counts
given by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos_prompter.core.basket_counts import BasketCounts
from pos_prompter.core.catalog import Catalog, Product, Sku
from pos_prompter.core.engine import Engine
from pos_prompter.core.rules import Offer, Rule, RuleId, Scanned, Settings
from pos_prompter.core.suggest import draft_rules, suggest, why_text

CATALOG = Catalog([
    Product(Sku("BEEF"), "Beef Mince", 500, category="meat"),
    Product(Sku("BUNS"), "Burger Buns", 250, category="bakery"),
    Product(Sku("SAUCE"), "Sauce {hot}", 300),
    Product(Sku("WINE"), "Wine", 1200),
])


def engine(*rules: Rule) -> Engine:
    return Engine(CATALOG, rules, Settings())


def cross_sell(rule_id: str, offer: str, *, sku: str | None = None,
               category: str | None = None, active: bool = True) -> Rule:
    scanned = Scanned(skus=frozenset({sku}) if sku else frozenset(),
                      categories=frozenset({category}) if category else frozenset())
    return Rule(id=RuleId(rule_id), kind="cross_sell", title=rule_id, say="{offer}?",
                scanned=scanned, offer=Offer(add=(offer,)), active=active)


COUNTS = BasketCounts(
    orders=1000,
    items={"BEEF": 100, "BUNS": 150, "SAUCE": 200, "WINE": 400},
    pairs={("BEEF", "BUNS"): 45, ("BEEF", "SAUCE"): 40, ("SAUCE", "WINE"): 60,
           ("BUNS", "WINE"): 50},
    min_orders=5)


def test_figures_and_best_first() -> None:
    found = suggest(COUNTS, CATALOG, engine())
    pairs = [(s.trigger, s.offer) for s in found]
    # lift: BEEF-BUNS 3.0, BEEF-SAUCE 2.0, BUNS-WINE 0.83 (left out), SAUCE-WINE 0.75 (left out)
    assert pairs == [("BEEF", "BUNS"), ("BUNS", "BEEF"), ("BEEF", "SAUCE"), ("SAUCE", "BEEF")]
    first = found[0]
    assert (first.orders, first.support, first.confidence) == (45, 0.045, 0.45)
    assert first.lift == pytest.approx(3.0)
    assert found[1].confidence == pytest.approx(0.3)  # same lift: higher confidence first
    assert first.why == "bought together in 45% of orders with Beef Mince, 3.0 times more " \
                        "often than chance"
    assert first.to_json()["support"] == 0.045


def test_why_in_plain_words() -> None:
    assert why_text("Beef", 0.333, 3.04) == ("bought together in 33% of orders with Beef, "
                                             "3.0 times more often than chance")
    assert why_text("Beef", 0.042, 1.234) == ("bought together in 4.2% of orders with Beef, "
                                              "1.23 times more often than chance")


def test_covered_by_uses_the_engines_index() -> None:
    rules = (cross_sell("buns-by-category", "BUNS", category="meat"),
             cross_sell("off", "SAUCE", sku="BEEF", active=False))
    found = {(s.trigger, s.offer): s.covered_by for s in suggest(COUNTS, CATALOG,
                                                                 engine(*rules))}
    assert found[("BEEF", "BUNS")] == "buns-by-category"
    assert found[("BUNS", "BEEF")] is None
    assert found[("BEEF", "SAUCE")] is None  # an inactive rule offers nothing


def test_drafts_skip_covered_and_known_pairs_and_never_clash() -> None:
    store_rules = [cross_sell("suggested-beef-sauce", "WINE", sku="WINE"),
                   cross_sell("old-draft", "BEEF", sku="BUNS", active=False)]
    found = suggest(COUNTS, CATALOG, engine(*store_rules))
    drafts = draft_rules(found, store_rules, 1000, CATALOG, Settings())
    by_pair = {(next(iter(d.scanned.skus)), d.offer.add[0]): d for d in drafts
               if d.scanned is not None}
    # BUNS -> BEEF: the store has an (inactive) rule for it already
    assert set(by_pair) == {("BEEF", "BUNS"), ("BEEF", "SAUCE"), ("SAUCE", "BEEF")}
    assert by_pair[("BEEF", "SAUCE")].id == "suggested-beef-sauce-2"  # the store has -sauce
    assert all(not d.active and d.holdout == Decimal("0.1") for d in drafts)
    assert by_pair[("BEEF", "SAUCE")].why == \
        "40% of customers who buy Beef Mince take Sauce {{hot}} too."
    # 5.00 beef on a 3.00 sauce: needs a ratio of 1.67; 2.50 buns on 5.00 beef: the store's
    assert by_pair[("SAUCE", "BEEF")].max_offer_ratio == Decimal("1.67")
    assert by_pair[("BEEF", "BUNS")].max_offer_ratio is None


def test_drafts_leave_out_offers_over_twice_the_trigger() -> None:
    counts = BasketCounts(orders=100, items={"BUNS": 10, "WINE": 10},
                          pairs={("BUNS", "WINE"): 8}, min_orders=5)
    found = suggest(counts, CATALOG, engine())
    assert [(s.trigger, s.offer) for s in found] == [("BUNS", "WINE"), ("WINE", "BUNS")]
    drafts = draft_rules(found, [], 100, CATALOG, Settings())
    assert [d.offer.add for d in drafts] == [("BUNS",)]  # 12.00 wine on 2.50 buns: no
