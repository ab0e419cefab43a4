"""The audit log's hash chain: each entry holds `hash = sha256(previous hash, "\\n", its
fields)`, the first chained from GENESIS, so an entry changed, removed or inserted with
plain SQL (dropping the append-only triggers) no longer links up, and `verify_chain` finds
the first one.

The fields are the row's id, at, actor, entity, entity_id, action, before and after, as a
compact JSON list (UTF-8): unambiguous, and the same text whatever wrote the row. Writers
append through `append_chained`, inside their write transaction (BEGIN IMMEDIATE), which
reads the chain's end there, so two tills writing at once still make one chain.

`audit_head` holds the id and hash of the last entry the app wrote: without it, removing
the last entries would leave a shorter chain that still verifies. It proves nothing
against someone who recomputes every hash and the head (see docs/decisions.md).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final, Literal

from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said

GENESIS: Final = "80d999a056ebf2e6f86691f0812b8698ac524f7716a0be8727c7876cbec9ea8c"
"""What the first entry chains from: sha256(b"pos-prompter audit log"), written out so that
opening a store loads no hashlib (OpenSSL's, ~2 ms of the till's start; test_audit_chain)."""

COLUMNS: Final = ("id", "at", "actor", "entity", "entity_id", "action", "before", "after")
_SELECT: Final = f"SELECT {', '.join(COLUMNS)}, hash FROM audit_log ORDER BY id"

Row = tuple[Any, ...]
"""An entry's fields in COLUMNS order (then, when read back, its stored hash)."""

Problem = Literal["changed", "removed", "inserted"]


def _plain(value: Any) -> Any:
    """A value JSON can hold: a BLOB a tamperer stored still hashes (and differs)."""
    if isinstance(value, bytes):
        return {"blob": value.hex()}
    raise TypeError(type(value).__name__)


_encode: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"),
                                  default=_plain).encode
_WIDTH: Final = len(COLUMNS)


def link(prev: str | None, fields: Row) -> str:
    """The hash of an entry with these `fields` (COLUMNS order) after the hash `prev`."""
    import hashlib  # on first use (see GENESIS)

    text = _encode(fields[:_WIDTH])
    return hashlib.sha256(f"{prev or ''}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()


# ---------------------------------------------------------------------- writing


def _chain_end(conn: sqlite3.Connection) -> tuple[int, str]:
    """The id after which the next entry goes and the hash it chains from: the head the
    app wrote last (an id past any row put in behind its back, so none is reused)."""
    top = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0] or 0
    head = conn.execute("SELECT last_id, hash FROM audit_head").fetchone()
    if head is None:  # the head was removed behind the app's back: go on from the last row
        row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return top, (row[0] if row and row[0] else GENESIS)
    return max(top, head[0]), head[1]


def append_chained(conn: sqlite3.Connection, entries: Iterable[Row]) -> int:
    """Append `entries` (at, actor, entity, entity_id, action, before, after) to the log,
    chained, and move the head on. Call inside the write transaction. Streams: `entries`
    may be a cursor over thousands of rows. Returns how many were written."""
    last_id, prev = _chain_end(conn)
    start = last_id

    def chained() -> Iterator[Row]:
        nonlocal last_id, prev
        for entry in entries:
            last_id += 1
            fields = (last_id, *entry)
            prev = link(prev, fields)
            yield (*fields, prev)

    conn.executemany(f"INSERT INTO audit_log({', '.join(COLUMNS)}, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", chained())
    if last_id != start:
        conn.execute("INSERT INTO audit_head(one, last_id, hash) VALUES (1, ?, ?) "
                     "ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id, "
                     "hash = excluded.hash", [last_id, prev])
    return last_id - start


def chain_existing(conn: sqlite3.Connection) -> int:
    """Chain every entry of a store made before the chain (its hashes all NULL), in id
    order, and set the head (the migration's work). Returns how many were chained."""
    prev, last_id, hashes = GENESIS, 0, []
    for row in conn.execute(_SELECT):
        prev, last_id = link(prev, row), row[0]
        hashes.append((prev, last_id))
    conn.executemany("UPDATE audit_log SET hash = ? WHERE id = ?", hashes)
    conn.execute("INSERT INTO audit_head(one, last_id, hash) VALUES (1, ?, ?)", [last_id, prev])
    return len(hashes)


# ---------------------------------------------------------------------- verifying


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """What `verify_chain` found: `entries` that link up, and the first problem (None
    when the chain is intact). `entry` is the entry changed or inserted; for a removal,
    the entry after which one is missing (None: the first one is)."""

    entries: int
    problem: Problem | None = None
    entry: Row | None = None
    text: str = ""

    @property
    def intact(self) -> bool:
        return self.problem is None


_PAST: Final = {"add": QT_TRANSLATE_NOOP("store", "added"),
                 "change": QT_TRANSLATE_NOOP("store", "changed"),
                 "remove": QT_TRANSLATE_NOOP("store", "removed")}


