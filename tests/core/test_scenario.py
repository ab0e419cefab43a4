"""shared/spec/practice.md "Scenario files": the spec's example is read as written; anything
else wrong refuses the whole file, every problem named by customer position, name and
field; `scenario_to_dict` writes back what `parse_scenario` reads; `catalog_problems` names
what the store does not have (the cafe demo's catalog and rules)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from pos_prompter.bootstrap import load_yaml, parse_pack_text
from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.scenario import (
    Customer,
    Scenario,
    catalog_problems,
    parse_scenario,
    scenario_to_dict,
)

CAFE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "cafe"

# practice.md "Scenario files", verbatim.
SPEC_SCENARIO = """\
version: 1                    # anything else is refused
id: cafe-first-morning        # slug [a-z0-9-]{1,64}
title: Your first morning
level: 1                      # 1 easy, 2 medium, 3 hard
pass_score: 80                # percent needed to pass (default 80)
time: 2026-11-23T08:10        # the till's clock when the first customer steps up
customers:                    # served in this order, one order each
  - name: Sam
    type: member              # optional customer type set on the order
    time: 2026-11-23T08:15    # optional: the till's clock when this customer steps up
    says: "A tall latte, please."      # shown in a speech bubble
    items: [LATTE-T]          # what the trainee must ring up: SKUs or barcodes, repeats allowed
    answers:                  # how this customer answers an offer, by rule id
      coffee-size-up: accept
      breakfast-croissant: why-then-accept
    default: decline          # any offer not listed (default: decline)
"""

SAM = Customer(name="Sam", type="member", time=dt.datetime(2026, 11, 23, 8, 15),
               says="A tall latte, please.", items=("LATTE-T",),
               answers={"coffee-size-up": "accept", "breakfast-croissant": "why-then-accept"},
               default="decline")


def good(**changes: Any) -> dict[str, Any]:
    """A valid scenario of two customers, with top-level fields changed."""
    data: dict[str, Any] = {
        "version": 1, "id": "cafe-two", "title": "Two customers", "level": 2,
        "time": "2026-11-23T08:10",
        "customers": [
            {"name": "Sam", "items": ["LATTE-T"], "answers": {"coffee-size-up": "accept"}},
            {"name": "Ana", "items": ["CAPP-G", "CROISSANT"]},
        ],
    }
    data.update(changes)
    return data


def with_customer(position: int, **fields: Any) -> dict[str, Any]:
    """good(), with fields of customer `position` (1-based) changed."""
    data = good()
    data["customers"][position - 1] = {**data["customers"][position - 1], **fields}
    return data


def problems(data: Any) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        parse_scenario(data)
    assert refused.value.problems
    return refused.value.problems


def cafe() -> tuple[Catalog, set[str]]:
    catalog = Catalog(parse_catalog_csv((CAFE / "catalog.csv").read_text(encoding="utf-8")))
    pack = parse_pack_text((CAFE / "rules.yaml").read_text(encoding="utf-8"), "rules.yaml")
    return catalog, {rule.id for rule in pack.rules}


# ------------------------------------------------------------------------ the spec's example


@pytest.mark.parametrize("load", [yaml.safe_load, load_yaml], ids=["safe_load", "load_yaml"])
def test_the_specs_example_file_is_read_as_written(load: Any) -> None:
    """The example of "Scenario files", verbatim (comments, unquoted times without
    seconds, which YAML leaves as text), read by PyYAML and by the app's own reader."""
    scenario = parse_scenario(load(SPEC_SCENARIO))
    assert scenario == Scenario(id="cafe-first-morning", title="Your first morning", level=1,
                                time=dt.datetime(2026, 11, 23, 8, 10), customers=(SAM,),
                                pass_score=80)
    assert scenario.level_name == "easy"


def test_the_specs_example_answers_by_rule_id_and_default() -> None:
    """"answers: how this customer answers an offer, by rule id" and "default: any offer
    not listed (default: decline)"."""
    sam = parse_scenario(yaml.safe_load(SPEC_SCENARIO)).customers[0]
    assert sam.answer_to("coffee-size-up") == "accept"
    assert sam.answer_to("breakfast-croissant") == "why-then-accept"
    assert sam.answer_to("mug-deal") == "decline"
    text = SPEC_SCENARIO.replace("    default: decline", "    default: why-then-accept")
    sam = parse_scenario(yaml.safe_load(text)).customers[0]
    assert sam.answer_to("mug-deal") == "why-then-accept"


