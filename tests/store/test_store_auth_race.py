"""The sign-in lockout holds when many tills guess at once: 20 processes, each with its own
connection to one real store file, try a manager's password together (19 wrong, the right
one among them). An attempt is counted before its secret is hashed, in the same write
transaction that checks the lock, so at most `max_attempts` of them are ever hashed, and a
locked manager gets the same answer, as fast, whether the guess was right or wrong.

Whether a child hashed is measured, not told: the CPU time of its `sign_in` against the CPU
time of one scrypt of that hash, measured here beforehand."""

from __future__ import annotations

import multiprocessing
import queue
import time
from collections.abc import Callable
from multiprocessing.context import BaseContext
from multiprocessing.queues import Queue
from pathlib import Path

import pytest
from auth_race_till import PASSWORD, T0, Answer, guess, one_hash

from pos_prompter.core import auth
from pos_prompter.core.auth import LOCKOUT, ScryptParams
from pos_prompter.core.order import FixedClock
from pos_prompter.store import Store
from pos_prompter.store.auth import SignInError, StaffStore

TILLS = 20
RIGHT_AT = 11
"""Which of the tills types the right password."""
PARALLEL_COST = ScryptParams(n=2**14, r=8, p=1)
"""16 MiB and some tens of ms a hash: 20 at once fit in memory, and a hash is still 10
times the CPU of a refusal without one."""
LOCKED = "ann is locked until 14:35 after 5 wrong attempts"


@pytest.fixture(scope="module")
def tills() -> BaseContext:
    """Child processes forked from a fresh server that has the store code loaded (never
    forked from the test process, whose Qt threads a fork would copy half-way). Python 3.11's
    server does not see the tests' folder on its path: it loads what auth_race_till uses."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pos_prompter.store.auth", "importlib.metadata"])
    return context


def race(context: BaseContext, path: Path) -> list[Answer]:
    """All tills sign in at once; their answers, by till."""
    barrier = context.Barrier(TILLS)
    answers: Queue = context.Queue()
    hash_cpu = one_hash(str(path))
    children = [context.Process(target=guess, args=(
        str(path), i, PASSWORD if i == RIGHT_AT else f"wrong-guess-{i:02d}", hash_cpu,
        barrier, answers)) for i in range(TILLS)]
    for child in children:
        child.start()
    got: list[Answer] = []
    while len(got) < TILLS:
        try:
            got.append(answers.get(timeout=1))
        except queue.Empty:
            failed = [c.exitcode for c in children if c.exitcode not in (None, 0)]
            assert not failed, f"{len(failed)} till(s) failed: {failed}"
    for child in children:
        child.join(timeout=60)
        assert child.exitcode == 0
    return sorted(got, key=lambda a: a.till)


@pytest.fixture
def ann(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store file with ann the manager, her password hashed at PARALLEL_COST."""
    monkeypatch.setattr(auth, "PARAMS", PARALLEL_COST)
    with Store.open(store_path, create=True) as store:
        StaffStore(store, FixedClock(T0)).add_person("ann", "manager", PASSWORD)
    return store_path


def said_wrong(answers: list[Answer]) -> list[Answer]:
    return [a for a in answers if a.text.startswith("wrong password")]


@pytest.mark.slow
def test_twenty_tills_guessing_at_once_get_at_most_five_hashes(
        tills: BaseContext, ann: Path) -> None:
    answers = race(tills, ann)

    hashed = [a.till for a in answers if a.hashed]
    assert len(hashed) <= LOCKOUT.max_attempts, answers
    decided = said_wrong(answers) + [a for a in answers if a.text == "signed in"]
    assert len(decided) <= LOCKOUT.max_attempts, answers
    # Every other till was refused before hashing, with the lock's one answer.
    assert {a.text for a in answers if a not in decided} == {LOCKED}, answers
    right = answers[RIGHT_AT]
    assert right.text in ("signed in", LOCKED)
    if right.text == LOCKED:  # refused unhashed, like the wrong guesses after the limit
        assert not right.hashed


