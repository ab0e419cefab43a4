"""Results for managers (issue 10): the report's rows, the true uplift of a rule against
its held-out orders, the plain sentences, and the clerks' leaderboard.

Pure: the figures come in as aggregates the store computed (pos_prompter.store.reports)
and go out as values a command prints or a page shows; nothing here prints or queries.
Money is integer cents or Decimal, printed as decimal strings; rates are floats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from pos_prompter.core.errors import InputError
from pos_prompter.core.leaderboard_setting import LEADERBOARD_MIN_ORDERS
from pos_prompter.core.money import cents_str
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.core.uplift import Uplift

COSTED_KINDS = ("cross_sell", "bundle")
"""Kinds whose accepted offer adds exactly the offered products for the logged revenue, so
margin = revenue - their cost. An upsell replaces a product the log does not name, and a
threshold reward logs no revenue: their margin is not known (docs/decisions.md)."""


# ---------------------------------------------------------------- the period


@dataclass(frozen=True, slots=True)
class Period:
    """Local dates, both included; None: no bound (all history)."""

    start: dt.date | None = None
    end: dt.date | None = None

    def bounds(self) -> tuple[str, str]:
        """[low, high) as text to compare with the store's local ISO times."""
        low = self.start.isoformat() if self.start else "0000"
        high = (self.end + dt.timedelta(days=1)).isoformat() if self.end else "9999"
        return low, high

    def to_json(self) -> dict[str, str | None]:
        return {"from": self.start.isoformat() if self.start else None,
                "to": self.end.isoformat() if self.end else None}


def parse_period(start: str | None, end: str | None) -> Period:
    """`--from` and `--to` as given (YYYY-MM-DD, local dates, `--to` included)."""

    def day(text: str | None, name: str) -> dt.date | None:
        if text is None:
            return None
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            raise InputError(QT_TRANSLATE_NOOP(
                "results", "{option} {text} is not a date like 2026-11-23").format(
                option=name, text=repr(text))) from None

    period = Period(day(start, "--from"), day(end, "--to"))
    if period.start and period.end and period.start > period.end:
        raise InputError(QT_TRANSLATE_NOOP("results", "--from {start} is after --to {end}").format(
            start=period.start.isoformat(), end=period.end.isoformat()))
    return period


# ---------------------------------------------------------------- the rows


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass(frozen=True, slots=True)
class Outcomes:
    """What prompts did in one group (a rule, a clerk, an hour, a day, everything)."""

    shown: int = 0
    accepted: int = 0
    declined: int = 0
    ignored: int = 0
    held_out: int = 0
    revenue: int = 0
    """Cents the accepted prompts added."""
    margin: int = 0
    """Cents: revenue minus cost of the accepted offers whose cost is known."""
    margin_accepted: int = 0
    """How many accepted offers `margin` covers (every offered product had a cost)."""

    @property
    def acceptance_rate(self) -> float | None:
        return _rate(self.accepted, self.shown)

    @property
    def margin_added(self) -> int | None:
        return self.margin if self.margin_accepted else None

    def __add__(self, other: Outcomes) -> Outcomes:
        return Outcomes(*(getattr(self, f) + getattr(other, f) for f in _OUTCOME_FIELDS))

    def to_json(self) -> dict[str, Any]:
        margin = self.margin_added
        return {"shown": self.shown, "accepted": self.accepted, "declined": self.declined,
                "ignored": self.ignored, "held_out": self.held_out,
                "acceptance_rate": self.acceptance_rate,
                "revenue_added": cents_str(self.revenue),
                "margin_added": cents_str(margin) if margin is not None else None,
                "margin_accepted": self.margin_accepted}


_OUTCOME_FIELDS = ("shown", "accepted", "declined", "ignored", "held_out", "revenue", "margin",
                   "margin_accepted")


