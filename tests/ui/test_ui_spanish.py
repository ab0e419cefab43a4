"""The translated areas of the window in Spanish (issue 14.3): each widget and dialog is
built under the Spanish catalog and every text it shows is Spanish or data. The areas grow
with pos_prompter.i18n.build.TRANSLATED; those not listed there are not checked yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from spanish_check import (
    assert_all_spanish,
    audit_data,
    english_left,
    spanish,  # noqa: F401 - the fixture, used by name
)
from test_prompt_panel import make_prompt
from tillwin_helpers import LATTE_TALL, press, scan

from pos_prompter.core.errors import UserError
from pos_prompter.core.money import format_money
from pos_prompter.core.reward_progress import WaitingReward
from pos_prompter.core.till_event import TillEvent
from pos_prompter.i18n import translate
from pos_prompter.imports import ITEMS, RULES
from pos_prompter.practice import library
from pos_prompter.practice.practice_store import ensure_practice_store
from pos_prompter.store import Store
from pos_prompter.store.auth import StaffStore
from pos_prompter.store.practice import PracticeStore, RunRecord
from pos_prompter.ui.clerk_sign_in import ClerkSignInPanel, clerk_text
from pos_prompter.ui.customer_type import CustomerTypeBar, customer_text, type_text
from pos_prompter.ui.order_model import NOTE
from pos_prompter.ui.practice.trainer_view import TrainerView
from pos_prompter.ui.practice.widgets import CustomerBubble, PracticeBar, ScoreCard
from pos_prompter.ui.prompt_panel import PromptPanel
from pos_prompter.ui.store_guard import damaged_offer
from pos_prompter.ui.threshold_mark import mark_text
from pos_prompter.ui.till_messages import describe, failure_text
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.widgets import optional_date_edit
from pos_prompter.ui.workspace.audit_view import AuditView
from pos_prompter.ui.workspace.import_dialog import ImportDialog
from pos_prompter.ui.workspace.sign_in import (
    ChangePasswordDialog,
    FirstManagerDialog,
    SignInDialog,
    TrainerSignInDialog,
)
from pos_prompter.ui.workspace.suggestion_list import SuggestionList
from pos_prompter.ui.workspace.whatif_panel import WhatIfPanel

DEMO_ROOT = Path(__file__).resolve().parents[2] / "resources" / "demo"

pytestmark = pytest.mark.usefixtures("spanish")


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[QWidget]:
    widget = QWidget()
    widget.setObjectName("host")
    qtbot.addWidget(widget)
    yield widget
    widget.close()


@pytest.fixture
def staff(cafe_store_path: Path) -> Iterator[StaffStore]:
    with Store.open(cafe_store_path) as store:
        yield StaffStore(store)


def test_the_check_finds_english_and_spares_data_and_spanish(host: QWidget) -> None:
    assert english_left("Order price") == ["order", "price"]  # "total" is Spanish too
    assert english_left("Latte Tall: 2", data=["Latte Tall"]) == []
    assert english_left("Aceptar  F9") == []
    label = QLabel("Nothing translated here", host)
    label.show()
    with pytest.raises(AssertionError, match="Nothing translated here"):
        assert_all_spanish(host)


def test_prompt_card_every_kind(host: QWidget) -> None:
    panel = PromptPanel(host)
    host.show()
    prompt = make_prompt()
    data = [prompt.title, prompt.say, prompt.why, *prompt.evidence]
    for kind in ("upsell", "cross_sell", "bundle", "threshold"):
        panel.show_prompt(make_prompt(kind), "+" + format_money(350, "EUR"))
        assert_all_spanish(panel, data)
    panel.set_practice(True)
    assert_all_spanish(panel, data)
    assert panel.accept_button.text() == "Aceptar  F9"


def test_customer_type_bar_and_its_status(host: QWidget) -> None:
    bar = CustomerTypeBar(host)
    bar.set_types(["member", "staff-discount"])
    host.show()
    assert_all_spanish(bar, ["Member", "Staff discount", "member", "staff discount"])
    assert customer_text(None) == "Cliente: sin tipo"
    assert english_left(customer_text("member"), ["member"]) == []


@pytest.mark.parametrize("training", [False, True])
def test_clerk_sign_in_panel(host: QWidget, staff: StaffStore, training: bool) -> None:
    panel = ClerkSignInPanel(staff, host, training=training)
    host.show()
    panel.open("")
    names = [p.name for p in staff.list_staff()]
    assert_all_spanish(panel, names)
    panel.not_rung_up("2100000000203")
    assert_all_spanish(panel, [*names, "2100000000203"])
    for text in (clerk_text("clerk", asks=True, waiting=False),
                 clerk_text("clerk", asks=False, waiting=False),
                 clerk_text(None, asks=True, waiting=True),
                 clerk_text(None, asks=True, waiting=False)):
        assert english_left(text, ["clerk"]) == [], text


@pytest.mark.parametrize("dialog", [SignInDialog, TrainerSignInDialog, FirstManagerDialog])
def test_sign_in_dialogs(staff: StaffStore, qtbot: QtBot, dialog: type) -> None:
    box = dialog(staff)
    qtbot.addWidget(box)
    assert_all_spanish(box)
    box.submit()  # nothing typed: the dialog says what to do
    # The store's own sentences (store.auth's "A staff name cannot be empty.") are not
    # translated yet: the core and store are left for a later session.
    assert_all_spanish(box, ["A staff name cannot be empty."])


def test_change_password_dialog(staff: StaffStore, qtbot: QtBot) -> None:
    box = ChangePasswordDialog(staff, "manager")
    qtbot.addWidget(box)
    box.password_edit.setText("one thing")
    box.repeat_edit.setText("another thing")
    box.submit()
    assert_all_spanish(box, ["manager"])
    assert box.message.text().startswith("Las dos contraseñas no son iguales")


def test_practice_bar_bubble_and_score_card(host: QWidget) -> None:
    bar, bubble, card = PracticeBar(host), CustomerBubble(host), ScoreCard(host)
    host.show()
    bar.set_scenarios([("quiet-tuesday", "A quiet Tuesday", 2)])
    assert_all_spanish(bar, ["A quiet Tuesday"])
    assert bar.choice.itemText(0) == "A quiet Tuesday (media)"
    bar.set_running("A quiet Tuesday: 3 clientes")
    assert_all_spanish(bar, ["A quiet Tuesday"])
    bubble.say("Sam", "A tall latte, please.")
    assert_all_spanish(bubble, ["Sam", "A tall latte, please."])
    card.show_customer("Sam", 2, 3, ["Offered the size-up"])
    assert_all_spanish(card, ["Sam", "Offered the size-up"])
    card.show_final("A quiet Tuesday", 5, 6, 83, True, 75, ["Sam: 2 of 3"])
    assert_all_spanish(card, ["A quiet Tuesday", "Sam: 2 of 3"])


def test_trainer_view_with_a_run(cafe_store_path: Path, qtbot: QtBot) -> None:
    path = ensure_practice_store(cafe_store_path)
    with Store.open(path) as store:
        PracticeStore(store).record_run(RunRecord(
            trainee="clerk", scenario_id="quiet-tuesday", scenario_title="A quiet Tuesday",
            started_at=dt.datetime(2026, 11, 2, 9, 0), seconds=95, points=5, possible=6,
            score=83, pass_score=75, passed=True))
        view = TrainerView(store, "trainer")
        qtbot.addWidget(view)
        view.show()
        data = ["trainer", "clerk", "A quiet Tuesday", "quiet-tuesday"]
        assert_all_spanish(view, data)  # the chart's spoken summary too (ui/charts.py)
        assert "1 punto" in view.chart.toolTip(), view.chart.toolTip()
        assert view.runs_model.headerData(0, Qt.Orientation.Horizontal) == "Aprendiz"
        view.close()


def test_damaged_store_box(tmp_path: Path, qapp: QApplication) -> None:
    box = damaged_offer(tmp_path / "shop.db", "the database disk image is malformed",
                        lambda: None)
    try:
        assert_all_spanish(box, ["the database disk image is malformed", str(tmp_path)])
        assert box.windowTitle() == "La tienda está dañada"
    finally:
        box.close()
        box.deleteLater()


# ---------------------------------------------------------------------- the workspace's


@pytest.fixture
def store(cafe_store_path: Path) -> Iterator[Store]:
    with Store.open(cafe_store_path) as opened:
        yield opened


def test_audit_view(store: Store, qtbot: QtBot) -> None:
    view = AuditView(store)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.chain.text().startswith("Cadena"), timeout=20_000)
    actors = [view.actor_filter.itemData(i)  # names; the program itself said in words
              for i in range(1, view.actor_filter.count())]
    assert_all_spanish(view, [*actors, *audit_data(view.model)])
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Cuándo"
    # what changed, how and by whom, in words; the entry's id and values are the store's
    first = [view.model.index(0, column).data() for column in range(6)]
    assert first[2:] == ["ajuste", "demo", "añadir", "añadido"], first


def test_import_dialog_with_a_rule_pack(store: Store, qtbot: QtBot) -> None:
    dialog = ImportDialog(store, "manager", RULES)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_all_spanish(dialog)
    pack = DEMO_ROOT / "cafe" / "rules.yaml"
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000) as ready:
        dialog.load(pack)
    preview = ready.args[0]
    # imports.py's words and counts ("rules", "6 unchanged") are not translated yet
    assert_all_spanish(dialog, [str(pack), pack.name, ITEMS[RULES], preview.counts()])
    assert dialog.windowTitle() == "Importar paquete de reglas"


def test_import_dialog_lists_lint_findings_in_spanish(store: Store, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    import yaml

    rule = {"id": "typo", "kind": "cross_sell", "title": "Typo",
            "when": {"scanned": {"category": ["coffee"]}}, "offer": {"add": ["CROISANT"]},
            "say": "A croissant?", "why": "Goes with coffee."}
    pack = tmp_path / "typo.yaml"
    pack.write_text(yaml.safe_dump({"version": 1, "rules": [rule]}), encoding="utf-8")
    dialog = ImportDialog(store, "manager", RULES)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000) as ready:
        dialog.load(pack)
    [finding] = ready.args[0].findings
    [line] = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert line.startswith("typo: Error: ")
    assert finding.message not in line, "lint's English message was shown as it is"
    assert "CROISANT" in line


def test_suggestion_list_with_nothing_to_suggest(store: Store, qtbot: QtBot) -> None:
    tab = SuggestionList(store, debounce_ms=0)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.mined, timeout=20_000):
        tab.show()
    assert_all_spanish(tab)
    assert tab.summary.text().startswith("Ningún par de productos")


def test_whatif_panel_result_and_refusal(store: Store, qtbot: QtBot) -> None:
    panel = WhatIfPanel(store)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_draft(None, "")
    panel.run()
    assert_all_spanish(panel)
    assert panel.result_label.text() == (
        "No se probó: corrija primero el formulario: la regla no está completa.")
    panel.set_draft(store.rules.load()[0])
    with qtbot.waitSignal(panel.replayed, timeout=30_000):
        panel.run()
    assert_all_spanish(panel)
    assert panel.result_label.text().startswith("En los últimos 90 días la tienda no tiene")


# ---------------------------------------------------------------------- the till's own screen


@pytest.mark.parametrize("training", [False, True])
def test_till_window_with_a_prompt_up(cafe_store_path: Path, qtbot: QtBot,
                                      make_till_window: Callable[..., TillWindow],
                                      training: bool) -> None:
    window = make_till_window(cafe_store_path, training=training)
    till = window.till
    clerk = next(p.name for p in window.staff.list_staff() if p.role == "clerk")
    if till.needs_sign_in:  # the clerk's sign-in panel is up first: a clerk signs in
        window.sign_in_clerk(clerk)
    with qtbot.waitSignal(window.prompt_shown, timeout=20_000) as shown:
        scan(qtbot, window, LATTE_TALL)
    prompt = shown.args[0]
    products = [p.name for p in till.catalog]
    money = [till.money(p.price) for p in till.catalog]
    data = [*products, *money, till.money(till.total), "+" + till.money(prompt.delta),
            prompt.title, prompt.say, prompt.why,  # the manager's own words; the evidence
            *{p.unit for p in till.catalog if p.unit},  # is said in Spanish (units are data)
            str(cafe_store_path), "cafe", str(till.till_name or "-"), clerk,
            *window.customer_type.types, *map(type_text, window.customer_type.types)]
    if training:  # the scenarios' titles are the scenarios' own (as a store's rules are)
        data += [entry.title for entry in library.available(till.store)]
    assert_all_spanish(window, data)
    assert window.order_table.model().headerData(0, Qt.Orientation.Horizontal) == "Artículo"
    assert window.status_label.text().startswith("Añadido: Latte Tall")
    assert window.checkout_button.text() == "Ir a cobrar  F4"

    with qtbot.waitSignal(window.prompt_answered, timeout=20_000):
        press(qtbot, window, Qt.Key.Key_F9)
    model = window.order_table.model()
    notes = [model.index(row, NOTE).data() for row in range(model.rowCount())]
    assert notes == ["mejorado desde Latte Tall"]
    for text in (window.status_label.text(), window.threshold_mark.text(), *notes):
        assert english_left(text, data) == [], text
    window.void_line()
    window.void_line()  # the order is empty now
    assert window.status_label.text() == "Nada que quitar: el pedido está vacío."


def test_till_texts_outside_the_window() -> None:
    assert english_left(describe_failure()) == []
    assert optional_date_text() == "cualquiera"
    def money(cents: int) -> str:
        return format_money(cents, "EUR")

    events = [TillEvent("line", 1, 425, {"sku": "MUG", "price": "4.25", "reward": True}),
              TillEvent("accepted", 1, 425, {"rule": "mug-deal"}),
              TillEvent("qty", 1, 850, {"sku": "MUG", "qty": 2}),
              TillEvent("void", 1, 0, {"sku": "MUG"}),
              TillEvent("price", 1, 0, {"sku": "MUG", "price": "9.00"}),
              TillEvent("checkout", 1, 0)]
    said = describe(events, money, product_name=str, rule_title=str)
    assert said is not None
    prices = [money(c) for c in (0, 425, 900)]
    assert english_left(said[1], ["MUG", "mug-deal", *prices]) == [], said
    paid = describe([TillEvent("paid", 1, 425)], money, product_name=str, rule_title=str,
                    training=True)
    assert paid == ("info", f"PRÁCTICA: Pagado {money(425)} — siguiente cliente")
    waiting = WaitingReward("mug-deal", "MUG", 0, 2000, 320)
    assert mark_text(waiting, money, str) == f"MUG gratis desde {money(2000)}: faltan {money(320)}"


def describe_failure() -> str:
    return failure_text(translate("till", "take payment"), UserError("x"))


def optional_date_text() -> str:
    host = QWidget()
    try:
        return optional_date_edit("from", host).specialValueText()
    finally:
        host.deleteLater()
