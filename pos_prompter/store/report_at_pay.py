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

import sqlite3

_COUNTS = """
    CASE d.dim WHEN 'rule' THEN e.rule_id WHEN 'clerk' THEN COALESCE(e.clerk, '')
         ELSE substr(e.at, 12, 2) END"""
"""A prompt event's key in report_prompts for dimension `d.dim`."""

_FIGURES = """
SELECT e.id, e.order_id, e.at, e.rule_id, e.clerk, e.status,
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
FROM (SELECT a.id, a.order_id, a.at, a.rule_id, a.clerk, a.status, a.revenue_cents,
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
SELECT rule_id, grp, day, SUM(orders), SUM(total_cents), SUM(squares) FROM report_uplift
WHERE day < :last GROUP BY rule_id, grp, day
ON CONFLICT(rule_id, grp, day) DO UPDATE SET
    orders = orders + excluded.orders, total_cents = total_cents + excluded.total_cents,
    squares = squares + excluded.squares""", "DELETE FROM report_uplift WHERE day < :last")
"""Move report_uplift's rows of the days before :last into report_uplift_past, adding
them to what it has of those days (a paid order changed since, or an import)."""


# ---------------------------------------------------------------- m016: rows per order
#
# A pay still wrote a row per rule its order met in two tables (report_prompts' rule rows
# and report_uplift), each on its own page among the day's rows of every other rule: with
# thousands of rules, 8-9 pages a pay. m016 keys the rule rows by day, then order: a pay
# appends its order's rows at the tables' end, a page or two each. The report adds them up
# as before (a day's worth per order), and `fold_report_rows` (reports.py) adds the days
# before the last up once: into report_prompts' rows of order 0, and report_uplift_past.

_ADD = """
ON CONFLICT({key}) DO UPDATE SET
    shown = shown + excluded.shown, accepted = accepted + excluded.accepted,
    declined = declined + excluded.declined, ignored = ignored + excluded.ignored,
    held_out = held_out + excluded.held_out,
    revenue_cents = revenue_cents + excluded.revenue_cents,
    margin_cents = margin_cents + excluded.margin_cents,
    margin_accepted = margin_accepted + excluded.margin_accepted;"""

_FIGURE_COLUMNS = ("shown, accepted, declined, ignored, held_out, revenue_cents, "
                   "margin_cents, margin_accepted")

PROMPTS_BY_ORDER = """
CREATE TABLE report_prompts (
    dim TEXT NOT NULL CHECK (dim IN ('rule', 'clerk', 'hour')),
    day TEXT NOT NULL,                 -- local date of prompt_events.at
    key TEXT NOT NULL,                 -- rule id, clerk ('' for none), hour '00'-'23'
    shown INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    declined INTEGER NOT NULL DEFAULT 0,
    ignored INTEGER NOT NULL DEFAULT 0,
    held_out INTEGER NOT NULL DEFAULT 0,
    revenue_cents INTEGER NOT NULL DEFAULT 0,
    margin_cents INTEGER NOT NULL DEFAULT 0,   -- of the accepted offers with costs
    margin_accepted INTEGER NOT NULL DEFAULT 0, -- how many accepted offers that covers
    order_id INTEGER NOT NULL DEFAULT 0,       -- a rule row's order; 0: several (folded)
    PRIMARY KEY (day, dim, order_id, key)
) WITHOUT ROWID"""
"""m016: report_prompts (m013's columns in m013's order, then order_id): a rule's rows of a
day per order, its order's rule rows together at the table's end, until folded into the
day's row of the rule (order 0); the clerk and hour rows are order 0's, as before."""

UPLIFT_BY_ORDER = """
CREATE TABLE report_uplift (
    rule_id TEXT NOT NULL,
    grp TEXT NOT NULL CHECK (grp IN ('shown', 'held_out')),
    day TEXT NOT NULL,                 -- local date the order was paid
    orders INTEGER NOT NULL DEFAULT 0,
    total_cents INTEGER NOT NULL DEFAULT 0,
    squares INTEGER NOT NULL DEFAULT 0,
    order_id INTEGER NOT NULL DEFAULT 0,   -- 0: rows of several orders (before m016)
    PRIMARY KEY (day, order_id, rule_id, grp)
) WITHOUT ROWID"""
"""m016: report_uplift's rows per order (m008's columns first, in their order)."""

