"""The rule editor, as a manager uses it: a real store file (the cafe demo), real widgets
offscreen, fields set with the widgets' own methods, no sleeps (the preview's delay is 0 and
tests wait on conditions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tillwin_helpers import LATTE_TALL, child, label_text, panel, press, scan

from pos_prompter.bootstrap import init_store
from pos_prompter.core.engine import Prompt
from pos_prompter.core.rules import Rule, parse_rule, rule_to_dict
from pos_prompter.resources import DEMOS
from pos_prompter.store import Store
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.preview import RulePreview
from pos_prompter.ui.workspace.product_picker import ValueListEdit
from pos_prompter.ui.workspace.rule_editor import RuleEditor

MORNING = dt.datetime(2026, 11, 23, 8, 10)
"""A Monday at 8:10, as the till tests' clock."""
EVENING = dt.datetime(2026, 11, 23, 20, 0)
SAY = "Would you like an {offer} with your {item}? Only {price}."
SAID = "Would you like an Oat Cookie with your Latte Tall? Only $2.25."

MakeEditor = Callable[..., RuleEditor]


@pytest.fixture
def make_editor(qtbot: QtBot) -> Iterator[MakeEditor]:
    """RuleEditors on store files, signed in as "manager", with an immediate preview at
    Monday 8:10; their stores are closed at teardown."""
    stores: list[Store] = []

    def make(path: Path) -> RuleEditor:
        store = Store.open(path)
        stores.append(store)
        editor = RuleEditor(store, "manager", preview_delay_ms=0)
        qtbot.addWidget(editor)
        editor.preview.set_time(MORNING)
        return editor

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def editor(make_editor: MakeEditor, cafe_store_path: Path) -> RuleEditor:
    return make_editor(cafe_store_path)


# ---------------------------------------------------------------- helpers


def line(editor: RuleEditor, name: str) -> QLineEdit:
    return child(editor, QLineEdit, name)


def text(editor: RuleEditor, name: str) -> QPlainTextEdit:
    return child(editor, QPlainTextEdit, name)


def values(editor: RuleEditor, name: str) -> ValueListEdit:
    return child(editor, ValueListEdit, name)


def choose(editor: RuleEditor, name: str, data: str) -> None:
    combo = child(editor, QComboBox, name)
    combo.setCurrentIndex(combo.findData(data))


def problem(editor: RuleEditor, label_name: str) -> str:
    """The problem shown next to a field ("" when there is none, or it is hidden)."""
    label = child(editor, QLabel, label_name)
    return "" if label.isHidden() else label.text()


def fill_latte_cookie(editor: RuleEditor, *, say: str = SAY,
                      offer: str = "COOKIE-OAT") -> None:
    """A new cross-sell: an oat cookie with a tall latte, typed in field by field."""
    line(editor, "ruleId").setText("latte-cookie")
    choose(editor, "ruleKind", "cross_sell")
    line(editor, "ruleTitle").setText("Cookie with a latte")
    values(editor, "scannedSku").add_value("LATTE-T")
    values(editor, "offerAdd").add_value(offer)
    text(editor, "ruleSay").setPlainText(say)
    child(editor, QSpinBox, "rulePriority").setValue(20)


def shown(editor: RuleEditor) -> str:
    """What the preview shows: the card's say text, or the reason."""
    preview = editor.preview
    if not preview.panel.isHidden():
        return preview.panel.say.text()
    return child(preview, QLabel, "previewReason").text()


def wait_preview(qtbot: QtBot, editor: RuleEditor, expected: str) -> None:
    def check() -> None:
        assert expected in shown(editor)

    qtbot.waitUntil(check)


def stored_rules(path: Path) -> dict[str, Rule]:
    """The rules in the store file, read on a connection of its own."""
    with Store.open(path) as store:
        return {r.id: r for r in store.rules.load()}


# ---------------------------------------------------------------- the form


