"""Store work in a worker thread, so the window (and the till beside it) keeps painting."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QWidget

from pos_prompter.core.errors import UserError
from pos_prompter.imports import Progress, refusal
from pos_prompter.store import Store

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
        self._outcome: tuple[Any, ...] = ("failed", "The job stopped before it finished.", [])
        self.finished.connect(self._deliver)

    def run(self) -> None:
        try:
            with Store.open(self.store_path) as store:
                result = self.work(store, self.progressed.emit)
        except Exception as exc:
            if not isinstance(exc, UserError):
                logger.exception("a store job failed in the worker thread")
            headline, problems = refusal(exc)
            self._outcome = ("failed", headline, problems)
            return
        self._outcome = ("succeeded", result)

    @Slot()
    def _deliver(self) -> None:
        if self._outcome[0] == "succeeded":
            self.succeeded.emit(self._outcome[1])
        else:
            self.failed.emit(self._outcome[1], self._outcome[2])


class Unowned:
    """Jobs that no widget owns, kept until their thread has finished.

    A job started for a dialog or a window must not be that widget's child: a widget
    closed (and deleted) meanwhile would take the running thread with it, and a QThread
    destroyed while it runs ends the process. So `launch` keeps the job here, and deletes it
    once its thread has finished (after the job delivered its outcome, which whoever
    started it may drop by then). At quit, the application waits for them."""

    def __init__(self) -> None:
        self._jobs: set[StoreJob] = set()
        self._waits_at_quit = False

    def __len__(self) -> int:
        return len(self._jobs)

    def launch(self, job: StoreJob) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._waits_at_quit:
            app.aboutToQuit.connect(self.wait)
            self._waits_at_quit = True
        self._jobs.add(job)
        job.finished.connect(partial(self._retire, job))  # after the job's own delivery
        job.start()

    def wait(self) -> None:
        """Block until every job here has finished (at most one job's time each)."""
        for job in list(self._jobs):
            job.wait()

    def _retire(self, job: StoreJob) -> None:
        self._jobs.discard(job)
        job.wait()  # already past run(): returns at once
        job.deleteLater()


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
