"""The report's SQL (issue 10): prompt outcomes per rule, clerk, hour of day and day; the
paid orders' value and attach rate per clerk, hour and day; the uplift groups' order totals.
Every figure is an aggregate computed by SQLite (GROUP BY), never a Python loop over rows.

The figures are added up per day in the report tables of migration m008 (report_prompts,
report_orders, report_uplift), kept current by triggers as the till saves, so a report of
any range of days reads a few thousand rows instead of a year's million prompt events.
`load_report` first checks that those tables still add up to the rows they count (the
number of prompt events and of paid orders) and rebuilds them when they do not: the first
report on a store upgraded with history, or after a practice copy emptied its sales. Since
m014 report_prompts counts the events of orders that are not open (an order's go in when
it is paid); the open orders' few are added up live (store/report_at_pay.py).

Dating: a prompt outcome counts on the day and hour it was logged (`prompt_events.at`), an
order on the day and hour it was paid (`orders.closed_at`); both are local ISO times, so a
period is a text range. Only paid orders count. The uplift groups are the paid orders of the
period in which the rule was shown (treated) or held out (holdout).

`load_report` takes a plain sqlite3 connection, so a Qt page can run it in a worker thread
on a connection of its own.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from pos_prompter.core.leaderboard_setting import (
    LEADERBOARD_MIN_ORDERS_SETTING,
    LEADERBOARD_SETTING,
    leaderboard_settings,
)
from pos_prompter.core.results import (
    OrderFigures,
    Outcomes,
    Period,
    Report,
    Row,
    merge_rows,
    rank_clerks,
    total_row,
)
from pos_prompter.core.stats import Sample
from pos_prompter.core.uplift import Uplift
from pos_prompter.store.past_import import lift_trigger
from pos_prompter.store.report_at_pay import (
    FOLD_PROMPTS,
    FOLD_RECENT,
    FOLD_UPLIFT,
    OPEN_EVENTS_COUNT,
    OPEN_ORDERS,
    PENDING_PROMPTS,
)

_DAYS = "day >= :low AND day < :high"

_OUTCOMES_SQL = """
SELECT {key} AS k, SUM(shown), SUM(accepted), SUM(declined), SUM(ignored), SUM(held_out),
       SUM(revenue_cents), SUM(margin_cents), SUM(margin_accepted)
FROM report_prompts WHERE dim = :dim AND """ + _DAYS + """ GROUP BY k
"""
"""Prompt outcomes per key in the report table (the last days' rows per order, m016). The
open orders' events are added to them (`PENDING_PROMPTS`: m014 counts an order's events
in the table when it is paid, report_at_pay.py): a query of their own, so this one still
reads the days in the key's order, with no sort for a GROUP BY day."""

_OUTCOMES_RECENT_SQL = _OUTCOMES_SQL.replace("FROM report_prompts ",
                                             "FROM report_prompts_recent ")
"""And the rows the tills appended since the last fold (m020: every dimension's per order,
a day or two of them)."""

_ORDERS_SQL = """
SELECT {key} AS k, SUM(orders), SUM(total_cents), SUM(attached)
FROM report_orders WHERE dim = :dim AND """ + _DAYS + """ GROUP BY k
"""

_UPLIFT_SQL = """
SELECT rule_id, grp, SUM(orders), SUM(total_cents), SUM(squares)
FROM report_uplift_past WHERE """ + _DAYS + """ GROUP BY rule_id, grp
"""
"""The uplift groups of the past days (m015: keyed by rule, no sort)."""
_UPLIFT_RECENT_SQL = _UPLIFT_SQL.replace("report_uplift_past", "report_uplift")
"""And of the last day or two, which the tills add to (keyed by day)."""

_RULES_SQL = """
SELECT id, kind, json_extract(body, '$.title'),
       COALESCE(json_extract(body, '$.holdout'), 0) AS holdout_
FROM rules
"""