def test_optional_fields_take_their_defaults() -> None:
    """"pass_score: percent needed to pass (default 80)", "default: decline", and a
    customer's optional type, time and says left out."""
    scenario = parse_scenario(good())
    assert scenario.pass_score == 80
    ana = scenario.customers[1]
    assert ana == Customer(name="Ana", items=("CAPP-G", "CROISSANT"))
    assert (ana.type, ana.time, ana.says, ana.default) == (None, None, "", "decline")
    assert ana.answer_to("coffee-size-up") == "decline"


def test_items_take_repeats_and_barcodes_written_without_quotes() -> None:
    """"items: what the trainee must ring up: SKUs or barcodes, repeats allowed": YAML
    reads an unquoted barcode as a number; it is still that barcode."""
    text = SPEC_SCENARIO.replace("items: [LATTE-T]",
                                 "items: [LATTE-T, LATTE-T, 2100000000197]")
    sam = parse_scenario(yaml.safe_load(text)).customers[0]
    assert sam.items == ("LATTE-T", "LATTE-T", "2100000000197")


@pytest.mark.parametrize(("level", "name"), [(1, "easy"), (2, "medium"), (3, "hard")])
def test_levels(level: int, name: str) -> None:
    """"level: 1 easy, 2 medium, 3 hard"."""
    assert parse_scenario(good(level=level)).level_name == name


@pytest.mark.parametrize("slug", ["a", "cafe-first-morning", "0-9", "a" * 64])
def test_slugs_of_up_to_64_characters_are_ids(slug: str) -> None:
    """"id: slug [a-z0-9-]{1,64}"."""
    assert parse_scenario(good(id=slug)).id == slug


@pytest.mark.parametrize("score", [0, 1, 99, 100])
def test_pass_scores_from_0_to_100(score: int) -> None:
    """"pass_score: percent needed to pass"."""
    assert parse_scenario(good(pass_score=score)).pass_score == score


# ---------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("version", [2, 0, "1", 1.0, True, None])
def test_a_version_other_than_1_is_refused(version: Any) -> None:
    """"version: 1   # anything else is refused": 2, the text "1", the float 1.0, true
    (which Python counts as 1), and none at all."""
    found = problems(good(version=version))
    assert len(found) == 1
    assert "field version" in found[0]
    assert repr(version) in found[0]


@pytest.mark.parametrize("slug", ["", "Cafe", "cafe morning", "café", "cafe_1", "a" * 65,
                                  12, None])
def test_an_id_that_is_not_a_slug_is_refused(slug: Any) -> None:
    """"id: slug [a-z0-9-]{1,64}"."""
    found = problems(good(id=slug))
    assert len(found) == 1
    assert "field id" in found[0]


@pytest.mark.parametrize("level", [0, 4, -1, "2", 2.0, True, None])
def test_a_level_outside_1_to_3_is_refused(level: Any) -> None:
    """"level: 1 easy, 2 medium, 3 hard" and nothing else (nor missing)."""
    found = problems(good(level=level))
    assert len(found) == 1
    assert found[0].startswith("scenario cafe-two, field level:")


@pytest.mark.parametrize("score", [-1, 101, 1000, "80", 80.5, True])
def test_a_pass_score_outside_0_to_100_is_refused(score: Any) -> None:
    """"pass_score: percent needed to pass": a whole number from 0 to 100."""
    found = problems(good(pass_score=score))
    assert len(found) == 1
    assert found[0].startswith("scenario cafe-two, field pass_score:")


BAD_TIMES = ["tomorrow", "08:10", "2026-11-23T25:00", "2026-02-30T08:10",
             "2026-11-23T08:10+01:00", 5, True, dt.date(2026, 11, 23)]


@pytest.mark.parametrize("when", BAD_TIMES)
def test_a_bad_scenario_time_is_refused(when: Any) -> None:
    """"time: 2026-11-23T08:10   # the till's clock when the first customer steps up": not a
    date and time (or one with a time zone: the till's clock is local) is refused."""
    found = problems(good(time=when))
    assert len(found) == 1
    assert found[0].startswith("scenario cafe-two, field time:")


def test_a_missing_scenario_time_is_refused() -> None:
    """The scenario's `time` is not marked optional (a customer's is)."""
    data = good()
    del data["time"]
    found = problems(data)
    assert len(found) == 1
    assert found[0].startswith("scenario cafe-two, field time:")


