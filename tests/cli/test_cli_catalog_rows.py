"""`pos-prompter import catalog|orders FILE --db DB` as a real process, for rows an audit
found mishandled: every refusal is `line N...`, exit 1, nothing imported (catalog.md)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from cli_support import SPEC_DIR, Result, query, run_subprocess

LIMIT = csv.field_size_limit()
HUGE = "x" * (LIMIT + 1)


def run(*args: object) -> Result:
    return run_subprocess(*args)


def skus(db: Path) -> set[str]:
    return {sku for (sku,) in query(db, "SELECT sku FROM products")}


def revision(db: Path) -> int:
    rows = query(db, "SELECT value FROM settings WHERE key = 'publish_revision'")
    return int(json.loads(rows[0][0])) if rows else 0


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
def test_a_too_long_cell_is_a_clean_refusal_naming_its_line(
        spec_store: Path, tmp_path: Path, dry_run: bool) -> None:
    before = skus(spec_store)
    path = write(tmp_path, "big.csv", f"sku,name,price\nA,Apple,1.00\nB,{HUGE},2.00\n")
    result = run("import", "catalog", path, "--db", spec_store,
                 *(["--dry-run"] if dry_run else []))
    result.assert_clean_error(1, "nothing was changed",
                              f"line 3: a cell is longer than {LIMIT} characters")
    assert "internal error" not in result.err
    assert skus(spec_store) == before


def test_a_too_long_cell_in_past_orders_is_a_clean_refusal(spec_store: Path,
                                                          tmp_path: Path) -> None:
    path = write(tmp_path, "orders.csv",
                 f"order_id,sku,qty\nO-1,LATTE-T,1\nO-2,{HUGE},1\n")
    result = run("import", "orders", path, "--db", spec_store)
    result.assert_clean_error(1, "nothing was changed",
                              f"line 3: a cell is longer than {LIMIT} characters")
    assert "internal error" not in result.err
    assert query(spec_store, "SELECT count(*) FROM orders") == [(0,)]


def test_size_rank_with_underscore_and_unit_qty_with_exponent_are_refused(
        empty_store: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "odd.csv",
                 "sku,name,price,family,size_rank,unit_qty,unit\n"
                 "CUP-S,Small cup,1.00,cup,1,0.5,l\n"
                 "CUP-L,Large cup,2.00,cup,1_0,12.0,oz\n"
                 "BAG,Bag,3.00,,,1e2,g\n")
    result = run("import", "catalog", path, "--db", empty_store)
    result.assert_clean_error(1, "nothing was changed",
                              "line 3, column size_rank: '1_0'",
                              "line 4, column unit_qty: '1e2'")
    assert skus(empty_store) == set()


def test_a_sku_of_64_characters_imports_and_65_is_refused(empty_store: Path,
                                                          tmp_path: Path) -> None:
    sku64, sku65 = "S" * 63 + "9", "S" * 64 + "9"
    over = write(tmp_path, "over.csv", f"sku,name,price\n{sku64},Max,1.00\n{sku65},Over,1.00\n")
    run("import", "catalog", over, "--db", empty_store).assert_clean_error(
        1, f"line 3, column sku: {sku65!r} must be 1-64 characters")
    assert skus(empty_store) == set()
    fits = write(tmp_path, "fits.csv", f"sku,name,price\n{sku64},Max,1.00\n")
    result = run("import", "catalog", fits, "--db", empty_store)
    assert result.code == 0, result.err
    assert skus(empty_store) == {sku64}


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
def test_a_barcode_of_a_product_left_out_is_refused_naming_the_line(
        spec_store: Path, tmp_path: Path, dry_run: bool) -> None:
    path = write(tmp_path, "steal.csv", "sku,name,price,barcodes\n"
                                        "TEA,Tea,2.00,\n"
                                        "NEW,New thing,1.00,2100000000029\n")
    result = run("import", "catalog", path, "--db", spec_store,
                 *(["--dry-run"] if dry_run else []))
    result.assert_clean_error(1, "line 3, column barcodes: barcode 2100000000029 of NEW "
                                 "already belongs to LATTE-G")
    assert not skus(spec_store) & {"TEA", "NEW"}


def test_reimporting_the_same_file_leaves_the_publish_revision(spec_store: Path,
                                                              tmp_path: Path) -> None:
    catalog = SPEC_DIR / "catalog.csv"
    before = revision(spec_store)
    result = run("import", "catalog", catalog, "--db", spec_store)
    assert result.code == 0, result.err
    assert result.out == "products: 0 added, 0 changed, 7 unchanged\n"
    assert revision(spec_store) == before
    changed = write(tmp_path, "changed.csv", catalog.read_text("utf-8").replace(
        "Latte Grande,3.95", "Latte Grande,4.05"))
    assert run("import", "catalog", changed, "--db", spec_store).code == 0
    assert revision(spec_store) == before + 1
