"""Cold start to a window ready to scan, in a fresh process: the till against bare PySide6.

    .venv/bin/python bench/bench_startup.py            # 15 runs of each
    .venv/bin/python bench/bench_startup.py --quick    # 3 runs of each

One run is one new Python process (`python -c CHILD`, QT_QPA_PLATFORM=offscreen unless set
otherwise), timed by this parent from just before Popen to the moment it reads the child's
"ready" line: interpreter start, imports, opening the store, building and showing the
window, until the window is exposed, has been painted once (the scan field got its first
Paint event) and the scan field has the keyboard focus. A scan typed then would land.

- ours: imports pos_prompter.app, then what `app.run` does before `app.exec()` (without
  the log file): `application()`, `open_store(path)` on a cafe demo store, `build_window`
  as `run` builds it (`SHOWN_FIRST`: the till is shown first, its catalog and rules read
  by a worker that starts after the first paint, ~30 ms later on this store; a scan typed
  meanwhile waits and rings up then) with the demo's clerk selling (as after their PIN:
  otherwise the PIN panel has the focus, and a clerk's typing is not the app's time),
  `show()` and `activateWindow()`. The store is made once by this parent in a temporary
  folder and opened by every run; opening it writes nothing (its migrations are applied
  already), it only reads settings and staff. The `pos-prompter` command adds its argument
  parsing and logging set-up on top: timed apart (below).
- the till on to its catalog and rules in force (CHILD_LOADED): the same till, timed to
  the moment a scan typed at its ready line rings up, the price of showing it first.
- baseline: a bare PySide6 QMainWindow with a QLineEdit and a QTableView over an empty
  QStandardItemModel, shown and activated the same way, ready on the same condition.
- for information, the same bare window that also sets its field's alignment (its
  default): the one `Qt.AlignmentFlag` makes PySide build the whole `Qt` namespace's Python
  enums, a toll every real Qt screen pays (CHILD_BARE_QT); the till is set against it too,
  to tell that toll from the till's own work.

Runs alternate ours / baseline, after one untimed warm-up run of each (which fills the OS
file cache with Python, Qt and the store, as on a till that has started before): this is a
fresh process on a warm machine, not the first start after a reboot. The child also reports
the time from the first line of its own script, which splits off the interpreter's start.

Bytecode: the children run with their compiled modules cached, as an installed till has
them (pip writes them at install; a checkout writes __pycache__ on its first run). This
machine's environment sets PYTHONDONTWRITEBYTECODE=1, under which every run compiled the
till's ~100 modules from source again (a third of its start); the children get it unset and
PYTHONPYCACHEPREFIX pointed at a folder in the bench's temporary directory (the checkout
is left as it was), which the untimed warm-up runs fill. `--no-bytecode` times the old way,
compiling every run (the figures before issue 14.2's were taken so). The bare window's
modules (PySide6's) are compiled at install either way.

- the command: `pos-prompter --db STORE` itself (CHILD_COMMAND: `cli.main`, its argument
  parsing and language, the log file, the store's lock, `app.run`), the window built with
  the same clerk selling, to the same ready line; its log goes to the temporary directory.

The ready condition and the till's child scripts live in _startup.py (bench_practice_open.py
uses them too).

    .venv/bin/python bench/bench_startup.py --db PATH

times the same on a copy of the store at PATH instead of the cafe demo (a chain-size store:
bench/_tillstore.py's build_store makes one).

    .venv/bin/python bench/bench_startup.py --against ../before

also times the till of another checkout in the same rounds (a `git worktree add ../before
COMMIT` of an older commit): its own bench/_startup.py's CHILD_TILL, run from that tree,
on the same store and bytecode set-up, for a before/after on one noisy machine.

    .venv/bin/python bench/bench_startup.py --built dist/pos-prompter

also times the one-folder app that packaging/build.sh made, in the same rounds: its
executable with POS_PROMPTER_STARTUP_PROBE=STORE runs the same child script (CHILD_TILL,
copied into the app at build time: packaging/launcher.py) on the same store, timed the same
way; and `--help` to exit, the built app's against `python -m pos_prompter --help` from the
source tree and a bare `python -c pass`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from _startup import (  # noqa: E402
    CHILD_COMMAND,
    CHILD_COMMON,
    CHILD_TILL,
    READY,
    checkout_child,
    child_env,
    one_run,
)
from _stats import report  # noqa: E402

CHILD_OURS = CHILD_TILL

READY_CALL = "wait_ready(app, window, window.scan_input)\n"
CHILD_LOADED = CHILD_TILL.replace(READY_CALL, READY_CALL + """\
while not window.till.loaded:  # the catalog and rules, read after the first paint
    app.processEvents()
