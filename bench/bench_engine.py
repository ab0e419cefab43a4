"""The engine's per-scan cost against hand-written baselines measured in the same run.

    .venv/bin/python bench/bench_engine.py [--quick]

For a generated store of 100,000 products and 20, 20,000 and 100,000 rules (see
generate.py), replays 10,000 scans and times each call with time.perf_counter_ns:

(a) "which rules fire for this scan": Engine.scan_candidates(product), against
    - a hand-written dict index (sku -> rule ids, category -> ..., tag -> ..., union into a
      set) over the same rules: the target's baseline;
    - the same dict index also returning the ids in queue order (for context: ours sorts);
    - an indexed SQLite query (in-memory table rule_triggers(key, rule_id), indexed on key,
      SELECT rule_id ... WHERE key IN (...)), for scale.
    The three are called on the same scan one after the other (rotating which goes first),
    so machine noise hits all of them alike; every answer is checked against ours.
(b) the full OrderSession.scan (queue, checks, rendering the prompt), replaying orders of
    2-8 scans with accept/decline/checkout/pay between them (those are not timed).

Scans: the primary set ("own scans") is drawn for each size by the same recipe (70% through a
random rule's trigger, 30% a product no rule triggers), so the number of rules matching a
scan stays about the same at every size; the secondary set ("same scans") is the 20-rule
store's 10,000 scans replayed at every size, literally the same products.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, ratio_of, report, summary, verdict
from generate import NOW, Dataset, Step, make_dataset, make_plan

from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.engine import Engine
from pos_prompter.core.rules import Rule
from pos_prompter.core.session import OrderSession

FULL = {"products": 100_000, "sizes": (20, 20_000, 100_000), "scans": 10_000}
QUICK = {"products": 5_000, "sizes": (20, 1_000, 5_000), "scans": 2_000}
BLOCK = 500
"""Sizes take turns every BLOCK scans, so a change in the machine's load hits all alike,
while each size still runs long enough to have its own data in the caches."""


# ---------------------------------------------------------------- baselines


class DictIndex:
    """The hand-written baseline: three dicts and a set union."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.by_sku: dict[str, list[str]] = {}
        self.by_category: dict[str, list[str]] = {}
        self.by_tag: dict[str, list[str]] = {}
        self.any_scan: list[str] = []
        order = sorted((r for r in rules if r.active and r.event == "scan"),
                       key=Engine.queue_key)
        self.rank = {r.id: i for i, r in enumerate(order)}
        for r in rules:
            if not r.active or r.event != "scan":
                continue
            if r.scanned is None:
                self.any_scan.append(r.id)
                continue
            for s in r.scanned.skus:
                self.by_sku.setdefault(s, []).append(r.id)
            for c in r.scanned.categories:
                self.by_category.setdefault(c, []).append(r.id)
            for t in r.scanned.tags:
                self.by_tag.setdefault(t, []).append(r.id)

    def fire(self, p: Product) -> set[str]:
        found = set(self.any_scan)
        ids = self.by_sku.get(p.sku)
        if ids:
            found.update(ids)
        if p.category:
            ids = self.by_category.get(p.category)
            if ids:
                found.update(ids)
        for t in p.tags:
            ids = self.by_tag.get(t)
            if ids:
                found.update(ids)
        return found

    def fire_ordered(self, p: Product) -> list[str]:
        return sorted(self.fire(p), key=self.rank.__getitem__)


class SqliteIndex:
    """For scale: the same question asked of an indexed SQLite table in memory."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute("CREATE TABLE rule_triggers (key TEXT NOT NULL, rule_id TEXT NOT NULL)")
        rows = []
        for r in rules:
            if not r.active or r.event != "scan":
                continue
            if r.scanned is None:
                rows.append(("*", r.id))
                continue
            rows += [("s:" + s, r.id) for s in r.scanned.skus]
            rows += [("c:" + c, r.id) for c in r.scanned.categories]
            rows += [("t:" + t, r.id) for t in r.scanned.tags]
        self.conn.executemany("INSERT INTO rule_triggers VALUES (?, ?)", rows)
        self.conn.execute("CREATE INDEX rule_triggers_key ON rule_triggers(key)")
        self.conn.commit()
        self.sql = {n: "SELECT rule_id FROM rule_triggers WHERE key IN "
                       f"({','.join('?' * n)})" for n in range(1, 16)}

    def fire(self, p: Product) -> set[str]:
        keys = ["*", "s:" + p.sku]
        if p.category:
            keys.append("c:" + p.category)
        keys += ["t:" + t for t in p.tags]
        return {row[0] for row in self.conn.execute(self.sql[len(keys)], keys)}


# ---------------------------------------------------------------- timing


def timer_floor() -> float:
    """What perf_counter_ns around an empty call costs here (microseconds, median)."""
    pc = time.perf_counter_ns
    samples = []
    for _ in range(20_000):
        t0 = pc()
        t1 = pc()
        samples.append(t1 - t0)
    return statistics.median(samples) / 1000


def verify(products: Sequence[Product], calls: dict[str, Callable[[Product], object]]) -> None:
    """An untimed pass: warms every index and checks each answers the engine's rule ids."""
    names = list(calls)
    ours = calls[names[0]]
    for p in products:
        want = sorted(r.id for r in ours(p))  # type: ignore[attr-defined]
        for name in names[1:]:
            got_ids = sorted(calls[name](p))  # type: ignore[call-overload]
            assert got_ids == want, (name, p.sku, got_ids, want)


