"""store.rules.load reads the stored bodies as one JSON array through the fast read
(core.stored_rules): the same rules as parsing each body, in id order; a body that is not
one JSON value, or not a valid rule, is refused as it always was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pos_prompter.bootstrap import load_pack_file
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.rules import RulePack, parse_rule
from pos_prompter.store import Store

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


def put_body(store: Store, rule_id: str, body: str) -> None:
    with store.write() as db:
        db.execute("INSERT INTO rules(id, kind, active, priority, body, updated_at) "
                   "VALUES (?, 'cross_sell', 1, 0, ?, '2026-01-01T00:00:00')", [rule_id, body])


def parsed_one_by_one(store: Store) -> list[object]:
    """What load_rules gave before the fast read: each body through the parser."""
    return [parse_rule(json.loads(body), i, trusted=True) for i, (body,) in enumerate(
        store.db.execute("SELECT body FROM rules ORDER BY id"), start=1)]


@pytest.mark.parametrize("demo", ["cafe", "shoes", "electronics"])
def test_a_published_pack_reads_back_whole_in_id_order(store: Store, demo: str) -> None:
    pack = load_pack_file(DEMO / demo / "rules.yaml")
    store.rules.replace(pack)
    rules = store.rules.load()
    assert rules == sorted(pack.rules, key=lambda r: r.id)
    assert rules == parsed_one_by_one(store)


def test_an_empty_store_has_no_rules(store: Store) -> None:
    assert store.rules.load() == []


def test_a_stored_rule_this_version_cannot_read_is_refused_naming_it(
        store: Store, spec_pack: RulePack) -> None:
    store.rules.replace(spec_pack)
    put_body(store, "zz-loyalty", json.dumps({"id": "zz-loyalty", "kind": "loyalty",
                                              "title": "T", "offer": {}, "say": "S"}))
    with pytest.raises(ValidationError, match="zz-loyalty"):
        store.rules.load()


def test_a_body_holding_two_json_values_is_refused_not_read_as_two_rules(
        store: Store, spec_pack: RulePack) -> None:
    store.rules.replace(spec_pack)
    one = json.dumps({"id": "zz-a", "kind": "cross_sell", "title": "A",
                      "offer": {"add": ["COOKIE"]}, "say": "S"})
    put_body(store, "zz-a", f"{one},{one.replace('zz-a', 'zz-b')}")
    with pytest.raises(json.JSONDecodeError):
        store.rules.load()


def test_a_body_that_is_not_json_is_refused(store: Store, spec_pack: RulePack) -> None:
    store.rules.replace(spec_pack)
    put_body(store, "zz-broken", "{not json")
    with pytest.raises(json.JSONDecodeError):
        store.rules.load()
