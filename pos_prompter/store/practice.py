"""Practice mode's own tables in the practice store: the scenarios a trainer imported and
every practice run with its score (shared/spec/practice.md). They survive a refresh of the
catalog, rules, settings and staff (`copy_shared`; pos_prompter.practice.practice_store
decides when).

Times are the wall clock (when the trainee practised), not the scenario's till clock.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.core.scenario import Scenario
from pos_prompter.store import paid_skus
from pos_prompter.store.base import StoreError
from pos_prompter.store.store import (
    PUBLISH_REVISION,
    READ_ATTEMPTS,
    Store,
    _file_state,
)
from pos_prompter.store.store_file import read_only_uri


def _text(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class StoredScenario:
    """A scenario a trainer imported, as the practice store keeps it."""

    id: str
    title: str
    level: int
    pass_score: int
    imported_at: dt.datetime
    imported_by: str | None


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One finished practice run, as the practice service hands it over to be saved."""

    trainee: str
    scenario_id: str
    scenario_title: str
    started_at: dt.datetime
    """Wall clock: when the trainee started (not the scenario's till clock)."""
    seconds: int
    """Time taken, wall clock."""
    points: int
    possible: int
    score: int
    pass_score: int
    passed: bool
    details: Sequence[Mapping[str, Any]] = field(default_factory=tuple)
    """The per-customer scorecards (JSON-able mappings, one per customer)."""
    ended_at: dt.datetime | None = None
    """None: started_at + seconds."""

    def end(self) -> dt.datetime:
        if self.ended_at is not None:
            return self.ended_at
        return self.started_at + dt.timedelta(seconds=self.seconds)


