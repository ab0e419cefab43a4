"""The rule editor's live preview (ui.workspace.preview.RulePreview) on its own: a small
catalog, rules as the form would hand them, the till's own engine and prompt card. What it
shows inside the editor and the workspace is in test_rule_editor.py and
test_preview_sample.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from tillwin_helpers import child

from pos_prompter.core.catalog import Catalog, Product, Sku
from pos_prompter.core.engine import Prompt, Skip
from pos_prompter.core.rules import Rule, Settings, parse_rule
from pos_prompter.ui.workspace.preview import NO_ORDER, NO_RULE, NO_TRIGGER, RulePreview
from pos_prompter.ui.workspace.product_picker import CatalogChoices

MORNING = dt.datetime(2026, 11, 23, 8, 10)
CATALOG = Catalog([
    Product(Sku("LATTE-T"), "Latte Tall", 425, ("2100000000012",), "coffee",
            family="latte", size_rank=1, size_label="Tall"),
    Product(Sku("LATTE-G"), "Latte Grande", 475, ("2100000000029",), "coffee",
            family="latte", size_rank=2, size_label="Grande"),
    Product(Sku("COOKIE"), "Oat Cookie", 225, ("2100000000227",), "bakery"),
    Product(Sku("SCONE"), "Old Scone", 300, ("2100000000999",), "bakery", active=False),
])
COOKIE_SAID = "A Oat Cookie with that?"


def rule(**fields: Any) -> Rule:
    raw = {"id": "coffee-cookie", "kind": "cross_sell", "title": "Cookie with a coffee",
           "when": {"scanned": {"category": ["coffee"]}}, "offer": {"add": ["COOKIE"]},
           "say": "A {offer} with that?", **fields}
    made = parse_rule(raw, 1)
    assert made is not None
    return made


SIZE_UP = rule(id="size-up", kind="upsell", title="Size up", offer={"next_size": True},
               say="A {size}?")

MakePreview = Callable[..., RulePreview]


@pytest.fixture
def make_preview(qtbot: QtBot) -> MakePreview:
    def make(delay_ms: int = 0) -> RulePreview:
        preview = RulePreview(CatalogChoices(CATALOG), Settings(), delay_ms=delay_ms,
                              now=MORNING)
        qtbot.addWidget(preview)
        preview.set_context(Settings(), [SIZE_UP])
        return preview
    return make


def reason(preview: RulePreview) -> str:
    return child(preview, QLabel, "previewReason").text()


def test_the_card_is_the_prompt_the_till_would_show(qtbot: QtBot,
                                                   make_preview: MakePreview) -> None:
    preview = make_preview()
    with qtbot.waitSignal(preview.updated) as update:
        preview.set_rule(rule())
    shown = update.args[0]
    assert isinstance(shown, Prompt)
    assert (shown.rule_id, shown.offer_skus, shown.delta) == ("coffee-cookie", ("COOKIE",), 225)
    assert preview.items() == ["LATTE-T"], "a sample from the rule's trigger"
    assert not preview.panel.isHidden()
    assert preview.panel.say.text() == COOKIE_SAID
    assert preview.panel.delta.text() == "+$2.25"
    assert child(preview, QLabel, "previewReason").isHidden()


def test_it_says_why_a_rule_would_not_fire(qtbot: QtBot, make_preview: MakePreview) -> None:
    preview = make_preview()
    preview.set_rule(rule())
    preview.add_item("COOKIE")
    preview.refresh()
    assert preview.items() == ["COOKIE"], "the manager's first item replaces the sample"
    assert preview.result == Skip(NO_TRIGGER)
    assert reason(preview) == f"Would not fire: {NO_TRIGGER}."
    assert preview.panel.isHidden()
    preview.add_item("2100000000012")  # the latte, by its barcode
    preview.refresh()
    assert isinstance(preview.result, Skip)
    assert reason(preview) == ("Would not fire: every offered item is already in the "
                               "order or unavailable.")


def test_without_a_valid_rule_or_an_order_it_says_what_is_missing(
        qtbot: QtBot, make_preview: MakePreview) -> None:
    preview = make_preview()
    preview.refresh()
    assert preview.result is None
    assert reason(preview) == NO_RULE == "Complete the rule in the form to see the prompt."
    preview.set_rule(rule())
    with qtbot.waitSignal(preview.updated) as update:
        preview.clear_order()
    assert update.args == [None]
    assert reason(preview) == NO_ORDER


def test_an_unknown_or_retired_product_is_refused_as_the_till_would(
        make_preview: MakePreview) -> None:
    preview = make_preview()
    message = child(preview, QLabel, "previewMessage")
    assert not preview.add_item(" 999 ")
    assert message.text() == "No product has the barcode or SKU '999'."
    assert not preview.add_item("2100000000999")
    assert message.text() == "Old Scone is not for sale: the till refuses it."
    assert preview.items() == []
    assert preview.add_item("LATTE-G")
    assert message.isHidden()
    assert preview.items() == ["LATTE-G"]


def test_a_draft_with_a_holdout_is_shown_as_if_live_and_says_so(
        make_preview: MakePreview) -> None:
    preview = make_preview()
    stored = rule(say="The stored version: left out, the form's is judged")
    preview.set_context(Settings(), [SIZE_UP, stored])
    preview.set_rule(rule(active=False, holdout=0.25))
    preview.refresh()
    assert isinstance(preview.result, Prompt)
    notes = child(preview, QLabel, "previewNotes").text()
    assert "Not active yet" in notes
    assert "25% of orders are held out as a control group" in notes
    assert "The sample order also raised: Size up (size-up)." in notes
    assert preview.other_prompts == ["size-up"]
    assert preview.panel.say.text() == COOKIE_SAID


def test_changes_close_together_are_judged_once(qtbot: QtBot,
                                                make_preview: MakePreview) -> None:
    preview = make_preview(delay_ms=20)
    seen: list[object] = []
    preview.updated.connect(seen.append)
    preview.set_rule(rule())
    preview.add_item("LATTE-T")
    preview.add_item("LATTE-G")
    preview.set_time(MORNING + dt.timedelta(hours=1))
    qtbot.waitUntil(lambda: bool(seen))
    assert len(seen) == 1
    assert preview.items() == ["LATTE-T", "LATTE-G"]
    assert preview.now() == MORNING + dt.timedelta(hours=1)


def test_a_hidden_preview_does_not_judge_again(qtbot: QtBot,
                                               make_preview: MakePreview) -> None:
    preview = make_preview(delay_ms=20)
    with qtbot.waitExposed(preview):
        preview.show()
    preview.set_rule(rule())
    with qtbot.assertNotEmitted(preview.updated, wait=100):  # five times the delay
        preview.hide()  # a closing window: its store may be gone by the time the delay ends


def test_removing_lines_takes_them_out_of_the_order(make_preview: MakePreview) -> None:
    preview = make_preview()
    for code in ("LATTE-T", "COOKIE", "LATTE-G"):
        preview.add_item(code)
    preview.order_list.item(1).setSelected(True)
    preview.order_list.item(2).setSelected(True)
    preview.remove_button.click()
    assert preview.items() == ["LATTE-T"]
    assert preview.order_list.count() == 1
    assert preview.order_list.item(0).text() == "Latte Tall  $4.25"


def test_the_customer_types_offered_are_the_rules_own(make_preview: MakePreview) -> None:
    preview = make_preview()
    members = rule(id="members", when={"scanned": {"category": ["coffee"]},
                                       "customer": ["member", "staff"]})
    preview.set_context(Settings(), [SIZE_UP, members])
    box = preview.customer_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "(no customer type)", "member", "staff"]
    preview.set_rule(members)
    assert preview.customer() == "member", "the sample is for whom the rule is"
    preview.refresh()
    assert isinstance(preview.result, Prompt)
    preview.set_customer(None)
    preview.refresh()
    assert preview.result == Skip("not for this customer type")


def test_the_card_can_sit_above_or_below_the_sample_order(make_preview: MakePreview) -> None:
    preview = make_preview()
    assert not preview.card_first()
    preview.set_card_first(True)
    assert preview.card_first()
    assert preview.body.indexOf(preview.order_box) == 1
    preview.set_card_first(False)
    assert not preview.card_first()
    assert preview.column_width() >= preview.panel.minimumSizeHint().width()


def test_a_rule_in_a_foreign_currency_shows_its_money(make_preview: MakePreview) -> None:
    preview = make_preview()
    preview.set_context(Settings(currency="EUR"), [SIZE_UP])
    preview.set_rule(rule())
    preview.refresh()
    assert preview.panel.delta.text() == "+€2.25"
