"""Refused values are quoted short and cut (pos_prompter.core.excerpt), whatever their size
or shape, and oversized numbers are refused with a sentence (issue 11, points 1 and 5)."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_prompter.bootstrap import load_yaml, parse_pack_text
from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.data_limits import MAX_DEPTH, ShapeError
from pos_prompter.core.errors import InputError, ValidationError
from pos_prompter.core.excerpt import LIMIT, cut, excerpt
from pos_prompter.core.money import MoneyError, parse_money
from pos_prompter.core.past_orders import parse_orders_csv
from pos_prompter.core.rules import parse_pack, parse_store_setting

SHORT = LIMIT + 60
"""An excerpt and the words around it stay under this many characters."""


def laughs(levels: int = 9) -> list[object]:
    """The data a billion-laughs YAML gives: nested lists sharing one list at each level,
    9**levels strings in all, built in a few hundred bytes."""
    node: list[object] = ["lol"] * 9
    for _ in range(levels - 1):
        node = [node] * 9
    return node


def test_a_short_value_is_quoted_as_repr_would() -> None:
    for value in ("LATTE-T", 12, -3, 1.5, None, True, ["a", 1], {"a": 1}, Decimal("1.5")):
        assert excerpt(value) == repr(value)


def test_a_long_text_is_cut_with_its_length() -> None:
    shown = excerpt("9" * 5000)
    assert shown.startswith("'999")
    assert shown.endswith("…' (5,000 characters)")
    assert len(shown) < SHORT
    assert cut("x" * 5000).endswith("… (5,000 characters)")
    assert cut("short") == "short"


def test_a_huge_number_is_named_by_its_digits_without_converting_it() -> None:
    shown = excerpt(10**100_000)  # str() of it raises past 4,300 digits
    assert "100,001-digit number" in shown
    assert len(shown) < SHORT
    assert excerpt(-(10**39)) == "<a 40-digit number> (40 digits)"


def test_a_billion_laughs_structure_is_quoted_without_walking_it() -> None:
    started = time.perf_counter()
    shown = excerpt(laughs())
    assert time.perf_counter() - started < 0.1
    assert len(shown) < SHORT * 2
    assert shown.endswith("(a list of 9 items)"), shown


def test_a_hostile_repr_does_not_hide_the_message() -> None:
    class Nasty:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert excerpt(Nasty()) == "<Nasty>"


@pytest.mark.parametrize("value", ["9" * 5000, "9" * 5000 + ".00", 10**25, Decimal("9" * 5000)])
def test_a_5000_digit_amount_is_refused_short(value: object) -> None:
    with pytest.raises(MoneyError) as refused:
        parse_money(value)
    assert len(str(refused.value)) < SHORT * 2


def test_a_catalog_price_of_5000_digits_is_one_short_problem() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_catalog_csv("sku,name,price\nA,Apple," + "9" * 5000 + "\n")
    assert len(refused.value.problems) == 1
    assert refused.value.problems[0].startswith("line 2, column price: '999")
    assert len(refused.value.problems[0]) < SHORT * 2


def test_a_30_digit_size_rank_is_refused_not_stored() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_catalog_csv("sku,name,price,family,size_rank\nA,Cup,1.00,cup," + "1" * 30 + "\n")
    assert "above the largest size rank, 1,000,000" in refused.value.problems[0]


def test_past_orders_quote_a_5000_digit_price_and_qty_short() -> None:
    catalog = Catalog(parse_catalog_csv("sku,name,price\nA,Apple,1.00\n"))
    text = f"order_id,sku,qty,price\nO-1,A,{'9' * 5000},{'9' * 5000}\n"
    with pytest.raises(ValidationError) as refused:
        parse_orders_csv(text, catalog)
    assert len(refused.value.problems) == 2
    assert all(len(p) < SHORT * 2 for p in refused.value.problems), refused.value.problems


def test_a_past_order_in_year_1_with_a_zone_is_a_problem_not_a_crash() -> None:
    catalog = Catalog(parse_catalog_csv("sku,name,price\nA,Apple,1.00\n"))
    with pytest.raises(ValidationError) as refused:
        parse_orders_csv("order_id,sku,qty,time\nO-1,A,1,0001-01-01T00:00+14:00\n", catalog)
    assert "column time" in refused.value.problems[0]


# ---------------------------------------------------------------- packs


def test_nesting_deeper_than_the_limit_is_refused_with_its_place() -> None:
    load_yaml("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n")
    with pytest.raises(ShapeError) as refused:
        load_yaml("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n")
    assert "nested more than 50 deep" in str(refused.value)
    with pytest.raises(InputError, match=r"x\.json is refused: lists and mappings are nested"):
        parse_pack_text("[" * 100_000 + "]" * 100_000, "x.json")


def test_brackets_inside_json_strings_do_not_count_as_nesting() -> None:
    with pytest.raises(ValidationError):  # read, then refused as a pack: not too deep
        parse_pack_text('{"version": 1, "rules": [{"id": "' + "[" * 200 + '"}]}', "x.json")


def test_aliases_that_expand_too_far_are_refused_before_building() -> None:
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcdef", "bcdefg",
                                                                         strict=True))
    with pytest.raises(ShapeError, match="expand to more than 100,000 values"):
        load_yaml(text)


def test_a_pack_may_reuse_an_anchor_on_every_rule() -> None:
    rules = "".join(f"- <<: *base\n  id: r{i}\n" for i in range(300))
    text = ("base: &base {kind: cross_sell, title: t, say: s, offer: {add: [A]}}\n"
            f"version: 1\nrules:\n{rules}")
    data = load_yaml(text)
    data.pop("base")
    assert len(parse_pack(data).rules) == 300


@pytest.mark.parametrize("text", ["version: 1\nrules: []\nx: " + "9" * 5000 + "\n",
                                  '{"version": 1, "rules": [], "x": ' + "9" * 5000 + "}"])
def test_a_number_of_5000_digits_is_refused_at_reading(text: str) -> None:
    with pytest.raises(InputError, match="a number of 5,000 characters is too long") as refused:
        parse_pack_text(text, "p.json" if text.startswith("{") else "p.yaml")
    assert len(str(refused.value)) < SHORT * 2


def rule(**fields: object) -> dict[str, object]:
    return {"id": "r1", "kind": "cross_sell", "title": "t", "say": "s",
            "offer": {"add": ["A"]}, **fields}


@pytest.mark.parametrize(("fields", "words"), [
    ({"priority": 10**25}, "from -1,000,000 to 1,000,000"),
    ({"holdout": "0." + "1" * 5000}, "at most 6 decimals"),
    ({"max_offer_ratio": "9" * 5000}, "at most 1000"),
    ({"id": "x" * 5000}, "(5,000 characters)"),
    ({"say": "{" + "a" * 5000 + "}"}, "is not allowed"),
    ({"when": {"time": {"hours": laughs()}}}, "(a list of 9 items)"),
    ({"x" * 5000: 1}, "unknown field"),
])
def test_a_hostile_rule_field_is_one_short_problem(fields: dict[str, object],
                                                   words: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_pack({"version": 1, "rules": [rule(**fields)]})
    problems = refused.value.problems
    assert len(problems) == 1, problems
    assert words in problems[0], problems
    assert len(problems[0]) < 400, problems[0][:400]


def test_pack_settings_in_range() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_pack({"version": 1, "settings": {"max_prompts_per_order": 10**20,
                                               "currency": laughs()}, "rules": []})
    assert len(refused.value.problems) == 2
    assert all(len(p) < 400 for p in refused.value.problems)


@pytest.mark.parametrize(("key", "text"), [
    ("max_offer_ratio", "9" * 5000), ("max_offer_ratio", "1001"),
    ("max_prompts_per_order", "1001"), ("rush_scans_per_minute", "9" * 5000),
    ("leaderboard_min_orders", "9" * 5000), ("leaderboard_min_orders", "\u00b2"),
    ("store_name", "S" * 5000), ("currency", "X" * 5000)])
def test_a_store_setting_out_of_range_is_refused_short(key: str, text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_store_setting(key, text)
    assert len(str(refused.value)) < 400


def test_an_unknown_setting_of_5000_characters_is_named_short() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_store_setting("k" * 5000, "1")
    assert len(str(refused.value)) < 600


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=10**50)
    | st.floats() | st.text() | st.text(min_size=200) | st.decimals()
    | st.text(st.sampled_from('\x00\U000e0000a\''), min_size=100),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)
    | st.tuples(inner, inner) | st.builds(lambda v: [v] * 50, inner),
    max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_any_excerpt_is_short(value: object) -> None:
    shown = excerpt(value)
    assert len(shown) < 2 * LIMIT + 60, shown
    if len(repr(value)) <= LIMIT // 2:
        assert shown == repr(value)
