"""`pos-prompter report` over a busy store's year (issue 10: under one second for any range).

    .venv/bin/python bench/bench_report.py [--quick]

Into a temporary folder: a store made by init_store (the cafe demo's catalog, rules and
staff), filled with executemany, seeded, with a year of sales: 500,000 paid orders (--quick:
20,000), four lines each (2 million), three prompt events each (1.5 million): the prompt
shown and its answer (accepted / declined / ignored) for one rule, and a second rule shown
or held out. Twelve clerks, opening hours 7:00-20:59, 20 rules of the four kinds, some
products without a cost. Then, for a full year, a month and a day:

1. `load_report` (every table: rules, clerks, hours, days, totals, uplift, leaderboard) on
   an open connection, 7 runs: median and p99 (of 7 runs, the slowest), against the
   baseline in the same run: a bare `SELECT COUNT(*)` over the same rows (the period's
   prompt events and paid orders);
2. the command itself, `pos-prompter report --db ... --format json` in a new process
   (3 runs, median), Python's start and the import of the package included.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, run_sized, seconds, summary, verdict  # noqa: E402

from pos_prompter.bootstrap import init_store  # noqa: E402
from pos_prompter.core.results import Period  # noqa: E402
from pos_prompter.store.reports import load_report, rebuild_report_tables  # noqa: E402

SEED = 20261123
YEAR_START = dt.datetime(2025, 1, 1)
KINDS = ("upsell", "cross_sell", "bundle", "threshold")
CLERKS = [f"clerk{i:02d}" for i in range(12)]
RULES = [(f"rule-{i:02d}", KINDS[i % 4]) for i in range(20)]
CHUNK = 50_000


def _orders(n: int, rng: random.Random) -> Iterator[tuple[Any, ...]]:
    """(id, closed_at, clerk, total) in time order, spread over the year's opening hours."""
    per_day = n / 365
    for i in range(1, n + 1):
        day = int((i - 1) / per_day)
        minute = rng.randrange(7 * 60, 21 * 60)
        at = YEAR_START + dt.timedelta(days=day, minutes=minute, seconds=rng.randrange(60))
        yield i, at.isoformat(timespec="seconds"), rng.choice(CLERKS), rng.randrange(300, 6000)


