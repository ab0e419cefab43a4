"""The `pos-prompter` command line (shared/spec/interfaces.md).

With no command it opens the till window; the subcommands work on a store file without a
screen. Nothing here imports Qt: the window module is imported only when it is started, so
`--help` and every subcommand run on a machine without a display.

Exit codes: 0 success, 1 the command ran and found a problem (a refused import), 2 bad usage
or unreadable input. Errors are one readable sentence on stderr; `--debug` adds the traceback.

The till window's start is recognised before any subcommand's parser is built
(`window_args`): the command modules are imported by `build_parser` only, so the window
starts without them (issue 14.2). Every other command builds the whole parser, so the
command modules import what only their run needs (lint, PyYAML, sqlite-utils, the engine,
the practice package) inside it: tests/cli/test_cli_command_start.py.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from pos_prompter import __version__, i18n
from pos_prompter.core.errors import InputError, UserError, ValidationError
from pos_prompter.i18n import language_for, plural, say, say_error, translate
from pos_prompter.store import StoreError

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


def choose_language(argv: list[str]) -> str:
    """Show this run's texts in the store's language (its --db, else the default store),
    else the system's; decided before the parser is built, since its help is translated.
    English loads nothing."""
    db: Path | None = None
    for i, word in enumerate(argv):
        if word == "--db" and i + 1 < len(argv):
            db = Path(argv[i + 1])
        elif word.startswith("--db="):
            db = Path(word[len("--db="):])
    if db is None and all(word.startswith("-") for word in argv):  # the window
        from pos_prompter.bootstrap import default_store_path

        db = default_store_path()
    code = language_for(db)
    i18n.use_language(code)
    return code


def cmd_window(args: argparse.Namespace) -> int:
    """Open the till window (Qt is imported here and only here)."""
    # What app.run needs before its window, imported before Qt: PySide6 reads the whole
    # source of every module imported after it, once, looking for "PySide6" (its
    # __feature__ hook). Not logging.handlers: the log file rotates once the till is
    # painted (app.rotate_log), and its import (socket, pickle...) waits until then.
    import platformdirs  # noqa: F401

    from pos_prompter import app

    return app.run(args.db, training=args.training)


WINDOW_FLAGS = ("--training", "--debug")


def window_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments of the till window's start, read without building any subcommand's
    parser: only `--db PATH` (or `--db=PATH`), `--training` and `--debug`, as the whole
    parser reads them. None for anything else (a command, --help, --version, an
    abbreviation, a mistake): `build_parser` reads that."""
    db: Path | None = None
    flags: set[str] = set()
    i = 0
    while i < len(argv):
        word = argv[i]
        if word in WINDOW_FLAGS:
            flags.add(word)
            i += 1
        elif word.startswith("--db=") and len(word) > len("--db="):
            db = Path(word[len("--db="):])
            i += 1
        elif word == "--db" and i + 1 < len(argv) and argv[i + 1] \
                and not argv[i + 1].startswith("-"):
            db = Path(argv[i + 1])
            i += 2
        else:
            return None
    return argparse.Namespace(db=db, training="--training" in flags,
                              debug="--debug" in flags, func=cmd_window)


