"""`pos-prompter practice generate`: simulated customers as a scenario file
(shared/spec/practice.md "Simulated customers"; the model: docs/willingness.md).

Reads the real store through an in-memory copy (`Store.open_copy`): the file is opened
read-only and never written. The same store and seed give the same bytes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pos_prompter.cli.common import need_db, note, out
from pos_prompter.core.errors import InputError
from pos_prompter.core.money import whole_text
from pos_prompter.core.scenario import MAX_CUSTOMERS, scenario_to_dict
from pos_prompter.i18n import plural, translate
from pos_prompter.store import Store

# PyYAML and the generator are imported when `practice generate` runs: every command
# builds the parser, which names this command (tests/cli/test_cli_command_start.py).

MAX_SEED = 10**18 - 1


def _whole(text: str, option: str, low: int, high: int) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise InputError(translate("cli", "{option} must be a whole number from {low} to "
                                   "{high}, not {text}").format(
            option=option, low=low, high=whole_text(high), text=repr(text)))
    return int(value)


def scenario_yaml(db: Path, customers: int, seed: int) -> str:
    """The generated scenario of the store at `db`, as the YAML file, written by libyaml's
    safe dumper when it is there: the same text as yaml.safe_dump (a test checks it),
    three times faster on 10,000 customers."""
    import yaml

    from pos_prompter.practice.generated import generated_scenario

    with Store.open_copy(db) as store:
        scenario = generated_scenario(store, customers, seed)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(scenario_to_dict(scenario), Dumper=dumper, sort_keys=False,
                     allow_unicode=True)


def cmd_practice_generate(args: argparse.Namespace) -> int:
    db = need_db(args, "practice generate")
    customers = _whole(args.customers, "--customers", 1, MAX_CUSTOMERS)
    seed = _whole(args.seed, "--seed", 0, MAX_SEED)
    text = scenario_yaml(db, customers, seed)
    if args.output is None:
        out(text)
        return 0
    args.output.write_bytes(text.encode("utf-8"))
    note(plural(customers, translate("cli", "wrote {n} simulated customer (seed {seed}) to "
                                     "{path}; import it with 'pos-prompter practice import "
                                     "{path} --db {db}'"),
                translate("cli", "wrote {n} simulated customers (seed {seed}) to {path}; "
                          "import it with 'pos-prompter practice import {path} --db {db}'"),
                seed=seed, path=args.output, db=db))
    return 0


def add_generate(subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
                 store_options: argparse.ArgumentParser) -> None:
    """Add `generate` to the `practice` subcommands (`store_options`: --db/--debug)."""
    gen = subparsers.add_parser(
        "generate", parents=[store_options],
        help=translate("cli", "simulated customers drawn from the store's catalog and rules, as "
                              "a scenario"),
        description=translate("cli", "Write a scenario of N customers drawn from the store's "
                                     "catalog and rules: items that trigger its rules (and some "
                                     "that trigger none), the customer types and times the "
                                     "rules use, and answers from the willingness model "
                                     "(docs/willingness.md). The same seed gives the same file. "
                                     "The store is only read."))
    gen.add_argument("--customers", required=True, metavar="N",
                     help=translate("cli", "how many customers (1 to {most})").format(
                         most=whole_text(MAX_CUSTOMERS)))
    gen.add_argument("--seed", required=True, metavar="S",
                     help=translate("cli", "a whole number: the same seed gives the same scenario"))
    gen.add_argument("-o", "--output", type=Path, metavar="FILE.yaml",
                     help=translate("cli", "write to FILE instead of stdout"))
    gen.set_defaults(func=cmd_practice_generate)
