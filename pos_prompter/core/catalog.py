"""Products, barcodes and the catalog CSV (see shared/spec/catalog.md)."""

from __future__ import annotations

import csv
import heapq
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, NewType

from pos_prompter.core.csv_table import MAX_PROBLEMS, at_cell, table_rows
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.excerpt import excerpt
from pos_prompter.core.money import Cents, MoneyError, cents_str, parse_money
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

CATALOG_WHAT = QT_TRANSLATE_NOOP("problems", "catalog")
"""What a refused catalog names (ValidationError's `what`)."""

Sku = NewType("Sku", str)

SKU_RE = re.compile(r"\A[A-Za-z0-9._-]{1,64}\Z")
SLUG_RE = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
DIGITS_RE = re.compile(r"\A[0-9]+\Z")
"""ASCII digits only: str.isdigit() also accepts superscripts and other scripts' digits."""
DECIMAL_RE = re.compile(r"\A[0-9]+(?:\.[0-9]+)?\Z")
"""A plain decimal such as 12 or 0.5: Decimal() and int() also take 1e2, 1_0, NaN, +5."""

MAX_SIZE_RANK = 1_000_000
"""A size rank is a whole number from 1 to this (1 = the family's smallest)."""

COLUMNS = (
    "sku", "name", "price", "barcodes", "category", "tags", "family", "size_rank",
    "size_label", "unit_qty", "unit", "cost", "active",
)
REQUIRED_COLUMNS = ("sku", "name", "price")
OPTIONAL_COLUMNS = tuple(c for c in COLUMNS if c not in REQUIRED_COLUMNS)
"""Columns a file may leave out; each is also the name of the Product field it fills. An
import keeps an existing product's stored value of a column its file does not have."""


@dataclass(frozen=True, slots=True)
class Product:
    """One product a till can sell. Prices are cents."""

    sku: Sku
    name: str
    price: Cents
    barcodes: tuple[str, ...] = ()
    category: str | None = None
    tags: frozenset[str] = field(default_factory=frozenset)
    family: str | None = None
    size_rank: int | None = None
    size_label: str | None = None
    unit_qty: Decimal | None = None
    unit: str | None = None
    cost: Cents | None = None
    active: bool = True
    line: int | None = field(default=None, compare=False, repr=False)
    """The product's line in the catalog file it was read from, for messages; not data."""


