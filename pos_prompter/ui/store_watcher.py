"""Notice, without polling, when another process publishes changes to the store.

SQLite has no cross-process notification, but every commit writes the store's files: a
QFileSystemWatcher on the database and its WAL (and on the folder, to pick the WAL up
again after a checkpoint removes and recreates it) wakes us on each write, and one cheap
query then tells whether what was written is a publish (catalog, rules or settings) rather
than, say, another till's sale.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

logger = logging.getLogger(__name__)


class StoreWatcher(QObject):
    """Watches a store file for published changes.

    Signals:
        published(int): another process published; carries the new publish revision.
    """

    published = Signal(int)

    def __init__(self, path: Path, revision: Callable[[], int], parent: QObject | None = None,
                 *, settle_ms: int = 50) -> None:
        super().__init__(parent)
        self.path = path
        self._revision = revision
        self._seen = revision()
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
        """Look now: emit `published` if the publish revision moved since last seen."""
        try:
            revision = self._revision()
        except Exception:  # a store busy or closing must never take the till down
            logger.exception("could not read the store's publish revision")
            return
        if revision != self._seen:
            self._seen = revision
            self.published.emit(revision)

    def acknowledge(self, revision: int) -> None:
        """Our own publish: do not report it back to us."""
        self._seen = revision
