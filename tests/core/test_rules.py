"""The rule-pack language (shared/spec/rule-pack.md): parse, refuse, render, export."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_prompter.core.errors import ValidationError
from pos_prompter.core.rules import (
    PLACEHOLDERS,
    Offer,
    OrderCondition,
    Ref,
    Rule,
    Scanned,
    Settings,
    TimeCondition,
    pack_to_dict,
    parse_pack,
    parse_rule,
    parse_settings,
    placeholder_problems,
    render,
    rule_to_dict,
)

SPEC_YAML = (Path(__file__).parent / "spec_examples" / "rules.yaml").read_text(encoding="utf-8")


def spec_data() -> dict[str, Any]:
    return yaml.safe_load(SPEC_YAML)


def pack_problems(data: Any) -> list[str]:
    with pytest.raises(ValidationError) as info:
        parse_pack(data)
    return info.value.problems


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


# ---------------------------------------------------------------- the spec's pack


def test_spec_pack_parses_three_rules_with_settings() -> None:
    pack = parse_pack(spec_data())
    assert [r.id for r in pack.rules] == ["latte-size-up", "latte-muffin", "mug-at-checkout"]
    assert pack.settings == Settings(max_prompts_per_order=2, max_offer_ratio=Decimal("1.0"),
                                     currency="USD")


def test_spec_pack_upsell_rule() -> None:
    rule = parse_pack(spec_data()).rules[0]
    assert (rule.kind, rule.event, rule.priority, rule.active) == ("upsell", "scan", 10, True)
    assert rule.scanned == Scanned(categories=frozenset({"coffee"}))
    assert rule.offer == Offer(next_size=True)
    assert rule.say == "Would you like to make that a {size} for just {delta} more?"


def test_spec_pack_bundle_rule() -> None:
    rule = parse_pack(spec_data()).rules[1]
    assert rule.kind == "bundle"
    assert rule.order == OrderCondition(lacks=(Ref("category", "bakery"),))
    assert rule.offer == Offer(bundle_with=("MUFFIN-B",), bundle_price=200)
    assert rule.priority == 5


def test_spec_pack_threshold_rule() -> None:
    rule = parse_pack(spec_data()).rules[2]
    assert (rule.kind, rule.event, rule.scanned) == ("threshold", "checkout", None)
    assert rule.offer == Offer(order_total=1500, within=600, reward="MUG", reward_price=600)


def test_pack_without_settings_keeps_the_stores_own() -> None:
    data = spec_data()
    del data["settings"]
    assert parse_pack(data).settings is None


def test_same_pack_as_json_structure_parses_the_same() -> None:
    data = spec_data()
    assert parse_pack(json.loads(json.dumps(data))) == parse_pack(data)


def test_rule_defaults() -> None:
    rule = parse_rule({"id": "x", "kind": "cross_sell", "title": "T", "say": "S",
                       "offer": {"add": ["COOKIE"]}}, 1)
    assert rule is not None
    assert (rule.event, rule.scanned, rule.order, rule.time, rule.customer, rule.priority,
            rule.holdout, rule.max_offer_ratio, rule.active, rule.why) == (
        "scan", None, None, None, frozenset(), 0, Decimal(0), None, True, "")


def test_hours_wrapping_midnight_are_accepted() -> None:
    rule = parse_rule(base_rule(when={"time": {"hours": "22:00-02:00"}}), 1)
    assert rule is not None
    assert rule.time == TimeCondition(hours=(22 * 60, 2 * 60))


def test_days_and_dates_parse() -> None:
    rule = parse_rule(base_rule(when={"time": {"days": ["mon", "Fri"], "from": dt.date(2026, 12, 1),
                                               "to": "2026-12-24"}}), 1)
    assert rule is not None
    assert rule.time == TimeCondition(days=frozenset({0, 4}), date_from=dt.date(2026, 12, 1),
                                      date_to=dt.date(2026, 12, 24))


def test_a_single_string_is_taken_as_a_one_item_list() -> None:
    rule = parse_rule(base_rule(when={"scanned": {"sku": "LATTE-T"}}), 1)
    assert rule is not None
    assert rule.scanned == Scanned(skus=frozenset({"LATTE-T"}))


# ---------------------------------------------------------------- refusals


def base_rule(**changes: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": "cookie-with-coffee", "kind": "cross_sell", "title": "Cookie with coffee",
        "when": {"scanned": {"category": ["coffee"]}},
        "offer": {"add": ["COOKIE"]},
        "say": "An {offer} with your {item}?", "why": "Popular.", "priority": 1,
    }
    rule.update(changes)
    return rule


def pack_of(*rules: dict[str, Any]) -> dict[str, Any]:
    return {"version": 1, "rules": list(rules)}


def set_path(rule: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `rule` with the dotted `path` set (creating mappings on the way)."""
    rule = copy.deepcopy(rule)
    node = rule
    *parents, last = path.split(".")
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value
    return rule


