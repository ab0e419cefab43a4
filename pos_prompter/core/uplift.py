"""A rule's true uplift (interfaces.md, `report --format json` "uplift"): the mean paid total
of the orders the rule was shown in (treated) against the orders it was held out of
(holdout: it would have been shown), with a 95% Welch interval, and a plain sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from pos_prompter.core.money import format_money
from pos_prompter.core.stats import Sample, WelchInterval, welch_interval

MIN_UPLIFT_ORDERS = 30
"""Below this many paid orders in either group, an uplift says nothing yet."""

CONFIDENCE = 0.95
APPLIES = "per order it applies to"


def _cents(value: Decimal) -> int:
    """A Decimal amount of cents rounded to a whole cent (half to even)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def _money_text(value: Decimal) -> str:
    """Cents (Decimal) as a decimal string of the currency unit: "6.10", "-0.35"."""
    return str((Decimal(_cents(value)) / 100).quantize(Decimal("0.01")))


@dataclass(frozen=True, slots=True)
class Uplift:
    rule: str
    title: str
    treated: Sample
    holdout: Sample
    currency: str = "USD"

    @property
    def enough_data(self) -> bool:
        return min(self.treated.n, self.holdout.n) >= MIN_UPLIFT_ORDERS

    @property
    def interval(self) -> WelchInterval | None:
        """Welch's 95% interval for treated - holdout, in cents; None without enough data."""
        if not self.enough_data:
            return None
        return welch_interval(self.treated, self.holdout, CONFIDENCE)

    def more_needed(self) -> tuple[int, int]:
        """Paid orders still missing in the treated and in the holdout group."""
        return (max(0, MIN_UPLIFT_ORDERS - self.treated.n),
                max(0, MIN_UPLIFT_ORDERS - self.holdout.n))

    def sentence(self, interval: WelchInterval | None = None) -> str:
        interval = interval or self.interval
        if interval is None:
            more_treated, more_holdout = self.more_needed()
            needs = []
            if more_treated:
                needs.append(f"{more_treated} more order{'s' if more_treated != 1 else ''} "
                             "with the prompt shown")
            if more_holdout:
                needs.append(f"{more_holdout} more held-out order"
                             f"{'s' if more_holdout != 1 else ''}")
            return (f"{self.title}: not enough data yet ({self.treated.n} orders with the "
                    f"prompt shown, {self.holdout.n} held out); it needs "
                    f"{' and '.join(needs)} ({MIN_UPLIFT_ORDERS} in each group).")
        money = self._money
        diff, low, high = interval.difference, interval.low, interval.high
        if _cents(low) > 0:
            return (f"{self.title} adds about {money(diff)} {APPLIES}, between "
                    f"{money(low)} and {money(high)}.")
        if _cents(high) < 0:
            return (f"{self.title} loses about {money(-diff)} {APPLIES}, between "
                    f"{money(-high)} and {money(-low)}.")
        return (f"{self.title}: no clear effect yet, somewhere between {money(low)} and "
                f"{money(high)} {APPLIES} (held-out orders spend as much).")

    def _money(self, cents: Decimal) -> str:
        return format_money(_cents(cents), self.currency)

    def to_json(self) -> dict[str, Any]:
        interval = self.interval
        out: dict[str, Any] = {
            "rule": self.rule,
            "title": self.title,
            "treated_orders": self.treated.n,
            "holdout_orders": self.holdout.n,
            "revenue_per_order_treated": None,
            "revenue_per_order_holdout": None,
            "difference": None,
            "ci_low": None,
            "ci_high": None,
            "enough_data": interval is not None,
            "sentence": self.sentence(interval),
        }
        if interval is not None:
            out.update(revenue_per_order_treated=_money_text(self.treated.mean()),
                       revenue_per_order_holdout=_money_text(self.holdout.mean()),
                       difference=_money_text(interval.difference),
                       ci_low=_money_text(interval.low), ci_high=_money_text(interval.high),
                       degrees_of_freedom=round(interval.df, 2) if interval.df else None)
        return out
