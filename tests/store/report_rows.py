"""report_prompts' figures as the report reads them: its rows and report_prompts_recent's
(m020: the tills append every dimension's rows per order there until a report folds them
into the day's rows), added up per day, dimension and key, rows that add up to nothing
left out. Two stores whose report says the same have the same figures here, however their
rows are laid out (a rebuild's, the triggers', folded or not)."""

from __future__ import annotations

import sqlite3
from typing import Any

REPORT_TABLES = ("report_prompts", "report_orders", "report_uplift")

FIGURES = ("shown, accepted, declined, ignored, held_out, revenue_cents, margin_cents, "
           "margin_accepted")


def prompt_figures(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    sums = ", ".join(f"SUM({c})" for c in FIGURES.split(", "))
    tables = ["report_prompts"] + [name for (name,) in conn.execute(  # a store before m020
        "SELECT name FROM sqlite_master WHERE name = 'report_prompts_recent'")]
    union = " UNION ALL ".join(f"SELECT day, dim, key, {FIGURES} FROM {t}" for t in tables)
    rows = conn.execute(f"SELECT day, dim, key, {sums} FROM ({union}) "
                        "GROUP BY day, dim, key ORDER BY day, dim, key")
    return [r for r in rows if any(r[3:])]


def counted(conn: sqlite3.Connection) -> int:
    """The prompt events report_prompts and report_prompts_recent count."""
    return sum(sum(r[3:8]) for r in prompt_figures(conn) if r[1] == "rule")


def report_tables(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """The report tables' rows, report_prompts' as the report reads them (prompt_figures):
    the same for two stores whose reports agree, however their rows are laid out."""
    return {t: prompt_figures(conn) if t == "report_prompts"
            else sorted(conn.execute(f"SELECT * FROM {t}")) for t in REPORT_TABLES}
