"""Catalog CSV edge cases an audit found: a cell too long for the csv module, numbers that
int() and Decimal() take but catalog.md does not (1_0, 1e2), the 64-character SKU limit,
and the line a product came from (shared/spec/catalog.md)."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from pos_prompter.core.catalog import Catalog, Product, Sku, catalog_to_csv, parse_catalog_csv
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.past_orders import parse_orders_csv

LIMIT = csv.field_size_limit()
HUGE = "x" * (LIMIT + 1)


def refusal(text: str) -> list[str]:
    with pytest.raises(ValidationError) as info:
        parse_catalog_csv(text)
    return list(info.value.problems)


def test_a_cell_longer_than_the_limit_is_a_problem_naming_its_line() -> None:
    text = f"sku,name,price\nA,Apple,1.00\nB,{HUGE},2.00\nC,Cherry,3.00\n"
    assert refusal(text) == [f"line 3: a cell is longer than {LIMIT} characters"]


def test_a_cell_at_the_limit_is_read() -> None:
    text = f"sku,name,price\nA,{'x' * LIMIT},1.00\n"
    assert [len(p.name) for p in parse_catalog_csv(text)] == [LIMIT]


def test_problems_before_a_too_long_cell_are_kept() -> None:
    text = f"sku,name,price\nA,Apple,free\nB,\"{HUGE}\",2.00\n"
    problems = refusal(text)
    assert len(problems) == 2
    assert problems[0].startswith("line 2, column price: ")
    assert problems[1] == f"line 3: a cell is longer than {LIMIT} characters"


def test_a_too_long_cell_in_the_header_refuses_the_file() -> None:
    assert refusal(f"sku,name,price,{HUGE}\nA,Apple,1.00\n") == [
        f"line 1: a cell is longer than {LIMIT} characters"]


def test_a_too_long_cell_in_past_orders_names_its_line() -> None:
    with pytest.raises(ValidationError) as info:
        parse_orders_csv(f"order_id,sku,qty\nO-1,{HUGE},1\n", Catalog())
    assert info.value.problems == [f"line 2: a cell is longer than {LIMIT} characters"]


HEADER = "sku,name,price,family,size_rank,unit_qty,unit\n"


@pytest.mark.parametrize("cell", ["1_0", "+2", "2.0", "1e1", "\u0662", "0x2"])
def test_size_rank_must_be_plain_digits(cell: str) -> None:
    problems = refusal(HEADER + f"A,Cup,1.00,cup,{cell},,\n")
    assert problems[0] == f"line 2, column size_rank: {cell!r} is not a whole number from 1 up"


@pytest.mark.parametrize("cell", ["1e2", "1E+2", "1_0", "+5", ".5", "5.", "NaN", "\u0665",
                                  "Infinity", "1,5"])
def test_unit_qty_must_be_a_plain_decimal(cell: str) -> None:
    text = HEADER + f'A,Cup,1.00,,,"{cell}",oz\n'
    assert refusal(text) == [f"line 2, column unit_qty: {cell!r} is not a positive decimal "
                             "number"]


@pytest.mark.parametrize(("rank", "qty", "want_rank", "want_qty"), [
    ("2", "250", 2, Decimal("250")),
    ("1", "0.5", 1, Decimal("0.5")),
    ("3", "12.0", 3, Decimal("12.0")),
    (" 4 ", " 16 ", 4, Decimal("16")),  # cells are stripped, as before
    ("007", "007.50", 7, Decimal("7.50")),
])
def test_plain_numbers_keep_working(rank: str, qty: str, want_rank: int,
                                    want_qty: Decimal) -> None:
    [product] = parse_catalog_csv(HEADER + f"A,Cup,1.00,cup,{rank},{qty},oz\n")
    assert (product.size_rank, product.unit_qty) == (want_rank, want_qty)


def test_an_exponent_unit_qty_is_written_out_plain_so_it_reads_back() -> None:
    product = Product(sku=Sku("A"), name="Cup", price=100, unit_qty=Decimal("1E+2"), unit="oz")
    text = catalog_to_csv([product])
    assert ",100,oz," in text
    assert parse_catalog_csv(text)[0].unit_qty == Decimal("100")


def test_a_sku_of_64_characters_is_accepted_and_65_refused() -> None:
    sku64, sku65 = "S" * 63 + "9", "S" * 64 + "9"
    assert [p.sku for p in parse_catalog_csv(f"sku,name,price\n{sku64},Max,1.00\n")] == [sku64]
    assert refusal(f"sku,name,price\n{sku64},Max,1.00\n{sku65},Over,1.00\n") == [
        f"line 3, column sku: {sku65!r} must be 1-64 characters of A-Z a-z 0-9 - _ ."]


def test_each_product_knows_its_line_but_it_is_not_data() -> None:
    products = parse_catalog_csv("sku,name,price\nA,Apple,1.00\n\nB,Bread,2.00\n")
    assert [p.line for p in products] == [2, 4]
    assert products[0] == Product(sku=Sku("A"), name="Apple", price=100)
    assert "line" not in repr(products[0])
