"""m014: an order's prompt outcomes reach report_prompts when it is paid, in the paying
commit, not one by one as they are logged (issue 11, point 9: bytes written per scan).

The report shows the same figures as before: an open order's outcomes are added up live,
so an order on the counter, one a crash left open, one paid and one with an accepted offer
voided all count in today's report, checked here against the prompt log itself. The table
holds the events of orders that are no longer open, as a full rebuild gives them, and a
store upgraded with an order open keeps its report. Commits counted from the real -wal
file: an answer writes no report page.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from report_rows import counted, report_tables
from sqlite_utils import Database
from wal_frames import wal_commits

from pos_prompter.bootstrap import load_pack_file
from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.core.order import FixedClock
from pos_prompter.core.results import Period
from pos_prompter.store import Store
from pos_prompter.store.migrations import migrations
from pos_prompter.store.reports import load_report, rebuild_report_tables, report_tables_agree
from pos_prompter.till import Till

SPEC_DIR = Path(__file__).parent / "spec_examples"
COOKIE, MUFFIN, LATTE = "2100000000050", "2100000000043", "2100000000012"
MORNING = dt.datetime(2026, 11, 23, 8, 15)
M014 = "m014_prompts_counted_at_pay"


def cafe(path: Path) -> None:
    with Store.open(path, create=True) as store:
        store.catalog.import_products(parse_catalog_csv(
            (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")))
        store.rules.replace(load_pack_file(SPEC_DIR / "rules.yaml"))


_LOG = """
SELECT {key}, SUM(status = 'shown'), SUM(status = 'accepted'), SUM(status = 'declined'),
       SUM(status = 'ignored'), SUM(status = 'held_out'),
       SUM(CASE WHEN status = 'accepted' THEN revenue_cents ELSE 0 END)
