"""import_products: all or nothing, re-import is a no-op, updates in place, never deletes;
staged without locking the store, so tills in other processes go on saving scans, then
applied in one short transaction against the store as it is at that moment."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pos_prompter.core.catalog import Product, Sku, gtin_check_digit
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store, StoreError
from pos_prompter.store.audit import audit_entries
from pos_prompter.store.catalog_store import IMPORT_CHUNK
from pos_prompter.till import Till

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
    summary = store.catalog.import_products(spec_products)
    assert sorted(summary.added) == sorted(p.sku for p in spec_products)
    assert (summary.changed, summary.removed, summary.unchanged) == ([], [], 0)
    assert by_sku(list(store.catalog.load())) == by_sku(spec_products)


def test_reimporting_the_same_file_changes_nothing(cafe_store: Store,
                                                   spec_products: list[Product]) -> None:
    rows, codes = catalog_rows(cafe_store), barcode_rows(cafe_store)
    summary = cafe_store.catalog.import_products(spec_products)
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
    summary = cafe_store.catalog.import_products(changed)
    assert (summary.added, summary.changed) == ([], ["LATTE-T"])
    assert summary.unchanged == len(spec_products) - 1
    catalog = cafe_store.catalog.load()
    assert len(catalog) == len(spec_products)
    assert catalog.get("LATTE-T").price == 360
    assert catalog.lookup(new_code).sku == "LATTE-T"
    assert catalog.lookup("2100000000012") is None
    assert dict(cafe_store.db.execute("SELECT sku, rowid FROM products").fetchall()) == rowids


def test_import_never_deletes_products(cafe_store: Store, spec_products: list[Product]) -> None:
    only_two = [p for p in spec_products if p.sku in ("LATTE-T", "MUG")]
    summary = cafe_store.catalog.import_products(only_two)
    assert summary.removed == []
    assert {p.sku for p in cafe_store.catalog.load()} == {p.sku for p in spec_products}
    assert cafe_store.catalog.load().lookup(COOKIE_CODE).sku == "COOKIE"


def test_barcode_of_a_product_outside_the_import_refuses_everything(
        cafe_store: Store, spec_products: list[Product]) -> None:
    rows, codes = catalog_rows(cafe_store), barcode_rows(cafe_store)
    products = [
        dataclasses.replace(spec_products[0], price=999),  # a valid change...
        Product(sku=Sku("NEW-1"), name="New", price=100),  # ...a valid addition...
        Product(sku=Sku("NEW-2"), name="Thief", price=100, barcodes=(COOKIE_CODE,)),
    ]
    with pytest.raises(ValidationError) as err:
        cafe_store.catalog.import_products(products)
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
    summary = cafe_store.catalog.import_products(products)
    assert summary.added == ["COOKIE-2"]
    assert summary.changed == ["COOKIE"]
    assert cafe_store.catalog.load().lookup(COOKIE_CODE).sku == "COOKIE-2"


def test_failure_inside_the_write_keeps_nothing(cafe_store: Store,
                                                spec_products: list[Product]) -> None:
    """The CHECK (price_cents >= 0) fails on the last product: the earlier rows of the
    same import must not stay behind."""
    rows, codes = catalog_rows(cafe_store), barcode_rows(cafe_store)
    products = [*generated(50), Product(sku=Sku("BAD"), name="Bad", price=-1)]
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        cafe_store.catalog.import_products(products)
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
        cafe_store.catalog.import_products(generated(500))
    assert catalog_rows(cafe_store) == rows
    assert barcode_rows(cafe_store) == codes


def test_disk_full_during_import_is_a_store_error(cafe_store: Store) -> None:
    """StoreError is what the CLI and the till show as one sentence; a raw sqlite3 error
    would surface as a traceback."""
    fill_disk(cafe_store)
    with pytest.raises(StoreError, match="disk is full"):
        cafe_store.catalog.import_products(generated(500))


def test_large_import_reports_increasing_progress(store: Store) -> None:
    calls: list[tuple[int, int]] = []
    products = generated(5000)
    summary = store.catalog.import_products(products, progress=lambda d, t: calls.append((d, t)))
    assert len(summary.added) == 5000
    assert len(calls) > 2
    assert calls[-1] == (5000, 5000)
    assert all(total == 5000 for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(set(done))
    catalog = store.catalog.load()
    assert len(catalog) == 5000
    assert catalog.lookup(ean13(4999)).sku == "GEN-04999"


def temp_tables(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT name FROM sqlite_temp_master")]


def test_progress_reaches_the_end_once_the_import_is_committed(store_path: Path) -> None:
    """Progress counts the rows checked and staged; the last report, (total, total), comes
    when the products are in the store for everyone."""
    with Store.open(store_path, create=True) as store, Store.open(store_path) as other:
        seen: list[tuple[int, int, int]] = []

        def progress(done: int, total: int) -> None:
            visible = other.db.execute("SELECT count(*) FROM products").fetchone()[0]
            seen.append((done, total, visible))

        store.catalog.import_products(generated(3500), progress)
        assert seen == [(1000, 3500, 0), (2000, 3500, 0), (3000, 3500, 0),
                        (3500, 3500, 3500)]
        assert temp_tables(store) == []


def test_a_till_saves_scans_while_an_import_is_staged(cafe_path: Path,
                                                      clock: FixedClock) -> None:
    """Staging takes no lock on the store: a till in another connection that never waits
    (busy timeout 0) saves its scans in the middle of a large import."""
    with Store.open(cafe_path) as store, Store.open(cafe_path) as till_store:
        till_store.db.conn.execute("PRAGMA busy_timeout = 0")
        till = Till(till_store, clock)
        scans: list[list[str]] = []

        def progress(done: int, total: int) -> None:
            if done < total:
                scans.append([e.event for e in till.scan("2100000000012")])

        summary = store.catalog.import_products(generated(2500), progress)
        assert len(summary.added) == 2500
        assert len(scans) == 2
        assert all("error" not in events for events in scans)
        assert till.order_id is not None
        assert [r["sku"] for r in store.sales.order_lines(till.order_id)] == ["LATTE-T", "LATTE-T"]


def test_the_import_compares_with_the_store_as_it_is_when_applied(
        cafe_path: Path, spec_products: list[Product]) -> None:
    """Another process changes products while the import is staged. The import is compared
    with the store as it is when applied: what the other process set is the `before` of
    the audit, a product it changed is put back as the file has it, and a product it set
    to what the file says is unchanged."""
    old = by_sku(spec_products)
    ours = [dataclasses.replace(p, price=360) if p.sku == "LATTE-T"
            else dataclasses.replace(p, price=1500) if p.sku == "MUG" else p
            for p in spec_products] + generated(2500)
    with Store.open(cafe_path) as store, Store.open(cafe_path) as other:

        def meanwhile(done: int, total: int) -> None:
            if done == IMPORT_CHUNK:
                other.catalog.import_products([dataclasses.replace(old["LATTE-T"], price=999),
                                       dataclasses.replace(old["COOKIE"], price=1),
                                       dataclasses.replace(old["MUG"], price=1500)],
                                      actor="bob")

        summary = store.catalog.import_products(ours, meanwhile, actor="ann")
        assert summary.changed == ["LATTE-T", "COOKIE"]
        assert summary.unchanged == len(spec_products) - 2
        log = {e.entity_id: e for e in audit_entries(store, actor="ann", entity="product")
               if e.action == "change"}
        assert set(log) == {"LATTE-T", "COOKIE"}
        assert (log["LATTE-T"].before["price_cents"], log["LATTE-T"].after["price_cents"]) \
            == (999, 360)
        assert (log["COOKIE"].before["price_cents"], log["COOKIE"].after["price_cents"]) \
            == (1, 195)
        assert log["COOKIE"].changed_fields() == ["price_cents"]
        catalog = store.catalog.load()
        assert [catalog.get(sku).price for sku in ("LATTE-T", "COOKIE", "MUG")] == [
            360, 195, 1500]


def test_a_barcode_taken_meanwhile_refuses_the_whole_import(cafe_path: Path) -> None:
    code = ean13(77777)
    ours = [*generated(2500), Product(sku=Sku("NEW-1"), name="New", price=100,
                                      barcodes=(code,))]
    with Store.open(cafe_path) as store, Store.open(cafe_path) as other:
        revision = store.publish_revision()

        def meanwhile(done: int, total: int) -> None:
            if done == IMPORT_CHUNK:
                other.catalog.import_products([Product(sku=Sku("OTHER"), name="Other", price=100,
                                               barcodes=(code,))])

        with pytest.raises(ValidationError,
                           match=f"barcode {code} of NEW-1 already belongs to OTHER"):
            store.catalog.import_products(ours, meanwhile, actor="ann")
        catalog = store.catalog.load()
        assert catalog.lookup(code).sku == "OTHER"
        assert catalog.get("NEW-1") is None
        assert catalog.get("GEN-00000") is None
        assert audit_entries(store, actor="ann") == []
        assert store.publish_revision() == revision + 1  # other's import only
        assert temp_tables(store) == []
        assert not store.db.conn.in_transaction


def test_a_bad_file_is_refused_before_the_store_is_locked(cafe_path: Path) -> None:
    """Checking and staging take no lock: while another writer holds the store, a file with
    a bad row is refused for that row, never for a busy store."""
    with Store.open(cafe_path) as store, Store.open(cafe_path) as other:
        rows, codes = catalog_rows(store), barcode_rows(store)
        store.db.conn.execute("PRAGMA busy_timeout = 100")
        other.db.conn.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match="CHECK constraint failed"):
                store.catalog.import_products([*generated(2500),
                                       Product(sku=Sku("BAD"), name="Bad", price=-1)])
            with pytest.raises(ValidationError, match="SKU GEN-00001 is given twice"):
                store.catalog.import_products([*generated(3), generated(3)[1]])
            with pytest.raises(ValidationError,
                               match=f"barcode {ean13(1)} of X is also given to GEN-00001"):
                store.catalog.import_products([*generated(3), Product(sku=Sku("X"), name="X",
                                                              price=1, barcodes=(ean13(1),))])
        finally:
            other.db.conn.rollback()
        assert catalog_rows(store) == rows
        assert barcode_rows(store) == codes
        assert temp_tables(store) == []


def test_an_import_inside_a_write_is_part_of_it(cafe_store: Store) -> None:
    rows = catalog_rows(cafe_store)

    def import_then_fail() -> None:
        with cafe_store.write():
            cafe_store.catalog.import_products(generated(1500))
            assert len(cafe_store.catalog.load()) == len(rows) + 1500
            raise RuntimeError("the outer write fails")

    with pytest.raises(RuntimeError, match="the outer write fails"):
        import_then_fail()
    assert catalog_rows(cafe_store) == rows
    assert temp_tables(cafe_store) == []


KILLED_IMPORT = """
import dataclasses, sys
from pos_prompter.core.catalog import Product, Sku, gtin_check_digit
from pos_prompter.store import Store

