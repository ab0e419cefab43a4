"""Notice, without polling, when another process publishes changes to the store.

SQLite has no cross-process notification, but every commit writes the store's files: a
QFileSystemWatcher on the database and its WAL (and on the folder, to pick the WAL up
again after a checkpoint removes and recreates it) wakes us on each write, and one cheap
query then tells whether what was written is a publish (catalog, rules or settings) rather
than, say, another till's sale. Given a commit counter (`commit_counter`), a second one
tells whether anything was committed at all, so a sale is told apart from a checkpoint or
a file that appeared in the same folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from pos_prompter.store import Store

logger = logging.getLogger(__name__)


def commit_counter(store: Store) -> Callable[[], tuple[int, int]]:
    """A stamp that moves on with every commit to the store's file, for
    `StoreWatcher(commits=...)`: `Store.change_stamp`, which moves when any connection
    commits, this store's own (a till sharing this Store) included."""
    return store.change_stamp


class StoreWatcher(QObject):
    """Watches a store file for published changes and other writes.

    `revision` reads the publish revision; `commits` (optional, e.g. `commit_counter`)
    reads a stamp that moves on with every commit: without it, every write of the files
    that is not a publish counts as `written`.

    Signals:
        published(int): another process published; carries the new publish revision.
        written(): something else was committed (a sale, an answered prompt, a sign-in),
            by any till, in this process or another.
    """

    published = Signal(int)
    written = Signal()

    def __init__(self, path: Path, revision: Callable[[], int], parent: QObject | None = None,
                 *, settle_ms: int = 50, commits: Callable[[], Hashable] | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._revision = revision
        self._commits = commits
        self._seen = revision()
        self._seen_commits = commits() if commits is not None else None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_change)
        self._watcher.directoryChanged.connect(self._on_change)
        # A burst of writes (a big import commits a large WAL) is looked at once.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self.check)
        self._watch_paths()

    def _files(self) -> list[str]:
        return [str(self.path), str(self.path) + "-wal"]

    def _watch_paths(self) -> None:
        wanted = [p for p in (*self._files(), str(self.path.parent)) if Path(p).exists()]
        missing = [p for p in wanted if p not in self._watcher.files()
                   and p not in self._watcher.directories()]
        if missing:
            self._watcher.addPaths(missing)

    @Slot(str)
    def _on_change(self, _path: str) -> None:
        self._watch_paths()
        if not self._settle.isActive():
            self._settle.start()

    @Slot()
    def check(self) -> None:
        """Look now: emit `published` if the publish revision moved since last seen, else
        `written` if anything was committed since."""
        try:
            revision = self._revision()
            commits = self._commits() if self._commits is not None else None
        except Exception:  # a store busy or closing must never take the till down
            logger.exception("could not read the store's publish revision")
            return
        if revision != self._seen:
            self._seen = revision
            self._seen_commits = commits
            self.published.emit(revision)
        elif self._commits is None or commits != self._seen_commits:
            self._seen_commits = commits
            self.written.emit()

    def acknowledge(self, revision: int) -> None:
        """Our own publish: do not report it back to us."""
        self._seen = revision


class PageRefresh(QObject):
    """Reads a page of the workspace again when the store was changed elsewhere (another
    process, another till: `store_changed`, connected to a `StoreWatcher`'s signals): at
    once while the page is on screen and idle; else when it is next shown, or once its
    own work is done (the page calls `catch_up` then). A page never loses work under way
    to it: `refresh` reads the store again, and keeps what the manager is editing."""

    def __init__(self, page: QWidget, refresh: Callable[[], None],
                 busy: Callable[[], bool] = lambda: False) -> None:
        super().__init__(page)
        self._page = page
        self._refresh = refresh
        self._busy = busy
        self.stale = False
        """The store changed since the page last read it."""
        page.installEventFilter(self)

    def store_changed(self, *_signal: object) -> None:
        """The store was changed elsewhere (a publish, or any other commit)."""
        self.stale = True
        self.catch_up()

    def catch_up(self) -> None:
        """Read the page again now, if the store changed and the page is on screen and
        idle."""
        if self.stale and self._page.isVisible() and not self._busy():
            self.stale = False
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self._page:
            self.catch_up()
        return False