FROM prompt_events GROUP BY 1"""
KEYS = {"rules": "rule_id", "clerks": "clerk", "hours": "CAST(substr(at, 12, 2) AS INTEGER)",
        "days": "substr(at, 1, 10)"}


def from_the_log(conn: sqlite3.Connection) -> dict[str, dict[Any, tuple[int, ...]]]:
    """Every prompt event, of any order, added up per rule, clerk, hour and day."""
    return {group: {k: tuple(v) for k, *v in conn.execute(_LOG.format(key=key))}
            for group, key in KEYS.items()}


def in_the_report(conn: sqlite3.Connection) -> dict[str, dict[Any, tuple[int, ...]]]:
    report = load_report(conn, Period())
    return {group: {row.key: (o.shown, o.accepted, o.declined, o.ignored, o.held_out,
                              o.revenue)
                    for row in getattr(report, group)
                    for o in [row.outcomes] if o != type(o)()}
            for group in KEYS}


def events_of(conn: sqlite3.Connection, status: str) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM prompt_events e JOIN orders o "
                            "ON o.id = e.order_id WHERE o.status = ?", [status]).fetchone()[0])


def check(store: Store) -> dict[str, dict[Any, tuple[int, ...]]]:
    """The report shows every prompt event (open orders' too), the table counts those of
    paid orders only, and the tables are what a full rebuild makes of the store."""
    conn = store.db.conn
    assert report_tables_agree(conn)
    shown = in_the_report(conn)
    assert shown == from_the_log(conn)
    assert counted(conn) == events_of(conn, "paid")
    kept = report_tables(conn)
    rebuild_report_tables(conn)
    assert report_tables(conn) == kept
    return shown


def test_the_report_counts_paid_open_voided_and_recovered_orders(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    cafe(path)
    clock = FixedClock(MORNING)
    with Store.open(path) as store:
        till = Till(store, clock)
        till.scan(LATTE)  # paid: a size-up accepted, the rest declined
        till.accept()
        while till.prompt is not None:
            till.decline()
        till.pay()
        check(store)
        till.scan(LATTE)  # voided: the accepted size-up's line goes again, then paid
        till.accept()
        while till.prompt is not None:
            till.decline()
        till.void(till.lines[-1].sku, line_no=till.lines[-1].no)
        till.scan(COOKIE)
        till.pay()
        check(store)
        clock.set(MORNING + dt.timedelta(hours=1))
        till.scan(LATTE)  # open, then the till goes down with it on the counter
        while till.prompt is not None:
            till.decline()
        assert events_of(store.db.conn, "open") > 0
        before_crash = check(store)
    with Store.open(path) as store:
        again = Till(store, clock)  # recovered: the same order, its outcomes still shown
        assert again.session is not None
        assert again.session.lines
        assert check(store) == before_crash
        again.scan(MUFFIN)
        again.checkout()
        while again.prompt is not None:
            again.accept()
        opened = check(store)
        again.pay()
        assert events_of(store.db.conn, "open") == 0
        assert check(store) == opened  # paying moves them into the table, figures unchanged


def test_an_answer_writes_no_report_page_and_pay_writes_them_once(tmp_path: Path) -> None:
    """Counted from the real -wal file and mapped to b-trees by dbstat: the answers to
    prompts write the outcome, its order's entry and the line, a few pages each (m008's
    trigger added two or three pages of report_prompts to each); paying writes the day's
    report rows."""
    path = tmp_path / "store.db"
    cafe(path)
    with Store.open(path) as store:
        conn = store.db.conn
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wal, offset = Path(f"{path}-wal"), 0
        till = Till(store, FixedClock(MORNING))
        answers: list[list[int]] = []
        pays: list[list[int]] = []
        for _ in range(6):
            till.scan(LATTE)
            offset = wal_commits(wal, page_size, offset)[1]
            while till.prompt is not None:
                till.decline()
                new, offset = wal_commits(wal, page_size, offset)
                answers += new
            till.pay()
            new, offset = wal_commits(wal, page_size, offset)
            pays += new
        owner = dict(conn.execute("SELECT pageno, name FROM dbstat"))
    answered = {owner.get(p) for c in answers for p in c}
    assert not answered & {"report_prompts", "report_prompts_recent"}
    assert all("report_prompts_recent" in {owner.get(p) for p in c} for c in pays)
    assert sum(len(c) for c in answers) / len(answers) <= 4.5


def open_order_at_m013(path: Path) -> None:
    """A store as m013 left it: a paid order and an open one, each with prompt outcomes
    its trigger added to the report tables as they were logged."""
    db = Database(path)
    db.execute("PRAGMA page_size=1024")
    migrations.apply(db, stop_before=M014)
    conn = db.conn
    for order, status in ((1, "paid"), (2, "open")):
        conn.execute("INSERT INTO orders(id, status, clerk, opened_at, closed_at, total_cents, "
                     "till) VALUES (?, 'open', 'bo', ?, NULL, 900, NULL)",
                     [order, f"2026-11-23T0{7 + order}:10:00"])
        for rule, outcome in (("latte-size-up", "shown"), ("latte-size-up", "declined"),
                              ("latte-muffin", "shown"), ("latte-muffin", "accepted")):
            conn.execute("INSERT INTO prompt_events(order_id, rule_id, kind, status, clerk, "
                         "at, revenue_cents) VALUES (?, ?, 'upsell', ?, 'bo', ?, ?)",
                         [order, rule, outcome, f"2026-11-23T0{7 + order}:12:00",
                          275 if outcome == "accepted" else 0])
        if status == "paid":
            conn.execute("UPDATE orders SET status = 'paid', closed_at = ? WHERE id = ?",
                         [f"2026-11-23T0{7 + order}:20:00", order])
    conn.commit()
    assert counted(conn) == 8  # m008's trigger counted both orders' outcomes
    db.close()


def test_the_upgrade_takes_an_open_order_s_outcomes_out_of_the_table(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_order_at_m013(path)
    with Store.open(path) as store:
        conn = store.db.conn
        assert counted(conn) == 4  # the paid order's; the open one's are read live
        assert report_tables_agree(conn)  # so no rebuild at the first report
        assert in_the_report(conn) == from_the_log(conn)
        conn.execute("UPDATE orders SET status = 'paid', closed_at = '2026-11-23T09:30:00' "
                     "WHERE id = 2")
        conn.commit()
        assert counted(conn) == 8
        assert in_the_report(conn) == from_the_log(conn)
        conn.execute("UPDATE orders SET status = 'open', closed_at = NULL WHERE id = 2")
        conn.commit()
        assert counted(conn) == 4  # and out again, should an order be reopened
        assert report_tables_agree(conn)
        assert in_the_report(conn) == from_the_log(conn)