UPLIFT_ADD = """
ON CONFLICT(day, order_id, rule_id, grp) DO UPDATE SET
    orders = orders + excluded.orders, total_cents = total_cents + excluded.total_cents,
    squares = squares + excluded.squares"""


def events_added_by_order(where: str, sign: str = "") -> str:
    """An INSERT that adds the prompt events `where` picks (on `a`) to their days' clerk
    and hour rows of report_prompts and their order's rule rows; `sign` '-' takes them
    out."""
    return f"""
    INSERT INTO report_prompts(dim, day, key, order_id, {_FIGURE_COLUMNS})
    SELECT d.dim, substr(e.at, 1, 10), {_COUNTS},
           CASE d.dim WHEN 'rule' THEN e.order_id ELSE 0 END, {_sums(sign)}
    FROM ({_FIGURES.format(where=where)}) AS e, {_DIMS}
    WHERE true
    GROUP BY 1, 2, 3, 4{_ADD.format(key="day, dim, order_id, key")}"""


def _when(row: str) -> tuple[str, str]:
    paid = f"COALESCE({row}.closed_at, {row}.opened_at)"
    return f"substr({paid}, 1, 10)", f"substr({paid}, 12, 2)"


_ORDERS_ADD = """
    ON CONFLICT(dim, day, key) DO UPDATE SET
        orders = orders + excluded.orders, total_cents = total_cents + excluded.total_cents,
        attached = attached + excluded.attached;"""


def order_change(row: str, sign: str, uplift_add: str = UPLIFT_ADD) -> str:
    """m008's share of a paid order in report_orders and report_uplift (added with sign
    '+', taken out with '-'), its uplift rows now its own (order_id); `uplift_add` how an
    uplift row adds to one already there (m017: none, a row of its own)."""
    day, hour = _when(row)
    attached = (f"{sign}EXISTS (SELECT 1 FROM prompt_events e "
                f"WHERE e.order_id = {row}.id AND e.status = 'accepted')")
    rows = "\n".join(f"""
    INSERT INTO report_orders(dim, day, key, orders, total_cents, attached)
    SELECT '{dim}', {day}, {key}, {sign}1, {sign}{row}.total_cents, {attached}
    WHERE {row}.status = 'paid'{_ORDERS_ADD}""" for dim, key in (
        ("clerk", f"COALESCE({row}.clerk, '')"), ("hour", hour)))
    return rows + f"""
    INSERT INTO report_uplift(rule_id, grp, day, orders, total_cents, squares, order_id)
    SELECT g.rule_id, g.status, {day}, {sign}1, {sign}{row}.total_cents,
           {sign}{row}.total_cents * {row}.total_cents, {row}.id
    FROM (SELECT DISTINCT rule_id, status FROM prompt_events
          WHERE order_id = {row}.id AND status IN ('shown', 'held_out')) AS g
    WHERE {row}.status = 'paid'{uplift_add};"""


def _late_event(uplift_add: str = UPLIFT_ADD) -> str:
    """m008's: an event logged for an order already paid adds what the order's update
    could not count yet (its attach, its rule's uplift row), the uplift row the order's."""
    day, hour = _when("o")
    first_accept = ("NOT EXISTS (SELECT 1 FROM prompt_events e WHERE e.order_id = "
                    "NEW.order_id AND e.status = 'accepted' AND e.id <> NEW.id)")
    rows = "\n".join(f"""
    INSERT INTO report_orders(dim, day, key, orders, total_cents, attached)
    SELECT '{dim}', {day}, {key}, 0, 0, 1 FROM orders o
    WHERE NEW.status = 'accepted' AND o.id = NEW.order_id AND o.status = 'paid'
      AND {first_accept}{_ORDERS_ADD}""" for dim, key in (
        ("clerk", "COALESCE(o.clerk, '')"), ("hour", hour)))
    return rows + f"""
    INSERT INTO report_uplift(rule_id, grp, day, orders, total_cents, squares, order_id)
    SELECT NEW.rule_id, NEW.status, {day}, 1, o.total_cents, o.total_cents * o.total_cents,
           o.id
    FROM orders o
    WHERE NEW.status IN ('shown', 'held_out') AND o.id = NEW.order_id AND o.status = 'paid'
      AND NOT EXISTS (SELECT 1 FROM prompt_events e WHERE e.order_id = NEW.order_id
                      AND e.rule_id = NEW.rule_id AND e.status = NEW.status
                      AND e.id <> NEW.id){uplift_add};"""


