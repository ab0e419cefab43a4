"""Which way to mine pairs for `suggest` (issue 10 point 4): the candidates measured on the
same generated baskets, each in a child process of its own.

Candidates: pyfim (FP-growth and Apriori), efficient-apriori, mlxtend (FP-growth and Apriori,
on a sparse pandas frame), plain SQL pair counts in SQLite, scipy.sparse pair counts
(X^T X over an orders x products matrix), and plain Python (a Counter of pairs, tuple keys
and int keys). Every one is asked the same question: every product and every pair of
products in at least `min support` of the orders, with its number of orders. Their answers
are checked to be identical, and the planted pairs (bench/_baskets.py) to come out on top by
lift.

Figures: wall time of the mining itself (the median of --runs fresh child processes; loading
the baskets from a text file is not counted, but converting them to what the library needs
is), and the child's peak memory (ru_maxrss from wait4, so interpreter, imports and the
loaded baskets are included: the `load only` row is that floor). `--install-check` also
says whether each package has a wheel for CPython 3.11, 3.12 and 3.13 on PyPI (pip download
--no-deps), and for sdist-only ones whether it builds on those versions here.

    python bench/bench_suggest_candidates.py            # builds its venv under /tmp
    python bench/bench_suggest_candidates.py --python /tmp/venv/bin/python --quick
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from itertools import chain, combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _baskets import make_baskets, planted_pairs, read_baskets, write_baskets  # noqa: E402

VENV = Path(tempfile.gettempdir()) / "pos-prompter-suggest-bench" / "venv"
PACKAGES = ("pyfim", "efficient-apriori", "mlxtend", "pandas", "scipy", "numpy")
PYTHONS = ("3.11", "3.12", "3.13")
TIMEOUT = 600.0
MEMORY_CAP = 6 << 30
"""Address space a child may take (the machine is shared): over it, the candidate fails."""
Mined = tuple[dict[int, int], dict[tuple[int, int], int]]
"""Frequent products with their order counts, and frequent pairs (a < b) with theirs."""


# ---------------------------------------------------------------- the candidates (child side)


def mine_counter(baskets: list[list[int]], minc: int, products: int) -> Mined:
    items = Counter(chain.from_iterable(baskets))
    frequent = {i for i, n in items.items() if n >= minc}
    pairs: Counter[tuple[int, int]] = Counter()
    for basket in baskets:
        kept = [i for i in basket if i in frequent]  # baskets are sorted: a < b
        if len(kept) > 1:
            pairs.update(combinations(kept, 2))
    return ({i: n for i, n in items.items() if n >= minc},
            {p: n for p, n in pairs.items() if n >= minc})


def mine_counter_int(baskets: list[list[int]], minc: int, products: int) -> Mined:
    items = Counter(chain.from_iterable(baskets))
    frequent = {i for i, n in items.items() if n >= minc}
    pairs: Counter[int] = Counter()
    for basket in baskets:
        kept = [i for i in basket if i in frequent]
        if len(kept) > 1:
            pairs.update(a * products + b for a, b in combinations(kept, 2))
    return ({i: n for i, n in items.items() if n >= minc},
            {divmod(p, products): n for p, n in pairs.items() if n >= minc})


def mine_pyfim(baskets: list[list[int]], minc: int, products: int,
               algo: str = "fpgrowth") -> Mined:
    import fim

    # mode "x": no perfect-extension pruning, which otherwise leaves out a product that is
    # in every order containing another (its single-item set goes missing).
    found = getattr(fim, algo)(baskets, target="s", supp=-minc, zmin=1, zmax=2, report="a",
                               mode="x")
    items: dict[int, int] = {}
    pairs: dict[tuple[int, int], int] = {}
    for itemset, n in found:
        if len(itemset) == 1:
            items[itemset[0]] = n
        else:
            a, b = itemset
            pairs[(a, b) if a < b else (b, a)] = n
    return items, pairs


def mine_efficient_apriori(baskets: list[list[int]], minc: int, products: int) -> Mined:
    from efficient_apriori import apriori

    itemsets, _rules = apriori([tuple(b) for b in baskets], min_support=minc / len(baskets),
                               min_confidence=1.0, max_length=2)
    items = {k[0]: n for k, n in itemsets.get(1, {}).items()}
    pairs = {tuple(sorted(k)): n for k, n in itemsets.get(2, {}).items()}
    return items, pairs  # type: ignore[return-value]


def mine_mlxtend(baskets: list[list[int]], minc: int, products: int,
                 algo: str = "fpgrowth") -> Mined:
    import pandas as pd
    from mlxtend import frequent_patterns
    from mlxtend.preprocessing import TransactionEncoder

    encoder = TransactionEncoder()
    matrix = encoder.fit(baskets).transform(baskets, sparse=True)
    frame = pd.DataFrame.sparse.from_spmatrix(matrix, columns=encoder.columns_)
    options = {"low_memory": True} if algo == "apriori" else {}
    found = getattr(frequent_patterns, algo)(frame, min_support=minc / len(baskets),
                                             max_len=2, use_colnames=True, **options)
    items: dict[int, int] = {}
    pairs: dict[tuple[int, int], int] = {}
    for support, itemset in zip(found["support"], found["itemsets"], strict=True):
        n = round(support * len(baskets))
        if len(itemset) == 1:
            items[int(next(iter(itemset)))] = n
        else:
            a, b = sorted(itemset)
            pairs[(int(a), int(b))] = n
    return items, pairs


def mine_scipy(baskets: list[list[int]], minc: int, products: int) -> Mined:
    import numpy as np
    from scipy import sparse

    lengths = np.fromiter((len(b) for b in baskets), dtype=np.int64, count=len(baskets))
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    indices = np.fromiter(chain.from_iterable(baskets), dtype=np.int32, count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=np.int32)
    x = sparse.csr_matrix((data, indices, indptr), shape=(len(baskets), products))
    counts = np.asarray(x.sum(axis=0)).ravel()
    frequent = np.flatnonzero(counts >= minc)
    x = x[:, frequent]
    together = sparse.triu(x.T @ x, k=1).tocoo()
    keep = together.data >= minc
    rows, cols = frequent[together.row[keep]], frequent[together.col[keep]]
    pairs = {(int(a), int(b)): int(n)
             for a, b, n in zip(rows, cols, together.data[keep], strict=True)}
    return {int(i): int(counts[i]) for i in frequent}, pairs


SQL_PAIRS = """
CREATE TEMP TABLE frequent AS
    SELECT item, COUNT(*) AS n FROM lines GROUP BY item HAVING COUNT(*) >= :minc;
