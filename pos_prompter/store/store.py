"""The store: one SQLite file per shop, holding catalog, rules, settings, staff, orders and
the prompt outcome log.

`Store` owns the connection, the transactions (`write`, `snapshot`) and the settings, and
builds one store per concern over itself: `store.rules` (rule_store.RuleStore),
`store.catalog` (catalog_store.CatalogStore), `store.sales` (sales.SalesLog: orders,
prompt events, history) and `store.staff` (auth.StaffStore). They reach it only as a
`base.StoreCore`, so none of them imports this module.

Durability: WAL journal, `synchronous=FULL`, foreign keys on, and every write an explicit
`BEGIN IMMEDIATE ... COMMIT`, so a scan or an answer is on disk before the screen shows it
and a power cut loses nothing that was shown. One Store (one connection) per process is the
one writer of that process.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pos_prompter.core.guardrails import Settings
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.store.base import ImportSummary, Progress, RuleResults, StoreError
from pos_prompter.store.light_db import full_database, open_database
from pos_prompter.store.migrations import migrations
from pos_prompter.store.store_file import (
    can_write,
    created_failure_text,
    failure_text,
    file_problem,
    not_ours_text,
    read_only_text,
    read_only_uri,
    unwritable_text,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from pos_prompter.store.auth import StaffStore
    from pos_prompter.store.catalog_store import CatalogStore
    from pos_prompter.store.rule_store import RuleStore
    from pos_prompter.store.sales import SalesLog

PUBLISH_REVISION = "publish_revision"
"""The settings key counting published changes (see Store.publish_revision)."""

NEW_STORE_PAGE_SIZE = 1024
"""The page size of a new store file (an existing one keeps its own). Every commit appends
each page it changed to the WAL and syncs it: a scan changes a few pages (its line, the
order's row, an index or two), so the page size sets what a scan writes. Measured by
bench/bench_scan_writes.py: 1 KB pages write about half the bytes per scan of the 4 KB
default, and open a chain-size store about as fast (bench/README.md)."""

WAL_CHECKPOINT_BYTES = 64 * 1024 * 1024
"""The WAL is copied into the store (a checkpoint) once it holds this much, and cut back to
it after. A checkpoint writes each page changed since the last one once, however often it
changed: the pages every scan changes (the open order's row, the last page of its lines)
are written once per 64 MB of WAL, not once per 1,000 pages as by SQLite's default, and a
page at a random place (a line's SKU entry, a rule's day row) costs its 4 KB OS page.
bench_scan_writes: 20.2 KB per scan at 16 MB, 18.5 at 64 MB; a till opening after a crash
reads the WAL again (0.2-0.3 s for 50-68 MB, page cache warm)."""


def _refuse_foreign_database(db: Database, path: Path, *, existing: bool = True) -> None:
    """Refuse a SQLite file that some other program made: never add our tables to it. An
    `existing` store must have our tables: only a store being created may have none."""
    tables = set(db.table_names())
    if "_sqlite_migrations" in tables:
        return
    if tables:
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is a SQLite database of another "
                                                    "program, not a pos-prompter "
                                                    "store").format(path=path))
    if existing:
        raise StoreError(not_ours_text(path))


def _upgrade(db: Database) -> None:
    """Apply the schema steps the store lacks, through sqlite-utils (imported only then)."""
    if not migrations.up_to_date(db.conn):
        migrations.apply(full_database(db))


class Store:
    """A store file. Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._writing = False
        self.read_only: str | None = None
        """Why this store cannot be written (a read-only file or folder, a full disk), as
        the sentence every write is refused with; None when it can be."""

    # The stores per concern are made on first use, each importing its module then: the
    # till's first screen reads settings and staff only, and shows before the rules, the
    # catalog and the sales log are needed (issue 14.2; tests/test_app_start_imports.py).

    @cached_property
    def rules(self) -> RuleStore:
        """The published rules and their results."""
        from pos_prompter.store.rule_store import RuleStore

        return RuleStore(self)

    @cached_property
    def catalog(self) -> CatalogStore:
        """The products: the whole catalog, categories, imports."""
        from pos_prompter.store.catalog_store import CatalogStore

        return CatalogStore(self)

    @cached_property
    def sales(self) -> SalesLog:
        """The orders and the prompt outcome log."""
        from pos_prompter.store.sales import SalesLog

        return SalesLog(self)

    @cached_property
    def staff(self) -> StaffStore:
        """Staff, signing in and lockouts (on the system clock; a window that needs
        another clock builds its own StaffStore over this store)."""
        from pos_prompter.store.auth import StaffStore

        return StaffStore(self)

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False) -> Store:
        """Open (and upgrade) a store. `create=True` makes a new empty store if none exists
        (`init` and the till's first run). Without it, a path that is no store (missing, a
        folder, empty, not SQLite, another program's database) is refused, never written.
        A store that cannot be written (a read-only file or folder, a full disk) opens for
        reading only: `read_only` says why, and every write is refused with that sentence."""
        path = Path(path)
        if create:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(QT_TRANSLATE_NOOP("store", "cannot create the folder {path} "
                                                            "({why})").format(
                    path=path.parent, why=exc.strerror)) from exc
        else:
            problem = file_problem(path)
            if problem is not None:
                raise StoreError(problem)
            if not can_write(path):
                return cls._open_read_only(path, read_only_text(path))
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(str(path), timeout=5.0)
            # Plain sqlite3 until a schema step must run (light_db.py): sqlite-utils'
            # import cost the till's start as much as PySide6's (issue 14.2).
            db = open_database(conn)
            _refuse_foreign_database(db, path, existing=not create)
            db.execute(f"PRAGMA page_size={NEW_STORE_PAGE_SIZE}")  # a new file only
            db.execute("PRAGMA journal_mode=WAL")
            store = cls(db, path)
            store._configure()
            _upgrade(db)
        except (sqlite3.DatabaseError, StoreError) as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, StoreError):
                raise
            if create:
                raise StoreError(created_failure_text(exc, path)) from exc
            reason = unwritable_text(exc, path)
            if reason is not None:
                return cls._open_read_only(path, reason)
            raise StoreError(failure_text(exc, path)
                             or _not_usable(path, exc)) from exc
        return store

    @classmethod
    def _open_read_only(cls, path: Path, reason: str) -> Store:
        """The store `path` for reading only, writing nothing beside it (read_only_uri). A
        store of an older version is upgraded in a copy in memory, never in the file."""
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5.0)
        try:
            db = open_database(conn)
            _refuse_foreign_database(db, path)
            if not migrations.up_to_date(conn):
                mem = sqlite3.connect(":memory:")
                conn.backup(mem)
                conn.close()
                conn, db = mem, open_database(mem)
                _upgrade(db)
            store = cls(db, path)
            store._configure()
        except (sqlite3.DatabaseError, StoreError) as exc:
            conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(failure_text(exc, path)
                             or _not_usable(path, exc)) from exc
        store.read_only = reason
        return store

    @classmethod
    def open_copy(cls, path: str | Path) -> Store:
        """An in-memory copy of a store: everything works, nothing reaches the file
        (`simulate --dry-run`)."""
        path = Path(path)
        problem = file_problem(path)
        if problem is not None:
            raise StoreError(problem)
        mem = sqlite3.connect(":memory:")
        try:
            # Read-only: not even the migrations or the WAL switch may touch the file.
            read_store(path, lambda source: source.backup(mem))
            store = cls(open_database(mem), None)
            store._configure()
            _upgrade(store.db)
        except (sqlite3.DatabaseError, StoreError) as exc:
            mem.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(failure_text(exc, path)
                             or _not_usable(path, exc)) from exc
        return store

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA synchronous=FULL")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_BYTES // page_size}")
        conn.execute(f"PRAGMA journal_size_limit={WAL_CHECKPOINT_BYTES}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=5000")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One all-or-nothing write: BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

        A write inside another joins it: the outer one commits (or rolls back) both."""
        conn = self.db.conn
        if self.read_only is not None:
            raise StoreError(self.read_only)
        if self._writing:
            try:
                yield self.db
            except sqlite3.DatabaseError as exc:
                raise self.save_failed(exc) from exc
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(failure_text(exc, self.path)
                             or QT_TRANSLATE_NOOP("store", "the store is busy or read-only "
                                                           "({why})").format(why=exc)) from exc
        self._writing = True
        try:
            yield self.db
        except sqlite3.DatabaseError as exc:
            conn.rollback()
            raise self.save_failed(exc) from exc
        except BaseException:
            conn.rollback()
            raise
        finally:
            self._writing = False
        try:
            conn.commit()
        except sqlite3.DatabaseError as exc:
            conn.rollback()
            raise self.save_failed(exc) from exc
        except BaseException:  # never leave the write lock held (every later write: busy)
            if conn.in_transaction:
                conn.rollback()
            raise

    def save_failed(self, exc: sqlite3.DatabaseError) -> StoreError:
        """A failed write in one sentence: the disk's fault (full, read-only...) said so."""
        return StoreError(failure_text(exc, self.path) or QT_TRANSLATE_NOOP(
            "store", "could not save to the store ({why})").format(why=exc))

    def change_stamp(self) -> tuple[int, int]:
        """A stamp that moves on with every commit to the store's file: `PRAGMA
        data_version` of this connection moves when any other connection (another till,
        in this process or another) commits, and the connection's own `total_changes` when
        it writes. Two in-memory reads, no table touched."""
        conn = self.db.conn
        return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes

    def schema_version(self) -> list[str]:
        return [m.name for m in migrations.applied(full_database(self.db))]

    # ------------------------------------------------------------------ settings

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_settings(self, values: dict[str, Any], *, actor: str | None = None) -> None:
        """Change settings in one transaction; each changed value is audited (by `actor`)."""
        with self.write():
            self._put_settings(values, actor)

    def publish_revision(self) -> int:
        """Moves on with every published change to catalog, rules or settings (in the same
        transaction), so a till in another process knows when to reload."""
        row = self.db.execute("SELECT value FROM settings WHERE key = ?",
                              [PUBLISH_REVISION]).fetchone()
        return int(json.loads(row[0])) if row else 0

    def bump_revision(self) -> None:
        self.db.execute(
            "INSERT INTO settings(key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET "
            "value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)", [PUBLISH_REVISION])

    @contextmanager
    def snapshot(self) -> Iterator[Database]:
        """Several reads that see one consistent state of the store (a read transaction):
        a publish that commits meanwhile is seen whole or not at all."""
        conn = self.db.conn
        if conn.in_transaction:
            yield self.db
            return
        conn.execute("BEGIN")
        try:
            yield self.db
        finally:
            conn.rollback()

    def _put_settings(self, values: dict[str, Any], actor: str | None) -> None:
        from pos_prompter.store.audit import diff_changes, record

        self.bump_revision()
        old = {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM settings")}
        for key, value in values.items():
            self.db.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                            [key, json.dumps(value)])
        new = {k: json.loads(json.dumps(v)) for k, v in values.items()}
        record(self.db, diff_changes("setting", {k: old[k] for k in new if k in old}, new),
               actor=actor)

    def load_settings(self) -> Settings:
        d = Settings()
        return Settings(
            max_prompts_per_order=int(self.get_setting("max_prompts_per_order",
                                                       d.max_prompts_per_order)),
            max_offer_ratio=Decimal(str(self.get_setting("max_offer_ratio",
                                                         str(d.max_offer_ratio)))),
            currency=str(self.get_setting("currency", d.currency)),
            rush_scans_per_minute=int(self.get_setting("rush_scans_per_minute",
                                                       d.rush_scans_per_minute)),
        )

    def save_settings(self, settings: Settings, *, actor: str | None = None) -> None:
        """Write the values of `settings` a rule pack can give, audited, in one
        transaction (or the one under way)."""
        self.set_settings({"max_prompts_per_order": settings.max_prompts_per_order,
                           "max_offer_ratio": str(settings.max_offer_ratio),
                           "currency": settings.currency}, actor=actor)


