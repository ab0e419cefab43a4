"""EAN-13 and EAN-8 symbols, as bars a printer draws: which code each product shows on the
barcode sheet, and that code's bars, quiet zones and human-readable digits (GS1 General
Specifications, 5.2). No Qt here: pos_prompter.ui.barcode_sheet draws what this computes.

A symbol is measured in modules (the narrowest bar or space). An EAN-13 symbol is 95 modules:
the start guard 101, six left digits of 7 modules each in L or G patterns (the pattern of the
six says the first digit, which has no bars of its own), the centre guard 01010, six right
digits in R patterns and the end guard 101. An EAN-8 is 67 modules: 101, four L digits,
01010, four R digits, 101. A UPC-A code is an EAN-13 code with a leading 0, and is drawn as
one: a scanner reads it back as the same product.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pos_prompter.core.catalog import Catalog, Product, gtin_check_digit
from pos_prompter.core.excerpt import excerpt
from pos_prompter.core.money import Cents
from pos_prompter.core.said import QT_TRANSLATE_NOOP

EAN13 = "EAN-13"
EAN8 = "EAN-8"

L_PATTERNS = ("0001101", "0011001", "0010011", "0111101", "0100011",
              "0110001", "0101111", "0111011", "0110111", "0001011")
"""Left-half digits of odd parity (set A)."""
R_PATTERNS = tuple("".join("1" if m == "0" else "0" for m in p) for p in L_PATTERNS)
"""Right-half digits: L with bars and spaces swapped (set C)."""
G_PATTERNS = tuple(p[::-1] for p in R_PATTERNS)
"""Left-half digits of even parity: R read backwards (set B)."""
FIRST_DIGIT_PARITY = ("LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
                      "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL")
"""The L/G pattern of an EAN-13's six left digits, by its first digit."""

SIDE_GUARD = "101"
CENTRE_GUARD = "01010"

QUIET_ZONES = {EAN13: (11, 7), EAN8: (7, 7)}
"""Light margins left and right of the bars, in modules, that a scanner needs to find them."""
MODULES = {EAN13: 95, EAN8: 67}


def check_digit(body: str) -> int:
    """The GS1 check digit of the digits before it (the same rule as the catalog's)."""
    return gtin_check_digit(body)


def symbol_problem(code: str) -> str | None:
    """Why `code` cannot be drawn as an EAN-13 or EAN-8 symbol, or None if it can."""
    if not code.isascii() or not code.isdigit():
        return QT_TRANSLATE_NOOP("barcodes", "{code} is not digits only").format(
            code=excerpt(code))
    if len(code) not in (8, 12, 13):
        return QT_TRANSLATE_NOOP("barcodes", "{code} has {n} digits, not 8 (EAN-8), 12 (UPC-A) "
                                             "or 13 (EAN-13)").format(code=excerpt(code),
                                                                      n=len(code))
    expected = check_digit(code[:-1])
    if int(code[-1]) != expected:
        return QT_TRANSLATE_NOOP("barcodes", "{code} has check digit {digit}, expected "
                                             "{expected}").format(code=code, digit=code[-1],
                                                                  expected=expected)
    return None


@dataclass(frozen=True)
class Bar:
    """One dark bar: `width` modules from module `start` (0 = the start guard's first)."""

    start: int
    width: int
    guard: bool
    """A guard bar, drawn longer than the digits' bars (down beside the digits)."""


@dataclass(frozen=True)
class Digits:
    """Human-readable digits, centred on module `centre` (negative: in the left quiet zone)."""

    text: str
    centre: float


@dataclass(frozen=True)
class Symbol:
    """An EAN symbol ready to draw."""

    kind: str
    code: str
    """The digits it encodes: 13 for EAN-13 (a UPC-A code with its leading 0), 8 for EAN-8."""
    modules: str
    """'1' for a dark module, '0' for a light one, guards included, quiet zones not."""
    bars: tuple[Bar, ...]
    digits: tuple[Digits, ...]

    @property
    def quiet_left(self) -> int:
        return QUIET_ZONES[self.kind][0]

    @property
    def quiet_right(self) -> int:
        return QUIET_ZONES[self.kind][1]

    @property
    def width(self) -> int:
        """Modules from the left quiet zone's edge to the right one's."""
        return self.quiet_left + len(self.modules) + self.quiet_right


def left_patterns(code: str) -> str:
    """The L/G letters of the left-hand digits that `encode` uses ("LLLL" for EAN-8)."""
    return "L" * 4 if len(code) == 8 else FIRST_DIGIT_PARITY[int(code[0])]


