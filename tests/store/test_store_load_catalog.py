"""Store.load_catalog keeps a product's barcodes as one code or a tuple until the product is
built: every product still comes back with all its codes, EAN-13 form, sorted, and every
code still finds its product."""

from __future__ import annotations

import gc
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
    store.import_products(PRODUCTS)
    catalog = store.load_catalog()
    assert len(catalog) == 4
    assert catalog.get("NONE") == PRODUCTS[0]
    assert catalog.get("ONE") == PRODUCTS[1]
    assert catalog.get("THREE").barcodes == ("0" + upc_a(5), ean13(3), ean13(9))
    assert catalog.get("TWO").barcodes == (ean13(1), ean13(2))
    three = catalog.get("THREE")
    assert (three.family, three.size_rank, three.unit_qty, three.cost, three.active) == (
        "cola", 2, Decimal("0.5"), 120, False)


def test_every_code_finds_its_product(store: Store) -> None:
    store.import_products(PRODUCTS)
    catalog = store.load_catalog()
    for product in PRODUCTS:
        for code in product.barcodes:
            found = catalog.lookup(code)
            assert found is not None
            assert found.sku == product.sku
    assert catalog.lookup(ean13(4)) is None


def test_the_loaded_catalog_leaves_no_list_per_product_for_the_collector(store: Store) -> None:
    """Chain size in miniature: 2,000 products of one barcode each add no tracked object
    per product once loaded (their rows are tuples of plain values, their codes strings)."""
    store.import_products([Product(Sku(f"P{i:05d}"), f"Product {i}", 100 + i,
                                   barcodes=(ean13(100 + i),)) for i in range(2000)])
    gc.collect()
    before = len(gc.get_objects())
    catalog = store.load_catalog()
    gc.collect()
    assert len(gc.get_objects()) - before < 200
    assert catalog.lookup(ean13(100 + 1999)).sku == "P01999"
