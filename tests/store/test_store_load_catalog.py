"""store.catalog.load keeps a product's barcodes as one code or a tuple until the product is
built: every product still comes back with all its codes, EAN-13 form, sorted, and every
code still finds its product."""

from __future__ import annotations

import gc
import heapq
from decimal import Decimal

from pos_prompter.core.catalog import Product, Sku, gtin_check_digit
from pos_prompter.store import Store


def ean13(n: int) -> str:
    body = f"20{n:010d}"
    return body + str(gtin_check_digit(body))


def upc_a(n: int) -> str:
    body = f"{n:011d}"
    return body + str(gtin_check_digit(body))


PRODUCTS = [
    Product(Sku("NONE"), "No barcode", 100),
    Product(Sku("ONE"), "One barcode", 250, barcodes=(ean13(7),), category="snacks",
            tags=frozenset({"salty", "vegan"})),
    # Given out of order, one of them UPC-A: stored (and read back) as sorted EAN-13 codes.
    Product(Sku("THREE"), "Three barcodes", 399, barcodes=(ean13(9), upc_a(5), ean13(3)),
            family="cola", size_rank=2, size_label="Medium", unit_qty=Decimal("0.5"),
            unit="l", cost=120, active=False),
    Product(Sku("TWO"), "Two barcodes", 1, barcodes=(ean13(2), ean13(1))),
]


def test_products_come_back_with_every_barcode_sorted_in_ean13_form(store: Store) -> None:
    store.catalog.import_products(PRODUCTS)
    catalog = store.catalog.load()
    assert len(catalog) == 4
    assert catalog.get("NONE") == PRODUCTS[0]
    assert catalog.get("ONE") == PRODUCTS[1]
    assert catalog.get("THREE").barcodes == ("0" + upc_a(5), ean13(3), ean13(9))
    assert catalog.get("TWO").barcodes == (ean13(1), ean13(2))
    three = catalog.get("THREE")
    assert (three.family, three.size_rank, three.unit_qty, three.cost, three.active) == (
        "cola", 2, Decimal("0.5"), 120, False)


def test_every_code_finds_its_product(store: Store) -> None:
    store.catalog.import_products(PRODUCTS)
    catalog = store.catalog.load()
    for product in PRODUCTS:
        for code in product.barcodes:
            found = catalog.lookup(code)
            assert found is not None
            assert found.sku == product.sku
    assert catalog.lookup(ean13(4)) is None


def test_the_loaded_catalog_leaves_no_list_per_product_for_the_collector(store: Store) -> None:
    """Chain size in miniature: 2,000 products of one barcode each add no tracked object
    per product once loaded (their rows wait as text, their codes as strings)."""
    store.catalog.import_products([Product(Sku(f"P{i:05d}"), f"Product {i}", 100 + i,
                                   barcodes=(ean13(100 + i),)) for i in range(2000)])
    gc.collect()
    before = len(gc.get_objects())
    catalog = store.catalog.load()
    gc.collect()
    assert len(gc.get_objects()) - before < 200
    assert catalog.lookup(ean13(100 + 1999)).sku == "P01999"


def test_every_field_comes_back_exactly_whatever_its_text(store: Store) -> None:
    """The rows wait as JSON that SQLite writes: quotes, backslashes, line breaks, accents,
    emoji and large amounts come back as they were, of the same types."""
    name = 'Caf\u00e9 "Cr\u00e8me" \\ 50% \n\t\u2615\U0001f600'
    odd = Product(Sku("ODD_1.x"), name, 99_999_999_999,
                  barcodes=(ean13(11),), category="hot-drinks", tags=frozenset({"a-b", "c"}),
                  family="f", size_rank=12, size_label="XL \u00bd", unit_qty=Decimal("0.333"),
                  unit="\u00b5l", cost=0, active=True)
    store.catalog.import_products([odd])
    got = store.catalog.load().get("ODD_1.x")
    assert got == odd
    assert [type(getattr(got, f)) for f in ("price", "size_rank", "cost", "unit_qty")] == [
        int, int, int, Decimal]
    assert str(got.unit_qty) == "0.333"


def test_a_loaded_catalog_knows_its_longest_names_without_building_a_product(
        store: Store) -> None:
    """The till's order table measures the longest names (issue 14.2): read with the
    catalog, they are what the built products give, ties in catalog order, inactive
    products left out; asking builds no product (at chain size that took 1.9 s)."""
    products = [Product(Sku(f"P{i:03d}"), f"N{i:03d}" + "y" * (i % 4), 100,
                        active=i % 5 != 0) for i in range(150)]
    store.catalog.import_products(products)
    store.catalog.import_products([Product(Sku("P001"), "Renamed, much longer", 100)])
    catalog = store.catalog.load()

    names = {n: catalog.longest_names(n) for n in (1, 10, 64)}

    assert all(isinstance(record, str) for record in catalog._by_sku.values())  # unbuilt
    built = store.catalog.load()
    for n, got in names.items():
        assert got == heapq.nlargest(n, (p.name for p in built if p.active), key=len), n
    assert names[1] == ["Renamed, much longer"]
    assert names[64][1:3] == ["N003yyy", "N007yyy"]  # ties: the catalog's order
    assert "N015yyy" not in names[64]  # inactive (and as long as those in)
    assert "N035yyy" not in names[64]
    assert catalog.longest_names(100) == heapq.nlargest(  # more than it read: built
        100, (p.name for p in built if p.active), key=len)
