"""What a scan writes (issue 11, point 9): a few small pages in the WAL, the same at any
length of order; a scan that only adds a line leaves the order's row alone (and the order
still comes back whole, and another till's save is still refused); new stores use small
pages; the WAL is checkpointed per 64 MB."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from wal_frames import wal_commits

from pos_prompter.bootstrap import load_pack_file
from pos_prompter.core.catalog import parse_catalog_csv
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store, StoreError
from pos_prompter.store.store import NEW_STORE_PAGE_SIZE, WAL_CHECKPOINT_BYTES
from pos_prompter.till import Till

SPEC_DIR = Path(__file__).parent / "spec_examples"
OLD_STORE = Path(__file__).parent / "data" / "store-m002.db"
COOKIE, MUFFIN = "2100000000050", "2100000000043"
LATTE = "2100000000012"


def cafe(path: Path) -> None:
    with Store.open(path, create=True) as store:
        store.catalog.import_products(parse_catalog_csv(
            (SPEC_DIR / "catalog.csv").read_text(encoding="utf-8")))
        store.rules.replace(load_pack_file(SPEC_DIR / "rules.yaml"))


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
    # Nine scans at 10-19 lines and at 110-119: the new line and its index entry on SKU,
    # two pages (the order's row is left as it was; a page that splits, or the file
    # growing, adds one or two now and then).
    assert frames[10] <= 9 * 3
    assert frames[110] <= 9 * 3


SCAN_TREES = {"order_lines"}
"""What a scan that only adds a line to an open order must change: the line (the order's
row is left as it was: store/order_rows.save_order; its lines are found by SKU once paid,
through paid_skus, added a few hundred orders at a time: store/paid_skus.py)."""
OUTCOME_TREES = SCAN_TREES | {"orders", "prompt_events", "prompt_events_order"}
"""And a prompt's outcome: the order's row, the outcome's row, its order's index entry (its
day's report rows wait for the order to be paid: m014)."""
PAY_TREES = OUTCOME_TREES | {"orders_status_till", "orders_closed_at", "report_orders",
                             "report_uplift", "report_prompts_recent", "paid_skus",
                             "paid_skus_head"}
"""And paying: the order's entries in the open/paid and paid-when indexes, its day's rows
(its prompt outcomes' too), and every few hundred orders the last ones' SKUs."""
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
    assert {"prompt_events", "prompt_events_order"} <= trees("answer")
    assert "report_prompts_recent" in trees("pay")
    assert trees("pay") <= PAY_TREES
    assert {"orders", "orders_status_till", "orders_closed_at"} <= trees("pay")
    # One b-tree, a page; a page that splits or the file growing adds one now and then
    # (with the order's row written too: 2 and more).
    assert sum(len(c) for c in commits["scan"]) / len(commits["scan"]) < 1.6
    assert state == "{}"  # a paid order keeps no recovery copy: its row stays small


def order_row(store: Store, order_id: int | None) -> tuple[object, ...]:
    return tuple(store.db.execute("SELECT rev, state, total_cents, status FROM orders "
                                  "WHERE id = ?", [order_id]).fetchone())


def test_a_scan_that_only_adds_a_line_leaves_the_order_s_row(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    cafe(path)
    with Store.open(path) as store:
        till = Till(store, FixedClock(dt.datetime(2026, 11, 23, 8, 15)))
        till.scan(LATTE)
        while till.prompt is not None:
            till.decline()
        head = order_row(store, till.order_id)
        for n in range(5):
            till.scan((COOKIE, MUFFIN)[n % 2])  # bakery: no prompt
            assert till.prompt is None
            assert order_row(store, till.order_id) == head
        total = till.total
        till.pay()
        rev, state, stored_total, status = order_row(store, till.last_order)
        assert (stored_total, status, state) == (total, "paid", "{}")
        assert rev == head[0] + 1
        lines = store.db.execute("SELECT SUM(qty * unit_price_cents) FROM order_lines "
                                 "WHERE order_id = ?", [till.last_order]).fetchone()[0]
        assert lines == total


def test_an_open_order_saved_line_by_line_comes_back_whole(tmp_path: Path) -> None:
    """The head's next line number is one behind after scans that only added lines: the
    till reading the order back numbers on after its newest line. After a void of the
    newest line the head is written (its number is not to be given again)."""
    path = tmp_path / "store.db"
    cafe(path)
    clock = FixedClock(dt.datetime(2026, 11, 23, 8, 15))
    with Store.open(path) as store:
        till = Till(store, clock)
        till.scan(LATTE)
        till.decline()
        for code in (COOKIE, MUFFIN, COOKIE):
            till.scan(code)
        assert till.session is not None
        on_screen = till.session.to_state()
    with Store.open(path) as store:
        again = Till(store, clock)
        assert again.session is not None
        assert again.session.to_state() == on_screen
        assert again.void("COOKIE")[-1].event == "void"  # the newest line, number 4
        again.scan(MUFFIN)
        assert [ln.no for ln in again.lines] == [1, 2, 3, 5]
        on_screen = again.session.to_state()
    with Store.open(path) as store:
        third = Till(store, clock)
        assert third.session is not None
        assert third.session.to_state() == on_screen
        assert third.void("MUFFIN-B", line_no=5)[-1].event == "void"
        on_screen = third.session.to_state()
    with Store.open(path) as store:
        fourth = Till(store, clock)
        assert fourth.session is not None
        assert fourth.session.to_state() == on_screen
        fourth.scan(COOKIE)
        assert [ln.no for ln in fourth.lines] == [1, 2, 3, 6]


@pytest.mark.parametrize("other", ["scan", "void", "checkout"])
def test_a_save_over_another_till_s_save_is_refused(tmp_path: Path, other: str) -> None:
    """Two tills on one open order (never at once in a shop: a till's name is locked):
    whatever the other saved since, a line added, one removed or the order's head, the
    stale till's next scan is refused and writes nothing, not even a line that would go
    in place of the other's."""
    path = tmp_path / "store.db"
    cafe(path)
    clock = FixedClock(dt.datetime(2026, 11, 23, 8, 15))
    with Store.open(path) as front, Store.open(path) as back:
        stale = Till(front, clock)
        stale.scan(COOKIE)
        stale.scan(MUFFIN)
        other_till = Till(back, clock)  # reopens the same order
        assert other_till.order_id == stale.order_id
        events = {"scan": lambda: other_till.scan(LATTE),
                  "void": lambda: other_till.void("MUFFIN-B"),
                  "checkout": other_till.checkout}[other]()
        assert all(ev.event != "error" for ev in events)
        lines = front.db.execute("SELECT line_no, sku FROM order_lines ORDER BY line_no"
                                 ).fetchall()
        with pytest.raises(StoreError, match="changed at another till"):
            stale.scan(COOKIE)
        assert front.db.execute("SELECT line_no, sku FROM order_lines ORDER BY line_no"
                                ).fetchall() == lines
