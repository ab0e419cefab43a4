"""Schema steps m012 onwards: fewer pages written per scan (issue 11, point 9). Each moves
what a scan or a payment writes so that it lands on fewer pages; report_at_pay.py holds the
report tables' SQL they share. Registered after migrations.py's own steps, in order:
migrations.py imports this module at its end. Add a step by registering a new function at
the end; never edit one that has shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_prompter.store import paid_skus
from pos_prompter.store import report_at_pay as at_pay
from pos_prompter.store.migrations import (  # m008's trigger pieces, which m013 reuses
    _late_event,
    _order_change,
    _prompt_add,
    migrations,
    run_script,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


@migrations()
def m012_fewer_pages_per_scan(db: Database) -> None:
    """A till's commit touches fewer b-trees (issue 11, point 9: bytes written per scan;
    bench/wal_pages.py counts the pages per commit by b-tree). Each b-tree a commit
    changes is at least one more page in the WAL, synced, and copied back at the next
    checkpoint (a page at a random place: 4 KB written for its 1 KB).

    - prompt_events(rule_id, status) and prompt_events(at) go: nothing reads through them
      now that reports add up the report tables (the rule list's results and the what-if's
      acceptance rates read the whole log in one pass, as the first already did); each
      prompt outcome wrote a random page of the first.
    - orders(status) and orders(till, status) become one orders(status, till): a till's open
      order, the paid orders' count and ids read through it as before, and paying moves one
      entry instead of two. orders(closed_at) holds paid orders only (closed_at IS NOT NULL,
      which every range on it implies), so opening an order no longer adds an entry to it.
    - order_lines becomes a WITHOUT ROWID table on its primary key (order_id, line_no):
      each line was a row in the table and an entry in the primary key's own index, two
      b-trees for one row."""
    run_script(db, """
    DROP INDEX prompt_events_rule;
    DROP INDEX prompt_events_at;
    DROP INDEX orders_status;
    DROP INDEX orders_till_status;
    DROP INDEX orders_closed_at;
    CREATE INDEX orders_status_till ON orders(status, till);
    CREATE INDEX orders_closed_at ON orders(closed_at) WHERE closed_at IS NOT NULL;
    CREATE TABLE order_lines_new (
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        qty INTEGER NOT NULL,
        unit_price_cents INTEGER NOT NULL,
        origin TEXT NOT NULL,
        rule_id TEXT,
        replaced_sku TEXT,
        list_price_cents INTEGER,
        declined TEXT,                     -- JSON list, NULL for none
        PRIMARY KEY (order_id, line_no)
    ) WITHOUT ROWID;
    INSERT INTO order_lines_new(order_id, line_no, sku, name, qty, unit_price_cents, origin,
                                rule_id, replaced_sku, list_price_cents, declined)
    SELECT order_id, line_no, sku, name, qty, unit_price_cents, origin, rule_id,
           replaced_sku, list_price_cents, declined
    FROM order_lines;
    DROP TABLE order_lines;
    ALTER TABLE order_lines_new RENAME TO order_lines;
    CREATE INDEX order_lines_sku ON order_lines(sku);
    """)


_REPORT_TABLES_BY_DAY = {
    "report_prompts": """
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
        PRIMARY KEY (day, dim, key)""",
    "report_orders": """
        dim TEXT NOT NULL CHECK (dim IN ('clerk', 'hour')),
        day TEXT NOT NULL,                 -- local date the order was paid
        key TEXT NOT NULL,
        orders INTEGER NOT NULL DEFAULT 0,
        total_cents INTEGER NOT NULL DEFAULT 0,
        attached INTEGER NOT NULL DEFAULT 0,       -- orders with an accepted prompt
        PRIMARY KEY (day, dim, key)""",
}
"""m013's report tables: m008's columns in m008's order, keyed by day first."""


@migrations()
def m013_report_tables_by_day(db: Database) -> None:
    """m008's report_prompts and report_orders keyed by day first (issue 11, point 9: bytes
    written per scan). Keyed by dimension first, the rows one prompt outcome adds to (its
    rule's, its clerk's and its hour's of today) lay at the ends of three runs of past
    days' rows, three pages far apart, and a paid order's clerk and hour rows two; keyed by
    day, today's clerk and hour rows share a page at the table's end. The reports read a
    range of days, now the key's leading column. report_uplift keeps m008's key (rule_id,
    grp, day): a paid order adds a row per rule it showed, at a random page either way, and
    a year's uplift read in rule order needs no sort (keyed by day it made a year's report
    1.4x slower at 300 rules: bench/README.md). The columns and their order are m008's, so
    the triggers and pos_prompter.store.reports read them as before; the triggers are made
    again as m008 and m009 made them (a table they write must not be missing while they
    exist)."""
    run_script(db, "DROP TRIGGER report_prompt_logged;\n"
                   "DROP TRIGGER report_order_added;\n"
                   "DROP TRIGGER report_order_changed;")
    for table, columns in _REPORT_TABLES_BY_DAY.items():
        key = columns.rsplit("PRIMARY KEY ", 1)[1]
        run_script(db, f"""
        CREATE TABLE {table}_new ({columns}
        ) WITHOUT ROWID;
        INSERT INTO {table}_new SELECT * FROM {table} ORDER BY {key.strip("()")};
        DROP TABLE {table};
        ALTER TABLE {table}_new RENAME TO {table};
        """)
    run_script(db, f"""
    CREATE TRIGGER report_prompt_logged AFTER INSERT ON prompt_events
    BEGIN
    {_prompt_add("rule", "NEW.rule_id")}
    {_prompt_add("clerk", "COALESCE(NEW.clerk, '')")}
    {_prompt_add("hour", "substr(NEW.at, 12, 2)")}
    {_late_event()}
    END;

    CREATE TRIGGER report_order_added AFTER INSERT ON orders
    WHEN NEW.status = 'paid' AND NEW.source IS NULL
    BEGIN
    {_order_change("NEW", "+")}
    END;

    CREATE TRIGGER report_order_changed AFTER UPDATE ON orders
    WHEN OLD.status = 'paid' OR NEW.status = 'paid'
    BEGIN
    {_order_change("OLD", "-")}
    {_order_change("NEW", "+")}
    END;
    """)


