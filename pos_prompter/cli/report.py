"""`pos-prompter report`: what the prompts did, by rule, clerk, hour of day and day, each
rule's true uplift against its held-out orders, and (when the store turned it on) the
clerks' leaderboard. Table, CSV or JSON (interfaces.md).

It reads the real store only: a practice store given as --db is refused (practice runs
never appear in the results).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pos_prompter.cli.common import need_db, out
from pos_prompter.core.report_csv import report_csv
from pos_prompter.core.results import Report, parse_period
from pos_prompter.practice.practice_store import PRACTICE_MARK, real_store_path
from pos_prompter.store import Store, StoreError
from pos_prompter.store.reports import is_practice_store, load_report

FORMATS = ("table", "csv", "json")



def _refuse_practice(db: Path) -> None:
    if db.stem.endswith(PRACTICE_MARK):
        raise StoreError(f"{db} is a practice store, and practice runs never count in the "
                         f"results; give the real store ({real_store_path(db)}) with --db")


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _text_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    if not rows:
        return f"{title}: none\n"
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [title]
    for r in [header, *rows]:
        lines.append("  " + "  ".join(c.rjust(w) if i else c.ljust(w)
                                      for i, (c, w) in enumerate(zip(r, widths, strict=True)))
                     .rstrip())
    return "\n".join(lines) + "\n"


def _outcome_cells(row: dict[str, Any]) -> list[str]:
    margin = row["margin_added"]
    if margin is not None and row["margin_accepted"] != row["accepted"]:
        margin = f"{margin} ({row['margin_accepted']}/{row['accepted']})"
    return [str(row["shown"]), str(row["accepted"]), str(row["declined"]),
            str(row["ignored"]), _percent(row["acceptance_rate"]), row["revenue_added"],
            margin or "-"]


OUTCOME_HEADER = ("shown", "accepted", "declined", "ignored", "rate", "revenue", "margin")


def report_table(data: dict[str, Any]) -> str:
    """The report for people: one table after another, the uplift as sentences."""
    span = (f"from {data['from'] or 'the first order'} to {data['to'] or 'today'}"
            if data["from"] or data["to"] else "all history")
    parts = [f"Prompt results, {span}\n"]

    def with_orders(row: dict[str, Any]) -> list[str]:
        return [str(row["orders"]), row["average_order_value"] or "-",
                _percent(row["attach_rate"])]

    order_header = ("orders", "avg order", "attach")
    parts.append(_text_table("By rule", ("rule", *OUTCOME_HEADER),
                             [[r["rule"], *_outcome_cells(r)] for r in data["rules"]]))
    for name, key, label in (("clerks", "clerk", "clerk"), ("hours", "hour", "hour"),
                             ("days", "day", "day")):
        rows = [[("(none)" if r[key] is None else f"{r[key]:02d}:00" if key == "hour"
                  else str(r[key])), *_outcome_cells(r), *with_orders(r)]
                for r in data[name]]
        parts.append(_text_table(f"By {label}", (label, *OUTCOME_HEADER, *order_header),
                                 rows))
    totals = data["totals"]
    parts.append(_text_table("Totals", ("", *OUTCOME_HEADER, *order_header),
                             [["all", *_outcome_cells(totals), *with_orders(totals)]]))
    if data["uplift"]:
        parts.append("True uplift (orders shown the prompt against held-out orders, 95% "
                     "Welch interval)\n" + "".join(f"  {u['sentence']}\n"
                                                  for u in data["uplift"]))
    if "leaderboard" in data:
        parts.append(_text_table(
            f"Leaderboard (at least {data['leaderboard_min_orders']} orders)",
            ("rank", "clerk", "orders", "offers", "accepted", "rate"),
            [[str(e["rank"]), e["clerk"], str(e["orders"]), str(e["offers"]),
              str(e["accepted"]), _percent(e["acceptance_rate"])]
             for e in data["leaderboard"]]))
    return "\n".join(parts)


def read_report(db: Path, start: str | None, end: str | None) -> Report:
    """The report of the real store `db` over the period (refusing a practice store)."""
    period = parse_period(start, end)
    _refuse_practice(db)
    with Store.open(db) as store:
        conn = store.db.conn
        if is_practice_store(conn):
            raise StoreError(f"{db} is a practice store, and practice runs never count in "
                             "the results; give the real store with --db")
        return load_report(conn, period)


def cmd_report(args: argparse.Namespace) -> int:
    db = need_db(args, "report")
    data = read_report(db, args.start, args.end).to_json()
    if args.format == "json":
        out(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        out(report_csv(data))
    else:
        out(report_table(data))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             store: argparse.ArgumentParser) -> None:
    """Add `report` to the command line (`store`: the --db/--debug parent)."""
    report = commands.add_parser(
        "report", parents=[store], help="prompt results by rule, clerk, hour and day",
        description="Shown, accepted, declined, ignored, acceptance rate, revenue and "
                    "margin added, by rule, clerk, hour of day and day; average order "
                    "value and attach rate; each rule's true uplift against its held-out "
                    "orders. Dates are local (YYYY-MM-DD), both included; without them, "
                    "all history.")
    report.add_argument("--from", dest="start", metavar="D", help="first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="end", metavar="D", help="last day, included")
    report.add_argument("--format", choices=FORMATS, default="table",
                        help="table (default), csv or json")
    report.set_defaults(func=cmd_report)
