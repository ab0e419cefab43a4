"""Fuzzing the readers of what people hand the till (issue 11): rule packs (YAML and JSON),
catalog and past-orders CSV, practice scenarios and scan scripts.

Each input either reads, or is refused with one of our errors (UserError: InputError,
ValidationError) whose message is short; never another exception, never more than
TIME_LIMIT seconds or MEMORY_LIMIT bytes of Python allocations for one input. Inputs are
mutations of the cafe demo's own files (lines dropped, repeated, swapped, cut or garbled;
fields and values replaced by hostile ones: huge numbers, unicode, NULs, deep nesting, YAML
aliases) and raw text. How many inputs each reader got is in the test report (`figure`).

Seeded (derandomize) so CI runs the same inputs each time; FUZZ_EXAMPLES=N in the
environment tries N per test instead, with fresh randomness.
"""

from __future__ import annotations

import os
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from fuzz_support import (
    CATALOG_CSV,
    ORDERS_CSV,
    RAW,
    RULES_JSON,
    RULES_YAML,
    SCENARIO_YAML,
    SCRIPT_TXT,
    mutated,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_prompter.bootstrap import parse_pack_text
from pos_prompter.cli.simulate import parse_script
from pos_prompter.core.catalog import Catalog, parse_catalog_csv, read_catalog_csv
from pos_prompter.core.errors import InputError, UserError, ValidationError
from pos_prompter.core.lint import lint
from pos_prompter.core.past_orders import parse_orders_csv
from pos_prompter.practice.files import read_scenario_text

CATALOG = Catalog(parse_catalog_csv(CATALOG_CSV))
RULE_IDS = frozenset(rule.id for rule in parse_pack_text(RULES_YAML, "rules.yaml").rules)

TIME_LIMIT = 5.0
"""Seconds one input may take (issue 11: a refused input under 1 MB in under 5 s)."""
MEMORY_LIMIT = 200 * 1024 * 1024
"""Peak Python allocations for one input (issue 11: under 500 MB for the whole process)."""
MESSAGE_LIMIT = 1000
"""Characters in a refusal's sentence: refused values are quoted cut (excerpt.py)."""
PROBLEM_LIMIT = 51
"""A refusal lists at most 50 problems (and says how many more)."""

SEEDED = "FUZZ_EXAMPLES" not in os.environ
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))

fuzz = settings(max_examples=EXAMPLES, derandomize=SEEDED, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example,
                                       HealthCheck.filter_too_much])

# ---------------------------------------------------------------------- the property


def read_within_bounds(tried: Counter[str], reader: str, read: Callable[[str], Any],
                       text: str) -> None:
    """`read(text)` gives a result or one of our refusals, short, in bounded time and
    memory; counted in `tried`."""
    ours = not tracemalloc.is_tracing()  # python -X tracemalloc: leave it tracing
    if ours:
        tracemalloc.start()
    tracemalloc.reset_peak()
    started = time.perf_counter()
    refusal: UserError | None = None
    try:
        read(text)
    except UserError as exc:
        refusal = exc
    finally:
        took = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        if ours:
            tracemalloc.stop()
    tried[reader] += 1
    tried[f"{reader} {'read' if refusal is None else 'refused'}"] += 1
    assert took < TIME_LIMIT, (reader, took, len(text))
    assert peak < MEMORY_LIMIT, (reader, peak, len(text))
    if refusal is None:
        return
    message = str(refusal)
    assert message.strip(), "a refusal says what is wrong"
    assert len(message) <= MESSAGE_LIMIT, (reader, len(message), message[:300])
    if isinstance(refusal, ValidationError):
        assert 1 <= len(refusal.problems) <= PROBLEM_LIMIT, (reader, len(refusal.problems))
        longest = max(refusal.problems, key=len)
        assert len(longest) <= MESSAGE_LIMIT, (reader, len(longest), longest[:300])


def read_pack(source: str) -> Callable[[str], Any]:
    def read(text: str) -> Any:
        pack = parse_pack_text(text, source)
        return lint(pack.rules, CATALOG, pack.settings)  # what `lint` does next

    return read


def read_scenario(text: str) -> Any:
    return read_scenario_text(text, "scenario.yaml", CATALOG, RULE_IDS)


def read_orders(text: str) -> Any:
    return parse_orders_csv(text, CATALOG)


def read_script(text: str) -> Any:
    return parse_script(text, "script.txt")


READERS: dict[str, tuple[Callable[[str], Any], str, str | None]] = {
    "rule pack (YAML)": (read_pack("rules.yaml"), RULES_YAML, ":"),
    "rule pack (JSON)": (read_pack("rules.json"), RULES_JSON, ":"),
    "catalog CSV": (read_catalog_csv, CATALOG_CSV, ","),
    "past orders CSV": (read_orders, ORDERS_CSV, ","),
    "scenario YAML": (read_scenario, SCENARIO_YAML, ":"),
    "scan script": (read_script, SCRIPT_TXT, " "),
}


def test_the_seed_files_read() -> None:
    """The unmutated demo files read: the fuzzing starts from good files."""
    for name, (read, base, _sep) in READERS.items():
        assert read(base) is not None, name


@pytest.mark.slow
@pytest.mark.parametrize("name", list(READERS))
@fuzz
@given(data=st.data())
def test_a_mutated_file_reads_or_is_refused_in_a_sentence(
        tried: Counter[str], name: str, data: st.DataObject) -> None:
    read, base, sep = READERS[name]
    text = data.draw(mutated(base, sep=sep), label="text")
    read_within_bounds(tried, name, read, text)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(READERS))
@fuzz
@given(data=st.data())
def test_a_lightly_edited_file_reads_or_is_refused_in_a_sentence(
        tried: Counter[str], name: str, data: st.DataObject) -> None:
    read, base, sep = READERS[name]
    text = data.draw(mutated(base, sep=sep, gentle=True), label="text")
    read_within_bounds(tried, name, read, text)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(READERS))
@fuzz
@given(text=RAW)
def test_raw_text_reads_or_is_refused_in_a_sentence(tried: Counter[str], name: str,
                                                    text: str) -> None:
    read_within_bounds(tried, name, READERS[name][0], text)



def test_the_property_fails_on_a_long_refusal_or_a_stray_exception() -> None:
    """The property can fail: a refusal echoing 5,000 digits, or an exception that is not
    ours, is caught by it."""

    def echoes(text: str) -> None:
        raise InputError(f"price {text} is not an amount")

    def crashes(text: str) -> None:
        raise KeyError(text)

    with pytest.raises(AssertionError, match="5023 <= 1000"):
        read_within_bounds(Counter(), "echo", echoes, "9" * 5000)
    with pytest.raises(KeyError):
        read_within_bounds(Counter(), "crash", crashes, "x")
