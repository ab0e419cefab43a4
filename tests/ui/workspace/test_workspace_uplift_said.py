"""A rule's true uplift in the window's language (core.uplift's sentence, a core.said
sentence, said with i18n.say): in English the core's own sentence, word for word; in
Spanish each of its three verdicts and the one of too little data."""

from __future__ import annotations

import pytest
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name

from pos_prompter import i18n
from pos_prompter.core.stats import Sample
from pos_prompter.core.uplift import Uplift
from pos_prompter.ui.workspace.report_models import uplift_sentence


def uplift(treated_mean: int, holdout_mean: int, n: int = 200, spread: int = 100) -> Uplift:
    """Orders of two groups around their means (cents), `spread` either side."""
    def sample(mean: int) -> Sample:
        values = [mean - spread, mean + spread] * (n // 2)
        return Sample(len(values), sum(values), sum(v * v for v in values))
    return Uplift("latte-up", "Latte size-up", sample(treated_mean), sample(holdout_mean))


CASES = [uplift(900, 600), uplift(600, 900), uplift(700, 700), uplift(700, 700, n=10)]


@pytest.mark.parametrize("case", CASES)
def test_english_is_the_core_s_sentence(case: Uplift) -> None:
    i18n.use_language("en")
    assert uplift_sentence(case) == case.sentence()


@pytest.mark.usefixtures("spanish")
def test_spanish_says_each_verdict() -> None:
    said = [uplift_sentence(case) for case in CASES]
    assert said[0].startswith("Latte size-up añade unos 3,00")
    assert said[1].startswith("Latte size-up pierde unos 3,00")
    assert said[2].startswith("Latte size-up: aún sin efecto claro")
    assert said[3] == ("Latte size-up: aún no hay datos suficientes (10 pedidos con la "
                       "sugerencia mostrada, 10 de control); necesita 20 pedidos más con la "
                       "sugerencia mostrada y 20 pedidos de control más (30 en cada grupo).")
    for text in said:
        assert english_left(text, ["Latte size-up"]) == [], text
