"""The `practice` commands (shared/spec/practice.md "Command line"): the scenarios a
practice store offers, importing one, refreshing the practice store from the real one, and
every practice run's result.

`--db` always names the real store; the practice store is found beside it
(NAME.training.db) and made on first use. The real store is only ever read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pos_prompter.cli.common import need_db, note, out
from pos_prompter.cli.practice_generate import add_generate
from pos_prompter.cli.staff import cli_actor
from pos_prompter.core.scenario import LEVELS
from pos_prompter.i18n import QT_TRANSLATE_NOOP, plural, say, translate
from pos_prompter.store import Store, StoreError
from pos_prompter.store.practice import PracticeStore

if TYPE_CHECKING:
    from pos_prompter.store.practice import PracticeRun

# The practice package (its scenarios' library and PyYAML, its store) is imported when a
# practice command runs: every command builds the parser, which names these commands
# (tests/cli/test_cli_command_start.py).

RESULT_FORMATS = ("table", "csv", "json")


SOURCE_WORDS = {"built-in": QT_TRANSLATE_NOOP("cli", "built-in"),
                "imported": QT_TRANSLATE_NOOP("cli", "imported")}
"""Where a scenario comes from (library.Source), as `practice list` says it."""


def _level(level: int) -> str:
    """A scenario level's word in the chosen language (core.scenario.LEVELS marks them)."""
    word = LEVELS.get(level)
    return say(word) if word else ""


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in [header, *rows]]
    return "\n".join(lines) + "\n"


def cmd_practice_list(args: argparse.Namespace) -> int:
    from pos_prompter.practice import library
    from pos_prompter.practice.practice_store import open_practice_store

    db = need_db(args, "practice list")
    with open_practice_store(db) as store:
        entries = library.available(store)
    if not entries:
        note(translate("cli", "no scenarios yet: a demo store has built-in ones; import one "
                       "with 'pos-prompter practice import FILE.yaml --db {db}'").format(db=db))
        return 0
    out(_table((translate("cli", "id"), translate("cli", "title"), translate("cli", "level"),
                translate("cli", "customers"), translate("cli", "source")),
               [(e.id, e.title, f"{e.level} {_level(e.level)}".strip(),
                 str(e.customers), translate("cli", SOURCE_WORDS.get(e.source, e.source)))
                for e in entries]))
    return 0


def cmd_practice_import(args: argparse.Namespace) -> int:
    from pos_prompter.practice import library
    from pos_prompter.practice.practice_store import open_practice_store

    db = need_db(args, "practice import")
    with open_practice_store(db) as store:
        scenario, replaced = library.import_file(store, args.file, actor=cli_actor())
    count = len(scenario.customers)
    customers = plural(count, translate("cli", "{n} customer"),
                       translate("cli", "{n} customers"))
    text = (translate("cli", "Replaced scenario {id}: {title} (level {level}, {customers}, "
                      "pass at {score}%)") if replaced else
            translate("cli", "Imported scenario {id}: {title} (level {level}, {customers}, "
                      "pass at {score}%)"))
    out(text.format(id=scenario.id, title=scenario.title, level=scenario.level,
                    customers=customers, score=scenario.pass_score) + "\n")
    return 0


def cmd_practice_refresh(args: argparse.Namespace) -> int:
    from pos_prompter.practice.practice_store import refresh_practice_store

    db = need_db(args, "practice refresh")
    summary = refresh_practice_store(db)
    out(say(summary.describe()) + "\n")
    return 0


def cmd_practice_results(args: argparse.Namespace) -> int:
    from pos_prompter.practice.practice_store import practice_store_path
    from pos_prompter.practice.results import results_csv, time_taken

    db = need_db(args, "practice results")
    practice = practice_store_path(db)
    runs: list[PracticeRun] = []
    if practice.exists():  # reading results makes no practice store
        with Store.open(practice) as store:
            runs = PracticeStore(store).runs(args.trainee)
    elif not db.exists():
        raise StoreError(translate("cli", "there is no store at {db} (create one with "
                                   "'pos-prompter init --db {db}')").format(db=db))
    if args.format == "json":
        out(json.dumps([run.to_json() for run in runs], indent=2, ensure_ascii=False) + "\n")
        return 0
    if args.format == "csv":
        out(results_csv(runs))
        return 0
    if not runs:
        note(translate("cli", "no practice runs by {name} yet").format(name=args.trainee)
             if args.trainee else translate("cli", "no practice runs yet"))
        return 0
    out(_table((translate("cli", "trainee"), translate("cli", "scenario"),
                translate("cli", "date"), translate("cli", "score"), translate("cli", "passed"),
                translate("cli", "time taken")),
               [(r.trainee, r.scenario_id, r.started_at.isoformat(sep=" ", timespec="minutes"),
                 f"{r.score}% ({r.points}/{r.possible})",
                 translate("cli", "yes") if r.passed else
                 translate("cli", "no (needs {score}%)").format(score=r.pass_score),
                 time_taken(r.seconds)) for r in runs]))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             store: argparse.ArgumentParser) -> argparse._SubParsersAction[
                 argparse.ArgumentParser]:
    """Add `practice ...` to the command line (`store`: the --db/--debug parent). Returns
    the `practice` subcommands, for `practice generate` to join them."""
    practice = commands.add_parser(
        "practice", parents=[store],
        help=translate("cli", "practice scenarios, the practice store, trainees' results"),
        description=translate("cli", "Practice mode (see practice.md). --db names the real "
                                     "store; the practice store beside it (NAME.training.db) is "
                                     "made on first use, and the real store is only read."))
    what = practice.add_subparsers(title=translate("cli", "what"), metavar="WHAT", required=True)
    listing = what.add_parser(
        "list", parents=[store],
        help=translate("cli", "scenarios available: built-in for the demo stores and those a "
                              "trainer imported"))
    listing.set_defaults(func=cmd_practice_list)
    imp = what.add_parser(
        "import", parents=[store], help=translate("cli", "add or replace a scenario (a YAML file)"),
        description=translate("cli", "All or nothing: a scenario with any problem (an item this "
                                     "store does not sell, an answer for a rule it does not "
                                     "have...) changes nothing. One with the id of a built-in "
                                     "or imported scenario replaces it."))
    imp.add_argument("file", type=Path, metavar="FILE.yaml")
    imp.set_defaults(func=cmd_practice_import)
    refresh = what.add_parser(
        "refresh", parents=[store],
        help=translate("cli", "copy catalog, rules, settings and staff into the practice store "
                              "again"),
        description=translate("cli", "The practice store gets the real store's catalog, rules, "
                                     "settings and staff again, in one transaction; its "
                                     "scenarios and practice runs stay. The real store's orders "
                                     "and prompt events are never copied."))
    refresh.set_defaults(func=cmd_practice_refresh)
    results = what.add_parser(
        "results", parents=[store],
        help=translate("cli", "every practice run: trainee, scenario, date, score, passed, time "
                              "taken"))
    results.add_argument("--trainee", metavar="NAME", help=translate("cli", "only NAME's runs"))
    results.add_argument("--format", choices=RESULT_FORMATS, default="table",
                         help=translate("cli", "table (default), csv or json"))
    results.set_defaults(func=cmd_practice_results)
    add_generate(what, store)
    return what
