"""The store's check, backups and restore (pos_prompter.store.backup), on real files: a page
damaged for real (damage_support), a live store written by another connection while it is
copied, rotation over files named with old and new stamps."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from damage_support import damage_page, digest

from pos_prompter.core.backup_policy import to_remove
from pos_prompter.store import Store, StoreError
from pos_prompter.store.backup import (
    auto_backup,
    backup_folder,
    backup_store,
    check_store,
    latest_good_backup,
    open_by,
    restore,
    rotate,
)

NOW = dt.datetime(2026, 12, 7, 12, 0, 0)


def _with_orders(path: Path, count: int = 300) -> Path:
    with Store.open(path, create=True) as store:
        for i in range(count):
            store.sales.new_order(clerk="alice", customer=f"customer {i}", now=NOW)
    return path


def _order_ids(path: Path) -> set[int]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM orders")}
    finally:
        conn.close()


def test_an_intact_store_checks_clean_and_a_damaged_page_is_named(tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db")
    assert check_store(path) == []
    assert check_store(path, quick=True) == []

    damage_page(path, "orders", nth=3)
    before = digest(path)
    damage = check_store(path)
    assert damage
    assert any("orders" in line for line in damage), damage
    assert check_store(path, quick=True)
    assert digest(path) == before  # the check only reads


def test_a_missing_store_is_refused_and_a_file_of_text_is_damage(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="there is no store"):
        check_store(tmp_path / "none.db")
    text = tmp_path / "notes.db"
    text.write_text("not a store at all, but long enough to be read " * 10)
    assert "not a SQLite database" in check_store(text)[0]


def test_a_backup_of_a_live_store_is_checked_and_has_every_committed_order(
        tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db", 50)
    committed: list[int] = []
    stop = threading.Event()
    lock = threading.Lock()

    def writer() -> None:  # another connection, committing orders all along
        with Store.open(path) as store:
            while not stop.is_set():
                order = store.sales.new_order(clerk="bob", customer=None, now=NOW)
                with lock:
                    committed.append(order)

    thread = threading.Thread(target=writer)
    thread.start()
    copies: list[tuple[Path, list[int]]] = []
    try:
        for n in range(5):
            with lock:
                before = list(committed)
            made = backup_store(path, tmp_path / f"copy{n}.db")
            copies.append((made.path, before))
    finally:
        stop.set()
        thread.join()
    assert committed, "the writer committed nothing while the backups were taken"
    for copy, before in copies:
        conn = sqlite3.connect(copy)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        finally:
            conn.close()
        assert set(before) <= _order_ids(copy)
    assert not list(tmp_path.glob("*.partial"))


def test_a_damaged_store_gives_no_backup_and_is_left_as_it_was(tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db")
    damage_page(path, "orders", nth=2)
    before = digest(path)
    target = tmp_path / "copy.db"
    with pytest.raises(StoreError, match="is damaged"):
        backup_store(path, target)
    assert not target.exists()
    assert not list(tmp_path.glob("*.partial"))
    assert digest(path) == before


def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db", 5)
    target = tmp_path / "there.db"
    target.write_bytes(b"keep me")
    with pytest.raises(StoreError, match="already exists"):
        backup_store(path, target)
    assert target.read_bytes() == b"keep me"


def test_restore_puts_the_backup_in_place_and_keeps_the_damaged_store_aside(
        tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db", 200)
    backup = backup_store(path, tmp_path / "good.db").path
    with Store.open(path) as store:  # a sale after the backup, in the -wal too
        store.sales.new_order(clerk="alice", customer="late", now=NOW)
    damage_page(path, "orders", nth=1)
    damaged = digest(path)

    done = restore(backup, path, now=NOW)

    assert done.was_damaged
    assert done.kept_aside == tmp_path / "store.damaged-20261207-120000.db"
    assert digest(done.kept_aside) == damaged  # kept aside byte for byte
    assert check_store(path) == []
    assert _order_ids(path) == _order_ids(backup)
    with Store.open(path) as store:  # the till opens it again
        assert len(store.sales.orders()) == 200


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db", 5)
    bad = _with_orders(tmp_path / "bad.db", 200)
    damage_page(bad, "orders", nth=1)
    before = digest(path)
    with pytest.raises(StoreError, match="not a good backup"):
        restore(bad, path, now=NOW)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.db", "store.db"]


def test_restore_of_an_intact_store_keeps_it_as_replaced(tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db", 3)
    backup = backup_store(path, tmp_path / "b.db").path
    done = restore(backup, path, now=NOW)
    assert not done.was_damaged
    assert done.kept_aside is not None
    assert done.kept_aside.name.startswith("store.replaced-")


def test_an_open_store_is_seen_from_another_process(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = _with_orders(tmp_path / "store.db", 3)
    assert open_by(path) is None
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM orders').fetchall(); print('open', flush=True); "
            "sys.stdin.readline()")
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "open\n"
        assert open_by(path) == child.pid
        backup = backup_store(path, tmp_path / "b.db").path
        with pytest.raises(StoreError, match="open in another program"):
            restore(backup, path, now=NOW)
    finally:
        child.communicate("\n", timeout=30)
    assert open_by(path) is None


def test_rotation_keeps_a_week_thinned_and_always_the_newest(tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db", 3)
    folder = backup_folder(path)
    folder.mkdir()
    ages = {  # age -> kept?
        dt.timedelta(minutes=10): True, dt.timedelta(minutes=40): True,
        dt.timedelta(hours=2, minutes=50): True, dt.timedelta(hours=3): False,  # one hour
        dt.timedelta(days=3): True, dt.timedelta(days=3, minutes=30): False,  # one day
        dt.timedelta(days=8): False, dt.timedelta(days=40): False,
    }
    names = {}
    for age, _kept in ages.items():
        stamp = NOW - age
        name = folder / f"store-{stamp:%Y%m%d-%H%M%S}.db"
        name.write_bytes(path.read_bytes())
        names[age] = name
    other = folder / "notes.txt"
    other.write_text("not a backup")
    stale, fresh = folder / "store-x.db.1.partial", folder / "store-y.db.2.partial"
    for left, age in ((stale, dt.timedelta(hours=2)), (fresh, dt.timedelta(minutes=5))):
        left.write_bytes(b"half a copy")
        os.utime(left, ((NOW - age).timestamp(),) * 2)

    removed = rotate(path, 7, NOW)

    assert {p.name for p in removed} == {names[a].name for a, k in ages.items() if not k}
    assert all(names[a].exists() == k for a, k in ages.items())
    assert other.exists()
    assert not stale.exists()  # left by a backup stopped over an hour ago
    assert fresh.exists()  # maybe another till's, still copying
    # a till off for a month keeps its last backup
    assert to_remove([NOW - dt.timedelta(days=30)], NOW, 7) == set()


def test_auto_backup_skips_an_unchanged_store_and_names_the_latest(tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db", 3)
    now = dt.datetime.now().replace(microsecond=0)
    two_hours_ago = (now - dt.timedelta(hours=2)).timestamp()
    os.utime(path, (two_hours_ago, two_hours_ago))  # last changed two hours ago
    assert latest_good_backup(path) is None

    an_hour_ago = now - dt.timedelta(hours=1)
    first = auto_backup(path, 7, an_hour_ago)
    assert first is not None
    assert first.path == tmp_path / "store.backups" / f"store-{an_hour_ago:%Y%m%d-%H%M%S}.db"
    assert latest_good_backup(path) == first.path
    assert auto_backup(path, 7, now - dt.timedelta(minutes=30)) is None  # nothing new

    with Store.open(path) as store:  # a sale: the store changed since the last backup
        store.sales.new_order(clerk="alice", customer=None, now=NOW)
    second = auto_backup(path, 7, now)
    assert second is not None
    assert latest_good_backup(path) == second.path
    assert _order_ids(second.path) == _order_ids(path)


@pytest.mark.slow
def test_a_store_kept_locked_is_not_called_damaged(tmp_path: Path) -> None:
    """A check SQLite cannot finish for another reason than damage is no finding: a store
    locked exclusively by another connection (the busy timeout, 5 s) is a StoreError, so
    the till never offers to restore a store that is only busy."""
    path = _with_orders(tmp_path / "store.db", 3)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO settings(key, value) VALUES ('held', '1')")
        with pytest.raises(StoreError, match="kept locked by another program"):
            check_store(path, quick=True, live=True)
    finally:
        holder.close()
    assert check_store(path) == []


def test_the_latest_good_backup_skips_one_damaged_since(tmp_path: Path) -> None:
    path = _with_orders(tmp_path / "store.db", 200)
    older = auto_backup(path, 7, dt.datetime.now() - dt.timedelta(minutes=30))
    assert older is not None
    with Store.open(path) as store:  # a change, so that the next one is copied
        store.sales.new_order(clerk="alice", customer=None, now=NOW)
    newer = auto_backup(path, 7, dt.datetime.now() + dt.timedelta(minutes=1))
    assert newer is not None
    assert latest_good_backup(path) == newer.path
    damage_page(newer.path, "orders", nth=1)
    assert latest_good_backup(path) == older.path
