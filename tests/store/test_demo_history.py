"""The demo stores' generated past sales (pos_prompter.core.demo_history, written by
pos_prompter.store.demo_history): seeded, played through the real engine, all paid, with a
holdout group big enough for the uplift."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pos_prompter.bootstrap import DEMO_STAFF, init_store, open_or_create
from pos_prompter.core.demo_history import DAYS, HISTORY_END, generate, profile_for
from pos_prompter.resources import DEMOS
from pos_prompter.store import Store
from pos_prompter.store.demo_history import add_demo_history

CLERKS = [name for name, _role, _secret in DEMO_STAFF]
HOLDOUT_RULES = {"cafe": "coffee-size-up", "shoes": "running-socks"}


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each demo store as `init_store(..., history=True)` makes it."""
    folder = tmp_path_factory.mktemp("demo-history")
    made = {}
    for demo in DEMOS:
        path = folder / f"{demo}.db"
        init_store(path, demo, history=True).close()
        made[demo] = path
    return made


def history_rows(db: Path) -> tuple[list[Any], list[Any], list[Any]]:
    return (rows(db, "SELECT id, status, clerk, customer, opened_at, closed_at, total_cents "
                     "FROM orders ORDER BY id"),
            rows(db, "SELECT * FROM order_lines ORDER BY order_id, line_no"),
            rows(db, "SELECT order_id, rule_id, kind, status, clerk, at, revenue_cents, "
                     "offer, say FROM prompt_events ORDER BY id"))


def test_the_same_seed_gives_the_same_history(stores: dict[str, Path],
                                              tmp_path: Path) -> None:
    again = tmp_path / "cafe-again.db"
    init_store(again, "cafe", history=True).close()
    first, second = history_rows(stores["cafe"]), history_rows(again)
    assert first == second
    assert len(first[0]) > 1000
    assert len(first[2]) > 1000


def test_another_seed_gives_another_history(stores: dict[str, Path]) -> None:
    with Store.open(stores["cafe"]) as store:
        catalog, rules, settings = store.catalog.load(), store.rules.load(), \
            store.load_settings()
    one, two = (generate(catalog, rules, settings, clerks=CLERKS, seed=seed,
                         profile=profile_for("cafe")) for seed in (1, 2))
    assert [(o.opened_at, o.total) for o in one] != [(o.opened_at, o.total) for o in two]


@pytest.mark.parametrize("demo", DEMOS)
def test_every_rule_is_shown_and_answered(stores: dict[str, Path], demo: str) -> None:
    db = stores[demo]
    rules = {r[0] for r in rows(db, "SELECT id FROM rules")}
    found = {(rule, status) for rule, status in rows(
        db, "SELECT DISTINCT rule_id, status FROM prompt_events")}
    for rule in rules:
        for status in ("shown", "accepted", "declined", "ignored"):
            assert (rule, status) in found, (rule, status)
    held = {rule for rule, status in found if status == "held_out"}
    assert held == ({HOLDOUT_RULES[demo]} if demo in HOLDOUT_RULES else set())


@pytest.mark.parametrize("demo", DEMOS)
def test_only_paid_orders_whose_totals_are_their_lines(stores: dict[str, Path],
                                                       demo: str) -> None:
    db = stores[demo]
    assert rows(db, "SELECT DISTINCT status FROM orders") == [("paid",)]
    wrong = rows(db, "SELECT o.id, o.total_cents, SUM(l.qty * l.unit_price_cents) "
                     "FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id "
                     "HAVING o.total_cents <> SUM(l.qty * l.unit_price_cents)")
    assert wrong == []
    assert rows(db, "SELECT COUNT(*) FROM orders WHERE id NOT IN "
                    "(SELECT order_id FROM order_lines)") == [(0,)]
    first, last = rows(db, "SELECT MIN(closed_at), MAX(closed_at) FROM orders")[0]
    assert first[:10] == str(HISTORY_END - dt.timedelta(days=DAYS))
    assert last[:10] == str(HISTORY_END - dt.timedelta(days=1))
    assert {c for (c,) in rows(db, "SELECT DISTINCT clerk FROM orders")} == set(CLERKS)


@pytest.mark.parametrize("demo", DEMOS)
def test_the_lines_follow_the_prompts(stores: dict[str, Path], demo: str) -> None:
    """What the real session did: every accepted cross-sell or bundle left its lines, a
    line from a prompt comes from an accepted one, and the revenue is what was added."""
    db = stores[demo]
    orphans = rows(db, "SELECT l.order_id, l.rule_id FROM order_lines l "
                       "WHERE l.origin IN ('upsell', 'cross_sell', 'bundle') AND NOT EXISTS "
                       "(SELECT 1 FROM prompt_events e WHERE e.order_id = l.order_id "
                       "AND e.rule_id = l.rule_id AND e.status = 'accepted')")
    assert orphans == []
    missing = rows(db, "SELECT e.order_id, e.rule_id FROM prompt_events e "
                       "WHERE e.status = 'accepted' AND e.kind IN ('cross_sell', 'bundle') "
                       "AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = "
                       "e.order_id AND l.rule_id = e.rule_id)")
    assert missing == []
    both = rows(db, "SELECT a.order_id FROM prompt_events a JOIN prompt_events b "
                    "ON a.order_id = b.order_id AND a.rule_id = b.rule_id "
                    "WHERE a.status = 'held_out' AND b.status = 'shown'")
    assert both == []
    assert rows(db, "SELECT COUNT(*) FROM prompt_events WHERE status = 'accepted' "
                    "AND kind IN ('upsell', 'cross_sell', 'bundle') "
                    "AND revenue_cents <= 0") == [(0,)]


@pytest.mark.parametrize("demo", sorted(HOLDOUT_RULES))
def test_the_holdout_rule_has_30_paid_orders_in_each_group(stores: dict[str, Path],
                                                           demo: str) -> None:
    rule = HOLDOUT_RULES[demo]
    counts = dict(rows(stores[demo], f"""
        SELECT e.status, COUNT(DISTINCT e.order_id) FROM prompt_events e
        JOIN orders o ON o.id = e.order_id
        WHERE e.rule_id = '{rule}' AND o.status = 'paid'
          AND e.status IN ('shown', 'held_out') GROUP BY e.status"""))
    assert counts["held_out"] >= 30
    assert counts["shown"] >= 30


def test_init_store_makes_no_history_unless_asked(tmp_path: Path) -> None:
    with init_store(tmp_path / "plain.db", "cafe") as store:
        assert store.sales.orders() == []


def test_the_first_run_gets_the_history(tmp_path: Path) -> None:
    with open_or_create(tmp_path / "first" / "store.db") as store:
        assert len(store.sales.orders()) > 1000
        assert store.get_setting("demo") == "cafe"


def test_a_history_added_later_comes_after_the_orders_already_there(tmp_path: Path) -> None:
    with init_store(tmp_path / "shop.db", "electronics") as store:
        order = store.sales.new_order(clerk="clerk", customer=None,
                                      now=dt.datetime(2026, 12, 1, 10))
        added = add_demo_history(store, "electronics", CLERKS)
        ids = [o["id"] for o in store.sales.orders()]
    assert ids[0] == order == 1
    assert ids[1:] == list(range(2, added + 2))
