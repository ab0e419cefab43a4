"""`pos-prompter [--db PATH] [--training]` on a store it cannot open: the real command in a
child process (Qt and all, on the offscreen platform), so the app's logging set-up is what a
user gets. interfaces.md: errors go to stderr as one readable sentence, never a traceback (a
traceback only with `--debug`); an unreadable input exits 2. The traceback is kept in the log
file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import Result

from pos_prompter.app import LOG_FILE


def run_till(tmp_path: Path, *args: object) -> Result:
    """The real `python -m pos_prompter ARGS`, with its data, log and config folders in
    tmp_path. The till never starts in these tests; if it did, the timeout ends it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           **{var: str(tmp_path / var.lower()) for var in
              ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")}}
    try:
        proc = subprocess.run([sys.executable, "-m", "pos_prompter", *map(str, args)],
                              capture_output=True, encoding="utf-8", env=env, cwd=tmp_path,
                              timeout=60, check=False)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"the till window opened instead of refusing the store: {exc.stderr!r}")
    return Result(proc.returncode, proc.stdout, proc.stderr)


def log_text(tmp_path: Path) -> str:
    logs = list((tmp_path / "xdg_state_home").glob(f"**/{LOG_FILE}"))
    assert len(logs) == 1, logs
    return logs[0].read_text(encoding="utf-8")


def assert_one_sentence(result: Result, *needles: str) -> None:
    """Exit 2, and stderr is exactly one line: the error, with no log line or traceback."""
    assert result.code == 2, result
    assert result.out == ""
    assert "Traceback" not in result.err, result.err
    assert result.err.splitlines(keepends=True) == [result.err], result.err
    assert result.err.endswith("\n"), result.err
    assert result.err.startswith("error: "), result.err
    for needle in needles:
        assert needle in result.err, (needle, result.err)


@pytest.fixture
def junk(tmp_path: Path) -> Path:
    path = tmp_path / "junk.db"
    path.write_text("garbage\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("training", [False, True], ids=["till", "practice"])
def test_a_file_that_is_not_a_store_is_one_sentence(tmp_path: Path, junk: Path,
                                                    training: bool) -> None:
    result = run_till(tmp_path, "--db", junk, *(["--training"] if training else []))
    assert_one_sentence(result, str(junk), "not a usable store")
    assert junk.read_text(encoding="utf-8") == "garbage\n"  # left as it was


def test_the_traceback_goes_to_the_log_file(tmp_path: Path, junk: Path) -> None:
    assert_one_sentence(run_till(tmp_path, "--db", junk))
    log = log_text(tmp_path)
    assert "ERROR pos_prompter: cannot open the store" in log
    assert "Traceback" in log
    assert "not a usable store" in log


def test_debug_shows_the_traceback(tmp_path: Path, junk: Path) -> None:
    result = run_till(tmp_path, "--debug", "--db", junk)
    assert result.code == 2
    assert "Traceback" in result.err
    assert result.err.rstrip().endswith(f"error: {junk} is not a usable store: it is not a "
                                        "SQLite database (or its first page is damaged), and "
                                        "it was left as it is. Check the path given with --db, "
                                        "or restore the store from a backup"), result.err


def test_a_folder_that_cannot_be_made_is_one_sentence(tmp_path: Path) -> None:
    """A missing folder is made (the first run creates the store); one that cannot be made,
    because a file stands where it should go, is refused."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the store's folder should go", encoding="utf-8")
    assert_one_sentence(run_till(tmp_path, "--db", blocker / "missing" / "shop.db"),
                        str(blocker))
    assert "Traceback" in log_text(tmp_path)


def test_a_folder_given_as_the_store_is_one_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    assert_one_sentence(run_till(tmp_path, "--db", folder), str(folder))


def test_a_second_till_on_a_store_already_open_here_is_one_sentence(tmp_path: Path) -> None:
    """Two till windows on one store on one computer would share the till's name and so its
    open order: the second is refused while the first runs."""
    from PySide6.QtCore import QLockFile

    from pos_prompter.bootstrap import init_store

    store = tmp_path / "store.db"
    init_store(store, "cafe").close()
    first = QLockFile(f"{store}.till-lock")  # what the running till holds
    assert first.tryLock(0)
    try:
        result = run_till(tmp_path, "--db", store)
    finally:
        first.unlock()
    assert_one_sentence(result, "a till is already open on", str(store), "use that window")
