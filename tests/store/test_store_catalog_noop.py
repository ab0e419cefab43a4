"""Re-importing the same catalog is a no-op (catalog.md): the publish revision stays put,
so open tills do not reload and tell the clerk prices changed, and nothing is audited. A
barcode held by a product the file leaves out is refused naming the file's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.core.errors import ValidationError
from pos_prompter.imports import CATALOG, apply_preview, read_preview
from pos_prompter.store import Store
from pos_prompter.store.audit import audit_entries

SPEC_CATALOG = Path(__file__).parent / "spec_examples" / "catalog.csv"


def spec_text() -> str:
    return SPEC_CATALOG.read_text(encoding="utf-8")


def test_the_same_file_again_keeps_the_revision_and_audits_nothing(store_path: Path) -> None:
    with Store.open(store_path, create=True) as store:
        first = store.catalog.import_products(parse_catalog_csv(spec_text()), actor="ann")
        assert len(first.added) == 7
        revision = store.publish_revision()
        audited = len(audit_entries(store))
    with Store.open(store_path) as store:  # a later run, as the CLI does it
        again = store.catalog.import_products(parse_catalog_csv(spec_text()), actor="bob")
        assert (again.added, again.changed, again.unchanged) == ([], [], 7)
        assert store.publish_revision() == revision
        assert len(audit_entries(store)) == audited
        assert audit_entries(store, actor="bob") == []


def test_a_real_change_still_moves_the_revision_once(store_path: Path) -> None:
    with Store.open(store_path, create=True) as store:
        store.catalog.import_products(parse_catalog_csv(spec_text()), actor="ann")
        revision = store.publish_revision()
        changed = spec_text().replace("Latte Grande,3.95", "Latte Grande,4.05")
        summary = store.catalog.import_products(parse_catalog_csv(changed), actor="bob")
        assert summary.changed == ["LATTE-G"]
        assert store.publish_revision() == revision + 1
        assert [e.entity_id for e in audit_entries(store, actor="bob")] == ["LATTE-G"]


def test_the_same_file_through_the_preview_keeps_the_revision(store_path: Path,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(spec_text(), encoding="utf-8")
    with Store.open(store_path, create=True) as store:
        apply_preview(store, read_preview(store, CATALOG, path), "ann")
        revision = store.publish_revision()
        preview = read_preview(store, CATALOG, path)
        assert not preview.changes_anything
        apply_preview(store, preview, "ann")
        assert store.publish_revision() == revision


def test_a_taken_barcode_is_refused_naming_the_row_of_the_file(store_path: Path) -> None:
    text = ("sku,name,price,barcodes\n"
            "TEA,Tea,2.00,\n"
            "\n"
            "NEW,New thing,1.00,2100000000029\n")  # LATTE-G's code; LATTE-G is not in the file
    with Store.open(store_path, create=True) as store:
        store.catalog.import_products(parse_catalog_csv(spec_text()))
        revision = store.publish_revision()
        with pytest.raises(ValidationError) as info:
            store.catalog.import_products(parse_catalog_csv(text), actor="ann")
        assert info.value.problems == [
            "line 4, column barcodes: barcode 2100000000029 of NEW already belongs to LATTE-G"]
        assert store.catalog.load().get("TEA") is None
        assert store.publish_revision() == revision
        assert audit_entries(store, actor="ann") == []
