"""Bounds on a YAML or JSON file's shape before it is built (core.data_limits): too deep,
aliases that expand too far, numbers too long, times off the till's calendar, each refused
in one sentence with where it is. The readers that use them: test_hostile_values.py."""

from __future__ import annotations

import json

import pytest
import yaml

from pos_prompter.core.data_limits import (
    MAX_DEPTH,
    MAX_NUMBER_DIGITS,
    MIN_ALIAS_BUDGET,
    ShapeError,
    alias_budget,
    check_json_depth,
    check_yaml_shape,
    json_int,
)

LOADER = yaml.SafeLoader


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_yaml_nested_to_the_limit_is_read_and_one_deeper_refused() -> None:
    check_yaml_shape(nested(MAX_DEPTH), LOADER)
    with pytest.raises(ShapeError) as refused:
        check_yaml_shape(nested(MAX_DEPTH + 1), LOADER)
    assert refused.value.problem == f"lists and mappings are nested more than {MAX_DEPTH} deep"
    assert refused.value.problem_mark is not None
    assert refused.value.problem_mark.column == MAX_DEPTH, "where the deepest one opens"


def test_aliases_that_double_at_each_step_are_refused_before_they_are_built() -> None:
    lines = ["a0: &a0 [x, x]"] + [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, 40)]
    bomb = "\n".join(lines) + "\n"
    with pytest.raises(ShapeError) as refused:
        check_yaml_shape(bomb, LOADER)
    assert refused.value.problem.startswith(
        f"its aliases (*name) expand to more than {MIN_ALIAS_BUDGET:,} values")


def test_a_pack_that_reuses_its_defaults_on_every_rule_is_fine() -> None:
    rules = "".join(f"  - <<: *defaults\n    id: r{n}\n" for n in range(2000))
    text = "defaults: &defaults {kind: cross_sell, priority: 5}\nrules:\n" + rules
    check_yaml_shape(text, LOADER)
    assert alias_budget(text) == 10 * len(text)
    assert alias_budget("x") == MIN_ALIAS_BUDGET


def test_a_yaml_syntax_error_is_left_to_the_real_load() -> None:
    check_yaml_shape("a: [1, 2\nb: }", LOADER)  # no ShapeError: PyYAML's load says what


def test_json_nested_too_deep_is_refused_and_brackets_in_strings_do_not_count() -> None:
    check_json_depth(nested(MAX_DEPTH))
    with pytest.raises(ShapeError, match="nested more than"):
        check_json_depth(nested(MAX_DEPTH + 1))
    in_text = json.dumps({"say": "[" * 1000})
    check_json_depth(in_text)
    check_json_depth(json.dumps([[1]] * 1000))  # wide is not deep


def test_a_number_longer_than_any_count_or_price_is_refused() -> None:
    assert json_int("9" * MAX_NUMBER_DIGITS) == int("9" * MAX_NUMBER_DIGITS)
    with pytest.raises(ShapeError) as refused:
        json.loads("[" + "9" * 5000 + "]", parse_int=json_int)
    assert refused.value.problem == (
        f"a number of 5,000 characters is too long (at most {MAX_NUMBER_DIGITS})")
