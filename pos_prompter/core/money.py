"""Money as integer cents, from file to screen. Never float.

Prices are parsed from decimal strings ("3.45") and formatted back without ever passing
through binary floating point, so what the file says is what the till charges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from pos_prompter.core.excerpt import cut, excerpt
from pos_prompter.core.said import QT_TRANSLATE_NOOP

Cents = int
"""An amount of money in the smallest unit of the store's currency (cents)."""

_MONEY_RE = re.compile(r"\A-?[0-9]{1,12}(\.[0-9]{1,2})?\Z")

MAX_CENTS = 10**14 - 1
"""The largest amount (999,999,999,999.99), as many digits as a written amount may have:
an amount given as a number (a YAML 10**25) is held to it too, far below what SQLite's
integers hold."""

CURRENCY_SYMBOLS: dict[str, str] = {"USD": "$", "CAD": "$", "AUD": "$", "EUR": "€", "GBP": "£"}


class MoneyError(ValueError):
    """A text that is not a valid amount of money (its one argument a core.said.Said)."""


NOT_MONEY = QT_TRANSLATE_NOOP("problems", "{value} is not an amount of money")
TOO_MUCH = QT_TRANSLATE_NOOP("problems", "{value} is more than the largest amount, {most}")


def parse_money(value: object, *, allow_negative: bool = False) -> Cents:
    """Parse a decimal string such as "3.45" (or an int such as 3) into cents.

    Floats are refused: 0.1 + 0.2 is not 0.3 and a till must charge what the file says.
    """
    if isinstance(value, (bool, float)):
        raise MoneyError(QT_TRANSLATE_NOOP(
            "problems", "write amounts as quoted decimal strings such as \"3.45\", not {value}")
            .format(value=excerpt(value)))
    if isinstance(value, int):
        cents = value * 100
    elif isinstance(value, Decimal):
        cents = decimal_to_cents(value)
    elif isinstance(value, str):
        text = value.strip()
        if not _MONEY_RE.match(text):
            raise MoneyError(QT_TRANSLATE_NOOP(
                "problems", "{value} is not an amount with at most 2 decimals, like \"3.45\"")
                .format(value=excerpt(value)))
        cents = decimal_to_cents(Decimal(text))
    else:
        raise MoneyError(NOT_MONEY.format(value=excerpt(value)))
    if cents < 0 and not allow_negative:
        raise MoneyError(QT_TRANSLATE_NOOP("problems", "{value} is negative").format(
            value=excerpt(value)))
    if abs(cents) > MAX_CENTS:
        raise MoneyError(TOO_MUCH.format(value=excerpt(value), most=cents_str(MAX_CENTS)))
    return cents


def decimal_to_cents(value: Decimal) -> Cents:
    """Exact conversion of a Decimal with at most 2 decimals to cents."""
    if not value.is_finite():
        raise MoneyError(NOT_MONEY.format(value=cut(str(value))))
    if value.adjusted() > 20:  # int() of it could be thousands of digits
        raise MoneyError(TOO_MUCH.format(value=cut(str(value)), most=cents_str(MAX_CENTS)))
    try:
        scaled = value * 100
        if scaled != scaled.to_integral_value():
            raise MoneyError(QT_TRANSLATE_NOOP("problems", "{value} has more than 2 decimals")
                             .format(value=cut(str(value))))
        return int(scaled)
    except InvalidOperation as exc:  # NaN, infinity
        raise MoneyError(NOT_MONEY.format(value=cut(str(value)))) from exc


def to_decimal(cents: Cents) -> Decimal:
    """Cents as an exact Decimal with two places."""
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def cents_str(cents: Cents) -> str:
    """Cents as a plain decimal string, "3.45" or "-0.50", as files and JSON carry money."""
    return str(to_decimal(cents))


@dataclass(frozen=True)
class MoneyStyle:
    """How the language people read writes an amount (set by pos_prompter.i18n from Qt's
    locale data when the language is chosen; the default is English's "$1,234.56")."""

    decimal_point: str = "."
    group: str = ","
    min_group_digits: int = 1
    """Digits a whole part needs beyond the first group before it is grouped: Spanish
    writes 1234 but 12.345 (2); English 1,234 (1)."""
    symbol_after: bool = False
    space: str = ""
    """Between the amount and a symbol written after it ("1234,56\u00a0€")."""


