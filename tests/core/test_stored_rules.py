"""stored_rule: the fast read of a stored rule gives exactly the Rule the general parser
gives, on every rule of the demo packs, of a generated 20,000-rule pack and of hand-written
packs in forms other than the one the store writes; what it does not expect goes to the
parser."""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pos_prompter.bootstrap import load_pack_file
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.rules import Offer, Rule, parse_pack, parse_rule, rule_to_dict
from pos_prompter.core.stored_rules import stored_rule, stored_rules

ROOT = Path(__file__).resolve().parents[2]
DEMOS = ("cafe", "shoes", "electronics")


@cache
def generate_module() -> ModuleType:
    """bench/generate.py (not a package: loaded from its file)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench"
                                                      / "generate.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def stored(rule: Rule) -> Any:
    """The rule as the store keeps it (RuleStore.save, RuleStore.replace), read back."""
    return json.loads(json.dumps(rule_to_dict(rule), sort_keys=True))


def assert_same(raw: Any, position: int) -> Rule:
    """The fast read of `raw` is the parser's Rule: equal, field by field of the same type
    and repr (Decimal("1") == Decimal("1.0"), but they are not the same value)."""
    full = parse_rule(raw, position, trusted=True)
    fast = stored_rule(raw)
    assert fast is not None, raw
    assert fast == full
    assert repr(fast) == repr(full)
    for name in Rule.__slots__:
        assert type(getattr(fast, name)) is type(getattr(full, name)), name
    return fast


@pytest.mark.parametrize("demo", DEMOS)
def test_every_rule_of_the_demo_packs_reads_back_as_the_parser_reads_it(demo: str) -> None:
    pack = load_pack_file(ROOT / "resources" / "demo" / demo / "rules.yaml")
    assert len(pack.rules) >= 5
    for i, rule in enumerate(pack.rules, start=1):
        assert assert_same(stored(rule), i) == rule


def test_every_rule_of_a_generated_20000_rule_pack_reads_back_as_the_parser_reads_it() -> None:
    gen = generate_module()
    dataset = gen.make_dataset(100_000, 20_000)
    pack = parse_pack(json.loads(json.dumps(gen.pack_to_dict(dataset.rules, gen.SETTINGS))))
    assert len(pack.rules) == 20_000
    assert {r.kind for r in pack.rules} == {"upsell", "cross_sell", "bundle", "threshold"}
    assert any(r.time for r in pack.rules)
    assert any(r.order for r in pack.rules)
    assert any(r.holdout for r in pack.rules)
    bodies = [stored(rule) for rule in pack.rules]
    for i, (body, rule) in enumerate(zip(bodies, pack.rules, strict=True), start=1):
        assert assert_same(body, i) == rule
    assert list(stored_rules(bodies)) == list(pack.rules)


# Valid rules in forms the store does not write (a single string for a list, null for an
# optional section, money as a whole number, capitalised day names...): still the parser's.
OTHER_FORMS: list[dict[str, Any]] = [
    {"id": "one-string", "kind": "cross_sell", "title": "  Padded title  ",
     "when": {"scanned": {"sku": "LATTE-M", "category": "hot-drinks", "tag": "milk"},
              "customer": "member", "event": "scan"},
     "offer": {"add": "COOKIE"}, "say": "A cookie for {price}?", "why": None},
    {"id": "order-and-time", "kind": "bundle", "title": "Lunch",
     "when": {"order": {"total_min": 5, "total_max": "20.5", "has": "category:food",
                        "lacks": ["sku:SOUP", "tag:vegan"]},
              "time": {"hours": "22:00-02:00", "days": ["Fri", "SAT"], "from": "2026-01-01",
                       "to": "2026-12-31"}},
     "offer": {"bundle": {"with": ["SOUP", "BREAD"], "price": 7}}, "say": "Soup and bread?",
     "priority": 3, "holdout": 0.25, "max_offer_ratio": 1, "active": False},
    {"id": "checkout-threshold", "kind": "threshold", "title": "Free mug",
     "when": {"event": "checkout", "order": None, "time": {"days": "sun"}},
     "offer": {"threshold": {"order_total": "30", "within": "5.00", "reward": "MUG",
                             "reward_price": "0"}},
     "say": "{gap} more for a mug", "max_offer_ratio": "2.50", "holdout": "0.1"},
    {"id": "upgrade-to", "kind": "upsell", "title": "Large",
     "when": {"scanned": {"sku": ["LATTE-S", "LATTE-M"]}, "time": {"hours": "06:00-24:00"}},
     "offer": {"upgrade_to": "LATTE-L", "next_size": False}, "say": "Large for {delta}?"},
    {"id": "next-size", "kind": "upsell", "title": "Up",
     "when": {"scanned": {"category": ["hot-drinks"]}, "customer": ["member", "staff"]},
     "offer": {"next_size": True}, "say": "Size up?", "why": "It is {per_unit_saving} cheaper"},
    {"id": "no-when", "kind": "cross_sell", "title": "Anything", "when": None,
     "offer": {"add": ["A", "B"]}, "say": "And A?", "priority": -2, "holdout": 0},
]


@pytest.mark.parametrize("raw", OTHER_FORMS, ids=[r["id"] for r in OTHER_FORMS])
def test_other_valid_forms_read_back_as_the_parser_reads_them(raw: dict[str, Any]) -> None:
    parse_rule(raw, 1)  # valid for the full parser, every check included
    assert_same(raw, 1)


def test_every_next_size_upsell_shares_one_offer_equal_to_a_new_one() -> None:
    a, b = stored_rule(OTHER_FORMS[4]), stored_rule(dict(OTHER_FORMS[4], id="other"))
    assert a is not None
    assert b is not None
    assert a.offer is b.offer
    assert a.offer == Offer(next_size=True)


# What the fast path does not take: the parser decides (and says what is wrong).
NOT_TAKEN: list[Any] = [
    ["not", "a", "mapping"],
    {"id": "future", "kind": "loyalty", "title": "T", "offer": {}, "say": "S"},
    {"id": "no-offer", "kind": "cross_sell", "title": "T", "say": "S"},
    {"id": "null-offer", "kind": "cross_sell", "title": "T", "offer": None, "say": "S"},
    {"id": "bad-day", "kind": "cross_sell", "title": "T", "when": {"time": {"days": ["xyz"]}},
     "offer": {"add": ["A"]}, "say": "S"},
    {"id": "bad-ref", "kind": "cross_sell", "title": "T",
     "when": {"order": {"has": ["A"]}}, "offer": {"add": ["A"]}, "say": "S"},
    {"id": "bad-money", "kind": "bundle", "title": "T",
     "offer": {"bundle": {"with": ["A"], "price": 1.5}}, "say": "S"},
    {"id": "bad-hours", "kind": "cross_sell", "title": "T",
     "when": {"time": {"hours": "6-11"}}, "offer": {"add": ["A"]}, "say": "S"},
    {"id": "title-not-text", "kind": "cross_sell", "title": 5, "offer": {"add": ["A"]},
     "say": "S"},
]


@pytest.mark.parametrize("raw", NOT_TAKEN, ids=lambda r: r.get("id", "list")
                         if isinstance(r, dict) else "list")
def test_a_body_it_does_not_expect_goes_to_the_parser_which_refuses_it(raw: Any) -> None:
    assert stored_rule(raw) is None
    with pytest.raises(ValidationError):
        list(stored_rules([stored(Rule("fine", "cross_sell", "T", "S",
                                       offer=Offer(add=("A",)))), raw]))
