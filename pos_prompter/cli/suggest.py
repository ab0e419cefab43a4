"""`pos-prompter suggest` (interfaces.md): cross-sells mined from the store's sales, each
with its evidence; `--format yaml` writes a pack of inactive drafts to import with --merge.

The real store only: a practice store (NAME.training.db) is refused, its orders are
practice, not sales.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pos_prompter.cli.common import need_db, note, out
from pos_prompter.core.basket_counts import DEFAULT_MIN_SUPPORT, parse_min_support
from pos_prompter.core.money import decimal_text, percent_text
from pos_prompter.i18n import say, translate
from pos_prompter.store import Store, StoreError

if TYPE_CHECKING:
    from pos_prompter.core.rules import Rule
    from pos_prompter.core.suggest import Suggestion

# The miner (with the engine and lint), the store's basket counts, PyYAML and the practice
# store's names are imported when `suggest` runs: every command builds the parser, which
# names cmd_suggest (tests/cli/test_cli_command_start.py).

FORMATS = ("table", "json", "yaml")
PROGRESS_MIN_ORDERS = 10_000
"""Below this many paid orders mining takes a blink: no progress line."""


def _refuse_practice(store: Store, db: Path) -> None:
    from pos_prompter.practice.practice_store import PRACTICE_MARK, real_store_path

    if db.stem.endswith(PRACTICE_MARK) or store.get_setting("training"):
        raise StoreError(translate("cli", "{db} is a practice store, and suggestions are "
                                   "mined from real sales; give the real store ({real}) with "
                                   "--db").format(db=db, real=real_store_path(db)))


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    right = {2, 3, 4, 5}
    return "".join("  ".join(c.rjust(w) if i in right else c.ljust(w)
                             for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
                   + "\n" for r in rows)


def table_text(found: Sequence[Suggestion]) -> str:
    rows = [(translate("cli", "trigger"), translate("cli", "offer"), translate("cli", "orders"),
             translate("cli", "support"), translate("cli", "confidence"),
             translate("cli", "lift"), translate("cli", "covered by"), translate("cli", "why"))]
    rows += [(s.trigger, s.offer, str(s.orders), percent_text(s.support, 2),
              percent_text(s.confidence, 1), decimal_text(s.lift, 2), s.covered_by or "-",
              f"{s.offer_name}: {say(s.why)}")
             for s in found]
    return _table(rows)


def yaml_text(drafts: list[Rule], orders: int, min_support: float, db: Path) -> str:
    import yaml

    from pos_prompter.core.rules import pack_to_dict

    text = translate("cli", "Cross-sells mined from {orders} paid orders (min support "
                     "{support}) by\n'pos-prompter suggest --format yaml'. Every rule is an "
                     "inactive draft: read it,\nedit its say, and turn it on in the workspace. "
                     "Import with --merge (without\nit the store's other rules would be "
                     "removed):\n  pos-prompter import rules FILE.yaml --merge --db {db}").format(
        orders=orders, support=f"{min_support:g}", db=db)
    head = "".join(f"# {line}".rstrip() + "\n" for line in text.splitlines())
    return head + yaml.safe_dump(pack_to_dict(drafts, None), sort_keys=False,
                                 allow_unicode=True)


def cmd_suggest(args: argparse.Namespace) -> int:
    from pos_prompter.cli.commands import _Progress
    from pos_prompter.core.engine import Engine
    from pos_prompter.core.suggest import draft_rules, suggest
    from pos_prompter.store.baskets import basket_counts, paid_orders

    db = need_db(args, "suggest")
    min_support = (DEFAULT_MIN_SUPPORT if args.min_support is None
                   else parse_min_support(args.min_support))
    with Store.open(db) as store:
        _refuse_practice(store, db)
        progress = None
        if sys.stderr.isatty() and paid_orders(store.db) >= PROGRESS_MIN_ORDERS:
            progress = _Progress(sys.stderr, translate("cli", "mining the paid orders"))
        counts = basket_counts(store.db, min_support, progress)
        rules = store.rules.load()
        engine = Engine(store.catalog.load(), rules, store.load_settings())
    found = suggest(counts, engine.catalog, engine)
    if args.format == "json":
        out(json.dumps([s.to_json() for s in found], indent=2, ensure_ascii=False) + "\n")
    elif args.format == "yaml":
        drafts = draft_rules(found, rules, counts.orders, engine.catalog, engine.settings,
                             say)
        out(yaml_text(drafts, counts.orders, min_support, db))
    elif found:
        out(table_text(found))
    if not found:
        note(translate("cli", "no two products were bought together more often than chance "
                       "in at least {least} of the {orders} paid orders; a lower --min-support "
                       "finds rarer pairs").format(least=counts.min_orders, orders=counts.orders))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             store: argparse.ArgumentParser) -> None:
    """Add `suggest` to the command line (`store`: the --db/--debug parent)."""
    cmd = commands.add_parser(
        "suggest", parents=[store], help=translate("cli", "cross-sells mined from sales, with "
                                                          "their evidence"),
        description=translate("cli", "Pairs of products bought together more often than chance "
                                     "in the store's paid orders (the lines customers brought, "
                                     "not those a prompt added), best first (lift, then "
                                     "confidence, then orders), each with its evidence and the "
                                     "rule that already offers it, if any. --format yaml writes "
                                     "the others as a pack of inactive draft rules to import "
                                     "with --merge."))
    cmd.add_argument("--min-support", metavar="S",
                     help=translate("cli", "the share of orders a pair must be in, as a "
                                    "fraction (default {default}; 0.001 = 0.1%%); never fewer "
                                    "than 5 orders").format(default=f"{DEFAULT_MIN_SUPPORT:g}"))
    cmd.add_argument("--format", choices=FORMATS, default="table",
                     help=translate("cli", "table (default), json, or yaml (a pack of draft "
                                           "rules)"))
    cmd.set_defaults(func=cmd_suggest)
