"""The report's SQL (issue 10): prompt outcomes per rule, clerk, hour of day and day; the
paid orders' value and attach rate per clerk, hour and day; the uplift groups' order totals.
Every figure is an aggregate computed by SQLite (GROUP BY), never a Python loop over rows.

Dating: a prompt outcome counts on the day and hour it was logged (`prompt_events.at`), an
order on the day and hour it was paid (`orders.closed_at`); both are local ISO times, so a
period is a text range. Only paid orders count. The uplift groups are the paid orders of the
period in which the rule was shown (treated) or held out (holdout).

`load_report` takes a plain sqlite3 connection, so a Qt page can run it in a worker thread
on a connection of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from pos_prompter.core.results import (
    COSTED_KINDS,
    LEADERBOARD_MIN_ORDERS_SETTING,
    LEADERBOARD_SETTING,
    OrderFigures,
    Outcomes,
    Period,
    Report,
    Row,
    leaderboard_settings,
    merge_rows,
    rank_clerks,
    total_row,
)
from pos_prompter.core.stats import Sample
from pos_prompter.core.uplift import Uplift

_ONE_DAY = dt.timedelta(days=1)

_GROUPS = {
    "rule": "rule_id",
    "clerk": "clerk",
    "hour": "CAST(substr(at, 12, 2) AS INTEGER)",
    "day": "substr(at, 1, 10)",
}
_ORDER_GROUPS = {
    "clerk": "clerk",
    "hour": "CAST(substr(closed_at, 12, 2) AS INTEGER)",
    "day": "substr(closed_at, 1, 10)",
    "all": "'all'",
}

_OUTCOMES_SQL = """
SELECT {key} AS k,
       SUM(status = 'shown'), SUM(status = 'accepted'), SUM(status = 'declined'),
       SUM(status = 'ignored'), SUM(status = 'held_out'),
       TOTAL(CASE WHEN status = 'accepted' THEN revenue_cents END)
FROM prompt_events
WHERE at >= :low AND at < :high
GROUP BY k
"""

# The accepted offers of the costed kinds, with their margin when every offered product has
# a cost. The offered SKUs are on the 'shown' event of the same order and rule (the answer's
# own event does not repeat them): the latest one logged before the answer.
_MARGINS_SQL = """
CREATE TEMP TABLE report_margins AS
SELECT a.rule_id, a.clerk, a.at,
       a.revenue_cents - (SELECT TOTAL(p.cost_cents) FROM json_each(s.offer) j
                          LEFT JOIN products p ON p.sku = j.value) AS margin,
       (SELECT COUNT(*) > 0 AND COUNT(*) = COUNT(p.cost_cents) FROM json_each(s.offer) j
        LEFT JOIN products p ON p.sku = j.value) AS known
FROM prompt_events a
JOIN prompt_events s ON s.id = (
    SELECT s2.id FROM prompt_events s2
    WHERE s2.order_id = a.order_id AND s2.rule_id = a.rule_id AND s2.status = 'shown'
      AND s2.id < a.id
    ORDER BY s2.id DESC LIMIT 1)
WHERE a.status = 'accepted' AND a.at >= :low AND a.at < :high
  AND a.kind IN ({kinds}) AND json_valid(s.offer)
"""

_MARGIN_GROUP_SQL = """
SELECT {key} AS k, TOTAL(margin), COUNT(*) FROM temp.report_margins WHERE known GROUP BY k
"""

_ORDERS_SQL = """
SELECT {key} AS k, COUNT(*), TOTAL(total_cents),
       SUM(EXISTS (SELECT 1 FROM prompt_events e
                   WHERE e.order_id = o.id AND e.status = 'accepted'))
FROM orders o
WHERE status = 'paid' AND closed_at >= :low AND closed_at < :high
GROUP BY k
"""

# Distinct (rule, order, group) first: a rule shown twice in one order counts the order once.
_UPLIFT_SQL = """
WITH grouped AS (
    SELECT DISTINCT rule_id, order_id, status FROM prompt_events
    WHERE status IN ('shown', 'held_out') AND at >= :event_low AND at < :high
)
SELECT g.rule_id, g.status, COUNT(*), TOTAL(o.total_cents),
       TOTAL(o.total_cents * o.total_cents)
FROM grouped g JOIN orders o ON o.id = g.order_id
WHERE o.status = 'paid' AND o.closed_at >= :low AND o.closed_at < :high
GROUP BY g.rule_id, g.status
"""

_RULES_SQL = """
SELECT id, kind, json_extract(body, '$.title'), COALESCE(json_extract(body, '$.holdout'), 0)
FROM rules
"""


def _int(value: Any) -> int:
    """SQLite's TOTAL is a float (exact for sums of cents below 2**53); SUM may be NULL."""
    return int(value or 0)


