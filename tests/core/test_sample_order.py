"""A sample order from a rule's own trigger (issue 13, point 13): the preview's start."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pos_prompter.core.catalog import Catalog, Product, Sku
from pos_prompter.core.rules import Rule, parse_rule
from pos_prompter.core.sample_order import sample_for, sample_time

CATALOG = Catalog([
    Product(Sku("LATTE-G"), "Latte Grande", 475, category="coffee", family="latte",
            size_rank=2, size_label="Grande"),
    Product(Sku("LATTE-T"), "Latte Tall", 425, category="coffee", family="latte",
            size_rank=1, size_label="Tall"),
    Product(Sku("COOKIE"), "Cookie", 225, category="bakery"),
    Product(Sku("BEANS"), "Beans", 1300, category="retail", tags=frozenset({"beans"})),
    Product(Sku("MUG"), "Mug", 1800, category="retail"),
    Product(Sku("OLD"), "Old", 100, category="coffee", active=False),
])


def rule(**raw: object) -> Rule:
    base = {"id": "r", "kind": "cross_sell", "title": "T", "say": "?",
            "offer": {"add": ["COOKIE"]}, "when": {"scanned": {"category": ["coffee"]}}}
    return parse_rule({**base, **raw}, 1)


def test_the_trigger_comes_last_and_fits_the_offer() -> None:
    assert sample_for(rule(), CATALOG) == ["LATTE-G"]
    size_up = rule(kind="upsell", offer={"next_size": True})
    assert sample_for(size_up, CATALOG) == ["LATTE-T"], "one with a next size"
    dear = rule(offer={"add": ["MUG"]})  # 18.00 on a 4.75 latte: over 1.0x everywhere
    assert sample_for(dear, CATALOG, Decimal(4)) == ["LATTE-G"]
    assert sample_for(rule(when={"scanned": {"category": ["coffee"]},
                                 "order": {"has": ["tag:beans"]}}), CATALOG) == \
        ["BEANS", "LATTE-G"]
    assert sample_for(rule(when={"scanned": {"sku": ["OLD"]}}), CATALOG) == [], \
        "nothing for sale sets it off"


def test_a_threshold_sample_stands_just_below_its_total() -> None:
    mug = rule(kind="threshold", when={"event": "checkout"},
               offer={"threshold": {"order_total": "20.00", "within": "6.00", "reward": "MUG",
                                    "reward_price": "9.00"}})
    skus = sample_for(mug, CATALOG)
    total = sum(CATALOG.get(s).price for s in skus)  # type: ignore[union-attr]
    assert 1400 <= total < 2000, skus
    assert "MUG" not in skus


def test_the_clock_moves_into_the_rules_hours() -> None:
    morning = rule(when={"scanned": {"category": ["coffee"]}, "time": {"hours": "06:00-11:00"}})
    evening = dt.datetime(2026, 11, 23, 20, 0)
    assert sample_time(morning, evening) == dt.datetime(2026, 11, 23, 6, 10)
    weekend = rule(when={"scanned": {"category": ["coffee"]}, "time": {"days": ["sat"]}})
    assert sample_time(weekend, evening).date() == dt.date(2026, 11, 28)
    assert sample_time(morning, dt.datetime(2026, 11, 23, 8, 0)) == \
        dt.datetime(2026, 11, 23, 8, 0)
    assert sample_time(rule(), evening) == evening
