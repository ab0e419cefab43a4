"""import_products: all or nothing, re-import is a no-op, updates in place, never deletes."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from pos_prompter.core.catalog import Product, Sku, gtin_check_digit
from pos_prompter.core.errors import ValidationError
from pos_prompter.store import Store, StoreError

COOKIE_CODE = "2100000000050"


def catalog_rows(store: Store) -> list[dict]:
    return list(store.db.query("SELECT * FROM products ORDER BY sku"))


def barcode_rows(store: Store) -> list[tuple]:
    return store.db.execute("SELECT code, sku FROM barcodes ORDER BY code").fetchall()


def ean13(n: int) -> str:
    body = f"29{n:010d}"
    return body + str(gtin_check_digit(body))


def generated(count: int, price: int = 100) -> list[Product]:
    return [Product(sku=Sku(f"GEN-{i:05d}"), name=f"Generated {i}", price=price + i,
                    barcodes=(ean13(i),), category="retail") for i in range(count)]


def by_sku(products: list[Product]) -> dict[str, Product]:
    return {p.sku: p for p in products}


def test_import_into_an_empty_store_adds_everything(store: Store,
                                                    spec_products: list[Product]) -> None:
    summary = store.import_products(spec_products)
    assert sorted(summary.added) == sorted(p.sku for p in spec_products)
    assert (summary.changed, summary.removed, summary.unchanged) == ([], [], 0)
    assert by_sku(list(store.load_catalog())) == by_sku(spec_products)


def test_reimporting_the_same_file_changes_nothing(cafe_store: Store,
                                                   spec_products: list[Product]) -> None:
    rows, codes = catalog_rows(cafe_store), barcode_rows(cafe_store)
    summary = cafe_store.import_products(spec_products)
    assert (summary.added, summary.changed, summary.removed) == ([], [], [])
    assert summary.unchanged == len(spec_products)
    assert catalog_rows(cafe_store) == rows
    assert barcode_rows(cafe_store) == codes


def test_changed_file_updates_products_in_place(cafe_store: Store,
                                                spec_products: list[Product]) -> None:
    rowids = dict(cafe_store.db.execute("SELECT sku, rowid FROM products").fetchall())
    new_code = ean13(12345)
    changed = [dataclasses.replace(p, price=360, barcodes=(new_code,)) if p.sku == "LATTE-T"
               else p for p in spec_products]
    summary = cafe_store.import_products(changed)
    assert (summary.added, summary.changed) == ([], ["LATTE-T"])
    assert summary.unchanged == len(spec_products) - 1
    catalog = cafe_store.load_catalog()
    assert len(catalog) == len(spec_products)
    assert catalog.get("LATTE-T").price == 360
    assert catalog.lookup(new_code).sku == "LATTE-T"
    assert catalog.lookup("2100000000012") is None
    assert dict(cafe_store.db.execute("SELECT sku, rowid FROM products").fetchall()) == rowids


def test_import_never_deletes_products(cafe_store: Store, spec_products: list[Product]) -> None:
    only_two = [p for p in spec_products if p.sku in ("LATTE-T", "MUG")]
    summary = cafe_store.import_products(only_two)
    assert summary.removed == []
    assert {p.sku for p in cafe_store.load_catalog()} == {p.sku for p in spec_products}
    assert cafe_store.load_catalog().lookup(COOKIE_CODE).sku == "COOKIE"


def test_barcode_of_a_product_outside_the_import_refuses_everything(
        cafe_store: Store, spec_products: list[Product]) -> None:
    rows, codes = catalog_rows(cafe_store), barcode_rows(cafe_store)
    products = [
        dataclasses.replace(spec_products[0], price=999),  # a valid change...
        Product(sku=Sku("NEW-1"), name="New", price=100),  # ...a valid addition...
        Product(sku=Sku("NEW-2"), name="Thief", price=100, barcodes=(COOKIE_CODE,)),
    ]
    with pytest.raises(ValidationError) as err:
        cafe_store.import_products(products)
    assert COOKIE_CODE in str(err.value)
    assert "COOKIE" in str(err.value)
    assert "nothing was changed" in str(err.value)
    assert catalog_rows(cafe_store) == rows
    assert barcode_rows(cafe_store) == codes


def test_barcode_may_move_between_products_of_the_same_import(
        cafe_store: Store, spec_products: list[Product]) -> None:
    products = [dataclasses.replace(p, barcodes=()) if p.sku == "COOKIE" else p
                for p in spec_products]
    products.append(Product(sku=Sku("COOKIE-2"), name="Oat Cookie (new)", price=195,
                            barcodes=(COOKIE_CODE,)))
    summary = cafe_store.import_products(products)
    assert summary.added == ["COOKIE-2"]
    assert summary.changed == ["COOKIE"]
    assert cafe_store.load_catalog().lookup(COOKIE_CODE).sku == "COOKIE-2"


def test_failure_inside_the_write_keeps_nothing(cafe_store: Store,
                                                spec_products: list[Product]) -> None:
    """The CHECK (price_cents >= 0) fails on the last product: the earlier rows of the
    same import must not stay behind."""
    rows, codes = catalog_rows(cafe_store), barcode_rows(cafe_store)
    products = [*generated(50), Product(sku=Sku("BAD"), name="Bad", price=-1)]
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        cafe_store.import_products(products)
    assert catalog_rows(cafe_store) == rows
    assert barcode_rows(cafe_store) == codes
    assert not cafe_store.db.conn.in_transaction


def fill_disk(store: Store) -> None:
    """A real SQLITE_FULL: the file may not grow beyond the pages it has now."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_disk_full_during_import_changes_nothing(cafe_store: Store) -> None:
    rows, codes = catalog_rows(cafe_store), barcode_rows(cafe_store)
    fill_disk(cafe_store)
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        cafe_store.import_products(generated(500))
    assert catalog_rows(cafe_store) == rows
    assert barcode_rows(cafe_store) == codes


def test_disk_full_during_import_is_a_store_error(cafe_store: Store) -> None:
    """StoreError is what the CLI and the till show as one sentence; a raw sqlite3 error
    would surface as a traceback."""
    fill_disk(cafe_store)
    with pytest.raises(StoreError, match="disk is full"):
        cafe_store.import_products(generated(500))


def test_large_import_reports_increasing_progress(store: Store) -> None:
    calls: list[tuple[int, int]] = []
    products = generated(5000)
    summary = store.import_products(products, progress=lambda d, t: calls.append((d, t)))
    assert len(summary.added) == 5000
    assert len(calls) > 2
    assert calls[-1] == (5000, 5000)
    assert all(total == 5000 for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(set(done))
    catalog = store.load_catalog()
    assert len(catalog) == 5000
    assert catalog.lookup(ean13(4999)).sku == "GEN-04999"
