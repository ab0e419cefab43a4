"""`pos-prompter suggest` over 200,000 paid orders of 5,000 products (min support 0.001),
against pyfim measured in the same run (issue 10: within 2x of pyfim, peak memory under
300 MB, with progress shown).

The store is generated (bench/_baskets.py: Zipf popularity, one-category "missions",
planted pairs) and its orders written as imported orders. Measured, alternating, each in a
fresh child process, median of --runs:
- ours: the command line as a manager runs it (`suggest --format json`), wall time and
  peak memory (ru_maxrss from wait4); and, in a child of its own, the library calls alone
  (reading the baskets + counting: `store.baskets.basket_counts`; scoring: `core.suggest`);
- pyfim: a child that reads the same baskets from the same store with the same query
  (`store.baskets.BASKETS`) and
  mines them with `fim.fpgrowth` (items and pairs, the same question), wall time, peak
  memory, and its read and mine times. pyfim comes from the scratch venv of
  bench_suggest_candidates.py (built under /tmp if missing, or --python); without pyfim the
  fastest dependency-free baseline (a Counter of pairs on the baskets read the same way)
  stands in, and the output says so.
The answer is checked: the planted pairs are the top suggestions, and ours and pyfim agree
on the number of frequent pairs. The progress line is checked through a pseudo-terminal.

    .venv/bin/python bench/bench_suggest.py [--quick] [--python /tmp/venv/bin/python]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pty
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from _baskets import make_baskets, planted_pairs, sku  # noqa: E402
from _stats import header, verdict  # noqa: E402

from pos_prompter.bootstrap import init_store  # noqa: E402
from pos_prompter.core.catalog import Product  # noqa: E402
from pos_prompter.store.baskets import BASKETS  # noqa: E402

MEMORY_TARGET_MB = 300
PYFIM_CHILD = """
import itertools, json, math, sqlite3, sys, time
db, support, query, method = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
t0 = time.perf_counter()
conn = sqlite3.connect(db)
baskets = [list(set(skus.split(","))) for (skus,) in conn.execute(query)]
t1 = time.perf_counter()
minc = max(5, math.ceil(support * len(baskets) - 1e-9))
if method == "pyfim":
    import fim
    found = fim.fpgrowth(baskets, target="s", supp=-minc, zmin=1, zmax=2, report="a", mode="x")
    pairs = sum(1 for itemset, _n in found if len(itemset) == 2)
else:
    from collections import Counter
    items = Counter(itertools.chain.from_iterable(baskets))
    counter = Counter()
    for b in baskets:
        kept = sorted(s for s in b if items[s] >= minc)
        counter.update(itertools.combinations(kept, 2))
    pairs = sum(1 for n in counter.values() if n >= minc)
t2 = time.perf_counter()
print(json.dumps({"read": t1 - t0, "mine": t2 - t1, "pairs": pairs}))
"""
OURS_CHILD = """
import json, sys, time
from pos_prompter.core.engine import Engine
from pos_prompter.core.suggest import suggest
from pos_prompter.store import Store
from pos_prompter.store.baskets import basket_counts
t0 = time.perf_counter()
with Store.open(sys.argv[1]) as store:
    counts = basket_counts(store.db, float(sys.argv[2]))
    t1 = time.perf_counter()
    engine = Engine(store.catalog.load(), store.rules.load(), store.load_settings())
    found = suggest(counts, engine.catalog, engine)
t2 = time.perf_counter()
print(json.dumps({"read_and_count": t1 - t0, "score": t2 - t1, "pairs": len(counts.pairs)}))
"""


def make_store(db: Path, orders: int, products: int) -> list[list[int]]:
    """A store with `products` products (no rules) and `orders` imported paid orders."""
    baskets = make_baskets(orders, products)
    with init_store(db, None) as store:
        store.catalog.import_products([Product(sku=sku(p), name=f"Product {p}", price=100 + p % 900)
                               for p in range(products)])
    when = dt.datetime(2026, 11, 23, 8, 15)
    conn = sqlite3.connect(db)
    with conn:
        for o, basket in enumerate(baskets):
            at = (when - dt.timedelta(minutes=o)).isoformat(timespec="seconds")
            cur = conn.execute(
                "INSERT INTO orders(status, opened_at, closed_at, total_cents, source, "
                "external_id) VALUES ('paid', ?, ?, ?, 'import', ?)",
                [at, at, sum(100 + p % 900 for p in basket), f"B{o}"])
            conn.executemany(
                "INSERT INTO order_lines(order_id, line_no, sku, name, qty, unit_price_cents, "
                "origin) VALUES (?, ?, ?, ?, 1, ?, 'scan')",
                [(cur.lastrowid, n, sku(p), f"Product {p}", 100 + p % 900)
                 for n, p in enumerate(basket, start=1)])
    conn.close()
    return baskets


def peak_run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak memory (MB, ru_maxrss from wait4) and stdout of a child."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[:4])} failed: {err.read().strip()[-2000:]}")
        return wall, usage.ru_maxrss / 1024, out.read()


def progress_on_terminal(db: Path, env: dict[str, str]) -> str:
    """What `suggest` writes on stderr when stderr is a terminal (a pseudo-terminal here)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "pos_prompter", "suggest", "--db", str(db),
                             "--min-support", "0.001", "--format", "json"],
                            stdout=subprocess.DEVNULL, stderr=follower, env=env)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def find_pyfim(given: str | None) -> tuple[str, str]:
    """A Python with pyfim, and the baseline's name; the Counter stand-in without one."""
    candidates = [given] if given else []
    try:
        from bench_suggest_candidates import VENV, build_venv

        candidates.append(str(VENV / "bin" / "python"))
        if not given and not (VENV / "bin" / "python").exists():
            candidates.append(build_venv(sys.executable))
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"   (no scratch venv with pyfim: {exc})")
    for python in candidates:
        if python and subprocess.run([python, "-c", "import fim"],
                                     capture_output=True).returncode == 0:
            return python, "pyfim"
    return sys.executable, "counter"


