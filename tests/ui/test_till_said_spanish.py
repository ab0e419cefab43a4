"""The real till under the Spanish catalog says the core's sentences in Spanish (issue 14.3):
the till's refusals in the status line (an unknown barcode, an unknown code) and in the
clerk panel (a sign-in refused), and the prompt card's computed evidence; the manager's own
say and why stay as written. Each check fails on an English sentence left."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name
from tillwin_helpers import LATTE_TALL, child, scan

from pos_prompter.ui.till_messages import ERROR
from pos_prompter.ui.till_window import TillWindow

pytestmark = pytest.mark.usefixtures("spanish")


def _ready(make_till_window: Callable[..., TillWindow], path: Path) -> TillWindow:
    window = make_till_window(path)
    if window.till.needs_sign_in:
        clerk = next(p.name for p in window.staff.list_staff() if p.role == "clerk")
        window.sign_in_clerk(clerk)
    return window


def test_the_till_s_refusals_show_in_spanish(cafe_store_path: Path, qtbot: QtBot,
                                              make_till_window: Callable[..., TillWindow]
                                              ) -> None:
    window = _ready(make_till_window, cafe_store_path)
    scan(qtbot, window, "0000000000000")
    assert window.status_label.text() == "Código de barras desconocido 0000000000000"
    assert window.message_level == ERROR
    scan(qtbot, window, "NO-SUCH")
    assert window.status_label.text() == "Código desconocido NO-SUCH"
    window.sign_in_clerk("Nobody Here")  # gone from the staff list since the PIN check
    assert window.clerk_panel.message.text() == ("No hay nadie llamado Nobody Here en la "
                                                 "lista de personal.")


def test_the_prompt_card_s_evidence_is_spanish_and_the_manager_s_words_stay(
        cafe_store_path: Path, qtbot: QtBot,
        make_till_window: Callable[..., TillWindow]) -> None:
    window = _ready(make_till_window, cafe_store_path)
    with qtbot.waitSignal(window.prompt_shown, timeout=20_000) as shown:
        scan(qtbot, window, LATTE_TALL)
    prompt = shown.args[0]
    till = window.till
    why = child(window, QLabel, "promptWhy").text()
    assert why.startswith(prompt.why.strip()), "the manager's why, as written"
    evidence = why.removeprefix(prompt.why.strip()).strip().splitlines()
    assert len(evidence) == len(prompt.evidence) >= 2
    grande, tall = (till.catalog.get(sku) for sku in ("LATTE-G", "LATTE-T"))
    assert grande is not None
    assert tall is not None
    assert evidence[0] == (f"\N{BULLET} Latte Grande {till.money(grande.price)} frente a "
                           f"Latte Tall {till.money(tall.price)}: "
                           f"{till.money(grande.price - tall.price)} más")
    data = [p.name for p in till.catalog] + [till.money(p.price) for p in till.catalog] \
        + [p.unit for p in till.catalog if p.unit]
    for line in evidence:
        assert english_left(line, data) == [], line
