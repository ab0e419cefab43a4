"""The catalog CSV (shared/spec/catalog.md): parsing, refusals, barcodes, lookups, sizes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_prompter.core.catalog import (
    Catalog,
    Product,
    Sku,
    barcode_problem,
    catalog_to_csv,
    gtin_check_digit,
    is_valid_barcode,
    normalize_barcode,
    parse_catalog_csv,
)
from pos_prompter.core.errors import UserError, ValidationError

SPEC_CSV = (Path(__file__).parent / "spec_examples" / "catalog.csv").read_text(encoding="utf-8")


def problems_of(text: str) -> list[str]:
    with pytest.raises(ValidationError) as info:
        parse_catalog_csv(text)
    return info.value.problems


def by_sku(products: list[Product]) -> dict[str, Product]:
    return {p.sku: p for p in products}


# ---------------------------------------------------------------- the spec's catalog


def test_spec_catalog_parses_all_seven_products() -> None:
    products = parse_catalog_csv(SPEC_CSV)
    assert [p.sku for p in products] == [
        "LATTE-T", "LATTE-G", "LATTE-V", "MUFFIN-B", "COOKIE", "BEANS-250", "MUG"]


def test_spec_catalog_latte_tall_has_every_field_it_gives() -> None:
    latte = by_sku(parse_catalog_csv(SPEC_CSV))["LATTE-T"]
    assert latte == Product(
        sku=Sku("LATTE-T"), name="Latte Tall", price=345, barcodes=("2100000000012",),
        category="coffee", tags=frozenset({"hot-drink"}), family="latte", size_rank=1,
        size_label="Tall", unit_qty=Decimal("12"), unit="oz", cost=None, active=True)


def test_spec_catalog_empty_optional_cells_are_absent() -> None:
    muffin = by_sku(parse_catalog_csv(SPEC_CSV))["MUFFIN-B"]
    assert (muffin.price, muffin.category, muffin.tags, muffin.family, muffin.size_rank,
            muffin.size_label, muffin.unit_qty, muffin.unit) == (
        275, "bakery", frozenset(), None, None, None, None, None)


def test_spec_catalog_prices_are_exact_cents() -> None:
    prices = {p.sku: p.price for p in parse_catalog_csv(SPEC_CSV)}
    assert prices == {"LATTE-T": 345, "LATTE-G": 395, "LATTE-V": 435, "MUFFIN-B": 275,
                      "COOKIE": 195, "BEANS-250": 950, "MUG": 1200}


def test_column_order_is_free() -> None:
    products = parse_catalog_csv("price,name,sku\n1.50,Tea,TEA\n")
    assert products == [Product(sku=Sku("TEA"), name="Tea", price=150)]


def test_a_bom_at_the_start_is_accepted() -> None:
    assert parse_catalog_csv("\ufeff" + SPEC_CSV) == parse_catalog_csv(SPEC_CSV)


def test_windows_line_endings_are_accepted() -> None:
    assert parse_catalog_csv(SPEC_CSV.replace("\n", "\r\n")) == parse_catalog_csv(SPEC_CSV)


def test_blank_lines_are_skipped() -> None:
    assert [p.sku for p in parse_catalog_csv("sku,name,price\n\nA,a,1\n\nB,b,2\n")] == ["A", "B"]


@pytest.mark.parametrize(("cell", "active"), [("true", True), ("false", False),
                                              ("TRUE", True), ("", True)])
def test_active_column(cell: str, active: bool) -> None:
    [p] = parse_catalog_csv(f"sku,name,price,active\nA,a,1,{cell}\n")
    assert p.active is active


def test_cost_and_several_barcodes_and_tags() -> None:
    [p] = parse_catalog_csv(
        "sku,name,price,barcodes,tags,cost\n"
        "A,a,10.00,4006381333931|96385074|036000291452,vegan|hot-drink,3.20\n")
    assert (p.barcodes, p.tags, p.cost) == (
        ("4006381333931", "96385074", "036000291452"), frozenset({"vegan", "hot-drink"}), 320)


# ---------------------------------------------------------------- refusals

HEADER = "sku,name,price,barcodes,category,tags,family,size_rank,active,unit_qty,cost\n"
GOOD = "GOOD-1,Good,1.00,,,,,,,,\n"


@pytest.mark.parametrize(
    ("text", "starts", "says"),
    [
        pytest.param("sku,name,price,colour\nA,a,1,red\n", "line 1, column 'colour':",
                     "unknown column", id="unknown-column"),
        pytest.param("sku,name\nA,a\n", "line 1:", "'price' is missing",
                     id="missing-required-column"),
        pytest.param("sku,name,price,name\nA,a,1,b\n", "line 1, column 'name':", "twice",
                     id="duplicate-column"),
        pytest.param(HEADER + "LATTE T,x,1.00,,,,,,,,\n", "line 2, column sku:",
                     "A-Z a-z 0-9", id="bad-sku"),
        pytest.param(HEADER + "A,x,1.00,,,,,,,,\nA,y,2.00,,,,,,,,\n", "line 3, column sku:",
                     "already used on line 2", id="duplicate-sku"),
        pytest.param(HEADER + "A,,1.00,,,,,,,,\n", "line 2, column name:", "empty",
                     id="empty-name"),
        pytest.param(HEADER + "A,x,3.456,,,,,,,,\n", "line 2, column price:", "2 decimals",
                     id="price-three-decimals"),
        pytest.param(HEADER + "A,x,abc,,,,,,,,\n", "line 2, column price:", "abc",
                     id="price-not-a-number"),
        pytest.param(HEADER + "A,x,-1.00,,,,,,,,\n", "line 2, column price:", "negative",
                     id="price-negative"),
        pytest.param(HEADER + 'A,x,"3,45",,,,,,,,\n', "line 2, column price:", "3,45",
                     id="price-decimal-comma"),
        pytest.param(HEADER + "A,x,,,,,,,,,\n", "line 2, column price:", "amount",
                     id="price-empty"),
        pytest.param(HEADER + "A,x,1.00,4006381333932,,,,,,,\n", "line 2, column barcodes:",
                     "check digit 2, expected 1", id="barcode-check-digit"),
        pytest.param(HEADER + "A,x,1.00,12345,,,,,,,\n", "line 2, column barcodes:",
                     "8, 12 or 13 digits", id="barcode-length"),
        pytest.param(HEADER + "A,x,1.00,40063813339X1,,,,,,,\n", "line 2, column barcodes:",
                     "digits only", id="barcode-not-digits"),
        pytest.param(HEADER + "A,x,1.00,4006381333931,,,,,,,\nB,y,1.00,4006381333931,,,,,,,\n",
                     "line 3, column barcodes:", "already belongs to A (line 2)",
                     id="duplicate-barcode"),
        pytest.param(HEADER + "A,x,1.00,036000291452,,,,,,,\nB,y,1.00,0036000291452,,,,,,,\n",
                     "line 3, column barcodes:", "already belongs to A (line 2)",
                     id="duplicate-barcode-upc-a-and-ean-13"),
        pytest.param(HEADER + "A,x,1.00,,Hot Drinks,,,,,,\n", "line 2, column category:",
                     "slug", id="bad-category"),
        pytest.param(HEADER + "A,x,1.00,,,hot drink|vegan,,,,,\n", "line 2, column tags:",
                     "'hot drink'", id="bad-tag"),
        pytest.param(HEADER + "A,x,1.00,,,Vegan,,,,,\n", "line 2, column tags:",
                     "'Vegan'", id="tag-with-capital"),
        pytest.param(HEADER + "A,x,1.00,,,,,2,,,\n", "line 2, column family:",
                     "needs a family", id="size-rank-without-family"),
        pytest.param(HEADER + "A,x,1.00,,,,latte,,,,\n", "line 2, column size_rank:",
                     "needs a size_rank", id="family-without-size-rank"),
        pytest.param(HEADER + "A,x,1.00,,,,latte,0,,,\n", "line 2, column size_rank:",
                     "whole number", id="size-rank-zero"),
        pytest.param(HEADER + "A,x,1.00,,,,latte,big,,,\n", "line 2, column size_rank:",
                     "whole number", id="size-rank-not-a-number"),
        pytest.param(HEADER + "A,x,1.00,,,,Latte,1,,,\n", "line 2, column family:",
                     "slug", id="bad-family"),
        pytest.param(HEADER + "A,x,1.00,,,,,,maybe,,\n", "line 2, column active:",
                     "'maybe'", id="bad-active"),
        pytest.param(HEADER + "A,x,1.00,,,,,,,-2,\n", "line 2, column unit_qty:",
                     "positive", id="unit-qty-negative"),
        pytest.param(HEADER + "A,x,1.00,,,,,,,,0.555\n", "line 2, column cost:",
                     "2 decimals", id="bad-cost"),
        pytest.param("sku,name,price\nA,a\n", "line 2:", "has 2 fields, the header has 3",
                     id="too-few-fields"),
        pytest.param("sku,name,price\nA,a,1,extra\n", "line 2:", "has 4 fields",
                     id="too-many-fields"),
        pytest.param("", "line 1:", "empty", id="empty-file"),
    ],
)
def test_refusal_names_line_and_column(text: str, starts: str, says: str) -> None:
    problems = problems_of(text)
    assert any(p.startswith(starts) and says in p for p in problems), problems


def test_a_float_looking_price_is_never_rounded() -> None:
    # "3.456" is refused, not charged as 3.46 or 3.45.
    [problem] = problems_of("sku,name,price\nA,a,3.456\n")
    assert problem.startswith("line 2, column price:")


@pytest.mark.parametrize("code", ["400638133393\u00b2", "4006381333\u00b931"])
def test_a_barcode_with_non_ascii_digits_is_a_problem_not_a_crash(code: str) -> None:
    # str.isdigit() is true for superscripts such as "²", which int() cannot read.
    problems = problems_of(f"sku,name,price,barcodes\nA,a,1.00,{code}\n")
    assert problems[0].startswith("line 2, column barcodes:")


def test_line_numbers_count_blank_lines_too() -> None:
    [problem] = problems_of("sku,name,price\n\nA,a,oops\n")
    assert problem.startswith("line 3, column price:")


def test_import_is_all_or_nothing_and_reports_every_bad_row() -> None:
    text = (HEADER + GOOD + "BAD 1,x,1.00,,,,,,,,\n" + "GOOD-2,y,2.00,,,,,,,,\n"
            + "C,z,9.999,,,,,,,,\n" + "D,w,1.00,,,,,,nope,,\n")
    with pytest.raises(ValidationError) as info:
        parse_catalog_csv(text)
    problems = info.value.problems
    assert [p.split(":")[0] for p in problems] == [
        "line 3, column sku", "line 5, column price", "line 6, column active"]
    assert "nothing was changed" in str(info.value)
    assert isinstance(info.value, UserError)


def test_a_duplicate_of_a_bad_row_is_reported_in_the_same_pass() -> None:
    # Every bad row at once: fixing line 2's price must not reveal a new problem on line 3.
    problems = problems_of("sku,name,price\nA,first,oops\nA,second,2.00\n")
    assert [p.split(":")[0] for p in problems] == ["line 2, column price", "line 3, column sku"]
    assert "already used on line 2" in problems[1]


def test_one_row_with_several_problems_reports_each() -> None:
    problems = problems_of("sku,name,price,active\nBAD SKU,,x,maybe\n")
    assert sorted(p.split(":")[0] for p in problems) == [
        "line 2, column active", "line 2, column name", "line 2, column price",
        "line 2, column sku"]


def test_at_most_fifty_problems_are_reported() -> None:
    text = "sku,name,price\n" + "".join(f"A{i},a,bad\n" for i in range(80))
    problems = problems_of(text)
    assert len(problems) == 50
    assert problems[0].startswith("line 2, column price:")
    assert problems[-1].startswith("line 51, column price:")


def test_the_error_message_quotes_the_first_problem_and_counts_the_rest() -> None:
    with pytest.raises(ValidationError) as info:
        parse_catalog_csv("sku,name,price\nA,a,bad\nB,b,bad\n")
    message = str(info.value)
    assert "line 2, column price" in message
    assert "(and 1 more)" in message


# ---------------------------------------------------------------- barcodes


@pytest.mark.parametrize(
    "code",
    [
        "4006381333931",  # EAN-13
        "5901234123457",  # EAN-13
        "0036000291452",  # EAN-13 form of a UPC-A
        "036000291452",  # UPC-A
        "012345678905",  # UPC-A
        "96385074",  # EAN-8
        "2100000000012",  # the spec's in-store code
    ],
)
def test_valid_barcodes(code: str) -> None:
    assert is_valid_barcode(code)
    assert barcode_problem(code) is None


@pytest.mark.parametrize(
    "code",
    ["4006381333932", "036000291453", "96385075", "123", "40063813339311", "40063813339a1",
     "", "4006381333931 "],
)
def test_invalid_barcodes(code: str) -> None:
    assert not is_valid_barcode(code)
    assert barcode_problem(code) is not None


@pytest.mark.parametrize(
    ("body", "digit"),
    [("400638133393", 1), ("03600029145", 2), ("9638507", 4), ("590123412345", 7)],
)
def test_gtin_check_digit(body: str, digit: int) -> None:
    assert gtin_check_digit(body) == digit


@given(st.text(alphabet="0123456789", min_size=7, max_size=12).filter(
    lambda s: len(s) in (7, 11, 12)))
def test_every_body_plus_its_check_digit_is_valid_and_other_digits_are_not(body: str) -> None:
    good = gtin_check_digit(body)
    assert is_valid_barcode(body + str(good))
    for wrong in set(range(10)) - {good}:
        assert not is_valid_barcode(body + str(wrong))


def test_normalize_barcode_makes_upc_a_thirteen_digits() -> None:
    assert normalize_barcode("036000291452") == "0036000291452"
    assert normalize_barcode("4006381333931") == "4006381333931"
    assert normalize_barcode("96385074") == "96385074"


# ---------------------------------------------------------------- lookups


def test_lookup_by_barcode(spec_catalog: Catalog) -> None:
    product = spec_catalog.lookup("2100000000029")
    assert product is not None
    assert product.sku == "LATTE-G"


def test_lookup_by_typed_sku(spec_catalog: Catalog) -> None:
    product = spec_catalog.lookup("COOKIE")
    assert product is not None
    assert product.name == "Oat Cookie"


def test_lookup_ignores_surrounding_whitespace(spec_catalog: Catalog) -> None:
    # A keyboard-wedge scanner ends with Enter; a clerk may type a space.
    assert spec_catalog.lookup(" 2100000000012\n") == spec_catalog.get("LATTE-T")
    assert spec_catalog.lookup(" MUG ") == spec_catalog.get("MUG")


def test_lookup_unknown_code_is_none(spec_catalog: Catalog) -> None:
    assert spec_catalog.lookup("0000000000000") is None
    assert spec_catalog.lookup("NOPE") is None


def test_lookup_tries_barcode_before_sku() -> None:
    # Product X's SKU happens to be product Y's barcode: the scan means Y.
    catalog = Catalog(parse_catalog_csv(
        "sku,name,price,barcodes\n96385074,Numbered thing,1.00,\nY,Barcoded thing,2.00,96385074\n"))
    found = catalog.lookup("96385074")
    assert found is not None
    assert found.sku == "Y"


def test_lookup_numeric_sku_without_barcode_clash_finds_the_sku() -> None:
    catalog = Catalog(parse_catalog_csv("sku,name,price\n12345,Numbered thing,1.00\n"))
    found = catalog.lookup("12345")
    assert found is not None
    assert found.sku == "12345"


@pytest.mark.parametrize(
    ("stored", "scanned"),
    [("0036000291452", "036000291452"), ("036000291452", "0036000291452"),
     ("036000291452", "036000291452"), ("0036000291452", "0036000291452")],
)
def test_upc_a_and_its_ean_13_form_find_the_same_product(stored: str, scanned: str) -> None:
    catalog = Catalog(parse_catalog_csv(f"sku,name,price,barcodes\nSODA,Soda,1.00,{stored}\n"))
    found = catalog.lookup(scanned)
    assert found is not None
    assert found.sku == "SODA"


def test_catalog_len_iter_contains_get(spec_catalog: Catalog) -> None:
    assert len(spec_catalog) == 7
    assert "MUG" in spec_catalog
    assert "TEAPOT" not in spec_catalog
    assert {p.sku for p in spec_catalog} >= {"LATTE-T", "MUG"}
    assert spec_catalog.get("TEAPOT") is None


# ---------------------------------------------------------------- size ladders


LADDER = """sku,name,price,family,size_rank,size_label,active
S,Small,1.00,cup,1,S,true
M,Medium,1.50,cup,3,M,{m}
L,Large,2.00,cup,5,L,{l}
SOLO,Solo,1.00,,,,true
"""


@pytest.mark.parametrize(
    ("medium", "large", "start", "expected"),
    [
        ("true", "true", "S", "M"),
        ("true", "true", "M", "L"),
        ("true", "true", "L", None),
        ("false", "true", "S", "L"),
        ("false", "false", "S", None),
        ("true", "false", "M", None),
        ("true", "true", "SOLO", None),
    ],
)
def test_next_size_walks_the_ladder_and_skips_inactive_sizes(medium: str, large: str, start: str,
                                                             expected: str | None) -> None:
    catalog = Catalog(parse_catalog_csv(LADDER.format(m=medium, l=large)))
    product = catalog.get(start)
    assert product is not None
    nxt = catalog.next_size(product)
    assert (nxt.sku if nxt else None) == expected


def test_spec_latte_ladder(spec_catalog: Catalog) -> None:
    sizes = [p.sku for p in spec_catalog.family("latte")]
    assert sizes == ["LATTE-T", "LATTE-G", "LATTE-V"]


def test_family_lists_sizes_in_rank_order_whatever_the_file_order() -> None:
    catalog = Catalog(parse_catalog_csv(
        "sku,name,price,family,size_rank\nB,b,2,cup,2\nC,c,3,cup,3\nA,a,1,cup,1\n"))
    assert [p.sku for p in catalog.family("cup")] == ["A", "B", "C"]


# ---------------------------------------------------------------- export round trip


def test_spec_catalog_round_trips_through_csv() -> None:
    products = parse_catalog_csv(SPEC_CSV)
    assert parse_catalog_csv(catalog_to_csv(products)) == products


def test_every_field_round_trips_through_csv() -> None:
    products = [
        Product(sku=Sku("A.b_c-1"), name='Mug, "large"', price=1200,
                barcodes=("036000291452", "96385074"), category="retail",
                tags=frozenset({"merch", "gift-idea"}), family="mug", size_rank=2,
                size_label="16 oz", unit_qty=Decimal("0.5"), unit="l", cost=450, active=False),
        Product(sku=Sku("B"), name="Plain", price=0),
    ]
    text = catalog_to_csv(products)
    assert parse_catalog_csv(text) == products
    assert catalog_to_csv(parse_catalog_csv(text)) == text


slugs = st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,4})?\Z")
names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
                min_size=1, max_size=20).map(str.strip).filter(bool)


@st.composite
def product_lists(draw: st.DrawFn) -> list[Product]:
    n = draw(st.integers(min_value=1, max_value=6))
    skus = draw(st.lists(st.from_regex(r"\A[A-Za-z0-9._-]{1,12}\Z"), min_size=n, max_size=n,
                         unique=True))
    bodies = draw(st.lists(st.text(alphabet="0123456789", min_size=12, max_size=12),
                           min_size=n, max_size=n, unique=True))
    products = []
    for sku, body in zip(skus, bodies, strict=True):
        family = draw(st.none() | slugs)
        unit_qty = draw(st.none() | st.decimals(min_value=Decimal("0.01"), max_value=1000,
                                                places=2))
        products.append(Product(
            sku=Sku(sku), name=draw(names), price=draw(st.integers(0, 10**7)),
            barcodes=draw(st.sampled_from([(), (body + str(gtin_check_digit(body)),)])),
            category=draw(st.none() | slugs), tags=frozenset(draw(st.lists(slugs, max_size=3))),
            family=family,
            size_rank=draw(st.integers(1, 9)) if family else None,
            size_label=draw(st.none() | names), unit_qty=unit_qty,
            unit=draw(st.none() | st.sampled_from(["oz", "GB", "pack"])),
            cost=draw(st.none() | st.integers(0, 10**6)), active=draw(st.booleans()),
        ))
    return products


@settings(max_examples=60, deadline=None)
@given(product_lists())
def test_any_catalog_round_trips_through_csv(products: list[Product]) -> None:
    assert parse_catalog_csv(catalog_to_csv(products)) == products


def test_the_longest_names_are_the_active_products_longest_first_ties_in_order() -> None:
    catalog = Catalog([Product(Sku("A"), "Tea", 1), Product(Sku("B"), "Latte", 1),
                       Product(Sku("C"), "Mocha", 1), Product(Sku("D"), "Espresso shot", 1,
                                                                active=False),
                       Product(Sku("E"), "Cocoa", 1), Product(Sku("F"), "Flat white", 1)])

    assert catalog.longest_names(3) == ["Flat white", "Latte", "Mocha"]
    assert catalog.longest_names(10) == ["Flat white", "Latte", "Mocha", "Cocoa", "Tea"]
    assert Catalog().longest_names() == []
