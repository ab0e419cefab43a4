"""A store opened twice in one process (the till and the workspace, a job beside them)
keeps its locks: another process closing the store must not take itself for the last one
and delete the -wal and -shm files from under the connections still open here.

POSIX drops every lock a process holds on a file as soon as any descriptor of that file is
closed in it. SQLite shares one set of descriptors per file among its connections for that
reason; a plain `open()` and `close()` of the store file (a header check) had dropped the
locks of the open till, and a `suggest` run beside the workspace then removed its -shm."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pos_prompter.bootstrap import init_store
from pos_prompter.store import Store
from pos_prompter.store.store import read_store

OTHER_PROCESS = ("import sqlite3, sys\n"
                 "conn = sqlite3.connect(sys.argv[1])\n"
                 "conn.execute('SELECT count(*) FROM sqlite_master').fetchone()\n"
                 "conn.close()\n")


def beside(path: Path, end: str) -> Path:
    return path.with_name(path.name + end)


def other_process_opens_and_closes(path: Path) -> None:
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path)], check=True, timeout=60)


def test_a_second_open_in_this_process_leaves_the_first_ones_files_alone(
        tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    till = Store.open(path)
    try:
        till.set_settings({"currency": "EUR"})
        Store.open(path).close()  # the workspace, a job: opened and closed beside the till
        with Store.open_copy(path) as copy:  # read_store, as a dry run reads it
            assert copy.load_settings().currency == "EUR"
        other_process_opens_and_closes(path)
        assert beside(path, "-shm").exists()
        assert beside(path, "-wal").exists()
        till.set_settings({"currency": "GBP"})
        assert till.load_settings().currency == "GBP"
    finally:
        till.close()
    with Store.open(path) as again:
        assert again.load_settings().currency == "GBP"
        assert again.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_store_beside_an_open_till_reads_through_its_files(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    with Store.open(path) as till:
        till.set_settings({"currency": "EUR"})
        till.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # an empty -wal: still open
        assert beside(path, "-wal").stat().st_size == 0
        value = read_store(path, lambda conn: conn.execute(
            "SELECT value FROM settings WHERE key = 'currency'").fetchone())
        assert value is not None
        assert "EUR" in str(value[0])
        other_process_opens_and_closes(path)
        assert beside(path, "-shm").exists()
