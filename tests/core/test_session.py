"""One order at the till, driven without a screen: every sentence of rule-pack.md's "How prompts
are raised and answered" and "What the engine guarantees", and the spec's four scan scripts.

Figures are worked out by hand from the spec's cafe: Latte Tall 3.45, Grande 3.95, Venti 4.35,
Blueberry Muffin 2.75, Oat Cookie 1.95, Espresso Beans 9.50, Travel Mug 12.00.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rule_helpers import make_rule

from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.engine import Engine, is_held_out
from pos_prompter.core.money import cents_str
from pos_prompter.core.session import OrderSession
from pos_prompter.core.till_event import TillEvent

# `Till` (see conftest.py) wraps OrderSession with a clock and keeps every event.
TillFactory = Callable[..., Any]
SPEC_DIR = Path(__file__).parent / "spec_examples"


def rule(kind: str = "cross_sell", **fields: Any) -> dict[str, Any]:
    return make_rule(kind, default_say="{offer}?", **fields)


def kinds(events: list[TillEvent]) -> list[str]:
    return [e.event for e in events]


# ================================================================ raised and answered


def test_a_scan_queues_the_lines_rules_and_shows_the_first(till: TillFactory) -> None:
    t = till()
    events = t.scan("2100000000012")
    assert kinds(events) == ["line", "prompt"]
    assert t.prompt_rule == "latte-size-up"
    assert [p.rule_id for p in t.session.queue] == ["latte-muffin"]


def test_checkout_raises_the_checkout_rules(till: TillFactory) -> None:
    t = till()
    t.scan("BEANS-250")
    events = t.checkout()
    assert kinds(events) == ["checkout", "prompt"]
    assert t.prompt_rule == "mug-at-checkout"
    assert t.session.in_checkout


def test_scanning_after_checkout_reopens_the_order(till: TillFactory) -> None:
    t = till()
    t.scan("COOKIE")
    assert kinds(t.checkout()) == ["checkout"]  # 1.95 is 13.05 short of 15.00: too far
    events = t.scan("BEANS-250")
    assert kinds(events) == ["line"]
    assert not t.session.in_checkout
    assert t.total == 1145
    assert kinds(t.checkout()) == ["checkout", "prompt"]  # 3.55 short now
    assert t.prompt_rule == "mug-at-checkout"


def test_scan_rules_fire_on_scans_after_checkout(till: TillFactory) -> None:
    t = till()
    t.scan("BEANS-250")
    t.checkout()
    t.decline()
    t.scan("LATTE-T")
    assert t.prompt_rule == "latte-size-up"


# Every rule offers items no other one offers: a declined item is not offered again.
QUEUE_CATALOG = ((SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")
                 + "TOTE,Tote Bag,5.00,2100000000081,retail,,,,,,\n"
                 + "BISCOTTI,Biscotti,1.50,2100000000098,bakery,,,,,,\n")
QUEUE_RULES = [
    rule("bundle", id="z-low", priority=0,
         offer={"bundle": {"with": ["BISCOTTI"], "price": "1.00"}}),
    rule("threshold", id="t-tie", priority=5,
         when={"event": "scan", "scanned": {"category": ["coffee"]}},
         offer={"threshold": {"order_total": "20.00", "reward": "TOTE", "reward_price": "0.00"}}),
    rule("cross_sell", id="c-tie", priority=5, offer={"add": ["MUG"]}),
    rule("cross_sell", id="a-tie", priority=5, offer={"add": ["BEANS-250"]}),
    rule("bundle", id="b-tie", priority=5),
    rule("cross_sell", id="x-top", priority=100, offer={"add": ["COOKIE"]}),
    rule("upsell", id="u-low", priority=1),
    rule("upsell", id="u-high", priority=2, offer={"upgrade_to": "LATTE-V"}),
]


def test_prompts_come_one_at_a_time_in_queue_order(till: TillFactory) -> None:
    t = till(QUEUE_RULES, settings={"max_prompts_per_order": 20, "max_offer_ratio": 10},
             catalog=QUEUE_CATALOG)
    t.scan("LATTE-T")
    for _ in range(8):
        assert len([e for e in t.decline() if e.event == "prompt"]) <= 1
    # Upsells of the line first (by priority), then the others by priority; ties go bundle,
    # cross_sell, threshold, then rule id.
    assert t.prompts() == ["u-high", "u-low", "x-top", "b-tie", "a-tie", "c-tie", "t-tie",
                           "z-low"]


SIZE_UP_THEN_BUNDLE = [
    rule("upsell", id="size-up", priority=10),
    # 3.90 is above 1.0 x a Tall (3.45) but not above 1.0 x a Grande (3.95).
    rule("bundle", id="muffin-deal", priority=5, say="{item} + {offer}",
         offer={"bundle": {"with": ["MUFFIN-B"], "price": "3.90"}}),
]


def test_after_an_accepted_upsell_the_queue_is_judged_on_the_upgraded_product(
        till: TillFactory) -> None:
    t = till(SIZE_UP_THEN_BUNDLE)
    t.scan("LATTE-T")
    t.accept()
    assert t.prompt_rule == "muffin-deal"
    assert t.prompt is not None
    assert t.prompt.say == "Latte Grande + Blueberry Muffin"


def test_after_a_declined_upsell_the_queue_is_judged_on_the_scanned_product(
        till: TillFactory) -> None:
    t = till(SIZE_UP_THEN_BUNDLE)
    t.scan("LATTE-T")
    t.decline()
    assert t.prompt is None  # 3.90 on a 3.45 Tall is over the price ratio
    assert t.prompts() == ["size-up"]


TALL_ONLY = [
    rule("upsell", id="size-up", priority=10),
    rule("cross_sell", id="tall-cookie", when={"scanned": {"sku": ["LATTE-T"]}},
         offer={"add": ["COOKIE"]}),
]


def test_a_queued_rule_whose_scanned_no_longer_matches_drops_out(till: TillFactory) -> None:
    t = till(TALL_ONLY)
    t.scan("LATTE-T")
    t.accept()
    assert t.prompt is None
    assert t.prompts() == ["size-up"]
    assert t.skus() == ["LATTE-G"]


def test_the_same_queued_rule_still_fires_when_the_upsell_is_declined(till: TillFactory) -> None:
    t = till(TALL_ONLY)
    t.scan("LATTE-T")
    t.decline()
    assert t.prompt_rule == "tall-cookie"


def test_a_new_scan_records_the_prompt_as_ignored(till: TillFactory) -> None:
    t = till()
    t.scan("LATTE-T")
    events = t.scan("COOKIE")
    assert kinds(events) == ["ignored", "line"]
    assert events[0].data["rule"] == "latte-size-up"
    assert events[0].total == 345  # recorded before the cookie is added
    assert t.session.answers == {"latte-size-up": "ignored"}


def test_a_new_scan_drops_the_rest_of_the_earlier_queue(till: TillFactory) -> None:
    t = till([rule("upsell", id="size-up", priority=10), rule(id="muffin")])
    t.scan("LATTE-T")
    assert [p.rule_id for p in t.session.queue] == ["muffin"]
    t.scan("BEANS-250")  # beans fire nothing; the muffin offer for the latte is gone
    assert t.prompt is None
    assert t.session.queue == []
    assert t.prompts() == ["size-up"]


def test_paying_with_a_prompt_up_records_it_as_ignored(till: TillFactory) -> None:
    t = till()
    t.scan("LATTE-T")
    events = t.pay()
    assert kinds(events) == ["ignored", "paid"]
    assert t.answers() == [("latte-size-up", "ignored")]
    assert t.session.paid
    assert t.prompt is None
    assert t.session.queue == []
    assert events[-1].total == 345


def test_paying_without_a_prompt_records_nothing_else(till: TillFactory) -> None:
    t = till()
    t.scan("COOKIE")
    assert kinds(t.pay()) == ["paid"]


def test_accepting_an_upsell_replaces_the_trigger_line(till: TillFactory) -> None:
    t = till()
    t.scan("LATTE-T")
    events = t.accept()
    assert events[0].event == "accepted"
    assert events[0].total == 395
    [line] = t.session.lines
    assert (line.no, line.sku, line.name, line.qty, line.unit_price, line.origin,
            line.rule_id, line.replaced_sku) == (
        1, "LATTE-G", "Latte Grande", 1, 395, "upsell", "latte-size-up", "LATTE-T")


def test_an_upsell_keeps_the_quantity(till: TillFactory) -> None:
    t = till([rule("upsell")])
    latte = t.engine.catalog.get("LATTE-T")
    assert latte is not None
    events = t.session.scan(latte, t.now, qty=2)
    assert events[-1].data["offer"]["delta"] == "1.00"  # 2 x (3.95 - 3.45)
    t.accept()
    assert [(ln.sku, ln.qty, ln.amount) for ln in t.session.lines] == [("LATTE-G", 2, 790)]


def test_a_refused_scan_leaves_the_prompt_on_screen(till: TillFactory) -> None:
    # Not a new scan: nothing was added, so the prompt is not "ignored" and its queue stays.
    t = till()
    t.scan("LATTE-T")
    cookie = t.engine.catalog.get("COOKIE")
    assert cookie is not None
    events = t.session.scan(cookie, t.now, qty=0)
    assert kinds(events) == ["error"]
    assert t.prompt_rule == "latte-size-up"
    assert [p.rule_id for p in t.session.queue] == ["latte-muffin"]
    assert t.session.answers == {}


def test_a_refused_scan_does_not_reopen_the_order_after_checkout(till: TillFactory) -> None:
    t = till()
    t.scan("COOKIE")
    t.checkout()
    cookie = t.engine.catalog.get("COOKIE")
    assert cookie is not None
    assert kinds(t.session.scan(cookie, t.now, qty=1000)) == ["error"]
    assert t.session.in_checkout


def test_accepting_a_cross_sell_adds_the_item_at_catalog_price(till: TillFactory) -> None:
    t = till([rule(offer={"add": ["COOKIE"]})])
    t.scan("LATTE-T")
    events = t.accept()
    assert events[0].total == 540  # 3.45 + 1.95
    line = t.session.lines[-1]
    assert (line.sku, line.unit_price, line.origin, line.rule_id, line.list_price) == (
        "COOKIE", 195, "cross_sell", "r", None)


def test_accepting_a_bundle_adds_its_items_for_the_bundle_price(till: TillFactory) -> None:
    t = till([rule("bundle", offer={"bundle": {"with": ["MUFFIN-B", "COOKIE"], "price": "3.00"}})])
    t.scan("LATTE-V")
    t.accept()
    # 3.00 split over 2.75 : 1.95 -> 1.7553 : 1.2447 -> 1.76 and 1.24 (the cent goes to the
    # larger fraction); each line keeps its catalog price beside it.
    bundle = [(ln.sku, ln.unit_price, ln.list_price, ln.origin)
              for ln in t.session.lines if ln.rule_id == "r"]
    assert bundle == [("MUFFIN-B", 176, 275, "bundle"), ("COOKIE", 124, 195, "bundle")]
    assert t.total == 735  # 4.35 + 3.00


MUFFIN_COOKIE_DEAL = rule("bundle", offer={"bundle": {"with": ["MUFFIN-B", "COOKIE"],
                                                      "price": "3.00"}})


def test_voiding_an_item_of_a_bundle_puts_the_rest_back_at_its_price(
        till: TillFactory) -> None:
    """The set price is for the set: without the muffin, the cookie is a cookie."""
    t = till([MUFFIN_COOKIE_DEAL])
    t.scan("LATTE-V")
    t.accept()
    events = t.void("MUFFIN-B")
    assert [(e.event, e.data.get("sku"), e.data.get("price")) for e in events] == [
        ("void", "MUFFIN-B", None), ("price", "COOKIE", "1.95")]
    assert events[-1].data["bundle"] == "r"
    assert [(ln.sku, ln.unit_price, ln.list_price) for ln in t.session.lines] == [
        ("LATTE-V", 435, None), ("COOKIE", 195, None)]
    assert t.total == 435 + 195 == events[-1].total


def test_voiding_the_line_a_bundle_was_sold_with_ends_the_deal(till: TillFactory) -> None:
    t = till([MUFFIN_COOKIE_DEAL])
    t.scan("LATTE-V")
    t.accept()
    t.void("LATTE-V")
    assert [(ln.sku, ln.unit_price) for ln in t.session.lines] == [
        ("MUFFIN-B", 275), ("COOKIE", 195)]
    assert t.total == 275 + 195


def test_a_bundle_keeps_its_price_while_a_line_it_was_offered_on_remains(
        till: TillFactory) -> None:
    t = till([MUFFIN_COOKIE_DEAL])
    t.scan("LATTE-V")
    t.accept()
    t.scan("LATTE-V")                        # a second coffee (the deal is not offered again)
    t.void("LATTE-V")
    assert sum(ln.amount for ln in t.session.lines if ln.origin == "bundle") == 300
    assert t.total == 435 + 300


@pytest.mark.parametrize("price", ["0.01", "0.02", "1.00", "2.99", "4.35"])
def test_bundle_lines_always_add_up_to_the_bundle_price(till: TillFactory, price: str) -> None:
    t = till([rule("bundle", offer={"bundle": {"with": ["MUFFIN-B", "COOKIE", "BEANS-250"],
                                               "price": price}})])
    t.scan("LATTE-V")
    t.accept()
    assert sum(ln.amount for ln in t.session.lines if ln.origin == "bundle") == \
        int(Decimal(price) * 100)


def test_threshold_prompt_tells_the_gap(till: TillFactory) -> None:
    t = till()
    t.scan("BEANS-250")
    t.checkout()
    assert t.prompt is not None
    assert "$5.50" in t.prompt.say  # 15.00 - 9.50


def test_accepting_a_threshold_arms_the_reward_without_adding_it(till: TillFactory) -> None:
    t = till()
    t.scan("BEANS-250")
    t.checkout()
    events = t.accept()
    assert kinds(events) == ["accepted"]
    assert t.session.armed == ["mug-at-checkout"]
    assert t.skus() == ["BEANS-250"]
    assert t.total == 950


def test_the_reward_is_added_when_the_goods_reach_the_total(till: TillFactory) -> None:
    t = till()
    t.scan("BEANS-250")
    t.checkout()
    t.accept()
    t.scan("MUFFIN-B")  # 12.25
    assert "MUG" not in t.skus()
    events = t.scan("MUFFIN-B")  # exactly 15.00
    reward = [e for e in events if e.event == "line" and e.data.get("reward")]
    assert len(reward) == 1
    assert reward[0].data["sku"] == "MUG"
    line = t.session.lines[-1]
    assert (line.sku, line.unit_price, line.list_price, line.origin, line.rule_id) == (
        "MUG", 600, 1200, "reward", "mug-at-checkout")
    assert t.total == 2100


def test_the_reward_is_removed_when_the_total_falls_below_again(till: TillFactory) -> None:
    t = till()
    t.scan("BEANS-250")
    t.checkout()
    t.accept()
    t.scan("MUFFIN-B")
    t.scan("MUFFIN-B")
    events = t.void("MUFFIN-B")  # 12.25 again
    assert kinds(events) == ["void", "void"]
    assert (events[1].data["sku"], events[1].data["reward"]) == ("MUG", "mug-at-checkout")
    assert "MUG" not in t.skus()
    assert t.total == 1225
    t.scan("COOKIE")  # 14.20: still short
    assert "MUG" not in t.skus()
    t.scan("COOKIE")  # 16.15: back over
    assert t.skus().count("MUG") == 1
    assert t.total == 1615 + 600


def test_a_declined_threshold_never_adds_a_reward(till: TillFactory) -> None:
    t = till()
    t.scan("BEANS-250")
    t.checkout()
    t.decline()
    t.scan("BEANS-250")
    assert "MUG" not in t.skus()


def test_an_order_already_past_the_total_gets_no_threshold_prompt(till: TillFactory) -> None:
    t = till()
    t.scan("BEANS-250")
    t.scan("BEANS-250")  # 19.00
    assert kinds(t.checkout()) == ["checkout"]
    t.pay()
    assert "MUG" not in t.skus()
    assert t.total == 1900


# ================================================================ guarantees


def test_a_rule_is_shown_at_most_once_per_order(till: TillFactory) -> None:
    t = till(settings={"max_prompts_per_order": 10})
    t.scan("LATTE-T")
    t.accept()
    t.decline()
    t.scan("LATTE-T")
    assert t.prompt is None
    assert t.prompts() == ["latte-size-up", "latte-muffin"]


def test_a_declined_rule_is_not_offered_again(till: TillFactory) -> None:
    t = till(settings={"max_prompts_per_order": 10})
    t.scan("LATTE-T")
    t.decline()
    t.decline()
    t.scan("LATTE-G")
    assert t.prompt is None
    assert t.answers() == [("latte-size-up", "declined"), ("latte-muffin", "declined")]


def test_an_ignored_rule_is_not_offered_again(till: TillFactory) -> None:
    t = till(settings={"max_prompts_per_order": 10})
    t.scan("LATTE-T")
    t.scan("LATTE-T")
    assert t.prompt_rule != "latte-size-up"


def test_the_declined_rule_is_noted_on_its_line(till: TillFactory) -> None:
    t = till()
    t.scan("LATTE-T")
    t.decline()
    assert t.session.lines[0].declined == ("latte-size-up",)


def test_never_more_prompts_than_the_cap(till: TillFactory) -> None:
    t = till(settings={"max_prompts_per_order": 1})
    t.scan("LATTE-T")
    t.decline()
    assert t.prompt is None  # latte-muffin would fire, but one prompt is the cap
    t.scan("BEANS-250")
    t.checkout()  # 12.95 is within 6.00 of 15.00, but the cap is spent
    assert t.prompts() == ["latte-size-up"]


def test_the_cap_counts_prompts_across_scans_and_checkout(till: TillFactory) -> None:
    t = till()
    t.scan("BEANS-250")
    t.checkout()
    t.decline()
    t.scan("LATTE-T")
    t.decline()
    assert t.prompt is None
    assert t.prompts() == ["mug-at-checkout", "latte-size-up"]


def test_cap_zero_means_no_prompts_at_all(till: TillFactory) -> None:
    t = till(settings={"max_prompts_per_order": 0})
    t.scan("LATTE-T")
    t.scan("BEANS-250")
    t.checkout()
    t.pay()
    assert t.prompts() == []
    assert t.skus() == ["LATTE-T", "BEANS-250"]
    assert t.total == 1295


def test_a_cross_sell_offers_the_next_candidate_when_the_first_is_in_the_order(
        till: TillFactory) -> None:
    t = till([rule(offer={"add": ["COOKIE", "MUFFIN-B"]})])
    t.scan("COOKIE")
    t.scan("LATTE-T")
    assert t.prompt is not None
    assert t.prompt.offer_skus == ("MUFFIN-B",)


def test_an_item_just_accepted_is_not_offered_by_the_next_queued_rule(till: TillFactory) -> None:
    t = till([rule(id="first", priority=2, offer={"add": ["COOKIE"]}),
              rule(id="second", priority=1, offer={"add": ["COOKIE", "MUFFIN-B"]}),
              rule("bundle", id="third", offer={"bundle": {"with": ["MUFFIN-B"], "price": "1"}})],
             settings={"max_prompts_per_order": 5})
    t.scan("LATTE-T")
    t.accept()
    assert t.prompt is not None
    assert (t.prompt.rule_id, t.prompt.offer_skus) == ("second", ("MUFFIN-B",))
    t.accept()
    assert t.prompt is None  # the bundle's muffin is in the order now
    assert t.skus() == ["LATTE-T", "COOKIE", "MUFFIN-B"]


def test_a_bundle_is_not_offered_when_an_item_is_already_in_the_order(till: TillFactory) -> None:
    t = till([rule("bundle", offer={"bundle": {"with": ["COOKIE", "MUFFIN-B"], "price": "3.00"}})])
    t.scan("MUFFIN-B")
    t.scan("LATTE-V")
    assert t.prompt is None


def test_a_threshold_reward_already_in_the_order_is_not_offered(till: TillFactory) -> None:
    t = till([rule("threshold", offer={"threshold": {"order_total": "15.00", "reward": "COOKIE",
                                                     "reward_price": "0.00"}})])
    t.scan("COOKIE")
    t.checkout()
    assert t.prompt is None


def test_no_ford_to_ferrari(till: TillFactory) -> None:
    t = till([rule(offer={"add": ["MUG"]})])
    t.scan("LATTE-T")  # 12.00 on a 3.45 latte is above 1.0 x 3.45
    assert t.prompt is None


def test_a_rule_may_allow_a_bigger_offer(till: TillFactory) -> None:
    t = till([rule(offer={"add": ["MUG"]}, max_offer_ratio=4)])
    t.scan("LATTE-T")  # 12.00 <= 4 x 3.45 = 13.80
    assert t.prompt_rule == "r"


@pytest.mark.parametrize(("cookies", "shown"), [(3, False), (4, True)])
def test_checkout_rules_measure_the_ratio_against_the_order_total(till: TillFactory,
                                                                  cookies: int,
                                                                  shown: bool) -> None:
    # A 6.00 reward: 3 cookies (5.85) are too little, 4 (7.80) enough, though every single
    # line is only 1.95.
    t = till([rule("threshold", offer={"threshold": {"order_total": "15.00", "within": "10.00",
                                                     "reward": "MUG", "reward_price": "6.00"}})])
    for _ in range(cookies):
        t.scan("COOKIE")
    t.checkout()
    assert (t.prompt_rule == "r") is shown


def test_inactive_products_are_never_offered(till: TillFactory) -> None:
    products = parse_catalog_csv((SPEC_DIR / "catalog.csv").read_text(encoding="utf-8"))
    catalog = Catalog(replace(p, active=False) if p.sku in ("LATTE-G", "MUFFIN-B") else p
                      for p in products)
    t = till(settings={"max_prompts_per_order": 5}, catalog=catalog)
    t.scan("LATTE-T")
    assert t.prompt is not None
    assert t.prompt.offer_skus == ("LATTE-V",)  # the Grande is off: next active size up
    t.decline()
    assert t.prompt is None  # the muffin is off: no bundle


@pytest.mark.parametrize(("clock", "fires"), [
    (dt.datetime(2026, 11, 23, 23, 30), True), (dt.datetime(2026, 11, 24, 1, 30), True),
    (dt.datetime(2026, 11, 24, 3, 0), False)])
def test_rules_outside_their_time_window_are_not_prompted(till: TillFactory, clock: dt.datetime,
                                                          fires: bool) -> None:
    t = till([rule(when={"time": {"hours": "22:00-02:00"}})], now=clock)
    t.scan("LATTE-T")
    assert (t.prompt_rule == "r") is fires


def test_the_clock_at_the_answer_judges_what_is_still_queued(till: TillFactory) -> None:
    t = till([rule("upsell", id="size-up", priority=9),
              rule(id="morning", when={"time": {"hours": "06:00-11:00"}})],
             now=dt.datetime(2026, 11, 23, 10, 59))
    t.scan("LATTE-T")
    t.now = dt.datetime(2026, 11, 23, 11, 0)
    t.decline()
    assert t.prompt is None


@pytest.mark.parametrize(("customer", "fires"), [(None, False), ("member", True),
                                                 ("staff", False)])
def test_customer_type_rules(till: TillFactory, customer: str | None, fires: bool) -> None:
    t = till([rule(when={"customer": ["member"]})], customer=customer)
    t.scan("LATTE-T")
    assert (t.prompt_rule == "r") is fires


# ---------------------------------------------------------------- holdout


HOLDOUT_RULES = [
    rule(id="held", priority=5, holdout=0.5, offer={"add": ["COOKIE"]}),
    rule(id="other", priority=1),
]


def order_ids(held: bool) -> list[int]:
    return [i for i in range(1, 200) if is_held_out(i, "held", Decimal("0.5")) is held]


def test_a_held_out_rule_is_not_shown_and_is_logged(till: TillFactory) -> None:
    t = till(HOLDOUT_RULES, settings={"max_prompts_per_order": 1}, order_id=order_ids(True)[0])
    events = t.scan("LATTE-T")
    assert kinds(events) == ["line", "held_out", "prompt"]
    assert events[1].data["rule"] == "held"
    # The held-out rule does not count toward the cap of 1.
    assert t.prompts() == ["other"]
    assert t.session.held_out == ["held"]


def test_a_held_out_rule_stays_held_out_for_the_whole_order(till: TillFactory) -> None:
    t = till(HOLDOUT_RULES, settings={"max_prompts_per_order": 5}, order_id=order_ids(True)[0])
    t.scan("LATTE-T")
    t.decline()
    t.scan("LATTE-G")
    assert [e.event for e in t.events].count("held_out") == 1
    assert "held" not in t.prompts()


def test_an_order_outside_the_holdout_sees_the_rule(till: TillFactory) -> None:
    t = till(HOLDOUT_RULES, settings={"max_prompts_per_order": 1}, order_id=order_ids(False)[0])
    t.scan("LATTE-T")
    t.decline()
    assert t.prompts() == ["held"]
    assert "held_out" not in kinds(t.events)


def test_holdout_is_the_same_for_the_same_order_every_time(till: TillFactory) -> None:
    runs = []
    for _ in range(2):
        t = till(HOLDOUT_RULES, order_id=order_ids(True)[0])
        t.scan("LATTE-T")
        runs.append([e.to_json() for e in t.events])
    assert runs[0] == runs[1]


# ---------------------------------------------------------------- clerk mistakes


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_answering_with_no_prompt_is_an_error_event_not_an_exception(till: TillFactory,
                                                                     answer: str) -> None:
    t = till()
    t.scan("COOKIE")
    events = getattr(t, answer)()
    assert kinds(events) == ["error"]
    assert "no prompt" in events[0].data["message"]
    assert events[0].total == 195
    assert t.skus() == ["COOKIE"]


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_answering_twice_is_an_error_the_second_time(till: TillFactory, answer: str) -> None:
    t = till(settings={"max_prompts_per_order": 1})
    t.scan("LATTE-T")
    getattr(t, answer)()
    assert kinds(getattr(t, answer)()) == ["error"]


def test_set_quantity_of_the_last_line(till: TillFactory) -> None:
    t = till()
    t.scan("COOKIE")
    t.scan("MUFFIN-B")
    events = t.qty(3)
    assert kinds(events) == ["qty"]
    assert [(ln.sku, ln.qty) for ln in t.session.lines] == [("COOKIE", 1), ("MUFFIN-B", 3)]
    assert events[0].total == 195 + 3 * 275


def test_a_quantity_after_the_scan_keeps_the_prompt_with_figures_for_the_whole_line(
        till: TillFactory) -> None:
    """ "Two lattes": scan, then 2. The size-up stays up, priced for both cups."""
    t = till()
    t.scan("LATTE-T")
    assert t.prompt_rule == "latte-size-up"
    assert t.prompt.delta == 50
    events = t.qty(2)
    assert kinds(events) == ["qty", "prompt"]
    assert events[1].data["updated"] is True
    assert t.prompt.delta == 100
    assert "$1.00" in t.prompt.say
    assert t.session.shown == ["latte-size-up"], "the same prompt, not shown twice"
    assert [p.rule_id for p in t.session.queue] == ["latte-muffin"], "the queue stays"
    events = t.accept()
    assert [(ln.sku, ln.qty) for ln in t.session.lines] == [("LATTE-G", 2)]
    assert events[0].total == 2 * 395
    assert t.prompt_rule == "latte-muffin"


def test_a_quantity_that_puts_the_prompt_out_of_bounds_drops_it_for_the_next(
        till: TillFactory) -> None:
    """Beans at 9.50 are in proportion to three lattes (10.35), not to one (3.45)."""
    t = till([rule(id="beans", offer={"add": ["BEANS-250"]}, max_offer_ratio=1,
                   priority=9),
              rule(id="cookie", offer={"add": ["COOKIE"]}, priority=1)])
    product = t.engine.catalog.get("LATTE-T")
    t.session.scan(product, t.now, qty=3)
    assert t.prompt_rule == "beans"
    events = t.qty(1)
    assert kinds(events) == ["qty", "ignored", "prompt"]
    assert events[1].data["rule"] == "beans"
    assert t.prompt_rule == "cookie"


def test_a_quantity_that_leaves_the_figures_as_they_were_says_nothing_more(
        till: TillFactory) -> None:
    t = till([rule(id="cookie", offer={"add": ["COOKIE"]})])
    t.scan("LATTE-T")
    before = t.prompt
    assert kinds(t.qty(2)) == ["qty"]
    assert t.prompt == before


@pytest.mark.parametrize("qty", [0, -1, 1000])
def test_an_impossible_quantity_is_an_error(till: TillFactory, qty: int) -> None:
    t = till()
    t.scan("COOKIE")
    assert kinds(t.qty(qty)) == ["error"]
    assert t.session.lines[0].qty == 1


def test_quantity_with_no_line_is_an_error(till: TillFactory) -> None:
    assert kinds(till().qty(2)) == ["error"]


def test_void_removes_the_last_line_with_that_sku(till: TillFactory) -> None:
    t = till()
    t.scan("COOKIE")
    t.scan("MUFFIN-B")
    t.scan("COOKIE")
    events = t.void("COOKIE")
    assert kinds(events) == ["void"]
    assert events[0].data["line"] == 3
    assert [ln.no for ln in t.session.lines] == [1, 2]
    assert t.total == 470


def test_void_of_a_sku_not_in_the_order_is_an_error(till: TillFactory) -> None:
    t = till()
    t.scan("COOKIE")
    assert kinds(t.void("MUG")) == ["error"]
    assert t.skus() == ["COOKIE"]


def test_line_numbers_are_never_reused(till: TillFactory) -> None:
    t = till()
    t.scan("COOKIE")
    t.void("COOKIE")
    events = t.scan("COOKIE")
    assert events[0].data["line"] == 2


# ---------------------------------------------------------------- events and persistence


def test_events_carry_the_total_after_what_they_report(till: TillFactory) -> None:
    t = till()
    line = t.scan("LATTE-T")[0]
    accepted = t.accept()[0]
    assert line.to_json() == {"event": "line", "order": 1, "sku": "LATTE-T", "qty": 1,
                              "line": 1, "price": "3.45", "total": "3.45"}
    assert accepted.to_json()["event"] == "accepted"
    assert accepted.to_json()["total"] == "3.95"


def test_prompt_event_shape(till: TillFactory) -> None:
    t = till()
    prompt = t.scan("LATTE-T")[1].to_json()
    assert prompt["event"] == "prompt"
    assert prompt["rule"] == "latte-size-up"
    assert prompt["kind"] == "upsell"
    assert prompt["say"] == "Would you like to make that a Grande for just $0.50 more?"
    assert prompt["offer"]["sku"] == "LATTE-G"
    assert prompt["offer"]["delta"] == "0.50"
    assert prompt["evidence"]
    assert prompt["total"] == "3.45"
    json.dumps(prompt)


def replay(session: OrderSession, steps: list[tuple[str, ...]], now: dt.datetime
           ) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for step in steps:
        name, *args = step
        if name == "scan":
            product = session.engine.catalog.lookup(args[0])
            assert product is not None
            events = session.scan(product, now)
        elif name in ("accept", "decline", "checkout"):
            events = getattr(session, name)(now)
        elif name == "pay":
            events = session.pay()
        elif name == "qty":
            events = session.set_qty(int(args[0]), now)
        else:
            events = session.void(args[0])
        out += [e.to_json() for e in events]
    return out


@pytest.mark.parametrize("rest", [
    [("accept",), ("accept",), ("scan", "COOKIE"), ("checkout",), ("pay",)],
    [("decline",), ("accept",), ("scan", "COOKIE"), ("scan", "COOKIE"), ("pay",)],
    [("scan", "MUFFIN-B"), ("scan", "COOKIE"), ("void", "BEANS-250"), ("pay",)],
    [("qty", "2"), ("checkout",), ("pay",)],
])
def test_a_session_restored_from_its_state_continues_identically(
        till: TillFactory, rest: list[tuple[str, ...]]) -> None:
    t = till(settings={"max_prompts_per_order": 3})
    t.scan("BEANS-250")
    t.checkout()
    t.accept()  # the mug reward is armed
    t.scan("LATTE-T")  # the size-up is on screen, the bundle queued
    assert t.prompt is not None
    assert t.session.queue
    state = json.loads(json.dumps(t.session.to_state()))
    restored = OrderSession.from_state(state, t.engine)
    assert restored.to_state() == t.session.to_state()
    assert replay(restored, rest, t.now) == replay(t.session, rest, t.now)
    assert restored.to_state() == t.session.to_state()


def test_restored_state_keeps_held_out_rules_and_answers(till: TillFactory) -> None:
    t = till(HOLDOUT_RULES, settings={"max_prompts_per_order": 3}, order_id=order_ids(True)[0])
    t.scan("LATTE-T")
    t.decline()
    state = json.loads(json.dumps(t.session.to_state()))
    restored = OrderSession.from_state(state, t.engine)
    assert restored.held_out == ["held"]
    assert restored.answers == {"other": "declined"}
    events = replay(restored, [("scan", "LATTE-G")], t.now)
    assert [e["event"] for e in events] == ["line"]


# ================================================================ the spec's scan scripts


EXPECT_RE = re.compile(
    r"^#\s*expect\s+(?P<key>[a-z-]+)(?:\s+(?P<rule>[a-z0-9-]+))?\s*:\s*(?P<value>.*?)\s*$")


@dataclass
class Expected:
    prompts: list[str] | None = None
    answers: list[str] | None = None
    paid: list[str] | None = None
    offers: dict[str, str] = field(default_factory=dict)
    say_contains: dict[str, str] = field(default_factory=dict)


def read_expectations(text: str) -> Expected:
    expected = Expected()
    for line in text.splitlines():
        m = EXPECT_RE.match(line.strip())
        if not m:
            assert not line.lstrip().startswith("# expect"), f"unreadable expectation: {line}"
            continue
        key, rule_id, value = m["key"], m["rule"], m["value"]
        if key in ("prompts", "answers", "paid"):
            assert rule_id is None
            setattr(expected, key, value.split())
        elif key == "offer":
            expected.offers[rule_id] = " ".join(value.split())
        elif key == "say-contains":
            expected.say_contains[rule_id] = value
        else:
            raise AssertionError(f"unknown expectation {key!r} in: {line}")
    return expected


@dataclass
class Played:
    events: list[TillEvent]
    errors: list[str]

    def prompts(self) -> list[TillEvent]:
        return [e for e in self.events if e.event == "prompt"]


def play(text: str, engine: Engine) -> Played:
    """Run a scan script (shared/spec/scan-script.md) against OrderSession; `pay` closes the
    order and the next command starts a new one."""
    now = dt.datetime(2026, 1, 1, 12, 0)
    session: OrderSession | None = None
    next_order = 1
    customer: str | None = None
    events: list[TillEvent] = []
    errors: list[str] = []

    def current() -> OrderSession:
        nonlocal session, next_order
        if session is None or session.paid:
            session = OrderSession(next_order, engine, customer=customer)
            next_order += 1
        return session

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        command, _, arg = line.partition(" ")
        arg = arg.strip()
        if command == "time":
            now = dt.datetime.fromisoformat(arg)
        elif command == "clerk":
            pass
        elif command == "customer":
            customer = arg or None
        elif command == "scan":
            product = engine.catalog.lookup(arg)
            if product is None:
                errors.append(f"line {number}: unknown barcode {arg}")
                continue
            events += current().scan(product, now)
        elif command in ("accept", "decline", "checkout"):
            events += getattr(current(), command)(now)
        elif command == "qty":
            events += current().set_qty(int(arg), now)
        elif command == "void":
            events += current().void(arg)
        elif command == "pay":
            events += current().pay()
        else:
            raise AssertionError(f"line {number}: unknown command {command!r}")
    errors += [e.data["message"] for e in events if e.event == "error"]
    return Played(events, errors)


SCRIPTS = sorted(SPEC_DIR.glob("*.txt"))


def test_there_are_four_spec_scripts() -> None:
    assert [p.name[:2] for p in SCRIPTS] == ["01", "02", "03", "04"]


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_spec_script(script: Path, spec_engine: Engine) -> None:
    text = script.read_text(encoding="utf-8")
    expected = read_expectations(text)
    played = play(text, spec_engine)
    assert played.errors == []
    prompts = played.prompts()
    if expected.prompts is not None:
        assert [e.data["rule"] for e in prompts] == expected.prompts
    if expected.answers is not None:
        assert [e.event for e in played.events
                if e.event in ("accepted", "declined", "ignored")] == expected.answers
    if expected.paid is not None:
        assert [cents_str(e.total) for e in played.events if e.event == "paid"] == expected.paid
    for rule_id, offer in expected.offers.items():
        [shown] = [e for e in prompts if e.data["rule"] == rule_id]
        assert f"{shown.data['offer']['sku']} {shown.data['offer']['delta']}" == offer
    for rule_id, words in expected.say_contains.items():
        [shown] = [e for e in prompts if e.data["rule"] == rule_id]
        assert words in shown.data["say"]


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_spec_script_events_are_json_lines(script: Path, spec_engine: Engine) -> None:
    played = play(script.read_text(encoding="utf-8"), spec_engine)
    for event in played.events:
        line = json.loads(json.dumps(event.to_json()))
        assert {"event", "order", "total"} <= set(line)
        assert re.fullmatch(r"-?\d+\.\d\d", line["total"])


def test_expectation_reader_reads_every_kind_of_line() -> None:
    expected = read_expectations(
        "# expect prompts: a b\n# expect answers: accepted ignored\n# expect paid: 1.00 2.50\n"
        "# expect offer a: X-1  0.50\n# expect say-contains b: 5.50 away\nscan X\n")
    assert expected == Expected(prompts=["a", "b"], answers=["accepted", "ignored"],
                                paid=["1.00", "2.50"], offers={"a": "X-1 0.50"},
                                say_contains={"b": "5.50 away"})


def test_script_player_starts_a_new_order_after_pay(spec_engine: Engine) -> None:
    played = play("scan COOKIE\npay\nscan COOKIE\nscan COOKIE\npay\n", spec_engine)
    paid = [(e.order, cents_str(e.total)) for e in played.events if e.event == "paid"]
    assert paid == [(1, "1.95"), (2, "3.90")]
