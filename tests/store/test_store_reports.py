"""The report tables (migration m008) and the uplift, on generated orders in a real store.

The uplift interval is checked against a textbook Welch computation written here on its
own: sample means and variances from `statistics`, the Welch-Satterthwaite degrees of
freedom, and the t quantile from Simpson's rule on the t density (not the incomplete beta
the product uses).
"""

from __future__ import annotations

import math
import random
import sqlite3
import statistics
from decimal import Decimal
from pathlib import Path

import pytest
from report_rows import REPORT_TABLES, report_tables

from pos_prompter.core.results import Period
from pos_prompter.store import Store
from pos_prompter.store.reports import load_report, rebuild_report_tables, report_tables_agree


def _t_density(x: float, df: float) -> float:
    c = math.gamma((df + 1) / 2) / (math.sqrt(df * math.pi) * math.gamma(df / 2))
    return c * (1 + x * x / df) ** (-(df + 1) / 2)


def textbook_t(p: float, df: float) -> float:
    """The t quantile by integrating the density (Simpson, 2,000 steps) and bisection."""
    def cdf(t: float) -> float:
        steps = 2000
        h = t / steps
        area = _t_density(0, df) + _t_density(t, df) + sum(
            (4 if i % 2 else 2) * _t_density(i * h, df) for i in range(1, steps))
        return 0.5 + area * h / 3
    low, high = 0.0, 20.0
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if cdf(mid) < p else (low, mid)
    return (low + high) / 2


def textbook_welch(a: list[int], b: list[int]) -> tuple[float, float, float]:
    va, vb = statistics.variance(a) / len(a), statistics.variance(b) / len(b)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    diff = statistics.mean(a) - statistics.mean(b)
    half = textbook_t(0.975, df) * math.sqrt(va + vb)
    return diff, diff - half, diff + half


def add_order(store: Store, total: int, at: str, clerk: str, events: list[tuple[str, str]],
              *, events_after_paid: bool) -> None:
    """One order paid at `at`, with prompt events (rule, status) logged before it was paid
    (as during scanning) or after (as the paying save logs them)."""
    with store.write() as db:
        order = db.execute("INSERT INTO orders(status, clerk, opened_at, total_cents) "
                           "VALUES ('open', ?, ?, ?)", [clerk, at, total]).lastrowid

        def log() -> None:
            for rule, status in events:
                db.execute("INSERT INTO prompt_events(order_id, rule_id, kind, status, clerk, "
                           "at, revenue_cents, offer) VALUES (?, ?, 'cross_sell', ?, ?, ?, "
                           "?, ?)", [order, rule, status, clerk, at,
                                     150 if status == "accepted" else 0,
                                     '["LOCK"]' if status == "shown" else None])
        if not events_after_paid:
            log()
        db.execute("UPDATE orders SET status = 'paid', closed_at = ? WHERE id = ?", [at, order])
        if events_after_paid:
            log()


def generated_store(path: Path, treated: list[int], holdout: list[int]) -> Store:
    store = Store.open(path, create=True)
    with store.write() as db:
        db.execute("INSERT INTO products(sku, name, price_cents, cost_cents) "
                   "VALUES ('LOCK', 'Lock', 2500, 1000)")
    for i, total in enumerate(treated):
        events = [("lock", "shown"), ("lock", "accepted" if i % 3 == 0 else "declined")]
        add_order(store, total, f"2026-03-{1 + i % 28:02d}T{8 + i % 10:02d}:15:00",
                  f"c{i % 3}", events, events_after_paid=i % 2 == 0)
    for i, total in enumerate(holdout):
        add_order(store, total, f"2026-03-{1 + i % 28:02d}T12:00:00", "c0",
                  [("lock", "held_out")], events_after_paid=i % 2 == 1)
    add_order(store, 999, "2026-03-05T09:00:00", "c1", [], events_after_paid=False)
    return store


@pytest.fixture
def orders() -> tuple[list[int], list[int]]:
    rng = random.Random(7)
    return ([rng.randrange(3500, 9000) for _ in range(61)],
            [rng.randrange(1500, 6000) for _ in range(37)])


def test_uplift_matches_a_textbook_welch_interval(tmp_path: Path,
                                                  orders: tuple[list[int], list[int]]) -> None:
    treated, holdout = orders
    with generated_store(tmp_path / "shop.db", treated, holdout) as store:
        (uplift,) = load_report(store.db.conn, Period()).to_json()["uplift"]
    assert (uplift["treated_orders"], uplift["holdout_orders"]) == (61, 37)
    assert uplift["enough_data"] is True
    diff, low, high = textbook_welch(treated, holdout)
    for key, cents in (("difference", diff), ("ci_low", low), ("ci_high", high)):
        assert abs(Decimal(uplift[key]) * 100 - Decimal(cents)) <= Decimal("0.5"), key
    assert uplift["revenue_per_order_treated"] == \
        str((Decimal(sum(treated)) / 61 / 100).quantize(Decimal("0.01")))
    assert Decimal(uplift["ci_low"]) < Decimal(uplift["difference"]) < Decimal(uplift["ci_high"])
    assert uplift["sentence"].startswith("lock adds about $")