# Rebuilding the report tables from the rows they add up (the triggers of migration m008
# keep them up to date from then on). The margin of an accepted offer: its revenue minus
# the cost of the products offered on the 'shown' event of the same order and rule (the
# latest before the answer), when every one of them has a cost.
_ORDERS_BY_DAY = """
SELECT d.dim, substr(COALESCE(o.closed_at, o.opened_at), 1, 10) AS day,
       CASE d.dim WHEN 'clerk' THEN COALESCE(o.clerk, '')
            ELSE substr(COALESCE(o.closed_at, o.opened_at), 12, 2) END AS key,
       COUNT(*), SUM(o.total_cents),
       SUM(EXISTS (SELECT 1 FROM prompt_events e
                   WHERE e.order_id = o.id AND e.status = 'accepted'))
FROM orders o, (SELECT 'clerk' AS dim UNION ALL SELECT 'hour') AS d
WHERE """
"""Paid orders added up per day, by clerk and by hour (the rows of report_orders), for the
orders the WHERE condition that follows picks: every paid order (a rebuild), or those an
import just added."""

_COMPUTE_SQL = """
DROP TABLE IF EXISTS temp.new_report_prompts;
DROP TABLE IF EXISTS temp.new_report_orders;
DROP TABLE IF EXISTS temp.new_report_uplift;
CREATE TEMP TABLE new_report_prompts AS SELECT * FROM main.report_prompts WHERE 0;
CREATE TEMP TABLE new_report_orders AS SELECT * FROM main.report_orders WHERE 0;
CREATE TEMP TABLE new_report_uplift AS SELECT * FROM main.report_uplift WHERE 0;
DROP TABLE IF EXISTS temp.report_margin;
CREATE TEMP TABLE report_margin AS
SELECT a.id, a.revenue_cents, (
        SELECT CASE WHEN json_valid(s.offer) THEN
                   CASE WHEN json_type(s.offer) = 'array' THEN s.offer END END
        FROM prompt_events s
        WHERE s.order_id = a.order_id AND s.rule_id = a.rule_id AND s.status = 'shown'
          AND s.id < a.id ORDER BY s.id DESC LIMIT 1) AS offer,
       0 AS known, 0 AS margin
FROM prompt_events a
WHERE a.status = 'accepted' AND a.kind IN ('cross_sell', 'bundle');
UPDATE temp.report_margin SET
    known = COALESCE((SELECT COUNT(*) > 0 AND COUNT(*) = COUNT(p.cost_cents)
                      FROM json_each(offer) j LEFT JOIN products p ON p.sku = j.value), 0),
    margin = revenue_cents - (SELECT TOTAL(p.cost_cents)
                              FROM json_each(offer) j LEFT JOIN products p ON p.sku = j.value);
UPDATE temp.report_margin SET margin = 0 WHERE NOT known;
INSERT INTO temp.new_report_prompts(dim, day, key, shown, accepted, declined, ignored,
                                    held_out, revenue_cents, margin_cents, margin_accepted,
                                    order_id)
SELECT d.dim, substr(e.at, 1, 10) AS day,
       CASE d.dim WHEN 'rule' THEN e.rule_id WHEN 'clerk' THEN COALESCE(e.clerk, '')
            ELSE substr(e.at, 12, 2) END AS key,
       SUM(e.status = 'shown'), SUM(e.status = 'accepted'), SUM(e.status = 'declined'),
       SUM(e.status = 'ignored'), SUM(e.status = 'held_out'),
       SUM(CASE WHEN e.status = 'accepted' THEN e.revenue_cents ELSE 0 END),
       SUM(COALESCE(m.margin, 0)), SUM(COALESCE(m.known, 0)),
       CASE d.dim WHEN 'rule' THEN e.order_id ELSE 0 END
FROM prompt_events e LEFT JOIN temp.report_margin m ON m.id = e.id,
     (SELECT 'rule' AS dim UNION ALL SELECT 'clerk' UNION ALL SELECT 'hour') AS d
WHERE e.order_id NOT IN """ + OPEN_ORDERS + """
GROUP BY d.dim, day, key, CASE d.dim WHEN 'rule' THEN e.order_id ELSE 0 END;
DROP TABLE temp.report_margin;
INSERT INTO temp.new_report_orders(dim, day, key, orders, total_cents, attached)
""" + _ORDERS_BY_DAY + """o.status = 'paid'
GROUP BY d.dim, day, key;
INSERT INTO temp.new_report_uplift(rule_id, grp, day, orders, total_cents, squares,
                                    order_id)
SELECT g.rule_id, g.status, substr(COALESCE(o.closed_at, o.opened_at), 1, 10) AS day,
       1, o.total_cents, o.total_cents * o.total_cents, o.id
FROM (SELECT DISTINCT rule_id, order_id, status FROM prompt_events
      WHERE status IN ('shown', 'held_out')) AS g
JOIN orders o ON o.id = g.order_id
WHERE o.status = 'paid';
"""

