"""Prompt outcomes reach the report tables when their order is paid (m014; issue 11, point
9: bytes written per scan), not one by one as they are logged.

m008's trigger added each prompt event to its rule's, clerk's and hour's row of the day as
it was logged: two to three more pages in the WAL for every prompt shown or answered, synced
and copied back at the next checkpoint. Now report_prompts counts the events of every order
that is not open, in one go when the order's status leaves 'open' (the paying commit: one
page for the day's clerk and hour rows, one or two for its rules'), and an event logged for
an order that is no longer open (the paying save logs its last outcomes after the order's
update; a history written as paid orders) on its own, as m008's trigger did. The events of
open orders are added up live by the report (`PENDING_PROMPTS`): a handful of orders, one
per till, read through the open-order and order-event indexes, so the report of today
still shows the prompts of an order on the counter, or one a crash left open, until it is
paid.

One definition of a prompt event's figures serves the three: the margin of an accepted
cross-sell or bundle is its revenue less the cost of the products offered on the 'shown'
event of the same order and rule before it, when each of them has a cost (m008's).
"""

from __future__ import annotations

_COUNTS = """
    CASE d.dim WHEN 'rule' THEN e.rule_id WHEN 'clerk' THEN COALESCE(e.clerk, '')
         ELSE substr(e.at, 12, 2) END"""
"""A prompt event's key in report_prompts for dimension `d.dim`."""

_FIGURES = """
SELECT e.id, e.at, e.rule_id, e.clerk, e.status,
       CASE WHEN e.status = 'accepted' THEN e.revenue_cents ELSE 0 END AS revenue,
       e.costed,
       CASE WHEN e.costed THEN COALESCE((
           SELECT COUNT(*) > 0 AND COUNT(*) = COUNT(p.cost_cents)
           FROM json_each(e.costed_offer) j LEFT JOIN products p ON p.sku = j.value), 0)
       ELSE 0 END AS known,
       CASE WHEN e.costed THEN e.revenue_cents - (
           SELECT TOTAL(p.cost_cents)
           FROM json_each(e.costed_offer) j LEFT JOIN products p ON p.sku = j.value)
       ELSE 0 END AS margin
FROM (SELECT a.id, a.at, a.rule_id, a.clerk, a.status, a.revenue_cents,
             (a.status = 'accepted' AND a.kind IN ('cross_sell', 'bundle')) AS costed,
             CASE WHEN a.status = 'accepted' AND a.kind IN ('cross_sell', 'bundle') THEN (
                 SELECT CASE WHEN json_valid(s.offer) THEN
                            CASE WHEN json_type(s.offer) = 'array' THEN s.offer END END
                 FROM prompt_events s
                 WHERE s.order_id = a.order_id AND s.rule_id = a.rule_id
                   AND s.status = 'shown' AND s.id < a.id
                 ORDER BY s.id DESC LIMIT 1) END AS costed_offer
      FROM prompt_events a WHERE {where}) AS e"""
"""Each prompt event that `where` picks (on `a`, prompt_events) with what it adds to its
rows: revenue if accepted, and for an accepted cross-sell or bundle whether every product
offered has a cost (`known`) and its margin (counted only when known)."""


def _sums(sign: str) -> str:
    return f"""
    {sign}SUM(e.status = 'shown'), {sign}SUM(e.status = 'accepted'),
    {sign}SUM(e.status = 'declined'), {sign}SUM(e.status = 'ignored'),
    {sign}SUM(e.status = 'held_out'), {sign}SUM(e.revenue),
    {sign}SUM(CASE WHEN e.known THEN e.margin ELSE 0 END), {sign}SUM(e.known)"""


_DIMS = "(SELECT 'rule' AS dim UNION ALL SELECT 'clerk' UNION ALL SELECT 'hour') AS d"


