"""Oversized numbers in scan scripts, catalogs and past orders through the real command line
(issue 11, point 5): one short sentence naming the line, never an internal error, never the
5,000 digits echoed back."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import Result, order_count, run_subprocess

MAX_OUTPUT = 2_000
DIGITS = "9" * 5000


def assert_one_sentence(result: Result, code: int, *needles: str) -> None:
    result.assert_clean_error(code, *needles)
    assert "internal error" not in result.err, result.err[:300]
    assert len(result.out) + len(result.err) < MAX_OUTPUT, result.err[:300]


@pytest.mark.parametrize(("script", "needles"), [
    (f"scan LATTE-T\nqty {DIGITS}\n", ("line 2", "qty", "(5,000 characters)", "999")),
    (f"scan LATTE-T\nexpect line LATTE-T {DIGITS}\n", ("line 2", "(5,000 characters)")),
    (f"scan LATTE-T\nexpect total {DIGITS}\n", ("line 2", "(5,000 characters)")),
    ("time 0001-01-01T00:00\nscan LATTE-T\npay\n", ("line 1", "2000-01-01 to 2999-12-31")),
])
def test_a_hostile_script_line_is_refused_before_anything_is_sold(
        tmp_path: Path, spec_store: Path, script: str, needles: tuple[str, ...]) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(script, encoding="utf-8")
    before = order_count(spec_store)
    assert_one_sentence(run_subprocess("simulate", "--db", spec_store, path), 2, *needles)
    assert order_count(spec_store) == before


def test_a_year_1_time_after_a_saved_order_is_refused_too(tmp_path: Path,
                                                          spec_store: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("time 2026-11-22T08:15\nscan LATTE-T\npay\n", encoding="utf-8")
    assert run_subprocess("simulate", "--db", spec_store, first).code == 0
    later = tmp_path / "later.txt"
    later.write_text("time 0001-01-01T00:00\nscan LATTE-T\npay\n", encoding="utf-8")
    assert_one_sentence(run_subprocess("simulate", "--db", spec_store, later), 2,
                        "later.txt line 1", "outside the till's calendar")


@pytest.mark.parametrize(("csv", "column"), [
    (f"sku,name,price\nBIG,Big,{DIGITS}\n", "price"),
    ("sku,name,price,family,size_rank\nBIG,Big,1.00,big," + "1" * 30 + "\n", "size_rank"),
])
def test_a_hostile_catalog_cell_is_one_short_problem(tmp_path: Path, spec_store: Path,
                                                     csv: str, column: str) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(csv, encoding="utf-8")
    assert_one_sentence(run_subprocess("import", "catalog", path, "--db", spec_store), 1,
                        f"line 2, column {column}")


def test_a_past_order_of_5000_digit_price_is_one_short_problem(tmp_path: Path,
                                                               spec_store: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(f"order_id,sku,qty,price\nO-1,LATTE-T,1,{DIGITS}\n", encoding="utf-8")
    assert_one_sentence(run_subprocess("import", "orders", path, "--db", spec_store), 1,
                        "line 2, column price", "(5,000 characters)")


def test_a_settings_pair_of_5000_characters_is_named_short(spec_store: Path) -> None:
    assert_one_sentence(run_subprocess("settings", "--db", spec_store, "k" * 5000), 2,
                        "is not KEY=VALUE", "(5,000 characters)")


def test_a_scenario_in_year_1_is_refused_not_an_internal_error(tmp_path: Path,
                                                              spec_store: Path) -> None:
    scenario = tmp_path / "early.yaml"
    scenario.write_text("version: 1\nid: early\ntitle: Early\nlevel: 1\n"
                        "time: 0001-01-01T00:00\ncustomers:\n  - name: Sam\n"
                        "    items: [LATTE-T]\n", encoding="utf-8")
    script = tmp_path / "trainee.txt"
    script.write_text("scan LATTE-T\npay\n", encoding="utf-8")
    result = run_subprocess("simulate", "--training", "--dry-run", "--db", spec_store,
                            "--scenario", scenario, script)
    assert_one_sentence(result, 1, "field time", "0001-01-01T00:00",
                        "outside the till's calendar")


def test_a_field_given_twice_with_a_5000_character_name_is_named_short(
        tmp_path: Path, spec_store: Path) -> None:
    key = "k" * 5000
    pack = tmp_path / "twice.yaml"  # an explicit key: a plain one is at most 1,024 long
    pack.write_text(f"version: 1\nrules: []\n? {key}\n: 1\n? {key}\n: 2\n", encoding="utf-8")
    assert_one_sentence(run_subprocess("lint", pack, "--db", spec_store), 1,
                        "is given twice", "(5,000 characters)")


def test_an_unknown_5000_digit_barcode_is_quoted_short_and_the_sale_goes_on(
        tmp_path: Path, spec_store: Path) -> None:
    path = tmp_path / "scans.txt"
    path.write_text(f"scan {DIGITS}\nscan LATTE-T\npay\n", encoding="utf-8")
    result = run_subprocess("simulate", "--db", spec_store, path)
    errors = [line for line in result.out.splitlines() if '"event":"error"' in line]
    assert len(errors) == 1, result.out[:300]
    assert "unknown barcode 999" in errors[0]
    assert "(5,000 characters)" in errors[0]
    assert len(errors[0]) < 400
    assert '"event":"paid"' in result.out
