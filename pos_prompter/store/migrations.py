"""Versioned schema steps. A store made by an older version opens and upgrades in place.

Add a step by registering a new function at the end; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from pos_prompter.store.schema_steps import SchemaSteps

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = SchemaSteps("pos_prompter")
"""sqlite-utils' Migrations, made only when a step must run (schema_steps.py)."""


def run_script(db: Database, script: str) -> None:
    """Each statement of `script` (trigger bodies with their own semicolons included), in
    the migration's transaction. sqlite-utils' executescript finds the statements by
    joining the lines read so far again at every line: 0.34 s for m008's triggers, paid by
    every new store (and so by every test that makes one). Here a statement is checked only
    at a line that ends in a semicolon."""
    lines: list[str] = []
    for line in script.splitlines(keepends=True):
        lines.append(line)
        if line.rstrip().endswith(";"):
            text = "".join(lines)
            if sqlite3.complete_statement(text):
                db.execute(text)
                lines = []
    rest = "".join(lines).strip()
    if rest:
        db.execute(rest)


def step_names() -> list[str]:
    """The names of every schema step this version knows, in order."""
    return [m.name for m in migrations._migrations]


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript("""
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL            -- JSON
    );
    CREATE TABLE products (
        sku TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        category TEXT,
        tags TEXT NOT NULL DEFAULT '[]',   -- JSON list
        family TEXT,
        size_rank INTEGER,
        size_label TEXT,
        unit_qty TEXT,                     -- decimal string, never float
        unit TEXT,
        cost_cents INTEGER,
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE barcodes (
        code TEXT PRIMARY KEY,             -- EAN-13 form (UPC-A gets a leading 0)
        sku TEXT NOT NULL REFERENCES products(sku) ON DELETE CASCADE
    );
    CREATE INDEX barcodes_sku ON barcodes(sku);
    CREATE TABLE rules (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        priority INTEGER NOT NULL DEFAULT 0,
        body TEXT NOT NULL,                -- the rule in rule-pack form, as JSON
        updated_at TEXT NOT NULL
    );
    CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'trainer', 'manager')),
        pin_hash TEXT,
        password_hash TEXT,
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE orders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        status TEXT NOT NULL CHECK (status IN ('open', 'paid')),
        clerk TEXT,
        customer TEXT,
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        total_cents INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT '{}'   -- the whole OrderSession as JSON, for recovery
    );
    CREATE INDEX orders_status ON orders(status);
    CREATE TABLE order_lines (
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        qty INTEGER NOT NULL,
        unit_price_cents INTEGER NOT NULL,
        origin TEXT NOT NULL,
        rule_id TEXT,
        PRIMARY KEY (order_id, line_no)
    );
    CREATE INDEX order_lines_sku ON order_lines(sku);
    CREATE TABLE prompt_events (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        rule_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL
            CHECK (status IN ('shown', 'accepted', 'declined', 'ignored', 'held_out')),
        clerk TEXT,
        at TEXT NOT NULL,
        revenue_cents INTEGER NOT NULL DEFAULT 0,
        offer TEXT,                        -- JSON list of offered SKUs
        say TEXT
    );
    CREATE INDEX prompt_events_rule ON prompt_events(rule_id, status);
    CREATE INDEX prompt_events_order ON prompt_events(order_id);
    """)


@migrations()
def m002_report_indexes(db: Database) -> None:
    """Reports and sales mining select by date: index when prompts were answered and when
    orders were paid."""
    db.executescript("""
    CREATE INDEX prompt_events_at ON prompt_events(at);
    CREATE INDEX orders_closed_at ON orders(closed_at);
    """)


@migrations()
def m003_order_owner_and_revision(db: Database) -> None:
    """Several tills may share one store file. Each open order belongs to the till that
    opened it (so a restarted till resumes its own order, not another's), and carries a
    revision number, so a till never overwrites a newer save of the same order."""
    db.executescript("""
    ALTER TABLE orders ADD COLUMN till TEXT;
    ALTER TABLE orders ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX orders_till_status ON orders(till, status);
    """)


@migrations()
def m004_sign_in(db: Database) -> None:
    """Sign-in: every wrong attempt is a row (name, time), so a lockout survives a restart
    and holds across tills sharing the file; a successful sign-in deletes that person's rows.
    Staff remember when their PIN or password was last set (never the secret itself)."""
    db.executescript("""
    CREATE TABLE login_failures (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,                -- staff.name
        at TEXT NOT NULL                   -- local time, ISO 8601
    );
    CREATE INDEX login_failures_name ON login_failures(name, at);
    ALTER TABLE staff ADD COLUMN secret_changed_at TEXT;
    """)