@pytest.mark.slow
def test_a_locked_manager_gets_one_answer_for_every_guess_at_once(
        tills: BaseContext, ann: Path) -> None:
    with Store.open(ann) as store:
        staff = StaffStore(store, FixedClock(T0))
        for i in range(LOCKOUT.max_attempts):
            with pytest.raises(SignInError):
                staff.sign_in("ann", f"earlier-guess-{i}", T0)

    answers = race(tills, ann)

    assert {a.text for a in answers} == {LOCKED}, answers
    assert not [a.till for a in answers if a.hashed]
    with Store.open(ann) as store:
        assert StaffStore(store).lock_state("ann", T0).locked_until == (
            T0 + LOCKOUT.lock_for)


# ---------------------------------------------------------------------- in one process


def cpu_of(work: Callable[[], object]) -> tuple[float, SignInError | None]:
    """The CPU time `work` took, and the SignInError it raised (if it did)."""
    started = time.thread_time()
    try:
        work()
    except SignInError as exc:
        return time.thread_time() - started, exc
    return time.thread_time() - started, None


def test_a_locked_manager_gets_the_same_answer_unhashed_for_a_right_and_a_wrong_guess(
        ann: Path) -> None:
    with Store.open(ann) as store:
        staff = StaffStore(store, FixedClock(T0))
        hash_cpu = one_hash(str(ann))
        for i in range(LOCKOUT.max_attempts):
            with pytest.raises(SignInError):
                staff.sign_in("ann", f"earlier-guess-{i}", T0)
        answers, cpu = {}, {}
        for guess in (PASSWORD, "wrong-guess-99"):
            cpu[guess], refused = cpu_of(lambda g=guess: staff.sign_in("ann", g, T0))
            assert refused is not None
            answers[guess] = (str(refused), refused.locked_until, refused.tries_left)
    assert answers[PASSWORD] == answers["wrong-guess-99"] == (LOCKED, T0 + LOCKOUT.lock_for,
                                                              0)
    assert max(cpu.values()) < hash_cpu / 2, (cpu, hash_cpu)  # neither was hashed


class Watch:
    """`abandoned` for a StaffStore that looks at the store file from another connection
    each time sign_in asks (before the count, then between the count and the hash, then
    after the hash), and gives up from the `give_up_at`-th question on."""

    def __init__(self, path: Path, give_up_at: int | None = None) -> None:
        self.path, self.give_up_at = path, give_up_at
        self.counted: list[int] = []

    def __call__(self) -> bool:
        with Store.open(self.path) as other:
            self.counted.append(StaffStore(other).lock_state("ann", T0).counted)
        return self.give_up_at is not None and len(self.counted) >= self.give_up_at


def test_an_attempt_is_on_file_before_its_secret_is_hashed(ann: Path) -> None:
    watch = Watch(ann)
    with Store.open(ann) as store:
        with pytest.raises(SignInError, match="wrong password; 4 tries left"):
            StaffStore(store, FixedClock(T0), abandoned=watch).sign_in("ann", "nope-nope", T0)
        assert watch.counted == [0, 1]  # before the count; counted, not yet hashed
        assert StaffStore(store, abandoned=watch).sign_in("ann", PASSWORD, T0).name == "ann"
        assert watch.counted[2:] == [1, 2, 2]  # counted, then hashed: right, so cleared
        assert StaffStore(store).lock_state("ann", T0).counted == 0


def test_a_sign_in_given_up_before_it_starts_counts_and_hashes_nothing(ann: Path) -> None:
    watch = Watch(ann, give_up_at=1)
    with Store.open(ann) as store:
        with pytest.raises(SignInError, match="cancelled"):
            StaffStore(store, FixedClock(T0), abandoned=watch).sign_in("ann", PASSWORD, T0)
        assert StaffStore(store).lock_state("ann", T0).counted == 0
    assert watch.counted == [0]


@pytest.mark.parametrize("give_up_at", [2, 3], ids=["before the hash", "after the hash"])
def test_a_right_password_given_up_on_signs_nobody_in_and_stays_counted(
        ann: Path, give_up_at: int) -> None:
    watch = Watch(ann, give_up_at=give_up_at)
    with Store.open(ann) as store:
        with pytest.raises(SignInError, match="cancelled"):
            StaffStore(store, FixedClock(T0), abandoned=watch).sign_in("ann", PASSWORD, T0)
        assert StaffStore(store).lock_state("ann", T0).counted == 1
    assert len(watch.counted) == give_up_at
