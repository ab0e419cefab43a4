"""An item the customer said no to is not offered again in that order, by any rule (issue 13,
point 4): the engine and the session, over the spec's cafe (Latte Tall 3.45, Grande 3.95,
Blueberry Muffin 2.75, Oat Cookie 1.95, Travel Mug 12.00)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rule_helpers import make_rule

from pos_prompter.core.session import OrderSession

TillFactory = Callable[..., Any]
ROOMY = {"max_prompts_per_order": 5, "max_offer_ratio": "5"}
"""Enough prompts and a loose guardrail: only the declined item may stop an offer here."""
LATTE_T, LATTE_G, COOKIE = "2100000000012", "2100000000029", "COOKIE"


def muffin_on_latte(rule_id: str, priority: int, **fields: Any) -> dict[str, Any]:
    """A cross-sell of the muffin on a Latte Tall scan."""
    return make_rule("cross_sell", id=rule_id, priority=priority,
                     when={"scanned": {"sku": ["LATTE-T"]}}, **fields)


def muffin_on_coffee(rule_id: str, priority: int, **fields: Any) -> dict[str, Any]:
    """A cross-sell of the muffin on any coffee (the same line, by its category)."""
    return make_rule("cross_sell", id=rule_id, priority=priority,
                     when={"scanned": {"category": ["coffee"]}}, **fields)


def test_a_declined_item_is_not_offered_by_another_rule_on_the_same_line(
        till: TillFactory) -> None:
    t = till([muffin_on_latte("everyday-muffin", 9), muffin_on_coffee("new-muffin", 1)],
             settings=ROOMY)
    t.scan(LATTE_T)
    assert t.prompt_rule == "everyday-muffin"
    t.decline()
    assert t.prompt is None
    assert t.prompts() == ["everyday-muffin"]


def test_nor_on_a_later_line_two_prompts_later(till: TillFactory) -> None:
    cookie = make_rule("cross_sell", id="cookie-on-beans", priority=5,
                       when={"scanned": {"sku": ["BEANS-250"]}}, offer={"add": ["COOKIE"]})
    muffin_on_beans = make_rule("cross_sell", id="muffin-on-beans", priority=1,
                                when={"scanned": {"sku": ["BEANS-250"]}},
                                offer={"add": ["MUFFIN-B"]})
    t = till([muffin_on_latte("everyday-muffin", 9), cookie, muffin_on_beans],
             settings=ROOMY)
    t.scan(LATTE_T)
    t.decline()
    t.scan("BEANS-250")
    assert t.prompt_rule == "cookie-on-beans"
    t.decline()
    assert t.prompt is None, "the muffin came back from another rule"
    assert t.prompts() == ["everyday-muffin", "cookie-on-beans"]
    # ... and the engine says why, as the manager's preview shows it
    skip = t.engine.check(t.engine.rules["muffin-on-beans"], t.session.view(), 2, t.now)
    assert skip.reason == "the customer already said no to Blueberry Muffin in this order"


def test_a_cross_sell_offers_its_next_candidate_instead(till: TillFactory) -> None:
    t = till([muffin_on_latte("everyday-muffin", 9),
              muffin_on_coffee("muffin-or-cookie", 1, offer={"add": ["MUFFIN-B", "COOKIE"]})],
             settings=ROOMY)
    t.scan(LATTE_T)
    t.decline()
    assert t.prompt_rule == "muffin-or-cookie"
    assert t.prompt.offer_skus == ("COOKIE",)


def test_an_ignored_offer_is_no_decline(till: TillFactory) -> None:
    """The clerk scanned on with the muffin up: nobody said no, so it may come again."""
    t = till([muffin_on_latte("everyday-muffin", 9),
              make_rule("cross_sell", id="muffin-on-beans", priority=1,
                        when={"scanned": {"sku": ["BEANS-250"]}})], settings=ROOMY)
    t.scan(LATTE_T)
    t.scan("BEANS-250")
    assert t.answers() == [("everyday-muffin", "ignored")]
    assert t.prompt_rule == "muffin-on-beans"


def test_a_declined_bundle_is_no_to_the_deal_not_to_each_item(till: TillFactory) -> None:
    bundle = make_rule("bundle", id="muffin-deal", priority=9,
                       when={"scanned": {"sku": ["LATTE-T"]}})
    t = till([bundle, muffin_on_coffee("muffin-add", 1)], settings=ROOMY)
    t.scan(LATTE_T)
    assert t.prompt_rule == "muffin-deal"
    t.decline()
    assert t.prompt_rule == "muffin-add"
    assert t.session.declined_skus == frozenset()


def test_but_a_bundle_never_names_an_item_already_declined(till: TillFactory) -> None:
    bundle = make_rule("bundle", id="muffin-deal", priority=1,
                       when={"scanned": {"category": ["coffee"]}})
    t = till([muffin_on_latte("everyday-muffin", 9), bundle], settings=ROOMY)
    t.scan(LATTE_T)
    assert t.prompt_rule == "everyday-muffin"
    t.decline()
    assert t.prompt is None


def test_a_declined_upsell_target_is_not_offered_by_another_upsell(till: TillFactory) -> None:
    to_grande = make_rule("upsell", id="to-grande", priority=1,
                          when={"scanned": {"sku": ["LATTE-T"]}},
                          offer={"upgrade_to": "LATTE-G"})
    t = till([make_rule("upsell", id="size-up", priority=9), to_grande], settings=ROOMY)
    t.scan(LATTE_T)
    assert t.prompt_rule == "size-up"
    assert t.prompt.offer_skus == ("LATTE-G",)
    t.decline()
    assert t.prompt is None


def test_a_declined_reward_is_not_offered_as_a_cross_sell(till: TillFactory) -> None:
    threshold = make_rule("threshold", id="mug-deal", priority=9,
                          when={"event": "scan", "scanned": {"sku": ["BEANS-250"]}})
    mug = make_rule("cross_sell", id="mug-add", priority=1,
                    when={"scanned": {"sku": ["BEANS-250"]}}, offer={"add": ["MUG"]})
    t = till([threshold, mug], settings=ROOMY)
    t.scan("BEANS-250")
    assert t.prompt_rule == "mug-deal"
    t.decline()
    assert t.prompt is None
    assert t.session.declined_skus == frozenset({"MUG"})


def test_reopening_the_declined_offer_shows_it_and_opens_its_item_again(
        till: TillFactory) -> None:
    t = till([muffin_on_latte("everyday-muffin", 9)], settings=ROOMY)
    t.scan(LATTE_T)
    t.decline()
    events = t.session.reopen(1, t.now)
    assert [e.event for e in events] == ["prompt"]
    assert t.prompt_rule == "everyday-muffin"
    assert t.session.declined_skus == frozenset()
    t.decline()
    assert t.session.declined_skus == frozenset({"MUFFIN-B"})


def test_declines_outlive_a_save_and_reopen_of_the_order(till: TillFactory) -> None:
    t = till([muffin_on_latte("everyday-muffin", 9), muffin_on_coffee("new-muffin", 1)],
             settings=ROOMY)
    t.scan(COOKIE)
    t.scan(LATTE_T)
    t.decline()
    again = OrderSession.from_state(t.session.to_state(), t.engine)
    assert again.declined_skus == frozenset({"MUFFIN-B"})
    assert again.declined_offers == {"everyday-muffin": ("MUFFIN-B",)}
    latte = t.engine.catalog.lookup(LATTE_T)
    assert latte is not None
    events = again.scan(latte, t.now)
    assert [e.event for e in events] == ["line"]


def test_the_declined_items_are_handed_to_the_engine_as_kept_not_rebuilt(
        till: TillFactory) -> None:
    """A check costs O(1) however long the order: the view hands over the session's own
    set, which changes only when an offer is declined or reopened."""
    t = till([muffin_on_latte("everyday-muffin", 9)], settings=ROOMY)
    t.scan(LATTE_T)
    t.decline()
    kept = t.session.declined_skus
    for _ in range(5):
        t.scan(COOKIE)
    assert t.session.view().declined is kept
