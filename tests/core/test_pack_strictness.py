"""A rule pack means what it says or is refused: the format version is the whole number 1,
no field is given twice (on either path of the YAML reader, and in JSON), and a partial
`settings` section changes only the settings it gives."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from pos_prompter.bootstrap import (
    DuplicateKeyError,
    SafeLoader,
    _load_plain_yaml,
    _Unusual,
    export_text,
    load_yaml,
    parse_pack_text,
)
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.rules import Settings, parse_pack
from pos_prompter.store import Store

SPEC_DIR = Path(__file__).parent / "spec_examples"

RULE = """\
  - id: latte-muffin
    kind: cross_sell
    title: Muffin with a latte
    offer: {add: [MUFFIN-B]}
    say: "A muffin with that?"
"""


def refusal(text: str, source: str = "pack.yaml") -> str:
    with pytest.raises(ValidationError) as refused:
        parse_pack_text(text, source)
    assert len(refused.value.problems) == 1, refused.value.problems
    return refused.value.problems[0]


# ---------------------------------------------------------------- the format version


@pytest.mark.parametrize("written", ["1.0", "true", '"1"', "'1'", "1.5", "2", "~"])
def test_a_version_other_than_the_whole_number_1_is_refused(written: str) -> None:
    problem = refusal(f"version: {written}\nrules:\n{RULE}")
    assert problem.startswith("pack, field version: ")
    assert "is not a supported format version (this app reads version 1" in problem


@pytest.mark.parametrize("written", ["1.0", "true", '"1"'])
def test_a_json_pack_needs_the_whole_number_1_too(written: str) -> None:
    problem = refusal(f'{{"version": {written}, "rules": []}}', "pack.json")
    assert problem.startswith("pack, field version: ")


def test_version_1_is_read() -> None:
    assert parse_pack_text(f"version: 1\nrules:\n{RULE}", "pack.yaml").rules[0].id == \
        "latte-muffin"
    assert parse_pack_text('{"version": 1, "rules": []}', "pack.json").rules == ()


# ---------------------------------------------------------------- a field given twice


def test_a_rule_giving_active_twice_is_refused_with_its_id_the_field_and_the_lines() -> None:
    text = f"version: 1\nrules:\n{RULE}    active: false\n    priority: 3\n    active: true\n"
    assert refusal(text) == ("rule latte-muffin, field active: is given twice (lines 8 and "
                             "10); give each field once, with the value you mean")


def test_two_says_are_refused() -> None:
    text = f"version: 1\nrules:\n{RULE}    say: \"Or a cookie?\"\n"
    assert refusal(text).startswith("rule latte-muffin, field say: is given twice (lines 7 "
                                    "and 8)")


def test_a_rule_without_a_usable_id_is_named_by_its_position() -> None:
    text = f"version: 1\nrules:\n{RULE}  - id: Not A Slug\n    title: a\n    title: b\n"
    assert refusal(text).startswith("rule #2, field title: is given twice (lines 9 and 10)")
    text = f"version: 1\nrules:\n{RULE}  - id: one\n    id: two\n"
    assert refusal(text).startswith("rule #2, field id: is given twice (lines 8 and 9)")


@pytest.mark.parametrize(("text", "start"), [
    ("version: 1\nrules: []\nversion: 1\n", "pack, field version: is given twice (lines 1 "
                                            "and 3)"),
    ("version: 1\nsettings:\n  currency: USD\n  currency: EUR\nrules: []\n",
     "settings, field currency: is given twice (lines 3 and 4)"),
    (f"version: 1\nrules:\n{RULE}    when: {{time: {{hours: '06:00-11:00', "
     "hours: '06:00-12:00'}}\n", "rule latte-muffin, field when.time.hours: is given "
                                 "twice (twice on line 8)"),
])
def test_a_field_given_twice_anywhere_is_refused(text: str, start: str) -> None:
    assert refusal(text).startswith(start)


def test_keys_that_are_equal_values_count_as_the_same() -> None:
    """`1:` and `true:` are one key once read (last one wins in PyYAML)."""
    with pytest.raises(DuplicateKeyError):
        load_yaml("1: a\ntrue: b\n")


def test_the_pyyaml_path_refuses_a_duplicate_too() -> None:
    """An anchor sends the pack to PyYAML's loader, which keeps the last key on its own."""
    text = (f"version: 1\nrules:\n{RULE}  - &second\n    id: cookie\n    kind: cross_sell\n"
            "    title: Cookie\n    offer: {add: [COOKIE]}\n    say: a\n    active: true\n"
            "    active: false\n")
    assert yaml.load(text.replace("    active: false\n", ""), yaml.SafeLoader)  # stock: fine
    assert yaml.load(text, yaml.SafeLoader)["rules"][1]["active"] is False  # the last wins
    with pytest.raises(DuplicateKeyError) as found:
        yaml.load(text, SafeLoader)
    assert (found.value.key, found.value.lines, found.value.path) == \
        ("active", (14, 15), ("rules", 1))
    assert refusal(text) == ("rule cookie, field active: is given twice (lines 14 and 15); "
                             "give each field once, with the value you mean")


