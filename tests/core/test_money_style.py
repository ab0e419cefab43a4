"""Money in the chosen language's style, integer cents to the last character."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pos_prompter.core.money import MoneyStyle, format_money, money_style, set_money_style

SPANISH = MoneyStyle(decimal_point=",", group=".", min_group_digits=2, symbol_after=True,
                     space="\N{NO-BREAK SPACE}")


@pytest.fixture
def spanish_money() -> Iterator[None]:
    set_money_style(SPANISH)
    yield
    set_money_style(MoneyStyle())


def test_the_default_style_is_english_as_it_always_was() -> None:
    assert money_style() == MoneyStyle()
    assert format_money(123456) == "$1,234.56"
    assert format_money(-50) == "-$0.50"
    assert format_money(345, "CHF") == "3.45 CHF"


@pytest.mark.usefixtures("spanish_money")
def test_spanish_style_writes_comma_decimals_points_from_five_digits_and_symbol_after() -> None:
    assert format_money(345, "EUR") == "3,45\N{NO-BREAK SPACE}€"
    assert format_money(123456, "EUR") == "1234,56\N{NO-BREAK SPACE}€"
    assert format_money(1234567, "EUR") == "12.345,67\N{NO-BREAK SPACE}€"
    assert format_money(-50, "USD") == "-0,50\N{NO-BREAK SPACE}$"
    assert format_money(345, "CHF") == "3,45 CHF"
    assert format_money(99_999_999_999_999, "EUR").startswith("999.999.999.999,99")
