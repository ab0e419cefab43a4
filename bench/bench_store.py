"""The store at chain size: importing, re-importing, and opening it for a till.

    .venv/bin/python bench/bench_store.py [--quick]

Into a temporary folder, with a generated store of 100,000 products and 20,000 rules
(generate.py), measures in seconds:

1. Store.import_products (100,000 products, with a progress callback: how often it was
   called and how long the bar stood still) and Store.replace_rules (20,000 rules), against
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
"""

from __future__ import annotations

import itertools
import json
import math
import os
import pty
import select
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, run_sized, seconds, verdict
from generate import Dataset, make_dataset, write_catalog, write_rules

from pos_prompter.core.catalog import normalize_barcode
from pos_prompter.core.rules import RulePack, rule_to_dict
from pos_prompter.store import Store

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

FULL = {"products": 100_000, "rules": 20_000, "opens": 5,
        "reimport_sizes": (1_000, 2_000, 4_000, 8_000), "reimport_limit": 60.0,
        "replace_sizes": (5_000, 10_000, 20_000)}
QUICK = {"products": 5_000, "rules": 1_000, "opens": 3,
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
t0 = pc(); catalog = store.load_catalog(); t["load_catalog"] = pc() - t0
t0 = pc(); rules = store.load_rules(); t["load_rules"] = pc() - t0
t0 = pc(); Engine(catalog, rules, settings); t["Engine()"] = pc() - t0
t0 = pc(); store.clerks(); store.open_order_state(None); t["clerks+open order"] = pc() - t0
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
s = store.import_products(products)
print(f"{{time.perf_counter() - t0:.2f}}", s.describe("products"))
"""
    try:
        out = subprocess.run([PYTHON, "-c", code, str(path)], capture_output=True, text=True,
                             cwd=ROOT, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return f"did not finish within {limit:.0f} s (stopped)"
    took, rest = out.stdout.strip().split(" ", 1)
    return f"{took} s ({rest})"


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
        summary = store.import_products(ds.products, progress=probe)
        t_products = time.perf_counter() - t0
        print(f"   Store.import_products({n:,}): {t_products:.2f} s "
              f"({summary.describe('products')}); {probe.describe(t_products)}")
        t0 = time.perf_counter()
        rsum = store.replace_rules(RulePack(tuple(ds.rules[:m]), ds.settings))
        t_rules = time.perf_counter() - t0
        print(f"   Store.replace_rules({m:,}): {t_rules:.2f} s ({rsum.describe('rules')}); "
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
                s.replace_rules(RulePack(tuple(ds.rules[:k]), ds.settings))
                took = time.perf_counter() - t0
            grow = f", x{took / prev:.1f} from the previous size" if prev else ""
            print(f"   {k:>9,} rules: {took:.2f} s{grow}")
            prev = took

        print("\n-- 2. importing the same products again (nothing changed)")
        prev_n, prev_t, first_t = None, None, None
        for k in cfg["reimport_sizes"]:
            with Store.open(folder / f"re-{k}.db", create=True) as s:
                s.import_products(ds.products[:k])
                t0 = time.perf_counter()
                s.import_products(ds.products[:k])
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
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_sized(run, QUICK, FULL, __doc__ or "", argv)


if __name__ == "__main__":
    raise SystemExit(main())
