"""Where the time goes in the slow paths, with cProfile (standard library).

    .venv/bin/python bench/profile_paths.py [--quick] [--only scan|till-scan|open|import|rules]
                                            [--top 20]

- scan:      OrderSession.scan over 10,000 scans at 20,000 rules (the engine, no store)
- till-scan: Till.scan/accept/decline/pay over 2,000 scans on an in-memory copy of the
             store (what `simulate --dry-run` does per step)
- open:      Store.open + Till(store) at 100,000 products / 20,000 rules
- import:    store.catalog.import_products of 100,000 products into an empty store, and a re-import
             of 8,000 unchanged products (the re-import grows with the square of the size)
- rules:     store.rules.replace of 20,000 rules into an empty rule table

Prints the top functions by own time and by cumulative time for each. cProfile adds its own
overhead to every Python call, so read the shares, not the absolute seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header
from generate import NOW, Dataset, make_dataset, make_plan

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.order import FixedClock
from pos_prompter.core.rules import RulePack
from pos_prompter.core.session import OrderSession
from pos_prompter.store import Store
from pos_prompter.till import Till

FULL = {"products": 100_000, "rules": 20_000, "scans": 10_000, "till_scans": 2_000,
        "reimport": 8_000}
QUICK = {"products": 5_000, "rules": 1_000, "scans": 1_000, "till_scans": 300,
         "reimport": 1_000}


def profile(title: str, fn: Callable[[], object], top: int) -> None:
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    fn()
    prof.disable()
    took = time.perf_counter() - t0
    print(f"\n==== {title}: {took:.2f} s under the profiler")
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(top)
        text = out.getvalue()
        body = text[text.index("   ncalls"):] if "   ncalls" in text else text
        print(f"-- by {'own time' if key == 'tottime' else 'cumulative time'}")
        print(body.rstrip())


def replay_sessions(ds: Dataset, catalog: Catalog, m: int, scans: int) -> Callable[[], None]:
    engine = ds.engine(m, catalog)
    plan = make_plan(ds.shop, ds.rules[:m], scans)

    def go() -> None:
        order_id = 1
        session = OrderSession(order_id, engine)
        for step in plan:
            if step.action == "pay":
                session.pay()
                order_id += 1
                session = OrderSession(order_id, engine)
                continue
            if step.action == "scan":
                session.scan(step.product, NOW)  # type: ignore[arg-type]
            else:
                session.checkout(NOW)
            if step.answer and session.current is not None:
                getattr(session, step.answer)(NOW)

    return go


def replay_till(ds: Dataset, db: Path, m: int, scans: int) -> Callable[[], None]:
    plan = make_plan(ds.shop, ds.rules[:m], scans)
    store = Store.open_copy(db)
    till = Till(store, FixedClock(NOW))

    def go() -> None:
        for step in plan:
            if step.action == "pay":
                till.pay()
            elif step.action == "checkout":
                till.checkout()
            else:
                till.scan(step.product.barcodes[0])  # type: ignore[union-attr]
            if step.answer and till.prompt is not None:
                getattr(till, step.answer)()

    return go


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=("scan", "till-scan", "open", "import", "rules"))
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    n, m = cfg["products"], cfg["rules"]
    header("profile_paths: cProfile of the slow paths", [
        f"store: {n:,} products, {m:,} rules (generate.py)"])
    ds = make_dataset(n, m)
    catalog = Catalog(ds.products)
    want = {args.only} if args.only else {"scan", "till-scan", "open", "import", "rules"}
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        folder = Path(tmp)
        db = folder / "store.db"
        if want & {"till-scan", "open"}:
            with Store.open(db, create=True) as store:
                store.catalog.import_products(ds.products)
                store.rules.replace(RulePack(tuple(ds.rules), ds.settings))
        if "scan" in want:
            profile(f"OrderSession.scan, {cfg['scans']:,} scans at {m:,} rules",
                    replay_sessions(ds, catalog, m, cfg["scans"]), args.top)
        if "till-scan" in want:
            profile(f"Till actions for {cfg['till_scans']:,} scans at {m:,} rules "
                    "(in-memory store)", replay_till(ds, db, m, cfg["till_scans"]), args.top)
        if "open" in want:
            def open_till() -> None:
                with Store.open(db) as store:
                    Till(store)
            profile(f"Store.open + Till(store) at {n:,} products / {m:,} rules", open_till,
                    args.top)
        if "import" in want:
            fresh = Store.open(folder / "import.db", create=True)
            profile(f"Store.catalog.import_products({n:,}) into an empty store",
                    lambda: fresh.catalog.import_products(ds.products), args.top)
            fresh.close()
            k = cfg["reimport"]
            again = Store.open(folder / "reimport.db", create=True)
            again.catalog.import_products(ds.products[:k])
            profile(f"Store.catalog.import_products({k:,}) again, nothing changed",
                    lambda: again.catalog.import_products(ds.products[:k]), args.top)
            again.close()
        if "rules" in want:
            rstore = Store.open(folder / "rules.db", create=True)
            profile(f"Store.rules.replace({m:,}) into an empty rule table",
                    lambda: rstore.rules.replace(RulePack(tuple(ds.rules), ds.settings)),
                    args.top)
            rstore.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
