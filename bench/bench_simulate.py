"""The command-line path: `pos-prompter simulate` on a 10,000-scan script.

    .venv/bin/python bench/bench_simulate.py [--quick]

Builds two stores of 100,000 products (generate.py), one with 20 rules and one with 20,000,
and for each writes a 10,000-scan script drawn by the same recipe (70% of scans through a
rule's trigger, orders of 2-8 scans with accept/decline/checkout/pay between them; the
accept/decline lines only where a prompt is on screen). Then runs, in new processes,

    .venv/bin/python -m pos_prompter simulate --db STORE SCRIPT --dry-run

and the same command on a one-scan script (start-up: interpreter, imports, copying the
store into memory, loading catalog and rules), alternating, 5 times each, and reports

    per-scan time = (median wall of the script - median wall of the one-scan script) / scans

and the ratio 20,000 rules / 20 rules. `--dry-run` copies the store into memory first, so
the start-up is measured with and without it; and the scripts are also run once without
`--dry-run` on throwaway copies of the stores (every step is then committed to the file
with synchronous=FULL, as at a real till).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, run_sized, seconds, verdict
from generate import NOW, make_dataset, make_plan, script_text

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.rules import RulePack
from pos_prompter.store import Store
from pos_prompter.store.store import copy_store

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

FULL = {"products": 100_000, "sizes": (20, 20_000), "scans": 10_000, "reps": 5,
        "wet_timeout": 300.0}
QUICK = {"products": 5_000, "sizes": (20, 1_000), "scans": 1_000, "reps": 1,
         "wet_timeout": 60.0}


def simulate(db: Path, script: Path, *, dry_run: bool, out: Path | None = None,
             timeout: float = 600) -> float:
    """Wall seconds of one `simulate` run in a new process (stdout to `out` or nowhere)."""
    cmd = [PYTHON, "-m", "pos_prompter", "simulate", "--db", str(db), str(script)]
    if dry_run:
        cmd.append("--dry-run")
    sink = out.open("wb") if out else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdout=sink, stderr=subprocess.PIPE, cwd=ROOT,
                              timeout=timeout)
        wall = time.perf_counter() - t0
    finally:
        if out:
            sink.close()  # type: ignore[union-attr]
    if proc.returncode != 0:
        raise SystemExit(f"simulate failed ({proc.returncode}): {proc.stderr.decode()}")
    return wall


def events(path: Path) -> Counter[str]:
    with path.open(encoding="utf-8") as f:
        return Counter(json.loads(line)["event"] for line in f)


def run(cfg: dict) -> int:  # type: ignore[type-arg]
    n, sizes, scans, reps = cfg["products"], cfg["sizes"], cfg["scans"], cfg["reps"]
    small, big = sizes
    header(f"bench_simulate: `pos-prompter simulate` per scan, {small:,} vs {big:,} rules", [
        f"stores: {n:,} products with {small:,} and {big:,} rules (generate.py); "
        f"{scans:,}-scan scripts drawn by the same recipe",
        "per-scan = (median wall of the script - median wall of a one-scan script) / scans; "
        f"{reps} alternating runs each, new process every time",
        f"command: {Path(PYTHON).name} -m pos_prompter simulate --db STORE SCRIPT --dry-run",
    ])
    t0 = time.perf_counter()
    ds = make_dataset(n, big)
    catalog = Catalog(ds.products)
    with tempfile.TemporaryDirectory(prefix="bench-simulate-") as tmp:
        folder = Path(tmp)
        base = folder / "products.db"
        with Store.open(base, create=True) as store:
            store.catalog.import_products(ds.products)
        stores: dict[int, Path] = {}
        scripts: dict[int, Path] = {}
        steps: dict[int, int] = {}
        for m in sizes:
            stores[m] = folder / f"store-{m}.db"
            copy_store(base, stores[m])
            with Store.open(stores[m]) as store:
                store.rules.replace(RulePack(tuple(ds.rules[:m]), ds.settings))
            plan = make_plan(ds.shop, ds.rules[:m], scans)
            text = script_text(plan, ds.engine(m, catalog))
            scripts[m] = folder / f"script-{m}.txt"
            scripts[m].write_text(text, encoding="utf-8")
            steps[m] = sum(1 for ln in text.splitlines()[2:] if ln.strip())
        one = folder / "script-1line.txt"
        one.write_text(f"time {NOW.isoformat(timespec='minutes')}\n"
                       f"scan {ds.products[0].barcodes[0]}\npay\n", encoding="utf-8")
        print(f"   stores and scripts built in {time.perf_counter() - t0:.1f} s; store file "
              f"{stores[big].stat().st_size / 1e6:.0f} MB; script steps: "
              + ", ".join(f"{steps[m]:,} at {m:,} rules" for m in sizes))

        print("\n-- --dry-run (the store is copied into memory first)")
        full: dict[int, list[float]] = {m: [] for m in sizes}
        start: dict[int, list[float]] = {m: [] for m in sizes}
        for rep in range(reps):
            for m in sizes:
                out = folder / f"out-{m}.jsonl" if rep == 0 else None
                full[m].append(simulate(stores[m], scripts[m], dry_run=True, out=out))
                start[m].append(simulate(stores[m], one, dry_run=True))
        per_scan: dict[int, float] = {}
        for m in sizes:
            ev = events(folder / f"out-{m}.jsonl")
            per_scan[m] = (statistics.median(full[m]) - statistics.median(start[m])) / scans
            share = statistics.median(start[m]) / statistics.median(full[m])
            print(f"   {m:>7,} rules: script {seconds(full[m])}; one-scan script "
                  f"{seconds(start[m])}")
            print(f"   {'':>13} per scan {per_scan[m] * 1e6:,.0f} us (with the script's "
                  f"other steps: {steps[m] / scans:.2f} steps per scan); start-up is "
                  f"{share:.0%} of the run; events: {ev['prompt']} prompts, "
                  f"{ev['accepted']} accepted, {ev['declined']} declined, "
                  f"{ev['ignored']} ignored, {ev['error']} errors")
        ratio = per_scan[big] / per_scan[small]
        print(f"   ratio (per scan, {big:,} / {small} rules): {ratio:.2f}x")

        print("\n-- start-up, --dry-run against opening the file itself (one-scan script, "
              "on a throwaway copy)")
        for m in sizes:
            walls = []
            for _ in range(reps):
                copy = folder / f"wet-{m}.db"
                shutil.copyfile(stores[m], copy)
                walls.append(simulate(copy, one, dry_run=False))
            print(f"   {m:>7,} rules: without --dry-run {seconds(walls)}; with "
                  f"{seconds(start[m])}: the in-memory copy costs "
                  f"{statistics.median(start[m]) - statistics.median(walls):+.2f} s")
        t0 = time.perf_counter()
        Store.open_copy(stores[big]).close()
        t_copy = time.perf_counter() - t0
        t0 = time.perf_counter()
        Store.open(stores[big]).close()
        t_open = time.perf_counter() - t0
        print(f"   in this process: Store.open_copy {t_copy:.3f} s, Store.open {t_open:.3f} s "
              f"({big:,}-rule store)")

        print("\n-- without --dry-run, on throwaway copies (every step committed, "
              "synchronous=FULL)")
        wet: dict[int, float] = {}
        for m in sizes:
            copy = folder / f"wet-{m}.db"
            shutil.copyfile(stores[m], copy)
            try:
                wall = simulate(copy, scripts[m], dry_run=False, timeout=cfg["wet_timeout"])
            except subprocess.TimeoutExpired:
                print(f"   {m:>7,} rules: did not finish within {cfg['wet_timeout']:.0f} s "
                      "(stopped)")
                continue
            shutil.copyfile(stores[m], copy)
            one_wall = simulate(copy, one, dry_run=False)
            wet[m] = (wall - one_wall) / scans
            print(f"   {m:>7,} rules: script {wall:.2f} s, one-scan script {one_wall:.2f} s: "
                  f"per scan {wet[m] * 1e6:,.0f} us ({steps[m] / scans:.2f} committed steps "
                  "per scan)")
        if len(wet) == 2:
            print(f"   ratio (per scan, {big:,} / {small} rules, written to the file): "
                  f"{wet[big] / wet[small]:.2f}x (single runs)")

        print("\n==== targets")
        verdict(f"simulate --dry-run per-scan time @{big:,} / @{small} rules", ratio, 1.5)
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_sized(run, QUICK, FULL, __doc__ or "", argv)


if __name__ == "__main__":
    raise SystemExit(main())
