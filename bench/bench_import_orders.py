"""`pos-prompter import orders` of 2 million lines (issue 10: seconds, with progress).

    .venv/bin/python bench/bench_import_orders.py [--quick]

Into a temporary folder: a CSV of 500,000 past orders (--quick: 10,000) of four lines each,
over a year's opening hours, of the cafe demo's products (`order_id,sku,qty,price,time`,
the price left out on half the lines: the catalog's). Each run starts from a fresh store
made by init_store (the cafe demo), untimed. Then, median of a few runs:

1. the whole command, `pos-prompter import orders FILE --db STORE` in a new process
   (Python's start, the package's import, reading and checking the file included);
2. in-process, on an open store: `parse_orders_csv` (reading and checking) and
   `store.sales.import_orders` (the write, report tables included), each timed;
3. the baseline in the same run: the same file read with the `csv` module and its rows put
   with one plain sqlite3 `executemany` into a bare table of a new file (synchronous=FULL,
   WAL, as the store), in one transaction.

After each import it checks that the report tables agree with the orders they count
(`report_tables_agree`), and once that they equal a full rebuild.

Wall-clock time on a machine shared with other work swings by 2-3x from run to run: the
CPU time of the command (its process, from `getrusage`) and of the baseline (its
`process_time`) are printed beside it, and the ratio of both.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, run_sized, seconds  # noqa: E402

from pos_prompter.bootstrap import init_store  # noqa: E402
from pos_prompter.core.past_orders import parse_orders_csv  # noqa: E402
from pos_prompter.imports import ORDERS_SOURCE  # noqa: E402
from pos_prompter.store import Store  # noqa: E402
from pos_prompter.store.reports import rebuild_report_tables, report_tables_agree  # noqa: E402

SEED = 20261207
YEAR_START = dt.datetime(2025, 1, 1)
LINES_PER_ORDER = 4
REPORT_TABLES = ("report_prompts", "report_orders", "report_uplift")


def write_csv(path: Path, orders: int, skus: list[str]) -> int:
    """`orders` orders of four lines each over a year; returns the number of lines."""
    rng = random.Random(SEED)
    per_day = orders / 365
    out = ["order_id,sku,qty,price,time\n"]
    for i in range(orders):
        day = int(i / per_day)
        at = YEAR_START + dt.timedelta(days=day, minutes=rng.randrange(7 * 60, 21 * 60),
                                       seconds=rng.randrange(60))
        when = at.isoformat(timespec="seconds")
        for sku in rng.sample(skus, LINES_PER_ORDER):
            price = "" if rng.random() < 0.5 else f"{rng.randrange(100, 900) / 100:.2f}"
            out.append(f"OLD-{i},{sku},{rng.randrange(1, 4)},{price},{when}\n")
    path.write_text("".join(out), encoding="utf-8")
    return orders * LINES_PER_ORDER


def fresh_store(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    init_store(path, demo="cafe")
    return path


def check(path: Path, orders: int, *, rebuild: bool = False) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        imported = conn.execute("SELECT count(*) FROM orders WHERE source = ?",
                                [ORDERS_SOURCE]).fetchone()[0]
        assert imported == orders, (imported, orders)
        assert report_tables_agree(conn), "the report tables disagree with the orders"
        if rebuild:
            kept = {t: sorted(conn.execute(f"SELECT * FROM {t}")) for t in REPORT_TABLES}
            rebuild_report_tables(conn)
            again = {t: sorted(conn.execute(f"SELECT * FROM {t}")) for t in REPORT_TABLES}
            assert kept == again, "the report tables differ from a full rebuild"
    finally:
        conn.close()


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def baseline(csv_path: Path, db: Path) -> tuple[float, float]:
    """The file read with the csv module, its rows into a bare table: one executemany.
    Returns (wall, CPU) seconds."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    c0 = time.process_time()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE lines (order_id TEXT, sku TEXT, qty INTEGER, price TEXT, "
                 "time TEXT)")
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO lines VALUES (?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - t0, time.process_time() - c0


def run(size: dict[str, Any]) -> int:
    header("import orders: past orders from the old till, 4 lines an order", [
        f"{size['orders']:,} orders, {size['orders'] * LINES_PER_ORDER:,} lines over a year, "
        f"cafe demo products; {size['runs']} runs each, median",
        "baseline: csv module + one sqlite3 executemany into a bare table (WAL, "
        "synchronous=FULL)"])
    with tempfile.TemporaryDirectory(prefix="bench-import-orders-") as tmp:
        folder = Path(tmp)
        store_path = folder / "shop.db"
        fresh_store(store_path)
        with Store.open(store_path) as store:
            skus = sorted(store.catalog.load().skus())
        csv_path = folder / "orders.csv"
        t0 = time.perf_counter()
        lines = write_csv(csv_path, size["orders"], skus)
        print(f"\n(the CSV: {lines:,} lines, {csv_path.stat().st_size / 1e6:.0f} MB, written in "
              f"{time.perf_counter() - t0:.1f} s)")
        cli: list[float] = []
        parse: list[float] = []
        write: list[float] = []
        base: list[float] = []
        cli_cpu: list[float] = []
        base_cpu: list[float] = []
        again: list[float] = []
        argv = [sys.executable, "-m", "pos_prompter", "import", "orders", str(csv_path),
                "--db", str(store_path)]
        for i in range(size["runs"]):
            fresh_store(store_path)
            t0, c0 = time.perf_counter(), children_cpu()
            done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=ROOT)
            cli.append(time.perf_counter() - t0)
            cli_cpu.append(children_cpu() - c0)
            assert done.returncode == 0, done.stderr[-2000:]
            assert done.stdout.startswith(f"past orders: {size['orders']} added"), done.stdout
            check(store_path, size["orders"], rebuild=i == 0)
            fresh_store(store_path)
            with Store.open(store_path) as store:
                text = csv_path.read_text(encoding="utf-8")
                t0 = time.perf_counter()
                orders = parse_orders_csv(text, store.catalog.load())
                t1 = time.perf_counter()
                store.sales.import_orders(orders, source=ORDERS_SOURCE)
                t2 = time.perf_counter()
                summary = store.sales.import_orders(orders, source=ORDERS_SOURCE)
                t3 = time.perf_counter()
                assert not summary.added
                assert summary.unchanged == size["orders"]
            parse.append(t1 - t0)
            write.append(t2 - t1)
            again.append(t3 - t2)
            check(store_path, size["orders"])
            wall, cpu = baseline(csv_path, folder / "bare.db")
            base.append(wall)
            base_cpu.append(cpu)
        b = statistics.median(base)
        print(f"\n{'':44}median (spread)")
        for name, samples in (
                ("pos-prompter import orders (new process)", cli),
                ("  in-process: parse_orders_csv", parse),
                ("  in-process: store.sales.import_orders", write),
                ("  in-process: importing the same again", again),
                ("baseline: csv + executemany, bare table", base),
                ("CPU: pos-prompter import orders", cli_cpu),
                ("CPU: baseline", base_cpu)):
            print(f"  {name:42}{seconds(samples)}")
        print(f"\n  ratio (command / baseline): {statistics.median(cli) / b:.2f}x")
        print(f"  ratio of CPU time (command / baseline): "
              f"{statistics.median(cli_cpu) / statistics.median(base_cpu):.2f}x")
        print(f"  ratio (sales.import_orders / baseline): {statistics.median(write) / b:.2f}x")
        print(f"  per order: sales.import_orders "
              f"{statistics.median(write) / size['orders'] * 1e6:.1f} us, the command "
              f"{statistics.median(cli) / size['orders'] * 1e6:.1f} us")
    return 0


if __name__ == "__main__":
    sys.exit(run_sized(run, {"orders": 10_000, "runs": 1}, {"orders": 500_000, "runs": 3},
                       __doc__))
