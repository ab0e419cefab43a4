"""Numbers, dates and money as the chosen language writes them, from Qt's locale data
(QLocale). Money stays integer cents up to here: core.money.format_money writes it in the
MoneyStyle that `money_style_for` reads off the locale, never through a float."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from pos_prompter.core.money import MoneyStyle
from pos_prompter.i18n import language


def locale() -> QLocale:
    """The QLocale of the language texts are shown in."""
    return QLocale(language())


def money_style_for(code: str) -> MoneyStyle:
    """How QLocale(code) writes an amount of money, as core.money's MoneyStyle. English
    keeps the style the program has always used ("-$0.50", not en_US's "($0.50)")."""
    if code == "en":
        return MoneyStyle()
    where = QLocale(code)
    pattern = where.toCurrencyString(1, "\N{CURRENCY SIGN}")
    after = pattern.index("1") < pattern.index("\N{CURRENCY SIGN}")
    space = pattern[1:pattern.index("\N{CURRENCY SIGN}")] if after else ""
    return MoneyStyle(decimal_point=where.decimalPoint(), group=where.groupSeparator(),
                      min_group_digits=1 if where.groupSeparator() in where.toString(1234)
                      else 2, symbol_after=after, space=space)


def number(value: int) -> str:
    """A whole number with the language's grouping: 12,345 / 12.345."""
    return locale().toString(value)


def decimal(value: float, places: int) -> str:
    """`value` with `places` decimals and the language's decimal point: 1.85 / 1,85."""
    return f"{value:.{places}f}".replace(".", locale().decimalPoint())


def percent(fraction: float, places: int) -> str:
    """A fraction as a percentage with `places` decimals: 24.8% / 24,8%."""
    return decimal(fraction * 100, places) + "%"


def date_text(value: dt.date) -> str:
    """A date in the language's short form: 12/7/26 (en), 7/12/26 (es)."""
    return locale().toString(QDate(value.year, value.month, value.day),
                             QLocale.FormatType.ShortFormat)


def datetime_text(value: dt.datetime) -> str:
    """A date and time to the minute in the language's short form."""
    when = QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second))
    return locale().toString(when, QLocale.FormatType.ShortFormat)


def table_datetime(value: dt.datetime, *, seconds: bool = False) -> str:
    """A moment in a table: in English as the command line and CSV files write it
    ("2026-11-23 08:10"); in another language in its own order with the full year
    ("23/11/2026 8:10"), so the day is never taken for the month."""
    if language() == "en":
        return value.isoformat(sep=" ", timespec="seconds" if seconds else "minutes")
    where = locale()
    pattern = where.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    if seconds and ":ss" not in pattern:
        pattern = pattern.replace(":mm", ":mm:ss")
    when = QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second))
    return where.toString(when, pattern)
