"""`pos-prompter whatif FILE.yaml --db PATH [--days N] [--format table|json]`: a draft rule
(a pack of one or more) replayed over the paid orders of the last N days, before it is
published: how often each draft would have been shown, and the revenue expected at the
acceptance rate of the store's prompts of its kind (pos_prompter.core.whatif says how).

The pack is read as `import rules` reads it, and refused the same way (exit 1, one line
per lint error) when lint finds errors in its rules, such as products the store lacks.
Nothing in the store is changed; a practice store is refused (practice runs are not sales).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pos_prompter.cli.common import need_db, out
from pos_prompter.core.errors import InputError
from pos_prompter.core.money import decimal_text, format_money, percent
from pos_prompter.core.whatif_window import DEFAULT_DAYS, MAX_DAYS, Window
from pos_prompter.i18n import plural, say, translate
from pos_prompter.store import Store, StoreError

if TYPE_CHECKING:
    from pos_prompter.core.whatif import DraftResult

# The replay (with the engine and lint), the pack reader (PyYAML) and the practice store's
# names are imported when `whatif` runs: every command builds the parser, which names
# cmd_whatif (tests/cli/test_cli_command_start.py).

FORMATS = ("table", "json")
PROGRESS_MIN_ORDERS = 5000
"""Fewer orders replay in about a second: no progress line."""


def days_arg(text: str) -> int:
    """--days: a whole number of days, 1 to MAX_DAYS."""
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_DAYS:
        raise argparse.ArgumentTypeError(
            translate("cli", "{text} is not a whole number of days from 1 to {most}").format(
                text=repr(text), most=MAX_DAYS))
    return int(text)


class _Progress:
    """"replaying N orders: P%" on stderr, rewritten in place; only on a terminal and only
    when there are many orders."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_MIN_ORDERS:
            return
        pct = 100 if total <= 0 else done * 100 // total
        if pct == self.last:
            return
        self.last = pct
        self.stream.write("\r" + translate("cli", "replaying {n} orders: {pct}%").format(
            n=total, pct=pct) + ("\n" if done >= total else ""))
        self.stream.flush()


def _refuse_practice(db: Path, store: Store) -> None:
    """A practice store made under another name still says so in its settings."""
    if store.get_setting("training"):
        raise StoreError(translate("cli", "{db} is a practice store: practice runs are not "
                                   "sales; give the real store with --db").format(db=db))


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
            for r in [header, *rows]]


def _when(value: dt.datetime) -> str:
    return value.isoformat(sep=" ", timespec="minutes")


def table_text(results: Sequence[DraftResult], currency: str) -> str:
    """The readable report: one row per draft, then which rate each used."""
    from pos_prompter.core.whatif import kind_word

    first = results[0]
    window = first.window
    orders = first.orders_considered
    lines = [plural(orders, translate("cli", "What-if over {n} paid order of the last {days} "
                                      "days ({since} to {until}); every prompt declined, the "
                                      "store's rules beside the draft:"),
                    translate("cli", "What-if over {n} paid orders of the last {days} days "
                              "({since} to {until}); every prompt declined, the store's rules "
                              "beside the draft:"),
                    days=window.days, since=_when(window.since), until=_when(window.until)),
             ""]
    rows = []
    for r in results:
        accepts = r.expected_accepts
        revenue = r.expected_revenue
        rows.append((r.rule, say(kind_word(r.kind)), str(r.would_show), str(r.held_out),
                     str(r.kept_quiet_by_cap),
                     "-" if r.rate.rate is None else percent(Decimal(r.rate.accepted)
                                                             / Decimal(r.rate.shown)),
                     "-" if accepts is None else decimal_text(accepts, 1),
                     "-" if revenue is None else format_money(revenue, currency)))
    lines += _table((translate("cli", "rule"), translate("cli", "kind"),
                     translate("cli", "would show"), translate("cli", "held out"),
                     translate("cli", "kept quiet by cap"), translate("cli", "rate used"),
                     translate("cli", "expected accepts"), translate("cli", "expected revenue")),
                    rows)
    lines.append("")
    lines += [f"{r.rule}: {say(r.rate.sentence())}" if r.rate.rate is None
              else translate("cli", "{rule}: rate used from {source}").format(
                  rule=r.rule, source=say(r.rate.sentence())) for r in results]
    return "\n".join(lines) + "\n"


def cmd_whatif(args: argparse.Namespace) -> int:
    from pos_prompter.pack_files import load_pack_file
    from pos_prompter.practice.practice_store import practice_store_path
    from pos_prompter.store.replay import draft_problems, run_whatif

    db = need_db(args, "whatif")
    practice_store_path(db)  # refuses NAME.training.db by its name
    pack = load_pack_file(args.file)
    if not pack.rules:
        raise InputError(translate("cli", "rule pack {path} has no rules to replay").format(
            path=args.file))
    with Store.open(db) as store:
        _refuse_practice(db, store)
        findings = draft_problems(store, pack)
        errors = [f for f in findings if f.severity == "error"]
        if errors:
            for finding in errors:
                print(say(finding.said()), file=sys.stderr)
            print(plural(len(errors), translate("cli", "error: the draft cannot be replayed: "
                                                "{n} lint error (see above). Fix the pack "
                                                "first."),
                         translate("cli", "error: the draft cannot be replayed: {n} lint errors "
                                   "(see above). Fix the pack first.")), file=sys.stderr)
            return 1
        currency = pack.settings_over(store.load_settings()).currency
        window = Window.last_days(args.days, dt.datetime.now())
        progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
        results = run_whatif(store, pack, window, progress=progress)
    if args.format == "json":
        out(json.dumps([r.to_json() for r in results], indent=2, ensure_ascii=False) + "\n")
    else:
        out(table_text(results, currency))
    for finding in findings:
        print(say(finding.said()), file=sys.stderr)
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             store: argparse.ArgumentParser) -> None:
    """Add `whatif` to the command line (`store`: the --db/--debug parent)."""
    whatif = commands.add_parser(
        "whatif", parents=[store],
        help=translate("cli", "replay a draft rule over past orders: how often it would show, "
                              "what it would earn"),
        description=translate("cli", "Replay a draft rule (a pack of one or more rules) over "
                                     "the paid orders of the last N days, with the store's "
                                     "rules beside it and every prompt declined: how often each "
                                     "draft would have been shown, and the revenue expected at "
                                     "the acceptance rate of the store's prompts of the same "
                                     "kind. A pack that lint finds errors in is refused (exit "
                                     "1). It changes nothing in the store."))
    whatif.add_argument("file", type=Path, metavar="FILE.yaml",
                        help=translate("cli", "the draft rule pack (YAML or JSON), as `import "
                                              "rules` reads it"))
    whatif.add_argument("--days", type=days_arg, default=DEFAULT_DAYS, metavar="N",
                        help=translate("cli", "the last N days up to now (default "
                                       "{default})").format(default=DEFAULT_DAYS))
    whatif.add_argument("--format", choices=FORMATS, default="table",
                        help=translate("cli", "table (default) or json"))
    whatif.set_defaults(func=cmd_whatif)