def _params(period: Period) -> dict[str, str]:
    low, high = period.bounds()
    # An order paid just after midnight may have had its prompt shown just before.
    event_low = Period(period.start - _ONE_DAY, None).bounds()[0] if period.start else low
    return {"low": low, "high": high, "event_low": event_low}


def outcomes_by(conn: sqlite3.Connection, group: str, period: Period) -> dict[Any, Outcomes]:
    """Prompt outcomes per rule, clerk, hour or day (`group`), margins included."""
    params = _params(period)
    rows = conn.execute(_OUTCOMES_SQL.format(key=_GROUPS[group]), params).fetchall()
    margins = {k: (_int(m), n) for k, m, n in conn.execute(
        _MARGIN_GROUP_SQL.format(key=_GROUPS[group]))}
    return {k: Outcomes(_int(sh), _int(ac), _int(de), _int(ig), _int(ho), _int(rev),
                        *margins.get(k, (0, 0)))
            for k, sh, ac, de, ig, ho, rev in rows}


def orders_by(conn: sqlite3.Connection, group: str, period: Period) -> dict[Any, OrderFigures]:
    """Paid orders per clerk, hour or day (`group`; "all" for the whole period)."""
    rows = conn.execute(_ORDERS_SQL.format(key=_ORDER_GROUPS[group]), _params(period))
    return {k: OrderFigures(_int(n), _int(total), _int(attached))
            for k, n, total, attached in rows}


def uplift_samples(conn: sqlite3.Connection,
                   period: Period) -> dict[str, dict[str, Sample]]:
    """Per rule: the 'shown' (treated) and 'held_out' groups' paid order totals."""
    out: dict[str, dict[str, Sample]] = {}
    for rule, status, n, total, squares in conn.execute(_UPLIFT_SQL, _params(period)):
        out.setdefault(rule, {})[status] = Sample(int(n), _int(total), _int(squares))
    return out


def _setting(conn: sqlite3.Connection, key: str) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def is_practice_store(conn: sqlite3.Connection) -> bool:
    """A practice store carries the setting `training` (practice_store.py)."""
    return _setting(conn, "training") is True


def load_report(conn: sqlite3.Connection, period: Period) -> Report:
    """The whole report for `period`, read in one read transaction (consistent figures even
    while a till is saving)."""
    conn.execute("BEGIN")
    try:
        return _load(conn, period)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.report_margins")
        conn.rollback()


def _load(conn: sqlite3.Connection, period: Period) -> Report:
    kinds = ", ".join(f"'{k}'" for k in COSTED_KINDS)
    conn.execute("DROP TABLE IF EXISTS temp.report_margins")
    conn.execute(_MARGINS_SQL.format(kinds=kinds), _params(period))
    rules_info = {rid: (kind, title, str(holdout))
                  for rid, kind, title, holdout in conn.execute(_RULES_SQL)}
    rule_outcomes = outcomes_by(conn, "rule", period)
    rules = [Row(rid, o, None, title=rules_info.get(rid, (None, None))[1],
                 kind=rules_info.get(rid, (None, None))[0])
             for rid, o in sorted(rule_outcomes.items())]
    clerks = merge_rows(outcomes_by(conn, "clerk", period), orders_by(conn, "clerk", period))
    hours = merge_rows(outcomes_by(conn, "hour", period), orders_by(conn, "hour", period))
    days = merge_rows(outcomes_by(conn, "day", period), orders_by(conn, "day", period))
    everything = orders_by(conn, "all", period).get("all", OrderFigures())
    samples = uplift_samples(conn, period)
    with_holdout = {rid for rid, (_k, _t, h) in rules_info.items() if h not in ("0", "0.0")}
    with_holdout |= {rid for rid, groups in samples.items() if "held_out" in groups}
    currency = _setting(conn, "currency") or "USD"
    uplift = [Uplift(rid, rules_info.get(rid, (None, None))[1] or rid,
                     samples.get(rid, {}).get("shown", Sample(0, 0, 0)),
                     samples.get(rid, {}).get("held_out", Sample(0, 0, 0)),
                     currency=str(currency))
              for rid in sorted(with_holdout)]
    enabled, min_orders = leaderboard_settings(_setting(conn, LEADERBOARD_SETTING),
                                               _setting(conn, LEADERBOARD_MIN_ORDERS_SETTING))
    return Report(period, rules, clerks, hours, days, total_row(rules, everything), uplift,
                  rank_clerks(clerks, min_orders) if enabled else None, min_orders)


def report_indexes() -> Sequence[str]:
    """The indexes the queries above name (migration m008 creates them)."""
    return ("prompt_events_report", "prompt_events_order_status", "orders_paid_report")

