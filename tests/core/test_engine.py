"""The engine judges one rule against one order: which prompts fire, why not, with what words.

Expected figures are worked out by hand from the spec's cafe (catalog.csv): Latte Tall 3.45,
Grande 3.95, Venti 4.35, Blueberry Muffin 2.75, Oat Cookie 1.95, Beans 9.50, Travel Mug 12.00.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rule_helpers import make_rule

from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.engine import (
    AttachRate,
    Engine,
    FixedHistory,
    OrderView,
    Prompt,
    Skip,
    is_held_out,
)
from pos_prompter.core.order import OrderLine

MONDAY = dt.datetime(2026, 11, 23, 8, 15)
SPEC_CSV = (Path(__file__).parent / "spec_examples" / "catalog.csv").read_text(encoding="utf-8")

EngineFor = Callable[..., Engine]


def catalog_with_inactive(*skus: str) -> Catalog:
    return Catalog(replace(p, active=False) if p.sku in skus else p
                   for p in parse_catalog_csv(SPEC_CSV))


def order(engine: Engine, *skus: str, customer: str | None = None,
          shown: tuple[str, ...] = (), qty: dict[str, int] | None = None,
          order_id: int = 1) -> OrderView:
    """An order of these SKUs at catalog prices, lines numbered 1, 2, ..."""
    lines = []
    for no, sku in enumerate(skus, start=1):
        product = engine.catalog.get(sku)
        assert product is not None
        lines.append(OrderLine(no=no, sku=sku, name=product.name, qty=(qty or {}).get(sku, 1),
                               unit_price=product.price))
    return OrderView(order_id=order_id, lines=tuple(lines), customer=customer,
                     shown=frozenset(shown), prompts_shown=len(shown))


def rule(kind: str = "cross_sell", **fields: Any) -> dict[str, Any]:
    return make_rule(kind, default_say="Offer {offer}?", **fields)


def check(engine: Engine, view: OrderView, rule_id: str = "r", trigger: int | None = 1,
          now: dt.datetime = MONDAY) -> Prompt | Skip:
    the_rule = engine.rules[rule_id]
    if the_rule.event == "checkout":
        trigger = None
    return engine.check(the_rule, view, trigger, now)


def fired(result: Prompt | Skip) -> Prompt:
    assert isinstance(result, Prompt), result
    return result


# ---------------------------------------------------------------- the spec's three rules


def test_spec_size_up_on_a_tall_latte(spec_engine: Engine) -> None:
    prompt = fired(check(spec_engine, order(spec_engine, "LATTE-T"), "latte-size-up"))
    assert prompt.say == "Would you like to make that a Grande for just $0.50 more?"
    # Per oz: Tall 3.45/12 = 0.2875, Grande 3.95/16 = 0.246875; 1 - 0.246875/0.2875 = 14.1%.
    assert prompt.why == "A Grande is 4 oz more for $0.50: 14% cheaper per oz."
    assert (prompt.offer_skus, prompt.price, prompt.delta, prompt.trigger_line, prompt.kind) == (
        ("LATTE-G",), 395, 50, 1, "upsell")


def test_size_up_figures_follow_the_line_quantity(spec_engine: Engine) -> None:
    view = order(spec_engine, "LATTE-T", qty={"LATTE-T": 2})
    prompt = fired(check(spec_engine, view, "latte-size-up"))
    assert (prompt.price, prompt.delta) == (790, 100)
    assert "$1.00" in prompt.say


def test_spec_bundle_on_a_latte(spec_engine: Engine) -> None:
    prompt = fired(check(spec_engine, order(spec_engine, "LATTE-T"), "latte-muffin"))
    assert prompt.say == "A blueberry muffin with that for just $2.00? You save $0.75."
    assert (prompt.offer_skus, prompt.price, prompt.delta) == (("MUFFIN-B",), 200, 200)


def test_spec_threshold_at_checkout(spec_engine: Engine) -> None:
    prompt = fired(check(spec_engine, order(spec_engine, "BEANS-250"), "mug-at-checkout"))
    assert prompt.say == "You're $5.50 away from our travel mug at half price."
    assert (prompt.offer_skus, prompt.price, prompt.delta, prompt.trigger_line) == (
        ("MUG",), 600, 600, None)


@pytest.mark.parametrize(
    ("rule_id", "skus", "words"),
    [("latte-size-up", ("LATTE-T",), "$0.50"), ("latte-muffin", ("LATTE-T",), "$0.75"),
     ("mug-at-checkout", ("BEANS-250",), "$5.50")],
)
def test_every_prompt_carries_evidence(spec_engine: Engine, rule_id: str,
                                       skus: tuple[str, ...], words: str) -> None:
    prompt = fired(check(spec_engine, order(spec_engine, *skus), rule_id, trigger=len(skus)))
    assert prompt.evidence
    assert any(words in line for line in prompt.evidence), prompt.evidence


def test_no_sales_history_means_no_attach_rate(engine_for: EngineFor) -> None:
    engine = engine_for([rule(say="[{attach_rate}]")])
    prompt = fired(check(engine, order(engine, "LATTE-T")))
    assert prompt.say == "[]"


def test_attach_rate_from_sales_history(engine_for: EngineFor) -> None:
    history = FixedHistory({("LATTE-T", "MUFFIN-B"): AttachRate(Decimal("0.25"), 40, 90)})
    engine = engine_for([rule(say="{attach_rate} of latte buyers take a muffin.")],
                        history=history)
    prompt = fired(check(engine, order(engine, "LATTE-T")))
    assert prompt.say == "25% of latte buyers take a muffin."
    assert any("25%" in line and "40" in line for line in prompt.evidence), prompt.evidence


def test_braces_in_product_names_are_shown_literally(engine_for: EngineFor) -> None:
    catalog = Catalog(parse_catalog_csv(
        "sku,name,price,category\nT,{offer} {item.__class__},3.00,coffee\n"
        "O,Mug {0} {{x}} {price},1.00,retail\n"))
    engine = engine_for([rule(say="{item} / {offer} / {price}", offer={"add": ["O"]})],
                        catalog=catalog)
    prompt = fired(check(engine, order(engine, "T")))
    assert prompt.say == "{offer} {item.__class__} / Mug {0} {{x}} {price} / $1.00"


def test_money_in_prompts_uses_the_store_currency(engine_for: EngineFor) -> None:
    engine = engine_for([rule()], settings={"currency": "CHF"})
    prompt = fired(check(engine, order(engine, "LATTE-T"), trigger=1))
    assert prompt.evidence[0].endswith("2.75 CHF")


# ---------------------------------------------------------------- why a rule does not fire


def skip_case(rules: list[dict[str, Any]], skus: tuple[str, ...], words: str, **extra: Any
              ) -> Any:
    return pytest.param(rules, skus, words, extra, id=extra.pop("id"))


SKIPS = [
    skip_case([rule(active=False)], ("LATTE-T",), "inactive", id="rule-inactive"),
    skip_case([rule()], ("LATTE-T",), "already offered", id="already-shown", shown=("r",)),
    skip_case([rule()], ("LATTE-T",), "had its 1 prompt", id="cap",
              settings={"max_prompts_per_order": 1}, shown=("other",)),
    skip_case([rule()], ("LATTE-T",), "gone", id="trigger-line-gone", trigger=9),
    skip_case([rule(when={"scanned": {"sku": ["LATTE-V"]}})], ("LATTE-T",), "does not match",
              id="scanned-does-not-match"),
    skip_case([rule(when={"time": {"hours": "12:00-13:00"}})], ("LATTE-T",), "time window",
              id="time-window"),
    skip_case([rule(when={"customer": ["member"]})], ("LATTE-T",), "customer type",
              id="customer-type"),
    skip_case([rule(when={"order": {"total_min": "5.00"}})], ("LATTE-T",), "below 5.00",
              id="total-min"),
    skip_case([rule(when={"order": {"total_max": "3.00"}})], ("LATTE-T",), "above 3.00",
              id="total-max"),
    skip_case([rule(when={"order": {"has": ["sku:COOKIE"]}})], ("LATTE-T",),
              "has no sku:COOKIE", id="order-has"),
    skip_case([rule(when={"order": {"lacks": ["tag:hot-drink"]}})], ("LATTE-T",),
              "already has tag:hot-drink", id="order-lacks"),
    skip_case([rule(holdout="0.999999")], ("LATTE-T",), "holdout", id="holdout"),
    skip_case([rule("upsell")], ("LATTE-V",), "largest size", id="upsell-top-of-ladder"),
    skip_case([rule("upsell", offer={"upgrade_to": "LATTE-G"})], ("LATTE-T",),
              "no active product", id="upsell-target-inactive", inactive=("LATTE-G",)),
    skip_case([rule("upsell", offer={"upgrade_to": "LATTE-T"})], ("LATTE-G",), "costs less",
              id="upsell-to-cheaper"),
    skip_case([rule("upsell", offer={"upgrade_to": "LATTE-T"})], ("LATTE-T",),
              "already Latte Tall", id="upsell-to-itself"),
    skip_case([rule(offer={"add": ["COOKIE", "MUFFIN-B"]})], ("COOKIE", "MUFFIN-B", "LATTE-T"),
              "already in the order", id="cross-sell-all-in-order", trigger=3),
    skip_case([rule()], ("LATTE-T",), "unavailable", id="cross-sell-inactive",
              inactive=("MUFFIN-B",)),
    skip_case([rule("bundle")], ("MUFFIN-B", "LATTE-T"), "already in the order",
              id="bundle-item-in-order", trigger=2),
    skip_case([rule("bundle")], ("LATTE-T",), "not available", id="bundle-item-inactive",
              inactive=("MUFFIN-B",)),
    skip_case([rule("threshold")], ("BEANS-250", "BEANS-250"), "already past",
              id="threshold-already-past"),
    skip_case([rule("threshold")], ("COOKIE",), "more than $6.00", id="threshold-too-far"),
    skip_case([rule("threshold", offer={"threshold": {"order_total": "15.00", "reward": "COOKIE",
                                                      "reward_price": "0.00"}})],
              ("BEANS-250", "COOKIE"), "Oat Cookie is already in the order",
              id="threshold-reward-in-order"),
    skip_case([rule("threshold")], ("BEANS-250",), "not available",
              id="threshold-reward-inactive", inactive=("MUG",)),
    skip_case([rule(offer={"add": ["MUG"]})], ("LATTE-T",), "price ratio", id="price-ratio"),
]


@pytest.mark.parametrize(("rules", "skus", "words", "extra"), SKIPS)
def test_check_says_why_a_rule_does_not_fire(engine_for: EngineFor, rules: list[dict[str, Any]],
                                             skus: tuple[str, ...], words: str,
                                             extra: dict[str, Any]) -> None:
    extra = dict(extra)
    catalog = catalog_with_inactive(*extra.pop("inactive", ()))
    engine = engine_for(rules, settings=extra.pop("settings", None), catalog=catalog)
    view = order(engine, *skus, shown=extra.pop("shown", ()))
    if engine.rules["r"].holdout:
        assert is_held_out(view.order_id, "r", engine.rules["r"].holdout)  # set-up check
    result = check(engine, view, trigger=extra.pop("trigger", len(skus)))
    assert isinstance(result, Skip), result
    assert words in result.reason
    assert result.reason[0].isalpha()
    assert "None" not in result.reason


# ---------------------------------------------------------------- offers


def test_cross_sell_offers_the_first_candidate_not_in_the_order(engine_for: EngineFor) -> None:
    engine = engine_for([rule(offer={"add": ["COOKIE", "MUFFIN-B"]})])
    assert fired(check(engine, order(engine, "LATTE-T"))).offer_skus == ("COOKIE",)
    in_order = order(engine, "COOKIE", "LATTE-T")
    assert fired(check(engine, in_order, trigger=2)).offer_skus == ("MUFFIN-B",)


def test_cross_sell_skips_an_inactive_candidate(engine_for: EngineFor) -> None:
    engine = engine_for([rule(offer={"add": ["COOKIE", "MUFFIN-B"]})],
                        catalog=catalog_with_inactive("COOKIE"))
    assert fired(check(engine, order(engine, "LATTE-T"))).offer_skus == ("MUFFIN-B",)


def test_cross_sell_is_at_catalog_price(engine_for: EngineFor) -> None:
    engine = engine_for([rule()])
    prompt = fired(check(engine, order(engine, "LATTE-T")))
    assert (prompt.price, prompt.delta) == (275, 275)


def test_next_size_skips_an_inactive_size(engine_for: EngineFor) -> None:
    engine = engine_for([rule("upsell", say="{size} for {delta}")],
                        catalog=catalog_with_inactive("LATTE-G"))
    prompt = fired(check(engine, order(engine, "LATTE-T")))
    assert prompt.offer_skus == ("LATTE-V",)
    assert prompt.say == "Venti for $0.90"


def test_bundle_of_two_items_names_both_and_its_saving(engine_for: EngineFor) -> None:
    engine = engine_for([rule("bundle", say="{offer} for {price}, save {saving}",
                              offer={"bundle": {"with": ["MUFFIN-B", "COOKIE"], "price": "3.00"}})])
    prompt = fired(check(engine, order(engine, "LATTE-V")))
    # 2.75 + 1.95 = 4.70 separately; 4.70 - 3.00 = 1.70 saved.
    assert prompt.say == "Blueberry Muffin + Oat Cookie for $3.00, save $1.70"
    assert prompt.offer_skus == ("MUFFIN-B", "COOKIE")


def test_threshold_within_is_inclusive(engine_for: EngineFor) -> None:
    # 9.50 + 1.95 = 11.45: the gap to 15.00 is 3.55, exactly `within`.
    engine = engine_for([rule("threshold", offer={"threshold": {
        "order_total": "15.00", "within": "3.55", "reward": "MUG", "reward_price": "0.00"}})])
    assert fired(check(engine, order(engine, "BEANS-250", "COOKIE"))).say == "Offer Travel Mug?"


def test_threshold_without_within_prompts_at_any_distance(engine_for: EngineFor) -> None:
    engine = engine_for([rule("threshold", say="{gap}", offer={"threshold": {
        "order_total": "15.00", "reward": "MUG", "reward_price": "0.00"}})])
    assert fired(check(engine, order(engine, "COOKIE"))).say == "$13.05"


def test_threshold_at_exactly_the_total_is_already_past(engine_for: EngineFor) -> None:
    engine = engine_for([rule("threshold")])
    # 9.50 + 2.75 + 2.75 = 15.00
    result = check(engine, order(engine, "BEANS-250", "MUFFIN-B", "MUFFIN-B"))
    assert isinstance(result, Skip)


# ---------------------------------------------------------------- price ratio guardrail


@pytest.mark.parametrize(("price", "shown"), [("3.45", True), ("3.46", False), ("0.00", True)])
def test_price_ratio_limit_is_inclusive(engine_for: EngineFor, price: str, shown: bool) -> None:
    engine = engine_for([rule("bundle", offer={"bundle": {"with": ["MUFFIN-B"], "price": price}})])
    assert isinstance(check(engine, order(engine, "LATTE-T")), Prompt) is shown


@pytest.mark.parametrize(("ratio", "shown"), [(None, False), (3, False), (4, True), (3.48, True)])
def test_no_ford_to_ferrari_unless_the_rule_allows_it(engine_for: EngineFor, ratio: Any,
                                                      shown: bool) -> None:
    # A 12.00 mug on a 3.45 latte: 12.00 / 3.45 = 3.478...
    extra = {} if ratio is None else {"max_offer_ratio": ratio}
    engine = engine_for([rule(offer={"add": ["MUG"]}, **extra)])
    assert isinstance(check(engine, order(engine, "LATTE-T")), Prompt) is shown


def test_store_ratio_applies_when_the_rule_has_none(engine_for: EngineFor) -> None:
    engine = engine_for([rule(offer={"add": ["MUG"]})], settings={"max_offer_ratio": 4})
    assert isinstance(check(engine, order(engine, "LATTE-T")), Prompt)


def test_rule_ratio_overrides_a_looser_store_ratio(engine_for: EngineFor) -> None:
    engine = engine_for([rule(offer={"add": ["MUG"]}, max_offer_ratio=1)],
                        settings={"max_offer_ratio": 4})
    assert isinstance(check(engine, order(engine, "LATTE-T")), Skip)


def test_upsell_ratio_is_on_what_it_adds_not_on_the_new_price(engine_for: EngineFor) -> None:
    # Tall -> Venti adds 0.90, far below 0.5 x 3.45, though Venti itself costs 4.35.
    engine = engine_for([rule("upsell", offer={"upgrade_to": "LATTE-V"}, max_offer_ratio=0.5)])
    assert isinstance(check(engine, order(engine, "LATTE-T")), Prompt)


@pytest.mark.parametrize(("skus", "shown"), [(("BEANS-250", "COOKIE"), False),
                                             (("BEANS-250", "LATTE-T"), True)])
def test_checkout_rules_measure_the_ratio_against_the_order_total(
        engine_for: EngineFor, skus: tuple[str, ...], shown: bool) -> None:
    # A 12.00 mug at checkout: 11.45 in the order is too little, 12.95 is enough, although
    # no single line costs 12.00.
    engine = engine_for([rule(when={"event": "checkout", "scanned": None},
                              offer={"add": ["MUG"]})])
    assert isinstance(check(engine, order(engine, *skus)), Prompt) is shown


# ---------------------------------------------------------------- when: time, customer, order


def hours_rule(hours: str) -> list[dict[str, Any]]:
    return [rule(when={"time": {"hours": hours}})]


@pytest.mark.parametrize(
    ("at", "fires"),
    [("23:30", True), ("01:30", True), ("03:00", False), ("22:00", True), ("21:59", False),
     ("00:00", True), ("01:59", True), ("02:00", False), ("12:00", False)],
)
def test_time_window_wrapping_midnight(engine_for: EngineFor, at: str, fires: bool) -> None:
    engine = engine_for(hours_rule("22:00-02:00"))
    now = dt.datetime.combine(dt.date(2026, 11, 23), dt.time.fromisoformat(at))
    assert isinstance(check(engine, order(engine, "LATTE-T"), now=now), Prompt) is fires


@pytest.mark.parametrize(
    ("at", "fires"),
    [("05:59", False), ("06:00", True), ("10:59", True), ("11:00", False)],
)
def test_time_window_in_one_day(engine_for: EngineFor, at: str, fires: bool) -> None:
    engine = engine_for(hours_rule("06:00-11:00"))
    now = dt.datetime.combine(dt.date(2026, 11, 23), dt.time.fromisoformat(at))
    assert isinstance(check(engine, order(engine, "LATTE-T"), now=now), Prompt) is fires


@pytest.mark.parametrize(
    ("day", "fires"),
    [(dt.date(2026, 11, 23), False), (dt.date(2026, 11, 27), False),  # Mon, Fri
     (dt.date(2026, 11, 28), True), (dt.date(2026, 11, 29), True)],  # Sat, Sun
)
def test_days_of_the_week(engine_for: EngineFor, day: dt.date, fires: bool) -> None:
    engine = engine_for([rule(when={"time": {"days": ["sat", "sun"]}})])
    now = dt.datetime.combine(day, dt.time(9, 0))
    assert isinstance(check(engine, order(engine, "LATTE-T"), now=now), Prompt) is fires


@pytest.mark.parametrize(
    ("now", "fires"),
    [(dt.datetime(2026, 11, 30, 23, 59), False), (dt.datetime(2026, 12, 1, 0, 0), True),
     (dt.datetime(2026, 12, 24, 23, 59), True), (dt.datetime(2026, 12, 25, 0, 0), False)],
)
def test_date_range_is_inclusive(engine_for: EngineFor, now: dt.datetime, fires: bool) -> None:
    engine = engine_for([rule(when={"time": {"from": "2026-12-01", "to": "2026-12-24"}})])
    assert isinstance(check(engine, order(engine, "LATTE-T"), now=now), Prompt) is fires


@pytest.mark.parametrize(("customer", "fires"), [(None, False), ("member", True),
                                                 ("staff", True), ("guest", False)])
def test_customer_types(engine_for: EngineFor, customer: str | None, fires: bool) -> None:
    engine = engine_for([rule(when={"customer": ["member", "staff"]})])
    view = order(engine, "LATTE-T", customer=customer)
    assert isinstance(check(engine, view), Prompt) is fires


@pytest.mark.parametrize(
    ("condition", "fires"),
    [
        ({"has": ["sku:COOKIE"]}, True),
        ({"has": ["sku:MUFFIN-B"]}, False),
        ({"has": ["category:bakery"]}, True),
        ({"has": ["category:retail"]}, False),
        ({"has": ["tag:vegan"]}, True),
        ({"has": ["tag:hot-drink"]}, True),  # the trigger line counts
        ({"has": ["sku:COOKIE", "tag:vegan"]}, True),
        ({"has": ["sku:COOKIE", "sku:MUG"]}, False),  # all must be present
        ({"lacks": ["category:retail"]}, True),
        ({"lacks": ["tag:vegan"]}, False),
        ({"lacks": ["sku:MUG", "category:bakery"]}, False),  # none may be present
        ({"lacks": ["sku:MUG", "sku:BEANS-250"]}, True),
        ({"total_min": "5.40"}, True),  # 3.45 + 1.95 = 5.40
        ({"total_min": "5.41"}, False),
        ({"total_max": "5.40"}, True),
        ({"total_max": "5.39"}, False),
        ({"total_min": "5.00", "total_max": "6.00", "has": ["tag:vegan"]}, True),
    ],
)
def test_order_conditions(engine_for: EngineFor, condition: dict[str, Any], fires: bool) -> None:
    engine = engine_for([rule(when={"order": condition})])
    view = order(engine, "LATTE-T", "COOKIE")
    assert isinstance(check(engine, view, trigger=1), Prompt) is fires


def test_a_rule_without_scanned_fires_on_any_scan(engine_for: EngineFor) -> None:
    engine = engine_for([rule(when={"scanned": None}, offer={"add": ["COOKIE"]})])
    beans = engine.catalog.get("BEANS-250")
    assert beans is not None
    assert [r.id for r in engine.scan_candidates(beans)] == ["r"]
    assert isinstance(check(engine, order(engine, "BEANS-250")), Prompt)


# ---------------------------------------------------------------- queue order


def test_scan_candidates_queue_order(engine_for: EngineFor) -> None:
    engine = engine_for([
        rule("bundle", id="z-low", priority=0),
        rule("threshold", id="t-tie", priority=5, when={"event": "scan",
                                                        "scanned": {"category": ["coffee"]}}),
        rule("cross_sell", id="c-tie", priority=5),
        rule("cross_sell", id="a-tie", priority=5),
        rule("bundle", id="b-tie", priority=5),
        rule("cross_sell", id="x-top", priority=100),
        rule("upsell", id="u-low", priority=1),
        rule("upsell", id="u-high", priority=2, offer={"upgrade_to": "LATTE-V"}),
    ])
    latte = engine.catalog.get("LATTE-T")
    assert latte is not None
    # Upsells of the line first by priority; then the others by priority; ties bundle,
    # cross_sell, threshold, then rule id.
    assert [r.id for r in engine.scan_candidates(latte)] == [
        "u-high", "u-low", "x-top", "b-tie", "a-tie", "c-tie", "t-tie", "z-low"]


def test_checkout_candidates_queue_order(engine_for: EngineFor) -> None:
    checkout = {"event": "checkout", "scanned": None}
    engine = engine_for([
        rule("threshold", id="t-five", priority=5),
        rule("cross_sell", id="c-five", priority=5, when=checkout),
        rule("bundle", id="b-five", priority=5, when=checkout),
        rule("cross_sell", id="c-nine", priority=9, when=checkout),
        rule("threshold", id="a-five", priority=5),
    ])
    assert [r.id for r in engine.checkout_candidates()] == [
        "c-nine", "b-five", "c-five", "a-five", "t-five"]


def test_a_rule_matching_several_ways_is_queued_once(engine_for: EngineFor) -> None:
    engine = engine_for([rule(when={"scanned": {"sku": ["LATTE-T"], "category": ["coffee"],
                                                "tag": ["hot-drink"]}})])
    latte = engine.catalog.get("LATTE-T")
    assert latte is not None
    assert [r.id for r in engine.scan_candidates(latte)] == ["r"]


def test_inactive_rules_are_never_candidates(engine_for: EngineFor) -> None:
    engine = engine_for([rule(active=False), rule("threshold", id="t", active=False)])
    latte = engine.catalog.get("LATTE-T")
    assert latte is not None
    assert engine.scan_candidates(latte) == []
    assert engine.checkout_candidates() == []


def test_rules_match_by_sku_category_or_tag(engine_for: EngineFor) -> None:
    engine = engine_for([
        rule(id="by-sku", when={"scanned": {"sku": ["COOKIE"]}}),
        rule(id="by-category", when={"scanned": {"category": ["bakery"]}}),
        rule(id="by-tag", when={"scanned": {"tag": ["vegan"]}}),
        rule(id="other", when={"scanned": {"tag": ["hot-drink"]}}),
    ])
    cookie, muffin = engine.catalog.get("COOKIE"), engine.catalog.get("MUFFIN-B")
    assert cookie is not None
    assert muffin is not None
    assert sorted(r.id for r in engine.scan_candidates(cookie)) == [
        "by-category", "by-sku", "by-tag"]
    assert [r.id for r in engine.scan_candidates(muffin)] == ["by-category"]


# ---------------------------------------------------------------- holdout draw


def test_holdout_share_zero_never_holds_out() -> None:
    assert not any(is_held_out(order_id, "r", Decimal(0)) for order_id in range(2000))


def test_holdout_draw_is_the_same_every_time() -> None:
    first = [is_held_out(i, "latte-size-up", Decimal("0.3")) for i in range(300)]
    again = [is_held_out(i, "latte-size-up", Decimal("0.3")) for i in range(300)]
    assert first == again


def test_holdout_draw_is_the_same_in_another_process() -> None:
    # Not Python's per-process salted hash(), not a random call.
    code = ("from decimal import Decimal\nfrom pos_prompter.core.engine import is_held_out\n"
            "print(''.join('1' if is_held_out(i, 'latte-size-up', Decimal('0.5')) else '0' "
            "for i in range(300)))")
    here = "".join("1" if is_held_out(i, "latte-size-up", Decimal("0.5")) else "0"
                   for i in range(300))
    root = Path(__file__).resolve().parents[2]
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join(filter(None, [str(root),
                                                           os.environ.get("PYTHONPATH")]))}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True).stdout.strip()
        assert out == here


def test_holdout_share_is_roughly_the_share_of_orders() -> None:
    held = sum(is_held_out(i, "latte-muffin", Decimal("0.5")) for i in range(2000))
    assert 900 < held < 1100
    held = sum(is_held_out(i, "latte-muffin", Decimal("0.1")) for i in range(2000))
    assert 140 < held < 260


def test_holdout_draw_differs_between_rules() -> None:
    a = [is_held_out(i, "rule-a", Decimal("0.5")) for i in range(200)]
    b = [is_held_out(i, "rule-b", Decimal("0.5")) for i in range(200)]
    assert a != b


@given(st.integers(0, 10**9), st.sampled_from(["a", "latte-size-up", "x-1"]),
       st.decimals(min_value=0, max_value=Decimal("0.99"), places=2),
       st.decimals(min_value=0, max_value=Decimal("0.99"), places=2))
def test_a_bigger_holdout_only_adds_orders(order_id: int, rule_id: str, s1: Decimal,
                                          s2: Decimal) -> None:
    small, big = sorted((s1, s2))
    if is_held_out(order_id, rule_id, small):
        assert is_held_out(order_id, rule_id, big)