CREATE TEMP TABLE kept AS
    SELECT order_id, item FROM lines WHERE item IN (SELECT item FROM frequent);
CREATE INDEX temp.kept_order ON kept(order_id, item);
"""


def mine_sql(db: Path, minc: int) -> Mined:
    conn = sqlite3.connect(db)
    try:
        conn.executescript(SQL_PAIRS.replace(":minc", str(minc)))
        items = dict(conn.execute("SELECT item, n FROM frequent"))
        pairs = {(a, b): n for a, b, n in conn.execute(
            "SELECT a.item, b.item, COUNT(*) FROM kept a JOIN kept b "
            "ON b.order_id = a.order_id AND b.item > a.item "
            "GROUP BY a.item, b.item HAVING COUNT(*) >= ?", [minc])}
    finally:
        conn.close()
    return items, pairs


METHODS: dict[str, Callable[..., Mined]] = {
    "pyfim fpgrowth": mine_pyfim,
    "pyfim apriori": lambda b, m, p: mine_pyfim(b, m, p, "apriori"),
    "efficient-apriori": mine_efficient_apriori,
    "mlxtend fpgrowth": mine_mlxtend,
    "mlxtend apriori": lambda b, m, p: mine_mlxtend(b, m, p, "apriori"),
    "scipy.sparse X^T X": mine_scipy,
    "sqlite SQL pairs": mine_sql,
    "python Counter (tuple keys)": mine_counter,
    "python Counter (int keys)": mine_counter_int,
    "load only": lambda b, m, p: ({}, {}),
}


def child(method: str, data: Path, db: Path, minc: int, products: int, out: Path) -> None:
    """Run one candidate once; write its time and a digest of its answer to `out`."""
    baskets = read_baskets(data)
    t0 = time.perf_counter()
    if method == "sqlite SQL pairs":
        items, pairs = mine_sql(db, minc)
    else:
        items, pairs = METHODS[method](baskets, minc, products)
    seconds = time.perf_counter() - t0
    out.write_text(json.dumps({
        "seconds": seconds, "items": len(items), "pairs": len(pairs),
        "digest": [sum(items.values()), sum(pairs.values()),
                   sum(a * 7 + b * 13 + n for (a, b), n in pairs.items())],
        "planted": planted_on_top(items, pairs, len(baskets), products)}))


def planted_on_top(items: dict[int, int], pairs: dict[tuple[int, int], int], orders: int,
                   products: int) -> list[int]:
    """How many planted pairs reached the support, and how many of them rank above every
    chance pair by lift (all of them, when the miner's counts are right)."""
    planted = {(min(t, o), max(t, o)) for t, o, _ in planted_pairs(products)}
    frequent = planted & pairs.keys()
    ranked = sorted(pairs, key=lambda p: -pairs[p] * orders / (items[p[0]] * items[p[1]]))
    return [len(frequent), len(frequent & set(ranked[:len(frequent)]))]


# ---------------------------------------------------------------- the parent side


def run_child(python: str, method: str, data: Path, db: Path, minc: int,
              products: int) -> dict[str, object]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = Path(tmp.name)
    try:
        proc = subprocess.Popen([python, __file__, "--child", method, "--data", str(data),
                                 "--db", str(db), "--minc", str(minc),
                                 "--products", str(products), "--out", str(out)],
                                stderr=subprocess.PIPE, text=True, preexec_fn=_cap_memory)
        deadline = time.monotonic() + TIMEOUT
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return {"error": f"timeout after {TIMEOUT:.0f} s"}
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read() if proc.stderr else ""
        if proc.returncode != 0:
            return {"error": (err.strip().splitlines() or ["exit " + str(proc.returncode)])[-1]}
        result = json.loads(out.read_text())
        result["maxrss_mb"] = usage.ru_maxrss / 1024
        return result
    finally:
        out.unlink(missing_ok=True)


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def build_venv(base_python: str) -> str:
    python = VENV / "bin" / "python"
    if python.exists() and subprocess.run([str(python), "-c", "import fim, efficient_apriori, "
                                           "mlxtend, pandas, scipy"],
                                          capture_output=True).returncode == 0:
        return str(python)
    print(f"   building the scratch venv {VENV} (pip install {' '.join(PACKAGES)})")
    subprocess.run([base_python, "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *PACKAGES], check=True)
    return str(python)


def install_check(base_python: str) -> None:
    """For each package and Python: a wheel on PyPI? else an sdist, and does it build here?"""
    pip = [base_python, "-m", "pip", "download", "--no-deps", "-q", "--disable-pip-version-check"]
    print("\nInstalls from PyPI (pip download --no-deps; CPython, manylinux x86_64):")
    print(f"  {'package':20}" + "".join(f"  {v:28}" for v in PYTHONS))
    for package in PACKAGES:
        cells = []
        for version in PYTHONS:
            with tempfile.TemporaryDirectory() as dest:
                wheel = subprocess.run([*pip, "--only-binary=:all:", "--python-version",
                                        version, "--platform", "manylinux2014_x86_64",
                                        "--dest", dest, package], capture_output=True)
                if wheel.returncode == 0:
                    names = os.listdir(dest)
                    kind = "wheel (pure)" if any("none-any" in n for n in names) else "wheel"
                    cells.append(kind)
                    continue
                sdist = subprocess.run([*pip, "--no-binary=:all:", "--dest", dest, package],
                                       capture_output=True)
                if sdist.returncode != 0:
                    cells.append("NOT AVAILABLE")
                    continue
                cells.append("sdist: " + build_here(version, package))
        print(f"  {package:20}" + "".join(f"  {c:28}" for c in cells))


def build_here(version: str, package: str) -> str:
    """Whether an sdist builds and imports on CPython `version` on this machine."""
    interpreter = shutil.which(f"python{version}")
    pyenv = Path.home() / ".pyenv" / "versions"
    if pyenv.is_dir():
        found = sorted(pyenv.glob(f"{version}.*/bin/python{version}"))
        interpreter = str(found[-1]) if found else interpreter
    if not interpreter:
        return "no local Python to try"
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "v"
        if subprocess.run([interpreter, "-m", "venv", str(venv)],
                          capture_output=True).returncode != 0:
            return "venv failed"
        built = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                                "--no-deps", "--no-binary=:all:", package], capture_output=True)
        if built.returncode != 0:
            return "BUILD FAILS"
        module = {"pyfim": "fim"}.get(package, package.replace("-", "_"))
        ok = subprocess.run([str(venv / "bin" / "python"), "-c", f"import {module}"],
                            capture_output=True).returncode == 0
        return "builds (C compiler)" if ok else "builds, IMPORT FAILS"


def make_sqlite(db: Path, baskets: list[list[int]]) -> None:
    """The baskets as the store keeps them: one row per order line, an index on the item."""
    conn = sqlite3.connect(db)
    conn.executescript("CREATE TABLE lines (order_id INTEGER NOT NULL, line_no INTEGER NOT "
                       "NULL, item INTEGER NOT NULL, PRIMARY KEY (order_id, line_no));")
    conn.executemany("INSERT INTO lines VALUES (?, ?, ?)",
                     ((o, n, i) for o, b in enumerate(baskets) for n, i in enumerate(b)))
    conn.execute("CREATE INDEX lines_item ON lines(item)")
    conn.commit()
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", help="a Python with the candidates installed "
                                         f"(default: build {VENV})")
    parser.add_argument("--quick", action="store_true", help="20,000 orders, 1 run")
    parser.add_argument("--orders", type=int, default=200_000)
    parser.add_argument("--products", type=int, default=5_000)
    parser.add_argument("--min-support", type=float, default=0.001)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", action="append", help="only these methods (repeatable)")
    parser.add_argument("--install-check", action="store_true",
                        help="also check wheels/sdists for Python 3.11-3.13")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--minc", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.data, args.db, args.minc, args.products, args.out)
        return 0
    from _stats import header

    if args.quick:
        args.orders, args.runs = 20_000, 1
    python = args.python or build_venv(sys.executable)
    minc = max(1, round(args.min_support * args.orders))
    header("suggest: pair-mining candidates", [
        f"{args.orders:,} orders of {args.products:,} products, min support "
        f"{args.min_support} ({minc} orders); median of {args.runs} runs, each in a fresh "
        f"child process ({python})"])
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        baskets = make_baskets(args.orders, args.products)
        data, db = Path(tmp) / "baskets.txt", Path(tmp) / "baskets.db"
        write_baskets(data, baskets)
        make_sqlite(db, baskets)
        lines = sum(map(len, baskets))
        print(f"   data: {lines:,} order lines (mean {lines / len(baskets):.2f} distinct "
              f"products per order), made in {time.perf_counter() - t0:.1f} s")
        print(f"\n  {'method':30}{'median s':>10}{'min s':>8}{'max s':>8}{'peak MB':>9}"
              f"{'pairs':>8}  answer")
        reference: list[object] | None = None
        for method in METHODS:
            if args.only and method not in args.only and method != "load only":
                continue
            results = [run_child(python, method, data, db, minc, args.products)
                       for _ in range(args.runs)]
            bad = next((r for r in results if "error" in r), None)
            if bad:
                print(f"  {method:30}  failed: {bad['error']}")
                continue
            times = [float(r["seconds"]) for r in results]  # type: ignore[arg-type]
            peak = max(float(r["maxrss_mb"]) for r in results)  # type: ignore[arg-type]
            first = results[0]
            if method == "load only":
                print(f"  {method:30}{'':26}{peak:>9.0f}")
                continue
            reference = reference or first["digest"]  # type: ignore[assignment]
            same = "same counts" if first["digest"] == reference else "DIFFERENT COUNTS"
            frequent, on_top = first["planted"]  # type: ignore[misc]
            found = (f"the {frequent} planted pairs on top" if on_top == frequent
                     else f"only {on_top} of {frequent} planted pairs on top")
            print(f"  {method:30}{statistics.median(times):>10.3f}{min(times):>8.3f}"
                  f"{max(times):>8.3f}{peak:>9.0f}{first['pairs']:>8}  {same}, {found}")
    if args.install_check:
        install_check(sys.executable)
    return 0


if __name__ == "__main__":
    sys.exit(main())
