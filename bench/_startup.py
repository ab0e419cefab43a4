"""Cold start in a fresh process, shared by bench_startup.py and bench_practice_open.py: the
child scripts' common part, the "ready to scan" condition, and one timed run.

A child is `python -c CODE ARGS...`. Its script starts with CHILD_COMMON (T0, the first line
of its own script) and READY (`wait_ready`), shows its window and calls
`wait_ready(app, window, field)`, which prints "ready MS[ NOTE]" once the window is exposed,
has been painted once (the scan field got its first Paint event) and the scan field has the
keyboard focus: a scan typed then would land. The parent times from just before Popen to
the moment it reads that line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD_COMMON = """\
import time
T0 = time.perf_counter()
import sys
"""

READY = """\
def wait_ready(app, window, field, note=""):
    from PySide6.QtCore import QEvent, QObject

    class Spy(QObject):
        painted = False

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    spy = Spy()
    field.installEventFilter(spy)
    window.show()
    window.activateWindow()
    deadline = time.perf_counter() + 20
    while not (spy.painted and field.hasFocus() and window.windowHandle() is not None
               and window.windowHandle().isExposed()):
        app.processEvents()
        if time.perf_counter() > deadline:
            sys.exit(f"never ready (painted {spy.painted}, scan field focused "
                     f"{field.hasFocus()}, focus on {app.focusWidget()!r})")
    print(f"ready {(time.perf_counter() - T0) * 1e3:.3f}{note}", flush=True)
"""

CHILD_TILL = CHILD_COMMON + READY + """\
from pathlib import Path

from pos_prompter.app import SHOWN_FIRST, application, build_window, open_store
from pos_prompter.bootstrap import DEFAULT_CLERK

app = application()
store = open_store(Path(sys.argv[1]))
window = build_window(store, clerk=DEFAULT_CLERK, defer_from=SHOWN_FIRST)
wait_ready(app, window, window.scan_input)
window.close()
store.close()
"""
"""The real till, as `app.run` starts it before `app.exec()` (without the log file):
`application()`, `open_store(path)`, `build_window` (shown before its catalog and rules are
read, `SHOWN_FIRST`, as `run` does), shown and activated; with the store's
clerk ("clerk") selling, as after their PIN: a store whose clerk has a PIN (the demos) would
otherwise show the PIN panel first, and the time a clerk takes to type it is not the app's."""


CHILD_COMMAND = CHILD_COMMON + READY + """\
import importlib.machinery

def _patched(app_module):
    from pos_prompter.bootstrap import DEFAULT_CLERK

    build, start = app_module.build_window, app_module.start_window

    def build_window(store, **kw):
        return build(store, **{**kw, "clerk": DEFAULT_CLERK})

    def start_window(window):
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        start(window)
        app = QApplication.instance()
        wait_ready(app, window, window.scan_input)
        QTimer.singleShot(0, app.quit)

    app_module.build_window, app_module.start_window = build_window, start_window

class _WhenAppLoads:
    def find_spec(self, name, path=None, target=None):
        if name != "pos_prompter.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            _patched(module)

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _WhenAppLoads())
sys.argv = ["pos-prompter", "--db", sys.argv[1]]
from pos_prompter.cli import main

sys.exit(main())
"""
"""The `pos-prompter --db STORE` command itself, as a till's icon starts it: argument
parsing, language, log file, the store's lock, `app.run`, to the same ready line. Two
things are changed once pos_prompter.app has loaded (by an import hook, so that nothing is
imported earlier or in another order than the command does): the window is built with the
store's clerk selling, as in CHILD_TILL, and the event loop quits once ready. Give it
XDG_STATE_HOME (the log file's folder) in a temporary directory."""


def child_env() -> dict[str, str]:
    """The children's environment: offscreen Qt unless set otherwise, this checkout first."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_child(code: str, args: Sequence[str], env: dict[str, str],
              timeout: float = 60, cwd: Path = ROOT) -> tuple[float, float, list[str]]:
    """One fresh process: (ms from Popen to its ready line, ms the child counted from the
    first line of its script, the rest of the ready line's words). `cwd` is where `-c`
    code imports from first (another checkout's, to time that one)."""
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=cwd)
    assert child.stdout is not None
    line = child.stdout.readline()
    t1 = time.perf_counter()
    _, err = child.communicate(timeout=timeout)
    if child.returncode != 0 or not line.startswith("ready "):
        raise RuntimeError(f"the child failed (exit {child.returncode}): {line!r}\n{err}")
    words = line.split()
    return (t1 - t0) * 1e3, float(words[1]), words[2:]


def one_run(code: str, store: Path, env: dict[str, str],
            cwd: Path = ROOT) -> tuple[float, float]:
    """(ms from Popen to the ready line, ms the child counted from its first line)."""
    wall, inside, _ = run_child(code, [str(store)], env, cwd=cwd)
    return wall, inside


def checkout_child(tree: Path) -> str:
    """CHILD_TILL as the checkout `tree` (an older commit's worktree, say) has it: its till
    started as that version's `app.run` started it."""
    source = tree / "bench" / "_startup.py"
    if not source.is_file():
        raise SystemExit(f"no bench/_startup.py in {tree}: not a pos-prompter checkout")
    names: dict[str, object] = {"__file__": str(source), "__name__": "checkout_startup"}
    exec(compile(source.read_text(encoding="utf-8"), str(source), "exec"), names)
    code = names.get("CHILD_TILL")
    if not isinstance(code, str):
        raise SystemExit(f"{source} has no CHILD_TILL")
    return code