def gtin_check_digit(body: str) -> int:
    """The GS1 check digit for the digits before it (EAN-13, EAN-8, UPC-A alike)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def is_valid_barcode(code: str) -> bool:
    """True for an EAN-13, EAN-8 or UPC-A code whose check digit is right."""
    if len(code) not in (8, 12, 13) or not DIGITS_RE.match(code):
        return False
    return gtin_check_digit(code[:-1]) == int(code[-1])


def barcode_problem(code: str) -> Said | None:
    """Why `code` is not a usable barcode, or None if it is one."""
    if not DIGITS_RE.match(code):
        return QT_TRANSLATE_NOOP("csv", "barcode {code} must be digits only (0-9)").format(
            code=excerpt(code))
    if len(code) not in (8, 12, 13):
        return QT_TRANSLATE_NOOP("csv", "barcode {code} must have 8, 12 or 13 digits (EAN-8, "
                                        "UPC-A, EAN-13)").format(code=excerpt(code))
    expected = gtin_check_digit(code[:-1])
    if expected != int(code[-1]):
        return QT_TRANSLATE_NOOP("csv", "barcode {code} has check digit {digit}, expected "
                                        "{expected}").format(code=excerpt(code),
                                                             digit=code[-1], expected=expected)
    return None


def barcode_taken_problem(product: Product, code: str, owner: str) -> str:
    """The refusal of `product`'s barcode `code` (as the file gave it), which the store's
    product `owner` holds: led by `line N, column barcodes:` when the product came from a
    file."""
    taken = QT_TRANSLATE_NOOP("csv", "barcode {code} of {sku} already belongs to {owner}").format(
        code=code, sku=product.sku, owner=owner)
    return taken if product.line is None else at_cell(product.line, "barcodes", taken)


def normalize_barcode(code: str) -> str:
    """UPC-A codes are EAN-13 codes with a leading zero: store and look up the 13-digit form."""
    return "0" + code if len(code) == 12 else code


LONGEST_NAMES = 64
"""How many of the longest active names a catalog loaded from a store knows without
building a product (`Catalog.longest_names`; the till's order table measures them)."""


class Catalog:
    """An in-memory index of products by SKU, barcode and size family.

    Lookups are dict lookups: a scan never waits on the catalog. A catalog loaded from a
    store (`from_records`) keeps each product as its raw record and builds the Product the
    first time it is asked for: a till touches a few hundred of 100,000 products a day, and
    opening the store stays fast at chain size.
    """

    def __init__(self, products: Iterable[Product] = ()) -> None:
        self._by_sku: dict[str, Any] = {}
        self._by_barcode: dict[str, str] = {}
        self._families: dict[str, list[str]] = {}
        self._build: Callable[[Any], Product] | None = None
        self._longest: Sequence[str] | None = None
        ranked: list[tuple[str, int, str]] = []
        for product in products:
            self._by_sku[product.sku] = product
            for code in product.barcodes:
                self._by_barcode[normalize_barcode(code)] = product.sku
            if product.family and product.size_rank is not None:
                ranked.append((product.family, product.size_rank, product.sku))
        self._index_families(ranked)

    @classmethod
    def from_records(cls, records: dict[str, Any], barcodes: dict[str, str],
                     ranked: Iterable[tuple[str, int, str]],
                     build: Callable[[Any], Product],
                     longest: Sequence[str] | None = None) -> Catalog:
        """A catalog over raw records by SKU; `build(record)` makes the Product on first
        use. `barcodes` maps normalised codes to SKUs; `ranked` lists (family, size rank,
        sku) of every product in a size family; `longest`, if given, is
        `longest_names(LONGEST_NAMES)` as the store read it."""
        catalog = cls()
        catalog._by_sku = records
        catalog._by_barcode = barcodes
        catalog._build = build
        catalog._longest = longest
        catalog._index_families(ranked)
        return catalog

    def _index_families(self, ranked: Iterable[tuple[str, int, str]]) -> None:
        families: dict[str, list[tuple[int, str]]] = {}
        for family, rank, sku in ranked:
            families.setdefault(family, []).append((rank, sku))
        self._families = {f: [sku for _rank, sku in sorted(m)] for f, m in families.items()}

    def __len__(self) -> int:
        return len(self._by_sku)

    def __iter__(self) -> Iterator[Product]:
        for sku in list(self._by_sku):
            product = self.get(sku)
            if product is not None:
                yield product

    def __contains__(self, sku: object) -> bool:
        return sku in self._by_sku

    def skus(self) -> list[str]:
        """Every SKU, without building a product (iterating builds each one)."""
        return list(self._by_sku)

    def longest_names(self, n: int = LONGEST_NAMES) -> list[str]:
        """The names of the `n` active products whose names are longest (in characters;
        among equal lengths the first in the catalog), longest first: what
        `heapq.nlargest(n, names, key=len)` gives. Up to LONGEST_NAMES, a catalog loaded
        from a store knows them without building its products (at chain size, building
        all 100,000 took the till's first screen 1.9 s)."""
        if self._longest is not None and n <= LONGEST_NAMES:
            return list(self._longest[:n])
        return heapq.nlargest(n, (p.name for p in self if p.active), key=len)

    def get(self, sku: str) -> Product | None:
        item = self._by_sku.get(sku)
        if item is None or isinstance(item, Product):
            return item
        assert self._build is not None
        product = self._build(item)
        self._by_sku[sku] = product
        return product

    def lookup(self, code: str) -> Product | None:
        """What a scan means: a barcode first, then a SKU typed by the clerk."""
        code = code.strip()
        sku = self._by_barcode.get(normalize_barcode(code)) if DIGITS_RE.match(code) else None
        if sku is not None:
            return self.get(sku)
        return self.get(code)

    def family(self, name: str) -> list[Product]:
        return [p for p in (self.get(s) for s in self._families.get(name, ())) if p]

    def next_size(self, product: Product) -> Product | None:
        """The next active size up in the product's family, or None at the top of the ladder."""
        if not product.family or product.size_rank is None:
            return None
        for member in self.family(product.family):
            if (member.size_rank is not None and member.size_rank > product.size_rank
                    and member.active):
                return member
        return None


def _parse_bool(text: str) -> bool:
    low = text.strip().lower()
    if low in ("true", "yes", "1"):
        return True
    if low in ("false", "no", "0"):
        return False
    raise ValueError(QT_TRANSLATE_NOOP("csv", "{value} is not true or false").format(
        value=excerpt(text)))


def _parse_tags(text: str) -> list[str]:
    items = [t.strip() for t in text.split("|") if t.strip()]
    for item in items:
        if not SLUG_RE.match(item):
            raise ValueError(QT_TRANSLATE_NOOP("csv", "tag {value} is not a slug like "
                                                      "'hot-drink'").format(value=excerpt(item)))
    return items


@dataclass(frozen=True, slots=True)
class CatalogFile:
    """A catalog CSV as read: its products, and the columns its header has. A product of
    the file holds the default for a column the file leaves out (an import keeps an
    existing product's stored value there: see `CatalogStore.import_products`)."""

    products: list[Product]
    columns: frozenset[str]


def parse_catalog_csv(text: str) -> list[Product]:
    """Parse a catalog CSV. All or nothing: any bad row raises ValidationError listing
    `line N, column C: what is wrong` for up to the first 50 problems. The products only:
    an import of a file that may leave out columns wants `read_catalog_csv`."""
    return read_catalog_csv(text).products


def read_catalog_csv(text: str) -> CatalogFile:
    """Parse a catalog CSV as `parse_catalog_csv` does, keeping which columns it has."""
    problems: list[str] = []
    products: list[Product] = []
    columns: frozenset[str] | None = None
    seen_sku: dict[str, int] = {}
    seen_code: dict[str, tuple[int, str]] = {}
    for line, cells in table_rows(text, columns=COLUMNS, required=REQUIRED_COLUMNS,
                                  what=CATALOG_WHAT, problems=problems):
        if columns is None:  # every row's cells are keyed by the whole header
            columns = frozenset(cells)
        row_problems: list[str] = []

        def bad(column: str, message: str, _line: int = line,
                _rp: list[str] = row_problems) -> None:
            _rp.append(at_cell(_line, column, message))

        sku = cells["sku"]
        if not SKU_RE.match(sku):
            bad("sku", QT_TRANSLATE_NOOP("csv", "{value} must be 1-64 characters of A-Z a-z 0-9 "
                                                "- _ .").format(value=excerpt(sku)))
        elif sku in seen_sku:
            bad("sku", QT_TRANSLATE_NOOP("csv", "{value} already used on line {line}").format(
                value=excerpt(sku), line=seen_sku[sku]))
        else:
            seen_sku[sku] = line
        name = cells["name"]
        if not name:
            bad("name", QT_TRANSLATE_NOOP("csv", "is empty"))
        price = 0
        try:
            price = parse_money(cells["price"])
        except MoneyError as exc:
            bad("price", exc.args[0])
        barcodes: list[str] = []
        for code in (c.strip() for c in cells.get("barcodes", "").split("|")):
            if not code:
                continue
            problem = barcode_problem(code)
            if problem:
                bad("barcodes", problem)
                continue
            norm = normalize_barcode(code)
            if norm in seen_code:
                other_line, other_sku = seen_code[norm]
                bad("barcodes", QT_TRANSLATE_NOOP(
                    "csv", "barcode {code} already belongs to {sku} (line {line})").format(
                    code=code, sku=other_sku, line=other_line))
                continue
            seen_code[norm] = (line, sku)
            barcodes.append(code)
        category = cells.get("category") or None
        if category and not SLUG_RE.match(category):
            bad("category", QT_TRANSLATE_NOOP(
                "csv", "{value} is not a slug like 'phone-accessories'").format(
                value=excerpt(category)))
        tags: list[str] = []
        try:
            tags = _parse_tags(cells.get("tags", ""))
        except ValueError as exc:
            bad("tags", exc.args[0])
        family = cells.get("family") or None
        if family and not SLUG_RE.match(family):
            bad("family", QT_TRANSLATE_NOOP("csv", "{value} is not a slug like 'latte'").format(
                value=excerpt(family)))
        size_rank: int | None = None
        if cells.get("size_rank"):
            try:
                if not DIGITS_RE.match(cells["size_rank"]):
                    raise ValueError
                if len(cells["size_rank"]) > 7 or int(cells["size_rank"]) > MAX_SIZE_RANK:
                    bad("size_rank", QT_TRANSLATE_NOOP(
                        "csv", "{value} is above the largest size rank, {most}").format(
                        value=excerpt(cells["size_rank"]), most=f"{MAX_SIZE_RANK:,}"))
                else:
                    size_rank = int(cells["size_rank"])
                if size_rank is not None and size_rank < 1:
                    raise ValueError
            except ValueError:
                bad("size_rank", QT_TRANSLATE_NOOP(
                    "csv", "{value} is not a whole number from 1 up").format(
                    value=excerpt(cells["size_rank"])))
                size_rank = None
        if family and size_rank is None:
            bad("size_rank", QT_TRANSLATE_NOOP("csv", "a product with a family needs a "
                                                      "size_rank"))
        if size_rank is not None and not family:
            bad("family", QT_TRANSLATE_NOOP("csv", "a product with a size_rank needs a family"))
        unit_qty: Decimal | None = None
        if cells.get("unit_qty"):
            try:
                if not DECIMAL_RE.match(cells["unit_qty"]) or len(cells["unit_qty"]) > 15:
                    raise InvalidOperation
                unit_qty = Decimal(cells["unit_qty"])
                if not unit_qty.is_finite() or unit_qty <= 0:
                    raise InvalidOperation
            except InvalidOperation:
                bad("unit_qty", QT_TRANSLATE_NOOP(
                    "csv", "{value} is not a positive decimal number").format(
                    value=excerpt(cells["unit_qty"])))
                unit_qty = None
        cost: Cents | None = None
        if cells.get("cost"):
            try:
                cost = parse_money(cells["cost"])
            except MoneyError as exc:
                bad("cost", exc.args[0])
        active = True
        if cells.get("active"):
            try:
                active = _parse_bool(cells["active"])
            except ValueError as exc:
                bad("active", exc.args[0])
        if row_problems:
            problems.extend(row_problems)
            continue
        products.append(Product(
            sku=Sku(sku), name=name, price=price, barcodes=tuple(barcodes), category=category,
            tags=frozenset(tags), family=family, size_rank=size_rank,
            size_label=cells.get("size_label") or None, unit_qty=unit_qty,
            unit=cells.get("unit") or None, cost=cost, active=active, line=line,
        ))
    if problems:
        raise ValidationError(problems[:MAX_PROBLEMS], what=CATALOG_WHAT)
    # A file without rows has nothing to import: all columns, as for products built in code.
    return CatalogFile(products, frozenset(COLUMNS) if columns is None else columns)


def catalog_to_csv(products: Iterable[Product]) -> str:
    """Write products back as catalog CSV (the same columns the import reads)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for p in products:
        writer.writerow([
            p.sku, p.name, cents_str(p.price), "|".join(p.barcodes), p.category or "",
            "|".join(sorted(p.tags)), p.family or "", p.size_rank or "", p.size_label or "",
            "" if p.unit_qty is None else format(p.unit_qty, "f"), p.unit or "",
            "" if p.cost is None else cents_str(p.cost), "true" if p.active else "false",
        ])
    return out.getvalue()
