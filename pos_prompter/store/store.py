"""The store: one SQLite file per shop, holding catalog, rules, settings, staff, orders and
the prompt outcome log.

Durability: WAL journal, `synchronous=FULL`, foreign keys on, and every write an explicit
`BEGIN IMMEDIATE ... COMMIT`, so a scan or an answer is on disk before the screen shows it
and a power cut loses nothing that was shown. One Store (one connection) per process is the
one writer of that process.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.catalog import (
    COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    Catalog,
    Product,
    Sku,
    barcode_taken_problem,
    normalize_barcode,
)
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.past_orders import PastOrder
from pos_prompter.core.rules import Rule, RulePack, Settings
from pos_prompter.core.session import OrderSession, TillEvent
from pos_prompter.store.audit import (
    Change,
    diff_changes,
    json_object_sql,
    record,
    record_query,
    staff_snapshot,
)
from pos_prompter.store.base import ImportSummary, Progress, StoreError, now_text
from pos_prompter.store.history import StoreHistory
from pos_prompter.store.migrations import migrations
from pos_prompter.store.order_rows import FIRST_COLUMNS, read_lines, save_order
from pos_prompter.store.past_import import foreign_keys_unchecked, insert_past_orders
from pos_prompter.store.reports import add_imported_orders, insert_trigger_lifted
from pos_prompter.store.rule_store import RuleResults, RuleStore
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

PUBLISH_REVISION = "publish_revision"
"""The settings key counting published changes (see Store.publish_revision)."""

IMPORT_CHUNK = 1000
"""Rows written between two progress reports during an import."""

PRODUCT_COLUMNS = ("sku", "name", "price_cents", "category", "tags", "family", "size_rank",
                   "size_label", "unit_qty", "unit", "cost_cents", "active")


def _product_json(alias: str, codes: str) -> str:
    """SQL for a product as the audit log shows it: its row (columns of `alias`), tags
    decoded, with its barcodes (`codes`, a JSON list as text)."""
    fields = {column: f"{alias}{column}" for column in PRODUCT_COLUMNS}
    fields["tags"] = f"json({alias}tags)"
    fields["barcodes"] = f"json({codes})"
    return json_object_sql(fields)


# An import first stages the file, checked, into tables of the connection's own temporary
# database (no lock on the store: tills go on saving scans), then applies it in one short
# write. Staged products are numbered in SKU order (`row`), so that write walks the
# store's tables and indexes in key order whatever the order of the file (a shuffled
# file would take half as long again); `pos` is a product's place in the file.
_STAGE_TABLES = ("import_stage", "import_codes", "import_diff")
_STAGE_SCHEMA = (
    f"""CREATE TEMP TABLE import_stage (
        row INTEGER PRIMARY KEY,
        pos INTEGER NOT NULL,
        sku TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        category TEXT,
        tags TEXT NOT NULL,
        family TEXT,
        size_rank INTEGER,
        size_label TEXT,
        unit_qty TEXT,
        unit TEXT,
        cost_cents INTEGER,
        active INTEGER NOT NULL,
        codes TEXT NOT NULL,               -- JSON list of its barcodes, EAN-13 form, sorted
        after TEXT AS ({_product_json("", "codes")}) STORED  -- for the audit log
    )""",
    """CREATE TEMP TABLE import_codes (
        code TEXT PRIMARY KEY,
        row INTEGER NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX temp.import_codes_row ON import_codes(row)",
    # The products the import adds or changes, found inside the final transaction.
    """CREATE TEMP TABLE import_diff (
        row INTEGER PRIMARY KEY,
        action TEXT NOT NULL,              -- 'add' or 'change'
        codes_changed INTEGER NOT NULL
    )""",
)
_STAGE_PRODUCT = (f"INSERT INTO temp.import_stage(row, pos, {', '.join(PRODUCT_COLUMNS)}, "
                  f"codes) VALUES (?, ?, {', '.join('?' * len(PRODUCT_COLUMNS))}, ?)")
_STAGE_CODE = "INSERT INTO temp.import_codes(code, row) VALUES (?, ?)"
# A code may move between products of the import, never away from a product it leaves out.
_IMPORT_CONFLICTS = """
    SELECT s.pos, c.code, b.sku FROM temp.import_codes c
    JOIN main.barcodes b ON b.code = c.code
    JOIN temp.import_stage s ON s.row = c.row
    WHERE b.sku <> s.sku AND b.sku NOT IN (SELECT sku FROM temp.import_stage)
    ORDER BY s.pos, c.code LIMIT 50"""