def ean13(n):
    body = f"29{n:010d}"
    return body + str(gtin_check_digit(body))

store = Store.open(sys.argv[1])
store.db.conn.execute("PRAGMA cache_size = 10")  # a few pages: the rest go to the WAL
latte = dataclasses.replace(store.catalog.load().get("LATTE-T"), price=999)
products = [latte] + [Product(Sku(f"GEN-{i:05d}"), f"Generated {i}", 100 + i, (ean13(i),))
                      for i in range(3000)]
statements = []

def hold_at_commit(sql):
    statements.append(sql)
    if sql == "COMMIT" and "BEGIN IMMEDIATE" in statements:
        print("ready", flush=True)  # every row written, the COMMIT not yet run
        sys.stdin.readline()

store.db.conn.set_trace_callback(hold_at_commit)
store.catalog.import_products(products, actor="killed")
print("committed", flush=True)
"""

needs_sigkill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


@needs_sigkill
def test_an_import_killed_before_its_commit_leaves_the_store_as_it_was(
        cafe_path: Path) -> None:
    """SIGKILL in the final transaction, its rows written (partly into the write-ahead
    log) but not committed: the store reopens as it was, and imports again."""
    with Store.open(cafe_path) as store:
        rows, codes = catalog_rows(store), barcode_rows(store)
        logged, revision = len(audit_entries(store)), store.publish_revision()
    proc = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(cafe_path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line.strip() != "ready":
            proc.kill()
            assert proc.stderr is not None
            pytest.fail(f"the import did not reach its commit: {line!r} {proc.stderr.read()}")
        assert cafe_path.with_name(cafe_path.name + "-wal").stat().st_size > 0
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    with Store.open(cafe_path) as store:
        assert catalog_rows(store) == rows
        assert barcode_rows(store) == codes
        assert len(audit_entries(store)) == logged
        assert store.publish_revision() == revision
        assert len(store.catalog.import_products(generated(10)).added) == 10


def test_skus_and_categories_are_read_without_building_every_product(
        cafe_store: Store) -> None:
    """The workspace's rule list wants every SKU (its product filter) and every category
    (its category filter); at chain size, building 100,000 products for that took seconds."""
    catalog = cafe_store.catalog.load()
    built: list[str] = []
    build = catalog._build
    assert build is not None

    def counting(record: tuple) -> Product:
        built.append(record[0])
        return build(record)

    catalog._build = counting
    skus = catalog.skus()
    categories = cafe_store.catalog.categories()
    assert built == []
    products = list(catalog)  # what the filters used to do
    assert sorted(skus) == sorted(p.sku for p in products)
    assert categories == sorted({p.category for p in products if p.category})
    assert len(built) == len(products)