@migrations()
def m005_audit_log(db: Database) -> None:
    """Who changed which rule, setting, product or staff member, when, from what to what.
    Written in the same transaction as the change; append-only."""
    db.executescript("""
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,                  -- local time, ISO 8601
        actor TEXT NOT NULL,               -- staff name, 'cli:<os user>' or 'system'
        entity TEXT NOT NULL CHECK (entity IN ('rule', 'setting', 'product', 'staff')),
        entity_id TEXT NOT NULL,           -- rule id, setting key, SKU or staff name
        action TEXT NOT NULL CHECK (action IN ('add', 'change', 'remove')),
        before TEXT,                       -- JSON, NULL for 'add'
        after TEXT                         -- JSON, NULL for 'remove'
    );
    CREATE INDEX audit_log_at ON audit_log(at);
    CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    """)


@migrations()
def m006_imported_orders(db: Database) -> None:
    """Past orders imported from another till keep their id there, so importing the same
    file twice adds nothing."""
    db.executescript("""
    ALTER TABLE orders ADD COLUMN source TEXT;
    ALTER TABLE orders ADD COLUMN external_id TEXT;
    CREATE UNIQUE INDEX orders_external ON orders(source, external_id)
        WHERE external_id IS NOT NULL;
    """)


@migrations()
def m007_practice(db: Database) -> None:
    """Practice mode (shared/spec/practice.md): the scenarios a trainer imported (the YAML
    text as given, so an export or a later version reads it again) and every practice run
    with its score. Used in the practice store; empty in a real one."""
    db.executescript("""
    CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,               -- the scenario's slug
        title TEXT NOT NULL,
        level INTEGER NOT NULL,
        pass_score INTEGER NOT NULL,
        body TEXT NOT NULL,                -- the YAML text as imported
        imported_at TEXT NOT NULL,         -- local time, ISO 8601
        imported_by TEXT
    );
    CREATE TABLE practice_runs (
        id INTEGER PRIMARY KEY,
        trainee TEXT NOT NULL,             -- staff.name
        scenario_id TEXT NOT NULL,
        scenario_title TEXT NOT NULL,      -- as it was when played
        started_at TEXT NOT NULL,          -- wall clock, local time, ISO 8601
        ended_at TEXT NOT NULL,
        points INTEGER NOT NULL CHECK (points >= 0),
        possible INTEGER NOT NULL CHECK (possible >= points),
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
        pass_score INTEGER NOT NULL CHECK (pass_score BETWEEN 0 AND 100),
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        seconds INTEGER NOT NULL CHECK (seconds >= 0),   -- time taken
        details TEXT NOT NULL DEFAULT '[]' -- JSON list of per-customer scorecards
    );
    CREATE INDEX practice_runs_trainee ON practice_runs(trainee, started_at);
    """)



_OFFER = """(SELECT CASE WHEN json_valid(s.offer) THEN
                  CASE WHEN json_type(s.offer) = 'array' THEN s.offer END END
          FROM prompt_events s
          WHERE s.order_id = NEW.order_id AND s.rule_id = NEW.rule_id AND s.status = 'shown'
            AND s.id < NEW.id
          ORDER BY s.id DESC LIMIT 1)"""
"""The products offered by the prompt NEW answers: on the 'shown' event before it."""

_IS_COSTED = "(NEW.status = 'accepted' AND NEW.kind IN ('cross_sell', 'bundle'))"
_COSTED = f"CASE WHEN {_IS_COSTED} THEN {_OFFER} END"
_KNOWN = f"""COALESCE((SELECT COUNT(*) > 0 AND COUNT(*) = COUNT(p.cost_cents)
     FROM json_each({_COSTED}) j LEFT JOIN products p ON p.sku = j.value), 0)"""
_COST = f"""(SELECT TOTAL(p.cost_cents)
     FROM json_each({_COSTED}) j LEFT JOIN products p ON p.sku = j.value)"""


