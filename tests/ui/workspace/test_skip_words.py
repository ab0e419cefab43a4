"""The engine's reasons why a rule would not fire, said in Spanish (the core writes them in
English): the parts they name stay as they are; English is the engine's own sentence."""

from __future__ import annotations

import pytest
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name

from pos_prompter import i18n
from pos_prompter.ui.workspace.skip_words import skip_reason

REASONS = (
    ("the rule is inactive", "la regla está inactiva"),
    ("outside its time window", "fuera de su horario"),
    ("this order has had its 2 prompts already (rush hour)",
     "este pedido ya tuvo sus 2 sugerencias (hora punta)"),
    ("the order total is below 3.00", "el total del pedido es menor que 3.00"),
    ("Latte Tall is the largest size", "Latte Tall es el tamaño más grande"),
    ("the customer already said no to Cookie in this order",
     "el cliente ya dijo que no a Cookie en este pedido"),
    ("bundle item MUFFIN is not available", "el artículo del paquete MUFFIN no está disponible"),
    ("Cookie is already in the order", "Cookie ya está en el pedido"),
    ("blocked by the price ratio: adds $5.00 to $2.00 (limit 2x)",
     "bloqueada por la proporción de precio: añade $5.00 a $2.00 (límite 2x)"),
)


@pytest.mark.usefixtures("spanish")
@pytest.mark.parametrize(("reason", "said"), REASONS)
def test_each_reason_in_spanish_keeps_what_it_names(reason: str, said: str) -> None:
    assert skip_reason(reason) == said
    assert english_left(said, ["Latte Tall", "Cookie", "MUFFIN", "$5.00", "$2.00"]) == []


@pytest.mark.usefixtures("spanish")
def test_english_is_the_engine_s_own_and_an_unknown_reason_stays() -> None:
    assert skip_reason("a reason nobody wrote a pattern for") == \
        "a reason nobody wrote a pattern for"
    i18n.use_language("en")
    for reason, _said in REASONS:
        assert skip_reason(reason) == reason

