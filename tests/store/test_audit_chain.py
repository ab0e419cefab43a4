"""The audit log's hash chain (issue 11, point 4): an entry changed, removed or inserted
with sqlite3 behind the app's back (the append-only triggers dropped, the edit made, the
triggers put back, as the audit did) is found and named; the app's own writes, an old
store's entries and two writers at once all make one chain that verifies."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_prompter.core.catalog import Product, Sku
from pos_prompter.store import Store, StoreError
from pos_prompter.store.audit import Change, audit_entries, record, verify_audit
from pos_prompter.store.audit_chain import GENESIS, ChainCheck
from pos_prompter.store.migrations import migrations

T0 = dt.datetime(2026, 12, 1, 10, 0)
ENTRIES = 10


def tamper(path: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    """Edit the store with plain sqlite3 exactly as the audit did: drop the triggers that
    guard the log, run `statements`, create the triggers again as they were."""
    conn = sqlite3.connect(path)
    try:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'audit_log'").fetchall()
        assert {name for name, _ in triggers} >= {"audit_log_no_update", "audit_log_no_delete"}
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            conn.execute(statement, params if "?" in statement else ())
        for _, sql in triggers:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def write_entries(store: Store, first: int, count: int, actor: str = "ana") -> None:
    """`count` setting changes, one a minute, each in its own transaction."""
    for n in range(first, first + count):
        with store.write() as db:
            record(db, [Change("setting", f"key{n}", "change", n, n + 1)], actor=actor,
                   at=T0 + dt.timedelta(minutes=n))


@pytest.fixture
def logged(store_path: Path) -> Path:
    """A store file whose log holds entries 1..10 (setting key<n> changed by ana at
    10:0n)."""
    with Store.open(store_path, create=True) as store:
        write_entries(store, 1, ENTRIES)
    return store_path


def check(path: Path) -> ChainCheck:
    with Store.open(path) as store:
        return verify_audit(store)


def found(path: Path) -> tuple[str | None, int | None]:
    result = check(path)
    assert result.intact == (result.problem is None)
    return result.problem, None if result.entry is None else result.entry[0]


@pytest.fixture
def appended(logged: Path) -> Iterator[Store]:
    """The app writing on after the tampering."""
    with Store.open(logged) as store:
        yield store


# ---------------------------------------------------------------------- intact


def test_the_apps_own_entries_make_an_intact_chain(logged: Path) -> None:
    result = check(logged)
    assert result.intact
    assert (result.entries, result.text) == (ENTRIES, "")


def test_an_empty_log_is_intact(store_path: Path) -> None:
    Store.open(store_path, create=True).close()
    assert check(store_path) == ChainCheck(0)


def test_each_entry_hashes_the_one_before_it(logged: Path) -> None:
    conn = sqlite3.connect(logged)
    hashes = [h for (h,) in conn.execute("SELECT hash FROM audit_log ORDER BY id")]
    conn.close()
    assert len(set(hashes)) == ENTRIES
    assert all(len(h) == 64 and int(h, 16) >= 0 for h in hashes)
    assert hashes[0] != hashlib.sha256(b"").hexdigest()


def test_the_chain_starts_from_the_hash_of_its_name() -> None:
    """GENESIS is written out (opening a store loads no hashlib) and must stay the hash
    every store's first entry was chained from: changed, every existing log would fail."""
    assert hashlib.sha256(b"pos-prompter audit log").hexdigest() == GENESIS


def test_a_catalog_import_in_sql_is_chained_too(store: Store) -> None:
    products = [Product(sku=Sku(f"P{n:04}"), name=f"Thing {n}", price=100 + n)
                for n in range(2000)]
    store.catalog.import_products(products, actor="ana")
    store.catalog.import_products([*products[:1000], *(p.__class__(sku=p.sku, name=p.name,
                                                             price=p.price + 1)
                                               for p in products[1000:])], actor="bo")
    result = verify_audit(store)
    assert result.intact
    assert result.entries == 3000


def test_a_row_written_without_its_hash_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="hash chain"), store.write() as db:
        db.execute("INSERT INTO audit_log(at, actor, entity, entity_id, action) "
                   "VALUES ('2026-12-01T10:00:00', 'x', 'setting', 'k', 'add')")


