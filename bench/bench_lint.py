"""Rule lint and the import preview of a rule pack, at 20 and 20,000 rules.

    .venv/bin/python bench/bench_lint.py [--quick]

Into a temporary folder, with a generated store of 100,000 products (generate.py) and the
first 20 and 20,000 rules of its pack, written as YAML and as JSON, measures in seconds:

1. `lint(rules, catalog, settings)` on a catalog freshly loaded from the store (as the
   import preview and `pos-prompter lint` have it: a product is built on first use),
   against a floor measured in the same run on an equally fresh catalog: one pass that
   builds every product and groups the rules by event, triggers and priority.
2. The import preview the workspace's import dialog shows (pos_prompter.imports.read_preview:
   read and check the file, compare it with the store's rules, lint what the store would
   then have): from YAML into a store with the catalog only (every rule is new), from
   YAML into a store that already has the same rules (every rule is compared), and from
   JSON into the catalog-only store; against reading the same file with plain PyYAML
   (`yaml.load` with the C safe loader) or `json.loads`.
3. Lint's checks between rules where they grew with rules² (or worse): a chain of upsells
   A -> B -> C ... that never comes back, at 1,000 and 5,000 steps (each step used to
   search its way back through the rest of the chain); the ratio 5,000 / 1,000 is 5 when
   the work grows with the rules.

Every timing runs with the garbage collector as the code leaves it (lint and the pack
reader pause it themselves; the plain yaml.load and json.loads baselines run with it on,
as PyYAML and the json module leave it) in a process that holds the generated store, as a
workspace holds its own catalog and rules; runs alternate between the variants.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import header, report, run_sized, summary, verdict
from generate import NOW, make_dataset, write_rules

from pos_prompter.core.catalog import Catalog, Product, Sku
from pos_prompter.core.lint import lint
from pos_prompter.core.rules import Offer, Rule, RuleId, RulePack, Scanned, Settings
from pos_prompter.imports import RULES, read_preview
from pos_prompter.store import Store
from pos_prompter.store.store import copy_store

FULL = {"products": 100_000, "sizes": (20, 20_000), "reps": 5, "chain": (1_000, 5_000)}
QUICK = {"products": 5_000, "sizes": (20, 1_000), "reps": 2, "chain": (200, 1_000)}
TODAY = NOW.date()
C_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def fresh_catalog(db: Path) -> Catalog:
    with Store.open(db) as store:
        return store.catalog.load()


def floor(catalog: Catalog, rules: list[Rule]) -> None:
    """What any lint pays at least: build every product once, look at every rule once
    (with the garbage collector paused, as lint has it)."""
    gc.disable()
    try:
        by_category: dict[str | None, int] = {}
        for p in catalog:
            if p.active:
                by_category[p.category] = by_category.get(p.category, 0) + 1
        groups: dict[tuple[object, ...], list[Rule]] = {}
        for r in rules:
            groups.setdefault((r.event, r.scanned, r.priority), []).append(r)
    finally:
        gc.enable()


def upsell_chain(n: int) -> tuple[Catalog, list[Rule]]:
    """Products C0..C{n-1} and upsells C0 -> C1 -> ... -> C{n-1} (no loop)."""
    catalog = Catalog([Product(sku=Sku(f"C{i}"), name=f"C{i}", price=100 + i)
                       for i in range(n)])
    rules = [Rule(id=RuleId(f"c{i:05d}"), kind="upsell", title="up", say="A {size}?",
                  scanned=Scanned(skus=frozenset({f"C{i}"})),
                  offer=Offer(upgrade_to=f"C{i + 1}")) for i in range(n - 1)]
    return catalog, rules


def run(cfg: dict[str, Any]) -> int:
    n, sizes, reps = cfg["products"], cfg["sizes"], cfg["reps"]
    small, big = sizes
    header(f"bench_lint: lint and the import preview, {small:,} vs {big:,} rules", [
        f"store: {n:,} products (generate.py); packs: the first {small:,} and {big:,} rules, "
        "YAML and JSON",
        f"{reps} alternating runs of each variant; lint on a catalog fresh from the store",
        "preview = pos_prompter.imports.read_preview(store, 'rules', FILE)",
    ])
    t0 = time.perf_counter()
    ds = make_dataset(n, big)
    with tempfile.TemporaryDirectory(prefix="bench-lint-") as tmp:
        folder = Path(tmp)
        base = folder / "catalog.db"
        with Store.open(base, create=True) as store:
            store.catalog.import_products(ds.products)
        packs: dict[tuple[int, str], Path] = {}
        same: dict[int, Path] = {}
        for m in sizes:
            for fmt in ("yaml", "json"):
                packs[m, fmt] = folder / f"rules-{m}.{fmt}"
                write_rules(packs[m, fmt], ds.rules[:m], ds.settings)
            same[m] = folder / f"same-{m}.db"
            copy_store(base, same[m])
            with Store.open(same[m]) as store:
                store.rules.replace(RulePack(tuple(ds.rules[:m]), ds.settings))
        print(f"   store and packs built in {time.perf_counter() - t0:.1f} s; "
              f"{big:,}-rule pack: YAML {packs[big, 'yaml'].stat().st_size / 1e6:.1f} MB, "
              f"JSON {packs[big, 'json'].stat().st_size / 1e6:.1f} MB")

        settings = dataclasses.replace(Settings(), **{
            f: getattr(ds.settings, f)
            for f in ("max_prompts_per_order", "max_offer_ratio", "currency")})
        results: dict[str, dict[str, float]] = {}

        # 1. lint
        for m in sizes:
            rules = ds.rules[:m]
            ours: list[float] = []
            base_t: list[float] = []
            findings = 0
            for _ in range(reps):
                catalog = fresh_catalog(base)
                t = time.perf_counter()
                findings = len(lint(rules, catalog, settings, TODAY))
                ours.append(time.perf_counter() - t)
                catalog = fresh_catalog(base)
                base_t.append(timed(lambda c=catalog, r=rules: floor(c, r)))
            results[f"lint {m}"] = report(
                f"1. lint, {m:,} rules over {n:,} products ({findings} findings), seconds",
                "s", ours, base_t, "floor: build + group once")

        # 2. the import preview
        for m in sizes:
            variants = {"YAML, every rule new": (base, packs[m, "yaml"]),
                        "YAML, same rules in the store": (same[m], packs[m, "yaml"]),
                        "JSON, every rule new": (base, packs[m, "json"])}
            times: dict[str, list[float]] = {k: [] for k in variants}
            plain: dict[str, list[float]] = {"yaml": [], "json": []}
            for _ in range(reps):
                for name, (db, path) in variants.items():
                    with Store.open(db) as store:
                        times[name].append(timed(lambda s=store, p=path: read_preview(
                            s, RULES, p, today=TODAY)))
                for fmt in ("yaml", "json"):
                    text = packs[m, fmt].read_text(encoding="utf-8")
                    plain[fmt].append(timed(
                        (lambda t=text: yaml.load(t, C_LOADER)) if fmt == "yaml"
                        else (lambda t=text: json.loads(t))))
            for name, samples in times.items():
                fmt = "json" if name.startswith("JSON") else "yaml"
                results[f"preview {m} {name}"] = report(
                    f"2. import preview, {m:,} rules, {name}, seconds", "s", samples,
                    plain[fmt], "yaml.load (C loader)" if fmt == "yaml" else "json.loads")

        # 3. a long chain of upsells
        short, long = cfg["chain"]
        chain_t: dict[int, list[float]] = {short: [], long: []}
        for _ in range(reps):
            for k in (short, long):
                catalog, rules = upsell_chain(k)
                chain_t[k].append(timed(lambda c=catalog, r=rules: lint(
                    r, c, settings, TODAY)))
        print("\n3. lint of an upsell chain that never comes back, seconds")
        for k in (short, long):
            s = summary(chain_t[k])
            print(f"  {k:>7,} upsells: p50 {s['p50']:.3f} s, p99 {s['p99']:.3f} s (n={s['n']})")
        growth = statistics.median(chain_t[long]) / statistics.median(chain_t[short])
        print(f"  ratio {long:,} / {short:,}: p50 {growth:.2f}x (linear: "
              f"{long / short:.0f}x)")

        print("\n-- targets")
        top = results[f"preview {big} YAML, every rule new"]
        verdict(f"import preview p50 @{big:,} rules, YAML, every rule new (s)", top["p50"],
                2.0 if big >= 20_000 else 1.0)
        again = results[f"preview {big} YAML, same rules in the store"]
        verdict(f"import preview p50 @{big:,} rules, YAML, same rules in the store (s)",
                again["p50"], 2.0 if big >= 20_000 else 1.0)
        verdict(f"lint p50 @{big:,} rules / floor", results[f"lint {big}"]["ratio_p50"], 4.0)
        verdict(f"lint of an upsell chain, {long:,} / {short:,} steps", growth,
                2 * long / short)
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_sized(run, QUICK, FULL, __doc__ or "", argv)


if __name__ == "__main__":
    raise SystemExit(main())
