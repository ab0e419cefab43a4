"""The core's texts listed for the catalog are still the core's own, and are shown
translated where they are shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_prompter import i18n
from pos_prompter.cli import main
from pos_prompter.core.scenario import LEVELS
from pos_prompter.core.store_settings import STORE_SETTINGS
from pos_prompter.i18n.core_texts import LEVEL_WORDS, SETTING_MEANINGS


def test_setting_meanings_and_level_words_are_the_core_s_own() -> None:
    assert sorted(SETTING_MEANINGS) == sorted(STORE_SETTINGS.values())
    assert list(LEVEL_WORDS) == list(LEVELS.values())


def test_the_settings_command_says_them_in_spanish(
        built_catalogs: None, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C")
    db = tmp_path / "shop.db"
    assert main(["init", "--db", str(db)]) == 0
    assert main(["settings", "--db", str(db), "language=es"]) == 0
    capsys.readouterr()
    try:
        assert main(["settings", "--db", str(db)]) == 0
        shown = capsys.readouterr().out
    finally:
        i18n.use_language("en")
    assert "currency = USD (por defecto)    # código de moneda de 3 letras, p. ej. USD" in shown
    assert "language = es    # el idioma de la ventana y de la línea de órdenes" in shown