def drop(path: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def change(rule: dict[str, Any]) -> dict[str, Any]:
        rule = copy.deepcopy(rule)
        node = rule
        *parents, last = path.split(".")
        for key in parents:
            node = node[key]
        del node[last]
        return rule
    return change


def setter(path: str, value: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda rule: set_path(rule, path, value)


UPSELL = {"kind": "upsell", "offer": {"next_size": True}}
BUNDLE = {"kind": "bundle", "offer": {"bundle": {"with": ["MUFFIN-B"], "price": "2.00"}}}
THRESHOLD = {"kind": "threshold", "when": {"event": "checkout"},
             "offer": {"threshold": {"order_total": "15.00", "within": "6.00", "reward": "MUG",
                                     "reward_price": "6.00"}}}


def kind(extra: dict[str, Any], then: Callable | None = None) -> Callable:
    def change(rule: dict[str, Any]) -> dict[str, Any]:
        rule = {**copy.deepcopy(rule), **copy.deepcopy(extra)}
        return then(rule) if then else rule
    return change


REFUSALS = [
    # (change, field, words in the message)
    pytest.param(setter("titel", "x"), "titel", "unknown field", id="typo-rule-field"),
    pytest.param(setter("when.scaned", {"sku": ["LATTE-T"]}), "when.scaned", "unknown field",
                 id="typo-in-when"),
    pytest.param(setter("when.scanned.skus", ["LATTE-T"]), "when.scanned.skus", "unknown field",
                 id="typo-in-when-scanned"),
    pytest.param(setter("when.order.total", "3.00"), "when.order.total", "unknown field",
                 id="typo-in-when-order"),
    pytest.param(setter("when.time.hour", "06:00-11:00"), "when.time.hour", "unknown field",
                 id="typo-in-when-time"),
    pytest.param(setter("offer.ad", ["MUG"]), "offer.ad", "unknown field", id="typo-in-offer"),
    pytest.param(kind(BUNDLE, setter("offer.bundle.prize", "1.00")), "offer.bundle.prize",
                 "unknown field", id="typo-in-offer-bundle"),
    pytest.param(kind(THRESHOLD, setter("offer.threshold.reward_prize", "1.00")),
                 "offer.threshold.reward_prize", "unknown field", id="typo-in-offer-threshold"),
    pytest.param(setter("kind", "upsale"), "kind", "must be one of", id="unknown-kind"),
    pytest.param(setter("offer.next_size", True), "offer.next_size",
                 "does not fit a cross_sell", id="next-size-on-cross-sell"),
    pytest.param(kind(UPSELL, setter("offer.add", ["MUG"])), "offer.add", "does not fit a upsell",
                 id="add-on-upsell"),
    pytest.param(kind(UPSELL, setter("offer.upgrade_to", "LATTE-G")), "offer", "exactly one",
                 id="upsell-with-both"),
    pytest.param(kind({"kind": "upsell", "offer": {}}), "offer", "exactly one",
                 id="upsell-with-neither"),
    pytest.param(drop("offer"), "offer", "required", id="no-offer"),
    pytest.param(setter("offer.add", []), "offer.add", "at least one",
                 id="cross-sell-adds-nothing"),
    pytest.param(setter("offer.add", ["bad sku!"]), "offer.add", "not a valid sku",
                 id="cross-sell-bad-sku"),
    pytest.param(kind(BUNDLE, setter("offer.bundle.price", 3.0)), "offer.bundle.price",
                 "quoted decimal string", id="bundle-price-float"),
    pytest.param(kind(BUNDLE, setter("offer.bundle.price", "2.005")), "offer.bundle.price",
                 "2 decimals", id="bundle-price-three-decimals"),
    pytest.param(kind(BUNDLE, drop("offer.bundle.price")), "offer.bundle.price", "required",
                 id="bundle-price-missing"),
    pytest.param(kind(BUNDLE, setter("offer.bundle.with", ["MUFFIN-B", "MUFFIN-B"])),
                 "offer.bundle.with", "twice", id="bundle-same-item-twice"),
    pytest.param(kind(THRESHOLD, setter("offer.threshold.order_total", 15.0)),
                 "offer.threshold.order_total", "quoted decimal string", id="threshold-float"),
    pytest.param(kind(THRESHOLD, setter("offer.threshold.reward_price", 6.5)),
                 "offer.threshold.reward_price", "quoted decimal string",
                 id="reward-price-float"),
    pytest.param(kind(THRESHOLD, drop("offer.threshold.reward")), "offer.threshold.reward",
                 "required", id="threshold-without-reward"),
    pytest.param(kind(THRESHOLD, setter("offer.threshold.order_total", "0")),
                 "offer.threshold.order_total", "above 0", id="threshold-at-zero"),
    pytest.param(setter("when.order.total_min", 3.0), "when.order.total_min",
                 "quoted decimal string", id="total-min-float"),
    pytest.param(setter("when.order.total_max", "-1.00"), "when.order.total_max", "negative",
                 id="total-max-negative"),
    pytest.param(lambda r: set_path(set_path(r, "when.order.total_min", "9.00"),
                                    "when.order.total_max", "5.00"),
                 "when.order", "total_min is above total_max", id="total-min-above-max"),
    pytest.param(setter("when.order.has", ["sku"]), "when.order.has", "sku:X", id="has-no-colon"),
    pytest.param(setter("when.order.lacks", ["brand:acme"]), "when.order.lacks", "sku:X",
                 id="lacks-unknown-ref-kind"),
    pytest.param(setter("when.order.has", ["category:Hot Drinks"]), "when.order.has",
                 "not a valid category", id="has-bad-slug"),
    pytest.param(setter("when.time.hours", "25:00-26:00"), "when.time.hours",
                 "not a valid time range", id="hours-past-24"),
    pytest.param(setter("when.time.hours", "06:00-06:00"), "when.time.hours", "empty",
                 id="hours-empty-window"),
    pytest.param(setter("when.time.hours", "06:00-11:60"), "when.time.hours",
                 "not a valid time range", id="hours-minute-60"),
    pytest.param(setter("when.time.hours", "6-11"), "when.time.hours", "not like",
                 id="hours-bad-format"),
    pytest.param(setter("when.time.hours", 360), "when.time.hours", "not like",
                 id="hours-not-text"),
    pytest.param(setter("when.time.days", ["mon", "funday"]), "when.time.days", "'funday'",
                 id="bad-day-name"),
    pytest.param(setter("when.time.from", "2026-13-01"), "when.time.from", "not a date",
                 id="bad-date"),
    pytest.param(lambda r: set_path(set_path(r, "when.time.from", "2026-12-24"),
                                    "when.time.to", "2026-12-01"),
                 "when.time", "from is after to", id="from-after-to"),
    pytest.param(setter("when.event", "payment"), "when.event", "scan or checkout",
                 id="bad-event"),
    pytest.param(setter("when.event", "checkout"), "when.scanned", "checkout rule",
                 id="checkout-rule-with-scanned"),
    pytest.param(kind({**UPSELL, "when": {"event": "checkout"}}), "when.event", "needs",
                 id="upsell-at-checkout"),
    pytest.param(setter("when.scanned", {}), "when.scanned", "names no sku",
                 id="scanned-names-nothing"),
    pytest.param(setter("when.customer", ["VIP Member"]), "when.customer",
                 "not a valid customer type", id="bad-customer-type"),
    pytest.param(setter("when", ["scan"]), "when", "must be a mapping", id="when-not-a-mapping"),
    pytest.param(setter("say", "Try {foo}!"), "say", "{foo} is not allowed",
                 id="unknown-placeholder"),
    pytest.param(setter("why", "Because {margin}."), "why", "{margin} is not allowed",
                 id="unknown-placeholder-in-why"),
    pytest.param(setter("say", "{item.__class__}"), "say", "not allowed", id="attribute-access"),
    pytest.param(setter("say", "{item[0]}"), "say", "not allowed", id="index-access"),
    pytest.param(setter("say", "{0} more?"), "say", "{0} is not allowed", id="positional"),
    pytest.param(setter("say", "{} more?"), "say", "not allowed", id="empty-placeholder"),
    pytest.param(setter("say", "{item!r}"), "say", "format or conversion", id="conversion"),
    pytest.param(setter("say", "{price:>10}"), "say", "format or conversion", id="format-spec"),
    pytest.param(setter("say", "A {item"), "say", "not a valid template", id="unclosed-brace"),
    pytest.param(setter("say", "  "), "say", "required", id="blank-say"),
    pytest.param(drop("title"), "title", "required", id="no-title"),
    pytest.param(setter("priority", "high"), "priority", "whole number", id="bad-priority"),
    pytest.param(setter("priority", True), "priority", "whole number", id="bool-priority"),
    pytest.param(setter("holdout", 1), "holdout", "share", id="holdout-one"),
    pytest.param(setter("holdout", -0.1), "holdout", "share", id="holdout-negative"),
    pytest.param(setter("holdout", "lots"), "holdout", "share", id="holdout-text"),
    pytest.param(setter("max_offer_ratio", 0), "max_offer_ratio", "above 0", id="ratio-zero"),
    pytest.param(setter("max_offer_ratio", "big"), "max_offer_ratio", "not a number",
                 id="ratio-text"),
    pytest.param(setter("active", "yes"), "active", "true or false", id="active-text"),
]


@pytest.mark.parametrize(("change", "field", "words"), REFUSALS)
def test_refusal_names_rule_field_and_problem(change: Callable, field: str, words: str) -> None:
    problems = pack_problems(pack_of(change(base_rule())))
    prefix = f"rule cookie-with-coffee, field {field}: "
    assert any(p.startswith(prefix) and words in p for p in problems), problems


@pytest.mark.parametrize("bad_id", ["Latte_Up", "", "x" * 65, "café", 7, None])
def test_a_bad_id_is_named_by_position(bad_id: Any) -> None:
    problems = pack_problems(pack_of(base_rule(id="ok-one"), base_rule(id=bad_id)))
    assert any(p.startswith("rule #2, field id: ") for p in problems), problems


@pytest.mark.parametrize(("field", "value"), [("id", "latte-up\n"), ("offer.add", ["COOKIE\n"])])
def test_a_trailing_newline_does_not_slip_past_the_slug_and_sku_patterns(field: str,
                                                                         value: Any) -> None:
    # `$` in a regex also matches just before a final "\n": YAML `id: "latte-up\n"` must
    # still be refused as not a slug.
    problems = pack_problems(pack_of(set_path(base_rule(), field, value)))
    assert any(f"field {field}: " in p for p in problems), problems


def test_duplicate_ids_are_refused_with_both_positions() -> None:
    problems = pack_problems(pack_of(base_rule(), base_rule(title="Again")))
    assert "rule cookie-with-coffee, field id: is used twice (rules #1 and #2)" in problems


def test_every_problem_of_every_rule_is_reported_at_once() -> None:
    problems = pack_problems(pack_of(
        base_rule(id="one", priority="high"),
        base_rule(id="two"),
        base_rule(id="three", say="{foo}", kind="upsale"),
    ))
    assert {p.split(":")[0] for p in problems} == {
        "rule one, field priority", "rule three, field say", "rule three, field kind"}


def test_a_float_written_unquoted_in_yaml_is_refused() -> None:
    text = SPEC_YAML.replace('price: "2.00"', "price: 2.00")
    assert 'price: 2.00}' in text
    problems = pack_problems(yaml.safe_load(text))
    assert any(p.startswith("rule latte-muffin, field offer.bundle.price: ") for p in problems)


def test_an_int_amount_is_whole_units_not_cents() -> None:
    rule = parse_rule(base_rule(kind="bundle",
                                offer={"bundle": {"with": ["MUFFIN-B"], "price": 2}}), 1)
    assert rule is not None
    assert rule.offer.bundle_price == 200


@pytest.mark.parametrize("version", [2, 0, "1", None, True, 1.5])
def test_only_format_version_1_is_read(version: Any) -> None:
    data = spec_data()
    data["version"] = version
    problems = pack_problems(data)
    assert any(p.startswith("pack, field version: ") for p in problems), problems


def test_a_missing_version_is_refused() -> None:
    data = spec_data()
    del data["version"]
    assert any(p.startswith("pack, field version: ") for p in pack_problems(data))


def test_unknown_top_level_field_is_refused() -> None:
    data = spec_data()
    data["rulez"] = []
    assert any(p.startswith("pack, field rulez: ") for p in pack_problems(data))


@pytest.mark.parametrize("data", [[], "version: 1", None])
def test_a_pack_that_is_not_a_mapping_is_refused(data: Any) -> None:
    with pytest.raises(ValidationError):
        parse_pack(data)


def test_rules_must_be_a_list() -> None:
    assert any(p.startswith("pack, field rules: ")
               for p in pack_problems({"version": 1, "rules": {"id": "x"}}))


def test_an_empty_pack_is_fine() -> None:
    assert parse_pack({"version": 1, "rules": []}).rules == ()


def test_refused_pack_message_says_nothing_changed() -> None:
    with pytest.raises(ValidationError, match="nothing was changed"):
        parse_pack(pack_of(base_rule(kind="upsale")))


def test_parse_rule_alone_raises_with_the_problems() -> None:
    with pytest.raises(ValidationError) as info:
        parse_rule(base_rule(say="{foo}"), 3)
    assert info.value.problems[0].startswith("rule cookie-with-coffee, field say: ")


# ---------------------------------------------------------------- settings


def test_settings_defaults() -> None:
    assert parse_settings({}) == Settings(max_prompts_per_order=2,
                                          max_offer_ratio=Decimal("1.0"), currency="USD")
    assert parse_settings(None) == Settings()


def test_settings_values() -> None:
    got = parse_settings({"max_prompts_per_order": 0, "max_offer_ratio": 1.5, "currency": "CHF"})
    assert got == Settings(max_prompts_per_order=0, max_offer_ratio=Decimal("1.5"),
                           currency="CHF")


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"max_prompts_per_order": -1}, "max_prompts_per_order"),
        ({"max_prompts_per_order": "2"}, "max_prompts_per_order"),
        ({"max_prompts_per_order": True}, "max_prompts_per_order"),
        ({"max_prompts_per_order": 2.5}, "max_prompts_per_order"),
        ({"max_offer_ratio": 0}, "max_offer_ratio"),
        ({"max_offer_ratio": -1}, "max_offer_ratio"),
        ({"max_offer_ratio": "lots"}, "max_offer_ratio"),
        ({"currency": "usd"}, "currency"),
        ({"currency": "US"}, "currency"),
        ({"tax": "8%"}, "settings.tax"),
    ],
)
def test_bad_settings_are_refused(raw: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_settings(raw)
    assert any(p.startswith(f"settings, field {field}: ") for p in info.value.problems)


def test_bad_settings_in_a_pack_refuse_the_pack() -> None:
    data = spec_data()
    data["settings"]["max_prompts_per_order"] = -1
    assert any(p.startswith("settings, field max_prompts_per_order: ")
               for p in pack_problems(data))


# ---------------------------------------------------------------- placeholders and render


def test_every_documented_placeholder_is_allowed() -> None:
    text = " ".join("{" + name + "}" for name in PLACEHOLDERS)
    assert placeholder_problems(text) == []
    assert set(PLACEHOLDERS) == {"item", "offer", "price", "delta", "size", "qty_diff", "unit",
                                 "per_unit_saving", "saving", "gap", "attach_rate"}


def test_doubled_braces_are_literal_braces() -> None:
    assert placeholder_problems("{{not a placeholder}} {item}") == []
    assert render("{{item}} is {item}", {"item": "Latte"}) == "{item} is Latte"


def test_render_fills_values() -> None:
    assert render("A {size} for {delta} more?", {"size": "Grande", "delta": "$0.50"}) == \
        "A Grande for $0.50 more?"


def test_render_puts_values_in_literally_never_formatting_them_again() -> None:
    values = {"item": "{offer}", "offer": "Mug {item.__class__} {0} {{x}}"}
    assert render("{item} + {offer}", values) == "{offer} + Mug {item.__class__} {0} {{x}}"


def test_render_never_evaluates_attribute_access() -> None:
    # Even a template that skipped validation is only looked up by its whole name.
    assert render("[{item.__class__}][{item[0]}]", {"item": "Latte"}) == "[][]"


def test_render_placeholder_without_value_is_empty() -> None:
    assert render("You save {saving}.", {}) == "You save ."


# ---------------------------------------------------------------- export round trip


def round_trip_yaml(rules: tuple[Rule, ...], settings_: Settings | None) -> tuple[str, str]:
    first = dump(pack_to_dict(rules, settings_))
    again = parse_pack(yaml.safe_load(first))
    second = dump(pack_to_dict(again.rules, again.settings))
    return first, second


def test_spec_pack_export_import_export_is_byte_identical() -> None:
    pack = parse_pack(spec_data())
    first, second = round_trip_yaml(pack.rules, pack.settings)
    assert first == second


def test_spec_pack_export_imports_back_to_the_same_rules() -> None:
    pack = parse_pack(spec_data())
    again = parse_pack(yaml.safe_load(dump(pack_to_dict(pack.rules, pack.settings))))
    assert sorted(again.rules, key=lambda r: r.id) == sorted(pack.rules, key=lambda r: r.id)
    assert again.settings == pack.settings


FULL_PACK = """
version: 1
settings:
  max_prompts_per_order: 3
  max_offer_ratio: 1.5
  currency: EUR
rules:
  - id: a-everything
    kind: upsell
    title: "  Size up, with every condition  "
    when:
      event: scan
      scanned:
        sku: [LATTE-T, LATTE-G]
        category: [coffee]
        tag: [hot-drink, vegan]
      order:
        total_min: "3.00"
        total_max: "50"
        has: [sku:MUFFIN-B, category:bakery, tag:vegan]
        lacks: [category:pastry, sku:MUG]
      time:
        hours: "06:00-11:30"
        days: [mon, tue, wed, thu, fri]
        from: 2026-12-01
        to: 2026-12-24
      customer: [staff, member]
    offer: {upgrade_to: LATTE-G}
    say: "{item} {offer} {price} {delta} {size} {qty_diff} {unit} {per_unit_saving} {attach_rate}"
    why: "A {size} is {qty_diff} {unit} more for {delta}: {per_unit_saving} cheaper. {{literal}}"
    priority: -3
    holdout: 0.1
    max_offer_ratio: 2.5
    active: false
  - id: b-next-size
    kind: upsell
    title: Next size
    when: {scanned: {category: [coffee]}, time: {hours: "22:00-02:00"}}
    offer: {next_size: true}
    say: "A {size}?"
    priority: 10
  - id: c-cross
    kind: cross_sell
    title: Cookie or muffin
    when: {scanned: {tag: [hot-drink]}, order: {}, time: {}}
    offer: {add: [COOKIE, MUFFIN-B]}
    say: "An {offer}? {attach_rate} of guests take one."
    holdout: 0.25
    max_offer_ratio: 3
  - id: d-bundle
    kind: bundle
    title: "Café bundle: muffin + cookie"
    when: {scanned: {sku: [LATTE-V]}, customer: [member]}
    offer: {bundle: {with: [MUFFIN-B, COOKIE], price: "3.50"}}
    say: "{offer} for {price}, save {saving}?"
    why: "Ünïcode and 'quotes' and \\"doubles\\" and: colons # and hashes"
    priority: 5
  - id: e-threshold
    kind: threshold
    title: Mug
    when: {event: checkout, order: {has: ["tag:hot-drink"]}}
    offer: {threshold: {order_total: "15.00", within: "6.00", reward: MUG, reward_price: "0"}}
    say: "Only {gap} to go."
  - id: f-threshold-no-within
    kind: threshold
    title: Tote at any distance
    when: {event: checkout, time: {hours: "00:00-24:00", days: [sat, sun]}}
    offer: {threshold: {order_total: "25.00", reward: MUG, reward_price: "1.99"}}
    say: "{gap} more and the mug is {price}."
    priority: 1
"""


def test_full_pack_parses() -> None:
    pack = parse_pack(yaml.safe_load(FULL_PACK))
    first = pack.rules[0]
    assert first.title == "Size up, with every condition"
    assert first.order == OrderCondition(
        total_min=300, total_max=5000,
        has=(Ref("sku", "MUFFIN-B"), Ref("category", "bakery"), Ref("tag", "vegan")),
        lacks=(Ref("category", "pastry"), Ref("sku", "MUG")))
    assert first.time == TimeCondition(hours=(360, 690), days=frozenset(range(5)),
                                       date_from=dt.date(2026, 12, 1),
                                       date_to=dt.date(2026, 12, 24))
    assert (first.customer, first.priority, first.holdout, first.max_offer_ratio,
            first.active) == (frozenset({"member", "staff"}), -3, Decimal("0.1"),
                              Decimal("2.5"), False)


def test_full_pack_export_import_export_is_byte_identical() -> None:
    pack = parse_pack(yaml.safe_load(FULL_PACK))
    first, second = round_trip_yaml(pack.rules, pack.settings)
    assert first == second


def test_full_pack_export_imports_back_to_equal_rules() -> None:
    pack = parse_pack(yaml.safe_load(FULL_PACK))
    again = parse_pack(yaml.safe_load(dump(pack_to_dict(pack.rules, pack.settings))))
    assert {r.id: r for r in again.rules} == {r.id: r for r in pack.rules}
    assert again.settings == pack.settings


def test_export_leaves_defaults_out_and_keeps_money_as_strings() -> None:
    pack = parse_pack(yaml.safe_load(FULL_PACK))
    exported = {r.id: rule_to_dict(r) for r in pack.rules}
    assert "active" not in exported["b-next-size"]
    assert "event" not in exported["b-next-size"]["when"]
    assert exported["a-everything"]["active"] is False
    assert exported["e-threshold"]["offer"] == {"threshold": {
        "order_total": "15.00", "within": "6.00", "reward": "MUG", "reward_price": "0.00"}}
    assert "within" not in exported["f-threshold-no-within"]["offer"]["threshold"]


def test_pack_export_lists_rules_by_id() -> None:
    pack = parse_pack(yaml.safe_load(FULL_PACK))
    exported = pack_to_dict(tuple(reversed(pack.rules)), None)
    assert [r["id"] for r in exported["rules"]] == sorted(r.id for r in pack.rules)
    assert "settings" not in exported


# A broader net: random rules of every kind survive export -> YAML -> import -> export.

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"),
                                       exclude_characters="{}"), max_size=30)