def fill(path: Path, orders: int, skus: list[str]) -> dict[str, int]:
    """The year's sales, into the store at `path` (made by init_store)."""
    rng = random.Random(SEED)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    # The report tables' triggers cost ~0.1 ms a prompt event (nothing beside a till's
    # save, 2.5 minutes for 1.5 million rows): off while the rows go in, then the report
    # tables are built in one go (what the first report after an upgrade does), timed.
    triggers = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_%'")]
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'report_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO products(sku, name, price_cents, cost_cents) VALUES "
                     "(?, ?, 500, ?)", [(f"BENCH-{i}", f"Bench {i}", None if i % 5 == 0 else 200)
                                        for i in range(40)])
    offers = [f"BENCH-{i}" for i in range(40)]
    counts = {"orders": 0, "lines": 0, "events": 0}
    batch_o: list[tuple[Any, ...]] = []
    batch_l: list[tuple[Any, ...]] = []
    batch_e: list[tuple[Any, ...]] = []

    def flush() -> None:
        conn.executemany("INSERT INTO orders(id, status, clerk, opened_at, closed_at, "
                         "total_cents) VALUES (?, 'paid', ?, ?, ?, ?)", batch_o)
        conn.executemany("INSERT INTO order_lines(order_id, line_no, sku, name, qty, "
                         "unit_price_cents, origin, rule_id) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
                         batch_l)
        conn.executemany("INSERT INTO prompt_events(order_id, rule_id, kind, status, clerk, "
                         "at, revenue_cents, offer, say) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         batch_e)
        counts["orders"] += len(batch_o)
        counts["lines"] += len(batch_l)
        counts["events"] += len(batch_e)
        batch_o.clear()
        batch_l.clear()
        batch_e.clear()

    say = "Would you like to add this for just a little more? It goes so well with it."
    for oid, at, clerk, total in _orders(orders, rng):
        batch_o.append((oid, clerk, at, at, total))
        for n in range(1, 5):
            batch_l.append((oid, n, rng.choice(skus), "item", rng.randrange(100, 900),
                            "scan", None))
        rule, kind = RULES[rng.randrange(len(RULES))]
        offer = json.dumps([rng.choice(offers)])
        answer = rng.choices(("accepted", "declined", "ignored"), (3, 5, 2))[0]
        batch_e.append((oid, rule, kind, "shown", clerk, at, 0, offer, say))
        batch_e.append((oid, rule, kind, answer, clerk, at,
                        rng.randrange(50, 400) if answer == "accepted" else 0, None, None))
        other, other_kind = RULES[rng.randrange(len(RULES))]
        status = "held_out" if rng.random() < 0.2 else "shown"
        batch_e.append((oid, other, other_kind, status, clerk, at, 0,
                        json.dumps([rng.choice(offers)]) if status == "shown" else None,
                        say if status == "shown" else None))
        if len(batch_o) >= CHUNK:
            flush()
    flush()
    for sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    t0 = time.perf_counter()
    rebuild_report_tables(conn)
    counts["rebuild_ms"] = round((time.perf_counter() - t0) * 1000)
    conn.close()
    return counts


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return samples


def baseline(conn: sqlite3.Connection, period: Period) -> None:
    low, high = period.bounds()
    conn.execute("SELECT COUNT(*) FROM prompt_events WHERE at >= ? AND at < ?",
                 [low, high]).fetchone()
    conn.execute("SELECT COUNT(*) FROM orders WHERE status = 'paid' AND closed_at >= ? "
                 "AND closed_at < ?", [low, high]).fetchone()


def run(cfg: dict[str, Any]) -> int:
    header("report over a busy store's year", [
        f"{cfg['orders']:,} paid orders, 4 lines and 3 prompt events each; load_report "
        f"{cfg['runs']} runs per range, the CLI {cfg['cli_runs']} runs"])
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "year.db"
        t0 = time.perf_counter()
        with init_store(path, "cafe") as store:
            skus = [p.sku for p in store.catalog.load()]
        counts = fill(path, cfg["orders"], skus)
        print(f"\ngenerated {counts['orders']:,} orders, {counts['lines']:,} lines, "
              f"{counts['events']:,} prompt events in {time.perf_counter() - t0:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB); report tables built from them in "
              f"{counts['rebuild_ms'] / 1000:.1f} s")
        conn = sqlite3.connect(path)
        load_report(conn, Period())  # warm the OS cache and SQLite's page cache
        ranges = {"year": Period(),
                  "month": Period(dt.date(2025, 6, 1), dt.date(2025, 6, 30)),
                  "day": Period(dt.date(2025, 6, 14), dt.date(2025, 6, 14))}
        print(f"\n  {'range':8}{'ours p50':>10}{'p99':>9}{'count p50':>11}{'p99':>9}"
              f"{'ratio p50':>11}{'p99':>8}{'CLI p50':>10}")
        for name, period in ranges.items():
            ours = summary(timed(lambda p=period: load_report(conn, p), cfg["runs"]))
            base = summary(timed(lambda p=period: baseline(conn, p), cfg["runs"]))
            argv = [sys.executable, "-m", "pos_prompter", "report", "--db", str(path),
                    "--format", "json"]
            if period.start:
                argv += ["--from", period.start.isoformat(), "--to", period.end.isoformat()]
            cli = timed(lambda a=argv: subprocess.run(a, check=True, capture_output=True),
                        cfg["cli_runs"])
            worst = max(worst, ours["p99"])
            print(f"  {name:8}{ours['p50']:>9.3f}s{ours['p99']:>8.3f}s{base['p50']:>10.3f}s"
                  f"{base['p99']:>8.3f}s{ours['p50'] / base['p50']:>10.1f}x"
                  f"{ours['p99'] / base['p99']:>7.1f}x{sorted(cli)[len(cli) // 2]:>9.3f}s")
            print(f"           CLI: {seconds(cli)}")
        conn.close()
    print()
    verdict("slowest load_report p99, any range (s)", worst, 1.0)
    return 0 if worst < 1.0 else 1


if __name__ == "__main__":
    sys.exit(run_sized(run, {"orders": 20_000, "runs": 3, "cli_runs": 1},
                       {"orders": 500_000, "runs": 7, "cli_runs": 3}, __doc__))
