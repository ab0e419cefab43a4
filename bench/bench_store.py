"""The store at chain size: importing, re-importing, and opening it for a till.

    .venv/bin/python bench/bench_store.py [--quick]

Into a temporary folder, with a generated store of 100,000 products and 20,000 rules
(generate.py), measures in seconds:

1. store.catalog.import_products (100,000 products, with a progress callback: how often it was
   called and how long the bar stood still) and store.rules.replace (20,000 rules), against
   a plain-sqlite3 baseline in the same run: executemany of the same rows into an empty
   store of the same schema, one transaction.
2. Importing the same products again (nothing changed: should be a no-op), at growing
   sizes, and at full size with a time limit.
3. The command line: `pos-prompter import catalog` (under a pseudo-terminal, so its
   progress line shows) and `pos-prompter import rules` from YAML and from JSON.
4. Opening the store for a till: `Store.open` + `Till(store)` in a new process each time
   (5 times, median), against a new process that opens the same file with plain sqlite3
   and runs `SELECT count(*) FROM products`. Both the time inside the process (after
   imports) and the wall time of the whole process. The OS file cache is warm (the file was
   just written); "cold" here means a new process, not a cold disk.
5. The write lock during an import, while a till in another process saves a scan-sized
   write (a Store.write() transaction like save_session's) every 5 ms: how long the import
   holds the lock (BEGIN IMMEDIATE to COMMIT as the importer sees it, and the window in
   which a probe process's BEGIN IMMEDIATE is refused), and how long those till writes take
   during the import against the same writes on the idle store just before (median, p99,
   max, ratios). For a first import, a re-import with 1% of prices changed, and one with
   every price changed, each from a file sorted by SKU (as generate.py writes it) and from
   the same rows shuffled (as an export from another system may come); and, as the
   baseline, plain sqlite3 executemany of the same rows in one transaction (no diff, no
   audit).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import math
import os
import pty
import random
import select
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, quantile, run_sized, seconds, verdict
from generate import SEED, Dataset, make_dataset, write_catalog, write_rules

from pos_prompter.core.catalog import Product, normalize_barcode
from pos_prompter.core.rules import RulePack, rule_to_dict
from pos_prompter.store import Store

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

FULL = {"products": 100_000, "rules": 20_000, "opens": 5, "lock_runs": 3,
        "reimport_sizes": (1_000, 2_000, 4_000, 8_000), "reimport_limit": 60.0,
        "replace_sizes": (5_000, 10_000, 20_000)}
QUICK = {"products": 5_000, "rules": 1_000, "opens": 3, "lock_runs": 1,
         "reimport_sizes": (500, 1_000, 2_000), "reimport_limit": 0.0,
         "replace_sizes": (250, 500, 1_000)}

OURS_CHILD = """
import json, sys, time
t0 = time.perf_counter()
from pos_prompter.store import Store
from pos_prompter.till import Till
t1 = time.perf_counter()
store = Store.open(sys.argv[1])
t2 = time.perf_counter()
till = Till(store)
t3 = time.perf_counter()
assert len(till.catalog) > 0
print(json.dumps({"imports": t1 - t0, "open": t2 - t1, "till": t3 - t2, "work": t3 - t1}))
"""

BREAKDOWN_CHILD = """
import json, sys, time
from pos_prompter.store import Store
from pos_prompter.core.engine import Engine
pc = time.perf_counter
t = {}
t0 = pc(); store = Store.open(sys.argv[1]); t["Store.open"] = pc() - t0
t0 = pc(); settings = store.load_settings(); t["load_settings"] = pc() - t0
t0 = pc(); catalog = store.catalog.load(); t["load_catalog"] = pc() - t0
t0 = pc(); rules = store.rules.load(); t["load_rules"] = pc() - t0
t0 = pc(); Engine(catalog, rules, settings); t["Engine()"] = pc() - t0
t0 = pc(); store.staff.clerks(); store.sales.open_order_state(None)
t["clerks+open order"] = pc() - t0
print(json.dumps(t))
"""

BASE_CHILD = """
import json, sys, time
t0 = time.perf_counter()
import sqlite3
t1 = time.perf_counter()
conn = sqlite3.connect(sys.argv[1])
n = conn.execute("SELECT count(*) FROM products").fetchone()[0]
t2 = time.perf_counter()
assert n > 0
print(json.dumps({"imports": t1 - t0, "work": t2 - t1}))
"""


def child(code: str, *args: str) -> tuple[dict[str, float], float]:
    """Run `code` in a new interpreter; its JSON answer and the wall time of the process."""
    t0 = time.perf_counter()
    out = subprocess.run([PYTHON, "-c", code, *args], check=True, capture_output=True,
                         text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    return json.loads(out.stdout.strip().splitlines()[-1]), wall


def cli(*args: str, tty: bool = False, timeout: float = 600) -> tuple[float, int, str]:
    """Run `python -m pos_prompter ARGS`; wall seconds, exit code, and stderr (read through
    a pseudo-terminal when `tty`, so the progress line is printed as for a person)."""
    cmd = [PYTHON, "-m", "pos_prompter", *args]
    t0 = time.perf_counter()
    if not tty:
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=timeout)
        return time.perf_counter() - t0, out.returncode, out.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave, cwd=ROOT)
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                data = os.read(master, 4096)
            except OSError:  # the child closed its end
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    code = proc.wait(timeout=timeout)
    os.close(master)
    return time.perf_counter() - t0, code, b"".join(chunks).decode("utf-8", "replace")


# ---------------------------------------------------------------- 1. import


class ProgressProbe:
    """A progress callback that records when it was called."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.calls: list[tuple[float, int, int]] = []

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((time.perf_counter() - self.start, done, total))

    def describe(self, total_s: float) -> str:
        if not self.calls:
            return "progress was never reported"
        times = [0.0] + [t for t, _, _ in self.calls] + [total_s]
        gaps = [b - a for a, b in itertools.pairwise(times)]
        first = self.calls[0]
        return (f"{len(self.calls)} progress reports; first after {first[0]:.2f} s "
                f"(at {first[1]}/{first[2]}); longest still stretch {max(gaps):.2f} s")