def test_a_new_rule_starts_empty_and_publish_says_what_is_still_missing_by_each_field(
        editor: RuleEditor) -> None:
    assert editor.objectName() == "ruleEditor"
    assert not editor.has_unsaved_changes()
    assert editor.rule() is None
    assert "is required" in editor.problems()["title"][0]
    assert problem(editor, "ruleTitleError") == "", "nothing touched yet: no red"
    publish = child(editor, QPushButton, "publishButton")
    assert publish.isEnabled(), "pressable, to say what is missing"

    publish.click()
    assert "is required" in problem(editor, "ruleIdError")
    assert "is required" in problem(editor, "ruleTitleError")
    assert "is required" in problem(editor, "ruleSayError")
    assert "at least one product" in problem(editor, "offerAddError")
    assert not publish.isEnabled()
    assert not line(editor, "ruleId").isReadOnly()


def test_a_valid_new_cross_sell_builds_the_rule_pack_dict(editor: RuleEditor) -> None:
    fill_latte_cookie(editor)

    assert editor.problems() == {}
    assert editor.rule_dict() == {
        "id": "latte-cookie", "kind": "cross_sell", "title": "Cookie with a latte",
        "when": {"scanned": {"sku": ["LATTE-T"]}}, "offer": {"add": ["COOKIE-OAT"]},
        "say": SAY, "priority": 20}
    assert editor.rule() == parse_rule(editor.rule_dict(), 1)
    assert child(editor, QPushButton, "publishButton").isEnabled()
    assert editor.has_unsaved_changes()


def test_problems_show_next_to_their_fields_as_you_type(editor: RuleEditor) -> None:
    fill_latte_cookie(editor)
    publish = child(editor, QPushButton, "publishButton")

    line(editor, "ruleId").setText("Latte Cookie")
    assert "'Latte Cookie' cannot be a rule code" in problem(editor, "ruleIdError")
    assert not publish.isEnabled()
    line(editor, "ruleId").setText("latte-cookie")
    assert problem(editor, "ruleIdError") == ""

    text(editor, "ruleSay").setPlainText("A {colour} cookie?")
    assert "placeholder {colour} is not allowed" in problem(editor, "ruleSayError")
    assert problem(editor, "ruleIdError") == ""
    assert not publish.isEnabled()
    text(editor, "ruleSay").setPlainText(SAY)

    choose(editor, "ruleKind", "bundle")
    values(editor, "offerBundleWith").add_value("CROISSANT")
    line(editor, "offerBundlePrice").setText("2.005")
    assert "at most 2 decimals" in problem(editor, "offerBundlePriceError")
    line(editor, "offerBundlePrice").setText("2.00")
    assert problem(editor, "offerBundlePriceError") == ""
    assert editor.rule_dict()["offer"] == {"bundle": {"with": ["CROISSANT"],
                                                      "price": "2.00"}}
    assert editor.problems() == {}
    assert publish.isEnabled()


def test_a_new_rule_may_not_take_the_id_of_another(editor: RuleEditor) -> None:
    fill_latte_cookie(editor)
    line(editor, "ruleId").setText("coffee-pastry")
    assert "already the id of another rule" in problem(editor, "ruleIdError")
    assert editor.rule() is None


def test_more_problems_each_beside_its_own_field(editor: RuleEditor) -> None:
    fill_latte_cookie(editor)
    line(editor, "orderTotalMin").setText("3.5.0")
    line(editor, "ruleHoldout").setText("1.5")
    choose(editor, "ruleEvent", "checkout")

    assert "'3.5.0' is not an amount" in problem(editor, "orderTotalMinError")
    assert "share from 0" in problem(editor, "ruleHoldoutError")
    assert "at checkout nothing is being scanned" in problem(editor, "scannedError")

    choose(editor, "ruleEvent", "scan")
    child(editor, QCheckBox, "timeHoursOn").setChecked(True)
    child(editor, QTimeEdit, "timeHoursTo").setTime(child(editor, QTimeEdit,
                                                          "timeHoursFrom").time())
    assert "empty time window" in problem(editor, "timeHoursError")


def test_the_kind_chooses_which_offer_fields_show_and_which_placeholders_are_usable(
        editor: RuleEditor) -> None:
    for kind, field in (("upsell", "offerNextSize"), ("cross_sell", "offerAdd"),
                        ("bundle", "offerBundlePrice"), ("threshold", "offerReward")):
        choose(editor, "ruleKind", kind)
        assert editor.offer_pages.currentWidget().isAncestorOf(child(editor, QWidget, field))

    choose(editor, "ruleKind", "cross_sell")
    offer_button = child(editor, QToolButton, "placeholder_offer")
    size_button = child(editor, QToolButton, "placeholder_size")
    assert offer_button.isEnabled()
    assert "name of the offered product" in offer_button.toolTip()
    assert not size_button.isEnabled()
    assert "size label of the upgrade target" in size_button.toolTip()
    choose(editor, "ruleKind", "upsell")
    assert size_button.isEnabled()
    assert not child(editor, QToolButton, "placeholder_gap").isEnabled()