def _prompt_add(dim: str, key: str) -> str:
    """The prompt event NEW, added to its day's row for one dimension."""
    return f"""
    INSERT INTO report_prompts(dim, day, key, shown, accepted, declined, ignored, held_out,
                               revenue_cents, margin_cents, margin_accepted)
    VALUES ('{dim}', substr(NEW.at, 1, 10), {key},
            NEW.status = 'shown', NEW.status = 'accepted', NEW.status = 'declined',
            NEW.status = 'ignored', NEW.status = 'held_out',
            CASE WHEN NEW.status = 'accepted' THEN NEW.revenue_cents ELSE 0 END,
            CASE WHEN {_IS_COSTED} AND {_KNOWN} THEN NEW.revenue_cents - {_COST} ELSE 0 END,
            CASE WHEN {_IS_COSTED} THEN {_KNOWN} ELSE 0 END)
    ON CONFLICT(dim, day, key) DO UPDATE SET
        shown = shown + excluded.shown, accepted = accepted + excluded.accepted,
        declined = declined + excluded.declined, ignored = ignored + excluded.ignored,
        held_out = held_out + excluded.held_out,
        revenue_cents = revenue_cents + excluded.revenue_cents,
        margin_cents = margin_cents + excluded.margin_cents,
        margin_accepted = margin_accepted + excluded.margin_accepted;"""


_ORDERS_UPSERT = """
    ON CONFLICT(dim, day, key) DO UPDATE SET
        orders = orders + excluded.orders, total_cents = total_cents + excluded.total_cents,
        attached = attached + excluded.attached;"""

_UPLIFT_UPSERT = """
    ON CONFLICT(rule_id, grp, day) DO UPDATE SET
        orders = orders + excluded.orders, total_cents = total_cents + excluded.total_cents,
        squares = squares + excluded.squares;"""


def _when(row: str) -> tuple[str, str]:
    paid = f"COALESCE({row}.closed_at, {row}.opened_at)"
    return f"substr({paid}, 1, 10)", f"substr({paid}, 12, 2)"


def _order_change(row: str, sign: str) -> str:
    """A paid order's share of the report tables, added (sign '+') or taken out ('-')."""
    day, hour = _when(row)
    attached = (f"{sign}EXISTS (SELECT 1 FROM prompt_events e "
                f"WHERE e.order_id = {row}.id AND e.status = 'accepted')")
    rows = "\n".join(f"""
    INSERT INTO report_orders(dim, day, key, orders, total_cents, attached)
    SELECT '{dim}', {day}, {key}, {sign}1, {sign}{row}.total_cents, {attached}
    WHERE {row}.status = 'paid'{_ORDERS_UPSERT}""" for dim, key in (
        ("clerk", f"COALESCE({row}.clerk, '')"), ("hour", hour)))
    return rows + f"""
    INSERT INTO report_uplift(rule_id, grp, day, orders, total_cents, squares)
    SELECT g.rule_id, g.status, {day}, {sign}1, {sign}{row}.total_cents,
           {sign}{row}.total_cents * {row}.total_cents
    FROM (SELECT DISTINCT rule_id, status FROM prompt_events
          WHERE order_id = {row}.id AND status IN ('shown', 'held_out')) AS g
    WHERE {row}.status = 'paid'{_UPLIFT_UPSERT}"""


def _late_event() -> str:
    """An event logged after its order was paid (the paying save logs its events after
    the order's update): what the order's update could not count yet."""
    day, hour = _when("o")
    first_accept = ("NOT EXISTS (SELECT 1 FROM prompt_events e WHERE e.order_id = "
                    "NEW.order_id AND e.status = 'accepted' AND e.id <> NEW.id)")
    rows = "\n".join(f"""
    INSERT INTO report_orders(dim, day, key, orders, total_cents, attached)
    SELECT '{dim}', {day}, {key}, 0, 0, 1 FROM orders o
    WHERE NEW.status = 'accepted' AND o.id = NEW.order_id AND o.status = 'paid'
      AND {first_accept}{_ORDERS_UPSERT}""" for dim, key in (
        ("clerk", "COALESCE(o.clerk, '')"), ("hour", hour)))
    return rows + f"""
    INSERT INTO report_uplift(rule_id, grp, day, orders, total_cents, squares)
    SELECT NEW.rule_id, NEW.status, {day}, 1, o.total_cents, o.total_cents * o.total_cents
    FROM orders o
    WHERE NEW.status IN ('shown', 'held_out') AND o.id = NEW.order_id AND o.status = 'paid'
      AND NOT EXISTS (SELECT 1 FROM prompt_events e WHERE e.order_id = NEW.order_id
                      AND e.rule_id = NEW.rule_id AND e.status = NEW.status
                      AND e.id <> NEW.id){_UPLIFT_UPSERT}"""


