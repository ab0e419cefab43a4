"""What-if (`pos-prompter whatif`, issue 10 point 5) over 90 days of a busy store.

    .venv/bin/python bench/bench_whatif.py [--quick]

Builds a store (generate.py: 20,000 products, 2,000 rules; --quick: 2,000 and 200) with
100,000 paid orders (--quick: 5,000) spread over the last 90 days, 1-8 lines each (about
4.5), 60% of the lines drawn from the first 1,000 products of the shuffled catalog (the
triggers of the store's rules), and 10,000 cross-sell prompt events for the rate. Then, in
this process, alternating, a few runs each:

1. baseline: reading the same orders only (`store.replay.replay_orders`, every paid order
   of the window with its lines, each built as a value, nothing replayed);
2. `run_whatif` of one draft cross-sell on one popular SKU (the usual draft): the whole
   command's work, store reads included, the store's rules beside it;
3. `run_whatif` of a draft on every scan (the worst case: no order can be left out, every
   order replayed whole, through checkout), with each order's replay time (median, p99).

Prints median and p99 of the runs (few runs: p99 is the slowest) and the ratios to the
baseline; and the command line once, in a new process, for the usual draft.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, report, run_sized, seconds, summary
from generate import SETTINGS, make_dataset

from pos_prompter.core.rules import RulePack, parse_pack
from pos_prompter.core.whatif import Replay, draft_rules
from pos_prompter.core.whatif_window import Window
from pos_prompter.store import Store
from pos_prompter.store.replay import replay_orders, run_whatif

FULL = {"products": 20_000, "rules": 2_000, "orders": 100_000, "reps": 3}
QUICK = {"products": 2_000, "rules": 200, "orders": 5_000, "reps": 2}
DAYS = 90
SEED = 20261207


def build_store(path: Path, cfg: dict[str, Any], now: dt.datetime) -> list[str]:
    """The busy store; returns the popular SKUs (most often on an order)."""
    ds = make_dataset(cfg["products"], cfg["rules"])
    with Store.open(path, create=True) as store:
        store.catalog.import_products(ds.products)
        store.rules.replace(RulePack(tuple(ds.rules), SETTINGS))
    rng = random.Random(SEED)
    popular = list(ds.shop.shuffled[:1000])
    everything = ds.products
    conn = sqlite3.connect(path)
    orders, lines, events = [], [], []
    span = DAYS * 86400 - 3600
    for order_id in range(1, cfg["orders"] + 1):
        when = (now - dt.timedelta(seconds=rng.randrange(span))).isoformat(timespec="seconds")
        chosen = [rng.choice(popular) if rng.random() < 0.6 else rng.choice(everything)
                  for _ in range(rng.randint(1, 8))]
        total = 0
        for no, product in enumerate(chosen, start=1):
            qty = 1 if rng.random() < 0.85 else 2
            total += qty * product.price
            lines.append((order_id, no, product.sku, product.name, qty, product.price, "scan"))
        orders.append((order_id, "paid", when, when, total))
        if order_id % 10 == 0:
            events.append((order_id, "r-x", "cross_sell", "shown", when))
            if order_id % 50 == 0:
                events.append((order_id, "r-x", "cross_sell", "accepted", when))
    with conn:
        conn.executemany("INSERT INTO orders(id, status, opened_at, closed_at, total_cents) "
                         "VALUES (?, ?, ?, ?, ?)", orders)
        conn.executemany("INSERT INTO order_lines(order_id, line_no, sku, name, qty, "
                         "unit_price_cents, origin) VALUES (?, ?, ?, ?, ?, ?, ?)", lines)
        conn.executemany("INSERT INTO prompt_events(order_id, rule_id, kind, status, at) "
                         "VALUES (?, ?, ?, ?, ?)", events)
    conn.close()
    return [p.sku for p in popular[:5]]


def draft_pack(trigger: str | None, offer: str) -> RulePack:
    when = {"scanned": {"sku": [trigger]}} if trigger else {}
    return parse_pack({"version": 1, "rules": [{
        "id": "draft-x", "kind": "cross_sell", "title": "Draft", "say": "{offer}?",
        "when": when, "offer": {"add": [offer]}, "priority": 50}]})


def read_only(store: Store, window: Window) -> float:
    t0 = time.perf_counter()
    with store.snapshot() as db:
        n = sum(1 for _ in replay_orders(db, window))
    assert n > 0
    return time.perf_counter() - t0


def timed_whatif(store: Store, pack: RulePack, window: Window) -> tuple[float, Any]:
    t0 = time.perf_counter()
    [result] = run_whatif(store, pack, window)
    return time.perf_counter() - t0, result


def per_order(store: Store, pack: RulePack, window: Window) -> list[float]:
    """Each order's replay time, every order replayed whole (the worst case's draft)."""
    with store.snapshot() as db:
        replay = Replay(store.catalog.load(), store.rules.load(),
                        pack.settings_over(store.load_settings()), draft_rules(pack))
        samples = []
        for order in replay_orders(db, window):
            t0 = time.perf_counter()
            replay.add(order)
            samples.append(time.perf_counter() - t0)
    return samples


def run(cfg: dict[str, Any]) -> int:
    header("what-if: a draft replayed over 90 days of paid orders",
           [f"{cfg['orders']:,} orders, {cfg['products']:,} products, {cfg['rules']:,} "
            f"store rules, {cfg['reps']} runs of each, alternating"])
    now = dt.datetime.now().replace(microsecond=0)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "busy.db"
        t0 = time.perf_counter()
        popular = build_store(db, cfg, now)
        print(f"   store built in {time.perf_counter() - t0:.1f} s")
        window = Window.last_days(DAYS, now)
        usual = draft_pack(popular[0], popular[1])
        anywhere = draft_pack(None, popular[1])
        base: list[float] = []
        ours: list[float] = []
        worst: list[float] = []
        with Store.open(db) as store:
            for _ in range(cfg["reps"]):
                base.append(read_only(store, window))
                took, result = timed_whatif(store, usual, window)
                ours.append(took)
                took, worst_result = timed_whatif(store, anywhere, window)
                worst.append(took)
            print(f"   usual draft: {result.would_show} shown, {result.kept_quiet_by_cap} "
                  f"kept quiet by the cap, of {result.orders_considered} orders; expected "
                  f"revenue {result.to_json()['expected_revenue']}")
            print(f"   every-scan draft: {worst_result.would_show} shown, "
                  f"{worst_result.kept_quiet_by_cap} kept quiet by the cap")
            print(f"   baseline (reading the orders): {seconds(base)}")
            print(f"   usual draft:                    {seconds(ours)}")
            print(f"   every-scan draft:               {seconds(worst)}")
            report("usual draft (one popular SKU) vs reading the same orders", "s", ours,
                   base, "read orders only")
            report("every-scan draft (every order replayed whole) vs reading", "s", worst,
                   base, "read orders only")
            orders = per_order(store, anywhere, window)
            s = summary(orders)
            print(f"\n  per order, every order replayed whole: p50 {s['p50'] * 1e6:.0f} us, "
                  f"p99 {s['p99'] * 1e6:.0f} us, max {s['max'] * 1e3:.1f} ms "
                  f"({len(orders):,} orders)")
        pack_file = Path(tmp) / "draft.yaml"
        pack_file.write_text(
            "version: 1\nrules:\n  - id: draft-x\n    kind: cross_sell\n    title: Draft\n"
            f"    say: '{{offer}}?'\n    when: {{scanned: {{sku: [{popular[0]}]}}}}\n"
            f"    offer: {{add: [{popular[1]}]}}\n    priority: 50\n", encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pos_prompter", "whatif", str(pack_file),
                               "--db", str(db), "--format", "json"], capture_output=True,
                              text=True, check=False)
        wall = time.perf_counter() - t0
        print(f"\n  pos-prompter whatif (usual draft, new process, start-up included): "
              f"{wall:.2f} s, exit {proc.returncode}")
        if proc.returncode != 0:
            print(proc.stderr[-2000:])
            return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_sized(run, QUICK, FULL, __doc__ or "", argv)


if __name__ == "__main__":
    raise SystemExit(main())
