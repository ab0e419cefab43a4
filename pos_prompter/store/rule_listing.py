"""What the workspace's rule list reads of the rules and the catalog besides their results
(store.sales_log) and uplift (store.reports): every rule's stored text, one rule's, and a
stamp that moves on whenever the catalog changes; and the report tables its uplifts are
read from, made to add up (`prepare_uplifts`)."""

from __future__ import annotations

import sqlite3

from pos_prompter.store.reports import ensure_report_tables, is_practice_store


def rule_texts(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every rule's id and stored text (rule-pack JSON), in id order."""
    return [(str(rule_id), str(body))
            for rule_id, body in conn.execute("SELECT id, body FROM rules ORDER BY id")]


def rule_text(conn: sqlite3.Connection, rule_id: str) -> str | None:
    """One rule's stored text (None: there is none by that id)."""
    row = conn.execute("SELECT body FROM rules WHERE id = ?", [rule_id]).fetchone()
    return str(row[0]) if row else None


def catalog_stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    """Moves on whenever the catalog changes: the newest product entry of the audit log
    (every product added or changed is audited in the same transaction, and the log is
    append-only) and how many products there are (none is ever deleted)."""
    newest, count = conn.execute(
        "SELECT (SELECT MAX(id) FROM audit_log WHERE entity = 'product'), "
        "(SELECT COUNT(*) FROM products)").fetchone()
    return int(newest or 0), int(count)


def prepare_uplifts(conn: sqlite3.Connection) -> None:
    """Make sure the report tables the rule list's uplifts are read from add up (a store
    upgraded with history gets them built): once, at the list's first load, as counting a
    year of prompt events takes ~0.3 s; the till's triggers keep them current from then
    on. Not inside a transaction (a snapshot) nor in a practice store."""
    if not conn.in_transaction and not is_practice_store(conn):
        ensure_report_tables(conn)