_OLD_CODES = ("(SELECT json_group_array(code) FROM "
              "(SELECT code FROM main.barcodes WHERE sku = s.sku ORDER BY code))")
# The barcodes last: when a cheaper test decides, they are looked up once, not twice.
_IMPORT_DIFF = f"""
    INSERT INTO temp.import_diff(row, action, codes_changed)
    SELECT row, IIF(found, 'change', 'add'), codes_changed FROM (
        SELECT s.row AS row, p.sku IS NOT NULL AS found,
               IIF(p.sku IS NULL, s.codes <> '[]', s.codes IS NOT {_OLD_CODES})
                   AS codes_changed,
               {" OR ".join(f"p.{c} IS NOT s.{c}" for c in PRODUCT_COLUMNS[1:])} AS differs
        FROM temp.import_stage s LEFT JOIN main.products p ON p.sku = s.sku)
    WHERE NOT found OR differs OR codes_changed"""
# A column the file leaves out keeps each existing product's stored value: the staged row
# takes it from the store inside the final transaction, before the diff (so a kept value
# neither differs nor is audited as a change). Staged products new to the store keep the
# defaults they were staged with. CSV column -> staged column.
_KEEP_COLUMN = {"barcodes": "codes", "cost": "cost_cents"}
_KEEP_SOURCE = {"codes": _OLD_CODES}


def _keep_sql(kept: Sequence[str]) -> str:
    """SQL giving the staged products the store already has its values of `kept` (CSV
    columns), in one statement."""
    targets = [_KEEP_COLUMN.get(column, column) for column in kept]
    sets = ", ".join(f"{t} = {_KEEP_SOURCE.get(t, f'p.{t}')}" for t in targets)
    return (f"UPDATE temp.import_stage AS s SET {sets} "
            "FROM main.products AS p WHERE p.sku = s.sku")


# Run before the products change: `before` is the product as it is inside this transaction.
_IMPORT_AUDIT = f"""
    SELECT 'product' AS entity, s.sku AS entity_id, d.action AS action,
           IIF(d.action = 'add', NULL,
               {_product_json("p.", f"IIF(d.codes_changed, {_OLD_CODES}, s.codes)")}) AS before,
           s.after AS after
    FROM temp.import_diff d JOIN temp.import_stage s ON s.row = d.row
    LEFT JOIN main.products p ON p.sku = s.sku
    ORDER BY d.row"""
_IMPORT_UPSERT = f"""
    INSERT INTO main.products({", ".join(PRODUCT_COLUMNS)})
    SELECT {", ".join(f"s.{c}" for c in PRODUCT_COLUMNS)}
    FROM temp.import_diff d JOIN temp.import_stage s ON s.row = d.row WHERE true ORDER BY d.row
    ON CONFLICT(sku) DO UPDATE SET
        {", ".join(f"{c} = excluded.{c}" for c in PRODUCT_COLUMNS[1:])}"""
_IMPORT_DROP_CODES = """
    DELETE FROM main.barcodes WHERE sku IN (
        SELECT s.sku FROM temp.import_diff d JOIN temp.import_stage s ON s.row = d.row
        WHERE d.codes_changed AND d.action = 'change')"""
# In SKU order, through import_codes_row (twice as quick as a scan of import_codes).
_IMPORT_ADD_CODES = """
    INSERT INTO main.barcodes(code, sku)
    SELECT c.code, s.sku FROM temp.import_codes c
    JOIN temp.import_diff d ON d.row = c.row JOIN temp.import_stage s ON s.row = c.row
    WHERE d.codes_changed"""


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
        raise StoreError(f"{path} is a SQLite database of another program, not a "
                         "pos-prompter store")
    if existing:
        raise StoreError(not_ours_text(path))