TRIGGERS_BY_ORDER = (f"""
CREATE TRIGGER report_prompt_logged AFTER INSERT ON prompt_events
WHEN NOT EXISTS (SELECT 1 FROM orders WHERE id = NEW.order_id AND status = 'open')
BEGIN
{events_added_by_order("a.id = NEW.id")}
{_late_event()}
END""", f"""
CREATE TRIGGER report_order_prompts AFTER UPDATE OF status ON orders
WHEN (OLD.status = 'open') <> (NEW.status = 'open')
BEGIN
{events_added_by_order("a.order_id = NEW.id AND NEW.status <> 'open'")}
{events_added_by_order("a.order_id = NEW.id AND NEW.status = 'open'", "-")}
END""", f"""
CREATE TRIGGER report_order_added AFTER INSERT ON orders
WHEN NEW.status = 'paid' AND NEW.source IS NULL
BEGIN
{order_change("NEW", "+")}
END""", f"""
CREATE TRIGGER report_order_changed AFTER UPDATE ON orders
WHEN OLD.status = 'paid' OR NEW.status = 'paid'
BEGIN
{order_change("OLD", "-")}
{order_change("NEW", "+")}
END""")
"""m016's report triggers: m014's and m008's (with m009's WHEN), writing the rows of an
order's rules per order."""


def rows_per_order(conn: sqlite3.Connection) -> None:
    """m016: report_prompts and report_uplift keyed by day, then order (their rows so far
    kept as order 0's), and the triggers that write them."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'report_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for table, create, order in (("report_prompts", PROMPTS_BY_ORDER, "day, dim, key"),
                                 ("report_uplift", UPLIFT_BY_ORDER, "day, rule_id, grp")):
        conn.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
        conn.execute(create)
        conn.execute(f"INSERT INTO {table} SELECT *, 0 FROM {table}_old ORDER BY {order}")
        conn.execute(f"DROP TABLE {table}_old")
    for sql in TRIGGERS_BY_ORDER:
        conn.execute(sql)


def _fold_prompts(rows: str) -> tuple[str, str]:
    """Add the per-order prompt rows `rows` (a table and condition) of the days before
    :last up into report_prompts' day rows (order 0), and delete them."""
    return ("""
INSERT INTO report_prompts(dim, day, key, order_id, """ + _FIGURE_COLUMNS + """)
SELECT dim, day, key, 0, SUM(shown), SUM(accepted), SUM(declined), SUM(ignored),
       SUM(held_out), SUM(revenue_cents), SUM(margin_cents), SUM(margin_accepted)
FROM """ + rows + """
GROUP BY day, dim, key""" + _ADD.format(key="day, dim, order_id, key").rstrip(";"),
            "DELETE FROM " + rows)


FOLD_PROMPTS = _fold_prompts("report_prompts WHERE day < :last AND order_id <> 0")
"""Add report_prompts' rule rows per order of the days before :last up into each day's
row of the rule (order 0)."""


# ------------------------------------------------------- m017: uplift rows appended
#
# Keyed by (day, order, rule, group), a pay's two or three uplift rows still cost 2.3
# pages: a WITHOUT ROWID table is a b-tree of keys, and one that grows at its end is
# rebalanced with its neighbours (three leaves and their parent written) every few pays.
# A table with no key of its own grows by a page holding the new rows when its last is
# full, and keeps full pages. Nothing needs report_uplift's rows by key: a pay writes its
# order's rows once (an event after the pay adds a rule the order did not have yet), the
# report and the fold read the last days' rows whole (a day or two), and rebuilds and
# imports write them anew. A paid order changed later adds rows taking its old share out
# and putting the new one in.

UPLIFT_APPENDED = UPLIFT_BY_ORDER.replace(
    """,   -- 0: rows of several orders (before m016)
    PRIMARY KEY (day, order_id, rule_id, grp)
) WITHOUT ROWID""", """    -- 0: rows of several orders (before m016)
)""")
"""m017: report_uplift, m016's columns, no key (a rowid table, in the order written)."""

TRIGGERS_APPENDED = (TRIGGERS_BY_ORDER[0].replace(_late_event(), _late_event("")),
                     TRIGGERS_BY_ORDER[1],
                     TRIGGERS_BY_ORDER[2].replace(order_change("NEW", "+"),
                                                  order_change("NEW", "+", "")),
                     TRIGGERS_BY_ORDER[3].replace(order_change("OLD", "-"),
                                                  order_change("OLD", "-", "")).replace(
                         order_change("NEW", "+"), order_change("NEW", "+", "")))
