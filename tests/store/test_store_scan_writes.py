"""What a scan writes (issue 11, point 9): a few small pages in the WAL, the same at any
length of order; new stores use small pages; the WAL is checkpointed per 64 MB."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import struct
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
LATTE = "2100000000012"


def cafe(path: Path) -> None:
    with Store.open(path, create=True) as store:
        store.import_products(parse_catalog_csv(
            (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")))
        store.replace_rules(load_pack_file(SPEC_DIR / "rules.yaml"))


def wal_frames(path: Path, page_size: int) -> int:
    wal = Path(f"{path}-wal")
    return (wal.stat().st_size - 32) // (page_size + 24) if wal.exists() else 0


def test_a_new_store_has_small_pages_and_a_64_mb_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    cafe(path)
    with Store.open(path) as store:
        page_size = store.db.execute("PRAGMA page_size").fetchone()[0]
        assert page_size == NEW_STORE_PAGE_SIZE == 1024
        pages = store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        assert pages * page_size == WAL_CHECKPOINT_BYTES == 64 * 1024 * 1024


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
            if n > 10 and n % 10 > 0:
                frames[n // 10 * 10] = frames.get(n // 10 * 10, 0) + wal_frames(
                    path, page_size) - before
    # Nine scans at 10-19 lines and at 110-119: the order's row, its new line and that
    # line's index entry on SKU, three pages (a page that splits, or the file growing,
    # adds one or two now and then).
    assert frames[10] <= 9 * 4
    assert frames[110] <= 9 * 4


def wal_commits(wal: Path, page_size: int, start: int) -> tuple[list[list[int]], int]:
    """The commits in the -wal file from byte `start` on, each as the page numbers of its
    frames (a frame's header: page number, then the file's size in pages on a commit's
    last frame, 0 on the others), and the byte after the last commit."""
    data = wal.read_bytes()
    frame = 24 + page_size
    commits: list[list[int]] = []
    pages: list[int] = []
    pos = end = max(start, 32)
    while pos + frame <= len(data):
        page_no, commit_size = struct.unpack(">II", data[pos:pos + 8])
        pages.append(page_no)
        pos += frame
        if commit_size:
            commits.append(pages)
            pages, end = [], pos
    return commits, end


SCAN_TREES = {"orders", "order_lines", "order_lines_sku"}
"""What a scan on an open order must change: the order's row, the line, its SKU entry."""
OUTCOME_TREES = SCAN_TREES | {"prompt_events", "prompt_events_order", "report_prompts"}
"""And a prompt's outcome: its row, its order's index entry, its day's report rows."""
PAY_TREES = OUTCOME_TREES | {"orders_status_till", "orders_closed_at", "report_orders",
                             "report_uplift"}
"""And paying: the order's entries in the open/paid and paid-when indexes, its day's rows."""
HEADER = "page 1"


def test_each_commit_changes_only_the_b_trees_its_rows_need(tmp_path: Path) -> None:
    """Counted from the real -wal file, page by page, mapped to their b-trees by dbstat: no
    index that nothing reads, no second b-tree for a line's primary key, no entry moved in
    two indexes of the order's status at pay."""
    path = tmp_path / "store.db"
    cafe(path)
    commits: dict[str, list[list[int]]] = {"open": [], "answer": [], "scan": [], "pay": []}
    with Store.open(path) as store:
        conn = store.db.conn
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wal, offset = Path(f"{path}-wal"), 0
        till = Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 15)))

        def record(kind: str) -> None:
            nonlocal offset
            new, offset = wal_commits(wal, page_size, offset)
            assert len(new) == 1  # every action is one commit
            commits[kind] += new

        till.scan(LATTE)
        record("open")
        assert till.prompt is not None
        while till.prompt is not None:
            till.decline()
            record("answer")
        for n in range(40):
            till.scan((COOKIE, MUFFIN)[n % 2])  # bakery: no prompt
            record("scan")
        till.pay()
        record("pay")
        owner = {page: name for name, page in conn.execute("SELECT name, pageno FROM dbstat")}
        owner[1] = HEADER
        state = conn.execute("SELECT state FROM orders WHERE id = ?",
                             [till.last_order]).fetchone()[0]

    def trees(kind: str) -> set[str]:
        return {owner.get(page, "free") for c in commits[kind] for page in c} - {HEADER}

    assert trees("scan") == SCAN_TREES
    assert trees("answer") <= OUTCOME_TREES
    assert {"prompt_events", "prompt_events_order", "report_prompts"} <= trees("answer")
    assert trees("pay") <= PAY_TREES
    assert {"orders_status_till", "orders_closed_at"} <= trees("pay")
    # Three b-trees, a page each; a page that splits or the file growing adds one now
    # and then (with the line's own primary key index: 4 and more).
    assert sum(len(c) for c in commits["scan"]) / len(commits["scan"]) < 3.6
    assert state == "{}"  # a paid order keeps no recovery copy: its row stays small
