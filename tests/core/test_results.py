"""The results' pure parts: the uplift sentences, the leaderboard's ranking and the period
(the statistics under the uplift, core.stats: test_stats.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pos_prompter.core.errors import InputError
from pos_prompter.core.results import OrderFigures, Outcomes, Row, parse_period, rank_clerks
from pos_prompter.core.stats import Sample
from pos_prompter.core.uplift import Uplift


def sample(values: list[int]) -> Sample:
    return Sample(len(values), sum(values), sum(v * v for v in values))


def uplift(treated: int, holdout: int, *, mean_t: int = 1610, mean_h: int = 1000,
           spread: int = 100) -> Uplift:
    def group(n: int, mean: int) -> Sample:
        return sample([mean - spread, mean + spread] * (n // 2) + [mean] * (n % 2))
    return Uplift("lock-bike", "Lock with every bike", group(treated, mean_t),
                  group(holdout, mean_h))


def test_sentence_for_a_clear_gain() -> None:
    u = uplift(40, 40)
    text = u.sentence()
    assert text.startswith("Lock with every bike adds about $6.10 per order it applies to, "
                           "between $")
    data = u.to_json()
    assert (data["difference"], data["enough_data"]) == ("6.10", True)
    assert Decimal(data["ci_low"]) < Decimal("6.10") < Decimal(data["ci_high"])


def test_sentence_when_the_interval_spans_zero() -> None:
    text = uplift(40, 40, mean_t=1010, spread=2000).sentence()
    assert text.startswith("Lock with every bike: no clear effect yet, somewhere between -$")


def test_sentence_for_a_loss() -> None:
    text = uplift(40, 40, mean_t=800).sentence()
    assert text.startswith("Lock with every bike loses about $2.00 per order it applies to")


def test_not_enough_data_says_how_many_more_orders() -> None:
    u = uplift(12, 29)
    assert not u.enough_data
    text = u.sentence()
    assert "not enough data yet (12 orders with the prompt shown, 29 held out)" in text
    assert "18 more orders with the prompt shown and 1 more held-out order " in text
    data = u.to_json()
    assert [data[k] for k in ("revenue_per_order_treated", "revenue_per_order_holdout",
                              "difference", "ci_low", "ci_high")] == [None] * 5
    assert uplift(30, 30).enough_data


def clerk(name: str | None, orders: int, shown: int, accepted: int) -> Row:
    return Row(name, Outcomes(shown=shown, accepted=accepted), OrderFigures(orders, 0, 0))


def test_leaderboard_ranks_by_offers_then_accepts_and_skips_those_below_the_minimum() -> None:
    rows = [clerk("ann", 25, 40, 10), clerk("bob", 19, 90, 60), clerk("cy", 30, 40, 12),
            clerk("dee", 20, 40, 10), clerk(None, 500, 900, 1)]
    ranked = rank_clerks(rows, 20)
    assert [(e.rank, e.clerk) for e in ranked] == [(1, "cy"), (2, "ann"), (2, "dee")]
    assert next(e.clerk for e in rank_clerks(rows, 19)) == "bob"


def test_period_parsing() -> None:
    period = parse_period("2026-11-01", "2026-11-30")
    assert (period.start, period.end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert period.bounds() == ("2026-11-01", "2026-12-01")
    assert parse_period(None, None).bounds() == ("0000", "9999")
    with pytest.raises(InputError, match="is not a date"):
        parse_period("2026-13-01", None)
    with pytest.raises(InputError, match="is after"):
        parse_period("2026-11-02", "2026-11-01")