"""m016's triggers, adding report_uplift rows of their own."""


def uplift_appended(conn: sqlite3.Connection) -> None:
    """m017: report_uplift with no key (its rows kept, in day order), and its triggers."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'report_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("ALTER TABLE report_uplift RENAME TO report_uplift_old")
    conn.execute(UPLIFT_APPENDED)
    conn.execute("INSERT INTO report_uplift SELECT * FROM report_uplift_old "
                 "ORDER BY day, order_id, rule_id, grp")
    conn.execute("DROP TABLE report_uplift_old")
    for sql in TRIGGERS_APPENDED:
        conn.execute(sql)


# --------------------------------------------- m020: prompt rows appended, every dimension
#
# A pay still cost 3.3 pages of report_prompts (wal_pages): its order's rule rows at the
# end of the day's rule rows, its clerk and hour rows among the day's (order 0's, updated
# in place), and the b-tree rebalancing its last leaves as it grows. m020 writes the rows
# of all three dimensions of an order to report_prompts_recent, a table with no key: rows
# appended in the order written, a page when its last is full, as m017 did for
# report_uplift. `fold_report_rows` adds its days before the last up into report_prompts'
# rows of order 0, with report_uplift's; the report reads both tables.

PROMPTS_RECENT = """
CREATE TABLE report_prompts_recent (
    day TEXT NOT NULL,                 -- local date of prompt_events.at
    dim TEXT NOT NULL CHECK (dim IN ('rule', 'clerk', 'hour')),
    order_id INTEGER NOT NULL,         -- the order whose pay (or late event) wrote the row
    key TEXT NOT NULL,                 -- rule id, clerk ('' for none), hour '00'-'23'
    shown INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    declined INTEGER NOT NULL DEFAULT 0,
    ignored INTEGER NOT NULL DEFAULT 0,
    held_out INTEGER NOT NULL DEFAULT 0,
    revenue_cents INTEGER NOT NULL DEFAULT 0,
    margin_cents INTEGER NOT NULL DEFAULT 0,
    margin_accepted INTEGER NOT NULL DEFAULT 0
)"""
"""m020: report_prompts' columns in report_prompts' order, no key (a rowid table)."""


def events_appended(where: str, sign: str = "") -> str:
    """An INSERT that appends the prompt events `where` picks (on `a`) to
    report_prompts_recent, a row per day, dimension, order and key; `sign` '-' appends
    rows that take them out."""
    return f"""
    INSERT INTO report_prompts_recent(day, dim, order_id, key, {_FIGURE_COLUMNS})
    SELECT substr(e.at, 1, 10), d.dim, e.order_id, {_COUNTS}, {_sums(sign)}
    FROM ({_FIGURES.format(where=where)}) AS e, {_DIMS}
    GROUP BY 1, 2, 3, 4;"""


def _appending(trigger: str, *wheres: tuple[str, str]) -> str:
    for where, sign in wheres:
        by_order = events_added_by_order(where, sign)
        assert by_order in trigger, where
        trigger = trigger.replace(by_order, events_appended(where, sign))
    return trigger


TRIGGERS_RECENT = (
    _appending(TRIGGERS_APPENDED[0], ("a.id = NEW.id", "")),
    _appending(TRIGGERS_APPENDED[1], ("a.order_id = NEW.id AND NEW.status <> 'open'", ""),
               ("a.order_id = NEW.id AND NEW.status = 'open'", "-")),
)
"""m017's two prompt triggers (an event logged for an order not open, an order leaving
or going back to 'open'), appending to report_prompts_recent."""


def prompts_appended(conn: sqlite3.Connection) -> None:
    """m020: report_prompts_recent, and the prompt triggers that append to it."""
    for name in ("report_prompt_logged", "report_order_prompts"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.execute(PROMPTS_RECENT)
    for sql in TRIGGERS_RECENT:
        conn.execute(sql)


FOLD_RECENT = _fold_prompts("report_prompts_recent WHERE day < :last")
"""Add report_prompts_recent's rows of the days before :last up into report_prompts' rows
of order 0 (the day's row of each rule, clerk and hour)."""