# Putting what _COMPUTE_SQL added up in place of the report tables: small tables (days x
# keys), so the write that does it is short.
_SWAP_SQL = """
DELETE FROM main.report_prompts;
DELETE FROM main.report_prompts_recent;
INSERT INTO main.report_prompts SELECT * FROM temp.new_report_prompts;
DELETE FROM main.report_orders;
INSERT INTO main.report_orders SELECT * FROM temp.new_report_orders;
DELETE FROM main.report_uplift;
DELETE FROM main.report_uplift_past;
INSERT INTO main.report_uplift SELECT * FROM temp.new_report_uplift;

DROP TABLE temp.new_report_prompts;
DROP TABLE temp.new_report_orders;
DROP TABLE temp.new_report_uplift;
"""

_SOURCE_SQL = """
SELECT (SELECT COUNT(*) FROM prompt_events), (SELECT MAX(id) FROM prompt_events),
       (SELECT COUNT(*) FROM orders WHERE status = 'paid'),
       (SELECT MAX(id) FROM orders WHERE status = 'paid'),
       (SELECT COUNT(*) FROM products), (SELECT TOTAL(cost_cents) FROM products)
"""
"""What the report tables are added up from, in a few figures: unchanged figures between
the add-up and the swap mean no sale or cost was logged in between."""

REBUILD_TRIES = 3
"""Add-ups under a read snapshot before the rebuild is done inside one write instead."""

_CHECK_SQL = """
SELECT (SELECT COUNT(*) FROM prompt_events) - (""" + OPEN_EVENTS_COUNT + """),
       (SELECT COALESCE(SUM(shown + accepted + declined + ignored + held_out), 0)
        FROM report_prompts WHERE dim = 'rule')
       + (SELECT COALESCE(SUM(shown + accepted + declined + ignored + held_out), 0)
          FROM report_prompts_recent WHERE dim = 'rule'),
       (SELECT COUNT(*) FROM orders WHERE status = 'paid'),
       (SELECT COALESCE(SUM(orders), 0) FROM report_orders WHERE dim = 'clerk')
"""


def _int(value: Any) -> int:
    return int(value or 0)


def _params(period: Period, dim: str = "") -> dict[str, str]:
    low, high = period.bounds()
    return {"low": low, "high": high, "dim": dim}


def _key(dim: str, key: str) -> Any:
    """A report table's key as the report shows it: no clerk is None, an hour a number."""
    if dim == "clerk":
        return key or None
    if dim == "hour":
        return int(key)
    return key


def outcomes_by(conn: sqlite3.Connection, group: str, period: Period) -> dict[Any, Outcomes]:
    """Prompt outcomes per rule, clerk, hour or day (`group`)."""
    dim, key = ("rule", "day") if group == "day" else (group, "key")
    params = _params(period, dim)
    sums: dict[Any, list[int]] = {}
    for k, *values in conn.execute(_OUTCOMES_SQL.format(key=key), params):
        sums[k] = [_int(v) for v in values]
    added = [(k, values) for k, *values in conn.execute(_OUTCOMES_RECENT_SQL.format(key=key),
                                                        params)]
    added += [(day if group == "day" else k, values)  # the open orders'
              for day, k, *values in conn.execute(PENDING_PROMPTS, params)]
    for k, values in added:
        had = sums.setdefault(k, [0] * len(values))
        for i, v in enumerate(values):
            had[i] += _int(v)
    return {(k if group == "day" else _key(dim, k)): Outcomes(*values)
            for k, values in sums.items()}


