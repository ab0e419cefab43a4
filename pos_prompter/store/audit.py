"""The audit log: every change to rules, settings, catalog and staff, with who made it,
when, and the thing before and after (as JSON).

The Store's mutating methods write these rows themselves, in the transaction of the change
(`record`, or `record_query` for thousands of rows made in SQL), so a change and its audit
rows are saved together or not at all. Both chain each row by its hash (audit_chain), so
a row changed, removed or inserted behind the app's back is found (`verify_chain`). This
module reads them back, filtered, for the workspace and the `audit` command, and writes
CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

from pos_prompter.store.audit_chain import ChainCheck, append_chained, verify_chain
from pos_prompter.store.base import StoreCore

if TYPE_CHECKING:
    from sqlite_utils import Database

Entity = Literal["rule", "setting", "product", "staff"]
Action = Literal["add", "change", "remove"]
ENTITIES: Final[tuple[Entity, ...]] = get_args(Entity)
ACTIONS: Final[tuple[Action, ...]] = get_args(Action)

SYSTEM: Final = "system"
"""The actor of a change whose caller named none (bootstrap, an older caller)."""

_MISSING: Final = object()


@dataclass(frozen=True, slots=True)
class Change:
    """One audit row to write: `before` None for an add, `after` None for a remove.
    Pass values as Python data, or as JSON text with `json_text=True` (rule bodies)."""

    entity: Entity
    entity_id: str
    action: Action
    before: Any = None
    after: Any = None
    json_text: bool = False


def _dump(value: Any, json_text: bool) -> str | None:
    if value is None:
        return None
    if json_text:
        return str(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)


def record(db: Database, changes: Iterable[Change], *, actor: str | None,
           at: dt.datetime | None = None) -> int:
    """Append `changes` to the log (call inside the change's own transaction). Returns how
    many rows were written."""
    when = (at or dt.datetime.now()).isoformat(timespec="seconds")
    who = actor or SYSTEM
    return append_chained(db.conn, ((when, who, c.entity, c.entity_id, c.action,
                                     _dump(c.before, c.json_text), _dump(c.after, c.json_text))
                                    for c in changes))


def json_object_sql(fields: Mapping[str, str]) -> str:
    """A SQL `json_object(...)` for a dict whose values are the SQL expressions in `fields`.
    The keys go in sorted order, so SQLite writes the same text `record` writes for that
    dict (keys sorted, no spaces, non-ASCII as it is)."""
    return "json_object(" + ", ".join(f"'{key}', {fields[key]}"
                                      for key in sorted(fields)) + ")"


def record_query(db: Database, select: str, params: Sequence[Any] = (), *,
                 actor: str | None, at: dt.datetime | None = None) -> int:
    """Append the rows of `select` to the log in one INSERT ... SELECT, in their order (call
    inside the change's own transaction). `select` gives the columns entity, entity_id,
    action, before and after, the last two as JSON text made with `json_object_sql`, so
    they read back (and export) like rows written by `record`. For a change of thousands of
    rows made in SQL (a catalog import): the rows stream from the query to the log, each
    hashed into the chain on the way. Returns how many rows were written."""
    when = (at or dt.datetime.now()).isoformat(timespec="seconds")
    rows = db.conn.execute(
        f"SELECT ?, ?, entity, entity_id, action, before, after FROM ({select})",
        [when, actor or SYSTEM, *params])
    try:
        return append_chained(db.conn, rows)
    finally:  # a write that failed half way leaves no open read (its tables stay locked)
        rows.close()


def diff_changes(entity: Entity, old: dict[str, Any], new: dict[str, Any], *,
                 remove_missing: bool = False, json_text: bool = False) -> list[Change]:
    """The changes that turn `old` into `new` (both keyed by id): adds, changes, and with
    `remove_missing` removals. Equal values write nothing."""
    out = []
    for key, value in new.items():
        before = old.get(key, _MISSING)
        if before is _MISSING:
            out.append(Change(entity, key, "add", None, value, json_text))
        elif before != value:
            out.append(Change(entity, key, "change", before, value, json_text))
    if remove_missing:
        out.extend(Change(entity, key, "remove", value, None, json_text)
                   for key, value in old.items() if key not in new)
    return out


# ---------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change as the log holds it; `before`/`after` are the decoded JSON."""

    id: int
    at: dt.datetime
    actor: str
    entity: Entity
    entity_id: str
    action: Action
    before: Any
    after: Any

    def changed_fields(self) -> list[str]:
        """For a change of a row (a dict before and after): the keys whose values differ."""
        if isinstance(self.before, dict) and isinstance(self.after, dict):
            keys = dict.fromkeys([*self.before, *self.after])
            return [k for k in keys if self.before.get(k) != self.after.get(k)]
        return []

    def summary(self) -> str:
        """One line for a table: 'price_cents 450 -> 475', 'added', 'removed'..."""
        if self.action == "add":
            return "added"
        if self.action == "remove":
            return "removed"
        fields = self.changed_fields()
        if fields:
            return "; ".join(f"{k} {_short(self.before.get(k))} -> {_short(self.after.get(k))}"
                             for k in fields)
        return f"{_short(self.before)} -> {_short(self.after)}"


def _short(value: Any, limit: int = 40) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                           sort_keys=True)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _bound(value: dt.date | dt.datetime, *, end: bool) -> str:
    """A filter bound as stored text. A date is the whole day: from its start, or (as the
    end) up to the start of the next day."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    day = value + dt.timedelta(days=1) if end else value
    return dt.datetime.combine(day, dt.time()).isoformat(timespec="seconds")


def audit_entries(store: StoreCore, *, entity: Entity | None = None, actor: str | None = None,
                  since: dt.date | dt.datetime | None = None,
                  until: dt.date | dt.datetime | None = None, text: str | None = None,
                  entity_id: str | None = None, limit: int | None = None,
                  newest_first: bool = False) -> list[AuditEntry]:
    """The log, oldest first (or newest first), filtered. `since` and `until` are inclusive
    (a date means that whole day); `text` matches, case-insensitively, anywhere in the id,
    the actor or the before/after JSON; `actor` is an exact name."""
    where: list[str] = []
    params: list[Any] = []
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if entity_id is not None:
        where.append("entity_id = ?")
        params.append(entity_id)
    if actor is not None:
        where.append("actor = ?")
        params.append(actor)
    if since is not None:
        where.append("at >= ?")
        params.append(_bound(since, end=False))
    if until is not None:
        if isinstance(until, dt.datetime):
            where.append("at <= ?")
        else:
            where.append("at < ?")
        params.append(_bound(until, end=True))
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(" + " OR ".join(f"{col} LIKE ? ESCAPE '\\'" for col in
                                       ("entity_id", "actor", "before", "after")) + ")")
        params.extend([pattern] * 4)
    sql = "SELECT id, at, actor, entity, entity_id, action, before, after FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC" if newest_first else " ORDER BY id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [AuditEntry(id=r[0], at=dt.datetime.fromisoformat(r[1]), actor=r[2], entity=r[3],
                       entity_id=r[4], action=r[5],
                       before=None if r[6] is None else json.loads(r[6]),
                       after=None if r[7] is None else json.loads(r[7]))
            for r in store.db.execute(sql, params)]


def verify_audit(store: StoreCore) -> ChainCheck:
    """Whether the log's hash chain is intact, or the first entry changed, removed or
    inserted behind the app's back (one snapshot, streaming: ~100,000 entries a second)."""
    return verify_chain(store.db.conn)


def audit_actors(store: StoreCore) -> list[str]:
    """Everyone who appears in the log (for a filter's drop-down)."""
    return [r[0] for r in store.db.execute("SELECT DISTINCT actor FROM audit_log "
                                           "ORDER BY actor")]


# ---------------------------------------------------------------------- CSV

CSV_COLUMNS: Final = ("id", "at", "actor", "entity", "entity_id", "action", "before", "after")


def _cell(text: str) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula: quote such names."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def audit_csv(entries: Iterable[AuditEntry]) -> str:
    """The entries as CSV (header row, RFC 4180 quoting, \\r\\n line ends); before and
    after as compact JSON."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow([
            e.id, e.at.isoformat(timespec="seconds"), _cell(e.actor), e.entity,
            _cell(e.entity_id), e.action,
            "" if e.before is None else json.dumps(e.before, ensure_ascii=False,
                                                   sort_keys=True),
            "" if e.after is None else json.dumps(e.after, ensure_ascii=False, sort_keys=True),
        ])
    return buffer.getvalue()
