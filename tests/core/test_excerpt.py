"""A cut quote of what a message refuses (core.excerpt): short values as repr() shows them,
long or huge ones cut with the whole's size, at a cost that does not grow with the value
(a 5,000-digit price, a YAML alias bomb). The messages on top: test_hostile_values.py."""

from __future__ import annotations

import time

from pos_prompter.core.excerpt import LIMIT, cut, excerpt, field_name


def test_a_short_value_is_shown_as_repr_shows_it() -> None:
    assert excerpt("LATTE-T") == "'LATTE-T'"
    assert excerpt(425) == "425"
    assert excerpt([1, "a", None, True]) == "[1, 'a', None, True]"
    assert excerpt({"price": 4.25}) == "{'price': 4.25}"
    assert excerpt("x" * 64) == repr("x" * 64), "a 64-character id, one over its limit"


def test_a_long_text_is_cut_and_says_how_long_it_was() -> None:
    shown = excerpt("9" * 5000)
    assert shown.startswith("'9999")
    assert shown.endswith("…' (5,000 characters)")
    assert len(shown) < LIMIT + 40


def test_a_huge_number_says_its_digits_without_being_written_out() -> None:
    assert excerpt(10 ** 5000) == "<a 5,001-digit number> (5,001 digits)"
    assert excerpt(-(10 ** 99)) == "<a 100-digit number> (100 digits)"
    assert excerpt(10 ** 100 - 1) == "<a 100-digit number> (100 digits)"


def test_a_big_or_deep_structure_shows_its_first_items_and_its_size() -> None:
    shown = excerpt(list(range(1000)))
    assert shown == "[0, 1, 2, 3, 4, 5, 6, 7, …] (a list of 1,000 items)"
    short = {"a": {"b": {"c": {"d": 1}}}}
    assert excerpt(short) == repr(short), "a short value is shown whole, however nested"
    deep: object = 1
    for _ in range(100):
        deep = {"k": deep}
    shown = excerpt(deep)
    assert shown.startswith("{'k': {'k': ")
    assert "…" in shown
    assert shown.endswith("(a mapping of 1 field)")
    assert len(shown) < 2 * LIMIT


def test_an_alias_bomb_costs_no_more_than_a_short_value() -> None:
    bomb: list[object] = ["lol"] * 9
    for _ in range(9):
        bomb = [bomb] * 9  # 9**10 strings behind 90 list cells, as YAML aliases make
    start = time.perf_counter()
    shown = excerpt(bomb)
    assert time.perf_counter() - start < 0.5
    assert shown.endswith("(a list of 9 items)")
    assert len(shown) < LIMIT * 2


def test_a_value_whose_repr_fails_is_named_by_its_type() -> None:
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert excerpt(Hostile()) == "<Hostile>"


def test_field_names_are_plain_when_short_and_printable() -> None:
    assert field_name("price") == "price"
    assert field_name("pri\nce") == "'pri\\nce'"
    assert field_name(3) == "3"
    assert field_name("k" * 200).endswith("(200 characters)")


def test_cut_keeps_short_text_and_cuts_long_text_at_the_limit() -> None:
    assert cut("short") == "short"
    assert cut("a" * 100, 10) == "aaaaaaaaaa… (100 characters)"
    assert cut("a" * LIMIT) == "a" * LIMIT
