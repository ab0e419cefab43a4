"""The till's watch over its store file (issue 11): a quick check once the window is on
screen, an automatic backup then and every `backup_every_minutes` (store.backup, in a
worker thread: a check takes ~0.55 s and a backup ~0.8 s at chain size, 100 MB), and, when
the store is found damaged, one message that offers the latest good backup.

The damaged store is never written: the message is application-modal (no scan gets
through), and a restore first closes the till's connection, then moves the damaged file
aside (store.backup.restore) and ends the program, to be started again on the restored
store.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from pos_prompter.core.backup_policy import (
    BACKUP_EVERY_MINUTES,
    BACKUP_KEEP_DAYS,
    setting_value,
)
from pos_prompter.core.errors import UserError
from pos_prompter.i18n import say, say_error, translate
from pos_prompter.store import Store, StoreError
from pos_prompter.store.backup import (
    Backup,
    DamagedStore,
    auto_backup,
    check_store,
    damaged_text,
    latest_good_backup,
    restore,
)
from pos_prompter.ui.jobs import StoreJob, deliver_to, jobs_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outcome:
    damaged: str | None = None
    """The sentence for a damaged store (as the store wrote it: said on the UI thread);
    None when it is not."""
    backup: Backup | None = None
    problem: str | None = None
    """Why no backup could be made (a full disk...), the store being fine."""


def _written(exc: BaseException) -> str:
    """A refusal's sentence as the store wrote it (a Said stays one)."""
    message = exc.args[0] if len(exc.args) == 1 else None
    return message if isinstance(message, str) else str(exc)


def check_and_back_up(path: Path, keep_days: int, *, check: bool) -> Outcome:
    """A quick check of the open store `path` (when `check`), then an automatic backup,
    itself checked: a damaged store is found either way. Never raises."""
    try:
        if check:
            damage = check_store(path, quick=True, live=True)
            if damage:
                return Outcome(damaged=damaged_text(path, damage[0]))
        return Outcome(backup=auto_backup(path, keep_days))
    except DamagedStore as exc:
        return Outcome(damaged=_written(exc))
    except UserError as exc:
        return Outcome(problem=_written(exc))
    except OSError as exc:
        return Outcome(problem=str(exc))


class _FileJob(StoreJob):
    """A StoreJob whose work reads the store file through connections of its own: it
    gets the path, not an open Store (which would migrate a damaged store)."""

    def __init__(self, store_path: Path, work: Callable[[Path], Outcome]) -> None:
        super().__init__(store_path, lambda _store, _progress: None)
        self.file_work = work

    def run(self) -> None:
        try:
            self._outcome = ("succeeded", self.file_work(self.store_path))
        except Exception as exc:  # never a dead thread: the log has it
            logger.exception("the store check or backup failed")
            self._outcome = ("succeeded", Outcome(problem=f"{type(exc).__name__}: {exc}"))


