"""pos_prompter.i18n: texts through the loaded catalog without any QApplication; the
language a run on a store gets; Qt's own texts on the application."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from pos_prompter import i18n
from pos_prompter.store import Store


def test_english_is_the_source_and_loads_nothing() -> None:
    assert i18n.language() == "en"
    assert i18n.current_translator() is None
    assert i18n.translate("cli", "create a store") == "create a store"


@pytest.mark.usefixtures("spanish")
def test_spanish_texts_come_from_the_catalog_and_unknown_ones_stay_as_written() -> None:
    assert i18n.language() == "es"
    assert i18n.translate("cli", "create a store") == "crear una tienda"
    assert i18n.translate("cli", "not in the catalog") == "not in the catalog"
    assert i18n.translate("another context", "create a store") == "create a store"


@pytest.mark.usefixtures("spanish")
def test_plural_picks_the_form_and_fills_the_fields() -> None:
    one, other = (i18n.translate("cli", "{n} rule"), i18n.translate("cli", "{n} rules"))
    assert i18n.plural(1, one, other) == "1 regla"
    assert i18n.plural(0, one, other) == "0 reglas"
    assert i18n.plural(2, "{n} {x}", "{n} {x}s", x="y") == "2 ys"


def test_a_missing_catalog_leaves_english(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda code: tmp_path / f"{code}.qm")
    assert i18n.use_language("es") is False
    assert i18n.language() == "en"


def test_language_for_reads_the_store_setting_then_the_system(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    assert i18n.language_for(db, environ={"LANG": "es_ES.UTF-8"}) == "es"
    with Store.open(db, create=True) as store:
        store.set_settings({"language": "en"})
    assert i18n.language_for(db, environ={"LANG": "es_ES.UTF-8"}) == "en"
    assert i18n.language_for(None, environ={"LANG": "C"}) == "en"


def test_install_puts_ours_and_qt_s_own_texts_on_the_application(
        qapp: QApplication, built_catalogs: None) -> None:
    assert i18n.use_language("es")
    try:
        i18n.install(qapp)
        assert QCoreApplication.translate("cli", "create a store") == "crear una tienda"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text().replace("&", "") == "Cancelar"
    finally:
        i18n.use_language("en")
        i18n.install(qapp)
    assert QCoreApplication.translate("cli", "create a store") == "create a store"
