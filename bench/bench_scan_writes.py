"""Bytes written to disk per scan at the till, against the bytes of the rows a scan adds.

    .venv/bin/python bench/bench_scan_writes.py [--quick] [--history DAYS] [--sold ORDERS]

Builds a store of 100,000 products and 20,000 rules (generate.py) in a temporary folder on
disk (not tmpfs: write_bytes counts what reaches the block layer), opens it as a till does
(Store.open: WAL, synchronous=FULL) and plays generate.py's scan plan through the real
Till (pos_prompter/till.py) as the window and `simulate` do: scans, accept/decline where a
prompt is on screen, checkout, pay, every action committed before it returns. Two runs:
orders of 2-8 scans (the plan as drawn), and the same scans in orders of 100.

Measured with /proc/self/io write_bytes before and after the actions (the store, its WAL
and any journal: everything this process wrote), and again after closing the store (the
close's checkpoint moves the WAL's last pages into the store). The copy of the built store
is synced to disk first: write_bytes counts a page when it turns dirty, so a page of the
fresh copy still waiting to be written took the run's checkpoint writes without counting
them (0.9 KB per scan fewer before session 7). The bytes of the rows the run added are
counted from the store afterwards: every value of its order_lines and
prompt_events rows and of its orders rows (all columns but `state`, the open order's
recovery copy), integers as 8 bytes. Reported per scan; the ratio is bytes written / bytes
of rows. Target (issue 11): under 16 KB written per scan, with synchronous=FULL.
`--history DAYS`: the store's report tables first get the rows of that many past days
(wal_pages.seed_history), as at a till that has sold that long. `--sold ORDERS`: the store
first gets that many paid orders of 1-8 lines over the last 89 days (random products;
_tillstore.seed_paid_orders), as a till that has sold for months has them.

Each run plays on a copy of the built store put on disk and out of the page cache
(_tillstore.copy_cold), as a till finds its store after a start: a copy left in the cache
made write_bytes count up to 4 KB a scan more (large page-cache folios; its docstring says
how).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, quantile, run_sized, verdict
from _tillstore import build_store, copy_cold, open_till, seed_paid_orders, write_bytes
from generate import Step, make_plan
from wal_pages import seed_history

from pos_prompter.seen_prompts import ShownWhenSeen

FULL = {"products": 100_000, "rules": 20_000, "scans": 10_000, "long": 100}
QUICK = {"products": 2_000, "rules": 200, "scans": 300, "long": 50}
TARGET = 16 * 1024
SIMULATE, WINDOW = "prompts logged as simulate does", "prompts logged as the window does"


def regroup(plan: Sequence[Step], size: int) -> list[Step]:
    """The plan's scans (with their answers) in orders of `size` scans, each then paid."""
    steps: list[Step] = []
    scans = [s for s in plan if s.action == "scan"]
    for i, step in enumerate(scans, start=1):
        steps.append(step)
        if i % size == 0 or i == len(scans):
            steps.append(Step("pay"))
    return steps


def play(path: Path, plan: Sequence[Step], *, window: bool = False) -> dict[str, Any]:
    """Play `plan` on a till over the store at `path`; bytes written and time taken.
    `window`: prompts logged as the till window logs them (shown once seen)."""
    store, till = open_till(path)
    if window:
        till.shown_when_seen = ShownWhenSeen()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # start from an empty WAL
    first_order = store.db.execute("SELECT COALESCE(MAX(id), 0) FROM orders").fetchone()[0]
    actions = 0
    scan_ms: list[float] = []
    before = write_bytes()
    t0 = time.perf_counter()
    for step in plan:
        if step.action == "scan":
            assert step.product is not None
            t = time.perf_counter()
            events = till.scan(step.product.barcodes[0])
            scan_ms.append((time.perf_counter() - t) * 1000)
            assert not any(ev.event == "error" for ev in events), events
            actions += 1
            till.prompt_seen()  # the window paints the card before the clerk goes on
            if step.answer and till.prompt is not None:
                getattr(till, step.answer)()
                actions += 1
                till.prompt_seen()
        elif step.action == "checkout":
            till.checkout()
            actions += 1
            till.prompt_seen()
            if step.answer and till.prompt is not None:
                till.accept()
                actions += 1
                till.prompt_seen()
        else:
            till.pay()
            actions += 1
    took = time.perf_counter() - t0
    during = write_bytes() - before
    store.close()
    closed = write_bytes() - before
    return {"during": during, "closed": closed, "actions": actions, "seconds": took,
            "rows": row_bytes(path, first_order), "scan_ms": scan_ms}


