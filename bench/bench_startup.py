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
  (with the demo's clerk selling, as after their PIN: otherwise the PIN panel has the
  focus, and a clerk's typing is not the app's time), `show()` and `activateWindow()`.
  The store is made once by this parent in a temporary folder and opened by every run;
  opening it writes nothing (its migrations are applied already), it only reads settings,
  catalog, rules and staff. The `pos-prompter` command adds its argument parsing and logging
  set-up on top; that is not timed here.
- baseline: a bare PySide6 QMainWindow with a QLineEdit and a QTableView over an empty
  QStandardItemModel, shown and activated the same way, ready on the same condition.

Runs alternate ours / baseline, after one untimed warm-up run of each (which fills the OS
file cache with Python, Qt and the store, as on a till that has started before): this is a
fresh process on a warm machine, not the first start after a reboot. The child also reports
the time from the first line of its own script, which splits off the interpreter's start.

The ready condition and the till's child script live in _startup.py (bench_practice_open.py
uses them too).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from _startup import CHILD_COMMON, CHILD_TILL, READY, child_env, one_run  # noqa: E402
from _stats import report  # noqa: E402

CHILD_OURS = CHILD_TILL

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs of each instead of 15")
    parser.add_argument("--runs", type=int, help="timed runs of each")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 15)

    env = child_env()
    from pos_prompter.bootstrap import init_store

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        store = Path(tmp) / "store.db"
        init_store(store, demo="cafe").close()
        ours: list[float] = []
        bare: list[float] = []
        ours_in: list[float] = []
        bare_in: list[float] = []
        one_run(CHILD_OURS, store, env)  # warm-ups, not counted
        one_run(CHILD_BARE, store, env)
        for _ in range(runs):
            wall, inside = one_run(CHILD_OURS, store, env)
            ours.append(wall)
            ours_in.append(inside)
            wall, inside = one_run(CHILD_BARE, store, env)
            bare.append(wall)
            bare_in.append(inside)

    print(f"Cold start to a window ready to scan: {runs} fresh processes of each, alternating,"
          f" after one warm-up of each; Qt platform {env['QT_QPA_PLATFORM']}, Python "
          f"{sys.version.split()[0]}")
    report("From Popen to the child's 'ready' line (exposed, painted once, scan field "
           "focused)", "ms", ours, bare, "bare PySide6")
    report("The same, counted in the child from the first line of its script (no "
           "interpreter start)", "ms", ours_in, bare_in, "bare PySide6")
    return 0


if __name__ == "__main__":
    sys.exit(main())