def time_candidates(products: Sequence[Product], calls: dict[str, Callable[[Product], object]],
                    out: dict[str, list[float]]) -> None:
    """Per-call microseconds of each function on each product, called one after the other
    on the same product in a rotating order, appended to `out`."""
    names = list(calls)
    pc = time.perf_counter_ns
    for i, p in enumerate(products):
        k = i % len(names)
        for name in names[k:] + names[:k]:
            fn = calls[name]
            t0 = pc()
            fn(p)
            t1 = pc()
            out[name].append((t1 - t0) / 1000)


@dataclass
class Replay:
    """Replaying a plan on OrderSessions, a scan at a time (so sizes can take turns)."""

    plan: Sequence[Step]
    engine: Engine
    scans: list[float] = field(default_factory=list)
    checkouts: list[float] = field(default_factory=list)
    prompts: int = 0

    def steps(self) -> Iterator[None]:
        """Yields after each timed scan; accept/decline/pay are not timed, checkout is
        timed on its own."""
        pc = time.perf_counter_ns
        order_id = 1
        session = OrderSession(order_id, self.engine)
        for step in self.plan:
            if step.action == "pay":
                session.pay()
                order_id += 1
                session = OrderSession(order_id, self.engine)
                continue
            if step.action == "scan":
                t0 = pc()
                session.scan(step.product, NOW)  # type: ignore[arg-type]
                t1 = pc()
                self.scans.append((t1 - t0) / 1000)
            else:
                t0 = pc()
                session.checkout(NOW)
                t1 = pc()
                self.checkouts.append((t1 - t0) / 1000)
            if session.current is not None:
                self.prompts += 1
                if step.answer:
                    getattr(session, step.answer)(NOW)
            if step.action == "scan":
                yield


@dataclass
class Size:
    """One store size: its engine, the baselines, and the scans to replay."""

    m: int
    engine: Engine
    built: float
    calls: dict[str, Callable[[Product], object]]
    plans: dict[str, list[Step]]
    sql: SqliteIndex
    _products: dict[str, list[Product]] = field(default_factory=dict)

    def products(self, label: str) -> list[Product]:
        if label not in self._products:
            self._products[label] = [s.product for s in self.plans[label]
                                     if s.product is not None]
        return self._products[label]


# ---------------------------------------------------------------- the run