def _size(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, int | float):
        return 8
    return len(value.encode() if isinstance(value, str) else bytes(value))  # type: ignore[arg-type]


def row_bytes(path: Path, after_order: int) -> int:
    """The bytes of the values of the rows the run added (orders without `state`)."""
    conn = sqlite3.connect(path)
    try:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(orders)") if r[1] != "state"]
        total = 0
        for sql in (f"SELECT {', '.join(cols)} FROM orders WHERE id > ?",
                    "SELECT * FROM order_lines WHERE order_id > ?",
                    "SELECT * FROM prompt_events WHERE order_id > ?"):
            for row in conn.execute(sql, [after_order]):
                total += sum(_size(v) for v in row)
        return total
    finally:
        conn.close()


def run(cfg: dict[str, Any]) -> int:
    n, m, scans, long = cfg["products"], cfg["rules"], cfg["scans"], cfg["long"]
    header("bench_scan_writes: bytes written to disk per scan at the till", [
        f"store: {n:,} products, {m:,} rules (generate.py), on disk; Store.open (WAL, "
        "synchronous=FULL) and the real Till",
        f"{scans:,} scans of generate.py's plan (accept/decline/checkout/pay as drawn), "
        f"in orders of 2-8 scans and in orders of {long}",
        "bytes written: /proc/self/io write_bytes around the actions, and after closing",
    ])
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-scan-writes-") as tmp:
        base = Path(tmp) / "base.db"
        ds, built = build_store(base, n, m)
        if cfg.get("history"):
            seeded = seed_history(base, cfg["history"])
            print(f"   report tables: {seeded:,} rows of {cfg['history']} past days first")
        if cfg.get("sold"):
            seed_paid_orders(base, cfg["sold"])
            print(f"   sold first: {cfg['sold']:,} paid orders of 1-8 lines over 89 days")
        plan = make_plan(ds.shop, ds.rules, scans)
        print(f"   store built in {built:.1f} s ({base.stat().st_size / 1e6:.0f} MB)")
        runs = [(f"{size}, {how}", steps, how == WINDOW)
                for size, steps in (("orders of 2-8 scans", plan),
                                    (f"orders of {long} scans", regroup(plan, long)))
                for how in (SIMULATE, WINDOW)]
        for name, steps, window in runs:
            path = Path(tmp) / "store.db"
            copy_cold(base, path)  # on disk and out of the cache, as after a start
            r = play(path, steps, window=window)
            path.unlink()
            per_scan, per_closed = r["during"] / scans, r["closed"] / scans
            rows = r["rows"] / scans
            print(f"\n-- {name}: {scans:,} scans, {r['actions']:,} till actions in "
                  f"{r['seconds']:.1f} s")
            print(f"   written per scan: {per_scan / 1024:.1f} KB during the actions, "
                  f"{per_closed / 1024:.1f} KB with the close's checkpoint "
                  f"({r['closed'] / 1e6:.1f} MB in all)")
            print(f"   per till action (each one commit): "
                  f"{r['closed'] / r['actions'] / 1024:.1f} KB")
            print(f"   bytes of rows added per scan: {rows:.0f} B")
            print(f"   ratio written / rows: {per_closed / rows:.0f}x")
            ms = r["scan_ms"]
            print(f"   Till.scan: p50 {quantile(ms, 0.5):.2f} ms, p99 {quantile(ms, 0.99):.2f} ms, "
                  f"max {max(ms):.1f} ms (checkpoints included)")
            ok &= verdict(f"KB written per scan, {name}", per_closed / 1024,
                          TARGET / 1024).startswith("  [ok")
    return 0


def main(argv: list[str] | None = None) -> int:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--history", type=int, default=0, metavar="DAYS")
    pre.add_argument("--sold", type=int, default=0, metavar="ORDERS")
    known, rest = pre.parse_known_args(argv)
    extra = {"history": known.history, "sold": known.sold}
    return run_sized(run, {**QUICK, **extra}, {**FULL, **extra}, __doc__ or "", rest)


if __name__ == "__main__":
    raise SystemExit(main())