def test_below_30_orders_in_a_group_there_is_not_enough_data(
        tmp_path: Path, orders: tuple[list[int], list[int]]) -> None:
    treated, holdout = orders
    with generated_store(tmp_path / "shop.db", treated, holdout[:29]) as store:
        (uplift,) = load_report(store.db.conn, Period()).to_json()["uplift"]
    assert (uplift["treated_orders"], uplift["holdout_orders"]) == (61, 29)
    assert uplift["enough_data"] is False
    assert [uplift[k] for k in ("difference", "ci_low", "ci_high")] == [None, None, None]
    assert "not enough data yet" in uplift["sentence"]
    assert "1 more held-out order " in uplift["sentence"]


def test_triggers_keep_the_report_tables_as_a_rebuild_would(
        tmp_path: Path, orders: tuple[list[int], list[int]]) -> None:
    treated, holdout = orders
    with generated_store(tmp_path / "shop.db", treated, holdout) as store:
        conn = store.db.conn
        kept = report_tables(conn)
        assert all(kept.values())
        assert report_tables_agree(conn)
        rebuild_report_tables(conn)
        rebuilt = report_tables(conn)
    assert rebuilt == kept


def test_the_margin_of_accepted_cross_sells_uses_the_offered_products_cost(
        tmp_path: Path, orders: tuple[list[int], list[int]]) -> None:
    treated, holdout = orders
    with generated_store(tmp_path / "shop.db", treated, holdout) as store:
        (rule,) = load_report(store.db.conn, Period()).to_json()["rules"]
    accepted = len(range(0, 61, 3))
    assert rule["accepted"] == accepted
    assert rule["revenue_added"] == f"{accepted * 150 / 100:.2f}"
    assert rule["margin_added"] == f"{accepted * (150 - 1000) / 100:.2f}"
    assert rule["held_out"] == 37


def test_a_store_with_history_and_no_report_tables_yet_is_filled_by_the_first_report(
        tmp_path: Path, orders: tuple[list[int], list[int]]) -> None:
    treated, holdout = orders
    with generated_store(tmp_path / "shop.db", treated, holdout) as store:
        conn = store.db.conn
        expected = load_report(conn, Period()).to_json()
        with store.write() as db:
            for table in REPORT_TABLES:
                db.execute(f"DELETE FROM {table}")
        assert not report_tables_agree(conn)
        assert load_report(conn, Period()).to_json() == expected
        assert report_tables_agree(conn)


def test_a_rebuild_lets_a_till_save_meanwhile_and_counts_what_it_saved(
        tmp_path: Path, orders: tuple[list[int], list[int]]) -> None:
    """The first report on a store with a year of history adds it all up (seconds): a till
    on the same file must be able to save its scans meanwhile, and what it saved during the
    adding up must be in the tables at the end. Here another connection, as a till would,
    commits a prompt event while the rebuild's add-up is running (from SQLite's progress
    handler, so mid-statement): it gets the write lock at once (the add-up holds none), and
    the rebuild, seeing the store changed under it, adds up again."""
    treated, holdout = orders
    path = tmp_path / "shop.db"
    with generated_store(path, treated, holdout) as store:
        conn = store.db.conn
        with store.write() as db:
            for table in REPORT_TABLES:
                db.execute(f"DELETE FROM {table}")
        till = sqlite3.connect(path, timeout=0)  # a busy store would fail at once
        saved: list[int] = []

        def till_saves() -> int:
            if not saved:
                till.execute("BEGIN IMMEDIATE")
                order = till.execute("SELECT MAX(id) FROM orders").fetchone()[0]
                saved.append(till.execute(
                    "INSERT INTO prompt_events(order_id, rule_id, kind, status, at) "
                    "VALUES (?, 'lock-deal', 'cross_sell', 'declined', '2026-11-20T10:00:00')",
                    [order]).lastrowid)
                till.commit()
            return 0

        conn.set_progress_handler(till_saves, 1000)
        try:
            rebuild_report_tables(conn)
        finally:
            conn.set_progress_handler(None, 0)
            till.close()
        assert saved
        assert report_tables_agree(conn)
        declined = conn.execute("SELECT SUM(declined) FROM report_prompts "
                                "WHERE dim = 'rule'").fetchone()[0]
        assert declined == conn.execute("SELECT COUNT(*) FROM prompt_events "
                                        "WHERE status = 'declined'").fetchone()[0]