@migrations()
def m014_prompts_counted_at_pay(db: Database) -> None:
    """Prompt events reach report_prompts when their order leaves 'open', in the paying
    commit, instead of one by one as logged (issue 11, point 9; store/report_at_pay.py): an
    event of an order no longer open is still added as logged, m008's way. The events of
    the orders open now come out of the tables, which the report adds up live."""
    run_script(db, f"""
    DROP TRIGGER report_prompt_logged;
    CREATE TRIGGER report_prompt_logged AFTER INSERT ON prompt_events
    WHEN NOT EXISTS (SELECT 1 FROM orders WHERE id = NEW.order_id AND status = 'open')
    BEGIN
    {_prompt_add("rule", "NEW.rule_id")}
    {_prompt_add("clerk", "COALESCE(NEW.clerk, '')")}
    {_prompt_add("hour", "substr(NEW.at, 12, 2)")}
    {_late_event()}
    END;
    {at_pay.ORDER_PROMPTS_TRIGGER}
    {at_pay.events_added("a.order_id IN " + at_pay.OPEN_ORDERS, "-")}
    """)


@migrations()
def m015_uplift_by_day_then_by_rule(db: Database) -> None:
    """report_uplift keyed by day first, its past days in report_uplift_past keyed by rule
    (issue 11, point 9; store/report_at_pay.py). The triggers writing it are made again."""
    kept = [sql for (sql,) in db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_%'")]
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                              "AND name LIKE 'report_%'").fetchall():
        db.execute(f"DROP TRIGGER {name}")
    db.execute("ALTER TABLE report_uplift RENAME TO report_uplift_past")
    for sql in [at_pay.UPLIFT_RECENT, *kept]:
        db.execute(sql)


@migrations()
def m016_report_rows_per_order(db: Database) -> None:
    """An order's rows in report_prompts and report_uplift written per order, at the
    tables' end, and added up by day later (issue 11, point 9; store/report_at_pay.py)."""
    at_pay.rows_per_order(db.conn)


@migrations()
def m017_uplift_rows_appended(db: Database) -> None:
    """report_uplift with no key: a pay appends its rows (store/report_at_pay.py)."""
    at_pay.uplift_appended(db.conn)


PROMPTS_IN_KEY_ORDER = """
CREATE TABLE report_prompts_keyed (
    day TEXT NOT NULL,                 -- local date of prompt_events.at
    dim TEXT NOT NULL CHECK (dim IN ('rule', 'clerk', 'hour')),
    order_id INTEGER NOT NULL DEFAULT 0,       -- a rule row's order; 0: several (folded)
    key TEXT NOT NULL,                 -- rule id, clerk ('' for none), hour '00'-'23'
    shown INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    declined INTEGER NOT NULL DEFAULT 0,
    ignored INTEGER NOT NULL DEFAULT 0,
    held_out INTEGER NOT NULL DEFAULT 0,
    revenue_cents INTEGER NOT NULL DEFAULT 0,
    margin_cents INTEGER NOT NULL DEFAULT 0,   -- of the accepted offers with costs
    margin_accepted INTEGER NOT NULL DEFAULT 0, -- how many accepted offers that covers
    PRIMARY KEY (day, dim, order_id, key)
) WITHOUT ROWID"""
"""m018: report_prompts with its columns in its key's order."""


@migrations()
def m018_report_prompts_in_key_order(db: Database) -> None:
    """report_prompts' columns in its key's order (day, dim, order_id, key). As m016 left
    it, key before order_id in the columns but after it in the key, SQLite 3.40's
    `quick_check` says "NULL value in report_prompts.key" of every row: a false alarm, but
    the till checks the store with it when it opens, and refused a sound store as damaged.
    The triggers that write the table are made again as they were."""
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                          "sql LIKE '%report_prompts%'").fetchall()
    for name, _sql in triggers:
        db.execute(f"DROP TRIGGER {name}")
    columns = ("day, dim, order_id, key, shown, accepted, declined, ignored, held_out, "
               "revenue_cents, margin_cents, margin_accepted")
    db.execute(PROMPTS_IN_KEY_ORDER)
    db.execute(f"INSERT INTO report_prompts_keyed({columns}) SELECT {columns} "
               "FROM report_prompts ORDER BY day, dim, order_id, key")
    db.execute("DROP TABLE report_prompts")
    db.execute("ALTER TABLE report_prompts_keyed RENAME TO report_prompts")
    for _name, sql in triggers:
        db.execute(sql)


@migrations()
def m019_paid_skus_in_batches(db: Database) -> None:
    """Paid orders by product in `paid_skus`, added a few hundred orders at a time, instead
    of the index order_lines(sku) that every scan wrote a random page of (paid_skus.py says
    why and how). Filled from the paid orders there are."""
    conn = db.conn
    paid_skus.create(conn)
    conn.execute("DROP INDEX IF EXISTS order_lines_sku")


@migrations()
def m020_prompt_rows_appended(db: Database) -> None:
    """An order's prompt outcomes of every dimension appended to report_prompts_recent at
    pay, instead of three places in report_prompts (report_at_pay.py says why)."""
    at_pay.prompts_appended(db.conn)
