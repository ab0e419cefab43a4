"""The till's cold start imports only what its first screen needs (issue 14.2): a fresh
process starts the till offscreen as `app.run` does, up to a window exposed, painted once and
with the scan field focused (bench/_startup.py's ready condition), then lists what it has
imported. The workspace, charts, suggestions, what-if, practice mode, the pack readers and
PyYAML are imported when first opened, never at start, and the store opens without sqlite-utils
(whose import cost as much as PySide6's; store/light_db.py) and so without its plugins (which
read every installed package's metadata); a new top-level import of one of them fails here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pos_prompter.bootstrap import init_store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from _startup import CHILD_COMMAND, CHILD_COMMON, CHILD_TILL, READY  # noqa: E402

NOT_AT_START = (
    "pos_prompter.ui.workspace",  # the package and every module under it
    "pos_prompter.ui.charts",
    "pos_prompter.ui.practice",
    "pos_prompter.practice",
    "pos_prompter.core.suggest",
    "pos_prompter.core.whatif",
    "pos_prompter.core.lint",
    "pos_prompter.core.scenario",
    "pos_prompter.core.demo_history",
    "pos_prompter.imports",
    "pos_prompter.pack_files",
    "pos_prompter.cli",
    "pos_prompter.store.backup",
    # The report's model and the report tables' SQL: read by reports and the rule list.
    "pos_prompter.core.results",
    "pos_prompter.core.uplift",
    "pos_prompter.core.stats",
    "pos_prompter.store.reports",
    "pos_prompter.ui.store_guard",
    # The clerk's sign-in panel and its PIN check: built when first needed, or after the
    # first paint (TillScreen.clerk_panel); the words the first screen shows are clerk_words.
    "pos_prompter.ui.clerk_sign_in",
    "pos_prompter.ui.staff_check",
    "yaml",
    "importlib.metadata",  # sqlite-utils' plugins, read from every package's entry points
    "sqlite_utils",  # the store opens on plain sqlite3 (store/light_db.py)
    "importlib.resources",  # and with it tempfile, random, shutil: only a catalog to load
    # The rules' model, the engine and the order's workflow: the till is shown before its
    # catalog and rules are read (app.SHOWN_FIRST), which a worker does after the paint.
    "pos_prompter.core.rules",
    "pos_prompter.core.rule_model",
    "pos_prompter.core.engine",
    "pos_prompter.core.session",
    "pos_prompter.core.reward_progress",
    "pos_prompter.store.rule_store",
    "pos_prompter.store.catalog_store",
    "pos_prompter.store.history",
    # The audit log (written by changes, never by opening) and OpenSSL's hashes (PINs and
    # passwords, the audit chain, holdouts): none is needed to show the till.
    "pos_prompter.store.audit",
    "pos_prompter.store.audit_chain",
    "hashlib",
    # Secrets and lockouts: the staff list the first screen reads needs the roles only.
    "pos_prompter.core.auth",
)
"""Modules (and the packages under them) the till's first screen must not import."""

AT_FIRST_PAINT = """
_wait_ready = wait_ready
AT_PAINT = []

def wait_ready(app, window, field, note=""):
    from PySide6.QtCore import QEvent, QObject

    class Snapshot(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not AT_PAINT:
                AT_PAINT.append(sorted(sys.modules))
            return False

    snapshot = Snapshot()
    field.installEventFilter(snapshot)
    _wait_ready(app, window, field, note)
    import json
    print(json.dumps(AT_PAINT[0]), flush=True)
"""
"""Records the modules imported when the scan field is first painted: the work put off
until after the first paint (the catalog and rules read in a worker, the store's check)
starts on the turn of the event loop after it, and may be under way by the ready line."""

LIST_MODULES = CHILD_COMMON + READY + AT_FIRST_PAINT + CHILD_TILL[len(CHILD_COMMON + READY):]

LIST_COMMAND_MODULES = (CHILD_COMMON + READY + AT_FIRST_PAINT
                        + CHILD_COMMAND[len(CHILD_COMMON + READY):])
