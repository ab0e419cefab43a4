"""`pos-prompter audit verify --db PATH` (interfaces.md): exit 0 "ok: N entries, chain
intact", or 1 naming the first audit entry changed, removed or inserted behind the app's
back, the tampering done with sqlite3 as the audit did it (triggers dropped, row edited,
triggers put back). The real command line, in a subprocess."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import no_display_env, query, run_subprocess
from sqlite_utils import Database

from pos_prompter.store.migrations import migrations


def tamper(path: Path, *statements: str) -> None:
    """Drop the log's triggers, run `statements`, create the triggers again."""
    conn = sqlite3.connect(path)
    try:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'audit_log'").fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            conn.execute(statement)
        for _, sql in triggers:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def entry_count(db: Path) -> int:
    return query(db, "SELECT count(*) FROM audit_log")[0][0]


def test_an_untouched_store_verifies(spec_store: Path) -> None:
    count = entry_count(spec_store)
    assert count > 10
    result = run_subprocess("audit", "verify", "--db", spec_store)
    assert (result.code, result.out, result.err) == \
        (0, f"ok: {count} entries, chain intact\n", "")


FORGED = hashlib.sha256(b"forged").hexdigest()
INSERT = ("INSERT INTO audit_log(id, at, actor, entity, entity_id, action, before, after) "
          "VALUES ({id}, '2026-12-01T10:02:00', 'ana', 'setting', 'currency', 'change', "
          "'\"EUR\"', '\"USD\"')")


@pytest.mark.parametrize(("statements", "sentence"), [
    (["UPDATE audit_log SET actor = 'ana', at = '2026-12-01T10:02:00' WHERE id = 5"],
     r"audit entry 5 \(2026-12-01 10:02, \w+ \S+ added by ana\) was changed behind the "
     r"app's back \(the 4 entries before it link up\)"),
    ([f"UPDATE audit_log SET hash = '{FORGED}' WHERE id = 7"], r"audit entry 7 \(.*changed"),
    (["DELETE FROM audit_log WHERE id = 9"],
     r"the audit entry after entry 8 \(.*\) was removed behind the app's back"),
    (["DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"],
     r"the audit entry after entry {last_but_one} \(.*\) was removed"),
    ([INSERT.format(id="NULL")],
     r"audit entry {after_last} \(2026-12-01 10:02, setting currency changed by ana\) was "
     r"inserted behind the app's back"),
    (["UPDATE audit_log SET id = id + 100000 WHERE id > 3",
      "UPDATE audit_log SET id = id - 99999 WHERE id > 100000", INSERT.format(id=4)],
     r"audit entry 4 \(2026-12-01 10:02, setting currency changed by ana\) was inserted"),
], ids=["changed", "hash-edited", "removed", "removed-last", "inserted-at-end",
        "inserted-in-the-middle"])
def test_tampering_is_found_and_named(spec_store: Path, statements: list[str],
                                      sentence: str) -> None:
    last = query(spec_store, "SELECT max(id) FROM audit_log")[0][0]
    tamper(spec_store, *statements)
    result = run_subprocess("audit", "verify", "--db", spec_store)
    assert result.code == 1, result
    assert "Traceback" not in result.err
    assert result.out.count("\n") == 1
    assert re.fullmatch(sentence.format(last_but_one=last - 1, after_last=last + 1) + ".*\n",
                        result.out), result.out


def test_filters_with_verify_are_bad_usage(spec_store: Path) -> None:
    run_subprocess("audit", "verify", "--db", spec_store, "--actor", "ana"
                   ).assert_clean_error(2, "--actor")


def test_an_old_store_is_chained_and_verifies(tmp_path: Path) -> None:
    """A store from before the chain, its log written as the old code did: the command
    upgrades it, and the upgraded log verifies (and goes on verifying after a change)."""
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m011_audit_chain")
    db.conn.executemany(
        "INSERT INTO audit_log(at, actor, entity, entity_id, action, before, after) "
        "VALUES (?, 'ana', 'setting', ?, 'add', NULL, '1')",
        [(dt.datetime(2026, 11, 1, 9, n).isoformat(), f"k{n}") for n in range(30)])
    db.conn.commit()
    db.close()
    assert run_subprocess("audit", "verify", "--db", path).out == \
        "ok: 30 entries, chain intact\n"
    assert run_subprocess("settings", "--db", path, "store_name=Old shop").code == 0
    assert run_subprocess("audit", "verify", "--db", path).out == \
        "ok: 31 entries, chain intact\n"
    tamper(path, "DELETE FROM audit_log WHERE id = 12")
    assert "after entry 11 " in run_subprocess("audit", "verify", "--db", path).out


@pytest.mark.slow
def test_tills_changing_settings_at_once_make_one_chain(spec_store: Path) -> None:
    """Six command lines started together, each changing a setting: every change is in
    the log, and the log is one intact chain."""
    before = entry_count(spec_store)
    procs = [subprocess.Popen([sys.executable, "-m", "pos_prompter", "settings", "--db",
                               str(spec_store), f"store_name=Till {n}"],
                              env=no_display_env(), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, encoding="utf-8")
             for n in range(6)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, errors
    assert entry_count(spec_store) == before + 6
    result = run_subprocess("audit", "verify", "--db", spec_store)
    assert (result.code, result.out) == (0, f"ok: {before + 6} entries, chain intact\n")
