"""EAN-13/EAN-8 encoding for the barcode sheet (pos_prompter.core.barcode): check digits of
known codes, the L/G/R patterns read back through the GS1 width table (an independent
description of the same digits), guards, quiet zones, and which code each product shows."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_prompter.core.barcode import (
    EAN8,
    EAN13,
    MODULES,
    bar_runs,
    check_digit,
    encode,
    sheet_entries,
    sheet_entry,
    symbol_problem,
)
from pos_prompter.core.catalog import Catalog, Product, Sku

# GS1's table of a left-hand odd-parity (L) digit as the widths of space, bar, space, bar.
# An R digit has the same widths as bar, space, bar, space; a G digit has them reversed.
WIDTHS = {"3211": 0, "2221": 1, "2122": 2, "1411": 3, "1132": 4,
          "1231": 5, "1114": 6, "1312": 7, "1213": 8, "3112": 9}
PARITY_TO_FIRST = {"LLLLLL": 0, "LLGLGG": 1, "LLGGLG": 2, "LLGGGL": 3, "LGLLGG": 4,
                   "LGGLLG": 5, "LGGGLL": 6, "LGLGLG": 7, "LGLGGL": 8, "LGGLGL": 9}


def widths(chunk: str) -> str:
    """The run lengths of a 7-module digit, e.g. '0001101' -> '3211'."""
    runs = [1]
    for a, b in pairwise(chunk):
        if a == b:
            runs[-1] += 1
        else:
            runs.append(1)
    return "".join(str(r) for r in runs)


def read_back(modules: str) -> str:
    """Decode a module string as a scanner would, from the width table alone."""
    n = 6 if len(modules) == 95 else 4
    assert modules[:3] == "101"
    assert modules[-3:] == "101"
    centre = 3 + 7 * n
    assert modules[centre:centre + 5] == "01010"
    left, parity = "", ""
    for i in range(n):
        chunk = modules[3 + 7 * i: 10 + 7 * i]
        assert (chunk[0], chunk[-1]) == ("0", "1"), chunk  # a space first, a bar last
        w = widths(chunk)
        if w in WIDTHS and chunk.count("1") % 2 == 1:
            left, parity = left + str(WIDTHS[w]), parity + "L"
        else:
            left, parity = left + str(WIDTHS[w[::-1]]), parity + "G"
    right = ""
    for i in range(n):
        chunk = modules[centre + 5 + 7 * i: centre + 12 + 7 * i]
        assert (chunk[0], chunk[-1]) == ("1", "0"), chunk
        right += str(WIDTHS[widths(chunk)])
    if n == 4:
        assert parity == "LLLL"
        return left + right
    return str(PARITY_TO_FIRST[parity]) + left + right


@pytest.mark.parametrize(("body", "digit"), [
    ("400638133393", 1),   # 4006381333931, the classic EAN-13 example
    ("9638507", 4),        # 96385074, the classic EAN-8 example
    ("590123412345", 7),   # 5901234123457
    ("03600029145", 2),    # UPC-A 036000291452
    ("210000000001", 2),   # the cafe demo's first code
    ("000000000000", 0),
])
def test_check_digits_of_known_codes(body: str, digit: int) -> None:
    assert check_digit(body) == digit


def test_known_ean13_reads_back_with_its_first_digit_in_the_parity() -> None:
    symbol = encode("4006381333931")
    assert symbol.kind == EAN13
    assert len(symbol.modules) == MODULES[EAN13] == 95
    assert read_back(symbol.modules) == "4006381333931"
    # first digit 4: LGLLGG; the first left digit 0 in L is 0001101
    assert symbol.modules[3:10] == "0001101"
    assert symbol.modules[10:17] == "0100111"  # 0 in G
    assert symbol.modules[-10:-3] == "1100110"  # the last digit, 1, in R
    assert (symbol.quiet_left, symbol.quiet_right, symbol.width) == (11, 7, 113)


def test_known_ean8_reads_back() -> None:
    symbol = encode("96385074")
    assert symbol.kind == EAN8
    assert len(symbol.modules) == MODULES[EAN8] == 67
    assert read_back(symbol.modules) == "96385074"
    assert (symbol.quiet_left, symbol.quiet_right, symbol.width) == (7, 7, 81)
    assert [d.text for d in symbol.digits] == ["9638", "5074"]


def test_upc_a_is_drawn_as_its_ean13_with_a_leading_zero() -> None:
    symbol = encode("036000291452")
    assert symbol.kind == EAN13
    assert symbol.code == "0036000291452"
    assert read_back(symbol.modules) == "0036000291452"
    assert symbol.modules[3:45] == "".join(  # first digit 0: all six in L
        ["0001101", "0111101", "0101111", "0001101", "0001101", "0001101"])


def test_bars_are_the_dark_runs_and_guards_are_marked() -> None:
    symbol = encode("96385074")
    assert bar_runs("0110111000101") == [(1, 2), (4, 3), (10, 1), (12, 1)]
    rebuilt = ["0"] * len(symbol.modules)
    for bar in symbol.bars:
        for i in range(bar.start, bar.start + bar.width):
            rebuilt[i] = "1"
    assert "".join(rebuilt) == symbol.modules
    guards = [(b.start, b.width) for b in symbol.bars if b.guard]
    assert guards == [(0, 1), (2, 1), (32, 1), (34, 1), (64, 1), (66, 1)]


def test_human_readable_digits_sit_under_their_halves() -> None:
    symbol = encode("4006381333931")
    assert [(d.text, d.centre) for d in symbol.digits] == [
        ("4", -5.5), ("006381", 24), ("333931", 71)]


@given(st.sampled_from([7, 11, 12]).flatmap(
    lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n)))
def test_every_valid_code_reads_back(body: str) -> None:
    code = body + str(check_digit(body))
    symbol = encode(code)
    expected = "0" + code if len(code) == 12 else code
    assert read_back(symbol.modules) == expected
    assert all(b.width <= 4 for b in symbol.bars)  # no EAN bar is wider than 4 modules


@pytest.mark.parametrize(("code", "why"), [
    ("4006381333932", "check digit 2, expected 1"),
    ("96385075", "check digit 5, expected 4"),
    ("123456", "6 digits"),
    ("40063813339311", "14 digits"),
    ("LATTE-T", "not digits only"),
    ("", "not digits only"),
    ("٠١٢٣٤٥٦٧", "not digits only"),  # Arabic-Indic digits are digits to str.isdigit
])
def test_codes_that_are_no_ean_are_refused_with_the_reason(code: str, why: str) -> None:
    problem = symbol_problem(code)
    assert problem is not None
    assert why in problem
    with pytest.raises(ValueError, match=why):
        encode(code)


def _product(sku: str, name: str, *codes: str, active: bool = True,
             category: str | None = None) -> Product:
    return Product(Sku(sku), name, 425, tuple(codes), category=category, active=active)


def test_sheet_entries_list_active_products_by_category_then_name() -> None:
    catalog = Catalog([
        _product("B", "Bagel", "96385074", category="food"),
        _product("A", "americano", "4006381333931", category="coffee"),
        _product("OLD", "Old blend", "5901234123457", category="coffee", active=False),
        _product("C", "Cake", "036000291452", category="food"),
    ])
    entries = sheet_entries(catalog)
    assert [e.sku for e in entries] == ["A", "B", "C"]
    assert [e.symbol.code for e in entries if e.symbol] == [
        "4006381333931", "96385074", "0036000291452"]
    assert all(e.note is None and e.price == 425 for e in entries)


def test_a_product_without_an_ean_gets_a_note_not_a_wrong_symbol() -> None:
    catalog = Catalog([
        _product("MUG-1", "Mug"),                        # no barcode, SKU no EAN
        _product("96385074", "Sticker"),                 # no barcode, SKU is an EAN-8
        _product("40063813", "Pin"),                     # SKU not an EAN (check digit)
        _product("4006381333931", "Cup", "5901234123457"),
        _product("Z", "Lid", "4006381333931"),           # Cup's SKU is Lid's barcode
    ])
    by_sku = {p.sku: sheet_entry(p, catalog) for p in catalog}
    assert by_sku["MUG-1"].symbol is None
    assert by_sku["MUG-1"].note == "no EAN-13/EAN-8 barcode: type SKU MUG-1 at the till"
    assert by_sku["96385074"].symbol is not None
    assert by_sku["96385074"].symbol.code == "96385074"
    assert by_sku["40063813"].note == "no EAN-13/EAN-8 barcode: type SKU 40063813 at the till"
    assert by_sku["Z"].symbol is not None
    assert by_sku["Z"].symbol.code == "4006381333931"
    assert by_sku["4006381333931"].symbol is not None
    assert by_sku["4006381333931"].symbol.code == "5901234123457"


def test_a_barcode_that_scans_as_another_product_is_not_drawn() -> None:
    # Built in code, not imported: the import would refuse both, but the sheet must not
    # print a symbol that the till reads as another product, nor one with a bad check digit.
    catalog = Catalog([_product("A", "Apple", "4006381333931"),
                       _product("B", "Banana", "4006381333931"),
                       _product("C", "Cherry", "4006381333932")])
    entries = {e.sku: e for e in sheet_entries(catalog)}
    assert sum(e.symbol is not None for e in entries.values()) == 1
    drawn_for = next(s for s, e in entries.items() if e.symbol is not None)
    other = "B" if drawn_for == "A" else "A"
    assert entries[other].note is not None
    assert f"4006381333931 scans as {entries[drawn_for].name} ({drawn_for})" in \
        entries[other].note
    assert entries["C"].note is not None
    assert "check digit 2, expected 1" in entries["C"].note
    assert "type SKU C at the till" in entries["C"].note


def test_a_sku_that_is_another_products_barcode_is_no_way_to_ring_it_up() -> None:
    catalog = Catalog([_product("96385074", "Sticker"), _product("P", "Pin", "96385074")])
    sticker = catalog.get("96385074")
    assert sticker is not None
    entry = sheet_entry(sticker, catalog)
    assert entry.symbol is None
    assert entry.note == ("no EAN-13/EAN-8 barcode, and its SKU 96385074 scans as Pin (P): "
                          "give it a barcode of its own")