@migrations()
def m008_report_tables(db: Database) -> None:
    """Reports (issue 10) over a year in under a second, for any range of days: the prompt
    outcomes and the paid orders added up per day (by rule, clerk and hour; orders by clerk
    and hour), and each rule's treated and held-out paid orders per day (count, sum and sum
    of squares of their totals, for the Welch interval). Kept up to date by triggers in the
    same transaction as the till's save or the import; filled from the history already in
    the store by the first report (pos_prompter.store.reports.ensure_report_tables), which
    also rebuilds them if they ever disagree with the rows they add up."""
    run_script(db, f"""
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
        PRIMARY KEY (dim, day, key)
    ) WITHOUT ROWID;
    CREATE TABLE report_orders (
        dim TEXT NOT NULL CHECK (dim IN ('clerk', 'hour')),
        day TEXT NOT NULL,                 -- local date the order was paid
        key TEXT NOT NULL,
        orders INTEGER NOT NULL DEFAULT 0,
        total_cents INTEGER NOT NULL DEFAULT 0,
        attached INTEGER NOT NULL DEFAULT 0,       -- orders with an accepted prompt
        PRIMARY KEY (dim, day, key)
    ) WITHOUT ROWID;
    CREATE TABLE report_uplift (
        rule_id TEXT NOT NULL,
        grp TEXT NOT NULL CHECK (grp IN ('shown', 'held_out')),
        day TEXT NOT NULL,                 -- local date the order was paid
        orders INTEGER NOT NULL DEFAULT 0,
        total_cents INTEGER NOT NULL DEFAULT 0,
        squares INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (rule_id, grp, day)
    ) WITHOUT ROWID;

    CREATE TRIGGER report_prompt_logged AFTER INSERT ON prompt_events
    BEGIN
    {_prompt_add("rule", "NEW.rule_id")}
    {_prompt_add("clerk", "COALESCE(NEW.clerk, '')")}
    {_prompt_add("hour", "substr(NEW.at, 12, 2)")}
    {_late_event()}
    END;

    CREATE TRIGGER report_order_added AFTER INSERT ON orders WHEN NEW.status = 'paid'
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
def m009_imported_orders_added_in_bulk(db: Database) -> None:
    """Past orders imported from another till (`source` set) are added to the report tables
    by the import itself, in bulk and in the same transaction (Store.import_orders, with
    pos_prompter.store.reports.add_imported_orders), instead of by m008's trigger one order
    at a time: that trigger made each imported order cost ~7x its own insert. The till's
    orders (no source) are still added by the trigger. The update trigger stays as it is:
    an imported order is in the tables, so a change to it must move its share as for any
    other order."""
    run_script(db, f"""
    DROP TRIGGER report_order_added;
    CREATE TRIGGER report_order_added AFTER INSERT ON orders
    WHEN NEW.status = 'paid' AND NEW.source IS NULL
    BEGIN
    {_order_change("NEW", "+")}
    END;
    """)


@migrations()
def m010_order_lines_whole(db: Database) -> None:
    """Each line of an order holds all of the line (what an upsell replaced, a bundle's or
    reward's list price, the offers declined on it), so a till's save writes only the lines
    that changed and the order's own row, not the whole order again in `orders.state` (a
    scan's write grew with the order: issue 11). `declined` is a JSON list, NULL for none."""
    run_script(db, """
    ALTER TABLE order_lines ADD COLUMN replaced_sku TEXT;
    ALTER TABLE order_lines ADD COLUMN list_price_cents INTEGER;
    ALTER TABLE order_lines ADD COLUMN declined TEXT;
    """)


@migrations()
def m011_audit_chain(db: Database) -> None:
    """The audit log chained by hashes (store/audit_chain.py), so an entry changed, removed
    or inserted with plain SQL is found by `audit verify` (issue 11). `audit_head` holds the
    last entry the app wrote (a removal at the end leaves a chain that links up). Existing
    entries are chained here, in id order; a row without a hash is refused from now on."""
    from pos_prompter.store.audit_chain import chain_existing  # not at every open

    run_script(db, """
    ALTER TABLE audit_log ADD COLUMN hash TEXT;
    CREATE TABLE audit_head (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        last_id INTEGER NOT NULL,
        hash TEXT NOT NULL
    );
    DROP TRIGGER audit_log_no_update;
    """)
    chain_existing(db.conn)
    run_script(db, """
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log WHEN NEW.hash IS NULL
    BEGIN SELECT RAISE(ABORT, 'audit entries are written through their hash chain'); END;
    """)


# Steps m012 onwards (fewer pages written per scan) are in migrations_writes.py; importing it
# here registers them after the steps above, in order.
from pos_prompter.store import migrations_writes  # noqa: E402,F401
