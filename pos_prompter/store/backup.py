"""A store's integrity check, its backups and their restore (issue 11, interfaces.md).

- `check_store`: `PRAGMA integrity_check` and `foreign_key_check`, read-only, as lines.
- `backup_store`: a consistent copy of a live store through SQLite's backup API
  (`store.copy_store`), written under a temporary name, checked, flushed to disk, then
  renamed: a half-written or damaged copy never looks like a backup.
- `auto_backup`: the till's rotating backups in `NAME.backups/` beside the store
  (core.backup_policy decides which to keep).
- `restore`: a checked backup in place of the store; the store it replaces (with its -wal
  and -shm) is moved aside, never deleted, and never while a program has it open.
- `is_damage` / `damaged_text`: a damaged store (SQLITE_CORRUPT) as the one
  sentence the command line and the window say.

Nothing here writes the store file itself: a damaged store is only ever read or moved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import glob
import os
import platform
import sqlite3
import struct
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pos_prompter.core.backup_policy import STAMP, stamp_of, to_remove
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said
from pos_prompter.store.base import StoreError
from pos_prompter.store.store import copy_store
from pos_prompter.store.store_file import (
    failure_text,
    file_problem,
    not_ours_text,
    not_sqlite_text,
    read_only_uri,
)

MAX_LINES = 50
"""At most this many lines of damage are listed (integrity_check stops there too)."""

DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT,)
"""SQLITE_NOTADB is not among them: SQLite says it of any file that is no database, and
the store layer says that in its own sentence (store_file.not_sqlite_text)."""


class DamagedStore(StoreError):
    """The store is damaged (its sentence is `damaged_text`'s)."""


DAMAGED_PAGE = QT_TRANSLATE_NOOP("store", "SQLite found a damaged page")


def _sentence(exc: BaseException) -> str:
    """A refusal's sentence as it was written (a Said stays one, to be said again)."""
    message = exc.args[0] if len(exc.args) == 1 else None
    return message if isinstance(message, str) else str(exc)


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    size: int
    seconds: float


# ---------------------------------------------------------------------- damage


def is_damage(exc: BaseException | None) -> bool:
    """Whether `exc`, or an error it was raised from, is SQLite finding the file damaged."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, sqlite3.DatabaseError):
            code = getattr(exc, "sqlite_errorcode", None)
            if code is not None and code & 0xFF in DAMAGE_CODES:
                return True
            if "malformed" in str(exc):
                return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def damaged_text(store: Path, why: str = DAMAGED_PAGE) -> Said:
    """The one sentence for a damaged store: what to run, and which backup to restore."""
    latest = latest_good_backup(store)
    then = (QT_TRANSLATE_NOOP("store", "the latest good backup is {latest}; restore it with "
                                       "'pos-prompter restore {latest} --db {store}'")
            if latest is not None else
            QT_TRANSLATE_NOOP("store", "there is no automatic backup beside it; restore one "
                                       "you keep elsewhere with 'pos-prompter restore FILE "
                                       "--db {store}'")).format(latest=latest, store=store)
    return QT_TRANSLATE_NOOP("store", "{store} is damaged ({why}) and was left as it is: run "
                                      "'pos-prompter check --db {store}' to see what is "
                                      "damaged; {then}").format(store=store, why=why, then=then)


# ---------------------------------------------------------------------- check


def _connect_read_only(path: Path, live: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro" if live else read_only_uri(path)
    return sqlite3.connect(uri, uri=True, timeout=5.0)


def _tree_names(conn: sqlite3.Connection) -> dict[int, str]:
    try:
        rows = conn.execute("SELECT rootpage, type, name FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as exc:
        if is_damage(exc) or getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            return {}  # check_store says what
        raise
    return {int(page): f"{kind} {name}" for page, kind, name in rows if page}


def _named(line: str, trees: dict[int, str]) -> str:
    """integrity_check's "Tree 22 page 767 ..." with the table or index it is."""
    if line.startswith("Tree "):
        number = line[5:].split(" ", 1)[0]
        if number.isdigit() and int(number) in trees:
            return f"{trees[int(number)]}: {line}"
    return line


def _report_lines(rows: Iterable[tuple[object, ...]], trees: dict[int, str]) -> list[str]:
    lines = [_named(line, trees) for row in rows for line in str(row[0]).splitlines()
             if not line.startswith("*** in database")]
    return [] if lines == ["ok"] else lines


def _damage(exc: sqlite3.DatabaseError, path: Path, line: str) -> str:
    """`line` when `exc` is SQLite finding the file damaged; any other failure (a store
    kept busy, a disk error) is no finding about the store: StoreError, never damage."""
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
        return not_sqlite_text(path)
    if is_damage(exc):
        return line
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is kept locked by another "
                                                    "program, so it could not be checked now; "
                                                    "try again when it is done").format(
            path=path)) from exc
    raise StoreError(QT_TRANSLATE_NOOP("store", "{path} could not be checked now ({why}); try "
                                                "again").format(
        path=path, why=failure_text(exc, path) or exc)) from exc