def raw_import(path: Path, ds: Dataset, n_rules: int) -> tuple[float, float]:
    """The baseline: the same rows into an empty store with plain sqlite3 executemany."""
    Store.open(path, create=True).close()
    conn = sqlite3.connect(path)
    t0 = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO products(sku, name, price_cents, category, tags, family, size_rank, "
            "size_label, unit_qty, unit, cost_cents, active) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(p.sku, p.name, p.price, p.category, json.dumps(sorted(p.tags)), p.family,
              p.size_rank, p.size_label, None if p.unit_qty is None else str(p.unit_qty),
              p.unit, p.cost, int(p.active)) for p in ds.products])
        conn.executemany("INSERT INTO barcodes(code, sku) VALUES (?, ?)",
                         [(normalize_barcode(c), p.sku) for p in ds.products
                          for c in p.barcodes])
    t1 = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO rules(id, kind, active, priority, body, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(r.id, r.kind, int(r.active), r.priority,
              json.dumps(rule_to_dict(r), sort_keys=True), "2026-11-23T08:15:00")
             for r in ds.rules[:n_rules]])
    t2 = time.perf_counter()
    conn.close()
    return t1 - t0, t2 - t1


def reimport_in_child(path: Path, n: int, limit: float) -> str:
    """Re-import the full catalog into a store that has it, in a child with a time limit."""
    code = f"""
import sys, time
sys.path.insert(0, {str(ROOT / 'bench')!r})
from generate import make_products
from pos_prompter.store import Store
products = make_products({n})
store = Store.open(sys.argv[1])
t0 = time.perf_counter()
s = store.catalog.import_products(products)
print(f"{{time.perf_counter() - t0:.2f}}", s.describe("products"))
"""
    try:
        out = subprocess.run([PYTHON, "-c", code, str(path)], capture_output=True, text=True,
                             cwd=ROOT, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return f"did not finish within {limit:.0f} s (stopped)"
    took, rest = out.stdout.strip().split(" ", 1)
    return f"{took} s ({rest})"


# ---------------------------------------------------------------- 5. the write lock


WRITER_CHILD = """
import json, select, sys, time
from pos_prompter.store import Store, StoreError
mode, path = sys.argv[1], sys.argv[2]
samples = []
def stopped(pause):
    return select.select([sys.stdin], [], [], pause)[0]
if mode == "till":  # a scan-sized write every 5 ms: (start, seconds, saved)
    store = Store.open(path)
    order = int(sys.argv[3])
    state = json.dumps({"lines": [{"sku": f"P{n:06d}", "qty": 1} for n in range(5)]})
    lines = [(order, n, f"P{n:06d}", f"Item {n}") for n in range(1, 6)]
    print("ready", flush=True)
    while not stopped(0.005):
        t0 = time.monotonic()
        try:
            with store.write() as db:
                db.execute("UPDATE orders SET state = ?, rev = rev + 1 WHERE id = ?",
                           [state, order])
                db.execute("DELETE FROM order_lines WHERE order_id = ?", [order])
                db.conn.executemany(
                    "INSERT INTO order_lines(order_id, line_no, sku, name, qty, "
                    "unit_price_cents, origin) VALUES (?, ?, ?, ?, 1, 100, 'scan')", lines)
            saved = True
        except StoreError:
            saved = False
        samples.append((t0, time.monotonic() - t0, saved))
else:  # the probe: BEGIN IMMEDIATE every 0.5 ms, never waiting; (from, to) when refused
    import sqlite3
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    refused_since = None
    print("ready", flush=True)
    while not stopped(0.0005):
        t = time.monotonic()
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        except sqlite3.OperationalError:
            if refused_since is None:
                refused_since = t
            continue
        if refused_since is not None:
            samples.append((refused_since, t))
            refused_since = None
print(json.dumps(samples), flush=True)
"""


class TimedStore(Store):
    """A Store that notes when each write() began (before BEGIN IMMEDIATE) and ended (after
    COMMIT returned), on the clock the child processes use."""

    writes: list[tuple[float, float]]

    @contextmanager
    def write(self) -> Iterator[Any]:
        t0 = time.monotonic()
        with super().write() as db:
            yield db
        self.writes.append((t0, time.monotonic()))


def watch_writes(path: Path, order: int, work: Callable[[], None],
                 idle_s: float) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]],
                                         float, float]:
    """Run `work` while a till process writes and a probe process tries to take the lock.
    Returns the till's writes, the probe's refused windows, and when `work` ran."""
    procs = [subprocess.Popen([PYTHON, "-c", WRITER_CHILD, mode, str(path), str(order)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              cwd=ROOT) for mode in ("till", "probe")]
    try:
        for proc in procs:
            assert proc.stdout is not None
            if proc.stdout.readline().strip() != "ready":
                raise RuntimeError("a writer process did not start")
        time.sleep(idle_s)  # the till's writes on the idle store
        t0 = time.monotonic()
        work()
        t1 = time.monotonic()
        time.sleep(0.3)
        outs = [proc.communicate("stop\n", timeout=60)[0] for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    till, probe = (json.loads(out.strip().splitlines()[-1]) for out in outs)
    return [tuple(x) for x in till], [tuple(x) for x in probe], t0, t1


def lock_case(path: Path, label: str, order: int, products: Sequence[Product],
              store: TimedStore | None, idle_s: float) -> dict[str, Any]:
    """One import watched by the till and the probe; prints two lines, returns figures.
    Without `store`: the baseline, plain sqlite3 in one transaction."""
    done: dict[str, Any] = {}

    def ours() -> None:
        assert store is not None
        store.writes = []
        t0 = time.monotonic()
        summary = store.catalog.import_products(products)
        done["total"] = time.monotonic() - t0
        done["what"] = summary.describe("products")
        done["hold"] = store.writes[-1][1] - store.writes[-1][0]
        done["staging"] = store.writes[-1][0] - t0

    def plain() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA synchronous=FULL")
        t0 = time.monotonic()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO products(sku, name, price_cents, category, tags, family, size_rank, "
            "size_label, unit_qty, unit, cost_cents, active) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(p.sku, p.name, p.price, p.category, json.dumps(sorted(p.tags)), p.family,
              p.size_rank, p.size_label, None if p.unit_qty is None else str(p.unit_qty),
              p.unit, p.cost, int(p.active)) for p in products])
        conn.executemany("INSERT INTO barcodes(code, sku) VALUES (?, ?)",
                         [(normalize_barcode(c), p.sku) for p in products
                          for c in p.barcodes])
        conn.execute("COMMIT")
        done["total"] = done["hold"] = time.monotonic() - t0
        done["staging"] = 0.0
        done["what"] = f"{len(products):,} products, no audit"
        conn.close()

    till, refused, t0, t1 = watch_writes(path, order, ours if store else plain, idle_s)
    idle = [s for start, s, _ in till if start + s < t0]
    during = [s for start, s, _ in till if t0 <= start <= t1]
    lost = sum(1 for start, _, saved in till if t0 <= start <= t1 and not saved)
    lock = max((b - a for a, b in refused if t0 - 0.01 <= a <= t1), default=0.0)
    print(f"   {label}: {done['what']}; import {done['total']:.2f} s, of which staging "
          f"{done['staging']:.2f} s; BEGIN IMMEDIATE..COMMIT {done['hold']:.3f} s; "
          f"probe refused for {lock:.3f} s")
    print(f"      till writes: idle p50 {ms(idle, 0.5)} p99 {ms(idle, 0.99)} (n={len(idle)}); "
          f"during the import p50 {ms(during, 0.5)} p99 {ms(during, 0.99)} "
          f"max {ms(during, 1.0)} (n={len(during)}, not saved {lost}); "
          f"ratio p50 {ratio(during, idle, 0.5)} p99 {ratio(during, idle, 0.99)}")
    return {"label": label, "hold": done["hold"], "lock": lock, "total": done["total"],
            "idle": idle, "during": during, "lost": lost}


