"""The store commands: init, import catalog, import rules, export rules, settings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pos_prompter.bootstrap import init_store
from pos_prompter.cli.common import need_db, out
from pos_prompter.cli.staff import cli_actor
from pos_prompter.core.catalog import read_catalog_csv
from pos_prompter.core.errors import InputError
from pos_prompter.core.excerpt import excerpt
from pos_prompter.core.past_orders import parse_orders_csv
from pos_prompter.core.rules import (
    STORE_SETTINGS,
    Settings,
    parse_store_setting,
)
from pos_prompter.i18n import plural, say, translate
from pos_prompter.store import Store

if TYPE_CHECKING:
    from pos_prompter.imports import Preview

# The readers of packs (PyYAML), the imports' previews (lint) and the demo's history are
# imported by the commands that use them: every command builds the parser, which names
# this module's commands (tests/cli/test_cli_command_start.py).

PROGRESS_MIN_PRODUCTS = 1000
"""Catalogs smaller than this import in the blink of an eye: no progress line."""


def _products(n: int) -> str:
    return plural(n, translate("cli", "{n} product"), translate("cli", "{n} products"))


def _rules(n: int) -> str:
    return plural(n, translate("cli", "{n} rule"), translate("cli", "{n} rules"))


def cmd_init(args: argparse.Namespace) -> int:
    from pos_prompter.store.demo_history import paid_orders_span

    db = need_db(args, "init")
    history = bool(args.demo) and not args.no_history
    with init_store(db, args.demo, actor=cli_actor(), history=history) as store:
        products = len(store.catalog.load())
        rules = len(store.rules.load())
        sales = paid_orders_span(store)
    what = _products(products) + ", " + _rules(rules)
    if args.demo:
        if sales is not None:
            count, first, last = sales
            what += plural(count, translate("cli", " and {n} past order from {first} to {last}"),
                           translate("cli", " and {n} past orders from {first} to {last}"),
                           first=first, last=last)
        out(translate("cli", "Created {db} from the {demo} demo: {what}").format(
            db=db, demo=args.demo, what=what) + "\n")
    else:
        out(translate("cli", "Created {db}: an empty store ({what}); next: pos-prompter "
                      "import catalog FILE.csv --db {db}").format(db=db, what=what) + "\n")
    return 0


class _Progress:
    """A percentage on stderr, rewritten in place with \\r; only on a terminal."""

    def __init__(self, stream: TextIO, what: str) -> None:
        self.stream = stream
        self.what = what
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        pct = 100 if total <= 0 else done * 100 // total
        if pct == self.last:
            return
        self.last = pct
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{self.what}: {pct}%{end}")  # a number: no words
        self.stream.flush()


def cmd_import_catalog(args: argparse.Namespace) -> int:
    from pos_prompter.imports import CATALOG, preview_catalog, summary_words
    from pos_prompter.pack_files import read_text

    db = need_db(args, "import catalog")
    catalog_file = read_catalog_csv(read_text(args.file, "catalog"))
    products, columns = catalog_file.products, catalog_file.columns
    with Store.open(db) as store:
        if args.dry_run:
            return _show_preview(preview_catalog(store, products, args.file, columns))
        progress = None
        if len(products) >= PROGRESS_MIN_PRODUCTS and sys.stderr.isatty():
            progress = _Progress(sys.stderr, translate("cli", "importing {n} products").format(
                n=len(products)))
        summary = store.catalog.import_products(products, progress=progress, actor=cli_actor(),
                                        columns=columns)
    out(say(summary_words(summary, CATALOG)) + "\n")
    return 0


def cmd_import_orders(args: argparse.Namespace) -> int:
    from pos_prompter.imports import ORDERS, ORDERS_SOURCE, preview_orders, summary_words
    from pos_prompter.pack_files import read_text

    db = need_db(args, "import orders")
    text = read_text(args.file, "past orders")
    with Store.open(db) as store:
        reading = None
        if sys.stderr.isatty() and text.count("\n") >= PROGRESS_MIN_PRODUCTS:
            reading = _Progress(sys.stderr, translate("cli", "reading past orders"))
        try:
            orders = parse_orders_csv(text, store.catalog.load(), progress=reading)
        finally:  # refused part way: the error starts on a line of its own
            if reading is not None and 0 <= reading.last < 100:
                sys.stderr.write("\n")
        if args.dry_run:
            return _show_preview(preview_orders(store, orders, args.file))
        progress = None
        if len(orders) >= PROGRESS_MIN_PRODUCTS and sys.stderr.isatty():
            progress = _Progress(sys.stderr, translate("cli", "importing {n} past orders").format(
                n=len(orders)))
        summary = store.sales.import_orders(orders, progress=progress, source=ORDERS_SOURCE)
    out(say(summary_words(summary, ORDERS)) + "\n")
    return 0


DRY_RUN_LIST = 50
"""A dry run lists this many ids of each group at most, then how many more."""


def _show_preview(preview: Preview) -> int:
    """Print what an import would change (nothing is written), and its lint findings;
    exit 1 when lint errors would refuse it, as the import itself would."""
    from pos_prompter.imports import ITEMS, ORDERS

    lines = [translate("cli", "{file}: {items} {counts} (dry run: nothing was changed)").format(
        file=preview.path.name, items=say(ITEMS[preview.kind]), counts=say(preview.counts()))]
    for title, items in ((translate("cli", "added"), preview.added),
                         (translate("cli", "changed"), preview.changed),
                         (translate("cli", "removed"), preview.removed)):
        if not items or preview.kind == ORDERS:
            continue
        lines.append(f"{title}:")
        lines.extend(f"  {say(item)}" for item in items[:DRY_RUN_LIST])
        if len(items) > DRY_RUN_LIST:
            lines.append("  \N{HORIZONTAL ELLIPSIS} " + translate("cli", "and {n} more").format(
                n=len(items) - DRY_RUN_LIST))
    lines.extend(say(note) for note in preview.notes)
    lines.extend(say(f.said()) for f in preview.findings)
    out("\n".join(lines) + "\n")
    return 1 if preview.blocked else 0


def cmd_import_rules(args: argparse.Namespace) -> int:
    """Publish a rule pack, as the workspace does: refused when lint finds errors in its
    rules (unless --force), with every warning said; --dry-run only shows the preview."""
    from pos_prompter.imports import RULES, preview_rules, summary_words
    from pos_prompter.pack_files import load_pack_file

    db = need_db(args, "import rules")
    progress = (_Progress(sys.stderr, translate("cli", "checking rules"))
                if sys.stderr.isatty() else None)
    pack = load_pack_file(args.file, progress)
    with Store.open(db) as store:
        preview = preview_rules(store, pack, args.file, merge=args.merge)
        if args.dry_run:
            return _show_preview(preview)
        if preview.blocked and not args.force:
            for finding in preview.errors:
                print(say(finding.said()), file=sys.stderr)
            errors = len(preview.errors)
            print(plural(errors, translate("cli", "error: the rule pack is refused, nothing "
                                           "was changed: {n} lint error (see above). Fix the "
                                           "pack, or publish it anyway with --force."),
                         translate("cli", "error: the rule pack is refused, nothing was "
                                   "changed: {n} lint errors (see above). Fix the pack, or "
                                   "publish it anyway with --force.")), file=sys.stderr)
            return 1
        summary = store.rules.replace(pack, merge=args.merge, actor=cli_actor())
    out(say(summary_words(summary, RULES)) + "\n")
    for finding in preview.findings:
        print(say(finding.said()), file=sys.stderr)
    return 0


def cmd_export_rules(args: argparse.Namespace) -> int:
    from pos_prompter.pack_files import export_text

    db = need_db(args, "export rules")
    with Store.open(db) as store:
        rules = store.rules.load()
        settings = store.load_settings()
    output: Path | None = args.output
    if output is None or str(output) == "-":
        out(export_text(rules, settings, as_json=False))
        return 0
    text = export_text(rules, settings, as_json=output.suffix.lower() == ".json")
    try:
        output.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(translate("cli", "cannot write {path} ({reason})").format(
            path=output, reason=exc.strerror)) from None
    out(translate("cli", "Exported {rules} to {path}").format(
        rules=_rules(len(rules)), path=output) + "\n")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    """Show the store's settings, or change some: `KEY=VALUE ...` (all or nothing)."""
    db = need_db(args, "settings")
    changes: dict[str, object] = {}
    for pair in args.pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise InputError(translate("cli", "{text} is not KEY=VALUE (e.g. "
                                       "rush_scans_per_minute=20)").format(text=excerpt(pair)))
        changes[key.strip()] = parse_store_setting(key.strip(), value.strip())
    with Store.open(db) as store:
        if changes:
            store.set_settings(changes, actor=cli_actor())
        for key, meaning in STORE_SETTINGS.items():
            value = store.get_setting(key)
            default = getattr(Settings(), key, None)
            if value is not None:
                shown = str(value)
            elif default is not None:
                shown = translate("cli", "{value} (default)").format(value=default)
            else:
                shown = translate("cli", "(not set)")
            out(f"{key} = {shown}    # {say(meaning)}\n")
    return 0
