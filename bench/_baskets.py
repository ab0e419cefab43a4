"""Generated order baskets for the suggestion benchmarks, with a known answer.

Deterministic (one seeded `random.Random`): product popularity is Zipf-like (rank r drawn
with weight 1/(r + 10)); basket sizes are skewed to small orders (a quarter have one item,
mean about 3.3 drawn, 2.75 distinct); 40% of orders are a "mission" with all their items
from one of 200 categories (product p is in category p mod 200; popular categories first),
so many pairs go together more often than chance; and a few strongly associated pairs are
planted: in an order with the trigger product, the offer product is added with
probability 0.35-0.60. The planted offers are rare products on their own, so the planted
pairs have a lift far above every chance pair: they are the answer a miner must find, best
first.

Products are numbered by popularity rank (0 = the best seller); a basket is a sorted list of
distinct product numbers (quantities do not matter to basket mining).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from pathlib import Path

SEED = 20261123
PLANTED = 20
CATEGORIES = 200
MISSIONS = 0.4
"""Share of orders that are a shopping mission: all their items from one category."""
SIZES = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
SIZE_WEIGHTS = (25, 22, 17, 12, 9, 6, 4, 2, 1, 1, 0.5, 0.5)


def planted_pairs(products: int) -> list[tuple[int, int, float]]:
    """(trigger, offer, probability): triggers among the popular products (ranks 20, 30,
    ...), offers among the rare ones (the upper half of the catalog)."""
    rng = random.Random(SEED + 1)
    triggers = [min(products - 1, 20 + 10 * i) for i in range(PLANTED)]
    half = products // 2
    offers = rng.sample(range(half, products), PLANTED)
    return [(t, o, rng.uniform(0.35, 0.60)) for t, o in zip(triggers, offers, strict=True)]


def make_baskets(orders: int, products: int, seed: int = SEED) -> list[list[int]]:
    rng = random.Random(seed)
    weight = [1.0 / (r + 10) for r in range(products)]
    cum = list(itertools.accumulate(weight))
    groups = [list(range(c, products, CATEGORIES)) for c in range(CATEGORIES)]
    group_cum = [list(itertools.accumulate(weight[p] for p in g)) for g in groups]
    category_cum = list(itertools.accumulate(1.0 / (c + 2) for c in range(CATEGORIES)))
    size_cum = list(itertools.accumulate(SIZE_WEIGHTS))
    plants: dict[int, list[tuple[int, float]]] = {}
    for trigger, offer, p in planted_pairs(products):
        plants.setdefault(trigger, []).append((offer, p))
    pick = rng.choices
    everything = range(products)
    baskets: list[list[int]] = []
    for _ in range(orders):
        size = pick(SIZES, cum_weights=size_cum)[0]
        if rng.random() < MISSIONS:
            c = pick(range(CATEGORIES), cum_weights=category_cum)[0]
            items = set(pick(groups[c], cum_weights=group_cum[c], k=size))
        else:
            items = set(pick(everything, cum_weights=cum, k=size))
        for trigger in [t for t in items if t in plants]:
            for offer, p in plants[trigger]:
                if rng.random() < p:
                    items.add(offer)
        baskets.append(sorted(items))
    return baskets


def write_baskets(path: Path, baskets: Sequence[Sequence[int]]) -> None:
    with path.open("w", encoding="ascii") as f:
        for basket in baskets:
            f.write(" ".join(map(str, basket)) + "\n")


def read_baskets(path: Path) -> list[list[int]]:
    with path.open(encoding="ascii") as f:
        return [[int(x) for x in line.split()] for line in f]


def sku(product: int) -> str:
    """The SKU of product number `product` in a generated store."""
    return f"P{product:05d}"
