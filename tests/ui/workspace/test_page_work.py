"""Store work for the workspace's pages off the UI thread (ui.workspace.page_work): the work
runs on a connection of its own, its outcome comes back on the UI thread, one piece at a
time, a refusal as one sentence. Real store files in tmp_path; the pages on top:
test_staff_page.py, test_settings_page.py, test_catalog_page.py."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from pos_prompter.core.errors import ValidationError
from pos_prompter.store import Store
from pos_prompter.ui.workspace.page_work import PageWork, refusal_text


def test_the_work_runs_off_the_ui_thread_and_its_result_comes_back_on_it(
        qtbot: QtBot, cafe_store_path: Path) -> None:
    with Store.open(cafe_store_path) as store:
        owner = QObject()
        work = PageWork(store, owner)
        ran_on: list[threading.Thread] = []
        results: list[tuple[object, bool]] = []

        def read(own: Store) -> int:
            ran_on.append(threading.current_thread())
            assert own is not store, "a connection of its own"
            return len(own.rules.load())

        work.run(read, lambda n: results.append((n, QThread.currentThread()
                                                  is owner.thread())), results.append)
        assert work.busy
        qtbot.waitUntil(lambda: bool(results))
        assert not work.busy
        assert results == [(len(store.rules.load()), True)]
        assert ran_on[0] is not threading.main_thread()


def test_a_refusal_comes_back_as_one_sentence(qtbot: QtBot, cafe_store_path: Path) -> None:
    def refuse(_store: Store) -> None:
        raise ValidationError(["that PIN is taken by another clerk"], what="staff")

    with Store.open(cafe_store_path) as store:
        work = PageWork(store)
        failures: list[str] = []
        work.run(refuse, lambda _r: failures.append("done?"), failures.append)
        qtbot.waitUntil(lambda: bool(failures))
        assert failures == ["That PIN is taken by another clerk."]
        assert not work.busy


def test_an_outcome_for_a_page_that_is_gone_is_dropped(qtbot: QtBot,
                                                       cafe_store_path: Path) -> None:
    arrived: list[object] = []
    window = QObject()  # the workspace: its jobs outlive its pages
    with Store.open(cafe_store_path) as store:
        page = QObject(window)
        work = PageWork(store, page)
        release = threading.Event()
        work.run(lambda _s: release.wait(10), arrived.append, arrived.append)
        job = work.job
        assert job is not None
        with qtbot.waitSignal(work.destroyed):
            page.deleteLater()  # the page closed while its work runs
        with qtbot.waitSignal(job.succeeded, timeout=10_000):  # delivered: and dropped
            release.set()
        assert arrived == []


def test_refusal_text_is_one_capitalised_sentence() -> None:
    assert refusal_text("staff refused", ["pin too short"]) == "Pin too short."
    assert refusal_text("Nothing changed", []) == "Nothing changed."
    assert refusal_text("x", ["Is it taken?"]) == "Is it taken?"


def test_only_the_latest_piece_of_work_reaches_the_page(qtbot: QtBot,
                                                         cafe_store_path: Path) -> None:
    arrived: list[object] = []
    with Store.open(cafe_store_path) as store:
        work = PageWork(store)
        release = threading.Event()
        work.run(lambda _s: release.wait(10) and "first", arrived.append, arrived.append)
        first = work.job
        assert first is not None
        work.run(lambda _s: "second", arrived.append, arrived.append)  # asked again
        qtbot.waitUntil(lambda: bool(arrived))
        with qtbot.waitSignal(first.succeeded, timeout=10_000):  # delivered: and dropped
            release.set()
        assert arrived == ["second"]
