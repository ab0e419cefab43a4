"""Store work in a worker thread, so the window (and the till beside it) keeps painting.

A `StoreJob` is one piece of work; a `JobRunner` keeps the jobs of whoever holds it alive
until their threads finish. The composition root (`app.py`) builds one runner and hands it
down: the till window, the workspace it opens, their pages and sign-in boxes all run their
jobs on it, and the app waits for it when it quits (`JobRunner.close`).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QWidget

from pos_prompter.core.errors import UserError
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.i18n import say
from pos_prompter.store import Store
from pos_prompter.store.base import Progress

logger = logging.getLogger(__name__)

Work = Callable[[Store, Progress], Any]
Owner = TypeVar("Owner", bound=QObject)


class StoreJob(QThread):
    """Runs `work(store, progress)` (an import, or an export) in its own thread on its own
    connection to the store file at `store_path`.

    The outcome is delivered on the UI thread only once the thread has finished, so a
    handler may start the next job (or delete this one) at once.

    Signals:
        progressed(int, int): done and total, as the store reports them.
        succeeded(object): the work's result.
        failed(str, object): a headline and the list of problems (nothing was changed).
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, object)

    def __init__(self, store_path: Path, work: Work, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.work = work
        self._outcome: tuple[Any, ...] = (
            "failed", QT_TRANSLATE_NOOP("jobs", "The job stopped before it finished."), [])
        self.finished.connect(self._deliver)

    def run(self) -> None:
        try:
            with Store.open(self.store_path) as store:
                result = self.work(store, self.progressed.emit)
        except Exception as exc:
            if not isinstance(exc, UserError):
                logger.exception("a store job failed in the worker thread")
            from pos_prompter.imports import refusal  # not at start: it brings the packs

            headline, problems = refusal(exc)
            self._outcome = ("failed", headline, problems)
            return
        self._outcome = ("succeeded", result)

    @Slot()
    def _deliver(self) -> None:
        if self._outcome[0] == "succeeded":
            self.succeeded.emit(self._outcome[1])
        else:
            # The store's sentences (core.said), said here on the UI thread: a page shows
            # them as they come.
            self.failed.emit(say(self._outcome[1]), [say(p) for p in self._outcome[2]])


class JobRunner(QObject):
    """The running store jobs of one owner (the app, or a window built without one).

    A job started for a dialog or a page must not be that widget's child: a widget closed
    (and deleted) meanwhile would take the running thread with it, and a QThread destroyed
    while it runs ends the process. So `launch` keeps the job here, and deletes it once its
    thread has finished (after the job delivered its outcome, which whoever started it may
    drop by then). Closed (`close`, or at the application's quit) or destroyed, the runner
    waits for the jobs still running: never one thread left without an owner.

    Signals:
        count_changed(int): how many jobs run now (after a launch, and after one finished).
    """

    count_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(RUNNER_NAME)
        jobs: set[StoreJob] = set()
        self._jobs = jobs
        # Destroyed (with its parent, or dropped by Python): the C++ side goes, the threads
        # must not. The slot holds the set, not the runner being destroyed.
        self.destroyed.connect(lambda *_args: _wait_for(jobs))
        app = QCoreApplication.instance()
        if app is not None:  # disconnected by Qt when the runner goes
            app.aboutToQuit.connect(self.close)

    def __len__(self) -> int:
        return len(self._jobs)

    @property
    def running(self) -> int:
        """How many jobs have not finished yet."""
        return len(self._jobs)

    def launch(self, job: StoreJob) -> None:
        """Start `job` (which has no parent) and keep it until its thread has finished."""
        self._jobs.add(job)
        # A slot of this runner, after the job's own delivery; gone with the runner.
        job.finished.connect(self._retire)
        job.start()
        self.count_changed.emit(len(self._jobs))

    @Slot()
    def close(self) -> None:
        """Ask every job to stop (`QThread.requestInterruption`; work that cannot stop
        half-way runs on to its end) and block until each has finished."""
        for job in list(self._jobs):
            job.requestInterruption()
        _wait_for(self._jobs)

    def wait(self) -> None:
        """Block until every job here has finished (at most one job's time each)."""
        _wait_for(self._jobs)

    @Slot()
    def _retire(self) -> None:
        job = self.sender()
        if not isinstance(job, StoreJob) or job not in self._jobs:
            return
        self._jobs.discard(job)
        job.wait()  # already past run(): returns at once
        job.deleteLater()
        self.count_changed.emit(len(self._jobs))


RUNNER_NAME = "jobRunner"


def _wait_for(jobs: set[StoreJob]) -> None:
    for job in list(jobs):
        if shiboken6.isValid(job):
            job.wait()


def jobs_of(obj: QObject) -> JobRunner:
    """The runner handed down to `obj`: the `jobs` of the nearest of `obj` and its parents
    that holds one (the till window, the workspace), else the one runner of `obj`'s
    top-level ancestor, made on first use (a dialog or page built on its own, in a test):
    that one waits for its jobs when its widget is deleted."""
    node: QObject | None = obj
    top = obj
    while node is not None:
        held = getattr(node, "jobs", None)
        if isinstance(held, JobRunner) and shiboken6.isValid(held):
            return held
        own = node.findChild(JobRunner, RUNNER_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        if own is not None:
            return own
        top, node = node, node.parent()
    return JobRunner(top)


def find_jobs(obj: QObject) -> JobRunner | None:
    """The runner `jobs_of(obj)` would give, without making one: None if it has none."""
    held = getattr(obj, "jobs", None)
    if isinstance(held, JobRunner) and shiboken6.isValid(held):
        return held
    return obj.findChild(JobRunner, RUNNER_NAME, Qt.FindChildOption.FindDirectChildrenOnly)


def deliver_to(job: StoreJob, owner: Owner, waiting: Callable[[Owner], bool],
               succeeded: Callable[[Owner, Any], None],
               failed: Callable[[Owner, str, list[str]], None]) -> None:
    """Hand the job's outcome to `owner`, on the UI thread, only while the owner is alive
    (its C++ side too) and `waiting(owner)` is true (it still waits for this very job): a
    window closed meanwhile, or one that started another job since, drops it. The job does
    not keep the owner alive."""
    ref = weakref.ref(owner)

    def live() -> Owner | None:
        me = ref()
        return me if me is not None and shiboken6.isValid(me) and waiting(me) else None

    def on_success(result: Any) -> None:
        me = live()
        if me is not None:
            succeeded(me, result)

    def on_failure(headline: str, problems: list[str]) -> None:
        me = live()
        if me is not None:
            failed(me, headline, problems)

    job.succeeded.connect(on_success)
    job.failed.connect(on_failure)
