"""The import dialog says imports.py's words in Spanish (issue 14.3): a catalog's preview
(counts and notes), what the import did, and a refused catalog's problems."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from spanish_check import (
    assert_all_spanish,
    english_left,
    spanish,  # noqa: F401 - the fixture, used by name
)

from pos_prompter.imports import CATALOG
from pos_prompter.store import Store
from pos_prompter.ui.workspace.import_dialog import ImportDialog

pytestmark = pytest.mark.usefixtures("spanish")


@pytest.fixture
def store(cafe_store_path: Path) -> Iterator[Store]:
    with Store.open(cafe_store_path) as opened:
        yield opened


def test_a_catalog_preview_and_import_in_spanish(store: Store, qtbot: QtBot,
                                                 tmp_path: Path) -> None:
    csv = tmp_path / "more.csv"
    csv.write_text("sku,name,price\nTEA-MINT,Mint tea,2.50\n", encoding="utf-8")
    dialog = ImportDialog(store, "manager", CATALOG)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000):
        dialog.load(csv)
    assert dialog.summary_label.text() == (
        "more.csv: productos 1 de alta, 0 con cambios, 0 sin cambios.")
    assert dialog.notes_label.text().endswith(
        "productos de la tienda no están en el archivo: se quedan como están (una importación "
        "nunca borra productos; ponga active a false en su lugar).")
    assert_all_spanish(dialog, [str(csv), csv.name, "TEA-MINT"])
    with qtbot.waitSignal(dialog.import_finished, timeout=20_000):
        dialog.apply()
    assert dialog.result_label.text().startswith(
        "Hecho. productos: 1 de alta, 0 con cambios, 0 sin cambios. ")


def test_a_refused_catalog_lists_its_problems_in_spanish(store: Store, qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text("sku,name,price\nA!,,abc\n", encoding="utf-8")
    dialog = ImportDialog(store, "manager", CATALOG)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_failed, timeout=20_000):
        dialog.load(csv)
    said = [dialog.errors.item(i).text() for i in range(dialog.errors.count())]
    assert said[1] == "línea 2, columna name: está vacío"
    for text in [dialog.summary_label.text(), *said]:
        assert english_left(text, ["'A!'", "'abc'", "sku", "name", "price"]) == [], \
            text
