"""A results report (core.results.Report.to_json) as one CSV file: its tables' columns and
cells, shared by `pos-prompter report --format csv` and the workspace's Save as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

OUTCOME_COLUMNS = ("shown", "accepted", "declined", "ignored", "acceptance_rate",
                   "revenue_added", "margin_added", "margin_accepted")
ORDER_COLUMNS = ("orders", "average_order_value", "attach_rate")
SECTIONS: dict[str, tuple[str, ...]] = {
    "rules": ("rule", "title", "kind", *OUTCOME_COLUMNS, "held_out"),
    "clerks": ("clerk", *OUTCOME_COLUMNS, *ORDER_COLUMNS),
    "hours": ("hour", *OUTCOME_COLUMNS, *ORDER_COLUMNS),
    "days": ("day", *OUTCOME_COLUMNS, *ORDER_COLUMNS),
    "totals": ("period", *OUTCOME_COLUMNS, *ORDER_COLUMNS),
    "uplift": ("rule", "title", "treated_orders", "holdout_orders",
               "revenue_per_order_treated", "revenue_per_order_holdout", "difference",
               "ci_low", "ci_high", "enough_data", "sentence"),
    "leaderboard": ("rank", "clerk", "orders", "offers", "accepted", "acceptance_rate",
                    "offers_per_order"),
}
"""Each table's columns, in the order CSV and the table print them."""


def sections(data: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    return [(name, data[name] if name != "totals" else [data[name]])
            for name in SECTIONS if name in data]


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def report_csv(data: dict[str, Any]) -> str:
    """One CSV file, one section per table: a `section` column first, then that table's
    columns, a header row before each section's rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for name, rows in sections(data):
        columns = SECTIONS[name]
        writer.writerow(["section", *columns])
        for row in rows:
            writer.writerow([name, *(cell(row.get(c)) for c in columns)])
    return buffer.getvalue()
