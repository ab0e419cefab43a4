"""Every widget of the real till and the real workspace in Spanish (issue 14.3), as a
Spanish-speaking clerk, trainer and manager go through them: the till from the clerk's
sign-in (a wrong PIN too) through a refused scan, a prompt, checkout and payment, in normal
and practice mode (a scenario's customer, offer and score card); the workspace on a store
with 90 days of sales, every page, every tab inside a page and a row chosen in each of its
lists (a rule in the editor, a suggestion, a person, a product). At each step every text on
screen (spanish_check.shown_texts: labels, buttons, tabs, cells and their tooltips,
headers, accessible names and descriptions, placeholders, window titles, menus) is the
catalog's Spanish or the store's own data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from spanish_check import (
    assert_all_spanish,
    audit_data,
    spanish,  # noqa: F401 - the fixture, used by name
)
from test_workspace_spanish import store_data
from tillwin_helpers import LATTE_TALL, press, scan

from pos_prompter.bootstrap import init_store
from pos_prompter.core.rules import PLACEHOLDERS
from pos_prompter.core.scenario import Customer, Scenario
from pos_prompter.practice import library
from pos_prompter.practice.practice_store import ensure_practice_store
from pos_prompter.store.auth import StaffStore
from pos_prompter.ui.customer_type import type_text
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace.page_work import PageWork
from pos_prompter.ui.workspace.window import WorkspaceWindow

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("spanish")]

MakeWorkspace = Callable[..., WorkspaceWindow]
MakeTill = Callable[..., TillWindow]

ROWS_CHOSEN = 3
"""Rows chosen in each list of a page (the first ones: each opens what it opens)."""


def _idle(window: WorkspaceWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not any(w.busy for w in window.findChildren(PageWork)),
                    timeout=30_000)


def _scripts(root: QWidget) -> list[str]:
    """The manager's prompt texts as a prompt card shows them (their {parts} filled in):
    the script read to the customer and the first line of its why (the lines after it are
    the program's evidence, in Spanish)."""
    texts = []
    for label in root.findChildren(QLabel):
        if label.objectName() == "promptSay":
            texts.append(label.text())
        elif label.objectName() == "promptWhy":
            texts.append(label.text().split("\n")[0])
    return [text for text in texts if text]


def _workspace_data(window: WorkspaceWindow) -> list[str]:
    store = window.store
    data = [*store_data(store), *(p.name for p in StaffStore(store).list_staff()),
            store.get_setting("store_name") or "", store.load_settings().currency,
            store.load_settings().currency + " (por defecto)",
            *("{" + name + "}" for name in PLACEHOLDERS), "Archivo",
            "latte-size-up"]  # the rule id field's example: an id
    for product in store.catalog.load():  # a family or tag the editor says as words
        data += [code.replace("-", " ") for code in (product.family, *product.tags) if code]
    data += [window.audit_view.actor_filter.itemData(i)
             for i in range(1, window.audit_view.actor_filter.count())]
    # the tool bar's buttons show their actions without the "…"
    data += [a.text().removesuffix("…") for a in window.findChildren(
        QAction, options=Qt.FindChildOption.FindDirectChildrenOnly)]
    return data


def _elided(root: QWidget, data: list[str]) -> list[str]:
    """Labels that show a piece of data cut short to fit ("Breakfast deal, coffee an…")."""
    cut = [label.text() for label in root.findChildren(QLabel) if label.text().endswith("…")]
    return [text for text in cut if any(item.startswith(text[:-1]) for item in data)]


def _check(window: QWidget, data: list[str], where: str) -> None:
    data = [*data, *_scripts(window)]
    try:
        assert_all_spanish(window, [*data, *_elided(window, data)])
    except AssertionError as error:
        raise AssertionError(f"{where}: {error}") from None


@pytest.fixture(params=["cafe", "cafe as trainer", "shoes", "electronics"])
def shop(request: pytest.FixtureRequest, history_path: Path, tmp_path: Path) -> tuple[Path, str]:
    """A demo store with its 90 days of sales, and who opens the workspace on it."""
    demo, _, person = str(request.param).partition(" as ")
    if demo == "cafe":
        return history_path, person or "manager"
    path = tmp_path / f"{demo}.db"
    init_store(path, demo=demo, history=True).close()
    return path, "manager"


def test_every_page_tab_and_list_of_the_workspace(shop: tuple[Path, str],
                                                   make_workspace: MakeWorkspace,
                                                   qtbot: QtBot) -> None:
    window = make_workspace(shop[0], person=shop[1], demo_password=True)
    qtbot.waitUntil(lambda: window.rule_list.model.rowCount() > 0, timeout=20_000)
    data = _workspace_data(window)
    for at in range(window.tabs.count()):
        page = window.tabs.widget(at)
        name = window.tabs.tabText(at)
        if page is window.report_view:
            with qtbot.waitSignal(window.report_view.loaded, timeout=60_000):
                window.tabs.setCurrentIndex(at)
        else:
            window.tabs.setCurrentIndex(at)
        _idle(window, qtbot)
        extra = [*audit_data(window.audit_view.model), window.report_view.status.text()]
        _check(window, [*data, *extra], name)
        for inner in page.findChildren(QTabWidget):
            for tab in range(inner.count()):
                inner.setCurrentIndex(tab)
                _idle(window, qtbot)
                _check(window, [*data, *extra], f"{name} / {inner.tabText(tab)}")
        for view in page.findChildren(QAbstractItemView):
            if not view.isVisibleTo(window) or view.model() is None:
                continue
            for row in range(min(view.model().rowCount(), ROWS_CHOSEN)):
                view.setCurrentIndex(view.model().index(row, 0))
                _idle(window, qtbot)
                _check(window, [*data, *extra], f"{name} / {view.objectName()} row {row}")


def _till_data(window: TillWindow, path: Path) -> list[str]:
    till = window.till
    data = [*(p.name for p in till.catalog), *(p.sku for p in till.catalog),
            *(till.money(p.price) for p in till.catalog),
            *{p.unit for p in till.catalog if p.unit},
            *(p.name for p in window.staff.list_staff()), str(path), path.name,
            till.store.get_setting("store_name") or "", str(till.till_name or "-"),
            *(rule.title for rule in till.store.rules.load()),  # the manager's words
            *window.customer_type.types, *map(type_text, window.customer_type.types)]
    if window.training:  # the scenarios' titles are the trainer's own
        data += [entry.title for entry in library.available(till.store)]
    return data


def _wrong_pin(window: TillWindow, qtbot: QtBot) -> None:
    pin = window.clerk_panel.findChild(QWidget, "clerkPin")
    qtbot.keyClicks(pin, "9999")
    with qtbot.waitSignal(window.clerk_panel.refused, timeout=20_000):
        qtbot.keyClick(pin, Qt.Key.Key_Return)


@pytest.mark.parametrize("training", [False, True])
def test_every_step_of_a_sale_at_the_till(cafe_store_path: Path, make_till_window: MakeTill,
                                          qtbot: QtBot, training: bool) -> None:
    path = ensure_practice_store(cafe_store_path) if training else cafe_store_path
    window = make_till_window(path, training=training)
    data = _till_data(window, path)
    clerk = next(p.name for p in window.staff.list_staff() if p.role == "clerk")
    if window.till.needs_sign_in:
        _check(window, data, "sign-in panel")
        _wrong_pin(window, qtbot)
        _check(window, data, "a wrong PIN")
        window.sign_in_clerk(clerk)
    _check(window, data, "signed in")
    scan(qtbot, window, "999999")
    assert window.status_label.property("level") == "error"
    _check(window, [*data, "999999"], "an unknown code")
    with qtbot.waitSignal(window.prompt_shown, timeout=20_000) as shown:
        scan(qtbot, window, LATTE_TALL)
    prompt = shown.args[0]
    data += [prompt.title, "+" + window.till.money(prompt.delta)]
    _check(window, data, "a prompt up")
    with qtbot.waitSignal(window.prompt_answered, timeout=20_000):
        press(qtbot, window, Qt.Key.Key_F10)
    _check(window, data, "the prompt declined")
    press(qtbot, window, Qt.Key.Key_F4)
    data.append(window.till.money(window.till.total))
    _check(window, data, "checkout")
    if window.prompt_panel.isVisible():  # a checkout prompt: declined too
        with qtbot.waitSignal(window.prompt_answered, timeout=20_000):
            press(qtbot, window, Qt.Key.Key_F10)
    press(qtbot, window, Qt.Key.Key_F12)
    _check(window, data, "paid")


SAM = Customer(name="Sam", items=("LATTE-T",), says="A tall latte, please.",
               answers={"coffee-size-up": "accept"})
ANA = Customer(name="Ana", items=("MUFFIN-BB",), says="Just a blueberry muffin.",
               time=dt.datetime(2026, 11, 23, 8, 20))
MORNING = Scenario(id="first-morning", title="Your first morning", level=1,
                   time=dt.datetime(2026, 11, 23, 8, 10), customers=(SAM, ANA))


def test_a_practice_customer_served_to_the_score_card(cafe_store_path: Path,
                                                      make_till_window: MakeTill,
                                                      qtbot: QtBot) -> None:
    path = ensure_practice_store(cafe_store_path)
    window = make_till_window(path, training=True)
    practice = window.practice
    assert practice is not None
    data = [*_till_data(window, path), MORNING.title, SAM.name, SAM.says, ANA.name, ANA.says]
    clerk = next(p.name for p in window.staff.list_staff() if p.role == "clerk")
    if window.till.needs_sign_in:
        window.sign_in_clerk(clerk)
    assert practice.start(MORNING)
    _check(window, data, "a scenario's first customer")
    with qtbot.waitSignal(window.prompt_shown, timeout=20_000) as shown:
        scan(qtbot, window, LATTE_TALL)
    data += [shown.args[0].title, "+" + window.till.money(shown.args[0].delta)]
    _check(window, data, "a prompt up in practice")
    with qtbot.waitSignal(practice.customer_said, timeout=20_000):
        press(qtbot, window, Qt.Key.Key_F6)  # offer it
    _check(window, data, "the customer answered")
    press(qtbot, window, Qt.Key.Key_F12)  # Sam pays: his card, with what lost points
    qtbot.waitUntil(practice.card.isVisible, timeout=20_000)
    assert not practice.card.final
    _check(window, data, "a customer's score card")
    scan(qtbot, window, "2100000000203")  # Ana's muffin, and she pays: the session's card
    press(qtbot, window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: practice.card.final and practice.card.isVisible(), timeout=20_000)
    _check(window, data, "the session's score card")