_STYLE: list[MoneyStyle] = [MoneyStyle()]


def set_money_style(style: MoneyStyle) -> None:
    """Write amounts for people in `style` from now on (the language chosen at start)."""
    _STYLE[0] = style


def money_style() -> MoneyStyle:
    return _STYLE[0]


def _grouped(whole: int, style: MoneyStyle) -> str:
    digits = str(whole)
    if len(digits) < 3 + style.min_group_digits:
        return digits
    return f"{whole:,}".replace(",", style.group)


def format_money(cents: Cents, currency: str = "USD") -> str:
    """Cents for people, in the chosen language's style: "$3.45", "-$0.50", "3.45 CHF"
    (English), "3,45 €", "1234,56 CHF" (Spanish). Integers all the way: no float."""
    style = _STYLE[0]
    sign = "-" if cents < 0 else ""
    amount = (f"{_grouped(abs(cents) // 100, style)}{style.decimal_point}"
              f"{abs(cents) % 100:02d}")
    symbol = CURRENCY_SYMBOLS.get(currency)
    if symbol is None:
        return f"{sign}{amount} {currency}"
    if style.symbol_after:
        return f"{sign}{amount}{style.space}{symbol}"
    return f"{sign}{symbol}{amount}"


def split_proportionally(total: Cents, weights: list[Cents]) -> list[Cents]:
    """Split `total` cents over parts in proportion to `weights`, summing exactly to `total`.

    Used for bundle receipt lines: each item's share of the bundle price follows its
    catalog price. Remainders go to the largest fractional parts (ties to the earlier item),
    so the split is deterministic and the lines always add up.
    """
    if not weights:
        return []
    weight_sum = sum(weights)
    if weight_sum <= 0:
        shares = [total // len(weights)] * len(weights)
        shares[0] += total - sum(shares)
        return shares
    floors = [total * w // weight_sum for w in weights]
    remainders = [(total * w) % weight_sum for w in weights]
    left = total - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def percent(ratio: Decimal) -> str:
    """A fraction as a whole percentage for people: Decimal("0.1234") -> "12%"."""
    return f"{(ratio * 100).quantize(Decimal('1'), rounding=ROUND_HALF_EVEN)}%"


# Numbers for people, in the chosen language's style as money is (the command line's
# tables; English exactly as it always wrote them). Machines' output (--json, CSV) keeps
# its own form and does not use these.

def decimal_text(value: float | Decimal | str, places: int) -> str:
    """`value` with `places` decimals: "3.6" (English), "3,6" (Spanish). Not grouped."""
    number = Decimal(value) if isinstance(value, str) else value
    return f"{number:.{places}f}".replace(".", _STYLE[0].decimal_point)


def percent_text(fraction: float | Decimal, places: int) -> str:
    """A fraction as a percentage with `places` decimals: "24.8%" / "24,8%"."""
    return f"{fraction:.{places}%}".replace(".", _STYLE[0].decimal_point)


def whole_text(value: int) -> str:
    """A whole number grouped as the language groups: "100,000" / "100.000" ("1234" in
    Spanish, which groups from five digits)."""
    return ("-" if value < 0 else "") + _grouped(abs(value), _STYLE[0])


def said_decimal(text: str) -> str:
    """A decimal ("3.6") inside a core sentence: its English stays "3.6" (what --json
    carries), and the reader's language writes its own decimal point when the sentence is
    said (the catalog's 'numbers' text)."""
    whole, point, fraction = text.partition(".")
    if not point:
        return text
    return QT_TRANSLATE_NOOP("numbers", "{whole}.{fraction}").format(whole=whole,
                                                                     fraction=fraction)


def said_percent(text: str) -> str:
    """A percentage ("6.6", without its sign) inside a core sentence, as said_decimal."""
    return QT_TRANSLATE_NOOP("numbers", "{number}%").format(number=said_decimal(text))
