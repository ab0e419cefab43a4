"""store.rules.replace: replace or merge, the pack's settings, and all or nothing."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import Any

import pytest

from pos_prompter.core.rules import RulePack, Settings, parse_pack
from pos_prompter.store import Store, StoreError


def edited_pack(data: dict[str, Any], *, extra: int = 0,
                settings: dict[str, Any] | None = None) -> RulePack:
    """The spec pack without mug-at-checkout, with latte-size-up re-prioritised, plus a new
    cross-sell (and `extra` more generated ones)."""
    data["rules"] = [r for r in data["rules"] if r["id"] != "mug-at-checkout"]
    data["rules"][0]["priority"] = 20
    for i in range(extra + 1):
        data["rules"].append({
            "id": f"cookie-with-beans-{i}", "kind": "cross_sell", "title": f"Cookie {i}",
            "when": {"scanned": {"sku": ["BEANS-250"]}}, "offer": {"add": ["COOKIE"]},
            "say": f"An oat cookie for the way home, just {{price}}? (script {i}) " + "." * 300,
        })
    if settings is None:
        data.pop("settings")
    else:
        data["settings"] = settings
    return parse_pack(data)


def rule_rows(store: Store) -> list[dict[str, Any]]:
    return list(store.db.query("SELECT * FROM rules ORDER BY id"))


def rule_ids(store: Store) -> list[str]:
    return [r.id for r in store.rules.load()]


def test_replace_makes_the_store_rules_the_packs(
        cafe_store: Store, spec_rules_data: dict[str, Any]) -> None:
    summary = cafe_store.rules.replace(edited_pack(spec_rules_data))
    assert summary.added == ["cookie-with-beans-0"]
    assert summary.changed == ["latte-size-up"]
    assert summary.removed == ["mug-at-checkout"]
    assert summary.unchanged == 1
    assert rule_ids(cafe_store) == ["cookie-with-beans-0", "latte-muffin", "latte-size-up"]
    size_up = next(r for r in cafe_store.rules.load() if r.id == "latte-size-up")
    assert size_up.priority == 20


def test_merge_adds_and_updates_but_removes_nothing(
        cafe_store: Store, spec_rules_data: dict[str, Any]) -> None:
    summary = cafe_store.rules.replace(edited_pack(spec_rules_data), merge=True)
    assert summary.added == ["cookie-with-beans-0"]
    assert summary.changed == ["latte-size-up"]
    assert summary.removed == []
    assert rule_ids(cafe_store) == ["cookie-with-beans-0", "latte-muffin", "latte-size-up",
                                    "mug-at-checkout"]


def test_importing_the_same_pack_again_changes_nothing(cafe_store: Store,
                                                       spec_pack: RulePack) -> None:
    rows = rule_rows(cafe_store)
    summary = cafe_store.rules.replace(spec_pack)
    assert (summary.added, summary.changed, summary.removed) == ([], [], [])
    assert summary.unchanged == 3
    assert rule_rows(cafe_store) == rows


def test_the_packs_settings_are_applied(
        cafe_store: Store, spec_rules_data: dict[str, Any]) -> None:
    cafe_store.rules.replace(edited_pack(spec_rules_data, settings={
        "max_prompts_per_order": 1, "max_offer_ratio": 1.5, "currency": "EUR"}))
    assert cafe_store.load_settings() == Settings(max_prompts_per_order=1,
                                                  max_offer_ratio=Decimal("1.5"),
                                                  currency="EUR")


def test_a_pack_without_settings_keeps_the_stores(
        cafe_store: Store, spec_rules_data: dict[str, Any]) -> None:
    cafe_store.set_settings({"max_prompts_per_order": 3, "currency": "GBP"})
    before = cafe_store.load_settings()
    cafe_store.rules.replace(edited_pack(spec_rules_data, settings=None))
    assert cafe_store.load_settings() == before


def test_failure_inside_the_write_keeps_the_old_rules_and_settings(
        cafe_store: Store, spec_rules_data: dict[str, Any]) -> None:
    """A real SQLITE_FULL half way through: the DELETE of mug-at-checkout and the first
    INSERTs have run when it fails; none of it may stay."""
    rows, settings = rule_rows(cafe_store), cafe_store.load_settings()
    pages = cafe_store.db.execute("PRAGMA page_count").fetchone()[0]
    cafe_store.db.execute(f"PRAGMA max_page_count = {pages}")
    pack = edited_pack(spec_rules_data, extra=300, settings={"max_prompts_per_order": 1})
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        cafe_store.rules.replace(pack)
    assert rule_rows(cafe_store) == rows
    assert cafe_store.load_settings() == settings
    assert not cafe_store.db.conn.in_transaction


def test_saving_one_rule_publishes_and_audits_it(cafe_store, spec_pack) -> None:
    from dataclasses import replace

    from pos_prompter.store.audit import audit_entries

    before = cafe_store.publish_revision()
    rule = replace(spec_pack.rules[0], priority=99)
    assert cafe_store.rules.save(rule, actor="ann") == "change"
    assert cafe_store.rules.save(rule, actor="ann") == "same"
    assert cafe_store.publish_revision() == before + 1
    assert {r.id: r.priority for r in cafe_store.rules.load()}[rule.id] == 99
    [entry] = audit_entries(cafe_store, entity="rule", actor="ann")
    assert (entry.entity_id, entry.action) == (rule.id, "change")
    assert cafe_store.rules.delete(rule.id, actor="ann")
    assert rule.id not in {r.id for r in cafe_store.rules.load()}
    assert not cafe_store.rules.delete(rule.id, actor="ann")


def test_rule_results_count_each_outcome(cafe_store, clock) -> None:
    from pos_prompter.till import Till

    till = Till(cafe_store, clock)
    till.scan("2100000000012")
    till.accept()                     # size-up accepted: +0.50
    till.decline()                    # the bundle declined
    till.pay()
    results = cafe_store.rules.results()
    assert (results["latte-size-up"].shown, results["latte-size-up"].accepted) == (1, 1)
    assert results["latte-size-up"].revenue == 395 - 345
    assert results["latte-muffin"].declined == 1
    assert results["latte-muffin"].acceptance_rate == 0.0
