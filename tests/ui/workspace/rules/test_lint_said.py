"""Lint's findings as the rule editor shows them, said in Spanish: real findings of real
rules, each message and fix a core.said sentence said through the catalog, what they name
kept; English is lint's own."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name

from pos_prompter import i18n
from pos_prompter.core.catalog import Catalog, Product
from pos_prompter.core.lint import Finding, lint
from pos_prompter.core.rules import PLACEHOLDERS, Settings, parse_rule
from pos_prompter.store import Store
from pos_prompter.ui.workspace.rule_editor import RuleEditor
from pos_prompter.ui.workspace.rules.controller import RulesController
from pos_prompter.ui.workspace.rules.publish_status import findings_text

CATALOG = Catalog([Product("LATTE", "Latte", 350, category="coffee"),
                   Product("COOKIE", "Cookie", 200, category="bakery"),
                   Product("MUFFIN", "Muffin", 250, category="bakery"),
                   Product("GONE-CAKE", "Old cake", 300, category="bakery", active=False)])


def rule(rule_id: str, **fields: Any) -> Any:
    raw = {"id": "rule-" + rule_id, "kind": "cross_sell", "title": "Title-" + rule_id,
           "say": "One more?", "when": {"scanned": {"sku": ["LATTE"]}},
           "offer": {"add": ["COOKIE"]}, **fields}
    return parse_rule(raw, 0)


RULES = [
    rule("unknown", offer={"add": ["NOPE"]}),
    rule("inactive", offer={"add": ["GONE-CAKE"]}),
    rule("dearer", kind="bundle", offer={"bundle": {"with": ["COOKIE"], "price": "9.00"}}),
    rule("same", kind="bundle", offer={"bundle": {"with": ["COOKIE"], "price": "2.00"}}),
    rule("expired", when={"scanned": {"sku": ["LATTE"]}, "time": {"to": "2026-01-01"}}),
    rule("ratio", max_offer_ratio="3"),
    rule("empty", say="Want a {size} {offer}?"),
    rule("long", say=" ".join(["word"] * 40)),
    rule("reward", kind="threshold", when={"event": "checkout"},
         offer={"threshold": {"order_total": "10.00", "reward": "COOKIE",
                              "reward_price": "3.00"}}),
    rule("tagless", when={"scanned": {"tag": ["nothing-has-it"]}}),
]


def findings() -> list[Finding]:
    return lint(RULES, CATALOG, Settings(), today=dt.date(2026, 11, 23))


def finding_text(finding: Finding) -> tuple[str, str]:
    return i18n.say(finding.message), i18n.say(finding.fix)


def test_the_rules_above_give_many_kinds_of_finding() -> None:
    assert len({f.code for f in findings()}) >= 9


@pytest.mark.usefixtures("spanish")
def test_every_finding_in_spanish() -> None:
    # what the findings name: products, tags, dates (the fields and settings they name are
    # in the catalog's sentences, as the pack writes them)
    names = ["NOPE", "GONE-CAKE", "COOKIE", "LATTE", "nothing-has-it", "2026-01-01", "offer.add",
             *(r.id for r in RULES), *(r.title for r in RULES), "say", "Cookie", "Latte",
             "when.scanned.tag",
             *("{" + name + "}" for name in PLACEHOLDERS)]
    for finding in findings():
        message, fix = finding_text(finding)
        assert message != finding.message, finding.message
        assert fix != finding.fix, finding.fix
        for text in (message, fix):
            assert english_left(text, names) == [], (finding.code, text)
    listed = findings_text(findings())
    assert listed.startswith("Error: ") or listed.startswith("Aviso: ")


def test_english_is_lint_s_own() -> None:
    i18n.use_language("en")
    for finding in findings():
        assert finding_text(finding) == (finding.message, finding.fix)
        assert i18n.say(finding.said()) == str(finding)


# ---------------------------------------------------------------- in the workspace

DRAFT = {"id": "latte-mug", "kind": "cross_sell", "title": "Mug with a latte",
         "when": {"scanned": {"sku": ["LATTE-T"], "tag": ["nothing-has-it"]},
                  "time": {"to": "2020-01-01"}},
         "offer": {"add": ["MUG-TRVL"]}, "say": "A {size} mug with your {item}?",
         "max_offer_ratio": "3"}
"""A typo in the offer (an error), an unknown tag, a window over, a placeholder with no
value and a ratio above 2 (warnings)."""
DRAFT_NAMES = ["latte-mug", "MUG-TRVL", "LATTE-T", "nothing-has-it", "2020-01-01",
               "offer.add", "when.scanned.tag", "say", "{size}", "{item}", "{offer}",
               "{price}", "{delta}", "{qty_diff}", "{unit}", "{per_unit_saving}",
               "{attach_rate}", "{saving}", "{gap}"]


def label(editor: RuleEditor, name: str) -> str:
    found = editor.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


@pytest.mark.usefixtures("spanish")
def test_the_rule_editor_lists_lint_s_findings_in_spanish(qtbot: QtBot,
                                                          cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as store:
        editor = RuleEditor(store, "manager", preview_delay_ms=0)
        qtbot.addWidget(editor)
        editor.edit_rule(parse_rule(DRAFT, 0), draft=True)
        editor.publish()
        findings = editor.findings
        assert {f.code for f in findings} >= {"unknown-offer", "unmatched-trigger", "expired",
                                              "placeholder-no-value", "ratio-above-2"}
        listed = label(editor, "lintFindings")
        status = label(editor, "publishStatus")
        for finding in findings:
            assert finding.message not in listed, "lint's English message was shown"
            assert finding.fix not in listed, "lint's English fix was shown"
        assert listed.startswith("Error: when.scanned.tag nombra") or \
            listed.startswith("Error: offer.add nombra MUG-TRVL"), listed
        assert english_left(listed, DRAFT_NAMES) == [], listed
        assert english_left(status, DRAFT_NAMES) == [], status

        editor.edit_rule(parse_rule({**DRAFT, "offer": {"add": ["MUG-TRAVEL"]}}, 0),
                         draft=True)
        editor.publish()  # warnings only: the question lists them
        box = editor.confirm_box
        assert box is not None
        assert "en el pasado" in box.text()
        assert english_left(box.text(), [*DRAFT_NAMES, "MUG-TRAVEL"]) == [], box.text()
        with qtbot.waitSignal(box.finished):
            box.button(QMessageBox.StandardButton.Cancel).click()


@pytest.mark.usefixtures("spanish")
def test_the_rule_list_says_why_a_rule_stays_inactive_in_spanish(
        qtbot: QtBot, store_with_rules: Callable[[str], Path]) -> None:
    path = store_with_rules("version: 1\nrules:\n  - " + json.dumps({**DRAFT, "active": False}))
    with Store.open(path) as store:
        controller = RulesController(store, "manager")
        with qtbot.waitSignal(controller.reloaded):
            controller.reload()
        with qtbot.waitSignal(controller.message) as said:
            assert not controller.set_active("latte-mug", True)
        controller.jobs.wait()
    line = said.args[0]
    assert line.startswith("La regla latte-mug"), line
    assert "MUG-TRVL" in line
    assert english_left(line, DRAFT_NAMES) == [], line
