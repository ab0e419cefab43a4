"""The prompt outcome log: shown, accepted, declined and ignored, each with its rule, clerk,
order, time and the revenue an accepted prompt added."""

from __future__ import annotations

import datetime as dt

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.order import FixedClock
from pos_prompter.core.rules import RulePack
from pos_prompter.store import Store
from pos_prompter.till import Till

LATTE_T, LATTE_V, BEANS = "2100000000012", "2100000000036", "2100000000067"


def at(minute: int) -> dt.datetime:
    return dt.datetime(2026, 11, 23, 8, minute)


def test_a_till_session_logs_every_prompt_outcome(cafe_store: Store, clock: FixedClock,
                                                  spec_catalog: Catalog,
                                                  spec_pack: RulePack) -> None:
    till = Till(cafe_store, clock, clerk="alice")
    # Order 1: size-up accepted, then the bundle (computed on the Grande) declined.
    clock.set(at(15))
    till.scan(LATTE_T)
    first = till.order_id
    clock.set(at(16))
    till.accept()
    clock.set(at(17))
    till.decline()
    till.pay()
    # Order 2, another clerk: a scan while the size-up is up ignores it.
    till.set_clerk("bob")
    clock.set(at(20))
    till.scan(LATTE_T)
    second = till.order_id
    clock.set(at(21))
    till.scan(BEANS)
    till.pay()
    # Order 3: a Venti has no size up; the bundle is accepted.
    clock.set(at(30))
    till.scan(LATTE_V)
    third = till.order_id
    clock.set(at(31))
    till.accept()
    till.pay()

    size_up_revenue = spec_catalog.get("LATTE-G").price - spec_catalog.get("LATTE-T").price
    bundle = next(r for r in spec_pack.rules if r.id == "latte-muffin")
    bundle_revenue = bundle.offer.bundle_price
    assert (size_up_revenue, bundle_revenue) == (50, 200)
    expected = [
        (first, "latte-size-up", "upsell", "shown", "alice", "2026-11-23T08:15:00", 0),
        (first, "latte-size-up", "upsell", "accepted", "alice", "2026-11-23T08:16:00",
         size_up_revenue),
        (first, "latte-muffin", "bundle", "shown", "alice", "2026-11-23T08:16:00", 0),
        (first, "latte-muffin", "bundle", "declined", "alice", "2026-11-23T08:17:00", 0),
        (second, "latte-size-up", "upsell", "shown", "bob", "2026-11-23T08:20:00", 0),
        (second, "latte-size-up", "upsell", "ignored", "bob", "2026-11-23T08:21:00", 0),
        (third, "latte-muffin", "bundle", "shown", "bob", "2026-11-23T08:30:00", 0),
        (third, "latte-muffin", "bundle", "accepted", "bob", "2026-11-23T08:31:00",
         bundle_revenue),
    ]
    rows = [(e["order_id"], e["rule_id"], e["kind"], e["status"], e["clerk"], e["at"],
             e["revenue_cents"]) for e in cafe_store.sales.prompt_events()]
    assert rows == expected


def test_a_shown_prompt_logs_what_was_offered_and_said(cafe_store: Store,
                                                       clock: FixedClock) -> None:
    till = Till(cafe_store, clock)
    till.scan(LATTE_T)
    assert till.prompt is not None
    [shown] = cafe_store.sales.prompt_events(till.order_id)
    assert shown["status"] == "shown"
    assert shown["say"] == till.prompt.say == (
        "Would you like to make that a Grande for just $0.50 more?")
    assert shown["offer"] == '["LATTE-G"]'


def test_paying_with_a_prompt_up_logs_it_as_ignored(cafe_store: Store,
                                                    clock: FixedClock) -> None:
    till = Till(cafe_store, clock)
    till.scan(LATTE_T)
    order = till.order_id
    till.pay()
    assert [e["status"] for e in cafe_store.sales.prompt_events(order)] == ["shown", "ignored"]
    assert cafe_store.sales.orders()[-1]["total_cents"] == 345
