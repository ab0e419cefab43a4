"""What-if's reads (store.replay) on a store with 90 days of the cafe's sales: the paid
orders of a window with the lines the customers brought, only those a draft may trigger on
when asked, and the acceptance rate of each kind of prompt. Checked against plain reads of
the same tables, filtered in Python. The replay itself: tests/core/test_whatif.py; the
command: tests/cli/test_cli_whatif.py."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest

from pos_prompter.bootstrap import init_store
from pos_prompter.core.rules import Scanned
from pos_prompter.core.whatif import REPLAYED_ORIGINS
from pos_prompter.core.whatif_window import Window
from pos_prompter.store import Store
from pos_prompter.store.replay import kind_rates, paid_orders, replay_orders

END = dt.datetime(2026, 11, 23, 0, 0)
WINDOW = Window.last_days(14, END)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("replay") / "history.db"
    init_store(path, demo="cafe", history=True).close()
    with Store.open(path) as opened:
        yield opened


def in_window(when: str) -> bool:
    return WINDOW.since <= dt.datetime.fromisoformat(when) <= WINDOW.until


def paid_in_window(store: Store) -> dict[int, str]:
    rows = store.db.execute("SELECT id, closed_at, status FROM orders").fetchall()
    return {oid: closed for oid, closed, status in rows
            if status == "paid" and closed is not None and in_window(closed)}


def brought(store: Store) -> dict[int, list[tuple[int, str, int, int]]]:
    lines: dict[int, list[tuple[int, str, int, int]]] = {}
    for oid, no, sku, qty, price, origin in store.db.execute(
            "SELECT order_id, line_no, sku, qty, unit_price_cents, origin FROM order_lines"):
        if origin in REPLAYED_ORIGINS:
            lines.setdefault(oid, []).append((no, sku, qty, price))
    return lines


def test_the_window_counts_its_paid_orders(store: Store) -> None:
    paid = paid_in_window(store)
    assert len(paid) > 100, "two weeks of a cafe's sales"
    assert paid_orders(store.db, WINDOW) == len(paid)
    assert paid_orders(store.db, Window.last_days(1, dt.datetime(2026, 1, 1))) == 0


def test_orders_come_oldest_first_with_the_lines_the_customer_brought(store: Store) -> None:
    paid, lines = paid_in_window(store), brought(store)
    replayed = list(replay_orders(store.db, WINDOW))
    assert [o.order_id for o in replayed] == sorted(
        (oid for oid in paid if oid in lines), key=lambda oid: (paid[oid], oid))
    for order in replayed[:50]:
        expected = sorted(lines[order.order_id])
        assert [(line.sku, line.qty, line.unit_price) for line in order.lines] == [
            (sku, qty, price) for _no, sku, qty, price in expected]
        assert order.closed_at == dt.datetime.fromisoformat(paid[order.order_id])
        assert order.opened_at <= order.closed_at


def test_a_drafts_triggers_keep_only_the_orders_it_may_fire_on(store: Store) -> None:
    croissant = Scanned(skus=frozenset({"CROISSANT"}))
    paid, lines = paid_in_window(store), brought(store)
    with_one = {oid for oid in paid if any(sku == "CROISSANT" for _n, sku, _q, _p
                                            in lines.get(oid, []))}
    assert 0 < len(with_one) < len(paid)
    assert paid_orders(store.db, WINDOW, croissant) == len(with_one)
    assert {o.order_id for o in replay_orders(store.db, WINDOW, croissant)} == with_one
    bakery = Scanned(categories=frozenset({"bakery"}))
    assert paid_orders(store.db, WINDOW, bakery) >= len(with_one), "croissants are bakery"
    nothing = Scanned(skus=frozenset({"NO-SUCH-SKU"}))
    assert paid_orders(store.db, WINDOW, nothing) == 0
    assert list(replay_orders(store.db, WINDOW, nothing)) == []


def test_each_kind_of_prompt_has_its_acceptance_rate_in_the_window(store: Store) -> None:
    counted: Counter[tuple[str, str]] = Counter()
    for kind, status, at in store.db.execute("SELECT kind, status, at FROM prompt_events"):
        if status in ("shown", "accepted") and in_window(at):
            counted[kind, status] += 1
    rates = kind_rates(store.db, WINDOW)
    assert rates, "the demo's prompts were shown in those two weeks"
    for kind, rate in rates.items():
        assert (rate.shown, rate.accepted) == (counted[kind, "shown"],
                                                counted[kind, "accepted"])
        assert rate.days == 14
    assert set(rates) == {kind for kind, _status in counted}
