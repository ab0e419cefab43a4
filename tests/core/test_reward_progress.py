"""core.reward_progress: what an accepted threshold offer still waits for, measured as the
session measures it (issue 13, point 8). The default test catalog's "mug-at-checkout": orders
of 15.00 get the 12.00 mug for 6.00; BEANS-250 is 9.50, MUFFIN-B 2.75."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pos_prompter.core.reward_progress import WaitingReward, waiting_rewards

TillFactory = Callable[..., Any]
"""conftest.py's `till` fixture: an OrderSession driven by codes."""


def armed(till: TillFactory) -> Any:
    t = till()
    t.scan("BEANS-250")
    t.checkout()
    t.accept()
    return t


def test_nothing_waits_without_an_order_or_an_accepted_offer(till: TillFactory) -> None:
    assert waiting_rewards(None) == []
    t = till()
    t.scan("BEANS-250")
    t.checkout()
    assert waiting_rewards(t.session) == [], "offered is not accepted"
    t.decline()
    assert waiting_rewards(t.session) == []


def test_an_accepted_offer_waits_for_what_the_order_lacks_until_it_is_reached(
        till: TillFactory) -> None:
    t = armed(till)
    assert waiting_rewards(t.session) == [
        WaitingReward("mug-at-checkout", "MUG", 600, 1500, 550)]
    t.scan("MUFFIN-B")
    assert [w.to_go for w in waiting_rewards(t.session)] == [275]
    t.scan("MUFFIN-B")  # exactly 15.00: the mug is on the order
    assert "MUG" in t.skus()
    assert waiting_rewards(t.session) == []
    t.void("MUFFIN-B")  # below again: the mug is taken back, the offer waits again
    assert [w.to_go for w in waiting_rewards(t.session)] == [275]


def test_the_customers_own_mug_does_not_count_toward_its_own_threshold(
        till: TillFactory) -> None:
    t = armed(till)
    t.scan("MUG")  # 21.50 in all, but 9.50 without the mug
    assert "MUG" in t.skus()
    assert [w.to_go for w in waiting_rewards(t.session)] == [550]
