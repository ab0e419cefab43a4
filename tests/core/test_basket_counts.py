"""core.basket_counts: how often is often enough for a pair mined from sales."""

from __future__ import annotations

import pytest

from pos_prompter.core.basket_counts import min_orders_for, parse_min_support
from pos_prompter.core.errors import InputError


@pytest.mark.parametrize(("text", "value"), [("0.001", 0.001), ("1", 1.0), ("0.5", 0.5)])
def test_min_support_accepted(text: str, value: float) -> None:
    assert parse_min_support(text) == value


@pytest.mark.parametrize("text", ["0", "-1", "1.01", "x", "nan", "inf", "1%"])
def test_min_support_refused(text: str) -> None:
    with pytest.raises(InputError, match="fraction"):
        parse_min_support(text)


def test_min_orders() -> None:
    assert min_orders_for(0.001, 200_000) == 200  # not 201 for a float's last digit
    assert min_orders_for(0.0011, 200_000) == 220
    assert min_orders_for(0.001, 300) == 5  # never fewer than 5 orders