def orders_by(conn: sqlite3.Connection, group: str, period: Period) -> dict[Any, OrderFigures]:
    """Paid orders per clerk, hour or day (`group`; "all" for the whole period)."""
    dim, key = {"day": ("clerk", "day"), "all": ("clerk", "'all'")}.get(group, (group, "key"))
    rows = conn.execute(_ORDERS_SQL.format(key=key), _params(period, dim))
    return {(k if group in ("day", "all") else _key(dim, k)):
            OrderFigures(_int(n), _int(total), _int(attached))
            for k, n, total, attached in rows}


def uplift_samples(conn: sqlite3.Connection,
                   period: Period) -> dict[str, dict[str, Sample]]:
    """Per rule: the 'shown' (treated) and 'held_out' groups' paid order totals."""
    out: dict[str, dict[str, Sample]] = {}
    for sql in (_UPLIFT_SQL, _UPLIFT_RECENT_SQL):
        for rule, grp, n, total, squares in conn.execute(sql, _params(period)):
            had = out.setdefault(rule, {}).get(grp, Sample(0, 0, 0))
            out[rule][grp] = Sample(had.n + _int(n), had.total + _int(total),
                                    had.squares + _int(squares))
    return out


_FOLDS = (FOLD_UPLIFT, FOLD_PROMPTS, FOLD_RECENT)
"""The statements that add the per-order rows of the days before the last up by rule
(m016): report_uplift's into report_uplift_past, report_prompts' (a rebuild's) and
report_prompts_recent's (m020) into the day's rows."""

_RECENT_DAYS = ("SELECT MIN(day), MAX(day) FROM (SELECT day FROM report_uplift "
                "UNION ALL SELECT day FROM report_prompts_recent)")
"""The first and last day of the rows the tills' pays append."""


def fold_report_rows(conn: sqlite3.Connection) -> None:
    """Add the per-order rows of the days before the last up by day (report_uplift's
    into report_uplift_past, by rule; report_prompts' into the day's rows), in one short
    write of its own: a day's rows once, where the tills' pays wrote them per order at the
    tables' end. Their days say when. Skipped when there is
    nothing to move, or the store cannot be written now (read-only, or busy: the next
    report tries again); the reads add up every row, so the figures are the same either
    way."""
    if conn.in_transaction:
        return
    first, last = conn.execute(_RECENT_DAYS).fetchone()
    if first is None or first == last:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return
    try:
        last = conn.execute(_RECENT_DAYS).fetchone()[1]
        for statements in _FOLDS:
            for sql in statements:
                conn.execute(sql, {"last": last})
    except sqlite3.OperationalError:
        conn.rollback()
        return
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def report_tables_agree(conn: sqlite3.Connection) -> bool:
    """Whether the report tables add up to the prompt events and paid orders they count
    (false before the first report on a store with history, or after rows were deleted)."""
    events, counted, paid, counted_paid = conn.execute(_CHECK_SQL).fetchone()
    return bool(events == counted and paid == counted_paid)