@pytest.mark.parametrize("when", BAD_TIMES)
def test_a_bad_customer_time_is_refused_naming_the_customer(when: Any) -> None:
    """"time: 2026-11-23T08:15   # optional: the till's clock when this customer steps up"."""
    found = problems(with_customer(2, time=when))
    assert len(found) == 1
    assert found[0].startswith("customer 2 (Ana), field time:")


def test_times_with_seconds_are_read_as_yaml_gives_them() -> None:
    """Unquoted with seconds, YAML itself gives a date and time; it is the same moment."""
    scenario = parse_scenario(yaml.safe_load(SPEC_SCENARIO.replace(
        "time: 2026-11-23T08:10 ", "time: 2026-11-23T08:10:30")))
    assert scenario.time == dt.datetime(2026, 11, 23, 8, 10, 30)


def test_an_unknown_top_level_field_is_refused() -> None:
    """"Import is all or nothing, with the same kind of errors as rule packs": a field the
    format does not have (a typo) is named, not ignored."""
    found = problems(good(pass_scor=90))
    assert len(found) == 1
    assert found[0].startswith("scenario")
    assert "field pass_scor: unknown field" in found[0]


def test_an_unknown_customer_field_is_refused_naming_the_customer() -> None:
    """A typo in a customer ("answer" for "answers") names the customer and the field."""
    found = problems(with_customer(1, answer={"coffee-size-up": "accept"}))
    assert found == ["customer 1 (Sam), field answer: unknown field (known: name, type, "
                     "time, says, items, answers, default)"]


@pytest.mark.parametrize("items", [[], None, "", [""], [None], [["LATTE-T"]]])
def test_empty_or_bad_items_are_refused(items: Any) -> None:
    """"items: what the trainee must ring up": at least one SKU or barcode."""
    fields = {"items": items} if items is not None else {}
    data = with_customer(2, **fields)
    if items is None:
        del data["customers"][1]["items"]
    found = problems(data)
    assert len(found) == 1
    assert found[0].startswith("customer 2 (Ana), field items")


@pytest.mark.parametrize("word", ["yes", "no", "why", "Accept", "why-then-maybe", "", None,
                                  True])
def test_a_bad_answer_word_is_refused(word: Any) -> None:
    """"Answers: `accept`, `decline`, `why-then-accept`, `why-then-decline`."."""
    found = problems(with_customer(1, answers={"coffee-size-up": word}))
    assert len(found) == 1
    assert found[0].startswith("customer 1 (Sam), field answers.coffee-size-up:")
    found = problems(with_customer(1, default=word))
    assert len(found) == 1
    assert found[0].startswith("customer 1 (Sam), field default:")


@pytest.mark.parametrize("raw", ["Sam", ["Sam", ["LATTE-T"]], 7, None])
def test_a_customer_that_is_not_a_mapping_is_refused(raw: Any) -> None:
    """"customers: served in this order": each a mapping of the customer's fields; the
    problem names the position."""
    data = good()
    data["customers"][1] = raw
    found = problems(data)
    assert len(found) == 1
    assert found[0].startswith("customer 2, ")


@pytest.mark.parametrize("customers", [[], None, "Sam", {"name": "Sam"}])
def test_a_scenario_without_a_list_of_customers_is_refused(customers: Any) -> None:
    """"customers: served in this order, one order each"."""
    found = problems(good(customers=customers))
    assert len(found) == 1
    assert "field customers" in found[0]


@pytest.mark.parametrize("data", [None, [], "version: 1", 1])
def test_a_file_that_is_not_a_mapping_is_refused(data: Any) -> None:
    problems(data)


def test_a_customer_without_a_name_is_refused_by_position() -> None:
    data = good()
    del data["customers"][1]["name"]
    assert problems(data) == ["customer 2, field name: is required"]


def test_several_problems_are_listed_at_once_all_or_nothing() -> None:
    """"Import is all or nothing, with the same kind of errors as rule packs (file, customer
    position, field, what is wrong)": nothing is returned, and every problem is listed,
    each naming where (scenario, or customer position and name) and the field."""
    data = good(version=2, level=9)
    data["customers"][0]["items"] = []
    data["customers"][0]["mood"] = "grumpy"
    data["customers"][1]["answers"] = {"mug-deal": "yes"}
    data["customers"].append("Bo")
    with pytest.raises(ValidationError) as refused:
        parse_scenario(data)
    found = refused.value.problems
    assert len(found) == 6
    assert any(p.startswith("scenario, field version:") for p in found)
    assert any(p.startswith("scenario cafe-two, field level:") for p in found)
    assert any(p.startswith("customer 1 (Sam), field items:") for p in found)
    assert any(p.startswith("customer 1 (Sam), field mood:") for p in found)
    assert any(p.startswith("customer 2 (Ana), field answers.mug-deal:") for p in found)
    assert any(p.startswith("customer 3, ") for p in found)
    assert "refused, nothing was changed" in str(refused.value)
    assert "(and 5 more)" in str(refused.value)


