"""RulePublisher without a window: lint, the warnings question, and the save, on a real
store file (the cafe demo), said by its signals. The question is a real QMessageBox (with no
window to be modal to), answered with its own buttons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_support import read_only
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.rules import Rule, parse_rule
from pos_prompter.store import Store
from pos_prompter.ui.workspace.rules.editor_context import EditorContext, read_context
from pos_prompter.ui.workspace.rules.publisher import RulePublisher

SIGNALS = ("linted", "published", "unchanged", "refused", "declined")


def cookie(*, offer: str = "COOKIE-OAT", say: str = "An {offer} with that?") -> Rule:
    return parse_rule({"id": "latte-cookie", "kind": "cross_sell",
                       "title": "Cookie with a latte", "when": {"scanned": {"sku": ["LATTE-T"]}},
                       "offer": {"add": [offer]}, "say": say, "priority": 20}, 1)


class Heard:
    """What a publisher said, in order: (signal name, its argument)."""

    def __init__(self, publisher: RulePublisher) -> None:
        self.said: list[tuple[str, Any]] = []
        for name in SIGNALS:
            getattr(publisher, name).connect(
                lambda arg, name=name: self.said.append((name, arg)))

    def names(self) -> list[str]:
        return [name for name, _arg in self.said]


@pytest.fixture
def store(cafe_store_path: Path) -> Iterator[Store]:
    with Store.open(cafe_store_path) as opened:
        yield opened


@pytest.fixture
def publisher(qtbot: QtBot, store: Store) -> RulePublisher:
    return RulePublisher(store, "manager")


def stored(path: Path) -> dict[str, Rule]:
    with Store.open(path) as other:
        return {r.id: r for r in other.rules.load()}


def rule_audit(store: Store, rule_id: str) -> list[tuple[str, str]]:
    return store.db.execute("SELECT actor, action FROM audit_log WHERE entity = 'rule' AND "
                            "entity_id = ? ORDER BY rowid", [rule_id]).fetchall()


def test_a_clean_rule_is_saved_at_once_audited_under_the_actor(
        publisher: RulePublisher, store: Store, cafe_store_path: Path) -> None:
    heard = Heard(publisher)
    before = store.publish_revision()

    publisher.publish(cookie(), read_context(store))

    assert heard.said == [("linted", []), ("published", "latte-cookie")]
    assert publisher.confirm_box is None, "no warnings: no question"
    assert stored(cafe_store_path)["latte-cookie"] == cookie()
    assert rule_audit(store, "latte-cookie") == [("manager", "add")]
    assert store.publish_revision() == before + 1


def test_the_same_rule_again_is_unchanged_and_writes_nothing(
        publisher: RulePublisher, store: Store) -> None:
    publisher.publish(cookie(), read_context(store))
    revision = store.publish_revision()
    heard = Heard(publisher)

    publisher.publish(cookie(), read_context(store))

    assert heard.said == [("linted", []), ("unchanged", "latte-cookie")]
    assert store.publish_revision() == revision
    assert rule_audit(store, "latte-cookie") == [("manager", "add")]


def test_a_lint_error_refuses_the_rule(publisher: RulePublisher, store: Store,
                                       cafe_store_path: Path) -> None:
    heard = Heard(publisher)

    publisher.publish(cookie(offer="COOKIE-XL"), read_context(store))  # no such product

    assert heard.names() == ["linted", "refused"]
    findings = heard.said[0][1]
    assert [f.severity for f in findings] == ["error"]
    assert "offer.add names COOKIE-XL, not in the catalog" in findings[0].message
    assert heard.said[1][1] == "lint found 1 error (below) to fix first."
    assert publisher.findings == findings
    assert "latte-cookie" not in stored(cafe_store_path)


def test_warnings_are_asked_first_and_cancel_declines(
        qtbot: QtBot, publisher: RulePublisher, store: Store, cafe_store_path: Path) -> None:
    heard = Heard(publisher)
    publisher.publish(cookie(say="A {size} cookie with that?"), read_context(store))

    box = publisher.confirm_box
    assert box is not None
    assert box.objectName() == "publishConfirm"
    assert box.isVisible()
    assert "Lint has 1 warning about latte-cookie" in box.text()
    assert "{size}" in box.text()
    assert heard.names() == ["linted"], "nothing saved or refused while it asks"
    with qtbot.waitSignal(publisher.declined) as declined:
        box.button(QMessageBox.StandardButton.Cancel).click()

    assert declined.args == ["latte-cookie"]
    assert heard.names() == ["linted", "declined"]
    assert publisher.confirm_box is None
    assert "latte-cookie" not in stored(cafe_store_path)


def test_warnings_confirmed_publish_the_rule(
        qtbot: QtBot, publisher: RulePublisher, store: Store, cafe_store_path: Path) -> None:
    rule = cookie(say="A {size} cookie with that?")
    publisher.publish(rule, read_context(store))
    box = publisher.confirm_box
    assert box is not None
    assert box.button(QMessageBox.StandardButton.Yes).text() == "Publish anyway"

    with qtbot.waitSignal(publisher.published) as published:
        box.button(QMessageBox.StandardButton.Yes).click()

    assert published.args == ["latte-cookie"]
    assert stored(cafe_store_path)["latte-cookie"] == rule
    assert publisher.confirm_box is None


def test_lint_judges_the_context_it_is_given(publisher: RulePublisher, store: Store) -> None:
    """The catalog, settings and rules the caller read (the editor's, or the rule list's
    background load) are what lint sees, not a new read of the store."""
    context = read_context(store)
    heard = Heard(publisher)
    publisher.publish(cookie(), EditorContext(Catalog(), context.settings, context.rules,
                                              context.revision))
    assert heard.names() == ["linted", "refused"]
    assert any("COOKIE-OAT, not in the catalog" in f.message for f in heard.said[0][1])


def test_a_store_that_cannot_be_written_refuses_the_rule_in_a_sentence(
        qtbot: QtBot, cafe_store_path: Path) -> None:
    with read_only(cafe_store_path.parent), Store.open(cafe_store_path) as store:
        assert store.read_only is not None
        publisher = RulePublisher(store, "manager")
        heard = Heard(publisher)
        publisher.publish(cookie(), read_context(store))
    assert heard.names() == ["linted", "refused"]
    reason = heard.said[1][1]
    assert reason == store.read_only
    assert "\n" not in reason
    assert "latte-cookie" not in stored(cafe_store_path)