def _run(conn: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def compute_report_tables(conn: sqlite3.Connection) -> tuple[Any, ...]:
    """Add every prompt event and paid order up into temporary tables, under a read
    snapshot of the store: seconds at a year of history, with no write lock held, so tills
    go on saving meanwhile. Returns the figures of what was added up (_SOURCE_SQL)."""
    conn.execute("BEGIN")
    try:
        seen = tuple(conn.execute(_SOURCE_SQL).fetchone())
        _run(conn, _COMPUTE_SQL)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()  # only temporary tables were written: nothing reaches the store file
    return seen


def rebuild_report_tables(conn: sqlite3.Connection) -> None:
    """Fill the report tables again from every prompt event and paid order.

    The adding up runs under a read snapshot (compute_report_tables); one short write then
    puts the result in place, if nothing was logged in between. Otherwise it is added up
    again (REBUILD_TRIES times), and at last inside the write itself."""
    for _ in range(REBUILD_TRIES):
        seen = compute_report_tables(conn)
        conn.execute("BEGIN IMMEDIATE")
        try:
            if tuple(conn.execute(_SOURCE_SQL).fetchone()) == seen:
                _run(conn, _SWAP_SQL)
                conn.commit()
                return
        except BaseException:
            conn.rollback()
            raise
        conn.rollback()
    conn.execute("BEGIN IMMEDIATE")
    try:
        _run(conn, _COMPUTE_SQL)
        _run(conn, _SWAP_SQL)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _setting(conn: sqlite3.Connection, key: str) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def is_practice_store(conn: sqlite3.Connection) -> bool:
    """A practice store carries the setting `training` (practice_store.py)."""
    return _setting(conn, "training") is True


def load_report(conn: sqlite3.Connection, period: Period) -> Report:
    """The whole report for `period`, read in one read transaction (consistent figures even
    while a till is saving). The report tables are filled first if they need it."""
    if not report_tables_agree(conn):
        rebuild_report_tables(conn)
    fold_report_rows(conn)
    if not conn.in_transaction:
        conn.execute("BEGIN")
    try:
        return _load(conn, period)
    finally:
        conn.rollback()


def _rules_info(conn: sqlite3.Connection) -> dict[str, tuple[Any, Any, str]]:
    """Each rule's kind, title and holdout (as text), by id."""
    return {rid: (kind, title, str(holdout))
            for rid, kind, title, holdout in conn.execute(_RULES_SQL)}


def _holdout_rules_info(conn: sqlite3.Connection,
                        also: Iterable[str]) -> dict[str, tuple[Any, Any, str]]:
    """`_rules_info` of the rules with a holdout and of those named in `also` only: the
    few a chain's 20,000 rules have, picked by SQLite (reading every rule's row into
    Python took 150 ms)."""
    return {rid: (kind, title, str(holdout)) for rid, kind, title, holdout in conn.execute(
        f"SELECT * FROM ({_RULES_SQL}) WHERE holdout_ != 0 OR id IN "
        "(SELECT value FROM json_each(?))", [json.dumps(sorted(also))])}


def rule_uplifts(conn: sqlite3.Connection, period: Period,
                 rules_info: dict[str, tuple[Any, Any, str]] | None = None) -> list[Uplift]:
    """Each rule's true uplift over `period`, in rule id order, for every rule with a
    holdout, and every rule with held-out orders in the period (its holdout since taken
    off): the report's "uplift". Read from the report tables, inside a read transaction
    (after `ensure_report_tables`). Without `rules_info` (every rule's), it reads that of
    the rules it needs only."""
    samples = uplift_samples(conn, period)
    info = rules_info if rules_info is not None else _holdout_rules_info(
        conn, (rid for rid, groups in samples.items() if "held_out" in groups))
    with_holdout = {rid for rid, (_k, _t, h) in info.items() if h not in ("0", "0.0")}
    with_holdout |= {rid for rid, groups in samples.items() if "held_out" in groups}
    currency = _setting(conn, "currency") or "USD"
    return [Uplift(rid, (info.get(rid) or (None, None, "0"))[1] or rid,
                   samples.get(rid, {}).get("shown", Sample(0, 0, 0)),
                   samples.get(rid, {}).get("held_out", Sample(0, 0, 0)),
                   currency=str(currency))
            for rid in sorted(with_holdout)]


def ensure_report_tables(conn: sqlite3.Connection) -> None:
    """Rebuild the report tables when they do not add up to what they count (outside any
    transaction: the rebuild makes its own)."""
    if not report_tables_agree(conn):
        rebuild_report_tables(conn)
    fold_report_rows(conn)


def current_uplifts(conn: sqlite3.Connection) -> dict[str, Uplift]:
    """Every rule's true uplift over all its history, by rule id, read in one read
    transaction (or in the caller's); none for a practice store (practice runs never count
    in the results). Call `ensure_report_tables` once before (the triggers keep the tables
    current after that)."""
    if is_practice_store(conn):
        return {}
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        return {u.rule: u for u in rule_uplifts(conn, Period())}
    finally:
        if began:
            conn.rollback()


def _load(conn: sqlite3.Connection, period: Period) -> Report:
    rules_info = _rules_info(conn)
    rule_outcomes = outcomes_by(conn, "rule", period)
    rules = [Row(rid, o, None, title=rules_info.get(rid, (None, None))[1],
                 kind=rules_info.get(rid, (None, None))[0])
             for rid, o in sorted(rule_outcomes.items())]
    clerks = merge_rows(outcomes_by(conn, "clerk", period), orders_by(conn, "clerk", period))
    hours = merge_rows(outcomes_by(conn, "hour", period), orders_by(conn, "hour", period))
    days = merge_rows(outcomes_by(conn, "day", period), orders_by(conn, "day", period))
    everything = orders_by(conn, "all", period).get("all", OrderFigures())
    uplift = rule_uplifts(conn, period, rules_info)
    enabled, min_orders = leaderboard_settings(_setting(conn, LEADERBOARD_SETTING),
                                               _setting(conn, LEADERBOARD_MIN_ORDERS_SETTING))
    return Report(period, rules, clerks, hours, days, total_row(rules, everything), uplift,
                  rank_clerks(clerks, min_orders) if enabled else None, min_orders)


_IMPORTED = "o.source = :source AND o.id > :after AND +o.status = 'paid'"
"""The orders an import just added (through the primary key: `+` keeps SQLite off the
status index, which would read every paid order)."""

_ADD_IMPORTED_SQL = ("""
INSERT INTO report_orders(dim, day, key, orders, total_cents, attached)
WITH g AS (
    SELECT substr(COALESCE(o.closed_at, o.opened_at), 1, 10) AS day,
           substr(COALESCE(o.closed_at, o.opened_at), 12, 2) AS hour,
           COALESCE(o.clerk, '') AS clerk, COUNT(*) AS n, SUM(o.total_cents) AS cents,
           SUM(EXISTS (SELECT 1 FROM prompt_events e
                       WHERE e.order_id = o.id AND e.status = 'accepted')) AS attached
    FROM orders o WHERE """ + _IMPORTED + """
    GROUP BY day, hour, clerk)
SELECT * FROM (
    SELECT 'clerk', day, clerk, SUM(n), SUM(cents), SUM(attached) FROM g GROUP BY day, clerk
    UNION ALL
    SELECT 'hour', day, hour, SUM(n), SUM(cents), SUM(attached) FROM g GROUP BY day, hour)
WHERE true
ON CONFLICT(dim, day, key) DO UPDATE SET
    orders = orders + excluded.orders, total_cents = total_cents + excluded.total_cents,
    attached = attached + excluded.attached""", """
INSERT INTO report_uplift(rule_id, grp, day, orders, total_cents, squares, order_id)
SELECT g.rule_id, g.status, substr(COALESCE(o.closed_at, o.opened_at), 1, 10) AS day,
       1, o.total_cents, o.total_cents * o.total_cents, o.id
FROM orders o JOIN (SELECT DISTINCT e.rule_id, e.order_id, e.status
                    FROM orders o JOIN prompt_events e ON e.order_id = o.id
                    WHERE """ + _IMPORTED + """ AND e.status IN ('shown', 'held_out')) AS g
     ON g.order_id = o.id
WHERE """ + _IMPORTED)


def add_imported_orders(conn: sqlite3.Connection, source: str, after: int) -> None:
    """Add the paid orders just imported from `source` (ids above `after`) to the report
    tables, in bulk: what m008's insert trigger does one order at a time, and what m009 has
    it leave to the import. Call it inside the import's transaction.

    The orders are read once, added up by day, hour and clerk, and those sums give both
    dimensions' rows (`WHERE true`: SQLite's upsert after a SELECT needs a WHERE): reading
    them once per dimension took 1.7-2.1 s for 500,000 orders, this 0.8 s (same rows)."""
    for sql in _ADD_IMPORTED_SQL:
        conn.execute(sql, {"source": source, "after": after})


@contextmanager
def insert_trigger_lifted(conn: sqlite3.Connection) -> Iterator[None]:
    """The orders' insert trigger (m008, since m009 skipping imported orders) dropped for
    the block and created again, as it was, after it: inside a write transaction only, so
    no other connection ever sees the store without it (an error rolls the drop back).
    An AFTER INSERT trigger on orders, even one whose WHEN is false for every row (or a
    one-statement body), made inserting the orders ~3x slower together with the orders'
    indexes (measured, dropping either one: 3.5 -> 1.3 s for 200,000 orders)."""
    assert conn.in_transaction, "lift the trigger inside the import's transaction only"
    lifted = lift_trigger(conn, "report_order_added")
    yield
    for sql in lifted:
        conn.execute(sql)
