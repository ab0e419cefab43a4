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
from pos_prompter.core.money import money_style, percent_text
from pos_prompter.core.report_csv import report_csv
from pos_prompter.core.results import Report, parse_period
from pos_prompter.i18n import QT_TRANSLATE_NOOP, say, translate
from pos_prompter.store import Store, StoreError
from pos_prompter.store.reports import is_practice_store, load_report

FORMATS = ("table", "csv", "json")



def _refuse_practice(db: Path) -> None:
    # Imported here: every command builds the parser, which names cmd_report, and the
    # practice package is not theirs (tests/cli/test_cli_command_start.py).
    from pos_prompter.practice.practice_store import PRACTICE_MARK, real_store_path

    if db.stem.endswith(PRACTICE_MARK):
        raise StoreError(translate("cli", "{db} is a practice store, and practice runs never "
                                   "count in the results; give the real store ({real}) with "
                                   "--db").format(db=db, real=real_store_path(db)))


def _percent(value: float | None) -> str:
    return "-" if value is None else percent_text(value, 1)


def _amount(text: str | None) -> str:
    """An amount the report carries as "864.00", in the language's style ("864,00")."""
    return "-" if text is None else text.replace(".", money_style().decimal_point)


def _text_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    if not rows:
        return translate("cli", "{title}: none").format(title=title) + "\n"
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
        margin = f"{_amount(margin)} ({row['margin_accepted']}/{row['accepted']})"
    elif margin is not None:
        margin = _amount(margin)
    return [str(row["shown"]), str(row["accepted"]), str(row["declined"]),
            str(row["ignored"]), _percent(row["acceptance_rate"]), _amount(row["revenue_added"]),
            margin or "-"]


OUTCOME_HEADER = (QT_TRANSLATE_NOOP("cli", "shown"), QT_TRANSLATE_NOOP("cli", "accepted"),
                  QT_TRANSLATE_NOOP("cli", "declined"), QT_TRANSLATE_NOOP("cli", "ignored"),
                  QT_TRANSLATE_NOOP("cli", "rate"), QT_TRANSLATE_NOOP("cli", "revenue"),
                  QT_TRANSLATE_NOOP("cli", "margin"))

_HEADER_WORDS = (QT_TRANSLATE_NOOP("cli", "orders"), QT_TRANSLATE_NOOP("cli", "avg order"),
                 QT_TRANSLATE_NOOP("cli", "attach"), QT_TRANSLATE_NOOP("cli", "rule"),
                 QT_TRANSLATE_NOOP("cli", "rank"), QT_TRANSLATE_NOOP("cli", "offers"))
"""The other column titles, for the catalog (translated where the tables are made)."""


def _words(*texts: str) -> tuple[str, ...]:
    return tuple(translate("cli", text) if text else text for text in texts)


def report_table(data: dict[str, Any]) -> str:
    """The report for people: one table after another, the uplift as sentences."""
    span = (translate("cli", "from {start} to {end}").format(
                start=data["from"] or translate("cli", "the first order"),
                end=data["to"] or translate("cli", "today"))
            if data["from"] or data["to"] else translate("cli", "all history"))
    parts = [translate("cli", "Prompt results, {span}").format(span=span) + "\n"]
    outcome_header = _words(*OUTCOME_HEADER)

    def with_orders(row: dict[str, Any]) -> list[str]:
        return [str(row["orders"]), _amount(row["average_order_value"] or None),
                _percent(row["attach_rate"])]

    order_header = _words("orders", "avg order", "attach")
    parts.append(_text_table(translate("cli", "By rule"), (*_words("rule"), *outcome_header),
                             [[r["rule"], *_outcome_cells(r)] for r in data["rules"]]))
    by = {"clerk": translate("cli", "By clerk"), "hour": translate("cli", "By hour"),
          "day": translate("cli", "By day")}
    for name, key, label in (("clerks", "clerk", translate("cli", "clerk")),
                             ("hours", "hour", translate("cli", "hour")),
                             ("days", "day", translate("cli", "day"))):
        rows = [[(translate("cli", "(none)") if r[key] is None else f"{r[key]:02d}:00"
                  if key == "hour" else str(r[key])), *_outcome_cells(r), *with_orders(r)]
                for r in data[name]]
        parts.append(_text_table(by[key], (label, *outcome_header, *order_header), rows))
    totals = data["totals"]
    parts.append(_text_table(translate("cli", "Totals"), ("", *outcome_header, *order_header),
                             [[translate("cli", "all"), *_outcome_cells(totals),
                               *with_orders(totals)]]))
    if data["uplift"]:
        parts.append(translate("cli", "True uplift (orders shown the prompt against held-out "
                               "orders, 95% Welch interval)") + "\n"
                     + "".join(f"  {say(u['sentence'])}\n" for u in data["uplift"]))
    if "leaderboard" in data:
        parts.append(_text_table(
            translate("cli", "Leaderboard (at least {n} orders)").format(
                n=data["leaderboard_min_orders"]),
            _words("rank", "clerk", "orders", "offers", "accepted", "rate"),
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
            raise StoreError(translate("cli", "{db} is a practice store, and practice runs "
                                       "never count in the results; give the real store with "
                                       "--db").format(db=db))
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
        "report", parents=[store], help=translate("cli", "prompt results by rule, clerk, hour "
                                                         "and day"),
        description=translate("cli", "Shown, accepted, declined, ignored, acceptance rate, "
                                     "revenue and margin added, by rule, clerk, hour of day and "
                                     "day; average order value and attach rate; each rule's "
                                     "true uplift against its held-out orders. Dates are local "
                                     "(YYYY-MM-DD), both included; without them, all history."))
    report.add_argument("--from", dest="start", metavar="D", help=translate("cli", "first day "
                                                                                   "(YYYY-MM-DD)"))
    report.add_argument("--to", dest="end", metavar="D", help=translate("cli", "last day, "
                                                                               "included"))
    report.add_argument("--format", choices=FORMATS, default="table",
                        help=translate("cli", "table (default), csv or json"))
    report.set_defaults(func=cmd_report)
