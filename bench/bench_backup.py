"""The store's check and backup at chain size: what the till's start would pay for a check.

    .venv/bin/python bench/bench_backup.py [--quick]

Builds a store of 100,000 products and 20,000 rules (generate.py) in a temporary folder on
disk, with sales: generate.py's scan plan (10,000 scans) played through the real Till.
Then, 5 runs each (the file in the page cache, as on a till that just ran):
`check_store(quick=True)` (PRAGMA quick_check, what the till runs after its first paint),
`check_store` (integrity_check and foreign_key_check, `pos-prompter check`), `backup_store`
(SQLite's backup API, the copy checked, fsynced and renamed), `auto_backup` of an unchanged
store (skipped), and the till's own start on the store (Store.open + Till) to compare with.
The ratio is quick_check's time over the start's: the check runs in a worker after the
first paint because it is a large part of a start (pos_prompter/ui/store_guard.py).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, run_sized, seconds
from _tillstore import build_store, open_till
from generate import make_plan

from pos_prompter.store.backup import auto_backup, backup_store, check_store

FULL = {"products": 100_000, "rules": 20_000, "scans": 10_000, "runs": 5}
QUICK = {"products": 2_000, "rules": 200, "scans": 300, "runs": 2}


def sell(path: Path, products: int, rules: int, scans: int) -> None:
    """Play generate.py's plan of `scans` scans on a till over the store at `path`."""
    from generate import make_dataset

    ds = make_dataset(products, rules)
    store, till = open_till(path)
    try:
        for step in make_plan(ds.shop, ds.rules, scans):
            if step.action == "scan":
                assert step.product is not None
                till.scan(step.product.barcodes[0])
                if step.answer and till.prompt is not None:
                    getattr(till, step.answer)()
            elif step.action == "checkout":
                till.checkout()
            else:
                till.pay()
    finally:
        store.close()


def timed(runs: int, work: Callable[[int], Any]) -> list[float]:
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        work(i)
        out.append(time.perf_counter() - t0)
    return out


def run(cfg: dict[str, Any]) -> int:
    n, m, scans, runs = cfg["products"], cfg["rules"], cfg["scans"], cfg["runs"]
    header("bench_backup: the store's check and backup at chain size", [
        f"store: {n:,} products, {m:,} rules (generate.py) and {scans:,} scans sold through "
        "the real Till, on disk",
        f"{runs} runs each, the file in the page cache",
    ])
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as tmp:
        path = Path(tmp) / "store.db"
        _ds, built = build_store(path, n, m)
        t0 = time.perf_counter()
        sell(path, n, m, scans)
        print(f"   store built in {built:.1f} s, sales in {time.perf_counter() - t0:.1f} s: "
              f"{path.stat().st_size / 1e6:.1f} MB")
        check_store(path, quick=True)  # warm the page cache

        def start(_i: int) -> None:
            store, _till = open_till(path)
            store.close()

        quick = timed(runs, lambda _i: check_store(path, quick=True))
        full = timed(runs, lambda _i: check_store(path))
        copies = timed(runs, lambda i: backup_store(path, Path(tmp) / f"copy{i}.db"))
        now = dt.datetime.now() + dt.timedelta(minutes=1)
        auto_backup(path, 7, now)
        skipped = timed(runs, lambda i: auto_backup(path, 7, now + dt.timedelta(seconds=i)))
        starts = timed(runs, start)
        print(f"\n   quick_check (the till, after its first paint): {seconds(quick)}")
        print(f"   integrity_check + foreign keys (pos-prompter check): {seconds(full)}")
        print(f"   backup_store (copy, check, fsync, rename): {seconds(copies)}")
        print(f"   auto_backup of an unchanged store (skipped): {seconds(skipped)}")
        print(f"   the till's start (Store.open + Till): {seconds(starts)}")
        median = sorted(quick)[len(quick) // 2] / sorted(starts)[len(starts) // 2]
        print(f"   ratio quick_check / start: {median:.2f}x")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_sized(run, QUICK, FULL, __doc__ or "", argv)


if __name__ == "__main__":
    raise SystemExit(main())
