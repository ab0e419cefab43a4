"""A deterministic chain-sized store for the benchmarks: products, rules and a scan plan.

Everything comes from one seeded `random.Random`, so the same sizes and seed give the same
store, byte for byte, on every machine.

Shape of the store:
- products: SKU, name, price, one of ~200 categories, 0-3 of ~500 tags, a valid EAN-13
  barcode with prefix 20-29 (in-store numbers); 20% of products come in size families of
  three (Small/Medium/Large with unit_qty/unit, cheaper per unit as they grow).
- rules: 30% upsell (next_size), 40% cross_sell (add 1-3 SKUs), 15% bundle, 10% threshold
  (at checkout, at most 50 of them, otherwise on a scan), 5% cross_sell/bundle with a time
  or order condition; ~10% have a holdout; priorities are random.
- Each rule triggers on a small set of SKUs (1-3 neighbours in a fixed shuffled order of
  the catalog, rule i starting at position i; SKU-triggered upsells take the next product
  that has a bigger size, in the same order), plus a capped number of category-triggered
  upsells (at most 40, each category has ~500 products) and tag-triggered cross-sells (at
  most 20). So a product that triggers anything triggers ~1-2 rules whatever the number of
  rules: more rules spread over more SKUs, they do not pile up on the same ones.
- Nested: the rules of a store with M rules are the first M rules of any larger store from
  the same seed, so "20 rules" is a genuine subset of "20,000 rules".

Scans: 70% a product picked through a random rule's trigger (a trigger SKU, or a product
of the trigger category or tag), 30% a product that triggers no rule (any product when
every product triggers one, as with 100,000 rules over 100,000 products). Orders have
2-8 scans; after a scan the clerk answers a prompt on screen about half the time (40%
accept), 30% of orders go through checkout, every order is paid.

Use as a module (bench_*.py build core objects directly), or from the command line to
write files for the CLI:

    .venv/bin/python bench/generate.py --out /tmp/store --products 100000 --rules 20000

writes catalog.csv, rules.yaml (or rules.json), script.txt (10,000 scans) and
script-1line.txt (a one-scan script, to measure start-up).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from pos_prompter.core.catalog import (  # noqa: E402
    Catalog,
    Product,
    Sku,
    catalog_to_csv,
    gtin_check_digit,
)
from pos_prompter.core.engine import Engine  # noqa: E402
from pos_prompter.core.rules import (  # noqa: E402
    Offer,
    OrderCondition,
    Ref,
    Rule,
    RuleId,
    Scanned,
    Settings,
    TimeCondition,
    pack_to_dict,
)
from pos_prompter.core.session import OrderSession  # noqa: E402

SEED = 20261123
N_CATEGORIES = 200
N_TAGS = 500
FAMILY_EVERY = 15
"""Products i with i % 15 in (0, 1, 2) form a family of three: 20% of the catalog."""
MAX_CHECKOUT_RULES = 50
CATEGORY_RULE_SLOT = (500, 7)
"""Rule i is a category-triggered upsell when i % 500 == 7 (and i < MAX_BROAD_RULE_INDEX)."""
TAG_RULE_SLOT = (1000, 507)
"""Rule i is a tag-triggered cross-sell when i % 1000 == 507 (and i < MAX_BROAD_RULE_INDEX)."""
MAX_BROAD_RULE_INDEX = 20_000
"""Broad (category, tag) rules stop here: each matches hundreds of products, so more of
them would make every scan match more rules as the store grows."""
NOW = dt.datetime(2026, 11, 23, 8, 15)
"""The fixed clock of every replay and script: a Monday morning."""
SETTINGS = Settings(max_prompts_per_order=3, max_offer_ratio=Decimal("1.5"), currency="USD")

SIZES = (("Small", Decimal(8)), ("Medium", Decimal(12)), ("Large", Decimal(16)))


def category_name(i: int) -> str:
    return f"cat-{i:03d}"


def tag_name(i: int) -> str:
    return f"tag-{i:03d}"


def ean13(i: int) -> str:
    """A unique, valid EAN-13 with an in-store prefix 20-29."""
    body = f"{20 + i % 10}{i // 10:010d}"
    return body + str(gtin_check_digit(body))


# ---------------------------------------------------------------- products


def make_products(n: int, seed: int = SEED) -> list[Product]:
    """`n` products, deterministic for (n, seed); the first k of n are not a prefix of a
    larger catalog (families and prices are drawn in one stream), so keep n fixed."""
    rng = random.Random(f"products:{seed}")
    products: list[Product] = []
    family_price = 0
    for i in range(n):
        in_family = i % FAMILY_EVERY < 3 and (i - i % FAMILY_EVERY) + 2 < n
        category = category_name(rng.randrange(N_CATEGORIES))
        n_tags = rng.choice((0, 1, 1, 2, 3))
        tags = frozenset(tag_name(rng.randrange(N_TAGS)) for _ in range(n_tags))
        if in_family:
            rank = i % FAMILY_EVERY
            fam = f"fam-{i // FAMILY_EVERY:05d}"
            label, qty = SIZES[rank]
            if rank == 0:
                family_price = int(rng.lognormvariate(6.0, 0.8)) + 99
                price = family_price
            else:  # bigger sizes cost more, but less per unit
                price = family_price * (100 + 30 * rank) // 100
            if rank:
                # the whole family shares the first member's category and tags
                category, tags = products[-1].category or category, products[-1].tags
            products.append(Product(
                sku=Sku(f"P{i:06d}"), name=f"Item {i // FAMILY_EVERY} {label}", price=price,
                barcodes=(ean13(i),), category=category, tags=tags, family=fam,
                size_rank=rank + 1, size_label=label, unit_qty=qty, unit="oz",
                cost=price * 6 // 10))
        else:
            price = int(rng.lognormvariate(6.5, 1.0)) + 49
            products.append(Product(
                sku=Sku(f"P{i:06d}"), name=f"Item {i}", price=price, barcodes=(ean13(i),),
                category=category, tags=tags, cost=price * 6 // 10))
    return products


# ---------------------------------------------------------------- rules


SAY = {
    "upsell": "Would you like to make that a {size} for just {delta} more?",
    "cross_sell": "Would you like {offer} with your {item}? It's {price}.",
    "bundle": "Make it a set: {offer} for {price}, you save {saving}.",
    "threshold": "You're {gap} away from {offer}!",
}
WHY = {
    "upsell": "A {size} is {qty_diff} {unit} more for {delta}: {per_unit_saving} cheaper "
              "per {unit}.",
    "cross_sell": "{offer} goes with {item}.",
    "bundle": "Together they cost less than apart.",
    "threshold": "",
}


@dataclass
class Shop:
    """A catalog with the lookups the rule and scan generators need."""

    products: list[Product]
    shuffled: list[Product] = field(init=False)
    """A fixed shuffled order of the catalog: rule i triggers near position i."""
    cheap: list[Product] = field(init=False)
    """Products under $20: what cross-sells, bundles and rewards offer."""
    by_category: dict[str, list[Product]] = field(init=False)
    by_tag: dict[str, list[Product]] = field(init=False)

    def __post_init__(self) -> None:
        rng = random.Random(f"shuffle:{len(self.products)}")
        self.shuffled = list(self.products)
        rng.shuffle(self.shuffled)
        self.cheap = [p for p in self.products if p.price < 2000]
        self._upsizable = [p for p in self.shuffled
                           if p.family and p.size_rank is not None and p.size_rank < 3]
        if not self._upsizable:
            self._upsizable = self.shuffled
        self.by_category = {}
        self.by_tag = {}
        for p in self.products:
            if p.category:
                self.by_category.setdefault(p.category, []).append(p)
            for t in p.tags:
                self.by_tag.setdefault(t, []).append(p)

    def upsizable(self, k: int) -> Product:
        """The k-th product (in shuffled order, wrapping) that has a bigger size: the
        trigger of the k-th SKU-triggered upsell."""
        return self._upsizable[k % len(self._upsizable)]


def _offer_items(rng: random.Random, shop: Shop, trigger_price: int, count: int,
                 exclude: set[str]) -> list[Product]:
    """`count` cheap products, preferring ones no dearer than the trigger (so the price
    guardrail lets most offers through)."""
    chosen: list[Product] = []
    for attempt in range(count * 8):
        p = rng.choice(shop.cheap)
        if p.sku in exclude or any(c.sku == p.sku for c in chosen):
            continue
        if p.price <= trigger_price or attempt >= count * 4:
            chosen.append(p)
        if len(chosen) == count:
            break
    if not chosen:
        chosen.append(next(p for p in shop.cheap if p.sku not in exclude))
    return chosen


def make_rules(shop: Shop, m: int, seed: int = SEED) -> list[Rule]:
    """The first `m` rules of the store (a prefix of any larger `m` for the same shop)."""
    return list(iter_rules(shop, seed, m))


def iter_rules(shop: Shop, seed: int, m: int) -> Iterator[Rule]:
    rng = random.Random(f"rules:{seed}")
    n = len(shop.shuffled)
    checkout_rules = 0
    upsells = 0
    for i in range(m):
        priority = rng.randrange(100)
        holdout = Decimal("0.1") if rng.random() < 0.10 else Decimal(0)
        roll = rng.random()
        event = "scan"
        scanned: Scanned | None
        order: OrderCondition | None = None
        when_time: TimeCondition | None = None
        # What triggers it: 1-3 neighbouring SKUs at position i of the shuffled catalog.
        width = rng.choice((1, 1, 2, 3))
        triggers = [shop.shuffled[(i + k) % n] for k in range(width)]
        if i % CATEGORY_RULE_SLOT[0] == CATEGORY_RULE_SLOT[1] and i < MAX_BROAD_RULE_INDEX:
            kind = "upsell"
            cat = category_name((i // CATEGORY_RULE_SLOT[0]) % N_CATEGORIES)
            scanned = Scanned(categories=frozenset({cat}))
            offer = Offer(next_size=True)
        elif i % TAG_RULE_SLOT[0] == TAG_RULE_SLOT[1] and i < MAX_BROAD_RULE_INDEX:
            kind = "cross_sell"
            tag = tag_name((i // TAG_RULE_SLOT[0]) % N_TAGS)
            scanned = Scanned(tags=frozenset({tag}))
            items = _offer_items(rng, shop, 500, rng.randint(1, 3), set())
            offer = Offer(add=tuple(p.sku for p in items))
        elif roll < 0.30:
            kind = "upsell"
            trigger = shop.upsizable(upsells)
            upsells += 1
            scanned = Scanned(skus=frozenset({trigger.sku}))
            offer = Offer(next_size=True)
        else:
            scanned = Scanned(skus=frozenset(p.sku for p in triggers))
            trigger_price = min(p.price for p in triggers)
            exclude = {p.sku for p in triggers}
            if roll < 0.70 or roll >= 0.95:
                kind = "cross_sell"
                items = _offer_items(rng, shop, trigger_price, rng.randint(1, 3), exclude)
                offer = Offer(add=tuple(p.sku for p in items))
            elif roll < 0.85:
                kind = "bundle"
                items = _offer_items(rng, shop, trigger_price, rng.randint(1, 2), exclude)
                price = sum(p.price for p in items) * 80 // 100
                offer = Offer(bundle_with=tuple(p.sku for p in items), bundle_price=price)
            else:
                kind = "threshold"
                reward = _offer_items(rng, shop, 10**9, 1, exclude)[0]
                total = rng.randrange(2000, 8000, 500)
                offer = Offer(order_total=total, within=1500, reward=reward.sku,
                              reward_price=0)
                if checkout_rules < MAX_CHECKOUT_RULES and rng.random() < 0.5:
                    checkout_rules += 1
                    event = "checkout"
                    scanned = None
                    offer = Offer(order_total=total + 5000, within=2000, reward=reward.sku,
                                  reward_price=0)
            if roll >= 0.95:  # the 5% with a time or an order condition
                what = rng.randrange(4)
                if what == 0:
                    when_time = TimeCondition(hours=(7 * 60, 11 * 60))
                elif what == 1:
                    when_time = TimeCondition(hours=(17 * 60, 22 * 60), days=frozenset({5, 6}))
                elif what == 2:
                    order = OrderCondition(total_min=1000)
                else:
                    cat = category_name(rng.randrange(N_CATEGORIES))
                    order = OrderCondition(lacks=(Ref("category", cat),))
        label = kind.replace("_", "-")
        yield Rule(
            id=RuleId(f"r{i:06d}-{label}"), kind=kind,  # type: ignore[arg-type]
            title=f"Rule {i} ({label})", say=SAY[kind], why=WHY[kind], event=event,  # type: ignore[arg-type]
            scanned=scanned, order=order, time=when_time, offer=offer, priority=priority,
            holdout=holdout,
        )


# ---------------------------------------------------------------- scans


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the plan: scan a product (with what the clerk would do about a prompt),
    go to checkout, or pay."""

    action: str
    product: Product | None = None
    answer: str | None = None
    """accept / decline / None (leave it: the next scan ignores it)."""


