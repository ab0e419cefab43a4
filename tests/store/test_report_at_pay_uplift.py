"""m015 and m016: a paid order's rows per rule (report_uplift's, and report_prompts' rule
rows) keyed by day, then order, added up by rule later (issue 11, point 9: bytes written
per scan).

A paid order adds a row per rule it met to each table: keyed by rule (m008), each lay on
its own page among the past days' rows; keyed by day (m015), among the day's rows of the
other rules; keyed by day and order (m016), they lie together at the tables' end. Counted
from the real -wal file. The report adds every row up, so folding the past days changes no
figure, and the upgrades keep the rows.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from report_rows import prompt_figures
from sqlite_utils import Database
from wal_frames import commit_trees

from pos_prompter.core.results import Period
from pos_prompter.store import Store
from pos_prompter.store.migrations import migrations
from pos_prompter.store.reports import fold_report_rows, load_report, rule_uplifts

M015 = "m015_uplift_by_day_then_by_rule"
M016 = "m016_report_rows_per_order"
M020 = "m020_prompt_rows_appended"
TODAY = "2026-11-23"
PAST_DAYS = 90
RULES = [f"rule-{n:02d}" for n in range(40)]


def past_day(back: int) -> str:
    return f"2026-{8 + (PAST_DAYS - back) // 30:02d}-{1 + (PAST_DAYS - back) % 30:02d}"


def make_store(path: Path, *, by_day: bool, stop_before: str | None = None,
               prompts: bool = False) -> None:
    """A store with PAST_DAYS days of every rule's uplift rows (shown and held out) and
    prompt rows, as a till selling that long has them; `by_day`: with m015 and m016 (the
    uplift rows in report_uplift_past, as folded), else as m013 left the tables; `prompts`:
    report_prompts' rows of those days too."""
    db = Database(path)
    db.execute("PRAGMA page_size=1024")
    migrations.apply(db, stop_before=stop_before if by_day else M015)
    table = "report_uplift_past" if by_day else "report_uplift"
    rows = [(rule, grp, past_day(back), 3, 3_000, 3_000_000)
            for back in range(PAST_DAYS, 0, -1) for rule in RULES
            for grp in ("shown", "held_out")]
    db.conn.executemany(f"INSERT INTO {table}(rule_id, grp, day, orders, total_cents, "
                        "squares) VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.conn.executemany("INSERT INTO report_prompts(dim, day, key, shown) VALUES (?, ?, ?, 5)",
                        [(dim, past_day(back), key) for back in range(PAST_DAYS, 0, -1)
                         for dim, key in [("clerk", "bo"), ("hour", "09")]
                         + [("rule", rule) for rule in RULES] if prompts])
    db.conn.commit()
    db.close()


def paid_with_prompts(order_id: int, rules: list[str],
                      day: str = TODAY) -> list[tuple[str, list[object]]]:
    """An order that showed `rules`' prompts, then paid (one commit, as the till pays)."""
    at = f"{day}T09:{order_id % 60:02d}:00"
    statements: list[tuple[str, list[object]]] = [
        ("INSERT INTO orders(id, status, clerk, opened_at, total_cents) "
         "VALUES (?, 'open', 'bo', ?, 1200)", [order_id, at])]
    statements += [("INSERT INTO prompt_events(order_id, rule_id, kind, status, clerk, at) "
                     "VALUES (?, ?, 'upsell', 'shown', 'bo', ?)", [order_id, rule, at])
                   for rule in rules]
    statements.append(("UPDATE orders SET status = 'paid', closed_at = ? WHERE id = ?",
                       [at, order_id]))
    return statements


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


MANY_RULES = [f"rule-{n:03d}" for n in range(400)]


