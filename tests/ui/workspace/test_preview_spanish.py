"""The rule editor's preview under the Spanish catalog: why a rule would not fire is the
engine's own reason (a core.said sentence) said in Spanish, with the products it names kept
as they are. Fails on an English reason left."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name
from test_preview import CATALOG, MORNING, SIZE_UP, rule
from tillwin_helpers import child

from pos_prompter.core.engine import Skip
from pos_prompter.core.rules import Settings
from pos_prompter.ui.workspace.preview import RulePreview
from pos_prompter.ui.workspace.product_picker import CatalogChoices

pytestmark = pytest.mark.usefixtures("spanish")

NAMES = [p.name for p in CATALOG]


@pytest.fixture
def preview(qtbot: QtBot) -> RulePreview:
    made = RulePreview(CatalogChoices(CATALOG), Settings(), delay_ms=0, now=MORNING)
    qtbot.addWidget(made)
    made.set_context(Settings(), [SIZE_UP])
    return made


def _reason(preview: RulePreview, *items: str) -> str:
    preview.clear_order()
    for item in items:
        preview.add_item(item)
    preview.refresh()
    assert isinstance(preview.result, Skip)
    text = child(preview, QLabel, "previewReason").text()
    assert english_left(text, NAMES) == [], text
    return text


def test_a_skip_reason_with_a_product_in_it_is_spanish(preview: RulePreview) -> None:
    preview.set_rule(SIZE_UP)
    assert _reason(preview, "LATTE-G") == ("No aparecería: Latte Grande es el tamaño más "
                                           "grande.")


def test_reasons_without_parts_are_spanish_too(preview: RulePreview) -> None:
    preview.set_rule(rule())
    assert _reason(preview, "COOKIE", "LATTE-T") == (
        "No aparecería: todos los artículos ofrecidos ya están en el pedido o no están "
        "disponibles.")
    preview.set_rule(rule(when={"scanned": {"category": ["coffee"]},
                                "time": {"hours": "14:00-16:00"}}))
    assert _reason(preview, "LATTE-T") == "No aparecería: fuera de su horario."