def _by_table(conn: sqlite3.Connection, path: Path, pragma: str,
              trees: dict[int, str]) -> list[str]:
    """integrity_check stops with an error (not a line) when a table's rows cannot be
    read: each table checked on its own names the ones that are damaged."""
    lines: list[str] = []
    for name in sorted(t.split(" ", 1)[1] for t in trees.values() if t.startswith("table ")):
        quoted = '"' + name.replace('"', '""') + '"'
        try:
            lines += _report_lines(conn.execute(f"PRAGMA {pragma}({quoted})"), trees)
        except sqlite3.DatabaseError as exc:
            lines.append(_damage(exc, path, QT_TRANSLATE_NOOP(
                "store", "table {name} cannot be read ({why})").format(name=name, why=exc)))
    return lines or [QT_TRANSLATE_NOOP("store", "the check itself stopped (database disk "
                                                "image is malformed)")]


def _foreign_keys(conn: sqlite3.Connection, path: Path) -> list[str]:
    lines: list[str] = []
    try:
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            lines.append(QT_TRANSLATE_NOOP("store", "table {table} row {row} refers to a "
                                                    "{parent} row that is not there").format(
                table=table, row=rowid, parent=parent))
            if len(lines) >= MAX_LINES:
                break
    except sqlite3.DatabaseError as exc:
        lines.append(_damage(exc, path, QT_TRANSLATE_NOOP(
            "store", "the foreign keys cannot be checked ({why})").format(why=exc)))
    return lines


def check_store(path: Path, *, quick: bool = False, live: bool = False) -> list[str]:
    """What is damaged in the store `path`, one line each (at most MAX_LINES); [] when
    intact. `quick` runs `quick_check` (no index-against-table comparison: about half the
    time) and no foreign-key check. `live`: a till of this process has the store open, so
    it is read through its -wal (never as `immutable`, which a checkpoint meanwhile would
    show as damage). Never writes: the store is opened read-only. A path with no file
    at all (missing, a folder), or a check SQLite could not finish for another reason
    than damage (a store kept busy, a disk error), is a StoreError, not damage."""
    if not path.is_file():
        raise StoreError(file_problem(path) or QT_TRANSLATE_NOOP(
            "store", "there is no store file at {path}").format(path=path))
    problem = file_problem(path)
    if problem is not None:
        return [problem]
    try:
        conn = _connect_read_only(path, live)
    except sqlite3.DatabaseError as exc:
        return [_damage(exc, path, QT_TRANSLATE_NOOP(
            "store", "the file cannot be opened ({why})").format(why=exc))]
    try:
        trees = _tree_names(conn)
        if not trees and path.stat().st_size > 0:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as exc:
                return [_damage(exc, path, QT_TRANSLATE_NOOP(
                    "store", "the list of tables cannot be read ({why})").format(why=exc))]
        if trees and "table _sqlite_migrations" not in trees.values():
            return [not_ours_text(path)]
        pragma = "quick_check" if quick else "integrity_check"
        try:
            lines = _report_lines(conn.execute(f"PRAGMA {pragma}({MAX_LINES})"), trees)
        except sqlite3.DatabaseError:  # it stops at a page it cannot read: table by table
            lines = _by_table(conn, path, pragma, trees)
        if not quick and not lines:  # a damaged table cannot be read for its keys
            lines = _foreign_keys(conn, path)
    except sqlite3.DatabaseError as exc:
        return [_damage(exc, path, QT_TRANSLATE_NOOP(
            "store", "the check itself stopped ({why})").format(why=exc))]
    finally:
        conn.close()
    return lines[:MAX_LINES]


# ---------------------------------------------------------------------- backups


def backup_folder(store: Path) -> Path:
    return store.with_name(store.stem + ".backups")


