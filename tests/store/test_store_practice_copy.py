"""The practice store's copy of the real one (pos_prompter.store.practice.copy_shared,
through pos_prompter.practice.practice_store): SQL from the real store attached read-only,
the columns both schemas have, all or nothing, and the catalog and rules left as they are
when the real store published nothing since the last copy (staff and settings always
copied). Real store files in tmp_path; the real one is read through `read_store` here too.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from pos_prompter.core.catalog import Product
from pos_prompter.practice.practice_store import (
    ensure_practice_store,
    refresh_practice,
    refresh_practice_store,
)
from pos_prompter.store import Store, StoreError
from pos_prompter.store.practice import COPIED_FROM
from pos_prompter.store.store import read_store

OLD_STORE = Path(__file__).parent / "data" / "store-m002.db"
SHARED = ("SELECT * FROM products ORDER BY sku", "SELECT * FROM barcodes ORDER BY code",
          "SELECT * FROM rules ORDER BY id")


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    """`sql` on the store file `path`, read without writing it."""
    return read_store(path, lambda conn: conn.execute(sql).fetchall())


def tamper(practice: Path, sql: str) -> None:
    """Change the practice store behind the app's back (no publish): a refresh that copies
    the catalog undoes it, one that skips the copy leaves it."""
    conn = sqlite3.connect(practice)
    with conn:
        conn.execute(sql)
    conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revision(path: Path) -> int:
    (value,), = rows(path, "SELECT value FROM settings WHERE key = 'publish_revision'")
    return int(json.loads(str(value)))


@pytest.fixture
def practice(cafe_path: Path) -> Path:
    """The cafe's practice store, made, with one product renamed behind the app's back."""
    path = ensure_practice_store(cafe_path)
    tamper(path, "UPDATE products SET name = 'Tampered' WHERE sku = 'LATTE-T'")
    return path


def tampered(practice: Path) -> bool:
    return rows(practice, "SELECT name FROM products WHERE sku = 'LATTE-T'") == [("Tampered",)]


def test_an_unchanged_real_store_copies_staff_and_settings_not_the_catalog(
        cafe_path: Path, practice: Path) -> None:
    with Store.open(cafe_path) as real:
        real.staff.add_without_secret("robin")  # staff changes publish nothing: copied all the same
    before = revision(practice)
    real_before = digest(cafe_path)

    summary = refresh_practice_store(cafe_path)
    assert summary.catalog_copied is False
    assert tampered(practice), "the catalog was not copied again"
    assert summary.describe().startswith(
        f"practice store refreshed: {summary.products} products, {summary.rules} rules, "
        "2 staff (catalog and rules unchanged since the last refresh); ")
    assert rows(practice, "SELECT name FROM staff ORDER BY id") == [("alice",), ("robin",)]
    assert revision(practice) > max(before, revision(cafe_path)), "an open till reloads"
    assert digest(cafe_path) == real_before
    assert not cafe_path.with_name(cafe_path.name + "-wal").exists()


@pytest.mark.parametrize("publish", ["import", "save_rule", "delete_rule", "settings"])
def test_every_publish_in_the_real_store_copies_the_catalog_again(
        cafe_path: Path, practice: Path, publish: str) -> None:
    with Store.open(cafe_path) as real:
        if publish == "import":
            real.catalog.import_products([Product(sku="TEA-NEW", name="New Tea", price=200)])
        elif publish == "save_rule":
            rule = real.rules.load()[0]
            assert real.rules.save(dataclasses.replace(rule, priority=rule.priority + 1)) \
                == "change"
        elif publish == "delete_rule":
            real.rules.delete(real.rules.load()[0].id)
        else:
            real.set_settings({"max_prompts_per_order": 1})
    summary = refresh_practice_store(cafe_path)
    assert summary.catalog_copied is True
    assert not tampered(practice)
    for sql in SHARED:
        assert rows(practice, sql) == rows(cafe_path, sql), sql
    assert refresh_practice_store(cafe_path).catalog_copied is False, "then nothing new"


def test_a_publish_in_the_practice_store_is_undone_by_the_next_refresh(
        cafe_path: Path, practice: Path) -> None:
    rule_ids = rows(cafe_path, "SELECT id FROM rules ORDER BY id")
    with Store.open(practice) as store:
        assert store.rules.delete(str(rule_ids[0][0]))  # a trainer's publish, in practice
        summary = refresh_practice(store, cafe_path)  # the trainer view's way, store open
        assert summary.catalog_copied is True
        assert store.db.execute("SELECT id FROM rules ORDER BY id").fetchall() == rule_ids
    assert not tampered(practice)


def test_an_older_real_store_is_copied_by_the_columns_both_have(tmp_path: Path) -> None:
    real = tmp_path / "old.db"
    shutil.copyfile(OLD_STORE, real)
    before = digest(real)
    practice = ensure_practice_store(real)
    tamper(practice, "UPDATE products SET name = 'Tampered' WHERE sku = 'LATTE-T'")
    with Store.open(practice) as store:  # a publish in practice: the next refresh copies
        store.set_settings({"currency": "EUR"})
    summary = refresh_practice_store(real)
    assert (summary.catalog_copied, summary.products, summary.rules, summary.staff) == \
        (True, 7, 3, 1)
    for sql in SHARED:
        assert rows(practice, sql) == rows(real, sql), sql
    # staff of m001 lacks secret_changed_at: the copy fills the columns both have
    assert rows(practice, "SELECT id, name, role, pin_hash, password_hash, active, "
                          "secret_changed_at FROM staff") == [
        (*rows(real, "SELECT * FROM staff")[0], None)]
    assert rows(practice, "SELECT value FROM settings WHERE key = 'currency'") == \
        [('"USD"',)]
    assert digest(real) == before, "never migrated, never written"
    assert not real.with_name(real.name + "-wal").exists()


def test_a_refresh_that_fails_leaves_the_practice_store_as_it_was(
        cafe_path: Path, practice: Path) -> None:
    # The real store was given a barcode of no product (foreign keys off, by hand), then
    # published: the copy of products and barcodes is made, checked, and rolled back.
    conn = sqlite3.connect(cafe_path)
    with conn:
        conn.execute("INSERT INTO barcodes(code, sku) VALUES ('0000000000000', 'GONE')")
        conn.execute("UPDATE settings SET value = CAST(value AS INTEGER) + 1 "
                     "WHERE key = 'publish_revision'")
    conn.close()
    tables = (*SHARED, "SELECT * FROM staff ORDER BY id", "SELECT * FROM settings ORDER BY key")
    before = [rows(practice, sql) for sql in tables]
    with pytest.raises(StoreError, match="barcode 0000000000000 names product GONE, which"):
        refresh_practice_store(cafe_path)
    assert [rows(practice, sql) for sql in tables] == before
    assert tampered(practice)


def test_the_mark_says_what_was_copied(cafe_path: Path, practice: Path) -> None:
    refresh_practice_store(cafe_path)
    (value,), = rows(practice, f"SELECT value FROM settings WHERE key = '{COPIED_FROM}'")
    mark = json.loads(str(value))
    assert mark["real_revision"] == revision(cafe_path)
    assert mark["practice_revision"] == revision(practice)
    assert mark["counts"] == [rows(cafe_path, f"SELECT count(*) FROM {t}")[0][0]
                              for t in ("products", "barcodes", "rules")]


def test_a_full_copy_while_a_till_has_the_real_store_open_writes_neither_file(
        cafe_path: Path, practice: Path) -> None:
    wal = cafe_path.with_name(cafe_path.name + "-wal")
    with Store.open(cafe_path) as till_store:
        till_store.set_settings({"max_prompts_per_order": 1})  # committed, in the -wal only
        before = (digest(cafe_path), digest(wal))
        summary = refresh_practice_store(cafe_path)  # attached mode=ro, through the -wal
        assert summary.catalog_copied is True
        assert (digest(cafe_path), digest(wal)) == before
    assert not tampered(practice)
    assert rows(practice, "SELECT value FROM settings WHERE key = 'max_prompts_per_order'") \
        == [("1",)]
