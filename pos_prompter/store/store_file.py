"""What can be wrong with a store file, found before SQLite touches it or read from the
error SQLite gave, each as one sentence for a manager: a path that is no store (missing, a
folder, empty, not a SQLite database), a store that cannot be written (a read-only file or
folder), a full disk, a file-size limit, a store another program keeps locked.

Nothing here writes: `Store.open` (store.py) asks these questions and opens the store for
reading only, or refuses it, from the answers.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

SHM_MIN = 32 * 1024
"""The size of the -shm file of a store that any connection has open and has read (the
first block of SQLite's WAL index)."""

FULL_BELOW = 1 << 20
"""Free bytes under which a disk counts as full when SQLite reports an I/O error: SQLite
says "disk I/O error", not "database or disk is full", when the disk fills while it sizes
its -shm file, and cannot tell why a write failed under a file-size limit."""


def missing_text(path: Path) -> Said:
    return QT_TRANSLATE_NOOP("store", "there is no store at {path} (create one with "
                                      "'pos-prompter init --db {path}')").format(path=path)


def file_problem(path: Path) -> str | None:
    """Why the existing file `path` cannot be a store, before SQLite opens it (opening an
    empty file would make it a new, empty store); None when it may be one. Only looks at
    the file (stat and access); never opens it, never creates or changes anything.

    It must not open the file itself: closing any descriptor of a file drops every POSIX
    lock this process holds on it, so a header read while a till or the workspace in this
    process has the store open let another process think it was the last one and delete
    the -wal and -shm files under them. A file that is not a SQLite database is told by
    SQLite's own first read (`SQLITE_NOTADB`, see `not_sqlite_text`), before any write."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return missing_text(path)
    except OSError as exc:
        return QT_TRANSLATE_NOOP("store", "{path} cannot be read ({why})").format(
            path=path, why=exc.strerror or exc)
    if stat.S_ISDIR(st.st_mode):
        return QT_TRANSLATE_NOOP("store", "{path} is a folder, not a store file; give the "
                                          "store file itself with --db").format(path=path)
    if not os.access(path, os.R_OK):
        return QT_TRANSLATE_NOOP("store", "{path} cannot be read (permission denied); ask "
                                          "whoever set up this computer to let this user read "
                                          "it").format(path=path)
    if st.st_size == 0:
        return QT_TRANSLATE_NOOP("store", "{path} is not a usable store: it is empty (0 "
                                          "bytes), and it was left as it is. Restore the store "
                                          "from a backup, or remove the empty file and create "
                                          "a new store with 'pos-prompter init --db "
                                          "{path}'").format(path=path)
    return None


def not_sqlite_text(path: Path) -> Said:
    return QT_TRANSLATE_NOOP("store", "{path} is not a usable store: it is not a SQLite "
                                      "database (or its first page is damaged), and it was "
                                      "left as it is. Check the path given with --db, or "
                                      "restore the store from a backup").format(path=path)


def not_ours_text(path: Path) -> Said:
    return QT_TRANSLATE_NOOP("store", "{path} is not a usable store: it is a SQLite database "
                                      "without pos-prompter's tables, and it was left as it "
                                      "is. Check the path given with --db, or restore the "
                                      "store from a backup").format(path=path)


def can_write(path: Path) -> bool:
    """Whether this process may write the store file `path` and make its -wal and -shm
    files beside it (a folder that already holds them need not be writable)."""
    if not os.access(path, os.W_OK):
        return False
    beside = [path.with_name(path.name + end) for end in ("-wal", "-shm")]
    if all(os.access(p, os.W_OK) for p in beside):
        return True
    return os.access(path.parent, os.W_OK | os.X_OK)


def read_only_uri(path: Path) -> str:
    """A URI that opens the store for reading without writing anything beside it: as
    `immutable` when no connection has it open anywhere (no -wal file, or an empty one left
    with no -shm or a short one, as a failed open on a full disk leaves them: every WAL
    connection that has read the store keeps a -shm of SHM_MIN or more), else `mode=ro`,
    which reads what the open till committed through the files it made. An empty -wal
    alone does not say the store is closed: a till that has checkpointed keeps one, and
    `immutable` beside a writer reads a file that moves."""
    wal, shm = (path.with_name(path.name + end) for end in ("-wal", "-shm"))
    try:
        quiet = wal.stat().st_size == 0 and _size(shm) < SHM_MIN
    except FileNotFoundError:
        quiet = True
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if quiet else "?mode=ro")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def read_only_text(path: Path) -> Said:
    return QT_TRANSLATE_NOOP("store", "{path} is read-only (the file or its folder cannot be "
                                      "written by this user): nothing was saved. Commands "
                                      "that only read it still work; to change it, make the "
                                      "file and its folder writable again").format(path=path)


def _primary(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return None


def _size_limited() -> bool:
    """Whether this process may write no file past some size (ulimit -f; POSIX only)."""
    try:
        import resource
    except ImportError:
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def failure_text(exc: sqlite3.Error, path: Path | None) -> str | None:
    """The sentence for a failure of SQLite's that is the disk's or the file's, not the
    store's: a full disk, a file-size limit, a read-only file, a store kept locked. None for
    any other failure."""
    code = _primary(exc)
    name = str(path) if path is not None else QT_TRANSLATE_NOOP("store", "the store")
    if code == sqlite3.SQLITE_NOTADB:
        return not_sqlite_text(path) if path is not None else None
    full = QT_TRANSLATE_NOOP("store", "the disk is full where {name} is kept: nothing was "
                                      "saved, the store is as it was. Free some space on that "
                                      "disk and try again").format(name=name)
    if code == sqlite3.SQLITE_FULL:
        return full
    if code == sqlite3.SQLITE_IOERR:
        free = _free_bytes(path) if path is not None else None
        if free is not None and free < FULL_BELOW:
            return full
        if _size_limited():
            return QT_TRANSLATE_NOOP("store", "a file-size limit (ulimit -f) stopped the save "
                                              "to {name}: nothing was saved, the store is as "
                                              "it was. Raise the limit and try again").format(
                name=name)
        return None
    if code == sqlite3.SQLITE_READONLY and path is not None:
        return read_only_text(path)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return QT_TRANSLATE_NOOP("store", "{name} is busy: another program (a till or a "
                                          "command) kept it locked for writing too long, and "
                                          "nothing was saved. Try again when it is "
                                          "done").format(name=name)
    return None


def unwritable_text(exc: sqlite3.Error, path: Path) -> str | None:
    """Why SQLite, opening the store `path`, could not write it or make its -wal or -shm
    file (read-only, a full disk, a file-size limit), when that is why: the store can
    still be read. None for any other failure."""
    code = _primary(exc)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
        return read_only_text(path)
    if code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
        return failure_text(exc, path)
    return None


def created_failure_text(exc: sqlite3.Error, path: Path) -> str:
    """Why a new store could not be made at `path`."""
    if _primary(exc) in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
        return QT_TRANSLATE_NOOP("store", "cannot create a store at {path}: its folder cannot "
                                          "be written by this user. Choose another folder "
                                          "with --db, or make this one writable").format(
            path=path)
    return failure_text(exc, path) or QT_TRANSLATE_NOOP(
        "store", "cannot create a store at {path} ({why})").format(path=path, why=exc)
