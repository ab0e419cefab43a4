"""The store commands: init, import catalog, import rules, export rules, settings."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Set
from pathlib import Path
from typing import TextIO

from pos_prompter.bootstrap import export_text, init_store, load_pack_file, read_text
from pos_prompter.cli.common import need_db, out, warn
from pos_prompter.cli.staff import cli_actor
from pos_prompter.core.catalog import Catalog, parse_catalog_csv
from pos_prompter.core.errors import InputError
from pos_prompter.core.past_orders import parse_orders_csv
from pos_prompter.core.rules import (
    STORE_SETTINGS,
    Rule,
    Settings,
    parse_store_setting,
)
from pos_prompter.store import Store

PROGRESS_MIN_PRODUCTS = 1000
"""Catalogs smaller than this import in the blink of an eye: no progress line."""


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def cmd_init(args: argparse.Namespace) -> int:
    db = need_db(args, "init")
    with init_store(db, args.demo, actor=cli_actor()) as store:
        products = len(store.load_catalog())
        rules = len(store.load_rules())
    what = _count(products, "product") + ", " + _count(rules, "rule")
    if args.demo:
        out(f"Created {db} from the {args.demo} demo: {what}\n")
    else:
        out(f"Created {db}: an empty store ({what}); next: "
            f"pos-prompter import catalog FILE.csv --db {db}\n")
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
        self.stream.write(f"\r{self.what}: {pct}%{end}")
        self.stream.flush()


def cmd_import_catalog(args: argparse.Namespace) -> int:
    db = need_db(args, "import catalog")
    products = parse_catalog_csv(read_text(args.file, "catalog"))
    with Store.open(db) as store:
        progress = None
        if len(products) >= PROGRESS_MIN_PRODUCTS and sys.stderr.isatty():
            progress = _Progress(sys.stderr, f"importing {len(products)} products")
        summary = store.import_products(products, progress=progress, actor=cli_actor())
    out(summary.describe("products") + "\n")
    return 0


def cmd_import_orders(args: argparse.Namespace) -> int:
    db = need_db(args, "import orders")
    text = read_text(args.file, "past orders")
    with Store.open(db) as store:
        orders = parse_orders_csv(text, store.load_catalog())
        progress = None
        if len(orders) >= PROGRESS_MIN_PRODUCTS and sys.stderr.isatty():
            progress = _Progress(sys.stderr, f"importing {len(orders)} past orders")
        summary = store.import_orders(orders, progress=progress)
    out(summary.describe("past orders").replace("unchanged", "already imported") + "\n")
    return 0


def _skus_used(rule: Rule) -> Iterable[str]:
    """Every SKU a rule names: what triggers it, what the order must (not) hold, the offer."""
    if rule.scanned is not None:
        yield from sorted(rule.scanned.skus)
    if rule.order is not None:
        yield from (ref.value for ref in (*rule.order.has, *rule.order.lacks)
                    if ref.kind == "sku")
    yield from rule.offered_skus()


def unknown_sku_warnings(rules: Iterable[Rule], catalog: Catalog | Set[str]) -> list[str]:
    """One sentence per rule that names SKUs the store's catalog does not have."""
    warnings = []
    for rule in rules:
        missing = list(dict.fromkeys(s for s in _skus_used(rule) if s not in catalog))
        if missing:
            warnings.append(f"rule {rule.id} names {', '.join(missing)}, not in the store's "
                            "catalog (it will not fire or offer them until they are imported)")
    return warnings


def cmd_import_rules(args: argparse.Namespace) -> int:
    db = need_db(args, "import rules")
    progress = _Progress(sys.stderr, "checking rules") if sys.stderr.isatty() else None
    pack = load_pack_file(args.file, progress)
    with Store.open(db) as store:
        summary = store.replace_rules(pack, merge=args.merge, actor=cli_actor())
        catalog = {row[0] for row in store.db.execute("SELECT sku FROM products")}
    out(summary.describe("rules") + "\n")
    for sentence in unknown_sku_warnings(pack.rules, catalog):
        warn(sentence)
    return 0


def cmd_export_rules(args: argparse.Namespace) -> int:
    db = need_db(args, "export rules")
    with Store.open(db) as store:
        rules = store.load_rules()
        settings = store.load_settings()
    output: Path | None = args.output
    if output is None or str(output) == "-":
        out(export_text(rules, settings, as_json=False))
        return 0
    text = export_text(rules, settings, as_json=output.suffix.lower() == ".json")
    try:
        output.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"cannot write {output} ({exc.strerror})") from None
    out(f"Exported {_count(len(rules), 'rule')} to {output}\n")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    """Show the store's settings, or change some: `KEY=VALUE ...` (all or nothing)."""
    db = need_db(args, "settings")
    changes: dict[str, object] = {}
    for pair in args.pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise InputError(f"{pair!r} is not KEY=VALUE (e.g. rush_scans_per_minute=20)")
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
                shown = f"{default} (default)"
            else:
                shown = "(not set)"
            out(f"{key} = {shown}    # {meaning}\n")
    return 0