print(f"loaded {(time.perf_counter() - T0) * 1e3:.3f}", flush=True)
""")
"""The till again, on to the moment its catalog and rules are in force: when a scan typed
at the ready line rings up (the till is shown before they are read: app.SHOWN_FIRST)."""

CHILD_BARE = CHILD_COMMON + READY + """\
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QApplication, QLineEdit, QMainWindow, QTableView,
                               QVBoxLayout, QWidget)

app = QApplication(sys.argv)
window = QMainWindow()
central = QWidget(window)
window.setCentralWidget(central)
field = QLineEdit(central)
table = QTableView(central)
table.setModel(QStandardItemModel(0, 5, window))
layout = QVBoxLayout(central)
layout.addWidget(field)
layout.addWidget(table, 1)
window.setFocusProxy(field)
window.resize(1024, 700)
wait_ready(app, window, field)
window.close()
"""

CHILD_BARE_QT = CHILD_BARE.replace(
    "field = QLineEdit(central)\n",
    "field = QLineEdit(central)\n"
    "from PySide6.QtCore import Qt\n"
    "field.setAlignment(Qt.AlignmentFlag.AlignLeft)  # its default, set: Qt's enums built\n")
"""The bare window, its field given the alignment it has by default: the one line makes
PySide build the `Qt` namespace's ~90 Python enums (~1,200 members; ~15-20 ms here), which
every real Qt screen pays on its first alignment, focus policy, key or item role (the
till's first screen uses some 80). Printed for information: how much of the ratio to the
bare window is that toll, not the till's own code."""
assert CHILD_BARE_QT != CHILD_BARE, "CHILD_BARE no longer makes `field` as CHILD_BARE_QT expects"


EXE = "pos-prompter.exe" if sys.platform == "win32" else "pos-prompter"


def built_run(app: Path, store: Path, env: dict[str, str]) -> tuple[float, float]:
    """The built app's start, as `one_run` times the source tree's: (ms from Popen to its
    ready line, ms its probe counted from the probe script's first line)."""
    env = {**env, "POS_PROMPTER_STARTUP_PROBE": str(store)}
    env.pop("PYTHONPATH", None)
    t0 = time.perf_counter()
    child = subprocess.Popen([str(app / EXE)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=store.parent)
    assert child.stdout is not None
    line = child.stdout.readline()
    t1 = time.perf_counter()
    _, err = child.communicate(timeout=60)
    if child.returncode != 0 or not line.startswith("ready "):
        raise RuntimeError(f"the built app failed (exit {child.returncode}): {line!r}\n{err}")
    return (t1 - t0) * 1e3, float(line.split()[1])


def loaded_run(store: Path, env: dict[str, str]) -> float:
    """ms from Popen to CHILD_LOADED's "loaded" line."""
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD_LOADED, str(store)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=ROOT)
    assert child.stdout is not None
    lines = [child.stdout.readline(), child.stdout.readline()]
    t1 = time.perf_counter()
    _, err = child.communicate(timeout=60)
    if child.returncode != 0 or not lines[1].startswith("loaded "):
        raise RuntimeError(f"the child failed (exit {child.returncode}): {lines!r}\n{err}")
    return (t1 - t0) * 1e3


def wall_to_exit(argv: list[str], env: dict[str, str]) -> float:
    """ms from Popen to the exit of `argv`, which must succeed."""
    t0 = time.perf_counter()
    subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=True, timeout=60)
    return (time.perf_counter() - t0) * 1e3


