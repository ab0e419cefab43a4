"""Regression guard for a PySide6 crash that kills the till mid-shift.

PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void call (setText, clear,
show, ...). After ~5,000 such calls None's refcount reaches zero and the interpreter aborts
with "Fatal Python error: none_dealloc". On 3.12+ None is immortal, so it cannot happen there.
pyproject.toml keeps PySide6 below 6.12 on Python < 3.12; these tests catch a regression.
"""

import os
import subprocess
import sys
import textwrap

import pytest

VOID_CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication([])
    edit = QLineEdit()
    for i in range({VOID_CALLS}):
        step = i % 4
        if step == 0:
            edit.setText(f"scan {{i}}")
        elif step == 1:
            edit.clear()
        elif step == 2:
            edit.show()
        else:
            edit.hide()
    print("ok", flush=True)
    """
)

# PySide6 versions known to crash on Python < 3.12, with the reason.
KNOWN_BAD_BEFORE_312 = {
    "6.12.0": "void calls leak a reference to None; ~5,000 of them abort with none_dealloc",
}


@pytest.mark.slow
def test_many_void_calls_do_not_crash_the_interpreter() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = (
        f"{VOID_CALLS} PySide6 void calls in a subprocess ended with exit code "
        f"{result.returncode} (a negative code is a signal; -6 is an abort)\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    assert result.returncode == 0, report
    assert "ok" in result.stdout.split(), report


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: the bug cannot crash"
)
def test_installed_pyside6_is_not_a_known_bad_version() -> None:
    import PySide6

    version = PySide6.__version__
    reason = KNOWN_BAD_BEFORE_312.get(version)
    assert reason is None, (
        f"PySide6 {version} on Python {sys.version.split()[0]} is known bad: {reason}. "
        'pyproject.toml pins PySide6-Essentials<6.12 for python_version < "3.12"; reinstall.'
    )
