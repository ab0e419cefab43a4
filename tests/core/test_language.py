"""Which language a person sees: the store's setting, else the system's, else English."""

from __future__ import annotations

import pytest

from pos_prompter.core.errors import ValidationError
from pos_prompter.core.language import (
    choose_language,
    language_code,
    parse_language_setting,
    system_language,
)
from pos_prompter.core.rules import STORE_SETTINGS, parse_store_setting


@pytest.mark.parametrize(("name", "code"), [
    ("es_ES.UTF-8", "es"), ("es-MX", "es"), ("ES", "es"), ("en_GB@euro", "en"),
    ("Spanish_Spain", "es"), ("English_United States", "en"), ("C", None),
    ("C.UTF-8", None), ("POSIX", None), ("", None), (None, None), ("x", None), (7, None),
])
def test_language_code_of_locale_names(name: object, code: str | None) -> None:
    assert language_code(name) == code


def test_the_system_language_follows_posix_order() -> None:
    assert system_language({"LANG": "es_ES.UTF-8"}) == "es"
    assert system_language({"LANG": "es_ES.UTF-8", "LC_ALL": "en_US.UTF-8"}) == "en"
    assert system_language({"LC_MESSAGES": "es_AR", "LANG": "en_US"}) == "es"
    # LANGUAGE is a list: the first language we have wins; none we have: LANG decides
    assert system_language({"LANGUAGE": "fr:es:en", "LANG": "en_US"}) == "es"
    assert system_language({"LANGUAGE": "fr:de", "LANG": "es_ES"}) == "es"
    assert system_language({"LANG": "fr_FR"}) == "fr"
    assert system_language({}) is None


def test_the_store_setting_wins_then_the_system_then_english() -> None:
    assert choose_language("es", "en") == "es"
    assert choose_language("en", "es") == "en"
    assert choose_language(None, "es") == "es"
    assert choose_language("fr", "es") == "es", "an unknown setting falls to the system's"
    assert choose_language(None, "fr") == "en"
    assert choose_language(None, None) == "en"


def test_language_is_a_store_setting_that_takes_only_supported_codes() -> None:
    assert "language" in STORE_SETTINGS
    assert parse_store_setting("language", " ES ") == "es"
    assert parse_language_setting("en") == "en"
    with pytest.raises(ValidationError, match="must be one of en, es"):
        parse_store_setting("language", "fr")