def events_added(where: str, sign: str = "") -> str:
    """An INSERT that adds the prompt events `where` picks (on `a`, prompt_events) to
    their days' rows of report_prompts, by rule, clerk and hour; `sign` '-' takes them
    out. One statement: a trigger's, or a migration's."""
    return f"""
    INSERT INTO report_prompts(dim, day, key, shown, accepted, declined, ignored, held_out,
                               revenue_cents, margin_cents, margin_accepted)
    SELECT d.dim, substr(e.at, 1, 10), {_COUNTS}, {_sums(sign)}
    FROM ({_FIGURES.format(where=where)}) AS e, {_DIMS}
    WHERE true
    GROUP BY 1, 2, 3
    ON CONFLICT(day, dim, key) DO UPDATE SET
        shown = shown + excluded.shown, accepted = accepted + excluded.accepted,
        declined = declined + excluded.declined, ignored = ignored + excluded.ignored,
        held_out = held_out + excluded.held_out,
        revenue_cents = revenue_cents + excluded.revenue_cents,
        margin_cents = margin_cents + excluded.margin_cents,
        margin_accepted = margin_accepted + excluded.margin_accepted;"""


OPEN_ORDERS = "(SELECT id FROM orders WHERE status = 'open')"
"""The ids of the orders still open, whose prompt events report_prompts does not count."""

ORDER_PROMPTS_TRIGGER = f"""
CREATE TRIGGER report_order_prompts AFTER UPDATE OF status ON orders
WHEN (OLD.status = 'open') <> (NEW.status = 'open')
BEGIN
{events_added("a.order_id = NEW.id AND NEW.status <> 'open'")}
{events_added("a.order_id = NEW.id AND NEW.status = 'open'", "-")}
END;"""
"""An order leaving 'open' (paid) adds its prompt events to report_prompts; one going
back to 'open' takes them out. One statement per way, the other adding nothing."""

PENDING_PROMPTS = f"""
SELECT substr(e.at, 1, 10) AS day, {_COUNTS} AS key, {_sums("")}
FROM ({_FIGURES.format(where="a.order_id IN " + OPEN_ORDERS)}) AS e,
     (SELECT :dim AS dim) AS d
WHERE substr(e.at, 1, 10) >= :low AND substr(e.at, 1, 10) < :high
GROUP BY 1, 2"""
"""The prompt events of the open orders, added up per day and key of dimension :dim as
report_prompts has them (columns: day, key, then its figures in its order)."""

OPEN_EVENTS_COUNT = f"SELECT COUNT(*) FROM prompt_events WHERE order_id IN {OPEN_ORDERS}"
"""How many prompt events report_prompts leaves to the report (their orders are open)."""


UPLIFT_RECENT = """
CREATE TABLE report_uplift (
    rule_id TEXT NOT NULL,
    grp TEXT NOT NULL CHECK (grp IN ('shown', 'held_out')),
    day TEXT NOT NULL,                 -- local date the order was paid
    orders INTEGER NOT NULL DEFAULT 0,
    total_cents INTEGER NOT NULL DEFAULT 0,
    squares INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, rule_id, grp)
) WITHOUT ROWID"""
"""m015: report_uplift keyed by day first (m008's columns in m008's order), so a paid
order's rows (one per rule it showed or held out) lie together at the table's end, on a
page or two, instead of one random page per rule (4-5 pages per pay, each copied back as
a whole 4 KB block at the checkpoint). Its past days move in one write (`fold_uplift` in
reports.py) to report_uplift_past, m008's table renamed, keyed by rule, so a year's
uplift reads each rule's days in order with no sort; report_uplift holds a day or two."""

FOLD_UPLIFT = ("""
INSERT INTO report_uplift_past(rule_id, grp, day, orders, total_cents, squares)
SELECT rule_id, grp, day, orders, total_cents, squares FROM report_uplift
WHERE day < :last ORDER BY rule_id, grp, day
ON CONFLICT(rule_id, grp, day) DO UPDATE SET
    orders = orders + excluded.orders, total_cents = total_cents + excluded.total_cents,
    squares = squares + excluded.squares""", "DELETE FROM report_uplift WHERE day < :last")
"""Move report_uplift's rows of the days before :last into report_uplift_past, adding
them to what it has of those days (a paid order changed since, or an import)."""