def test_the_form_is_in_sections_and_the_links_above_it_scroll_to_each(
        qtbot: QtBot, editor: RuleEditor) -> None:
    editor.resize(900, 640)
    with qtbot.waitExposed(editor):
        editor.show()
    titles = {key: child(box, QLabel, "sectionTitle").text()
              for key, box in editor.sections.items()}
    assert titles == {"rule": "The rule", "trigger": "What triggers it",
                      "offer": "What it offers", "words": "What the clerk says",
                      "guardrails": "Guardrails & timing"}
    for key, fields in (("rule", ("ruleId", "ruleTitle", "ruleActive")),
                        ("trigger", ("ruleEvent", "scannedSku", "orderHas", "ruleCustomer")),
                        ("offer", ("ruleKind", "offerAdd")),
                        ("words", ("ruleSay", "ruleWhy", "placeholder_offer")),
                        ("guardrails", ("timeHoursOn", "timeDayMon", "timeFrom",
                                        "rulePriority", "ruleHoldout", "ruleMaxOfferRatio"))):
        for name in fields:
            assert editor.sections[key].isAncestorOf(child(editor, QWidget, name)), name

    scroll = editor.form_scroll
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0, "a long form: it scrolls"
    for key in reversed(list(editor.sections)):
        child(editor, QToolButton, f"sectionLink_{key}").click()
        top = editor.sections[key].mapTo(scroll.viewport(), QPoint(0, 0)).y()
        assert 0 <= top <= 10 or (bar.value() == bar.maximum() and top > 0), key
    assert bar.value() == 0, "the first section: back at the top"
    editor.close()


def test_the_offer_section_is_as_tall_as_the_kinds_fields(qtbot: QtBot,
                                                          editor: RuleEditor) -> None:
    editor.resize(900, 640)
    with qtbot.waitExposed(editor):
        editor.show()
    pages = editor.offer_pages
    choose(editor, "ruleKind", "threshold")  # four fields
    qtbot.waitUntil(lambda: pages.height() == pages.currentWidget().height())
    tall = pages.height()

    choose(editor, "ruleKind", "cross_sell")  # one
    qtbot.waitUntil(lambda: pages.height() < tall)
    page = pages.currentWidget()
    needs = max(page.heightForWidth(pages.width()), page.minimumSizeHint().height())
    assert pages.height() <= needs + 2, "no room left for the threshold's fields"
    editor.close()


def test_money_is_written_as_decimal_text_never_float(editor: RuleEditor) -> None:
    choose(editor, "ruleKind", "threshold")
    line(editor, "offerOrderTotal").setText("25")
    line(editor, "offerWithin").setText("5.50")
    line(editor, "offerReward").setText("MUG-TRAVEL")
    line(editor, "offerRewardPrice").setText("0.10")
    line(editor, "orderTotalMax").setText("40.00")

    built = editor.rule_dict()
    assert built["offer"] == {"threshold": {"order_total": "25", "within": "5.50",
                                            "reward": "MUG-TRAVEL", "reward_price": "0.10"}}
    assert built["when"]["order"] == {"total_max": "40.00"}


def test_clicking_a_placeholder_inserts_it_at_the_cursor(editor: RuleEditor) -> None:
    fill_latte_cookie(editor, say="Would you like an  with that?")
    say = text(editor, "ruleSay")
    cursor = say.textCursor()
    cursor.setPosition(len("Would you like an "))
    say.setTextCursor(cursor)

    child(editor, QToolButton, "placeholder_offer").click()

    assert say.toPlainText() == "Would you like an {offer} with that?"
    assert say.textCursor().position() == len("Would you like an {offer}")
    assert editor.rule_dict()["say"] == "Would you like an {offer} with that?"
    editor.undo_action.trigger()
    assert say.toPlainText() == "Would you like an  with that?", "one step of its own"


