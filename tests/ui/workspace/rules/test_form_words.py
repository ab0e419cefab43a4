"""The rule form's words that come from the core are still the core's own, and are said in
Spanish."""

from __future__ import annotations

import pytest
from spanish_check import english_left, spanish  # noqa: F401 - the fixture, used by name

from pos_prompter.core.rules import DAYS, PLACEHOLDERS
from pos_prompter.ui.workspace.rules.form_words import (
    DAY_TEXT,
    PLACEHOLDER_MEANINGS,
    day_text,
    meaning,
)


def test_the_words_are_the_core_s_own() -> None:
    assert list(PLACEHOLDER_MEANINGS) == list(PLACEHOLDERS.values())
    assert list(DAY_TEXT) == list(DAYS)
    assert [day_text(day) for day in DAYS] == [d.capitalize() for d in DAYS]


@pytest.mark.usefixtures("spanish")
def test_in_spanish() -> None:
    assert [day_text(day) for day in DAYS] == ["Lun", "Mar", "Mié", "Jue", "Vie", "Sáb", "Dom"]
    for text in PLACEHOLDERS.values():
        assert meaning(text) != text
        assert english_left(meaning(text)) == [], meaning(text)
