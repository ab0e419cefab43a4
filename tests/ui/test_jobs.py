"""The job runner: the store jobs of one owner, kept alive until their threads finish, and
waited for when the runner is closed or goes with its owner. Real threads on a real store
file; the work waits on events the test sets, never on the clock."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_prompter.core.errors import InputError
from pos_prompter.store import Store
from pos_prompter.ui.jobs import JobRunner, StoreJob, find_jobs, jobs_of

TIMEOUT = 10.0
"""The longest a job waits for the test to let it go (a failing test must not hang)."""


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    Store.open(path, create=True).close()
    return path


def held_job(path: Path, release: threading.Event, started: threading.Event) -> StoreJob:
    """A job that runs until `release` is set, or until it is asked to stop."""

    def work(_store: Store, _progress: object) -> str:
        started.set()
        while not release.wait(0.01):
            if QThread.currentThread().isInterruptionRequested():
                return "interrupted"
        return "released"

    return StoreJob(path, work)


def test_a_launched_job_is_kept_until_its_thread_has_finished(
        qtbot: QtBot, store_path: Path) -> None:
    runner = JobRunner()
    release, started = threading.Event(), threading.Event()
    job = held_job(store_path, release, started)
    counts: list[int] = []
    runner.count_changed.connect(counts.append)
    results: list[object] = []
    job.succeeded.connect(results.append)

    runner.launch(job)
    assert started.wait(TIMEOUT)
    assert (runner.running, len(runner)) == (1, 1)
    assert job.isRunning()

    release.set()
    qtbot.waitUntil(lambda: runner.running == 0, timeout=10_000)
    assert results == ["released"], "the outcome came before the job was let go"
    assert counts == [1, 0]
    qtbot.waitUntil(lambda: not shiboken6.isValid(job))  # deleted once finished


def test_a_failed_job_is_let_go_too(qtbot: QtBot, store_path: Path) -> None:
    runner = JobRunner()

    def refuse(_store: Store, _progress: object) -> None:
        raise InputError("no such file")

    job = StoreJob(store_path, refuse)
    with qtbot.waitSignal(job.failed) as failed:
        runner.launch(job)
    assert "no such file" in failed.args[0]
    qtbot.waitUntil(lambda: runner.running == 0)


def test_close_asks_the_jobs_to_stop_and_waits_for_them(store_path: Path) -> None:
    runner = JobRunner()
    release, started = threading.Event(), threading.Event()
    jobs = [held_job(store_path, release, started) for _ in range(2)]
    outcomes: list[object] = []
    for job in jobs:
        job.succeeded.connect(outcomes.append)
        runner.launch(job)
    assert started.wait(TIMEOUT)

    runner.close()  # release is never set: only the interruption ends them

    assert all(job.isFinished() for job in jobs)
    assert not release.is_set()


def test_a_runner_that_goes_with_its_owner_waits_for_its_jobs(
        qtbot: QtBot, store_path: Path) -> None:
    owner = QWidget()
    runner = JobRunner(owner)
    release, started = threading.Event(), threading.Event()
    job = held_job(store_path, release, started)  # this test keeps the job's wrapper
    runner.launch(job)
    assert started.wait(TIMEOUT)
    assert job.isRunning()

    release.set()
    shiboken6.delete(owner)  # the window is deleted at once, its runner with it

    assert not shiboken6.isValid(runner)
    assert job.isFinished(), "the runner went without waiting for its job"


def test_jobs_of_finds_the_runner_handed_down_or_makes_one_for_the_window(
        qtbot: QtBot) -> None:
    runner = JobRunner()
    window = QWidget()
    qtbot.addWidget(window)
    window.jobs = runner  # type: ignore[attr-defined]  # as TillWindow holds the app's
    page = QWidget(QWidget(window))
    assert jobs_of(page) is runner
    assert find_jobs(window) is runner

    alone = QWidget()
    qtbot.addWidget(alone)
    box = QObject(alone)
    assert find_jobs(alone) is None
    own = jobs_of(box)
    assert own.parent() is alone, "made for the top-level widget, and going with it"
    assert jobs_of(alone) is own
    assert jobs_of(box) is own
    assert find_jobs(alone) is own