def test_undo_and_redo_restore_field_values(editor: RuleEditor) -> None:
    title = line(editor, "ruleTitle")
    for typed in ("C", "Co", "Coo", "Cookie"):  # keystrokes in one field: one step
        title.setText(typed)
    choose(editor, "ruleKind", "bundle")
    values(editor, "scannedSku").add_value("LATTE-T")
    line(editor, "ruleHoldout").setText("0.1")
    assert editor.undo_stack.count() == 4

    editor.undo_action.trigger()
    assert line(editor, "ruleHoldout").text() == ""
    editor.undo_action.trigger()
    assert values(editor, "scannedSku").values() == []
    assert values(editor, "scannedSku").chips() == []
    editor.undo_action.trigger()
    assert child(editor, QComboBox, "ruleKind").currentData() == "cross_sell"
    assert editor.offer_pages.currentWidget().isAncestorOf(values(editor, "offerAdd"))
    editor.undo_action.trigger()
    assert title.text() == ""
    assert not editor.has_unsaved_changes()

    editor.redo_action.trigger()
    editor.redo_action.trigger()
    editor.redo_action.trigger()
    assert title.text() == "Cookie"
    assert child(editor, QComboBox, "ruleKind").currentData() == "bundle"
    assert values(editor, "scannedSku").values() == ["LATTE-T"]
    assert [c.property("value") for c in values(editor, "scannedSku").chips()] == ["LATTE-T"]
    assert editor.rule_dict()["when"] == {"scanned": {"sku": ["LATTE-T"]}}
    assert editor.has_unsaved_changes()


