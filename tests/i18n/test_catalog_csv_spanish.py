"""A refused catalog or file of past orders in Spanish (issue 14.3): the real command line
under LANG=es says every problem the CSV readers found in Spanish (the file's own values
and column names as they are), and an import's preview and summary too; the readers write
no sentence without core.said."""

from __future__ import annotations

from pathlib import Path

import pytest
from program import run_program as _run
from said_scan import english_left, english_sentences

from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.core.errors import ValidationError
from pos_prompter.i18n import build

MODULES = ("pos_prompter/core/catalog.py", "pos_prompter/core/csv_table.py",
           "pos_prompter/core/past_orders.py", "pos_prompter/core/excerpt.py",
           "pos_prompter/imports.py", "pos_prompter/cli/commands.py")

BAD_CATALOG = ("sku,name,price,barcodes,tags,family\n"
               "A!,,abc,123,Bad Tag,\n"
               "B,Bee,1.00,4006381333932,,latte\n"
               "B,Bee,1.0,4006381333931,,\n"
               "C,Cee,1.00,1.5\n")
BAD_ORDERS = "order_id,sku,qty,price,time\n1,A,0,abc,2026-13-01\n2,Z,1,,\n"
DATA = ("'A!'", "'abc'", "'123'", "'Bad Tag'", "'B'", "'0'", "'2026-13-01'", "'Z'",
        "'4006381333931'", "'1.5'", "sku", "name", "price", "barcodes", "tags", "qty", "time",
        "family", "size_rank")




@pytest.mark.usefixtures("built_catalogs")
def test_import_catalog_of_a_bad_csv_says_every_problem_in_spanish(tmp_path: Path) -> None:
    db, bad = tmp_path / "shop.db", tmp_path / "bad.csv"
    bad.write_text(BAD_CATALOG, encoding="utf-8")
    assert _run("init", "--db", db).returncode == 0
    refused = _run("import", "catalog", bad, "--db", db)
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert lines[0] == "error: rechazo de catálogo, no se cambió nada (9 problemas):"
    assert "  línea 2, columna name: está vacío" in lines
    assert "  línea 4, columna sku: 'B' ya se usa en la línea 3" in lines
    assert "  línea 5: tiene 4 campos, la cabecera tiene 6" in lines
    for line in lines[1:]:
        assert english_left(line, DATA) == [], line
    header = tmp_path / "header.csv"
    header.write_text("sku,name,colour\n", encoding="utf-8")
    said = _run("import", "catalog", header, "--db", db).stderr.splitlines()
    assert said[1:] == ["  línea 1, columna 'colour': columna desconocida (conocidas: sku, name, "
                        "price, barcodes, category, tags, family, size_rank, size_label, "
                        "unit_qty, unit, cost, active)",
                        "  línea 1: falta la columna obligatoria 'price'"]


@pytest.mark.usefixtures("built_catalogs")
def test_past_orders_refused_and_imported_in_spanish(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    catalog, orders, good = tmp_path / "c.csv", tmp_path / "o.csv", tmp_path / "g.csv"
    catalog.write_text("sku,name,price\nA,Ay,1.00\n", encoding="utf-8")
    orders.write_text(BAD_ORDERS, encoding="utf-8")
    good.write_text("order_id,sku,qty,time\n1,A,2,2026-11-01T10:00\n", encoding="utf-8")
    assert _run("init", "--db", db).returncode == 0
    assert _run("import", "catalog", catalog, "--db", db).stdout == (
        "productos: 1 de alta, 0 con cambios, 0 sin cambios\n")
    refused = _run("import", "orders", orders, "--db", db)
    assert refused.returncode == 1
    for line in refused.stderr.splitlines()[1:]:
        assert line.startswith("  línea "), line
        assert english_left(line, DATA) == [], line
    preview = _run("import", "orders", good, "--db", db, "--dry-run").stdout.splitlines()
    assert preview[1:] == ["1 pedidos por 2,00\xa0$ en total, del 2026-11-01 al 2026-11-01.",
                           "Los pedidos importados antes (el mismo id de pedido) se omiten, "
                           "nunca se duplican."]
    assert _run("import", "orders", good, "--db", db).stdout == (
        "pedidos pasados: 1 de alta, 0 con cambios, 0 ya en la tienda\n")


def test_english_is_as_it_was() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_catalog_csv("sku,name,price\nA!,,abc\n")
    assert refused.value.problems == [
        "line 2, column sku: 'A!' must be 1-64 characters of A-Z a-z 0-9 - _ .",
        "line 2, column name: is empty",
        "line 2, column price: 'abc' is not an amount with at most 2 decimals, like \"3.45\""]


@pytest.mark.parametrize("module", MODULES)
def test_the_module_writes_no_sentence_without_core_said(module: str) -> None:
    assert english_sentences(build.ROOT / module) == []