def trigger_product(rng: random.Random, shop: Shop, rule: Rule) -> Product | None:
    sc = rule.scanned
    if sc is None:
        return None
    if sc.skus:
        sku = rng.choice(sorted(sc.skus))
        return shop.products[int(sku[1:])]
    if sc.categories:
        members = shop.by_category.get(rng.choice(sorted(sc.categories)))
    else:
        members = shop.by_tag.get(rng.choice(sorted(sc.tags)))
    return rng.choice(members) if members else None  # a small catalog may have none


def make_plan(shop: Shop, rules: Sequence[Rule], scans: int, seed: int = SEED) -> list[Step]:
    """`scans` scans in orders of 2-8, weighted so that triggered products are common."""
    rng = random.Random(f"plan:{seed}")
    scan_rules = [r for r in rules if r.event == "scan" and r.scanned is not None]
    skus: set[str] = set()
    cats: set[str] = set()
    tags: set[str] = set()
    for r in scan_rules:
        assert r.scanned is not None
        skus |= r.scanned.skus
        cats |= r.scanned.categories
        tags |= r.scanned.tags
    quiet = [p for p in shop.products if p.sku not in skus and p.category not in cats
             and tags.isdisjoint(p.tags)] or shop.products
    steps: list[Step] = []
    done = 0
    while done < scans:
        size = min(rng.randint(2, 8), scans - done)
        for _ in range(size):
            product = None
            if scan_rules and rng.random() < 0.7:
                product = trigger_product(rng, shop, rng.choice(scan_rules))
            if product is None:
                product = rng.choice(quiet)
            r = rng.random()
            answer = "accept" if r < 0.2 else "decline" if r < 0.5 else None
            steps.append(Step("scan", product, answer))
        done += size
        if rng.random() < 0.3:
            steps.append(Step("checkout", answer="accept" if rng.random() < 0.3 else None))
        steps.append(Step("pay"))
    return steps


