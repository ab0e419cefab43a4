"""Simulated customers (pos_prompter.core.simulated): the same seed gives the same scenario,
every scenario reads back as itself and names only what the store has, the store's rules
really fire for the customers drawn for them, and the willingness model is monotone."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_prompter.bootstrap import parse_pack_text
from pos_prompter.core.catalog import (
    Catalog,
    Product,
    Sku,
    gtin_check_digit,
    parse_catalog_csv,
)
from pos_prompter.core.engine import Engine
from pos_prompter.core.errors import InputError
from pos_prompter.core.rules import Rule, Settings, parse_pack
from pos_prompter.core.scenario import Scenario, catalog_problems, parse_scenario, scenario_to_dict
from pos_prompter.core.session import OrderSession
from pos_prompter.core.simulated import CEILING, DEFAULT_START, generate, willingness

DEMO_ROOT = Path(__file__).resolve().parents[2] / "resources" / "demo"
DEMOS = ("cafe", "shoes", "electronics")
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Shop:
    catalog: Catalog
    rules: tuple[Rule, ...]
    settings: Settings


@cache
def demo(name: str) -> Shop:
    folder = DEMO_ROOT / name
    catalog = Catalog(parse_catalog_csv((folder / "catalog.csv").read_text(encoding="utf-8")))
    pack = parse_pack_text((folder / "rules.yaml").read_text(encoding="utf-8"), "rules.yaml")
    return Shop(catalog, pack.rules, pack.settings or Settings())


def draw(shop: Shop, customers: int, seed: int, **kw: object) -> Scenario:
    return generate(shop.catalog, shop.rules, shop.settings, customers=customers, seed=seed,
                    **kw)  # type: ignore[arg-type]


SHOPS = st.sampled_from(DEMOS)
SEEDS = st.integers(0, 10**12)
SIZES = st.integers(1, 40)


# ---------------------------------------------------------------- properties


@FAST
@given(SHOPS, SEEDS, SIZES)
def test_the_same_seed_gives_the_same_scenario(name: str, seed: int, n: int) -> None:
    first = draw(demo(name), n, seed)
    again = draw(demo(name), n, seed)
    assert first == again
    assert scenario_to_dict(first) == scenario_to_dict(again)


@FAST
@given(SHOPS, SEEDS, SIZES)
def test_a_scenario_reads_back_as_itself(name: str, seed: int, n: int) -> None:
    scenario = draw(demo(name), n, seed)
    assert parse_scenario(scenario_to_dict(scenario)) == scenario
    assert scenario.id == f"generated-{seed}"
    assert len(scenario.customers) == n
    assert scenario.pass_score == 80
    assert scenario.level == (1 if n <= 5 else 2 if n <= 20 else 3)


@FAST
@given(SHOPS, SEEDS, SIZES)
def test_items_are_active_products_and_answers_name_the_stores_rules(
        name: str, seed: int, n: int) -> None:
    shop = demo(name)
    scenario = draw(shop, n, seed)
    rule_ids = {r.id for r in shop.rules if r.active}
    types = {t for r in shop.rules for t in r.customer}
    for customer in scenario.customers:
        assert customer.items
        for item in customer.items:
            product = shop.catalog.lookup(item)
            assert product is not None, item
            assert product.active, item
        assert set(customer.answers) <= rule_ids
        assert customer.type is None or customer.type in types
        assert customer.says.endswith("please.")
    assert catalog_problems(scenario, shop.catalog, rule_ids) == []


@FAST
@given(SHOPS, SEEDS, SIZES)
def test_customers_come_in_time_order_from_the_first(name: str, seed: int, n: int) -> None:
    scenario = draw(demo(name), n, seed)
    times = [c.time for c in scenario.customers]
    assert all(t is not None for t in times)
    assert times == sorted(times)  # type: ignore[type-var]
    assert scenario.time == times[0]
    assert all(DEFAULT_START <= t < DEFAULT_START + dt.timedelta(days=7)  # type: ignore[operator]
               for t in times)


MONEY = st.integers(0, 100_000)
SHARES = st.one_of(st.none(), st.decimals(0, 1, places=3), st.floats(0, 1))


@settings(max_examples=500, deadline=None)
@given(MONEY, MONEY, MONEY, MONEY, SHARES, SHARES)
def test_willingness_is_monotone(d1: int, d2: int, b1: int, b2: int,
                                 s1: Decimal | float | None,
                                 s2: Decimal | float | None) -> None:
    low_d, high_d = sorted((d1, d2))
    low_b, high_b = sorted((b1, b2))
    f1 = 0.0 if s1 is None else float(s1)
    f2 = 0.0 if s2 is None else float(s2)
    low_s, high_s = (s1, s2) if f1 <= f2 else (s2, s1)
    # a cheaper offer never gets fewer yeses
    assert willingness(low_d, b1, s1) >= willingness(high_d, b1, s1)
    # the same offer against a dearer line or order never gets fewer yeses
    assert willingness(d1, high_b, s1) >= willingness(d1, low_b, s1)
    # nor a pair more often bought together
    assert willingness(d1, b1, high_s) >= willingness(d1, b1, low_s)
    assert 0 < willingness(d1, b1, s1) <= CEILING


def test_willingness_figures_of_the_cafe_example() -> None:
    """docs/willingness.md works these out by hand."""
    assert willingness(60, 425) == pytest.approx(0.10 + 0.60 / (1 + 2 * 60 / 425))
    assert willingness(60, 425) == pytest.approx(0.568, abs=0.001)
    assert willingness(200, 425) == pytest.approx(0.409, abs=0.001)
    assert willingness(200, 425, Decimal("0.5")) == pytest.approx(0.559, abs=0.001)
    assert willingness(0, 425) == pytest.approx(0.70)
    assert willingness(900, 0) <= willingness(900, 1)  # nothing to weigh against: the least


# ---------------------------------------------------------------- the rules really fire


def play(shop: Shop, scenario: Scenario) -> tuple[Counter[str], int]:
    """Every customer rung up at a till with their type and clock, answering as the file
    says; the prompts shown by rule, and how many had no answer written for them."""
    engine = Engine(shop.catalog, shop.rules, shop.settings)
    shown: Counter[str] = Counter()
    unanswered = 0

    def answer_all(session: OrderSession, now: dt.datetime) -> None:
        nonlocal unanswered
        while session.current is not None:
            rule_id = session.current.rule_id
            shown[rule_id] += 1
            unanswered += rule_id not in customer.answers
            if customer.answer_to(rule_id).endswith("accept"):
                session.accept(now)
            else:
                session.decline(now)

    for order_id, customer in enumerate(scenario.customers, start=1):
        assert customer.time is not None
        session = OrderSession(order_id, engine, customer=customer.type)
        for code in customer.items:
            product = shop.catalog.lookup(code)
            assert product is not None
            session.scan(product, customer.time)
            answer_all(session, customer.time)
        session.checkout(customer.time)
        answer_all(session, customer.time)
    return shown, unanswered


@pytest.mark.parametrize("name", DEMOS)
def test_every_rule_of_a_demo_store_fires_for_its_customers(name: str) -> None:
    shop = demo(name)
    scenario = draw(shop, 300, 11)
    shown, unanswered = play(shop, scenario)
    assert set(shown) == {r.id for r in shop.rules if r.active}
    # Answers are written for the prompts the customers will see (the few others come
    # after an accepted offer changed the order, and get the default: decline).
    assert unanswered <= sum(shown.values()) // 10
    words = Counter(a for c in scenario.customers for a in c.answers.values())
    assert set(words) == {"accept", "decline", "why-then-accept", "why-then-decline"}
    assert any(not c.answers for c in scenario.customers)  # some trigger no rule


def test_history_of_pairs_bought_together_only_adds_yeses() -> None:
    """The same draws, with every pair always bought together: no yes turns into a no,
    and some no turns into a yes."""
    shop = demo("cafe")
    plain = draw(shop, 200, 3)
    keen = draw(shop, 200, 3, together=lambda trigger, offer: Decimal(1))
    turned = 0
    for before, after in zip(plain.customers, keen.customers, strict=True):
        assert before.items == after.items
        assert before.answers.keys() == after.answers.keys()
        for rule_id, answer in before.answers.items():
            if answer.endswith("accept"):
                assert after.answers[rule_id].endswith("accept")
            turned += answer.endswith("decline") and after.answers[rule_id].endswith("accept")
    assert turned > 0


# ---------------------------------------------------------------- a store with windows

CATALOG = [
    Product(Sku("TEA-S"), "Tea Small", 300, family="tea", size_rank=1),
    Product(Sku("TEA-L"), "Tea Large", 380, family="tea", size_rank=2),
    Product(Sku("CAKE"), "Cake", 450, category="bakery"),
    Product(Sku("SOUP"), "Soup", 650, category="food", tags=frozenset({"hot"})),
    Product(Sku("OLD"), "Old Scone", 200, category="bakery", active=False),
    Product(Sku("1234"), "Numbered Mint", 100, barcodes=("4006381333931",)),
    Product(Sku("SCARF"), "Scarf", 2500, category="retail"),
    Product(Sku("BAG"), "Tote Bag", 1200, category="retail"),
]
PACK = {
    "version": 1,
    "rules": [
        {"id": "late-tea", "kind": "upsell", "title": "Late tea", "say": "{size}?",
         "when": {"scanned": {"sku": ["TEA-S"]},
                  "time": {"hours": "22:00-02:00", "days": ["sat"], "from": "2027-03-01",
                           "to": "2027-03-31"}},
         "offer": {"next_size": True}},
        {"id": "soup-cake", "kind": "cross_sell", "title": "Cake with soup", "say": "{offer}?",
         "when": {"scanned": {"tag": ["hot"]}, "customer": ["member"],
                  "order": {"has": ["category:retail"], "total_min": "30.00"}},
         "offer": {"add": ["CAKE"]}, "max_offer_ratio": 1.0},
        {"id": "bag-deal", "kind": "threshold", "title": "Bag at 40", "say": "{gap}",
         "when": {"event": "checkout"},
         "offer": {"threshold": {"order_total": "40.00", "within": "5.00", "reward": "BAG",
                                 "reward_price": "5.00"}}},
        {"id": "never", "kind": "cross_sell", "title": "Off", "say": "{offer}?",
         "active": False, "when": {"scanned": {"sku": ["CAKE"]}}, "offer": {"add": ["SOUP"]}},
    ],
}


def windows_shop() -> Shop:
    pack = parse_pack(PACK)
    return Shop(Catalog(CATALOG), pack.rules, Settings())


@FAST
@given(SEEDS)
def test_conditions_of_time_type_and_order_are_met_for_the_rules_customers(seed: int) -> None:
    shop = windows_shop()
    scenario = draw(shop, 40, seed, start=dt.datetime(2027, 2, 1, 9, 30))
    assert parse_scenario(scenario_to_dict(scenario)) == scenario
    rules = {r.id: r for r in shop.rules}
    for customer in scenario.customers:
        assert customer.time is not None
        assert "OLD" not in customer.items
        assert "never" not in customer.answers
        if "late-tea" in customer.answers:
            assert rules["late-tea"].time.holds(customer.time)  # type: ignore[union-attr]
        if "soup-cake" in customer.answers:
            assert customer.type == "member"
        prices = {p.sku: p.price for p in CATALOG}
        if "bag-deal" in customer.answers:
            total = sum(prices.get(i, 100) for i in customer.items)
            assert 3500 <= total < 4000


def test_a_store_with_windows_gets_customers_for_every_rule() -> None:
    shop = windows_shop()
    scenario = draw(shop, 200, 4, start=dt.datetime(2027, 2, 1, 9, 30))
    shown, _ = play(shop, scenario)
    assert set(shown) == {"late-tea", "soup-cake", "bag-deal"}
    late = [c.time for c in scenario.customers if "late-tea" in c.answers]
    assert late
    assert all(t is not None and t.date() >= dt.date(2027, 3, 6) for t in late)


def test_a_digit_sku_that_reads_as_another_barcode_is_listed_by_its_own_barcode() -> None:
    """Scanning 4006381333931 rings up the mint (its barcode), never the product whose SKU
    it is: that one is listed by its own barcode."""
    own = "9638507" + str(gtin_check_digit("9638507"))
    clash = Product(Sku("4006381333931"), "Clash", 150, barcodes=(own,))
    catalog = Catalog([*CATALOG, clash])
    scenario = generate(catalog, (), Settings(), customers=60, seed=1)
    items = [item for customer in scenario.customers for item in customer.items]
    assert "4006381333931" not in items
    assert own in items
    assert "1234" in items  # a digit SKU that is nobody's barcode stays itself
    for item in items:
        product = catalog.lookup(item)
        assert product is not None
        assert product.active


@pytest.mark.parametrize("customers", [0, -1, 100_001, True])
def test_a_bad_number_of_customers_is_refused(customers: int) -> None:
    with pytest.raises(InputError, match="number of customers"):
        generate(Catalog(CATALOG), (), Settings(), customers=customers, seed=1)


def test_a_store_with_nothing_for_sale_is_refused() -> None:
    with pytest.raises(InputError, match="no products for sale"):
        generate(Catalog([CATALOG[4]]), (), Settings(), customers=3, seed=1)