def folder_size(app: Path) -> float:
    """MB of the files in the built app's folder (symlinks not counted twice)."""
    return sum(p.stat().st_size for p in app.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs of each instead of 15")
    parser.add_argument("--runs", type=int, help="timed runs of each")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="compile the source tree's modules in every run, as with "
                             "PYTHONDONTWRITEBYTECODE=1 (no cached bytecode)")
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="time the till on a copy of this store instead of the cafe demo")
    parser.add_argument("--built", type=Path, metavar="PATH",
                        help="also time the one-folder app in PATH (packaging/build.sh)")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="also time the till of the checkout DIR (an older commit's "
                             "worktree), in the same rounds")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 15)
    app: Path | None = args.built.resolve() if args.built else None
    if app is not None and not os.access(app / EXE, os.X_OK):
        parser.error(f"no built app in {app} (bash packaging/build.sh makes dist/pos-prompter)")

    env = child_env()
    other: Path | None = args.against.resolve() if args.against else None
    other_code = checkout_child(other) if other is not None else ""
    other_env = dict(env)
    if other is not None:
        other_env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(other), os.environ.get("PYTHONPATH")]))
    from pos_prompter.bootstrap import init_store

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        if not args.no_bytecode:  # as an installed till: compiled once, by the warm-ups
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        env["XDG_STATE_HOME"] = str(Path(tmp) / "state")  # the command's log file
        for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "XDG_STATE_HOME"):
            if name in env:
                other_env[name] = env[name]
            else:
                other_env.pop(name, None)
        store = Path(tmp) / "store.db"
        if args.db is not None:
            shutil.copyfile(args.db, store)
        else:
            init_store(store, demo="cafe").close()
        command: list[float] = []
        ours: list[float] = []
        bare: list[float] = []
        ours_in: list[float] = []
        bare_in: list[float] = []
        bare_qt: list[float] = []
        built: list[float] = []
        built_in: list[float] = []
        against: list[float] = []
        against_in: list[float] = []
        loaded: list[float] = []
        one_run(CHILD_OURS, store, env)  # warm-ups, not counted
        one_run(CHILD_BARE, store, env)
        one_run(CHILD_BARE_QT, store, env)
        one_run(CHILD_COMMAND, store, env)
        loaded_run(store, env)
        if app is not None:
            built_run(app, store, env)
        if other is not None:
            one_run(other_code, store, other_env, cwd=other)
        for _ in range(runs):
            wall, inside = one_run(CHILD_OURS, store, env)
            ours.append(wall)
            ours_in.append(inside)
            wall, inside = one_run(CHILD_BARE, store, env)
            bare.append(wall)
            bare_in.append(inside)
            bare_qt.append(one_run(CHILD_BARE_QT, store, env)[0])
            command.append(one_run(CHILD_COMMAND, store, env)[0])
            loaded.append(loaded_run(store, env))
            if other is not None:
                wall, inside = one_run(other_code, store, other_env, cwd=other)
                against.append(wall)
                against_in.append(inside)
            if app is not None:
                wall, inside = built_run(app, store, env)
                built.append(wall)
                built_in.append(inside)

    print(f"Cold start to a window ready to scan: {runs} fresh processes of each, alternating,"
          f" after one warm-up of each; Qt platform {env['QT_QPA_PLATFORM']}, Python "
          f"{sys.version.split()[0]}; source tree "
          + ("compiled in every run (--no-bytecode)" if args.no_bytecode
             else "bytecode cached by the warm-ups, as an installed till's"))
    report("From Popen to the child's 'ready' line (exposed, painted once, scan field "
           "focused)", "ms", ours, bare, "bare PySide6")
    report("The same, counted in the child from the first line of its script (no "
           "interpreter start)", "ms", ours_in, bare_in, "bare PySide6")
    report("The `pos-prompter --db STORE` command, from Popen to 'ready' (argument parsing, "
           "log file and lock on top)", "ms", command, bare, "bare PySide6")
    report("The till, from Popen to its catalog and rules in force (when a scan typed at "
           "'ready' rings up)", "ms", loaded, bare, "bare PySide6")
    report("For information: the bare window that also builds Qt's namespace enums "
           "(one `Qt.AlignmentFlag`: CHILD_BARE_QT), from Popen to 'ready'", "ms", bare_qt,
           bare, "bare PySide6", name="bare + Qt enums")
    report("The till against that window, from Popen to 'ready'", "ms", ours, bare_qt,
           "bare + Qt enums")
    if other is not None:
        report("The other checkout's till (--against), from Popen to 'ready'", "ms", against,
               bare, "bare PySide6")
        report("This checkout's till against the other's, from Popen to 'ready'", "ms", ours,
               against, str(args.against))
        report("The same, counted in the child", "ms", ours_in, against_in, str(args.against))
    if app is not None:
        report_built(app, runs, env, built, built_in, ours, bare, bare_in)
    return 0


def report_built(app: Path, runs: int, env: dict[str, str], built: list[float],
                 built_in: list[float], ours: list[float], bare: list[float],
                 bare_in: list[float]) -> None:
    """The built app's figures: its window against the bare one and the source tree's,
    then `--help` to exit, built against source against a bare interpreter."""
    print(f"\nThe built app: {app} ({folder_size(app):.1f} MB)")
    report("Built app, from Popen to its 'ready' line (the same child script and store)",
           "ms", built, bare, "bare PySide6")
    report("Built app, counted in the child from the first line of its script", "ms",
           built_in, bare_in, "bare PySide6")
    report("Built app against the source tree, from Popen to 'ready'", "ms", built, ours,
           "source tree")
    source_help: list[float] = []
    built_help: list[float] = []
    bare_python: list[float] = []
    quiet = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
    for _ in range(runs):
        source_help.append(wall_to_exit([sys.executable, "-m", "pos_prompter", "--help"], env))
        built_help.append(wall_to_exit([str(app / EXE), "--help"], quiet))
        bare_python.append(wall_to_exit([sys.executable, "-c", "pass"], env))
    report("`--help` to exit: the built app against the source tree", "ms", built_help,
           source_help, "source tree")
    report("`--help` to exit: the built app against a bare `python -c pass`", "ms",
           built_help, bare_python, "python -c pass")


if __name__ == "__main__":
    sys.exit(main())