def play(plan: Sequence[Step], engine: Engine, now: dt.datetime = NOW) -> Iterator[str]:
    """Play the plan on OrderSessions (order ids 1, 2, ... as a fresh store numbers them)
    and yield the script lines; accept/decline only where a prompt is on screen."""
    order_id = 1
    session = OrderSession(order_id, engine)
    for step in plan:
        if step.action == "scan":
            assert step.product is not None
            session.scan(step.product, now)
            yield f"scan {step.product.barcodes[0]}"
        elif step.action == "checkout":
            session.checkout(now)
            yield "checkout"
        else:
            session.pay()
            yield "pay"
            order_id += 1
            session = OrderSession(order_id, engine)
            continue
        if step.answer and session.current is not None:
            getattr(session, step.answer)(now)
            yield step.answer


def script_text(plan: Sequence[Step], engine: Engine) -> str:
    lines = [f"# {sum(s.action == 'scan' for s in plan)} scans, generated by bench/generate.py",
             f"time {NOW.isoformat(timespec='minutes')}"]
    lines.extend(play(plan, engine))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- a whole data set


@dataclass
class Dataset:
    shop: Shop
    rules: list[Rule]
    settings: Settings = SETTINGS

    @property
    def products(self) -> list[Product]:
        return self.shop.products

    def engine(self, m: int | None = None, catalog: Catalog | None = None) -> Engine:
        rules = self.rules if m is None else self.rules[:m]
        return Engine(catalog or Catalog(self.products), rules, self.settings)


