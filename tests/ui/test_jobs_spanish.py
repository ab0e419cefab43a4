"""A store job that stopped before its work gave an outcome says so in the reader's
language (issue 14.3): the page shows the sentence the job hands over."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from spanish_check import spanish  # noqa: F401 - the fixture, used by name

from pos_prompter.store import Store
from pos_prompter.ui.jobs import StoreJob


@pytest.mark.usefixtures("spanish")
def test_a_job_that_stopped_before_it_finished_says_so_in_spanish(tmp_path: Path,
                                                                 qtbot: QtBot) -> None:
    path = tmp_path / "store.db"
    Store.open(path, create=True).close()
    job = StoreJob(path, lambda _store, _progress: "done")
    with qtbot.waitSignal(job.failed, timeout=5_000) as failed:
        job.finished.emit()  # the thread ended without running the work (Qt stopped it)
    assert failed.args == ["El trabajo se detuvo antes de terminar.", []]


def test_in_english_it_is_as_it_was(tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "store.db"
    Store.open(path, create=True).close()
    job = StoreJob(path, lambda _store, _progress: "done")
    with qtbot.waitSignal(job.failed, timeout=5_000) as failed:
        job.finished.emit()
    assert failed.args == ["The job stopped before it finished.", []]