def run(products: int, sizes: Sequence[int], scans: int) -> int:
    header("bench_engine: per-scan cost of the rule engine (microseconds per call)", [
        f"store: {products:,} products; rules: {', '.join(f'{m:,}' for m in sizes)} "
        f"(generated, nested: the smaller rule sets are prefixes of the larger)",
        f"{scans:,} scans per size; per-call time.perf_counter_ns; baselines interleaved with "
        f"ours call by call, sizes taking turns in blocks of {BLOCK} scans",
        "(a) Engine.scan_candidates vs a hand-written dict index / SQLite; "
        "(b) the full OrderSession.scan",
    ])
    t0 = time.perf_counter()
    ds: Dataset = make_dataset(products, max(sizes))
    catalog = Catalog(ds.products)
    print(f"   generated in {time.perf_counter() - t0:.1f} s; timer floor "
          f"{timer_floor():.3f} us per perf_counter_ns pair")

    small = sizes[0]
    same_plan = make_plan(ds.shop, ds.rules[:small], scans)
    runs: list[Size] = []
    for m in sizes:
        t0 = time.perf_counter()
        rules = ds.rules[:m]
        engine = Engine(catalog, rules, ds.settings)
        built = time.perf_counter() - t0
        index = DictIndex(rules)
        sql = SqliteIndex(rules)
        runs.append(Size(m, engine, built, {
            "ours": engine.scan_candidates, "dict": index.fire,
            "dict+order": index.fire_ordered, "sqlite": sql.fire},
            {"own": make_plan(ds.shop, rules, scans), "same": same_plan}, sql))

    cand: dict[tuple[str, int], dict[str, list[float]]] = {}
    sess: dict[tuple[str, int], list[float]] = {}
    checkout: dict[int, list[float]] = {}
    for label in ("own", "same"):
        for r in runs:
            verify(r.products(label), r.calls)
            cand[label, r.m] = {name: [] for name in r.calls}
        gc.collect()
        for b, first in enumerate(range(0, scans, BLOCK)):
            k = b % len(runs)
            for r in runs[k:] + runs[:k]:
                time_candidates(r.products(label)[first:first + BLOCK], r.calls,
                                cand[label, r.m])
        replays = {r.m: Replay(r.plans[label], r.engine) for r in runs}
        steppers = {m: rp.steps() for m, rp in replays.items()}
        gc.collect()
        for b in range(0, scans, BLOCK):
            k = (b // BLOCK) % len(runs)
            for r in runs[k:] + runs[:k]:
                for _ in range(BLOCK):
                    if next(steppers[r.m], StopIteration) is StopIteration:
                        break
        for r in runs:
            rp = replays[r.m]
            for _ in steppers[r.m]:  # the plan's last checkout and pay
                pass
            sess[label, r.m] = rp.scans
            if label == "own":
                checkout[r.m] = rp.checkouts
            matches = [len(r.engine.scan_candidates(p)) for p in r.products(label)]
            print(f"\n-- {r.m:,} rules, {label} scans: engine built in {r.built:.2f} s; "
                  f"rules matching a scan: mean {statistics.mean(matches):.2f}, "
                  f"max {max(matches)}, none {matches.count(0) / len(matches):.0%}; "
                  f"{rp.prompts} prompts shown in {len(rp.scans)} scans")
    for r in runs:
        r.sql.conn.close()

    big = sizes[1]
    print("\n==== (a) which rules fire for this scan: Engine.scan_candidates")
    for m in sizes:
        c = cand["own", m]
        report(f"{m:,} rules: ours vs the hand-written dict index", "us", c["ours"], c["dict"],
               "dict index (set union)")
    c = cand["own", big]
    report(f"{big:,} rules: ours vs the dict index returning queue order", "us", c["ours"],
           c["dict+order"], "dict index + sort")
    report(f"{big:,} rules: ours vs an indexed SQLite query (for scale)", "us", c["ours"],
           c["sqlite"], "sqlite IN (...) query")
    report(f"{big:,} rules: dict index vs SQLite (the two baselines)", "us", c["dict"],
           c["sqlite"], "sqlite IN (...) query")
    for label in ("own", "same"):
        for m in sizes[1:]:
            report(f"ours @{m:,} rules vs ours @{small} rules ({label} scans)", "us",
                   cand[label, m]["ours"], cand[label, small]["ours"], f"ours @{small} rules")
    for m in sizes[1:]:
        report(f"the baseline's own growth: dict index @{m:,} vs @{small} rules (own scans; "
               "bigger tables, colder caches)", "us", cand["own", m]["dict"],
               cand["own", small]["dict"], f"dict index @{small} rules")

    print("\n==== (b) the full OrderSession.scan (queue + checks + render)")
    for label in ("own", "same"):
        for m in sizes[1:]:
            report(f"OrderSession.scan @{m:,} vs @{small} rules ({label} scans)", "us",
                   sess[label, m], sess[label, small], f"OrderSession.scan @{small}")
    report(f"{big:,} rules: OrderSession.scan vs the bare dict index (how much is not "
           "the lookup)", "us", sess["own", big], cand["own", big]["dict"],
           "dict index (set union)")
    print("\n   checkout (all checkout rules are candidates; "
          f"{sum(r.event == 'checkout' for r in ds.rules[:max(sizes)])} in the biggest store):")
    for m in sizes:
        if checkout[m]:
            s = summary(checkout[m])
            print(f"   {m:>9,} rules: OrderSession.checkout n={s['n']}, p50 {s['p50']:.1f} us, "
                  f"p99 {s['p99']:.1f} us")

    print("\n==== targets")
    a = cand["own", big]
    verdict(f"(a) scan_candidates p99 @{big:,} rules / dict index p99",
            summary(a["ours"])["p99"] / summary(a["dict"])["p99"], 3.0)
    for label in ("own", "same"):
        ra = ratio_of(cand[label, big]["ours"], cand[label, small]["ours"])
        rb = ratio_of(sess[label, big], sess[label, small])
        for q in ("p50", "p99"):
            verdict(f"(a) scan_candidates @{big:,}/@{small} rules, {q}, {label} scans",
                    ra[q], 1.5)
        for q in ("p50", "p99"):
            verdict(f"(b) OrderSession.scan @{big:,}/@{small} rules, {q}, {label} scans",
                    rb[q], 1.5)
    print("  the same growth with the hand-written index's own growth divided out (what is "
          "left is ours, not the machine's caches):")
    for label in ("own", "same"):
        ra = ratio_of(cand[label, big]["ours"], cand[label, small]["ours"])
        rd = ratio_of(cand[label, big]["dict"], cand[label, small]["dict"])
        for q in ("p50", "p99"):
            print(f"    {label} scans, {q}: ours {ra[q]:.2f}x / dict index {rd[q]:.2f}x "
                  f"= {ra[q] / rd[q]:.2f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--products", type=int)
    parser.add_argument("--scans", type=int)
    args = parser.parse_args(argv)
    cfg = dict(QUICK if args.quick else FULL)
    if args.products:
        cfg["products"] = args.products
    if args.scans:
        cfg["scans"] = args.scans
    t0 = time.perf_counter()
    code = run(cfg["products"], cfg["sizes"], cfg["scans"])  # type: ignore[arg-type]
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
