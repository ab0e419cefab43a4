"""What basket mining counts, and how often is often enough: the counts the store gives the
miner (`BasketCounts`, pos_prompter.store.baskets) and the support a pair needs
(`--min-support`, `min_orders_for`).

Apart from the miner (core.suggest, which needs the engine and lint): the store's counting
and the command line's parser need these alone (tests/cli/test_cli_command_start.py).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from pos_prompter.core.errors import InputError
from pos_prompter.core.said import QT_TRANSLATE_NOOP

DEFAULT_MIN_SUPPORT = 0.01
"""Without --min-support: a pair in at least 1% of the orders."""
MIN_PAIR_ORDERS = 5
"""Whatever the support asked for, a pair bought together in fewer orders than this says
nothing yet (a store with 300 orders and --min-support 0.001 would otherwise suggest from
one order)."""


@dataclass(frozen=True, slots=True)
class BasketCounts:
    """What the miner needs from the store: the number of orders, and the orders with each
    product and with each pair of products (only those with at least `min_orders`)."""

    orders: int
    items: Mapping[str, int]
    pairs: Mapping[tuple[str, str], int]
    """(a, b) with a < b."""
    min_orders: int


def parse_min_support(text: str) -> float:
    """--min-support: a fraction of the orders, above 0 and at most 1 (0.001 = 0.1%)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (0 < value <= 1):  # also refuses nan and inf
        raise InputError(QT_TRANSLATE_NOOP(
            "suggest", "--min-support {value} is not a fraction of the orders above 0 and at "
            "most 1 (e.g. 0.01 for 1% of orders)").format(value=repr(text)))
    return value


def min_orders_for(min_support: float, orders: int) -> int:
    """The fewest orders a product or pair must be in: ceil(support x orders), and never
    fewer than MIN_PAIR_ORDERS."""
    # 1e-9: 0.001 x 200,000 is 200.00000000000003 in floats, and means 200.
    return max(MIN_PAIR_ORDERS, math.ceil(min_support * orders - 1e-9))