def test_ctrl_z_and_ctrl_shift_z_undo_the_form_from_inside_a_text_field(
        qtbot: QtBot, editor: RuleEditor) -> None:
    with qtbot.waitExposed(editor):
        editor.show()
    editor.activateWindow()
    title = line(editor, "ruleTitle")
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, "Cookie")
    choose(editor, "ruleKind", "bundle")

    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert child(editor, QComboBox, "ruleKind").currentData() == "cross_sell"
    assert title.text() == "Cookie", "the kind is undone, not the title's last letter"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == ""
    qtbot.keyClick(title, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert title.text() == "Cookie"

    why = text(editor, "ruleWhy")
    why.setFocus()
    qtbot.waitUntil(why.hasFocus)
    child(editor, QToolButton, "placeholder_item").click()
    assert why.toPlainText() == "{item}", "inserted where the cursor was last: in why"
    assert why.hasFocus()
    editor.close()


def test_editing_an_existing_rule_shows_it_and_its_id_cannot_change(
        editor: RuleEditor, cafe_store_path: Path) -> None:
    rule = stored_rules(cafe_store_path)["coffee-pastry"]
    editor.edit_rule(rule)

    assert line(editor, "ruleId").isReadOnly()
    assert line(editor, "ruleTitle").text() == "Afternoon treat with a coffee"
    assert values(editor, "scannedCategory").values() == ["coffee"]
    assert values(editor, "offerAdd").values() == ["CINN-ROLL", "MUFFIN-BB", "COOKIE-OAT"]
    assert child(editor, QCheckBox, "timeHoursOn").isChecked()
    assert child(editor, QTimeEdit, "timeHoursFrom").time().toString("HH:mm") == "11:00"
    assert child(editor, QTimeEdit, "timeHoursTo").time().toString("HH:mm") == "17:00"
    assert line(editor, "ruleMaxOfferRatio").text() == "1.5"
    assert child(editor, QSpinBox, "rulePriority").value() == 5
    assert not editor.has_unsaved_changes()
    assert editor.undo_stack.count() == 0

    line(editor, "ruleTitle").setText("Afternoon treat")
    assert editor.has_unsaved_changes()
    editor.undo_action.trigger()
    assert not editor.has_unsaved_changes()


@pytest.mark.parametrize("demo", DEMOS)
def test_every_demo_rule_loads_every_field_and_builds_the_same_dict(
        make_editor: MakeEditor, tmp_path: Path, demo: str) -> None:
    path = tmp_path / "s.db"
    init_store(path, demo=demo).close()
    editor = make_editor(path)
    rules = list(stored_rules(path).values())
    assert rules
    for rule in rules:
        editor.edit_rule(rule)
        assert editor.rule_dict() == rule_to_dict(rule), rule.id
        assert editor.problems() == {}, rule.id
        assert editor.rule() == rule, rule.id
        assert not editor.has_unsaved_changes(), rule.id
        assert line(editor, "ruleId").isReadOnly(), rule.id


# ---------------------------------------------------------------- the preview


def test_the_preview_shows_the_prompt_exactly_as_the_till_would(
        qtbot: QtBot, editor: RuleEditor) -> None:
    preview = editor.preview
    assert child(editor, RulePreview, "rulePreview") is preview
    fill_latte_cookie(editor)
    wait_preview(qtbot, editor, SAID)  # at once, on a sample made from the trigger
    assert preview.items() == ["LATTE-T"]
    assert preview.sample_is_auto

    with qtbot.waitSignal(preview.updated) as update:
        preview.add_item(LATTE_TALL)  # a barcode, as the scanner sends: the manager's own
    prompt = update.args[0]
    assert isinstance(prompt, Prompt)
    assert preview.items() == ["LATTE-T"]
    card = preview.panel
    assert not card.isHidden()
    assert card.say.text() == SAID
    assert card.kind_tag.text() == "CROSS-SELL"
    assert card.delta.text() == "+$2.25"
    assert "Oat Cookie at its usual price, $2.25" in card.why.text()
    assert not card.accept_button.isEnabled()
    assert not card.decline_button.isEnabled()
    assert child(preview, QLabel, "previewReason").isHidden()
    assert "Size up espresso drinks" in child(preview, QLabel, "previewNotes").text()

    text(editor, "ruleSay").setPlainText("One {offer}, {price}?")  # every valid edit
    wait_preview(qtbot, editor, "One Oat Cookie, $2.25?")


def test_the_preview_says_why_the_rule_would_not_fire(qtbot: QtBot,
                                                      editor: RuleEditor) -> None:
    fill_latte_cookie(editor)
    preview = editor.preview
    preview.add_item("LATTE-T")
    wait_preview(qtbot, editor, SAID)

    preview.add_item("COOKIE-OAT")
    wait_preview(qtbot, editor, "Would not fire: every offered item is already in the order")
    assert preview.panel.isHidden()
    preview.clear_order()
    preview.add_item("LATTE-T")
    wait_preview(qtbot, editor, SAID)

    child(editor, QCheckBox, "timeHoursOn").setChecked(True)  # 06:00-11:00
    assert editor.rule_dict()["when"]["time"] == {"hours": "06:00-11:00"}
    wait_preview(qtbot, editor, SAID)
    preview.set_time(EVENING)
    wait_preview(qtbot, editor, "Would not fire: outside its time window")
    preview.set_time(MORNING)
    wait_preview(qtbot, editor, SAID)

    offer = values(editor, "offerAdd")
    offer.remove_value("COOKIE-OAT")
    offer.add_value("BEANS-HOUSE")
    wait_preview(qtbot, editor, "Would not fire: blocked by the price ratio: adds $9.00 to "
                                "$4.25 (limit 1.0x)")

    line(editor, "ruleId").setText("Bad Id")
    wait_preview(qtbot, editor, "Complete the rule in the form")


def test_the_preview_plays_customer_type_and_scanned_items(qtbot: QtBot,
                                                           editor: RuleEditor) -> None:
    fill_latte_cookie(editor)
    values(editor, "ruleCustomer").add_value("member")
    preview = editor.preview
    assert preview.customer() == "member", "the sample is for whom the rule is"
    preview.set_customer(None)
    preview.add_item("CROISSANT")  # the manager's own sample from now on
    wait_preview(qtbot, editor, "nothing in the sample order matches its scanned items")
    preview.add_item("LATTE-T")
    wait_preview(qtbot, editor, "Would not fire: not for this customer type")
    preview.set_customer("member")
    wait_preview(qtbot, editor, SAID)
    assert not preview.add_item("NO-SUCH-THING")
    assert "No product has the barcode or SKU" in child(preview, QLabel,
                                                        "previewMessage").text()
    assert preview.items() == ["CROISSANT", "LATTE-T"]


# ---------------------------------------------------------------- publishing


def test_publishing_a_rule_with_a_lint_error_is_refused(
        qtbot: QtBot, editor: RuleEditor, cafe_store_path: Path) -> None:
    fill_latte_cookie(editor, offer="COOKIE-XL")  # a typo: no such product
    assert editor.problems() == {}, "a valid rule: the catalog is lint's business"

    with qtbot.assertNotEmitted(editor.rule_published):
        child(editor, QPushButton, "publishButton").click()

    findings = child(editor, QLabel, "lintFindings")
    assert not findings.isHidden()
    assert "offer.add names COOKIE-XL, not in the catalog" in findings.text()
    assert "Not published" in child(editor, QLabel, "publishStatus").text()
    assert editor.confirm_box is None
    assert "latte-cookie" not in stored_rules(cafe_store_path)
    assert editor.has_unsaved_changes()


def test_a_warning_must_be_confirmed_before_publishing(
        qtbot: QtBot, editor: RuleEditor, cafe_store_path: Path) -> None:
    fill_latte_cookie(editor, say="A {size} cookie with that? Only {price}.")

    child(editor, QPushButton, "publishButton").click()
    box = editor.confirm_box
    assert box is not None
    assert box.isVisible()
    assert box.windowModality() == Qt.WindowModality.WindowModal, "open(), never exec()"
    assert "{size}" in box.text()
    with qtbot.waitSignal(box.finished), qtbot.assertNotEmitted(editor.rule_published):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert "latte-cookie" not in stored_rules(cafe_store_path)

    child(editor, QPushButton, "publishButton").click()
    box = editor.confirm_box
    assert box is not None
    with qtbot.waitSignal(editor.rule_published) as published:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert published.args == ["latte-cookie"]
    assert stored_rules(cafe_store_path)["latte-cookie"].say == \
        "A {size} cookie with that? Only {price}."
    assert editor.confirm_box is None


def test_a_published_rule_is_in_the_store_and_live_at_the_till(
        qtbot: QtBot, editor: RuleEditor, cafe_store_path: Path,
        make_till_window: Callable[..., TillWindow]) -> None:
    window = make_till_window(cafe_store_path)
    fill_latte_cookie(editor)
    editor.preview.add_item("LATTE-T")
    wait_preview(qtbot, editor, SAID)

    with qtbot.waitSignal(editor.rule_published) as published, \
            qtbot.waitSignal(window.rules_reloaded, timeout=5000):
        child(editor, QPushButton, "publishButton").click()

    assert published.args == ["latte-cookie"]
    assert editor.confirm_box is None, "no warnings: no question"
    saved = stored_rules(cafe_store_path)["latte-cookie"]
    assert rule_to_dict(saved) == editor.rule_dict()
    assert not editor.has_unsaved_changes()
    assert editor.undo_stack.isClean()
    assert line(editor, "ruleId").isReadOnly()
    assert "Published latte-cookie" in child(editor, QLabel, "publishStatus").text()
    with Store.open(cafe_store_path) as other:
        audit = other.db.execute("SELECT actor, action FROM audit_log WHERE entity = 'rule' "
                                 "AND entity_id = ?", ["latte-cookie"]).fetchall()
    assert audit == [("manager", "add")]

    scan(qtbot, window, LATTE_TALL)
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "coffee-size-up"  # a line's upsell comes first
    press(qtbot, window, Qt.Key.Key_F10)
    assert panel(window).isVisible()
    assert window.till.prompt is not None
    assert window.till.prompt.rule_id == "latte-cookie"
    assert label_text(window, "promptSay") == SAID == editor.preview.panel.say.text()


def test_publishing_an_edit_of_an_existing_rule_changes_it_in_place(
        qtbot: QtBot, editor: RuleEditor, cafe_store_path: Path) -> None:
    editor.edit_rule(stored_rules(cafe_store_path)["coffee-pastry"])
    line(editor, "ruleTitle").setText("Afternoon treat")
    with qtbot.waitSignal(editor.rule_published):
        child(editor, QPushButton, "publishButton").click()
    rules = stored_rules(cafe_store_path)
    assert rules["coffee-pastry"].title == "Afternoon treat"
    assert len(rules) == 6
    assert not editor.has_unsaved_changes()


def test_close_asks_the_window(qtbot: QtBot, editor: RuleEditor) -> None:
    with qtbot.waitSignal(editor.closed):
        child(editor, QPushButton, "closeButton").click()