@dataclass(frozen=True, slots=True)
class OrderFigures:
    """The paid orders of a group: how many, their total, how many had an accepted prompt."""

    orders: int = 0
    total: int = 0
    attached: int = 0

    @property
    def average_order_value(self) -> Decimal | None:
        if not self.orders:
            return None
        return (Decimal(self.total) / Decimal(self.orders) / 100).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_EVEN)

    @property
    def attach_rate(self) -> float | None:
        """Share of paid orders with at least one accepted prompt."""
        return _rate(self.attached, self.orders)

    def __add__(self, other: OrderFigures) -> OrderFigures:
        return OrderFigures(self.orders + other.orders, self.total + other.total,
                            self.attached + other.attached)

    def to_json(self) -> dict[str, Any]:
        aov = self.average_order_value
        return {"orders": self.orders,
                "average_order_value": str(aov) if aov is not None else None,
                "attach_rate": self.attach_rate}


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a report table: `key` is the rule id, clerk name, hour (0-23) or day."""

    key: str | int | None
    outcomes: Outcomes = field(default_factory=Outcomes)
    orders: OrderFigures | None = None
    """Order figures: for clerks, hours, days and totals (not for rules: see uplift)."""
    title: str | None = None
    kind: str | None = None

    def to_json(self, key_name: str) -> dict[str, Any]:
        out: dict[str, Any] = {key_name: self.key}
        if key_name == "rule":
            out.update(title=self.title, kind=self.kind)
        out.update(self.outcomes.to_json())
        if self.orders is not None:
            out.update(self.orders.to_json())
        return out


def merge_rows(outcomes: dict[Any, Outcomes], orders: dict[Any, OrderFigures],
               *, sort_key: Any = None) -> list[Row]:
    """Rows for every key in either mapping (a clerk with orders but no prompt, or the
    other way round), sorted by key (None last)."""
    keys = set(outcomes) | set(orders)
    ordered = sorted(keys, key=sort_key or (lambda k: (k is None, "" if k is None else k)))
    return [Row(k, outcomes.get(k, Outcomes()), orders.get(k, OrderFigures())) for k in ordered]


def total_row(rows: Iterable[Row], orders: OrderFigures) -> Row:
    """Everything in the period: the rules' outcomes added up, and all paid orders."""
    outcomes = Outcomes()
    for row in rows:
        outcomes = outcomes + row.outcomes
    return Row("all", outcomes, orders)


# ---------------------------------------------------------------- the leaderboard


@dataclass(frozen=True, slots=True)
class LeaderboardEntry:
    rank: int
    clerk: str
    orders: int
    offers: int
    accepted: int

    def to_json(self) -> dict[str, Any]:
        return {"rank": self.rank, "clerk": self.clerk, "orders": self.orders,
                "offers": self.offers, "accepted": self.accepted,
                "acceptance_rate": _rate(self.accepted, self.offers),
                "offers_per_order": round(self.offers / self.orders, 4) if self.orders else None}


def rank_clerks(clerks: Sequence[Row], min_orders: int) -> list[LeaderboardEntry]:
    """Clerks with at least `min_orders` paid orders in the period, by offers made (prompts
    shown), then offers accepted; equal figures share a rank. Clerks below the minimum and
    orders without a clerk are not ranked, so one lucky shift wins nothing."""
    eligible = [r for r in clerks if r.key is not None and r.orders is not None
                and r.orders.orders >= min_orders]
    eligible.sort(key=lambda r: (-r.outcomes.shown, -r.outcomes.accepted, str(r.key)))
    entries: list[LeaderboardEntry] = []
    for position, row in enumerate(eligible, start=1):
        figures = (row.outcomes.shown, row.outcomes.accepted)
        previous = entries[-1] if entries else None
        rank = previous.rank if previous and (previous.offers, previous.accepted) == figures \
            else position
        assert row.orders is not None
        entries.append(LeaderboardEntry(rank, str(row.key), row.orders.orders, *figures))
    return entries


# ---------------------------------------------------------------- the report


@dataclass(frozen=True, slots=True)
class Report:
    period: Period
    rules: list[Row]
    clerks: list[Row]
    hours: list[Row]
    days: list[Row]
    totals: Row
    uplift: list[Uplift]
    leaderboard: list[LeaderboardEntry] | None = None
    """None: the store's leaderboard setting is off."""
    leaderboard_min_orders: int = LEADERBOARD_MIN_ORDERS

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            **self.period.to_json(),
            "rules": [r.to_json("rule") for r in self.rules],
            "clerks": [r.to_json("clerk") for r in self.clerks],
            "uplift": [u.to_json() for u in self.uplift],
            "hours": [r.to_json("hour") for r in self.hours],
            "days": [r.to_json("day") for r in self.days],
            "totals": self.totals.to_json("period"),
        }
        if self.leaderboard is not None:
            out["leaderboard"] = [e.to_json() for e in self.leaderboard]
            out["leaderboard_min_orders"] = self.leaderboard_min_orders
        return out
