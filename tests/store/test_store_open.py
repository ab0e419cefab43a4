"""Opening a store file: one SQLite file per store, WAL, foreign keys on, FULL sync."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pos_prompter.store import Store, StoreError
from pos_prompter.store.migrations import step_names


def pragma(store: Store, name: str) -> object:
    return store.db.execute(f"PRAGMA {name}").fetchone()[0]


def test_an_opened_store_uses_wal(cafe_store: Store) -> None:
    assert pragma(cafe_store, "journal_mode") == "wal"


def test_an_opened_store_enforces_foreign_keys(cafe_store: Store) -> None:
    assert pragma(cafe_store, "foreign_keys") == 1


def test_an_opened_store_syncs_fully(cafe_store: Store) -> None:
    assert pragma(cafe_store, "synchronous") == 2  # FULL


def test_a_new_store_gets_every_migration(store: Store) -> None:
    assert store.schema_version() == step_names()
    assert len(store.schema_version()) >= 3


def test_create_makes_the_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "store.db"
    with Store.open(path, create=True):
        pass
    assert path.is_file()


def test_missing_store_without_create_names_init(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "store.db"
    with pytest.raises(StoreError, match="pos-prompter init") as err:
        Store.open(path)
    assert str(path) in str(err.value)
    assert not path.exists()
    assert not path.parent.exists()


@pytest.mark.parametrize("content", [
    pytest.param(random.Random(7).randbytes(8192), id="random-bytes"),
    pytest.param(b"sku,name,price\nLATTE-T,Latte Tall,3.45\n" * 40, id="text-file"),
])
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as err:
        Store.open(path)
    message = str(err.value)
    assert str(path) in message
    assert "not a usable store" in message
    assert "\n" not in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.db"]


def open_descriptors(path: Path) -> list[str]:
    fd_dir = Path("/proc/self/fd")
    found = []
    for fd in fd_dir.iterdir():
        try:
            target = fd.readlink()
        except OSError:
            continue
        if str(target).startswith(str(path)):
            found.append(str(target))
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_a_refused_file_is_not_left_open(tmp_path: Path) -> None:
    """The till shows the StoreError and carries on; the refused file must not stay open
    (on Windows an open handle also stops the user replacing the file)."""
    path = tmp_path / "notes.txt"
    path.write_text("not a store\n" * 100)
    with pytest.raises(StoreError) as err:
        Store.open(path)
    # `err` keeps the error alive, as a message on screen does.
    assert "not a usable store" in str(err.value)
    assert open_descriptors(path) == []
