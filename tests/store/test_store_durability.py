"""Never lose a scan: a till killed with SIGKILL reopens its order exactly as it was, and two
Stores on one file (two tills) see each other's writes and wait for each other's locks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.money import format_money
from pos_prompter.core.order import FixedClock
from pos_prompter.core.rules import RulePack
from pos_prompter.store import Store, StoreError
from pos_prompter.till import Till

LATTE_T = "2100000000012"

TILL_SCRIPT = """
import datetime as dt, json, sys
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till

store = Store.open(sys.argv[1])
till = Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 15)))
for action in sys.argv[2:]:
    events = till.accept() if action == "accept" else till.scan(action)
    assert not [e for e in events if e.event == "error"], events
print("ready " + json.dumps(till.session.to_state()), flush=True)
sys.stdin.readline()
"""


def run_till_then_kill(path: Path, *actions: str) -> dict:
    """Play `actions` on a till in another process, then SIGKILL it: no clean close.
    Returns the order state that process had on screen."""
    proc = subprocess.Popen([sys.executable, "-c", TILL_SCRIPT, str(path), *actions],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        if not line.startswith("ready "):
            proc.kill()
            pytest.fail(f"the till process did not get ready: {line!r} {proc.stderr.read()}")
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
        # Killed, not closed: what it committed is still in the write-ahead log.
        assert path.with_name(path.name + "-wal").stat().st_size > 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            pipe.close()
    return json.loads(line.removeprefix("ready "))


def lines_of(till: Till) -> list[tuple]:
    return [(ln.sku, ln.qty, ln.unit_price, ln.origin) for ln in till.lines]


needs_sigkill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


@pytest.mark.slow
@needs_sigkill
def test_killed_till_reopens_its_order_with_the_ignored_prompt(
        cafe_path: Path, spec_catalog: Catalog, clock: FixedClock) -> None:
    """Tall latte, size-up accepted, then a cookie scanned while the bundle was up: the
    bundle was ignored, nothing is on screen."""
    on_screen = run_till_then_kill(cafe_path, LATTE_T, "accept", "COOKIE")
    grande, cookie = spec_catalog.get("LATTE-G"), spec_catalog.get("COOKIE")
    with Store.open(cafe_path) as store:
        till = Till(store, clock)
        assert till.session is not None
        assert till.session.to_state() == on_screen
        assert till.order_id == on_screen["order_id"]
        assert lines_of(till) == [("LATTE-G", 1, grande.price, "upsell"),
                                  ("COOKIE", 1, cookie.price, "scan")]
        assert till.total == grande.price + cookie.price
        assert till.prompt is None
        assert [(e["rule_id"], e["status"]) for e in store.sales.prompt_events(till.order_id)] == [
            ("latte-size-up", "shown"), ("latte-size-up", "accepted"),
            ("latte-muffin", "shown"), ("latte-muffin", "ignored")]
        order_id = till.order_id
        till.pay()
        [order] = store.sales.orders()
        assert (order["id"], order["status"], order["total_cents"]) == (
            order_id, "paid", grande.price + cookie.price)


@pytest.mark.slow
@needs_sigkill
def test_killed_till_reopens_its_order_with_the_prompt_on_screen(
        cafe_path: Path, spec_catalog: Catalog, spec_pack: RulePack,
        clock: FixedClock) -> None:
    """Killed while the bundle prompt (computed on the Grande) was up: it is up again, and
    accepting it after the restart works."""
    on_screen = run_till_then_kill(cafe_path, LATTE_T, "accept")
    grande, muffin = spec_catalog.get("LATTE-G"), spec_catalog.get("MUFFIN-B")
    bundle_price = next(r for r in spec_pack.rules if r.id == "latte-muffin").offer.bundle_price
    assert bundle_price is not None
    with Store.open(cafe_path) as store:
        till = Till(store, clock)
        assert till.session is not None
        assert till.session.to_state() == on_screen
        assert lines_of(till) == [("LATTE-G", 1, grande.price, "upsell")]
        assert till.prompt is not None
        assert till.prompt.rule_id == "latte-muffin"
        assert till.prompt.say == (
            f"A blueberry muffin with that for just {format_money(bundle_price)}? "
            f"You save {format_money(muffin.price - bundle_price)}.")
        till.accept()
        till.pay()
        [order] = store.sales.orders()
        assert order["status"] == "paid"
        assert order["total_cents"] == grande.price + bundle_price


def test_a_write_through_one_store_is_seen_by_another(cafe_path: Path,
                                                      clock: FixedClock) -> None:
    with Store.open(cafe_path) as front, Store.open(cafe_path) as back:
        till = Till(front, clock)
        till.scan(LATTE_T)
        resumed = back.sales.open_order_state()
        assert resumed is not None
        state, _rev = resumed
        assert state["order_id"] == till.order_id
        lines = back.sales.order_lines(till.order_id)
        assert [(r["sku"], r["unit_price_cents"]) for r in lines] == [("LATTE-T", 345)]
        assert Till(back, clock).prompt == till.prompt


def test_a_second_writer_waits_for_the_lock_then_reports_busy(cafe_path: Path) -> None:
    with Store.open(cafe_path) as a, Store.open(cafe_path) as b:
        b.db.conn.execute("PRAGMA busy_timeout = 300")
        a.db.conn.execute("BEGIN IMMEDIATE")
        try:
            assert b.staff.clerks() == ["alice"]  # WAL: readers never wait for the writer
            start = time.monotonic()
            with pytest.raises(StoreError, match="busy"):
                b.staff.add_without_secret("carol")
            waited = time.monotonic() - start
        finally:
            a.db.conn.rollback()
        assert waited >= 0.25
        assert not b.db.conn.in_transaction
        b.staff.add_without_secret("carol")
        assert a.staff.clerks() == ["alice", "carol"]


def test_a_restarted_till_never_overwrites_another_tills_scans(cafe_path: Path,
                                                               clock: FixedClock) -> None:
    """Two tills on one store, each with an open order; the first one crashes and restarts.
    Every scan either till committed (and so showed) must still be on disk afterwards."""
    with Store.open(cafe_path) as store_a, Store.open(cafe_path) as store_b, \
            Store.open(cafe_path) as store_a_again:
        till_a, till_b = Till(store_a, clock), Till(store_b, clock)
        till_a.scan("COOKIE")
        till_b.scan("BEANS-250")
        assert till_a.order_id != till_b.order_id
        restarted = Till(store_a_again, clock)  # till A after the crash
        restarted.scan("MUG")
        committed = ["COOKIE", "BEANS-250", "MUG"]
        try:
            till_b.scan("COOKIE")
        except StoreError:
            pass  # refusing a scan is fine (the clerk sees it); losing another one is not
        else:
            committed.append("COOKIE")
        on_disk = sorted(r[0] for r in store_b.db.execute("SELECT sku FROM order_lines"))
        assert on_disk == sorted(committed)
