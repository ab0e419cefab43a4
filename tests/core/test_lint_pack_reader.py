"""The rule-pack reader behind the import preview and `import rules` (bootstrap.load_yaml).

It builds a pack's data straight from the YAML parser's events, and leaves everything but
plain mappings, lists and untagged scalars to PyYAML's own loader. Whatever the text, it
must give what `yaml.load(text, SafeLoader)` gives (the same values of the same types), or
raise the same error with the same message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_prompter.bootstrap import SafeLoader, _load_plain_yaml, load_yaml, parse_pack_text
from pos_prompter.core.errors import InputError
from pos_prompter.core.rules import pack_to_dict, parse_pack

SPEC_DIR = Path(__file__).parent / "spec_examples"
CHECKS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def typed(value: Any) -> Any:
    """`value` with the type of every part spelled out (1, 1.0 and True compare equal)."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def outcome(load: Any, text: str) -> Any:
    try:
        return typed(load(text))
    except Exception as exc:  # the very same error is the point
        return ("raised", type(exc).__name__, str(exc))


def same_as_pyyaml(text: str) -> None:
    assert outcome(load_yaml, text) == outcome(lambda t: yaml.load(t, SafeLoader), text)


# ---------------------------------------------------------------- examples


SPECIAL = [
    "",
    "# only a comment\n",
    "just a scalar",
    "42",
    "---\n- a\n...\n",
    "a: 1\n---\nb: 2\n",  # two documents: PyYAML's error
    "base: &b {x: 1}\nuse: *b\n",
    "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n",
    "<<: {a: 1}\nb: 2\n",
    "a: !!str 12\nb: !!int '7'\nc: !!set {x, y}\nd: !!binary aGVsbG8=\n",
    "a: !custom 1\n",
    "a: ! 12\n",
    "? [a, b]\n: c\n",
    "? {a: 1}\n: c\n",
    "{[1, 2]: x}\n",
    "a: =\n",
    "=: a\n",
    "a: !\n",
    "when: {time: {from: 2026-12-01, to: 2026-13-45}}\n",  # a timestamp that is no date
    "t: 2026-12-01 10:00:00\nd: 2026-12-01\n",
    "a: [1, 1.5, .inf, -.inf, .nan, 0x1f, 0o17, 1_000, 190:20:30, +1, -2]\n",
    "a: [yes, No, on, OFF, true, False, ~, null, '', \"\"]\n",
    "a: 'quoted 1'\nb: \"2\"\nc: |\n  block\n  text\nd: >\n  folded\n  text\n",
    "dup: 1\ndup: 2\nother: 3\n",
    "a: b: c\n",
    "a:\n  - b\n c: d\n",
    "[1, 2\n",
    "a: 'unterminated\n",
    "\t- tab\n",
    "a: *missing\n",
    "a: &x 1\nb: &x 2\n",
    "%YAML 1.1\n---\na: 1\n",
    "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
    "- - - deep\n    - er\n",
    "{}\n",
    "[]\n",
    "nested: {a: [b, {c: d}], e: []}\n",
    "1: one\n2.5: two\nnull: three\ntrue: four\n2026-01-01: five\n",
]


@pytest.mark.parametrize("text", SPECIAL)
def test_the_reader_gives_what_pyyaml_gives(text: str) -> None:
    same_as_pyyaml(text)


def test_a_deeply_nested_text_still_reads() -> None:
    """As deep as a file may nest (data_limits.MAX_DEPTH); deeper is refused, see
    tests/core/test_hostile_packs.py."""
    same_as_pyyaml("a: " + "[" * 49 + "]" * 49 + "\n")


def test_a_rule_pack_takes_the_fast_way() -> None:
    """A pack as managers write it (and as export writes it) needs no help from PyYAML."""
    spec_rules = (SPEC_DIR / "rules.yaml").read_text(encoding="utf-8")
    data = yaml.load(spec_rules, SafeLoader)
    assert typed(_load_plain_yaml(spec_rules)) == typed(data)
    exported = yaml.safe_dump(pack_to_dict(list(parse_pack(data).rules), None),
                              sort_keys=False, allow_unicode=True)
    assert typed(_load_plain_yaml(exported)) == typed(yaml.load(exported, SafeLoader))


def test_a_broken_pack_is_refused_with_the_line_and_column() -> None:
    with pytest.raises(InputError) as refused:
        parse_pack_text("version: 1\nrules:\n  - id: a\n   kind: upsell\n", "pack.yaml")
    assert str(refused.value) == ("pack.yaml is not valid YAML/JSON at line 4, column 4: did "
                                  "not find expected '-' indicator")


# ---------------------------------------------------------------- random data and text


SCALARS = st.one_of(
    st.text(max_size=12), st.integers(-10**12, 10**12), st.booleans(), st.none(),
    st.floats(allow_nan=False, width=64), st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)),
    st.sampled_from(["yes", "no", "on", "~", "null", "1_000", "0x1f", "2026-12-01", "=",
                     "<<", "!", "&a", "*a", "- x", "a: b", "#", "'", '"', "", " ", "\t",
                     "12:30", "1e3", ".5", "+.inf", "P000123", "{item}"]))
KEYS = st.one_of(st.text(max_size=8), st.integers(-5, 5), st.booleans(), st.none(),
                 st.sampled_from(["id", "kind", "when", "<<", "=", "2026-12-01", "1.5"]))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)), max_leaves=25)


@CHECKS
@given(DATA, st.sampled_from([None, True, False]), st.booleans())
def test_dumped_data_reads_back_the_same(data: Any, flow: bool | None, unicode: bool) -> None:
    same_as_pyyaml(yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode))


PIECES = ["a", "b", "1", "1.5", "true", "~", "2026-12-01", "2026-02-30", "=", "<<", ":",
          ": ", "- ", "-", "? ", "&x ", "*x", "!!str ", "!!int ", "!t ", "! ", "[", "]",
          "{", "}", ", ", "'", '"', "#c", "|", ">", "\n", "\n  ", "\n    ", "\n- ",
          "---\n", "...\n", "\t", " ", "%YAML 1.1\n", "é", "\\"]


@CHECKS
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_any_text_reads_or_fails_as_with_pyyaml(pieces: list[str]) -> None:
    same_as_pyyaml("".join(pieces))
