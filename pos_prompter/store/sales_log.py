"""The prompt outcome log read a little at a time: what each rule did in the events logged
after a given one (the workspace's rule list reads them all once, then adds the new ones
to what it has on every commit).

The log is append-only (nothing deletes from it) and ids grow with each commit, so the
events after the last one seen are exactly the new ones.
"""

from __future__ import annotations

import logging
import sqlite3

from pos_prompter.store.base import RuleResults

logger = logging.getLogger(__name__)

_COUNTS = (
    "SELECT rule_id, SUM(status = 'shown'), SUM(status = 'accepted'), "
    "SUM(status = 'declined'), SUM(status = 'ignored'), SUM(status = 'held_out'), "
    "SUM(CASE WHEN status = 'accepted' THEN revenue_cents ELSE 0 END), MAX(id) "
    "FROM prompt_events")
RESULTS_SINCE = f"{_COUNTS} NOT INDEXED WHERE id > ? GROUP BY rule_id"
"""What each rule did in the events after a given one; the primary key finds them without
reading the rest. NOT INDEXED: left to itself, the planner reads the whole (rule_id,
status) index to save sorting the groups (88 ms instead of 0.01 ms at a million events)."""
RESULTS_ALL = f"{_COUNTS} GROUP BY rule_id"
"""The same over the whole log (`RuleStore.results`), the planner left to choose."""


def last_event_id(conn: sqlite3.Connection) -> int:
    """The id of the newest prompt event (0 for none): where `results_since` starts."""
    row = conn.execute("SELECT MAX(id) FROM prompt_events").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def results_since(conn: sqlite3.Connection,
                  after: int = 0) -> tuple[dict[str, RuleResults], int]:
    """What each rule did in the prompt events logged after event `after` (0: every
    event, each rule's results so far), and the id of the newest event (`after` when there
    is none): one grouped query, in one read."""
    found: dict[str, RuleResults] = {}
    last = after
    query, args = (RESULTS_SINCE, [after]) if after > 0 else (RESULTS_ALL, [])
    for rule_id, *counts, newest in conn.execute(query, args):
        found[rule_id] = RuleResults(*(int(n or 0) for n in counts))
        last = max(last, int(newest))
    return found, last


def new_results(conn: sqlite3.Connection,
                after: int) -> tuple[dict[str, RuleResults], int] | None:
    """`results_since(conn, after)` for a reader that asks again on the next commit: None
    (logged) when the store cannot be read now (busy, or closing)."""
    try:
        return results_since(conn, after)
    except sqlite3.Error:
        logger.exception("could not read the new prompt outcomes")
        return None


def add_results(a: RuleResults, b: RuleResults) -> RuleResults:
    """Two stretches of the log's results added up."""
    return RuleResults(a.shown + b.shown, a.accepted + b.accepted, a.declined + b.declined,
                       a.ignored + b.ignored, a.held_out + b.held_out,
                       a.revenue + b.revenue)