class StoreGuard(QObject):
    """Checks and backs up the store at `path` in a worker thread: once at `start`, then
    a backup every `every_minutes` (a QTimer: nothing polls). One job at a time.

    Signals:
        damaged(str): the store is damaged; the sentence. The guard stops.
        backed_up(object): a Backup was made (None: the store had not changed).
        problem(str): a backup could not be made (the store is fine).
    """

    damaged = Signal(str)
    backed_up = Signal(object)
    problem = Signal(str)

    def __init__(self, path: Path, every_minutes: int, keep_days: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.keep_days = keep_days
        self.timer = QTimer(self)
        self.timer.setInterval(every_minutes * 60_000)
        self.timer.timeout.connect(self.back_up)
        self._job: _FileJob | None = None

    def start(self) -> None:
        self.timer.start()
        self._launch(check=True)

    def back_up(self) -> None:
        self._launch(check=False)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def _launch(self, *, check: bool) -> None:
        if self._job is not None:
            return
        keep = self.keep_days
        job = _FileJob(self.path, lambda path: check_and_back_up(path, keep, check=check))
        self._job = job
        deliver_to(job, self, lambda me: me._job is job, StoreGuard._done,
                   lambda me, _headline, _problems: StoreGuard._done(me, Outcome()))
        jobs_of(self).launch(job)  # the till window's runner, if it has one

    def _done(self, outcome: Outcome) -> None:
        self._job = None
        if outcome.damaged is not None:
            self.timer.stop()
            logger.error("%s", outcome.damaged)
            self.damaged.emit(say(outcome.damaged))
        elif outcome.problem is not None:
            logger.warning("automatic backup: %s", outcome.problem)
            self.problem.emit(say(outcome.problem))
        else:
            if outcome.backup is not None:
                logger.info("automatic backup %s (%.1f s)", outcome.backup.path,
                            outcome.backup.seconds)
            self.backed_up.emit(outcome.backup)


def guard_for(store: Store, parent: QObject | None = None) -> StoreGuard:
    """A StoreGuard over the till's store, with the store's backup settings."""
    assert store.path is not None
    return StoreGuard(
        store.path,
        setting_value(BACKUP_EVERY_MINUTES, store.get_setting(BACKUP_EVERY_MINUTES)),
        setting_value(BACKUP_KEEP_DAYS, store.get_setting(BACKUP_KEEP_DAYS)),
        parent)


def damaged_offer(path: Path, sentence: str, done: Callable[[], None],
                  parent: QWidget | None = None,
                  release: Callable[[], None] | None = None) -> QMessageBox:
    """The message on a damaged store (objectName storeDamaged), application-modal and
    open: the sentence, and the latest good backup to restore (button restoreBackup), or
    Quit (quitTill). Restoring calls `release` first (the till closes its connection to
    the store `path`), then puts the backup in place and
    says where the damaged store was kept (storeRestored; the box's property `restored`
    is then true); `done` is called when the person has read it, or at Quit (the program
    ends there)."""
    latest = latest_good_backup(path)
    offer = "\n\n" + (
        translate("store_guard", "Restore the latest good backup, {name} (taken {when})? The "
                  "damaged store is kept beside it, and the till starts again on the "
                  "backup.").format(
            name=latest.name,
            when=f"{dt.datetime.fromtimestamp(latest.stat().st_mtime):%Y-%m-%d %H:%M}")
        if latest is not None else
        translate("store_guard", "There is no automatic backup beside it: restore one with "
                  "'pos-prompter restore FILE --db ...'."))
    box = QMessageBox(QMessageBox.Icon.Critical, translate("store_guard", "The store is damaged"),
                      translate("store_guard", "The till stopped: {sentence}.").format(
                          sentence=say(sentence)) + offer, parent=parent)
    box.setObjectName("storeDamaged")
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.setTextInteractionFlags(box.textInteractionFlags()
                                | Qt.TextInteractionFlag.TextSelectableByMouse)
    quit_button = box.addButton(translate("store_guard", "Quit"),
                                QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitTill")
    restore_button: QPushButton | None = None
    if latest is not None:
        restore_button = box.addButton(translate("store_guard", "Restore the backup"),
                                       QMessageBox.ButtonRole.AcceptRole)
        restore_button.setObjectName("restoreBackup")
        box.setDefaultButton(restore_button)

    def clicked(button: object) -> None:
        if button is not restore_button or latest is None:
            done()
            return
        if release is not None:
            release()  # the till lets go of the damaged file before it is moved aside
        try:
            put = restore(latest, path)
            text = (translate("store_guard", "{path} was restored from {backup}.").format(
                path=path, backup=latest) + (
                " " + translate("store_guard", "The damaged store is kept as {path}.").format(
                    path=put.kept_aside) if put.kept_aside else "")
                + " " + translate("store_guard", "Start the till again."))
            icon = QMessageBox.Icon.Information
            box.setProperty("restored", True)
        except StoreError as exc:
            text = translate("store_guard", "The backup could not be restored: {problem}").format(
                problem=say_error(exc))
            icon = QMessageBox.Icon.Critical
        logger.info("%s", text)
        told = QMessageBox(icon, "pos-prompter", text, QMessageBox.StandardButton.Ok, parent)
        told.setObjectName("storeRestored")
        told.setWindowModality(Qt.WindowModality.ApplicationModal)
        told.finished.connect(lambda _result: done())
        told.show()  # open() would make it window-modal only

    box.buttonClicked.connect(clicked)
    box.show()  # open() would make it window-modal only: no scan may get through
    return box
