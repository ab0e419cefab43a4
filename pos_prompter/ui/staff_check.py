"""Checking a PIN or a password off the UI thread, for the clerk's PIN panel and the
password dialogs alike.

Hashing takes ~0.4 s (scrypt at OWASP cost), so the check runs in a worker thread
(`ui.jobs.StoreJob`) on a store connection of its own; the store counts a wrong attempt
and decides a lockout inside its own write transaction. The outcome, the person or the
UserError that refused them, reaches the owner on the UI thread once the thread has
finished, unless the owner dropped the check meanwhile (its `job` is no longer that one).

scrypt cannot be interrupted half-way, so a dropped check's thread runs on to the end of its
hash; the owner `drop()`s it, and the store, which asks the check whether it is still
wanted before hashing and again after, then signs nobody in: the attempt stays counted as
a wrong one and its outcome goes nowhere.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from pos_prompter.core.errors import UserError
from pos_prompter.store import Store
from pos_prompter.store.auth import Person, StaffStore
from pos_prompter.store.base import StoreCore
from pos_prompter.ui.jobs import JobRunner, StoreJob, Work, deliver_to, jobs_of

Outcome = Person | UserError
"""What a check or change in the worker gives back: the person, or why it was refused."""

class StaffCheck(StoreJob):
    """A check (or change) in its worker thread, which its owner can drop."""

    def __init__(self, store_path: Path, work: Work, dropped: threading.Event) -> None:
        super().__init__(store_path, work)
        self._dropped = dropped

    def drop(self) -> None:
        """Nobody waits for this check any more (Cancel, the panel closed): a sign-in that
        has not hashed yet hashes nothing, and a right secret signs nobody in. Safe from
        the UI thread while the worker runs."""
        self._dropped.set()

    @property
    def dropped(self) -> bool:
        return self._dropped.is_set()


class CheckOwner(Protocol):
    job: StaffCheck | None
    """The check the owner waits for; another (or None) drops a late outcome."""


def start_check(owner: Any, staff: StaffStore, work: Callable[[StaffStore], Person],
                delivered: Callable[[Any, Outcome], None], *,
                jobs: JobRunner | None = None) -> StaffCheck | None:
    """Run `work` on a StaffStore over its own connection to `staff`'s file in a worker
    thread, and call `delivered(owner, outcome)` on the UI thread when it is done. Store
    trouble (the file gone, say) or a bug, already logged by StoreJob, is a refusal too.
    An in-memory store has no file another connection could open: the check runs at once
    and None is returned. The caller keeps the returned job as `owner.job`, and `drop()`s
    it when it stops waiting. The check runs on `jobs`, by default the runner handed down
    to the owner's window (`jobs.jobs_of`), which keeps it until its thread has finished:
    an owner closed meanwhile only drops the outcome."""
    clock, policy, store = staff.clock, staff.policy, staff.store
    dropped = threading.Event()

    def outcome(own: StoreCore, _progress: object) -> Outcome:
        try:
            return work(StaffStore(own, clock, policy, abandoned=dropped.is_set))
        except UserError as exc:  # a refusal; anything else is StoreJob's to report
            return exc

    path = store.path if isinstance(store, Store) else None
    if path is None:
        delivered(owner, outcome(store, None))
        return None
    job = StaffCheck(path, outcome, dropped)  # no parent: the runner keeps it
    deliver_to(job, owner, lambda me: me.job is job, delivered,
               lambda me, headline, _problems: delivered(me, UserError(headline)))
    (jobs if jobs is not None else jobs_of(owner)).launch(job)
    return job
