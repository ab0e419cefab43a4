"""Money: decimal strings in, integer cents inside, the same figures out. Never float."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_prompter.core.money import (
    MoneyError,
    cents_str,
    format_money,
    parse_money,
    split_proportionally,
)


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("3.45", 345),
        ("3", 300),
        ("0.5", 50),
        ("0.05", 5),
        ("0", 0),
        ("0.00", 0),
        (" 3.45 ", 345),
        ("1234567.89", 123456789),
        (3, 300),
        (0, 0),
        (Decimal("3.45"), 345),
        (Decimal("2.5"), 250),
    ],
)
def test_parse_money_accepts_decimal_strings_and_ints(text: object, cents: int) -> None:
    assert parse_money(text) == cents


@pytest.mark.parametrize(
    "value",
    [
        3.45,
        3.0,
        0.1,
        True,
        "3.456",
        "0.001",
        "abc",
        "",
        "   ",
        "3,45",
        "1e3",
        ".5",
        "3.",
        "$3.45",
        "+3.45",
        "3.45.6",
        None,
        [3],
        Decimal("3.456"),
        Decimal("NaN"),
        Decimal("sNaN"),
    ],
)
def test_parse_money_refuses_what_is_not_an_amount(value: object) -> None:
    with pytest.raises(MoneyError):
        parse_money(value)


@pytest.mark.parametrize("value", [Decimal("Infinity"), Decimal("-Infinity")])
def test_parse_money_refuses_infinite_decimal_as_money_error(value: Decimal) -> None:
    # A MoneyError (a ValueError the importers turn into a readable problem), not a crash.
    with pytest.raises(MoneyError):
        parse_money(value, allow_negative=True)


def test_parse_money_float_message_asks_for_a_quoted_string() -> None:
    with pytest.raises(MoneyError, match="quoted decimal string"):
        parse_money(3.45)


@pytest.mark.parametrize("value", ["-0.50", "-3", -3, Decimal("-1.25")])
def test_parse_money_refuses_negatives_by_default(value: object) -> None:
    with pytest.raises(MoneyError, match="negative"):
        parse_money(value)


@pytest.mark.parametrize(
    ("value", "cents"),
    [("-0.50", -50), ("-3", -300), (-3, -300), (Decimal("-1.25"), -125), ("2.00", 200)],
)
def test_parse_money_allows_negatives_when_asked(value: object, cents: int) -> None:
    assert parse_money(value, allow_negative=True) == cents


def test_money_error_is_a_value_error() -> None:
    assert issubclass(MoneyError, ValueError)


@pytest.mark.parametrize(
    ("cents", "text"),
    [(345, "3.45"), (0, "0.00"), (5, "0.05"), (50, "0.50"), (-50, "-0.50"), (123456, "1234.56"),
     (100000000, "1000000.00")],
)
def test_cents_str(cents: int, text: str) -> None:
    assert cents_str(cents) == text


@given(st.integers(min_value=-(10**14) + 1, max_value=10**14 - 1))
def test_cents_str_parses_back_to_the_same_cents(cents: int) -> None:
    assert parse_money(cents_str(cents), allow_negative=True) == cents


@pytest.mark.parametrize(
    ("cents", "currency", "shown"),
    [
        (345, "USD", "$3.45"),
        (-50, "USD", "-$0.50"),
        (123400, "USD", "$1,234.00"),
        (-123456789, "USD", "-$1,234,567.89"),
        (0, "USD", "$0.00"),
        (7, "USD", "$0.07"),
        (345, "CHF", "3.45 CHF"),
        (-50, "CHF", "-0.50 CHF"),
        (123400, "CHF", "1,234.00 CHF"),
        (345, "EUR", "€3.45"),
        (100, "GBP", "£1.00"),
    ],
)
def test_format_money(cents: int, currency: str, shown: str) -> None:
    assert format_money(cents, currency) == shown


def test_format_money_defaults_to_dollars() -> None:
    assert format_money(345) == "$3.45"


# ---------------------------------------------------------------- split_proportionally


def test_split_worked_example_bundle_of_muffin_and_cookie() -> None:
    # 3.00 over a 2.75 muffin and a 1.95 cookie: exact shares 175.53... and 124.46...;
    # the one cent left over goes to the larger fraction (the muffin).
    assert split_proportionally(300, [275, 195]) == [176, 124]


def test_split_equal_weights_gives_the_odd_cent_to_the_first_item() -> None:
    assert split_proportionally(100, [1, 1, 1]) == [34, 33, 33]


def test_split_even_amounts_split_evenly() -> None:
    assert split_proportionally(200, [150, 150]) == [100, 100]


def test_split_zero_weight_gets_nothing() -> None:
    assert split_proportionally(50, [0, 100]) == [0, 50]


def test_split_all_zero_weights_still_sums_to_the_total() -> None:
    shares = split_proportionally(101, [0, 0, 0])
    assert sum(shares) == 101


def test_split_of_nothing_is_empty() -> None:
    assert split_proportionally(100, []) == []


totals = st.integers(min_value=0, max_value=10**9)
weight_lists = st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=12)


@given(totals, weight_lists)
def test_split_always_sums_exactly_to_the_total(total: int, weights: list[int]) -> None:
    assert sum(split_proportionally(total, weights)) == total


@given(totals, weight_lists)
def test_split_is_deterministic(total: int, weights: list[int]) -> None:
    assert split_proportionally(total, list(weights)) == split_proportionally(total, weights)


@given(totals, weight_lists)
def test_split_shares_are_within_a_cent_of_the_exact_proportion(total: int,
                                                                weights: list[int]) -> None:
    shares = split_proportionally(total, weights)
    assert len(shares) == len(weights)
    if sum(weights) > 0:
        for share, weight in zip(shares, weights, strict=True):
            exact = Fraction(total * weight, sum(weights))
            assert abs(share - exact) < 1
    assert all(share >= 0 for share in shares)


@given(totals, weight_lists)
def test_split_never_pays_a_smaller_item_more_than_a_larger_one(total: int,
                                                               weights: list[int]) -> None:
    shares = split_proportionally(total, weights)
    for i, wi in enumerate(weights):
        for j, wj in enumerate(weights):
            if wi < wj:
                assert shares[i] <= shares[j]
