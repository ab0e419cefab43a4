"""The catalog of a store: `store.catalog`. Loading it whole for a till, its categories,
and importing products (a CSV file, or one product edited in the workspace), audited.

An import first stages the products, checked, in the connection's own temporary tables
(no lock on the store), then compares and applies them in one short write, in SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from decimal import Decimal

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.catalog import (
    COLUMNS,
    LONGEST_NAMES,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    Catalog,
    Product,
    Sku,
    barcode_taken_problem,
    normalize_barcode,
)
from pos_prompter.core.errors import ValidationError
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.store.audit import json_object_sql, record_query
from pos_prompter.store.base import ImportSummary, Progress, StoreCore

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


class CatalogStore:
    """The products of one store (built by `Store` as `store.catalog`)."""

    def __init__(self, store: StoreCore) -> None:
        self._store = store

    def load(self) -> Catalog:
        """The whole catalog, indexed in memory (a scan never waits on the disk). Products
        are built from their rows on first use, so opening a chain-sized store stays fast.

        What waits to be built is plain text and strings, which the garbage collector never
        walks through (at chain size it would walk 100,000 lists and row tuples on every
        full collection, a tenth of the till's cold start): a product's row as a JSON array
        SQLite writes (that `dict()` takes straight from the cursor), its barcodes as its
        one code (most products have one) or a tuple of them, in code order."""
        conn = self._store.db.conn
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
            # Catalog.longest_names: ties in the catalog's order, which is the table's
            # (the records above are read in rowid order).
            longest = [name for (name,) in conn.execute(
                "SELECT name FROM products WHERE active "
                "ORDER BY length(name) DESC, rowid LIMIT ?", (LONGEST_NAMES,))]

            def build(record: str) -> Product:
                (sku, name, price, category, tags, family, size_rank, size_label, unit_qty, unit,
                 cost, active) = json.loads(record)
                own = codes.get(sku, ())
                return Product(Sku(sku), name, price, (own,) if isinstance(own, str) else own,
                               category, frozenset(json.loads(tags)), family, size_rank,
                               size_label, None if unit_qty is None else Decimal(unit_qty),
                               unit, cost, bool(active))

            return Catalog.from_records(records, barcodes, ranked, build, longest)

    def count(self) -> int:
        """How many products the store has (without loading them)."""
        return int(self._store.db.execute("SELECT count(*) FROM products").fetchone()[0])

    def categories(self) -> list[str]:
        """The categories products have, sorted (without loading the catalog)."""
        return [row[0] for row in self._store.db.execute(
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
        conn = self._store.db.conn
        total = len(products)
        try:
            self._stage_products(products, progress)
            with self._store.write() as db:
                conflicts = conn.execute(_IMPORT_CONFLICTS).fetchall()
                if conflicts:
                    raise ValidationError(
                        [barcode_taken_problem(products[pos],
                                               self._given_code(products[pos], code), owner)
                         for pos, code, owner in conflicts],
                        what=QT_TRANSLATE_NOOP("store", "catalog"))
                if kept:
                    conn.execute(_keep_sql(kept))
                # The same file again changes nothing: no audit rows, and tills keep what
                # they have (a new revision would reload them all).
                if conn.execute(_IMPORT_DIFF).rowcount:
                    self._store.bump_revision()
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
        problems: list[str] = []
        skus: set[str] = set()
        owners: dict[str, str] = {}
        for p in products:
            if p.sku in skus:
                problems.append(QT_TRANSLATE_NOOP("store", "SKU {sku} is given twice").format(
                    sku=p.sku))
            skus.add(p.sku)
            for code in p.barcodes:
                owner = owners.setdefault(normalize_barcode(code), p.sku)
                if owner != p.sku:
                    problems.append(QT_TRANSLATE_NOOP("store", "barcode {code} of {sku} is also "
                                                               "given to {owner}").format(
                        code=code, sku=p.sku, owner=owner))
        if problems:
            raise ValidationError(problems[:50], what=QT_TRANSLATE_NOOP("store", "catalog"))

    @staticmethod
    def _given_code(product: Product, code: str) -> str:
        """The barcode as the import gave it (UPC-A or EAN-13), for a message."""
        return next((c for c in product.barcodes if normalize_barcode(c) == code), code)

    def _stage_products(self, products: Sequence[Product], progress: Progress | None) -> None:
        """Write `products` into the temporary tables, in chunks, reporting progress. The
        temporary database is this connection's own: the store stays unlocked meanwhile.
        A product the store could not hold (a negative price...) fails here."""
        conn = self._store.db.conn
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
                raise self._store.save_failed(exc) from exc
            raise
        if own:
            conn.commit()

    def _drop_staging(self) -> None:
        for table in _STAGE_TABLES:
            self._store.db.conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
