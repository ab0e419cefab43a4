"""The practice store beside the real one (`NAME.training.db` next to `NAME.db`):
made on first use and refreshed when a trainer asks, from the real store's catalog
(products, barcodes), rules, settings and staff, never its orders, prompt events or audit
log. The real store is only ever read, through `read_store` (no migration, no WAL switch,
no checkpoint, no -wal or -shm file left beside it): practice never writes it.

A refresh replaces those tables in place, in one transaction, and keeps what belongs to
practice: scenarios, practice runs, practice orders, and the setting `training`. Its
publish revision moves past both its own and the real store's, so a practice till that is
open reloads (as after any publish).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pos_prompter.bootstrap import init_store, training_store_path
from pos_prompter.store import Store, StoreError
from pos_prompter.store.practice import PracticeStore
from pos_prompter.store.store import PUBLISH_REVISION, read_store

PRACTICE_MARK = ".training"
SHARED_TABLES = ("products", "barcodes", "rules", "staff")
"""Copied from the real store, in this order (a barcode names its product)."""
OWN_SETTINGS = ("training", PUBLISH_REVISION)
"""Settings the practice store keeps its own value of."""


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    """What a refresh (or the first copy) put in the practice store, and what it kept."""

    path: Path
    created: bool
    products: int
    rules: int
    staff: int
    runs_kept: int
    scenarios_kept: int

    def describe(self) -> str:
        kept = f"{_plural(self.runs_kept, 'practice run')} kept"
        if self.scenarios_kept:
            kept += f", {_plural(self.scenarios_kept, 'imported scenario')} kept"
        return (f"practice store {'created' if self.created else 'refreshed'}: "
                f"{_plural(self.products, 'product')}, {_plural(self.rules, 'rule')}, "
                f"{self.staff} staff; {kept}")


@dataclass(slots=True)
class _Shared:
    """What the real store shares with practice, read in one snapshot."""

    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    """key -> value as stored (JSON text)"""


def practice_store_path(real: Path) -> Path:
    """The practice store of the real store `real`. Refuses a practice store given as the
    real one (its practice store would be a copy of a copy)."""
    if real.stem.endswith(PRACTICE_MARK):
        raise StoreError(f"{real} is a practice store; give the real store ("
                         f"{real_store_path(real)}) with --db")
    return training_store_path(real)


def real_store_path(practice: Path) -> Path:
    """The real store beside the practice store `practice` (practice_store_path's inverse)."""
    stem = practice.stem.removesuffix(PRACTICE_MARK)
    return practice.with_name(stem + practice.suffix)


def _read_shared(conn: sqlite3.Connection) -> _Shared:
    shared = _Shared()
    conn.execute("BEGIN")  # one snapshot, even while a till is saving
    try:
        for table in SHARED_TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            shared.tables[table] = (columns, rows)
        shared.settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    finally:
        conn.rollback()
    return shared


def read_real_store(real: Path) -> _Shared:
    """The real store's catalog, rules, settings and staff, read without writing it."""
    if not real.exists():
        raise StoreError(f"there is no store at {real} to practise on (create one with "
                         f"'pos-prompter init --db {real}')")
    try:
        shared = read_store(real, _read_shared)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{real} is not a usable store ({exc})") from exc
    if json.loads(shared.settings.get("training", "false")) is True:
        raise StoreError(f"{real} is a practice store; give the real store with --db")
    return shared


def _copy_in(store: Store, shared: _Shared) -> None:
    """Make the practice store's shared tables the real store's, in one transaction."""
    with store.write() as db:
        conn = db.conn
        revision = store.publish_revision()
        for table in reversed(SHARED_TABLES):
            conn.execute(f"DELETE FROM {table}")
        for table in SHARED_TABLES:
            source_columns, rows = shared.tables[table]
            ours = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            keep = [i for i, column in enumerate(source_columns) if column in ours]
            names = [source_columns[i] for i in keep]
            conn.executemany(
                f"INSERT INTO {table}({', '.join(names)}) VALUES "
                f"({', '.join('?' * len(names))})",
                [tuple(row[i] for i in keep) for row in rows])
        conn.execute("DELETE FROM settings")
        real_revision = int(json.loads(shared.settings.get(PUBLISH_REVISION, "0")))
        settings = {k: v for k, v in shared.settings.items() if k not in OWN_SETTINGS}
        settings["training"] = "true"
        settings[PUBLISH_REVISION] = json.dumps(max(revision, real_revision) + 1)
        conn.executemany("INSERT INTO settings(key, value) VALUES (?, ?)",
                         sorted(settings.items()))


def _summary(store: Store, shared: _Shared, *, created: bool) -> RefreshSummary:
    practice = PracticeStore(store)
    assert store.path is not None
    return RefreshSummary(path=store.path, created=created,
                          products=len(shared.tables["products"][1]),
                          rules=len(shared.tables["rules"][1]),
                          staff=len(shared.tables["staff"][1]),
                          runs_kept=practice.run_count(),
                          scenarios_kept=practice.scenario_count())


def refresh_practice(store: Store, real: Path) -> RefreshSummary:
    """Copy the real store's catalog, rules, settings and staff into the open practice
    store `store` again (what the trainer view's button does)."""
    shared = read_real_store(real)
    _copy_in(store, shared)
    return _summary(store, shared, created=False)


def _create(real: Path, practice: Path) -> RefreshSummary:
    """A new practice store from the real one, built under a temporary name and renamed
    at the end, so a failure leaves no half-made practice store."""
    shared = read_real_store(real)
    partial = practice.with_name(practice.name + ".partial")
    leftovers = [partial, *(partial.with_name(partial.name + end) for end in ("-wal", "-shm"))]
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        with Store.open(partial, create=True) as store:
            _copy_in(store, shared)
            summary = _summary(store, shared, created=True)
        partial.replace(practice)
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    return RefreshSummary(practice, True, summary.products, summary.rules, summary.staff,
                          summary.runs_kept, summary.scenarios_kept)


def ensure_practice_store(real: Path, *, demo_if_missing: str | None = None) -> Path:
    """The practice store beside `real`, made on first use from the real store (or from a
    demo when there is no real store yet and `demo_if_missing` names one, leaving the real
    path alone)."""
    practice = practice_store_path(real)
    if practice.exists():
        return practice
    if not real.exists() and demo_if_missing is not None:
        with init_store(practice, demo_if_missing) as store:
            store.set_settings({"training": True})
        return practice
    _create(real, practice)
    return practice


def refresh_practice_store(real: Path) -> RefreshSummary:
    """`practice refresh --db REAL`: the practice store copied again from `real` (made
    if it does not exist yet)."""
    practice = practice_store_path(real)
    if not practice.exists():
        return _create(real, practice)
    with Store.open(practice) as store:
        return refresh_practice(store, real)


def open_practice_store(real: Path) -> Store:
    """The practice store of `real`, open (made on first use)."""
    return Store.open(ensure_practice_store(real))
