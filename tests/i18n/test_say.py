"""pos_prompter.i18n.say: the core's and store's sentences (core.said) in the reader's
language, parts and all; anything else as it is."""

from __future__ import annotations

import pytest

from pos_prompter import i18n
from pos_prompter.core.errors import UserError, ValidationError
from pos_prompter.core.said import QT_TRANSLATE_NOOP


def test_english_says_the_sentence_as_the_core_wrote_it() -> None:
    error = ValidationError([QT_TRANSLATE_NOOP("x", "a problem")], what="catalog")
    assert i18n.say(error.args[0]) == "catalog refused, nothing was changed: a problem"
    assert i18n.say_error(error) == str(error)
    assert i18n.say(42) == "42"


@pytest.mark.usefixtures("spanish")
def test_spanish_says_the_catalog_text_with_every_part_said_too() -> None:
    problems = [QT_TRANSLATE_NOOP("core", "unknown problem"), "line 3: bad"]
    error = ValidationError(problems, what="catalog")
    assert i18n.say_error(error) == ("rechazo de catalog, no se cambió nada: "
                                     "problema desconocido (y 1 más)")


@pytest.mark.usefixtures("spanish")
def test_a_sentence_not_in_the_catalog_and_plain_text_stay_english() -> None:
    assert i18n.say(QT_TRANSLATE_NOOP("core", "no such {x}").format(x=1)) == "no such 1"
    assert i18n.say_error(UserError("plain words")) == "plain words"