def _store_options(*, training: bool = False) -> argparse.ArgumentParser:
    """--db (and --debug) after the command name as well as before it."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                        help=translate("cli", "the store file"))
    if training:
        common.add_argument("--training", action="store_true", default=argparse.SUPPRESS,
                            help=translate("cli", "use the practice store beside the real one"))
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help=translate("cli", "show the traceback of an error"))
    return common


def build_parser() -> argparse.ArgumentParser:
    """The whole command line's parser, every subcommand's included (their modules are
    imported here, not by the window's start: `window_args`)."""
    from pos_prompter.cli.barcodes import register as register_barcodes
    from pos_prompter.cli.commands import (
        cmd_export_rules,
        cmd_import_catalog,
        cmd_import_orders,
        cmd_import_rules,
        cmd_init,
        cmd_settings,
    )
    from pos_prompter.cli.lint import FORMATS as LINT_FORMATS
    from pos_prompter.cli.lint import cmd_lint
    from pos_prompter.cli.maintenance import register as register_maintenance
    from pos_prompter.cli.practice import register as register_practice_commands
    from pos_prompter.cli.report import register as register_report_command
    from pos_prompter.cli.simulate import cmd_simulate
    from pos_prompter.cli.staff import register as register_staff_commands
    from pos_prompter.cli.suggest import register as register_suggest
    from pos_prompter.cli.whatif import register as register_whatif
    from pos_prompter.resources import DEMOS

    parser = argparse.ArgumentParser(
        prog="pos-prompter",
        description=translate("cli", "A till that shows suggestive-selling prompts. With no "
                                     "command, opens the till window."))
    parser.add_argument("--db", type=Path, metavar="PATH", default=None,
                        help=translate("cli", "the store file (default: the store in your "
                                       "user data folder)"))
    parser.add_argument("--training", action="store_true",
                        help=translate("cli", "practice mode: a store of its own beside the "
                                       "real one"))
    parser.add_argument("--debug", action="store_true",
                        help=translate("cli", "show the traceback of an error"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=translate("cli", "show the program's version number and exit"))
    parser.set_defaults(func=cmd_window)
    store = _store_options()
    commands = parser.add_subparsers(title=translate("cli", "commands"), metavar="COMMAND")

    init = commands.add_parser("init", parents=[store], help=translate("cli", "create a store"),
                               description=translate("cli", "Create a new store file (never "
                                                     "overwrites one)."))
    init.add_argument("--demo", choices=DEMOS,
                      help=translate("cli", "seed it with a demo catalog and rules"))
    init.add_argument("--no-history", action="store_true",
                      help=translate("cli", "a demo store without its 90 days of generated "
                                     "past sales"))
    init.set_defaults(func=cmd_init)

    dry_run_help = translate("cli", "show what would be added, changed and removed (and "
                             "lint's findings) without changing anything; exit 1 if the "
                             "import would be refused")
    imp = commands.add_parser("import", help=translate("cli", "import a catalog or a rule pack"),
                              description=translate("cli", "All or nothing: a file with any "
                                                    "problem changes nothing."))
    imports = imp.add_subparsers(title=translate("cli", "what"), metavar="WHAT", required=True)
    catalog = imports.add_parser("catalog", parents=[store],
                                 help=translate("cli", "products from a CSV file"))
    catalog.add_argument("file", type=Path, metavar="FILE.csv")
    catalog.add_argument("--dry-run", action="store_true", help=dry_run_help)
    catalog.set_defaults(func=cmd_import_catalog)
    orders = imports.add_parser(
        "orders", parents=[store], help=translate("cli", "past sales from the old till (CSV)"),
        description=translate("cli", "Columns order_id,sku,qty and optional price,time. "
                              "Re-importing the same orders adds nothing."))
    orders.add_argument("file", type=Path, metavar="FILE.csv")
    orders.add_argument("--dry-run", action="store_true", help=dry_run_help)
    orders.set_defaults(func=cmd_import_orders)
    rules = imports.add_parser(
        "rules", parents=[store], help=translate("cli", "a rule pack (YAML or JSON)"),
        description=translate("cli", "The store's rules become the pack's (rules not in it "
                              "are removed, unless --merge). A pack whose rules lint finds "
                              "errors in is refused, as the workspace refuses to publish it; "
                              "warnings are printed."))
    rules.add_argument("file", type=Path, metavar="FILE.yaml")
    rules.add_argument("--merge", action="store_true",
                       help=translate("cli", "add and update rules, keep the store's other "
                                      "rules"))
    rules.add_argument("--dry-run", action="store_true", help=dry_run_help)
    rules.add_argument("--force", action="store_true",
                       help=translate("cli", "publish even when lint finds errors (say, "
                                      "offers of products this store does not carry yet)"))
    rules.set_defaults(func=cmd_import_rules)

    exp = commands.add_parser("export", help=translate("cli", "export the store's rules"))
    exports = exp.add_subparsers(title=translate("cli", "what"), metavar="WHAT", required=True)
    export_rules = exports.add_parser(
        "rules", parents=[store],
        help=translate("cli", "the rule pack (YAML; JSON when FILE ends in .json)"))
    export_rules.add_argument("-o", "--output", type=Path, metavar="FILE",
                              help=translate("cli", "write to FILE instead of stdout"))
    export_rules.set_defaults(func=cmd_export_rules)

    settings = commands.add_parser(
        "settings", parents=[store], help=translate("cli", "show or change the store's settings"),
        description=translate("cli", "With no KEY=VALUE, list the store's settings; with some, "
                              "change them (all or nothing), e.g. rush_scans_per_minute=20."))
    settings.add_argument("pairs", nargs="*", metavar="KEY=VALUE")
    settings.set_defaults(func=cmd_settings)

    lint = commands.add_parser(
        "lint", parents=[store], help=translate("cli", "check rules for problems"),
        description=translate("cli", "Rule problems in the store, or in a rule pack checked "
                              "against the store's catalog: unknown products, conflicts, "
                              "loops, unreachable rules, price sanity. Exit 0 when clean, 1 "
                              "when there are findings."))
    lint.add_argument("file", type=Path, nargs="?", metavar="FILE.yaml",
                      help=translate("cli", "a rule pack (YAML or JSON) to check instead of "
                                     "the store's rules"))
    lint.add_argument("--format", choices=LINT_FORMATS, default="table",
                      help=translate("cli", "table (default) or json"))
    lint.set_defaults(func=cmd_lint)

    simulate = commands.add_parser(
        "simulate", parents=[_store_options(training=True)],
        help=translate("cli", "play a scan script, print JSON Lines"),
        description=translate("cli", "Play a scan script through the till and print every "
                              "event as JSON Lines (see scan-script.md)."))
    simulate.add_argument("script", type=Path, metavar="SCRIPT")
    simulate.add_argument("--dry-run", action="store_true",
                          help=translate("cli", "play on an in-memory copy: nothing is "
                                         "written to the store"))
    simulate.add_argument("--scenario", type=Path, metavar="FILE.yaml",
                          help=translate("cli", "with --training: play the script as a "
                                         "trainee serving this scenario's customers, scored "
                                         "(see practice.md)"))
    simulate.set_defaults(func=cmd_simulate)

    register_staff_commands(commands, store)
    register_practice_commands(commands, store)
    register_report_command(commands, store)
    register_whatif(commands, store)
    register_suggest(commands, store)
    register_maintenance(commands, store)
    register_barcodes(commands, store)
    from pos_prompter.cli.metavars import translate_metavars

    translate_metavars(parser)  # the help's placeholders in the reader's language
    return parser


def _report(exc: UserError) -> int:
    """Print a user error as sentences on stderr and pick its exit code."""
    if isinstance(exc, ValidationError):
        count = len(exc.problems)
        print(plural(count, translate("cli", "error: {what} refused, nothing was changed "
                                      "({n} problem):"),
                     translate("cli", "error: {what} refused, nothing was changed "
                               "({n} problems):"), what=say(exc.what)),
              file=sys.stderr)
        for problem in exc.problems:
            print(f"  {say(problem)}", file=sys.stderr)
        return EXIT_PROBLEM
    print(translate("cli", "error: {message}").format(message=say_error(exc)), file=sys.stderr)
    if isinstance(exc, InputError | StoreError):
        return EXIT_USAGE
    return EXIT_PROBLEM


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code; errors are reported, never raised."""
    arguments = sys.argv[1:] if argv is None else argv
    choose_language(arguments)
    try:
        args = window_args(arguments) or build_parser().parse_args(arguments)
    except SystemExit as exc:  # --help, --version, or a usage error (argparse printed it)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return int(args.func(args))
    except UserError as exc:
        if args.debug:
            traceback.print_exc()
        return _damaged_store(exc, args) or _report(exc)
    except KeyboardInterrupt:
        print(translate("cli", "interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # `... | head`: the reader has gone, nothing left to say
        return EXIT_PROBLEM
    except OSError as exc:  # a folder that cannot be made, a full or read-only disk...
        if args.debug:
            traceback.print_exc()
        reason = exc.strerror or str(exc)
        print(translate("cli", "error: cannot use {path}: {reason}").format(
            path=exc.filename, reason=reason) if exc.filename else
            translate("cli", "error: cannot use: {reason}").format(reason=reason),
            file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        damaged = _damaged_store(exc, args)
        if damaged is not None:
            return damaged
        print(translate("cli", "internal error: {error} (this is a bug; rerun with --debug "
                        "to see where it happened)").format(
                            error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_PROBLEM


def _damaged_store(exc: BaseException, args: argparse.Namespace) -> int | None:
    """cli.maintenance.damaged_store, imported when an error is met."""
    from pos_prompter.cli.maintenance import damaged_store

    return damaged_store(exc, args)