# ---------------------------------------------------------------------- changed


@pytest.mark.parametrize("entry", [1, 5, ENTRIES])
def test_a_changed_entry_is_named(logged: Path, entry: int) -> None:
    tamper(logged, f"UPDATE audit_log SET after = '999' WHERE id = {entry}")
    assert found(logged) == ("changed", entry)


def test_the_sentence_says_which_entry_when_and_what(logged: Path) -> None:
    tamper(logged, "UPDATE audit_log SET actor = 'bo' WHERE id = 5")
    assert check(logged).text == ("audit entry 5 (2026-12-01 10:05, setting key5 changed by "
                                  "bo) was changed behind the app's back")


@pytest.mark.parametrize("entry", [1, 5, ENTRIES])
def test_an_edited_hash_is_named_as_its_entry_changed(logged: Path, entry: int) -> None:
    tamper(logged, "UPDATE audit_log SET hash = ? WHERE id = ?",
           params=(hashlib.sha256(b"forged").hexdigest(), entry))
    assert found(logged) == ("changed", entry)


def test_a_change_is_found_with_the_app_writing_on_after_it(logged: Path) -> None:
    tamper(logged, "UPDATE audit_log SET before = '0' WHERE id = 3")
    with Store.open(logged) as store:
        write_entries(store, 20, 3)
    assert found(logged) == ("changed", 3)


# ---------------------------------------------------------------------- removed


@pytest.mark.parametrize(("removed", "after"), [(5, 4), (ENTRIES, ENTRIES - 1), (2, 1)])
def test_a_removed_entry_is_named_by_the_one_before(logged: Path, removed: int,
                                                    after: int) -> None:
    tamper(logged, f"DELETE FROM audit_log WHERE id = {removed}")
    assert found(logged) == ("removed", after)
    assert check(logged).text.startswith(f"the audit entry after entry {after} (2026-12-01")


def test_removing_the_first_entry_is_found(logged: Path) -> None:
    tamper(logged, "DELETE FROM audit_log WHERE id = 1")
    result = check(logged)
    assert (result.problem, result.entry) == ("removed", None)
    assert result.text == "the first audit entry was removed behind the app's back"


def test_removing_the_last_entries_is_found(logged: Path) -> None:
    tamper(logged, "DELETE FROM audit_log WHERE id > 7")
    assert found(logged) == ("removed", 7)


@pytest.mark.parametrize("removed", [5, ENTRIES])
def test_a_removal_is_found_with_the_app_writing_on_after_it(logged: Path,
                                                             removed: int) -> None:
    tamper(logged, f"DELETE FROM audit_log WHERE id = {removed}")
    with Store.open(logged) as store:
        write_entries(store, 20, 2)
    assert found(logged) == ("removed", removed - 1)


def test_removing_the_chains_head_is_found(logged: Path) -> None:
    tamper(logged, "DELETE FROM audit_head")
    assert found(logged)[0] == "removed"
    assert "record of its last entry" in check(logged).text


@pytest.mark.parametrize(("statement", "part"), [
    ("DROP TABLE audit_head", "record of its last entry"),
    ("ALTER TABLE audit_log DROP COLUMN hash", "hash column"),
])
def test_removing_the_chains_table_or_column_is_found(logged: Path, statement: str,
                                                      part: str) -> None:
    tamper(logged, statement)
    result = check(logged)
    assert (result.problem, result.text) == (
        "removed", f"the audit log's {part} was removed behind the app's back")


def test_text_that_is_not_utf8_is_named_as_changed(logged: Path) -> None:
    tamper(logged, "UPDATE audit_log SET actor = CAST(x'ff616e61' AS TEXT) WHERE id = 6")
    assert found(logged) == ("changed", 6)
    assert "by ?ana)" in check(logged).text


# ---------------------------------------------------------------------- inserted


INSERT = ("INSERT INTO audit_log(id, at, actor, entity, entity_id, action, before, after) "
          "VALUES ({id}, '2026-11-30T09:00:00', 'ana', 'setting', 'currency', 'change', "
          "'\"EUR\"', '\"USD\"')")