def _short(text: Any, limit: int = 40) -> str:
    """Cut to `limit`; bytes that were not UTF-8 (read as surrogates) shown as "?"."""
    shown = str(text).encode("utf-8", "replace").decode("utf-8")
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def _parts(row: Row) -> dict[str, object]:
    """An entry's parts for a sentence: number, when, what (entity, id, action), by whom."""
    return {"number": f"{row[0]:,}", "at": _short(row[1]).replace("T", " ")[:16],
            "entity": _short(row[3], 20), "id": _short(row[4]),
            "action": _PAST.get(row[5], _short(row[5], 20)), "actor": _short(row[2])}


def describe(row: Row) -> Said:
    """'audit entry 1,234 (2026-12-01 10:02, setting currency changed by ana)'."""
    return QT_TRANSLATE_NOOP("store", "audit entry {number} ({at}, {entity} {id} {action} by "
                                      "{actor})").format(**_parts(row))


def _found(entries: int, problem: Problem, entry: Row | None) -> ChainCheck:
    if entry is None:
        text = QT_TRANSLATE_NOOP("store", "the first audit entry was removed behind the app's "
                                          "back")
    elif problem == "removed":
        text = QT_TRANSLATE_NOOP("store", "the audit entry after entry {number} ({at}, {entity} "
                                          "{id} {action} by {actor}) was removed behind the "
                                          "app's back").format(**_parts(entry))
    elif problem == "inserted":
        text = QT_TRANSLATE_NOOP("store", "audit entry {number} ({at}, {entity} {id} {action} "
                                          "by {actor}) was inserted behind the app's "
                                          "back").format(**_parts(entry))
    else:
        text = QT_TRANSLATE_NOOP("store", "audit entry {number} ({at}, {entity} {id} {action} "
                                          "by {actor}) was changed behind the app's "
                                          "back").format(**_parts(entry))
    return ChainCheck(entries, problem, entry, text)


def _classify(entries: int, good: Row | None, bad: Row, after: Row | None,
              head: Row | None) -> ChainCheck:
    """`bad` does not link to `good` (the last entry that did, None: the start). Which of
    changed, removed or inserted, from whether the entry `after` it (or the head, at the
    end) links to `bad`'s stored hash, or to `good` instead."""
    good_hash, good_id = (GENESIS, 0) if good is None else (good[-1], good[0])
    if after is not None:
        own_hash_true = link(bad[-1], after) == after[-1]
        skips_bad = after[-1] in (link(good_hash, after),
                                  link(good_hash, (good_id + 1, *after[1:])))
    else:
        own_hash_true = head is not None and tuple(head) == (bad[0], bad[-1])
        skips_bad = head is not None and tuple(head) == (good_id, good_hash)
    if own_hash_true and bad[0] > good_id + 1:
        return _found(entries, "removed", good)
    if skips_bad and not own_hash_true:
        return _found(entries, "inserted", bad)
    return _found(entries, "changed", bad)


def verify_chain(conn: sqlite3.Connection) -> ChainCheck:
    """Walk the log in id order (streaming) and name the first entry changed, removed or
    inserted behind the app's back. Reads one snapshot of the store (a write committed
    meanwhile is seen whole or not at all)."""
    if conn.in_transaction:
        return _verify_readable(conn)
    conn.execute("BEGIN")
    try:
        return _verify_readable(conn)
    finally:
        conn.rollback()


def _verify_readable(conn: sqlite3.Connection) -> ChainCheck:
    tables = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE name IN ('audit_log', 'audit_head')")}
    columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_log)")}
    for gone, there in (
            (QT_TRANSLATE_NOOP("store", "the audit log's table was removed behind the app's "
                                        "back"), "audit_log" in tables),
            (QT_TRANSLATE_NOOP("store", "the audit log's hash column was removed behind the "
                                        "app's back"), "hash" in columns),
            (_HEAD_GONE, "audit_head" in tables)):
        if not there:
            return ChainCheck(0, "removed", None, gone)
    try:
        return _verify(conn)
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise
    # Text that is not UTF-8 was put in behind the app's back: read it as it is (slower).
    factory = conn.text_factory
    conn.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
    try:
        return _verify(conn)
    finally:
        conn.text_factory = factory


_HEAD_GONE: Final = QT_TRANSLATE_NOOP("store", "the audit log's record of its last entry was "
                                               "removed behind the app's back")


def _verify(conn: sqlite3.Connection) -> ChainCheck:
    head = conn.execute("SELECT last_id, hash FROM audit_head").fetchone()
    good: Row | None = None
    bad: Row | None = None
    prev, count = GENESIS, 0
    for row in conn.execute(_SELECT):
        if bad is not None:
            return _classify(count, good, bad, row, head)
        if row[-1] is not None and link(prev, row) == row[-1]:
            good, prev, count = row, row[-1], count + 1
        else:
            bad = row
    if bad is not None:
        return _classify(count, good, bad, None, head)
    good_id = 0 if good is None else good[0]
    if head is None:
        if good is None:
            return ChainCheck(0)
        return ChainCheck(count, "removed", good, _HEAD_GONE)
    if tuple(head) == (good_id, prev):
        return ChainCheck(count)
    if head[0] > good_id:
        return _found(count, "removed", good)
    # The chain links up but goes past the head: entries appended behind the app's back
    # with hashes made to fit (or the head edited).
    for row in conn.execute(_SELECT.replace("ORDER BY", "WHERE id > ? ORDER BY"), [head[0]]):
        return _found(count, "inserted", row)
    return _found(count, "changed", good)