@pytest.mark.parametrize(("stop_before", "most"), [(None, 1), (M020, 2), (M016, 4)])
def test_a_pay_writes_its_prompt_rows_on_a_page_or_two(tmp_path: Path,
                                                      stop_before: str | None,
                                                      most: int) -> None:
    """400 rules' prompt rows of today already (as a chain's day has them), then pays of
    four rules far apart (the median of nine, after the day's first): with m020 the pay's
    rows of every dimension are appended to report_prompts_recent, on its last page; with
    m016 its rule rows (its order's) go together at the table's end, and its clerk and hour
    rows on their page; keyed by day and rule (m014), each rule's row is on its own page
    among the others'."""
    path = tmp_path / "store.db"
    make_store(path, by_day=True, stop_before=stop_before, prompts=True)
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO report_prompts(dim, day, key, shown) VALUES (?, ?, ?, 2)",
                         [("rule", TODAY, rule) for rule in MANY_RULES]
                         + [("clerk", TODAY, "bo"), ("hour", TODAY, "09")])
    conn.close()
    for n in range(4):  # the first pays of the day split the table's last page
        commit_trees(path, paid_with_prompts(10 + n, MANY_RULES[50 + n::100]))
    pays = [commit_trees(path, paid_with_prompts(20 + n, MANY_RULES[n::100]))
            for n in range(1, 10)]
    pages = [p["report_prompts"] + p["report_prompts_recent"] for p in pays]
    median = sorted(pages)[len(pages) // 2]
    assert median <= most
    assert median >= most  # what each step cut: a page per rule, then three places a day
    if stop_before is None:
        assert all(p["report_prompts"] == 0 for p in pays)


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
        commit_trees(path, paid_with_prompts(100 + n, RULES[:3], day))  # sold that day
    with Store.open(path) as store:
        conn = store.db.conn
        assert conn.execute("SELECT COUNT(DISTINCT day) FROM report_uplift").fetchone()[0] == 3
        assert conn.execute("SELECT COUNT(DISTINCT day) FROM report_prompts_recent"
                            ).fetchone()[0] == 3
        before, prompts = uplift_figures(conn), prompt_figures(conn)
        report = load_report(conn, Period()).to_json()  # a report folds the days before the last
        for table in ("report_uplift", "report_prompts_recent"):
            assert [d for (d,) in conn.execute(f"SELECT DISTINCT day FROM {table}")] == [
                TODAY]  # the last day stays where the tills add to it
        assert conn.execute("SELECT DISTINCT order_id FROM report_prompts").fetchall() == [
            (0,)]  # the past days' rows: one a day and key
        assert uplift_figures(conn) == before
        assert prompt_figures(conn) == prompts
        assert load_report(conn, Period()).to_json() == report
        fold_report_rows(conn)  # nothing left to move: no write
        assert uplift_figures(conn) == before


def test_the_upgrade_keeps_the_rows_and_the_triggers(tmp_path: Path) -> None:
    """m015's upgrade, as it shipped (m016 then keys the rows by order too)."""
    path = tmp_path / "store.db"
    make_store(path, by_day=False)
    with sqlite3.connect(path) as conn:
        rows = sorted(conn.execute("SELECT * FROM report_uplift"))
        triggers = sorted(conn.execute("SELECT name, sql FROM sqlite_master "
                                       "WHERE type = 'trigger' AND name LIKE 'report_%'"))
    conn.close()
    db = Database(path)
    migrations.apply(db, stop_before=M016)
    with db.conn as conn:
        assert sorted(conn.execute("SELECT * FROM report_uplift_past")) == rows
        assert conn.execute("SELECT COUNT(*) FROM report_uplift").fetchone()[0] == 0
        assert sorted(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = "
                                   "'trigger' AND name LIKE 'report_%'")) == triggers
        keys = {t: [r[1] for r in sorted((r[5], r[1]) for r in conn.execute(
            f"PRAGMA table_info({t})") if r[5])]
            for t in ("report_uplift", "report_uplift_past")}
        assert keys == {"report_uplift": ["day", "rule_id", "grp"],
                        "report_uplift_past": ["rule_id", "grp", "day"]}
    db.close()
    commit_trees(path, paid_with_prompts(500, RULES[:2]))  # the triggers write the new one
    with sqlite3.connect(path) as conn:
        assert sorted(conn.execute("SELECT rule_id, grp, day, orders FROM report_uplift")) \
            == [(rule, "shown", TODAY, 1) for rule in RULES[:2]]
    conn.close()


M016_COLUMNS = {"report_prompts": "dim, day, key, shown, accepted, declined, ignored, held_out, "
                                  "revenue_cents, margin_cents, margin_accepted, order_id"}
"""report_prompts' columns in the order m016 made them."""


def test_the_upgrade_to_rows_per_order_keeps_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    make_store(path, by_day=True, stop_before=M016)
    commit_trees(path, paid_with_prompts(1, RULES[:3]))  # today's rows, per rule (m015)
    with sqlite3.connect(path) as conn:
        before = {t: sorted(conn.execute(f"SELECT * FROM {t}"))
                  for t in ("report_prompts", "report_uplift", "report_uplift_past")}
    conn.close()
    with Store.open(path) as store:
        conn = store.db.conn
        after = {t: sorted(conn.execute(f"SELECT {M016_COLUMNS.get(t, '*')} FROM {t}"))
                 for t in before}  # m018 put report_prompts' columns in its key's order
        assert after == {"report_prompts": [(*r, 0) for r in before["report_prompts"]],
                         "report_uplift": [(*r, 0) for r in before["report_uplift"]],
                         "report_uplift_past": before["report_uplift_past"]}
        before_figures = uplift_figures(conn)
    commit_trees(path, paid_with_prompts(2, RULES[:2]))
    with Store.open(path) as store:
        conn = store.db.conn
        assert sorted(conn.execute(  # since m020 a pay's rows go to report_prompts_recent
            "SELECT key, order_id, shown FROM report_prompts WHERE day = :d AND dim = 'rule' "
            "UNION ALL SELECT key, order_id, shown FROM report_prompts_recent "
            "WHERE day = :d AND dim = 'rule'", {"d": TODAY})) == sorted(
            [(rule, 0, 1) for rule in RULES[:3]] + [(rule, 2, 1) for rule in RULES[:2]])
        assert sorted(conn.execute("SELECT rule_id, order_id FROM report_uplift")) == sorted(
            [(rule, 0) for rule in RULES[:3]] + [(rule, 2) for rule in RULES[:2]])
        treated = {rule: shown.n for rule, shown, _held in uplift_figures(conn)}
        assert treated == {rule: n + (rule in RULES[:2])
                           for rule, shown, _h in before_figures for n in [shown.n]}
