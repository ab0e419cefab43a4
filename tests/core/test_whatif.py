"""The what-if replay in the core (pos_prompter.core.whatif), on orders given as values:
scanned at the order's time, every prompt declined, checkout drafts, prices as paid, and
the shortcut (orders without a trigger item are not replayed) giving the full answer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from rule_helpers import make_rule

from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.rules import Rule, Settings, parse_pack
from pos_prompter.core.whatif import (
    KindRate,
    Replay,
    ReplayLine,
    ReplayOrder,
    draft_findings,
    draft_triggers,
    whatif,
)
from pos_prompter.core.whatif_window import Window

SPEC_DIR = Path(__file__).parent / "spec_examples"
MONDAY_0815 = dt.datetime(2026, 11, 23, 8, 15)
CATALOG = Catalog(parse_catalog_csv((SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")))
PRICES = {p.sku: p.price for p in CATALOG}
SETTINGS = Settings(max_prompts_per_order=2, max_offer_ratio=Decimal("1.0"))
WINDOW = Window.last_days(90, MONDAY_0815)


def rules(*raw: dict[str, Any]) -> tuple[Rule, ...]:
    return parse_pack({"version": 1, "rules": list(raw)}).rules


STORE = parse_pack(yaml.safe_load((SPEC_DIR / "rules.yaml").read_text(encoding="utf-8"))).rules


def order(order_id: int, *skus: str, at: dt.datetime = MONDAY_0815,
          prices: dict[str, int] | None = None) -> ReplayOrder:
    paid = {**PRICES, **(prices or {})}
    return ReplayOrder(order_id, at, at, None,
                       tuple(ReplayLine(s, 1, paid[s]) for s in skus))


def run(drafts: tuple[Rule, ...], orders: list[ReplayOrder], *,
        store: tuple[Rule, ...] = STORE, rate: KindRate | None = None) -> dict[str, Any]:
    rates = {rate.kind: rate} if rate else {}
    results = whatif(orders, catalog=CATALOG, store_rules=store, settings=SETTINGS,
                     drafts=drafts, window=WINDOW, orders_considered=len(orders), rates=rates)
    return {r.rule: r for r in results}


BEANS_COOKIE = make_rule("cross_sell", id="beans-cookie", when={"scanned": {"sku": ["BEANS-250"]}},
                         offer={"add": ["COOKIE"]})


def test_a_draft_follows_the_orders_time() -> None:
    morning = make_rule("cross_sell", id="morning-cookie", offer={"add": ["COOKIE"]},
                        when={"time": {"hours": "06:00-11:00"}})
    at_nine = order(1, "LATTE-T", at=MONDAY_0815.replace(hour=9))
    at_four = order(2, "LATTE-T", at=MONDAY_0815.replace(hour=16))
    result = run(rules(morning), [at_nine, at_four], store=())
    assert result["morning-cookie"].would_show == 1


def test_a_checkout_draft_sees_the_whole_order() -> None:
    mug = make_rule("threshold", id="mug-10", offer={"threshold": {
        "order_total": "10.00", "within": "5.00", "reward": "MUG", "reward_price": "5.00"}})
    near = order(1, "BEANS-250")          # 9.50: 0.50 short
    far = order(2, "COOKIE")              # 1.95: 8.05 short, more than 5.00
    result = run(rules(mug), [near, far], store=())["mug-10"]
    assert result.would_show == 1
    assert result.offered == 500  # what accepting adds: the reward price


def test_the_store_prompts_are_declined_so_the_next_one_queued_still_shows() -> None:
    # latte-size-up first, declined; then the draft on the same scan, within the cap of 2.
    draft = make_rule("cross_sell", id="latte-cookie", offer={"add": ["COOKIE"]},
                      priority=5)
    store = tuple(r for r in STORE if r.id != "latte-muffin")
    result = run(rules(draft), [order(1, "LATTE-T")], store=store)["latte-cookie"]
    assert (result.would_show, result.kept_quiet_by_cap) == (1, 0)
    full = run(rules(draft), [order(1, "LATTE-T")])["latte-cookie"]
    assert (full.would_show, full.kept_quiet_by_cap) == (0, 1)


def test_prices_are_the_ones_paid() -> None:
    # The price guardrail compares the offer with what the trigger line cost that day.
    draft = make_rule("cross_sell", id="beans-mug", when={"scanned": {"sku": ["COOKIE"]}},
                      offer={"add": ["MUG"]})
    cheap = order(1, "COOKIE")                                  # 12.00 > 1.0 x 1.95
    dear = order(2, "COOKIE", prices={"COOKIE": 1500})           # 12.00 <= 15.00
    assert run(rules(draft), [cheap, dear], store=())["beans-mug"].would_show == 1


def test_the_shortcut_gives_what_a_full_replay_gives() -> None:
    orders = [order(1, "BEANS-250", "LATTE-T"), order(2, "LATTE-T", "BEANS-250"),
              order(3, "COOKIE", "BEANS-250", "LATTE-T"), order(4, "MUFFIN-B"),
              order(5, "LATTE-T", "MUFFIN-B", "BEANS-250", "COOKIE")]
    drafts = rules(BEANS_COOKIE)
    assert draft_triggers(drafts) is not None
    quick = Replay(CATALOG, STORE, SETTINGS, drafts)
    full = Replay(CATALOG, STORE, SETTINGS, drafts)
    full.triggers, full.checkout = None, True  # every order whole, through checkout
    for o in orders:
        quick.add(o)
        full.add(o)
    assert (quick.replayed, full.replayed) == (4, 5)  # order 4 has no beans: not replayed
    [a], [b] = quick.results(WINDOW, 5, {}), full.results(WINDOW, 5, {})
    assert (a.would_show, a.kept_quiet_by_cap, a.offered) == (1, 2, 195)
    assert (a.would_show, a.kept_quiet_by_cap, a.offered) == \
        (b.would_show, b.kept_quiet_by_cap, b.offered)
    # A draft on every scan cannot be narrowed down.
    assert draft_triggers(rules({**BEANS_COOKIE, "when": {}})) is None


def test_rates_and_expected_figures() -> None:
    rate = KindRate("cross_sell", shown=3, accepted=1, days=90)
    result = run(rules(BEANS_COOKIE), [order(i, "BEANS-250") for i in range(1, 6)],
                 rate=rate)["beans-cookie"]
    assert result.would_show == 5
    assert result.expected_accepts == Decimal(5) / Decimal(3)
    assert result.expected_revenue == 325  # 5 x 1.95 / 3 = 3.25
    row = result.to_json()
    assert row["acceptance_rate_used"] == pytest.approx(0.3333)
    assert row["expected_revenue"] == "3.25"
    none = run(rules(BEANS_COOKIE), [order(1, "BEANS-250")])["beans-cookie"]
    assert none.expected_revenue is None
    assert none.to_json()["acceptance_rate_from"].startswith("no rate yet")


def test_unknown_products_in_a_draft_are_lint_errors() -> None:
    bad = rules({**BEANS_COOKIE, "offer": {"add": ["NOPE"]}})
    findings = draft_findings(bad, STORE, CATALOG, SETTINGS)
    assert any(f.severity == "error" and f.rule_id == "beans-cookie" for f in findings)
    assert not [f for f in draft_findings(rules(BEANS_COOKIE), STORE, CATALOG, SETTINGS)
                if f.severity == "error"]
