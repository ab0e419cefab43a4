"""A catalog file that leaves out an optional column keeps each existing product's stored
value of it (docs/decisions.md): a price update file `sku,name,price` must not clear the
barcodes the till scans. An empty cell of a column the file has still clears the field;
a product new to the store takes the defaults."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from pos_prompter.core.catalog import read_catalog_csv
from pos_prompter.imports import CATALOG, apply_preview, read_preview
from pos_prompter.store import ImportSummary, Store
from pos_prompter.store.audit import audit_entries

FULL = (
    "sku,name,price,barcodes,category,tags,family,size_rank,size_label,unit_qty,unit,"
    "cost,active\n"
    "LATTE-T,Latte Tall,3.45,2100000000012,coffee,hot-drink|vegan,latte,1,Tall,12,oz,"
    "0.80,true\n"
    "LATTE-G,Latte Grande,3.95,2100000000029|042100005264,coffee,hot-drink,latte,2,"
    "Grande,16,oz,0.95,false\n"
)
PRICES = ("sku,name,price\n"
          "LATTE-T,Latte Tall,3.45\n"
          "LATTE-G,Latte Grande,4.05\n")


def import_text(store: Store, text: str, actor: str = "ann") -> ImportSummary:
    catalog_file = read_catalog_csv(text)
    return store.catalog.import_products(catalog_file.products, actor=actor,
                                 columns=catalog_file.columns)


@pytest.fixture
def full_store(store_path: Path) -> Store:
    store = Store.open(store_path, create=True)
    import_text(store, FULL)
    return store


def test_a_price_only_file_changes_only_the_price(full_store: Store) -> None:
    with full_store as store:
        before = store.catalog.load()
        summary = import_text(store, PRICES, actor="bob")
        assert (summary.added, summary.changed, summary.unchanged) == ([], ["LATTE-G"], 1)
        after = store.catalog.load()
        for sku in ("LATTE-T", "LATTE-G"):
            old, new = before.get(sku), after.get(sku)
            assert old is not None
            assert new is not None
            price = 405 if sku == "LATTE-G" else old.price
            assert new == dataclasses.replace(old, price=price)
        grande = after.get("LATTE-G")
        assert grande is not None
        assert grande.barcodes == ("0042100005264", "2100000000029")
        assert (grande.category, grande.tags, grande.family, grande.size_rank,
                grande.size_label, grande.unit_qty, grande.unit, grande.cost,
                grande.active) == ("coffee", frozenset({"hot-drink"}), "latte", 2, "Grande",
                                   Decimal("16"), "oz", 95, False)
        # The till still scans it, through the store's own lookup.
        scanned = store.catalog.load().lookup("2100000000029")
        assert scanned is not None
        assert (scanned.sku, scanned.price) == ("LATTE-G", 405)
        tall = store.catalog.load().lookup("2100000000012")
        assert tall is not None
        assert tall.tags == frozenset({"hot-drink", "vegan"})


def test_an_empty_barcodes_cell_still_clears_them(full_store: Store) -> None:
    with full_store as store:
        import_text(store, "sku,name,price,barcodes\nLATTE-G,Latte Grande,3.95,\n")
        grande = store.catalog.load().get("LATTE-G")
        assert grande is not None
        assert grande.barcodes == ()
        assert grande.category == "coffee"  # not in the file: kept
        assert store.catalog.load().lookup("2100000000029") is None


def test_a_new_product_in_a_price_only_file_gets_the_defaults(full_store: Store) -> None:
    with full_store as store:
        summary = import_text(store, PRICES + "TEA,Tea,2.00\n")
        assert summary.added == ["TEA"]
        tea = store.catalog.load().get("TEA")
        assert tea is not None
        assert (tea.barcodes, tea.category, tea.tags, tea.family, tea.size_rank,
                tea.size_label, tea.unit_qty, tea.unit, tea.cost, tea.active) == (
            (), None, frozenset(), None, None, None, None, None, None, True)
        grande = store.catalog.load().lookup("2100000000029")  # beside it: kept
        assert grande is not None
        assert (grande.sku, grande.active) == ("LATTE-G", False)


def test_the_same_price_only_file_twice_is_a_no_op(full_store: Store) -> None:
    with full_store as store:
        assert import_text(store, PRICES).changed == ["LATTE-G"]  # LATTE-T: same price
        revision = store.publish_revision()
        audited = len(audit_entries(store))
        again = import_text(store, PRICES, actor="bob")
        assert (again.added, again.changed, again.unchanged) == ([], [], 2)
        assert store.publish_revision() == revision
        assert len(audit_entries(store)) == audited
        assert audit_entries(store, actor="bob") == []


def test_the_audit_of_a_price_only_import_records_only_the_price(full_store: Store) -> None:
    with full_store as store:
        import_text(store, PRICES, actor="bob")
        entries = audit_entries(store, actor="bob")
        assert [(e.entity_id, e.action) for e in entries] == [("LATTE-G", "change")]
        assert entries[0].changed_fields() == ["price_cents"]
        assert entries[0].after["barcodes"] == ["0042100005264", "2100000000029"]


def test_the_preview_lists_only_the_price_and_applies_as_shown(full_store: Store,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "prices.csv"
    path.write_text(PRICES, encoding="utf-8")
    with full_store as store:
        preview = read_preview(store, CATALOG, path)
        assert preview.changed == ("LATTE-G: price 3.95 \N{RIGHTWARDS ARROW} 4.05",)
        assert (preview.added, preview.unchanged) == ((), 1)
        apply_preview(store, preview, "bob")
        grande = store.catalog.load().lookup("2100000000029")
        assert grande is not None
        assert (grande.sku, grande.price) == ("LATTE-G", 405)
        assert not read_preview(store, CATALOG, path).changes_anything


def test_products_built_in_code_still_give_every_field(full_store: Store) -> None:
    with full_store as store:
        products = read_catalog_csv(PRICES).products
        store.catalog.import_products(products)  # no columns: every field as given
        grande = store.catalog.load().get("LATTE-G")
        assert grande is not None
        assert (grande.barcodes, grande.category) == ((), None)
