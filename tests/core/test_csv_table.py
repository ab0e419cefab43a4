"""Reading an imported CSV (core.csv_table), as both importers (catalog, past orders) rely
on it: the header checked first, rows by their line in the file, cells stripped, every
problem as `line N: ...`. The wide-header limits are in test_csv_table_header.py; the
readers on top in test_catalog.py and test_past_orders_plain.py."""

from __future__ import annotations

import csv

import pytest

from pos_prompter.core.csv_table import (
    MAX_PROBLEMS,
    line_count,
    plain_columns,
    table_cells,
    table_rows,
)
from pos_prompter.core.errors import ValidationError

COLUMNS = ("sku", "name", "price")
REQUIRED = ("sku", "price")


def rows(text: str, problems: list[str] | None = None) -> list[tuple[int, dict[str, str]]]:
    return list(table_rows(text, columns=COLUMNS, required=REQUIRED, what="catalog",
                           problems=[] if problems is None else problems))


def refused(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        rows(text)
    return info.value


def test_rows_come_by_column_name_with_their_line_in_the_file() -> None:
    text = "\ufeff price , sku\n 1.50 , LATTE \n\n,\n2.00,MOCHA"
    assert rows(text) == [(2, {"price": "1.50", "sku": "LATTE"}),
                          (5, {"price": "2.00", "sku": "MOCHA"})]


def test_a_quoted_cell_keeps_its_comma_and_its_line_break() -> None:
    text = 'sku,name,price\nA,"Tea, green\nlarge",1\nB,Cake,2\n'
    assert rows(text) == [(3, {"sku": "A", "name": "Tea, green\nlarge", "price": "1"}),
                          (4, {"sku": "B", "name": "Cake", "price": "2"})]


def test_a_row_of_the_wrong_width_is_a_problem_and_is_skipped() -> None:
    problems: list[str] = []
    found = rows("sku,price\nA,1\nB\nC,3,x\nD,4\n", problems)
    assert [line for line, _ in found] == [2, 5]
    assert problems == ["line 3: has 1 fields, the header has 2",
                        "line 4: has 3 fields, the header has 2"]


def test_a_bad_header_refuses_the_whole_file_in_one_sentence() -> None:
    error = refused("sku,colour\nA,red\n")
    assert error.problems == [
        "line 1, column 'colour': unknown column (known: sku, name, price)",
        "line 1: required column 'price' is missing"]
    assert str(error) == ("catalog refused, nothing was changed: line 1, column 'colour': "
                          "unknown column (known: sku, name, price) (and 1 more)")
    assert refused("").problems == ["line 1: the file is empty, expected a header row"]


def test_reading_stops_once_the_caller_has_the_most_problems() -> None:
    problems = [f"earlier {n}" for n in range(MAX_PROBLEMS - 1)]
    found = rows("sku,price\nA\nB,2\nC\n", problems)
    assert found == []
    assert problems[-1] == "line 2: has 1 fields, the header has 2"
    assert len(problems) == MAX_PROBLEMS


def test_a_cell_over_the_csv_limit_ends_the_reading_with_a_problem() -> None:
    long = "x" * (csv.field_size_limit() + 1)
    problems: list[str] = []
    found = rows(f"sku,price\nA,1\nB,{long}\nC,3\n", problems)
    assert found == [(2, {"sku": "A", "price": "1"})]
    assert problems == [f"line 3: a cell is longer than {csv.field_size_limit()} characters"]


def test_progress_reports_end_with_every_line_read() -> None:
    reports: list[tuple[int, int]] = []
    text = "sku,price\n" + "".join(f"S{n},{n}\n" for n in range(5500))
    header, cells = table_cells(text, columns=COLUMNS, required=REQUIRED, what="catalog",
                                problems=[], progress=lambda done, total: reports.append(
                                    (done, total)))
    assert header == ("sku", "price")
    assert sum(1 for _ in cells) == 5500
    assert reports[-1] == (5501, 5501)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert len(reports) > 1, "a long file reports on the way, not only at the end"


@pytest.mark.parametrize(("text", "lines"), [
    ("a\nb\n", 2), ("a\nb", 2), ("a\r\nb\r\n", 2), ("a\rb\rc", 3), ("", 1), ("a", 1)])
def test_line_count_counts_as_the_csv_module_does(text: str, lines: int) -> None:
    assert line_count(text) == lines


def test_a_plain_file_reads_column_by_column_to_the_same_cells() -> None:
    text = "sku,name,price\r\n A ,Tea,1\r\nB,\tCake ,2\r\n"
    [columns] = list(plain_columns(text, 3) or [])
    _, cells = table_cells(text, columns=COLUMNS, required=REQUIRED, what="catalog",
                           problems=[])
    assert columns == [list(column) for column in zip(*(c for _, c in cells), strict=True)]
    assert columns == [["A", "B"], ["Tea", "Cake"], ["1", "2"]]


def test_a_file_that_is_not_plain_is_left_to_the_row_reader() -> None:
    assert plain_columns('sku,name,price\nA,"Tea, green",1\n', 3) is None
    assert plain_columns("sku,name,price\rA,Tea,1\r", 3) is None
    assert list(plain_columns("sku,name,price\n", 3) or ["not empty"]) == []
    assert list(plain_columns("sku,name,price\nA,Tea\n", 3) or []) == [None], \
        "a short row: the chunk is not plain"
    assert list(plain_columns("sku\nA\n\nB\n", 1) or []) == [None], \
        "a blank line: the chunk is not plain"