def run(opts: dict[str, object], given_python: str | None) -> int:
    orders, products, runs = int(opts["orders"]), int(opts["products"]), int(opts["runs"])
    support = 0.001
    python, baseline = find_pyfim(given_python)
    header("suggest: mining cross-sells from the store", [
        f"{orders:,} paid orders of {products:,} products, min support {support}; "
        f"median of {runs} runs, each in a fresh process, ours and the baseline alternating",
        "baseline: " + (f"pyfim (fim.fpgrowth) in {python}" if baseline == "pyfim"
                        else "NO pyfim: a plain Counter of pairs stands in")])
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        t0 = time.perf_counter()
        baskets = make_store(db, orders, products)
        print(f"   store: {sum(map(len, baskets)):,} order lines, made in "
              f"{time.perf_counter() - t0:.1f} s")
        cli = [sys.executable, "-m", "pos_prompter", "suggest", "--db", str(db),
               "--min-support", str(support), "--format", "json"]
        base_cmd = [python, "-c", PYFIM_CHILD, str(db), str(support), BASKETS, baseline]
        lib_cmd = [sys.executable, "-c", OURS_CHILD, str(db), str(support)]
        ours_wall, ours_mem, base_wall, base_mem = [], [], [], []
        lib: list[dict[str, float]] = []
        base: list[dict[str, float]] = []
        found: list[dict[str, object]] = []
        for _ in range(runs):
            wall, mem, stdout = peak_run(cli, env)
            ours_wall.append(wall)
            ours_mem.append(mem)
            found = json.loads(stdout)
            wall, mem, stdout = peak_run(base_cmd, env)
            base_wall.append(wall)
            base_mem.append(mem)
            base.append(json.loads(stdout))
            lib.append(json.loads(peak_run(lib_cmd, env)[2]))
        med = statistics.median
        print(f"\n  {'':44}{'median s':>10}{'min s':>8}{'max s':>8}{'peak MB':>9}")
        print(f"  {'ours: pos-prompter suggest (whole command)':44}{med(ours_wall):>10.3f}"
              f"{min(ours_wall):>8.3f}{max(ours_wall):>8.3f}{max(ours_mem):>9.0f}")
        print(f"  {baseline + ': read the baskets + mine (process)':44}{med(base_wall):>10.3f}"
              f"{min(base_wall):>8.3f}{max(base_wall):>8.3f}{max(base_mem):>9.0f}")
        print(f"\n  in-process parts (median): ours read+count "
              f"{med([x['read_and_count'] for x in lib]):.3f} s, score "
              f"{med([x['score'] for x in lib]):.3f} s; {baseline} read "
              f"{med([x['read'] for x in base]):.3f} s, "
              f"mine {med([x['mine'] for x in base]):.3f} s")
        ours_inproc = med([x["read_and_count"] + x["score"] for x in lib])
        base_inproc = med([x["read"] + x["mine"] for x in base])
        print(f"  ratio (ours / {baseline}): whole process {med(ours_wall) / med(base_wall):.2f}x,"
              f" library calls vs read+mine {ours_inproc / base_inproc:.2f}x")
        # Both ways round have the same lift: compare unordered pairs.
        planted = {frozenset((sku(t), sku(o))) for t, o, _ in planted_pairs(products)}
        ranked = list(dict.fromkeys(frozenset((s["trigger"], s["offer"])) for s in found))
        frequent = set(ranked) & planted
        top = set(ranked[:len(frequent)])
        pairs_ours, pairs_base = lib[0]["pairs"], base[0]["pairs"]
        print(f"  answer: {len(frequent)} planted pairs reached the support, "
              f"{'all' if top == frequent else 'NOT all'} of them the top suggestions; "
              f"frequent pairs: ours {pairs_ours:.0f}, {baseline} {pairs_base:.0f}"
              f"{'' if pairs_ours == pairs_base else ' (DIFFERENT)'}")
        verdict(f"whole command / {baseline} (x)", med(ours_wall) / med(base_wall), 2)
        verdict("peak memory of the command (MB)", max(ours_mem), MEMORY_TARGET_MB)
        shown = progress_on_terminal(db, env)
        last = shown.replace("\r", "\n").strip().splitlines()
        print(f"  progress on a terminal: {len(shown.split(chr(13))) - 1} updates of one line, "
              f"last {last[-1] if last else '(none)'!r}")
        ok = top == frequent and pairs_ours == pairs_base
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20,000 orders, 1 run")
    parser.add_argument("--python", help="a Python with pyfim (default: the scratch venv of "
                                         "bench_suggest_candidates.py)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    opts = ({"orders": 20_000, "products": 5_000, "runs": 1} if args.quick
            else {"orders": 200_000, "products": 5_000, "runs": 3})
    code = run(opts, args.python)
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")
    return code


if __name__ == "__main__":
    sys.exit(main())
