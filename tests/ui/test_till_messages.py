"""What the till's status line says (ui.till_messages): one line for what the clerk just
did, built from the till's own events; an error before anything else; the sentence for an
action that failed. The status line in the window: test_till_status_line.py."""

from __future__ import annotations

from typing import Any

from pos_prompter.core.errors import UserError
from pos_prompter.core.money import format_money
from pos_prompter.core.till_event import TillEvent
from pos_prompter.ui.till_messages import ERROR, INFO, cents, describe, failure_text, sentence

NAMES = {"LATTE-T": "Latte Tall", "COOKIE": "Oat Cookie"}
TITLES = {"coffee-cookie": "Cookie with a coffee"}


def event(kind: str, total: int = 0, **data: Any) -> TillEvent:
    return TillEvent(kind, 1, total, data)


def said(*events: TillEvent, training: bool = False) -> tuple[str, str] | None:
    return describe(events, lambda c: format_money(c, "USD"),
                    product_name=lambda sku: NAMES.get(sku, sku),
                    rule_title=lambda rid: TITLES.get(rid, rid), training=training)


def test_what_changed_is_one_line_in_order() -> None:
    assert said(event("line", sku="LATTE-T", price="4.25"),
                event("accepted", rule="coffee-cookie"),
                event("line", sku="COOKIE", price="2.25")) == (
        INFO, "Added: Latte Tall $4.25  ·  Accepted: Cookie with a coffee  ·  "
              "Added: Oat Cookie $2.25")


def test_each_kind_of_change_has_its_words() -> None:
    assert said(event("line", sku="COOKIE", price="0.00", reward=True)) == (
        INFO, "Reward added: Oat Cookie $0.00")
    assert said(event("declined", rule="gone-rule")) == (INFO, "Declined: gone-rule")
    assert said(event("qty", sku="LATTE-T", qty=3)) == (INFO, "Latte Tall: quantity 3")
    assert said(event("void", sku="COOKIE")) == (INFO, "Removed: Oat Cookie")
    assert said(event("price", sku="COOKIE", price="1.50")) == (INFO, "Oat Cookie now $1.50")
    assert said(event("checkout", 650)) == (INFO, "Checkout: $6.50 to pay (F12)")


def test_an_error_wins_and_is_a_sentence() -> None:
    assert said(event("line", sku="LATTE-T", price="4.25"),
                event("error", message="first problem"),
                event("error", message="unknown barcode 123")) == (
        ERROR, "Unknown barcode 123")


def test_the_payment_is_said_alone_and_in_training_says_so() -> None:
    paid = event("paid", 650)
    assert said(event("line", sku="COOKIE", price="2.25"), paid) == (
        INFO, "Paid $6.50 — next customer")
    assert said(paid, training=True) == (INFO, "TRAINING: Paid $6.50 — next customer")


def test_nothing_worth_saying_says_nothing() -> None:
    assert said() is None
    assert said(event("prompt", rule="coffee-cookie")) is None


def test_a_failed_action_says_nothing_was_half_done() -> None:
    assert failure_text("take payment", UserError("the store is read-only")) == (
        "Could not take payment (the store is read-only). Nothing was half-done: the order "
        "is as shown. The error is in the log.")
    assert failure_text("scan", KeyError("sku")).startswith("Could not scan (KeyError: 'sku').")


def test_prices_in_events_are_read_back_to_cents_exactly() -> None:
    assert cents("4.25") == 425
    assert cents("0.1") == 10
    assert cents(None) == 0
    assert cents("lots") == 0
    assert sentence("") == ""
    assert sentence("x") == "X"
