"""Opening a store file that is not one, or one that cannot be written (issue 11, points 7
and 8): an empty file, a text file, a SQLite database without our tables are refused in one
sentence and left byte for byte as they were; a store in a read-only folder, a read-only
store file and a store on a full disk open for reading, and every write is refused with a
sentence saying why. Real files, real read-only mounts or permissions, a real full disk
(fault_support)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from fault_support import digest, fill, listing, read_only, small_disk

from pos_prompter.bootstrap import init_store
from pos_prompter.core.catalog import Product, Sku
from pos_prompter.core.errors import InputError
from pos_prompter.store import Store, StoreError
from pos_prompter.store.migrations import step_names
from pos_prompter.store.store import copy_store

OLD_STORE = Path(__file__).parent / "data" / "store-m002.db"


def sqlite_without_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # a header and nothing else
    conn.commit()
    conn.close()


def one_sentence(exc: pytest.ExceptionInfo[StoreError], path: Path, *needles: str) -> str:
    message = str(exc.value)
    assert "\n" not in message
    assert str(path) in message
    for needle in needles:
        assert needle in message, message
    return message


# ---------------------------------------------------------------- files that are no store


def test_an_empty_file_is_refused_never_made_a_store(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"")

    with pytest.raises(StoreError) as err:
        Store.open(path)

    one_sentence(err, path, "empty (0 bytes)", "left as it is", "backup",
                 f"pos-prompter init --db {path}")
    assert path.stat().st_size == 0
    assert listing(tmp_path) == {"store.db": digest(path)}  # no -wal, no -shm


@pytest.mark.parametrize("opener", [Store.open_copy,
                                    lambda path: copy_store(path, path.with_name("copy.db"))],
                         ids=["open_copy", "copy_store"])
def test_an_empty_file_is_refused_when_read_only_too(tmp_path: Path, opener) -> None:
    """lint and simulate --dry-run read an in-memory copy; practice copies the store."""
    path = tmp_path / "store.db"
    path.write_bytes(b"")
    with pytest.raises(StoreError) as err:
        opener(path)
    one_sentence(err, path, "empty (0 bytes)")
    assert listing(tmp_path) == {"store.db": digest(path)}


def test_a_sqlite_database_without_our_tables_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    sqlite_without_tables(path)
    before = digest(path)

    with pytest.raises(StoreError) as err:
        Store.open(path)

    one_sentence(err, path, "not a usable store", "without pos-prompter's tables")
    assert listing(tmp_path) == {"store.db": before}


def test_only_create_makes_a_store_of_an_empty_path(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store.open(path, create=True) as store:
        assert store.read_only is None
        assert store.schema_version() == step_names()


# ---------------------------------------------------------------- read-only


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A closed store with one product, in a folder of its own."""
    path = tmp_path / "shop" / "store.db"
    with Store.open(path, create=True) as store:
        store.catalog.import_products([Product(Sku("LATTE"), "Latte", 345)])
    return path


def test_a_store_in_a_read_only_folder_is_read_and_never_written(shop: Path) -> None:
    before = listing(shop.parent)
    with read_only(shop.parent):
        with Store.open(shop) as store:
            assert store.read_only is not None
            assert [p.sku for p in store.catalog.load()] == ["LATTE"]
            assert store.get_setting("currency", "none") is not None
            with pytest.raises(StoreError) as err:
                store.set_settings({"store_name": "Corner"})
        assert listing(shop.parent) == before
    one_sentence(err, shop, "is read-only", "nothing was saved")


def test_a_read_only_store_file_in_a_writable_folder_leaves_no_wal_or_shm(shop: Path) -> None:
    before = listing(shop.parent)
    with read_only(shop):
        with Store.open(shop) as store:
            assert [p.sku for p in store.catalog.load()] == ["LATTE"]
            with pytest.raises(StoreError, match="is read-only"):
                store.catalog.import_products([Product(Sku("TEA"), "Tea", 200)])
        assert listing(shop.parent) == before


def test_an_older_store_in_a_read_only_folder_is_upgraded_in_memory_only(
        tmp_path: Path) -> None:
    path = tmp_path / "old" / "store.db"
    path.parent.mkdir()
    shutil.copyfile(OLD_STORE, path)
    before = listing(path.parent)
    with read_only(path.parent):
        with Store.open(path) as store:
            assert store.schema_version() == step_names()  # every step, in the copy
            assert store.catalog.load()
            assert store.read_only is not None
        assert listing(path.parent) == before


def test_a_read_only_folder_is_no_place_to_create_a_store(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder), pytest.raises(StoreError) as err:
        Store.open(folder / "store.db", create=True)
    one_sentence(err, folder / "store.db", "cannot create a store", "cannot be written")
    assert list(folder.iterdir()) == []


# ---------------------------------------------------------------- a full disk


@pytest.mark.slow
def test_a_full_disk_refuses_the_write_whole_and_the_store_stays_readable(
        tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 2048) as disk:
        path = disk / "store.db"
        with Store.open(path, create=True) as store:
            store.catalog.import_products([Product(Sku("LATTE"), "Latte", 345)])
        filler = fill(disk, leave=300 * 1024)  # room to open, not to import
        many = [Product(Sku(f"P{i:05d}"), f"Product number {i} with a long name", 100 + i)
                for i in range(20000)]

        with Store.open(path) as store:
            assert store.read_only is None
            with pytest.raises(StoreError) as err:
                store.catalog.import_products(many)
            assert [p.sku for p in store.catalog.load()] == ["LATTE"]  # nothing half-made
        one_sentence(err, path, "the disk is full where", "is kept", "nothing was saved")

        filler.unlink()
        filler = fill(disk)  # now not even the -shm file fits
        with Store.open(path) as store:
            assert "is full" in (store.read_only or "")
            assert [p.sku for p in store.catalog.load()] == ["LATTE"]
            with pytest.raises(StoreError, match="is full"):
                store.set_settings({"store_name": "Corner"})
        with Store.open_copy(path) as copy:  # past the empty -wal the failed open left
            assert [p.sku for p in copy.catalog.load()] == ["LATTE"]

        filler.unlink()
        with Store.open(path) as store:  # space again: the store is whole and writable
            assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            store.catalog.import_products(many[:10])
            assert len(store.catalog.load()) == 11


@pytest.mark.slow
@pytest.mark.parametrize("leave_kb", [0, 100], ids=["no-room", "little-room"])
def test_a_store_init_could_not_finish_is_not_left_behind(tmp_path: Path, leave_kb: int) -> None:
    """Left behind, an empty file would be refused at the next start as no store, and a
    -wal file would be taken into the next store made there."""
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "store.db"
        filler = fill(disk, leave=leave_kb * 1024)
        with pytest.raises(StoreError, match="disk is full"):
            init_store(path, "cafe")
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]

        filler.unlink()
        with init_store(path, "cafe") as store:  # space again: the first run works
            assert store.rules.load()


def test_init_refuses_a_path_with_a_wal_left_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    wal = tmp_path / "store.db-wal"
    wal.write_bytes(b"the last pages of a store someone deleted")
    with pytest.raises(InputError, match=r"store\.db-wal beside it"):
        init_store(path)
    assert listing(tmp_path) == {"store.db-wal": digest(wal)}