T = TypeVar("T")

READ_ATTEMPTS = 3
"""How often `read_store` reads a quiet store again when a till changed it meanwhile."""


def _file_state(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns


def read_store(path: Path, read: Callable[[sqlite3.Connection], T]) -> T:
    """`read(connection)` on the store file `path`, never opening it for writing.

    SQLite's read-only mode (`mode=ro`) is not enough on its own: on a WAL store that no
    till has open, a read-only connection creates the -wal and -shm files beside it and
    leaves them there. So when there is no -wal file (every till closed), or an empty one
    (nothing committed in it; a full disk's failed open leaves one), the file is read as
    `immutable`, which touches nothing, and the read counts only if the file stayed the
    same meanwhile (a till that started and saved during the read: read again). When a
    till has the store open (its -wal file is there), `mode=ro` reads what it committed,
    through the files it already made; SQLite's readers leave the -wal as it is (and note
    in the -shm shared memory which part they read). A store that is not one of ours is
    refused (StoreError); an unreadable file raises sqlite3.DatabaseError."""
    problem = file_problem(path)
    if problem is not None:
        raise StoreError(problem)
    for _attempt in range(READ_ATTEMPTS):
        uri = read_only_uri(path)
        quiet = uri.endswith("immutable=1")
        before = _file_state(path)
        conn = sqlite3.connect(uri, uri=True, timeout=5.0)
        try:
            _refuse_foreign_database(open_database(conn), path)
            result = read(conn)
        finally:
            conn.close()
        if not quiet or _file_state(path) == before:
            return result
    raise StoreError(QT_TRANSLATE_NOOP("store", "{path} kept changing while it was being read; "
                                                "try again").format(path=path))


def _not_usable(path: Path, exc: BaseException) -> str:
    return QT_TRANSLATE_NOOP("store", "{path} is not a usable store ({why})").format(
        path=path, why=exc)


def copy_store(src: Path, dst: Path) -> None:
    """Copy a store file safely, through SQLite's backup (so WAL content comes along),
    reading `src` only (`read_store`): its migrations wait until the copy is opened."""
    problem = file_problem(src)  # before the copy is made
    if problem is not None:
        raise StoreError(problem)
    dst.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(str(dst))
    try:
        read_store(src, lambda source: source.backup(target))
    except sqlite3.DatabaseError as exc:
        raise StoreError(_not_usable(src, exc)) from exc
    finally:
        target.close()


__all__ = [
    "NEW_STORE_PAGE_SIZE", "PUBLISH_REVISION", "READ_ATTEMPTS", "WAL_CHECKPOINT_BYTES",
    "ImportSummary", "Progress", "RuleResults", "Store", "StoreError", "copy_store",
    "read_store",
]
