"""LightDatabase (store/light_db.py) answers as sqlite-utils' Database over the same kind of
connection: the same rows, the same commits, the same refusals; and opening a current
store never imports sqlite-utils, while schema steps still run through it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from pos_prompter.bootstrap import init_store
from pos_prompter.store.light_db import LightDatabase, first_keyword, full_database

ROOT = Path(__file__).resolve().parents[2]


def both(tmp_path: Path) -> list[tuple[Any, sqlite3.Connection]]:
    """A LightDatabase and a sqlite-utils Database, each on a file of its own with one
    table t(a, b)."""
    made = []
    for name, kind in (("light.db", LightDatabase), ("full.db", None)):
        conn = sqlite3.connect(tmp_path / name)
        db = kind(conn) if kind else Database(conn, execute_plugins=False)
        db.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT)")
        made.append((db, conn))
    return made


def observe(db: Any, conn: sqlite3.Connection, act: Callable[[Any], Any]) -> tuple[Any, ...]:
    """What `act(db)` returned or raised, whether a transaction is left open, and the rows
    another connection sees."""
    try:
        result: Any = act(db)
        if hasattr(result, "__next__"):
            result = list(result)
        elif isinstance(result, sqlite3.Cursor):
            result = result.fetchall()
    except Exception as exc:  # the same refusal from both
        result = (type(exc).__name__, str(exc))
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    other = sqlite3.connect(path)
    try:
        seen = other.execute("SELECT a, b FROM t ORDER BY a").fetchall()
    finally:
        other.close()
    return result, conn.in_transaction, seen


ACTIONS: list[tuple[str, Callable[[Any], Any]]] = [
    ("insert outside a transaction: committed", lambda db: db.execute(
        "INSERT INTO t (a, b) VALUES (?, ?)", [1, "x"])),
    ("insert after a comment", lambda db: db.execute(
        "-- a comment\n/* another */ INSERT INTO t (a, b) VALUES (2, 'y')")),
    ("a failing insert leaves no transaction", lambda db: db.execute(
        "INSERT INTO t (a, b) VALUES (1, 'dup'), (1, 'dup')")),
    ("named parameters", lambda db: db.execute(
        "INSERT INTO t (a, b) VALUES (:a, :b)", {"a": 3, "b": "z"})),
    ("select", lambda db: db.execute("SELECT count(*) FROM t")),
    ("query as dicts", lambda db: db.query("SELECT a, b FROM t WHERE a > ?", [0])),
    ("query with a repeated column", lambda db: db.query("SELECT a, a, b FROM t")),
    ("query of a write is refused and undone", lambda db: db.query(
        "UPDATE t SET b = 'changed'")),
    ("query of a transaction statement is refused", lambda db: db.query("BEGIN")),
    ("query of a PRAGMA", lambda db: db.query("PRAGMA user_version")),
    ("a write with RETURNING through query", lambda db: db.query(
        "INSERT INTO t (a, b) VALUES (9, 'r') RETURNING a")),
    ("table names", lambda db: db.table_names()),
    ("explicit BEGIN stays open", lambda db: db.execute("BEGIN")),
    ("insert inside it is not committed", lambda db: db.execute(
        "INSERT INTO t (a, b) VALUES (4, 'w')")),
    ("query inside it", lambda db: db.query("SELECT b FROM t WHERE a = 4")),
    ("commit", lambda db: db.execute("COMMIT")),
    ("recursive triggers on, as Database() sets", lambda db: db.execute(
        "PRAGMA recursive_triggers")),
]


def test_light_database_behaves_as_sqlite_utils_database(tmp_path: Path) -> None:
    (light, light_conn), (full, full_conn) = both(tmp_path)
    for what, act in ACTIONS:
        assert observe(light, light_conn, act) == observe(full, full_conn, act), what


def test_the_rest_comes_from_sqlite_utils_over_the_same_connection(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "s.db")
    db = LightDatabase(conn)
    db["t"].insert({"a": 1, "b": "x"}, pk="a")  # a Table: sqlite-utils' own
    with db.atomic():
        db.execute("INSERT INTO t (a, b) VALUES (2, 'y')")
    assert db.full.conn is conn
    assert [r["b"] for r in db.query("SELECT b FROM t ORDER BY a")] == ["x", "y"]
    assert full_database(db) is db.full  # type: ignore[arg-type]


@pytest.mark.parametrize(("sql", "keyword"), [
    ("  select 1", "SELECT"), ("\ufeff;;-- c\nbegin", "BEGIN"), ("/* x */pragma a", "PRAGMA"),
    ("-- only a comment", ""), ("/* open", ""), ("", ""),
])
def test_first_keyword(sql: str, keyword: str) -> None:
    assert first_keyword(sql) == keyword


def test_opening_a_current_store_imports_no_sqlite_utils(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    code = ("import sys\nfrom pos_prompter.store import Store\n"
            f"with Store.open({str(path)!r}) as store:\n"
            "    store.load_settings(); store.catalog.load(); store.rules.load()\n"
            "    store.staff.clerks(); store.sales.open_order_state('till')\n"
            "print('sqlite_utils' in sys.modules)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