def test_an_entry_inserted_at_the_end_is_named(logged: Path) -> None:
    tamper(logged, INSERT.format(id="NULL"))
    assert found(logged) == ("inserted", ENTRIES + 1)
    assert check(logged).text == ("audit entry 11 (2026-11-30 09:00, setting currency "
                                  "changed by ana) was inserted behind the app's back")


def test_an_entry_inserted_at_the_end_is_found_with_the_app_writing_on(logged: Path) -> None:
    tamper(logged, INSERT.format(id="NULL"))
    with Store.open(logged) as store:
        write_entries(store, 20, 2)
    assert found(logged) == ("inserted", ENTRIES + 1)


def test_an_entry_inserted_with_a_forged_hash_at_the_end_is_named(logged: Path) -> None:
    tamper(logged, INSERT.format(id="NULL"),
           f"UPDATE audit_log SET hash = '{'ab' * 32}' WHERE id = {ENTRIES + 1}")
    assert found(logged) == ("inserted", ENTRIES + 1)


def test_an_entry_inserted_in_the_middle_is_named(logged: Path) -> None:
    """The later entries moved up one id to make room (ids are the log's order)."""
    tamper(logged, "UPDATE audit_log SET id = id + 1000 WHERE id > 5",
           "UPDATE audit_log SET id = id - 999 WHERE id > 1000", INSERT.format(id=6))
    assert found(logged) == ("inserted", 6)


def test_an_entry_moved_to_another_id_is_named_changed(logged: Path) -> None:
    """The id is hashed with the entry: moving the last entry on (to make a gap in which
    to insert one later) is itself found."""
    tamper(logged, f"UPDATE audit_log SET id = 20 WHERE id = {ENTRIES}")
    assert found(logged) == ("changed", 20)


# ---------------------------------------------------------------------- old stores


def test_an_old_stores_entries_are_chained_when_it_opens(store_path: Path) -> None:
    """A store made before the chain, its log written as the old `record` did."""
    store_path.parent.mkdir(parents=True)
    db = Database(store_path)
    migrations.apply(db, stop_before="m011_audit_chain")
    db.conn.executemany(
        "INSERT INTO audit_log(at, actor, entity, entity_id, action, before, after) "
        "VALUES (?, 'ana', 'setting', ?, 'change', ?, ?)",
        [((T0 + dt.timedelta(minutes=n)).isoformat(), f"k{n}", str(n), str(n + 1))
         for n in range(50)])
    db.conn.commit()
    db.close()
    result = check(store_path)
    assert result.intact
    assert result.entries == 50
    with Store.open(store_path) as store:
        assert [e.entity_id for e in audit_entries(store)][:2] == ["k0", "k1"]
        write_entries(store, 100, 2)
        assert verify_audit(store).entries == 52
    tamper(store_path, "UPDATE audit_log SET actor = 'bo' WHERE id = 7")
    assert found(store_path) == ("changed", 7)


# ---------------------------------------------------------------------- two writers


def test_two_stores_writing_at_once_make_one_chain(logged: Path) -> None:
    """Two connections (two tills) in two threads, both writing an entry at the same
    moment, 40 times: each reads the chain's end inside its own write transaction."""
    errors: list[BaseException] = []
    together = threading.Barrier(2, timeout=30)

    def till(first: int, actor: str) -> None:
        try:
            with Store.open(logged) as store:
                for n in range(first, first + 40):
                    together.wait()
                    write_entries(store, n, 1, actor)
        except BaseException as exc:
            together.abort()
            errors.append(exc)

    threads = [threading.Thread(target=till, args=(first, actor))
               for first, actor in ((100, "ana"), (200, "bo"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = check(logged)
    assert result.intact
    assert result.entries == ENTRIES + 80
    with Store.open(logged) as store:
        actors = [e.actor for e in audit_entries(store)][ENTRIES:]
    assert sorted(set(actors)) == ["ana", "bo"]
    # they really took turns (each round's second writer waited for the first)
    assert sum(a != b for a, b in itertools.pairwise(actors)) >= 40
