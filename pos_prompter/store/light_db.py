"""The store's connection as sqlite-utils' `Database`, without importing sqlite-utils until
something needs more than plain SQL (issue 14.2).

Importing sqlite-utils costs about as much as PySide6 itself (~50 ms: click, pluggy,
dateutil...), and the till's first screen only runs SQL: it opens the store, checks its
schema is current and reads settings, catalog, rules, staff and the open order. So a
store's connection is a `LightDatabase`: `execute`, `query`, `table_names` and `close` are
its own, with sqlite-utils' behaviour (a write outside a transaction is committed at once; a
failed statement leaves no transaction open; `query` runs in a savepoint and refuses SQL
that returns no rows); every other attribute (tables, `atomic`, `executescript`...) comes
from a real `sqlite_utils.Database` made over the same connection on first use.

`tests/store/test_light_db.py` runs the same statements through both and compares.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from sqlite_utils import Database

Params = Sequence[Any] | dict[str, Any] | None

_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT",
                                  "RELEASE"})
_NOT_QUERIES = _TRANSACTION_CONTROL | {"VACUUM", "ATTACH", "DETACH"}
NOT_A_QUERY = ("query() can only be used with SQL that returns rows - use execute() for "
               "other statements")


def first_keyword(sql: str) -> str:
    """The first keyword of `sql`, upper case, past blanks, semicolons, a byte order mark
    and comments ("" when there is none): what sqlite-utils decides transactions by."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in ";\ufeff":
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            if end == -1:
                return ""
            i = end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end == -1:
                return ""
            i = end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalpha() or sql[j] == "_"):
        j += 1
    return sql[i:j].upper()


class LightDatabase:
    """A sqlite3 connection that answers as sqlite-utils' `Database(conn,
    execute_plugins=False)` does (see the module's docstring). Made by `open_database`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: Database | None = None
        self.execute("PRAGMA recursive_triggers=on;")  # as Database() sets it

    @property
    def full(self) -> Database:
        """The sqlite-utils Database over this connection (imported and made once)."""
        if self._full is None:
            from sqlite_utils import Database

            self._full = Database(self.conn, execute_plugins=False)
        return self._full

    def __getattr__(self, name: str) -> Any:  # anything else: sqlite-utils'
        if name.startswith("__") or name == "_full":
            raise AttributeError(name)
        return getattr(self.full, name)

    def __getitem__(self, table: str) -> Any:
        return self.full[table]

    def __enter__(self) -> LightDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed at once, and a
        failed statement leaves no transaction open."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if (not was_in_transaction and conn.in_transaction and cursor.description is None
                and first_keyword(sql) not in _TRANSACTION_CONTROL):
            conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """Rows of `sql` as dicts (run now, fetched as iterated). SQL that returns no rows
        is refused (ValueError) and undone, as sqlite-utils does; a PRAGMA runs unguarded."""
        keyword = first_keyword(sql)
        if keyword in _NOT_QUERIES:
            raise ValueError(NOT_A_QUERY)
        if keyword == "PRAGMA":
            return self.full.query(sql, params)  # rare: sqlite-utils' own autocommit dance
        args: tuple[Any, ...] = (params,) if params is not None else ()
        conn = self.conn
        conn.execute('SAVEPOINT "sqlite_utils_query"')
        released = False
        try:
            cursor = conn.execute(sql, *args)
            if cursor.description is None:
                raise ValueError(NOT_A_QUERY)
            keys = _dedupe([d[0] for d in cursor.description])
            try:
                conn.execute('RELEASE "sqlite_utils_query"')
                released = True
            except sqlite3.OperationalError:  # a write with rows still to fetch
                fetched = cursor.fetchall()
                conn.execute('RELEASE "sqlite_utils_query"')
                released = True
                return (dict(zip(keys, row, strict=True)) for row in fetched)
            return (dict(zip(keys, row, strict=True)) for row in cursor)
        finally:
            if not released and conn.in_transaction:
                conn.execute('ROLLBACK TO "sqlite_utils_query"')
                conn.execute('RELEASE "sqlite_utils_query"')

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "select name from sqlite_master where type = 'table'").fetchall()]


def _dedupe(keys: list[str]) -> list[str]:
    """Column names made unique as sqlite-utils makes them (its own function: a repeated
    name is rare, and only then is sqlite-utils imported)."""
    if len(set(keys)) == len(keys):
        return keys
    from sqlite_utils.utils import dedupe_keys

    return dedupe_keys(keys)


def open_database(conn: sqlite3.Connection) -> Database:
    """`conn` as the store's Database: a `LightDatabase`, which stands in for sqlite-utils'
    (typed so, as every store module reads it through that type)."""
    return cast("Database", LightDatabase(conn))


def full_database(db: Database) -> Database:
    """sqlite-utils' own Database behind `db` (`db` itself when it is one)."""
    return db.full if isinstance(db, LightDatabase) else db
