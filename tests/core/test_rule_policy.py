"""core.rule_policy: which rules a rule is linted with for a publish or an activation, and
the id of a copy (the editor and the rule list both ask it)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from pos_prompter.core.lint import lint
from pos_prompter.core.rule_policy import (
    activation_errors,
    lint_partners,
    publish_findings,
    unique_copy_id,
)
from pos_prompter.core.rules import Rule, Settings, parse_pack
from tests.core.test_lint import TODAY, catalog, rule, upsell


def rules(*raw: dict[str, Any]) -> list[Rule]:
    return list(parse_pack({"version": 1, "rules": list(raw)}).rules)


WHEN = {"scanned": {"category": ["coffee"]}, "order": {"lacks": ["category:bakery"]}}


def store_rules() -> list[Rule]:
    return rules(
        rule("muffin", when=WHEN, priority=5),
        rule("cookie", when=WHEN, offer={"add": ["COOKIE"]}, priority=5),
        rule("mug", offer={"add": ["MUG"]}, priority=2),
        rule("off", when=WHEN, priority=5, active=False),
        upsell("up", {"sku": ["FLAT-W"]}, {"upgrade_to": "FLAT-D"}),
        upsell("down", {"sku": ["FLAT-D"]}, {"upgrade_to": "FLAT-W"}, active=False),
        upsell("size-up", {"sku": ["LATTE-T"]}, {"next_size": True}),
    )


def by_id(all_rules: list[Rule], rule_id: str) -> Rule:
    return next(r for r in all_rules if r.id == rule_id)


def test_partners_are_the_active_rules_that_can_change_the_findings() -> None:
    everyone = store_rules()
    assert [r.id for r in lint_partners(by_id(everyone, "muffin"), everyone)] == ["cookie"]
    assert [r.id for r in lint_partners(by_id(everyone, "up"), everyone)] == ["size-up"]
    assert lint_partners(by_id(everyone, "off"), everyone) == []
    on = dataclasses.replace(by_id(everyone, "down"), active=True)
    assert [r.id for r in lint_partners(on, everyone)] == ["up", "size-up"]


def test_publish_findings_are_those_of_linting_the_whole_store() -> None:
    everyone = store_rules()
    settings = Settings()
    for changed in (by_id(everyone, "muffin"), dataclasses.replace(
            by_id(everyone, "down"), active=True), by_id(everyone, "mug")):
        store = [changed if r.id == changed.id else r for r in everyone]
        whole = [f for f in lint(store, catalog(), settings, TODAY)
                 if f.rule_id == changed.id]
        mine = publish_findings(changed, everyone, catalog(), settings, TODAY)
        assert sorted(map(repr, mine)) == sorted(map(repr, whole))
    assert {f.code for f in publish_findings(by_id(everyone, "muffin"), everyone, catalog(),
                                             settings, TODAY)} == {"fire-together"}


def test_switching_on_a_rule_that_closes_an_upsell_loop_is_refused() -> None:
    everyone = store_rules()
    errors = activation_errors(by_id(everyone, "down"), everyone, catalog(), Settings(), TODAY)
    assert {(f.rule_id, f.code) for f in errors} == {("down", "upsell-loop"),
                                                     ("up", "upsell-loop")}
    # Warnings (firing together) never stop an activation.
    assert activation_errors(by_id(everyone, "off"), everyone, catalog(), Settings(),
                             TODAY) == []


def test_switching_on_a_rule_with_an_error_of_its_own_is_refused() -> None:
    everyone = rules(rule("scone", offer={"add": ["SCONE"]}, active=False))
    errors = activation_errors(everyone[0], everyone, catalog(), Settings(),
                               dt.date(2026, 11, 23))
    assert [(f.rule_id, f.code) for f in errors] == [("scone", "inactive-offer")]


def test_copy_ids_are_new_and_valid() -> None:
    assert unique_copy_id("a", []) == "a-copy"
    assert unique_copy_id("a", ["a-copy", "a-copy-2"]) == "a-copy-3"
    long = "x" * 64
    assert len(unique_copy_id(long, [])) == 64
    assert unique_copy_id(long, [long[:59] + "-copy"]) == long[:57] + "-copy-2"
