"""What can be wrong with a store file (store.store_file), each said in one sentence for a
manager: found before SQLite opens it, or read from the error SQLite really gave (real
files in tmp_path, real SQLite errors). Store.open's use of them: test_store_open.py and
test_store_open_faults.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos_prompter.store.store_file import (
    SHM_MIN,
    created_failure_text,
    failure_text,
    file_problem,
    missing_text,
    read_only_text,
    read_only_uri,
    unwritable_text,
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with sqlite3.connect(path) as made:
        made.execute("CREATE TABLE t (x INTEGER UNIQUE)")
    made.close()
    return path


def raised(run: object) -> sqlite3.Error:
    assert callable(run)
    with pytest.raises(sqlite3.Error) as info:
        run()
    return info.value


def test_a_missing_path_says_how_to_make_a_store_and_makes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    assert file_problem(path) == missing_text(path)
    assert missing_text(path).endswith(f"(create one with 'pos-prompter init --db {path}')")
    assert not path.exists()


def test_a_folder_or_an_empty_file_is_no_store(tmp_path: Path) -> None:
    assert file_problem(tmp_path) == (f"{tmp_path} is a folder, not a store file; give the "
                                      "store file itself with --db")
    empty = tmp_path / "empty.db"
    empty.touch()
    problem = file_problem(empty)
    assert problem is not None
    assert "it is empty (0 bytes), and it was left as it is" in problem
    assert empty.stat().st_size == 0


def test_a_file_with_content_is_left_to_sqlite(db: Path, tmp_path: Path) -> None:
    assert file_problem(db) is None
    text = tmp_path / "notes.txt"
    text.write_text("not a database, but SQLite says so itself\n" * 100)
    assert file_problem(text) is None
    error = raised(lambda: sqlite3.connect(text).execute("SELECT * FROM sqlite_master"))
    assert failure_text(error, text) == (
        f"{text} is not a usable store: it is not a SQLite database (or its first page is "
        "damaged), and it was left as it is. Check the path given with --db, or restore the "
        "store from a backup")


def test_a_closed_store_is_read_immutable_an_open_one_through_its_wal(db: Path) -> None:
    base = db.resolve().as_uri()
    assert read_only_uri(db) == base + "?mode=ro&immutable=1"
    wal, shm = db.with_name("store.db-wal"), db.with_name("store.db-shm")
    wal.touch()
    shm.write_bytes(b"\0" * 100)  # a short -shm, as a failed open on a full disk leaves it
    assert read_only_uri(db) == base + "?mode=ro&immutable=1"
    shm.write_bytes(b"\0" * SHM_MIN)  # an open connection's
    assert read_only_uri(db) == base + "?mode=ro"
    wal.write_bytes(b"\0" * 10)
    shm.unlink()
    assert read_only_uri(db) == base + "?mode=ro", "a -wal with content: a writer is there"


def test_a_write_to_a_store_opened_read_only_says_it_is_read_only(db: Path) -> None:
    reader = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        error = raised(lambda: reader.execute("INSERT INTO t VALUES (1)"))
    finally:
        reader.close()
    assert failure_text(error, db) == read_only_text(db)
    assert unwritable_text(error, db) == read_only_text(db)
    assert "nothing was saved" in read_only_text(db)


def test_a_store_kept_locked_by_another_program_says_so(db: Path) -> None:
    holder = sqlite3.connect(db, isolation_level=None)
    waiter = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        error = raised(lambda: waiter.execute("BEGIN IMMEDIATE"))
    finally:
        holder.close()
        waiter.close()
    assert failure_text(error, db) == (
        f"{db} is busy: another program (a till or a command) kept it locked for writing too "
        "long, and nothing was saved. Try again when it is done")
    assert failure_text(error, None) is not None
    assert "the store is busy" in str(failure_text(error, None))
    assert unwritable_text(error, db) is None, "busy is not read-only"


def test_the_stores_own_errors_are_not_the_disks(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("INSERT INTO t VALUES (1)")
        error = raised(lambda: conn.execute("INSERT INTO t VALUES (1)"))
    finally:
        conn.close()
    assert isinstance(error, sqlite3.IntegrityError)
    assert failure_text(error, db) is None
    assert unwritable_text(error, db) is None


def test_a_store_cannot_be_made_in_a_folder_that_is_not_there(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "store.db"
    error = raised(lambda: sqlite3.connect(path))
    assert created_failure_text(error, path) == (
        f"cannot create a store at {path}: its folder cannot be written by this user. Choose "
        "another folder with --db, or make this one writable")
