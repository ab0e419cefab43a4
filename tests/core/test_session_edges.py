"""Edges found by reading the session closely: rewards turned down, fair control groups,
paid orders, and overnight windows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pos_prompter.core.engine import is_held_out

MONDAY_0815 = dt.datetime(2026, 11, 23, 8, 15)
Till = Any  # tests/core/conftest.py's order driver, through the `till` fixture

MUG_RULES = """
- id: mug-at-checkout
  kind: threshold
  title: Mug for 15
  when: {event: checkout}
  offer: {threshold: {order_total: "15.00", within: "6.00", reward: MUG, reward_price: "6.00"}}
  say: "You're {gap} away from our travel mug at half price."
"""


def test_a_customer_can_turn_a_reward_down(till: Callable[..., Till]) -> None:
    t = till(MUG_RULES)
    t.scan("BEANS-250")
    t.checkout()
    t.accept()
    t.scan("BEANS-250")                      # 19.00: the mug is added at 6.00
    assert t.skus() == ["BEANS-250", "BEANS-250", "MUG"]
    t.void("MUG")                            # "no thanks, I have one"
    assert t.skus() == ["BEANS-250", "BEANS-250"]
    t.scan("COOKIE")                         # still above 15.00: it does not come back
    assert "MUG" not in t.skus()


def held_out_order(rule_id: str, share: str, *, want: bool) -> int:
    return next(o for o in range(1, 10_000) if is_held_out(o, rule_id, Decimal(share)) == want)


def test_only_orders_that_would_have_seen_the_prompt_join_the_control_group(
        till: Callable[..., Till]) -> None:
    rules = """
- id: cookie-with-latte
  kind: cross_sell
  title: Cookie
  when: {scanned: {sku: [LATTE-T]}}
  offer: {add: [COOKIE]}
  say: "A cookie?"
  holdout: 0.5
"""
    order = held_out_order("cookie-with-latte", "0.5", want=True)
    blocked = till(rules, order_id=order)
    blocked.scan("COOKIE")
    blocked.scan("LATTE-T")                  # the cookie is already there: no prompt at all
    assert not [e for e in blocked.events if e.event == "held_out"]

    held = till(rules, order_id=order)
    held.scan("LATTE-T")                     # would have been shown: control group
    assert [e.data["rule"] for e in held.events if e.event == "held_out"] == \
        ["cookie-with-latte"]
    assert held.prompts() == []


def test_a_paid_order_takes_no_more_scans(till: Callable[..., Till]) -> None:
    t = till()
    t.scan("COOKIE")
    t.pay()
    [event] = t.scan("COOKIE")
    assert event.event == "error"
    assert t.skus() == ["COOKIE"]


def test_an_overnight_window_belongs_to_the_evening_it_starts(
        till: Callable[..., Till]) -> None:
    rules = """
- id: late-cookie
  kind: cross_sell
  title: Friday late cookie
  when: {scanned: {sku: [LATTE-T]}, time: {hours: "22:00-02:00", days: [fri]}}
  offer: {add: [COOKIE]}
  say: "A cookie for the night?"
"""
    friday = MONDAY_0815 + dt.timedelta(days=4)
    cases = {
        friday.replace(hour=23, minute=30): True,
        (friday + dt.timedelta(days=1)).replace(hour=1, minute=0): True,   # Sat 01:00
        friday.replace(hour=1, minute=0): False,                          # Thu night's
        (friday + dt.timedelta(days=1)).replace(hour=23, minute=0): False,  # Sat evening
    }
    for when, fires in cases.items():
        t = till(rules, now=when)
        t.scan("LATTE-T")
        assert (t.prompts() == ["late-cookie"]) is fires, when


def test_a_reward_item_the_customer_scans_is_repriced_never_doubled(
        till: Callable[..., Till]) -> None:
    """Spec: "never offers an item that is already in the order (... threshold reward)";
    and the reward unlocks when "the order total without the reward reaches order_total"."""
    t = till(MUG_RULES)
    catalog = t.engine.catalog
    beans, mug = catalog.get("BEANS-250").price, catalog.get("MUG").price
    t.scan("BEANS-250")
    t.checkout()
    t.accept()                               # armed: the mug at 6.00 from 15.00
    t.scan("MUG")                            # their own mug: without it the order is 9.50
    assert [(ln.sku, ln.unit_price) for ln in t.session.lines] == [
        ("BEANS-250", beans), ("MUG", mug)]
    t.scan("BEANS-250")                      # 19.00 without the mug: it becomes the reward
    assert [(ln.sku, ln.unit_price) for ln in t.session.lines] == [
        ("BEANS-250", beans), ("MUG", 600), ("BEANS-250", beans)]
    assert t.total == 2 * beans + 600
    t.void("BEANS-250")                      # back below: their mug is theirs at its price
    assert [(ln.sku, ln.unit_price) for ln in t.session.lines] == [
        ("BEANS-250", beans), ("MUG", mug)]
    assert t.total == beans + mug


def test_a_reward_taken_back_from_several_scanned_gives_the_unit_back(
        till: Callable[..., Till]) -> None:
    """Two mugs scanned, one becomes the reward; the total falls back: both mugs are
    still on the order at their price (the customer is never charged for fewer items
    than they put down, nor more)."""
    t = till(MUG_RULES)
    catalog = t.engine.catalog
    beans, mug = catalog.get("BEANS-250").price, catalog.get("MUG").price
    t.scan("BEANS-250")
    t.checkout()
    t.accept()
    t.scan("MUG")
    t.qty(2)                                 # 33.50, 21.50 without one mug: one is the reward
    assert sorted((ln.sku, ln.qty, ln.unit_price) for ln in t.session.lines) == [
        ("BEANS-250", 1, beans), ("MUG", 1, 600), ("MUG", 1, mug)]
    t.void("BEANS-250")                      # 12.00 without the reward: taken back
    assert [(ln.sku, ln.qty, ln.unit_price) for ln in t.session.lines] == [("MUG", 2, mug)]
    assert t.total == 2 * mug
    t.scan("BEANS-250")                      # over again: one of the two becomes the reward
    assert sorted((ln.sku, ln.qty, ln.unit_price) for ln in t.session.lines) == [
        ("BEANS-250", 1, beans), ("MUG", 1, 600), ("MUG", 1, mug)]
    assert t.total == beans + mug + 600


def test_voiding_one_line_by_number_leaves_the_others_of_that_item(
        till: Callable[..., Till]) -> None:
    """The window removes the line the clerk tapped: the reward mug, not their own."""
    t = till(MUG_RULES)
    mug = t.engine.catalog.get("MUG").price
    t.scan("BEANS-250")
    t.checkout()
    t.accept()
    t.scan("MUG")
    t.qty(2)                                 # one of the two is the reward now
    reward = next(ln for ln in t.session.lines if ln.origin == "reward")
    events = t.session.void("MUG", line_no=reward.no)
    assert [e.event for e in events] == ["void"]
    assert [(ln.sku, ln.qty, ln.unit_price) for ln in t.session.lines] == [
        ("BEANS-250", 1, t.engine.catalog.get("BEANS-250").price), ("MUG", 1, mug)]
    assert "mug-at-checkout" not in t.session.armed  # turned down: it does not come back
    [error] = t.session.void("MUG", line_no=reward.no)  # that line is gone
    assert error.event == "error"