"""The same for the `pos-prompter --db STORE` command itself (bench/_startup.py)."""

NOT_MADE = (
    # Made only when a widget Qt made (a scroll area's own viewport) was named in Python:
    # shiboken then makes every QtWidgets class to find its type (ui/viewports.py).
    "QWizard", "QMdiArea", "QDockWidget", "QTreeView", "QListView", "QColorDialog",
    "QFontDialog", "QCalendarWidget", "QMenu", "QScrollBar",
    # Named by `setStyle` and `style()`'s return (app.application, the status line's paint).
    "QStyle", "QCommonStyle",
    # Named at the top of a module the start imports, used only later (a refusal box, a
    # date edit or file chooser, a scan typed into another window's field).
    "QMessageBox", "QFileDialog", "QDialog", "QDateEdit", "QDateTimeEdit", "QComboBox",
    "QSpinBox", "QDoubleSpinBox", "QTextEdit", "QPlainTextEdit",
    # The clerk's sign-in panel's (its keypad and PIN field), built after the first paint.
    "QButtonGroup", "QGridLayout", "QRegularExpressionValidator",
    # QtGui's, made by telling a call's overloads apart: QPushButton(text, parent) (QIcon),
    # QBrush(color) and QPen(brush, width) (QGradient, QImage, QPixmap).
    "QIcon", "QGradient", "QImage", "QPixmap",
)
"""QtWidgets' and QtGui's types (and their enum types) the till's start must not make:
PySide6 makes a type the first time Python names it (or an overloaded call it is in), and
that is most of what a widget module costs to load."""

LIST_TYPES = CHILD_TILL + """
import json
from PySide6 import QtGui, QtWidgets
print(json.dumps(sorted(name for module in (QtWidgets, QtGui) for name in vars(module)
                        if name.startswith("Q"))), flush=True)
"""


def started_modules(store: Path, script: str = LIST_MODULES) -> list[str]:
    """The modules a fresh till process has imported when its scan field is first painted
    (or what else `script` lists once ready). The command's log file goes beside `store`."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_STATE_HOME": str(store.parent / "state"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", script, str(store)], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    ready, modules = done.stdout.splitlines()[-2:]
    assert ready.startswith("ready ")
    return list(json.loads(modules))


def heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in NOT_AT_START)]


def test_the_till_is_ready_to_scan_without_the_workspace_practice_or_yaml(
        tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    init_store(store, demo="cafe").close()

    modules = started_modules(store)

    assert "pos_prompter.ui.till_window" in modules  # the till did start
    assert "pos_prompter.till" in modules
    assert heavy(modules) == []


COMMAND_NOT_AT_START = ("logging.handlers", "platform", "pos_prompter.cli.commands")
"""The command's own: the log file's rotation waits for the first paint (app.rotate_log),
the till's name is read without platform, and no subcommand's parser is built."""


def test_the_command_is_ready_to_scan_without_them_either(tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    init_store(store, demo="cafe").close()

    modules = started_modules(store, LIST_COMMAND_MODULES)

    assert "pos_prompter.cli" in modules  # the command did start the till
    assert "pos_prompter.ui.till_window" in modules
    assert [m for m in heavy(modules) if m != "pos_prompter.cli"] == []  # its package only
    assert [m for m in COMMAND_NOT_AT_START if m in modules] == []


def test_the_check_sees_a_heavy_module() -> None:
    """The filter itself: a module under a heavy package counts, a name that only starts
    the same does not."""
    assert heavy(["pos_prompter.ui.workspace.window", "yaml", "yamlish",
                  "pos_prompter.ui.workspace_door", "pos_prompter.ui.till_window"]) == [
        "pos_prompter.ui.workspace.window", "yaml"]


def test_the_till_is_ready_to_scan_without_making_every_widget_type(tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    init_store(store, demo="cafe").close()

    made = started_modules(store, LIST_TYPES)

    assert "QTableView" in made  # the check sees what the till did make
    assert "QBrush" in made
    assert [name for name in NOT_MADE if name in made] == []