placeholders = st.sampled_from(sorted(PLACEHOLDERS)).map(lambda n: "{" + n + "}")
templates = st.lists(texts | placeholders, min_size=1, max_size=5).map("".join).filter(
    lambda s: s.strip())
skus = st.sampled_from(["LATTE-T", "LATTE-G", "COOKIE", "MUFFIN-B", "MUG", "0123", "yes"])
slugs = st.sampled_from(["coffee", "bakery", "no", "on", "hot-drink", "1"])
money = st.integers(0, 10**6).map(lambda c: f"{c // 100}.{c % 100:02d}")


@st.composite
def raw_rules(draw: st.DrawFn, rid: str) -> dict[str, Any]:
    kind_ = draw(st.sampled_from(["upsell", "cross_sell", "bundle", "threshold"]))
    event = "scan" if kind_ == "upsell" else draw(st.sampled_from(["scan", "checkout"]))
    when: dict[str, Any] = {"event": event}
    if event == "scan" and draw(st.booleans()):
        when["scanned"] = {"sku": draw(st.lists(skus, min_size=1, max_size=2)),
                           "category": draw(st.lists(slugs, max_size=2))}
    if draw(st.booleans()):
        when["order"] = {"total_min": draw(money),
                         "has": draw(st.lists(skus.map(lambda s: "sku:" + s), max_size=2)),
                         "lacks": draw(st.lists(slugs.map(lambda s: "tag:" + s), max_size=2))}
    if draw(st.booleans()):
        start, end = draw(st.lists(st.integers(0, 24 * 60 - 1), min_size=2, max_size=2,
                                   unique=True))
        when["time"] = {"hours": f"{start // 60:02d}:{start % 60:02d}-"
                                 f"{end // 60:02d}:{end % 60:02d}",
                        "days": draw(st.lists(st.sampled_from(
                            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), max_size=3))}
    if draw(st.booleans()):
        when["customer"] = draw(st.lists(slugs, min_size=1, max_size=2))
    if kind_ == "upsell":
        offer: dict[str, Any] = draw(st.sampled_from([{"next_size": True},
                                                      {"upgrade_to": "LATTE-G"}]))
    elif kind_ == "cross_sell":
        offer = {"add": draw(st.lists(skus, min_size=1, max_size=3))}
    elif kind_ == "bundle":
        offer = {"bundle": {"with": draw(st.lists(skus, min_size=1, max_size=3, unique=True)),
                            "price": draw(money)}}
    else:
        offer = {"threshold": {"order_total": str(draw(st.integers(1, 10**5))),
                               "reward": draw(skus), "reward_price": draw(money)}}
        if draw(st.booleans()):
            offer["threshold"]["within"] = draw(money)
    rule: dict[str, Any] = {"id": rid, "kind": kind_, "title": draw(templates), "when": when,
                            "offer": offer, "say": draw(templates),
                            "priority": draw(st.integers(-5, 5))}
    if draw(st.booleans()):
        rule["why"] = draw(templates)
    if draw(st.booleans()):
        rule["holdout"] = draw(st.sampled_from([0, 0.05, 0.1, 0.333, 0.5]))
    if draw(st.booleans()):
        rule["max_offer_ratio"] = draw(st.sampled_from([0.5, 1, 1.25, 2, 3.75]))
    if draw(st.booleans()):
        rule["active"] = draw(st.booleans())
    return rule


@st.composite
def raw_packs(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(st.from_regex(r"\A[a-z0-9-]{1,12}\Z"), min_size=1, max_size=4,
                        unique=True))
    return {"version": 1, "rules": [draw(raw_rules(rid)) for rid in ids]}


@settings(max_examples=80, deadline=None)
@given(raw_packs())
def test_any_valid_pack_round_trips_byte_identically(data: dict[str, Any]) -> None:
    pack = parse_pack(data)
    first, second = round_trip_yaml(pack.rules, pack.settings)
    assert first == second
    again = parse_pack(yaml.safe_load(first))
    assert {r.id: r for r in again.rules} == {r.id: r for r in pack.rules}
