"""One till of tests/store/test_store_auth_race.py, in a child process: wait for the other
tills, sign in, report the answer and whether it took the CPU time of a hash.

A module of its own, importing no pytest, so 20 children start quickly."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

from pos_prompter.core.auth import verify_secret
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.auth import SignInError, StaffStore

T0 = dt.datetime(2026, 11, 23, 14, 30)
PASSWORD = "Zebra-Marmalade-417"


@dataclass(frozen=True)
class Answer:
    till: int
    right: bool
    text: str
    """'signed in', or the SignInError's message."""
    hashed: bool
    """The sign-in used at least half the CPU time of one scrypt of the stored hash."""


def one_hash(path: str) -> float:
    """The CPU time of one scrypt of ann's stored hash."""
    with Store.open(path) as store:
        stored = store.db.execute("SELECT password_hash FROM staff WHERE name = 'ann'"
                                  ).fetchone()[0]
    started = time.thread_time()
    verify_secret("calibration", stored)
    return time.thread_time() - started


def guess(path: str, till: int, secret: str, hash_cpu: float, barrier: Barrier,
          answers: Queue) -> None:
    """One till (a child process): wait for the others, then sign in."""
    with Store.open(path) as store:
        staff = StaffStore(store, FixedClock(T0))
        barrier.wait(timeout=60)
        started = time.thread_time()
        try:
            staff.sign_in("ann", secret, T0)
            text = "signed in"
        except SignInError as exc:
            text = str(exc)
        took = time.thread_time() - started
    answers.put(Answer(till, secret == PASSWORD, text, took >= hash_cpu / 2))
