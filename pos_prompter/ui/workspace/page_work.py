"""Store work for the staff, settings and catalog pages, off the UI thread.

Hashing a PIN or password takes ~0.4 s and a catalog search at chain size tens of
milliseconds: the till beside the workspace must keep scanning meanwhile. Each page runs
one piece of work at a time (`PageWork.busy`); its outcome reaches the page on the UI
thread, and only while the page is alive and still waits for that very piece of work.
The work runs on the `JobRunner` handed down to the page's window (`jobs.jobs_of`), which
keeps it until its thread has finished: closing the workspace never ends a running thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from pos_prompter.core.errors import UserError
from pos_prompter.i18n import say
from pos_prompter.imports import refusal
from pos_prompter.store import Store
from pos_prompter.ui.jobs import JobRunner, StoreJob, deliver_to, jobs_of


def refusal_text(headline: str, problems: list[str]) -> str:
    """One sentence for a refused change: its first problem, capitalised, with a full stop."""
    text = say(problems[0] if problems else headline).strip()  # a store's sentence too
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


class PageWork(QObject):
    """One page's store work: `run(work, done, failed)` calls `work(store)` in a worker
    thread on a connection of its own (at once, on a store without a file), then
    `done(result)` or `failed(sentence)` on the UI thread. The work runs on `jobs`, by
    default the runner handed down to the page's window (`jobs.jobs_of`)."""

    def __init__(self, store: Store, parent: QObject | None = None, *,
                 jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.jobs = jobs
        self.job: StoreJob | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def wait(self) -> None:
        """Block until the running work (if any) is done; for tests and closing."""
        if self.job is not None:
            self.job.wait()

    def drop(self) -> None:
        """Forget the running work: its outcome never reaches the page (its thread ends
        on the runner)."""
        self.job = None

    def run(self, work: Callable[[Store], Any], done: Callable[[Any], None],
            failed: Callable[[str], None]) -> None:
        if self.store.path is None:
            try:
                result = work(self.store)
            except UserError as exc:
                failed(refusal_text(*refusal(exc)))
                return
            done(result)
            return
        job = StoreJob(self.store.path, lambda store, _progress: work(store))  # no parent

        def succeeded(me: PageWork, result: Any) -> None:
            me.job = None
            done(result)

        def refused(me: PageWork, headline: str, problems: list[str]) -> None:
            me.job = None
            failed(refusal_text(headline, problems))

        deliver_to(job, self, lambda me: me.job is job, succeeded, refused)
        self.job = job
        (self.jobs if self.jobs is not None else jobs_of(self)).launch(job)
