"""app.after_first_paint: what the till's first screen does not need (the store guard's
check and backup) waits until the window has been painted once (issue 14.2), and `run`
starts the guard so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_prompter import app as till_app
from pos_prompter.bootstrap import DEFAULT_CLERK, init_store


class PaintSeen(QObject):
    """Counts the Paint events its widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_work_put_off_runs_once_after_the_scan_field_is_painted(
        qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    init_store(tmp_path / "store.db", demo="cafe").close()
    store = till_app.open_store(tmp_path / "store.db")
    window = till_app.build_window(store, clerk=DEFAULT_CLERK)
    spy = PaintSeen()
    window.scan_input.installEventFilter(spy)
    paints_when_run: list[int] = []
    try:
        till_app.after_first_paint(window, lambda: paints_when_run.append(spy.paints))
        qapp.processEvents()
        assert paints_when_run == []  # not on screen yet: nothing painted, nothing run

        window.show()
        qtbot.waitUntil(lambda: paints_when_run != [], timeout=5_000)
        assert paints_when_run[0] >= 1
        window.scan_input.update()
        qtbot.waitUntil(lambda: spy.paints > paints_when_run[0], timeout=5_000)
        assert len(paints_when_run) == 1  # once, not at every paint
    finally:
        window.close()
        store.close()


def test_on_a_window_already_on_screen_it_runs_at_the_next_turn(
        qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    init_store(tmp_path / "store.db", demo="cafe").close()
    store = till_app.open_store(tmp_path / "store.db")
    window = till_app.build_window(store, clerk=DEFAULT_CLERK)
    try:
        with qtbot.waitExposed(window):
            window.show()
        ran: list[bool] = []
        till_app.after_first_paint(window, lambda: ran.append(True))
        assert ran == []  # never inside the call
        qtbot.waitUntil(lambda: ran == [True], timeout=5_000)
    finally:
        window.close()
        store.close()
