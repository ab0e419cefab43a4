"""Numbers, dates and money in the chosen language, from Qt's locale data."""

from __future__ import annotations

import datetime as dt

import pytest

from pos_prompter.core.money import MoneyStyle, format_money
from pos_prompter.i18n.formats import (
    date_text,
    datetime_text,
    decimal,
    money_style_for,
    number,
    percent,
)


def test_english_keeps_the_money_style_it_always_had() -> None:
    assert money_style_for("en") == MoneyStyle()
    assert number(12345) == "12,345"
    assert date_text(dt.date(2026, 12, 7)) == "12/7/26"


def test_spanish_style_is_read_off_qt_s_locale() -> None:
    style = money_style_for("es")
    assert style == MoneyStyle(decimal_point=",", group=".", min_group_digits=2,
                               symbol_after=True, space="\N{NO-BREAK SPACE}")


@pytest.mark.usefixtures("spanish")
def test_under_spanish_money_numbers_and_dates_are_spanish() -> None:
    assert format_money(123456, "EUR") == "1234,56\N{NO-BREAK SPACE}€"
    assert format_money(1234567, "USD") == "12.345,67\N{NO-BREAK SPACE}$"
    assert number(12345) == "12.345"
    assert date_text(dt.date(2026, 12, 7)) == "7/12/26"
    assert datetime_text(dt.datetime(2026, 12, 7, 14, 5)) == "7/12/26 14:05"


def test_after_spanish_money_is_english_again(spanish: None) -> None:
    from pos_prompter import i18n

    i18n.use_language("en")
    assert format_money(123456, "EUR") == "€1,234.56"


def test_table_moments_stay_iso_in_english_and_take_the_full_year_in_spanish(
        spanish: None) -> None:
    from pos_prompter import i18n
    from pos_prompter.i18n.formats import table_datetime

    moment = dt.datetime(2026, 11, 2, 8, 5, 9)
    assert table_datetime(moment) == "2/11/2026 8:05"
    assert table_datetime(moment, seconds=True) == "2/11/2026 8:05:09"
    i18n.use_language("en")
    assert table_datetime(moment) == "2026-11-02 08:05"
    assert table_datetime(moment, seconds=True) == "2026-11-02 08:05:09"


def test_shares_and_ratios_take_the_languages_decimal_point(spanish: None) -> None:
    from pos_prompter import i18n
    from pos_prompter.ui.charts import _number

    assert (percent(0.248, 1), percent(0.0125, 2), decimal(1.847, 2)) == ("24,8%", "1,25%",
                                                                          "1,85")
    assert (_number(2.5), _number(3.0)) == ("2,5", "3")
    i18n.use_language("en")
    assert (percent(0.248, 1), decimal(1.847, 2), _number(2.5)) == ("24.8%", "1.85", "2.5")
