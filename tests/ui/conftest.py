"""Fixtures for the till window tests: real store files in tmp_path, real widgets offscreen,
a fixed Monday-morning clock, and a check that no test leaves a window open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tillwin_helpers import visible_windows, windows_left_open

from pos_prompter.bootstrap import init_store, parse_pack_text
from pos_prompter.core.order import Clock, FixedClock
from pos_prompter.store import Store
from pos_prompter.till import Till
from pos_prompter.ui.till_window import TillWindow

MORNING = dt.datetime(2026, 11, 23, 8, 10)
"""A Monday at 8:10: the cafe's breakfast rules (06:00-11:00) fire, the afternoon ones not."""

MakeTillWindow = Callable[..., TillWindow]


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    """Every window a test opens is closed by the end of it, and no dialog ever shows."""
    before = visible_windows()
    yield
    qapp.processEvents()
    left = windows_left_open(before)
    assert not left, "windows left open: " + ", ".join(left)


@pytest.fixture
def morning_clock() -> FixedClock:
    return FixedClock(MORNING)


@pytest.fixture
def cafe_store_path(tmp_path: Path) -> Path:
    """A new store file seeded with the cafe demo (catalog and rules)."""
    path = tmp_path / "store.db"
    init_store(path, demo="cafe").close()
    return path


@pytest.fixture
def store_with_rules(cafe_store_path: Path) -> Callable[[str], Path]:
    """The cafe demo catalog with the rules of a pack given as YAML text instead."""

    def make(pack_yaml: str) -> Path:
        with Store.open(cafe_store_path) as store:
            store.replace_rules(parse_pack_text(pack_yaml, "test-pack.yaml"))
        return cafe_store_path

    return make


@pytest.fixture
def make_till_window(qtbot: QtBot, morning_clock: FixedClock) -> Iterator[MakeTillWindow]:
    """Build TillWindows on store files: `make_till_window(path, training=False,
    clock=None)`. Each is shown, active and has the focus in scanInput; windows and their
    stores are closed at teardown."""
    made: list[tuple[TillWindow, Store]] = []

    def make(path: Path, *, training: bool = False, clock: Clock | None = None,
             show: bool = True) -> TillWindow:
        store = Store.open(path)
        window = TillWindow(Till(store, clock or morning_clock), training=training)
        made.append((window, store))
        if show:
            with qtbot.waitExposed(window):
                window.show()
            window.activateWindow()
            qtbot.waitUntil(window.scan_input.hasFocus)
        return window

    yield make
    for window, store in reversed(made):
        window.close()
        window.deleteLater()
        store.close()