def _fsync(path: Path, *, folder: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if folder else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_store(store: Path, target: Path) -> Backup:
    """A consistent copy of the store `store` (a till may be writing it) at `target`, which
    must not exist yet; checked with integrity_check before it takes its name. A damaged
    store gives no backup: StoreError with `damaged_text`."""
    started = time.perf_counter()
    if target.exists() or target.is_symlink():
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} already exists: a backup never "
                                                    "overwrites a file; choose another "
                                                    "name").format(path=target))
    if target.resolve() == store.resolve():
        raise StoreError(QT_TRANSLATE_NOOP("store", "a backup must be another file than the "
                                                    "store itself"))
    # this process's own: two tills sharing a store may back it up in the same second
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        copy_store(store, partial)
        copy = sqlite3.connect(partial)
        try:
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            copy.close()
        damage = check_store(partial)
        if damage:
            raise DamagedStore(damaged_text(store, damage[0]))
        _fsync(partial)
        partial.rename(target)
        _fsync(target.parent, folder=True)
    except StoreError as exc:
        if is_damage(exc):
            raise DamagedStore(damaged_text(store, DAMAGED_PAGE)) from exc
        raise
    except OSError as exc:
        raise StoreError(QT_TRANSLATE_NOOP("store", "cannot write the backup {path} "
                                                    "({why})").format(
            path=target, why=exc.strerror or exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
    return Backup(target, target.stat().st_size, time.perf_counter() - started)


def _backups(store: Path) -> list[tuple[dt.datetime, Path]]:
    """The automatic backups of `store`, newest first."""
    folder = backup_folder(store)
    if not folder.is_dir():
        return []
    prefix = store.stem + "-"
    found = [(stamp, p) for p in folder.iterdir()
             if p.name.startswith(prefix) and p.is_file()
             and (stamp := stamp_of(p.name)) is not None]
    return sorted(found, key=lambda item: (item[0], item[1].name), reverse=True)


LATEST_TRIES = 5
"""How many of the newest backups `latest_good_backup` checks before it gives up."""


def latest_good_backup(store: Path) -> Path | None:
    """The newest automatic backup of `store` that passes a `quick_check` now (each was
    checked before it took its name, but a disk that damaged the store may have damaged
    a backup since): of the newest LATEST_TRIES, ~0.5 s each at 100 MB."""
    for _stamp, path in _backups(store)[:LATEST_TRIES]:
        try:
            if file_problem(path) is None and not check_store(path, quick=True):
                return path
        except StoreError:  # gone meanwhile, or kept busy: not one to offer
            continue
    return None


def new_backup_path(store: Path, now: dt.datetime) -> Path:
    folder = backup_folder(store)
    base = f"{store.stem}-{now.strftime(STAMP)}"
    target = folder / f"{base}.db"
    count = 2
    while target.exists():
        target = folder / f"{base}-{count}.db"
        count += 1
    return target


def changed_since(store: Path, when: dt.datetime) -> bool:
    """Whether the store (its file or its -wal, which every commit writes) was changed at
    or after `when` (a backup's stamp, cut to the second: so in doubt, yes)."""
    cutoff = when.timestamp()
    for path in (store, store.with_name(store.name + "-wal")):
        try:
            if path.stat().st_mtime >= cutoff:
                return True
        except FileNotFoundError:
            continue
    return False


def auto_backup(store: Path, keep_days: int, now: dt.datetime | None = None
                ) -> Backup | None:
    """The till's automatic backup: a new one in `NAME.backups/` unless the store has not
    changed since the newest (None then), then rotation (`rotate`)."""
    now = now or dt.datetime.now()
    existing = _backups(store)
    if existing and not changed_since(store, existing[0][0]):
        rotate(store, keep_days, now)
        return None
    backup_folder(store).mkdir(exist_ok=True)
    made = backup_store(store, new_backup_path(store, now))
    rotate(store, keep_days, now)
    return made


def rotate(store: Path, keep_days: int, now: dt.datetime) -> list[Path]:
    """Remove the automatic backups that core.backup_policy no longer keeps, and copies
    left half-written (`.partial`) over an hour ago by a backup that was stopped; the
    backups removed."""
    folder = backup_folder(store)
    if folder.is_dir():
        stale = now.timestamp() - 3600
        for left in folder.glob(f"{glob.escape(store.stem)}-*.partial"):
            with contextlib.suppress(OSError):
                if left.stat().st_mtime < stale:
                    left.unlink()
    backups = _backups(store)
    gone = to_remove((stamp for stamp, _p in backups), now, keep_days)
    removed = [path for stamp, path in backups if stamp in gone]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# ---------------------------------------------------------------------- restore


_SHM_DMS_BYTE = 128
"""The byte of a -shm file that every open SQLite connection of a WAL store keeps a shared
lock on (SQLite's unix VFS, "dead man switch")."""


def _shm_in_use(store: Path) -> int | None:
    """The process id of another program that has the store open (its -shm file locked),
    on this computer; None when none has (or it cannot be told on this system). Only
    while this process has no connection to the store: closing the descriptor opened here
    drops every POSIX lock this process holds on the -shm file (see store_file)."""
    shm = store.with_name(store.name + "-shm")
    try:
        fd = os.open(shm, os.O_RDONLY)
    except OSError:
        return None
    try:
        layout = "hhqqi4x"  # struct flock on Linux (64-bit)
        asked = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, _SHM_DMS_BYTE, 1, 0)
        kind, _whence, _start, _len, pid = struct.unpack(
            layout, fcntl.fcntl(fd, fcntl.F_GETLK, asked))
    except (OSError, struct.error):
        return None
    finally:
        os.close(fd)
    return pid if kind != fcntl.F_UNLCK else None


def _till_lock_holder(store: Path) -> int | None:
    """The process id of a till window open on the store on this computer (its QLockFile
    `STORE.till-lock`, see app.lock_till), when that process is alive and not this one."""
    try:
        lock = store.with_name(store.name + ".till-lock").read_text(encoding="utf-8")
        pid_text, _app, host, *_rest = [*lock.split("\n"), "", ""]
        pid = int(pid_text)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if pid == os.getpid() or (host and host != platform.node()):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def open_by(store: Path) -> int | None:
    """A process on this computer that has `store` open (a till, a command), if any."""
    return _till_lock_holder(store) or _shm_in_use(store)


@dataclass(frozen=True, slots=True)
class Restored:
    store: Path
    backup: Path
    kept_aside: Path | None
    """Where the store that was replaced now is (None: there was none)."""
    was_damaged: bool


def _aside_path(store: Path, damaged: bool, now: dt.datetime) -> Path:
    word = "damaged" if damaged else "replaced"
    base = f"{store.stem}.{word}-{now.strftime(STAMP)}"
    target = store.with_name(base + store.suffix)
    count = 2
    while target.exists():
        target = store.with_name(f"{base}-{count}{store.suffix}")
        count += 1
    return target


def restore(backup: Path, store: Path, now: dt.datetime | None = None) -> Restored:
    """Put the backup `backup` in place of the store `store`, all or nothing. A backup that
    is damaged or no store is refused; so is a store that a program has open. The store
    replaced is renamed `NAME.damaged-STAMP.db` (or `.replaced-` when it was intact), its
    -wal and -shm with it, and never deleted."""
    now = now or dt.datetime.now()
    if not backup.is_file():
        raise StoreError(file_problem(backup) or QT_TRANSLATE_NOOP(
            "store", "there is no backup file at {path}").format(path=backup))
    if store.exists() and backup.resolve() == store.resolve():
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is the store itself: give a backup "
                                                    "of it").format(path=backup))
    damage = check_store(backup)
    if damage:
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is not a good backup ({why}); "
                                                    "nothing was changed. Give another backup "
                                                    "(see 'pos-prompter check --db "
                                                    "BACKUP')").format(
            path=backup, why=damage[0]))
    holder = open_by(store)
    if holder is not None:
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is open in another program "
                                                    "(process {pid}): close the till and any "
                                                    "command using it, then restore; nothing "
                                                    "was changed").format(
            path=store, pid=holder))
    incoming = store.with_name(store.name + ".restoring")
    incoming.unlink(missing_ok=True)  # ours: left by a restore that was stopped
    try:
        copy_store(backup, incoming)  # through SQLite: a -wal beside the backup comes too
        _fsync(incoming)
    except (OSError, StoreError) as exc:
        incoming.unlink(missing_ok=True)
        why = exc.strerror if isinstance(exc, OSError) else _sentence(exc)
        raise StoreError(QT_TRANSLATE_NOOP("store", "cannot copy {backup} beside {store} "
                                                    "({why}); nothing was changed").format(
            backup=backup, store=store, why=why)) from exc
    was_damaged = store.exists() and bool(check_store(store, quick=True))
    aside = _aside_path(store, was_damaged, now) if store.exists() else None
    moved: list[tuple[Path, Path]] = []
    try:
        if aside is not None:
            for end in ("", "-wal", "-shm"):
                source = store.with_name(store.name + end)
                if source.exists():
                    source.rename(aside.with_name(aside.name + end))
                    moved.append((source, aside.with_name(aside.name + end)))
        incoming.rename(store)
        _fsync(store.parent, folder=True)
    except OSError as exc:
        for source, target in reversed(moved):  # put the store back as it was
            target.rename(source)
        incoming.unlink(missing_ok=True)
        raise StoreError(QT_TRANSLATE_NOOP("store", "cannot put {backup} in place of {store} "
                                                    "({why}); nothing was changed").format(
            backup=backup, store=store, why=exc.strerror or exc)) from exc
    return Restored(store, backup, aside, was_damaged)
