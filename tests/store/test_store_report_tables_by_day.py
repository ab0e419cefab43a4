"""m013 keys report_prompts and report_orders by day first (issue 11, point 9: bytes
written per scan).

A prompt outcome adds to three rows of report_prompts (its rule's, its clerk's and its
hour's of today), a paid order to two of report_orders: keyed by day, they lie together at
the table's end, one page, however long the till has sold; keyed by dimension first (m008)
they lay at the ends of three runs of the past days' rows. Counted from the real -wal file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from wal_frames import commit_trees

from pos_prompter.store.migrations import migrations

M013 = "m013_report_tables_by_day"
M014 = "m014_prompts_counted_at_pay"
"""After m013: prompt outcomes reach report_prompts at pay (test_report_at_pay.py)."""
TODAY = "2026-11-23"
PAST_DAYS = 120
RULES = [f"rule-{n:02d}" for n in range(8)]
CLERKS = ["ana", "bo", "cy"]


def make_store(path: Path, *, by_day: bool) -> None:
    """A store with the report rows of PAST_DAYS days before TODAY, added day by day as
    the triggers add them; `by_day`: with m013, else as m008 left the tables."""
    db = Database(path)
    db.execute("PRAGMA page_size=1024")
    migrations.apply(db, stop_before=M014 if by_day else M013)
    conn = db.conn
    for back in range(PAST_DAYS, 0, -1):
        day = f"2026-{7 + (PAST_DAYS - back) // 30:02d}-{1 + (PAST_DAYS - back) % 30:02d}"
        keys = [("rule", r) for r in RULES] + [("clerk", c) for c in CLERKS]
        keys += [("hour", f"{h:02d}") for h in range(7, 21)]
        conn.executemany("INSERT INTO report_prompts(dim, day, key, shown) VALUES (?, ?, ?, 3)",
                         [(dim, day, key) for dim, key in keys])
        conn.executemany("INSERT INTO report_orders(dim, day, key, orders) VALUES (?, ?, ?, 9)",
                         [(dim, day, key) for dim, key in keys if dim != "rule"])
        conn.executemany("INSERT INTO report_uplift(rule_id, grp, day, orders) "
                         "VALUES (?, 'shown', ?, 4)", [(r, day) for r in RULES])
    conn.commit()
    db.close()


def prompt_outcome(order_id: int = 1, rule: str = "rule-03",
                   ) -> list[tuple[str, list[object]]]:
    return [("INSERT INTO orders(id, status, clerk, opened_at) VALUES (?, 'open', 'bo', ?)",
             [order_id, f"{TODAY}T08:15:00"]),
            ("INSERT INTO prompt_events(order_id, rule_id, kind, status, clerk, at) "
             "VALUES (?, ?, 'upsell', 'declined', 'bo', ?)",
             [order_id, rule, f"{TODAY}T08:15:00"])]


def paid_order(order_id: int) -> list[tuple[str, list[object]]]:
    return [("INSERT INTO orders(id, status, clerk, opened_at, closed_at, total_cents) "
             "VALUES (?, 'paid', 'bo', ?, ?, 900)", [order_id] + [f"{TODAY}T09:00:00"] * 2)]


@pytest.mark.parametrize(("by_day", "prompt_pages", "order_pages"),
                         [(True, 1, 1), (False, 3, 2)])
def test_today_s_report_rows_lie_on_one_page(tmp_path: Path, by_day: bool,
                                             prompt_pages: int, order_pages: int) -> None:
    """With m013, one page of each table per commit whatever the history; as m008 keyed
    them, a page per dimension (the old layout measured the same way, so the count can
    tell). The day's first rows may split the last page (more pages, once): the median of
    the commits after them is what a till pays."""
    path = tmp_path / "store.db"
    make_store(path, by_day=by_day)
    commit_trees(path, prompt_outcome(1, "rule-00") + paid_order(2))  # today's first rows
    outcomes = [commit_trees(path, prompt_outcome(10 + n, RULES[n]))["report_prompts"]
                for n in range(1, 8)]
    assert sorted(outcomes)[len(outcomes) // 2] == prompt_pages
    paid = [commit_trees(path, paid_order(20 + n))["report_orders"] for n in range(7)]
    assert sorted(paid)[len(paid) // 2] == order_pages


def test_the_upgrade_keeps_the_rows_and_the_triggers(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    make_store(path, by_day=False)
    tables = ("report_prompts", "report_orders", "report_uplift")
    with sqlite3.connect(path) as conn:
        before = {t: sorted(conn.execute(f"SELECT * FROM {t}")) for t in tables}
        triggers = sorted(conn.execute("SELECT name, tbl_name, sql FROM sqlite_master "
                                       "WHERE type = 'trigger' AND name LIKE 'report_%'"))
    conn.close()
    db = Database(path)
    migrations.apply(db, stop_before=M014)  # m013's upgrade, as it shipped
    with db.conn as conn:
        assert {t: sorted(conn.execute(f"SELECT * FROM {t}")) for t in tables} == before
        assert sorted(conn.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE "
                                   "type = 'trigger' AND name LIKE 'report_%'")) == triggers
        keys = {t: [r[1] for r in sorted((r[5], r[1]) for r in conn.execute(
            f"PRAGMA table_info({t})") if r[5])] for t in tables}
        assert keys == {"report_prompts": ["day", "dim", "key"],
                        "report_orders": ["day", "dim", "key"],
                        "report_uplift": ["rule_id", "grp", "day"]}  # as m008 keyed it
        # The triggers still add to the tables: a prompt outcome, then its order paid.
        for sql, params in prompt_outcome():
            conn.execute(sql, params)
        conn.execute("UPDATE orders SET status = 'paid', closed_at = ?, total_cents = 700 "
                     "WHERE id = 1", [f"{TODAY}T08:20:00"])
        conn.commit()
        assert sorted(conn.execute("SELECT dim, key, declined FROM report_prompts "
                                   "WHERE day = ?", [TODAY])) == [
            ("clerk", "bo", 1), ("hour", "08", 1), ("rule", "rule-03", 1)]
        assert sorted(conn.execute("SELECT dim, key, orders, total_cents FROM report_orders "
                                   "WHERE day = ?", [TODAY])) == [
            ("clerk", "bo", 1, 700), ("hour", "08", 1, 700)]