@dataclass(frozen=True, slots=True)
class PracticeRun:
    """A practice run as saved (runs(): newest last)."""

    id: int
    trainee: str
    scenario_id: str
    scenario_title: str
    started_at: dt.datetime
    ended_at: dt.datetime
    points: int
    possible: int
    score: int
    pass_score: int
    passed: bool
    seconds: int
    details: tuple[dict[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The run as `practice results --format json` prints it."""
        return {"id": self.id, "trainee": self.trainee, "scenario": self.scenario_id,
                "title": self.scenario_title, "started_at": _text(self.started_at),
                "ended_at": _text(self.ended_at), "points": self.points,
                "possible": self.possible, "score": self.score,
                "pass_score": self.pass_score, "passed": self.passed,
                "seconds": self.seconds, "details": list(self.details)}


_RUN_COLUMNS = ("id", "trainee", "scenario_id", "scenario_title", "started_at", "ended_at",
                "points", "possible", "score", "pass_score", "passed", "seconds", "details")


def _run(row: Sequence[Any]) -> PracticeRun:
    (rid, trainee, scenario_id, title, started, ended, points, possible, score, pass_score,
     passed, seconds, details) = row
    return PracticeRun(rid, trainee, scenario_id, title, dt.datetime.fromisoformat(started),
                       dt.datetime.fromisoformat(ended), points, possible, score, pass_score,
                       bool(passed), seconds, tuple(json.loads(details)))


SALES_TABLES = ("prompt_events", "order_lines", "orders")


def strip_sales(store: Store) -> None:
    """Turn an in-memory copy of a real store into what its practice store would start as:
    no orders, no outcome log (`simulate --training --dry-run` before any practice store
    exists)."""
    with store.write() as db:
        paid_skus.reset(db.conn)
        for table in SALES_TABLES:
            db.execute(f"DELETE FROM {table}")
        db.execute("DELETE FROM sqlite_sequence WHERE name = 'orders'")
    store.set_settings({"training": True})


class PracticeStore:
    """The practice tables of `store` (the practice store; the caller opens and closes it)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------ scenarios

    def save_scenario(self, scenario: Scenario, body: str, *, actor: str | None = None,
                      now: dt.datetime | None = None) -> bool:
        """Keep an imported scenario (`body`: its YAML text as given), replacing one of the
        same id. Returns whether one was replaced."""
        with self.store.write() as db:
            replaced = db.execute("SELECT 1 FROM scenarios WHERE id = ?",
                                  [scenario.id]).fetchone() is not None
            db.execute(
                "INSERT INTO scenarios(id, title, level, pass_score, body, imported_at, "
                "imported_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "title = excluded.title, level = excluded.level, "
                "pass_score = excluded.pass_score, body = excluded.body, "
                "imported_at = excluded.imported_at, imported_by = excluded.imported_by",
                [scenario.id, scenario.title, scenario.level, scenario.pass_score, body,
                 _text(now or dt.datetime.now()), actor])
        return replaced

    def scenarios(self) -> list[StoredScenario]:
        """The imported scenarios, by id."""
        return [StoredScenario(r[0], r[1], r[2], r[3], dt.datetime.fromisoformat(r[4]), r[5])
                for r in self.store.db.execute(
                    "SELECT id, title, level, pass_score, imported_at, imported_by "
                    "FROM scenarios ORDER BY id")]

    def scenario_text(self, scenario_id: str) -> str | None:
        """The YAML text of an imported scenario, as it was imported (None: not imported)."""
        row = self.store.db.execute("SELECT body FROM scenarios WHERE id = ?",
                                    [scenario_id]).fetchone()
        return None if row is None else str(row[0])

    def scenario_count(self) -> int:
        return int(self.store.db.execute("SELECT count(*) FROM scenarios").fetchone()[0])

    # ------------------------------------------------------------------ runs

    def record_run(self, run: RunRecord) -> int:
        """Save a finished run in one transaction; returns its id."""
        details = json.dumps([dict(card) for card in run.details], ensure_ascii=False,
                             separators=(",", ":"))
        with self.store.write() as db:
            cur = db.execute(
                f"INSERT INTO practice_runs({', '.join(_RUN_COLUMNS[1:])}) "
                f"VALUES ({', '.join('?' * (len(_RUN_COLUMNS) - 1))})",
                [run.trainee, run.scenario_id, run.scenario_title, _text(run.started_at),
                 _text(run.end()), run.points, run.possible, run.score, run.pass_score,
                 int(run.passed), run.seconds, details])
            run_id = cur.lastrowid
        assert run_id is not None
        return run_id

    def runs(self, trainee: str | None = None) -> list[PracticeRun]:
        """Every run (or one trainee's), newest last."""
        sql = f"SELECT {', '.join(_RUN_COLUMNS)} FROM practice_runs"
        params: list[Any] = []
        if trainee is not None:
            sql += " WHERE trainee = ?"
            params.append(trainee)
        sql += " ORDER BY started_at, id"
        return [_run(row) for row in self.store.db.execute(sql, params)]

    def run_count(self) -> int:
        return int(self.store.db.execute("SELECT count(*) FROM practice_runs").fetchone()[0])


# ---------------------------------------------------------------------- the copy

SHARED_TABLES = ("products", "barcodes", "rules", "staff")
"""Copied from the real store, in this order (a barcode names its product)."""
CATALOG_TABLES = ("products", "barcodes", "rules")
"""The big ones: copied only when the real store published something since the last copy."""
COPIED_FROM = "practice_copied_from"
"""Practice store setting: what the last copy copied (`_mark`), to tell when the real
store's catalog and rules are still the ones the practice store has."""
OWN_SETTINGS = ("training", PUBLISH_REVISION, COPIED_FROM)
"""Settings the practice store keeps its own value of."""


@dataclass(frozen=True, slots=True)
class SharedCopy:
    """What `copy_shared` left in the practice store."""

    products: int
    rules: int
    staff: int
    runs_kept: int
    scenarios_kept: int
    catalog_copied: bool
    """False: the real store's catalog and rules were those of the last copy, still in
    the practice store unchanged, so they were not copied again (staff and settings were)."""


def copy_shared(practice: Path, real: Path) -> SharedCopy:
    """Make the practice store `practice` (an existing, migrated store file) hold the real
    store `real`'s products, barcodes, rules, staff and settings, in one transaction: the
    real store is attached read-only and copied in SQL, the columns both schemas have (the
    real store may be of an older release; it is never migrated). The practice store keeps
    its scenarios, practice runs, orders and `training=true`, and its publish revision
    moves past both stores'. Products, barcodes and rules are copied only when they may
    differ from what the last copy left (`_mark`).

    The real store is read as `store.read_store` reads it (`store_file.read_only_uri`):
    `immutable` when no till has it open, the copy counting only if the file stayed the
    same meanwhile (else it is rolled back and made again); `mode=ro` when a till has it
    open."""
    conn = sqlite3.connect(practice.resolve().as_uri(), uri=True, timeout=5.0,
                           isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA busy_timeout=5000")
        # Off while the tables are replaced whole (DELETE without a cascade to look up,
        # and SQLite's table-to-table transfer); `_copy` checks the barcodes afterwards.
        conn.execute("PRAGMA foreign_keys=OFF")
        for _attempt in range(READ_ATTEMPTS):
            source = read_only_uri(real)
            quiet = source.endswith("immutable=1")
            before = _file_state(real)
            try:
                conn.execute("ATTACH DATABASE ? AS real", [source])
            except sqlite3.DatabaseError as exc:
                raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is not a usable store "
                                                            "({why})").format(
                    path=real, why=exc)) from exc
            try:
                copied = _copy_attached(conn, real, quiet, before)
            finally:
                conn.execute("DETACH DATABASE real")
            if copied is not None:
                return copied
    finally:
        conn.close()
    raise StoreError(QT_TRANSLATE_NOOP("store", "{path} kept changing while it was being read; "
                                                "try again").format(path=real))


def _copy_attached(conn: sqlite3.Connection, real: Path, quiet: bool,
                   before: tuple[int, int, int]) -> SharedCopy | None:
    """The copy, committed; None (rolled back) when the quiet real store changed."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(QT_TRANSLATE_NOOP("store", "the practice store is busy or read-only "
                                                    "({why})").format(why=exc)) from exc
    try:
        copied = _copy(conn, real)
        if quiet and _file_state(real) != before:
            conn.rollback()
            return None
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.rollback()
        raise StoreError(QT_TRANSLATE_NOOP("store", "could not copy {path} into the practice "
                                                    "store ({why})").format(
            path=real, why=exc)) from exc
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    return copied


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA {schema}.table_info({table})")]


def _setting(conn: sqlite3.Connection, schema: str, key: str) -> Any:
    row = conn.execute(f"SELECT value FROM {schema}.settings WHERE key = ?", [key]).fetchone()
    return None if row is None else json.loads(row[0])


def _count(conn: sqlite3.Connection, table: str, schema: str = "main") -> int:
    return int(conn.execute(f"SELECT count(*) FROM {schema}.{table}").fetchone()[0])


def _mark(conn: sqlite3.Connection) -> dict[str, Any]:
    """What identifies the real store's catalog and rules, as the copy sees them: its
    schema steps (and the practice store's), its publish revision (every published change
    to them moves it on, in the same transaction), its row counts and newest rule."""
    def steps(schema: str) -> list[str]:
        return [row[0] for row in conn.execute(
            f"SELECT name FROM {schema}._sqlite_migrations ORDER BY rowid")]

    return {"real_schema": steps("real"), "practice_schema": steps("main"),
            "real_revision": int(_setting(conn, "real", PUBLISH_REVISION) or 0),
            "counts": [_count(conn, t, "real") for t in CATALOG_TABLES],
            "rules_updated": conn.execute("SELECT max(updated_at) FROM real.rules").fetchone()[0]}


def _check_real(conn: sqlite3.Connection, real: Path) -> dict[str, list[str]]:
    """The real store's columns of each shared table; refuses a file that is not a real
    store."""
    tables = {row[0] for row in conn.execute(
        "SELECT name FROM real.sqlite_master WHERE type = 'table'")}
    if tables and "_sqlite_migrations" not in tables:
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is a SQLite database of another "
                                                    "program, not a pos-prompter "
                                                    "store").format(path=real))
    missing = [t for t in (*SHARED_TABLES, "settings") if t not in tables]
    if missing:
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is not a usable store (it has no "
                                                    "{table} table)").format(
            path=real, table=missing[0]))
    if _setting(conn, "real", "training") is True:
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is a practice store; give the real "
                                                    "store with --db").format(path=real))
    return {t: _columns(conn, "real", t) for t in SHARED_TABLES}


def _copy(conn: sqlite3.Connection, real: Path) -> SharedCopy:
    real_columns = _check_real(conn, real)
    revision = int(_setting(conn, "main", PUBLISH_REVISION) or 0)
    mark = _mark(conn)
    last = _setting(conn, "main", COPIED_FROM)
    unchanged = isinstance(last, dict) and last.pop("practice_revision", None) == revision \
        and last == mark
    tables = ("staff",) if unchanged else SHARED_TABLES
    for table in reversed(tables):
        conn.execute(f"DELETE FROM main.{table}")
    for table in tables:
        ours = _columns(conn, "main", table)
        if real_columns[table] == ours:  # SQLite copies the rows and indexes whole
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM real.{table}")
        else:
            names = ", ".join(c for c in real_columns[table] if c in ours)
            conn.execute(f"INSERT INTO main.{table}({names}) SELECT {names} FROM real.{table}")
    orphan = conn.execute("PRAGMA main.foreign_key_check(barcodes)").fetchone()
    if orphan is not None:
        code, sku = conn.execute("SELECT code, sku FROM main.barcodes WHERE rowid = ?",
                                 [orphan[1]]).fetchone()
        raise StoreError(QT_TRANSLATE_NOOP("store", "{path} is not a usable store (its barcode "
                                                    "{code} names product {sku}, which it does "
                                                    "not have)").format(
            path=real, code=code, sku=sku))
    new_revision = max(revision, int(mark["real_revision"])) + 1
    conn.execute("DELETE FROM main.settings")
    conn.execute(f"INSERT INTO main.settings(key, value) SELECT key, value FROM real.settings "
                 f"WHERE key NOT IN ({', '.join('?' * len(OWN_SETTINGS))}) ORDER BY key",
                 OWN_SETTINGS)
    conn.executemany("INSERT INTO main.settings(key, value) VALUES (?, ?)", [
        ("training", "true"), (PUBLISH_REVISION, json.dumps(new_revision)),
        (COPIED_FROM, json.dumps({**mark, "practice_revision": new_revision},
                                 separators=(",", ":")))])
    return SharedCopy(products=_count(conn, "products"), rules=_count(conn, "rules"),
                      staff=_count(conn, "staff"), runs_kept=_count(conn, "practice_runs"),
                      scenarios_kept=_count(conn, "scenarios"), catalog_copied=not unchanged)
