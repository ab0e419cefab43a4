"""One product at a time, for the workspace's catalog page: find products by name, SKU or
barcode (a page of them, never the whole catalog), and change one product's price, active
flag and barcodes.

A change goes through `store.catalog.import_products`, the call `pos-prompter import catalog` makes,
as a one-product import of the columns sku, name, price, barcodes and active: the store's
checks (a barcode another product holds is refused), its audit entry (by `actor`, in the
same transaction) and its publish revision (tills reload) are the command line's. The
fields are checked first as the catalog CSV checks them (`check_product_edit`): the price
as money with at most 2 decimals, each barcode an EAN-13, EAN-8 or UPC-A code with a right
check digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from pos_prompter.core.catalog import Product, Sku, barcode_problem, normalize_barcode
from pos_prompter.core.errors import UserError, ValidationError
from pos_prompter.core.money import Cents, MoneyError, parse_money
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.store.store import Store

SEARCH_LIMIT: Final = 200
"""A search shows at most this many products (a chain's catalog has 200,000)."""
EDIT_COLUMNS: Final = frozenset({"sku", "name", "price", "barcodes", "active"})
"""The catalog CSV columns an edit gives: every other field keeps its stored value."""
_CODE_SPLIT: Final = re.compile(r"[\s|,;]+")


@dataclass(frozen=True, slots=True)
class ProductRow:
    """A product as the catalog page lists it."""

    sku: str
    name: str
    price: Cents
    active: bool
    barcodes: tuple[str, ...]
    """As stored: EAN-13 form (a UPC-A code with its leading 0), in code order."""
    category: str | None


@dataclass(frozen=True, slots=True)
class ProductEdit:
    """A checked change: the new price, active flag and barcodes of one product."""

    sku: str
    price: Cents
    active: bool
    barcodes: tuple[str, ...]


class ProductRefused(ValidationError):
    """A product change refused before anything was written; `fields` maps "price" or
    "barcodes" to the sentence to show by that field."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__(list(fields.values()),
                         what=QT_TRANSLATE_NOOP("store", "product change"))
        self.fields = dict(fields)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_ROW_SQL: Final = """
    SELECT p.sku, p.name, p.price_cents, p.active, p.category,
           (SELECT group_concat(code, '|') FROM
                (SELECT code FROM barcodes WHERE sku = p.sku ORDER BY code))
    FROM products p"""


def _row(row: tuple[object, ...]) -> ProductRow:
    sku, name, price, active, category, codes = row
    return ProductRow(str(sku), str(name), int(str(price)), bool(active),
                      tuple(str(codes).split("|")) if codes else (),
                      None if category is None else str(category))


def find_products(store: Store, text: str, limit: int = SEARCH_LIMIT) -> list[ProductRow]:
    """At most `limit` products (ask for one more to know there are more): the one whose
    barcode is `text`, then those whose SKU starts with it (as typed, or in capitals), then
    those whose name contains it (any case). A barcode found is the whole answer. No text:
    the first products by SKU.

    Each part is its own query, the first two through the keys' indexes; the name part
    scans the products in SKU order and stops at `limit`, so a common word is as quick as
    a rare one (a sort by name would read every match first: a fifth of a second at
    200,000 products, bench_catalog_page.py)."""
    needle = text.strip()
    if not needle:
        return [_row(r) for r in store.db.execute(f"{_ROW_SQL} ORDER BY p.sku LIMIT ?",
                                                  [limit])]
    found: dict[str, ProductRow] = {}

    def take(where: str, params: list[object]) -> None:
        if len(found) >= limit:
            return
        for row in store.db.execute(f"{_ROW_SQL} WHERE {where} ORDER BY p.sku LIMIT ?",
                                    [*params, limit]):
            product = _row(row)
            found.setdefault(product.sku, product)
            if len(found) >= limit:
                return

    if needle.isdigit():
        take("p.sku IN (SELECT sku FROM barcodes WHERE code = ?)", [normalize_barcode(needle)])
        if found:  # a whole barcode: its product, without reading every name
            return list(found.values())
    for prefix in dict.fromkeys((needle, needle.upper())):
        take("p.sku >= ? AND p.sku < ?", [prefix, prefix + "\U0010ffff"])
    take("p.name LIKE ? ESCAPE '\\'", ["%" + _like(needle) + "%"])
    return list(found.values())[:limit]


def get_product(store: Store, sku: str) -> ProductRow | None:
    row = store.db.execute(f"{_ROW_SQL} WHERE p.sku = ?", [sku]).fetchone()
    return None if row is None else _row(row)


def split_barcodes(text: str) -> list[str]:
    """The codes typed in one box, separated by spaces, commas or '|'."""
    return [code for code in _CODE_SPLIT.split(text.strip()) if code]


def check_product_edit(sku: str, price_text: str, active: bool,
                       barcodes_text: str) -> ProductEdit:
    """The change as the catalog CSV would take it, or ProductRefused naming each field
    that is wrong (nothing is read or written)."""
    fields: dict[str, str] = {}
    price = 0
    text = price_text.strip().removeprefix("$").strip()
    try:
        price = parse_money(text)
    except MoneyError as exc:
        fields["price"] = QT_TRANSLATE_NOOP("store", "The price {problem}.").format(
            problem=exc.args[0] if len(exc.args) == 1 else exc)
    codes: list[str] = []
    seen: set[str] = set()
    for code in split_barcodes(barcodes_text):
        problem = barcode_problem(code)
        if problem is not None:
            fields.setdefault("barcodes", QT_TRANSLATE_NOOP("store", "The {problem}.").format(
                problem=problem))
            continue
        if normalize_barcode(code) in seen:
            fields.setdefault("barcodes", QT_TRANSLATE_NOOP(
                "store", "Barcode {code} is given twice.").format(code=code))
            continue
        seen.add(normalize_barcode(code))
        codes.append(code)
    if fields:
        raise ProductRefused(fields)
    return ProductEdit(sku, price, active, tuple(codes))


def save_product_edit(store: Store, edit: ProductEdit, *, actor: str | None) -> ProductRow:
    """Write the change (audited by `actor`) through the catalog import; the product as
    stored after it. Unchanged: nothing written, nothing audited."""
    current = get_product(store, edit.sku)
    if current is None:
        raise UserError(QT_TRANSLATE_NOOP("store", "there is no product {sku} any more "
                                                   "(changed elsewhere?)").format(sku=edit.sku))
    product = Product(Sku(edit.sku), current.name, edit.price, edit.barcodes,
                      active=edit.active)
    try:
        store.catalog.import_products([product], actor=actor, columns=EDIT_COLUMNS)
    except ValidationError as exc:  # a barcode another product holds
        raise ProductRefused({"barcodes": QT_TRANSLATE_NOOP("store", "{problem}.").format(
            problem=exc.problems[0])}) from None  # the page writes it with a capital
    saved = get_product(store, edit.sku)
    assert saved is not None
    return saved