def _modules(code: str) -> tuple[str, list[tuple[int, int]]]:
    """The module string, and the [start, end) module spans of the three guards."""
    if len(code) == 13:
        left, right = code[1:7], code[7:]
    else:
        left, right = code[:4], code[4:]
    parity = left_patterns(code)
    parts = [SIDE_GUARD]
    parts += [(L_PATTERNS if p == "L" else G_PATTERNS)[int(d)] for d, p in zip(left, parity,
                                                                                strict=True)]
    centre_at = len(SIDE_GUARD) + 7 * len(left)
    parts.append(CENTRE_GUARD)
    parts += [R_PATTERNS[int(d)] for d in right]
    parts.append(SIDE_GUARD)
    modules = "".join(parts)
    guards = [(0, 3), (centre_at, centre_at + 5), (len(modules) - 3, len(modules))]
    return modules, guards


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """Each run of dark modules as (start, width), left to right."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, m in enumerate(modules + "0"):
        if m == "1" and start is None:
            start = i
        elif m == "0" and start is not None:
            runs.append((start, i - start))
            start = None
    return runs


def encode(code: str) -> Symbol:
    """The symbol of an EAN-13, UPC-A or EAN-8 code (ValueError with the reason if not one)."""
    problem = symbol_problem(code)
    if problem is not None:
        raise ValueError(problem)
    if len(code) == 12:
        code = "0" + code
    kind = EAN13 if len(code) == 13 else EAN8
    modules, guards = _modules(code)
    bars = tuple(Bar(start, width, any(a <= start < b for a, b in guards))
                 for start, width in bar_runs(modules))
    half = 3 + 7 * (6 if kind == EAN13 else 4) + 5  # the right half's first digit module
    digits: tuple[Digits, ...]
    if kind == EAN13:
        digits = (Digits(code[0], -QUIET_ZONES[EAN13][0] / 2),
                  Digits(code[1:7], 3 + 21), Digits(code[7:], half + 21))
    else:
        digits = (Digits(code[:4], 3 + 14), Digits(code[4:], half + 14))
    return Symbol(kind, code, modules, bars, digits)


@dataclass(frozen=True)
class SheetEntry:
    """One product on the barcode sheet: its symbol, or why it has none."""

    sku: str
    name: str
    price: Cents
    symbol: Symbol | None
    note: str | None = None


def _candidates(product: Product) -> Iterable[str]:
    yield from product.barcodes
    yield product.sku  # a SKU of digits only can itself be an EAN a scanner reads


def _scans_as(code: str, catalog: Catalog) -> str:
    other = catalog.lookup(code)
    if other is None:
        return QT_TRANSLATE_NOOP("barcodes", "nothing")
    return f"{other.name} ({other.sku})"


def sheet_entry(product: Product, catalog: Catalog) -> SheetEntry:
    """The product's first code (its barcodes, then its SKU) that is a valid EAN-13, UPC-A
    or EAN-8 and that the till, scanning it, finds as this very product (a barcode wins
    over a SKU); or a note saying why none is drawn and how the clerk rings it up."""
    for code in _candidates(product):
        if symbol_problem(code) is not None:
            continue
        found = catalog.lookup(code)
        if found is not None and found.sku == product.sku:
            return SheetEntry(product.sku, product.name, product.price, encode(code))
    if product.barcodes:
        first = product.barcodes[0]
        why: str = symbol_problem(first) or QT_TRANSLATE_NOOP(
            "barcodes", "{code} scans as {other}").format(code=first,
                                                          other=_scans_as(first, catalog))
        why = QT_TRANSLATE_NOOP("barcodes", "no barcode drawn: {why}").format(why=why)
    else:
        why = QT_TRANSLATE_NOOP("barcodes", "no EAN-13/EAN-8 barcode")
    found = catalog.lookup(product.sku)
    if found is not None and found.sku == product.sku:
        note: str = QT_TRANSLATE_NOOP("barcodes", "{why}: type SKU {sku} at the till").format(
            why=why, sku=product.sku)
    else:
        note = QT_TRANSLATE_NOOP("barcodes", "{why}, and its SKU {sku} scans as {other}: give "
                                             "it a barcode of its own").format(
            why=why, sku=product.sku, other=_scans_as(product.sku, catalog))
    return SheetEntry(product.sku, product.name, product.price, None, note)


def sheet_entries(catalog: Catalog) -> list[SheetEntry]:
    """Every active product, by category then name, each with its symbol or its note."""
    active = [p for p in catalog if p.active]
    active.sort(key=lambda p: (p.category or "", p.name.casefold(), p.sku))
    return [sheet_entry(p, catalog) for p in active]
