"""English that a Spanish-speaking manager still met on the command line (issue 14.3), each
through the real program under LANG=es_ES.UTF-8: `report`'s refused dates, `audit`'s table
(what changed, how, by whom), and `barcodes`' sheet (its footer, and the note of a product
drawn without a symbol, on stderr and in the PDF). Each expected text is the whole Spanish,
so an English word left in it fails; English is checked unchanged beside it."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from program import run_program as run

from pos_prompter.bootstrap import init_store

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("built_catalogs")]





@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cafe") / "cafe.db"
    init_store(path, "cafe").close()
    return path


def test_report_refuses_its_dates_in_spanish(cafe: Path) -> None:
    month = run("report", "--db", cafe, "--from", "2026-13-01")
    assert (month.returncode, month.stderr) == (
        2, "error: --from '2026-13-01' no es una fecha como 2026-11-23\n")
    backwards = run("report", "--db", cafe, "--from", "2026-11-02", "--to", "2026-11-01")
    assert (backwards.returncode, backwards.stderr) == (
        2, "error: --from 2026-11-02 es posterior a --to 2026-11-01\n")
    english = run("report", "--db", cafe, "--from", "2026-11-02", "--to", "2026-11-01",
                  lang="en_US.UTF-8")
    assert english.stderr == "error: --from 2026-11-02 is after --to 2026-11-01\n"


def test_audit_table_says_what_changed_in_spanish(cafe: Path) -> None:
    table = run("audit", "--db", cafe, "--entity", "staff")
    assert table.returncode == 0, table.stderr
    header, first = table.stdout.splitlines()[:2]
    assert header.split() == ["cuándo", "autor", "entidad", "id", "acción", "cambio"]
    assert first.split()[3:] == ["personal", "manager", "añadir", "añadido"]
    rules = run("audit", "--db", cafe, "--entity", "rule").stdout.splitlines()[1]
    assert rules.split()[3::2] == ["regla", "añadir"]
    english = run("audit", "--db", cafe, "--entity", "staff", lang="en_US.UTF-8")
    assert english.stdout.splitlines()[1].split()[3:] == ["staff", "manager", "add", "added"]
    machines = run("audit", "--db", cafe, "--entity", "staff", "--format", "csv")
    assert ",staff,manager,add," in machines.stdout  # the CSV keeps the log's codes


def test_barcode_sheet_and_its_notes_in_spanish(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    init_store(path).close()
    catalog = tmp_path / "catalog.csv"  # a product the sheet can only note: its SKU is no EAN
    catalog.write_text("sku,name,price,category,barcodes\n"
                       "ROLL,Cinnamon Roll,3.50,bakery,\n"
                       "BEANS,House Beans,9.50,retail,4006381333931\n", encoding="utf-8")
    imported = run("import", "catalog", catalog, "--db", path)
    assert imported.returncode == 0, imported.stderr
    sheet = tmp_path / "sheet.pdf"
    made = run("barcodes", "--db", path, "-o", sheet)
    assert made.returncode == 0, made.stderr
    assert made.stderr == ("nota: ROLL (Cinnamon Roll): sin código de barras "
                           "EAN-13/EAN-8: teclee el SKU ROLL en la caja\n")
    pdf = pypdfium2.PdfDocument(sheet)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "sin código de barras EAN-13/EAN-8:" in text
    assert "esta línea mide 50 mm: imprima al 100% (tamaño real), sin ajustar a la página" in text
    assert f"página 1 de {len(pdf)}" in text
    for english in ("no EAN-13", "type SKU", "this line is", "page 1 of"):
        assert english not in text