def ms(samples: Sequence[float], q: float) -> str:
    return f"{quantile(samples, q) * 1000:.1f} ms" if samples else "-"


def ratio(a: Sequence[float], b: Sequence[float], q: float) -> str:
    return f"{quantile(a, q) / quantile(b, q):.1f}x" if a and b else "-"


LOCK_CASES = ("first import", "1% changed", "all changed")
FILE_ORDERS = ("sorted file", "shuffled file")


def lock_bench(folder: Path, products: Sequence[Product], runs: int) -> list[dict[str, Any]]:
    """Section 5: every case, from either file order, `runs` times on a new store each;
    then the baseline once."""
    shuffled = list(products)
    random.Random(SEED).shuffle(shuffled)
    results = []
    for run, file_order in [*itertools.product(range(runs), FILE_ORDERS), (runs, "")]:
        path = folder / f"lock-{run}-{len(results)}.db"
        with Store.open(path, create=True) as s:
            order = s.sales.new_order(clerk=None, customer=None, now=dt.datetime.now(), till="T1")
        if run == runs:
            results.append(lock_case(path, "baseline: plain sqlite3, one transaction", order,
                                     products, None, 1.0))
        else:
            rows = products if file_order == FILE_ORDERS[0] else shuffled
            one_pct = [dataclasses.replace(p, price=p.price + 1) if i % 100 == 0 else p
                       for i, p in enumerate(rows)]
            all_changed = [dataclasses.replace(p, price=p.price + 2) for p in rows]
            store = TimedStore.open(path)
            try:
                for label, file in zip(LOCK_CASES, (rows, one_pct, all_changed), strict=True):
                    results.append(lock_case(path, f"{label}, {file_order} (run {run + 1})",
                                             order, file, store, 1.0))
            finally:
                store.close()
        for leftover in (path, path.with_name(path.name + "-wal"),
                         path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
    return results


def run(cfg: dict) -> int:  # type: ignore[type-arg]
    n, m = cfg["products"], cfg["rules"]
    header("bench_store: import, re-import and opening a chain-sized store (seconds)", [
        f"store: {n:,} products, {m:,} rules (generate.py), in a temporary folder",
        "baselines in the same run: plain sqlite3 executemany of the same rows; a new process "
        "that opens the file with sqlite3 and counts products",
        f"opening: {cfg['opens']} new processes each, alternating, median; the OS file cache "
        "is warm",
    ])
    t0 = time.perf_counter()
    ds = make_dataset(n, max(m, max(cfg["replace_sizes"])))
    print(f"   generated in {time.perf_counter() - t0:.1f} s")
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        folder = Path(tmp)
        db = folder / "store.db"

        print("\n-- 1. import through the Store API")
        store = Store.open(db, create=True)
        probe = ProgressProbe()
        t0 = time.perf_counter()
        summary = store.catalog.import_products(ds.products, progress=probe)
        t_products = time.perf_counter() - t0
        print(f"   Store.catalog.import_products({n:,}): {t_products:.2f} s "
              f"({summary.describe('products')}); {probe.describe(t_products)}")
        t0 = time.perf_counter()
        rsum = store.rules.replace(RulePack(tuple(ds.rules[:m]), ds.settings))
        t_rules = time.perf_counter() - t0
        print(f"   Store.rules.replace({m:,}): {t_rules:.2f} s ({rsum.describe('rules')}); "
              "it takes no progress callback")
        store.close()
        raw_products, raw_rules = raw_import(folder / "raw.db", ds, m)
        print(f"   baseline, plain sqlite3 executemany: products {raw_products:.2f} s, "
              f"rules {raw_rules:.2f} s")
        print(f"   ratio (ours / baseline): import_products {t_products / raw_products:.1f}x, "
              f"replace_rules {t_rules / raw_rules:.1f}x")

        print("\n   replace_rules into an empty rule table, by pack size (growth per "
              "doubling: 2x is linear, 4x quadratic)")
        prev = None
        for k in cfg["replace_sizes"]:
            with Store.open(folder / f"rules-{k}.db", create=True) as s:
                t0 = time.perf_counter()
                s.rules.replace(RulePack(tuple(ds.rules[:k]), ds.settings))
                took = time.perf_counter() - t0
            grow = f", x{took / prev:.1f} from the previous size" if prev else ""
            print(f"   {k:>9,} rules: {took:.2f} s{grow}")
            prev = took

        print("\n-- 2. importing the same products again (nothing changed)")
        prev_n, prev_t, first_t = None, None, None
        for k in cfg["reimport_sizes"]:
            with Store.open(folder / f"re-{k}.db", create=True) as s:
                s.catalog.import_products(ds.products[:k])
                t0 = time.perf_counter()
                s.catalog.import_products(ds.products[:k])
                took = time.perf_counter() - t0
            grow = ""
            if prev_t:
                grow = f", x{took / prev_t:.1f} for x{k / prev_n:.0f} the products"
            print(f"   {k:>9,} products: {took:.2f} s{grow}")
            if prev_t is None:
                first_t = took
            prev_n, prev_t = k, took
        sizes_r = cfg["reimport_sizes"]
        exponent = math.log(prev_t / first_t) / math.log(sizes_r[-1] / sizes_r[0]) \
            if prev_t and first_t else 1.0
        predicted = (prev_t or 0.0) * (n / (prev_n or n)) ** exponent
        print(f"   growth ~ size^{exponent:.1f}; at {n:,} products that predicts "
              f"~{predicted:.1f} s")
        if cfg["reimport_limit"]:
            result = reimport_in_child(db, n, cfg["reimport_limit"])
            print(f"   measured: re-import of {n:,} products into the {n:,}-product store: "
                  f"{result}")

        print("\n-- 3. the command line")
        csv_path, yaml_path, json_path = (folder / "catalog.csv", folder / "rules.yaml",
                                          folder / "rules.json")
        write_catalog(csv_path, ds.products)
        write_rules(yaml_path, ds.rules[:m], ds.settings)
        write_rules(json_path, ds.rules[:m], ds.settings)
        cli_db = folder / "cli.db"
        cli("init", "--db", str(cli_db))
        wall, code, err = cli("import", "catalog", str(csv_path), "--db", str(cli_db), tty=True)
        t_cli = {"catalog": wall}
        bar = [s for s in err.replace("\r", "\n").splitlines() if "%" in s]
        shown = f"progress line shown {len(bar)} times ({bar[0]!r} ... {bar[-1]!r})" if bar \
            else "no progress line on the terminal"
        print(f"   import catalog ({n:,} products, CSV {csv_path.stat().st_size / 1e6:.1f} MB): "
              f"{wall:.2f} s wall, exit {code}; {shown}")
        for path in (yaml_path, json_path):
            target = folder / f"cli-{path.suffix[1:]}.db"
            shutil.copyfile(cli_db, target)  # the catalog, no rules yet
            wall, code, err = cli("import", "rules", str(path), "--db", str(target), tty=True)
            t_cli[path.suffix[1:]] = wall
            print(f"   import rules ({m:,} rules, {path.suffix[1:].upper()} "
                  f"{path.stat().st_size / 1e6:.1f} MB) into the catalog-only store: "
                  f"{wall:.2f} s wall, exit {code}; "
                  f"{'progress shown' if '%' in err else 'no progress line'}")
        t0 = time.perf_counter()
        with yaml_path.open(encoding="utf-8") as f:
            yaml.safe_load(f)
        t_yaml = time.perf_counter() - t0
        c_loader = getattr(yaml, "CSafeLoader", None)
        if c_loader is None:
            print(f"   of which reading the YAML: yaml.safe_load {t_yaml:.2f} s (PyYAML here "
                  "has no libyaml, so no C loader to compare)")
        else:
            t0 = time.perf_counter()
            with yaml_path.open(encoding="utf-8") as f:
                yaml.load(f, Loader=c_loader)
            t_cyaml = time.perf_counter() - t0
            print(f"   of which reading the YAML: yaml.safe_load {t_yaml:.2f} s; with the C "
                  f"loader (yaml.CSafeLoader, in PyYAML here) {t_cyaml:.2f} s")
        wall, code, _ = cli("--version")
        print(f"   (start-up of the command line alone, --version: {wall:.2f} s)")

        print(f"\n-- 4. opening the store for a till ({n:,} products, {m:,} rules)")
        ours_work, ours_wall, base_work, base_wall, imports = [], [], [], [], []
        for _ in range(cfg["opens"]):
            o, w = child(OURS_CHILD, str(db))
            ours_work.append(o["work"])
            ours_wall.append(w)
            imports.append(o["imports"])
            b, w = child(BASE_CHILD, str(db))
            base_work.append(b["work"])
            base_wall.append(w)
        bd = [child(BREAKDOWN_CHILD, str(db))[0] for _ in range(min(3, cfg["opens"]))]
        print(f"   Store.open + Till(store), in the process: {seconds(ours_work)}")
        print(f"   baseline sqlite3 connect + count(*):      {seconds(base_work)}")
        print(f"   whole process (interpreter, imports, open): ours {seconds(ours_wall)}; "
              f"baseline {seconds(base_wall)}")
        print(f"   (importing pos_prompter.store and .till: {seconds(imports)})")
        print("   where Till(store) spends it (median of "
              f"{len(bd)}): " + ", ".join(f"{k} {statistics.median(d[k] for d in bd):.3f} s"
                                          for k in bd[0]))
        r_work = statistics.median(ours_work) / statistics.median(base_work)
        r_wall = statistics.median(ours_wall) / statistics.median(base_wall)
        print(f"   ratio (ours / baseline): in the process {r_work:.0f}x, "
              f"whole process {r_wall:.1f}x")

        print(f"\n-- 5. the write lock during an import of {n:,} products, a till writing "
              "every 5 ms in another process")
        locks = lock_bench(folder, ds.products, cfg["lock_runs"])
        cases: dict[str, list[dict[str, Any]]] = {}
        for r in locks:
            cases.setdefault(r["label"].split(" (run")[0], []).append(r)
        print("   summary (median over runs; till writes pooled over runs):")
        for label, rs in cases.items():
            idle = [x for r in rs for x in r["idle"]]
            during = [x for r in rs for x in r["during"]]
            print(f"   {label}: lock {statistics.median(r['lock'] for r in rs):.3f} s "
                  f"(importer {statistics.median(r['hold'] for r in rs):.3f} s); till write "
                  f"p50 {ms(during, 0.5)} p99 {ms(during, 0.99)} max {ms(during, 1.0)} "
                  f"vs idle p50 {ms(idle, 0.5)} p99 {ms(idle, 0.99)}: "
                  f"p50 {ratio(during, idle, 0.5)}, p99 {ratio(during, idle, 0.99)}")

        print("\n==== targets")
        verdict(f"Store.open + Till at {n:,} products / {m:,} rules, seconds "
                             "(\"well under a second\")", statistics.median(ours_work), 1.0)
        verdict(f"import {n:,} products + {m:,} rules through the Store API, seconds "
                "(\"seconds, not minutes\")", t_products + t_rules, 60.0)
        verdict(f"import catalog + import rules (YAML) on the command line, {n:,} products + "
                f"{m:,} rules, seconds", t_cli["catalog"] + t_cli["yaml"], 60.0)
        verdict(f"re-import of the unchanged {n:,}-product catalog, seconds (extrapolated "
                "from the sizes measured; measured above when the limit allowed)",
                predicted, 60.0)
        for label in LOCK_CASES:
            verdict(f"write lock held by an import of {n:,} products, {label}, seconds "
                    "(probe, median of runs, the slower file order)",
                    max(statistics.median(r["lock"] for r in cases[f"{label}, {file_order}"])
                        for file_order in FILE_ORDERS), 0.5)
        verdict(f"longest wait of a till write during our imports of {n:,} products, "
                "seconds (\"well under a second\")",
                max(max(r["during"], default=0.0) for label, rs in cases.items()
                    if not label.startswith("baseline") for r in rs), 1.0)
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_sized(run, QUICK, FULL, __doc__ or "", argv)


if __name__ == "__main__":
    raise SystemExit(main())