def test_one_bad_customer_refuses_the_whole_file() -> None:
    """All or nothing: the good first customer is not kept when the second is wrong."""
    found = problems(with_customer(2, items=[]))
    assert found == ["customer 2 (Ana), field items: must list at least one SKU or barcode "
                     "to ring up"]


# ------------------------------------------------------------------------- round trip


def test_scenario_to_dict_round_trips_the_specs_example() -> None:
    """`scenario_to_dict` writes the file's shape; read back, it is the same scenario, also
    through YAML text (what `practice generate -o` writes and `practice import` reads)."""
    scenario = parse_scenario(yaml.safe_load(SPEC_SCENARIO))
    data = scenario_to_dict(scenario)
    assert data == {
        "version": 1, "id": "cafe-first-morning", "title": "Your first morning", "level": 1,
        "pass_score": 80, "time": "2026-11-23T08:10",
        "customers": [{"name": "Sam", "type": "member", "time": "2026-11-23T08:15",
                       "says": "A tall latte, please.", "items": ["LATTE-T"],
                       "answers": {"coffee-size-up": "accept",
                                   "breakfast-croissant": "why-then-accept"}}],
    }
    assert parse_scenario(data) == scenario
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    assert parse_scenario(yaml.safe_load(text)) == scenario
    assert parse_scenario(load_yaml(text)) == scenario


def test_scenario_to_dict_round_trips_every_field() -> None:
    """Seconds in times, barcodes, repeats, every answer word, a non-default default, a
    customer with nothing optional, pass_score 0, level 3, and text beyond ASCII."""
    scenario = Scenario(
        id="z-9", title="Café rush — “hard”", level=3, pass_score=0,
        time=dt.datetime(2026, 12, 31, 23, 59, 30),
        customers=(
            Customer(name="Zoë", items=("2100000000012", "LATTE-T", "LATTE-T"),
                     says="Deux cafés, s'il vous plaît.", type="staff",
                     time=dt.datetime(2027, 1, 1, 0, 0, 5),
                     answers={"a": "accept", "b": "decline", "c": "why-then-accept",
                              "d": "why-then-decline"},
                     default="why-then-decline"),
            Customer(name="Bo", items=("CROISSANT",)),
        ))
    data = scenario_to_dict(scenario)
    assert parse_scenario(data) == scenario
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    assert parse_scenario(yaml.safe_load(text)) == scenario


# ------------------------------------------------------------------ against the store


def test_the_specs_example_fits_the_cafe_demo_store() -> None:
    """Every item of the example is a cafe product and every answer a cafe rule."""
    catalog, rule_ids = cafe()
    assert {"coffee-size-up", "breakfast-croissant"} <= rule_ids
    assert catalog_problems(parse_scenario(yaml.safe_load(SPEC_SCENARIO)), catalog,
                            rule_ids) == []


def test_items_by_barcode_or_sku_are_store_products() -> None:
    """"items: SKUs or barcodes": LATTE-T's barcode 2100000000012 and CROISSANT's SKU."""
    catalog, rule_ids = cafe()
    scenario = parse_scenario(with_customer(1, items=[2100000000012, "CROISSANT"]))
    assert catalog_problems(scenario, catalog, rule_ids) == []


def test_catalog_problems_name_an_unknown_item_and_an_answer_for_a_missing_rule() -> None:
    """"Import is all or nothing, with the same kind of errors as rule packs (file, customer
    position, field, what is wrong)": checked against the cafe demo's catalog and rules."""
    catalog, rule_ids = cafe()
    scenario = parse_scenario(with_customer(
        2, items=["CAPP-G", "FLAT-WHITE", "2100000009999"],
        answers={"coffee-size-up": "accept", "free-donut": "accept"}))
    found = catalog_problems(scenario, catalog, rule_ids)
    assert len(found) == 3
    assert found[0].startswith("customer 2 (Ana), field items[2]: 'FLAT-WHITE'")
    assert found[1].startswith("customer 2 (Ana), field items[3]: '2100000009999'")
    assert found[2].startswith("customer 2 (Ana), field answers.free-donut:")
