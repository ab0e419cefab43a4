"""A suggestion's why and a what-if draft's rate sentence in Spanish in the window (issue
14.3): the core writes them through core.said and the list and panel say them."""

from __future__ import annotations

from pathlib import Path

import pytest
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name
from test_suggestion_list import core_suggestions, import_history

from pos_prompter.core.whatif import KindRate
from pos_prompter.i18n import say
from pos_prompter.ui.workspace.suggestion_list import (
    CONFIDENCE,
    LIFT,
    SUPPORT,
    WHY,
    SuggestionTableModel,
)

pytestmark = pytest.mark.usefixtures("spanish")


def test_each_suggestions_why_in_spanish(cafe_store_path: Path) -> None:
    import_history(cafe_store_path)
    found = core_suggestions(cafe_store_path, 0.02)
    assert found
    model = SuggestionTableModel()
    model.set_suggestions(found)
    for row, s in enumerate(model.suggestions):
        why = model.data(model.index(row, WHY))
        assert why.startswith("comprados juntos en el "), why
        assert english_left(why, [s.trigger_name]) == [], why


def test_the_rate_a_what_if_takes_in_spanish() -> None:
    assert say(KindRate("cross_sell", 0, 0, 90).sentence()) == (
        "aún no hay tasa: la tienda no mostró ninguna sugerencia de venta cruzada en los "
        "últimos 90 días")
    assert say(KindRate("upsell", 1, 1, 30).sentence()) == (
        "las sugerencias de mejora de la tienda de los últimos 30 días: 1 de 1 sugerencia "
        "mostrada fue aceptada")
    assert say(KindRate("bundle", 4, 1, 30).sentence()) == (
        "las sugerencias de paquete de la tienda de los últimos 30 días: 1 de 4 sugerencias "
        "mostradas fueron aceptadas")
    assert KindRate("threshold", 4, 1, 30).sentence() == (  # English as it was
        "the store's threshold prompts of the last 30 days: 1 accepted of 4 prompts shown")


def test_the_suggestion_tables_figures_have_the_spanish_decimal_comma(
        cafe_store_path: Path) -> None:
    import_history(cafe_store_path)
    found = core_suggestions(cafe_store_path, 0.02)
    model = SuggestionTableModel()
    model.set_suggestions(found)
    for row, s in enumerate(model.suggestions):
        support, confidence, lift = (model.data(model.index(row, c))
                                     for c in (SUPPORT, CONFIDENCE, LIFT))
        assert confidence == f"{s.confidence * 100:.1f}".replace(".", ",") + "%"
        assert lift == f"{s.lift:.2f}".replace(".", ",")
        assert "," in support, support
        assert "." not in support, support
