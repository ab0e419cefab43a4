"""A CSV header is refused in one pass over it, with at most 50 problems (catalog.md: "up to
the first 50"): an audit's header of 200,000 empty columns took 12.8 s, quadratic in its
width, and printed 30 MB of errors (issue 11, point 6). Both readers on csv_table: catalog
and past orders."""

from __future__ import annotations

import pytest

from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.csv_table import MAX_PROBLEMS
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.past_orders import parse_orders_csv

WIDE = 200_000


def catalog_problems(text: str) -> list[str]:
    with pytest.raises(ValidationError) as info:
        parse_catalog_csv(text)
    return info.value.problems


def orders_problems(text: str) -> list[str]:
    with pytest.raises(ValidationError) as info:
        parse_orders_csv(text, Catalog())
    return info.value.problems


@pytest.mark.parametrize(("problems", "header"), [
    (catalog_problems, "sku,name,price"),
    (orders_problems, "order_id,sku,qty"),
], ids=["catalog", "orders"])
def test_a_header_of_200000_empty_columns_is_refused_with_50_problems(problems, header) -> None:
    found = problems(header + "," * WIDE + "\nA,B,1\n")
    assert len(found) == MAX_PROBLEMS
    assert found[0].startswith("line 1, column '': unknown column (known: ")
    assert all(p == found[0] for p in found)


def test_the_cap_counts_every_kind_of_header_problem() -> None:
    """Unknown columns first, then missing ones, then repeated ones, as before; 50 in all."""
    unknown = [f"c{n}" for n in range(MAX_PROBLEMS - 2)]
    found = orders_problems(",".join(["qty", *unknown, "sku", "sku", "x1", "x2"]) + "\n")
    assert len(found) == MAX_PROBLEMS
    assert found[:2] == ["line 1, column 'c0': unknown column "
                         "(known: order_id, sku, qty, price, time)",
                         "line 1, column 'c1': unknown column "
                         "(known: order_id, sku, qty, price, time)"]
    assert found[-1].startswith("line 1, column 'x2': unknown column")
    small = orders_problems("qty,colour,sku,sku\n")
    assert small == ["line 1, column 'colour': unknown column "
                     "(known: order_id, sku, qty, price, time)",
                     "line 1: required column 'order_id' is missing",
                     "line 1, column 'sku': column appears twice"]


def test_a_long_unknown_column_name_is_quoted_cut() -> None:
    [problem] = catalog_problems("sku,name,price," + "z" * 5000 + "\n")
    assert problem.startswith("line 1, column 'zzzz")
    assert "(5,000 characters)" in problem
    assert len(problem) < 300


def test_rows_wider_than_the_header_stop_at_50_problems() -> None:
    row = "A1,LATTE,1" + "," * 2000 + "\n"
    found = orders_problems("order_id,sku,qty\n" + row * (MAX_PROBLEMS + 10))
    assert found == [f"line {n}: has 2003 fields, the header has 3"
                     for n in range(2, MAX_PROBLEMS + 2)]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_the_header_is_read_from_its_own_line_whatever_ends_it(end: str) -> None:
    """The header line alone is read when it has no quote (csv_table._first_lines)."""
    catalog = Catalog(parse_catalog_csv("sku,name,price\nLATTE,Latte,3.45\n"))
    for header in ("order_id,sku,qty", '"order_id","sku",qty', "\ufefforder_id,sku,qty"):
        orders = parse_orders_csv(end.join([header, "O-1,LATTE,2", "O-2,LATTE,1", ""]),
                                  catalog)
        assert [(o.external_id, o.lines[0].qty) for o in orders] == [("O-1", 2), ("O-2", 1)]


def test_a_quoted_header_cell_may_go_on_over_lines() -> None:
    found = orders_problems('order_id,"sku\nand more",qty\nO-1,LATTE,1\n')
    assert found[0] == "line 1, column 'sku\\nand more': unknown column " \
                       "(known: order_id, sku, qty, price, time)"
