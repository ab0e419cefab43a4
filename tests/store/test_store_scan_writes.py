"""What a scan writes (issue 11, point 9): a few small pages in the WAL, the same at any
length of order; new stores use small pages; the WAL is checkpointed per 16 MB."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from pos_prompter.bootstrap import load_pack_file
from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.store import NEW_STORE_PAGE_SIZE, WAL_CHECKPOINT_BYTES
from pos_prompter.till import Till

SPEC_DIR = Path(__file__).parent / "spec_examples"
OLD_STORE = Path(__file__).parent / "data" / "store-m002.db"
COOKIE, MUFFIN = "2100000000050", "2100000000043"


def cafe(path: Path) -> None:
    with Store.open(path, create=True) as store:
        store.import_products(parse_catalog_csv(
            (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")))
        store.replace_rules(load_pack_file(SPEC_DIR / "rules.yaml"))


def wal_frames(path: Path, page_size: int) -> int:
    wal = Path(f"{path}-wal")
    return (wal.stat().st_size - 32) // (page_size + 24) if wal.exists() else 0


def test_a_new_store_has_small_pages_and_a_16_mb_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    cafe(path)
    with Store.open(path) as store:
        page_size = store.db.execute("PRAGMA page_size").fetchone()[0]
        assert page_size == NEW_STORE_PAGE_SIZE == 1024
        pages = store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        assert pages * page_size == WAL_CHECKPOINT_BYTES


def test_an_existing_store_keeps_its_page_size(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(OLD_STORE, path)
    with sqlite3.connect(path) as conn:
        before = conn.execute("PRAGMA page_size").fetchone()[0]
    assert before != NEW_STORE_PAGE_SIZE
    with Store.open(path, create=True) as store:
        assert store.db.execute("PRAGMA page_size").fetchone()[0] == before
        pages = store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        assert pages * before == WAL_CHECKPOINT_BYTES


def test_a_scan_writes_a_few_pages_whatever_the_order_s_length(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    cafe(path)
    with Store.open(path) as store:
        page_size = store.db.execute("PRAGMA page_size").fetchone()[0]
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        till = Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 15)))
        frames: dict[int, int] = {}
        for n in range(1, 121):
            before = wal_frames(path, page_size)
            till.scan((COOKIE, MUFFIN)[n % 2])  # bakery: no prompt, so only the line
            if n in (10, 120):
                frames[n] = wal_frames(path, page_size) - before
    # The order's row, its new line and that line's two index entries (a page that
    # splits, or the file growing, adds one or two now and then).
    assert frames[10] <= 6
    assert frames[120] <= 6