class Store:
    """A store file. Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._writing = False
        self.read_only: str | None = None
        """Why this store cannot be written (a read-only file or folder, a full disk), as
        the sentence every write is refused with; None when it can be."""
        self.rules = RuleStore(self)
        """The published rules and their results."""

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
                raise StoreError(f"cannot create the folder {path.parent} "
                                 f"({exc.strerror})") from exc
        else:
            problem = file_problem(path)
            if problem is not None:
                raise StoreError(problem)
            if not can_write(path):
                return cls._open_read_only(path, read_only_text(path))
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(str(path), timeout=5.0)
            db = Database(conn)
            _refuse_foreign_database(db, path, existing=not create)
            db.execute(f"PRAGMA page_size={NEW_STORE_PAGE_SIZE}")  # a new file only
            db.execute("PRAGMA journal_mode=WAL")
            store = cls(db, path)
            store._configure()
            migrations.apply(db)
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
                             or f"{path} is not a usable store ({exc})") from exc
        return store

    @classmethod
    def _open_read_only(cls, path: Path, reason: str) -> Store:
        """The store `path` for reading only, writing nothing beside it (read_only_uri). A
        store of an older version is upgraded in a copy in memory, never in the file."""
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5.0)
        try:
            db = Database(conn)
            _refuse_foreign_database(db, path)
            if migrations.pending(db):
                mem = sqlite3.connect(":memory:")
                conn.backup(mem)
                conn.close()
                conn, db = mem, Database(mem)
                migrations.apply(db)
            store = cls(db, path)
            store._configure()
        except (sqlite3.DatabaseError, StoreError) as exc:
            conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(failure_text(exc, path)
                             or f"{path} is not a usable store ({exc})") from exc
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
            store = cls(Database(mem), None)
            store._configure()
            migrations.apply(store.db)
        except (sqlite3.DatabaseError, StoreError) as exc:
            mem.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(failure_text(exc, path)
                             or f"{path} is not a usable store ({exc})") from exc
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
                             or f"the store is busy or read-only ({exc})") from exc
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
        return StoreError(failure_text(exc, self.path) or f"could not save to the store ({exc})")

    def schema_version(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

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

    def history(self) -> StoreHistory:
        """The store's sales history, for evidence such as attach rates."""
        return StoreHistory(self.db)

    def save_settings(self, settings: Settings, *, actor: str | None = None) -> None:
        """Write the values of `settings` a rule pack can give, audited, in one
        transaction (or the one under way)."""
        self.set_settings({"max_prompts_per_order": settings.max_prompts_per_order,
                           "max_offer_ratio": str(settings.max_offer_ratio),
                           "currency": settings.currency}, actor=actor)

    # ------------------------------------------------------------------ catalog

    def load_catalog(self) -> Catalog:
        """The whole catalog, indexed in memory (a scan never waits on the disk). Products
        are built from their rows on first use, so opening a chain-sized store stays fast.

        What waits to be built is plain text and strings, which the garbage collector never
        walks through (at chain size it would walk 100,000 lists and row tuples on every
        full collection, a tenth of the till's cold start): a product's row as a JSON array
        SQLite writes (that `dict()` takes straight from the cursor), its barcodes as its
        one code (most products have one) or a tuple of them, in code order."""
        conn = self.db.conn
        with gc_paused():
            codes: dict[str, str | tuple[str, ...]] = {}
            barcodes: dict[str, str] = {}
            for code, sku in conn.execute("SELECT code, sku FROM barcodes ORDER BY code"):
                barcodes[code] = sku
                had = codes.get(sku)
                codes[sku] = (code if had is None else (had, code) if type(had) is str
                              else (*had, code))
            records: dict[str, str] = dict(conn.execute(
                f"SELECT sku, json_array({', '.join(PRODUCT_COLUMNS)}) FROM products"))
            ranked = conn.execute("SELECT family, size_rank, sku FROM products "
                                  "WHERE family IS NOT NULL AND size_rank IS NOT NULL")

            def build(record: str) -> Product:
                (sku, name, price, category, tags, family, size_rank, size_label, unit_qty, unit,
                 cost, active) = json.loads(record)
                own = codes.get(sku, ())
                return Product(Sku(sku), name, price, (own,) if type(own) is str else own,
                               category, frozenset(json.loads(tags)), family, size_rank,
                               size_label, None if unit_qty is None else Decimal(unit_qty),
                               unit, cost, bool(active))

            return Catalog.from_records(records, barcodes, ranked, build)

    def product_categories(self) -> list[str]:
        """The categories products have, sorted (without loading the catalog)."""
        return [row[0] for row in self.db.execute(
            "SELECT DISTINCT category FROM products WHERE category IS NOT NULL "
            "AND category <> '' ORDER BY category")]

    def import_products(self, products: Sequence[Product],
                        progress: Progress | None = None, *,
                        actor: str | None = None,
                        columns: Iterable[str] | None = None) -> ImportSummary:
        """Add or update products by SKU, all or nothing. Never deletes products (order
        history refers to them). Re-importing the same file changes nothing. Each added or
        changed product is audited (by `actor`), in the same transaction.

        `columns` are the catalog CSV columns the products were read with (None: all, as
        for products built in code). A column left out keeps each existing product's
        stored value (a price-only file keeps the barcodes); a product new to the store
        takes its fields as given (the defaults). An empty cell of a column the file has
        clears that field.

        The products are checked and staged first, in the connection's own temporary
        tables, while other tills go on writing; then one short transaction compares them
        with the store as it is at that moment (another process may have changed products
        meanwhile), and applies and audits what differs, in SQL. The store's write lock is
        held for that transaction only (bench_store.py measures it); `progress` reaches
        (total, total) once it is committed."""
        self._check_import(products)
        kept = self._kept_columns(columns)
        conn = self.db.conn
        total = len(products)
        try:
            self._stage_products(products, progress)
            with self.write() as db:
                conflicts = conn.execute(_IMPORT_CONFLICTS).fetchall()
                if conflicts:
                    raise ValidationError(
                        [barcode_taken_problem(products[pos],
                                               self._given_code(products[pos], code), owner)
                         for pos, code, owner in conflicts], what="catalog")
                if kept:
                    conn.execute(_keep_sql(kept))
                # The same file again changes nothing: no audit rows, and tills keep what
                # they have (a new revision would reload them all).
                if conn.execute(_IMPORT_DIFF).rowcount:
                    self.bump_revision()
                record_query(db, _IMPORT_AUDIT, actor=actor)
                conn.execute(_IMPORT_UPSERT)
                conn.execute(_IMPORT_DROP_CODES)
                conn.execute(_IMPORT_ADD_CODES)
            added: list[str] = []
            changed: list[str] = []
            for pos, action in conn.execute(
                    "SELECT s.pos, d.action FROM temp.import_diff d "
                    "JOIN temp.import_stage s ON s.row = d.row ORDER BY s.pos"):
                (added if action == "add" else changed).append(products[pos].sku)
        finally:
            self._drop_staging()
        if progress:
            progress(total, total)
        return ImportSummary(added=added, changed=changed, removed=[],
                             unchanged=total - len(added) - len(changed))

    @staticmethod
    def _kept_columns(columns: Iterable[str] | None) -> list[str]:
        """The optional catalog columns `columns` leaves out (none when it is None)."""
        if columns is None:
            return []
        given = set(columns)
        wrong = sorted(given - set(COLUMNS)) + [c for c in REQUIRED_COLUMNS if c not in given]
        if wrong:
            raise ValueError(f"not a catalog file's columns: {sorted(given)}")
        return [c for c in OPTIONAL_COLUMNS if c not in given]

    @staticmethod
    def _check_import(products: Sequence[Product]) -> None:
        """Refuse an import that gives a SKU twice, or one barcode to two products."""
        problems = []
        skus: set[str] = set()
        owners: dict[str, str] = {}
        for p in products:
            if p.sku in skus:
                problems.append(f"SKU {p.sku} is given twice")
            skus.add(p.sku)
            for code in p.barcodes:
                owner = owners.setdefault(normalize_barcode(code), p.sku)
                if owner != p.sku:
                    problems.append(f"barcode {code} of {p.sku} is also given to {owner}")
        if problems:
            raise ValidationError(problems[:50], what="catalog")

    @staticmethod
    def _given_code(product: Product, code: str) -> str:
        """The barcode as the import gave it (UPC-A or EAN-13), for a message."""
        return next((c for c in product.barcodes if normalize_barcode(c) == code), code)

    def _stage_products(self, products: Sequence[Product], progress: Progress | None) -> None:
        """Write `products` into the temporary tables, in chunks, reporting progress. The
        temporary database is this connection's own: the store stays unlocked meanwhile.
        A product the store could not hold (a negative price...) fails here."""
        conn = self.db.conn
        own = not conn.in_transaction  # inside an outer write, staging joins it
        try:
            if own:
                conn.execute("BEGIN")
            self._drop_staging()
            for statement in _STAGE_SCHEMA:
                conn.execute(statement)
            total = len(products)
            by_sku = sorted(range(total), key=lambda pos: products[pos].sku)
            for start in range(0, total, IMPORT_CHUNK):
                chunk = [(row, pos, products[pos]) for row, pos in
                         enumerate(by_sku[start:start + IMPORT_CHUNK], start)]
                conn.executemany(_STAGE_PRODUCT, [
                    (row, pos, p.sku, p.name, p.price, p.category, json.dumps(sorted(p.tags)),
                     p.family, p.size_rank, p.size_label,
                     None if p.unit_qty is None else str(p.unit_qty), p.unit, p.cost,
                     int(p.active),
                     json.dumps(sorted({normalize_barcode(c) for c in p.barcodes}),
                                separators=(",", ":")))
                    for row, pos, p in chunk])
                conn.executemany(_STAGE_CODE, [
                    (code, row) for row, _, p in chunk
                    for code in {normalize_barcode(c) for c in p.barcodes}])
                done = start + len(chunk)
                if progress and done < total:
                    progress(done, total)
        except BaseException as exc:
            if own:
                conn.rollback()
            if isinstance(exc, sqlite3.DatabaseError):
                raise self.save_failed(exc) from exc
            raise
        if own:
            conn.commit()

    def _drop_staging(self) -> None:
        for table in _STAGE_TABLES:
            self.db.conn.execute(f"DROP TABLE IF EXISTS temp.{table}")

    # ------------------------------------------------------------ moved (issue 12)
    # Thin delegates to the concern stores for callers owned by others this session.

    def load_rules(self) -> list[Rule]:
        # TODO(#12): callers in ui/workspace/rule_editor.py, ui/workspace/window.py,
        # tests/ui/workspace/test_workspace_rule_list.py, test_rule_list_uplift.py,
        # test_rule_editor.py, test_preview_sample.py, test_read_aloud.py
        return self.rules.load()

    def replace_rules(self, pack: RulePack, *, merge: bool = False,
                      actor: str | None = None) -> ImportSummary:
        # TODO(#12): callers in tests/ui/workspace/test_workspace_rule_list.py,
        # tests/store/test_store_scan_writes.py, tests/store/test_store_history.py
        return self.rules.replace(pack, merge=merge, actor=actor)

    def save_rule(self, rule: Rule, *, actor: str | None = None) -> str:
        # TODO(#12): callers in ui/workspace/rule_list.py, ui/workspace/rule_editor.py,
        # tests/ui/workspace/test_workspace_rule_list.py, test_rule_list_uplift.py
        return self.rules.save(rule, actor=actor)

    def delete_rule(self, rule_id: str, *, actor: str | None = None) -> bool:
        # TODO(#12): callers in ui/workspace/rule_list.py, test_workspace_rule_list.py
        return self.rules.delete(rule_id, actor=actor)

    def rule_results(self) -> dict[str, RuleResults]:
        # TODO(#12): callers in ui/workspace/rule_list.py, test_workspace_rule_list.py,
        # test_rule_list_uplift.py
        return self.rules.results()

    # ------------------------------------------------------------------ staff

    def clerks(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT name FROM staff WHERE role = 'clerk' AND active = 1 ORDER BY id")]

    def add_staff(self, name: str, role: str = "clerk", *, actor: str | None = None) -> None:
        """Add a person with no PIN or password yet (nothing if the name exists).
        pos_prompter.store.auth adds people with their secret."""
        with self.write() as db:
            cur = db.execute("INSERT INTO staff(name, role) VALUES (?, ?) "
                             "ON CONFLICT(name) DO NOTHING", [name, role])
            if cur.rowcount == 1:
                record(db, [Change("staff", name, "add", None, staff_snapshot(
                    name, role, True, secret_set=False, secret_changed_at=None))],
                       actor=actor)

    # ------------------------------------------------------------------ orders

    def new_order(self, *, clerk: str | None, customer: str | None, now: dt.datetime,
                  till: str | None = None) -> int:
        with self.write() as db:
            cur = db.execute("INSERT INTO orders(status, clerk, customer, opened_at, till) "
                             "VALUES ('open', ?, ?, ?, ?)",
                             [clerk, customer, now_text(now), till])
            order_id = cur.lastrowid
        assert order_id is not None
        return order_id

    def save_session(self, session: OrderSession, events: Iterable[TillEvent],
                     now: dt.datetime, *, rev: int) -> int:
        """Commit the order as it now is, with the prompt outcomes of `events`, at once.

        `rev` is the revision this till last saved (or read); if someone else saved the
        order since, nothing is written and StoreError says so. Returns the new revision.
        """
        with self.write() as db:
            if not save_order(db.conn, session, events, now_text(now), rev):
                raise StoreError(f"order {session.order_id} was changed at another till; "
                                 "reopen the till to see it as it now is")
        return rev + 1

    def import_orders(self, orders: Sequence[PastOrder], *, source: str = "import",
                      progress: Progress | None = None,
                      now: dt.datetime | None = None) -> ImportSummary:
        """Past paid orders from another till, in one transaction. An order already
        imported from the same source is left as it is (re-importing adds nothing)."""
        known = {r[0] for r in self.db.execute(
            "SELECT external_id FROM orders WHERE source = ?", [source])}
        new = [o for o in orders if o.external_id not in known]
        with gc_paused(), foreign_keys_unchecked(self.db.conn), self.write() as db, \
                insert_trigger_lifted(db.conn):
            first = insert_past_orders(db.conn, new, source=source, at=now_text(now),
                                       progress=progress)
            add_imported_orders(db.conn, source, first - 1)  # what the trigger would add
        return ImportSummary(added=[o.external_id for o in new], changed=[], removed=[],
                             unchanged=len(orders) - len(new))

    def open_order_state(self, till: str | None = None) -> tuple[dict[str, Any], int] | None:
        """This till's newest order still open, exactly as last committed (after a crash
        too), with its revision. `lines_in_rows` in the state says its lines came from
        order_lines (False: from the state itself, as an older version saved them)."""
        row = self.db.execute("SELECT id, state, clerk, customer, rev FROM orders "
                              "WHERE status = 'open' AND till IS ? "
                              "ORDER BY id DESC LIMIT 1", [till]).fetchone()
        if row is None:
            return None
        state = json.loads(row[1]) if row[1] and row[1] != "{}" else {}
        state.setdefault("order_id", row[0])
        state.setdefault("clerk", row[2])
        state.setdefault("customer", row[3])
        state["lines_in_rows"] = "lines" not in state
        if state["lines_in_rows"]:
            state["lines"] = read_lines(self.db.conn, row[0])
        return state, int(row[4])

    def adopt_open_order(self, till: str) -> bool:
        """Give `till` the newest order left open by a till without a name (one from
        before tills had names), once: in one write, so of two tills starting at once only
        one takes it. Returns whether there was one."""
        with self.write() as db:
            cur = db.execute("UPDATE orders SET till = ? WHERE id = (SELECT id FROM orders "
                             "WHERE status = 'open' AND till IS NULL ORDER BY id DESC LIMIT 1)",
                             [till])
            return cur.rowcount == 1

    def order_lines(self, order_id: int) -> list[dict[str, Any]]:
        return list(self.db.query(f"SELECT {', '.join(FIRST_COLUMNS)} FROM order_lines "
                                  "WHERE order_id = ? ORDER BY line_no", [order_id]))

    def prompt_events(self, order_id: int | None = None) -> list[dict[str, Any]]:
        if order_id is None:
            return list(self.db.query("SELECT * FROM prompt_events ORDER BY id"))
        return list(self.db.query("SELECT * FROM prompt_events WHERE order_id = ? "
                                  "ORDER BY id", [order_id]))

    def orders(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT id, status, clerk, customer, opened_at, closed_at, "
                                  "total_cents FROM orders ORDER BY id"))


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
            _refuse_foreign_database(Database(conn), path)
            result = read(conn)
        finally:
            conn.close()
        if not quiet or _file_state(path) == before:
            return result
    raise StoreError(f"{path} kept changing while it was being read; try again")


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
        raise StoreError(f"{src} is not a usable store ({exc})") from exc
    finally:
        target.close()
