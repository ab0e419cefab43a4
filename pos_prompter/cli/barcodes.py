"""`pos-prompter barcodes --db PATH -o sheet.pdf [--paper a4|letter]`: a printable sheet of
every active product's name, price and EAN-13/EAN-8 symbol, so that a person with a real
scanner can try a store (a demo store in a minute). A product whose code is no EAN is listed
with a note instead of a symbol. Qt is imported only when the command runs (the command line
starts without it); the sheet is drawn offscreen, no screen needed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pos_prompter.cli.common import need_db, note, out
from pos_prompter.core.barcode import SheetEntry, sheet_entries
from pos_prompter.core.errors import InputError
from pos_prompter.core.money import format_money
from pos_prompter.i18n import plural, say, translate
from pos_prompter.store import Store

PAPER_NAMES = {"a4": "A4", "letter": "Letter"}


def read_sheet(db: Path) -> tuple[list[SheetEntry], str]:
    """The store's active products as sheet entries, and its currency (the one place this
    command reads the store)."""
    with Store.open(db) as store:
        currency = store.load_settings().currency
        return sheet_entries(store.catalog.load()), currency


def _products(n: int) -> str:
    return plural(n, translate("cli", "{n} product"), translate("cli", "{n} products"))


def cmd_barcodes(args: argparse.Namespace) -> int:
    db = need_db(args, "barcodes")
    output: Path = args.output
    if output.is_dir():
        raise InputError(translate("cli", "cannot write the sheet to {path}: it is a folder; "
                                   "give a file name such as sheet.pdf").format(path=output))
    entries, currency = read_sheet(db)
    if not entries:
        raise InputError(translate("cli", "{db} has no active products: there is nothing to "
                                   "print").format(db=db))
    from pos_prompter.ui.barcode_sheet import gui_application, sheet_pdf

    app = gui_application()  # kept alive while the sheet is drawn
    prices = [format_money(e.price, currency) for e in entries]
    pdf, pages = sheet_pdf(entries, prices, paper=args.paper,
                           title=translate("cli", "pos-prompter barcodes: {name}").format(
                               name=db.name))
    del app
    try:
        output.write_bytes(pdf)
    except OSError as exc:
        raise InputError(translate("cli", "cannot write the sheet to {path} ({reason})").format(
            path=output, reason=exc.strerror)) from None
    without = [e for e in entries if e.symbol is None]
    for entry in without:
        note(f"{entry.sku} ({entry.name}): {say(entry.note)}")
    what = _products(len(entries))
    if without:
        what += translate("cli", ", {n} of them without a symbol (listed with a note)").format(
            n=len(without))
    sheets = plural(pages, translate("cli", "{n} {paper} page"),
                    translate("cli", "{n} {paper} pages"), paper=PAPER_NAMES[args.paper])
    out(translate("cli", "Wrote {path}: {what} on {pages}").format(
        path=output, what=what, pages=sheets) + "\n")
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             store: argparse.ArgumentParser) -> None:
    """Add `barcodes` to the command line (`store`: the --db/--debug parent)."""
    barcodes = commands.add_parser(
        "barcodes", parents=[store],
        help=translate("cli", "print a PDF sheet of every active product's barcode, name and "
                              "price"),
        description=translate("cli", "Write a PDF with every active product's name, price and "
                                     "EAN-13/EAN-8 symbol, to print at 100% (actual size) and "
                                     "scan with a real scanner. A product whose code is no "
                                     "EAN-13, UPC-A or EAN-8 is listed with a note instead of a "
                                     "symbol."))
    barcodes.add_argument("-o", "--output", type=Path, metavar="FILE.pdf", required=True,
                          help=translate("cli", "the PDF file to write"))
    barcodes.add_argument("--paper", choices=tuple(PAPER_NAMES), default="a4",
                          help=translate("cli", "page size (default a4)"))
    barcodes.set_defaults(func=cmd_barcodes)