def make_dataset(products: int, rules: int, seed: int = SEED) -> Dataset:
    shop = Shop(make_products(products, seed))
    return Dataset(shop, make_rules(shop, rules, seed))


def write_catalog(path: Path, products: Sequence[Product]) -> None:
    """The catalog CSV (spec columns) that `pos-prompter import catalog` reads."""
    path.write_text(catalog_to_csv(products), encoding="utf-8")


def write_rules(path: Path, rules: Sequence[Rule], settings: Settings = SETTINGS) -> None:
    """The rule pack that `pos-prompter import rules` reads: JSON if the name ends in
    .json, else YAML."""
    pack = pack_to_dict(list(rules), settings)
    if path.suffix == ".json":
        text = json.dumps(pack, indent=1)
    else:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(pack, Dumper=dumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


def write_files(out: Path, ds: Dataset, m: int, scans: int, *, rules_format: str = "yaml",
                seed: int = SEED) -> dict[str, Path]:
    """Write catalog.csv, rules.yaml/json, script.txt and script-1line.txt into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    rules = ds.rules[:m]
    paths = {"catalog": out / "catalog.csv", "rules": out / f"rules.{rules_format}",
             "script": out / "script.txt", "script1": out / "script-1line.txt"}
    write_catalog(paths["catalog"], ds.products)
    write_rules(paths["rules"], rules, ds.settings)
    engine = ds.engine(m)
    plan = make_plan(ds.shop, rules, scans, seed)
    paths["script"].write_text(script_text(plan, engine), encoding="utf-8")
    first = ds.products[0]
    paths["script1"].write_text(f"time {NOW.isoformat(timespec='minutes')}\n"
                                f"scan {first.barcodes[0]}\npay\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--rules", type=int, default=20_000)
    parser.add_argument("--scans", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--rules-format", choices=("yaml", "json"), default="yaml")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    ds = make_dataset(args.products, args.rules, args.seed)
    paths = write_files(args.out, ds, args.rules, args.scans, rules_format=args.rules_format,
                        seed=args.seed)
    took = time.perf_counter() - t0
    for what, path in paths.items():
        print(f"{what:8} {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"generated {args.products} products, {args.rules} rules, {args.scans} scans "
          f"in {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

