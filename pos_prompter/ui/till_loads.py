"""Taking changes a manager published (maybe at another till) without a restart, and
without making scanning wait: catalog, rules and settings are read in a worker thread on a
connection of their own, and put in force between two scans.

The till window holds one `PublishedLoads`; its store watcher and the workspace it opens
announce publishes to `TillWindow.load_published`, which hands them here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pos_prompter.core.till_event import TillEvent
from pos_prompter.i18n import translate
from pos_prompter.till import Published, load_published
from pos_prompter.ui.first_paint import after_first_paint
from pos_prompter.ui.jobs import JobRunner, StoreJob, deliver_to

if TYPE_CHECKING:
    from pos_prompter.ui.till_window import TillWindow

logger = logging.getLogger(__name__)


def not_read_text(problem: str) -> str:
    """The status line when the till's catalog and rules could not be read at all."""
    return translate("till", "Could not read the catalog and rules ({problem}): nothing rings "
                     "up until they can be read. The error is in the log.").format(
        problem=problem.rstrip("."))


class PublishedLoads(QObject):
    """The loads of published changes for one till window (never two at once).

    `in_background`: read in a worker thread (True when the store has a file), else on
    this thread (an in-memory store has no file a second connection could open)."""

    def __init__(self, window: TillWindow, jobs: JobRunner) -> None:
        super().__init__(window)
        self.window = window
        self.jobs = jobs
        self.in_background = window.till.store.path is not None
        self._loading: StoreJob | None = None
        """The load under way, if any."""
        self._stopped = False
        """The window closed (`stop`): no load starts any more."""
        self._announced: int | None = None
        """The newest revision announced while a load ran: loaded next, if that load
        turns out older."""
        self.waiting: list[tuple[str, Callable[[], list[TillEvent]]]] | None = None
        """While the first load of a till shown before its catalog and rules were read
        runs (`load_first`): the actions taken meanwhile, in order (TillWindow._act), run
        once they are in force. None otherwise."""

    @property
    def loading(self) -> bool:
        """Whether published changes are being read, not yet in force."""
        return self._loading is not None

    def load(self, revision: int) -> None:
        """Take the changes of publish `revision`: the open order keeps its lines and
        answered prompts, scans meanwhile go on under the rules in force, and the new ones
        take over between two scans (`TillWindow.rules_reloaded`). A publish announced
        while a load runs is loaded after it."""
        till = self.window.till
        if self._loading is not None:
            self._announced = max(self._announced or 0, revision)
            return
        if revision == till.revision:
            return
        if self.in_background:
            self._start()
            return

        def reload() -> list[TillEvent]:
            till.reload()
            return []

        self.window.run_action(translate("till", "load the published changes"), reload)
        self._in_force()

    def load_first(self) -> None:
        """Read the catalog and rules of a till shown without them (`Till.loaded` False:
        app.build_window) in a worker thread, started once the window's first paint is on
        screen (ui.first_paint: the worker's imports and reads would take the processor
        from that paint); the actions taken meanwhile (a scan, a key) wait in `waiting`
        and run, in order, once they are in force: none is lost or refused."""
        self.waiting = []
        if self.in_background:
            after_first_paint(self.window, self._start_first)
        else:
            self._loaded("")

    def _start_first(self) -> None:
        if self.waiting is not None and self._loading is None and not self._stopped:
            self._start()

    def stop(self) -> None:
        """Let a load under way finish, and drop it (at most one load's time); a first load
        not started yet never starts."""
        self._stopped = True
        job, self._loading = self._loading, None
        if job is not None:
            job.wait()

    def _start(self) -> None:
        path = self.window.till.store.path
        assert path is not None
        job = StoreJob(path, lambda store, _progress: load_published(store))  # no parent
        # Store trouble (the file gone, say) or a bug, already logged by StoreJob.
        deliver_to(job, self, lambda me: me._loading is job, PublishedLoads._loaded,
                   lambda me, headline, problems: me._loaded(
                       str(problems[0] if problems else headline)))
        self._loading, self._announced = job, None
        self.jobs.launch(job)

    def _loaded(self, outcome: Published | str) -> None:
        """On this thread, between two actions: put the loaded changes in force, then
        load again if a newer publish was announced meanwhile."""
        self._loading = None
        window = self.window
        if self.waiting is not None:
            self._first_loaded(outcome)
            return
        if isinstance(outcome, str):
            logger.error("published changes not loaded: %s", outcome)
            window.show_error(not_read_text(outcome) if not window.till.loaded else translate(
                "till", "Could not load the published changes ({problem}); the rules in "
                "force stay until the next publish.").format(problem=outcome.rstrip(".")))
        else:
            applied = False

            def apply() -> list[TillEvent]:
                nonlocal applied
                applied = window.till.apply(outcome)
                return []

            window.run_action(translate("till", "put the published changes in force"), apply)
            if applied:
                self._in_force()
        if self._announced is not None and self._announced > window.till.revision:
            self._start()

    def _first_loaded(self, outcome: Published | str) -> None:
        """The first load is done: in force (read again here if the worker could not),
        then the actions that waited for it, in order."""
        window, till = self.window, self.window.till
        waiting, self.waiting = self.waiting or [], None

        def apply(published: Published) -> list[TillEvent]:
            till.apply(published)
            return []

        problem = ""

        def read_here() -> list[TillEvent]:
            nonlocal problem
            try:
                till.reload()
            except Exception as exc:  # the store's check (the guard) says if it is damage
                logger.exception("catalog and rules not read")
                problem = f"{type(exc).__name__}: {exc}"
            return []

        if isinstance(outcome, str):
            if outcome:
                logger.error("catalog and rules not read in the background: %s", outcome)
            window.run_action(translate("till", "load the published changes"), read_here)
        else:
            window.run_action(translate("till", "put the published changes in force"),
                              lambda: apply(outcome))
        if till.loaded:
            window.rules_reloaded.emit(till.revision)
        for what, action in waiting:
            window.run_action(what, action)
        if problem:  # said last: what the waiting scans met, and why
            window.show_error(not_read_text(problem))
        if self._announced is not None and self._announced > till.revision:
            self._start()

    def _in_force(self) -> None:
        window = self.window
        if window.message_level != "error":
            window.show_message(translate("till", "Prompts and prices updated from the store."))
        window.rules_reloaded.emit(window.till.revision)
