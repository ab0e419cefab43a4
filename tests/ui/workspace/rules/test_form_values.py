"""The rule form's values without a window: pack form to field values and back, and each
problem routed to the field that shows it. No Qt here (a test holds that), the demo rules
read from real store files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pos_prompter.bootstrap import init_store
from pos_prompter.core.rules import Rule, parse_rule, rule_to_dict
from pos_prompter.resources import DEMOS
from pos_prompter.ui.workspace.rules.form_values import (
    NEW_RULE,
    check_form,
    customer_types,
    dict_from_values,
    error_target,
    values_from_dict,
)

COOKIE: dict[str, Any] = {
    "id": "latte-cookie", "kind": "cross_sell", "title": "Cookie with a latte",
    "when": {"scanned": {"sku": ["LATTE-T"]}}, "offer": {"add": ["COOKIE-OAT"]},
    "say": "A cookie with that?", "priority": 20}


def with_values(**changes: Any) -> dict[str, Any]:
    """COOKIE built from its field values, with `changes` to them."""
    values = values_from_dict(COOKIE)
    values.update(changes)
    return dict_from_values(values)


def demo_rules(path: Path, demo: str) -> list[Rule]:
    with init_store(path, demo=demo) as store:
        return store.rules.load()


def test_the_module_imports_no_qt() -> None:
    code = ("import sys, pos_prompter.ui.workspace.rules.form_values\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'sqlite3', 'sqlite_utils')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("demo", DEMOS)
def test_every_demo_rule_goes_to_values_and_back_unchanged(tmp_path: Path, demo: str) -> None:
    rules = demo_rules(tmp_path / "s.db", demo)
    assert rules
    for rule in rules:
        raw = rule_to_dict(rule)
        assert dict_from_values(values_from_dict(raw)) == raw, rule.id
        assert check_form(raw, rules, published=True).rule == rule, rule.id


def test_a_new_rule_starts_from_new_rule() -> None:
    values = values_from_dict(NEW_RULE)
    assert values["kind"] == "cross_sell"
    assert values["event"] == "scan"
    assert values["hours"] is None
    assert values["active"] is True
    assert dict_from_values(values) == NEW_RULE


def test_money_stays_decimal_text_and_ratios_are_numbers() -> None:
    raw = with_values(kind="bundle", bundle_with=["CROISSANT"], bundle_price=" 2.50 ",
                      total_min="3", holdout="0.10", max_offer_ratio="2")
    assert raw["offer"] == {"bundle": {"with": ["CROISSANT"], "price": "2.50"}}
    assert raw["when"]["order"] == {"total_min": "3"}
    assert raw["holdout"] == 0.1
    assert raw["max_offer_ratio"] == 2
    assert isinstance(raw["max_offer_ratio"], int)
    assert "holdout" not in with_values(holdout="0"), "the default is left out"
    assert with_values(holdout="a tenth")["holdout"] == "a tenth", "parse_rule says why"


def test_only_the_chosen_kinds_offer_is_written() -> None:
    values = values_from_dict(COOKIE)
    values.update(bundle_with=["CROISSANT"], reward="MUG", upgrade_to="LATTE-G")
    assert dict_from_values(values)["offer"] == {"add": ["COOKIE-OAT"]}
    values["kind"] = "upsell"
    assert dict_from_values(values)["offer"] == {"next_size": True}
    values["upsell_mode"] = "upgrade_to"
    assert dict_from_values(values)["offer"] == {"upgrade_to": "LATTE-G"}


@pytest.mark.parametrize(("text", "span"), [("22:00-02:00", (1320, 120)),
                                            ("06:00-24:00", (360, 1440))])
def test_hours_are_minutes_in_the_form_and_text_in_the_pack(text: str,
                                                            span: tuple[int, int]) -> None:
    raw = dict(COOKIE, when={"time": {"hours": text, "days": ["sun", "mon"]}})
    values = values_from_dict(raw)
    assert values["hours"] == span
    assert values["days"] == ("mon", "sun"), "in the week's order"
    assert dict_from_values(values)["when"]["time"] == {"hours": text, "days": ["mon", "sun"]}
    assert values_from_dict(dict(COOKIE, when={"time": {"hours": "6-11"}}))["hours"] is None


def test_a_valid_form_is_its_rule_with_no_problems() -> None:
    checked = check_form(COOKIE, [], published=False)
    assert checked.problems == {}
    assert checked.rule == parse_rule(COOKIE, 1)


@pytest.mark.parametrize(("changes", "where", "says"), [
    ({"id": "Latte Cookie"}, "id", "'Latte Cookie' cannot be a rule code"),
    ({"title": ""}, "title", "is required"),
    ({"say": "A {colour} cookie?"}, "say", "placeholder {colour} is not allowed"),
    ({"add": []}, "add", "needs at least one product to offer"),
    ({"kind": "bundle", "bundle_with": ["CROISSANT"], "bundle_price": "2.005"},
     "bundle_price", "at most 2 decimals"),
    ({"event": "checkout"}, "scanned", "at checkout nothing is being scanned"),
    ({"hours": (600, 600)}, "hours", "empty time window"),
    ({"holdout": "1.5"}, "holdout", "share from 0"),
    ({"total_min": "3.5.0"}, "total_min", "'3.5.0' is not an amount"),
])
def test_each_problem_goes_beside_its_field_in_a_managers_words(
        changes: dict[str, Any], where: str, says: str) -> None:
    checked = check_form(with_values(**changes), [], published=False)
    assert checked.rule is None
    assert list(checked.problems) == [where]
    assert says in checked.problems[where][0]
    assert "field" not in checked.problems[where][0], "no pack paths for managers"


def test_what_names_no_field_goes_under_the_form() -> None:
    checked = check_form(dict(COOKIE, colour="red"), [], published=False)
    assert list(checked.problems) == [""]
    assert "unknown field" in checked.problems[""][0]


def test_a_new_rule_may_not_take_a_stored_rules_id(tmp_path: Path) -> None:
    rules = demo_rules(tmp_path / "s.db", "cafe")
    taken = dict(COOKIE, id="coffee-pastry")
    checked = check_form(taken, rules, published=False)
    assert checked.rule is None
    assert checked.problems == {
        "id": ["'coffee-pastry' is already the id of another rule in this store"]}
    assert check_form(taken, rules, published=True).problems == {}, "its own id"


@pytest.mark.parametrize(("path", "target"), [
    ("offer.bundle.price", "bundle_price"), ("offer.bundle", "offer"),
    ("when.time.hours", "hours"), ("when.time", "time"), ("when.scanned.sku.0", "scanned_sku"),
    ("colour", None), ("", None)])
def test_a_path_goes_to_its_nearest_field_with_a_label(path: str, target: str | None) -> None:
    assert error_target(path) == target


def test_the_customer_picker_offers_the_rules_types_and_the_suggested_ones() -> None:
    rules = [parse_rule(dict(COOKIE, when={"customer": ["student"]}), 1)]
    assert customer_types(rules) == {"student", "member", "staff"}
    assert customer_types([]) == {"member", "staff"}
