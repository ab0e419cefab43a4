"""The composition root: choose and open the store, build the till and its window, run Qt.

Nothing else creates the QApplication or holds the objects together: the window gets its
`Till` through its constructor, the till gets its store and clock the same way. The command
line (`pos-prompter [--db PATH] [--training]`) calls `run`; tests call the helpers.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

# The modules that do not use Qt come before PySide6: it reads the source of every module
# imported after it, looking for "PySide6" (its __feature__ import hook, PYSIDE-2029), which
# cost the till's start ~170 source reads (issue 14.2).
from pos_prompter import bootstrap, i18n
from pos_prompter.core.errors import UserError
from pos_prompter.core.order import Clock
from pos_prompter.core.said import QT_TRANSLATE_NOOP
from pos_prompter.i18n import say_error, translate
from pos_prompter.store import Store, StoreError
from pos_prompter.store.auth import StaffStore
from pos_prompter.till import Till, settings_only

# isort: split
from PySide6.QtCore import QLockFile, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from pos_prompter.ui.clerk_words import asks_for_pin
from pos_prompter.ui.first_paint import after_first_paint
from pos_prompter.ui.jobs import JobRunner
from pos_prompter.ui.till_window import TillWindow
from pos_prompter.ui.workspace_door import Workspaces

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from pos_prompter.ui.store_guard import StoreGuard
    from pos_prompter.ui.workspace.sign_in import FirstManagerDialog

# Only what the till's first screen needs is imported above: practice mode, the damaged
# store's offer, the store guard, the first manager's box and the log file's rotation are
# imported where they are used (issue 14.2; tests/test_app_start_imports.py holds it).

logger = logging.getLogger("pos_prompter")

LOG_FILE = "pos-prompter.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DEFAULT_SIZE = (1024, 700)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


# ---------------------------------------------------------------------- the store


def open_store(db_path: Path | None = None, *, training: bool = False) -> Store:
    """Open the till's store: `db_path` or the default one, created from the cafe demo on
    first run; in practice mode, its training copy. Raises `StoreError` when unusable,
    read-only (a full disk, a read-only file or folder) included: a till must save its sales."""
    real = db_path if db_path is not None else bootstrap.default_store_path()
    if training:
        from pos_prompter.practice.practice_store import ensure_practice_store

        store = Store.open(ensure_practice_store(real, demo_if_missing="cafe"))
    else:
        store = bootstrap.open_or_create(real)
    if store.read_only is not None:  # every sale would be refused: the till does not start
        store.close()
        raise StoreError(store.read_only)
    return store


def till_name() -> str:
    """This till's name in the store: the computer's. Tills on several computers may share
    one store file; each reopens only its own open order."""
    if hasattr(os, "uname"):  # what platform.node() reads there, without its import (~3 ms)
        return os.uname().nodename or "till"
    import platform

    return platform.node() or "till"


def lock_till(store_path: Path) -> QLockFile:
    """Hold this computer's one till on `store_path`. A second till window on the same
    store here would share the first's name, and so its open order: it is refused (a
    StoreError) while the first runs. A lock left by a till that died is taken over."""
    lock = QLockFile(f"{store_path}.till-lock")
    if not lock.tryLock(0):
        info = lock.getLockInfo()  # (pid, host name, app name); empty when unreadable
        pid = info[0] if info else "?"
        raise StoreError(QT_TRANSLATE_NOOP(
            "app", "a till is already open on {path} on this computer (process {pid}); use "
            "that window").format(path=store_path, pid=pid))
    return lock


DEFER_PRODUCTS = 20_000
"""From this many products, `build_window` shows the till before its catalog and rules are
read (a chain's 100,000 products and 20,000 rules take ~0.9 s); scans meanwhile wait and
ring up once they are in force (till_loads.PublishedLoads.load_first). Below it, the till
`build_window` returns is ready at once, as tests and tools want it."""

SHOWN_FIRST = 0
"""The `defer_from` of the app's own start (`run`): every till is shown before its catalog
and rules are read. Its first screen then imports neither the rules' modules nor the
engine's (~30 ms, issue 14.2); a cafe's catalog and rules take ~2 ms to read after it."""


def build_window(store: Store, *, training: bool = False, clock: Clock | None = None,
                 clerk: str | None = None, name: str | None = None,
                 jobs: JobRunner | None = None,
                 defer_from: int = DEFER_PRODUCTS) -> TillWindow:
    """The composition root: the till, its staff store and the till window over `store`
    (which the caller keeps and closes), handed the staff store, how to open the workspace,
    and the job runner `jobs` that the window, its boxes and the workspace run their store
    jobs on (None: one of the window's own, which goes with it). `name` is the till's (see
    `till_name`). Unless `clerk` is given, the shift starts with a clerk's PIN when the
    store has a clerk with one; else the first active clerk (if any) sells at once,
    unasked (a store made without a demo has a clerk without a PIN). A store of
    `defer_from` products or more (with a file, not in practice mode) is shown before its
    catalog and rules are read (`DEFER_PRODUCTS`)."""
    defer = (not training and store.path is not None
             and (defer_from <= 0 or store.catalog.count() >= defer_from))
    till = Till(store, clock, clerk=clerk, till_name=name,
                published=settings_only(store) if defer else None)
    staff = StaffStore(store, till.clock)
    if clerk is None and asks_for_pin(staff):
        till.sign_out()  # the window asks who is selling
    window = TillWindow(till, training=training, jobs=jobs, staff=staff,
                        workspaces=Workspaces())
    window.resize(*DEFAULT_SIZE)
    return window


NO_MANAGER_TEXT = QT_TRANSLATE_NOOP("app", "No manager yet: the workspace (rules, catalog, "
                                    "staff) stays closed until one is created with Manager… "
                                    "(Ctrl+M).")


def start_window(window: TillWindow) -> FirstManagerDialog | None:
    """Put the till on screen. On the first run of a store without a manager (not in
    practice mode), also ask for the first manager's name and password, in a box beside
    the till's prompt card that holds nothing up: the till sells meanwhile, and a scan
    typed into the box rings up at the till (ui.scan_router). Once it is done, created or
    not, statusMessage says what next (without one, the workspace stays closed). Never
    blocks; returns the dialog while it is up."""
    window.show()
    window.activateWindow()
    if window.training or not window.staff.needs_first_manager():
        return None
    from pos_prompter.ui.window_place import show_box
    from pos_prompter.ui.workspace.sign_in import FirstManagerDialog

    dialog = FirstManagerDialog(window.staff, window)  # its own window; the till owns it

    def done(_result: int) -> None:
        person = dialog.person
        dialog.deleteLater()
        window.activateWindow()
        if person is None:
            window.show_message(translate("app", NO_MANAGER_TEXT))
        else:
            window.show_message(translate(
                "app", "{name} is the store's manager: Manager… (Ctrl+M) opens the "
                "workspace.").format(name=person.name))

    dialog.finished.connect(done)
    show_box(window, dialog)
    return dialog


def announce_new_store(window: TillWindow) -> None:
    """On the run that made the till's store from a demo: a status message saying so and
    where the file is (storeInfo keeps saying it); also on the clerk's sign-in panel,
    which covers the status line until a clerk signs in."""
    from pos_prompter.ui.store_info import created_text, demo_of

    store = window.till.store
    demo = demo_of(store)
    if demo is None or store.path is None:
        return
    text = created_text(store.path, demo)
    window.show_message(text)
    if window.signing_in:
        window.clerk_panel.say(text, error=False)


SCREENLESS_PLATFORMS = ("offscreen", "minimal")
"""Qt platforms with no screen: nobody could read or close a message there."""


def refusal_box(problem: UserError | OSError) -> QMessageBox:
    """What the till shows instead of itself when it cannot start on its store (a file
    that is no store, a till already open...): the one sentence, and OK, which ends the
    program. Never the till, never the first-manager sign-up (an empty file is not a new
    store). Not shown yet; `objectName` storeRefusal."""
    if isinstance(problem, OSError):  # as the command line says it
        reason = str(problem.strerror or problem)
        sentence = (translate("app", "cannot use {path}: {reason}").format(
            path=problem.filename, reason=reason) if problem.filename
            else translate("app", "cannot use: {reason}").format(reason=reason))
    else:
        sentence = say_error(problem)
    from PySide6.QtWidgets import QMessageBox  # here: naming it makes its type (start-up)

    box = QMessageBox(QMessageBox.Icon.Critical, translate("app", "pos-prompter cannot start"),
                      translate("app", "The till cannot start.") + f"\n\n{sentence}",
                      QMessageBox.StandardButton.Ok)
    box.setObjectName("storeRefusal")
    box.setTextInteractionFlags(box.textInteractionFlags()
                                | Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def show_refusal(app: QApplication, problem: UserError | OSError) -> None:
    """Say on screen why the till cannot start, until OK is pressed: a till started from an
    icon has no terminal for the command line's sentence. On a platform without a screen
    (SCREENLESS_PLATFORMS) only stderr and the log say it."""
    if QGuiApplication.platformName() in SCREENLESS_PLATFORMS:
        return
    box = refusal_box(problem)
    box.finished.connect(app.quit)
    box.open()
    app.exec()
    box.deleteLater()


# ---------------------------------------------------------------------- logging and errors


FILE_ONLY = "file_only"
"""`extra={FILE_ONLY: True}` keeps a record (and its traceback) out of stderr: for an error
that the command line reports on stderr itself, as one sentence (interfaces.md)."""


def _not_file_only(record: logging.LogRecord) -> bool:
    return not getattr(record, FILE_ONLY, False)


LOG_BYTES = 1_000_000
"""The log file is rotated once it reaches this size..."""
LOG_BACKUPS = 5
"""...keeping this many old ones (pos-prompter.log.1 to .5)."""


def setup_logging(log_dir: Path) -> list[logging.Handler]:
    """Log the app's messages to `log_dir`/pos-prompter.log and to stderr (but not those
    logged with `extra={FILE_ONLY: True}`). Returns the handlers added, so that they can
    be removed again. The file is appended to as it is; `rotate_log` makes it rotate."""
    formatter = logging.Formatter(LOG_FORMAT)
    to_stderr = logging.StreamHandler(sys.stderr)
    to_stderr.addFilter(_not_file_only)
    handlers: list[logging.Handler] = [to_stderr]
    problem: OSError | None = None
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_dir / LOG_FILE, encoding="utf-8"))
    except OSError as exc:
        problem = exc
    for handler in handlers:
        handler.setFormatter(formatter)
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    if problem is not None:
        logger.warning("cannot write a log file in %s (%s); logging to stderr only",
                       log_dir, problem)
    return handlers


def rotate_log(handlers: list[logging.Handler]) -> None:
    """From now on, rotate the log file of `handlers` (setup_logging's) at LOG_BYTES,
    keeping LOG_BACKUPS old files: its handler is swapped, in `handlers` and on the
    logger, for logging.handlers' RotatingFileHandler on the same file. The till does it
    after its first paint: logging.handlers brings socket, pickle and queue (~6 ms of the
    command's start, issue 14.2), and a start logs a line or two."""
    import logging.handlers

    for i, handler in enumerate(handlers):
        if type(handler) is not logging.FileHandler:
            continue
        rotating = logging.handlers.RotatingFileHandler(
            handler.baseFilename, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
            encoding="utf-8")
        rotating.setFormatter(handler.formatter)
        logger.addHandler(rotating)
        logger.removeHandler(handler)
        handler.close()
        handlers[i] = rotating


def install_excepthook(window: TillWindow) -> Callable[[], None]:
    """Log an exception that nothing caught (Qt calls sys.excepthook for one raised in a
    slot) and show it in the window's statusMessage, instead of dying. Returns a function
    that puts the previous hook back."""
    previous: ExceptHook = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        logger.error("unexpected error", exc_info=(exc_type, exc, tb))
        try:
            window.show_error(translate(
                "app", "Unexpected error ({error}). It is in the log; the till carries on.")
                .format(error=f"{exc_type.__name__}: {exc}"))
        except Exception:  # the window may be gone; the log has the error anyway
            logger.exception("could not show the error on screen")

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore


# ---------------------------------------------------------------------- running


STYLE = "Fusion"
"""Qt's style for every window: the same look on every system."""


def application() -> QApplication:
    """The QApplication (made once per process)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Fusion as Qt's own `-style` argument (the last one given wins) rather than
        # setStyle("Fusion"), which returns the style: its Python type and eleven enum
        # types, ~5 ms of the till's cold start (issue 14.2). The same style, palette and
        # arguments (Qt takes `-style` out of them): tests/test_app_style.py.
        app = QApplication([*sys.argv, "-style", STYLE])
    else:
        app.setStyle(STYLE)
    app.setApplicationName(bootstrap.APP_NAME)
    app.setApplicationDisplayName("pos-prompter")
    i18n.install(app)  # the language the command line chose, before any window (issue 14.3)
    return app


def run(db_path: Path | None = None, training: bool = False) -> int:
    """Start the till and return Qt's exit code when the window is closed.

    Raises `pos_prompter.core.errors.UserError` (a `StoreError`) when the store cannot be
    opened; the command line turns that into one sentence on stderr and exit code 2. The
    traceback goes to the log file only.
    """
    import platformdirs

    handlers = setup_logging(Path(platformdirs.user_log_dir(bootstrap.APP_NAME,
                                                             appauthor=False)))
    try:
        app = application()
        first_run = not training and not _store_path(db_path, training).exists()
        try:
            store = open_store(db_path, training=training)
        except Exception as exc:
            # The log file keeps the traceback; stderr gets only the command line's one
            # sentence (and the traceback from it with --debug); the screen, the sentence.
            logger.exception("cannot open the store", extra={FILE_ONLY: True})
            from pos_prompter.store.backup import is_damage

            if is_damage(exc):  # its schema, met by the migrations: offer the backup
                if _damaged_at_start(app, _store_path(db_path, training)):
                    return 0
                raise
            if isinstance(exc, UserError | OSError):
                show_refusal(app, exc)
            raise
        with store:
            assert store.path is not None  # the till's store is always a file
            try:
                lock = lock_till(store.path)
            except StoreError as exc:
                show_refusal(app, exc)
                raise
            logger.info("till started on %s as %r%s", store.path, till_name(),
                        " (practice mode)" if training else "")
            try:
                return _run_window(app, store, training, first_run=first_run,
                                   handlers=handlers)
            finally:
                lock.unlock()
    finally:
        for handler in handlers:
            logger.removeHandler(handler)
            handler.close()


def _run_window(app: QApplication, store: Store, training: bool, *,
                first_run: bool = False, handlers: list[logging.Handler] | None = None) -> int:
    """The till window on `store` until it is closed; Qt's exit code. `first_run`: this
    run made the store (from a demo), which the till then says, and where. `handlers`:
    setup_logging's, whose log file rotates once the window is painted (`rotate_log`)."""
    jobs = JobRunner()  # the app's store jobs: waited for before the store closes
    try:
        window = build_window(store, training=training, name=till_name(), jobs=jobs,
                              defer_from=SHOWN_FIRST)
    except Exception as exc:
        from pos_prompter.store.backup import is_damage

        assert store.path is not None
        if not is_damage(exc) or not _damaged_at_start(app, store.path, store.close):
            raise  # the command line says it: the damaged store's one sentence
        return 0
    restore_hook = install_excepthook(window)
    try:
        start_window(window)
        if first_run:
            announce_new_store(window)
        if handlers is not None:  # the log file rotates from now on
            after_first_paint(window, lambda: rotate_log(handlers))
        after_first_paint(window, lambda: guard_store(app, window, store))
        after_first_paint(window, lambda: window.clerk_panel)  # built, for the first F2
        return app.exec()
    finally:
        restore_hook()
        window.close()
        jobs.close()
        window.deleteLater()
        logger.info("till closed")


def guard_store(app: QApplication, window: TillWindow, store: Store, *,
                done: Callable[[], None] | None = None) -> StoreGuard | None:
    """Watch the till's store (issue 11, ui.store_guard): checked once the window is on
    screen, backed up then and every `backup_every_minutes`; when it is found damaged,
    the offer of its latest good backup, which ends the program (`done`, default
    app.quit). In practice mode the store watched is the practice store, backed up beside
    itself: its catalog and rules are copies of the real store's, but the trainees' scored
    runs and the trainer's scenarios are only there."""
    from pos_prompter.ui.store_guard import damaged_offer, guard_for

    finish = done or app.quit
    guard = guard_for(store, window)
    guard.damaged.connect(lambda sentence: damaged_offer(
        guard.path, sentence, finish, window, release=store.close))
    guard.problem.connect(lambda text: window.show_error(
        translate("app", "No automatic backup: {problem}").format(problem=text)))
    after_first_paint(window, guard.start)
    return guard


def _store_path(db_path: Path | None, training: bool) -> Path:
    real = db_path if db_path is not None else bootstrap.default_store_path()
    return bootstrap.training_store_path(real) if training else real


def _damaged_at_start(app: QApplication, path: Path,
                      release: Callable[[], None] | None = None) -> bool:
    """The store's damage met while opening it or building the window: the offer of its
    latest good backup alone, until it is answered (SCREENLESS_PLATFORMS: nothing shown).
    Whether the backup was restored."""
    if QGuiApplication.platformName() in SCREENLESS_PLATFORMS:
        return False  # the command line says it
    from pos_prompter.store.backup import damaged_text
    from pos_prompter.ui.store_guard import damaged_offer

    sentence = damaged_text(path)
    logger.error("%s", sentence, extra={FILE_ONLY: True})
    box = damaged_offer(path, sentence, app.quit, release=release)
    app.exec()
    restored = bool(box.property("restored"))
    box.deleteLater()
    return restored
