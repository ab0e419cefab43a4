"""Evidence from sales history: how often two items went together in past orders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pos_prompter.bootstrap import parse_pack_text
from pos_prompter.core.catalog import Product
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till

PACK = """
version: 1
settings: {max_prompts_per_order: 2, max_offer_ratio: 1.0}
rules:
  - id: cookie-with-latte
    kind: cross_sell
    title: Cookie with a latte
    when: {scanned: {sku: [LATTE-T]}}
    offer: {add: [COOKIE]}
    say: "An {offer} with that? {attach_rate} of latte buyers take one."
    why: "Lattes and cookies go together."
"""
NOW = dt.datetime(2026, 11, 23, 8, 15)


def ring_up(till: Till, clock: FixedClock, when: dt.datetime, *codes: str) -> None:
    """A past order: scan the items (ignoring any prompt) and pay."""
    clock.set(when)
    for code in codes:
        till.scan(code)
    till.pay()


@pytest.fixture
def shop(store_path: Path, spec_products: list[Product]) -> tuple[Store, FixedClock]:
    store = Store.open(store_path, create=True)
    store.catalog.import_products(spec_products)
    store.rules.replace(parse_pack_text(PACK, "pack.yaml"))
    return store, FixedClock(NOW)


def history(shop: tuple[Store, FixedClock], with_cookie: int, without: int,
            days_ago: int = 3) -> None:
    store, clock = shop
    till = Till(store, clock)
    when = NOW - dt.timedelta(days=days_ago)
    for _ in range(with_cookie):
        ring_up(till, clock, when, "LATTE-T", "COOKIE")
    for _ in range(without):
        ring_up(till, clock, when, "LATTE-T")
    clock.set(NOW)


def latte_prompt(shop: tuple[Store, FixedClock]):
    store, clock = shop
    till = Till(store, clock)  # a fresh till, as after the night
    till.scan("LATTE-T")
    assert till.prompt is not None
    return till.prompt


def test_the_share_of_past_orders_is_in_the_evidence_and_the_script(shop) -> None:
    history(shop, with_cookie=10, without=30)
    prompt = latte_prompt(shop)
    assert "Bought together in 25% of orders with Latte Tall, last 90 days (40 orders)" \
        in prompt.evidence
    assert prompt.say == "An Oat Cookie with that? 25% of latte buyers take one."
    shop[0].close()


def test_too_few_past_orders_give_no_evidence(shop) -> None:
    history(shop, with_cookie=5, without=5)
    prompt = latte_prompt(shop)
    assert not any("Bought together" in line for line in prompt.evidence)
    assert prompt.say == "An Oat Cookie with that?  of latte buyers take one."
    shop[0].close()


def test_orders_older_than_ninety_days_do_not_count(shop) -> None:
    history(shop, with_cookie=10, without=30, days_ago=120)
    prompt = latte_prompt(shop)
    assert not any("Bought together" in line for line in prompt.evidence)
    shop[0].close()


def test_open_orders_do_not_count(shop) -> None:
    store, clock = shop
    history(shop, with_cookie=10, without=30)
    till = Till(store, clock)
    till.scan("LATTE-T")
    till.scan("COOKIE")  # this order is still open: not history yet
    prompt_again = Till(store, clock)
    assert prompt_again.session is not None
    rate = store.sales.history().attach_rate("LATTE-T", "COOKIE", NOW)
    assert rate is not None
    assert (rate.orders, rate.share * rate.orders) == (40, 10)
    store.close()


def test_a_new_day_counts_the_day_before_and_forgets_older_days(shop) -> None:
    """A till runs for weeks: each day's rates take in yesterday's sales, and only the
    current day's rates are kept (the cache grew by a pair a scan, every day)."""
    store, clock = shop
    history(shop, with_cookie=10, without=30)
    rates = store.sales.history()
    assert rates.attach_rate("LATTE-T", "COOKIE", NOW).orders == 40
    ring_up(Till(store, clock), clock, NOW, "LATTE-T", "COOKIE")  # today: same day, cached
    assert rates.attach_rate("LATTE-T", "COOKIE", NOW).orders == 40
    tomorrow = NOW + dt.timedelta(days=1)
    assert rates.attach_rate("LATTE-T", "COOKIE", tomorrow).orders == 41
    for day in range(2, 30):
        rates.attach_rate("LATTE-T", "COOKIE", NOW + dt.timedelta(days=day))
    assert len(rates._cache) == 1, "one day's pairs kept, not a month's"
    store.close()
