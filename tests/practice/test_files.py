"""Reading a scenario file a trainer wrote (practice.files): all or nothing, YAML that
cannot be read as one sentence with its line and column, anything else wrong refusing the
whole file with every problem named by customer and field, checked against the store's
catalog and rules. The command line on top: tests/cli/test_cli_practice.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_prompter.core.catalog import Catalog, Product, Sku
from pos_prompter.core.errors import InputError, ValidationError
from pos_prompter.practice.files import read_scenario_file, read_scenario_text

SCENARIO = """\
version: 1
id: first-morning
title: Your first morning
level: 1
pass_score: 80
time: 2026-11-23T08:10
customers:
  - name: Sam
    says: "A tall latte, please."
    items: [LATTE-T]
    answers:
      coffee-size-up: accept
  - name: Leo
    says: "An americano."
    items: ["2100000000074"]
"""
CATALOG = Catalog([Product(Sku("LATTE-T"), "Latte Tall", 425),
                   Product(Sku("AMERICANO-T"), "Americano Tall", 300, ("2100000000074",)),
                   Product(Sku("OLD"), "Old Scone", 300, active=False)])
RULES = {"coffee-size-up"}


def refused(text: str, **against: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        read_scenario_text(text, "first.yaml", **against)  # type: ignore[arg-type]
    return info.value


def test_a_good_scenario_reads_whole_and_checks_against_the_store(tmp_path: Path) -> None:
    path = tmp_path / "first.yaml"
    path.write_text("\ufeff" + SCENARIO, encoding="utf-8")  # as a Windows editor saves it
    scenario = read_scenario_file(path, CATALOG, RULES)
    assert scenario.id == "first-morning"
    assert [c.name for c in scenario.customers] == ["Sam", "Leo"]
    assert scenario.customers[1].items == ("2100000000074",)
    assert read_scenario_text("\ufeff" + SCENARIO, "pasted.yaml") == scenario


def test_yaml_that_cannot_be_read_says_where(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_scenario_text("id: x\ncustomers: [\n  - name: Sam\n", "broken.yaml")
    message = str(info.value)
    assert message.startswith("broken.yaml is not valid YAML at line ")
    assert ", column " in message


def test_a_field_given_twice_is_named_by_its_customer_and_lines() -> None:
    twice = SCENARIO.replace('    says: "An americano."\n',
                             '    says: "An americano."\n    says: "Two, please."\n')
    error = refused(twice)
    assert error.problems == ["customer 2, field says: given twice (lines 14 and 15)"]
    assert str(error).startswith("scenario first.yaml refused, nothing was changed: ")


def test_what_the_store_does_not_have_refuses_the_whole_file() -> None:
    text = (SCENARIO.replace("items: [LATTE-T]", "items: [LATTE-T, MOCHA, OLD]")
            .replace("coffee-size-up: accept", "coffee-size-up: accept\n      gone: decline"))
    error = refused(text, catalog=CATALOG, rule_ids=RULES)
    assert error.problems == [
        "customer 1 (Sam), field items[2]: 'MOCHA' is no product of this store (neither a "
        "barcode nor a SKU)",
        "customer 1 (Sam), field items[3]: OLD is not for sale",
        "customer 1 (Sam), field answers.gone: this store has no rule by that id"]
    assert read_scenario_text(text, "first.yaml").id == "first-morning", \
        "without a store, only the file itself is checked"


def test_a_scenario_with_problems_of_its_own_names_the_file() -> None:
    error = refused(SCENARIO.replace("pass_score: 80", "pass_score: 180"))
    assert error.what == "scenario first.yaml"
    assert any("pass_score" in p for p in error.problems)
