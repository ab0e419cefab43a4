"""Versioned schema steps. A store made by an older version opens and upgrades in place.

Add a step by registering a new function at the end; never edit one that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("pos_prompter")


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


@migrations()
def m008_report_covering_indexes(db: Database) -> None:
    """Reports (issue 10) aggregate a year of prompt outcomes and paid orders in under a
    second: indexes holding every column those queries read, so SQLite scans the index
    alone, in date order, and never the wide rows (say, offer, state)."""
    db.executescript("""
    CREATE INDEX prompt_events_report
        ON prompt_events(at, status, rule_id, kind, clerk, revenue_cents, order_id);
    CREATE INDEX prompt_events_order_status ON prompt_events(order_id, status, rule_id);
    CREATE INDEX orders_paid_report ON orders(status, closed_at, clerk, total_cents);
    """)
