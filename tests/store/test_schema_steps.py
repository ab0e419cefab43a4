"""SchemaSteps (store/schema_steps.py): `up_to_date` says whether sqlite-utils' `apply` would
change anything, with plain SQL, and the steps still run through sqlite-utils."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_prompter.store import Store
from pos_prompter.store.migrations import migrations, step_names
from pos_prompter.store.schema_steps import SchemaSteps


def test_an_old_store_is_upgraded_and_a_current_one_is_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m011_audit_chain")
    assert not migrations.up_to_date(db.conn)
    db.close()
    with Store.open(path) as store:
        assert store.schema_version() == step_names()
        assert migrations.up_to_date(store.db.conn)


def test_a_migrations_table_of_the_older_layout_is_not_up_to_date(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db")
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, "
                 "applied_at TEXT)")  # no id primary key: apply() remakes the table
    conn.executemany("INSERT INTO _sqlite_migrations VALUES ('pos_prompter', ?, '')",
                     [(n,) for n in step_names()])
    assert not migrations.up_to_date(conn)


def test_steps_register_in_order_and_refuse_a_second_of_one_name(tmp_path: Path) -> None:
    steps = SchemaSteps("test")

    @steps()
    def one(db: Database) -> None:
        db.execute("CREATE TABLE a (x)")

    @steps(name="two")
    def second(db: Database) -> None:
        db["b"].insert({"x": 1})

    with pytest.raises(ValueError, match="already registered"):
        steps(name="one")(second)
    conn = sqlite3.connect(tmp_path / "s.db")
    assert steps.names() == ["one", "two"]
    assert not steps.up_to_date(conn)
    db = Database(conn)
    steps.apply(db)
    assert steps.up_to_date(conn)
    assert [m.name for m in steps.applied(db)] == ["one", "two"]
    assert steps.pending(db) == []
    assert db["b"].count == 1
