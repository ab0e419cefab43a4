"""A rule's true uplift (interfaces.md, `report --format json` "uplift"): the mean paid total
of the orders the rule was shown in (treated) against the orders it was held out of
(holdout: it would have been shown), with a 95% Welch interval, and a plain sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from pos_prompter.core.money import format_money
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said, joined
from pos_prompter.core.stats import Sample, WelchInterval, welch_interval

MIN_UPLIFT_ORDERS = 30
"""Below this many paid orders in either group, an uplift says nothing yet."""

CONFIDENCE = 0.95


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

    def sentence(self, interval: WelchInterval | None = None) -> Said:
        """What the uplift means, in one sentence for people."""
        interval = interval or self.interval
        if interval is None:
            more_treated, more_holdout = self.more_needed()
            needs: list[Said] = []
            if more_treated:
                needs.append((QT_TRANSLATE_NOOP("uplift", "{n} more order with the prompt shown")
                              if more_treated == 1 else
                              QT_TRANSLATE_NOOP("uplift", "{n} more orders with the prompt "
                                                "shown")).format(n=more_treated))
            if more_holdout:
                needs.append((QT_TRANSLATE_NOOP("uplift", "{n} more held-out order")
                              if more_holdout == 1 else
                              QT_TRANSLATE_NOOP("uplift", "{n} more held-out orders"))
                             .format(n=more_holdout))
            both = (QT_TRANSLATE_NOOP("uplift", "{first} and {second}").format(
                first=needs[0], second=needs[1]) if len(needs) == 2 else joined(list(needs)))
            return QT_TRANSLATE_NOOP(
                "uplift", "{title}: not enough data yet ({treated} orders with the prompt "
                "shown, {held_out} held out); it needs {needs} ({least} in each group).").format(
                title=self.title, treated=self.treated.n, held_out=self.holdout.n, needs=both,
                least=MIN_UPLIFT_ORDERS)
        money = self._money
        diff, low, high = interval.difference, interval.low, interval.high
        if _cents(low) > 0:
            return QT_TRANSLATE_NOOP(
                "uplift", "{title} adds about {amount} per order it applies to, between {low} "
                "and {high}.").format(title=self.title, amount=money(diff), low=money(low),
                                      high=money(high))
        if _cents(high) < 0:
            return QT_TRANSLATE_NOOP(
                "uplift", "{title} loses about {amount} per order it applies to, between {low} "
                "and {high}.").format(title=self.title, amount=money(-diff), low=money(-high),
                                      high=money(-low))
        return QT_TRANSLATE_NOOP(
            "uplift", "{title}: no clear effect yet, somewhere between {low} and {high} per "
            "order it applies to (held-out orders spend as much).").format(
            title=self.title, low=money(low), high=money(high))

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
