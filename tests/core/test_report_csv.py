"""A results report as one CSV file (core.report_csv), as `pos-prompter report --format csv`
and the workspace's Save as CSV write it: one section per table, each with its header row,
cells a spreadsheet reads (empty for none, true/false). The command's output end to end is
in tests/cli/test_cli_report.py."""

from __future__ import annotations

import csv
import io

from pos_prompter.core.report_csv import OUTCOME_COLUMNS, SECTIONS, cell, report_csv

RULE = {"rule": "coffee-size-up", "title": "Size up, \"now\"", "kind": "upsell",
        "shown": 10, "accepted": 4, "declined": 5, "ignored": 1, "acceptance_rate": 0.4,
        "revenue_added": "2.00", "margin_added": None, "margin_accepted": None,
        "held_out": 2}
TOTALS = {"period": "2026-11-23..2026-11-23", "shown": 10, "accepted": 4, "orders": 7}


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_each_table_is_a_section_with_its_own_header_row() -> None:
    text = report_csv({"totals": TOTALS, "rules": [RULE, {**RULE, "rule": "b"}]})
    read = rows(text)
    assert read[0] == ["section", *SECTIONS["rules"]], "rules first, whatever the dict order"
    assert [r[0] for r in read] == ["section", "rules", "rules", "section", "totals"]
    assert read[3] == ["section", *SECTIONS["totals"]]
    assert len({len(r) for r in read[:3]}) == 1, "every row as wide as its header"


def test_cells_are_plain_text_a_spreadsheet_reads() -> None:
    [_, row] = rows(report_csv({"rules": [RULE]}))
    by_column = dict(zip(["section", *SECTIONS["rules"]], row, strict=True))
    assert by_column["title"] == 'Size up, "now"', "quoted by the csv writer, read back whole"
    assert by_column["margin_added"] == "", "no figure: an empty cell, not None"
    assert by_column["acceptance_rate"] == "0.4"
    assert [cell(True), cell(False), cell(None), cell(0)] == ["true", "false", "", "0"]


def test_a_column_missing_from_a_row_is_an_empty_cell() -> None:
    [_, row] = rows(report_csv({"totals": TOTALS}))
    by_column = dict(zip(["section", *SECTIONS["totals"]], row, strict=True))
    assert by_column["orders"] == "7"
    assert by_column["declined"] == ""
    assert by_column["attach_rate"] == ""


def test_tables_not_in_the_report_are_left_out_and_unknown_ones_ignored() -> None:
    assert report_csv({}) == ""
    assert report_csv({"notes": [{"x": 1}]}) == ""
    text = report_csv({"clerks": []})
    assert text == ",".join(["section", "clerk", *OUTCOME_COLUMNS, "orders",
                             "average_order_value", "attach_rate"]) + "\n"
