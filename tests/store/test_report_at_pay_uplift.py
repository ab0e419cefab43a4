"""m015: report_uplift keyed by day first, its past days folded into report_uplift_past,
keyed by rule (issue 11, point 9: bytes written per scan).

A paid order adds a row per rule it showed or held out: keyed by rule (m008), each of them
lay on its own page among the past days' rows; keyed by day, they lie together at the
table's end. Counted from the real -wal file. The report adds up both tables, so folding
changes no figure, and the upgrade keeps the rows and the triggers.
"""

from __future__ import annotations

import sqlite3
import struct
from collections import Counter
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_prompter.core.results import Period
from pos_prompter.store import Store
from pos_prompter.store.migrations import migrations
from pos_prompter.store.reports import fold_uplift, load_report, rule_uplifts

M015 = "m015_uplift_by_day_then_by_rule"
TODAY = "2026-11-23"
PAST_DAYS = 90
RULES = [f"rule-{n:02d}" for n in range(40)]


def past_day(back: int) -> str:
    return f"2026-{8 + (PAST_DAYS - back) // 30:02d}-{1 + (PAST_DAYS - back) % 30:02d}"


def make_store(path: Path, *, by_day: bool) -> None:
    """A store with PAST_DAYS days of every rule's uplift rows (shown and held out), as a
    till selling that long has them; `by_day`: with m015 (in report_uplift_past, as folded),
    else as m013 left report_uplift."""
    db = Database(path)
    db.execute("PRAGMA page_size=1024")
    migrations.apply(db, stop_before=None if by_day else M015)
    table = "report_uplift_past" if by_day else "report_uplift"
    rows = [(rule, grp, past_day(back), 3, 3_000, 3_000_000)
            for back in range(PAST_DAYS, 0, -1) for rule in RULES
            for grp in ("shown", "held_out")]
    db.conn.executemany(f"INSERT INTO {table}(rule_id, grp, day, orders, total_cents, "
                        "squares) VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.conn.commit()
    db.close()


def paid_with_prompts(order_id: int, rules: list[str]) -> list[tuple[str, list[object]]]:
    """An order that showed `rules`' prompts, then paid (one commit, as the till pays)."""
    at = f"{TODAY}T09:{order_id % 60:02d}:00"
    statements: list[tuple[str, list[object]]] = [
        ("INSERT INTO orders(id, status, clerk, opened_at, total_cents) "
         "VALUES (?, 'open', 'bo', ?, 1200)", [order_id, at])]
    statements += [("INSERT INTO prompt_events(order_id, rule_id, kind, status, clerk, at) "
                     "VALUES (?, ?, 'upsell', 'shown', 'bo', ?)", [order_id, rule, at])
                   for rule in rules]
    statements.append(("UPDATE orders SET status = 'paid', closed_at = ? WHERE id = ?",
                       [at, order_id]))
    return statements


def commit_trees(path: Path, statements: list[tuple[str, list[object]]]) -> Counter[str]:
    """The b-trees of the pages one transaction of `statements` wrote to the WAL."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("BEGIN")
        for sql, params in statements:
            conn.execute(sql, params)
        conn.execute("COMMIT")
        data = Path(f"{path}-wal").read_bytes()
        frame = 24 + conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [struct.unpack(">I", data[pos:pos + 4])[0]
                 for pos in range(32, len(data) - frame + 1, frame)]
        owner = dict(conn.execute("SELECT pageno, name FROM dbstat"))
        return Counter(owner.get(page, "other") for page in pages)
    finally:
        conn.close()


@pytest.mark.parametrize(("by_day", "most"), [(True, 2), (False, 4)])
def test_a_pay_writes_its_rules_uplift_rows_on_a_page_or_two(tmp_path: Path, by_day: bool,
                                                            most: int) -> None:
    """Four rules far apart in rule order: with m015 their rows of today share the table's
    last page or two; keyed by rule, a page each (the old layout measured the same way, so
    the count can tell). The median of the pays after the day's first."""
    path = tmp_path / "store.db"
    make_store(path, by_day=by_day)
    commit_trees(path, paid_with_prompts(1, RULES[:4]))  # today's first rows
    pays = [commit_trees(path, paid_with_prompts(10 + n, RULES[n::10][:4]))
            for n in range(1, 8)]
    uplift = sorted(p["report_uplift"] + p["report_uplift_past"] for p in pays)
    median = uplift[len(uplift) // 2]
    assert median <= most
    if not by_day:
        assert median == most  # one page per rule: what m015 takes away


def uplift_figures(conn: sqlite3.Connection) -> list[object]:
    conn.execute("BEGIN")
    try:
        return [(u.rule, u.treated, u.holdout) for u in rule_uplifts(conn, Period())]
    finally:
        conn.rollback()


def test_folding_the_past_days_changes_no_figure(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    make_store(path, by_day=True)
    for n, day in enumerate((past_day(2), past_day(1), TODAY)):
        statements = paid_with_prompts(100 + n, RULES[:3])
        statements[-1][1][0] = f"{day}T10:00:00"  # paid that day
        commit_trees(path, statements)
    with Store.open(path) as store:
        conn = store.db.conn
        assert conn.execute("SELECT COUNT(DISTINCT day) FROM report_uplift").fetchone()[0] == 3
        before = uplift_figures(conn)
        load_report(conn, Period())  # a report folds the days before the last
        assert [d for (d,) in conn.execute("SELECT DISTINCT day FROM report_uplift")] == [
            TODAY]  # the last day stays where the tills add to it
        assert uplift_figures(conn) == before
        fold_uplift(conn)  # nothing left to move: no write
        assert uplift_figures(conn) == before


def test_the_upgrade_keeps_the_rows_and_the_triggers(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    make_store(path, by_day=False)
    with sqlite3.connect(path) as conn:
        rows = sorted(conn.execute("SELECT * FROM report_uplift"))
        triggers = sorted(conn.execute("SELECT name, sql FROM sqlite_master "
                                       "WHERE type = 'trigger' AND name LIKE 'report_%'"))
    conn.close()
    with Store.open(path) as store:
        conn = store.db.conn
        assert sorted(conn.execute("SELECT * FROM report_uplift_past")) == rows
        assert conn.execute("SELECT COUNT(*) FROM report_uplift").fetchone()[0] == 0
        assert sorted(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = "
                                   "'trigger' AND name LIKE 'report_%'")) == triggers
        keys = {t: [r[1] for r in sorted((r[5], r[1]) for r in conn.execute(
            f"PRAGMA table_info({t})") if r[5])]
            for t in ("report_uplift", "report_uplift_past")}
        assert keys == {"report_uplift": ["day", "rule_id", "grp"],
                        "report_uplift_past": ["rule_id", "grp", "day"]}
    commit_trees(path, paid_with_prompts(500, RULES[:2]))  # the triggers write the new one
    with sqlite3.connect(path) as conn:
        assert sorted(conn.execute("SELECT rule_id, grp, day, orders FROM report_uplift")) \
            == [(rule, "shown", TODAY, 1) for rule in RULES[:2]]
    conn.close()