def test_the_fast_reader_leaves_a_duplicate_to_pyyaml_and_gives_its_error() -> None:
    text = "a: 1\nb: 2\na: 3\n"
    with pytest.raises(_Unusual):
        _load_plain_yaml(text)
    with pytest.raises(DuplicateKeyError) as slow:
        yaml.load(text, SafeLoader)
    with pytest.raises(DuplicateKeyError) as either:
        load_yaml(text)
    assert str(either.value) == str(slow.value)
    assert "found duplicate key 'a' (first given at line 1)" in str(either.value)


def test_a_merge_may_still_override_what_it_brings_in() -> None:
    data = load_yaml("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n")
    assert data["use"] == {"x": 1, "y": 3}


def test_a_json_pack_giving_a_field_twice_is_refused() -> None:
    data = {"version": 1, "rules": [{"id": "latte-muffin", "kind": "cross_sell",
                                     "title": "T", "offer": {"add": ["MUFFIN-B"]},
                                     "say": "S"}]}
    text = json.dumps(data)
    assert parse_pack_text(text, "pack.json").rules[0].id == "latte-muffin"
    twice = text.replace('"say": "S"', '"say": "S", "say": "Other"')
    assert refusal(twice, "pack.json") == ("rule latte-muffin, field say: is given twice; "
                                           "give each field once, with the value you mean")
    top = text.replace('{"version": 1,', '{"version": 1, "version": 1,')
    assert refusal(top, "pack.json").startswith("pack, field version: is given twice")


# ---------------------------------------------------------------- a partial settings section


STORE_OWN = {"max_prompts_per_order": 5, "max_offer_ratio": "1.5", "currency": "GBP",
             "rush_scans_per_minute": 20}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "store.db", create=True)
    s.set_settings(STORE_OWN)
    yield s
    s.close()


def test_a_partial_settings_section_changes_only_what_it_gives(store: Store) -> None:
    pack = parse_pack_text(f"version: 1\nsettings: {{currency: EUR}}\nrules:\n{RULE}",
                           "pack.yaml")
    assert pack.settings_keys == ("currency",)
    store.rules.replace(pack)
    assert store.load_settings() == Settings(max_prompts_per_order=5,
                                             max_offer_ratio=Decimal("1.5"), currency="EUR",
                                             rush_scans_per_minute=20)


@pytest.mark.parametrize("section", ["settings:\n", "settings: {}\n", ""])
def test_an_empty_or_missing_settings_section_keeps_the_stores(store: Store,
                                                                section: str) -> None:
    before = store.load_settings()
    store.rules.replace(parse_pack_text(f"version: 1\n{section}rules:\n{RULE}", "p.yaml"))
    assert store.load_settings() == before


def test_an_exported_pack_brings_every_setting_with_it(store: Store, tmp_path: Path) -> None:
    store.rules.replace(parse_pack_text(f"version: 1\nrules:\n{RULE}", "pack.yaml"))
    exported = export_text(store.rules.load(), store.load_settings(), as_json=False)
    with Store.open(tmp_path / "other.db", create=True) as other:
        other.set_settings({"max_prompts_per_order": 1, "currency": "USD"})
        other.rules.replace(parse_pack_text(exported, "exported.yaml"))
        assert export_text(other.rules.load(), other.load_settings(),
                           as_json=False) == exported
        assert other.load_settings().max_offer_ratio == Decimal("1.5")


def test_settings_over_puts_the_given_keys_over_the_stores() -> None:
    spec = yaml.safe_load((SPEC_DIR / "rules.yaml").read_text(encoding="utf-8"))
    spec["settings"] = {"max_offer_ratio": 2}
    pack = parse_pack(spec)
    mine = Settings(max_prompts_per_order=4, currency="EUR", rush_scans_per_minute=9)
    assert pack.settings_over(mine) == Settings(max_prompts_per_order=4,
                                                max_offer_ratio=Decimal("2"), currency="EUR",
                                                rush_scans_per_minute=9)
    del spec["settings"]
    assert parse_pack(spec).settings_over(mine) == mine
